//! Self-wakes of both kinds: a task that wakes itself inside its poll (the pre-tokio#5223
//! `yield_now`: `wake_by_ref`, then `Pending`) between timer waits, and a task that calls Tokio
//! 1.24's `yield_now`, whose wake is deferred until the worker has finished polling.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

const WORKERS: usize = 2;

/// Wakes its task inside the poll and returns `Pending` once, then completes.
#[derive(Default)]
struct WakeSelfOnce {
    woken: bool,
}

impl Future for WakeSelfOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.woken {
            return Poll::Ready(());
        }
        self.woken = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let rounds = 10 * size;
    let yields = 20 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let waker = ari_real::spawn(async move {
            for _ in 0..rounds {
                tokio::time::sleep(Duration::from_millis(2)).await;
                WakeSelfOnce::default().await;
            }
            rounds
        });
        let yielder = ari_real::spawn(async move {
            for _ in 0..yields {
                tokio::task::yield_now().await;
            }
            yields
        });
        let in_poll = waker.await.unwrap();
        let yielded = yielder.await.unwrap();

        ari_real::Truth::new("self_wake")
            .count("in_poll_self_wakes", in_poll)
            .count("timer_wakes", in_poll)
            .count("yields", yielded)
            .runtime(WORKERS as u64, true)
            .count("timers", in_poll)
            .none_of(&["outside_threads"])
            .write();
    });
}

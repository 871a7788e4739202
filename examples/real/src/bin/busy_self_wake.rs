//! The busy-loop fault: a task that waits by waking itself and returning `Pending`, over and over,
//! instead of registering to be woken when what it waits for is done. Here what it waits for is
//! its own count of spins, so every one of its wakes is its own and their number is exact.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

const WORKERS: usize = 2;

/// Wakes its own task and returns `Pending` `remaining` times, then completes.
struct Spin {
    remaining: u64,
}

impl Future for Spin {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.remaining == 0 {
            return Poll::Ready(());
        }
        self.remaining -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let spins = 2000 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        ari_real::spawn(Spin { remaining: spins }).await.unwrap();

        ari_real::Truth::new("busy_self_wake")
            .count("self_wakes", spins)
            .count("spinner_polls", spins + 1)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "timers", "outside_threads"])
            .write();
    });
}

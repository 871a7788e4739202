//! Wakes from outside the runtime: a `std::thread` holds a task's waker and wakes it, round after
//! round; the task waits for each round by keeping its waker where the thread finds it.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

const WORKERS: usize = 2;

/// What the task and the thread share: the round the thread has finished, and the waker the task
/// left for the round it waits for.
#[derive(Default)]
struct Rendezvous {
    finished: u64,
    waiting: Option<(u64, Waker)>,
}

/// Ready once the thread has finished `round`; until then leaves the task's waker for it.
struct Round {
    rendezvous: Arc<Mutex<Rendezvous>>,
    round: u64,
}

impl Future for Round {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut shared = self.rendezvous.lock().unwrap();
        if shared.finished >= self.round {
            return Poll::Ready(());
        }
        shared.waiting = Some((self.round, cx.waker().clone()));
        Poll::Pending
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let rounds = 20 * size;
    let rendezvous = Arc::new(Mutex::new(Rendezvous::default()));
    let waker_thread = {
        let rendezvous = Arc::clone(&rendezvous);
        std::thread::Builder::new()
            .name("outside-waker".into())
            .spawn(move || {
                let mut woken = 0;
                for round in 1..=rounds {
                    // Wait until the task is parked on this round, then finish it and wake the task.
                    let waker = loop {
                        let mut shared = rendezvous.lock().unwrap();
                        if matches!(shared.waiting, Some((waiting, _)) if waiting == round) {
                            shared.finished = round;
                            break shared.waiting.take().unwrap().1;
                        }
                        drop(shared);
                        std::thread::sleep(Duration::from_micros(200));
                    };
                    waker.wake();
                    woken += 1;
                }
                woken
            })
            .unwrap()
    };
    ari_real::multi_thread(WORKERS).block_on(async move {
        let waiter = ari_real::spawn(async move {
            for round in 1..=rounds {
                Round {
                    rendezvous: Arc::clone(&rendezvous),
                    round,
                }
                .await;
            }
        });
        waiter.await.unwrap();
    });
    let woken = waker_thread.join().unwrap();
    assert_eq!(woken, rounds);

    ari_real::Truth::new("outside_wake")
        .count("outside_wakes", woken)
        .count("waiter_polls", rounds + 1)
        .runtime(WORKERS as u64, true)
        .none_of(&["yields", "timers"])
        .count("outside_threads", 1)
        .write();
}

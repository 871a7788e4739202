//! The blocking-poll fault: a task that sleeps the thread (`std::thread::sleep`) inside its poll
//! each time a message arrives, holding a worker for the whole sleep.
//!
//! One worker polls both tasks, so the feeder never sends while the blocker registers with the channel
//! (on two workers Tokio's `AtomicWaker` would then wake the blocker inside its own poll: a self-wake).
//! A loaded machine can stretch any poll past ari's limit by descheduling its thread, so the program
//! times every poll of its tasks itself and counts the long ones where they happen.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

const WORKERS: usize = 1;
const BLOCK: Duration = Duration::from_millis(50);
/// ari's default long-poll limit: a poll longer than this is a finding.
const LONG_POLL: Duration = Duration::from_millis(50);

/// Times each poll of its future and counts those longer than [`LONG_POLL`].
struct Timed<F> {
    future: Pin<Box<F>>,
    long_polls: Arc<AtomicU64>,
}

impl<F: Future> Future for Timed<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let started = Instant::now();
        let polled = self.future.as_mut().poll(cx);
        if started.elapsed() > LONG_POLL {
            self.long_polls.fetch_add(1, Ordering::Relaxed);
        }
        polled
    }
}

fn timed<F: Future>(future: F, long_polls: &Arc<AtomicU64>) -> Timed<F> {
    Timed {
        future: Box::pin(future),
        long_polls: Arc::clone(long_polls),
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let messages = 3 * size;
    let long_polls = Arc::new(AtomicU64::new(0));
    ari_real::multi_thread(WORKERS).block_on(async move {
        let (sender, mut receiver) = mpsc::channel(1);
        let blocker = ari_real::spawn(timed(
            async move {
                let mut blocked = 0;
                while receiver.recv().await.is_some() {
                    let started = Instant::now();
                    std::thread::sleep(BLOCK);
                    assert!(started.elapsed() >= BLOCK);
                    blocked += 1;
                    // A timer wait after each block ends the poll, so each block is in a poll of its own.
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                blocked
            },
            &long_polls,
        ));
        let feeder = ari_real::spawn(timed(
            async move {
                for message in 0..messages {
                    sender.send(message).await.unwrap();
                }
            },
            &long_polls,
        ));
        feeder.await.unwrap();
        let blocked = blocker.await.unwrap();
        assert_eq!(blocked, messages);
        let long_polls = long_polls.load(Ordering::Relaxed);
        assert!(long_polls >= blocked);

        ari_real::Truth::new("blocking_poll")
            .count("blocking_sleeps", blocked)
            .count("blocking_polls", blocked)
            .count("long_polls", long_polls)
            .count("block_ms", BLOCK.as_millis() as u64)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "outside_threads"])
            .count("timers", blocked)
            .write();
    });
}

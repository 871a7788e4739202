//! The blocking-poll fault: a task that sleeps the thread (`std::thread::sleep`) inside its poll
//! each time a message arrives, holding a worker for the whole sleep.

use std::time::{Duration, Instant};

use tokio::sync::mpsc;

const WORKERS: usize = 2;
const BLOCK: Duration = Duration::from_millis(50);

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let messages = 3 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let (sender, mut receiver) = mpsc::channel(1);
        let blocker = ari_real::spawn(async move {
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
        });
        let feeder = ari_real::spawn(async move {
            for message in 0..messages {
                sender.send(message).await.unwrap();
            }
        });
        feeder.await.unwrap();
        let blocked = blocker.await.unwrap();
        assert_eq!(blocked, messages);

        ari_real::Truth::new("blocking_poll")
            .count("blocking_sleeps", blocked)
            .count("blocking_polls", blocked)
            .count("block_ms", BLOCK.as_millis() as u64)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "outside_threads"])
            .count("timers", blocked)
            .write();
    });
}

//! Blocking work done the ways Tokio offers: `spawn_blocking` closures on the blocking pool, awaited
//! by a task, and `block_in_place` inside a task's poll on a worker.

use std::time::{Duration, Instant};

const WORKERS: usize = 2;
const BLOCK: Duration = Duration::from_millis(20);

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let closures = 5 * size;
    let in_place = 3 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let pool_user = ari_real::spawn(async move {
            let mut done = 0;
            for _ in 0..closures {
                ari_real::count_spawn();
                let started = Instant::now();
                tokio::task::spawn_blocking(move || std::thread::sleep(BLOCK))
                    .await
                    .unwrap();
                assert!(started.elapsed() >= BLOCK);
                done += 1;
            }
            done
        });
        let in_place_user = ari_real::spawn(async move {
            let mut done = 0;
            for _ in 0..in_place {
                tokio::task::block_in_place(|| std::thread::sleep(BLOCK));
                done += 1;
                // A timer wait between calls ends the poll, so each block_in_place is in a poll of its own.
                // Long enough that the timer is never due by the time its first poll registers it: Tokio
                // fires a due timer inside that poll, a true self-wake this program's truth does not count
                // (at 1 ms a busy machine's pause between the sleep's making and its poll did it, 1 run in
                // about a dozen full test runs).
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            done
        });
        let closures_run = pool_user.await.unwrap();
        let in_place_run = in_place_user.await.unwrap();

        ari_real::Truth::new("blocking")
            .count("spawn_blocking_calls", closures_run)
            .count("block_in_place_calls", in_place_run)
            .count("block_in_place_polls", in_place_run)
            .count("block_ms", BLOCK.as_millis() as u64)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "outside_threads"])
            .count("timers", in_place_run)
            .write();
    });
}

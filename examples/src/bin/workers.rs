//! A multi-thread runtime with two workers: tasks sleep and yield, so they are polled on one worker
//! and later on the other; one blocking task runs on Tokio's blocking pool.

use std::time::Duration;

use ari_examples::spawn_named;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    ari_examples::init_tracing();

    let mut handles = Vec::new();
    for n in 0..6u64 {
        handles.push(spawn_named(&format!("worker-{n}"), async move {
            for round in 0..4u64 {
                tracing::debug!(n, round, "working");
                if round % 2 == 0 {
                    tokio::task::yield_now().await;
                } else {
                    // Long enough that a busy machine still polls the sleep before its deadline, so the
                    // timer (from outside the runtime) wakes it; a sleep already due completes unwoken.
                    tokio::time::sleep(Duration::from_millis(20 + 5 * (n % 3))).await;
                }
            }
            n
        }));
    }
    let blocking = tokio::task::spawn_blocking(|| {
        tracing::info!("blocking work");
        std::thread::sleep(Duration::from_millis(5));
        7u64
    });

    let mut total = blocking.await.unwrap();
    for handle in handles {
        total += handle.await.unwrap();
    }
    tracing::info!(total, "all done");
}

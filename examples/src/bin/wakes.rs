//! The second article's program: one task woken three ways, by itself, by another task, and from a
//! thread outside the runtime.

use std::time::Duration;

use ari_examples::spawn_named;

#[tokio::main]
async fn main() {
    ari_examples::init_tracing();

    let (tx, mut rx) = tokio::sync::mpsc::channel(1);

    let receiver = spawn_named("receiver", async move {
        tracing::debug!("self-wake: wake from same task (async)");
        ari_examples::self_wake().await;

        while rx.recv().await.is_some() {
            tracing::debug!("received message");
        }

        tracing::debug!("received None");
    });

    tokio::time::sleep(Duration::from_millis(10)).await;
    let task_tx = tx.clone();
    spawn_named("sender-task", async move {
        tracing::debug!("wake from another task (async)");
        task_tx.send(()).await.unwrap();
    })
    .await
    .unwrap();

    let no_runtime_tx = tx.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(10));

        tracing::debug!("wake from another thread (non-async)");
        no_runtime_tx.try_send(()).unwrap();
    })
    .join()
    .unwrap();

    drop(tx);
    receiver.await.unwrap();
}

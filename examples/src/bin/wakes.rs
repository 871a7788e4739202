//! The second article's program: one task woken three ways, by itself, by another task, and from a
//! thread outside the runtime. The article's sleeps let the receiver wait on its channel before each
//! send; this also waits until it does, so that each wake (and the channel's close, a fourth one,
//! from `main`) finds it waiting however busy the machine, and never while it registers its waker.

use std::sync::Arc;
use std::time::Duration;

use ari_examples::{notify_when_pending, spawn_named};
use tokio::sync::Notify;

#[tokio::main]
async fn main() {
    ari_examples::init_tracing();

    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let waiting = Arc::new(Notify::new());

    let receiver_waiting = Arc::clone(&waiting);
    let receiver = spawn_named("receiver", async move {
        tracing::debug!("self-wake: wake from same task (async)");
        ari_examples::self_wake().await;

        while notify_when_pending(rx.recv(), &receiver_waiting)
            .await
            .is_some()
        {
            tracing::debug!("received message");
        }

        tracing::debug!("received None");
    });

    tokio::time::sleep(Duration::from_millis(10)).await;
    waiting.notified().await;
    let task_tx = tx.clone();
    spawn_named("sender-task", async move {
        tracing::debug!("wake from another task (async)");
        task_tx.send(()).await.unwrap();
    })
    .await
    .unwrap();

    waiting.notified().await;
    let no_runtime_tx = tx.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(10));

        tracing::debug!("wake from another thread (non-async)");
        no_runtime_tx.try_send(()).unwrap();
    })
    .join()
    .unwrap();

    waiting.notified().await;
    drop(tx);
    receiver.await.unwrap();
}

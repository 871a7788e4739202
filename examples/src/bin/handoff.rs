//! Wakes on a multi-thread runtime that is built after tracing is installed, so that Tokio's own
//! worker threads run inside `runtime.spawn` spans of kind `blocking` (spawned from Tokio's source):
//! - `waiter` awaits a oneshot that a user `spawn_blocking` closure sends on: a wake by a task (the
//!   blocking task is a task);
//! - `yielder` yields once: Tokio 1.24 defers that wake until the worker parks (tokio#5223), so the
//!   wake is made by the worker between polls, inside the worker's span: its own deferred self-wake;
//! - `sleeper` sleeps: the timer driver wakes it from a worker between polls: a wake from outside.

use std::sync::Arc;
use std::time::Duration;

use ari_examples::{notify_when_pending, spawn_named};
use tokio::sync::Notify;

fn main() {
    ari_examples::init_tracing();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    runtime.block_on(async {
        let (tx, rx) = tokio::sync::oneshot::channel::<u64>();
        let waiting = Arc::new(Notify::new());
        let waiter_waiting = Arc::clone(&waiting);
        let waiter = spawn_named("waiter", async move {
            tracing::debug!("waiting for the blocking task");
            notify_when_pending(rx, &waiter_waiting).await.unwrap()
        });

        let yielder = spawn_named("yielder", async {
            tracing::debug!("yielding once");
            tokio::task::yield_now().await;
        });

        let sleeper = spawn_named("sleeper", async {
            tokio::time::sleep(Duration::from_millis(5)).await;
        });

        // Give `waiter` time to register its waker with the channel before the send.
        // The blocking task sends once the waiter waits, so its send always wakes it.
        waiting.notified().await;
        let blocking = tokio::task::spawn_blocking(move || {
            tracing::info!("sending from a blocking task");
            tx.send(42).unwrap();
        });

        blocking.await.unwrap();
        yielder.await.unwrap();
        sleeper.await.unwrap();
        let value = waiter.await.unwrap();
        tracing::info!(value, "done");
    });
}

//! Shared set-up for the example programs.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Notify;
use tracing_subscriber::prelude::*;

mod plain_reference;
mod reference;

/// Installs the registry with ari-tap, exactly as a user would:
/// `tracing_subscriber::registry().with(ari_tap::layer()).init()`.
///
/// ari's own tests also set `ARI_REFERENCE=PATH`, which adds a second, plain layer that writes what
/// `tracing` delivered (as JSON lines) so the tests can compare it with what ari reads from the tap.
pub fn init_tracing() {
    tracing_subscriber::registry()
        .with(ari_tap::layer())
        .with(reference::ReferenceLayer::from_env())
        .with(plain_reference::PlainReferenceLayer::from_env())
        .init();
}

/// Spawns a task with a name (Tokio's unstable task builder), as the articles' examples do.
#[track_caller]
pub fn spawn_named<F>(name: &str, future: F) -> tokio::task::JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    tokio::task::Builder::new()
        .name(name)
        .spawn(future)
        .unwrap_or_else(|err| panic!("spawning task '{name}' failed: {err}"))
}

/// `yield_now` as it was before tokio#5223: wake the task's own waker during the poll, then return
/// `Pending`. Tokio 1.24's `yield_now` defers that wake until after the poll instead.
pub fn self_wake() -> SelfWake {
    SelfWake { yielded: false }
}

/// The future [`self_wake`] returns.
pub struct SelfWake {
    yielded: bool,
}

impl Future for SelfWake {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Polls `future` and notifies `waiting` each time a poll of it returns `Pending`: the future has then
/// left the task's waker with what it waits for, so whoever waits on `waiting` can go on knowing its
/// wake will find the task waiting, however late a busy machine polled it (a sleep cannot promise that).
pub fn notify_when_pending<F: Future>(future: F, waiting: &Arc<Notify>) -> NotifyWhenPending<F> {
    NotifyWhenPending {
        future: Box::pin(future),
        waiting: Arc::clone(waiting),
    }
}

/// The future [`notify_when_pending`] returns.
pub struct NotifyWhenPending<F> {
    future: Pin<Box<F>>,
    waiting: Arc<Notify>,
}

impl<F: Future> Future for NotifyWhenPending<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let polled = self.future.as_mut().poll(cx);
        if polled.is_pending() {
            self.waiting.notify_one();
        }
        polled
    }
}

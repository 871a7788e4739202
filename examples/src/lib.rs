//! Shared set-up for the example programs.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

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

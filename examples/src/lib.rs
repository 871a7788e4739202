//! Shared set-up for the example programs.

use std::future::Future;

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

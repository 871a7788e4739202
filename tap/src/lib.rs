//! ari-tap: a `tracing-subscriber` Layer that streams every callback to
//! [ari](https://github.com/) in a compact, versioned binary format (`docs/wire-format.md`).
//!
//! ```no_run
//! use tracing_subscriber::prelude::*;
//! tracing_subscriber::registry().with(ari_tap::layer()).init();
//! ```
//!
//! The destination comes from `ARI_TAP`: a file path, `unix:PATH` or `tcp:IP:PORT`. Unset, the layer
//! does nothing. The tap never blocks the program and never panics in it: when the writer cannot keep
//! up, whole batches are dropped, counted, and reported in the stream and on stderr at exit.

mod destination;
mod encode;
mod layer;
mod tap;
mod thread_buffer;
mod writer;

pub use layer::AriLayer;

/// The layer, configured from `ARI_TAP`.
#[must_use = "a Layer does nothing until it is added to a subscriber"]
pub fn layer() -> AriLayer {
    AriLayer::from_env()
}

/// Writes out everything recorded so far, waiting at most `timeout` for the writer; `false` when it
/// did not finish in time or nothing is being recorded. The tap flushes by itself every few
/// milliseconds and at exit; this is for a program about to `abort` or hand its output on.
pub fn flush(timeout: std::time::Duration) -> bool {
    tap::Tap::global().is_some_and(|tap| tap.flush(timeout))
}

/// Installs `registry().with(layer())` as the global default subscriber.
///
/// # Panics
/// When a global default subscriber is already set, as `tracing_subscriber`'s `init` does.
pub fn init() {
    use tracing_subscriber::prelude::*;
    tracing_subscriber::registry().with(layer()).init();
}

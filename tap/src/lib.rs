//! ari-tap: a `tracing-subscriber` Layer that streams every callback to
//! [ari](https://github.com/) in a compact, versioned binary format (`docs/wire-format.md`).
//!
//! ```no_run
//! use tracing_subscriber::prelude::*;
//! tracing_subscriber::registry().with(ari_tap::layer()).init();
//! ```
//!
//! The destination comes from `ARI_TAP`: a file path, `unix:PATH` or `tcp:IP:PORT`. Unset, the layer
//! does nothing. `ARI_TAP_FILTER` (tracing's `EnvFilter` syntax, e.g. `tokio=trace,my_app=debug`)
//! keeps only what it enables, inside the tap, so filtered callbacks cost no encoding at all.
//! The tap never blocks the program and never panics in it: when the writer cannot keep up, whole
//! batches are dropped, counted, and reported in the stream and on stderr at exit. Up to 16 MiB of full
//! batches wait for the writer first; `ARI_TAP_QUEUE` (e.g. `256MiB`) sets how much, for a reader that
//! falls further behind.

// The layer's callbacks (`layer`) encode records on the hot path (`tap`) into each thread's buffer
// (`thread_buffer`), and hand full buffers to the writer thread (`writer`) through its queue. What
// both sides use lives in `shared`: the sequence counter and clock, the threads' buffers, which the
// writer sweeps, the interned callsites and threads (`interning`) and the drop counts
// (`drop_counts`); the writer never sees the layer. `setup` starts the recording from the
// environment, `control` asks the writer to flush or finish, and `exit` ends the stream and says on
// stderr what was lost.
mod clock;
mod control;
mod destination;
mod drop_counts;
mod encode;
mod exit;
mod interning;
mod layer;
mod lock;
mod pointer_hasher;
mod queue_size;
mod setup;
mod shared;
mod tap;
mod tap_layer;
mod thread_buffer;
mod writer;

use tracing_core::Subscriber;
use tracing_subscriber::filter::EnvFilter;
use tracing_subscriber::layer::Layer;
use tracing_subscriber::registry::LookupSpan;

pub use layer::AriLayer;
pub use tap_layer::TapLayer;

/// The layer, configured from `ARI_TAP` and `ARI_TAP_FILTER`.
#[must_use = "a Layer does nothing until it is added to a subscriber"]
pub fn layer<S>() -> TapLayer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    let tap = AriLayer::from_env();
    // Without a filter the registry is spared per-layer filter bookkeeping.
    match filter_from_env(&tap) {
        Some(filter) => TapLayer::Filtered(Box::new(tap.with_filter(filter))),
        None => TapLayer::Unfiltered(tap),
    }
}

/// Whether this process records (`ARI_TAP` is set and its destination opened).
pub fn is_recording() -> bool {
    setup::global().is_some()
}

fn filter_from_env(tap: &AriLayer) -> Option<EnvFilter> {
    let directives = std::env::var("ARI_TAP_FILTER")
        .ok()
        .filter(|d| !d.is_empty())?;
    if !tap.is_recording() {
        return None;
    }
    match EnvFilter::try_new(&directives) {
        Ok(filter) => Some(filter),
        Err(err) => {
            eprintln!("ari-tap: ARI_TAP_FILTER={directives:?} is not a valid filter ({err}); recording everything");
            None
        }
    }
}

/// Writes out everything recorded so far, waiting at most `timeout` for the writer; `false` when it
/// did not finish in time or nothing is being recorded. The tap flushes by itself every few
/// milliseconds and at exit; this is for a program about to `abort` or hand its output on.
pub fn flush(timeout: std::time::Duration) -> bool {
    setup::global().is_some_and(|recording| recording.control.flush(timeout))
}

/// Installs `registry().with(layer())` as the global default subscriber.
///
/// # Panics
/// When a global default subscriber is already set, as `tracing_subscriber`'s `init` does.
pub fn init() {
    use tracing_subscriber::prelude::*;
    tracing_subscriber::registry().with(layer()).init();
}

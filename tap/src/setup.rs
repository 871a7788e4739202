//! The process's one recording, set up from `ARI_TAP` on first use: the destination opened, the
//! writer thread started, and the exit hook that ends the stream.

use std::sync::{Arc, OnceLock};

use crate::control::WriterControl;
use crate::destination::Destination;
use crate::exit;
use crate::queue_size;
use crate::shared::Shared;
use crate::tap::Tap;
use crate::writer;

/// A running recording: the layers' hot path, and the writer's control for flushes and the exit.
pub(crate) struct Recording {
    pub(crate) tap: Tap,
    pub(crate) control: WriterControl,
}

static RECORDING: OnceLock<Option<Recording>> = OnceLock::new();

/// The recording for this process, started on first use from `ARI_TAP`; `None` when unset or unusable.
pub(crate) fn get() -> Option<&'static Recording> {
    RECORDING.get_or_init(from_env).as_ref()
}

/// The recording, if one was started.
pub(crate) fn global() -> Option<&'static Recording> {
    RECORDING.get().and_then(Option::as_ref)
}

fn from_env() -> Option<Recording> {
    let spec = std::env::var("ARI_TAP").ok().filter(|s| !s.is_empty())?;
    let destination = Destination::parse(&spec);
    let sink = match destination.open() {
        Ok(sink) => sink,
        Err(err) => {
            eprintln!(
                "ari-tap: cannot open {destination}: {err}; the program runs without recording"
            );
            return None;
        }
    };
    let queue_batches = queue_size::from_env();
    let shared = Arc::new(Shared::new(destination));
    let anchor = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let (batches, control) = match writer::spawn(shared.clone(), sink, anchor, queue_batches) {
        Ok(channels) => channels,
        Err(err) => {
            eprintln!("ari-tap: cannot start its writer thread: {err}; the program runs without recording");
            return None;
        }
    };
    // SAFETY: `at_exit` is an `extern "C" fn()` that never unwinds.
    unsafe { libc::atexit(at_exit) };
    Some(Recording {
        tap: Tap::new(shared, batches),
        control,
    })
}

/// Runs when the process exits (after `main` returns or on `process::exit`), so a program that keeps
/// no guard still loses nothing.
extern "C" fn at_exit() {
    let _ = std::panic::catch_unwind(|| {
        if let Some(recording) = global() {
            exit::finish(&recording.control, recording.tap.shared());
        }
    });
}

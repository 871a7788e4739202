//! Every kind of value, parent and lifecycle step a layer can be given, outside Tokio's own
//! instrumentation: typed fields, `record`, `follows_from`, explicit and root parents, re-entered
//! spans, span IDs reused after close, named threads, and an exit through `process::exit`.

use std::fmt;

use tracing::{debug_span, event, field, info_span, trace_span, Level};

struct Loud;

impl fmt::Debug for Loud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Loud { volume: 11 }")
    }
}

#[derive(Debug)]
struct Failure;

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("disk on fire")
    }
}

impl std::error::Error for Failure {}

fn main() {
    ari_examples::init_tracing();

    let outer = info_span!("outer", job = "fields", attempt = field::Empty);
    outer.record("attempt", 2u64);
    {
        let _outer = outer.enter();
        event!(
            Level::INFO,
            small = -7i64,
            big = u64::MAX,
            huge = i128::MIN,
            vast = u128::MAX,
            ratio = 0.25f64,
            flag = true,
            off = false,
            text = "quoted \"str\"\twith tab",
            shown = %"display text",
            debugged = ?Loud,
            "message with {} args",
            2
        );
        let error: &(dyn std::error::Error + 'static) = &Failure;
        tracing::error!(error, "it failed");

        let inner = debug_span!("inner", depth = 1);
        inner.follows_from(&outer);
        inner.in_scope(|| {
            tracing::warn!("inside inner");
            // Entering a span that is already entered: the registry's stack marks it as a duplicate.
            outer.in_scope(|| tracing::debug!("outer again"));
            let root = trace_span!(parent: None, "root-span");
            root.in_scope(|| tracing::trace!("in root span"));
            tracing::trace!(parent: None, "root event");
            tracing::trace!(parent: &outer, "explicit parent");
        });
    }

    let handle = std::thread::Builder::new()
        .name("helper".into())
        .spawn({
            let outer = outer.clone();
            move || {
                let _entered = outer.enter();
                tracing::info!(thread = "helper", "entered on another thread");
            }
        })
        .unwrap();
    handle.join().unwrap();
    drop(outer);

    // Span IDs are reused once a span closes.
    for round in 0..3u64 {
        let _span = info_span!("reused", round).entered();
    }

    std::process::exit(3);
}

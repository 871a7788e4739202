//! The state-never-updated fault: a user's own resource, instrumented the way Tokio 1.24
//! instruments its own (a `runtime.resource` span with `concrete_type`, `kind` and `loc.*`, and
//! `runtime::resource::state_update` events inside it), whose level changes but whose state updates
//! stop after the first. A twin that reports every change shows the right way.

use std::panic::Location;
use std::sync::atomic::{AtomicU64, Ordering};

/// A level that tasks raise; `reports` says whether each change is written as a state update.
struct Gauge {
    level: AtomicU64,
    reports: bool,
    span: tracing::Span,
}

impl Gauge {
    #[track_caller]
    fn new(concrete_type: &'static str, reports: bool) -> Self {
        let location = Location::caller();
        let span = tracing::trace_span!(
            "runtime.resource",
            concrete_type,
            kind = "Sync",
            loc.file = location.file(),
            loc.line = location.line(),
            loc.col = location.column(),
        );
        span.in_scope(|| {
            tracing::trace!(
                target: "runtime::resource::state_update",
                level = 0u64,
                level.op = "override",
            );
        });
        Self {
            level: AtomicU64::new(0),
            reports,
            span,
        }
    }

    fn raise(&self) {
        self.level.fetch_add(1, Ordering::Relaxed);
        if self.reports {
            self.span.in_scope(|| {
                tracing::trace!(
                    target: "runtime::resource::state_update",
                    level = 1u64,
                    level.op = "add",
                );
            });
        }
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let raises = 10 * size;
    ari_real::current_thread().block_on(async move {
        let (silent, reporting) = ari_real::spawn(async move {
            let silent = Gauge::new("SilentGauge", false);
            let reporting = Gauge::new("ReportingGauge", true);
            for _ in 0..raises {
                silent.raise();
                reporting.raise();
            }
            (
                silent.level.load(Ordering::Relaxed),
                reporting.level.load(Ordering::Relaxed),
            )
        })
        .await
        .unwrap();
        assert_eq!((silent, reporting), (raises, raises));

        ari_real::Truth::new("state_never_updated")
            .count("resources", 2)
            .count("silent_changes", silent)
            .count("silent_state_updates", 1)
            .count("reporting_changes", reporting)
            .count("reporting_state_updates", 1 + reporting)
            .runtime(0, true)
            .none_of(&["yields", "timers", "outside_threads"])
            .write();
    });
}

//! ARI_TAP_FILTER keeps only what its directives enable, inside the tap.

mod support;

use std::time::Duration;

use tracing_subscriber::prelude::*;

#[test]
fn only_enabled_callsites_are_recorded() {
    let path = std::env::temp_dir().join(format!("ari-tap-filter-{}.ari", std::process::id()));
    std::env::set_var("ARI_TAP", &path);
    std::env::set_var("ARI_TAP_FILTER", "kept=debug");
    let _guard = tracing_subscriber::registry()
        .with(ari_tap::layer())
        .set_default();

    tracing::debug!(target: "kept", "recorded");
    tracing::trace!(target: "kept", "too verbose");
    tracing::error!(target: "dropped", "not asked for");
    tracing::info_span!(target: "kept", "span").in_scope(|| {});

    assert!(ari_tap::flush(Duration::from_secs(5)));
    let frames = support::frames(&std::fs::read(&path).unwrap());
    std::fs::remove_file(&path).ok();

    assert_eq!(
        support::count(&frames, 0x23),
        1,
        "one event passes the filter"
    );
    assert_eq!(support::count(&frames, 0x20), 1, "and the span");
    assert_eq!(support::count(&frames, 0x24), 1);
}

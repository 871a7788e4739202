//! A destination that cannot be opened turns the tap off; the program runs on.

use tracing_subscriber::prelude::*;

#[test]
fn an_unreachable_destination_disables_the_tap_without_failing_the_program() {
    std::env::set_var("ARI_TAP", "unix:/nonexistent-dir/ari.sock");
    let _guard = tracing_subscriber::registry()
        .with(ari_tap::layer())
        .set_default();
    assert!(!ari_tap::is_recording());
    tracing::info!("still fine");
}

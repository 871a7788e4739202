//! Without ARI_TAP the layer records nothing and the program runs as before.

use tracing_subscriber::prelude::*;

#[test]
fn without_ari_tap_the_layer_does_nothing() {
    std::env::remove_var("ARI_TAP");
    let _guard = tracing_subscriber::registry()
        .with(ari_tap::layer())
        .set_default();
    assert!(!ari_tap::is_recording());
    tracing::info_span!("quiet", n = 1).in_scope(|| tracing::info!("nobody listens"));
    assert!(!ari_tap::flush(std::time::Duration::from_millis(10)));
}

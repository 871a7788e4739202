//! The tap, in a process of its own: every callback becomes one record, in the file named by ARI_TAP.

mod support;

use std::time::Duration;

use tracing::{info_span, Level};
use tracing_subscriber::prelude::*;

#[test]
fn every_callback_is_one_record() {
    let path = std::env::temp_dir().join(format!("ari-tap-test-{}.ari", std::process::id()));
    std::env::set_var("ARI_TAP", &path);
    let _guard = tracing_subscriber::registry()
        .with(ari_tap::layer())
        .set_default();
    assert!(ari_tap::is_recording());

    let span = info_span!("work", size = 3u64, note = tracing::field::Empty);
    span.record("note", "later");
    let other = info_span!("other");
    span.follows_from(&other);
    span.in_scope(|| tracing::event!(Level::WARN, answer = 42, "inside"));
    drop(span);
    drop(other);
    // A watermark between the threads' records, which the second thread's records come after.
    assert!(ari_tap::flush(Duration::from_secs(5)));

    std::thread::Builder::new()
        .name("short-lived".into())
        .spawn(|| {
            let dispatch = tracing_subscriber::registry().with(ari_tap::layer());
            tracing::subscriber::with_default(dispatch, || {
                tracing::info!("from a thread that ends")
            });
        })
        .unwrap()
        .join()
        .unwrap();

    assert!(ari_tap::flush(Duration::from_secs(5)));
    let frames = support::frames(&std::fs::read(&path).unwrap());
    std::fs::remove_file(&path).ok();

    assert_eq!(
        support::count(&frames, 0x20),
        2,
        "new_span for work and other"
    );
    assert_eq!(support::count(&frames, 0x21), 1, "record");
    assert_eq!(support::count(&frames, 0x22), 1, "follows_from");
    assert_eq!(support::count(&frames, 0x23), 2, "events");
    assert_eq!(support::count(&frames, 0x24), 1, "enter");
    assert_eq!(support::count(&frames, 0x25), 1, "exit");
    assert_eq!(support::count(&frames, 0x26), 2, "close");
    assert_eq!(
        support::count(&frames, 0x06),
        0,
        "no end record before the process exits"
    );
    assert!(
        support::count(&frames, 0x04) >= 1,
        "a watermark after the flush"
    );
    let records = support::callback_numbers_and_times(&frames);
    let watermarks = support::clocked_watermarks(&frames);
    assert!(
        watermarks
            .iter()
            .any(|&(watermark, _)| records.iter().any(|&(seq, _)| seq >= watermark)),
        "records after a watermark"
    );
    for (watermark, clock) in watermarks {
        assert!(
            records
                .iter()
                .all(|&(seq, ts)| seq < watermark || ts >= clock),
            "records numbered {watermark} or above are stamped at {clock} or later: {records:?}"
        );
    }
    assert!(
        support::count(&frames, support::BATCH) >= 2,
        "a batch for each thread"
    );
    let names = support::thread_names(&frames);
    assert!(
        names.contains(&"short-lived".to_owned()),
        "threads are named: {names:?}"
    );
}

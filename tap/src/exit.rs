//! The end of a recording at the process's exit: the writer writes what is left and the end of the
//! stream, waited for a bounded time, and stderr says what could not be recorded.

use std::time::Duration;

use crate::control::WriterControl;
use crate::shared::Shared;

/// How long the process's exit waits for the writer to write what is left.
const EXIT_GRACE: Duration = Duration::from_secs(5);

pub(crate) fn finish(control: &WriterControl, shared: &Shared) {
    if !control.finish(EXIT_GRACE) {
        eprintln!(
            "ari-tap: {} did not take the last records within {}s; they are lost",
            shared.destination,
            EXIT_GRACE.as_secs()
        );
    }
    shared.stop();
    report_losses(shared);
}

fn report_losses(shared: &Shared) {
    let oversized = shared.drops.oversized();
    if oversized > 0 {
        eprintln!("ari-tap: {oversized} records left out: a value made them larger than 16 MiB");
    }
    let dropped = shared.drops.records() - oversized;
    if dropped > 0 && shared.has_failed() {
        eprintln!(
            "ari-tap: {dropped} records were not recorded after writing to {} failed",
            shared.destination
        );
    } else if dropped > 0 {
        eprintln!(
            "ari-tap: {dropped} records dropped ({} batches): {} could not keep up with the program",
            shared.drops.batches(),
            shared.destination
        );
    }
}

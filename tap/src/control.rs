//! How the rest of the process asks the writer thread to write what the threads hold, and waits, a
//! bounded time, for it to say it has.

use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};

pub(crate) enum Control {
    /// Write everything the threads hold now, then say so.
    Flush(Sender<()>),
    /// The process is exiting: write everything, end the stream, then say so.
    Finish(Sender<()>),
}

/// The sending end of the writer's control channel.
pub(crate) struct WriterControl(Sender<Control>);

impl WriterControl {
    pub(crate) fn new(control: Sender<Control>) -> WriterControl {
        WriterControl(control)
    }

    /// Has the writer write everything the threads hold; false when it did not within `timeout`.
    pub(crate) fn flush(&self, timeout: Duration) -> bool {
        self.ask(Control::Flush)
            .is_some_and(|done| done.recv_timeout(timeout).is_ok())
    }

    /// Has the writer write everything the threads hold and the end of the stream; false only when it
    /// took the request and did not answer within `grace`.
    pub(crate) fn finish(&self, grace: Duration) -> bool {
        self.ask(Control::Finish)
            .is_none_or(|done| done.recv_timeout(grace).is_ok())
    }

    /// Sends a request; the writer's answer comes on the receiver. `None` when the writer is gone.
    fn ask(&self, request: fn(Sender<()>) -> Control) -> Option<Receiver<()>> {
        let (done, answer) = crossbeam_channel::bounded(1);
        self.0.send(request(done)).ok().map(|()| answer)
    }
}

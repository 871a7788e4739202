//! The layer's hot path: each callback's record is encoded on its own thread, into that thread's
//! buffer, and a full buffer is handed to the writer without waiting; callsite numbers come from a
//! cache of the thread's own.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Sender, TrySendError};
use tracing_core::Metadata;

use crate::lock::lock;
use crate::pointer_hasher::PointerHasher;
use crate::shared::Shared;
use crate::thread_buffer::{Batch, ThreadBuffer};

/// The recording's shared state and the sending end of the writer's queue of full batches.
pub(crate) struct Tap {
    shared: Arc<Shared>,
    batches: Sender<Batch>,
}

/// What each thread keeps: its buffer (shared with the writer's sweep), a scratch buffer for field
/// values, and a cache of callsite indices.
struct Local {
    buffer: OnceCell<Arc<Mutex<ThreadBuffer>>>,
    scratch: RefCell<Vec<u8>>,
    callsites: RefCell<HashMap<usize, u64, BuildHasherDefault<PointerHasher>>>,
}

thread_local! {
    static LOCAL: Local = const {
        Local {
            buffer: OnceCell::new(),
            scratch: RefCell::new(Vec::new()),
            callsites: RefCell::new(HashMap::with_hasher(BuildHasherDefault::new())),
        }
    };
}

impl Drop for Local {
    fn drop(&mut self) {
        // The writer's next sweep takes what is left; nothing here may block the ending thread.
        if let Some(buffer) = self.buffer.get() {
            lock(buffer).exited = true;
        }
    }
}

impl Tap {
    pub(crate) fn new(shared: Arc<Shared>, batches: Sender<Batch>) -> Tap {
        Tap { shared, batches }
    }

    pub(crate) fn shared(&self) -> &Shared {
        &self.shared
    }

    /// Encodes one callback record on the calling thread. `values` may run the program's own `Debug`
    /// impls, which may emit tracing events themselves, so it runs before the thread's buffer is locked.
    #[inline]
    pub(crate) fn write(
        &self,
        kind: u8,
        values: impl FnOnce(&mut Vec<u8>),
        body: impl FnOnce(&mut Vec<u8>, &[u8]),
    ) {
        let shared = &*self.shared;
        if shared.is_stopped() {
            shared.drops.count_record();
            return;
        }
        let written = LOCAL.try_with(|local| {
            let mut fresh = Vec::new();
            let mut scratch = local.scratch.try_borrow_mut();
            let scratch = match scratch {
                Ok(ref mut scratch) => &mut **scratch,
                // A Debug impl re-entered the tap while its values were being encoded.
                Err(_) => &mut fresh,
            };
            scratch.clear();
            values(scratch);
            let buffer = local.buffer.get_or_init(|| shared.register_thread());
            let mut buffer = lock(buffer);
            // Taken under the buffer's lock, so a sweep that reads the counter first finds every
            // record numbered below it already in a buffer (see `writer::sweep`).
            let seq = shared.take_seq();
            let ts = shared.now_ns();
            if !buffer.record(kind, seq, ts, |out| body(out, scratch)) {
                shared.drops.count_oversized();
            }
            if buffer.is_full() {
                self.hand_over(buffer.take());
            }
        });
        if written.is_err() {
            // The thread's locals are already gone: it is ending, after its last sweep.
            shared.drops.count_record();
        }
    }

    fn hand_over(&self, batch: Batch) {
        match self.batches.try_send(batch) {
            Ok(()) => {}
            Err(TrySendError::Full(batch) | TrySendError::Disconnected(batch)) => {
                self.shared.drops.count_batch(batch.records);
            }
        }
    }

    /// The small number that stands for a callsite in the stream; the first use writes its metadata.
    #[inline]
    pub(crate) fn callsite(&self, metadata: &'static Metadata<'static>) -> u64 {
        let key = metadata as *const Metadata<'static> as usize;
        LOCAL
            .try_with(|local| {
                if let Some(index) = local.callsites.borrow().get(&key) {
                    return *index;
                }
                let index = self.shared.intern_callsite(key, metadata);
                local.callsites.borrow_mut().insert(key, index);
                index
            })
            .unwrap_or_else(|_| self.shared.intern_callsite(key, metadata))
    }
}

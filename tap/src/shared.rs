//! What the layer's hot path and the writer thread share: the sequence counter and the clock, every
//! thread's buffer, the interned callsites and threads, the drop counts, and whether recording goes
//! on. The hot path adds to it and the writer takes from it; neither knows the other.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tracing_core::Metadata;

use crate::clock::Clock;
use crate::destination::Destination;
use crate::drop_counts::DropCounts;
use crate::interning::Interning;
use crate::lock::lock;
use crate::thread_buffer::{Batch, ThreadBuffer};

pub(crate) struct Shared {
    pub(crate) destination: Destination,
    clock: Clock,
    /// Every traced thread increments this on every callback: on a cache line of its own, so that
    /// doing so does not also evict the fields each callback only reads (the clock, `stopped`).
    seq: CacheLine<AtomicU64>,
    interning: Mutex<Interning>,
    /// Every thread's buffer, for the writer's sweeps.
    threads: Mutex<Vec<Arc<Mutex<ThreadBuffer>>>>,
    pub(crate) drops: DropCounts,
    /// Set when the destination broke or the process is exiting: callbacks only count from then on.
    stopped: AtomicBool,
    /// Set when writing to the destination failed (the writer has said so on stderr).
    failed: AtomicBool,
}

/// A value alone on its cache line (128 bytes: the line and the adjacent-line prefetcher's pair).
#[repr(align(128))]
struct CacheLine<T>(T);

impl Shared {
    /// The state of a recording to `destination`, whose clock starts now.
    pub(crate) fn new(destination: Destination) -> Shared {
        Shared {
            destination,
            clock: Clock::start(),
            seq: CacheLine(AtomicU64::new(0)),
            interning: Mutex::new(Interning::default()),
            threads: Mutex::new(Vec::new()),
            drops: DropCounts::default(),
            stopped: AtomicBool::new(false),
            failed: AtomicBool::new(false),
        }
    }

    #[inline]
    pub(crate) fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }

    /// Stops encoding: the process is exiting.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    /// Stops encoding for good: the destination failed.
    pub(crate) fn fail(&self) {
        self.failed.store(true, Ordering::Relaxed);
        self.stop();
    }

    pub(crate) fn has_failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// The sequence number of a new record.
    #[inline]
    pub(crate) fn take_seq(&self) -> u64 {
        self.seq.0.fetch_add(1, Ordering::SeqCst)
    }

    /// The watermark for a sweep: every record with a smaller sequence number is already in a buffer.
    pub(crate) fn watermark(&self) -> u64 {
        self.seq.0.load(Ordering::SeqCst)
    }

    /// A record's timestamp: nanoseconds since the recording started.
    #[inline]
    pub(crate) fn now_ns(&self) -> u64 {
        self.clock.elapsed_ns()
    }

    /// The small number that stands for a callsite in the stream (see `Interning::callsite`).
    pub(crate) fn intern_callsite(&self, key: usize, metadata: &'static Metadata<'static>) -> u64 {
        lock(&self.interning).callsite(key, metadata)
    }

    /// Numbers the calling thread and gives it a buffer that the writer's sweeps will find.
    pub(crate) fn register_thread(&self) -> Arc<Mutex<ThreadBuffer>> {
        let index = lock(&self.interning).thread();
        let buffer = Arc::new(Mutex::new(ThreadBuffer::new(index)));
        lock(&self.threads).push(buffer.clone());
        buffer
    }

    /// Callsite and thread records written since the last call.
    pub(crate) fn take_interned(&self) -> Vec<u8> {
        lock(&self.interning).take_pending()
    }

    /// Takes every thread's partial buffer, and forgets the buffers of threads that have ended.
    pub(crate) fn take_partial_batches(&self) -> Vec<Batch> {
        let buffers = lock(&self.threads).clone();
        let mut batches = Vec::new();
        for buffer in &buffers {
            let mut buffer = lock(buffer);
            if !buffer.is_empty() {
                batches.push(buffer.take());
            }
        }
        // Only a buffer that is empty once its thread has ended can go: between the take above and
        // here its thread may still have recorded, then ended. Those records wait for the next sweep;
        // forgetting the buffer would lose them without counting them.
        lock(&self.threads).retain(|buffer| {
            let buffer = lock(buffer);
            !(buffer.exited && buffer.is_empty())
        });
        batches
    }
}

//! The process-wide tap: sequence numbers, interned callsites and threads, and the hand-off from each
//! thread's buffer to the writer thread.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use crossbeam_channel::{Sender, TrySendError};
use tracing_core::{Level, Metadata};

use crate::clock::Clock;
use crate::destination::Destination;
use crate::encode::{begin_frame, end_frame, kind, string, varint};
use crate::queue_size;
use crate::thread_buffer::{Batch, ThreadBuffer};
use crate::writer::{self, Control};

/// How long the process's exit waits for the writer to write what is left.
const EXIT_GRACE: Duration = Duration::from_secs(5);

static TAP: OnceLock<Option<Arc<Tap>>> = OnceLock::new();

pub(crate) struct Tap {
    pub(crate) destination: Destination,
    clock: Clock,
    /// Every traced thread increments this on every callback: on a cache line of its own, so that
    /// doing so does not also evict the fields each callback only reads (the clock, `stopped`).
    seq: CacheLine<AtomicU64>,
    batches: Sender<Batch>,
    control: Sender<Control>,
    /// Callsite and thread records, written before any batch that refers to them; never dropped.
    meta: Mutex<Meta>,
    pub(crate) threads: Mutex<Vec<Arc<Mutex<ThreadBuffer>>>>,
    pub(crate) dropped_records: AtomicU64,
    pub(crate) dropped_batches: AtomicU64,
    /// Records left out because a value made them larger than a reader accepts (also in `dropped_records`).
    oversized_records: AtomicU64,
    /// Set when the destination broke or the process is exiting: callbacks only count from then on.
    stopped: AtomicBool,
    /// Set when writing to the destination failed (the writer has said so on stderr).
    failed: AtomicBool,
}

/// A value alone on its cache line (128 bytes: the line and the adjacent-line prefetcher's pair).
#[repr(align(128))]
struct CacheLine<T>(T);

struct Meta {
    pending: Vec<u8>,
    callsites: HashMap<usize, u64>,
    next_thread: u64,
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
    /// The tap for this process, started on first use from `ARI_TAP`; `None` when unset or unusable.
    pub(crate) fn get() -> Option<&'static Tap> {
        TAP.get_or_init(Tap::from_env).as_deref()
    }

    pub(crate) fn global() -> Option<&'static Tap> {
        TAP.get().and_then(Option::as_deref)
    }

    fn from_env() -> Option<Arc<Tap>> {
        let spec = std::env::var("ARI_TAP").ok().filter(|s| !s.is_empty())?;
        let destination = Destination::parse(&spec);
        let sink = match destination.open() {
            Ok(sink) => sink,
            Err(err) => {
                eprintln!(
                    "ari-tap: cannot open {destination}: {err}; the program runs without recording"
                );
                return None;
            }
        };
        // How many batches may wait for the writer before new ones are dropped (and counted).
        let (batches, batch_rx) = crossbeam_channel::bounded(queue_size::from_env());
        let (control, control_rx) = crossbeam_channel::unbounded();
        let clock = Clock::start();
        let anchor = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let tap = Arc::new(Tap {
            destination,
            clock,
            seq: CacheLine(AtomicU64::new(0)),
            batches,
            control,
            meta: Mutex::new(Meta {
                pending: Vec::new(),
                callsites: HashMap::new(),
                next_thread: 0,
            }),
            threads: Mutex::new(Vec::new()),
            dropped_records: AtomicU64::new(0),
            dropped_batches: AtomicU64::new(0),
            oversized_records: AtomicU64::new(0),
            stopped: AtomicBool::new(false),
            failed: AtomicBool::new(false),
        });
        if let Err(err) = writer::spawn(tap.clone(), sink, anchor, batch_rx, control_rx) {
            eprintln!("ari-tap: cannot start its writer thread: {err}; the program runs without recording");
            return None;
        }
        // SAFETY: `at_exit` is an `extern "C" fn()` that never unwinds.
        unsafe { libc::atexit(at_exit) };
        Some(tap)
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

    /// The watermark for a sweep: every record with a smaller sequence number is already in a buffer.
    pub(crate) fn next_seq(&self) -> u64 {
        self.seq.0.load(Ordering::SeqCst)
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
        if self.is_stopped() {
            self.dropped_records.fetch_add(1, Ordering::Relaxed);
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
            let buffer = local.buffer.get_or_init(|| self.register_thread());
            let mut buffer = lock(buffer);
            // Taken under the buffer's lock, so a sweep that reads the counter first finds every
            // record numbered below it already in a buffer (see `writer::sweep`).
            let seq = self.seq.0.fetch_add(1, Ordering::SeqCst);
            let ts = self.clock.elapsed_ns();
            if !buffer.record(kind, seq, ts, |out| body(out, scratch)) {
                self.oversized_records.fetch_add(1, Ordering::Relaxed);
                self.dropped_records.fetch_add(1, Ordering::Relaxed);
            }
            if buffer.is_full() {
                self.hand_over(buffer.take());
            }
        });
        if written.is_err() {
            // The thread's locals are already gone: it is ending, after its last sweep.
            self.dropped_records.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn hand_over(&self, batch: Batch) {
        match self.batches.try_send(batch) {
            Ok(()) => {}
            Err(TrySendError::Full(batch) | TrySendError::Disconnected(batch)) => {
                self.dropped_batches.fetch_add(1, Ordering::Relaxed);
                self.dropped_records
                    .fetch_add(batch.records, Ordering::Relaxed);
            }
        }
    }

    fn register_thread(&self) -> Arc<Mutex<ThreadBuffer>> {
        let index = {
            let mut meta = lock(&self.meta);
            let index = meta.next_thread;
            meta.next_thread += 1;
            let out = &mut meta.pending;
            let start = begin_frame(out, kind::THREAD);
            varint(out, index);
            // SAFETY: gettid has no preconditions.
            varint(out, unsafe { libc::syscall(libc::SYS_gettid) } as u64);
            string(out, std::thread::current().name().unwrap_or(""));
            end_frame(out, start);
            index
        };
        let buffer = Arc::new(Mutex::new(ThreadBuffer::new(index)));
        lock(&self.threads).push(buffer.clone());
        buffer
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
                let index = self.intern(key, metadata);
                local.callsites.borrow_mut().insert(key, index);
                index
            })
            .unwrap_or_else(|_| self.intern(key, metadata))
    }

    fn intern(&self, key: usize, metadata: &'static Metadata<'static>) -> u64 {
        let mut meta = lock(&self.meta);
        if let Some(index) = meta.callsites.get(&key) {
            return *index;
        }
        let index = meta.callsites.len() as u64;
        meta.callsites.insert(key, index);
        let out = &mut meta.pending;
        let start = begin_frame(out, kind::CALLSITE);
        varint(out, index);
        out.push(u8::from(!metadata.is_span()));
        out.push(level_code(metadata.level()));
        string(out, metadata.name());
        string(out, metadata.target());
        string(out, metadata.module_path().unwrap_or(""));
        string(out, metadata.file().unwrap_or(""));
        varint(out, metadata.line().map_or(0, |line| u64::from(line) + 1));
        varint(out, metadata.fields().len() as u64);
        for field in metadata.fields() {
            string(out, field.name());
        }
        end_frame(out, start);
        index
    }

    /// Callsite and thread records written since the last call.
    pub(crate) fn take_meta(&self) -> Vec<u8> {
        std::mem::take(&mut lock(&self.meta).pending)
    }

    /// Has the writer write everything the threads hold; false when it did not within `timeout`.
    pub(crate) fn flush(&self, timeout: Duration) -> bool {
        let (done, flushed) = crossbeam_channel::bounded(1);
        self.control.send(Control::Flush(done)).is_ok() && flushed.recv_timeout(timeout).is_ok()
    }

    /// Lets the writer write everything the threads hold and the end of the stream, waiting a bounded
    /// time; then says on stderr what could not be recorded.
    fn finish(&self) {
        let (done, finished) = crossbeam_channel::bounded(1);
        if self.control.send(Control::Finish(done)).is_ok()
            && finished.recv_timeout(EXIT_GRACE).is_err()
        {
            eprintln!(
                "ari-tap: {} did not take the last records within {}s; they are lost",
                self.destination,
                EXIT_GRACE.as_secs()
            );
        }
        self.stop();
        let oversized = self.oversized_records.load(Ordering::Relaxed);
        if oversized > 0 {
            eprintln!(
                "ari-tap: {oversized} records left out: a value made them larger than 16 MiB"
            );
        }
        let dropped = self.dropped_records.load(Ordering::Relaxed) - oversized;
        if dropped > 0 && self.failed.load(Ordering::Relaxed) {
            eprintln!(
                "ari-tap: {dropped} records were not recorded after writing to {} failed",
                self.destination
            );
        } else if dropped > 0 {
            eprintln!(
                "ari-tap: {dropped} records dropped ({} batches): {} could not keep up with the program",
                self.dropped_batches.load(Ordering::Relaxed),
                self.destination
            );
        }
    }
}

/// Runs when the process exits (after `main` returns or on `process::exit`), so a program that keeps
/// no guard still loses nothing.
extern "C" fn at_exit() {
    let _ = std::panic::catch_unwind(|| {
        if let Some(tap) = Tap::global() {
            tap.finish();
        }
    });
}

/// A poisoned lock only means a program's Debug impl panicked mid-record; the bytes are still usable.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn level_code(level: &Level) -> u8 {
    match *level {
        Level::TRACE => 0,
        Level::DEBUG => 1,
        Level::INFO => 2,
        Level::WARN => 3,
        Level::ERROR => 4,
    }
}

/// Callsite metadata addresses are already unique; spreading their bits is all a hash needs to do.
#[derive(Default)]
struct PointerHasher(u64);

impl Hasher for PointerHasher {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8 | u64::from(*byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.0 = (value as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

//! The one thread that writes: it drains full batches from the queue and, at short intervals, sweeps
//! every thread's partial buffer so that a live reader sees records promptly and in order.

use std::io::{self, BufWriter, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{select, Receiver, Sender};

use crate::control::{Control, WriterControl};
use crate::encode::{begin_frame, end_frame, kind, string, varint, MAGIC, VERSION};
use crate::shared::Shared;
use crate::thread_buffer::Batch;

/// How often partial buffers are collected and a watermark written: the delay a live reader sees.
const SWEEP_INTERVAL: Duration = Duration::from_millis(20);

/// A busy program also gets a sweep after this many full batches: a reader holds every record until a
/// watermark says nothing earlier can come, so watermarks every few hundred KiB keep that window small.
const SWEEP_BATCHES: u32 = 4;

/// Starts the writer thread, which writes the stream to `sink` (its start says when the recording
/// began: `anchor`, in nanoseconds since the Unix epoch). It returns the sending end of the queue of
/// full batches, `queue_batches` long, and the writer's control.
pub(crate) fn spawn(
    shared: Arc<Shared>,
    sink: Box<dyn Write + Send>,
    anchor: u64,
    queue_batches: usize,
) -> io::Result<(Sender<Batch>, WriterControl)> {
    // How many batches may wait for the writer before new ones are dropped (and counted).
    let (batch_tx, batches) = crossbeam_channel::bounded(queue_batches);
    let (control_tx, control) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("ari-tap-writer".into())
        .spawn(move || {
            let mut writer = Writer {
                shared,
                out: BufWriter::with_capacity(256 * 1024, sink),
                failed: false,
                records: 0,
                dropped_reported: 0,
            };
            writer.start(anchor);
            writer.run(&batches, &control);
        })
        .map(|_| (batch_tx, WriterControl::new(control_tx)))
}

/// The recording's shared state, which it takes records from, and the output it writes them to; the
/// receiving ends of the queue and the control channel are `run`'s.
struct Writer {
    shared: Arc<Shared>,
    out: BufWriter<Box<dyn Write + Send>>,
    failed: bool,
    records: u64,
    dropped_reported: u64,
}

impl Writer {
    fn start(&mut self, anchor: u64) {
        let mut head = Vec::with_capacity(128);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&[VERSION, 0]);
        let start = begin_frame(&mut head, kind::STREAM_START);
        varint(&mut head, anchor);
        varint(&mut head, u64::from(std::process::id()));
        string(&mut head, &std::env::args().next().unwrap_or_default());
        string(&mut head, env!("CARGO_PKG_VERSION"));
        end_frame(&mut head, start);
        self.put(&head);
        self.flush();
    }

    fn run(&mut self, batches: &Receiver<Batch>, control: &Receiver<Control>) {
        let mut last_sweep = Instant::now();
        let mut batches_since_sweep = 0;
        loop {
            select! {
                recv(batches) -> batch => match batch {
                    Ok(batch) => {
                        self.write_batches(vec![batch]);
                        batches_since_sweep += 1;
                    }
                    Err(_) => return,
                },
                recv(control) -> message => match message {
                    Ok(Control::Flush(done)) => {
                        self.sweep(batches);
                        last_sweep = Instant::now();
                        let _ = done.send(());
                    }
                    Ok(Control::Finish(done)) => {
                        self.sweep(batches);
                        self.end();
                        let _ = done.send(());
                        return;
                    }
                    Err(_) => return,
                },
                default(SWEEP_INTERVAL) => {}
            }
            if batches_since_sweep >= SWEEP_BATCHES || last_sweep.elapsed() >= SWEEP_INTERVAL {
                self.sweep(batches);
                last_sweep = Instant::now();
                batches_since_sweep = 0;
            }
        }
    }

    /// Collects every thread's partial buffer and the queued batches, then writes a watermark, after
    /// the clock read just before it.
    ///
    /// The watermark is read before any buffer is locked. A record numbered below it took its number
    /// under its buffer's lock, so it is in that buffer when the sweep locks it, or was handed to the
    /// queue (also under that lock) before, and the queue is drained after the buffers.
    ///
    /// A record numbered at or above it took its number after the clock was read, and reads the clock
    /// after its number, so it is stamped at that time or later: the reader can then put a record that
    /// a thread stamped late, having been preempted between its number and its clock, no later than
    /// records numbered after it (docs/wire-format.md, "Order, gaps and the end of a stream").
    fn sweep(&mut self, queue: &Receiver<Batch>) {
        let clock = self.shared.now_ns();
        let watermark = self.shared.watermark();
        let mut batches = self.shared.take_partial_batches();
        batches.extend(queue.try_iter());
        self.write_batches(batches);

        let mut frame = Vec::with_capacity(32);
        self.report_drops(&mut frame);
        let start = begin_frame(&mut frame, kind::WATERMARK_CLOCK);
        varint(&mut frame, watermark);
        varint(&mut frame, clock);
        end_frame(&mut frame, start);
        let start = begin_frame(&mut frame, kind::WATERMARK);
        varint(&mut frame, watermark);
        end_frame(&mut frame, start);
        self.put(&frame);
        self.flush();
    }

    /// Writes pending callsite and thread records first: the batches may refer to them.
    fn write_batches(&mut self, batches: Vec<Batch>) {
        if batches.is_empty() {
            return;
        }
        let interned = self.shared.take_interned();
        self.put(&interned);
        let mut drops = Vec::new();
        for batch in batches {
            if self.failed {
                // Encoded before the failure stopped the program's threads: these records are lost too,
                // and count with the ones the threads dropped after it (however the threads were scheduled).
                self.shared.drops.count_unwritten(batch.records);
                continue;
            }
            self.report_drops(&mut drops);
            self.put(&drops);
            drops.clear();
            self.records += batch.records;
            self.put(&batch.bytes);
        }
    }

    /// Appends a `Dropped` frame when the count has moved since the last one. Called before every batch,
    /// not only at sweeps: a sweep's batches (up to the whole queue, 16 MiB by default) can take a slow reader
    /// seconds, and a writer stuck behind one may reach no further sweep before the program exits; the
    /// reader should still learn that records were lost, as soon as they were.
    fn report_drops(&mut self, frame: &mut Vec<u8>) {
        let dropped = self.shared.drops.records();
        if dropped != self.dropped_reported {
            self.dropped_reported = dropped;
            let start = begin_frame(frame, kind::DROPPED);
            varint(frame, dropped);
            varint(frame, self.shared.drops.batches());
            end_frame(frame, start);
        }
    }

    fn end(&mut self) {
        let dropped = self.shared.drops.records();
        let mut frame = Vec::with_capacity(32);
        let start = begin_frame(&mut frame, kind::STREAM_END);
        varint(&mut frame, self.records);
        varint(&mut frame, dropped);
        end_frame(&mut frame, start);
        self.put(&frame);
        self.flush();
    }

    fn put(&mut self, bytes: &[u8]) {
        if !self.failed {
            let result = self.out.write_all(bytes);
            self.check(result);
        }
    }

    fn flush(&mut self) {
        if !self.failed {
            let result = self.out.flush();
            self.check(result);
        }
    }

    /// The first failure stops the recording for good; the program runs on, untouched.
    fn check(&mut self, result: io::Result<()>) {
        if let Err(err) = result {
            self.failed = true;
            self.shared.fail();
            eprintln!(
                "ari-tap: writing to {} failed: {err}; recording stopped after {} records, the program continues",
                self.shared.destination, self.records
            );
        }
    }
}

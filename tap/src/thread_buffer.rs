//! Each thread's batch buffer: records are encoded here on the calling thread, without contention,
//! and the whole buffer goes to the writer when it is full or when the writer sweeps.

use crate::encode::{begin_frame, end_frame, kind, varint};

/// A buffer is handed to the writer once it holds this many bytes.
pub(crate) const BATCH_BYTES: usize = 64 * 1024;

/// The largest record a reader accepts (docs/wire-format.md: a frame over 16 MiB is damage).
const MAX_FRAME_BYTES: usize = 16 * 1024 * 1024;

/// One thread's records, ready to be written as they are.
pub(crate) struct Batch {
    pub(crate) bytes: Vec<u8>,
    pub(crate) records: u64,
}

pub(crate) struct ThreadBuffer {
    thread: u64,
    bytes: Vec<u8>,
    records: u64,
    last_seq: u64,
    last_ts: u64,
    /// The thread has ended: the next sweep takes what is left and forgets the buffer.
    pub(crate) exited: bool,
}

impl ThreadBuffer {
    pub(crate) fn new(thread: u64) -> Self {
        ThreadBuffer {
            thread,
            bytes: Vec::new(),
            records: 0,
            last_seq: 0,
            last_ts: 0,
            exited: false,
        }
    }

    /// Appends one callback record: its frame, the seq and timestamp deltas, then `body`. A record too
    /// large for any reader (a value of many megabytes) is left out: `false`, for the caller to count.
    #[inline]
    pub(crate) fn record(
        &mut self,
        kind: u8,
        seq: u64,
        ts: u64,
        body: impl FnOnce(&mut Vec<u8>),
    ) -> bool {
        if self.records == 0 {
            self.open_batch(seq, ts);
        }
        let start = begin_frame(&mut self.bytes, kind);
        varint(&mut self.bytes, seq - self.last_seq);
        varint(&mut self.bytes, ts.saturating_sub(self.last_ts));
        body(&mut self.bytes);
        if self.bytes.len() - start > MAX_FRAME_BYTES {
            self.bytes.truncate(start);
            if self.records == 0 {
                self.bytes.clear();
            }
            return false;
        }
        end_frame(&mut self.bytes, start);
        self.records += 1;
        self.last_seq = seq;
        self.last_ts = self.last_ts.max(ts);
        true
    }

    fn open_batch(&mut self, seq: u64, ts: u64) {
        if self.bytes.capacity() == 0 {
            self.bytes.reserve(BATCH_BYTES + 1024);
        }
        let start = begin_frame(&mut self.bytes, kind::BATCH);
        varint(&mut self.bytes, self.thread);
        varint(&mut self.bytes, seq);
        varint(&mut self.bytes, ts);
        end_frame(&mut self.bytes, start);
        self.last_seq = seq;
        self.last_ts = ts;
    }

    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.bytes.len() >= BATCH_BYTES
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.records == 0
    }

    pub(crate) fn take(&mut self) -> Batch {
        let batch = Batch {
            bytes: std::mem::take(&mut self.bytes),
            records: self.records,
        };
        self.records = 0;
        batch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_opens_with_its_thread_and_first_seq_and_time() {
        let mut buffer = ThreadBuffer::new(3);
        buffer.record(kind::ENTER, 10, 1000, |out| varint(out, 1));
        buffer.record(kind::EXIT, 12, 1500, |out| varint(out, 1));
        assert!(!buffer.record(kind::EVENT, 13, 1600, |out| out
            .resize(out.len() + MAX_FRAME_BYTES, 0)));
        let batch = buffer.take();
        assert_eq!(batch.records, 2);
        // Batch(thread 3, seq 10, ts 1000), Enter(+0, +0, id 1), Exit(+2, +500, id 1)
        assert_eq!(
            batch.bytes,
            [
                5,
                kind::BATCH,
                3,
                10,
                0xE8,
                0x07,
                4,
                kind::ENTER,
                0,
                0,
                1,
                5,
                kind::EXIT,
                2,
                0xF4,
                0x03,
                1
            ]
        );
        assert!(buffer.is_empty());
    }
}

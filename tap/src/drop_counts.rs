//! What the tap could not record: counted where it happens, written in the stream's `Dropped` and
//! `StreamEnd` records by the writer, and said on stderr at exit.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub(crate) struct DropCounts {
    records: AtomicU64,
    batches: AtomicU64,
    /// Records left out because a value made them larger than a reader accepts (also in `records`).
    oversized: AtomicU64,
}

impl DropCounts {
    /// One record that was not encoded: recording had stopped, or its thread was ending.
    #[inline]
    pub(crate) fn count_record(&self) {
        self.records.fetch_add(1, Ordering::Relaxed);
    }

    /// One record left out because it was too large for any reader.
    pub(crate) fn count_oversized(&self) {
        self.oversized.fetch_add(1, Ordering::Relaxed);
        self.records.fetch_add(1, Ordering::Relaxed);
    }

    /// A whole batch that found the writer's queue full, and its records.
    pub(crate) fn count_batch(&self, records: u64) {
        self.batches.fetch_add(1, Ordering::Relaxed);
        self.records.fetch_add(records, Ordering::Relaxed);
    }

    /// Records already encoded when writing to the destination failed: lost with it.
    pub(crate) fn count_unwritten(&self, records: u64) {
        self.records.fetch_add(records, Ordering::Relaxed);
    }

    /// Every record not recorded, oversized ones included.
    pub(crate) fn records(&self) -> u64 {
        self.records.load(Ordering::Relaxed)
    }

    pub(crate) fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    pub(crate) fn oversized(&self) -> u64 {
        self.oversized.load(Ordering::Relaxed)
    }
}

//! Callsites and threads get a small number once; the record that says what the number stands for
//! waits here until the writer takes it, to write it before any batch that refers to it. These
//! records are never dropped.

use std::collections::HashMap;

use tracing_core::{Level, Metadata};

use crate::encode::{begin_frame, end_frame, kind, string, varint};

#[derive(Default)]
pub(crate) struct Interning {
    /// Callsite and thread records written since the writer last took them.
    pending: Vec<u8>,
    /// Callsite numbers by the address of the callsite's metadata.
    callsites: HashMap<usize, u64>,
    next_thread: u64,
}

impl Interning {
    /// The number of the callsite whose metadata lives at `key`; the first call writes its record.
    pub(crate) fn callsite(&mut self, key: usize, metadata: &'static Metadata<'static>) -> u64 {
        if let Some(index) = self.callsites.get(&key) {
            return *index;
        }
        let index = self.callsites.len() as u64;
        self.callsites.insert(key, index);
        let out = &mut self.pending;
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

    /// A new number for the calling thread, and its record: the OS thread id and the thread's name.
    pub(crate) fn thread(&mut self) -> u64 {
        let index = self.next_thread;
        self.next_thread += 1;
        let out = &mut self.pending;
        let start = begin_frame(out, kind::THREAD);
        varint(out, index);
        // SAFETY: gettid has no preconditions.
        varint(out, unsafe { libc::syscall(libc::SYS_gettid) } as u64);
        string(out, std::thread::current().name().unwrap_or(""));
        end_frame(out, start);
        index
    }

    /// Callsite and thread records written since the last call.
    pub(crate) fn take_pending(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.pending)
    }
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

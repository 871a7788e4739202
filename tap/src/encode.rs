//! The byte-level pieces of the wire format (docs/wire-format.md): varints, strings, frames, values.

use std::fmt::{self, Write as _};
use tracing_core::field::{Field, FieldSet, Visit};

pub(crate) const MAGIC: &[u8; 6] = b"ARITAP";
pub(crate) const VERSION: u8 = 1;

pub(crate) mod kind {
    pub const STREAM_START: u8 = 0x01;
    pub const CALLSITE: u8 = 0x02;
    pub const THREAD: u8 = 0x03;
    pub const WATERMARK: u8 = 0x04;
    pub const DROPPED: u8 = 0x05;
    pub const STREAM_END: u8 = 0x06;
    pub const WATERMARK_CLOCK: u8 = 0x07;
    pub const BATCH: u8 = 0x10;
    pub const NEW_SPAN: u8 = 0x20;
    pub const RECORD: u8 = 0x21;
    pub const FOLLOWS_FROM: u8 = 0x22;
    pub const EVENT: u8 = 0x23;
    pub const ENTER: u8 = 0x24;
    pub const EXIT: u8 = 0x25;
    pub const CLOSE: u8 = 0x26;
    pub const ID_CHANGE: u8 = 0x27;
}

pub(crate) mod parent {
    pub const CONTEXTUAL: u8 = 0;
    pub const ROOT: u8 = 1;
    pub const EXPLICIT: u8 = 2;
}

mod value {
    pub const I64: u8 = 0;
    pub const U64: u8 = 1;
    pub const I128: u8 = 2;
    pub const U128: u8 = 3;
    pub const F64: u8 = 4;
    pub const FALSE: u8 = 5;
    pub const TRUE: u8 = 6;
    pub const STR: u8 = 7;
    pub const DEBUG: u8 = 8;
    pub const ERROR: u8 = 9;
}

#[inline]
pub(crate) fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Starts a frame whose length is not known yet: one placeholder byte, patched by `end_frame`.
#[inline]
pub(crate) fn begin_frame(out: &mut Vec<u8>, kind: u8) -> usize {
    let start = out.len();
    out.push(0);
    out.push(kind);
    start
}

/// Writes the frame's length in front of it.
#[inline]
pub(crate) fn end_frame(out: &mut Vec<u8>, start: usize) {
    patch_length(out, start);
}

/// Replaces the placeholder byte at `at` with the length of everything after it. Almost every record
/// and value is shorter than 128 bytes, so the byte fits; a longer one moves to make room.
#[inline]
fn patch_length(out: &mut Vec<u8>, at: usize) {
    let len = (out.len() - at - 1) as u64;
    if len < 0x80 {
        out[at] = len as u8;
    } else {
        let mut prefix = Vec::with_capacity(4);
        varint(&mut prefix, len);
        out.splice(at..at + 1, prefix);
    }
}

/// Appends a string of unknown length (a `Debug` or `Display` rendering) with its length prefix.
fn formatted(out: &mut Vec<u8>, args: fmt::Arguments<'_>) {
    let start = out.len();
    out.push(0);
    // Writing into a Vec cannot fail; a user's Debug impl that returns Err leaves what it wrote so far.
    let _ = ByteWriter(out).write_fmt(args);
    patch_length(out, start);
}

struct ByteWriter<'a>(&'a mut Vec<u8>);

impl fmt::Write for ByteWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Encodes field values as `field index, type, value` triples, keeping the type tracing gave us.
pub(crate) struct ValueEncoder<'a> {
    out: &'a mut Vec<u8>,
    fields: &'a FieldSet,
}

impl<'a> ValueEncoder<'a> {
    pub(crate) fn new(out: &'a mut Vec<u8>, fields: &'a FieldSet) -> Self {
        ValueEncoder { out, fields }
    }

    /// Writes the field's index and the value's type; `false` for a field not of this callsite.
    #[inline]
    fn head(&mut self, field: &Field, tag: u8) -> bool {
        // tracing-core keeps a field's index private; callsites have a handful of fields, and
        // comparing two fields is comparing two integers.
        let Some(index) = self.fields.iter().position(|f| f == *field) else {
            return false;
        };
        varint(self.out, index as u64);
        self.out.push(tag);
        true
    }
}

impl Visit for ValueEncoder<'_> {
    fn record_f64(&mut self, field: &Field, v: f64) {
        if self.head(field, value::F64) {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn record_i64(&mut self, field: &Field, v: i64) {
        if self.head(field, value::I64) {
            varint(self.out, ((v << 1) ^ (v >> 63)) as u64);
        }
    }

    fn record_u64(&mut self, field: &Field, v: u64) {
        if self.head(field, value::U64) {
            varint(self.out, v);
        }
    }

    fn record_i128(&mut self, field: &Field, v: i128) {
        if self.head(field, value::I128) {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn record_u128(&mut self, field: &Field, v: u128) {
        if self.head(field, value::U128) {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn record_bool(&mut self, field: &Field, v: bool) {
        self.head(field, if v { value::TRUE } else { value::FALSE });
    }

    fn record_str(&mut self, field: &Field, v: &str) {
        if self.head(field, value::STR) {
            string(self.out, v);
        }
    }

    fn record_error(&mut self, field: &Field, v: &(dyn std::error::Error + 'static)) {
        if self.head(field, value::ERROR) {
            formatted(self.out, format_args!("{v}"));
        }
    }

    fn record_debug(&mut self, field: &Field, v: &dyn fmt::Debug) {
        if self.head(field, value::DEBUG) {
            formatted(self.out, format_args!("{v:?}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_use_seven_bits_a_byte() {
        let mut out = Vec::new();
        varint(&mut out, 0);
        varint(&mut out, 127);
        varint(&mut out, 128);
        varint(&mut out, 2251799813685250);
        assert_eq!(out[..4], [0, 127, 0x80, 0x01]);
        assert_eq!(out.len(), 4 + 8);
    }

    #[test]
    fn short_frames_keep_their_one_byte_length() {
        let mut out = Vec::new();
        let start = begin_frame(&mut out, kind::ENTER);
        varint(&mut out, 42);
        end_frame(&mut out, start);
        assert_eq!(out, [2, kind::ENTER, 42]);
    }

    #[test]
    fn long_frames_widen_their_length_prefix() {
        let mut out = Vec::new();
        let start = begin_frame(&mut out, kind::EVENT);
        out.extend(std::iter::repeat_n(7u8, 300));
        end_frame(&mut out, start);
        assert_eq!(out[..3], [0xAD, 0x02, kind::EVENT]);
        assert_eq!(out.len(), 2 + 1 + 300);
    }

    #[test]
    fn long_formatted_strings_get_a_wide_prefix() {
        let mut out = Vec::new();
        let text = "x".repeat(200);
        formatted(&mut out, format_args!("{text}"));
        assert_eq!(out[..2], [0xC8, 0x01]);
        assert_eq!(&out[2..], text.as_bytes());
    }
}

#![allow(dead_code)] // each test binary uses only part of this module
//! Reads back what the tap wrote, just enough to check it: the header, then frame kinds and bodies.

pub const BATCH: u8 = 0x10;

pub struct Frame {
    pub kind: u8,
    pub body: Vec<u8>,
}

pub fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return value;
        }
        shift += 7;
    }
}

pub fn frames(bytes: &[u8]) -> Vec<Frame> {
    assert_eq!(&bytes[..6], b"ARITAP", "the stream starts with its magic");
    assert_eq!(bytes[6], 1, "version 1");
    let mut at = 8;
    let mut frames = Vec::new();
    while at < bytes.len() {
        let len = varint(bytes, &mut at) as usize;
        frames.push(Frame {
            kind: bytes[at],
            body: bytes[at + 1..at + len].to_vec(),
        });
        at += len;
    }
    assert_eq!(at, bytes.len(), "the stream ends with a whole frame");
    frames
}

pub fn count(frames: &[Frame], kind: u8) -> usize {
    frames.iter().filter(|frame| frame.kind == kind).count()
}

/// The names in Thread records.
pub fn thread_names(frames: &[Frame]) -> Vec<String> {
    frames
        .iter()
        .filter(|frame| frame.kind == 0x03)
        .map(|frame| {
            let mut at = 0;
            varint(&frame.body, &mut at);
            varint(&frame.body, &mut at);
            let len = varint(&frame.body, &mut at) as usize;
            String::from_utf8(frame.body[at..at + len].to_vec()).unwrap()
        })
        .collect()
}

/// Every callback record's sequence number and timestamp, batch by batch (their deltas made whole).
pub fn callback_numbers_and_times(frames: &[Frame]) -> Vec<(u64, u64)> {
    let mut records = Vec::new();
    let (mut seq, mut ts) = (0, 0);
    for frame in frames {
        let mut at = 0;
        match frame.kind {
            BATCH => {
                varint(&frame.body, &mut at);
                seq = varint(&frame.body, &mut at);
                ts = varint(&frame.body, &mut at);
            }
            0x20..=0x27 => {
                seq += varint(&frame.body, &mut at);
                ts += varint(&frame.body, &mut at);
                records.push((seq, ts));
            }
            _ => {}
        }
    }
    records
}

/// Each watermark's number and the clock the tap read before it, from the `WatermarkClock` that comes
/// just before each `Watermark` with the same number (the test fails if one does not).
pub fn clocked_watermarks(frames: &[Frame]) -> Vec<(u64, u64)> {
    frames
        .windows(2)
        .filter(|pair| pair[1].kind == 0x04)
        .map(|pair| {
            assert_eq!(
                pair[0].kind, 0x07,
                "a watermark's clock comes just before it"
            );
            let (mut at, mut at_clock) = (0, 0);
            let watermark = varint(&pair[1].body, &mut at);
            assert_eq!(varint(&pair[0].body, &mut at_clock), watermark);
            (watermark, varint(&pair[0].body, &mut at_clock))
        })
        .collect()
}

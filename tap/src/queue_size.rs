//! How many full batches may wait for the writer, from `ARI_TAP_QUEUE`.

use crate::thread_buffer::BATCH_BYTES;

/// 256 batches, at most 16 MiB of full ones. A reader that stops for a moment (a collection in
/// `ari run`, a busy scheduler) must not cost records, so the queue holds as much as a busy program
/// writes in such a pause (bench/limits.md, "Dropped records", has what was measured).
pub(crate) const DEFAULT_BATCHES: usize = 256;

/// The queue's length in batches for `ARI_TAP_QUEUE`, a size as ari's `--backlog` reads one (`64MiB`,
/// `1GiB`, `500MB`, plain bytes): as many whole batches as fit, at least one. Unset or empty, the
/// default; anything else is reported on stderr and the default used, as a bad filter is.
pub(crate) fn from_env() -> usize {
    match std::env::var("ARI_TAP_QUEUE") {
        Ok(text) if !text.trim().is_empty() => batches(&text).unwrap_or_else(|| {
            eprintln!(
                "ari-tap: ARI_TAP_QUEUE={text:?} is not a size (e.g. 64MiB, 1GiB); queueing {} MiB",
                (DEFAULT_BATCHES * BATCH_BYTES) >> 20
            );
            DEFAULT_BATCHES
        }),
        _ => DEFAULT_BATCHES,
    }
}

fn batches(text: &str) -> Option<usize> {
    let bytes = parse_size(text)?;
    Some(
        usize::try_from(bytes / BATCH_BYTES as u64)
            .unwrap_or(usize::MAX)
            .max(1),
    )
}

/// Bytes, or a number with `KiB`, `MiB`, `GiB` (1024s) or `KB`, `MB`, `GB` (1000s), in any case.
fn parse_size(text: &str) -> Option<u64> {
    const UNITS: [(&str, u64); 7] = [
        ("kib", 1 << 10),
        ("mib", 1 << 20),
        ("gib", 1 << 30),
        ("kb", 1_000),
        ("mb", 1_000_000),
        ("gb", 1_000_000_000),
        ("b", 1),
    ];
    let text = text.trim().to_ascii_lowercase();
    let (number, scale) = UNITS
        .iter()
        .find_map(|(unit, scale)| {
            text.strip_suffix(unit)
                .map(|number| (number.trim_end(), *scale))
        })
        .unwrap_or((text.as_str(), 1));
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number
        .parse::<u64>()
        .ok()?
        .checked_mul(scale)
        .filter(|&bytes| bytes > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_aris_backlog() {
        assert_eq!(parse_size("65536"), Some(65_536));
        assert_eq!(parse_size("64KiB"), Some(65_536));
        assert_eq!(parse_size("16 MiB"), Some(16 << 20));
        assert_eq!(parse_size("2gib"), Some(2 << 30));
        assert_eq!(parse_size("500MB"), Some(500_000_000));
        for bad in [
            "",
            "lots",
            "0",
            "-1MiB",
            "1.5GiB",
            "99999999999999GiB",
            "MiB",
        ] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn whole_batches_and_at_least_one() {
        assert_eq!(batches("16MiB"), Some(DEFAULT_BATCHES));
        assert_eq!(batches("1MiB"), Some(16));
        assert_eq!(batches("1KiB"), Some(1));
        assert_eq!(batches("100KiB"), Some(1));
        assert_eq!(batches("nonsense"), None);
    }
}

//! The timestamps of records: nanoseconds since the tap started, on the monotonic clock.

#[cfg(not(unix))]
use std::time::Instant;

/// Reads the monotonic clock for every record. `Instant::elapsed` reads the same clock but adds a
/// checked `Duration` subtraction and 128-bit nanoseconds, on every callback; a timestamp needs only
/// a 64-bit subtraction (bench/limits.md has what was measured).
pub(crate) struct Clock {
    #[cfg(unix)]
    epoch_ns: u64,
    #[cfg(not(unix))]
    epoch: Instant,
}

impl Clock {
    /// A clock whose zero is now.
    pub(crate) fn start() -> Clock {
        Clock {
            #[cfg(unix)]
            epoch_ns: monotonic_ns(),
            #[cfg(not(unix))]
            epoch: Instant::now(),
        }
    }

    /// Nanoseconds since the clock started.
    #[inline]
    pub(crate) fn elapsed_ns(&self) -> u64 {
        #[cfg(unix)]
        return monotonic_ns().saturating_sub(self.epoch_ns);
        #[cfg(not(unix))]
        return self.epoch.elapsed().as_nanos() as u64;
    }
}

#[cfg(unix)]
#[inline]
fn monotonic_ns() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid place to write a timespec; CLOCK_MONOTONIC is always available, so the
    // call cannot fail (had it failed, `now` would stay zero and timestamps would read 0, not crash).
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    (now.tv_sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(now.tv_nsec as u64)
}

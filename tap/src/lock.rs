//! How the tap takes its locks without ever panicking in the traced program.

use std::sync::{Mutex, MutexGuard};

/// A poisoned lock only means a program's Debug impl panicked mid-record; the bytes are still usable.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

//! What the real programs share: tracing set-up, the size argument, runtimes built after the
//! subscriber, spawns that count themselves, and the ground-truth file each program writes.
//!
//! Every count a program reports is measured by the program itself, never read from tracing, so a
//! test can hold ari's analysis of the recording against it.

use std::fmt::Write as _;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing_subscriber::prelude::*;

/// Installs the registry with ari-tap, as a user would.
pub fn init() {
    tracing_subscriber::registry().with(ari_tap::layer()).init();
}

/// The load multiplier: the first argument, 1 when absent. Size 1 runs well under two seconds.
pub fn size() -> u64 {
    std::env::args().nth(1).map_or(1, |arg| {
        arg.parse()
            .ok()
            .filter(|&size| size > 0)
            .unwrap_or_else(|| panic!("size must be a positive integer, not '{arg}'"))
    })
}

/// A multi-thread runtime built after [`init`], so the recording holds its `block_on` span and its
/// workers' spans (Tokio 1.24 starts each worker through its blocking pool, inside a `blocking` span).
pub fn multi_thread(workers: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("building the multi-thread runtime")
}

/// A current-thread runtime built after [`init`]: every task is polled on the thread in `block_on`.
pub fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("building the current-thread runtime")
}

static SPAWNED: AtomicU64 = AtomicU64::new(0);

/// `tokio::spawn`, counted; the task's location is the caller's, as with `tokio::spawn` itself.
#[track_caller]
pub fn spawn<F>(future: F) -> tokio::task::JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    count_spawn();
    tokio::spawn(future)
}

/// Counts a task the program spawns some other way (`spawn_local`, `spawn_blocking`, a `JoinSet`).
pub fn count_spawn() {
    SPAWNED.fetch_add(1, Ordering::Relaxed);
}

/// How many tasks the program spawned through [`spawn`] and [`count_spawn`].
pub fn spawned() -> u64 {
    SPAWNED.load(Ordering::Relaxed)
}

/// A program's ground truth: named counts and flags, written as one JSON object to the file named by
/// `ARI_TRUTH` (nothing is written when it is unset).
pub struct Truth {
    json: String,
}

impl Truth {
    pub fn new(program: &str) -> Self {
        Self {
            json: format!("{{\"program\":\"{program}\""),
        }
    }

    pub fn count(mut self, name: &str, value: u64) -> Self {
        let _ = write!(self.json, ",\"{name}\":{value}");
        self
    }

    /// What every program states: the tasks it spawned ([`spawned`]), its runtime's worker threads, and
    /// whether its `block_on` (and workers) were made after the subscriber, so that their spans are seen.
    pub fn runtime(self, workers: u64, main_task_visible: bool) -> Self {
        self.count("tasks_spawned", spawned())
            .count("workers", workers)
            .flag("main_task_visible", main_task_visible)
    }

    /// Things the program provably never does, each a count of 0 (`yields`, `timers`, `outside_threads`).
    pub fn none_of(self, names: &[&str]) -> Self {
        names.iter().fold(self, |truth, name| truth.count(name, 0))
    }

    pub fn flag(mut self, name: &str, value: bool) -> Self {
        let _ = write!(self.json, ",\"{name}\":{value}");
        self
    }

    pub fn write(mut self) {
        self.json.push_str("}\n");
        if let Some(path) = std::env::var_os("ARI_TRUTH") {
            std::fs::write(&path, &self.json)
                .unwrap_or_else(|err| panic!("writing the ground truth to {path:?}: {err}"));
        }
    }
}

//! Tokio's instrumentation as releases after 1.24 emit it, played through `tracing` on real threads.
//!
//! Only Tokio 1.24 is packaged here, so this program makes the callsites of later releases itself:
//! the same span names, targets, fields and nesting (read from tokio-rs/tokio at tokio-1.35.0 and
//! tokio-1.41.0 to tokio-1.49.0), on threads named as Tokio names its own. What differs from 1.24:
//!
//! - task and resource spans are made with `parent: None` (1.35), so the spawning task is not the
//!   span's parent: it is the task being polled where the span is made;
//! - `runtime.spawn` carries `size.bytes`, and `original_size.bytes` when the future was boxed (1.41);
//! - blocking tasks have `loc.*` fields instead of one `spawn.location` text (1.27 on);
//! - `yield_now` defers its wake through `context::defer`, which clones the waker only when the last
//!   deferred one is not the same task's (1.32 on; 1.24 clones it every time).
//!
//! What the program provably does, for ari's tests: one `block_on` task (task.id 1) spawns tasks 2
//! (`yielder`), 3 (`boxed`) and a blocking task 4; two workers run. Task 2 is woken four times: once by
//! itself (wake_by_ref in its own poll), once by the runtime (the deferred yield, woken by its worker
//! outside any poll), once by task 3 (in task 3's poll) and once from a thread outside the runtime.

use std::sync::mpsc;
use std::thread;

use tracing::{Id, Span};

/// Where Tokio's own spans say they were made, as a crates.io build of Tokio 1.49 would.
const TOKIO_SRC: &str =
    "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.49.0/src";

type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs jobs in order, one at a time, and says when each is done: the program's steps
/// happen in one order across threads, as the comments below tell them.
struct Worker {
    jobs: mpsc::Sender<(Job, mpsc::Sender<()>)>,
    handle: thread::JoinHandle<()>,
}

impl Worker {
    /// A thread named `name`; with `span`, entered for the thread's whole life (as a Tokio worker
    /// runs inside its blocking-pool span).
    fn start(name: &str, span: Option<Span>) -> Worker {
        let (jobs, queue) = mpsc::channel::<(Job, mpsc::Sender<()>)>();
        let handle = thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let _entered = span.as_ref().map(Span::enter);
                for (job, done) in queue {
                    job();
                    let _ = done.send(());
                }
            })
            .expect("a thread");
        Worker { jobs, handle }
    }

    fn run(&self, job: impl FnOnce() + Send + 'static) {
        let (done, wait) = mpsc::channel();
        self.jobs
            .send((Box::new(job), done))
            .expect("the thread runs");
        wait.recv().expect("the job ran");
    }

    fn stop(self) {
        drop(self.jobs);
        self.handle.join().expect("the thread ends");
    }
}

fn task_span(kind: &str, id: u64, original_size: Option<usize>, size: usize, line: u32) -> Span {
    tracing::trace_span!(
        target: "tokio::task",
        parent: None,
        "runtime.spawn",
        %kind,
        task.name = %"",
        task.id = id,
        original_size.bytes = original_size,
        size.bytes = size,
        loc.file = "src/main.rs",
        loc.line = line,
        loc.col = 5u32,
    )
}

fn blocking_span(id: u64, function: &str, file: &str, line: u32) -> Span {
    tracing::trace_span!(
        target: "tokio::task::blocking",
        "runtime.spawn",
        kind = %"blocking",
        task.name = %"",
        task.id = id,
        "fn" = %function,
        size.bytes = 16usize,
        loc.file = file,
        loc.line = line,
        loc.col = 9u32,
    )
}

fn waker(op: &'static str, task: &Span) {
    let id = task.id().as_ref().map(Id::into_u64).unwrap_or_default();
    tracing::trace!(target: "tokio::task::waker", op, task.id = id);
}

fn main() {
    ari_examples::init_tracing();

    let worker_file = format!("{TOKIO_SRC}/runtime/scheduler/multi_thread/worker.rs");
    let launch = "tokio::runtime::scheduler::multi_thread::worker::Launch::launch::{{closure}}";
    let workers: Vec<Worker> = (0..2u64)
        .map(|n| {
            Worker::start(
                "tokio-runtime-worker",
                Some(blocking_span(100 + n, launch, &worker_file, 457)),
            )
        })
        .collect();

    // The block_on task, polled on main.
    let block_on = task_span("block_on", 1, None, 2_048, 3);
    let (yielder, boxed, blocking) = block_on.in_scope(|| {
        (
            task_span("task", 2, None, 64, 10),
            task_span("task", 3, Some(20_480), 8, 20),
            blocking_span(4, "later_tokio::main::{{closure}}", "src/main.rs", 30),
        )
    });

    // Poll 1 of task 2: it wakes itself by reference, in its own poll (self).
    let (task, worker) = (yielder.clone(), &workers[0]);
    worker.run(move || task.in_scope(|| waker("waker.wake_by_ref", &task)));

    // Poll 2: it yields, handing a clone of its waker to the worker's defer list; the worker wakes
    // it when it parks, outside any poll (runtime). A Sleep, made and polled in this poll, is pending.
    let task = yielder.clone();
    worker.run(move || {
        task.in_scope(|| {
            sleep_polled_pending();
            waker("waker.clone", &task);
        });
        waker("waker.wake", &task);
    });

    // Poll 3: it waits on task 3, which wakes it from its own poll on the other worker (task).
    let task = yielder.clone();
    worker.run(move || task.in_scope(|| waker("waker.clone", &task)));
    let (task, by) = (yielder.clone(), boxed.clone());
    workers[1].run(move || by.in_scope(|| waker("waker.wake", &task)));

    // Poll 4: it waits on a channel that a thread outside the runtime sends on (outside).
    let task = yielder.clone();
    worker.run(move || task.in_scope(|| waker("waker.clone", &task)));
    let outside = Worker::start("outside-waker", None);
    let task = yielder.clone();
    outside.run(move || waker("waker.wake", &task));
    outside.stop();

    // Poll 5: task 2 completes; task 4 runs on the blocking pool; task 3 completes.
    let task = yielder;
    worker.run(move || task.in_scope(|| ()));
    let blocking_pool = Worker::start("tokio-runtime-worker", None);
    blocking_pool.run(move || blocking.in_scope(|| ()));
    blocking_pool.stop();
    workers[1].run(move || boxed.in_scope(|| ()));

    block_on.in_scope(|| ());
    drop(block_on);
    for worker in workers {
        worker.stop();
    }
}

/// A Sleep as Tokio 1.35 on instruments it (`parent: None`), polled once and not yet elapsed.
fn sleep_polled_pending() {
    // Tokio's spans take their module path as target; this program's module path is its own.
    let resource = tracing::trace_span!(
        target: "tokio::time::sleep",
        parent: None,
        "runtime.resource",
        concrete_type = "Sleep",
        kind = "timer",
        loc.file = "src/main.rs",
        loc.line = 12u32,
        loc.col = 9u32,
    );
    let async_op = resource.in_scope(|| {
        tracing::trace!(target: "runtime::resource::state_update", duration = 10u64, duration.unit = "ms", duration.op = "override");
        tracing::trace_span!(target: "tokio::time::sleep", "runtime.resource.async_op", source = "Sleep::new_timeout")
    });
    let poll = async_op.in_scope(
        || tracing::trace_span!(target: "tokio::time::sleep", "runtime.resource.async_op.poll"),
    );
    resource.in_scope(|| {
        async_op.in_scope(|| {
            poll.in_scope(|| tracing::trace!(target: "runtime::resource::poll_op", op_name = "poll_elapsed", is_ready = false));
        })
    });
}

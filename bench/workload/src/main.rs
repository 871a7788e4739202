//! `workload MODE [TASKS] [FMT_FILE] [ROUNDS]`: a multi-thread runtime (2 workers) spawns TASKS tasks
//! (20,000 by default); each spawns a child that yields once and sends on a oneshot, and waits for it.
//! About 50 tracing records a task. ROUNDS (1 by default) repeats that, one round after the other: a
//! recording ROUNDS times as long with the same number of tasks alive at once. MODE picks the subscriber:
//! - `none`: no subscriber at all;
//! - `registry`: tracing-subscriber's Registry alone, the floor any Layer pays;
//! - `fmt`: the fmt layer with FmtSpan::FULL at TRACE, into a buffered file (FMT_FILE);
//! - `tap`: ari-tap (its destination from ARI_TAP).
//!
//! Prints the wall time of the traced part in nanoseconds.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Mutex;
use std::time::Instant;

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "none".to_owned());
    let tasks: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let fmt_file = args.next().unwrap_or_else(|| "/dev/null".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);

    match mode.as_str() {
        "none" => {}
        "registry" => tracing_subscriber::registry().init(),
        "fmt" => {
            let file =
                BufWriter::with_capacity(1 << 20, File::create(&fmt_file).expect("FMT_FILE"));
            tracing_subscriber::registry()
                .with(
                    tracing_subscriber::fmt::layer()
                        .with_span_events(FmtSpan::FULL)
                        .with_writer(Mutex::new(file)),
                )
                .with(tracing_subscriber::filter::LevelFilter::TRACE)
                .init();
        }
        "tap" => ari_tap::init(),
        other => panic!("unknown mode {other}: none, registry, fmt or tap"),
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let start = Instant::now();
    runtime.block_on(async {
        for _ in 0..rounds {
            let mut handles = Vec::with_capacity(tasks);
            for _ in 0..tasks {
                handles.push(tokio::spawn(async {
                    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
                    tokio::spawn(async move {
                        tokio::task::yield_now().await;
                        let _ = tx.send(1);
                    });
                    rx.await.unwrap_or(0)
                }));
            }
            for handle in handles {
                handle.await.unwrap();
            }
        }
    });
    drop(runtime);
    let elapsed = start.elapsed().as_nanos();
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{elapsed}");
}

//! A program that traces a lot, fast: `chatter [COUNT]` emits COUNT spans with an event inside each
//! on two threads, prints what it did and exits with code 7. ari's fault tests run it against readers
//! that are slow, vanish or were never there.

fn main() {
    ari_examples::init_tracing();
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);

    let worker = std::thread::spawn(move || chatter("worker", count / 2));
    chatter("main", count - count / 2);
    worker.join().unwrap();

    println!("chatter: {count} spans traced");
    std::process::exit(7);
}

fn chatter(thread: &'static str, count: u64) {
    for i in 0..count {
        tracing::info_span!("item", thread, i).in_scope(|| tracing::debug!(i, "tick"));
    }
}

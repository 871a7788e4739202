//! Tokio's synchronisation primitives under contention, every side of each in its own task:
//! `broadcast` (read through tokio-stream's `BroadcastStream`), `watch`, `Notify` (a ping-pong), `RwLock` (writers and readers) and `Barrier`.
//! Nothing here sleeps, yields, does I/O or runs on a thread of its own: every wake is one task
//! waking another.

use std::sync::Arc;

use tokio::sync::{broadcast, watch, Barrier, Notify, RwLock};
use tokio::task::JoinHandle;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

const WORKERS: usize = 2;
const BROADCAST_RECEIVERS: u64 = 4;
const WATCH_RECEIVERS: u64 = 3;
const WRITERS: u64 = 4;
const READERS: u64 = 4;
const PARTIES: u64 = 4;

fn main() {
    ari_real::init();
    let size = ari_real::size();
    ari_real::multi_thread(WORKERS).block_on(async move {
        let messages = 32 * size;
        let broadcast_received = sum(broadcast_fan_out(messages)).await;
        assert_eq!(broadcast_received, BROADCAST_RECEIVERS * messages);

        let values = 32 * size;
        let watchers = watch_updates(values);
        let mut changes_seen = 0;
        for watcher in watchers {
            let (changes, last) = watcher.await.unwrap();
            assert_eq!(last, values);
            assert!((1..=values).contains(&changes));
            changes_seen += changes;
        }

        let rounds = 50 * size;
        assert_eq!(sum(ping_pong(rounds)).await, 2 * rounds);

        let writes = 25 * size;
        let (lock_tasks, lock) = read_write(writes);
        let reads = sum(lock_tasks).await - WRITERS * writes;
        assert_eq!(*lock.read().await, WRITERS * writes);

        let barrier_rounds = 20 * size;
        let leaders = sum(barrier(barrier_rounds)).await;
        assert_eq!(leaders, barrier_rounds);

        ari_real::Truth::new("sync")
            .count("broadcast_sent", messages)
            .count("broadcast_receivers", BROADCAST_RECEIVERS)
            .count("broadcast_received", broadcast_received)
            .count("watch_sent", values)
            .count("watch_receivers", WATCH_RECEIVERS)
            .count("watch_changes_seen", changes_seen)
            .count("notify_rounds", rounds)
            .count("rwlock_writes", WRITERS * writes)
            .count("rwlock_reads", reads)
            .count("barrier_parties", PARTIES)
            .count("barrier_rounds", barrier_rounds)
            .count("barrier_leaders", leaders)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "timers", "outside_threads"])
            .write();
    });
}

async fn sum(tasks: Vec<JoinHandle<u64>>) -> u64 {
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    total
}

/// One sender, receivers subscribed before it starts; the capacity holds every message, so none lags.
fn broadcast_fan_out(messages: u64) -> Vec<JoinHandle<u64>> {
    let (sender, _) = broadcast::channel(messages as usize);
    let mut tasks: Vec<_> = (0..BROADCAST_RECEIVERS)
        .map(|_| {
            let mut messages = BroadcastStream::new(sender.subscribe());
            ari_real::spawn(async move {
                let mut received = 0;
                while let Some(message) = messages.next().await {
                    message.unwrap();
                    received += 1;
                }
                received
            })
        })
        .collect();
    tasks.push(ari_real::spawn(async move {
        for message in 0..messages {
            sender.send(message).unwrap();
        }
        0
    }));
    tasks
}

/// One sender of `values` values; each receiver returns how many changes it saw and the last value.
fn watch_updates(values: u64) -> Vec<JoinHandle<(u64, u64)>> {
    let (sender, receiver) = watch::channel(0);
    let receivers = (0..WATCH_RECEIVERS)
        .map(|_| {
            let mut receiver = receiver.clone();
            ari_real::spawn(async move {
                let mut changes = 0;
                while receiver.changed().await.is_ok() {
                    changes += 1;
                }
                let last = *receiver.borrow();
                (changes, last)
            })
        })
        .collect();
    drop(receiver);
    ari_real::spawn(async move {
        for value in 1..=values {
            sender.send(value).unwrap();
        }
    });
    receivers
}

/// Two tasks taking turns through two `Notify`s; each returns how many turns it took.
fn ping_pong(rounds: u64) -> Vec<JoinHandle<u64>> {
    let ping = Arc::new(Notify::new());
    let pong = Arc::new(Notify::new());
    let (their_ping, their_pong) = (Arc::clone(&ping), Arc::clone(&pong));
    let pinger = ari_real::spawn(async move {
        for _ in 0..rounds {
            ping.notify_one();
            pong.notified().await;
        }
        rounds
    });
    let ponger = ari_real::spawn(async move {
        for _ in 0..rounds {
            their_ping.notified().await;
            their_pong.notify_one();
        }
        rounds
    });
    vec![pinger, ponger]
}

/// Writers each add `writes` times, readers read as often; each task returns its count.
fn read_write(writes: u64) -> (Vec<JoinHandle<u64>>, Arc<RwLock<u64>>) {
    let lock = Arc::new(RwLock::new(0));
    let mut tasks = Vec::new();
    for _ in 0..WRITERS {
        let lock = Arc::clone(&lock);
        tasks.push(ari_real::spawn(async move {
            for _ in 0..writes {
                *lock.write().await += 1;
            }
            writes
        }));
    }
    for _ in 0..READERS {
        let lock = Arc::clone(&lock);
        tasks.push(ari_real::spawn(async move {
            let mut last = 0;
            for _ in 0..writes {
                let value = *lock.read().await;
                assert!(value >= last);
                last = value;
            }
            writes
        }));
    }
    (tasks, lock)
}

/// Parties meeting `rounds` times; each returns how often it was the leader.
fn barrier(rounds: u64) -> Vec<JoinHandle<u64>> {
    let barrier = Arc::new(Barrier::new(PARTIES as usize));
    (0..PARTIES)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            ari_real::spawn(async move {
                let mut led = 0;
                for _ in 0..rounds {
                    if barrier.wait().await.is_leader() {
                        led += 1;
                    }
                }
                led
            })
        })
        .collect()
}

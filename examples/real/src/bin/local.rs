//! A current-thread runtime with a `LocalSet`: local tasks share an `Rc` (so they could not be
//! sent to another thread), pass messages through a channel, and one of them yields; one ordinary
//! task feeds them from outside the set. Everything runs on the thread in `block_on`.

use std::cell::Cell;
use std::rc::Rc;

use tokio::sync::mpsc;
use tokio::task::LocalSet;

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let local_messages = 50 * size;
    let fed_messages = 50 * size;
    let yields = 20 * size;
    let runtime = ari_real::current_thread();
    let received = Rc::new(Cell::new(0u64));
    let local = LocalSet::new();
    let (sender, mut receiver) = mpsc::channel(4);
    let feeder_sender = sender.clone();

    let consumer = {
        let received = Rc::clone(&received);
        ari_real::count_spawn();
        local.spawn_local(async move {
            while receiver.recv().await.is_some() {
                received.set(received.get() + 1);
            }
        })
    };
    ari_real::count_spawn();
    let producer = local.spawn_local(async move {
        for message in 0..local_messages {
            sender.send(message).await.unwrap();
        }
    });
    ari_real::count_spawn();
    let yielder = local.spawn_local(async move {
        for _ in 0..yields {
            tokio::task::yield_now().await;
        }
        yields
    });
    local.block_on(&runtime, async move {
        let feeder = ari_real::spawn(async move {
            for message in 0..fed_messages {
                feeder_sender.send(message).await.unwrap();
            }
        });
        feeder.await.unwrap();
        producer.await.unwrap();
        consumer.await.unwrap();
        let yielded = yielder.await.unwrap();
        assert_eq!(yielded, yields);
    });
    drop(local);
    drop(runtime);
    assert_eq!(received.get(), local_messages + fed_messages);

    ari_real::Truth::new("local")
        .count("local_tasks", 3)
        .count("messages", received.get())
        .count("yields", yields)
        .runtime(0, true)
        .none_of(&["timers", "outside_threads"])
        .write();
}

//! The lost-waker fault: tasks hand their waker to a registry that later drops every waker without
//! waking it, and one task returns `Pending` without keeping its waker at all. None of them can ever
//! be woken; the program ends anyway, by shutting its runtime down, which drops them.
//!
//! One worker polls every task, so the owner can only drop the wakers once each task's poll has ended
//! (on two workers it could drop one while that task was still in its poll, whose end, not the drop,
//! would then strand it), and the owner's channel is never woken by another thread while the owner
//! registers with it (Tokio's `AtomicWaker` then wakes the owner inside its own poll: a self-wake).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use tokio::sync::mpsc;

const WORKERS: usize = 1;

/// Keeps a clone of its task's waker in the registry, says so, and never completes.
struct Registered {
    registry: Arc<Mutex<Vec<Waker>>>,
    registered: Option<mpsc::UnboundedSender<()>>,
}

impl Future for Registered {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Some(registered) = self.registered.take() {
            self.registry.lock().unwrap().push(cx.waker().clone());
            registered.send(()).unwrap();
        }
        Poll::Pending
    }
}

/// Returns `Pending` and keeps no waker: nothing can ever wake its task. It says when it was first
/// polled, so that the runtime is not shut down before it is (a task dropped unpolled is not stranded).
struct Forgetful {
    polled: Option<mpsc::UnboundedSender<()>>,
}

impl Future for Forgetful {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if let Some(polled) = self.polled.take() {
            polled.send(()).unwrap();
        }
        Poll::Pending
    }
}

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let lost = 5 * size;
    let runtime = ari_real::multi_thread(WORKERS);
    let dropped = runtime.block_on(async move {
        let registry = Arc::new(Mutex::new(Vec::new()));
        let (registered, mut registrations) = mpsc::unbounded_channel();
        for _ in 0..lost {
            ari_real::spawn(Registered {
                registry: Arc::clone(&registry),
                registered: Some(registered.clone()),
            });
        }
        ari_real::spawn(Forgetful {
            polled: Some(registered),
        });
        // The registry's owner: once every task has registered (and the forgetful one has been
        // polled), it drops their wakers unwoken.
        ari_real::spawn(async move {
            while registrations.recv().await.is_some() {}
            let wakers = std::mem::take(&mut *registry.lock().unwrap());
            let dropped = wakers.len() as u64;
            drop(wakers);
            dropped
        })
        .await
        .unwrap()
    });
    assert_eq!(dropped, lost);
    // Dropping the runtime waits for its worker to close every task left, however long a busy machine
    // takes; a shutdown with a timeout could end the program before the tasks' spans were closed.
    drop(runtime);

    ari_real::Truth::new("lost_waker")
        .count("lost_wakers", dropped)
        .count("never_registered", 1)
        .count("never_completed", dropped + 1)
        .runtime(WORKERS as u64, true)
        .none_of(&["yields", "timers", "outside_threads"])
        .write();
}

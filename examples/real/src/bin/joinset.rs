//! A `JoinSet` whose owner aborts part of it: the aborted tasks wait on something that never comes,
//! so each one ends cancelled; the others finish on their own.

use tokio::sync::oneshot;
use tokio::task::JoinSet;

const WORKERS: usize = 2;

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let finishing = 20 * size;
    let aborted = 10 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let owner = ari_real::spawn(async move {
            let mut set = JoinSet::new();
            // Kept alive until the end so the aborted tasks' receivers never see their sender go.
            let mut never_sent = Vec::new();
            let mut handles = Vec::new();
            for _ in 0..aborted {
                let (sender, receiver) = oneshot::channel::<()>();
                never_sent.push(sender);
                ari_real::count_spawn();
                handles.push(set.spawn(async move {
                    let _ = receiver.await;
                    false
                }));
            }
            for _ in 0..finishing {
                ari_real::count_spawn();
                set.spawn(async { true });
            }
            for handle in handles {
                handle.abort();
            }
            let (mut completed, mut cancelled) = (0, 0);
            while let Some(result) = set.join_next().await {
                match result {
                    Ok(finished) => {
                        assert!(finished);
                        completed += 1;
                    }
                    Err(error) => {
                        assert!(error.is_cancelled());
                        cancelled += 1;
                    }
                }
            }
            drop(never_sent);
            (completed, cancelled)
        });
        let (completed, cancelled) = owner.await.unwrap();
        assert_eq!((completed, cancelled), (finishing, aborted));

        ari_real::Truth::new("joinset")
            .count("joinset_spawned", finishing + aborted)
            .count("completed", completed)
            .count("aborted", aborted)
            .count("cancelled", cancelled)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "timers", "outside_threads"])
            .write();
    });
}

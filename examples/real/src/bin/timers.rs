//! Tokio's timers: an `interval`, a run of `sleep`s, a `timeout` that fires and one that does not.
//! Each timer that fires is one wait that only the timer driver ends.

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::{self, Instant, MissedTickBehavior};

// One worker, which alone drives the timer wheel, and only while it is parked: no deadline can pass in
// the wheel while a task is polled, so each timer here fires after its task's poll, from the driver
// (a runtime wake). On two workers the other one turns the wheel at any time: an interval's next tick,
// set inside the poll that saw the last one, could be behind it by then if the thread was descheduled
// there, and Tokio then fires it at once and wakes the task inside its own poll (a self-wake); a new
// `sleep` already past when first polled fires with no wake at all.
const WORKERS: usize = 1;
// Tokio 1.24 sets the next deadline a period after the last one unless the tick is seen over 5 ms
// late (then, with `Delay`, a period after now): a period over 5 ms keeps every deadline in the future
// when it is set, so no tick fires inside the poll that sets it.
const PERIOD: Duration = Duration::from_millis(10);
const NAP: Duration = Duration::from_millis(5);

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let ticks = 20 * size;
    let sleeps = 20 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let ticker = ari_real::spawn(async move {
            // First tick one period from now, not at once, so that every tick is a wait on the timer.
            let mut interval = time::interval_at(Instant::now() + PERIOD, PERIOD);
            interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
            for _ in 0..ticks {
                interval.tick().await;
            }
            ticks
        });
        let sleeper = ari_real::spawn(async move {
            for _ in 0..sleeps {
                time::sleep(NAP).await;
            }
            sleeps
        });
        let fired = ari_real::spawn(async {
            time::timeout(NAP * 4, std::future::pending::<()>())
                .await
                .is_err()
        });
        let (answer, answered) = oneshot::channel();
        let not_fired = ari_real::spawn(async move {
            time::timeout(Duration::from_secs(60), answered)
                .await
                .is_ok()
        });
        let answerer = ari_real::spawn(async move {
            answer.send(42).unwrap();
        });

        let ticked = ticker.await.unwrap();
        let slept = sleeper.await.unwrap();
        assert!(fired.await.unwrap());
        assert!(not_fired.await.unwrap());
        answerer.await.unwrap();

        ari_real::Truth::new("timers")
            .count("interval_ticks", ticked)
            .count("sleeps", slept)
            .count("timeouts_fired", 1)
            .count("timeouts_not_fired", 1)
            .count("timers_fired", ticked + slept + 1)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "outside_threads"])
            .write();
    });
}

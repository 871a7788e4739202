//! The first article's program: a task that logs, then yields once with `yield_now`.
//! On Tokio 1.24 the yield's wake is deferred until after the poll (tokio#5223), so it shows as a
//! `waker.clone` inside the task followed by a `waker.wake` outside any task.

#[tokio::main]
async fn main() {
    ari_examples::init_tracing();

    tokio::spawn(async {
        tracing::info!(fun = true, "pre-yield");
        tokio::task::yield_now().await;
    })
    .await
    .unwrap();
}

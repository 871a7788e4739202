//! The first article's spinner in two flavours, chosen by `ARI_YIELD`: `tokio` (the default) awaits
//! Tokio 1.24's `yield_now`, whose wake is deferred until after the poll (tokio#5223); `legacy` yields
//! as Tokio did before that change: `wake_by_ref` inside the poll, then `Pending`. The task is the
//! same and spawned from the same place, so `ari diff` lines the two runs up.

#[tokio::main]
async fn main() {
    ari_examples::init_tracing();
    let legacy = std::env::var("ARI_YIELD").as_deref() == Ok("legacy");

    tokio::spawn(async move {
        tracing::info!(fun = true, "pre-yield");
        if legacy {
            ari_examples::self_wake().await;
        } else {
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap();
}

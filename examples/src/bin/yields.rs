//! The first article's spinner in two flavours, chosen by `ARI_YIELD`: `tokio` (the default) awaits
//! Tokio 1.24's `yield_now`, whose wake is deferred until after the poll (tokio#5223); `legacy` yields
//! as Tokio did before that change: `wake_by_ref` inside the poll, then `Pending`. The task is the
//! same and spawned from the same place, so `ari diff` lines the two runs up.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

#[tokio::main]
async fn main() {
    ari_examples::init_tracing();
    let legacy = std::env::var("ARI_YIELD").as_deref() == Ok("legacy");

    tokio::spawn(async move {
        tracing::info!(fun = true, "pre-yield");
        if legacy {
            LegacyYield { yielded: false }.await;
        } else {
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap();
}

/// `yield_now` before tokio#5223.
struct LegacyYield {
    yielded: bool,
}

impl Future for LegacyYield {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

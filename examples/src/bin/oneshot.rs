//! The third article's program: a oneshot channel, a resource with async ops and state updates,
//! on a current-thread runtime so that everything happens in one visible order.

use ari_examples::spawn_named;
use tracing::debug;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    ari_examples::init_tracing();

    spawn_named("tokio-oneshot", tokio_oneshot()).await.unwrap();
}

async fn tokio_oneshot() {
    debug!("creating oneshot");
    let (tx, rx) = tokio::sync::oneshot::channel::<u64>();
    debug!("oneshot created");

    let jh = spawn_named("receiver", async move {
        debug!("awaiting message");
        let msg = rx.await.unwrap();
        debug!(msg, "message received");
    });

    spawn_named("sender", async move {
        debug!("sending message");
        tx.send(5).unwrap();
        debug!("message sent");
    });

    debug!(?jh, "awaiting receiver task");
    jh.await.unwrap();
    debug!("good-bye");
}

//! A framed TCP protocol with tokio-util's `LengthDelimitedCodec`: an echo server, and clients that
//! each open one connection and send frames one at a time, waiting for each echo.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use futures::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{Framed, LengthDelimitedCodec};

const WORKERS: usize = 2;
const CLIENTS: u64 = 8;

fn main() {
    ari_real::init();
    let size = ari_real::size();
    let frames_per_client = 100 * size;
    ari_real::multi_thread(WORKERS).block_on(async move {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let echoed = Arc::new(AtomicU64::new(0));
        let server = ari_real::spawn(serve(listener, Arc::clone(&echoed)));

        let clients: Vec<_> = (0..CLIENTS)
            .map(|client| ari_real::spawn(talk(address, client, frames_per_client)))
            .collect();
        let mut received = 0;
        let mut bytes = 0;
        for client in clients {
            let (frames, length) = client.await.unwrap();
            received += frames;
            bytes += length;
        }
        server.await.unwrap();

        let frames = CLIENTS * frames_per_client;
        assert_eq!(received, frames);
        assert_eq!(echoed.load(Ordering::Relaxed), frames);
        ari_real::Truth::new("framed")
            .count("connections", CLIENTS)
            .count("frames_sent", frames)
            .count("frames_echoed", echoed.load(Ordering::Relaxed))
            .count("frames_received", received)
            .count("payload_bytes", bytes)
            .runtime(WORKERS as u64, true)
            .none_of(&["yields", "timers", "outside_threads"])
            .write();
    });
}

/// Accepts exactly one connection per client and echoes every frame back on it.
async fn serve(listener: TcpListener, echoed: Arc<AtomicU64>) {
    let mut connections = Vec::new();
    for _ in 0..CLIENTS {
        let (stream, _) = listener.accept().await.unwrap();
        let echoed = Arc::clone(&echoed);
        connections.push(ari_real::spawn(async move {
            let mut framed = Framed::new(stream, LengthDelimitedCodec::new());
            while let Some(frame) = framed.next().await {
                framed.send(frame.unwrap().freeze()).await.unwrap();
                echoed.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for connection in connections {
        connection.await.unwrap();
    }
}

/// Sends `frames` frames, each after the previous one's echo; returns the frames and bytes echoed.
async fn talk(address: std::net::SocketAddr, client: u64, frames: u64) -> (u64, u64) {
    let stream = TcpStream::connect(address).await.unwrap();
    let mut framed = Framed::new(stream, LengthDelimitedCodec::new());
    let mut bytes = 0;
    for frame in 0..frames {
        let payload = Bytes::from(format!("client {client} frame {frame}"));
        framed.send(payload.clone()).await.unwrap();
        let echo = framed.next().await.unwrap().unwrap();
        assert_eq!(echo, payload);
        bytes += echo.len() as u64;
    }
    (frames, bytes)
}

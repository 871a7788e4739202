//! An HTTP/1.1 server and its clients on hyper 0.14, over loopback. Some clients share one pooled
//! `hyper::Client` (keep-alive: many requests a connection), one opens a new connection for every
//! request with `hyper::client::conn`. Every task, hyper's included, is spawned through a counter:
//! the server's connections with `ari_real::spawn`, the pooled client's through [`CountingExecutor`].

use std::convert::Infallible;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use hyper::server::conn::Http;
use hyper::service::service_fn;
use hyper::{Body, Request, Response};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const WORKERS: usize = 2;
const POOLED_CLIENTS: u64 = 4;

/// Spawns what hyper's pooled client asks for, counting each task and keeping its handle so that
/// the program can wait for all of them before it ends.
#[derive(Clone, Default)]
struct CountingExecutor {
    spawned: Arc<AtomicU64>,
    handles: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl<F> hyper::rt::Executor<F> for CountingExecutor
where
    F: Future<Output = ()> + Send + 'static,
{
    fn execute(&self, future: F) {
        self.spawned.fetch_add(1, Ordering::Relaxed);
        let handle = ari_real::spawn(future);
        self.handles.lock().unwrap().push(handle);
    }
}

impl CountingExecutor {
    async fn join_all(&self) {
        loop {
            let handles = std::mem::take(&mut *self.handles.lock().unwrap());
            if handles.is_empty() {
                return;
            }
            for handle in handles {
                handle.await.unwrap();
            }
        }
    }
}

#[tokio::main(worker_threads = 2)]
async fn main() {
    ari_real::init();
    let size = ari_real::size();
    let requests_per_pooled_client = 50 * size;
    let fresh_connections = 20 * size;

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let served = Arc::new(AtomicU64::new(0));
    let accepted = Arc::new(AtomicU64::new(0));
    let (stop, stopped) = oneshot::channel();
    let server = ari_real::spawn(serve(
        listener,
        stopped,
        Arc::clone(&served),
        Arc::clone(&accepted),
    ));

    let executor = CountingExecutor::default();
    let client = hyper::Client::builder()
        .pool_idle_timeout(None)
        .executor(executor.clone())
        .build_http::<Body>();
    let uri: hyper::Uri = format!("http://{address}/pooled").parse().unwrap();
    let responses = Arc::new(AtomicU64::new(0));
    let pooled: Vec<_> = (0..POOLED_CLIENTS)
        .map(|_| {
            let (client, uri, responses) = (client.clone(), uri.clone(), Arc::clone(&responses));
            ari_real::spawn(async move {
                for _ in 0..requests_per_pooled_client {
                    let response = client.get(uri.clone()).await.unwrap();
                    read_hello(response).await;
                    responses.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let fresh = ari_real::spawn(fresh_requests(
        address,
        fresh_connections,
        Arc::clone(&responses),
    ));

    for client_task in pooled {
        client_task.await.unwrap();
    }
    fresh.await.unwrap();
    // Dropping the client drops its pool, whose idle connections then close.
    drop(client);
    executor.join_all().await;
    stop.send(()).unwrap();
    server.await.unwrap();

    let requests = served.load(Ordering::Relaxed);
    let connections = accepted.load(Ordering::Relaxed);
    assert_eq!(
        requests,
        POOLED_CLIENTS * requests_per_pooled_client + fresh_connections
    );
    assert_eq!(responses.load(Ordering::Relaxed), requests);
    ari_real::Truth::new("http")
        .count("requests", requests)
        .count("responses", responses.load(Ordering::Relaxed))
        .count("connections", connections)
        .count("fresh_connections", fresh_connections)
        .count("pooled_connections", connections - fresh_connections)
        .count("pooled_clients", POOLED_CLIENTS)
        .runtime(WORKERS as u64, false)
        .count("hyper_tasks", executor.spawned.load(Ordering::Relaxed))
        .none_of(&["yields", "timers", "outside_threads"])
        .write();
}

/// Accepts connections until told to stop, one task a connection, then waits for them all.
async fn serve(
    listener: TcpListener,
    mut stop: oneshot::Receiver<()>,
    served: Arc<AtomicU64>,
    accepted: Arc<AtomicU64>,
) {
    let mut connections = Vec::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            incoming = listener.accept() => {
                let (stream, _) = incoming.unwrap();
                accepted.fetch_add(1, Ordering::Relaxed);
                let served = Arc::clone(&served);
                connections.push(ari_real::spawn(async move {
                    let service = service_fn(move |request| hello(request, Arc::clone(&served)));
                    Http::new()
                        .http1_only(true)
                        .serve_connection(stream, service)
                        .await
                        .unwrap();
                }));
            }
        }
    }
    for connection in connections {
        connection.await.unwrap();
    }
}

async fn hello(
    request: Request<Body>,
    served: Arc<AtomicU64>,
) -> Result<Response<Body>, Infallible> {
    served.fetch_add(1, Ordering::Relaxed);
    Ok(Response::new(Body::from(format!(
        "hello {}",
        request.uri().path()
    ))))
}

/// One new connection a request: handshake, spawn the connection, one request, close.
async fn fresh_requests(address: std::net::SocketAddr, count: u64, responses: Arc<AtomicU64>) {
    for _ in 0..count {
        let stream = TcpStream::connect(address).await.unwrap();
        let (mut sender, connection) = hyper::client::conn::handshake(stream).await.unwrap();
        let connection = ari_real::spawn(connection);
        let request = Request::get("/fresh")
            .header("host", address.to_string())
            .body(Body::empty())
            .unwrap();
        read_hello(sender.send_request(request).await.unwrap()).await;
        responses.fetch_add(1, Ordering::Relaxed);
        drop(sender);
        connection.await.unwrap().unwrap();
    }
}

async fn read_hello(response: Response<Body>) {
    assert!(response.status().is_success());
    let body = hyper::body::to_bytes(response.into_body()).await.unwrap();
    assert!(body.starts_with(b"hello /"));
}

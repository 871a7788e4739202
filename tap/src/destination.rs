//! Where the stream goes, from the `ARI_TAP` environment variable.

use std::fs::File;
use std::io::{self, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// How long connecting to a reader may hold up the program's start.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Destination {
    File(String),
    Unix(String),
    Tcp(String),
}

impl Destination {
    /// `unix:PATH`, `tcp:HOST:PORT`, or anything else as a file path.
    pub(crate) fn parse(spec: &str) -> Destination {
        if let Some(path) = spec.strip_prefix("unix:") {
            Destination::Unix(path.to_owned())
        } else if let Some(addr) = spec.strip_prefix("tcp:") {
            Destination::Tcp(addr.to_owned())
        } else {
            Destination::File(spec.to_owned())
        }
    }

    pub(crate) fn open(&self) -> io::Result<Box<dyn Write + Send>> {
        Ok(match self {
            Destination::File(path) => Box::new(File::create(path)?),
            Destination::Unix(path) => Box::new(UnixStream::connect(path)?),
            Destination::Tcp(addr) => {
                let addr: SocketAddr = addr.parse().map_err(|_| {
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "expected tcp:IP:PORT, e.g. tcp:127.0.0.1:7070",
                    )
                })?;
                let stream = TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT)?;
                // Batches are large already; waiting for more bytes would only delay a live view.
                stream.set_nodelay(true)?;
                Box::new(stream)
            }
        })
    }
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::File(path) => write!(f, "{path}"),
            Destination::Unix(path) => write!(f, "unix:{path}"),
            Destination::Tcp(addr) => write!(f, "tcp:{addr}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_choose_the_kind_of_destination() {
        assert_eq!(
            Destination::parse("out.ari"),
            Destination::File("out.ari".into())
        );
        assert_eq!(
            Destination::parse("unix:/tmp/s"),
            Destination::Unix("/tmp/s".into())
        );
        assert_eq!(
            Destination::parse("tcp:127.0.0.1:9"),
            Destination::Tcp("127.0.0.1:9".into())
        );
    }

    #[test]
    fn a_tcp_address_must_be_an_ip_and_port() {
        let err = Destination::parse("tcp:localhost").open().err().unwrap();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}

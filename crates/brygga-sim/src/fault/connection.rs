//! Connections that a request handler can cut, for the dropped-connection fault.
//!
//! A real dropped connection gives the client no status line at all. Inside an axum handler there
//! is no socket to close, so the server accepts through [`ConnectionListener`], whose streams carry
//! a shared [`Cut`] switch; the switch reaches the request as `ConnectInfo<Cut>`. Once it is
//! thrown, every read and write on that stream fails, so hyper gives up on the connection instead
//! of sending the response, and closes it.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// The switch that cuts one connection.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cut {
    thrown: Arc<AtomicBool>,
}

impl Cut {
    pub(crate) fn throw(&self) {
        self.thrown.store(true, Ordering::SeqCst);
    }

    fn is_thrown(&self) -> bool {
        self.thrown.load(Ordering::SeqCst)
    }
}

/// A TCP listener whose connections can be cut from inside a handler.
#[derive(Debug)]
pub(crate) struct ConnectionListener {
    tcp: TcpListener,
}

impl ConnectionListener {
    pub(crate) fn new(tcp: TcpListener) -> Self {
        Self { tcp }
    }
}

impl Listener for ConnectionListener {
    type Io = CuttableStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, peer) = Listener::accept(&mut self.tcp).await;
        (
            CuttableStream {
                stream,
                cut: Cut::default(),
            },
            peer,
        )
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

impl Connected<IncomingStream<'_, ConnectionListener>> for Cut {
    fn connect_info(stream: IncomingStream<'_, ConnectionListener>) -> Self {
        stream.io().cut.clone()
    }
}

#[derive(Debug)]
pub(crate) struct CuttableStream {
    stream: TcpStream,
    cut: Cut,
}

impl CuttableStream {
    fn check(&self) -> io::Result<()> {
        if self.cut.is_thrown() {
            Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "connection cut by a simulated fault",
            ))
        } else {
            Ok(())
        }
    }
}

impl AsyncRead for CuttableStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for CuttableStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.check()?;
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

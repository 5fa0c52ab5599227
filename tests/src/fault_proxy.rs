//! A TCP proxy on loopback that can be told to misbehave: stop forwarding
//! (a network that silently drops everything, as a dead NAT entry or a
//! partition does), or cut each connection after some bytes from upstream.
//! Fault tests put it between a client (the controller) and a real server
//! (kube-apiserver, a git server).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;

use crate::loopback::AcceptLoop;

/// What the proxy does with traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProxyMode {
    /// Forwards both ways.
    Forward,
    /// Forwards nothing from now on, on open connections too, and accepts
    /// new connections without ever forwarding on them; connections that
    /// stalled stay dead after the mode changes back (as after a partition).
    Stall,
    /// Forwards, but closes each connection once this many bytes came from
    /// upstream on it (the client sees a transfer cut off mid-way).
    CutAfter(u64),
}

struct State {
    mode: Mutex<ProxyMode>,
    /// Bumped on every switch to `Stall`: connections older than it die.
    stalls: watch::Sender<u64>,
    connections: AtomicUsize,
    cuts: AtomicUsize,
    upstream_bytes: AtomicU64,
}

impl State {
    fn mode(&self) -> ProxyMode {
        self.mode.lock().map(|m| *m).unwrap_or(ProxyMode::Forward)
    }
}

/// A running proxy; stopped (every connection closed) on drop.
pub struct FaultProxy {
    state: Arc<State>,
    accept: AcceptLoop,
}

impl FaultProxy {
    /// Listens on a free loopback port and forwards to `upstream`.
    pub fn start(upstream: SocketAddr) -> Result<Self> {
        let (stalls, _) = watch::channel(0);
        let state = Arc::new(State {
            mode: Mutex::new(ProxyMode::Forward),
            stalls,
            connections: AtomicUsize::new(0),
            cuts: AtomicUsize::new(0),
            upstream_bytes: AtomicU64::new(0),
        });
        let st = state.clone();
        let accept = AcceptLoop::start(move |client| {
            st.connections.fetch_add(1, Ordering::Relaxed);
            connection(st.clone(), client, upstream)
        })?;
        Ok(Self { state, accept })
    }

    /// The loopback port clients connect to.
    pub fn port(&self) -> u16 {
        self.accept.port()
    }

    /// Switches the mode; `Stall` also kills every open connection's traffic.
    pub fn set(&self, mode: ProxyMode) {
        if let Ok(mut m) = self.state.mode.lock() {
            *m = mode;
        }
        if mode == ProxyMode::Stall {
            self.state.stalls.send_modify(|n| *n += 1);
        }
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.state.connections.load(Ordering::Relaxed)
    }

    /// Connections cut by `CutAfter` so far.
    pub fn cuts(&self) -> usize {
        self.state.cuts.load(Ordering::Relaxed)
    }

    /// Bytes forwarded from upstream so far.
    pub fn upstream_bytes(&self) -> u64 {
        self.state.upstream_bytes.load(Ordering::Relaxed)
    }
}

/// One client connection: forwards until either side closes, the mode
/// stalls it (then holds both sockets open and silent until shutdown), or a
/// cut closes it.
async fn connection(state: Arc<State>, client: TcpStream, upstream: SocketAddr) {
    let mut stalls = state.stalls.subscribe();
    stalls.mark_unchanged();
    if state.mode() == ProxyMode::Stall {
        // Accepted by the kernel, never answered.
        std::future::pending::<()>().await;
    }
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (mut client_rd, mut client_wr) = client.into_split();
    let (mut server_rd, mut server_wr) = server.into_split();
    let up = async {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match client_rd.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            if server_wr.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    let down = async {
        let mut buf = vec![0u8; 16 * 1024];
        let mut sent: u64 = 0;
        loop {
            let n = match server_rd.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let mut chunk = &buf[..n];
            let mut cut = false;
            if let ProxyMode::CutAfter(limit) = state.mode() {
                let room = usize::try_from(limit.saturating_sub(sent)).unwrap_or(usize::MAX);
                if chunk.len() >= room {
                    chunk = &chunk[..room];
                    cut = true;
                }
            }
            if client_wr.write_all(chunk).await.is_err() {
                return;
            }
            sent += chunk.len() as u64;
            state
                .upstream_bytes
                .fetch_add(chunk.len() as u64, Ordering::Relaxed);
            if cut {
                state.cuts.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
    };
    tokio::select! {
        _ = up => {}
        _ = down => {}
        _ = stalls.changed() => {
            // Silent from now on: keep the sockets, forward nothing.
            std::future::pending::<()>().await;
        }
    }
    // Leaving drops both halves of both sockets: the connection closes.
}

//! Fixture repositories and the real git servers that serve them: `git
//! daemon`, `git http-backend` behind a small HTTP(S) front end with optional
//! basic or bearer auth, and Debian's OpenSSH server.
//!
//! The system `git` is used here, by the harness only.

mod daemon;
mod http;
mod repos;
mod ssh;

pub use daemon::GitDaemon;
pub use http::{HttpAuth, HttpGitServer, RequestRecord};
pub use repos::{FixtureRepos, git_output};
pub use ssh::{SshGitServer, SshKey};

use std::net::TcpListener;
use std::time::{Duration, Instant};

/// A loopback port that is free right now.
pub(crate) fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Waits until something accepts connections on `port`.
pub(crate) fn wait_listening(port: u16, timeout: Duration) -> anyhow::Result<()> {
    let deadline = Instant::now() + timeout;
    loop {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if Instant::now() > deadline {
            anyhow::bail!("nothing listens on 127.0.0.1:{port} after {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

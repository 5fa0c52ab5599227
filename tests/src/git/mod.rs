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
pub use http::{Cut, HttpAuth, HttpGitServer, RequestRecord};
pub use repos::{FixtureRepos, git_output};
pub use ssh::{SshGitServer, SshKey};

use std::net::TcpListener;
use std::time::{Duration, Instant};

/// A command that runs `program args…` under a small bash supervisor: when
/// the test process exits (even by a crash, or from a `static` that is never
/// dropped), or when the supervisor is killed, the server goes too.
pub(crate) fn supervised(
    program: &std::path::Path,
    args: &[std::ffi::OsString],
) -> std::process::Command {
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg(
            r#"owner=$1; shift; "$@" & child=$!; trap 'kill $child 2>/dev/null; exit 0' TERM INT
while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.5; done
kill "$child" 2>/dev/null; wait "$child""#,
        )
        .arg("supervisor")
        .arg(std::process::id().to_string())
        .arg(program)
        .args(args);
    cmd
}

/// Stops a [`supervised`] server: SIGTERM lets the supervisor take its
/// server down too (SIGKILL would orphan it).
pub(crate) fn terminate(child: &mut std::process::Child) {
    let _ = std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A loopback port that is free right now.
///
/// Taken from 10000–19999, below the kernel's ephemeral range (32768 and
/// up) and the test bed's (20000–31999): a port the kernel hands out for
/// `:0` can meanwhile become the source port of one of the many outgoing
/// connections to the apiserver, and the process it was picked for then
/// fails with "Address already in use" (seen in `tests/run`). Ports are
/// handed out in turn from a start that depends on the process id, each
/// checked free by binding it.
pub fn free_port() -> anyhow::Result<u16> {
    use std::sync::atomic::{AtomicU32, Ordering};
    const MIN: u32 = 10_000;
    const SPAN: u32 = 10_000;
    static NEXT: AtomicU32 = AtomicU32::new(u32::MAX);
    let _ = NEXT.compare_exchange(
        u32::MAX,
        std::process::id().wrapping_mul(7919) % SPAN,
        Ordering::Relaxed,
        Ordering::Relaxed,
    );
    for _ in 0..SPAN {
        let port = (MIN + NEXT.fetch_add(1, Ordering::Relaxed) % SPAN) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    anyhow::bail!("no free loopback port in {MIN}..{}", MIN + SPAN)
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

//! The `sluice` binary as tests run it: `sluice run` as a child process on
//! its own loopback ports and storage, stopped when the test ends (or when
//! the test process dies: a supervisor watches it).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::git::free_port;
use crate::process::Supervised;

/// The `sluice` binary of this build (`tests/run` builds it).
pub fn binary() -> Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .context("test executable has no target directory")?;
    let bin = dir.join("sluice");
    if !bin.exists() {
        bail!(
            "{} is missing: build it first (cargo build -p sluice-engine; tests/run does)",
            bin.display()
        );
    }
    Ok(bin)
}

/// How to start a controller.
pub struct Launch {
    /// The program (sluice, or a wrapper such as `unshare`).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
    /// Extra environment.
    pub env: Vec<(String, String)>,
    /// Environment variables to remove.
    pub env_remove: Vec<String>,
}

/// A running `sluice run`.
pub struct Controller {
    process: Supervised,
    /// The sluice process itself (SIGKILL target).
    pub pid: u32,
    /// `/metrics` port.
    pub metrics_port: u16,
    /// `/healthz` `/readyz` port.
    pub health_port: u16,
    /// Artifact server port.
    pub storage_port: u16,
    storage: tempfile::TempDir,
}

impl Controller {
    /// `sluice run --kubeconfig <kubeconfig> <args…>` on free ports.
    pub fn start(kubeconfig: &Path, args: &[&str]) -> Result<Self> {
        let mut all = vec!["--kubeconfig".to_string(), kubeconfig.display().to_string()];
        all.extend(args.iter().map(|a| a.to_string()));
        Self::launch(|ports| Launch {
            program: binary().expect("sluice binary"),
            args: [vec!["run".to_string()], ports, all].concat(),
            env: vec![],
            env_remove: vec!["KUBECONFIG".into()],
        })
    }

    /// Starts what `launch` returns, given the port flags to pass.
    pub fn launch(launch: impl FnOnce(Vec<String>) -> Launch) -> Result<Self> {
        let storage = tempfile::Builder::new().prefix("sluice-run-").tempdir()?;
        let (metrics_port, health_port, storage_port) = (free_port()?, free_port()?, free_port()?);
        let ports = vec![
            format!("--metrics-addr=127.0.0.1:{metrics_port}"),
            format!("--health-addr=127.0.0.1:{health_port}"),
            format!("--storage-addr=127.0.0.1:{storage_port}"),
            format!("--storage-path={}", storage.path().join("data").display()),
            "--log-format=text".into(),
        ];
        let l = launch(ports);
        let log = storage.path().join("sluice.log");
        let mut env = l.env.clone();
        if !env.iter().any(|(k, _)| k == "RUST_LOG") {
            env.push((
                "RUST_LOG".into(),
                std::env::var("SLUICE_TEST_LOG").unwrap_or_else(|_| "info,kube=warn".into()),
            ));
        }
        env.push(("NO_COLOR".into(), "1".into()));
        let process = Supervised::spawn(&l.program, &l.args, &env, &l.env_remove, &log)?;
        Ok(Self {
            pid: process.pid,
            process,
            metrics_port,
            health_port,
            storage_port,
            storage,
        })
    }

    /// Its artifact storage directory.
    pub fn storage(&self) -> PathBuf {
        self.storage.path().join("data")
    }

    /// Its log so far.
    pub fn log(&self) -> String {
        self.process.log()
    }

    /// Whether the sluice process is alive.
    pub fn alive(&self) -> bool {
        self.process.alive()
    }

    /// Waits until `/readyz` answers 200.
    pub fn wait_ready(&self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok((200, _)) = http_get(self.health_port, "/readyz") {
                return Ok(());
            }
            if !self.alive() {
                bail!("sluice run exited:\n{}", self.log());
            }
            if Instant::now() > deadline {
                bail!("sluice run not ready after {timeout:?}:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The `/metrics` text.
    pub fn metrics(&self) -> Result<String> {
        let (code, body) = http_get(self.metrics_port, "/metrics")?;
        if code != 200 {
            bail!("/metrics answered {code}");
        }
        Ok(body)
    }

    /// A metric's value (the sum over series whose labels contain every
    /// `label="value"` given).
    pub fn metric(&self, name: &str, labels: &[&str]) -> Result<f64> {
        let text = self.metrics()?;
        Ok(text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
            .filter(|l| labels.iter().all(|want| l.contains(want)))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum())
    }

    /// SIGKILL: no cleanup, no lease release.
    pub fn kill(&mut self) {
        self.process.kill();
    }

    /// SIGTERM and wait for the exit; whether it exited in time.
    pub fn terminate(&mut self, timeout: Duration) -> bool {
        self.process.terminate(timeout)
    }
}

/// A plain HTTP/1.0 GET on loopback: (status, body).
pub fn http_get(port: u16, path: &str) -> Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((code, body))
}

/// A plain HTTP/1.0 GET returning the raw body bytes.
pub fn http_get_bytes(url: &str) -> Result<(u16, Vec<u8>)> {
    let rest = url.strip_prefix("http://").context("only http:// URLs")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut s = TcpStream::connect(host)?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(s, "GET /{path} HTTP/1.0\r\nHost: {host}\r\n\r\n")?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("no HTTP header end")?;
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((code, buf[split + 4..].to_vec()))
}

/// Polls `check` until it returns `Some`, or fails with `what` after
/// `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Option<T>>>,
{
    let deadline = Instant::now() + timeout;
    let mut last = String::new();
    loop {
        match check().await {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => last = format!("{e:#}"),
        }
        if Instant::now() > deadline {
            bail!("{what}: not so after {timeout:?} {last}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// How a `sluice` command ended, with its peak memory.
pub struct Measured {
    /// Exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
    /// Peak RSS in KiB, as `/usr/bin/time` measured it.
    pub rss_kib: u64,
}

/// Runs `sluice <args>` under `/usr/bin/time` (no colours, no stdin), killed
/// and failed once `deadline` passes: peak memory measured on the real
/// binary, not estimated.
pub fn run_measured(args: &[&std::ffi::OsStr], deadline: Duration) -> Result<Measured> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        bail!("/usr/bin/time is missing: install Debian's `time` package (.ci/run does)");
    }
    let io = tempfile::tempdir()?;
    let (out, err, rss) = (
        io.path().join("out"),
        io.path().join("err"),
        io.path().join("rss"),
    );
    let mut child = std::process::Command::new(time)
        .args(["-f", "%M", "-o"])
        .arg(&rss)
        .arg(binary()?)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out)?)
        .stderr(std::fs::File::create(&err)?)
        .spawn()?;
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if started.elapsed() > deadline {
            child.kill()?;
            child.wait()?;
            bail!("sluice {args:?} still running after {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let rss_text = std::fs::read_to_string(&rss)?;
    let rss_kib = rss_text
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .with_context(|| format!("no peak RSS from /usr/bin/time: {rss_text:?}"))?;
    Ok(Measured {
        code: status.code(),
        stdout: std::fs::read_to_string(&out)?,
        stderr: String::from_utf8_lossy(&std::fs::read(&err)?).into_owned(),
        rss_kib,
    })
}

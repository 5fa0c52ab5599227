//! Long-running processes a test starts (controllers): each runs under a
//! small bash supervisor that records its pid and takes it down when the
//! test process goes away, so nothing outlives a crashed test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// A supervised process writing to a log file.
pub struct Supervised {
    supervisor: Child,
    /// The process itself (the supervisor's child).
    pub pid: u32,
    log: PathBuf,
}

impl Supervised {
    /// Starts `program args…` with `env` added and `env_remove` removed,
    /// stdout and stderr to `log`.
    pub fn spawn(
        program: &Path,
        args: &[String],
        env: &[(String, String)],
        env_remove: &[String],
        log: &Path,
    ) -> Result<Self> {
        let pidfile = log.with_extension("pid");
        let _ = std::fs::remove_file(&pidfile);
        let out = std::fs::File::create(log)?;
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(
                r#"owner=$1; pidfile=$2; shift 2; "$@" & child=$!; echo "$child" > "$pidfile"
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.3; done
kill -TERM "$child" 2>/dev/null; wait "$child""#,
            )
            .arg("supervisor")
            .arg(std::process::id().to_string())
            .arg(&pidfile)
            .arg(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out);
        for k in env_remove {
            cmd.env_remove(k);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let supervisor = cmd
            .spawn()
            .with_context(|| format!("starting {}", program.display()))?;
        let deadline = Instant::now() + Duration::from_secs(10);
        let pid = loop {
            if let Ok(text) = std::fs::read_to_string(&pidfile)
                && let Ok(pid) = text.trim().parse::<u32>()
            {
                break pid;
            }
            if Instant::now() > deadline {
                bail!("{} did not start", program.display());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        Ok(Self {
            supervisor,
            pid,
            log: log.to_path_buf(),
        })
    }

    /// The log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Whether the process is alive (and not a zombie).
    pub fn alive(&self) -> bool {
        std::fs::read_to_string(format!("/proc/{}/stat", self.pid))
            .is_ok_and(|s| !s.contains(") Z "))
    }

    /// SIGKILL, no cleanup.
    pub fn kill(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", &self.pid.to_string()])
            .status();
        let _ = self.supervisor.wait();
    }

    /// SIGTERM, and whether it exited within `timeout`.
    pub fn terminate(&mut self, timeout: Duration) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if !self.alive() {
                let _ = self.supervisor.wait();
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Peak resident memory so far (VmHWM), in bytes.
    pub fn peak_rss(&self) -> Option<u64> {
        proc_status_kib(self.pid, "VmHWM:").map(|k| k * 1024)
    }

    /// CPU time used so far (user + system), in seconds.
    pub fn cpu_seconds(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        let rest = stat.rsplit_once(") ")?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some(ticks as f64 / 100.0)
    }
}

fn proc_status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

impl Drop for Supervised {
    fn drop(&mut self) {
        if self.alive() && !self.terminate(Duration::from_secs(20)) {
            self.kill();
        }
        let _ = self.supervisor.kill();
        let _ = self.supervisor.wait();
    }
}

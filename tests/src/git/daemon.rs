//! `git daemon` serving a directory over git:// on a loopback port.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};

/// A running `git daemon`; stopped on drop.
pub struct GitDaemon {
    child: Child,
    port: u16,
}

impl GitDaemon {
    /// Serves every repository under `root` read-only.
    pub fn start(root: &Path) -> Result<Self> {
        for _ in 0..5 {
            let port = super::free_port()?;
            let args: Vec<std::ffi::OsString> = vec![
                "daemon".into(),
                "--reuseaddr".into(),
                "--export-all".into(),
                "--informative-errors".into(),
                "--listen=127.0.0.1".into(),
                format!("--port={port}").into(),
                format!("--base-path={}", root.display()).into(),
                root.into(),
            ];
            let mut child = super::supervised(Path::new("git"), &args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("starting git daemon")?;
            match super::wait_listening(port, Duration::from_secs(10)) {
                Ok(()) => return Ok(Self { child, port }),
                Err(_) => super::terminate(&mut child),
            }
        }
        bail!("git daemon did not start")
    }

    /// `git://127.0.0.1:<port>/<name>.git`
    pub fn url(&self, name: &str) -> String {
        format!("git://127.0.0.1:{}/{name}.git", self.port)
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for GitDaemon {
    fn drop(&mut self) {
        super::terminate(&mut self.child);
    }
}

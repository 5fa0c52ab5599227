//! Starts and stops instances of the local control plane through the
//! `tests/testbed` script, each in its own directory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

/// A running control-plane instance. Dropping it stops the instance; if the
/// test process dies first, the script's watchdog stops it.
pub struct Testbed {
    dir: PathBuf,
    kubeconfig: PathBuf,
    owned: bool,
}

impl Testbed {
    /// Starts a fresh instance in a new temporary directory. With `nodes`, also
    /// kube-controller-manager, kube-scheduler and kwok with two fake nodes.
    pub fn start(nodes: bool) -> Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("sluice-testbed-")
            .tempdir()?
            .keep();
        let mut tb = Self::up_in(&dir, nodes)?;
        tb.owned = true;
        Ok(tb)
    }

    /// The instance shared by every test of this process (started on first
    /// use, stopped by the watchdog when the process exits).
    pub fn shared(nodes: bool) -> Result<&'static Testbed> {
        static PLAIN: OnceLock<std::result::Result<Testbed, String>> = OnceLock::new();
        static NODES: OnceLock<std::result::Result<Testbed, String>> = OnceLock::new();
        let cell = if nodes { &NODES } else { &PLAIN };
        cell.get_or_init(|| Self::start(nodes).map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(|e| anyhow::anyhow!("test bed failed to start: {e}"))
    }

    fn up_in(dir: &Path, nodes: bool) -> Result<Self> {
        let mut cmd = Command::new(script());
        cmd.arg("up").arg("--dir").arg(dir);
        cmd.arg("--owner-pid")
            .arg(std::process::id().to_string())
            .arg("--purge");
        if nodes {
            cmd.arg("--nodes");
        }
        let out = cmd.output().context("running tests/testbed up")?;
        if !out.status.success() {
            bail!(
                "tests/testbed up failed ({}):\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.lines().last().unwrap_or_default();
        let Some(path) = last.strip_prefix("export KUBECONFIG=") else {
            bail!("tests/testbed up printed no kubeconfig line: {stdout}");
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            kubeconfig: PathBuf::from(path),
            owned: false,
        })
    }

    /// The admin kubeconfig of this instance.
    pub fn kubeconfig(&self) -> &Path {
        &self.kubeconfig
    }

    /// The instance directory (certificates, logs, kubeconfig).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A kube client for this instance, authenticated as cluster admin.
    pub async fn client(&self) -> Result<kube::Client> {
        crate::install_crypto_provider();
        let kc = kube::config::Kubeconfig::read_from(&self.kubeconfig)?;
        let cfg = kube::Config::from_custom_kubeconfig(kc, &Default::default()).await?;
        Ok(kube::Client::try_from(cfg)?)
    }

    /// Stops kube-apiserver (and only it), keeps it down for `down_for`, and
    /// starts it again on the same port and storage, as a restart would.
    pub fn restart_apiserver(&self, down_for: std::time::Duration) -> Result<()> {
        self.restart("apiserver", down_for)
    }

    /// Stops etcd (and only it), keeps it down for `down_for`, starts it
    /// again on its data, and waits until kube-apiserver is ready again.
    pub fn restart_etcd(&self, down_for: std::time::Duration) -> Result<()> {
        self.restart("etcd", down_for)
    }

    fn restart(&self, component: &str, down_for: std::time::Duration) -> Result<()> {
        let out = Command::new(script())
            .arg(format!("restart-{component}"))
            .arg("--down-for")
            .arg(format!("{:.1}", down_for.as_secs_f64()))
            .arg("--dir")
            .arg(&self.dir)
            .output()?;
        if !out.status.success() {
            bail!(
                "restart-{component} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }

    /// Stops the instance now.
    pub fn stop(&self) -> Result<()> {
        let out = Command::new(script())
            .arg("down")
            .arg("--dir")
            .arg(&self.dir)
            .output()?;
        if !out.status.success() {
            bail!(
                "tests/testbed down failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }
}

impl Drop for Testbed {
    fn drop(&mut self) {
        if self.owned {
            let _ = self.stop();
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Path of the `tests/testbed` script.
pub fn script() -> PathBuf {
    crate::repo_root().join("tests").join("testbed")
}

//! Flux's own source-controller and kustomize-controller (built from their
//! Go modules by `tests/testbed flux-controllers`), run as local processes
//! against a test-bed instance: the reference Sluice is compared with.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::git::free_port;
use crate::process::Supervised;
use crate::sluice::http_get;

/// The directory holding both controller binaries (built once, cached).
pub fn controllers_dir() -> Result<PathBuf> {
    testbed_dir_command("flux-controllers")
}

/// The directory holding the CRDs that ship with those controllers.
pub fn crds_dir() -> Result<PathBuf> {
    testbed_dir_command("flux-crds")
}

fn testbed_dir_command(sub: &str) -> Result<PathBuf> {
    let out = Command::new(crate::testbed::script())
        .arg(sub)
        .output()
        .with_context(|| format!("running tests/testbed {sub}"))?;
    if !out.status.success() {
        bail!(
            "tests/testbed {sub} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    ))
}

/// Flux's two controllers, running.
pub struct FluxControllers {
    /// source-controller.
    pub source: Supervised,
    /// kustomize-controller.
    pub kustomize: Supervised,
    /// The artifact server's address (`127.0.0.1:<port>`).
    pub storage_addr: String,
    dir: tempfile::TempDir,
}

impl FluxControllers {
    /// Starts both against `kubeconfig` with the flags of Flux's own
    /// deployments (all namespaces, leader election off, loopback ports),
    /// and waits until both answer `/readyz`. `extra` goes to both.
    pub fn start(kubeconfig: &Path, extra: &[&str]) -> Result<Self> {
        let bin = controllers_dir()?;
        let dir = tempfile::Builder::new().prefix("flux-peer-").tempdir()?;
        let storage = dir.path().join("storage");
        std::fs::create_dir_all(&storage)?;
        let storage_port = free_port()?;
        let storage_addr = format!("127.0.0.1:{storage_port}");
        let env = vec![
            ("KUBECONFIG".to_string(), kubeconfig.display().to_string()),
            ("RUNTIME_NAMESPACE".into(), "flux-system".into()),
            (
                "TUF_ROOT".into(),
                storage.join(".sigstore").display().to_string(),
            ),
        ];
        let start = |name: &str, own: Vec<String>| -> Result<(Supervised, u16)> {
            let (metrics, health) = (free_port()?, free_port()?);
            let mut args = vec![
                "--watch-all-namespaces".to_string(),
                "--log-level=info".into(),
                "--log-encoding=json".into(),
                "--enable-leader-election=false".into(),
                format!("--metrics-addr=127.0.0.1:{metrics}"),
                format!("--health-addr=127.0.0.1:{health}"),
            ];
            args.extend(own);
            args.extend(extra.iter().map(|s| s.to_string()));
            let p = Supervised::spawn(
                &bin.join(name),
                &args,
                &env,
                &[],
                &dir.path().join(format!("{name}.log")),
            )?;
            Ok((p, health))
        };
        let (source, source_health) = start(
            "source-controller",
            vec![
                format!("--storage-path={}", storage.display()),
                format!("--storage-addr={storage_addr}"),
                format!("--storage-adv-addr={storage_addr}"),
            ],
        )?;
        let (kustomize, kustomize_health) = start("kustomize-controller", vec![])?;
        let deadline = Instant::now() + Duration::from_secs(60);
        for (port, p) in [(source_health, &source), (kustomize_health, &kustomize)] {
            loop {
                if let Ok((200, _)) = http_get(port, "/readyz") {
                    break;
                }
                if !p.alive() {
                    bail!("a Flux controller exited:\n{}", p.log());
                }
                if Instant::now() > deadline {
                    bail!("Flux controllers not ready after 60s:\n{}", p.log());
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        Ok(Self {
            source,
            kustomize,
            storage_addr,
            dir,
        })
    }

    /// Where their logs and storage are.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Stops both (as scaling Flux's Deployments to 0 would).
    pub fn stop(&mut self) {
        for p in [&mut self.source, &mut self.kustomize] {
            if !p.terminate(Duration::from_secs(20)) {
                p.kill();
            }
        }
    }
}

//! Reference tools built by `tests/testbed tools`: kustomize (the oracle for
//! `sluice build`) and kubectl.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use anyhow::{Result, anyhow, bail};

/// The directory holding `kustomize` and `kubectl`, building them on first use.
pub fn dir() -> Result<PathBuf> {
    static DIR: OnceLock<std::result::Result<PathBuf, String>> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = Command::new(crate::testbed::script())
            .arg("tools")
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        stdout
            .lines()
            .last()
            .map(PathBuf::from)
            .ok_or_else(|| "no output".to_string())
    })
    .clone()
    .map_err(|e| anyhow!("tests/testbed tools failed: {e}"))
}

/// Path of the kustomize binary.
pub fn kustomize() -> Result<PathBuf> {
    Ok(dir()?.join("kustomize"))
}

/// Path of the kubectl binary.
pub fn kubectl() -> Result<PathBuf> {
    Ok(dir()?.join("kubectl"))
}

/// Runs `kustomize build DIR` and returns its stdout, or its stderr as error.
pub fn kustomize_build(dir: &std::path::Path) -> Result<String> {
    let out = Command::new(kustomize()?).arg("build").arg(dir).output()?;
    if !out.status.success() {
        bail!(
            "kustomize build {} failed: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Path of `flux-normalize`: Flux's own pre-apply normalization (fluxcd/pkg/ssa
/// at kustomize-controller v1.9.6's versions) as an oracle, built on first use.
pub fn flux_normalize() -> Result<PathBuf> {
    let out = Command::new(crate::testbed::script())
        .arg("flux-normalize")
        .output()?;
    if !out.status.success() {
        bail!(
            "tests/testbed flux-normalize failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .lines()
        .last()
        .map(PathBuf::from)
        .ok_or_else(|| anyhow!("tests/testbed flux-normalize printed nothing"))
}

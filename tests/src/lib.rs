//! Sluice's test harness: a real local control plane (`tests/testbed`), real
//! git servers on loopback serving scripted fixture repositories, and the
//! reference tools (kustomize, kubectl) used as oracles.
//!
//! Everything here starts real processes; nothing is mocked.

pub mod differential;
pub mod fault_proxy;
pub mod flux;
pub mod git;
mod loopback;
pub mod pki;
pub mod process;
pub mod sluice;
pub mod testbed;
pub mod tools;

use std::path::PathBuf;

/// The repository root (the workspace), found from this crate's manifest dir.
pub fn repo_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// The `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    repo_root().join("fixtures")
}

/// Installs ring as the process-wide rustls provider. kube and gix's reqwest
/// both use rustls; exactly one provider must be installed.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

//! Sluice's sources: fetch a Git revision with gix or libgit2 and store it as
//! a reproducible `tar.gz` artifact, as Flux's source-controller does for a
//! GitRepository.
//!
//! This crate knows nothing of Kubernetes or controllers: the engine hands it
//! a URL, a ref, credentials (Flux Secret keys) and a storage directory.

pub mod archive;
pub mod auth;
mod error;
pub mod fetch;
pub mod git;
pub mod ignore;
pub mod refs;
pub mod storage;
pub mod url;

pub use auth::{Credentials, Secret};
pub use error::{Error, Result};
pub use fetch::{FetchOptions, FetchReport, fetch};
pub use git::{Backend, BackendChoice, RemoteRef, select};
pub use refs::{GitRef, RefSpec};
pub use storage::{Artifact, ObjectKey, Storage};
pub use url::GitUrl;

/// Progress of a fetch, for a progress bar. Every method has a no-op default.
pub trait Progress: Send + Sync {
    /// A new phase started: `listing refs`, `fetching`, `archiving`, ….
    fn phase(&self, _phase: &str) {}
    /// Objects received so far, of `total` (0 when unknown), and bytes.
    fn transfer(&self, _received: u64, _total: u64, _bytes: u64) {}
    /// Files archived so far, of `total`.
    fn archived(&self, _files: u64, _total: u64) {}
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {}

/// Makes ring the process-wide rustls provider (gix's HTTPS needs one; kube
/// uses the same). Safe to call more than once.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

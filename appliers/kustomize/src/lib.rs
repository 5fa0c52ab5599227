//! A Rust implementation of `kustomize build` (v5): the same objects, fields
//! and order as kustomize, without running it. Plugins, KRM functions, Helm
//! charts and remote bases are refused with a clear error.
//!
//! Pure by construction: no Kubernetes client and no async runtime are
//! dependencies of this crate, so a build reads only the directory it is
//! given. [`manifest`] is the YAML seam (go-yaml's reading and printing
//! rules) that the renderer and its callers share.

pub mod build;
pub mod config;
pub mod crds;
mod error;
pub mod fieldspec;
pub mod generator;
pub mod loader;
pub mod manifest;
pub mod nameref;
pub mod openapi;
mod parallel;
pub mod patch;
pub mod plugins;
pub mod replacement;
pub mod resid;
pub mod resmap;
pub mod resource;
pub mod sort;
pub mod trace;
pub mod transform;
pub mod types;
pub mod vars;

pub use build::{BuildOptions, Overrides, build, build_yaml};
pub use error::{Error, Result, ResultExt};
pub use loader::LoadRestrictions;

/// The kustomize release whose behaviour Sluice follows.
pub const KUSTOMIZE_VERSION: &str = "v5.8.2";

/// Keeps a generated source file equal to what its test renders, rewriting
/// it when `SLUICE_REGENERATE` is set.
#[cfg(test)]
pub(crate) fn check_generated(path: &str, text: &str) {
    if std::env::var_os("SLUICE_REGENERATE").is_some() {
        std::fs::write(path, text).expect("write the tables");
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap_or_default(),
        text,
        "{path} is stale: run this test with SLUICE_REGENERATE=1"
    );
}

//! Sluice's appliers: build kustomize overlays in Rust and apply the result
//! to Kubernetes as Flux's kustomize-controller does.
//!
//! This crate knows nothing of git or of controllers: it takes a directory
//! (an unpacked artifact) and a cluster client.

pub mod apply;
pub mod artifact;
pub mod conditions;
pub mod dag;
mod error;
pub mod kustomization;
pub mod substitute;

pub use error::{Error, Result, ResultExt, is_transient_kube};

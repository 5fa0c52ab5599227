//! Sluice's engine: Flux's source- and kustomize-controller behaviour wired
//! to Kubernetes — the reconcilers, the one-shot `sync`, and the CLI. The
//! `sluice` binary is a thin shell around [`cli`].

pub mod cli;
pub mod controller;
pub mod deploy;
pub mod flux;
pub mod reconcile;
mod secret_file;
pub mod sync;
pub mod telemetry;

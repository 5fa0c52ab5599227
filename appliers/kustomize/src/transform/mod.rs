//! The builtin transformers, each configured from a kustomization field.

pub mod images;
pub mod labels;
pub mod names;
pub mod namespace;
pub mod replicas;

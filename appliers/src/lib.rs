//! Appliers: kustomize build and apply.

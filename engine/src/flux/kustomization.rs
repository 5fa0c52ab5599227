//! `kustomize.toolkit.fluxcd.io/v1` Kustomization, typed after Flux's CRD.
//!
//! Every field of Flux's spec is modelled, including the ones Sluice does
//! not implement: those are refused by [`KustomizationSpec::validate`] with
//! a message naming the field, never ignored (a `kubeConfig` Kustomization
//! applied to the local cluster would touch the wrong cluster). Fields from
//! a newer CRD land in `other` and are refused the same way.

use std::collections::BTreeMap;
use std::time::Duration;

use kube::CustomResource;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sluice_appliers::apply::inventory::{Entry, ObjectRef};
use sluice_appliers::conditions::Condition;
use sluice_appliers::kustomization::{PostBuild, Spec, default_timeout};
use sluice_kustomize::types::{Image, Patch, Selector};

use super::parse_duration;

/// Sluice's annotation confining what a Kustomization applies to one
/// namespace (`sluice config --scope namespace` sets it).
pub const CONFINE_ANNOTATION: &str = "sluice.dev/confine-to-namespace";

/// A Kustomization's desired state, as Flux's CRD defines it.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "kustomize.toolkit.fluxcd.io",
    version = "v1",
    kind = "Kustomization",
    plural = "kustomizations",
    shortname = "ks",
    namespaced,
    status = "KustomizationStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct KustomizationSpec {
    pub source_ref: SourceReference,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default)]
    pub interval: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    #[serde(default)]
    pub prune: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_checks: Option<Vec<HealthCheckReference>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_exprs: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<DependencyReference>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patches: Option<Vec<FluxPatch>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<FluxImage>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore_missing_components: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_metadata: Option<CommonMetadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_metadata: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_build: Option<PostBuildSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decryption: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kube_config: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<Value>>,
    /// Fields this version of Sluice does not know (a newer CRD).
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// `spec.sourceRef`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct SourceReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// `spec.dependsOn[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct DependencyReference {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_expr: Option<String>,
}

/// `spec.healthChecks[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct HealthCheckReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// `spec.patches[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct FluxPatch {
    #[serde(default)]
    pub patch: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<PatchTarget>,
}

/// `spec.patches[].target`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct PatchTarget {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_selector: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub annotation_selector: String,
}

/// `spec.images[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct FluxImage {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// `spec.commonMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct CommonMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// `spec.postBuild`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct PostBuildSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute_from: Option<Vec<SubstituteReference>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute_strategy: Option<String>,
}

/// `spec.postBuild.substituteFrom[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct SubstituteReference {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
}

/// The observed state, as Flux writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct KustomizationStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_applied_revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_applied_origin_revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_attempted_revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory: Option<Inventory>,
}

/// `status.inventory`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Inventory {
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// `spec.deletionPolicy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeletionPolicy {
    /// Delete what the inventory holds when `prune` is on (the default).
    MirrorPrune,
    /// Always delete what the inventory holds.
    Delete,
    /// Delete, then wait (up to the timeout) until it is gone.
    WaitForTermination,
    /// Leave everything in place.
    Orphan,
}

/// A spec field Sluice cannot honour, or a value it cannot read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SpecError {
    /// The field, as a path (`spec.kubeConfig`).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl SpecError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    fn unsupported(field: &str, why: &str) -> Self {
        Self::new(
            format!("spec.{field}"),
            format!("not supported by Sluice yet ({why}); refusing to reconcile without it"),
        )
    }
}

/// What a Kustomization asks for, read and checked: the apply engine's
/// [`Spec`] plus what only the controller uses.
#[derive(Clone, Debug)]
pub struct Desired {
    /// The apply engine's view.
    pub spec: Spec,
    /// `spec.interval`.
    pub interval: Duration,
    /// Source kind, name and namespace (defaulted).
    pub source: (String, String, String),
    /// `spec.deletionPolicy`.
    pub deletion_policy: DeletionPolicy,
    /// `spec.serviceAccountName`.
    pub service_account: Option<String>,
    /// `spec.postBuild.substituteFrom`.
    pub substitute_from: Vec<SubstituteReference>,
}

impl Kustomization {
    /// `namespace/name`.
    pub fn id(&self) -> String {
        format!(
            "{}/{}",
            self.metadata.namespace.as_deref().unwrap_or_default(),
            self.metadata.name.as_deref().unwrap_or_default()
        )
    }

    /// The inventory in the status (empty when there is none).
    pub fn inventory(&self) -> &[Entry] {
        self.status
            .as_ref()
            .and_then(|s| s.inventory.as_ref())
            .map_or(&[], |i| i.entries.as_slice())
    }

    /// The conditions in the status.
    pub fn conditions(&self) -> &[Condition] {
        self.status
            .as_ref()
            .map_or(&[], |s| s.conditions.as_slice())
    }

    /// Whether `spec.suspend` is set.
    pub fn suspended(&self) -> bool {
        self.spec.suspend.unwrap_or(false)
    }

    /// The dependencies as `namespace/name`.
    pub fn dependencies(&self) -> Vec<String> {
        let own = self.metadata.namespace.as_deref().unwrap_or("default");
        self.spec
            .depends_on
            .iter()
            .flatten()
            .map(|d| format!("{}/{}", d.namespace.as_deref().unwrap_or(own), d.name))
            .collect()
    }

    /// Reads and checks the spec.
    pub fn desired(&self) -> Result<Desired, SpecError> {
        let name = self.metadata.name.clone().unwrap_or_default();
        let namespace = self
            .metadata
            .namespace
            .clone()
            .unwrap_or_else(|| "default".into());
        self.spec.validate()?;
        let s = &self.spec;
        let duration = |field: &str, v: &str| {
            parse_duration(v).map_err(|e| SpecError::new(format!("spec.{field}"), e))
        };
        let interval = duration("interval", &s.interval)?;
        let mut spec = Spec::new(&namespace, &name);
        spec.path = s.path.clone().unwrap_or_else(|| "./".into());
        spec.prune = s.prune;
        spec.force = s.force.unwrap_or(false);
        spec.wait = s.wait.unwrap_or(false);
        spec.suspend = self.suspended();
        spec.timeout = match &s.timeout {
            Some(t) => duration("timeout", t)?,
            None => default_timeout(interval),
        };
        spec.retry_interval = match &s.retry_interval {
            Some(t) => duration("retryInterval", t)?,
            None => interval,
        };
        spec.target_namespace = s.target_namespace.clone().filter(|t| !t.is_empty());
        spec.name_prefix = s.name_prefix.clone().filter(|t| !t.is_empty());
        spec.name_suffix = s.name_suffix.clone().filter(|t| !t.is_empty());
        spec.depends_on = self.dependencies();
        for (i, h) in s.health_checks.iter().flatten().enumerate() {
            let api = h.api_version.as_deref().unwrap_or("v1");
            let gv: kube::core::GroupVersion = api.parse().map_err(|_| {
                SpecError::new(
                    format!("spec.healthChecks[{i}].apiVersion"),
                    format!("'{api}' is not a valid apiVersion"),
                )
            })?;
            spec.health_checks.push(ObjectRef {
                group: gv.group,
                version: gv.version,
                kind: h.kind.clone(),
                // As given: Flux does not default it (cluster-scoped kinds have none).
                namespace: h.namespace.clone().unwrap_or_default(),
                name: h.name.clone(),
            });
        }
        spec.patches = s
            .patches
            .iter()
            .flatten()
            .map(|p| Patch {
                patch: p.patch.clone(),
                target: p.target.as_ref().map(|t| Selector {
                    group: t.group.clone(),
                    version: t.version.clone(),
                    kind: t.kind.clone(),
                    name: t.name.clone(),
                    namespace: t.namespace.clone(),
                    label_selector: t.label_selector.clone(),
                    annotation_selector: t.annotation_selector.clone(),
                }),
                ..Default::default()
            })
            .collect();
        spec.images = s
            .images
            .iter()
            .flatten()
            .map(|i| Image {
                name: i.name.clone(),
                new_name: i.new_name.clone().unwrap_or_default(),
                new_tag: i.new_tag.clone().unwrap_or_default(),
                digest: i.digest.clone().unwrap_or_default(),
                ..Default::default()
            })
            .collect();
        spec.components = s.components.clone().unwrap_or_default();
        spec.ignore_missing_components = s.ignore_missing_components.unwrap_or(false);
        spec.build_metadata = s.build_metadata.clone().unwrap_or_default();
        if let Some(cm) = &s.common_metadata {
            spec.common_labels = cm.labels.clone().unwrap_or_default();
            spec.common_annotations = cm.annotations.clone().unwrap_or_default();
        }
        spec.confine_to_namespace = self
            .metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(CONFINE_ANNOTATION))
            .cloned();
        let mut substitute_from = Vec::new();
        if let Some(pb) = &s.post_build {
            let always = match pb.substitute_strategy.as_deref() {
                None | Some("") | Some("WithVariables") => false,
                Some("Always") => true,
                Some(other) => {
                    return Err(SpecError::new(
                        "spec.postBuild.substituteStrategy",
                        format!("unknown strategy '{other}' (WithVariables or Always)"),
                    ));
                }
            };
            for (i, r) in pb.substitute_from.iter().flatten().enumerate() {
                if r.kind != "ConfigMap" && r.kind != "Secret" {
                    return Err(SpecError::new(
                        format!("spec.postBuild.substituteFrom[{i}].kind"),
                        format!("'{}' is not ConfigMap or Secret", r.kind),
                    ));
                }
            }
            substitute_from = pb.substitute_from.clone().unwrap_or_default();
            spec.post_build = Some(PostBuild {
                variables: pb.substitute.clone().unwrap_or_default(),
                always,
            });
        }
        let deletion_policy = match s.deletion_policy.as_deref() {
            None | Some("") | Some("MirrorPrune") => DeletionPolicy::MirrorPrune,
            Some("Delete") => DeletionPolicy::Delete,
            Some("WaitForTermination") => DeletionPolicy::WaitForTermination,
            Some("Orphan") => DeletionPolicy::Orphan,
            Some(other) => {
                return Err(SpecError::new(
                    "spec.deletionPolicy",
                    format!(
                        "unknown policy '{other}' (MirrorPrune, Delete, WaitForTermination or Orphan)"
                    ),
                ));
            }
        };
        let source = (
            if s.source_ref.kind.is_empty() {
                "GitRepository".to_string()
            } else {
                s.source_ref.kind.clone()
            },
            s.source_ref.name.clone(),
            s.source_ref
                .namespace
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| namespace.clone()),
        );
        Ok(Desired {
            spec,
            interval,
            source,
            deletion_policy,
            service_account: s.service_account_name.clone().filter(|s| !s.is_empty()),
            substitute_from,
        })
    }
}

impl KustomizationSpec {
    /// Refuses what Sluice cannot honour, naming the field.
    pub fn validate(&self) -> Result<(), SpecError> {
        if let Some(field) = self.other.keys().next() {
            return Err(SpecError::new(
                format!("spec.{field}"),
                "unknown field (from a newer Flux API than this Sluice supports); refusing to reconcile without it",
            ));
        }
        if self.source_ref.name.is_empty() {
            return Err(SpecError::new("spec.sourceRef.name", "is required"));
        }
        match self.source_ref.kind.as_str() {
            "" | "GitRepository" | "OCIRepository" | "Bucket" | "ExternalArtifact" => {}
            other => {
                return Err(SpecError::new(
                    "spec.sourceRef.kind",
                    format!(
                        "'{other}' is not a source kind (GitRepository, OCIRepository, Bucket or ExternalArtifact)"
                    ),
                ));
            }
        }
        if self.kube_config.as_ref().is_some_and(is_set) {
            return Err(SpecError::unsupported(
                "kubeConfig",
                "remote clusters; nothing is applied to the local cluster in its place",
            ));
        }
        if self.decryption.as_ref().is_some_and(is_set) {
            return Err(SpecError::unsupported("decryption", "SOPS decryption"));
        }
        if self
            .health_check_exprs
            .as_ref()
            .is_some_and(|v| !v.is_empty())
        {
            return Err(SpecError::unsupported(
                "healthCheckExprs",
                "CEL health check expressions",
            ));
        }
        if self.ignore.as_ref().is_some_and(|v| !v.is_empty()) {
            return Err(SpecError::unsupported("ignore", "drift ignore rules"));
        }
        for (i, d) in self.depends_on.iter().flatten().enumerate() {
            if d.name.is_empty() {
                return Err(SpecError::new(
                    format!("spec.dependsOn[{i}].name"),
                    "is required",
                ));
            }
            if d.ready_expr.as_deref().is_some_and(|e| !e.is_empty()) {
                return Err(SpecError::unsupported(
                    &format!("dependsOn[{i}].readyExpr"),
                    "CEL readiness expressions",
                ));
            }
        }
        for (i, m) in self.build_metadata.iter().flatten().enumerate() {
            if !matches!(
                m.as_str(),
                "originAnnotations" | "transformerAnnotations" | "managedByLabel"
            ) {
                return Err(SpecError::new(
                    format!("spec.buildMetadata[{i}]"),
                    format!("unknown option '{m}'"),
                ));
            }
        }
        Ok(())
    }
}

/// Whether an optional object field counts as given.
fn is_set(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => false,
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ks(spec: Value) -> Kustomization {
        serde_json::from_value(json!({
            "apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization",
            "metadata": {"name": "apps", "namespace": "flux-system", "generation": 3},
            "spec": spec,
        }))
        .expect("kustomization")
    }

    #[test]
    fn reads_flux_yaml_with_defaults() {
        let k = ks(json!({
            "interval": "10m", "prune": true, "path": "./apps",
            "sourceRef": {"kind": "GitRepository", "name": "repo"},
            "dependsOn": [{"name": "infra"}, {"name": "crds", "namespace": "other"}],
            "healthChecks": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "d", "namespace": "x"}],
            "patches": [{"patch": "- op: add\n  path: /x\n  value: 1", "target": {"kind": "Deployment", "labelSelector": "a=b"}}],
            "images": [{"name": "nginx", "newTag": "1.2"}],
            "postBuild": {"substitute": {"A": "1"}, "substituteFrom": [{"kind": "ConfigMap", "name": "vars"}]},
        }));
        let d = k.desired().expect("valid");
        assert_eq!(d.interval, Duration::from_secs(600));
        assert_eq!(d.spec.timeout, Duration::from_secs(570));
        assert_eq!(d.spec.retry_interval, Duration::from_secs(600));
        assert_eq!(d.spec.depends_on, vec!["flux-system/infra", "other/crds"]);
        assert_eq!(d.spec.health_checks[0].group, "apps");
        assert_eq!(
            d.spec.patches[0]
                .target
                .as_ref()
                .map(|t| t.label_selector.as_str()),
            Some("a=b")
        );
        assert_eq!(d.spec.images[0].new_tag, "1.2");
        assert_eq!(
            d.source,
            ("GitRepository".into(), "repo".into(), "flux-system".into())
        );
        assert_eq!(d.deletion_policy, DeletionPolicy::MirrorPrune);
        assert_eq!(d.substitute_from.len(), 1);
        assert_eq!(
            d.spec.post_build.as_ref().map(|p| p.variables.len()),
            Some(1)
        );
    }

    #[test]
    fn refuses_what_it_cannot_honour_naming_the_field() {
        let base = json!({"interval": "5m", "prune": false, "sourceRef": {"kind": "GitRepository", "name": "r"}});
        for (extra, field) in [
            (
                json!({"kubeConfig": {"secretRef": {"name": "remote"}}}),
                "spec.kubeConfig",
            ),
            (
                json!({"decryption": {"provider": "sops"}}),
                "spec.decryption",
            ),
            (
                json!({"healthCheckExprs": [{"apiVersion": "v1", "current": "true"}]}),
                "spec.healthCheckExprs",
            ),
            (
                json!({"dependsOn": [{"name": "a", "readyExpr": "true"}]}),
                "spec.dependsOn[0].readyExpr",
            ),
            (
                json!({"ignore": [{"paths": ["/spec/replicas"]}]}),
                "spec.ignore",
            ),
            (json!({"someFutureField": 1}), "spec.someFutureField"),
            (
                json!({"deletionPolicy": "Sometimes"}),
                "spec.deletionPolicy",
            ),
            (json!({"interval": "soon"}), "spec.interval"),
            (
                json!({"sourceRef": {"kind": "HelmRepository", "name": "x"}}),
                "spec.sourceRef.kind",
            ),
        ] {
            let mut spec = base.clone();
            for (k, v) in extra.as_object().expect("object") {
                spec[k] = v.clone();
            }
            let e = ks(spec).desired().expect_err(field);
            assert_eq!(e.field, field, "{e}");
        }
    }

    #[test]
    fn status_round_trips_as_flux_writes_it() {
        let v = json!({
            "observedGeneration": 2,
            "conditions": [{"type": "Ready", "status": "True", "reason": "ReconciliationSucceeded",
                "message": "Applied revision: main@sha1:abc", "lastTransitionTime": "2026-01-01T00:00:00Z",
                "observedGeneration": 2}],
            "inventory": {"entries": [{"id": "ns_a__ConfigMap", "v": "v1"}]},
            "lastAppliedRevision": "main@sha1:abc",
            "lastHandledReconcileAt": "2026-01-01T00:00:00.000Z",
        });
        let s: KustomizationStatus = serde_json::from_value(v.clone()).expect("status");
        assert_eq!(s.inventory.as_ref().map(|i| i.entries.len()), Some(1));
        assert_eq!(serde_json::to_value(&s).expect("json"), v);
    }
}

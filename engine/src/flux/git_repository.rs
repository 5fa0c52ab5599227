//! `source.toolkit.fluxcd.io/v1` GitRepository, typed after Flux's CRD,
//! and the artifact every Flux source advertises in its status.
//!
//! As for Kustomizations, fields Sluice does not implement are modelled and
//! refused by name, never ignored: serving a source without its `verify` or
//! `include` would hand out unverified or incomplete content.

use std::collections::BTreeMap;
use std::time::Duration;

use kube::CustomResource;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sluice_appliers::conditions::Condition;
use sluice_sources::RefSpec;

use super::kustomization::SpecError;
use super::parse_duration;

/// A GitRepository's desired state, as Flux's CRD defines it.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "source.toolkit.fluxcd.io",
    version = "v1",
    kind = "GitRepository",
    plural = "gitrepositories",
    shortname = "gitrepo",
    namespaced,
    status = "GitRepositoryStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct GitRepositorySpec {
    #[serde(default)]
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    #[serde(default)]
    pub interval: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<GitRepositoryRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_secret_ref: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurse_submodules: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sparse_checkout: Option<Vec<String>>,
    /// Fields this version of Sluice does not know (a newer CRD).
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// `{name}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct LocalObjectReference {
    #[serde(default)]
    pub name: String,
}

/// `spec.ref`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct GitRepositoryRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub semver: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// The observed state, as source-controller writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct GitRepositoryStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact: Option<Artifact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_ignore: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
}

/// `status.artifact` of any Flux source (Flux's `meta.Artifact`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Artifact {
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub revision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// What a fetch needs from a GitRepository, read and checked.
#[derive(Clone, Debug)]
pub struct FetchSpec {
    /// URL.
    pub url: String,
    /// `spec.ref`.
    pub reference: RefSpec,
    /// `spec.interval`.
    pub interval: Duration,
    /// `spec.timeout` (60 s default).
    pub timeout: Duration,
    /// `spec.ignore`.
    pub ignore: Option<String>,
    /// `spec.secretRef.name`.
    pub secret: Option<String>,
}

impl GitRepository {
    /// `namespace/name`.
    pub fn id(&self) -> String {
        format!(
            "{}/{}",
            self.metadata.namespace.as_deref().unwrap_or_default(),
            self.metadata.name.as_deref().unwrap_or_default()
        )
    }

    /// Whether `spec.suspend` is set.
    pub fn suspended(&self) -> bool {
        self.spec.suspend.unwrap_or(false)
    }

    /// The conditions in the status.
    pub fn conditions(&self) -> &[Condition] {
        self.status
            .as_ref()
            .map_or(&[], |s| s.conditions.as_slice())
    }

    /// The advertised artifact.
    pub fn artifact(&self) -> Option<&Artifact> {
        self.status.as_ref().and_then(|s| s.artifact.as_ref())
    }

    /// Reads and checks the spec; unsupported fields are refused by name.
    pub fn fetch_spec(&self) -> Result<FetchSpec, SpecError> {
        let s = &self.spec;
        if let Some(field) = s.other.keys().next() {
            return Err(SpecError {
                field: format!("spec.{field}"),
                message: "unknown field (from a newer Flux API than this Sluice supports); refusing to serve the source without it".into(),
            });
        }
        let refuse = |field: &str| SpecError {
            field: format!("spec.{field}"),
            message: "is not supported by Sluice yet; refusing to serve the source without it"
                .into(),
        };
        if s.verify.as_ref().is_some_and(|v| !v.is_null()) {
            return Err(refuse("verify"));
        }
        if s.include.as_ref().is_some_and(|v| !v.is_empty()) {
            return Err(refuse("include"));
        }
        if s.recurse_submodules == Some(true) {
            return Err(refuse("recurseSubmodules"));
        }
        if s.sparse_checkout.as_ref().is_some_and(|v| !v.is_empty()) {
            return Err(refuse("sparseCheckout"));
        }
        if s.proxy_secret_ref.as_ref().is_some_and(|v| !v.is_null()) {
            return Err(refuse("proxySecretRef"));
        }
        if s.service_account_name
            .as_deref()
            .is_some_and(|v| !v.is_empty())
        {
            return Err(refuse("serviceAccountName"));
        }
        if let Some(p) = s.provider.as_deref()
            && !p.is_empty()
            && p != "generic"
        {
            return Err(SpecError {
                field: "spec.provider".into(),
                message: format!("'{p}' is not supported by Sluice yet (only 'generic')"),
            });
        }
        if s.url.is_empty() {
            return Err(SpecError {
                field: "spec.url".into(),
                message: "is required".into(),
            });
        }
        let duration = |field: &str, v: &str| {
            parse_duration(v).map_err(|e| SpecError {
                field: format!("spec.{field}"),
                message: e,
            })
        };
        let r = s.reference.clone().unwrap_or_default();
        Ok(FetchSpec {
            url: s.url.clone(),
            reference: RefSpec {
                branch: r.branch,
                tag: r.tag,
                semver: r.semver,
                name: r.name,
                commit: r.commit,
            },
            interval: duration("interval", &s.interval)?,
            timeout: duration("timeout", s.timeout.as_deref().unwrap_or("60s"))?,
            ignore: s.ignore.clone(),
            secret: s
                .secret_ref
                .as_ref()
                .map(|r| r.name.clone())
                .filter(|n| !n.is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn repo(spec: Value) -> GitRepository {
        serde_json::from_value(json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
            "metadata": {"name": "r", "namespace": "ns"}, "spec": spec,
        }))
        .expect("repo")
    }

    #[test]
    fn reads_and_refuses() {
        let r = repo(
            json!({"url": "https://h/r.git", "interval": "1m", "ref": {"branch": "main"},
            "secretRef": {"name": "auth"}}),
        );
        let f = r.fetch_spec().expect("valid");
        assert_eq!(f.reference.branch.as_deref(), Some("main"));
        assert_eq!(f.timeout, Duration::from_secs(60));
        assert_eq!(f.secret.as_deref(), Some("auth"));
        for (extra, field) in [
            (json!({"verify": {"mode": "HEAD"}}), "spec.verify"),
            (
                json!({"include": [{"repository": {"name": "x"}}]}),
                "spec.include",
            ),
            (json!({"recurseSubmodules": true}), "spec.recurseSubmodules"),
            (json!({"provider": "azure"}), "spec.provider"),
            (json!({"futureThing": "x"}), "spec.futureThing"),
        ] {
            let mut spec = json!({"url": "https://h/r.git", "interval": "1m"});
            for (k, v) in extra.as_object().expect("object") {
                spec[k] = v.clone();
            }
            assert_eq!(repo(spec).fetch_spec().expect_err(field).field, field);
        }
    }
}

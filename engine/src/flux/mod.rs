//! Flux's own API objects, as Sluice reads and writes them: the CRDs it
//! installs (Flux's, unchanged, so Flux tooling works), GitRepository and
//! Kustomization specs, and their status subresources.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{Value, json};
use sluice_appliers::apply::inventory::{Entry, ObjectRef};
use sluice_appliers::kustomization::{Spec, default_timeout};
use sluice_sources::RefSpec;

/// Field manager for the Flux objects Sluice writes (not for applied
/// objects, which use `kustomize-controller` as Flux does).
pub const MANAGER: &str = "sluice";
/// Field manager for status, as Flux's kustomize-controller.
pub const STATUS_MANAGER_KUSTOMIZE: &str = "gotk-kustomize-controller";
/// Field manager for GitRepository status, as Flux's source-controller.
pub const STATUS_MANAGER_SOURCE: &str = "source-controller";

/// Flux's CRDs, as published (see `engine/deploy/crds/SOURCES.md`).
pub const CRDS: &[(&str, &str)] = &[
    (
        "gitrepositories.source.toolkit.fluxcd.io",
        include_str!("../deploy/crds/source.toolkit.fluxcd.io_gitrepositories.yaml"),
    ),
    (
        "kustomizations.kustomize.toolkit.fluxcd.io",
        include_str!("../deploy/crds/kustomize.toolkit.fluxcd.io_kustomizations.yaml"),
    ),
    (
        "helmrepositories.source.toolkit.fluxcd.io",
        include_str!("../deploy/crds/source.toolkit.fluxcd.io_helmrepositories.yaml"),
    ),
    (
        "helmreleases.helm.toolkit.fluxcd.io",
        include_str!("../deploy/crds/helm.toolkit.fluxcd.io_helmreleases.yaml"),
    ),
    (
        "helmcharts.source.toolkit.fluxcd.io",
        include_str!("../deploy/crds/source.toolkit.fluxcd.io_helmcharts.yaml"),
    ),
    (
        "ocirepositories.source.toolkit.fluxcd.io",
        include_str!("../deploy/crds/source.toolkit.fluxcd.io_ocirepositories.yaml"),
    ),
    (
        "buckets.source.toolkit.fluxcd.io",
        include_str!("../deploy/crds/source.toolkit.fluxcd.io_buckets.yaml"),
    ),
];

/// `source.toolkit.fluxcd.io/v1` GitRepository.
pub fn git_repository_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("source.toolkit.fluxcd.io", "v1", "GitRepository"),
        "gitrepositories",
    )
}

/// `kustomize.toolkit.fluxcd.io/v1` Kustomization.
pub fn kustomization_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("kustomize.toolkit.fluxcd.io", "v1", "Kustomization"),
        "kustomizations",
    )
}

/// Installs (server-side applies) Flux's CRDs that are missing or older,
/// then waits until they are established.
pub async fn install_crds(client: &kube::Client) -> Result<()> {
    let crds: Api<k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition> =
        Api::all(client.clone());
    for (name, text) in CRDS {
        // Installing a Flux CRD that Flux itself manages must not fight it:
        // only create missing ones.
        if crds.get_opt(name).await?.is_some() {
            continue;
        }
        let v = sluice_appliers::manifest::parse_document(text, name)?;
        let pp = PatchParams::apply(MANAGER).force();
        crds.patch(name, &pp, &Patch::Apply(&v))
            .await
            .with_context(|| format!("installing CRD {name}"))?;
    }
    for (name, _) in CRDS {
        let established = kube::runtime::wait::await_condition(
            crds.clone(),
            name,
            kube::runtime::wait::conditions::is_crd_established(),
        );
        tokio::time::timeout(Duration::from_secs(60), established)
            .await
            .map_err(|_| anyhow!("CRD {name} was not established within 60s"))??;
    }
    Ok(())
}

/// Parses a Flux duration (`10m`, `1h30m`, `30s`, or seconds as a number).
pub fn parse_duration(s: &str) -> Result<Duration> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    humantime::parse_duration(s).map_err(|e| anyhow!("invalid duration '{s}': {e}"))
}

/// Flux's way of printing a duration in whole seconds (`10m0s`).
pub fn format_duration(d: Duration) -> String {
    sluice_appliers::conditions::go_duration(Duration::from_secs(d.as_secs()))
}

fn str_at<'a>(v: &'a Value, path: &str) -> Option<&'a str> {
    v.pointer(path).and_then(Value::as_str)
}

/// A GitRepository's spec, the parts Sluice uses.
#[derive(Clone, Debug)]
pub struct GitRepositorySpec {
    /// URL.
    pub url: String,
    /// `spec.ref`.
    pub reference: RefSpec,
    /// `spec.timeout` (60 s default).
    pub timeout: Duration,
    /// `spec.ignore`.
    pub ignore: Option<String>,
}

impl GitRepositorySpec {
    /// Reads `obj.spec`.
    pub fn from_object(obj: &Value) -> Result<Self> {
        let spec = obj
            .get("spec")
            .ok_or_else(|| anyhow!("GitRepository has no spec"))?;
        let r = spec.get("ref").cloned().unwrap_or(Value::Null);
        let field = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
        // Not used by a fetch, but a bad interval is a bad spec.
        parse_duration(str_at(spec, "/interval").unwrap_or("10m"))?;
        Ok(Self {
            url: str_at(spec, "/url")
                .ok_or_else(|| anyhow!("spec.url is required"))?
                .to_string(),
            reference: RefSpec {
                branch: field("branch"),
                tag: field("tag"),
                semver: field("semver"),
                name: field("name"),
                commit: field("commit"),
            },
            timeout: parse_duration(str_at(spec, "/timeout").unwrap_or("60s"))?,
            ignore: str_at(spec, "/ignore").map(str::to_string),
        })
    }
}

/// Reads a Kustomization object into the apply engine's [`Spec`].
pub fn kustomization_spec(obj: &Value) -> Result<Spec> {
    let name = str_at(obj, "/metadata/name").ok_or_else(|| anyhow!("Kustomization has no name"))?;
    let namespace = str_at(obj, "/metadata/namespace").unwrap_or("default");
    let spec = obj
        .get("spec")
        .ok_or_else(|| anyhow!("Kustomization {namespace}/{name} has no spec"))?;
    let mut s = Spec::new(namespace, name);
    s.path = str_at(spec, "/path").unwrap_or("./").to_string();
    s.prune = spec.get("prune").and_then(Value::as_bool).unwrap_or(false);
    s.force = spec.get("force").and_then(Value::as_bool).unwrap_or(false);
    s.wait = spec.get("wait").and_then(Value::as_bool).unwrap_or(false);
    s.suspend = spec
        .get("suspend")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let interval = parse_duration(str_at(spec, "/interval").unwrap_or("10m"))?;
    s.timeout = match str_at(spec, "/timeout") {
        Some(t) => parse_duration(t)?,
        None => default_timeout(interval),
    };
    s.retry_interval = match str_at(spec, "/retryInterval") {
        Some(t) => parse_duration(t)?,
        None => interval,
    };
    s.target_namespace = str_at(spec, "/targetNamespace").map(str::to_string);
    s.name_prefix = str_at(spec, "/namePrefix").map(str::to_string);
    s.name_suffix = str_at(spec, "/nameSuffix").map(str::to_string);
    if let Some(deps) = spec.get("dependsOn").and_then(Value::as_array) {
        for d in deps {
            let dn = str_at(d, "/name").ok_or_else(|| anyhow!("dependsOn entry without a name"))?;
            let dns = str_at(d, "/namespace").unwrap_or(namespace);
            s.depends_on.push(format!("{dns}/{dn}"));
        }
    }
    if let Some(hc) = spec.get("healthChecks").and_then(Value::as_array) {
        for h in hc {
            let api = str_at(h, "/apiVersion").unwrap_or("v1");
            let (group, version) = match api.rsplit_once('/') {
                Some((g, v)) => (g.to_string(), v.to_string()),
                None => (String::new(), api.to_string()),
            };
            s.health_checks.push(ObjectRef {
                group,
                version,
                kind: str_at(h, "/kind").unwrap_or_default().to_string(),
                // As given: Flux does not default it (cluster-scoped kinds have none).
                namespace: str_at(h, "/namespace").unwrap_or_default().to_string(),
                name: str_at(h, "/name").unwrap_or_default().to_string(),
            });
        }
    }
    if let Some(p) = spec.get("patches") {
        s.patches = serde_json::from_value(p.clone()).context("spec.patches")?;
    }
    if let Some(i) = spec.get("images") {
        s.images = serde_json::from_value(i.clone()).context("spec.images")?;
    }
    if let Some(c) = spec.get("components") {
        s.components = serde_json::from_value(c.clone()).context("spec.components")?;
    }
    if let Some(cm) = spec.get("commonMetadata") {
        let map = |k: &str| -> BTreeMap<String, String> {
            cm.get(k)
                .and_then(|v| serde_json::from_value(v.clone()).ok())
                .unwrap_or_default()
        };
        s.common_labels = map("labels");
        s.common_annotations = map("annotations");
    }
    Ok(s)
}

/// The inventory in a Kustomization's status.
pub fn inventory(obj: &Value) -> Vec<Entry> {
    obj.pointer("/status/inventory/entries")
        .and_then(|e| serde_json::from_value(e.clone()).ok())
        .unwrap_or_default()
}

/// Server-side applies `status` to the object's status subresource.
pub async fn patch_status(
    api: &Api<DynamicObject>,
    ar: &ApiResource,
    name: &str,
    status: Value,
    manager: &str,
) -> Result<()> {
    let body = json!({"apiVersion": ar.api_version, "kind": ar.kind, "metadata": {"name": name}, "status": status});
    api.patch_status(
        name,
        &PatchParams::apply(manager).force(),
        &Patch::Apply(&body),
    )
    .await
    .with_context(|| format!("updating the status of {} {name}", ar.kind))?;
    Ok(())
}

/// Converts a dynamic object to JSON.
pub fn to_value(o: &DynamicObject) -> Value {
    serde_json::to_value(o).unwrap_or(Value::Null)
}

/// Stamps each condition with the generation it describes, as Flux does.
pub fn stamp_generation(conds: &mut [sluice_appliers::conditions::Condition], obj: &Value) {
    let generation = obj.pointer("/metadata/generation").and_then(Value::as_i64);
    for c in conds {
        c.observed_generation = generation;
    }
}

/// The service account a Kustomization impersonates, if any.
pub fn service_account(obj: &Value) -> Option<&str> {
    obj.pointer("/spec/serviceAccountName")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// The conditions in an object's status.
pub fn conditions(obj: &Value) -> Vec<sluice_appliers::conditions::Condition> {
    obj.pointer("/status/conditions")
        .and_then(|c| serde_json::from_value(c.clone()).ok())
        .unwrap_or_default()
}

/// Refuses names Kubernetes would refuse, with the field named.
pub fn validate_name(field: &str, name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if !ok {
        bail!(
            "{field} '{name}' is not a valid name (lower-case letters, digits and '-', at most 63 characters)"
        );
    }
    Ok(())
}

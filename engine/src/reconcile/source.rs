//! GitRepository: fetch the revision through `sluice_sources`, store the
//! artifact, and report it as source-controller does. A failed fetch keeps
//! (and keeps advertising) the last good artifact.

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::Result;
use k8s_openapi::api::core::v1::Secret;
use kube::api::{Api, DynamicObject};
use serde_json::{Value, json};
use sluice_appliers::conditions::{Condition, reason};
use sluice_sources::storage::Artifact;
use sluice_sources::{Credentials, GitUrl, ObjectKey, Progress, Storage};

use super::Context;
use crate::flux::{self, GitRepositorySpec};

/// What a GitRepository reconcile left behind.
#[derive(Clone, Debug)]
pub struct SourceOutcome {
    /// The Ready condition written.
    pub ready: Condition,
    /// The artifact now advertised: the new one, or the last good one after
    /// a failure.
    pub artifact: Option<Artifact>,
}

/// Where the credentials come from.
pub enum SecretSource {
    /// `spec.secretRef`, read from the cluster.
    Cluster,
    /// Given by the caller (e.g. `sluice sync` flags), not read back.
    Given(BTreeMap<String, Vec<u8>>),
}

fn artifact_status(ctx: &Context, a: &Artifact) -> Value {
    json!({
        "path": a.path,
        "url": ctx.artifact_url(&a.path),
        "revision": a.revision,
        "digest": a.digest,
        "lastUpdateTime": a.last_update_time,
        "size": a.size,
    })
}

/// Reads a Secret's data as Flux's secret keys.
pub(crate) async fn read_secret(
    client: &kube::Client,
    namespace: &str,
    name: &str,
) -> std::result::Result<BTreeMap<String, Vec<u8>>, String> {
    let api: Api<Secret> = Api::namespaced(client.clone(), namespace);
    let secret = api
        .get(name)
        .await
        .map_err(|e| format!("failed to get secret '{namespace}/{name}': {e}"))?;
    // `stringData` is write-only: the API returns everything in `data`.
    Ok(secret
        .data
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.0))
        .collect())
}

/// Reconciles one GitRepository and patches its status.
pub async fn reconcile_git_repository(
    ctx: &Context,
    obj: &Value,
    secret: SecretSource,
    progress: Arc<dyn Progress>,
) -> Result<SourceOutcome> {
    let name = obj
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let namespace = obj
        .pointer("/metadata/namespace")
        .and_then(Value::as_str)
        .unwrap_or("default")
        .to_string();
    let generation = obj.pointer("/metadata/generation").and_then(Value::as_i64);
    let previous = flux::conditions(obj);
    let key = ObjectKey::git_repository(&namespace, &name);
    let attempt = fetch(ctx, obj, &namespace, &key, secret, progress).await;
    let ar = flux::git_repository_resource();
    let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), &namespace, &ar);
    let stored = |a: &Artifact| {
        Condition::new(
            "ArtifactInStorage",
            true,
            reason::SUCCEEDED,
            format!("stored artifact for revision '{}'", a.revision),
        )
        .carry_transition(&previous)
    };
    let (outcome, mut conditions, mut status) = match attempt {
        Ok(artifact) => {
            let stored = stored(&artifact);
            let ready = Condition::new("Ready", true, reason::SUCCEEDED, stored.message.clone())
                .carry_transition(&previous);
            let status = json!({
                "observedGeneration": generation,
                "artifact": artifact_status(ctx, &artifact),
            });
            let outcome = SourceOutcome {
                ready: ready.clone(),
                artifact: Some(artifact),
            };
            (outcome, vec![ready, stored], status)
        }
        Err((why, message)) => {
            // What storage still holds and verifies stays advertised (read
            // only now: a successful fetch has checked it already).
            let last_good = ctx
                .storage
                .current(&key)
                .ok()
                .flatten()
                .map(|r| r.artifact)
                .filter(|a| ctx.storage.verify(a).unwrap_or(false));
            tracing::warn!(gitrepository = %format!("{namespace}/{name}"), reason = %why, "{message}");
            let ready =
                Condition::new("Ready", false, why, message.clone()).carry_transition(&previous);
            let mut conditions = vec![
                ready.clone(),
                Condition::new("FetchFailed", true, why, message).carry_transition(&previous),
                Condition::new(
                    "Reconciling",
                    true,
                    reason::PROGRESSING_WITH_RETRY,
                    "reconciliation in progress",
                )
                .carry_transition(&previous),
            ];
            let mut status = json!({});
            if let Some(a) = &last_good {
                conditions.push(stored(a));
                status["artifact"] = artifact_status(ctx, a);
            }
            if let Some(g) = obj.pointer("/status/observedGeneration") {
                status["observedGeneration"] = g.clone();
            }
            let outcome = SourceOutcome {
                ready,
                artifact: last_good,
            };
            (outcome, conditions, status)
        }
    };
    flux::stamp_generation(&mut conditions, obj);
    status["conditions"] = serde_json::to_value(&conditions)?;
    flux::patch_status(&api, &ar, &name, status, flux::STATUS_MANAGER_SOURCE).await?;
    Ok(outcome)
}

/// The fetch itself; errors carry Flux's reason and message.
async fn fetch(
    ctx: &Context,
    obj: &Value,
    namespace: &str,
    key: &ObjectKey,
    secret: SecretSource,
    progress: Arc<dyn Progress>,
) -> std::result::Result<Artifact, (&'static str, String)> {
    let secret_ref = obj.pointer("/spec/secretRef/name").and_then(Value::as_str);
    let (data, origin) = match (secret, secret_ref) {
        (SecretSource::Given(d), _) => (d, "the given credentials".to_string()),
        (SecretSource::Cluster, Some(s)) => (
            read_secret(&ctx.client, namespace, s)
                .await
                .map_err(|m| ("AuthenticationFailed", m))?,
            format!("{namespace}/{s}"),
        ),
        (SecretSource::Cluster, None) => (BTreeMap::new(), "<none>".to_string()),
    };
    fetch_artifact(&ctx.storage, key, obj, &data, &origin, progress).await
}

/// Spec fields Sluice does not implement yet. Serving the source without
/// them would be wrong (unverified content, missing includes), so the
/// source fails with a message naming the field instead.
fn refuse_unsupported(obj: &Value) -> std::result::Result<(), (&'static str, String)> {
    let spec = obj.get("spec").cloned().unwrap_or(Value::Null);
    let set = |k: &str| match spec.get(k) {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::String(s)) => !s.is_empty(),
        Some(_) => true,
    };
    for field in [
        "verify",
        "include",
        "recurseSubmodules",
        "sparseCheckout",
        "proxySecretRef",
    ] {
        if set(field) {
            return Err((
                "UnsupportedConfiguration",
                format!(
                    "spec.{field} is not supported by Sluice yet; refusing to serve the source without it"
                ),
            ));
        }
    }
    if let Some(p) = spec.get("provider").and_then(Value::as_str)
        && !p.is_empty()
        && p != "generic"
    {
        return Err((
            "InvalidProviderConfiguration",
            format!("spec.provider '{p}' is not supported by Sluice yet (only 'generic')"),
        ));
    }
    Ok(())
}

/// Fetches the GitRepository `obj` into `storage` with the credentials in
/// `data` (Flux's secret keys), without touching any cluster.
pub async fn fetch_artifact(
    storage: &Storage,
    key: &ObjectKey,
    obj: &Value,
    data: &BTreeMap<String, Vec<u8>>,
    origin: &str,
    progress: Arc<dyn Progress>,
) -> std::result::Result<Artifact, (&'static str, String)> {
    refuse_unsupported(obj)?;
    let spec = GitRepositorySpec::from_object(obj).map_err(|e| ("URLInvalid", e.to_string()))?;
    let url = GitUrl::parse(&spec.url).map_err(|e| (e.reason(), e.to_string()))?;
    let reference = spec
        .reference
        .resolve()
        .map_err(|e| (e.reason(), e.to_string()))?;
    let credentials = Credentials::from_secret_data(data, &url, origin).map_err(|e| {
        (
            "AuthenticationFailed",
            format!("failed to configure authentication options: {e}"),
        )
    })?;
    let mut opts = sluice_sources::FetchOptions::new(url, reference);
    opts.credentials = credentials;
    opts.timeout = spec.timeout;
    opts.ignore = spec.ignore.clone();
    if let Some(b) = obj
        .pointer("/metadata/annotations/sluice.dev~1git-backend")
        .and_then(Value::as_str)
    {
        opts.backend = b.parse().map_err(|_| {
            (
                "InvalidProviderConfiguration",
                format!("annotation sluice.dev/git-backend: unknown backend '{b}'"),
            )
        })?;
    }
    let storage = storage.clone();
    let key = key.clone();
    let report =
        tokio::task::spawn_blocking(move || sluice_sources::fetch(&storage, &key, &opts, progress))
            .await
            .map_err(|e| ("GitOperationFailed", format!("fetch task failed: {e}")))?
            .map_err(|e| {
                (
                    e.reason(),
                    format!("failed to checkout and determine revision: {e}"),
                )
            })?;
    Ok(report.artifact)
}

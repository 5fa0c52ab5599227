//! GitRepository: fetch the revision through `sluice_sources`, store the
//! artifact, and report it as source-controller does — in one status write
//! per attempt, with source-controller's conditions and events. A failed
//! fetch keeps (and keeps advertising) the last good artifact.

use std::collections::BTreeMap;
use std::sync::Arc;

use k8s_openapi::api::core::v1::Secret;
use kube::ResourceExt;
use kube::api::{Api, Patch, PatchParams};
use serde_json::json;
use sluice_appliers::conditions::{Condition, reason};
use sluice_sources::fetch::FetchReport;
use sluice_sources::{Credentials, GitUrl, ObjectKey, Progress, Storage};

use super::events::{EventType, FluxEvent};
use super::{Context, Error, Next};
use crate::flux::conditions::Conditions;
use crate::flux::git_repository::FetchSpec;
use crate::flux::{self, Artifact, GitRepository, GitRepositoryStatus, REQUESTED_AT_ANNOTATION};

/// The component Flux's source-controller writes events as.
pub const COMPONENT: &str = "source-controller";
const REVISION_KEY: &str = "source.toolkit.fluxcd.io/revision";
const DIGEST_KEY: &str = "source.toolkit.fluxcd.io/digest";

/// What a GitRepository reconcile left behind.
#[derive(Clone, Debug)]
pub struct SourceOutcome {
    /// The Ready condition written (None when suspended).
    pub ready: Option<Condition>,
    /// The artifact now advertised: the new one, or the last good one after
    /// a failure.
    pub artifact: Option<Artifact>,
    /// When to run again.
    pub next: Next,
}

/// Where the credentials come from.
pub enum SecretSource {
    /// `spec.secretRef`, read from the cluster.
    Cluster,
    /// Given by the caller (e.g. `sluice sync` flags), not read back.
    Given(BTreeMap<String, Vec<u8>>),
}

/// A failed fetch: Flux's reason, the message, and whether retrying cannot
/// help until the spec changes.
#[derive(Clone, Debug)]
pub struct FetchError {
    /// Flux's reason (`GitOperationFailed`, `AuthenticationFailed`, …).
    pub reason: &'static str,
    /// The message (credentials never appear in it).
    pub message: String,
    /// A configuration error: Stalled, no retry.
    pub stalled: bool,
}

impl FetchError {
    fn new(reason: &'static str, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
            stalled: false,
        }
    }

    fn stalling(reason: &'static str, message: impl Into<String>) -> Self {
        Self {
            stalled: true,
            ..Self::new(reason, message)
        }
    }
}

fn artifact_status(ctx: &Context, a: &sluice_sources::Artifact) -> Artifact {
    Artifact {
        path: a.path.clone(),
        url: ctx.artifact_url(&a.path),
        revision: a.revision.clone(),
        digest: Some(a.digest.clone()),
        last_update_time: Some(a.last_update_time.clone()),
        size: i64::try_from(a.size).ok(),
        metadata: None,
    }
}

/// Reads a Secret's data as Flux's secret keys.
pub(crate) async fn read_secret(
    client: &kube::Client,
    namespace: &str,
    name: &str,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let api: Api<Secret> = Api::namespaced(client.clone(), namespace);
    let secret = api.get(name).await.map_err(|e| {
        format!(
            "failed to get secret '{namespace}/{name}': {}",
            sluice_appliers::apply::api_message(&e)
        )
    })?;
    // `stringData` is write-only: the API returns everything in `data`.
    Ok(secret
        .data
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.0))
        .collect())
}

/// The storage key of a GitRepository.
pub fn storage_key(repo: &GitRepository) -> ObjectKey {
    ObjectKey::git_repository(&repo.namespace().unwrap_or_default(), &repo.name_any())
}

/// Flux's commit subject in events: the first line, cut to 50 characters.
fn short_subject(subject: &str) -> String {
    let line = subject.lines().next().unwrap_or_default();
    if line.chars().count() > 50 {
        format!("{}...", line.chars().take(50).collect::<String>())
    } else {
        line.to_string()
    }
}

/// Reconciles one GitRepository and writes its status.
pub async fn reconcile_git_repository(
    ctx: &Context,
    repo: &GitRepository,
    secret: SecretSource,
    progress: Arc<dyn Progress>,
) -> Result<SourceOutcome, Error> {
    let id = repo.id();
    let namespace = repo.namespace().unwrap_or_default();
    let previous = repo.status.clone().unwrap_or_default();
    let mut conds = Conditions::new(&previous.conditions, repo.metadata.generation);
    let mut status = GitRepositoryStatus {
        conditions: Vec::new(),
        ..previous.clone()
    };
    if let Some(v) = repo.annotations().get(REQUESTED_AT_ANNOTATION) {
        status.last_handled_reconcile_at = Some(v.clone());
    }
    let mut events = Vec::new();
    if repo.suspended() {
        tracing::info!(gitrepository = %id, "reconciliation is suspended for this object");
        if !conds.to_vec().is_empty() {
            status.observed_generation = repo.metadata.generation;
        }
        write(ctx, repo, &status, conds.into_vec()).await?;
        return Ok(SourceOutcome {
            ready: None,
            artifact: previous.artifact,
            next: Next::Never,
        });
    }
    let key = storage_key(repo);
    let attempt = match repo.fetch_spec() {
        Err(e) => Err(FetchError::stalling(
            "UnsupportedConfiguration",
            format!("{}: {e}", flux::conditions::TERMINAL_ERROR),
        )),
        Ok(spec) => fetch(ctx, repo, &spec, &namespace, &key, secret, progress).await,
    };
    let next = match attempt {
        Ok((report, spec)) => {
            let artifact = artifact_status(ctx, &report.artifact);
            let stored = format!("stored artifact for revision '{}'", artifact.revision);
            conds.delete("FetchFailed");
            conds.delete("Stalled");
            conds.delete("Reconciling");
            conds.delete("ArtifactOutdated");
            conds.delete("StorageOperationFailed");
            conds.mark_true("ArtifactInStorage", reason::SUCCEEDED, &stored);
            conds.mark_true("Ready", reason::SUCCEEDED, &stored);
            let new_digest = previous.artifact.as_ref().and_then(|a| a.digest.as_deref())
                != artifact.digest.as_deref();
            let event = |reason: &str, message: String| {
                FluxEvent::about(repo, COMPONENT, EventType::Normal, reason, message)
                    .annotate(REVISION_KEY, artifact.revision.clone())
                    .annotate(DIGEST_KEY, artifact.digest.clone().unwrap_or_default())
            };
            if new_digest {
                let subject = report
                    .subject
                    .as_deref()
                    .map(short_subject)
                    .unwrap_or_default();
                events.push(event(
                    "NewArtifact",
                    format!("stored artifact for commit '{subject}'"),
                ));
            } else if report.unchanged {
                events.push(event(
                    "GitOperationSucceeded",
                    format!(
                        "no changes since last reconciliation: observed revision '{}'",
                        artifact.revision
                    ),
                ));
            }
            if report.collected > 0 {
                // A Trace event in Flux: recorded, not forwarded.
                events.push(FluxEvent::about(
                    repo,
                    COMPONENT,
                    EventType::Normal,
                    "GarbageCollectionSucceeded",
                    format!("garbage collected {} artifacts", report.collected),
                ));
            }
            status.artifact = Some(artifact);
            status.observed_ignore = spec.ignore.clone();
            status.observed_generation = repo.metadata.generation;
            Next::Interval(spec.interval)
        }
        Err(e) => {
            tracing::warn!(gitrepository = %id, reason = %e.reason, "{}", e.message);
            // What storage still holds and verifies stays advertised (read
            // only now: a successful fetch has checked it already).
            let last_good = ctx
                .storage
                .current(&key)
                .ok()
                .flatten()
                .map(|r| r.artifact)
                .filter(|a| ctx.storage.verify(a).unwrap_or(false));
            conds.mark_true("FetchFailed", e.reason, &e.message);
            conds.mark_false("Ready", e.reason, &e.message);
            match &last_good {
                Some(a) => {
                    conds.mark_true(
                        "ArtifactInStorage",
                        reason::SUCCEEDED,
                        format!("stored artifact for revision '{}'", a.revision),
                    );
                    status.artifact = Some(artifact_status(ctx, a));
                }
                None => {
                    conds.delete("ArtifactInStorage");
                    status.artifact = None;
                }
            }
            events.push(FluxEvent::about(
                repo,
                COMPONENT,
                EventType::Warning,
                e.reason,
                e.message.clone(),
            ));
            if e.stalled {
                conds.mark_stalled(e.reason, &e.message);
                status.observed_generation = repo.metadata.generation;
                Next::Never
            } else {
                // Where Flux's reconcile stood when the fetch failed.
                let progress = match (&last_good, &previous.artifact) {
                    (None, Some(_)) => "building artifact: disappeared from storage".to_string(),
                    (None, None) => "building artifact".to_string(),
                    _ if repo.metadata.generation != previous.observed_generation => format!(
                        "processing object: new generation {} -> {}",
                        previous.observed_generation.unwrap_or(0),
                        repo.metadata.generation.unwrap_or(0)
                    ),
                    _ => "reconciliation in progress".to_string(),
                };
                conds.mark_reconciling(reason::PROGRESSING_WITH_RETRY, progress);
                Next::Backoff
            }
        }
    };
    let ready = conds.get("Ready").cloned();
    write(ctx, repo, &status, conds.into_vec()).await?;
    for e in events {
        ctx.events.emit(e);
    }
    Ok(SourceOutcome {
        ready,
        artifact: status.artifact,
        next,
    })
}

async fn write(
    ctx: &Context,
    repo: &GitRepository,
    status: &GitRepositoryStatus,
    conditions: Vec<Condition>,
) -> Result<(), Error> {
    let status = GitRepositoryStatus {
        conditions,
        ..status.clone()
    };
    if repo.status.as_ref() == Some(&status) || ctx.settings.options.apply.dry_run {
        return Ok(());
    }
    let api: Api<GitRepository> =
        Api::namespaced(ctx.client.clone(), &repo.namespace().unwrap_or_default());
    let old = serde_json::to_value(&repo.status).unwrap_or_default();
    let new = serde_json::to_value(&status).unwrap_or_default();
    let body = json!({"status": flux::merge_diff(&old, &new)});
    let pp = PatchParams {
        field_manager: Some(flux::STATUS_MANAGER_SOURCE.into()),
        ..PatchParams::default()
    };
    api.patch_status(&repo.name_any(), &pp, &Patch::Merge(&body))
        .await
        .map_err(|e| {
            Error::kube(
                format!("updating the status of GitRepository {}", repo.id()),
                e,
            )
        })?;
    Ok(())
}

/// The fetch itself, with the credentials from the cluster or the caller.
async fn fetch(
    ctx: &Context,
    repo: &GitRepository,
    spec: &FetchSpec,
    namespace: &str,
    key: &ObjectKey,
    secret: SecretSource,
    progress: Arc<dyn Progress>,
) -> Result<(FetchReport, FetchSpec), FetchError> {
    let (data, origin) = match (secret, &spec.secret) {
        (SecretSource::Given(d), _) => (d, "the given credentials".to_string()),
        (SecretSource::Cluster, Some(s)) => (
            read_secret(&ctx.client, namespace, s)
                .await
                .map_err(|m| FetchError::new("AuthenticationFailed", m))?,
            format!("{namespace}/{s}"),
        ),
        (SecretSource::Cluster, None) => (BTreeMap::new(), "<none>".to_string()),
    };
    let backend = repo
        .annotations()
        .get(crate::sync::config::BACKEND_ANNOTATION)
        .cloned();
    let report = fetch_artifact(
        &ctx.storage,
        key,
        spec,
        backend.as_deref(),
        &data,
        &origin,
        progress,
    )
    .await?;
    Ok((report, spec.clone()))
}

/// Fetches a GitRepository's revision into `storage` with the credentials
/// in `data` (Flux's secret keys), without touching any cluster.
pub async fn fetch_artifact(
    storage: &Storage,
    key: &ObjectKey,
    spec: &FetchSpec,
    backend: Option<&str>,
    data: &BTreeMap<String, Vec<u8>>,
    origin: &str,
    progress: Arc<dyn Progress>,
) -> Result<FetchReport, FetchError> {
    let url =
        GitUrl::parse(&spec.url).map_err(|e| FetchError::stalling(e.reason(), e.to_string()))?;
    let reference = spec
        .reference
        .resolve()
        .map_err(|e| FetchError::stalling(e.reason(), e.to_string()))?;
    let credentials = Credentials::from_secret_data(data, &url, origin).map_err(|e| {
        FetchError::new(
            "AuthenticationFailed",
            format!("failed to configure authentication options: {e}"),
        )
    })?;
    let mut opts = sluice_sources::FetchOptions::new(url, reference);
    opts.credentials = credentials;
    opts.timeout = spec.timeout;
    opts.ignore = spec.ignore.clone();
    if let Some(b) = backend {
        opts.backend = b.parse().map_err(|_| {
            FetchError::stalling(
                "InvalidProviderConfiguration",
                format!("annotation sluice.dev/git-backend: unknown backend '{b}'"),
            )
        })?;
    }
    let storage = storage.clone();
    let key = key.clone();
    tokio::task::spawn_blocking(move || sluice_sources::fetch(&storage, &key, &opts, progress))
        .await
        .map_err(|e| FetchError::new("GitOperationFailed", format!("fetch task failed: {e}")))?
        .map_err(|e| {
            // Flux's wording per stage: the archive, the storage, or git.
            let what = match e.reason() {
                "ArchiveOperationFailed" => "unable to archive artifact to storage",
                "StorageOperationFailed" => "failed to store artifact",
                _ => "failed to checkout and determine revision",
            };
            FetchError::new(e.reason(), format!("{what}: {e}"))
        })
}

//! Kustomization, in kustomize-controller's steps: suspend, spec check,
//! source, dependencies, artifact, build/apply/prune/health through
//! `sluice_appliers`, then one status write that does what Flux's deferred
//! `finalizeStatus` does (conditions, `lastHandledReconcileAt`,
//! `observedGeneration`) and Flux's events.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::{ConfigMap, Secret};
use kube::ResourceExt;
use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{Value, json};
use sluice_appliers::apply::Action;
use sluice_appliers::conditions::reason;
use sluice_appliers::kustomization::{self as ks, Outcome, Phase};

use super::artifact::ArtifactError;
use super::events::{EventType, FluxEvent};
use super::{Context, Error, Next, memo};
use crate::flux::conditions::{Conditions, TERMINAL_ERROR};
use crate::flux::kustomization::{Desired, Inventory, SubstituteReference};
use crate::flux::{
    self, Artifact, GitRepository, Kustomization, KustomizationStatus, REQUESTED_AT_ANNOTATION,
};

/// The component Flux's kustomize-controller writes events as.
pub const COMPONENT: &str = "kustomize-controller";
/// Ready reason of a spec Sluice refuses.
pub const UNSUPPORTED_CONFIGURATION: &str = "UnsupportedConfiguration";
/// Ready/Stalled reason of a blocked cross-namespace reference.
pub const ACCESS_DENIED: &str = "AccessDenied";
const REVISION_KEY: &str = "kustomize.toolkit.fluxcd.io/revision";
const COMMIT_STATUS_KEY: &str = "kustomize.toolkit.fluxcd.io/commit_status";

/// How one attempt ended.
#[derive(Clone, Debug)]
pub enum Attempt {
    /// Built, applied (and health-checked); see the outcome's Ready.
    Ran(Box<Outcome>),
    /// Not run: a dependency is not ready on this revision.
    DependencyNotReady(String),
    /// Not run: the source or its artifact is missing or unusable.
    ArtifactFailed(String),
    /// Not run, and not retried until the spec changes.
    Stalled(String),
    /// Suspended; nothing done.
    Suspended,
}

impl Attempt {
    /// Whether it ended Ready.
    pub fn is_ready(&self) -> bool {
        matches!(self, Attempt::Ran(o) if o.is_ready())
    }

    /// The Ready message.
    pub fn message(&self) -> String {
        match self {
            Attempt::Ran(o) => o.ready.message.clone(),
            Attempt::DependencyNotReady(m) | Attempt::ArtifactFailed(m) | Attempt::Stalled(m) => {
                m.clone()
            }
            Attempt::Suspended => "Reconciliation is suspended for this object".into(),
        }
    }
}

/// The result of a reconcile: the attempt and when to come back.
#[derive(Clone, Debug)]
pub struct Reconciled {
    /// How it ended.
    pub attempt: Attempt,
    /// When to run again.
    pub next: Next,
    /// Whether it built (a revision taken over unchanged does not).
    pub built: bool,
}

/// One attempt's status, built up in Flux's order and written once.
struct Run<'a> {
    ks: &'a Kustomization,
    conditions: Conditions,
    status: KustomizationStatus,
    events: Vec<FluxEvent>,
    /// Plan only: nothing is written.
    dry_run: bool,
}

impl<'a> Run<'a> {
    fn new(ks: &'a Kustomization, dry_run: bool) -> Self {
        let status = ks.status.clone().unwrap_or_default();
        Self {
            conditions: Conditions::new(&status.conditions, ks.metadata.generation),
            status,
            ks,
            events: Vec::new(),
            dry_run,
        }
    }

    /// Queues an event as Flux's `r.event`: the reason is Ready's.
    fn event(&mut self, type_: EventType, message: impl Into<String>, revision: Option<&str>) {
        let severity = match type_ {
            EventType::Normal => "info",
            EventType::Warning => "error",
        };
        let reason = self
            .conditions
            .ready_reason()
            .unwrap_or(severity)
            .to_string();
        let mut e = FluxEvent::about(self.ks, COMPONENT, type_, &reason, message);
        if let Some(r) = revision.filter(|r| !r.is_empty()) {
            e = e.annotate(REVISION_KEY, r);
        }
        self.events.push(e);
    }

    fn body(&self, conditions: Vec<sluice_appliers::conditions::Condition>) -> KustomizationStatus {
        KustomizationStatus {
            conditions,
            ..self.status.clone()
        }
    }

    /// Writes the status as it stands mid-reconcile (progress), without
    /// Flux's finalize step.
    async fn write_progress(&self, ctx: &Context) -> Result<(), Error> {
        let status = self.body(self.conditions.to_vec());
        write_status(ctx, self.ks, &status, self.dry_run).await
    }

    /// Flux's `finalizeStatus`, then one write when anything changed.
    async fn finish(mut self, ctx: &Context) -> Result<Vec<FluxEvent>, Error> {
        if let Some(v) = self.ks.annotations().get(REQUESTED_AT_ANNOTATION) {
            self.status.last_handled_reconcile_at = Some(v.clone());
        }
        if self.conditions.is_true("Ready") {
            self.status.observed_generation = self.ks.metadata.generation;
        }
        self.conditions.finalize();
        let status = self.body(self.conditions.clone().into_vec());
        if self.ks.status.as_ref() != Some(&status) {
            write_status(ctx, self.ks, &status, self.dry_run).await?;
        }
        Ok(self.events)
    }
}

async fn write_status(
    ctx: &Context,
    ks: &Kustomization,
    status: &KustomizationStatus,
    dry_run: bool,
) -> Result<(), Error> {
    if dry_run {
        return Ok(());
    }
    let api: Api<Kustomization> =
        Api::namespaced(ctx.client.clone(), &ks.namespace().unwrap_or_default());
    let old = serde_json::to_value(&ks.status).unwrap_or_default();
    let new = serde_json::to_value(status).unwrap_or_default();
    let body = json!({"status": flux::merge_diff(&old, &new)});
    let pp = PatchParams {
        field_manager: Some(flux::STATUS_MANAGER_KUSTOMIZE.into()),
        ..PatchParams::default()
    };
    api.patch_status(&ks.name_any(), &pp, &Patch::Merge(&body))
        .await
        .map_err(|e| {
            Error::kube(
                format!("updating the status of Kustomization {}", ks.id()),
                e,
            )
        })?;
    Ok(())
}

/// Reconciles one Kustomization and writes its status. `Err` means the
/// attempt could not finish for an API failure (retry with backoff).
pub async fn reconcile_kustomization(
    ctx: &Context,
    ks: &Kustomization,
) -> Result<Reconciled, Error> {
    let started = Instant::now();
    let mut run = Run::new(ks, ctx.settings.options.apply.dry_run);
    let result = attempt(ctx, ks, &mut run).await;
    let ready = run.conditions.is_true("Ready");
    let revision = run.status.last_applied_revision.clone();
    let mut events = run.finish(ctx).await?;
    let reconciled = result?;
    if ready && !ks.suspended() {
        let interval = flux::parse_duration(&ks.spec.interval).unwrap_or_default();
        let msg = format!(
            "Reconciliation finished in {}, next run in {}",
            sluice_appliers::conditions::go_duration(started.elapsed()),
            sluice_appliers::conditions::go_duration(interval)
        );
        tracing::info!(kustomization = %ks.id(), revision = ?revision, "{msg}");
        let mut e = FluxEvent::about(
            ks,
            COMPONENT,
            EventType::Normal,
            reason::RECONCILIATION_SUCCEEDED,
            msg,
        )
        .annotate(COMMIT_STATUS_KEY, "update");
        if let Some(r) = revision {
            e = e.annotate(REVISION_KEY, r);
        }
        events.push(e);
    }
    for e in events {
        ctx.events.emit(e);
    }
    Ok(reconciled)
}

async fn attempt(
    ctx: &Context,
    ks: &Kustomization,
    run: &mut Run<'_>,
) -> Result<Reconciled, Error> {
    let done = |attempt, next| {
        Ok(Reconciled {
            attempt,
            next,
            built: false,
        })
    };
    if ks.suspended() {
        tracing::info!(kustomization = %ks.id(), "Reconciliation is suspended for this object");
        return done(Attempt::Suspended, Next::Never);
    }
    let desired = match ks.desired() {
        Ok(d) => d,
        Err(e) => {
            let msg = format!("{TERMINAL_ERROR}: {e}");
            run.conditions
                .mark_false("Ready", UNSUPPORTED_CONFIGURATION, &msg);
            run.conditions.mark_stalled(UNSUPPORTED_CONFIGURATION, &msg);
            run.status.observed_generation = ks.metadata.generation;
            run.event(EventType::Warning, &msg, None);
            return done(Attempt::Stalled(msg), Next::Never);
        }
    };
    let spec = &desired.spec;
    let retry = spec.retry_interval;
    let dependency = ctx.settings.requeue_dependency;

    // The source and its artifact.
    let (kind, name, namespace) = &desired.source;
    let own_namespace = ks.namespace().unwrap_or_default();
    if ctx.settings.no_cross_namespace_refs && *namespace != own_namespace {
        let msg = format!(
            "can't access '{kind}/{namespace}/{name}', cross-namespace references have been blocked"
        );
        run.conditions.mark_false("Ready", ACCESS_DENIED, &msg);
        run.conditions.mark_stalled(ACCESS_DENIED, &msg);
        run.event(EventType::Warning, &msg, None);
        return done(Attempt::Stalled(msg), Next::Never);
    }
    let artifact = match source_artifact(ctx, kind, namespace, name).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            let msg = format!(
                "Source artifact not found, retrying in {}",
                sluice_appliers::conditions::go_duration(dependency)
            );
            run.conditions
                .mark_false("Ready", reason::ARTIFACT_FAILED, &msg);
            tracing::info!(kustomization = %ks.id(), "{msg}");
            return done(Attempt::ArtifactFailed(msg), Next::After(dependency));
        }
        Err(SourceError::NotFound(msg)) => {
            run.conditions
                .mark_false("Ready", reason::ARTIFACT_FAILED, &msg);
            return done(Attempt::ArtifactFailed(msg), Next::After(retry));
        }
        Err(SourceError::Api(e)) => {
            let msg = format!("unable to get source '{namespace}/{name}': {e}");
            run.conditions
                .mark_false("Ready", reason::ARTIFACT_FAILED, &msg);
            return Err(Error::Other(msg));
        }
    };
    let revision = artifact.revision.clone();

    // Dependencies.
    if !spec.depends_on.is_empty() {
        if let Err(msg) = check_dependencies(ctx, ks, &desired, &revision).await {
            run.conditions
                .mark_false("Ready", reason::DEPENDENCY_NOT_READY, &msg);
            let note = format!(
                "Dependencies do not meet ready condition, retrying in {}",
                sluice_appliers::conditions::go_duration(dependency)
            );
            tracing::info!(kustomization = %ks.id(), "{note}");
            run.event(EventType::Normal, note, Some(&revision));
            return done(Attempt::DependencyNotReady(msg), Next::After(dependency));
        }
        tracing::debug!(kustomization = %ks.id(), "All dependencies are ready, proceeding with reconciliation");
    }

    // Progress: written when a new revision or generation starts, so that
    // `flux get` and Azure's Pending show it; retries of the same one stay
    // quiet.
    let timeout = flux::format_duration(spec.timeout);
    run.conditions
        .mark_unknown("Ready", reason::PROGRESSING, "Reconciliation in progress");
    run.conditions.mark_reconciling(
        reason::PROGRESSING,
        format!("Fetching manifests for revision {revision} with a timeout of {timeout}"),
    );
    let status = ks.status.as_ref();
    let new_work = status.and_then(|s| s.last_attempted_revision.as_deref()) != Some(&revision)
        || status.and_then(|s| s.observed_generation) != ks.metadata.generation;
    if new_work {
        run.write_progress(ctx).await?;
    }

    let dir = match ctx.artifacts.unpacked(&artifact).await {
        Ok(d) => d,
        Err(ArtifactError::NotFound(_)) => {
            let msg = format!(
                "Source is not ready, artifact not found, retrying in {}",
                sluice_appliers::conditions::go_duration(dependency)
            );
            run.conditions
                .mark_false("Ready", reason::ARTIFACT_FAILED, &msg);
            return done(Attempt::ArtifactFailed(msg), Next::After(dependency));
        }
        Err(ArtifactError::Failed(msg)) => {
            run.conditions
                .mark_false("Ready", reason::ARTIFACT_FAILED, &msg);
            run.event(EventType::Warning, &msg, Some(&revision));
            return done(Attempt::ArtifactFailed(msg), Next::After(retry));
        }
    };
    run.status.last_attempted_revision = Some(revision.clone());
    run.conditions.mark_reconciling(
        reason::PROGRESSING,
        format!("Building manifests for revision {revision} with a timeout of {timeout}"),
    );

    let service_account = desired
        .service_account
        .clone()
        .or_else(|| ctx.settings.default_service_account.clone());
    let applier = match ctx.applier(&own_namespace, service_account.as_deref()) {
        Ok(a) => a,
        Err(e) => {
            let msg = format!("failed to build kube client: {e:#}");
            run.conditions
                .mark_false("Ready", reason::RECONCILIATION_FAILED, &msg);
            run.event(EventType::Warning, &msg, Some(&revision));
            return done(
                Attempt::Ran(Box::new(Outcome::failed(
                    Phase::Build,
                    reason::RECONCILIATION_FAILED,
                    msg,
                    Vec::new(),
                ))),
                Next::After(retry),
            );
        }
    };
    let mut spec = spec.clone();
    if let Some(pb) = spec.post_build.as_mut()
        && !desired.substitute_from.is_empty()
    {
        match load_variables(ctx, &own_namespace, &desired.substitute_from).await {
            Ok(mut vars) => {
                // Inline values win over referenced ones.
                vars.extend(std::mem::take(&mut pb.variables));
                pb.variables = vars;
            }
            Err(msg) => {
                run.conditions
                    .mark_false("Ready", reason::BUILD_FAILED, &msg);
                run.event(EventType::Warning, &msg, Some(&revision));
                return done(
                    Attempt::Ran(Box::new(Outcome::failed(
                        Phase::Build,
                        reason::BUILD_FAILED,
                        msg,
                        Vec::new(),
                    ))),
                    Next::After(retry),
                );
            }
        }
    }
    let old_inventory = ks.inventory().to_vec();
    let uid = ks.metadata.uid.clone().unwrap_or_default();
    let now = memo::Current {
        uid: &uid,
        generation: ks.metadata.generation,
        key: memo::key(&spec, service_account.as_deref()),
        applied_revision: status.and_then(|s| s.last_applied_revision.as_deref()),
        inventory: &old_inventory,
        revision: &revision,
        interval: desired.interval,
    };
    let reuse = if ctx.settings.reuse_builds && !uid.is_empty() {
        ctx.memos.reusable(&now, dir.path()).await
    } else {
        None
    };
    let (outcome, full_in) = match reuse {
        Some(r) => {
            tracing::info!(
                kustomization = %ks.id(), revision,
                "nothing this Kustomization builds from changed: taking the revision without rebuilding"
            );
            let o = ks::reconcile_unchanged(
                &applier,
                &spec,
                &revision,
                &r.changes,
                &r.inventory,
                &ctx.settings.options,
                &ks::Quiet,
            )
            .await;
            if o.is_ready() {
                ctx.memos.advance(&uid, &revision);
            } else {
                ctx.memos.forget(&uid);
            }
            (o, Some(r.full_in))
        }
        None => {
            let progress = HealthProgress {
                ctx,
                ks,
                base: run.body(run.conditions.to_vec()),
                conditions: run.conditions.clone(),
                message: format!(
                    "Running health checks for revision {revision} with a timeout of {timeout}"
                ),
                enabled: new_work && !run.dry_run,
            };
            let mut o = ks::reconcile(
                &applier,
                &spec,
                dir.path(),
                &revision,
                &old_inventory,
                &ctx.settings.options,
                &progress,
            )
            .await;
            match (o.is_ready(), o.inputs.take(), &o.inventory) {
                (true, Some(inputs), Some(inv)) if !uid.is_empty() => {
                    ctx.memos
                        .remember(&now, inputs, o.changes.clone(), inv.clone());
                }
                _ => ctx.memos.forget(&uid),
            }
            (o, None)
        }
    };
    record_outcome(run, &outcome, &revision, &timeout);
    let next = if outcome.is_ready() {
        // The next full reconcile stays due one interval after the last.
        full_in.map_or(Next::Interval(desired.interval), Next::After)
    } else if outcome.transient {
        Next::After(Duration::from_secs(5).min(retry))
    } else {
        Next::After(retry)
    };
    Ok(Reconciled {
        attempt: Attempt::Ran(Box::new(outcome)),
        next,
        built: full_in.is_none(),
    })
}

/// Shows health checks starting on a new revision or generation, as Flux's
/// progress patch does: they may run for minutes, and `flux get` should say
/// so. Interval reconciles stay at one status write.
struct HealthProgress<'a> {
    ctx: &'a Context,
    ks: &'a Kustomization,
    base: KustomizationStatus,
    conditions: Conditions,
    message: String,
    enabled: bool,
}

impl ks::Progress for HealthProgress<'_> {
    fn health_checks(
        &self,
        inventory: &[sluice_appliers::apply::inventory::Entry],
    ) -> futures::future::BoxFuture<'_, ()> {
        let mut conditions = self.conditions.clone();
        conditions.mark_reconciling(reason::PROGRESSING, &self.message);
        conditions.mark_unknown("Healthy", reason::PROGRESSING, &self.message);
        let status = KustomizationStatus {
            conditions: conditions.to_vec(),
            inventory: Some(Inventory {
                entries: inventory.to_vec(),
            }),
            ..self.base.clone()
        };
        Box::pin(async move {
            if !self.enabled {
                return;
            }
            // Only a display: a failed write changes nothing that follows.
            if let Err(e) = write_status(self.ctx, self.ks, &status, false).await {
                tracing::debug!(kustomization = %self.ks.id(), "progress not written: {e}");
            }
        })
    }
}

/// Puts an apply outcome into the status as Flux's phases would have left
/// it, and queues the change-log, prune and health events.
fn record_outcome(run: &mut Run<'_>, outcome: &Outcome, revision: &str, timeout: &str) {
    let lines = |deleted: bool| {
        outcome
            .changes
            .iter()
            .filter(|c| match c.action {
                Action::Created | Action::Configured => !deleted,
                Action::Deleted => deleted,
                _ => false,
            })
            .map(|c| format!("{} {}", c.object, c.action.as_str()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let applied = lines(false);
    if outcome.phase != Phase::Build {
        run.conditions.mark_reconciling(
            reason::PROGRESSING,
            format!("Detecting drift for revision {revision} with a timeout of {timeout}"),
        );
        if !applied.is_empty() && !matches!(outcome.phase, Phase::Apply) {
            run.event(EventType::Normal, applied.clone(), Some(revision));
        }
    }
    let new_revision = run
        .ks
        .status
        .as_ref()
        .and_then(|s| s.last_applied_revision.as_deref())
        != Some(revision);
    if let Some(inventory) = &outcome.inventory {
        run.status.inventory = Some(Inventory {
            entries: inventory.clone(),
        });
    }
    if matches!(outcome.phase, Phase::Health | Phase::Done) {
        let pruned = lines(true);
        if !pruned.is_empty() {
            run.event(EventType::Normal, pruned, Some(revision));
        }
        match &outcome.healthy {
            Some(h) => {
                run.conditions.mark_reconciling(
                    reason::PROGRESSING,
                    format!(
                        "Running health checks for revision {revision} with a timeout of {timeout}"
                    ),
                );
                let was_healthy = run.conditions.is_true("Healthy");
                run.conditions.put(h.clone());
                if h.status == "True" && (!was_healthy || (new_revision && !applied.is_empty())) {
                    run.event(EventType::Normal, h.message.clone(), Some(revision));
                }
            }
            None => run.conditions.delete("Healthy"),
        }
    }
    run.conditions.put(outcome.ready.clone());
    if outcome.is_ready() {
        run.status.last_applied_revision = outcome.applied_revision.clone();
    } else {
        let msg = outcome.ready.message.clone();
        tracing::warn!(kustomization = %run.ks.id(), revision, "Reconciliation failed: {msg}");
        run.event(EventType::Warning, msg, Some(revision));
    }
}

/// Why the source could not be read.
enum SourceError {
    /// It does not exist (Flux's message).
    NotFound(String),
    /// The API failed.
    Api(String),
}

/// The artifact the Kustomization's source advertises, if any.
async fn source_artifact(
    ctx: &Context,
    kind: &str,
    namespace: &str,
    name: &str,
) -> Result<Option<Artifact>, SourceError> {
    let not_found = |group: &str| format!("{kind}.{group} \"{name}\" not found");
    if kind == "GitRepository" {
        let api: Api<GitRepository> = Api::namespaced(ctx.client.clone(), namespace);
        return match api.get_opt(name).await {
            Ok(Some(src)) => Ok(src.artifact().cloned()),
            Ok(None) => Err(SourceError::NotFound(not_found("source.toolkit.fluxcd.io"))),
            Err(e) => Err(SourceError::Api(sluice_appliers::apply::api_message(&e))),
        };
    }
    // Any other Flux source: its artifact is served over HTTP.
    let (group, version, plural) = match kind {
        "OCIRepository" => ("source.toolkit.fluxcd.io", "v1", "ocirepositories"),
        "Bucket" => ("source.toolkit.fluxcd.io", "v1", "buckets"),
        _ => ("source.toolkit.fluxcd.io", "v1", "externalartifacts"),
    };
    let ar =
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural);
    let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), namespace, &ar);
    match api.get_opt(name).await {
        Ok(Some(src)) => Ok(src
            .data
            .pointer("/status/artifact")
            .and_then(|a| serde_json::from_value::<Artifact>(a.clone()).ok())),
        Ok(None) => Err(SourceError::NotFound(not_found(group))),
        Err(kube::Error::Api(ae)) if ae.code == 404 => Err(SourceError::NotFound(not_found(group))),
        Err(e) => Err(SourceError::Api(sluice_appliers::apply::api_message(&e))),
    }
}

/// Flux's dependency check, read fresh from the API server: each dependency
/// exists, is Ready at its current generation and, when it uses the same
/// source, has applied `revision`.
pub async fn check_dependencies(
    ctx: &Context,
    ks: &Kustomization,
    desired: &Desired,
    revision: &str,
) -> Result<(), String> {
    for dep in &desired.spec.depends_on {
        let (dns, dname) = dep.split_once('/').unwrap_or(("default", dep.as_str()));
        let api: Api<Kustomization> = Api::namespaced(ctx.client.clone(), dns);
        let d = match api.get(dname).await {
            Ok(d) => d,
            Err(kube::Error::Api(ae)) => {
                return Err(format!("dependency '{dep}' not found: {}", ae.message));
            }
            Err(e) => return Err(format!("dependency '{dep}' not found: {e}")),
        };
        let observed = d.status.as_ref().and_then(|s| s.observed_generation);
        let ready = !d.conditions().is_empty()
            && d.metadata.generation == observed
            && d.conditions()
                .iter()
                .any(|c| c.type_ == "Ready" && c.status == "True");
        if !ready {
            // A cycle would wait forever; say so instead of "not ready".
            if let Some(path) = dependency_cycle(ctx, ks).await {
                return Err(format!("dependency cycle: {}", path.join(" -> ")));
            }
            return Err(format!("dependency '{dep}' is not ready"));
        }
        let source_of = |k: &Kustomization| {
            (
                k.spec.source_ref.kind.clone(),
                k.spec.source_ref.name.clone(),
                k.spec
                    .source_ref
                    .namespace
                    .clone()
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| k.namespace().unwrap_or_default()),
            )
        };
        if source_of(&d) == source_of(ks)
            && d.status
                .as_ref()
                .and_then(|s| s.last_applied_revision.as_deref())
                != Some(revision)
        {
            return Err(format!("dependency '{dep}' revision is not up to date"));
        }
    }
    Ok(())
}

/// The shortest dependency cycle through `ks` (`ns/name` ids, first and
/// last the same), followed through the API server across namespaces.
/// Only looked for once a dependency is not ready, and bounded in reads.
async fn dependency_cycle(ctx: &Context, ks: &Kustomization) -> Option<Vec<String>> {
    const MAX_READS: usize = 100;
    let start = ks.id();
    let mut seen = BTreeSet::from([start.clone()]);
    let mut queue = VecDeque::from([(ks.dependencies(), vec![start.clone()])]);
    let mut reads = 0;
    while let Some((deps, path)) = queue.pop_front() {
        for dep in deps {
            let mut next = path.clone();
            next.push(dep.clone());
            if dep == start {
                return Some(next);
            }
            if !seen.insert(dep.clone()) || reads == MAX_READS {
                continue;
            }
            reads += 1;
            let Some((ns, name)) = dep.split_once('/') else {
                continue;
            };
            let api: Api<Kustomization> = Api::namespaced(ctx.client.clone(), ns);
            if let Ok(Some(d)) = api.get_opt(name).await {
                queue.push_back((d.dependencies(), next));
            }
        }
    }
    None
}

/// `spec.postBuild.substituteFrom`, later entries winning; newlines are
/// dropped from values, as Flux does.
async fn load_variables(
    ctx: &Context,
    namespace: &str,
    refs: &[SubstituteReference],
) -> Result<BTreeMap<String, String>, String> {
    let mut vars = BTreeMap::new();
    for r in refs {
        let optional = r.optional.unwrap_or(false);
        let missing = |e: &kube::Error| matches!(e, kube::Error::Api(ae) if ae.code == 404);
        let error = |e: kube::Error| {
            let text = match &e {
                kube::Error::Api(ae) => ae.message.clone(),
                other => other.to_string(),
            };
            format!("substitute from '{}/{}' error: {text}", r.kind, r.name)
        };
        match r.kind.as_str() {
            "ConfigMap" => match Api::<ConfigMap>::namespaced(ctx.client.clone(), namespace)
                .get(&r.name)
                .await
            {
                Ok(cm) => {
                    for (k, v) in cm.data.unwrap_or_default() {
                        vars.insert(k, v.replace('\n', ""));
                    }
                }
                Err(e) if optional && missing(&e) => {}
                Err(e) => return Err(error(e)),
            },
            _ => match Api::<Secret>::namespaced(ctx.client.clone(), namespace)
                .get(&r.name)
                .await
            {
                Ok(s) => {
                    for (k, v) in s.data.unwrap_or_default() {
                        vars.insert(k, String::from_utf8_lossy(&v.0).replace('\n', ""));
                    }
                }
                Err(e) if optional && missing(&e) => {}
                Err(e) => return Err(error(e)),
            },
        }
    }
    Ok(vars)
}

/// Marks a Kustomization not ready without running it (the one-shot runner
/// blocks it for a cycle or a missing dependency before it starts).
pub async fn mark_not_ready(
    ctx: &Context,
    ks: &Kustomization,
    why: &str,
    message: &str,
) -> Result<(), Error> {
    let mut run = Run::new(ks, ctx.settings.options.apply.dry_run);
    run.conditions.mark_false("Ready", why, message);
    run.finish(ctx).await.map(|_| ())
}

/// The Kustomization as JSON (for reports and tests).
pub fn to_value(ks: &Kustomization) -> Value {
    serde_json::to_value(ks).unwrap_or(Value::Null)
}

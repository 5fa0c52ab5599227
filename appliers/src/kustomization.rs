//! One reconcile of a Flux Kustomization against an unpacked artifact, in
//! kustomize-controller's phases: build → apply → prune → health, each
//! failure setting Flux's Ready reason. A failed build or apply never
//! prunes; the inventory is only replaced once everything was applied.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::apply::inventory::{self, Entry, ObjectRef};
use crate::apply::{
    Action, Applier, ApplyOptions, Change, OWNER_NAME_LABEL, OWNER_NAMESPACE_LABEL, object_ref,
};
use crate::conditions::{Condition, reason};
use sluice_kustomize::trace::{Inputs, Trace};
use sluice_kustomize::types::{Image, Patch};
use sluice_kustomize::{BuildOptions, LoadRestrictions, Overrides};

/// What a Kustomization asks for (the fields the apply engine uses, with
/// Flux's defaults).
#[derive(Clone, Debug)]
pub struct Spec {
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Directory inside the artifact (`./` by default).
    pub path: String,
    /// Delete objects that left the build.
    pub prune: bool,
    /// Re-create objects that cannot be updated in place.
    pub force: bool,
    /// Wait for every applied object to become ready.
    pub wait: bool,
    /// Objects to wait for (when `wait` is off).
    pub health_checks: Vec<ObjectRef>,
    /// Bound on health checks (Flux: interval − 30 s, at least 30 s).
    pub timeout: Duration,
    /// Delay before retrying a failure (Flux: the interval).
    pub retry_interval: Duration,
    /// `spec.targetNamespace`.
    pub target_namespace: Option<String>,
    /// `spec.namePrefix`.
    pub name_prefix: Option<String>,
    /// `spec.nameSuffix`.
    pub name_suffix: Option<String>,
    /// `spec.patches`.
    pub patches: Vec<Patch>,
    /// `spec.images`.
    pub images: Vec<Image>,
    /// `spec.components`.
    pub components: Vec<String>,
    /// `spec.commonMetadata.labels`.
    pub common_labels: BTreeMap<String, String>,
    /// `spec.commonMetadata.annotations`.
    pub common_annotations: BTreeMap<String, String>,
    /// `spec.suspend`.
    pub suspend: bool,
    /// `spec.dependsOn` as `namespace/name`.
    pub depends_on: Vec<String>,
    /// `spec.ignoreMissingComponents`: components not in the artifact are
    /// left out instead of failing the build.
    pub ignore_missing_components: bool,
    /// `spec.buildMetadata`.
    pub build_metadata: Vec<String>,
    /// `spec.postBuild`, its variables already resolved.
    pub post_build: Option<PostBuild>,
    /// Refuse (before applying anything) objects outside this namespace,
    /// cluster-scoped ones included.
    pub confine_to_namespace: Option<String>,
}

/// Post-build variable substitution (`spec.postBuild`), with the variables
/// from `substitute` and `substituteFrom` merged by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostBuild {
    /// Variable values.
    pub variables: BTreeMap<String, String>,
    /// `substituteStrategy: Always`: substitute (defaults, strict checks)
    /// even when no variable is set.
    pub always: bool,
}

impl Spec {
    /// A spec with Flux's defaults (interval 10 m, prune off).
    pub fn new(namespace: &str, name: &str) -> Self {
        let interval = Duration::from_secs(600);
        Self {
            name: name.into(),
            namespace: namespace.into(),
            path: "./".into(),
            prune: false,
            force: false,
            wait: false,
            health_checks: Vec::new(),
            timeout: default_timeout(interval),
            retry_interval: interval,
            target_namespace: None,
            name_prefix: None,
            name_suffix: None,
            patches: Vec::new(),
            images: Vec::new(),
            components: Vec::new(),
            common_labels: BTreeMap::new(),
            common_annotations: BTreeMap::new(),
            suspend: false,
            depends_on: Vec::new(),
            ignore_missing_components: false,
            build_metadata: Vec::new(),
            post_build: None,
            confine_to_namespace: None,
        }
    }

    /// `namespace/name`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }
}

/// Flux's default timeout: interval − 30 s, but at least 30 s.
pub fn default_timeout(interval: Duration) -> Duration {
    interval
        .saturating_sub(Duration::from_secs(30))
        .max(Duration::from_secs(30))
}

/// Refusals before a prune deletes too much.
#[derive(Clone, Debug)]
pub struct PruneGuard {
    /// The largest share of the inventory one reconcile may delete.
    pub max_share: f64,
    /// Allow deleting Namespaces.
    pub allow_namespaces: bool,
    /// Allow deleting CustomResourceDefinitions.
    pub allow_crds: bool,
    /// The share rule only applies when more objects than this would go,
    /// so that small Kustomizations can rename or drop an object.
    pub min_objects: usize,
}

impl Default for PruneGuard {
    fn default() -> Self {
        Self {
            max_share: 0.5,
            allow_namespaces: false,
            allow_crds: false,
            min_objects: 2,
        }
    }
}

impl PruneGuard {
    /// No limits (what Flux does).
    pub fn off() -> Self {
        Self {
            max_share: 1.0,
            allow_namespaces: true,
            allow_crds: true,
            min_objects: 0,
        }
    }

    /// `Err` with the reason when the plan must be refused.
    pub fn check(&self, stale: &[ObjectRef], inventory_size: usize) -> Result<(), String> {
        let deleting = |kind: &str| {
            stale
                .iter()
                .filter(|o| o.kind == kind)
                .map(|o| o.to_string())
                .collect::<Vec<_>>()
        };
        let ns = deleting("Namespace");
        if !self.allow_namespaces && !ns.is_empty() {
            return Err(format!(
                "prune guard: refusing to delete Namespace(s) {} (allow namespace pruning to proceed)",
                ns.join(", ")
            ));
        }
        let crds = deleting("CustomResourceDefinition");
        if !self.allow_crds && !crds.is_empty() {
            return Err(format!(
                "prune guard: refusing to delete CustomResourceDefinition(s) {} (allow CRD pruning to proceed)",
                crds.join(", ")
            ));
        }
        if inventory_size > 0 && stale.len() > self.min_objects {
            let share = stale.len() as f64 / inventory_size as f64;
            if share > self.max_share {
                return Err(format!(
                    "prune guard: refusing to delete {} of {} objects ({:.0}% > {:.0}% allowed)",
                    stale.len(),
                    inventory_size,
                    share * 100.0,
                    self.max_share * 100.0
                ));
            }
        }
        Ok(())
    }
}

/// How to reconcile.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Apply settings (field manager, dry run, …); `force` comes from the spec.
    pub apply: ApplyOptions,
    /// Prune limits.
    pub prune_guard: PruneGuard,
    /// No wait (health, stage readiness) runs past this instant.
    pub deadline: Option<Instant>,
}

/// Told when a reconcile reaches a point Flux shows in its status, so a
/// caller can show it too while the (long) next phase runs.
pub trait Progress: Send + Sync {
    /// Health checks start on what was applied (`inventory`).
    fn health_checks(&self, inventory: &[Entry]) -> futures::future::BoxFuture<'_, ()>;
}

/// Progress nobody watches.
pub struct Quiet;

impl Progress for Quiet {
    fn health_checks(&self, _: &[Entry]) -> futures::future::BoxFuture<'_, ()> {
        Box::pin(async {})
    }
}

/// Where a reconcile ended: the phase that failed, or `Done`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// kustomize build (and post-build substitution).
    Build,
    /// Server-side apply.
    Apply,
    /// Deleting stale objects.
    Prune,
    /// Health checks.
    Health,
    /// Everything succeeded.
    Done,
}

/// The result of one reconcile.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Where it ended.
    pub phase: Phase,
    /// The Ready condition.
    pub ready: Condition,
    /// The Healthy condition, when health checks ran (`None` once the
    /// health phase was reached means there was nothing to check).
    pub healthy: Option<Condition>,
    /// The new inventory; `None` when apply did not complete (keep the old).
    pub inventory: Option<Vec<Entry>>,
    /// Per-object actions.
    pub changes: Vec<Change>,
    /// The revision now applied, on success.
    pub applied_revision: Option<String>,
    /// The failure was an API outage (retry soon), not a refusal.
    pub transient: bool,
    /// What the build read, when it ran and succeeded: a later revision
    /// under which these still hold builds the same objects.
    pub inputs: Option<Inputs>,
}

impl Outcome {
    /// A reconcile that failed in `phase`: Ready=False with `reason`,
    /// inventory unchanged.
    pub fn failed(phase: Phase, reason: &str, message: String, changes: Vec<Change>) -> Self {
        Self {
            phase,
            ready: Condition::new("Ready", false, reason, message),
            healthy: None,
            inventory: None,
            changes,
            applied_revision: None,
            transient: false,
            inputs: None,
        }
    }

    /// Whether Ready is True.
    pub fn is_ready(&self) -> bool {
        self.ready.status == "True"
    }
}

/// Removes repeated entries, keeping the first: Flux stores the inventory in
/// apply order.
fn dedup_in_order(v: &mut Vec<Entry>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|e| seen.insert(e.clone()));
}

/// Joins `rel` under `root` lexically, refusing to climb out.
pub fn secure_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir | Component::RootDir => {}
            Component::ParentDir => {
                if out == root {
                    return None;
                }
                out.pop();
            }
            Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Builds the Kustomization's objects from the artifact at `root`, with
/// owner labels, commonMetadata and post-build substitution applied.
pub fn build(spec: &Spec, root: &Path) -> Result<Vec<Value>, (String, String)> {
    build_with(spec, root, None)
}

/// [`build`], also returning everything it read from the artifact.
pub fn build_traced(spec: &Spec, root: &Path) -> Result<(Vec<Value>, Inputs), (String, String)> {
    let trace = Trace::new(root);
    let objects = build_with(spec, root, Some(&trace))?;
    Ok((objects, trace.inputs()))
}

fn build_with(
    spec: &Spec,
    root: &Path,
    trace: Option<&Trace>,
) -> Result<Vec<Value>, (String, String)> {
    let is_dir = |p: &Path| trace.map_or_else(|| p.is_dir(), |t| t.is_dir(p));
    let exists = |p: &Path| trace.map_or_else(|| p.exists(), |t| t.exists(p));
    let dir = secure_join(root, &spec.path).ok_or_else(|| {
        (
            reason::ARTIFACT_FAILED.to_string(),
            format!("illegal path '{}'", spec.path),
        )
    })?;
    if !is_dir(&dir) {
        return Err((
            reason::ARTIFACT_FAILED.into(),
            format!("kustomization path not found: {}", spec.path),
        ));
    }
    let components = if spec.ignore_missing_components {
        // Relative to the kustomization directory, as kustomize resolves them.
        spec.components
            .iter()
            .filter(|c| secure_join(&dir, c).is_some_and(|p| exists(&p)))
            .cloned()
            .collect()
    } else {
        spec.components.clone()
    };
    let opts = BuildOptions {
        root: Some(root.to_path_buf()),
        load_restrictions: LoadRestrictions::None,
        overrides: Some(Overrides {
            namespace: spec.target_namespace.clone(),
            name_prefix: spec.name_prefix.clone(),
            name_suffix: spec.name_suffix.clone(),
            patches: spec.patches.clone(),
            images: spec.images.clone(),
            components,
            build_metadata: spec.build_metadata.clone(),
        }),
        trace: trace.cloned(),
    };
    // Flux's wording, so alerts matching on it keep working.
    let mut objects = sluice_kustomize::build(&dir, &opts).map_err(|e| {
        (
            reason::BUILD_FAILED.to_string(),
            format!("kustomize build failed: {e}"),
        )
    })?;
    if let Some(pb) = &spec.post_build {
        crate::substitute::substitute_all(&mut objects, pb)
            .map_err(|e| (reason::BUILD_FAILED.to_string(), e))?;
    }
    for o in &mut objects {
        if o.get("kind").and_then(Value::as_str) == Some("Secret") && o.get("sops").is_some() {
            let r = object_ref(o);
            return Err((
                reason::BUILD_FAILED.into(),
                format!(
                    "{r} is SOPS encrypted, configuring decryption is required for this secret to be reconciled"
                ),
            ));
        }
        let Some(md) = o.get_mut("metadata").and_then(Value::as_object_mut) else {
            continue;
        };
        for (field, extra, owner) in [
            ("labels", &spec.common_labels, true),
            ("annotations", &spec.common_annotations, false),
        ] {
            if extra.is_empty() && !owner {
                continue;
            }
            let m = md
                .entry(field)
                .or_insert_with(|| Value::Object(Default::default()));
            if !m.is_object() {
                *m = Value::Object(Default::default());
            }
            if let Some(m) = m.as_object_mut() {
                if owner {
                    // Flux reads labels as strings before adding its own:
                    // null reads as "", and any other non-string value
                    // makes it drop them all.
                    if m.values().any(|v| !v.is_string() && !v.is_null()) {
                        m.clear();
                    }
                    for v in m.values_mut().filter(|v| v.is_null()) {
                        *v = Value::String(String::new());
                    }
                }
                for (k, v) in extra {
                    m.insert(k.clone(), Value::String(v.clone()));
                }
                if owner {
                    m.insert(OWNER_NAME_LABEL.into(), Value::String(spec.name.clone()));
                    m.insert(
                        OWNER_NAMESPACE_LABEL.into(),
                        Value::String(spec.namespace.clone()),
                    );
                }
            }
        }
    }
    crate::apply::normalize::normalize_all(&mut objects);
    Ok(objects)
}

/// [`build`] on the blocking pool: a large build must not stall the
/// runtime's workers (watches, leases, other reconciles).
pub async fn build_off_runtime(
    spec: &Spec,
    root: &Path,
) -> Result<(Vec<Value>, Inputs), (String, String)> {
    let (spec, root) = (spec.clone(), root.to_path_buf());
    tokio::task::spawn_blocking(move || build_traced(&spec, &root))
        .await
        .unwrap_or_else(|e| {
            Err((
                reason::BUILD_FAILED.to_string(),
                format!("kustomize build failed: {e}"),
            ))
        })
}

/// The change log Flux appends to a failure message, capped so the
/// condition stays readable.
fn change_log(changes: &[Change]) -> String {
    const MAX_LINES: usize = 50;
    let lines: Vec<String> = changes
        .iter()
        .filter(|c| c.action.is_change())
        .map(|c| format!("{} {}", c.object, c.action.as_str()))
        .collect();
    let mut out = lines
        .iter()
        .take(MAX_LINES)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if lines.len() > MAX_LINES {
        out.push_str(&format!("\n... and {} more", lines.len() - MAX_LINES));
    }
    out
}

/// Reconciles `spec` from the artifact unpacked at `root` at `revision`.
pub async fn reconcile(
    applier: &Applier,
    spec: &Spec,
    root: &Path,
    revision: &str,
    old_inventory: &[Entry],
    opts: &Options,
    progress: &dyn Progress,
) -> Outcome {
    let started = Instant::now();
    let (objects, inputs) = match build_off_runtime(spec, root).await {
        Ok(o) => o,
        Err((reason, message)) => {
            return Outcome::failed(Phase::Build, &reason, message, Vec::new());
        }
    };
    // Measured when each wait starts, so a slow apply shortens the health
    // check instead of letting it run past the deadline.
    let bounded = |t: Duration| {
        opts.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
            .map_or(t, |r| r.min(t))
    };
    if let Some(ns) = &spec.confine_to_namespace
        && let Err(msg) = applier.confined(&objects, ns).await
    {
        return Outcome::failed(Phase::Apply, reason::RECONCILIATION_FAILED, msg, Vec::new());
    }
    let apply_opts = ApplyOptions {
        force: spec.force,
        stage_timeout: bounded(opts.apply.stage_timeout),
        ..opts.apply.clone()
    };
    let mut changes = match applier.apply_all(&objects, &apply_opts).await {
        Ok(c) => c,
        Err((changes, e)) => {
            // Flux always joins the error and the change log with a
            // newline, even when the log is empty.
            let message = format!("{e}\n{}", change_log(&changes));
            let mut out = Outcome::failed(
                Phase::Apply,
                reason::RECONCILIATION_FAILED,
                message,
                changes,
            );
            out.transient = e.is_transient();
            return out;
        }
    };
    // Like Flux, the inventory is the change set, skipped objects included.
    let new_inventory: Vec<Entry> = {
        let mut v: Vec<Entry> = changes.iter().map(|c| c.object.entry()).collect();
        dedup_in_order(&mut v);
        v
    };
    if spec.prune {
        let stale = inventory::stale(old_inventory, &new_inventory);
        if !stale.is_empty() {
            if let Err(msg) = opts.prune_guard.check(&stale, old_inventory.len()) {
                let mut out = Outcome::failed(Phase::Prune, reason::PRUNE_FAILED, msg, changes);
                // Everything was applied: the new objects are in the
                // inventory, and the refused ones stay in it.
                let mut inv = new_inventory.clone();
                inv.extend(stale.iter().map(ObjectRef::entry));
                dedup_in_order(&mut inv);
                out.inventory = Some(inv);
                return out;
            }
            match applier
                .prune(&stale, &spec.name, &spec.namespace, opts.apply.dry_run)
                .await
            {
                Ok(c) => changes.extend(c),
                Err((c, e)) => {
                    // Undeleted objects stay in the inventory.
                    let mut inv = new_inventory.clone();
                    let deleted: Vec<ObjectRef> = c
                        .iter()
                        .filter(|x| x.action == Action::Deleted)
                        .map(|x| x.object.clone())
                        .collect();
                    inv.extend(
                        stale
                            .iter()
                            .filter(|s| !deleted.contains(s))
                            .map(ObjectRef::entry),
                    );
                    dedup_in_order(&mut inv);
                    changes.extend(c);
                    let mut out =
                        Outcome::failed(Phase::Prune, reason::PRUNE_FAILED, e.to_string(), changes);
                    out.inventory = Some(inv);
                    return out;
                }
            }
        }
    }
    let health = Health {
        changes: &changes,
        inventory: &new_inventory,
        timeout: bounded(spec.timeout),
        progress,
    };
    let healthy = match check_health(applier, spec, health, opts).await {
        Ok(h) => h,
        Err(h) => return h.outcome(changes, new_inventory),
    };
    tracing::info!(kustomization = %spec.id(), revision, elapsed = ?started.elapsed(), "reconciled");
    Outcome {
        phase: Phase::Done,
        ready: Condition::new(
            "Ready",
            true,
            reason::RECONCILIATION_SUCCEEDED,
            format!("Applied revision: {revision}"),
        ),
        healthy,
        inventory: Some(new_inventory),
        changes,
        applied_revision: Some(revision.to_string()),
        transient: false,
        inputs: Some(inputs),
    }
}

/// Waits for what the Kustomization checks: every applied object (`wait`)
/// or its `healthChecks`. `Ok(None)` when it checks nothing; `Err` holds
/// the failed Healthy condition.
/// What a health check runs on.
struct Health<'a> {
    changes: &'a [Change],
    inventory: &'a [Entry],
    timeout: Duration,
    progress: &'a dyn Progress,
}

async fn check_health(
    applier: &Applier,
    spec: &Spec,
    health: Health<'_>,
    opts: &Options,
) -> Result<Option<Condition>, HealthFailure> {
    let Health {
        changes,
        inventory,
        timeout,
        progress,
    } = health;
    if opts.apply.dry_run || (!spec.wait && spec.health_checks.is_empty()) {
        return Ok(None);
    }
    let candidates: Vec<ObjectRef> = if spec.wait {
        changes
            .iter()
            .filter(|c| !matches!(c.action, Action::Skipped | Action::Deleted))
            .map(|c| c.object.clone())
            .collect()
    } else {
        spec.health_checks.clone()
    };
    if candidates.is_empty() {
        return Ok(None);
    }
    // Never wait on itself.
    let targets: Vec<ObjectRef> = candidates
        .into_iter()
        .filter(|o| {
            !(o.kind == "Kustomization" && o.name == spec.name && o.namespace == spec.namespace)
        })
        .collect();
    progress.health_checks(inventory).await;
    let started = Instant::now();
    match applier
        .wait_current(&targets, timeout, Duration::from_secs(2))
        .await
    {
        Ok(()) => Ok(Some(Condition::new(
            "Healthy",
            true,
            reason::SUCCEEDED,
            format!(
                "Health check passed in {}",
                crate::conditions::go_duration(started.elapsed())
            ),
        ))),
        Err(msg) => Err(HealthFailure {
            ready: format!(
                "health check failed after {}: {msg}",
                crate::conditions::go_duration(started.elapsed())
            ),
            healthy: Condition::new("Healthy", false, reason::HEALTH_CHECK_FAILED, msg),
        }),
    }
}

/// A failed health check as Flux reports it: Healthy holds the wait's
/// error, Ready the same error with the time it took.
struct HealthFailure {
    ready: String,
    healthy: Condition,
}

impl HealthFailure {
    fn outcome(self, changes: Vec<Change>, inventory: Vec<Entry>) -> Outcome {
        let mut out = Outcome::failed(
            Phase::Health,
            reason::HEALTH_CHECK_FAILED,
            self.ready,
            changes,
        );
        out.healthy = Some(self.healthy);
        out.inventory = Some(inventory);
        out
    }
}

/// Takes `revision` without building or applying: the caller knows the
/// build would give what the last full reconcile applied (`applied`, its
/// changes; `inventory`, its inventory), because everything that build
/// read is the same in the new artifact. Health is still checked, as a full
/// reconcile would; drift is left to the next full reconcile, due at the
/// interval.
pub async fn reconcile_unchanged(
    applier: &Applier,
    spec: &Spec,
    revision: &str,
    applied: &[Change],
    inventory: &[Entry],
    opts: &Options,
    progress: &dyn Progress,
) -> Outcome {
    let timeout = opts
        .deadline
        .map(|d| d.saturating_duration_since(Instant::now()))
        .map_or(spec.timeout, |r| r.min(spec.timeout));
    let changes: Vec<Change> = applied
        .iter()
        .filter(|c| c.action != Action::Deleted)
        .map(|c| Change {
            object: c.object.clone(),
            action: if c.action == Action::Skipped {
                Action::Skipped
            } else {
                Action::Unchanged
            },
            planned: None,
        })
        .collect();
    let health = Health {
        changes: &changes,
        inventory,
        timeout,
        progress,
    };
    match check_health(applier, spec, health, opts).await {
        Ok(healthy) => Outcome {
            phase: Phase::Done,
            ready: Condition::new(
                "Ready",
                true,
                reason::RECONCILIATION_SUCCEEDED,
                format!("Applied revision: {revision}"),
            ),
            healthy,
            inventory: Some(inventory.to_vec()),
            changes,
            applied_revision: Some(revision.to_string()),
            transient: false,
            inputs: None,
        },
        Err(h) => h.outcome(changes, inventory.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(kind: &str, name: &str) -> ObjectRef {
        ObjectRef {
            group: String::new(),
            version: "v1".into(),
            kind: kind.into(),
            namespace: "ns".into(),
            name: name.into(),
        }
    }

    #[test]
    fn prune_guard() {
        let g = PruneGuard::default();
        assert!(g.check(&[o("ConfigMap", "a")], 4).is_ok());
        assert!(
            g.check(&[o("ConfigMap", "a"), o("ConfigMap", "b")], 4)
                .is_ok(),
            "exactly half is allowed"
        );
        assert!(
            g.check(
                &[
                    o("ConfigMap", "a"),
                    o("ConfigMap", "b"),
                    o("ConfigMap", "c")
                ],
                4
            )
            .is_err()
        );
        let e = g.check(&[o("Namespace", "x")], 100).expect_err("namespace");
        assert!(e.contains("Namespace"), "{e}");
        assert!(PruneGuard::off().check(&[o("Namespace", "x")], 1).is_ok());
        assert!(
            g.check(&[o("ConfigMap", "only")], 1).is_ok(),
            "renaming the only object is not a mass deletion"
        );
    }

    #[test]
    fn secure_join_refuses_escapes() {
        let root = Path::new("/a/b");
        assert_eq!(
            secure_join(root, "./apps/x"),
            Some(PathBuf::from("/a/b/apps/x"))
        );
        assert_eq!(
            secure_join(root, "apps/../infra"),
            Some(PathBuf::from("/a/b/infra"))
        );
        assert_eq!(secure_join(root, "../../etc"), None);
        assert_eq!(secure_join(root, "/abs"), Some(PathBuf::from("/a/b/abs")));
    }
}

//! Kustomization: find the source's artifact, check dependencies, build and
//! apply through `sluice_appliers`, and write Flux's status (conditions,
//! inventory, revisions) so that `flux get ks` and the Azure agent read it.

use anyhow::Result;
use kube::api::{Api, DynamicObject};
use serde_json::{Value, json};
use sluice_appliers::conditions::{Condition, reason};
use sluice_appliers::kustomization::{self as ks, Options, Outcome, Spec};

use super::Context;
use crate::flux;

/// How one attempt ended.
#[derive(Clone, Debug)]
pub enum Attempt {
    /// Built, applied (and health-checked); see the outcome's Ready.
    Ran(Box<Outcome>),
    /// Not run: a dependency is not ready on this revision.
    DependencyNotReady(String),
    /// Not run: the source has no usable artifact.
    ArtifactFailed(String),
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
            Attempt::DependencyNotReady(m) | Attempt::ArtifactFailed(m) => m.clone(),
            Attempt::Suspended => "Reconciliation is suspended for this object".into(),
        }
    }
}

fn meta<'a>(obj: &'a Value, field: &str) -> &'a str {
    obj.pointer(&format!("/metadata/{field}"))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The artifact of the Kustomization's source: (path, revision, digest).
async fn source_artifact(
    ctx: &Context,
    obj: &Value,
) -> std::result::Result<(String, String, String), String> {
    let ns = meta(obj, "namespace");
    let kind = obj
        .pointer("/spec/sourceRef/kind")
        .and_then(Value::as_str)
        .unwrap_or("GitRepository");
    let name = obj
        .pointer("/spec/sourceRef/name")
        .and_then(Value::as_str)
        .ok_or("spec.sourceRef.name is required")?;
    let src_ns = obj
        .pointer("/spec/sourceRef/namespace")
        .and_then(Value::as_str)
        .unwrap_or(ns);
    if kind != "GitRepository" {
        return Err(format!(
            "source kind '{kind}' is not supported by Sluice yet (only GitRepository)"
        ));
    }
    let ar = flux::git_repository_resource();
    let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), src_ns, &ar);
    let src = match api.get_opt(name).await {
        Ok(Some(s)) => flux::to_value(&s),
        Ok(None) => {
            return Err(format!(
                "GitRepository.source.toolkit.fluxcd.io \"{name}\" not found"
            ));
        }
        Err(e) => return Err(format!("failed to get source {src_ns}/{name}: {e}")),
    };
    let field = |k: &str| {
        src.pointer(&format!("/status/artifact/{k}"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    match (field("path"), field("revision"), field("digest")) {
        (Some(p), Some(r), Some(d)) => Ok((p, r, d)),
        _ => Err("Source artifact not found, retrying in 30s".into()),
    }
}

/// Flux's built-in dependency check, read from the cluster: each dependency
/// exists, is Ready at its current generation and, when it uses the same
/// source, has applied `revision`.
pub async fn check_dependencies(
    ctx: &Context,
    obj: &Value,
    spec: &Spec,
    revision: &str,
) -> std::result::Result<(), String> {
    let ar = flux::kustomization_resource();
    let source = |o: &Value| {
        let ns = meta(o, "namespace").to_string();
        (
            o.pointer("/spec/sourceRef/kind")
                .and_then(Value::as_str)
                .unwrap_or("GitRepository")
                .to_string(),
            o.pointer("/spec/sourceRef/name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            o.pointer("/spec/sourceRef/namespace")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or(ns),
        )
    };
    for dep in &spec.depends_on {
        let (dns, dname) = dep.split_once('/').unwrap_or(("default", dep.as_str()));
        let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), dns, &ar);
        let d = match api.get_opt(dname).await {
            Ok(Some(d)) => flux::to_value(&d),
            Ok(None) => {
                return Err(format!(
                    "dependency '{dep}' not found: Kustomization.kustomize.toolkit.fluxcd.io \"{dname}\" not found"
                ));
            }
            Err(e) => return Err(format!("dependency '{dep}' not found: {e}")),
        };
        let ready = flux::conditions(&d)
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True");
        let generation = d.pointer("/metadata/generation").and_then(Value::as_i64);
        let observed = d
            .pointer("/status/observedGeneration")
            .and_then(Value::as_i64);
        if !ready || generation != observed {
            return Err(format!("dependency '{dep}' is not ready"));
        }
        if source(&d) == source(obj) {
            let applied = d
                .pointer("/status/lastAppliedRevision")
                .and_then(Value::as_str);
            if applied != Some(revision) {
                return Err(format!("dependency '{dep}' revision is not up to date"));
            }
        }
    }
    Ok(())
}

/// Reconciles one Kustomization and patches its status.
pub async fn reconcile_kustomization(
    ctx: &Context,
    obj: &Value,
    opts: &Options,
) -> Result<Attempt> {
    let spec = flux::kustomization_spec(obj)?;
    let ar = flux::kustomization_resource();
    let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), &spec.namespace, &ar);
    if spec.suspend {
        tracing::info!(kustomization = %spec.id(), "Reconciliation is suspended for this object");
        return Ok(Attempt::Suspended);
    }
    let writer = StatusWriter::new(&api, obj, &spec.name, opts.apply.dry_run);
    let (path, revision, digest) = match source_artifact(ctx, obj).await {
        Ok(a) => a,
        Err(msg) => {
            writer.failed(reason::ARTIFACT_FAILED, &msg, None).await?;
            return Ok(Attempt::ArtifactFailed(msg));
        }
    };
    if let Err(msg) = check_dependencies(ctx, obj, &spec, &revision).await {
        writer
            .failed(reason::DEPENDENCY_NOT_READY, &msg, None)
            .await?;
        return Ok(Attempt::DependencyNotReady(msg));
    }
    writer.progressing(&revision, &spec).await?;
    let dir = match ctx.unpacked(&path, &digest).await {
        Ok(d) => d,
        Err(e) => {
            let msg = format!("{e:#}");
            writer
                .failed(reason::ARTIFACT_FAILED, &msg, Some(&revision))
                .await?;
            return Ok(Attempt::ArtifactFailed(msg));
        }
    };
    let applier = match ctx
        .applier(&spec.namespace, flux::service_account(obj))
        .await
    {
        Ok(a) => a,
        Err(e) => {
            let msg = format!("failed to build kube client: {e:#}");
            writer
                .failed(reason::RECONCILIATION_FAILED, &msg, Some(&revision))
                .await?;
            return Ok(Attempt::Ran(Box::new(Outcome::failed(
                reason::RECONCILIATION_FAILED,
                msg,
                Vec::new(),
            ))));
        }
    };
    let old_inventory = flux::inventory(obj);
    let outcome = ks::reconcile(&applier, &spec, dir.path(), &revision, &old_inventory, opts).await;
    writer.finished(&outcome, &revision).await?;
    Ok(Attempt::Ran(Box::new(outcome)))
}

/// Writes a Kustomization's status as kustomize-controller does, keeping
/// what a failed attempt must not lose (last applied revision, inventory).
struct StatusWriter<'a> {
    api: &'a Api<DynamicObject>,
    obj: &'a Value,
    name: &'a str,
    dry_run: bool,
    /// The conditions as last written (the object's, before any write), so
    /// transition times follow every step of one reconcile.
    written: std::sync::Mutex<Option<Vec<Condition>>>,
    /// The last Reconciling message, which a failure keeps (as Flux).
    progress: std::sync::Mutex<Option<String>>,
}

/// Flux's condition order: Stalled, Reconciling, Ready, then the rest by
/// type.
fn flux_order(conds: &mut [Condition]) {
    let rank = |t: &str| match t {
        "Stalled" => 0,
        "Reconciling" => 1,
        "Ready" => 2,
        _ => 3,
    };
    conds.sort_by(|a, b| {
        rank(&a.type_)
            .cmp(&rank(&b.type_))
            .then_with(|| a.type_.cmp(&b.type_))
    });
}

impl<'a> StatusWriter<'a> {
    fn new(api: &'a Api<DynamicObject>, obj: &'a Value, name: &'a str, dry_run: bool) -> Self {
        Self {
            api,
            obj,
            name,
            dry_run,
            written: std::sync::Mutex::new(None),
            progress: std::sync::Mutex::new(None),
        }
    }

    fn previous(&self) -> Vec<Condition> {
        self.written
            .lock()
            .ok()
            .and_then(|w| w.clone())
            .unwrap_or_else(|| flux::conditions(self.obj))
    }

    fn healthy(&self) -> Option<Condition> {
        self.previous().into_iter().find(|c| c.type_ == "Healthy")
    }

    /// `Reconciling` after a failure: ProgressingWithRetry with the last
    /// progress message (as Flux), or `fallback` when there was none.
    fn retrying(&self, prev: &[Condition], fallback: Option<&str>) -> Option<Condition> {
        let progress = self.progress.lock().ok().and_then(|p| p.clone());
        progress.or_else(|| fallback.map(str::to_string)).map(|m| {
            Condition::new("Reconciling", true, reason::PROGRESSING_WITH_RETRY, m)
                .carry_transition(prev)
        })
    }

    /// The status fields carried over unchanged.
    fn carried(&self) -> Value {
        let mut s = json!({});
        for k in [
            "lastAppliedRevision",
            "lastAttemptedRevision",
            "inventory",
            "observedGeneration",
        ] {
            if let Some(v) = self.obj.pointer(&format!("/status/{k}")) {
                s[k] = v.clone();
            }
        }
        s
    }

    /// Writes `status` with `conds` as its conditions, in Flux's order.
    async fn write(&self, mut conds: Vec<Condition>, mut status: Value) -> Result<()> {
        if self.dry_run {
            return Ok(());
        }
        flux_order(&mut conds);
        flux::stamp_generation(&mut conds, self.obj);
        status["conditions"] = serde_json::to_value(&conds)?;
        if let Ok(mut w) = self.written.lock() {
            *w = Some(conds);
        }
        flux::patch_status(
            self.api,
            &flux::kustomization_resource(),
            self.name,
            status,
            flux::STATUS_MANAGER_KUSTOMIZE,
        )
        .await
    }

    async fn progressing(&self, revision: &str, spec: &Spec) -> Result<()> {
        let prev = self.previous();
        let mut s = self.carried();
        let message = format!(
            "Building manifests for revision {revision} with a timeout of {}",
            flux::format_duration(spec.timeout)
        );
        if let Ok(mut p) = self.progress.lock() {
            *p = Some(message.clone());
        }
        let mut conds = vec![
            Condition::unknown("Ready", reason::PROGRESSING, "Reconciliation in progress")
                .carry_transition(&prev),
            Condition::new("Reconciling", true, reason::PROGRESSING, message)
                .carry_transition(&prev),
        ];
        if let Some(h) = self.healthy() {
            conds.push(h);
        }
        s["lastAttemptedRevision"] = json!(revision);
        self.write(conds, s).await
    }

    /// Ready=False. `Reconciling` (ProgressingWithRetry, keeping the last
    /// progress message) only once the reconcile got under way, as Flux:
    /// a missing artifact or an unready dependency sets Ready alone.
    async fn failed(&self, why: &str, message: &str, revision: Option<&str>) -> Result<()> {
        let prev = self.previous();
        let mut s = self.carried();
        let mut conds = vec![Condition::new("Ready", false, why, message).carry_transition(&prev)];
        conds.extend(self.retrying(&prev, None));
        conds.extend(self.healthy());
        if let Some(r) = revision {
            s["lastAttemptedRevision"] = json!(r);
        }
        self.write(conds, s).await
    }

    async fn finished(&self, outcome: &Outcome, revision: &str) -> Result<()> {
        let prev = self.previous();
        let mut s = self.carried();
        let mut conds = vec![outcome.ready.clone().carry_transition(&prev)];
        if let Some(h) = &outcome.healthy {
            conds.push(h.clone().carry_transition(&prev));
        }
        if !outcome.is_ready() {
            conds.extend(self.retrying(&prev, Some("Reconciliation in progress")));
        }
        s["lastAttemptedRevision"] = json!(revision);
        if let Some(inv) = &outcome.inventory {
            s["inventory"] = json!({ "entries": inv });
        }
        if let Some(r) = &outcome.applied_revision {
            s["lastAppliedRevision"] = json!(r);
        }
        if outcome.is_ready()
            && let Some(g) = self.obj.pointer("/metadata/generation")
        {
            s["observedGeneration"] = g.clone();
        }
        self.write(conds, s).await
    }
}

/// Marks a Kustomization not ready without running it (blocked by its
/// dependencies, or invalid).
pub async fn mark_not_ready(ctx: &Context, obj: &Value, why: &str, message: &str) -> Result<()> {
    let name = meta(obj, "name");
    let namespace = meta(obj, "namespace");
    let api: Api<DynamicObject> = Api::namespaced_with(
        ctx.client.clone(),
        namespace,
        &flux::kustomization_resource(),
    );
    StatusWriter::new(&api, obj, name, false)
        .failed(why, message, None)
        .await
}

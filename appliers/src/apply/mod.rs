//! Applying objects to a cluster as Flux's kustomize-controller does:
//! server-side apply under the field manager `kustomize-controller`, in
//! stages (CRDs, Namespaces and ClusterRoles first and waited for; then
//! `*Class` kinds; then the rest), only what drifted, with per-object
//! opt-outs, force re-creation of immutable objects, prune and health.

pub mod discovery;
pub mod health;
pub mod inventory;
pub mod normalize;
pub mod order;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures::StreamExt;
use kube::api::{Api, DeleteParams, DynamicObject, Patch, PatchParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiCapabilities, ApiResource, Scope};
use serde_json::{Map, Value};

use self::discovery::ClusterTypes;
use self::health::Status;
use self::inventory::ObjectRef;
use crate::error::{Error, Result};

/// Flux's default field manager, so Sluice can take over from Flux.
pub const DEFAULT_FIELD_MANAGER: &str = "kustomize-controller";
/// The owner labels Flux puts on everything a Kustomization applies.
pub const OWNER_NAME_LABEL: &str = "kustomize.toolkit.fluxcd.io/name";
/// See [`OWNER_NAME_LABEL`].
pub const OWNER_NAMESPACE_LABEL: &str = "kustomize.toolkit.fluxcd.io/namespace";
const RECONCILE_KEY: &str = "kustomize.toolkit.fluxcd.io/reconcile";
const SSA_KEY: &str = "kustomize.toolkit.fluxcd.io/ssa";
const PRUNE_KEY: &str = "kustomize.toolkit.fluxcd.io/prune";
const FORCE_KEY: &str = "kustomize.toolkit.fluxcd.io/force";

/// What happened to one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// Did not exist; created.
    Created,
    /// Existed and drifted; applied.
    Configured,
    /// Existed and matched.
    Unchanged,
    /// Left alone by an annotation.
    Skipped,
    /// Pruned.
    Deleted,
    /// Would be created/configured/deleted (dry run).
    Planned,
}

impl Action {
    /// Flux's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Configured => "configured",
            Action::Unchanged => "unchanged",
            Action::Skipped => "skipped",
            Action::Deleted => "deleted",
            Action::Planned => "planned",
        }
    }

    /// Whether the cluster changed (what Flux's change log lists).
    pub fn is_change(self) -> bool {
        matches!(self, Action::Created | Action::Configured | Action::Deleted)
    }
}

/// One object's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The object.
    pub object: ObjectRef,
    /// What happened.
    pub action: Action,
    /// For dry runs: what would happen (`create`, `configure`, `prune`).
    pub planned: Option<&'static str>,
}

/// Knobs for applying.
#[derive(Clone, Debug)]
pub struct ApplyOptions {
    /// Server-side apply field manager.
    pub field_manager: String,
    /// Re-create objects whose apply fails as invalid, conflicting or immutable.
    pub force: bool,
    /// Objects applied concurrently within a stage.
    pub concurrency: usize,
    /// How long stage 1 and 2 objects may take to become ready.
    pub stage_timeout: Duration,
    /// Only compute the plan; change nothing.
    pub dry_run: bool,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        Self {
            field_manager: DEFAULT_FIELD_MANAGER.into(),
            force: false,
            concurrency: 8,
            stage_timeout: Duration::from_secs(60),
            dry_run: false,
        }
    }
}

/// One object after the dry-run phase: its outcome, and the apply still to
/// do, if any.
struct Planned {
    change: Change,
    apply: Option<(Api<DynamicObject>, Value)>,
}

impl Planned {
    fn done(change: Change) -> Self {
        Self {
            change,
            apply: None,
        }
    }
}

/// Applies, prunes and health-checks objects on one cluster, as one user
/// (the controller, or an impersonated service account).
#[derive(Clone)]
pub struct Applier {
    client: kube::Client,
    types: ClusterTypes,
}

/// Whether `key` is set to `value` (case-insensitively) in labels or annotations.
fn meta_is(obj: &Value, key: &str, value: &str) -> bool {
    ["labels", "annotations"].iter().any(|f| {
        obj.get("metadata")
            .and_then(|m| m.get(f))
            .and_then(|m| m.get(key))
            .and_then(Value::as_str)
            .is_some_and(|v| v.eq_ignore_ascii_case(value))
    })
}

/// The identity of an object (its namespace as given).
pub fn object_ref(obj: &Value) -> ObjectRef {
    let api = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    let (group, version) = match api.rsplit_once('/') {
        Some((g, v)) => (g.to_string(), v.to_string()),
        None => (String::new(), api.to_string()),
    };
    ObjectRef {
        group,
        version,
        kind: obj
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        namespace: obj
            .pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        name: obj
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    }
}

/// Whether an API error is one Flux re-creates the object for under force:
/// any Invalid or Conflict, or a message about immutable fields.
fn is_immutable_error(e: &kube::Error) -> bool {
    match e {
        kube::Error::Api(ae) => {
            ae.code == 422
                || ae.code == 409
                || ae.reason == "Invalid"
                || ae.reason == "Conflict"
                || ae.message.contains("is immutable")
                || ae.message.contains("immutable field")
        }
        _ => false,
    }
}

/// A Kubernetes API error as one line: `(Reason) message`, not the whole
/// status object.
pub fn api_message(e: &kube::Error) -> String {
    match e {
        kube::Error::Api(ae) => format!("({}) {}", ae.reason, ae.message),
        other => other.to_string(),
    }
}

/// Managers whose fields Flux takes over before applying, so that what
/// `kubectl apply`/`edit` added is removed by the next apply: prefix and
/// operation.
const TAKEOVER_MANAGERS: &[(&str, &str)] = &[
    ("kubectl", "Apply"),
    ("kubectl", "Update"),
    ("before-first-apply", "Update"),
];
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Union of two `fieldsV1` trees.
fn merge_fields(into: &mut Value, from: &Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(k) {
                    Some(existing) => merge_fields(existing, v),
                    None => {
                        a.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (a, b) if a.is_null() => *a = b.clone(),
        _ => {}
    }
}

/// A merge patch that hands the fields of `kubectl` (and of this manager's
/// own Update entries) to `manager`'s Apply entry and drops the
/// last-applied annotation, as Flux does; `None` when there is nothing to
/// take over.
fn takeover_patch(live: &Value, manager: &str) -> Option<Value> {
    let entries = live.pointer("/metadata/managedFields")?.as_array()?;
    let matches = |e: &Value| {
        let m = e.get("manager").and_then(Value::as_str).unwrap_or("");
        let op = e.get("operation").and_then(Value::as_str).unwrap_or("");
        let sub = e.get("subresource").and_then(Value::as_str).unwrap_or("");
        sub.is_empty()
            && (TAKEOVER_MANAGERS
                .iter()
                .any(|(p, o)| m.starts_with(p) && op == *o)
                || (m == manager && op == "Update"))
    };
    let has_annotation = live
        .pointer("/metadata/annotations")
        .and_then(|a| a.get(LAST_APPLIED))
        .is_some();
    if !entries.iter().any(matches) && !has_annotation {
        return None;
    }
    let mut kept = Vec::new();
    let mut taken: Option<Value> = None;
    for e in entries {
        if matches(e) {
            let t = taken.get_or_insert_with(|| {
                serde_json::json!({
                    "manager": manager,
                    "operation": "Apply",
                    "apiVersion": e.get("apiVersion").cloned().unwrap_or(Value::Null),
                    "fieldsType": "FieldsV1",
                    "fieldsV1": {},
                })
            });
            if let (Some(dst), Some(src)) = (t.get_mut("fieldsV1"), e.get("fieldsV1")) {
                merge_fields(dst, src);
            }
        } else {
            kept.push(e.clone());
        }
    }
    if let Some(t) = taken {
        match kept.iter_mut().find(|e| {
            e.get("manager").and_then(Value::as_str) == Some(manager)
                && e.get("operation").and_then(Value::as_str) == Some("Apply")
        }) {
            Some(own) => {
                if let (Some(dst), Some(src)) = (own.get_mut("fieldsV1"), t.get("fieldsV1")) {
                    merge_fields(dst, src);
                }
            }
            None => kept.push(t),
        }
    }
    let mut md = Map::new();
    md.insert("managedFields".into(), Value::Array(kept));
    if has_annotation {
        md.insert(
            "annotations".into(),
            serde_json::json!({ LAST_APPLIED: null }),
        );
    }
    Some(serde_json::json!({ "metadata": md }))
}

/// The parts of an object that count for drift: everything but status and
/// server-managed metadata (labels and annotations do count).
fn drift_view(v: &Value) -> Value {
    let mut v = v.clone();
    if let Value::Object(m) = &mut v {
        m.remove("status");
        if let Some(Value::Object(md)) = m.get_mut("metadata") {
            let keep: Map<String, Value> = md
                .iter()
                .filter(|(k, _)| {
                    matches!(k.as_str(), "labels" | "annotations" | "name" | "namespace")
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            *md = keep;
        }
    }
    v
}

impl Applier {
    /// An applier for the cluster behind `client`, discovering its types
    /// on first use.
    pub fn new(client: kube::Client) -> Self {
        Self {
            types: ClusterTypes::new(client.clone()),
            client,
        }
    }

    /// An applier acting through `client` (e.g. impersonating a service
    /// account) that shares already discovered `types`.
    pub fn with_types(client: kube::Client, types: ClusterTypes) -> Self {
        Self { client, types }
    }

    /// The discovered types this applier uses.
    pub fn types(&self) -> &ClusterTypes {
        &self.types
    }

    async fn resolve(&self, o: &ObjectRef) -> Result<Option<(ApiResource, ApiCapabilities)>> {
        let gvk = GroupVersionKind::gvk(&o.group, &o.version, &o.kind);
        self.types.resolve(&gvk).await
    }

    /// The API of `o`'s group and kind in any served version (an inventory
    /// may name a version the cluster no longer serves); `None` when the
    /// kind is gone after a successful discovery.
    async fn api_for_any_version(&self, o: &ObjectRef) -> Result<Option<Api<DynamicObject>>> {
        let found = match self.resolve(o).await? {
            Some(f) => Some(f),
            None => self.types.resolve_any_version(&o.group, &o.kind).await?,
        };
        Ok(found.map(|(ar, caps)| match caps.scope {
            Scope::Namespaced => Api::namespaced_with(self.client.clone(), &o.namespace, &ar),
            Scope::Cluster => Api::all_with(self.client.clone(), &ar),
        }))
    }

    async fn api_for(&self, o: &ObjectRef) -> Result<(Api<DynamicObject>, bool)> {
        let Some((ar, caps)) = self.resolve(o).await? else {
            return Err(Error::Build(format!(
                "{o}: no matches for kind \"{}\" in version \"{}\" (is its CRD installed?)",
                o.kind,
                o.api_version()
            )));
        };
        Ok(match caps.scope {
            Scope::Namespaced => {
                let ns = if o.namespace.is_empty() {
                    "default"
                } else {
                    &o.namespace
                };
                (Api::namespaced_with(self.client.clone(), ns, &ar), true)
            }
            Scope::Cluster => (Api::all_with(self.client.clone(), &ar), false),
        })
    }

    /// `Err` naming every object that is not in namespace `ns` (a
    /// cluster-scoped kind, or another namespace): a configuration scoped
    /// to one namespace must not change anything else.
    pub async fn confined(&self, objects: &[Value], ns: &str) -> std::result::Result<(), String> {
        let mut outside = Vec::new();
        for o in objects {
            let r = object_ref(o);
            let namespaced = match self.resolve(&r).await {
                Ok(Some((_, caps))) => caps.scope == Scope::Namespaced,
                // An unknown kind (a CRD of the same build): judged by
                // whether it names a namespace.
                _ => !r.namespace.is_empty(),
            };
            if !namespaced || r.namespace != ns {
                outside.push(r.to_string());
            }
        }
        if outside.is_empty() {
            return Ok(());
        }
        Err(format!(
            "the configuration is scoped to namespace '{ns}', but these objects are outside it: [{}]; nothing was applied",
            outside.join(", ")
        ))
    }

    /// The live object, if any.
    pub async fn get(&self, o: &ObjectRef) -> Result<Option<Value>> {
        // An unknown type is an error (discovery may be failing), not "gone":
        // health checks would otherwise pass a Job that cannot be read.
        let (api, _) = self.api_for(o).await?;
        let got = api
            .get_opt(&o.name)
            .await
            .map_err(|e| Error::api(o.to_string(), e))?;
        Ok(got.map(|d| serde_json::to_value(d).unwrap_or(Value::Null)))
    }

    /// Applies `objects` in Flux's stages. Within a stage every object is
    /// first dry-run (in parallel); only when all of them pass are the
    /// drifted ones applied, in kind order. On failure, the changes made so
    /// far are returned with the error.
    pub async fn apply_all(
        &self,
        objects: &[Value],
        opts: &ApplyOptions,
    ) -> std::result::Result<Vec<Change>, (Vec<Change>, Error)> {
        let mut by_stage: BTreeMap<u8, Vec<(ObjectRef, &Value)>> = BTreeMap::new();
        for o in objects {
            let r = object_ref(o);
            by_stage
                .entry(order::stage(&r.group, &r.kind))
                .or_default()
                .push((r, o));
        }
        let mut changes = Vec::new();
        for (stage, mut objs) in by_stage {
            objs.sort_by_cached_key(|(r, _)| order::key(r));
            // Collected first: a stream over a borrowing closure is not
            // `Send` for every lifetime, which `tokio::spawn` needs.
            let futures: Vec<_> = objs
                .iter()
                .map(|(r, o)| self.plan_one(r.clone(), o, opts))
                .collect();
            let planned: Vec<Result<Planned>> = futures::stream::iter(futures)
                .buffered(opts.concurrency.max(1))
                .collect()
                .await;
            let mut plans = Vec::with_capacity(planned.len());
            for p in planned {
                match p {
                    Ok(p) => plans.push(p),
                    Err(e) => return Err((changes, e)),
                }
            }
            for p in plans {
                match self.apply_planned(p, opts).await {
                    Ok(c) => changes.push(c),
                    Err(e) => return Err((changes, e)),
                }
            }
            if stage < 3 && !opts.dry_run {
                let refs: Vec<ObjectRef> = objs.into_iter().map(|(r, _)| r).collect();
                if let Err(msg) = self
                    .wait_current(&refs, opts.stage_timeout, Duration::from_secs(1))
                    .await
                {
                    return Err((changes, Error::Build(msg)));
                }
                // New types become resolvable once their CRDs are established.
                if refs.iter().any(|r| r.kind == "CustomResourceDefinition") {
                    self.types
                        .refresh()
                        .await
                        .map_err(|e| (changes.clone(), e))?;
                }
            }
        }
        Ok(changes)
    }

    /// The first half of applying one object: everything but the apply —
    /// opt-outs, field takeover, dry run, re-creation under force — and the
    /// decision whether it drifted.
    async fn plan_one(&self, r: ObjectRef, obj: &Value, opts: &ApplyOptions) -> Result<Planned> {
        let (api, namespaced) = match self.api_for(&r).await {
            Ok(a) => a,
            // A plan may create a type whose CRD is in the same plan.
            Err(_) if opts.dry_run => {
                return Ok(Planned::done(Change {
                    object: r,
                    action: Action::Planned,
                    planned: Some("create"),
                }));
            }
            Err(e) => return Err(e),
        };
        if namespaced && r.namespace.is_empty() {
            return Err(Error::Build(format!(
                "{}/{} namespace not specified: the server could not find the requested resource",
                r.kind, r.name
            )));
        }
        let desired = obj.clone();
        let change = |action: Action, planned: Option<&'static str>| Change {
            object: r.clone(),
            action,
            planned,
        };
        let live = api
            .get_opt(&r.name)
            .await
            .map_err(|e| Error::api(r.to_string(), e))?;
        let live_v = live
            .as_ref()
            .map(|l| serde_json::to_value(l).unwrap_or(Value::Null));
        let either = |k: &str, v: &str| {
            meta_is(&desired, k, v) || live_v.as_ref().is_some_and(|l| meta_is(l, k, v))
        };
        if either(RECONCILE_KEY, "disabled")
            || either(SSA_KEY, "ignore")
            || (live_v.is_some() && meta_is(&desired, SSA_KEY, "ifnotpresent"))
        {
            return Ok(Planned::done(change(Action::Skipped, None)));
        }
        let takeover = match &live_v {
            Some(l) if !meta_is(&desired, SSA_KEY, "merge") => {
                takeover_patch(l, &opts.field_manager)
            }
            _ => None,
        };
        if let Some(patch) = &takeover
            && !opts.dry_run
        {
            api.patch(&r.name, &PatchParams::default(), &Patch::Merge(patch))
                .await
                .map_err(|e| {
                    Error::Build(format!(
                        "{r}: taking over fields from other managers failed: {}",
                        api_message(&e)
                    ))
                })?;
        }
        let mut dry = PatchParams::apply(&opts.field_manager).force();
        dry.dry_run = true;
        let dry_result = match api.patch(&r.name, &dry, &Patch::Apply(&desired)).await {
            Ok(d) => d,
            Err(e)
                if live_v.is_some()
                    && is_immutable_error(&e)
                    && (opts.force || either(FORCE_KEY, "enabled")) =>
            {
                if opts.dry_run {
                    return Ok(Planned::done(change(Action::Planned, Some("recreate"))));
                }
                tracing::info!(object = %r, "re-creating: {}", api_message(&e));
                api.delete(&r.name, &DeleteParams::background())
                    .await
                    .map_err(|e| {
                        Error::Build(format!(
                            "{r}: delete for re-creation failed: {}",
                            api_message(&e)
                        ))
                    })?;
                self.wait_gone(&api, &r, opts.stage_timeout).await?;
                return Ok(Planned {
                    change: change(Action::Created, None),
                    apply: Some((api, desired)),
                });
            }
            // The namespace is created by this same plan.
            Err(kube::Error::Api(ae)) if opts.dry_run && live_v.is_none() && ae.code == 404 => {
                return Ok(Planned::done(change(Action::Planned, Some("create"))));
            }
            Err(e) => {
                let reason = match &e {
                    kube::Error::Api(ae) => ae.reason.clone(),
                    _ => "Error".into(),
                };
                let msg = match &e {
                    kube::Error::Api(ae) => ae.message.clone(),
                    other => other.to_string(),
                };
                return Err(Error::Build(format!(
                    "{r} dry-run failed ({reason}): {msg}"
                )));
            }
        };
        let dry_v = serde_json::to_value(&dry_result).unwrap_or(Value::Null);
        let action = match &live_v {
            None => Action::Created,
            // Fields other managers added are removed by the apply.
            Some(_) if takeover.is_some() => Action::Configured,
            Some(l) if drift_view(l) != drift_view(&dry_v) => Action::Configured,
            Some(_) => Action::Unchanged,
        };
        if opts.dry_run {
            return Ok(Planned::done(match action {
                Action::Created => change(Action::Planned, Some("create")),
                Action::Configured => change(Action::Planned, Some("configure")),
                other => change(other, None),
            }));
        }
        if action == Action::Unchanged {
            return Ok(Planned::done(change(action, None)));
        }
        Ok(Planned {
            change: change(action, None),
            apply: Some((api, desired)),
        })
    }

    /// The second half: the apply itself, when the plan says so.
    async fn apply_planned(&self, p: Planned, opts: &ApplyOptions) -> Result<Change> {
        if let Some((api, desired)) = p.apply {
            let r = &p.change.object;
            let pp = PatchParams::apply(&opts.field_manager).force();
            api.patch(&r.name, &pp, &Patch::Apply(&desired))
                .await
                .map_err(|e| Error::api(format!("{r} apply failed"), e))?;
        }
        Ok(p.change)
    }

    async fn wait_gone(
        &self,
        api: &Api<DynamicObject>,
        r: &ObjectRef,
        timeout: Duration,
    ) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            match api.get_opt(&r.name).await {
                Ok(None) => return Ok(()),
                Ok(Some(_)) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(500)).await
                }
                Ok(Some(_)) => {
                    return Err(Error::Build(format!(
                        "{r}: still present {timeout:?} after deletion"
                    )));
                }
                Err(e) => return Err(Error::api(r.to_string(), e)),
            }
        }
    }

    /// Polls (every 2 s, as Flux) until none of `objects` exists any more;
    /// `Err` lists those still there after `timeout`.
    pub async fn wait_deleted(
        &self,
        objects: &[ObjectRef],
        timeout: Duration,
    ) -> std::result::Result<(), String> {
        let started = Instant::now();
        loop {
            let mut left = Vec::new();
            for o in objects {
                match self.api_for_any_version(o).await {
                    Ok(Some(api)) => match api.get_opt(&o.name).await {
                        Ok(None) => {}
                        Ok(Some(_)) => left.push(o.to_string()),
                        Err(e) => left.push(format!("{o}: {}", api_message(&e))),
                    },
                    Ok(None) => {}
                    Err(e) => left.push(format!("{o}: {e}")),
                }
            }
            if left.is_empty() {
                return Ok(());
            }
            if started.elapsed() >= timeout {
                return Err(format!(
                    "timeout waiting for termination of: [{}]",
                    left.join(", ")
                ));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }

    async fn status_of<'o>(&self, o: &'o ObjectRef) -> (&'o ObjectRef, Status) {
        let st = match self.get(o).await {
            Ok(Some(v)) => health::status(&v),
            // A Job with a TTL may be gone once it completed.
            Ok(None) if o.kind == "Job" => Status::Current,
            Ok(None) => Status::NotFound,
            Err(e) => Status::InProgress(e.to_string()),
        };
        (o, st)
    }

    /// Polls until every object is Current. `Err` carries Flux's message
    /// (ssa's `WaitForSet`: "timeout waiting for: [...]").
    pub async fn wait_current(
        &self,
        objects: &[ObjectRef],
        timeout: Duration,
        interval: Duration,
    ) -> std::result::Result<(), String> {
        let started = Instant::now();
        loop {
            let mut pending = Vec::new();
            let mut failed = Vec::new();
            // Read concurrently: one round trip per poll, not one per
            // object. Collected first: a stream over a borrowing closure is
            // not `Send` for every lifetime, which `tokio::spawn` needs.
            let reads: Vec<_> = objects.iter().map(|o| self.status_of(o)).collect();
            let statuses: Vec<(&ObjectRef, Status)> =
                futures::stream::iter(reads).buffered(16).collect().await;
            for (o, st) in statuses {
                match st {
                    Status::Current => {}
                    Status::Failed(_) => failed.push(format!("{o} status: 'Failed'")),
                    other => pending.push(format!("{o} status: '{}'", other.word())),
                }
            }
            if !failed.is_empty() {
                return Err(format!(
                    "failed early due to stalled resources: [{}]",
                    failed.join(", ")
                ));
            }
            if pending.is_empty() {
                return Ok(());
            }
            if started.elapsed() >= timeout {
                const MAX: usize = 50;
                let more = pending.len().saturating_sub(MAX);
                pending.truncate(MAX);
                if more > 0 {
                    pending.push(format!("... and {more} more"));
                }
                return Err(format!("timeout waiting for: [{}]", pending.join(", ")));
            }
            tokio::time::sleep(interval).await;
        }
    }

    /// Deletes stale objects in reverse apply order, only when the live
    /// object still carries the owner's labels and no opt-out.
    pub async fn prune(
        &self,
        stale: &[ObjectRef],
        owner_name: &str,
        owner_namespace: &str,
        dry_run: bool,
    ) -> std::result::Result<Vec<Change>, (Vec<Change>, Error)> {
        let mut sorted: Vec<&ObjectRef> = stale.iter().collect();
        sorted.sort_by_key(|o| std::cmp::Reverse(order::key(o)));
        let mut changes = Vec::new();
        let mut errors = Vec::new();
        for o in sorted {
            let change = |action| Change {
                object: o.clone(),
                action,
                planned: if dry_run { Some("prune") } else { None },
            };
            let api = match self.api_for_any_version(o).await {
                Ok(Some(a)) => a,
                // The type itself is gone (its CRD was pruned): nothing left to delete.
                Ok(None) => {
                    changes.push(change(Action::Deleted));
                    continue;
                }
                // Discovery failed: the object may well exist; keep it.
                Err(e) => {
                    errors.push(format!("{o}: {e}"));
                    continue;
                }
            };
            let live = match api.get_opt(&o.name).await {
                Ok(Some(l)) => serde_json::to_value(l).unwrap_or(Value::Null),
                Ok(None) => {
                    changes.push(change(Action::Deleted));
                    continue;
                }
                Err(e) => {
                    errors.push(format!("{o}: {}", api_message(&e)));
                    continue;
                }
            };
            let label = |k: &str| {
                live.pointer(&format!("/metadata/labels/{}", k.replace('/', "~1")))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let owned = label(OWNER_NAME_LABEL).as_deref() == Some(owner_name)
                && label(OWNER_NAMESPACE_LABEL).as_deref() == Some(owner_namespace);
            if !owned
                || meta_is(&live, PRUNE_KEY, "disabled")
                || meta_is(&live, RECONCILE_KEY, "disabled")
                || meta_is(&live, SSA_KEY, "ignore")
            {
                changes.push(Change {
                    object: o.clone(),
                    action: Action::Skipped,
                    planned: None,
                });
                continue;
            }
            if dry_run {
                changes.push(change(Action::Planned));
                continue;
            }
            match api.delete(&o.name, &DeleteParams::background()).await {
                Ok(_) => changes.push(change(Action::Deleted)),
                Err(kube::Error::Api(ae)) if ae.code == 404 => {
                    changes.push(change(Action::Deleted))
                }
                Err(e) => errors.push(format!("{o}: {}", api_message(&e))),
            }
        }
        if errors.is_empty() {
            Ok(changes)
        } else {
            Err((
                changes,
                Error::Build(format!("delete failed, errors: {}", errors.join("; "))),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn drift_ignores_server_fields_but_not_labels() {
        let live = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "resourceVersion": "5", "uid": "u",
            "managedFields": [], "labels": {"x": "1"}}, "data": {"k": "v"}});
        let same = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "resourceVersion": "6", "labels": {"x": "1"}}, "data": {"k": "v"}});
        assert_eq!(drift_view(&live), drift_view(&same));
        let relabeled = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "labels": {"x": "2"}}, "data": {"k": "v"}});
        assert_ne!(drift_view(&live), drift_view(&relabeled));
    }

    #[test]
    fn takeover_moves_kubectl_fields_to_the_manager() {
        let live = json!({"metadata": {"name": "a", "annotations": {LAST_APPLIED: "{}"}, "managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:a": {}}}},
            {"manager": "kubectl-edit", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:b": {}}}},
            {"manager": "kube-controller-manager", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:c": {}}}},
        ]}});
        let p = takeover_patch(&live, "kustomize-controller").expect("patch");
        let mf = p
            .pointer("/metadata/managedFields")
            .and_then(Value::as_array)
            .expect("list");
        assert_eq!(mf.len(), 2);
        assert_eq!(mf[0]["fieldsV1"], json!({"f:data": {"f:a": {}, "f:b": {}}}));
        assert_eq!(mf[1]["manager"], "kube-controller-manager");
        assert_eq!(
            p.pointer("/metadata/annotations")
                .and_then(|a| a.get(LAST_APPLIED)),
            Some(&Value::Null)
        );
        let clean = json!({"metadata": {"managedFields": [mf[0].clone()]}});
        assert_eq!(takeover_patch(&clean, "kustomize-controller"), None);
    }

    #[test]
    fn opt_out_annotations_are_case_insensitive() {
        let o = json!({"metadata": {"annotations": {"kustomize.toolkit.fluxcd.io/reconcile": "Disabled"}}});
        assert!(meta_is(&o, RECONCILE_KEY, "disabled"));
        let l =
            json!({"metadata": {"labels": {"kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent"}}});
        assert!(meta_is(&l, SSA_KEY, "ifnotpresent"));
    }

    #[test]
    fn object_refs() {
        let o = object_ref(
            &json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "n"}}),
        );
        assert_eq!(o.to_string(), "Deployment/n/d");
        assert_eq!(o.entry().id, "n_d_apps_Deployment");
    }
}

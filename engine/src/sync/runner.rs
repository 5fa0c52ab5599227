//! Runs a configuration's Kustomizations as a dependency graph: blocked
//! nodes (missing dependency, cycle) are reported at once; independent
//! ones run concurrently; a dependent starts the moment its dependencies
//! are Ready on this revision (a channel per node, no polling), and gives up
//! with `DependencyNotReady` when one of them gave up. Failures are retried
//! at `retryInterval`, API outages with a short backoff, until the deadline.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use kube::api::{Api, DynamicObject};
use serde_json::Value;
use sluice_appliers::apply::Change;
use sluice_appliers::conditions::reason;
use sluice_appliers::dag;
use sluice_appliers::kustomization::Options;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::flux;
use crate::reconcile::Context;
use crate::reconcile::kustomization::{Attempt, mark_not_ready, reconcile_kustomization};

/// A node's state as its dependents see it.
#[derive(Clone, Debug, PartialEq)]
enum State {
    Pending,
    /// Ready (or suspended); dependents may run and check the cluster.
    Done,
    /// Gave up; dependents give up too.
    GaveUp,
}

/// What a node reports while it runs.
#[derive(Clone, Debug)]
pub enum Event {
    /// Waiting for dependencies.
    Waiting(String),
    /// Building and applying.
    Applying(String),
    /// Failed; retrying after the delay.
    Retrying(String, String, Duration),
    /// Finished: ready or not, with the message.
    Finished(String, bool, String),
}

/// Receives [`Event`]s (progress display, logs).
pub type Reporter = Arc<dyn Fn(Event) + Send + Sync>;

/// A node's final result.
#[derive(Clone, Debug, Default)]
pub struct NodeResult {
    /// Ready at the end.
    pub ready: bool,
    /// Objects created, configured or deleted, over all attempts (Flux's
    /// change log).
    pub changes: Vec<Change>,
}

/// Reports a node's end and makes its result.
fn finished(
    id: &str,
    ready: bool,
    message: String,
    changes: Vec<Change>,
    report: &Reporter,
) -> NodeResult {
    report(Event::Finished(id.to_string(), ready, message));
    NodeResult { ready, changes }
}

/// A node that does not run: its status says why, and so does the report.
async fn not_ready(
    ctx: &Context,
    obj: &Value,
    id: &str,
    why: &str,
    message: String,
    report: &Reporter,
) -> NodeResult {
    let _ = mark_not_ready(ctx, obj, why, &message).await;
    finished(id, false, message, Vec::new(), report)
}

fn id_of(obj: &Value) -> String {
    format!(
        "{}/{}",
        obj.pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or("default"),
        obj.pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
    )
}

/// Settings of a run.
#[derive(Clone)]
pub struct RunSettings {
    /// Give up (after the current attempt) at this instant.
    pub deadline: Instant,
    /// How often to re-check dependencies outside this run.
    pub requeue_dependency: Duration,
    /// Apply options.
    pub options: Options,
}

/// Runs every Kustomization in `objects` (as read from the cluster).
pub async fn run(
    ctx: Arc<Context>,
    objects: Vec<Value>,
    settings: RunSettings,
    report: Reporter,
) -> BTreeMap<String, NodeResult> {
    let mut specs = BTreeMap::new();
    for o in &objects {
        match flux::kustomization_spec(o) {
            Ok(s) => {
                specs.insert(id_of(o), (o.clone(), s));
            }
            Err(e) => {
                let id = id_of(o);
                let msg = format!("invalid Kustomization {id}: {e:#}");
                report(Event::Finished(id.clone(), false, msg.clone()));
                let _ = mark_not_ready(&ctx, o, reason::RECONCILIATION_FAILED, &msg).await;
            }
        }
    }
    let mut results = BTreeMap::new();
    // Dependencies outside this run must exist in the cluster.
    let mut external: BTreeMap<String, bool> = BTreeMap::new();
    let ar = flux::kustomization_resource();
    for (_, spec) in specs.values() {
        for d in &spec.depends_on {
            if specs.contains_key(d) || external.contains_key(d) {
                continue;
            }
            let (ns, name) = d.split_once('/').unwrap_or(("default", d));
            let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), ns, &ar);
            let exists = matches!(api.get_opt(name).await, Ok(Some(_)));
            external.insert(d.clone(), exists);
        }
    }
    let graph: BTreeMap<String, Vec<String>> = specs
        .iter()
        .map(|(id, (_, s))| {
            let deps = s
                .depends_on
                .iter()
                .filter(|d| external.get(*d) != Some(&true))
                .cloned()
                .collect();
            (id.clone(), deps)
        })
        .collect();
    let plan = dag::plan(&graph);
    let mut senders = BTreeMap::new();
    let mut receivers = BTreeMap::new();
    for id in specs.keys() {
        let (tx, rx) = watch::channel(State::Pending);
        senders.insert(id.clone(), tx);
        receivers.insert(id.clone(), rx);
    }
    for (id, why) in &plan.blocked {
        let Some((obj, _)) = specs.get(id) else {
            continue;
        };
        let r = not_ready(
            &ctx,
            obj,
            id,
            reason::DEPENDENCY_NOT_READY,
            why.message(),
            &report,
        )
        .await;
        if let Some(tx) = senders.get(id) {
            let _ = tx.send(State::GaveUp);
        }
        results.insert(id.clone(), r);
    }
    let mut tasks = Vec::new();
    for id in plan.levels.iter().flatten() {
        let Some((obj, spec)) = specs.get(id).cloned() else {
            continue;
        };
        let internal: Vec<(String, watch::Receiver<State>)> = spec
            .depends_on
            .iter()
            .filter_map(|d| receivers.get(d).map(|r| (d.clone(), r.clone())))
            .collect();
        let Some(tx) = senders.remove(id) else {
            continue;
        };
        let (ctx, settings, report, node) =
            (ctx.clone(), settings.clone(), report.clone(), id.clone());
        let task = tokio::spawn(async move {
            let r = run_node(
                &ctx,
                &node,
                obj,
                spec.retry_interval,
                internal,
                &settings,
                &report,
            )
            .await;
            let _ = tx.send(if r.ready { State::Done } else { State::GaveUp });
            r
        });
        tasks.push((id.clone(), task));
    }
    for (id, t) in tasks {
        let r = match t.await {
            Ok(r) => r,
            Err(e) => {
                // The sender went down with the task: dependents see a
                // closed channel and give up.
                let msg = format!("internal error: reconcile task failed: {e}");
                match specs.get(&id) {
                    Some((obj, _)) => {
                        not_ready(&ctx, obj, &id, reason::RECONCILIATION_FAILED, msg, &report).await
                    }
                    None => finished(&id, false, msg, Vec::new(), &report),
                }
            }
        };
        results.insert(id, r);
    }
    results
}

async fn run_node(
    ctx: &Context,
    id: &str,
    obj: Value,
    retry_interval: Duration,
    deps: Vec<(String, watch::Receiver<State>)>,
    settings: &RunSettings,
    report: &Reporter,
) -> NodeResult {
    if !deps.is_empty() {
        report(Event::Waiting(id.to_string()));
    }
    for (dep, mut rx) in deps {
        // Done, or gave up, or its task is gone, or the deadline passed.
        let done = matches!(
            tokio::time::timeout_at(settings.deadline, rx.wait_for(|s| *s != State::Pending)).await,
            Ok(Ok(s)) if *s == State::Done
        );
        if !done {
            let msg = format!("dependency '{dep}' is not ready");
            return not_ready(ctx, &obj, id, reason::DEPENDENCY_NOT_READY, msg, report).await;
        }
    }
    let (ns, name) = id.split_once('/').unwrap_or(("default", id));
    let api: Api<DynamicObject> =
        Api::namespaced_with(ctx.client.clone(), ns, &flux::kustomization_resource());
    let mut changes: Vec<Change> = Vec::new();
    let mut backoff = Duration::from_millis(500);
    loop {
        report(Event::Applying(id.to_string()));
        // Re-read: the spec or status may have changed since the last try.
        let step = async {
            let current = api
                .get(name)
                .await
                .map_err(|e| format!("failed to get Kustomization {id}: {e}"))?;
            reconcile_kustomization(ctx, &flux::to_value(&current), &settings.options)
                .await
                .map_err(|e| format!("{e:#}"))
        };
        let attempt = match step.await {
            Ok(a) => a,
            Err(msg) => {
                // The API server is unreachable or refused a write: retry
                // soon, with backoff; discovery may be stale.
                ctx.reset_appliers().await;
                if retry(settings, backoff, id, &msg, report).await.is_some() {
                    backoff = (backoff * 2).min(Duration::from_secs(15));
                    continue;
                }
                return finished(id, false, msg, changes, report);
            }
        };
        if let Attempt::Ran(o) = &attempt {
            changes.extend(o.changes.iter().filter(|c| c.action.is_change()).cloned());
        }
        match attempt {
            Attempt::Suspended => {
                return finished(id, true, attempt.message(), Vec::new(), report);
            }
            a if a.is_ready() => return finished(id, true, a.message(), changes, report),
            Attempt::DependencyNotReady(msg) | Attempt::ArtifactFailed(msg) => {
                if retry(settings, settings.requeue_dependency, id, &msg, report)
                    .await
                    .is_some()
                {
                    continue;
                }
                return finished(id, false, msg, Vec::new(), report);
            }
            a => {
                let msg = a.message();
                if retry(settings, retry_interval, id, &msg, report)
                    .await
                    .is_some()
                {
                    continue;
                }
                return finished(id, false, msg, changes, report);
            }
        }
    }
}

/// Sleeps `delay` and returns `Some` when the deadline leaves room for
/// another attempt.
async fn retry(
    settings: &RunSettings,
    delay: Duration,
    id: &str,
    msg: &str,
    report: &Reporter,
) -> Option<()> {
    if Instant::now() + delay >= settings.deadline {
        return None;
    }
    tracing::info!(
        kustomization = id,
        "Reconciliation failed, next try in {delay:?}: {msg}"
    );
    report(Event::Retrying(id.to_string(), msg.to_string(), delay));
    tokio::time::sleep(delay).await;
    Some(())
}

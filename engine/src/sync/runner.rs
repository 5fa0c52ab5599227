//! Runs a configuration's Kustomizations as a dependency graph: blocked
//! nodes (missing dependency, cycle) are reported at once; independent
//! ones run concurrently; a dependent starts the moment its dependencies
//! are Ready on this revision (a channel per node, no polling), and gives up
//! with `DependencyNotReady` when one of them gave up. Failures are retried
//! at `retryInterval`, API outages with a short backoff, until the deadline.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use kube::ResourceExt;
use kube::api::Api;
use sluice_appliers::apply::Change;
use sluice_appliers::conditions::reason;
use sluice_appliers::dag;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::flux::Kustomization;
use crate::reconcile::kustomization::{Attempt, mark_not_ready, reconcile_kustomization};
use crate::reconcile::{Context, Next};

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
    ks: &Kustomization,
    why: &str,
    message: String,
    report: &Reporter,
) -> NodeResult {
    if let Err(e) = mark_not_ready(ctx, ks, why, &message).await {
        tracing::warn!(kustomization = %ks.id(), "writing the status failed: {e}");
    }
    finished(&ks.id(), false, message, Vec::new(), report)
}

/// Settings of a run.
#[derive(Clone)]
pub struct RunSettings {
    /// Give up (after the current attempt) at this instant.
    pub deadline: Instant,
}

/// Runs every Kustomization in `objects` (as read from the cluster).
pub async fn run(
    ctx: Arc<Context>,
    objects: Vec<Kustomization>,
    settings: RunSettings,
    report: Reporter,
) -> BTreeMap<String, NodeResult> {
    let nodes: BTreeMap<String, Kustomization> = objects.into_iter().map(|k| (k.id(), k)).collect();
    let mut results = BTreeMap::new();
    // Dependencies outside this run must exist in the cluster.
    let mut external: BTreeMap<String, bool> = BTreeMap::new();
    for ks in nodes.values() {
        for d in ks.dependencies() {
            if nodes.contains_key(&d) || external.contains_key(&d) {
                continue;
            }
            let (ns, name) = d.split_once('/').unwrap_or(("default", d.as_str()));
            let api: Api<Kustomization> = Api::namespaced(ctx.client.clone(), ns);
            let exists = matches!(api.get_opt(name).await, Ok(Some(_)));
            external.insert(d, exists);
        }
    }
    let graph: BTreeMap<String, Vec<String>> = nodes
        .iter()
        .map(|(id, ks)| {
            let deps = ks
                .dependencies()
                .into_iter()
                .filter(|d| external.get(d) != Some(&true))
                .collect();
            (id.clone(), deps)
        })
        .collect();
    let plan = dag::plan(&graph);
    let mut senders = BTreeMap::new();
    let mut receivers = BTreeMap::new();
    for id in nodes.keys() {
        let (tx, rx) = watch::channel(State::Pending);
        senders.insert(id.clone(), tx);
        receivers.insert(id.clone(), rx);
    }
    for (id, why) in &plan.blocked {
        let Some(ks) = nodes.get(id) else {
            continue;
        };
        let r = not_ready(
            &ctx,
            ks,
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
        let Some(ks) = nodes.get(id).cloned() else {
            continue;
        };
        let internal: Vec<(String, watch::Receiver<State>)> = ks
            .dependencies()
            .iter()
            .filter_map(|d| receivers.get(d).map(|r| (d.clone(), r.clone())))
            .collect();
        let Some(tx) = senders.remove(id) else {
            continue;
        };
        let (ctx, settings, report) = (ctx.clone(), settings.clone(), report.clone());
        let task = tokio::spawn(async move {
            let r = run_node(&ctx, ks, internal, &settings, &report).await;
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
                match nodes.get(&id) {
                    Some(ks) => {
                        not_ready(&ctx, ks, reason::RECONCILIATION_FAILED, msg, &report).await
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
    ks: Kustomization,
    deps: Vec<(String, watch::Receiver<State>)>,
    settings: &RunSettings,
    report: &Reporter,
) -> NodeResult {
    let id = ks.id();
    if !deps.is_empty() {
        report(Event::Waiting(id.clone()));
    }
    for (dep, mut rx) in deps {
        // Done, or gave up, or its task is gone, or the deadline passed.
        let done = matches!(
            tokio::time::timeout_at(settings.deadline, rx.wait_for(|s| *s != State::Pending)).await,
            Ok(Ok(s)) if *s == State::Done
        );
        if !done {
            let msg = format!("dependency '{dep}' is not ready");
            return not_ready(ctx, &ks, reason::DEPENDENCY_NOT_READY, msg, report).await;
        }
    }
    let api: Api<Kustomization> =
        Api::namespaced(ctx.client.clone(), &ks.namespace().unwrap_or_default());
    let name = ks.name_any();
    let mut changes: Vec<Change> = Vec::new();
    let mut backoff = Duration::from_millis(500);
    loop {
        report(Event::Applying(id.clone()));
        // Re-read: the spec or status may have changed since the last try.
        let step = async {
            let current = api
                .get(&name)
                .await
                .map_err(|e| format!("failed to get Kustomization {id}: {e}"))?;
            reconcile_kustomization(ctx, &current)
                .await
                .map_err(|e| e.to_string())
        };
        let reconciled = match step.await {
            Ok(r) => r,
            Err(msg) => {
                // The API server is unreachable or refused a write: retry
                // soon, with backoff.
                if retry(settings, backoff, &id, &msg, report).await.is_some() {
                    backoff = (backoff * 2).min(Duration::from_secs(15));
                    continue;
                }
                return finished(&id, false, msg, changes, report);
            }
        };
        let attempt = reconciled.attempt;
        if let Attempt::Ran(o) = &attempt {
            changes.extend(o.changes.iter().filter(|c| c.action.is_change()).cloned());
        }
        let msg = attempt.message();
        if matches!(attempt, Attempt::Suspended) || attempt.is_ready() {
            return finished(&id, true, msg, changes, report);
        }
        let delay = match reconciled.next {
            Next::After(d) => d,
            Next::Backoff => backoff,
            Next::Interval(_) | Next::Never => return finished(&id, false, msg, changes, report),
        };
        if retry(settings, delay, &id, &msg, report).await.is_none() {
            return finished(&id, false, msg, changes, report);
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

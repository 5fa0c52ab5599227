//! `sluice run`: Flux's source-controller and kustomize-controller as
//! long-running controllers on `kube::runtime`, driving the same reconcilers
//! as `sluice sync` (see [`crate::reconcile`]).
//!
//! Each kind has one watch (see [`triggers`]) feeding a reflector store and
//! a queue of reconcile requests, and one [`applier`] that runs at most
//! `--concurrent` reconciles at once, never two for the same object, and
//! requeues as each reconcile asks: the jittered interval after success,
//! `retryInterval` after a failure, `--requeue-dependency` for a dependency
//! or artifact that is not ready, an exponential backoff for API errors.
//! Finalizers (`finalizers.fluxcd.io`) run the shared cleanup on deletion.
//! With `--enable-leader-election` only the Lease holder reconciles; on
//! SIGTERM running reconciles finish (up to `--graceful-shutdown-timeout`)
//! and the Lease is released.

pub mod leader;
pub mod metrics;
pub mod server;
pub mod triggers;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow};
use futures::StreamExt;
use kube::api::{Api, Patch, PatchParams};
use kube::runtime::controller::{
    Action, Config as ControllerConfig, Error as ControllerError, applier,
};
use kube::runtime::reflector::{self, ObjectRef};
use kube::runtime::watcher;
use kube::{Resource, ResourceExt};
use serde_json::json;
use tokio::sync::watch;

use self::leader::{Elector, LeaseConfig};
use self::metrics::{Metrics, ObjectLabels};
use crate::flux::{self, GitRepository, Kustomization};
use crate::reconcile::events::Recorder;
use crate::reconcile::kustomization::{Attempt, reconcile_kustomization};
use crate::reconcile::source::{SecretSource, reconcile_git_repository};
use crate::reconcile::{Context, Error, Next, Settings, cleanup, open_storage};
use crate::sync::{KubeTarget, instance_name, kube_config, remove_finalizer, watch_timeout};

/// Which controllers run in this process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controllers {
    /// source-controller's GitRepository.
    pub git_repository: bool,
    /// kustomize-controller's Kustomization.
    pub kustomization: bool,
}

/// Leader election settings.
#[derive(Clone, Debug)]
pub struct LeaderElection {
    /// Lease namespace.
    pub namespace: String,
    /// Lease name.
    pub name: String,
    /// Lease duration.
    pub lease_duration: Duration,
    /// Renew deadline.
    pub renew_deadline: Duration,
    /// Retry period.
    pub retry_period: Duration,
}

/// Everything `sluice run` needs.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// The cluster.
    pub target: KubeTarget,
    /// Watch only this namespace (all when `None`).
    pub namespace: Option<String>,
    /// Watch only objects matching this label selector (sharding).
    pub label_selector: Option<String>,
    /// Reconciles at once, per kind.
    pub concurrent: u16,
    /// Reconcile settings.
    pub settings: Settings,
    /// Artifact storage.
    pub storage: PathBuf,
    /// Where artifacts are served.
    pub storage_addr: Option<SocketAddr>,
    /// Where `/metrics` is served.
    pub metrics_addr: Option<SocketAddr>,
    /// Where `/healthz` and `/readyz` are served.
    pub health_addr: Option<SocketAddr>,
    /// Leader election, when enabled.
    pub leader_election: Option<LeaderElection>,
    /// `--interval-jitter-percentage`.
    pub jitter_percent: u8,
    /// How long running reconciles may take to finish on shutdown.
    pub shutdown_timeout: Duration,
    /// Which controllers run.
    pub controllers: Controllers,
    /// How long one API request may go unanswered (`--kube-api-timeout`).
    pub api_timeout: Duration,
}

/// State shared by the reconcile wrappers.
struct Shared {
    ctx: Arc<Context>,
    metrics: Arc<Metrics>,
    /// Consecutive failures per object, for the backoff.
    failures: Mutex<HashMap<String, u32>>,
    jitter: f64,
}

/// controller-runtime's default backoff bounds, as Flux's flags.
const MIN_RETRY: Duration = Duration::from_millis(750);
const MAX_RETRY: Duration = Duration::from_secs(15 * 60);

impl Shared {
    /// The interval, jittered as Flux's `JitteredIntervalDuration`.
    fn jittered(&self, d: Duration) -> Duration {
        d.mul_f64((1.0 + self.jitter * (2.0 * fastrand::f64() - 1.0)).max(0.0))
    }

    /// The next exponential backoff for `key` (and counts the failure).
    fn backoff(&self, key: &str) -> Duration {
        let n = self
            .failures
            .lock()
            .map(|mut f| {
                let n = f.entry(key.to_string()).or_insert(0);
                *n = n.saturating_add(1);
                *n
            })
            .unwrap_or(1);
        MIN_RETRY
            .saturating_mul(1u32 << (n - 1).min(20))
            .min(MAX_RETRY)
    }

    fn succeeded(&self, key: &str) {
        if let Ok(mut f) = self.failures.lock() {
            f.remove(key);
        }
    }

    fn action(&self, key: &str, next: Next) -> Action {
        match next {
            Next::Interval(d) => {
                self.succeeded(key);
                Action::requeue(self.jittered(d))
            }
            Next::After(d) => {
                self.succeeded(key);
                Action::requeue(d)
            }
            Next::Backoff => Action::requeue(self.backoff(key)),
            Next::Never => {
                self.succeeded(key);
                Action::await_change()
            }
        }
    }
}

fn labels<K: Resource<DynamicType = ()>>(obj: &K) -> ObjectLabels {
    ObjectLabels {
        kind: K::kind(&()).into_owned(),
        name: obj.name_any(),
        namespace: obj.namespace().unwrap_or_default(),
    }
}

fn key<K: Resource<DynamicType = ()>>(obj: &K) -> String {
    format!(
        "{}/{}/{}",
        K::kind(&()),
        obj.namespace().unwrap_or_default(),
        obj.name_any()
    )
}

/// Adds Flux's finalizer (server-side apply of just that entry: a set-list
/// merge that keeps every other finalizer).
async fn add_finalizer<K>(api: &Api<K>, obj: &K) -> Result<(), Error>
where
    K: Resource<DynamicType = ()> + Clone + serde::de::DeserializeOwned + std::fmt::Debug,
{
    if obj.finalizers().iter().any(|f| f == flux::FINALIZER) {
        return Ok(());
    }
    // A merge patch as Flux's, guarded by the resourceVersion so that a
    // finalizer someone else added meanwhile is not lost (a conflict is
    // retried).
    let mut finalizers = obj.finalizers().to_vec();
    finalizers.push(flux::FINALIZER.to_string());
    let body = json!({
        "metadata": {
            "finalizers": finalizers,
            "resourceVersion": obj.resource_version(),
        },
    });
    let manager = if K::kind(&()) == "Kustomization" {
        flux::STATUS_MANAGER_KUSTOMIZE
    } else {
        flux::STATUS_MANAGER_SOURCE
    };
    let pp = PatchParams {
        field_manager: Some(manager.into()),
        ..PatchParams::default()
    };
    api.patch(&obj.name_any(), &pp, &Patch::Merge(&body))
        .await
        .map_err(|e| Error::kube(format!("adding the finalizer to {}", key(obj)), e))?;
    Ok(())
}

async fn remove<K>(api: &Api<K>, obj: &K) -> Result<(), Error>
where
    K: Resource + Clone + serde::de::DeserializeOwned + std::fmt::Debug,
{
    remove_finalizer(api, obj)
        .await
        .map_err(|e| Error::Other(format!("{e:#}")))
}

async fn reconcile_ks(ks: Arc<Kustomization>, sh: Arc<Shared>) -> Result<Action, Error> {
    let started = Instant::now();
    let api: Api<Kustomization> =
        Api::namespaced(sh.ctx.client.clone(), &ks.namespace().unwrap_or_default());
    if ks.metadata.deletion_timestamp.is_some() {
        if ks.finalizers().iter().any(|f| f == flux::FINALIZER) {
            let done = cleanup::kustomization(&sh.ctx, &ks).await?;
            tracing::info!(kustomization = %ks.id(), deleted = done.deleted.len(), kept = done.kept.len(), "finalized");
            sh.metrics.applied(
                &done
                    .deleted
                    .iter()
                    .map(|o| sluice_appliers::apply::Change {
                        object: o.clone(),
                        action: sluice_appliers::apply::Action::Deleted,
                        planned: None,
                    })
                    .collect::<Vec<_>>(),
            );
            remove(&api, &ks).await?;
        }
        sh.metrics.deleted(&labels(ks.as_ref()));
        return Ok(Action::await_change());
    }
    add_finalizer(&api, ks.as_ref()).await?;
    let result = reconcile_kustomization(&sh.ctx, &ks).await;
    let k = key(ks.as_ref());
    let (outcome, ready) = match &result {
        Ok(r) => {
            if r.built {
                sh.metrics.built();
            }
            if let Attempt::Ran(o) = &r.attempt {
                sh.metrics.applied(&o.changes);
            }
            let ready = match &r.attempt {
                Attempt::Ran(o) => Some(o.ready.status.clone()),
                Attempt::Suspended => None,
                _ => Some("False".into()),
            };
            ("requeue_after", ready)
        }
        Err(_) => ("error", None),
    };
    sh.metrics.reconciled(
        labels(ks.as_ref()),
        started.elapsed().as_secs_f64(),
        outcome,
        ready.as_deref(),
        ks.suspended(),
    );
    let r = result?;
    Ok(sh.action(&k, r.next))
}

async fn reconcile_repo(repo: Arc<GitRepository>, sh: Arc<Shared>) -> Result<Action, Error> {
    let started = Instant::now();
    let api: Api<GitRepository> =
        Api::namespaced(sh.ctx.client.clone(), &repo.namespace().unwrap_or_default());
    if repo.metadata.deletion_timestamp.is_some() {
        if repo.finalizers().iter().any(|f| f == flux::FINALIZER) {
            cleanup::git_repository(&sh.ctx, &repo)?;
            remove(&api, &repo).await?;
        }
        sh.metrics.deleted(&labels(repo.as_ref()));
        return Ok(Action::await_change());
    }
    add_finalizer(&api, repo.as_ref()).await?;
    let result = reconcile_git_repository(
        &sh.ctx,
        &repo,
        SecretSource::Cluster,
        Arc::new(sluice_sources::NoProgress),
    )
    .await;
    let (outcome, ready) = match &result {
        Ok(o) => {
            sh.metrics.fetched(if o.next == Next::Backoff {
                "failed"
            } else {
                "succeeded"
            });
            ("requeue_after", o.ready.as_ref().map(|r| r.status.clone()))
        }
        Err(_) => ("error", None),
    };
    sh.metrics.reconciled(
        labels(repo.as_ref()),
        started.elapsed().as_secs_f64(),
        outcome,
        ready.as_deref(),
        repo.suspended(),
    );
    let o = result?;
    Ok(sh.action(&key(repo.as_ref()), o.next))
}

fn error_policy<K: Resource<DynamicType = ()>>(
    obj: Arc<K>,
    err: &Error,
    sh: Arc<Shared>,
) -> Action {
    let k = key(obj.as_ref());
    let delay = sh.backoff(&k);
    tracing::warn!(object = %k, "reconcile failed, retrying in {delay:?}: {err}");
    Action::requeue(delay)
}

fn log_result<K: Resource>(
    kind: &str,
    r: Result<(ObjectRef<K>, Action), ControllerError<Error, Infallible>>,
) where
    K::DynamicType: std::fmt::Debug,
{
    match r {
        Ok((o, action)) => tracing::debug!(%kind, object = %o.name, ?action, "reconciled"),
        // A requeue for an object deleted in the meantime.
        Err(ControllerError::ObjectNotFound(o)) => {
            tracing::debug!(%kind, object = %o.name, "object gone")
        }
        Err(ControllerError::ReconcilerFailed(_, _)) => {}
        Err(e) => tracing::warn!(%kind, "controller: {e}"),
    }
}

/// The Lease name Flux derives for a sharded controller: the selector's
/// hash is appended, so shards never contend for one lease.
pub fn lease_name(base: &str, selector: Option<&str>) -> String {
    match selector.filter(|s| !s.is_empty()) {
        Some(s) => {
            use sha2::Digest as _;
            let h = hex::encode(sha2::Sha256::digest(s.as_bytes()));
            format!("{base}-{}", &h[..8])
        }
        None => base.to_string(),
    }
}

/// Runs the controllers until SIGTERM/SIGINT (graceful) or until the
/// leader lease is lost (an error, as controller-runtime exits).
pub async fn run(opts: RunOptions) -> Result<()> {
    let mut cfg = kube_config(&opts.target).await?;
    cfg.read_timeout = Some(opts.api_timeout);
    let client = kube::Client::try_from(cfg.clone()).context("building the Kubernetes client")?;
    let metrics = Arc::new(Metrics::new());
    let ready = Arc::new(AtomicBool::new(false));
    let (stop_tx, stop_rx) = watch::channel(false);
    {
        let stop_tx = stop_tx.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("shutdown requested; finishing running reconciles");
            let _ = stop_tx.send(true);
        });
    }
    let stopped = |rx: &watch::Receiver<bool>| {
        let mut rx = rx.clone();
        async move {
            let _ = rx.wait_for(|s| *s).await;
        }
    };
    let mut servers = Vec::new();
    if let Some(addr) = opts.health_addr {
        servers.push(
            server::serve(
                "health",
                addr,
                server::health(ready.clone()),
                stopped(&stop_rx),
            )
            .await?,
        );
    }
    if let Some(addr) = opts.metrics_addr {
        servers.push(
            server::serve(
                "metrics",
                addr,
                server::metrics(metrics.clone()),
                stopped(&stop_rx),
            )
            .await?,
        );
    }

    // Only the leader reconciles; a standby is ready (it serves probes).
    let mut lease_task = None;
    if let Some(le) = &opts.leader_election {
        let mut elector = Elector::new(
            client.clone(),
            LeaseConfig {
                name: le.name.clone(),
                namespace: le.namespace.clone(),
                identity: format!("{}_{:016x}", instance_name(), fastrand::u64(..)),
                lease_duration: le.lease_duration,
                renew_deadline: le.renew_deadline,
                retry_period: le.retry_period,
            },
        );
        ready.store(true, Ordering::Relaxed);
        tokio::select! {
            _ = elector.acquire() => {}
            _ = stopped(&stop_rx) => {
                for s in servers { let _ = s.await; }
                return Ok(());
            }
        }
        ready.store(false, Ordering::Relaxed);
        metrics.set_leader(true);
        let (lost_tx, lost_rx) = tokio::sync::oneshot::channel();
        // Released only after running reconciles finished, so a standby
        // never applies while this replica still does.
        let (release_tx, release_rx) = watch::channel(false);
        lease_task = Some((
            tokio::spawn(async move {
                let released = elector.hold(release_rx).await;
                let _ = lost_tx.send(released);
            }),
            lost_rx,
            release_tx,
        ));
    }

    let storage = open_storage(&opts.storage)?;
    if let Some(addr) = opts.storage_addr {
        servers.push(
            server::serve(
                "artifact",
                addr,
                server::artifacts(storage.root().to_path_buf()),
                stopped(&stop_rx),
            )
            .await?,
        );
    }
    let ctx = Arc::new(Context::new(
        cfg,
        storage,
        opts.settings.clone(),
        Recorder::start(client.clone(), instance_name()),
    )?);
    let shared = Arc::new(Shared {
        ctx,
        metrics: metrics.clone(),
        failures: Mutex::new(HashMap::new()),
        jitter: f64::from(opts.jitter_percent.min(99)) / 100.0,
    });

    let mut wc = watcher::Config::default().timeout(watch_timeout(opts.api_timeout));
    if let Some(s) = &opts.label_selector {
        wc = wc.labels(s);
    }
    let ks_api: Api<Kustomization> = match &opts.namespace {
        Some(ns) => Api::namespaced(client.clone(), ns),
        None => Api::all(client.clone()),
    };
    let repo_api: Api<GitRepository> = match &opts.namespace {
        Some(ns) => Api::namespaced(client.clone(), ns),
        None => Api::all(client.clone()),
    };
    let (ks_store, ks_writer) = reflector::store::<Kustomization>();
    let (repo_store, repo_writer) = reflector::store::<GitRepository>();
    let (ks_tx, ks_rx) = futures::channel::mpsc::unbounded();
    let (repo_tx, repo_rx) = futures::channel::mpsc::unbounded();
    let mut watches = Vec::new();
    let c = opts.controllers;
    let (ks_synced_tx, mut ks_synced) = watch::channel(!c.kustomization);
    let (repo_synced_tx, mut repo_synced) = watch::channel(false);
    if c.kustomization {
        watches.push(tokio::spawn(triggers::kustomizations(
            ks_api,
            wc.clone(),
            ks_writer,
            ks_store.clone(),
            ks_tx.clone(),
            ks_synced_tx,
        )));
    }
    // The GitRepository watch also tells Kustomizations about new
    // artifacts, so it runs when either controller does.
    watches.push(tokio::spawn(triggers::git_repositories(
        repo_api,
        wc.clone(),
        repo_writer,
        ks_store.clone(),
        c.git_repository.then(|| repo_tx.clone()),
        c.kustomization.then(|| ks_tx.clone()),
        repo_synced_tx,
    )));
    drop((ks_tx, repo_tx));
    {
        let ready = ready.clone();
        tokio::spawn(async move {
            let _ = ks_synced.wait_for(|s| *s).await;
            let _ = repo_synced.wait_for(|s| *s).await;
            ready.store(true, Ordering::Relaxed);
            tracing::info!("caches synced; reconciling");
        });
    }
    let config = ControllerConfig::default().concurrency(opts.concurrent.max(1));
    let ks_run = c.kustomization.then(|| {
        applier(
            |ks, sh| Box::pin(reconcile_ks(ks, sh)),
            error_policy,
            shared.clone(),
            ks_store.clone(),
            ks_rx.map(Ok::<_, Infallible>),
            config.clone(),
        )
        .for_each(|r| async move { log_result("Kustomization", r) })
    });
    let repo_run = c.git_repository.then(|| {
        applier(
            |repo, sh| Box::pin(reconcile_repo(repo, sh)),
            error_policy,
            shared.clone(),
            repo_store.clone(),
            repo_rx.map(Ok::<_, Infallible>),
            config,
        )
        .for_each(|r| async move { log_result("GitRepository", r) })
    });
    let controllers = async move {
        tokio::join!(
            async {
                if let Some(r) = ks_run {
                    r.await
                }
            },
            async {
                if let Some(r) = repo_run {
                    r.await
                }
            },
        );
    };
    tokio::pin!(controllers);
    tracing::info!(
        namespace = opts.namespace.as_deref().unwrap_or("<all>"),
        selector = opts.label_selector.as_deref().unwrap_or(""),
        "sluice controllers started"
    );

    // Run until asked to stop or until the lease is lost.
    let lost = async {
        match &mut lease_task {
            Some((_, rx, _)) => matches!(rx.await, Ok(false)),
            None => std::future::pending().await,
        }
    };
    let lease_lost = tokio::select! {
        _ = &mut controllers => false,
        _ = stopped(&stop_rx) => false,
        l = lost => l,
    };
    if lease_lost {
        metrics.set_leader(false);
        let _ = stop_tx.send(true);
        return Err(anyhow!("leader election lost"));
    }
    // Graceful: no new work; running reconciles finish.
    for w in &watches {
        w.abort();
    }
    if tokio::time::timeout(opts.shutdown_timeout, &mut controllers)
        .await
        .is_err()
    {
        tracing::warn!(
            "reconciles still running after {:?}; abandoning them",
            opts.shutdown_timeout
        );
    }
    let _ = stop_tx.send(true);
    if let Some((task, _, release)) = lease_task {
        let _ = release.send(true);
        let _ = task.await;
    }
    for s in servers {
        let _ = s.await;
    }
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

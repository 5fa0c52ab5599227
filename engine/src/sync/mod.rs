//! `sluice sync`: one reconcile of a whole configuration, as
//! `az k8s-configuration flux create` sets one up — write the Flux objects,
//! fetch the source, run the Kustomizations as a dependency graph, report
//! compliance — or, with `--dry-run`, only the plan (offline when no
//! cluster answers). It drives the same reconcilers and cleanup as the
//! controllers (`sluice run`).

pub mod config;
pub mod report;
pub mod runner;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow};
use k8s_openapi::api::core::v1::{Namespace, Secret};
use kube::ResourceExt;
use kube::api::{Api, DeleteParams, ListParams, Patch, PatchParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sluice_appliers::apply::{Action, Applier, ApplyOptions, Change, object_ref};
use sluice_appliers::dag;
use sluice_appliers::kustomization::{self as ks, Options, PruneGuard};
use sluice_sources::{ObjectKey, Progress};

use self::config::{BACKEND_ANNOTATION, CONFIGURATION_LABEL, Configuration};
use self::report::{Plan, PlannedChange, Report};
use self::runner::{Reporter, RunSettings};
use crate::flux::{self, GitRepository, Kustomization};
use crate::reconcile::events::Recorder;
use crate::reconcile::source::{
    SecretSource, fetch_artifact, read_secret, reconcile_git_repository,
};
use crate::reconcile::{Context, Settings, cleanup, open_storage};

/// Which cluster to talk to.
#[derive(Clone, Debug, Default)]
pub struct KubeTarget {
    /// A kubeconfig file; `KUBECONFIG`/`~/.kube/config`/in-cluster otherwise.
    pub kubeconfig: Option<PathBuf>,
    /// A context in it.
    pub context: Option<String>,
}

/// Everything `sluice sync` needs.
#[derive(Clone)]
pub struct SyncOptions {
    /// The configuration.
    pub configuration: Configuration,
    /// Give up waiting for readiness after this long.
    pub wait: Duration,
    /// Artifact storage.
    pub storage: PathBuf,
    /// Field manager for applied objects.
    pub field_manager: String,
    /// Prune limits.
    pub prune_guard: PruneGuard,
    /// Objects applied concurrently within a stage.
    pub concurrent_ssa: usize,
    /// Re-check interval for dependencies outside the configuration.
    pub requeue_dependency: Duration,
    /// The cluster.
    pub target: KubeTarget,
}

/// Progress sinks.
#[derive(Clone)]
pub struct Ui {
    /// Git progress.
    pub source: Arc<dyn Progress>,
    /// Kustomization progress.
    pub kustomizations: Reporter,
    /// One-line notes ("fetching", "removed …").
    pub note: Arc<dyn Fn(&str) + Send + Sync>,
}

/// The field manager for the Flux objects `sluice sync` writes.
const MANAGER: &str = flux::MANAGER;

/// The User-Agent of every request Sluice makes (API server logs and
/// audit records show who did what).
pub const USER_AGENT: &str = concat!("sluice/", env!("CARGO_PKG_VERSION"));

/// How long any one API request may go without an answer. kube-rs waits
/// forever by default, and a network that silently drops packets (a
/// partition, a dead NAT entry) would hang a reconcile worker with it;
/// client-go notices such a connection by HTTP/2 pings within ~45 s.
/// kube-apiserver answers every request within its own 60 s limit, so a
/// longer silence means the connection is dead.
pub const API_READ_TIMEOUT: Duration = Duration::from_secs(75);

/// The server-side timeout of watches under a client whose reads time out
/// after `read_timeout`: the apiserver closes a quiet watch before the
/// client would take its silence for a dead connection.
pub fn watch_timeout(read_timeout: Duration) -> u32 {
    let secs = read_timeout.as_secs().saturating_sub(15).max(5);
    u32::try_from(secs).unwrap_or(u32::MAX)
}

/// Loads the kubeconfig (or in-cluster config), with [`API_READ_TIMEOUT`].
pub async fn kube_config(target: &KubeTarget) -> Result<kube::Config> {
    let mut cfg = load_kube_config(target).await?;
    cfg.read_timeout = Some(API_READ_TIMEOUT);
    // Counted from each request, not from when a pooled connection idled.
    cfg.reset_reader_on_write = true;
    cfg.headers.push((
        http::header::USER_AGENT,
        http::HeaderValue::from_static(USER_AGENT),
    ));
    Ok(cfg)
}

async fn load_kube_config(target: &KubeTarget) -> Result<kube::Config> {
    let opts = KubeConfigOptions {
        context: target.context.clone(),
        ..Default::default()
    };
    match &target.kubeconfig {
        Some(path) => {
            let kc = Kubeconfig::read_from(path)
                .with_context(|| format!("reading kubeconfig {}", path.display()))?;
            kube::Config::from_custom_kubeconfig(kc, &opts)
                .await
                .with_context(|| format!("loading kubeconfig {}", path.display()))
        }
        None if target.context.is_some() => kube::Config::from_kubeconfig(&opts)
            .await
            .context("loading kubeconfig"),
        None => kube::Config::infer().await.context("loading kubeconfig"),
    }
}

/// A client for `target` when its API server answers within a few seconds.
pub async fn reachable(target: &KubeTarget) -> Result<(kube::Config, kube::Client)> {
    let cfg = kube_config(target).await?;
    let url = cfg.cluster_url.to_string();
    let client = kube::Client::try_from(cfg.clone()).context("building the Kubernetes client")?;
    match tokio::time::timeout(Duration::from_secs(5), client.apiserver_version()).await {
        Ok(Ok(_)) => Ok((cfg, client)),
        Ok(Err(e)) => Err(anyhow!("the API server at {url} refused: {e}")),
        Err(_) => Err(anyhow!("the API server at {url} did not answer within 5s")),
    }
}

/// Server-side applies one object under Sluice's manager and returns it
/// as the API server has it.
pub async fn apply_object<K>(client: &kube::Client, obj: &Value) -> Result<K>
where
    K: kube::Resource<DynamicType = (), Scope = kube::core::NamespaceResourceScope>
        + Clone
        + DeserializeOwned
        + Serialize
        + std::fmt::Debug,
{
    let r = object_ref(obj);
    let api: Api<K> = Api::namespaced(client.clone(), &r.namespace);
    api.patch(
        &r.name,
        &PatchParams::apply(MANAGER).force(),
        &Patch::Apply(obj),
    )
    .await
    .map_err(|e| anyhow!("writing {r}: {}", sluice_appliers::apply::api_message(&e)))
}

/// Creates the namespace when it is missing.
pub async fn ensure_namespace(client: &kube::Client, name: &str) -> Result<()> {
    let api: Api<Namespace> = Api::all(client.clone());
    if api.get_opt(name).await?.is_none() {
        let ns = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}});
        api.patch(name, &PatchParams::apply(MANAGER), &Patch::Apply(&ns))
            .await
            .with_context(|| format!("creating namespace {name}"))?;
    }
    Ok(())
}

/// The reconcile settings of a sync.
fn settings(opts: &SyncOptions, deadline: Option<std::time::Instant>, dry_run: bool) -> Settings {
    Settings {
        requeue_dependency: opts.requeue_dependency,
        options: Options {
            apply: ApplyOptions {
                field_manager: opts.field_manager.clone(),
                concurrency: opts.concurrent_ssa,
                dry_run,
                ..Default::default()
            },
            prune_guard: opts.prune_guard.clone(),
            deadline,
        },
        ..Settings::default()
    }
}

/// The process's host name, the events' reporting instance.
pub fn instance_name() -> String {
    std::env::var("POD_NAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .or_else(|_| std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_string()))
        .unwrap_or_else(|_| "sluice".into())
}

/// The Flux objects of a configuration as written.
pub struct Written {
    /// The GitRepository.
    pub repository: GitRepository,
    /// The Kustomizations, in the configuration's order.
    pub kustomizations: Vec<Kustomization>,
}

/// Writes a configuration's objects (server-side apply under Sluice's
/// manager): Flux's CRDs when missing, the namespace, the credentials
/// Secret, the scope's service account, the GitRepository and the
/// Kustomizations.
pub async fn write_configuration(
    client: &kube::Client,
    c: &Configuration,
    ui: &Ui,
) -> Result<Written> {
    c.validate()?;
    (ui.note)("installing Flux CRDs");
    flux::install_crds(client).await?;
    ensure_namespace(client, &c.namespace).await?;
    if let Some(secret) = c.secret() {
        apply_object::<Secret>(client, &secret).await?;
    }
    for o in c.scope_objects() {
        match o.get("kind").and_then(Value::as_str) {
            Some("ServiceAccount") => {
                apply_object::<k8s_openapi::api::core::v1::ServiceAccount>(client, &o).await?;
            }
            _ => {
                apply_object::<k8s_openapi::api::rbac::v1::RoleBinding>(client, &o).await?;
            }
        }
    }
    let repository: GitRepository = apply_object(client, &c.git_repository()).await?;
    let mut kustomizations = Vec::new();
    for k in c.kustomization_objects() {
        kustomizations.push(apply_object::<Kustomization>(client, &k).await?);
    }
    Ok(Written {
        repository,
        kustomizations,
    })
}

/// A reconcile context for one-shot use (no controller): events are
/// written, waits end at `deadline`.
pub fn one_shot_context(
    cfg: kube::Config,
    client: &kube::Client,
    opts: &SyncOptions,
    deadline: tokio::time::Instant,
) -> Result<Arc<Context>> {
    let storage = open_storage(&opts.storage)?;
    Ok(Arc::new(Context::new(
        cfg,
        storage,
        settings(opts, Some(deadline.into_std()), false),
        Recorder::start(client.clone(), instance_name()),
    )?))
}

/// Reconciles a written configuration in this process, as its
/// controllers would: the source once, then the Kustomizations as a
/// dependency graph until they are Ready or the deadline passes. Returns
/// each Kustomization's changes.
pub async fn reconcile_in_process(
    ctx: &Arc<Context>,
    c: &Configuration,
    written: Written,
    mut deadline: tokio::time::Instant,
    ui: &Ui,
) -> Result<BTreeMap<String, runner::NodeResult>> {
    if c.suspend {
        return Ok(BTreeMap::new());
    }
    (ui.note)("fetching source");
    let secret = if c.auth.data.is_empty() {
        SecretSource::Cluster
    } else {
        SecretSource::Given(c.auth.data.clone())
    };
    let source =
        reconcile_git_repository(ctx, &written.repository, secret, ui.source.clone()).await?;
    if source.artifact.is_none() {
        // Nothing to apply: one attempt each reports ArtifactFailed.
        deadline = tokio::time::Instant::now();
    }
    if let Some(r) = source.ready.as_ref().filter(|r| r.status != "True") {
        (ui.note)(&format!("source not ready: {}", r.message));
    }
    let run = RunSettings { deadline };
    Ok(runner::run(
        ctx.clone(),
        written.kustomizations,
        run,
        ui.kustomizations.clone(),
    )
    .await)
}

/// Adds the change log of an in-process run to a report.
pub fn add_changes(report: &mut Report, results: BTreeMap<String, runner::NodeResult>) {
    for (id, r) in results {
        if r.changes.is_empty() {
            continue;
        }
        let name = id
            .rsplit_once('/')
            .map_or(id.as_str(), |(_, n)| n)
            .to_string();
        report.changes.insert(
            name,
            r.changes
                .iter()
                .map(|ch| report::ChangeLine {
                    object: ch.object.to_string(),
                    action: ch.action.as_str().to_string(),
                })
                .collect(),
        );
    }
}

/// Runs the sync; the report says whether the configuration is compliant.
pub async fn sync(opts: &SyncOptions, ui: &Ui) -> Result<Report> {
    let c = &opts.configuration;
    c.validate()?;
    let (cfg, client) = reachable(&opts.target).await?;
    let written = write_configuration(&client, c, ui).await?;
    let deadline = tokio::time::Instant::now() + opts.wait;
    let ctx = one_shot_context(cfg, &client, opts, deadline)?;
    remove_dropped(&ctx, c, ui).await?;
    let results = reconcile_in_process(&ctx, c, written, deadline, ui).await?;
    let mut report = Report::new(c);
    report.collect(&client, c).await;
    add_changes(&mut report, results);
    Ok(report)
}

/// Kustomizations this configuration made earlier but no longer lists:
/// clean up after them as their finalizer would, then delete them. A
/// failure keeps the Kustomization for the next run and does not stop this
/// one.
async fn remove_dropped(ctx: &Context, c: &Configuration, ui: &Ui) -> Result<()> {
    let api: Api<Kustomization> = Api::namespaced(ctx.client.clone(), &c.namespace);
    let lp = ListParams::default().labels(&format!("{CONFIGURATION_LABEL}={}", c.name));
    let wanted: Vec<String> = c
        .kustomizations
        .iter()
        .map(|k| c.kustomization_name(&k.name))
        .collect();
    for obj in api.list(&lp).await?.items {
        let name = obj.name_any();
        if wanted.contains(&name) {
            continue;
        }
        match delete_kustomization(ctx, &obj).await {
            Ok(done) => (ui.note)(&format!(
                "removed Kustomization {}/{name} ({} objects pruned)",
                c.namespace,
                done.deleted.len()
            )),
            Err(e) => (ui.note)(&format!(
                "kept Kustomization {}/{name}, which the configuration no longer lists: {e:#}",
                c.namespace
            )),
        }
    }
    Ok(())
}

/// Deletes a Kustomization with the controller's cleanup run in-process:
/// what it applied goes as its deletion policy says, then the object (and
/// Flux's finalizer, which no controller is here to remove).
pub async fn delete_kustomization(ctx: &Context, ks: &Kustomization) -> Result<cleanup::Cleanup> {
    let done = cleanup::kustomization(ctx, ks).await?;
    let api: Api<Kustomization> =
        Api::namespaced(ctx.client.clone(), &ks.namespace().unwrap_or_default());
    remove_finalizer(&api, ks).await?;
    match api
        .delete(&ks.name_any(), &DeleteParams::background())
        .await
    {
        Ok(_) => {}
        Err(kube::Error::Api(ae)) if ae.code == 404 => {}
        Err(e) => {
            return Err(anyhow!(
                "deleting: {}",
                sluice_appliers::apply::api_message(&e)
            ));
        }
    }
    Ok(done)
}

/// Removes Flux's finalizer from an object, if present.
pub async fn remove_finalizer<K>(api: &Api<K>, obj: &K) -> Result<()>
where
    K: kube::Resource + Clone + DeserializeOwned + std::fmt::Debug,
{
    let finalizers = obj.finalizers();
    let Some(i) = finalizers.iter().position(|f| f == flux::FINALIZER) else {
        return Ok(());
    };
    let patch: json_patch::Patch = serde_json::from_value(json!([
        {"op": "test", "path": format!("/metadata/finalizers/{i}"), "value": flux::FINALIZER},
        {"op": "remove", "path": format!("/metadata/finalizers/{i}")},
    ]))?;
    match api
        .patch(
            &obj.name_any(),
            &PatchParams::default(),
            &Patch::<()>::Json(patch),
        )
        .await
    {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(ae)) if ae.code == 404 => Ok(()),
        Err(e) => Err(anyhow!(
            "removing the finalizer: {}",
            sluice_appliers::apply::api_message(&e)
        )),
    }
}

fn planned(kustomization: &str, changes: &[Change]) -> Vec<PlannedChange> {
    changes
        .iter()
        .map(|ch| PlannedChange {
            kustomization: kustomization.to_string(),
            action: match (ch.action, ch.planned) {
                (_, Some(p)) => p.to_string(),
                (Action::Skipped, None) => "skip".into(),
                (a, None) => a.as_str().to_string(),
            },
            object: ch.object.to_string(),
        })
        .collect()
}

/// Plans the sync without changing anything. Without a reachable cluster
/// the plan is rendered offline: every object is a create.
pub async fn plan(opts: &SyncOptions, ui: &Ui) -> Result<Plan> {
    let c = &opts.configuration;
    c.validate()?;
    let cluster = match reachable(&opts.target).await {
        Ok(x) => Some(x),
        Err(e) => {
            (ui.note)(&format!("no cluster ({e:#}); planning offline"));
            None
        }
    };
    let mut plan = Plan {
        dry_run: true,
        offline: cluster.is_none(),
        ..Default::default()
    };
    let dry = settings(opts, None, true).options;
    let applier = cluster
        .as_ref()
        .map(|(_, client)| Applier::new(client.clone()));

    // The Flux objects themselves.
    let repository = c.git_repository();
    let kustomizations = c.kustomization_objects();
    let mut flux_objects: Vec<Value> = c.secret().into_iter().collect();
    flux_objects.push(repository.clone());
    flux_objects.extend(kustomizations.iter().cloned());
    let flux_changes = match &applier {
        Some(a) => {
            let d = ApplyOptions {
                field_manager: MANAGER.into(),
                ..dry.apply.clone()
            };
            a.apply_all(&flux_objects, &d)
                .await
                .map_err(|(_, e)| anyhow!("{e}"))?
        }
        None => all_created(&flux_objects),
    };
    plan.changes.extend(planned("configuration", &flux_changes));

    // The source, fetched locally.
    let data = match (&c.auth.local_auth_ref, &cluster) {
        (Some(name), Some((_, client))) => read_secret(client, &c.namespace, name)
            .await
            .map_err(|m| anyhow!("--local-auth-ref: {m}"))?,
        (Some(name), None) => {
            return Err(anyhow!(
                "--local-auth-ref {name} names a Secret in the cluster, but no cluster is reachable"
            ));
        }
        (None, _) => c.auth.data.clone(),
    };
    (ui.note)("fetching source");
    let storage = open_storage(&opts.storage)?;
    let key = ObjectKey::git_repository(&c.namespace, &c.name);
    let repo: GitRepository = serde_json::from_value(repository)?;
    let fetch_spec = repo.fetch_spec().map_err(|e| anyhow!("{e}"))?;
    let report = fetch_artifact(
        &storage,
        &key,
        &fetch_spec,
        repo.annotations()
            .get(BACKEND_ANNOTATION)
            .map(String::as_str),
        &data,
        "the given credentials",
        ui.source.clone(),
    )
    .await
    .map_err(|e| anyhow!(e.message))?;
    let artifact = report.artifact;
    plan.revision = Some(artifact.revision.clone());
    let artifacts = crate::reconcile::artifact::Artifacts::new(storage.clone());
    let dir = artifacts
        .unpacked(&flux::Artifact {
            path: artifact.path.clone(),
            revision: artifact.revision.clone(),
            digest: Some(artifact.digest.clone()),
            ..Default::default()
        })
        .await
        .map_err(|e| anyhow!("{e}"))?;

    // The Kustomizations, in dependency order.
    let mut specs: BTreeMap<String, ks::Spec> = BTreeMap::new();
    for o in &kustomizations {
        let k: Kustomization = serde_json::from_value(o.clone())?;
        match k.desired() {
            Ok(d) => {
                specs.insert(k.id(), d.spec);
            }
            Err(e) => {
                plan.errors.insert(k.id(), e.to_string());
            }
        }
    }
    let ids: BTreeMap<String, Vec<String>> = specs
        .iter()
        .map(|(id, s)| (id.clone(), s.depends_on.clone()))
        .collect();
    let graph = dag::plan(&ids);
    for (id, why) in &graph.blocked {
        plan.errors.insert(id.clone(), why.message());
    }
    for id in graph.levels.iter().flatten() {
        let Some(spec) = specs.get(id) else {
            continue;
        };
        let changes = match (&applier, &cluster) {
            (Some(a), Some((_, client))) => {
                let api: Api<Kustomization> = Api::namespaced(client.clone(), &spec.namespace);
                let old = match api.get_opt(&spec.name).await {
                    Ok(Some(o)) => o.inventory().to_vec(),
                    Ok(None) => Vec::new(),
                    Err(e) => {
                        plan.errors.insert(
                            id.clone(),
                            format!("reading the Kustomization's inventory: {e}"),
                        );
                        continue;
                    }
                };
                let outcome = ks::reconcile(
                    a,
                    spec,
                    dir.path(),
                    &artifact.revision,
                    &old,
                    &dry,
                    &ks::Quiet,
                )
                .await;
                if !outcome.is_ready() {
                    plan.errors
                        .insert(id.clone(), outcome.ready.message.clone());
                }
                outcome.changes
            }
            _ => match ks::build_off_runtime(spec, dir.path()).await {
                Ok((objs, _)) => all_created(&objs),
                Err((_, msg)) => {
                    plan.errors.insert(id.clone(), msg);
                    Vec::new()
                }
            },
        };
        plan.changes.extend(planned(&spec.name, &changes));
    }
    Ok(plan)
}

fn all_created(objects: &[Value]) -> Vec<Change> {
    let mut sorted: Vec<&Value> = objects.iter().collect();
    sorted.sort_by_key(|o| sluice_appliers::apply::order::key(&object_ref(o)));
    sorted
        .into_iter()
        .map(|o| Change {
            object: object_ref(o),
            action: Action::Planned,
            planned: Some("create"),
        })
        .collect()
}

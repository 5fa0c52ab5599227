//! `sluice sync`: one reconcile of a whole configuration, as
//! `az k8s-configuration flux create` sets one up — write the Flux objects,
//! fetch the source, run the Kustomizations as a dependency graph, report
//! compliance — or, with `--dry-run`, only the plan (offline when no
//! cluster answers).

pub mod config;
pub mod report;
pub mod runner;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow};
use k8s_openapi::api::core::v1::{Namespace, Secret};
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::core::ApiResource;
use serde_json::{Value, json};
use sluice_appliers::apply::inventory::ObjectRef;
use sluice_appliers::apply::{Action, Applier, ApplyOptions, Change, object_ref};
use sluice_appliers::dag;
use sluice_appliers::kustomization::{self as ks, Options, PruneGuard};
use sluice_sources::{ObjectKey, Progress};

use self::config::{CONFIGURATION_LABEL, Configuration};
use self::report::{Plan, PlannedChange, Report};
use self::runner::{Reporter, RunSettings};
use crate::flux;
use crate::reconcile::source::{
    SecretSource, fetch_artifact, read_secret, reconcile_git_repository,
};
use crate::reconcile::{Context, open_storage, unpack_artifact};

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

/// Loads the kubeconfig (or in-cluster config).
pub async fn kube_config(target: &KubeTarget) -> Result<kube::Config> {
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

async fn apply_object(client: &kube::Client, obj: &Value, ar: &ApiResource) -> Result<Value> {
    let r = object_ref(obj);
    let api: Api<DynamicObject> = Api::namespaced_with(client.clone(), &r.namespace, ar);
    let out = api
        .patch(
            &r.name,
            &PatchParams::apply(MANAGER).force(),
            &Patch::Apply(obj),
        )
        .await
        .map_err(|e| anyhow!("writing {r}: {}", sluice_appliers::apply::api_message(&e)))?;
    Ok(flux::to_value(&out))
}

/// Creates the namespace when it is missing.
async fn ensure_namespace(client: &kube::Client, name: &str) -> Result<()> {
    let api: Api<Namespace> = Api::all(client.clone());
    if api.get_opt(name).await?.is_none() {
        let ns = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}});
        api.patch(name, &PatchParams::apply(MANAGER), &Patch::Apply(&ns))
            .await
            .with_context(|| format!("creating namespace {name}"))?;
    }
    Ok(())
}

/// Runs the sync; the report says whether the configuration is compliant.
pub async fn sync(opts: &SyncOptions, ui: &Ui) -> Result<Report> {
    let c = &opts.configuration;
    c.validate()?;
    let (cfg, client) = reachable(&opts.target).await?;
    (ui.note)("installing Flux CRDs");
    flux::install_crds(&client).await?;
    ensure_namespace(&client, &c.namespace).await?;
    if let Some(secret) = c.secret() {
        apply_object(&client, &secret, &ApiResource::erase::<Secret>(&())).await?;
    }
    let repo = apply_object(
        &client,
        &c.git_repository(),
        &flux::git_repository_resource(),
    )
    .await?;
    let mut kustomizations = Vec::new();
    for k in c.kustomization_objects() {
        kustomizations.push(apply_object(&client, &k, &flux::kustomization_resource()).await?);
    }

    let storage = open_storage(&opts.storage)?;
    let ctx = Arc::new(Context::new(cfg, storage)?);
    remove_dropped(&ctx, c, &opts.prune_guard, ui).await?;

    let started = tokio::time::Instant::now();
    let mut results = BTreeMap::new();
    let mut deadline = started + opts.wait;
    if !c.suspend {
        (ui.note)("fetching source");
        let secret = if c.auth.data.is_empty() {
            SecretSource::Cluster
        } else {
            SecretSource::Given(c.auth.data.clone())
        };
        let source = reconcile_git_repository(&ctx, &repo, secret, ui.source.clone()).await?;
        if source.artifact.is_none() {
            // Nothing to apply: one attempt each reports ArtifactFailed.
            deadline = tokio::time::Instant::now();
        }
        if source.ready.status != "True" {
            (ui.note)(&format!("source not ready: {}", source.ready.message));
        }
        let settings = RunSettings {
            deadline,
            requeue_dependency: opts.requeue_dependency,
            options: Options {
                apply: ApplyOptions {
                    field_manager: opts.field_manager.clone(),
                    concurrency: opts.concurrent_ssa,
                    ..Default::default()
                },
                prune_guard: opts.prune_guard.clone(),
                deadline: Some(deadline.into_std()),
            },
        };
        results = runner::run(
            ctx.clone(),
            kustomizations,
            settings,
            ui.kustomizations.clone(),
        )
        .await;
    }
    let mut report = Report::new(c);
    report.collect(&client, c).await;
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
    Ok(report)
}

/// Kustomizations this configuration made earlier but no longer lists:
/// prune what they applied (when they prune and are not suspended, as the
/// same service account, within the prune guard) and delete them. A failure
/// keeps the Kustomization for the next run and does not stop this one.
async fn remove_dropped(
    ctx: &Context,
    c: &Configuration,
    guard: &PruneGuard,
    ui: &Ui,
) -> Result<()> {
    let ar = flux::kustomization_resource();
    let api: Api<DynamicObject> = Api::namespaced_with(ctx.client.clone(), &c.namespace, &ar);
    let lp = ListParams::default().labels(&format!("{CONFIGURATION_LABEL}={}", c.name));
    let wanted: Vec<String> = c
        .kustomizations
        .iter()
        .map(|k| c.kustomization_name(&k.name))
        .collect();
    for obj in api.list(&lp).await?.items {
        let name = obj.metadata.name.clone().unwrap_or_default();
        if wanted.contains(&name) {
            continue;
        }
        match remove_one(ctx, &api, &flux::to_value(&obj), c.suspend, guard).await {
            Ok(pruned) => (ui.note)(&format!(
                "removed Kustomization {}/{name} ({pruned} objects pruned)",
                c.namespace
            )),
            Err(e) => (ui.note)(&format!(
                "kept Kustomization {}/{name}, which the configuration no longer lists: {e:#}",
                c.namespace
            )),
        }
    }
    Ok(())
}

async fn remove_one(
    ctx: &Context,
    api: &Api<DynamicObject>,
    v: &Value,
    config_suspended: bool,
    guard: &PruneGuard,
) -> Result<usize> {
    let spec = flux::kustomization_spec(v)?;
    let mut pruned = 0;
    if spec.prune && !spec.suspend && !config_suspended {
        let stale: Vec<ObjectRef> = flux::inventory(v)
            .iter()
            .filter_map(ObjectRef::from_entry)
            .collect();
        guard.check(&stale, stale.len()).map_err(|m| anyhow!(m))?;
        let applier = ctx
            .applier(&spec.namespace, flux::service_account(v))
            .await?;
        let changes = applier
            .prune(&stale, &spec.name, &spec.namespace, false)
            .await
            .map_err(|(_, e)| anyhow!("pruning: {e}"))?;
        pruned = changes
            .iter()
            .filter(|c| c.action == Action::Deleted)
            .count();
    }
    api.delete(&spec.name, &DeleteParams::background())
        .await
        .map_err(|e| anyhow!("deleting: {}", sluice_appliers::apply::api_message(&e)))?;
    Ok(pruned)
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
    let dry = ApplyOptions {
        field_manager: opts.field_manager.clone(),
        concurrency: opts.concurrent_ssa,
        dry_run: true,
        ..Default::default()
    };
    let applier = match &cluster {
        Some((_, client)) => Some(Applier::new(client.clone()).await?),
        None => None,
    };

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
                ..dry.clone()
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
    let artifact = fetch_artifact(
        &storage,
        &key,
        &repository,
        &data,
        "the given credentials",
        ui.source.clone(),
    )
    .await
    .map_err(|(_, m)| anyhow!(m))?;
    plan.revision = Some(artifact.revision.clone());
    let dir = unpack_artifact(&storage, &artifact.path, &artifact.digest)?;

    // The Kustomizations, in dependency order.
    let specs: BTreeMap<String, ks::Spec> = kustomizations
        .iter()
        .filter_map(|o| flux::kustomization_spec(o).ok())
        .map(|s| (s.id(), s))
        .collect();
    let ids: BTreeMap<String, Vec<String>> = specs
        .iter()
        .map(|(id, s)| (id.clone(), s.depends_on.clone()))
        .collect();
    let graph = dag::plan(&ids);
    for (id, why) in &graph.blocked {
        plan.errors.insert(id.clone(), why.message());
    }
    let ks_ar = flux::kustomization_resource();
    for id in graph.levels.iter().flatten() {
        let Some(spec) = specs.get(id) else {
            continue;
        };
        let changes = match (&applier, &cluster) {
            (Some(a), Some((_, client))) => {
                let api: Api<DynamicObject> =
                    Api::namespaced_with(client.clone(), &spec.namespace, &ks_ar);
                let old = match api.get_opt(&spec.name).await {
                    Ok(Some(o)) => flux::inventory(&flux::to_value(&o)),
                    _ => Vec::new(),
                };
                let outcome = ks::reconcile(
                    a,
                    spec,
                    dir.path(),
                    &artifact.revision,
                    &old,
                    &Options {
                        apply: dry.clone(),
                        prune_guard: opts.prune_guard.clone(),
                        deadline: None,
                    },
                )
                .await;
                if !outcome.is_ready() {
                    plan.errors
                        .insert(id.clone(), outcome.ready.message.clone());
                }
                outcome.changes
            }
            _ => match ks::build(spec, dir.path()) {
                Ok(objs) => all_created(&objs),
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

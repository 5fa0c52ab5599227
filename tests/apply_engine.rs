//! The apply engine end to end: `sluice sync` against the test bed's real
//! kube-apiserver (kwok nodes make Deployments Available), sources fetched
//! from `git http-backend`. Every test uses its own configuration name,
//! namespace and cluster-scoped names, so they share one test bed.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{Value, json};
use sluice_appliers::conditions::Compliance;
use sluice_appliers::kustomization::PruneGuard;
use sluice_engine::sync::config::{Auth, Configuration, KustomizationConfig};
use sluice_engine::sync::report::{ObjectStatus, Report, StatusCondition};
use sluice_engine::sync::{self, KubeTarget, SyncOptions, Ui};
use sluice_sources::RefSpec;
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::testbed::Testbed;

/// A scratch repository on `main`, served over smart HTTP.
struct Repo {
    repos: FixtureRepos,
    server: HttpGitServer,
}

impl Repo {
    fn new() -> Result<Self> {
        let repos = FixtureRepos::build(&["blank"])?;
        let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
        Ok(Self { repos, server })
    }

    fn url(&self) -> String {
        self.server.url("blank")
    }

    fn commit(&self, message: &str, files: &[(&str, Option<&str>)]) -> Result<String> {
        self.repos.commit("blank", "main", message, files)
    }
}

/// A configuration named (and namespaced) `name` over `url`, with az-style
/// kustomization flags.
fn configuration(name: &str, url: &str, kustomizations: &[&str]) -> Result<Configuration> {
    Ok(Configuration {
        name: name.into(),
        namespace: name.into(),
        url: url.into(),
        reference: RefSpec {
            branch: Some("main".into()),
            ..Default::default()
        },
        interval: Duration::from_secs(600),
        timeout: Duration::from_secs(60),
        suspend: false,
        auth: Auth::default(),
        backend: None,
        kustomizations: kustomizations
            .iter()
            .map(|k| {
                let pairs: Vec<String> = k.split_whitespace().map(str::to_string).collect();
                KustomizationConfig::parse(&pairs)
            })
            .collect::<Result<_>>()?,
        ..Default::default()
    })
}

struct Run {
    opts: SyncOptions,
    _storage: tempfile::TempDir,
}

fn options(tb: &Testbed, configuration: Configuration) -> Result<Run> {
    let storage = tempfile::tempdir()?;
    Ok(Run {
        opts: SyncOptions {
            configuration,
            wait: Duration::from_secs(90),
            storage: storage.path().to_path_buf(),
            field_manager: "kustomize-controller".into(),
            prune_guard: PruneGuard::default(),
            concurrent_ssa: 4,
            requeue_dependency: Duration::from_secs(1),
            target: KubeTarget {
                kubeconfig: Some(tb.kubeconfig().to_path_buf()),
                context: None,
            },
        },
        _storage: storage,
    })
}

fn quiet() -> Ui {
    Ui {
        source: Arc::new(sluice_sources::NoProgress),
        kustomizations: Arc::new(|_| {}),
        note: Arc::new(|_| {}),
    }
}

async fn run(run: &Run) -> Result<Report> {
    tokio::time::timeout(Duration::from_secs(240), sync::sync(&run.opts, &quiet()))
        .await
        .context("sync did not finish in 240s")?
}

fn status<'a>(report: &'a Report, kind: &str, name: &str) -> &'a ObjectStatus {
    report
        .statuses
        .iter()
        .find(|s| s.kind == kind && s.name == name)
        .unwrap_or_else(|| panic!("no status for {kind} {name} in {:#?}", report.statuses))
}

fn ready(s: &ObjectStatus) -> &StatusCondition {
    s.status_conditions
        .iter()
        .find(|c| c.type_ == "Ready")
        .unwrap_or_else(|| panic!("{} {} has no Ready condition: {s:#?}", s.kind, s.name))
}

fn assert_ready(report: &Report, ks: &str) {
    let s = status(report, "Kustomization", ks);
    let r = ready(s);
    assert_eq!(
        (r.status.as_str(), r.reason.as_str()),
        ("True", "ReconciliationSucceeded"),
        "{ks}: {}",
        r.message
    );
    assert!(
        r.message.starts_with("Applied revision: main@sha1:"),
        "{}",
        r.message
    );
    assert_eq!(s.compliance_state, Compliance::Compliant);
}

fn assert_not_ready(report: &Report, ks: &str, reason: &str, contains: &str) {
    let s = status(report, "Kustomization", ks);
    let r = ready(s);
    eprintln!("{ks}: {} {}: {}", r.status, r.reason, r.message);
    assert_eq!(r.status, "False", "{ks} should not be ready: {}", r.message);
    assert_eq!(r.reason, reason, "{ks}: {}", r.message);
    assert!(
        r.message.contains(contains),
        "{ks}: expected '{contains}' in '{}'",
        r.message
    );
    assert_eq!(s.compliance_state, Compliance::NonCompliant);
}

async fn kustomization(client: &kube::Client, ns: &str, name: &str) -> Result<Value> {
    let ar = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("kustomize.toolkit.fluxcd.io", "v1", "Kustomization"),
        "kustomizations",
    );
    let api: Api<DynamicObject> = Api::namespaced_with(client.clone(), ns, &ar);
    Ok(serde_json::to_value(api.get(name).await?)?)
}

fn inventory_ids(ks: &Value) -> Vec<String> {
    ks.pointer("/status/inventory/entries")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| e.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

async fn config_map(client: &kube::Client, ns: &str, name: &str) -> Result<Option<ConfigMap>> {
    Ok(Api::<ConfigMap>::namespaced(client.clone(), ns)
        .get_opt(name)
        .await?)
}

fn cm(ns: &str, name: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  key: {name}\n"
    )
}

fn namespace(name: &str) -> String {
    format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n")
}

fn crd(group: &str, kind: &str, plural: &str) -> String {
    format!(
        r#"apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: {plural}.{group}
spec:
  group: {group}
  names:
    kind: {kind}
    plural: {plural}
    singular: {singular}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
"#,
        singular = kind.to_ascii_lowercase()
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn dependency_order_cycles_and_missing_dependencies() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "dag";
    let group = "dag.sluice.dev";
    let crd_text = crd(group, "Gadget", "gadgets");
    let gadget = format!(
        "apiVersion: {group}/v1\nkind: Gadget\nmetadata:\n  name: g1\n  namespace: {ns}\nspec:\n  size: 1\n"
    );
    repo.commit(
        "graph",
        &[
            ("infra/crd.yaml", Some(&crd_text)),
            ("apps/gadget.yaml", Some(&gadget)),
            ("cyc/cm.yaml", Some(&cm(ns, "never-applied"))),
        ],
    )?;
    // `apps` needs the CRD `infra` installs: it can only succeed if the
    // order holds. c1 <-> c2 is a cycle; `after` waits on the cycle; `orphan`
    // depends on something that does not exist.
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=apps path=./apps dependsOn=[\"infra\"] wait=false",
            "name=infra path=./infra wait=false",
            "name=c1 path=./cyc dependsOn=[\"c2\"]",
            "name=c2 path=./cyc dependsOn=[\"c1\"]",
            "name=after path=./cyc dependsOn=[\"c1\"]",
            "name=orphan path=./cyc dependsOn=[\"ghost\"]",
        ],
    )?;
    let r = options(tb, config)?;
    let report = run(&r).await?;
    assert_ready(&report, "dag-infra");
    assert_ready(&report, "dag-apps");
    assert_not_ready(&report, "dag-c1", "DependencyNotReady", "dependency cycle");
    assert_not_ready(&report, "dag-c2", "DependencyNotReady", "dependency cycle");
    assert_not_ready(&report, "dag-after", "DependencyNotReady", "dag/dag-c1");
    assert_not_ready(
        &report,
        "dag-orphan",
        "DependencyNotReady",
        "dependency 'dag/dag-ghost' not found",
    );
    assert_eq!(report.compliance_state, Compliance::NonCompliant);

    let client = tb.client().await?;
    let ar =
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, "v1", "Gadget"), "gadgets");
    let gadgets: Api<DynamicObject> = Api::namespaced_with(client.clone(), ns, &ar);
    assert!(
        gadgets.get_opt("g1").await?.is_some(),
        "the custom resource was applied after its CRD"
    );
    assert!(
        config_map(&client, ns, "never-applied").await?.is_none(),
        "nothing blocked by a cycle was applied"
    );
    let apps = kustomization(&client, ns, "dag-apps").await?;
    assert_eq!(
        inventory_ids(&apps),
        vec![format!("{ns}_g1_{group}_Gadget")]
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn crd_and_its_custom_resource_in_one_kustomization() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "crdcr";
    let group = "crdcr.sluice.dev";
    let widget = format!(
        "apiVersion: {group}/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: {ns}-apps\nspec:\n  colour: blue\n"
    );
    repo.commit(
        "crd and cr",
        &[
            (
                "all/kustomization.yaml",
                Some("resources:\n- widget.yaml\n- crd.yaml\n- ns.yaml\n"),
            ),
            ("all/crd.yaml", Some(&crd(group, "Widget", "widgets"))),
            ("all/ns.yaml", Some(&namespace(&format!("{ns}-apps")))),
            ("all/widget.yaml", Some(&widget)),
        ],
    )?;
    let r = options(
        tb,
        configuration(ns, &repo.url(), &["name=all path=./all prune=true"])?,
    )?;
    let report = run(&r).await?;
    assert_ready(&report, "crdcr-all");
    assert_eq!(report.compliance_state, Compliance::Compliant);

    let client = tb.client().await?;
    let ks = kustomization(&client, ns, "crdcr-all").await?;
    let mut ids = inventory_ids(&ks);
    ids.sort();
    assert_eq!(
        ids,
        vec![
            format!("_crdcr-apps__Namespace"),
            format!("_widgets.{group}_apiextensions.k8s.io_CustomResourceDefinition"),
            format!("{ns}-apps_w1_{group}_Widget"),
        ]
    );
    assert_eq!(
        ks.pointer("/status/lastAppliedRevision"),
        ks.pointer("/status/lastAttemptedRevision")
    );
    let ar =
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, "v1", "Widget"), "widgets");
    let widgets: Api<DynamicObject> =
        Api::namespaced_with(client.clone(), &format!("{ns}-apps"), &ar);
    let w = serde_json::to_value(widgets.get("w1").await?)?;
    assert_eq!(
        w.pointer("/metadata/labels/kustomize.toolkit.fluxcd.io~1name"),
        Some(&json!("crdcr-all"))
    );
    assert_eq!(
        w.pointer("/metadata/labels/kustomize.toolkit.fluxcd.io~1namespace"),
        Some(&json!(ns))
    );
    let managers: Vec<&str> = w
        .pointer("/metadata/managedFields")
        .and_then(Value::as_array)
        .map(|m| {
            m.iter()
                .filter_map(|e| e.get("manager").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(managers, vec!["kustomize-controller"]);

    // A second run changes nothing and stays compliant.
    let again = run(&r).await?;
    assert_ready(&again, "crdcr-all");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn removing_a_file_prunes_and_a_failed_build_never_prunes() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "prune";
    repo.commit(
        "four maps",
        &[
            ("p/ns.yaml", Some(&namespace(ns))),
            ("p/a.yaml", Some(&cm(ns, "a"))),
            ("p/b.yaml", Some(&cm(ns, "b"))),
            ("k/c.yaml", Some(&cm(ns, "c"))),
            ("k/d.yaml", Some(&cm(ns, "d"))),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=pruning path=./p prune=true",
            "name=keeping path=./k prune=false dependsOn=[\"pruning\"]",
        ],
    )?;
    let r = options(tb, config)?;
    assert_eq!(run(&r).await?.compliance_state, Compliance::Compliant);
    let client = tb.client().await?;
    for name in ["a", "b", "c", "d"] {
        assert!(
            config_map(&client, ns, name).await?.is_some(),
            "{name} applied"
        );
    }

    repo.commit("drop b and d", &[("p/b.yaml", None), ("k/d.yaml", None)])?;
    let report = run(&r).await?;
    assert_ready(&report, "prune-pruning");
    assert_ready(&report, "prune-keeping");
    assert!(
        config_map(&client, ns, "b").await?.is_none(),
        "b was pruned"
    );
    assert!(
        config_map(&client, ns, "d").await?.is_some(),
        "prune=false keeps d"
    );
    assert!(config_map(&client, ns, "a").await?.is_some());
    let keeping = kustomization(&client, ns, "prune-keeping").await?;
    assert_eq!(inventory_ids(&keeping), vec![format!("{ns}_c__ConfigMap")]);

    // A broken build reports BuildFailed and deletes nothing, even though
    // `a` is no longer in the (unbuildable) source.
    repo.commit(
        "break the build",
        &[
            ("p/a.yaml", None),
            (
                "p/kustomization.yaml",
                Some("resources:\n- ns.yaml\n- missing.yaml\n"),
            ),
        ],
    )?;
    let report = run(&r).await?;
    assert_not_ready(&report, "prune-pruning", "BuildFailed", "missing.yaml");
    assert!(
        config_map(&client, ns, "a").await?.is_some(),
        "a failed build never prunes"
    );
    let pruning = kustomization(&client, ns, "prune-pruning").await?;
    assert!(inventory_ids(&pruning).contains(&format!("{ns}_a__ConfigMap")));
    assert_ne!(
        pruning.pointer("/status/lastAppliedRevision"),
        pruning.pointer("/status/lastAttemptedRevision"),
        "the failed revision is attempted, not applied"
    );
    assert_not_ready(
        &report,
        "prune-keeping",
        "DependencyNotReady",
        "dependency 'prune/prune-pruning' is not ready",
    );
    Ok(())
}

fn job(ns: &str, name: &str, image: &str) -> String {
    format!(
        r#"apiVersion: batch/v1
kind: Job
metadata:
  name: {name}
  namespace: {ns}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: {image}
          command: ["true"]
"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn force_recreates_a_job_and_without_force_the_immutable_field_is_named() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "force";
    repo.commit(
        "jobs",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("plain/job.yaml", Some(&job(ns, "plain", "busybox:1.36"))),
            ("forced/job.yaml", Some(&job(ns, "forced", "busybox:1.36"))),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=plain path=./plain wait=false dependsOn=[\"ns\"]",
            "name=forced path=./forced wait=false force=true dependsOn=[\"ns\"]",
        ],
    )?;
    let r = options(tb, config)?;
    assert_eq!(run(&r).await?.compliance_state, Compliance::Compliant);
    let client = tb.client().await?;
    let jobs: Api<Job> = Api::namespaced(client.clone(), ns);
    let uid_before = jobs.get("forced").await?.metadata.uid;

    repo.commit(
        "new image",
        &[
            ("plain/job.yaml", Some(&job(ns, "plain", "busybox:1.37"))),
            ("forced/job.yaml", Some(&job(ns, "forced", "busybox:1.37"))),
        ],
    )?;
    let report = run(&r).await?;
    assert_not_ready(
        &report,
        "force-plain",
        "ReconciliationFailed",
        "Job/force/plain",
    );
    assert_not_ready(
        &report,
        "force-plain",
        "ReconciliationFailed",
        "spec.template",
    );
    assert_not_ready(&report, "force-plain", "ReconciliationFailed", "immutable");
    assert_ready(&report, "force-forced");
    let forced = jobs.get("forced").await?;
    assert_ne!(forced.metadata.uid, uid_before, "the Job was re-created");
    let image = forced
        .spec
        .and_then(|s| s.template.spec)
        .and_then(|p| p.containers.first().and_then(|c| c.image.clone()));
    assert_eq!(image.as_deref(), Some("busybox:1.37"));
    Ok(())
}

fn deployment(ns: &str, name: &str, node_selector: Option<&str>) -> String {
    let selector = node_selector
        .map(|s| format!("      nodeSelector:\n        {s}: \"true\"\n"))
        .unwrap_or_default();
    format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
spec:
  replicas: 1
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
{selector}      containers:
        - name: main
          image: nginx:1.27
"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn health_checks_wait_for_available_and_time_out_naming_what_is_not_ready() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "health";
    repo.commit(
        "deployments",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("good/d.yaml", Some(&deployment(ns, "good", None))),
            (
                "stuck/d.yaml",
                Some(&deployment(ns, "stuck", Some("nowhere"))),
            ),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=good path=./good dependsOn=[\"ns\"] timeout=2m",
            "name=stuck path=./stuck dependsOn=[\"ns\"] timeout=4s",
        ],
    )?;
    let r = options(tb, config)?;
    let report = run(&r).await?;
    assert_ready(&report, "health-good");
    assert_not_ready(
        &report,
        "health-stuck",
        "HealthCheckFailed",
        "timeout waiting for: [Deployment/health/stuck status: 'InProgress']",
    );
    let stuck = status(&report, "Kustomization", "health-stuck");
    let healthy = stuck
        .status_conditions
        .iter()
        .find(|c| c.type_ == "Healthy")
        .expect("Healthy condition");
    assert_eq!(
        (healthy.status.as_str(), healthy.reason.as_str()),
        ("False", "HealthCheckFailed")
    );
    let good = status(&report, "Kustomization", "health-good");
    assert!(good.status_conditions.iter().any(|c| c.type_ == "Healthy"
        && c.status == "True"
        && c.message.starts_with("Health check passed in ")));
    let client = tb.client().await?;
    let d: Api<k8s_openapi::api::apps::v1::Deployment> = Api::namespaced(client, ns);
    let st = d.get("good").await?.status.unwrap_or_default();
    assert_eq!(
        st.available_replicas,
        Some(1),
        "Ready means the Deployment is really available"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn failure_then_fix_then_success_on_retry() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "retry";
    let late = "retry-late";
    repo.commit(
        "needs a namespace",
        &[("app/cm.yaml", Some(&cm(late, "settings")))],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &["name=app path=./app retry_interval=1s wait=false"],
    )?;
    let r = options(tb, config)?;
    let client = tb.client().await?;
    let opts = r.opts.clone();
    let handle = tokio::spawn(async move { sync::sync(&opts, &quiet()).await });

    // Wait until the first attempt has failed, then fix the cluster.
    let mut seen = None;
    for _ in 0..300 {
        if let Ok(ks) = kustomization(&client, ns, "retry-app").await
            && let Some(c) = ks
                .pointer("/status/conditions")
                .and_then(Value::as_array)
                .and_then(|cs| {
                    cs.iter()
                        .find(|c| c["type"] == "Ready" && c["status"] == "False")
                })
        {
            seen = Some(c.clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let failed = seen.context("the first attempt never failed")?;
    assert_eq!(failed["reason"], "ReconciliationFailed");
    let msg = failed["message"].as_str().unwrap_or_default();
    assert!(
        msg.contains("ConfigMap/retry-late/settings") && msg.contains("retry-late"),
        "{msg}"
    );

    let nss: Api<Namespace> = Api::all(client.clone());
    nss.patch(
        late,
        &PatchParams::apply("test"),
        &Patch::Apply(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": late}})),
    )
    .await?;
    let report = tokio::time::timeout(Duration::from_secs(120), handle).await???;
    assert_ready(&report, "retry-app");
    assert!(config_map(&client, late, "settings").await?.is_some());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn two_kustomizations_claiming_one_object() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "claim";
    repo.commit(
        "shared object",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("one/shared.yaml", Some(&cm(ns, "shared"))),
            ("one/only1.yaml", Some(&cm(ns, "only1"))),
            ("two/shared.yaml", Some(&cm(ns, "shared"))),
            ("two/only2.yaml", Some(&cm(ns, "only2"))),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=one path=./one prune=true dependsOn=[\"ns\"]",
            "name=two path=./two prune=true dependsOn=[\"one\"]",
        ],
    )?;
    let r = options(tb, config)?;
    assert_eq!(run(&r).await?.compliance_state, Compliance::Compliant);
    let client = tb.client().await?;
    let owner = |c: &ConfigMap| {
        c.metadata
            .labels
            .as_ref()
            .and_then(|l| l.get("kustomize.toolkit.fluxcd.io/name").cloned())
    };
    let shared = config_map(&client, ns, "shared")
        .await?
        .context("shared exists")?;
    assert_eq!(
        owner(&shared).as_deref(),
        Some("claim-two"),
        "the last applier owns it"
    );

    // `one` lets go: its prune must not delete what `two` now owns.
    repo.commit("one drops shared", &[("one/shared.yaml", None)])?;
    let report = run(&r).await?;
    assert_ready(&report, "claim-one");
    assert!(
        config_map(&client, ns, "shared").await?.is_some(),
        "owned by two, not pruned by one"
    );

    // `two` lets go too: now it is deleted.
    repo.commit("two drops shared", &[("two/shared.yaml", None)])?;
    let report = run(&r).await?;
    assert_ready(&report, "claim-two");
    assert!(
        config_map(&client, ns, "shared").await?.is_none(),
        "pruned by its owner"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn prune_guard_refuses_mass_and_namespace_deletion() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "guard";
    let extra_ns = "guard-extra";
    repo.commit(
        "five objects",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("g/extra.yaml", Some(&namespace(extra_ns))),
            ("g/m1.yaml", Some(&cm(ns, "m1"))),
            ("g/m2.yaml", Some(&cm(ns, "m2"))),
            ("g/m3.yaml", Some(&cm(ns, "m3"))),
            ("g/m4.yaml", Some(&cm(ns, "m4"))),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=g path=./g prune=true dependsOn=[\"ns\"]",
        ],
    )?;
    let mut r = options(tb, config)?;
    assert_eq!(run(&r).await?.compliance_state, Compliance::Compliant);
    let client = tb.client().await?;

    repo.commit(
        "drop three of five",
        &[
            ("g/m1.yaml", None),
            ("g/m2.yaml", None),
            ("g/m3.yaml", None),
        ],
    )?;
    let report = run(&r).await?;
    assert_not_ready(&report, "guard-g", "PruneFailed", "prune");
    for name in ["m1", "m2", "m3", "m4"] {
        assert!(
            config_map(&client, ns, name).await?.is_some(),
            "{name} kept by the guard"
        );
    }
    let g = kustomization(&client, ns, "guard-g").await?;
    assert_eq!(
        inventory_ids(&g).len(),
        5,
        "refused objects stay in the inventory: {g:#}"
    );

    // Restore the maps, drop only the Namespace: refused unless allowed.
    repo.commit(
        "drop the namespace",
        &[
            ("g/m1.yaml", Some(&cm(ns, "m1"))),
            ("g/m2.yaml", Some(&cm(ns, "m2"))),
            ("g/m3.yaml", Some(&cm(ns, "m3"))),
            ("g/extra.yaml", None),
        ],
    )?;
    let report = run(&r).await?;
    assert_not_ready(&report, "guard-g", "PruneFailed", "Namespace");
    let nss: Api<Namespace> = Api::all(client.clone());
    assert!(nss.get_opt(extra_ns).await?.is_some());
    r.opts.prune_guard.allow_namespaces = true;
    let report = run(&r).await?;
    assert_ready(&report, "guard-g");
    let gone = nss
        .get_opt(extra_ns)
        .await?
        .is_none_or(|n| n.metadata.deletion_timestamp.is_some());
    assert!(gone, "the namespace is deleted once allowed");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn apiserver_restart_mid_apply_is_retried_and_nothing_is_lost() -> Result<()> {
    // A private instance: restarting the shared one would disturb others.
    let tb = Testbed::start(false)?;
    let repo = Repo::new()?;
    let ns = "restart";
    let count = 400;
    let mut files: Vec<(String, String)> = vec![("many/ns.yaml".into(), namespace(ns))];
    for i in 0..count {
        files.push((
            format!("many/cm-{i:03}.yaml"),
            cm(ns, &format!("cm-{i:03}")),
        ));
    }
    let refs: Vec<(&str, Option<&str>)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), Some(c.as_str())))
        .collect();
    repo.commit("many objects", &refs)?;
    let config = configuration(
        ns,
        &repo.url(),
        &["name=many path=./many prune=true retry_interval=1s wait=false"],
    )?;
    let r = options(&tb, config)?;
    let client = tb.client().await?;
    let opts = r.opts.clone();
    let handle = tokio::spawn(async move { sync::sync(&opts, &quiet()).await });

    // Restart the apiserver as soon as the apply is under way.
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let mut started = false;
    for _ in 0..600 {
        if cms
            .list(&Default::default())
            .await
            .map(|l| !l.items.is_empty())
            .unwrap_or(false)
        {
            started = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if !started {
        bail!("the apply never started");
    }
    let in_flight = cms.list(&Default::default()).await?.items.len();
    tokio::task::block_in_place(|| tb.restart_apiserver(Duration::from_secs(2)))?;
    let report = tokio::time::timeout(Duration::from_secs(180), handle).await???;
    assert!(
        in_flight < count,
        "the restart hit the apply mid-way ({in_flight}/{count} applied)"
    );
    assert_ready(&report, "restart-many");
    let client = tb.client().await?;
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let names = cms.list(&Default::default()).await?.items.len();
    // kube-root-ca.crt is made by the controller manager, absent here.
    assert_eq!(names, count, "every object is there after the restart");
    let ks = kustomization(&client, ns, "restart-many").await?;
    assert_eq!(
        inventory_ids(&ks).len(),
        count + 1,
        "the inventory is complete"
    );
    Ok(())
}

fn annotated_cm(ns: &str, name: &str, annotation: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\n  annotations:\n    {annotation}\ndata:\n  key: {name}\n"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn kubectl_edits_are_reverted_and_opt_outs_are_honoured() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "drift";
    repo.commit(
        "objects",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("app/drift.yaml", Some(&cm(ns, "drifting"))),
            (
                "app/ignored.yaml",
                Some(&annotated_cm(
                    ns,
                    "ignored",
                    "kustomize.toolkit.fluxcd.io/ssa: Ignore",
                )),
            ),
            (
                "app/once.yaml",
                Some(&annotated_cm(
                    ns,
                    "once",
                    "kustomize.toolkit.fluxcd.io/ssa: IfNotPresent",
                )),
            ),
            (
                "app/off.yaml",
                Some(&annotated_cm(
                    ns,
                    "off",
                    "kustomize.toolkit.fluxcd.io/reconcile: disabled",
                )),
            ),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=app path=./app prune=true dependsOn=[\"ns\"]",
        ],
    )?;
    let r = options(tb, config)?;
    assert_eq!(run(&r).await?.compliance_state, Compliance::Compliant);
    let client = tb.client().await?;
    assert!(config_map(&client, ns, "drifting").await?.is_some());
    assert!(
        config_map(&client, ns, "once").await?.is_some(),
        "IfNotPresent creates"
    );
    assert!(
        config_map(&client, ns, "ignored").await?.is_none(),
        "ssa: Ignore never applies"
    );
    assert!(
        config_map(&client, ns, "off").await?.is_none(),
        "reconcile: disabled never applies"
    );

    // kubectl edit: change a value and add a key, as kubectl's own manager.
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let edit = PatchParams {
        field_manager: Some("kubectl-edit".into()),
        ..Default::default()
    };
    let change = json!({"data": {"key": "edited", "extra": "added"}});
    cms.patch("drifting", &edit, &Patch::Merge(&change)).await?;
    cms.patch("once", &edit, &Patch::Merge(&change)).await?;

    let report = run(&r).await?;
    assert_ready(&report, "drift-app");
    let data = |c: Option<ConfigMap>| c.and_then(|c| c.data).unwrap_or_default();
    let drifting = data(config_map(&client, ns, "drifting").await?);
    assert_eq!(
        drifting.get("key").map(String::as_str),
        Some("drifting"),
        "the edit is reverted"
    );
    assert_eq!(
        drifting.get("extra"),
        None,
        "fields kubectl added are removed"
    );
    let once = data(config_map(&client, ns, "once").await?);
    assert_eq!(
        once.get("key").map(String::as_str),
        Some("edited"),
        "IfNotPresent leaves it alone"
    );
    let ks = kustomization(&client, ns, "drift-app").await?;
    let mut ids = inventory_ids(&ks);
    ids.sort();
    assert_eq!(
        ids,
        vec![
            format!("{ns}_drifting__ConfigMap"),
            format!("{ns}_ignored__ConfigMap"),
            format!("{ns}_off__ConfigMap"),
            format!("{ns}_once__ConfigMap"),
        ],
        "skipped objects stay in the inventory, as in Flux"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invalid_object_stops_its_stage_before_anything_is_applied() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "atomic";
    let no_namespace =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: homeless\ndata:\n  a: b\n";
    let bad_deployment = format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\n  namespace: {ns}\nspec:\n  replicas: -1\n  selector:\n    matchLabels: {{app: bad}}\n  template:\n    metadata:\n      labels: {{app: bad}}\n    spec:\n      containers: [{{name: c, image: nginx}}]\n"
    );
    repo.commit(
        "objects",
        &[
            ("ns/ns.yaml", Some(&namespace(ns))),
            ("homeless/good.yaml", Some(&cm(ns, "good"))),
            ("homeless/homeless.yaml", Some(no_namespace)),
            ("invalid/good.yaml", Some(&cm(ns, "also-good"))),
            ("invalid/bad.yaml", Some(&bad_deployment)),
        ],
    )?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=homeless path=./homeless dependsOn=[\"ns\"]",
            "name=invalid path=./invalid dependsOn=[\"ns\"]",
        ],
    )?;
    let r = options(tb, config)?;
    let report = run(&r).await?;
    assert_not_ready(
        &report,
        "atomic-homeless",
        "ReconciliationFailed",
        "ConfigMap/homeless namespace not specified",
    );
    assert_not_ready(
        &report,
        "atomic-invalid",
        "ReconciliationFailed",
        "Deployment/atomic/bad dry-run failed (Invalid)",
    );
    let client = tb.client().await?;
    assert!(
        config_map(&client, ns, "good").await?.is_none(),
        "nothing of the stage was applied"
    );
    assert!(
        config_map(&client, ns, "also-good").await?.is_none(),
        "nothing of the stage was applied"
    );
    assert!(
        config_map(&client, "default", "homeless").await?.is_none(),
        "never guessed into default"
    );
    Ok(())
}

/// `size` bytes of text for a ConfigMap or Secret value.
fn filler(size: usize) -> String {
    "0123456789abcdef".repeat(size / 16 + 1)[..size].to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn objects_over_the_size_limit_or_without_their_crd_are_named_and_nothing_is_pruned()
-> Result<()> {
    let tb = Testbed::shared(true)?;
    let repo = Repo::new()?;
    let ns = "limits";
    let kept = |dir: &str| (format!("{dir}/kept.yaml"), cm(ns, &format!("{dir}-kept")));
    let first: Vec<(String, String)> = ["over", "giant", "nocrd"].map(kept).into();
    let ns_yaml = namespace(ns);
    let mut files: Vec<(&str, Option<&str>)> = vec![("ns/ns.yaml", Some(ns_yaml.as_str()))];
    files.extend(first.iter().map(|(p, t)| (p.as_str(), Some(t.as_str()))));
    repo.commit("kept objects", &files)?;
    let config = configuration(
        ns,
        &repo.url(),
        &[
            "name=ns path=./ns",
            "name=over path=./over dependsOn=[\"ns\"]",
            "name=giant path=./giant dependsOn=[\"ns\"]",
            "name=nocrd path=./nocrd dependsOn=[\"ns\"]",
        ],
    )?;
    let r = options(tb, config)?;
    let report = run(&r).await?;
    for ks in ["ns", "over", "giant", "nocrd"] {
        assert_ready(&report, &format!("{ns}-{ks}"));
    }

    // Over the API's 1 MiB limit on ConfigMap and Secret data; over
    // kube-apiserver's 3 MiB request limit; a kind no CRD defines. Each
    // commit also drops the object the Kustomization applied before: a
    // failed apply must not prune it.
    let big = filler(1100 * 1024);
    let huge_cm = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge-cm\n  namespace: {ns}\ndata:\n  blob: {big}\n"
    );
    let huge_secret = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: huge-secret\n  namespace: {ns}\ntype: Opaque\nstringData:\n  blob: {big}\n"
    );
    let giant = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: giant-cm\n  namespace: {ns}\ndata:\n  blob: {}\n",
        filler(3600 * 1024)
    );
    let gizmo = format!(
        "apiVersion: nocrd.sluice.dev/v1\nkind: Gizmo\nmetadata:\n  name: g1\n  namespace: {ns}\nspec:\n  size: 1\n"
    );
    repo.commit(
        "too big and unknown",
        &[
            ("over/kept.yaml", None),
            ("over/huge-cm.yaml", Some(&huge_cm)),
            ("over/huge-secret.yaml", Some(&huge_secret)),
            ("giant/kept.yaml", None),
            ("giant/giant.yaml", Some(&giant)),
            ("nocrd/kept.yaml", None),
            ("nocrd/gizmo.yaml", Some(&gizmo)),
        ],
    )?;
    let report = run(&r).await?;
    let message = |ks: &str| {
        let s = status(&report, "Kustomization", &format!("{ns}-{ks}"));
        let r = ready(s);
        assert_eq!(r.status, "False", "{ks}: {}", r.message);
        assert_eq!(r.reason, "ReconciliationFailed", "{ks}: {}", r.message);
        eprintln!("{ks}: {}", &r.message[..r.message.len().min(600)]);
        r.message.clone()
    };
    let over = message("over");
    assert!(
        (over.contains(&format!("ConfigMap/{ns}/huge-cm dry-run failed"))
            || over.contains(&format!("Secret/{ns}/huge-secret dry-run failed")))
            && over.contains("Too long"),
        "over: {over}"
    );
    assert!(!over.contains(&big[..64]), "the data is not echoed: {over}");
    let giant_msg = message("giant");
    assert!(
        giant_msg.contains(&format!("ConfigMap/{ns}/giant-cm dry-run failed"))
            && giant_msg.len() < 4096,
        "giant: {}",
        &giant_msg[..giant_msg.len().min(4096)]
    );
    let nocrd = message("nocrd");
    assert!(
        nocrd.contains(&format!(
            "Gizmo/{ns}/g1: no matches for kind \"Gizmo\" in version \"nocrd.sluice.dev/v1\""
        )),
        "nocrd: {nocrd}"
    );

    let client = tb.client().await?;
    for dir in ["over", "giant", "nocrd"] {
        assert!(
            config_map(&client, ns, &format!("{dir}-kept"))
                .await?
                .is_some(),
            "{dir}: a failed apply pruned what the last one applied"
        );
        let ks = kustomization(&client, ns, &format!("{ns}-{dir}")).await?;
        assert_eq!(
            inventory_ids(&ks),
            vec![format!("{ns}_{dir}-kept__ConfigMap")],
            "{dir}: the inventory keeps the last applied set"
        );
    }
    for name in ["huge-cm", "giant-cm"] {
        assert!(config_map(&client, ns, name).await?.is_none(), "{name}");
    }
    Ok(())
}

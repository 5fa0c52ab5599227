//! `sluice config` as an Azure user drives it: the runbook of Azure's GitOps
//! tutorial with `az k8s-configuration flux` replaced by `sluice config`
//! (the Azure-only `-g -c -t` kept: they are accepted and ignored), against
//! the test bed's real kube-apiserver and `git http-backend` — reconciled
//! in-process when no controller runs, or by `sluice run` when one does;
//! `--scope namespace` confinement; bad flags that change nothing; and the
//! az document checked field by field.

use std::process::{Command, Output};
use std::time::Duration;

use anyhow::{Context, Result};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::Value;
use sluice_engine::flux::{GitRepository, Kustomization};
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, binary, eventually};
use sluice_tests::testbed::Testbed;

const AZ: [&str; 6] = [
    "-g",
    "flux-demo-rg",
    "-c",
    "flux-demo-arc",
    "-t",
    "connectedClusters",
];

struct Cli<'a> {
    tb: &'a Testbed,
    storage: tempfile::TempDir,
}

impl<'a> Cli<'a> {
    fn new(tb: &'a Testbed) -> Result<Self> {
        Ok(Self {
            tb,
            storage: tempfile::tempdir()?,
        })
    }

    fn run(&self, args: &[&str]) -> Result<Output> {
        Ok(Command::new(binary()?)
            .args(args)
            .arg("--kubeconfig")
            .arg(self.tb.kubeconfig())
            .env_remove("KUBECONFIG")
            .env("SLUICE_STORAGE", self.storage.path())
            .env("NO_COLOR", "1")
            .output()?)
    }

    /// Runs a command that must succeed and print a JSON document.
    fn json(&self, args: &[&str]) -> Result<Value> {
        let out = self.run(args)?;
        let (stdout, stderr) = text(&out);
        anyhow::ensure!(
            out.status.success(),
            "sluice {} failed ({:?}):\n{stdout}\n{stderr}",
            args.join(" "),
            out.status.code()
        );
        serde_json::from_str(&stdout).with_context(|| format!("not JSON:\n{stdout}"))
    }
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn with_az<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(AZ);
    v
}

fn status<'v>(doc: &'v Value, kind: &str, name: &str) -> Option<&'v Value> {
    doc["statuses"]
        .as_array()?
        .iter()
        .find(|s| s["kind"] == kind && s["name"] == name)
}

/// The az document's shape: every key az prints, of the right type.
fn check_document(doc: &Value, name: &str, namespace: &str) {
    let keys: Vec<&str> = doc
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for k in [
        "azureBlob",
        "bucket",
        "complianceState",
        "configurationProtectedSettings",
        "errorMessage",
        "gitRepository",
        "id",
        "kustomizations",
        "name",
        "namespace",
        "provisioningState",
        "repositoryPublicKey",
        "scope",
        "sourceKind",
        "sourceSyncedCommitId",
        "sourceUpdatedAt",
        "statusUpdatedAt",
        "statuses",
        "suspend",
        "systemData",
        "type",
    ] {
        assert!(keys.contains(&k), "missing key {k} in {keys:?}");
    }
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "keys are in az's (sorted) order");
    assert_eq!(doc["name"], name);
    assert_eq!(doc["namespace"], namespace);
    assert_eq!(doc["sourceKind"], "GitRepository");
    assert_eq!(
        doc["type"],
        "Microsoft.KubernetesConfiguration/fluxConfigurations"
    );
    assert_eq!(doc["provisioningState"], "Succeeded");
    assert_eq!(doc["configurationProtectedSettings"], serde_json::json!({}));
    let repo = &doc["gitRepository"];
    for k in [
        "httpsCaCert",
        "httpsUser",
        "localAuthRef",
        "repositoryRef",
        "sshKnownHosts",
        "syncIntervalInSeconds",
        "timeoutInSeconds",
        "url",
    ] {
        assert!(repo.get(k).is_some(), "gitRepository.{k}");
    }
    for k in ["branch", "commit", "semver", "tag"] {
        assert!(repo["repositoryRef"].get(k).is_some(), "repositoryRef.{k}");
    }
    for (_, k) in doc["kustomizations"].as_object().into_iter().flatten() {
        for f in [
            "dependsOn",
            "force",
            "name",
            "path",
            "postBuild",
            "prune",
            "retryIntervalInSeconds",
            "syncIntervalInSeconds",
            "timeoutInSeconds",
            "wait",
        ] {
            assert!(k.get(f).is_some(), "kustomization.{f} in {k}");
        }
    }
    for s in doc["statuses"].as_array().into_iter().flatten() {
        for f in [
            "appliedBy",
            "complianceState",
            "helmReleaseProperties",
            "kind",
            "name",
            "namespace",
            "statusConditions",
        ] {
            assert!(s.get(f).is_some(), "status.{f} in {s}");
        }
        let state = s["complianceState"].as_str().unwrap_or_default();
        assert!(
            [
                "Compliant",
                "Non-Compliant",
                "Pending",
                "Suspended",
                "Unknown"
            ]
            .contains(&state),
            "{state}"
        );
        for c in s["statusConditions"].as_array().into_iter().flatten() {
            for f in ["lastTransitionTime", "message", "reason", "status", "type"] {
                assert!(c.get(f).is_some(), "condition.{f} in {c}");
            }
        }
    }
}

async fn gone<K>(api: &Api<K>, name: &str) -> Result<()>
where
    K: kube::Resource + Clone + serde::de::DeserializeOwned + std::fmt::Debug,
{
    eventually(
        &format!("{name} deleted"),
        Duration::from_secs(60),
        || async { Ok(api.get_opt(name).await?.is_none().then_some(())) },
    )
    .await
}

fn widgets(client: &kube::Client, ns: &str) -> Api<DynamicObject> {
    let ar = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("demo.sluice.dev", "v1", "Widget"),
        "widgets",
    );
    Api::namespaced_with(client.clone(), ns, &ar)
}

/// The tutorial: create, show, a commit removing an app, a path change,
/// suspend, delete — reconciled in this process (no controller runs).
#[tokio::test(flavor = "multi_thread")]
async fn azure_tutorial_runbook_in_process() -> Result<()> {
    // Its own test bed: the fixture's cluster-scoped objects (namespace
    // podinfo, a CRD) are the tutorial's own.
    let tb = Testbed::start(true)?;
    let client = tb.client().await?;
    let repos = FixtureRepos::build(&["gitops-demo"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let url = server.url("gitops-demo");
    let cli = Cli::new(&tb)?;

    let doc = cli.json(&with_az(&[
        "config",
        "create",
        "-n",
        "cluster-config",
        "--namespace",
        "cluster-config",
        "--scope",
        "cluster",
        "-u",
        &url,
        "--branch",
        "main",
        "--kustomization",
        "name=infra",
        "path=./infrastructure",
        "prune=true",
        "--kustomization",
        "name=apps",
        "path=./apps/staging",
        "prune=true",
        r#"dependsOn=["infra"]"#,
    ]))?;
    check_document(&doc, "cluster-config", "cluster-config");
    assert_eq!(doc["complianceState"], "Compliant", "{doc:#}");
    assert_eq!(
        doc["kustomizations"]["apps"]["dependsOn"],
        serde_json::json!(["infra"])
    );
    assert!(
        doc["sourceSyncedCommitId"]
            .as_str()
            .is_some_and(|r| r.starts_with("main@sha1:"))
    );
    // Every object the Kustomizations applied is in statuses, Compliant.
    let widget = status(&doc, "Widget", "podinfo").context("Widget status")?;
    assert_eq!(widget["appliedBy"]["name"], "cluster-config-apps");
    assert_eq!(
        status(&doc, "Deployment", "podinfo").context("Deployment")?["complianceState"],
        "Compliant"
    );
    assert!(status(&doc, "Namespace", "podinfo").is_some());

    let shown = cli.json(&with_az(&["config", "show", "-n", "cluster-config"]))?;
    check_document(&shown, "cluster-config", "cluster-config");
    assert_eq!(shown["complianceState"], "Compliant");
    let listed = cli.run(&with_az(&["config", "list", "-o", "table"]))?;
    let (table, _) = text(&listed);
    assert!(table.starts_with("Namespace"), "{table}");
    assert!(
        table.contains("cluster-config") && table.contains("Compliant"),
        "{table}"
    );

    // A commit that removes an app's object: the next reconcile prunes it.
    repos.commit(
        "gitops-demo",
        "main",
        "drop the widget",
        &[
            ("apps/base/podinfo/widget.yaml", None),
            (
                "apps/base/podinfo/kustomization.yaml",
                Some("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: podinfo\nresources:\n  - deployment.yaml\n  - service.yaml\nlabels:\n  - pairs:\n      app.kubernetes.io/name: podinfo\n    includeSelectors: true\n"),
            ),
        ],
    )?;
    let doc = cli.json(&with_az(&["config", "update", "-n", "cluster-config"]))?;
    assert_eq!(doc["complianceState"], "Compliant", "{doc:#}");
    assert!(
        widgets(&client, "podinfo")
            .get_opt("podinfo")
            .await?
            .is_none(),
        "widget pruned"
    );
    assert!(status(&doc, "Widget", "podinfo").is_none());

    // Change a kustomization's path.
    let doc = cli.json(&with_az(&[
        "config",
        "kustomization",
        "update",
        "-n",
        "cluster-config",
        "-k",
        "apps",
        "--path",
        "./apps/production",
    ]))?;
    assert_eq!(doc["kustomizations"]["apps"]["path"], "./apps/production");
    assert_eq!(doc["complianceState"], "Compliant", "{doc:#}");
    let deploys: Api<Deployment> = Api::namespaced(client.clone(), "podinfo");
    assert_eq!(deploys.get("podinfo").await?.spec.replicas, Some(3));
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), "podinfo");
    let generated: Vec<String> = cms
        .list(&ListParams::default())
        .await?
        .items
        .into_iter()
        .filter_map(|c| c.metadata.name)
        .filter(|n| n.starts_with("podinfo-values"))
        .collect();
    assert!(
        generated.is_empty(),
        "staging's ConfigMap pruned: {generated:?}"
    );
    let table = cli.run(&with_az(&[
        "config",
        "kustomization",
        "list",
        "-n",
        "cluster-config",
        "-o",
        "table",
    ]))?;
    let (table, _) = text(&table);
    assert!(
        table.starts_with("Name") && table.contains("./apps/production") && table.contains("10m"),
        "{table}"
    );

    // Suspend.
    let doc = cli.run(&with_az(&[
        "config",
        "update",
        "-n",
        "cluster-config",
        "--suspend",
    ]))?;
    let doc: Value = serde_json::from_slice(&doc.stdout)?;
    assert_eq!(doc["complianceState"], "Suspended", "{doc:#}");
    assert_eq!(doc["suspend"], true);
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), "cluster-config");
    assert_eq!(
        kss.get("cluster-config-apps").await?.spec.suspend,
        Some(true)
    );
    let doc = cli.json(&with_az(&[
        "config",
        "update",
        "-n",
        "cluster-config",
        "--suspend",
        "false",
    ]))?;
    assert_eq!(doc["complianceState"], "Compliant", "{doc:#}");

    // Delete: everything applied goes (prune is on), then the Flux objects.
    let out = cli.run(&with_az(&["config", "delete", "-n", "cluster-config"]))?;
    assert!(!out.status.success(), "no --yes without a terminal");
    assert!(text(&out).1.contains("--yes"), "{}", text(&out).1);
    let out = cli.run(&with_az(&[
        "config",
        "delete",
        "-n",
        "cluster-config",
        "--yes",
    ]))?;
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(out.stdout.is_empty(), "az prints nothing on delete");
    gone(&deploys, "podinfo").await?;
    let namespaces: Api<Namespace> = Api::all(client.clone());
    let podinfo_ns = namespaces.get_opt("podinfo").await?;
    assert!(
        podinfo_ns.is_none_or(|n| n.metadata.deletion_timestamp.is_some()),
        "podinfo namespace pruned"
    );
    assert!(kss.list(&ListParams::default()).await?.items.is_empty());
    let repos_api: Api<GitRepository> = Api::namespaced(client.clone(), "cluster-config");
    gone(&repos_api, "cluster-config").await?;
    let out = cli.run(&with_az(&["config", "show", "-n", "cluster-config"]))?;
    assert_eq!(out.status.code(), Some(3), "not found is exit code 3");
    assert!(text(&out).1.contains("FluxConfigurationNotFound"));
    Ok(())
}

/// With `sluice run` in the cluster, `config` writes and lets it reconcile;
/// delete goes through its finalizer.
#[tokio::test(flavor = "multi_thread")]
async fn with_a_controller_config_lets_it_reconcile() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let client = tb.client().await?;
    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let ns = "cfg-controller";
    repos.commit(
        "blank",
        "main",
        "app",
        &[(
            "app/cm.yaml",
            Some(&format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello\n  namespace: {ns}\ndata:\n  x: \"1\"\n")),
        )],
    )?;
    sluice_engine::flux::install_crds(&client).await?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let cli = Cli::new(tb)?;
    let doc = cli.json(&[
        "config",
        "create",
        "-n",
        "ctl",
        "--namespace",
        ns,
        "-u",
        &server.url("blank"),
        "--branch",
        "main",
        "--kustomization",
        "name=app",
        "path=./app",
        "prune=true",
    ])?;
    assert_eq!(doc["complianceState"], "Compliant", "{doc:#}");
    // The controller did the work: its finalizer is on the objects.
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let k = kss.get("ctl-app").await?;
    assert!(
        k.metadata
            .finalizers
            .unwrap_or_default()
            .contains(&"finalizers.fluxcd.io".to_string())
    );
    assert!(
        ctl.metric(
            "gotk_reconcile_duration_seconds_count",
            &["name=\"ctl-app\""]
        )? >= 1.0
    );
    let out = cli.run(&["config", "delete", "-n", "ctl", "--yes"])?;
    assert!(out.status.success(), "{}", text(&out).1);
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    gone(&cms, "hello").await?;
    gone(&kss, "ctl-app").await?;
    Ok(())
}

/// `--scope namespace`: the configuration applies as `flux-applier`, bound
/// to its namespace; an object outside it fails the Kustomization with a
/// message naming it, and nothing of that Kustomization is applied.
#[tokio::test(flavor = "multi_thread")]
async fn namespace_scope_refuses_what_is_outside() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let client = tb.client().await?;
    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let ns = "cfg-scoped";
    repos.commit(
        "blank",
        "main",
        "scoped",
        &[
            (
                "inside/cm.yaml",
                Some(&format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n  namespace: {ns}\ndata:\n  x: \"1\"\n")),
            ),
            (
                "outside/cm.yaml",
                Some(&format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alongside\n  namespace: {ns}\ndata:\n  x: \"1\"\n")),
            ),
            (
                "outside/cr.yaml",
                Some("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: scoped-config-wants-this\nrules: []\n"),
            ),
        ],
    )?;
    let cli = Cli::new(tb)?;
    let out = cli.run(&[
        "config",
        "create",
        "-n",
        "scoped",
        "--namespace",
        ns,
        "--scope",
        "namespace",
        "-u",
        &server.url("blank"),
        "--branch",
        "main",
        "--wait-timeout",
        "30s",
        "--kustomization",
        "name=inside",
        "path=./inside",
        "prune=true",
        "--kustomization",
        "name=outside",
        "path=./outside",
        "prune=true",
    ])?;
    let (stdout, stderr) = text(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "not compliant: {stdout}\n{stderr}"
    );
    let doc: Value = serde_json::from_str(&stdout)?;
    assert_eq!(doc["scope"], "namespace");
    assert_eq!(doc["complianceState"], "Non-Compliant");
    let inside = status(&doc, "Kustomization", "scoped-inside").context("inside")?;
    assert_eq!(inside["complianceState"], "Compliant");
    let outside = status(&doc, "Kustomization", "scoped-outside").context("outside")?;
    let message = outside["statusConditions"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "Ready"))
        .and_then(|c| c["message"].as_str())
        .unwrap_or_default();
    assert!(
        message.contains("scoped to namespace 'cfg-scoped'")
            && message.contains("ClusterRole/scoped-config-wants-this"),
        "{message}"
    );
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    assert_eq!(
        kss.get("scoped-inside")
            .await?
            .spec
            .service_account_name
            .as_deref(),
        Some("flux-applier")
    );
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    assert!(cms.get_opt("inside").await?.is_some());
    assert!(
        cms.get_opt("alongside").await?.is_none(),
        "nothing of the refused Kustomization applied"
    );
    let roles: Api<k8s_openapi::api::rbac::v1::ClusterRole> = Api::all(client.clone());
    assert!(roles.get_opt("scoped-config-wants-this").await?.is_none());
    let out = cli.run(&["config", "delete", "-n", "scoped", "--yes"])?;
    assert!(out.status.success(), "{}", text(&out).1);
    gone(&cms, "inside").await?;
    Ok(())
}

/// Bad flags each name the flag, exit 1, and create nothing.
#[tokio::test(flavor = "multi_thread")]
async fn bad_flags_name_the_flag_and_change_nothing() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let client = tb.client().await?;
    let cli = Cli::new(tb)?;
    let base = [
        "config",
        "create",
        "-n",
        "badcfg",
        "--namespace",
        "cfg-bad",
        "-u",
        "https://example.invalid/r.git",
    ];
    for (extra, needle) in [
        (
            vec![
                "--branch",
                "main",
                "--tag",
                "v1",
                "--kustomization",
                "name=a",
            ],
            "Repository reference is invalid",
        ),
        (
            vec!["--kustomization", "name=a"],
            "one of [--branch, --tag, --semver, --commit] is required",
        ),
        (
            vec![
                "--branch",
                "main",
                "--kustomization",
                "name=a",
                "colour=red",
            ],
            "unknown key 'colour'",
        ),
        (
            vec![
                "--branch",
                "main",
                "--kustomization",
                "name=a",
                "timeout=soon",
            ],
            "Invalid timeout",
        ),
        (
            vec![
                "--branch",
                "main",
                "--kustomization",
                "name=a",
                "dependsOn=[missing]",
            ],
            "depends on 'missing'",
        ),
        (
            vec![
                "--branch",
                "main",
                "--kustomization",
                "name=a",
                "dependsOn=[b]",
                "--kustomization",
                "name=b",
                "dependsOn=[a]",
            ],
            "cannot be met",
        ),
        (
            vec![
                "--branch",
                "main",
                "--kustomization",
                "name=a",
                "--kustomization",
                "name=a",
            ],
            "duplicated",
        ),
        (
            vec![
                "--branch",
                "main",
                "--https-user",
                "u",
                "--kustomization",
                "name=a",
            ],
            "--https-user and --https-key",
        ),
        (vec!["--branch", "main", "--kind", "bucket"], "--kind"),
    ] {
        let mut args = base.to_vec();
        args.extend(extra);
        let out = cli.run(&args)?;
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stdout}\n{stderr}");
        assert!(
            stderr.contains(needle),
            "{args:?}: expected '{needle}' in {stderr}"
        );
    }
    let out = cli.run(&[
        "config",
        "create",
        "-n",
        "badcfg",
        "--interval",
        "soon",
        "-u",
        "x",
    ])?;
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(text(&out).1.contains("--interval"), "{}", text(&out).1);
    let namespaces: Api<Namespace> = Api::all(client.clone());
    assert!(
        namespaces.get_opt("cfg-bad").await?.is_none(),
        "nothing was written"
    );
    Ok(())
}

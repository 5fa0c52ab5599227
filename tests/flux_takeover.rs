//! Replacing Flux on a cluster that runs it: Flux's own source-controller
//! and kustomize-controller (built from their Go modules) reconcile a
//! configuration, are stopped (as scaling their Deployments to 0 does), and
//! `sluice run` takes over the same objects — with Flux's CRDs, finalizers
//! and status as Flux left them — and re-applies nothing, then follows the
//! next push and prunes on deletion through Flux's finalizer.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::ConfigMap;
use kube::ResourceExt;
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::{ApiResource, GroupVersionKind};
use sluice_engine::flux::{GitRepository, Kustomization};
use sluice_tests::flux::{FluxControllers, crds_dir};
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, eventually};
use sluice_tests::testbed::Testbed;

const NS: &str = "flux-system";
const WAIT: Duration = Duration::from_secs(120);

fn kubectl(tb: &Testbed, args: &[&str], stdin: Option<&str>) -> Result<String> {
    use std::io::Write;
    let mut child = std::process::Command::new(sluice_tests::tools::kubectl()?)
        .args(args)
        .env("KUBECONFIG", tb.kubeconfig())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    let mut stdin_pipe = child.stdin.take().context("stdin")?;
    if let Some(text) = stdin {
        stdin_pipe.write_all(text.as_bytes())?;
    }
    drop(stdin_pipe);
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("kubectl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

async fn applied(api: &Api<Kustomization>, name: &str, revision: &str) -> Result<Kustomization> {
    eventually(&format!("{name} at {revision}"), WAIT, || async {
        let k = api.get(name).await?;
        let at = k
            .status
            .as_ref()
            .and_then(|s| s.last_applied_revision.as_deref())
            == Some(revision);
        let ready = k
            .conditions()
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True");
        Ok((at && ready).then_some(k))
    })
    .await
}

/// resourceVersion of every object the Kustomizations' inventories hold.
async fn versions(
    client: &kube::Client,
    kss: &[Kustomization],
) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for k in kss {
        for e in k.inventory() {
            let r = sluice_appliers::apply::inventory::ObjectRef::from_entry(e).context("entry")?;
            let plural = match r.kind.as_str() {
                "ConfigMap" => "configmaps",
                "Deployment" => "deployments",
                "Service" => "services",
                "Namespace" => "namespaces",
                other => bail!("unexpected kind {other} in the fixture"),
            };
            let ar = ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk(&r.group, &r.version, &r.kind),
                plural,
            );
            let api: Api<DynamicObject> = if r.namespace.is_empty() {
                Api::all_with(client.clone(), &ar)
            } else {
                Api::namespaced_with(client.clone(), &r.namespace, &ar)
            };
            let o = api.get(&r.name).await?;
            out.insert(r.to_string(), o.resource_version().unwrap_or_default());
        }
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread")]
async fn sluice_takes_over_from_flux_without_reapplying() -> Result<()> {
    let tb = Testbed::start(true)?;
    let client = tb.client().await?;
    // Flux's CRDs as the Flux release ships them.
    kubectl(
        &tb,
        &[
            "apply",
            "--server-side",
            "-f",
            &crds_dir()?.display().to_string(),
        ],
        None,
    )?;
    kubectl(&tb, &["create", "namespace", NS], None)?;

    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let app = |replicas: u32, greeting: &str| {
        format!(
            r#"apiVersion: v1
kind: Namespace
metadata:
  name: podinfo
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: podinfo
data:
  greeting: {greeting}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: podinfo
  namespace: podinfo
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: podinfo
  template:
    metadata:
      labels:
        app: podinfo
    spec:
      containers:
      - name: podinfo
        image: ghcr.io/stefanprodan/podinfo:6.5.0
        ports:
        - containerPort: 9898
---
apiVersion: v1
kind: Service
metadata:
  name: podinfo
  namespace: podinfo
spec:
  selector:
    app: podinfo
  ports:
  - port: 9898
"#
        )
    };
    let infra = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: infra\n  namespace: flux-system\ndata:\n  tier: infra\n";
    let first = repos.commit(
        "blank",
        "main",
        "podinfo",
        &[
            ("infra/cm.yaml", Some(infra)),
            ("apps/podinfo.yaml", Some(&app(2, "hello"))),
        ],
    )?;
    let objects = format!(
        r#"apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  interval: 1m
  url: {url}
  ref:
    branch: main
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: infra
  namespace: flux-system
spec:
  interval: 10m
  path: ./infra
  prune: true
  sourceRef:
    kind: GitRepository
    name: podinfo
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  dependsOn:
  - name: infra
  path: ./apps
  prune: true
  wait: true
  timeout: 2m
  sourceRef:
    kind: GitRepository
    name: podinfo
"#,
        url = server.url("blank")
    );

    // Flux reconciles.
    let mut flux = FluxControllers::start(tb.kubeconfig(), &["--requeue-dependency=5s"])?;
    kubectl(&tb, &["apply", "-f", "-"], Some(&objects))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), NS);
    let rev = format!("main@sha1:{first}");
    let infra_ks = applied(&kss, "infra", &rev).await?;
    let apps_ks = applied(&kss, "apps", &rev).await?;
    assert_eq!(apps_ks.finalizers(), ["finalizers.fluxcd.io"]);
    let before = versions(&client, &[infra_ks.clone(), apps_ks.clone()]).await?;
    assert_eq!(before.len(), 5, "{before:?}");
    flux.stop();

    // Sluice takes over.
    let sluice = Controller::start(tb.kubeconfig(), &["--requeue-dependency=5s"])?;
    sluice.wait_ready(Duration::from_secs(30))?;
    // It fetched the source itself (its artifact is its own) ...
    let repos_api: Api<GitRepository> = Api::namespaced(client.clone(), NS);
    eventually("Sluice serves the artifact", WAIT, || async {
        let r = repos_api.get("podinfo").await?;
        Ok(r.artifact()
            .filter(|a| a.url.contains(&format!(":{}/", sluice.storage_port)))
            .map(|_| ()))
    })
    .await?;
    // ... and reconciled both Kustomizations, finding nothing to change.
    eventually("Sluice reconciled both", WAIT, || async {
        let n = |name: &str| {
            sluice.metric(
                "gotk_reconcile_duration_seconds_count",
                &["kind=\"Kustomization\"", &format!("name=\"{name}\"")],
            )
        };
        Ok((n("infra")? >= 1.0
            && n("apps")? >= 1.0
            && sluice.metric("sluice_objects_total", &["action=\"unchanged\""])? >= 5.0)
            .then_some(()))
    })
    .await?;
    assert_eq!(
        sluice.metric("sluice_objects_total", &["action=\"created\""])?,
        0.0
    );
    assert_eq!(
        sluice.metric("sluice_objects_total", &["action=\"configured\""])?,
        0.0
    );
    let infra_now = applied(&kss, "infra", &rev).await?;
    let apps_now = applied(&kss, "apps", &rev).await?;
    assert_eq!(infra_now.inventory(), infra_ks.inventory());
    assert_eq!(apps_now.inventory(), apps_ks.inventory());
    let after = versions(&client, &[infra_now, apps_now]).await?;
    assert_eq!(before, after, "objects were re-applied");

    // The next push is Sluice's.
    let second = repos.commit(
        "blank",
        "main",
        "scale",
        &[("apps/podinfo.yaml", Some(&app(3, "hi")))],
    )?;
    kubectl(
        &tb,
        &[
            "annotate",
            "--overwrite",
            "gitrepository",
            "podinfo",
            "-n",
            NS,
            "reconcile.fluxcd.io/requestedAt=takeover",
        ],
        None,
    )?;
    applied(&kss, "apps", &format!("main@sha1:{second}")).await?;
    let deploys: Api<Deployment> = Api::namespaced(client.clone(), "podinfo");
    assert_eq!(deploys.get("podinfo").await?.spec.replicas, Some(3));

    // Deleting a Kustomization Flux created prunes through Flux's finalizer.
    kubectl(
        &tb,
        &[
            "delete",
            "kustomization",
            "infra",
            "-n",
            NS,
            "--timeout=60s",
        ],
        None,
    )?;
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), NS);
    assert!(cms.get_opt("infra").await?.is_none());
    let left = kss.list(&ListParams::default()).await?.items.len();
    assert_eq!(left, 1);
    Ok(())
}

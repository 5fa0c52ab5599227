//! `sluice run` as Flux's controllers: Flux YAML applied with kubectl as a
//! Flux user writes it, reconciled by the real binary against the test
//! bed's kube-apiserver (kwok nodes make Deployments Available), sources
//! served by `git http-backend`, and the real `flux` CLI as the client.
//! Each test watches only its own namespace (or label selector), so tests
//! share one test bed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use k8s_openapi::api::core::v1::{ConfigMap, Event};
use kube::ResourceExt;
use kube::api::{Api, ListParams, Patch, PatchParams};
use serde_json::json;
use sluice_engine::flux::{GitRepository, Kustomization};
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, eventually, http_get_bytes};
use sluice_tests::testbed::Testbed;

const WAIT: Duration = Duration::from_secs(90);

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

fn configmap(ns: &str, name: &str, value: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  value: \"{value}\"\n"
    )
}

/// `kubectl` of the test bed's tools, with `stdin` piped in.
fn kubectl(tb: &Testbed, args: &[&str], stdin: Option<&str>) -> Result<String> {
    run_tool(
        &sluice_tests::tools::kubectl()?,
        tb.kubeconfig(),
        args,
        stdin,
    )
}

/// The real `flux` CLI (built from its Go module by `tests/testbed tools`).
fn flux(tb: &Testbed, args: &[&str]) -> Result<String> {
    let bin = sluice_tests::tools::dir()?.join("flux");
    run_tool(&bin, tb.kubeconfig(), args, None)
}

fn run_tool(bin: &Path, kubeconfig: &Path, args: &[&str], stdin: Option<&str>) -> Result<String> {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .env("KUBECONFIG", kubeconfig)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .with_context(|| format!("running {}", bin.display()))?;
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .context("stdin")?
            .write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        bail!("{} {} failed:\n{text}", bin.display(), args.join(" "));
    }
    Ok(text)
}

/// A namespace with Flux's CRDs installed in the cluster.
async fn setup(tb: &Testbed, ns: &str) -> Result<kube::Client> {
    let client = tb.client().await?;
    sluice_engine::flux::install_crds(&client).await?;
    kubectl(tb, &["create", "namespace", ns], None)?;
    Ok(client)
}

fn git_repository(ns: &str, name: &str, url: &str, interval: &str) -> String {
    format!(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  interval: {interval}\n  url: {url}\n  ref:\n    branch: main\n"
    )
}

fn kustomization(ns: &str, name: &str, path: &str, extra: &str) -> String {
    format!(
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  interval: 10m\n  path: {path}\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: repo\n{extra}"
    )
}

fn ready(ks: &Kustomization) -> bool {
    ks.conditions()
        .iter()
        .any(|c| c.type_ == "Ready" && c.status == "True")
}

async fn applied(api: &Api<Kustomization>, name: &str, revision: &str) -> Result<Kustomization> {
    let what = format!("Kustomization {name} applied {revision}");
    eventually(&what, WAIT, || async {
        let k = api.get(name).await?;
        let applied = k
            .status
            .as_ref()
            .and_then(|s| s.last_applied_revision.as_deref())
            == Some(revision);
        Ok((applied && ready(&k)).then_some(k))
    })
    .await
}

fn revision(commit: &str) -> String {
    format!("main@sha1:{commit}")
}

#[tokio::test(flavor = "multi_thread")]
async fn flux_yaml_reaches_ready_and_follows_pushes_on_interval_and_on_request() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-basic";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let first = repo.commit(
        "two apps",
        &[
            ("infra/cm.yaml", Some(&configmap(ns, "infra", "1"))),
            ("apps/cm.yaml", Some(&configmap(ns, "app", "1"))),
        ],
    )?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "3s"),
        kustomization(ns, "infra", "./infra", ""),
        kustomization(ns, "apps", "./apps", "  dependsOn:\n  - name: infra\n"),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;

    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let repos: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let apps = applied(&kss, "apps", &revision(&first)).await?;
    assert_eq!(apps.finalizers(), ["finalizers.fluxcd.io"]);
    let conds: Vec<(&str, &str, &str)> = apps
        .conditions()
        .iter()
        .map(|c| (c.type_.as_str(), c.status.as_str(), c.reason.as_str()))
        .collect();
    assert_eq!(conds, [("Ready", "True", "ReconciliationSucceeded")]);
    assert_eq!(
        apps.status.as_ref().and_then(|s| s.observed_generation),
        apps.metadata.generation
    );
    let inventory: Vec<&str> = apps.inventory().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(inventory, [format!("{ns}_app__ConfigMap")]);
    assert_eq!(
        cms.get("app")
            .await?
            .labels()
            .get("kustomize.toolkit.fluxcd.io/name"),
        Some(&"apps".to_string())
    );

    // The artifact is served over HTTP and matches its digest.
    let src = repos.get("repo").await?;
    assert_eq!(src.finalizers(), ["finalizers.fluxcd.io"]);
    let artifact = src.artifact().context("artifact")?.clone();
    assert_eq!(
        artifact.url,
        format!("http://127.0.0.1:{}/{}", ctl.storage_port, artifact.path)
    );
    let (code, bytes) = http_get_bytes(&artifact.url)?;
    assert_eq!(code, 200);
    assert_eq!(
        Some(sluice_sources::archive::sha256_digest(&bytes)),
        artifact.digest
    );
    assert_eq!(artifact.size, Some(bytes.len() as i64));

    // A push is picked up on the source's interval (3s), and both
    // Kustomizations follow without a request.
    let second = repo.commit(
        "change",
        &[("apps/cm.yaml", Some(&configmap(ns, "app", "2")))],
    )?;
    applied(&kss, "infra", &revision(&second)).await?;
    applied(&kss, "apps", &revision(&second)).await?;
    assert_eq!(
        cms.get("app")
            .await?
            .data
            .and_then(|d| d.get("value").cloned()),
        Some("2".into())
    );

    // With an hour's interval, `reconcile.fluxcd.io/requestedAt` (what
    // `flux reconcile` writes) fetches at once and is acknowledged.
    let long = git_repository(ns, "repo", &repo.url(), "1h");
    kubectl(tb, &["apply", "-f", "-"], Some(&long))?;
    let third = repo.commit(
        "again",
        &[("apps/cm.yaml", Some(&configmap(ns, "app", "3")))],
    )?;
    let requested = "2026-12-04T12:00:00.000000000Z";
    repos
        .patch(
            "repo",
            &PatchParams::default(),
            &Patch::Merge(json!({"metadata": {"annotations": {"reconcile.fluxcd.io/requestedAt": requested}}})),
        )
        .await?;
    let handled = eventually("requestedAt handled", WAIT, || async {
        let r = repos.get("repo").await?;
        let s = r.status.clone().unwrap_or_default();
        Ok((s.last_handled_reconcile_at.as_deref() == Some(requested)).then_some(s))
    })
    .await?;
    assert_eq!(handled.artifact.map(|a| a.revision), Some(revision(&third)));
    applied(&kss, "apps", &revision(&third)).await?;

    // Events carry Flux's reasons and the revision annotation.
    let events: Api<Event> = Api::namespaced(client.clone(), ns);
    let list = events.list(&ListParams::default()).await?;
    let apps_events: Vec<&Event> = list
        .items
        .iter()
        .filter(|e| e.involved_object.name.as_deref() == Some("apps"))
        .collect();
    assert!(
        apps_events
            .iter()
            .any(|e| e.reason.as_deref() == Some("ReconciliationSucceeded")
                && e.source.as_ref().and_then(|s| s.component.as_deref())
                    == Some("kustomize-controller")
                && e.metadata
                    .annotations
                    .as_ref()
                    .and_then(|a| a.get("kustomize.toolkit.fluxcd.io/revision"))
                    .is_some()),
        "{apps_events:#?}"
    );
    assert!(
        list.items
            .iter()
            .any(|e| e.reason.as_deref() == Some("NewArtifact")
                && e.involved_object.kind.as_deref() == Some("GitRepository")),
        "no NewArtifact event"
    );

    // Metrics.
    assert!(
        ctl.metric(
            "gotk_reconcile_duration_seconds_count",
            &["kind=\"Kustomization\"", "name=\"apps\""]
        )? >= 3.0
    );
    assert_eq!(
        ctl.metric(
            "gotk_reconcile_condition",
            &["name=\"apps\"", "status=\"True\""]
        )?,
        1.0
    );
    assert!(ctl.metric("sluice_objects_total", &["action=\"configured\""])? >= 2.0);
    Ok(())
}

/// A monorepo commit rebuilds what it touches: the other Kustomizations
/// take the new revision (status, Ready) without a build or an apply, and a
/// change to anything a build reads — a shared base, a new file in a
/// directory built without a kustomization.yaml — rebuilds it.
#[tokio::test(flavor = "multi_thread")]
async fn a_commit_rebuilds_only_the_kustomizations_it_touches() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-monorepo";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../shared\nnameSuffix: -c\n";
    let first = repo.commit(
        "three apps and a shared base",
        &[
            ("apps/a/cm.yaml", Some(&configmap(ns, "a", "1"))),
            ("apps/b/cm.yaml", Some(&configmap(ns, "b", "1"))),
            ("apps/c/kustomization.yaml", Some(overlay)),
            ("shared/cm.yaml", Some(&configmap(ns, "shared", "1"))),
            ("shared/kustomization.yaml", Some("resources:\n- cm.yaml\n")),
        ],
    )?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "2s"),
        kustomization(ns, "a", "./apps/a", ""),
        kustomization(ns, "b", "./apps/b", ""),
        kustomization(ns, "c", "./apps/c", ""),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let all_applied = |rev: String| {
        let kss = kss.clone();
        async move {
            for name in ["a", "b", "c"] {
                applied(&kss, name, &rev).await?;
            }
            anyhow::Ok(())
        }
    };
    all_applied(revision(&first)).await?;
    let builds = || ctl.metric("sluice_builds_total", &[]);
    assert_eq!(builds()?, 3.0);
    let value = |name: &'static str| {
        let cms = cms.clone();
        async move {
            Ok::<_, anyhow::Error>(
                cms.get(name)
                    .await?
                    .data
                    .and_then(|d| d.get("value").cloned())
                    .unwrap_or_default(),
            )
        }
    };

    // One app changes: one build; all three report the new revision.
    let second = repo.commit(
        "change a",
        &[("apps/a/cm.yaml", Some(&configmap(ns, "a", "2")))],
    )?;
    all_applied(revision(&second)).await?;
    assert_eq!(value("a").await?, "2");
    assert_eq!(builds()?, 4.0, "only a rebuilt");
    assert!(ctl.log().contains("taking the revision without rebuilding"));
    let b = kss.get("b").await?;
    let inventory: Vec<&str> = b.inventory().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(inventory, [format!("{ns}_b__ConfigMap")]);

    // The shared base changes: the app built on it rebuilds.
    let third = repo.commit(
        "change the base",
        &[("shared/cm.yaml", Some(&configmap(ns, "shared", "3")))],
    )?;
    all_applied(revision(&third)).await?;
    assert_eq!(value("shared-c").await?, "3");
    assert_eq!(builds()?, 5.0, "only c rebuilt");

    // A new file where b's build lists its directory: b rebuilds and
    // applies it.
    let fourth = repo.commit(
        "add to b",
        &[("apps/b/more.yaml", Some(&configmap(ns, "b-more", "4")))],
    )?;
    all_applied(revision(&fourth)).await?;
    assert_eq!(value("b-more").await?, "4");
    assert_eq!(builds()?, 6.0, "only b rebuilt");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn dependency_chain_starts_at_once_without_polling() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-chain";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let mut files = Vec::new();
    for i in 0..5 {
        files.push((
            format!("l{i}/cm.yaml"),
            configmap(ns, &format!("l{i}"), "1"),
        ));
    }
    let refs: Vec<(&str, Option<&str>)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), Some(c.as_str())))
        .collect();
    let commit = repo.commit("chain", &refs)?;
    // Dependencies are looked at again only after 10 minutes: every hop
    // that is not event-driven would stall the chain.
    let ctl = Controller::start(
        tb.kubeconfig(),
        &["--namespace", ns, "--requeue-dependency", "10m"],
    )?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let mut yaml = vec![git_repository(ns, "repo", &repo.url(), "1h")];
    for i in 0..5 {
        let dep = if i == 0 {
            String::new()
        } else {
            format!("  dependsOn:\n  - name: l{}\n", i - 1)
        };
        yaml.push(kustomization(
            ns,
            &format!("l{i}"),
            &format!("./l{i}"),
            &dep,
        ));
    }
    // Dependents first, so each waits for its dependency.
    yaml.reverse();
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml.join("---\n")))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "l4", &revision(&commit)).await?;
    for i in 0..5 {
        let k = kss.get(&format!("l{i}")).await?;
        assert!(ready(&k), "l{i} not ready");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn suspend_holds_and_resume_catches_up() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-suspend";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let first = repo.commit("v1", &[("app/cm.yaml", Some(&configmap(ns, "app", "1")))])?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "2s"),
        kustomization(ns, "app", "./app", ""),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let repos: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    applied(&kss, "app", &revision(&first)).await?;

    flux(tb, &["suspend", "kustomization", "app", "-n", ns])?;
    let second = repo.commit("v2", &[("app/cm.yaml", Some(&configmap(ns, "app", "2")))])?;
    eventually("source at v2", WAIT, || async {
        let r = repos.get("repo").await?;
        Ok((r.artifact().map(|a| a.revision.clone()) == Some(revision(&second))).then_some(()))
    })
    .await?;
    // The source moved; the suspended Kustomization must not follow.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let k = kss.get("app").await?;
    assert_eq!(
        k.status.and_then(|s| s.last_applied_revision),
        Some(revision(&first))
    );
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    assert_eq!(
        cms.get("app")
            .await?
            .data
            .and_then(|d| d.get("value").cloned()),
        Some("1".into())
    );
    let out = flux(
        tb,
        &[
            "resume",
            "kustomization",
            "app",
            "-n",
            ns,
            "--timeout",
            "90s",
        ],
    )?;
    assert!(out.contains("applied revision"), "{out}");
    applied(&kss, "app", &revision(&second)).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn deletion_prunes_by_policy_and_sources_clean_their_storage() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-delete";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let commit = repo.commit(
        "apps",
        &[
            ("pruned/cm.yaml", Some(&configmap(ns, "pruned", "1"))),
            ("orphaned/cm.yaml", Some(&configmap(ns, "orphaned", "1"))),
        ],
    )?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "1h"),
        kustomization(ns, "pruned", "./pruned", ""),
        kustomization(ns, "orphaned", "./orphaned", "  deletionPolicy: Orphan\n"),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "pruned", &revision(&commit)).await?;
    applied(&kss, "orphaned", &revision(&commit)).await?;

    kubectl(
        tb,
        &[
            "delete",
            "kustomization",
            "pruned",
            "orphaned",
            "-n",
            ns,
            "--timeout=60s",
        ],
        None,
    )?;
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    assert!(cms.get_opt("pruned").await?.is_none(), "prune on delete");
    assert!(
        cms.get_opt("orphaned").await?.is_some(),
        "Orphan keeps objects"
    );
    assert!(kss.get_opt("pruned").await?.is_none());

    let dir = ctl.storage().join("gitrepository").join(ns).join("repo");
    assert!(dir.is_dir(), "artifact stored");
    kubectl(
        tb,
        &["delete", "gitrepository", "repo", "-n", ns, "--timeout=60s"],
        None,
    )?;
    assert!(
        !dir.exists(),
        "storage of a deleted GitRepository is removed"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn unsupported_fields_stall_and_post_build_substitutes() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-fields";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let templated = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: templated\n  namespace: {ns}\ndata:\n  env: ${{cluster_env}}\n  region: ${{region:=eu-west}}\n  token: ${{token}}\n  literal: $${{not_a_var}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: untouched\n  namespace: {ns}\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  env: ${{cluster_env}}\n"
    );
    let commit = repo.commit(
        "templates",
        &[
            ("templated/cms.yaml", Some(&templated)),
            ("remote/cm.yaml", Some(&configmap(ns, "remote", "1"))),
        ],
    )?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    kubectl(
        tb,
        &[
            "create",
            "configmap",
            "vars",
            "-n",
            ns,
            "--from-literal=cluster_env=prod",
        ],
        None,
    )?;
    kubectl(
        tb,
        &[
            "create",
            "secret",
            "generic",
            "secret-vars",
            "-n",
            ns,
            "--from-literal=token=t0k3n",
        ],
        None,
    )?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "1h"),
        kustomization(
            ns,
            "templated",
            "./templated",
            "  postBuild:\n    substitute:\n      cluster_env: staging\n    substituteFrom:\n    - kind: ConfigMap\n      name: vars\n    - kind: Secret\n      name: secret-vars\n    - kind: ConfigMap\n      name: absent\n      optional: true\n",
        ),
        kustomization(
            ns,
            "remote",
            "./remote",
            "  kubeConfig:\n    secretRef:\n      name: remote-cluster\n",
        ),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "templated", &revision(&commit)).await?;
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let data = cms.get("templated").await?.data.unwrap_or_default();
    // Inline values win over substituteFrom.
    assert_eq!(data.get("env").map(String::as_str), Some("staging"));
    assert_eq!(data.get("region").map(String::as_str), Some("eu-west"));
    assert_eq!(data.get("token").map(String::as_str), Some("t0k3n"));
    assert_eq!(
        data.get("literal").map(String::as_str),
        Some("${not_a_var}")
    );
    let untouched = cms.get("untouched").await?.data.unwrap_or_default();
    assert_eq!(
        untouched.get("env").map(String::as_str),
        Some("${cluster_env}")
    );

    // A Kustomization for a remote cluster is refused by name, and
    // nothing of it reaches the local cluster.
    let remote = eventually("remote stalled", WAIT, || async {
        let k = kss.get("remote").await?;
        Ok(k.conditions()
            .iter()
            .any(|c| c.type_ == "Stalled" && c.status == "True")
            .then_some(k))
    })
    .await?;
    let ready = remote
        .conditions()
        .iter()
        .find(|c| c.type_ == "Ready")
        .context("Ready")?;
    assert_eq!(ready.status, "False");
    assert!(
        ready.message.contains("spec.kubeConfig"),
        "{}",
        ready.message
    );
    assert!(cms.get_opt("remote").await?.is_none());

    // Strict substitution: an undefined variable fails the build, naming it.
    let strict = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\n  namespace: {ns}\ndata:\n  x: ${{undefined_var}}\n"
    );
    let next = repo.commit("strict", &[("templated/cms.yaml", Some(&strict))])?;
    kubectl(
        tb,
        &[
            "annotate",
            "--overwrite",
            "gitrepository",
            "repo",
            "-n",
            ns,
            "reconcile.fluxcd.io/requestedAt=strict",
        ],
        None,
    )?;
    let failed = eventually("strict substitution fails", WAIT, || async {
        let k = kss.get("templated").await?;
        let attempted = k
            .status
            .as_ref()
            .and_then(|s| s.last_attempted_revision.clone());
        Ok(k.conditions()
            .iter()
            .find(|c| c.type_ == "Ready" && c.status == "False")
            .filter(|_| attempted == Some(revision(&next)))
            .cloned())
    })
    .await?;
    assert_eq!(failed.reason, "BuildFailed");
    assert!(
        failed
            .message
            .contains("variable not set (strict mode): \"undefined_var\""),
        "{}",
        failed.message
    );
    // Nothing was pruned by the failed build.
    assert!(cms.get_opt("templated").await?.is_some());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_flux_cli_drives_sluice_run() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-flux-cli";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let commit = repo.commit("app", &[("app/cm.yaml", Some(&configmap(ns, "app", "1")))])?;
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "1h"),
        kustomization(ns, "app", "./app", ""),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "app", &revision(&commit)).await?;

    let short = &commit[..8];
    let sources = flux(tb, &["get", "sources", "git", "-n", ns])?;
    let header: Vec<&str> = sources
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        ["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
        "{sources}"
    );
    assert!(
        sources.contains(&format!("main@sha1:{short}")) && sources.contains("True"),
        "{sources}"
    );
    let kss_out = flux(tb, &["get", "kustomizations", "-n", ns])?;
    let header: Vec<&str> = kss_out
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        ["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
        "{kss_out}"
    );
    assert!(
        kss_out.contains(&format!("Applied revision: main@sha1:{short}")),
        "{kss_out}"
    );

    let next = repo.commit("v2", &[("app/cm.yaml", Some(&configmap(ns, "app", "2")))])?;
    let out = flux(
        tb,
        &[
            "reconcile",
            "kustomization",
            "app",
            "-n",
            ns,
            "--with-source",
            "--timeout",
            "90s",
        ],
    )?;
    assert!(
        out.contains(&format!("applied revision main@sha1:{next}")),
        "{out}"
    );
    let out = flux(tb, &["suspend", "kustomization", "app", "-n", ns])?;
    assert!(out.contains("suspended"), "{out}");
    let listed = flux(tb, &["get", "kustomizations", "-n", ns])?;
    assert!(
        listed
            .lines()
            .nth(1)
            .is_some_and(|l| l.split_whitespace().nth(2) == Some("True")),
        "{listed}"
    );
    let out = flux(
        tb,
        &[
            "resume",
            "kustomization",
            "app",
            "-n",
            ns,
            "--timeout",
            "90s",
        ],
    )?;
    assert!(out.contains("reconciliation completed"), "{out}");
    let events = flux(tb, &["events", "-n", ns, "--for", "Kustomization/app"])?;
    assert!(events.contains("ReconciliationSucceeded"), "{events}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn shards_reconcile_disjoint_sets() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-shards";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let commit = repo.commit(
        "two",
        &[
            ("a/cm.yaml", Some(&configmap(ns, "a", "1"))),
            ("b/cm.yaml", Some(&configmap(ns, "b", "1"))),
        ],
    )?;
    let shard = |key: &str| -> Result<Controller> {
        Controller::launch(|ports| sluice_tests::sluice::Launch {
            program: sluice_tests::sluice::binary().expect("binary"),
            args: [
                vec!["run".to_string()],
                ports,
                vec![
                    "--kubeconfig".into(),
                    tb.kubeconfig().display().to_string(),
                    format!("--watch-label-selector=sharding.fluxcd.io/key={key}"),
                ],
            ]
            .concat(),
            env: vec![("POD_NAME".into(), format!("sluice-{key}"))],
            env_remove: vec!["KUBECONFIG".into()],
        })
    };
    let a = shard("shard-a")?;
    let b = shard("shard-b")?;
    a.wait_ready(Duration::from_secs(30))?;
    b.wait_ready(Duration::from_secs(30))?;
    let labelled = |doc: String, key: &str| {
        doc.replacen(
            "metadata:\n",
            &format!("metadata:\n  labels:\n    sharding.fluxcd.io/key: {key}\n"),
            1,
        )
    };
    let yaml = [
        labelled(git_repository(ns, "repo", &repo.url(), "1h"), "shard-a"),
        labelled(git_repository(ns, "repo-b", &repo.url(), "1h"), "shard-b"),
        labelled(kustomization(ns, "a", "./a", ""), "shard-a"),
        labelled(
            kustomization(ns, "b", "./b", "").replace("name: repo\n", "name: repo-b\n"),
            "shard-b",
        ),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "a", &revision(&commit)).await?;
    applied(&kss, "b", &revision(&commit)).await?;
    let count = |c: &Controller, name: &str| {
        c.metric(
            "gotk_reconcile_duration_seconds_count",
            &["kind=\"Kustomization\"", &format!("name=\"{name}\"")],
        )
    };
    assert!(count(&a, "a")? >= 1.0);
    assert_eq!(count(&a, "b")?, 0.0, "shard a reconciled b");
    assert!(count(&b, "b")? >= 1.0);
    assert_eq!(count(&b, "a")?, 0.0, "shard b reconciled a");
    let events: Api<Event> = Api::namespaced(client.clone(), ns);
    for e in events.list(&ListParams::default()).await?.items {
        let (object, instance) = (
            e.involved_object.name.clone().unwrap_or_default(),
            e.reporting_instance.clone().unwrap_or_default(),
        );
        let expected = match object.as_str() {
            "a" | "repo" => "sluice-shard-a",
            "b" | "repo-b" => "sluice-shard-b",
            _ => continue,
        };
        assert_eq!(instance, expected, "event about {object}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_finishes_and_exits_cleanly() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "run-sigterm";
    let client = setup(tb, ns).await?;
    let repo = Repo::new()?;
    let commit = repo.commit("app", &[("app/cm.yaml", Some(&configmap(ns, "app", "1")))])?;
    let mut ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let yaml = [
        git_repository(ns, "repo", &repo.url(), "1h"),
        kustomization(ns, "app", "./app", ""),
    ]
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    applied(&kss, "app", &revision(&commit)).await?;
    assert!(
        ctl.terminate(Duration::from_secs(30)),
        "sluice run did not stop on SIGTERM"
    );
    let log = ctl.log();
    assert!(log.contains("stopped"), "{log}");
    // A restart resumes from status and inventory: nothing is re-created.
    let ctl = Controller::start(tb.kubeconfig(), &["--namespace", ns])?;
    ctl.wait_ready(Duration::from_secs(30))?;
    eventually("restarted controller applied", WAIT, || async {
        Ok((ctl.metric("sluice_objects_total", &["action=\"unchanged\""])? >= 1.0).then_some(()))
    })
    .await?;
    assert_eq!(
        ctl.metric("sluice_objects_total", &["action=\"created\""])?,
        0.0
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn dependency_cycles_across_namespaces_and_self_loops_are_named() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let (a, b) = ("run-cycle-a", "run-cycle-b");
    let client = setup(tb, a).await?;
    kubectl(tb, &["create", "namespace", b], None)?;
    let repo = Repo::new()?;
    let commit = repo.commit(
        "objects",
        &[
            ("cycle/cm.yaml", Some(&configmap(a, "in-cycle", "1"))),
            ("free/cm.yaml", Some(&configmap(b, "free", "1"))),
        ],
    )?;
    // Both namespaces, through a label only these objects carry (other
    // tests share the test bed).
    let ctl = Controller::start(
        tb.kubeconfig(),
        &[
            "--watch-label-selector=sluice.dev/test=cycles",
            "--requeue-dependency",
            "2s",
        ],
    )?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let dep =
        |ns: &str, name: &str| format!("  dependsOn:\n  - name: {name}\n    namespace: {ns}\n");
    let labelled = |yaml: String| {
        yaml.replacen(
            "metadata:\n",
            "metadata:\n  labels:\n    sluice.dev/test: cycles\n",
            1,
        )
    };
    let yaml = [
        git_repository(a, "repo", &repo.url(), "1h"),
        git_repository(b, "repo", &repo.url(), "1h"),
        // one (a) -> two (b) -> one (a): a cycle across namespaces.
        kustomization(a, "one", "./cycle", &dep(b, "two")),
        kustomization(b, "two", "./cycle", &dep(a, "one")),
        // Depends on itself.
        kustomization(a, "self", "./cycle", &dep(a, "self")),
        // Waits behind the cycle without being part of it.
        kustomization(b, "behind", "./cycle", &dep(a, "one")),
        // Not involved: must be applied regardless.
        kustomization(b, "free", "./free", ""),
    ]
    .map(labelled)
    .join("---\n");
    kubectl(tb, &["apply", "-f", "-"], Some(&yaml))?;

    let kss_b: Api<Kustomization> = Api::namespaced(client.clone(), b);
    applied(&kss_b, "free", &revision(&commit)).await?;
    let expected = [
        (
            a,
            "one",
            format!("dependency cycle: {a}/one -> {b}/two -> {a}/one"),
        ),
        (
            b,
            "two",
            format!("dependency cycle: {b}/two -> {a}/one -> {b}/two"),
        ),
        (a, "self", format!("dependency cycle: {a}/self -> {a}/self")),
        (b, "behind", format!("dependency '{a}/one' is not ready")),
    ];
    for (ns, name, message) in &expected {
        let api: Api<Kustomization> = Api::namespaced(client.clone(), ns);
        eventually(&format!("{ns}/{name}: {message}"), WAIT, || async {
            let k = api.get(name).await?;
            Ok(k.conditions()
                .iter()
                .any(|c| {
                    c.type_ == "Ready"
                        && c.status == "False"
                        && c.reason == "DependencyNotReady"
                        && c.message == *message
                })
                .then_some(()))
        })
        .await?;
    }
    // Still so after several dependency requeues: bounded, alive, nothing
    // of the cycle applied.
    tokio::time::sleep(Duration::from_secs(6)).await;
    for (ns, name, message) in &expected {
        let k = Api::<Kustomization>::namespaced(client.clone(), ns)
            .get(name)
            .await?;
        assert!(
            k.conditions()
                .iter()
                .any(|c| c.type_ == "Ready" && c.message == *message),
            "{ns}/{name}: {:?}",
            k.conditions()
        );
    }
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), a);
    assert!(
        cms.get_opt("in-cycle").await?.is_none(),
        "nothing in a cycle is applied"
    );
    assert!(ctl.alive(), "the controller died:\n{}", ctl.log());
    assert!(!ctl.log().contains("panicked"), "{}", ctl.log());
    Ok(())
}

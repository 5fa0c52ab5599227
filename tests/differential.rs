//! Differential conformance with Flux: every scenario runs twice at once,
//! through Flux v1.9.6's own source- and kustomize-controller on one test
//! bed and through `sluice run` on another, from the same git server and
//! the same YAML. After each step both clusters are snapshotted (Flux
//! objects, every object an inventory named, Events) and compared field by
//! field after taking out clocks, durations, ports and uids. A difference
//! must be listed in `KNOWN` with the README's reason, or the test fails.
//!
//! The report of every difference found (known ones included) is written to
//! `target/differential-report.txt`.

use std::collections::BTreeSet;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{Value, json};
use sluice_tests::differential::{self as d, Ref, Snapshot};
use sluice_tests::flux::{FluxControllers, crds_dir};
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer, free_port};
use sluice_tests::sluice::{Controller, eventually};
use sluice_tests::testbed::Testbed;

const WAIT: Duration = Duration::from_secs(120);

/// Differences that are deliberate, each with the README's row.
const KNOWN: &[(&str, &str)] = &[
    // Artifact bytes: Sluice's own reproducible tar.gz.
    ("GitRepository/*.status.artifact.digest:*", "Artifact bytes"),
    ("GitRepository/*.status.artifact.size:*", "Artifact bytes"),
    ("GitRepository/*.status.artifact.path:*", "Artifact bytes"),
    ("GitRepository/*.status.artifact.url:*", "Artifact bytes"),
    (
        "Kustomization/*.status.history: only flux*",
        "status.history",
    ),
    // Build errors name the kustomization file and field, not a temp dir.
    (
        "*.message: flux=\"kustomize build failed: * sluice=\"kustomize build failed: *",
        "Error texts",
    ),
    (
        "event only *BuildFailed: kustomize build failed: *",
        "Error texts",
    ),
    // Transport errors come from gix/libgit2, not go-git and net/http.
    (
        "GitRepository/*.message: flux=\"failed to checkout and determine revision: unable to clone '*': * sluice=\"failed to checkout and determine revision: unable to clone '*': *",
        "Error texts",
    ),
    (
        "event only *GitOperationFailed: failed to checkout and determine revision: unable to clone '*': *",
        "Error texts",
    ),
];

/// One cluster with one engine.
struct Side {
    name: &'static str,
    tb: Testbed,
    client: kube::Client,
}

struct Bench {
    flux: Side,
    sluice: Side,
    _flux_engine: FluxControllers,
    _sluice_engine: Controller,
    report: Vec<String>,
    unknown: Vec<String>,
}

fn kubectl(tb: &Testbed, args: &[&str], stdin: Option<&str>) -> Result<String> {
    use std::io::Write;
    let mut child = std::process::Command::new(sluice_tests::tools::kubectl()?)
        .args(args)
        .env("KUBECONFIG", tb.kubeconfig())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    let mut pipe = child.stdin.take().context("stdin")?;
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes())?;
    }
    drop(pipe);
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("kubectl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn api(client: &kube::Client, ns: &str, kind: &str) -> Api<DynamicObject> {
    let (group, plural) = match kind {
        "GitRepository" => ("source.toolkit.fluxcd.io", "gitrepositories"),
        _ => ("kustomize.toolkit.fluxcd.io", "kustomizations"),
    };
    let gvk = GroupVersionKind::gvk(group, "v1", kind);
    Api::namespaced_with(
        client.clone(),
        ns,
        &ApiResource::from_gvk_with_plural(&gvk, plural),
    )
}

fn ready(o: &Value) -> Option<&Value> {
    o.pointer("/status/conditions")?
        .as_array()?
        .iter()
        .find(|c| c.get("type").and_then(Value::as_str) == Some("Ready"))
}

fn field<'a>(o: &'a Value, p: &str) -> &'a str {
    o.pointer(p).and_then(Value::as_str).unwrap_or_default()
}

/// What a step waits for on both sides.
#[derive(Clone)]
enum Expect {
    /// The Kustomization applied this revision and is Ready.
    Applied(&'static str, String),
    /// The object's Ready is False with this reason.
    Failing(&'static str, &'static str, &'static str),
    /// The source's artifact is at this revision.
    Fetched(&'static str, String),
    /// The object is gone.
    Gone(&'static str, &'static str),
}

impl Expect {
    fn met(&self, kind_obj: Option<&Value>) -> bool {
        match (self, kind_obj) {
            (Expect::Gone(..), None) => true,
            (Expect::Gone(..), Some(_)) | (_, None) => false,
            (Expect::Applied(_, rev), Some(o)) => {
                field(o, "/status/lastAppliedRevision") == rev
                    && ready(o).is_some_and(|c| field(c, "/status") == "True")
                    && o.pointer("/status/observedGeneration") == o.pointer("/metadata/generation")
            }
            (Expect::Failing(_, _, reason), Some(o)) => ready(o)
                .is_some_and(|c| field(c, "/status") == "False" && field(c, "/reason") == *reason),
            (Expect::Fetched(_, rev), Some(o)) => field(o, "/status/artifact/revision") == rev,
        }
    }

    fn target(&self) -> (&'static str, &'static str) {
        match self {
            Expect::Applied(n, _) => ("Kustomization", n),
            Expect::Failing(k, n, _) => (k, n),
            Expect::Fetched(n, _) => ("GitRepository", n),
            Expect::Gone(k, n) => (k, n),
        }
    }
}

async fn wait_for(side: &Side, ns: &str, expects: &[Expect]) -> Result<()> {
    for e in expects {
        let (kind, name) = e.target();
        let a = api(&side.client, ns, kind);
        let what = format!("{}: {kind} {ns}/{name}", side.name);
        eventually(&what, WAIT, || async {
            let o = a.get_opt(name).await?;
            let v = o.map(serde_json::to_value).transpose()?;
            if e.met(v.as_ref()) {
                return Ok(Some(()));
            }
            bail!(
                "now: {}",
                v.map(|v| v
                    .pointer("/status")
                    .cloned()
                    .unwrap_or_default()
                    .to_string())
                    .unwrap_or_else(|| "absent".into())
            )
        })
        .await?;
    }
    Ok(())
}

/// One scenario: a namespace on both clusters and a repository.
struct Scenario<'a> {
    bench: &'a mut Bench,
    ns: &'static str,
    repos: FixtureRepos,
    git: HttpGitServer,
    refs: BTreeSet<Ref>,
    requests: u32,
}

fn revision(commit: &str) -> String {
    format!("main@sha1:{commit}")
}

impl<'a> Scenario<'a> {
    async fn new(bench: &'a mut Bench, ns: &'static str) -> Result<Self> {
        let repos = FixtureRepos::build(&["blank"])?;
        let git = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
        for side in [&bench.flux, &bench.sluice] {
            kubectl(&side.tb, &["create", "namespace", ns], None)?;
        }
        Ok(Self {
            bench,
            ns,
            repos,
            git,
            refs: BTreeSet::new(),
            requests: 0,
        })
    }

    fn url(&self) -> String {
        self.git.url("blank")
    }

    /// The first commit, before any source exists.
    fn initial(&self, files: &[(&str, Option<&str>)]) -> Result<String> {
        Ok(revision(
            &self.repos.commit("blank", "main", "start", files)?,
        ))
    }

    /// Applies the same YAML to both clusters.
    fn apply(&self, yaml: &str) -> Result<()> {
        for side in [&self.bench.flux, &self.bench.sluice] {
            kubectl(&side.tb, &["apply", "-f", "-"], Some(yaml))?;
        }
        Ok(())
    }

    fn kubectl_both(&self, args: &[&str]) -> Result<()> {
        for side in [&self.bench.flux, &self.bench.sluice] {
            kubectl(&side.tb, args, None)?;
        }
        Ok(())
    }

    /// Commits and asks both sources to fetch at once (as `flux reconcile
    /// source git` does); returns the revision.
    async fn commit(&mut self, message: &str, files: &[(&str, Option<&str>)]) -> Result<String> {
        let id = self.repos.commit("blank", "main", message, files)?;
        self.request("GitRepository", "repo").await?;
        Ok(revision(&id))
    }

    async fn request(&mut self, kind: &str, name: &str) -> Result<()> {
        self.requests += 1;
        let at = format!("2026-12-04T00:00:{:02}Z", self.requests);
        for side in [&self.bench.flux, &self.bench.sluice] {
            api(&side.client, self.ns, kind)
                .patch(
                    name,
                    &PatchParams::default(),
                    &Patch::Merge(json!({"metadata": {"annotations": {"reconcile.fluxcd.io/requestedAt": at}}})),
                )
                .await?;
        }
        Ok(())
    }

    async fn patch(&self, kind: &str, name: &str, patch: Value) -> Result<()> {
        for side in [&self.bench.flux, &self.bench.sluice] {
            api(&side.client, self.ns, kind)
                .patch(name, &PatchParams::default(), &Patch::Merge(patch.clone()))
                .await?;
        }
        Ok(())
    }

    /// Waits on both, lets the last writes land, snapshots and compares.
    async fn step(&mut self, label: &str, expects: &[Expect]) -> Result<()> {
        let (f, s) = tokio::join!(
            wait_for(&self.bench.flux, self.ns, expects),
            wait_for(&self.bench.sluice, self.ns, expects)
        );
        f?;
        s?;
        tokio::time::sleep(Duration::from_secs(3)).await;
        for side in [&self.bench.flux, &self.bench.sluice] {
            let objs = d::flux_objects(&side.client, self.ns).await?;
            self.refs.extend(d::inventory_refs(&objs));
        }
        let flux = d::snapshot(&self.bench.flux.client, self.ns, &self.refs).await?;
        let sluice = d::snapshot(&self.bench.sluice.client, self.ns, &self.refs).await?;
        self.record(label, &flux, &sluice);
        Ok(())
    }

    fn record(&mut self, label: &str, flux: &Snapshot, sluice: &Snapshot) {
        let diffs = d::compare(flux, sluice);
        let title = format!("## {} — {label}", self.ns);
        self.bench.report.push(title.clone());
        if diffs.is_empty() {
            self.bench.report.push("identical".into());
        }
        for line in diffs {
            match KNOWN.iter().find(|(p, _)| d::matches(p, &line)) {
                Some((_, why)) => self.bench.report.push(format!("known ({why}): {line}")),
                None => {
                    self.bench.report.push(format!("DIFFERENT: {line}"));
                    self.bench.unknown.push(format!("{title}: {line}"));
                }
            }
        }
    }
}

fn git_repository(ns: &str, url: &str, extra: &str) -> String {
    format!(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: repo\n  namespace: {ns}\nspec:\n  interval: 10m\n  url: {url}\n  ref:\n    branch: main\n{extra}"
    )
}

fn kustomization(ns: &str, name: &str, path: &str, extra: &str) -> String {
    format!(
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  interval: 10m\n  retryInterval: 20s\n  path: {path}\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: repo\n{extra}"
    )
}

fn configmap(name: &str, value: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  value: \"{value}\"\n"
    )
}

fn deployment(name: &str, extra_pod_spec: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n{extra_pod_spec}      containers:\n      - name: app\n        image: registry.local/{name}:1.0\n"
    )
}

const SERVICE: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n";

/// Azure's tutorial shape: infra, apps dependsOn infra, prune; then a
/// commit removing a file, a broken kustomization and its fix.
async fn tutorial(bench: &mut Bench) -> Result<()> {
    let mut s = Scenario::new(bench, "d-tutorial").await?;
    let ns = s.ns;
    let apps_k = format!(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: {ns}\nresources:\n- web.yaml\n- service.yaml\n- settings.yaml\nconfigMapGenerator:\n- name: web-env\n  literals:\n  - MODE=staging\nimages:\n- name: registry.local/web\n  newTag: \"1.1\"\n"
    );
    let infra_ns = format!("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}-infra\n");
    let rev1 = s.initial(&[
        ("infrastructure/namespace.yaml", Some(&infra_ns)),
        (
            "infrastructure/config.yaml",
            Some(&configmap("infra-config", "1")),
        ),
        ("apps/kustomization.yaml", Some(&apps_k)),
        ("apps/web.yaml", Some(&deployment("web", ""))),
        ("apps/service.yaml", Some(SERVICE)),
        ("apps/settings.yaml", Some(&configmap("settings", "a"))),
    ])?;
    let yaml = [
        git_repository(ns, &s.url(), ""),
        kustomization(
            ns,
            "infra",
            "./infrastructure",
            &format!("  targetNamespace: {ns}\n"),
        ),
        kustomization(
            ns,
            "apps",
            "./apps",
            "  wait: true\n  timeout: 1m\n  dependsOn:\n  - name: infra\n",
        ),
    ]
    .join("---\n");
    s.apply(&yaml)?;
    s.step(
        "create: infra, then apps (dependsOn) Ready",
        &[
            Expect::Applied("infra", rev1.clone()),
            Expect::Applied("apps", rev1),
        ],
    )
    .await?;

    let rev2 = s
        .commit(
            "remove settings",
            &[
                ("apps/settings.yaml", None),
                (
                    "apps/kustomization.yaml",
                    Some(&apps_k.replace("- settings.yaml\n", "")),
                ),
            ],
        )
        .await?;
    s.step(
        "a commit removing a file prunes it",
        &[
            Expect::Applied("infra", rev2.clone()),
            Expect::Applied("apps", rev2.clone()),
        ],
    )
    .await?;

    let _rev3 = s
        .commit(
            "break apps",
            &[(
                "apps/kustomization.yaml",
                Some(&apps_k.replace("- settings.yaml\n", "- missing.yaml\n")),
            )],
        )
        .await?;
    s.step(
        "a broken kustomization fails the build, nothing pruned",
        &[Expect::Failing("Kustomization", "apps", "BuildFailed")],
    )
    .await?;

    let rev4 = s
        .commit(
            "fix apps",
            &[(
                "apps/kustomization.yaml",
                Some(&apps_k.replace("- settings.yaml\n", "")),
            )],
        )
        .await?;
    s.step("the fix applies", &[Expect::Applied("apps", rev4)])
        .await?;

    s.kubectl_both(&["delete", "kustomization", "apps", "-n", ns, "--wait=true"])?;
    s.step(
        "deleting a Kustomization with prune deletes what it applied",
        &[Expect::Gone("Kustomization", "apps")],
    )
    .await?;
    Ok(())
}

/// A dependency that does not exist, a health check that times out, and an
/// immutable field changed without and then with `force`.
async fn failures(bench: &mut Bench) -> Result<()> {
    let mut s = Scenario::new(bench, "d-failures").await?;
    let ns = s.ns;
    let immutable = |v: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\n  namespace: {ns}\nimmutable: true\ndata:\n  value: \"{v}\"\n"
        )
    };
    let stuck = deployment("stuck", "      nodeSelector:\n        pool: none\n").replace(
        "metadata:\n  name: stuck\n",
        &format!("metadata:\n  name: stuck\n  namespace: {ns}\n"),
    );
    let rev1 = s.initial(&[
        ("frozen/cm.yaml", Some(&immutable("1"))),
        ("stuck/deploy.yaml", Some(&stuck)),
        (
            "lonely/cm.yaml",
            Some(
                &configmap("lonely", "1")
                    .replace("metadata:\n", &format!("metadata:\n  namespace: {ns}\n")),
            ),
        ),
    ])?;
    let yaml = [
        git_repository(ns, &s.url(), ""),
        kustomization(ns, "frozen", "./frozen", ""),
        // No retry during the scenario: its failed state is compared.
        kustomization(ns, "stuck", "./stuck", "  wait: true\n  timeout: 10s\n")
            .replace("retryInterval: 20s", "retryInterval: 1h"),
        kustomization(
            ns,
            "lonely",
            "./lonely",
            "  dependsOn:\n  - name: nowhere\n",
        ),
    ]
    .join("---\n");
    s.apply(&yaml)?;
    s.step(
        "missing dependency, health timeout, immutable object applied",
        &[
            Expect::Applied("frozen", rev1),
            Expect::Failing("Kustomization", "lonely", "DependencyNotReady"),
            Expect::Failing("Kustomization", "stuck", "HealthCheckFailed"),
        ],
    )
    .await?;
    let _rev2 = s
        .commit(
            "change frozen",
            &[("frozen/cm.yaml", Some(&immutable("2")))],
        )
        .await?;
    s.step(
        "an immutable field changed without force fails",
        &[Expect::Failing(
            "Kustomization",
            "frozen",
            "ReconciliationFailed",
        )],
    )
    .await?;
    s.patch("Kustomization", "frozen", json!({"spec": {"force": true}}))
        .await?;
    let rev2 = revision(&s.repos.rev("blank", "main")?);
    s.step(
        "with force it is re-created",
        &[Expect::Applied("frozen", rev2)],
    )
    .await?;
    Ok(())
}

/// Suspend holds a new revision; resume applies it. postBuild substitutes
/// from inline values, a ConfigMap and a Secret, with an optional one
/// missing.
async fn suspend_and_substitute(bench: &mut Bench) -> Result<()> {
    let mut s = Scenario::new(bench, "d-lifecycle").await?;
    let ns = s.ns;
    let templated = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: templated\n  namespace: {ns}\ndata:\n  inline: ${{inline}}\n  fromcm: ${{fromcm}}\n  fromsecret: ${{fromsecret}}\n  defaulted: ${{missing:=fallback}}\n"
    );
    let rev1 = s.initial(&[
        (
            "held/cm.yaml",
            Some(
                &configmap("held", "1")
                    .replace("metadata:\n", &format!("metadata:\n  namespace: {ns}\n")),
            ),
        ),
        ("vars/cm.yaml", Some(&templated)),
    ])?;
    let vars = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n  namespace: {ns}\ndata:\n  fromcm: from-configmap\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-vars\n  namespace: {ns}\nstringData:\n  fromsecret: from-secret\n"
    );
    s.apply(&vars)?;
    let yaml = [
        git_repository(ns, &s.url(), ""),
        kustomization(ns, "held", "./held", ""),
        kustomization(
            ns,
            "vars",
            "./vars",
            "  postBuild:\n    substitute:\n      inline: from-inline\n    substituteFrom:\n    - kind: ConfigMap\n      name: vars\n    - kind: Secret\n      name: secret-vars\n    - kind: ConfigMap\n      name: not-there\n      optional: true\n",
        ),
    ]
    .join("---\n");
    s.apply(&yaml)?;
    s.step(
        "postBuild substitution",
        &[
            Expect::Applied("held", rev1.clone()),
            Expect::Applied("vars", rev1.clone()),
        ],
    )
    .await?;
    s.patch("Kustomization", "held", json!({"spec": {"suspend": true}}))
        .await?;
    let rev2 = s
        .commit(
            "change held",
            &[(
                "held/cm.yaml",
                Some(
                    &configmap("held", "2")
                        .replace("metadata:\n", &format!("metadata:\n  namespace: {ns}\n")),
                ),
            )],
        )
        .await?;
    s.step(
        "suspended: the new revision is not applied",
        &[
            Expect::Fetched("repo", rev2.clone()),
            Expect::Applied("held", rev1),
        ],
    )
    .await?;
    s.patch("Kustomization", "held", json!({"spec": {"suspend": false}}))
        .await?;
    s.step("resumed: applied", &[Expect::Applied("held", rev2)])
        .await?;
    Ok(())
}

/// Sources that cannot be fetched: a server that is not there, and a wrong
/// password.
async fn unreachable(bench: &mut Bench) -> Result<()> {
    let mut s = Scenario::new(bench, "d-sources").await?;
    let ns = s.ns;
    let closed = free_port()?;
    let locked = HttpGitServer::start(
        s.repos.root(),
        HttpAuth::Basic {
            username: "git".into(),
            password: "right".into(),
        },
        None,
    )?;
    let yaml = format!(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: down\n  namespace: {ns}\nspec:\n  interval: 10m\n  url: http://127.0.0.1:{closed}/nothing\n  ref:\n    branch: main\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: {ns}\nstringData:\n  username: git\n  password: wrong\n---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: locked\n  namespace: {ns}\nspec:\n  interval: 10m\n  url: {}\n  secretRef:\n    name: creds\n  ref:\n    branch: main\n",
        locked.url("blank")
    );
    s.apply(&yaml)?;
    s.step(
        "an unreachable server and a wrong password",
        &[
            Expect::Failing("GitRepository", "down", "GitOperationFailed"),
            Expect::Failing("GitRepository", "locked", "GitOperationFailed"),
        ],
    )
    .await?;
    Ok(())
}

async fn side(name: &'static str) -> Result<Side> {
    let tb = Testbed::start(true)?;
    let client = tb.client().await?;
    Ok(Side { name, tb, client })
}

#[tokio::test(flavor = "multi_thread")]
async fn flux_and_sluice_leave_the_same_state() -> Result<()> {
    let flux = side("flux").await?;
    let sluice = side("sluice").await?;
    kubectl(
        &flux.tb,
        &[
            "apply",
            "--server-side",
            "-f",
            &crds_dir()?.display().to_string(),
        ],
        None,
    )?;
    kubectl(
        &sluice.tb,
        &[
            "apply",
            "--server-side",
            "-f",
            &crds_dir()?.display().to_string(),
        ],
        None,
    )?;
    let flux_engine = FluxControllers::start(flux.tb.kubeconfig(), &["--requeue-dependency=5s"])?;
    let sluice_engine = Controller::start(
        sluice.tb.kubeconfig(),
        &["--watch-all-namespaces", "--requeue-dependency=5s"],
    )?;
    sluice_engine.wait_ready(Duration::from_secs(30))?;
    let mut bench = Bench {
        flux,
        sluice,
        _flux_engine: flux_engine,
        _sluice_engine: sluice_engine,
        report: Vec::new(),
        unknown: Vec::new(),
    };
    let mut errors = Vec::new();
    for (name, result) in [
        ("tutorial", tutorial(&mut bench).await),
        ("failures", failures(&mut bench).await),
        ("lifecycle", suspend_and_substitute(&mut bench).await),
        ("sources", unreachable(&mut bench).await),
    ] {
        if let Err(e) = result {
            errors.push(format!("{name}: {e:#}"));
        }
    }
    let report = bench.report.join("\n");
    let path = sluice_tests::repo_root().join("target/differential-report.txt");
    std::fs::write(&path, format!("{report}\n"))?;
    eprintln!("{report}");
    if !errors.is_empty() {
        bail!(
            "scenarios failed:\n{}\n--- sluice log:\n{}",
            errors.join("\n"),
            bench._sluice_engine.log()
        );
    }
    assert!(
        bench.unknown.is_empty(),
        "undocumented differences from Flux:\n{}",
        bench.unknown.join("\n")
    );
    Ok(())
}

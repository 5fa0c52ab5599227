//! Sluice as a Deployment runs it: `sluice install --multi-tenant` applied
//! to a fresh test bed, then the binary started with exactly the
//! Deployment's arguments and the in-cluster configuration of the service
//! account the install created — its token and the cluster CA at the
//! standard paths (`/var/run/secrets/kubernetes.io/serviceaccount`, mounted
//! in a private mount namespace) and `KUBERNETES_SERVICE_HOST/PORT` — so the
//! installed RBAC is proven enough, and nothing more is used. Two replicas
//! share the leader Lease; killing the leader hands over to the other.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::coordination::v1::Lease;
use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::Api;
use sluice_engine::flux::Kustomization;
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, Launch, binary, eventually};
use sluice_tests::testbed::Testbed;

const NS: &str = "sluice-system";
const WAIT: Duration = Duration::from_secs(90);

fn kubectl(tb: &Testbed, args: &[&str], stdin: Option<&str>) -> Result<String> {
    let mut cmd = Command::new(sluice_tests::tools::kubectl()?);
    cmd.args(args).env("KUBECONFIG", tb.kubeconfig());
    if let Some(text) = stdin {
        use std::io::Write;
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()?;
        child
            .stdin
            .take()
            .context("stdin")?
            .write_all(text.as_bytes())?;
        let out = child.wait_with_output()?;
        if !out.status.success() {
            bail!("kubectl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let out = cmd.output()?;
    if !out.status.success() {
        bail!("kubectl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The API server's port, from the admin kubeconfig.
fn apiserver_port(kubeconfig: &Path) -> Result<String> {
    let text = std::fs::read_to_string(kubeconfig)?;
    text.lines()
        .find_map(|l| l.trim().strip_prefix("server: https://127.0.0.1:"))
        .map(str::to_string)
        .context("no server line in the kubeconfig")
}

/// One replica, in-cluster: the install's container arguments (plus this
/// test's ports and shorter lease times), run as the install's service
/// account through the standard in-cluster files.
fn replica(tb: &Testbed, args: &[String], secrets: &Path, name: &str) -> Result<Controller> {
    let port = apiserver_port(tb.kubeconfig())?;
    let home = secrets.join(format!("home-{name}"));
    std::fs::create_dir_all(&home)?;
    let script = r#"set -e
mount -t tmpfs tmpfs /run
mkdir -p /run/secrets/kubernetes.io/serviceaccount
cp "$1"/token "$1"/ca.crt "$1"/namespace /run/secrets/kubernetes.io/serviceaccount/
shift
exec "$@""#;
    let mut all = vec![
        "--mount".to_string(),
        "--propagation".into(),
        "private".into(),
        "--".into(),
        "bash".into(),
        "-c".into(),
        script.into(),
        "in-cluster".into(),
        secrets.display().to_string(),
        binary()?.display().to_string(),
    ];
    all.extend(args.iter().cloned());
    Controller::launch(|ports| {
        let mut args = all.clone();
        args.extend(ports);
        args.extend([
            "--leader-election-lease-duration=10s".to_string(),
            "--leader-election-renew-deadline=8s".into(),
            "--leader-election-retry-period=1s".into(),
            "--requeue-dependency=3s".into(),
        ]);
        Launch {
            program: "unshare".into(),
            args,
            env: vec![
                ("KUBERNETES_SERVICE_HOST".into(), "127.0.0.1".into()),
                ("KUBERNETES_SERVICE_PORT".into(), port),
                ("HOME".into(), home.display().to_string()),
                ("RUNTIME_NAMESPACE".into(), NS.into()),
                ("POD_NAME".into(), name.into()),
            ],
            env_remove: vec!["KUBECONFIG".into()],
        }
    })
}

fn holder(lease: &Lease) -> String {
    lease
        .spec
        .as_ref()
        .and_then(|s| s.holder_identity.clone())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn installed_rbac_runs_in_cluster_and_the_lease_fails_over() -> Result<()> {
    let tb = Testbed::start(true)?;
    let client = tb.client().await?;
    let sluice = binary()?;
    let out = Command::new(&sluice)
        .args([
            "install",
            "--multi-tenant",
            "--namespace",
            NS,
            "--kubeconfig",
        ])
        .arg(tb.kubeconfig())
        .env_remove("KUBECONFIG")
        .output()?;
    assert!(
        out.status.success(),
        "install failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The Deployment as installed: hardened, probed, leader-elected.
    let deploys: Api<Deployment> = Api::namespaced(client.clone(), NS);
    let d = deploys.get("sluice").await?;
    let pod = d.spec.template.spec.context("pod spec")?;
    let c = pod.containers.first().context("container")?.clone();
    let sc = c.security_context.clone().context("securityContext")?;
    assert_eq!(sc.read_only_root_filesystem, Some(true));
    assert_eq!(sc.run_as_non_root, Some(true));
    assert_eq!(sc.allow_privilege_escalation, Some(false));
    assert!(c.readiness_probe.is_some() && c.liveness_probe.is_some());
    assert_eq!(pod.service_account_name.as_deref(), Some("sluice"));
    let args = c.args.clone().context("args")?;
    assert!(args.contains(&"--enable-leader-election".to_string()));

    // A tenant: its own namespace, its `default` service account may edit
    // it, and nothing else.
    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let cm = |name: &str, v: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: tenant\ndata:\n  v: \"{v}\"\n"
        )
    };
    let first = repos.commit(
        "blank",
        "main",
        "tenant",
        &[
            ("app/cm.yaml", Some(&cm("app", "1"))),
            (
                "greedy/cr.yaml",
                Some("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: tenant-wants-this\nrules: []\n"),
            ),
        ],
    )?;
    let setup = format!(
        r#"apiVersion: v1
kind: Namespace
metadata:
  name: tenant
---
apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: default-edits
  namespace: tenant
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
- kind: ServiceAccount
  name: default
  namespace: tenant
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: repo
  namespace: tenant
spec:
  interval: 1h
  url: {url}
  ref:
    branch: main
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: repo
  namespace: other
spec:
  interval: 1h
  url: {url}
  ref:
    branch: main
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: app
  namespace: tenant
spec:
  interval: 10m
  path: ./app
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: greedy
  namespace: tenant
spec:
  interval: 10m
  path: ./greedy
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: cross
  namespace: tenant
spec:
  interval: 10m
  path: ./app
  prune: true
  sourceRef:
    kind: GitRepository
    name: repo
    namespace: other
"#,
        url = server.url("blank")
    );
    kubectl(&tb, &["apply", "-f", "-"], Some(&setup))?;

    // The service account's credentials, as a pod would have them.
    let secrets = tempfile::tempdir()?;
    let token = kubectl(
        &tb,
        &["create", "token", "sluice", "-n", NS, "--duration=2h"],
        None,
    )?;
    std::fs::write(secrets.path().join("token"), token.trim())?;
    std::fs::copy(
        tb.dir().join("pki").join("ca.crt"),
        secrets.path().join("ca.crt"),
    )?;
    std::fs::write(secrets.path().join("namespace"), NS)?;

    let mut a = replica(&tb, &args, secrets.path(), "replica-a")?;
    a.wait_ready(Duration::from_secs(30))?;
    let leases: Api<Lease> = Api::namespaced(client.clone(), NS);
    let lease = eventually("replica-a leads", WAIT, || async {
        Ok(leases
            .get_opt("sluice-leader-election")
            .await?
            .filter(|l| holder(l).starts_with("replica-a_")))
    })
    .await?;
    assert!(holder(&lease).starts_with("replica-a_"));
    let b = replica(&tb, &args, secrets.path(), "replica-b")?;
    b.wait_ready(Duration::from_secs(30))?;

    // Reconciled as the tenant's service account: its own namespace works,
    // a cluster-scoped object is refused by RBAC, a cross-namespace source
    // is refused by the controller.
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), "tenant");
    let want = format!("main@sha1:{first}");
    eventually("tenant app applied", WAIT, || async {
        let k = kss.get("app").await?;
        Ok((k.status.and_then(|s| s.last_applied_revision) == Some(want.clone())).then_some(()))
    })
    .await?;
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), "tenant");
    assert!(cms.get_opt("app").await?.is_some());
    let greedy = eventually("greedy refused", WAIT, || async {
        let k = kss.get("greedy").await?;
        Ok(k.conditions()
            .iter()
            .find(|c| {
                c.type_ == "Ready" && c.status == "False" && c.reason == "ReconciliationFailed"
            })
            .cloned())
    })
    .await?;
    assert!(
        greedy.message.contains("forbidden")
            && greedy
                .message
                .contains("system:serviceaccount:tenant:default"),
        "{}",
        greedy.message
    );
    let cross = eventually("cross refused", WAIT, || async {
        let k = kss.get("cross").await?;
        Ok(k.conditions()
            .iter()
            .find(|c| c.type_ == "Stalled" && c.reason == "AccessDenied")
            .cloned())
    })
    .await?;
    assert!(
        cross
            .message
            .contains("cross-namespace references have been blocked"),
        "{}",
        cross.message
    );
    // The standby did nothing.
    assert_eq!(
        b.metric("gotk_reconcile_duration_seconds_count", &[])?,
        0.0,
        "the standby reconciled"
    );

    // The leader dies without releasing the Lease; the standby takes over
    // once the lease expires and carries on reconciling.
    a.kill();
    let killed = Instant::now();
    eventually("replica-b leads", Duration::from_secs(40), || async {
        Ok(leases
            .get_opt("sluice-leader-election")
            .await?
            .filter(|l| holder(l).starts_with("replica-b_")))
    })
    .await?;
    let took = killed.elapsed();
    assert!(took < Duration::from_secs(10 + 8), "takeover took {took:?}");
    let second = repos.commit(
        "blank",
        "main",
        "v2",
        &[("app/cm.yaml", Some(&cm("app", "2")))],
    )?;
    kubectl(
        &tb,
        &[
            "annotate",
            "--overwrite",
            "gitrepository",
            "repo",
            "-n",
            "tenant",
            "reconcile.fluxcd.io/requestedAt=failover",
        ],
        None,
    )?;
    let want = format!("main@sha1:{second}");
    eventually("new leader applies v2", WAIT, || async {
        let k = kss.get("app").await?;
        Ok((k.status.and_then(|s| s.last_applied_revision) == Some(want.clone())).then_some(()))
    })
    .await?;
    assert!(b.metric("leader_election_master_status", &[])? >= 1.0);
    drop(b);
    Ok(())
}

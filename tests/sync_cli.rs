//! `sluice sync` as a user runs it: the real binary, az-style flags,
//! credentials over HTTP basic auth, `-o json|yaml`, exit codes by
//! compliance, the offline dry run, and no secret in any output.

use std::path::PathBuf;
use std::process::{Command, Output};

use anyhow::{Context, Result, bail};
use k8s_openapi::api::core::v1::{ConfigMap, Secret};
use kube::api::{Api, DynamicObject};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::Value;
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::testbed::Testbed;

const PASSWORD: &str = "s3cr3t-Pa55word";

/// The `sluice` binary next to this test's executable (tests/run builds it).
fn sluice() -> Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .context("test executable has no target directory")?;
    let bin = dir.join("sluice");
    if !bin.exists() {
        bail!(
            "{} is missing: build it first (cargo build -p sluice-engine; tests/run does)",
            bin.display()
        );
    }
    Ok(bin)
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Result<Output> {
    let mut cmd = Command::new(sluice()?);
    cmd.args(args).env_remove("KUBECONFIG").env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    Ok(cmd.output()?)
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

struct Fixture {
    repos: FixtureRepos,
    server: HttpGitServer,
    storage: tempfile::TempDir,
}

fn fixture() -> Result<Fixture> {
    let repos = FixtureRepos::build(&["blank"])?;
    repos.commit(
        "blank",
        "main",
        "app",
        &[(
            "app/cm.yaml",
            Some("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello\n  namespace: cli\ndata:\n  greeting: hi\n"),
        )],
    )?;
    let server = HttpGitServer::start(
        repos.root(),
        HttpAuth::Basic {
            username: "git-user".into(),
            password: PASSWORD.into(),
        },
        None,
    )?;
    Ok(Fixture {
        repos,
        server,
        storage: tempfile::tempdir()?,
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_prints_an_az_document_and_exits_by_compliance() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let f = fixture()?;
    let url = f.server.url("blank");
    let kubeconfig = tb.kubeconfig().to_string_lossy().into_owned();
    let storage = f.storage.path().to_string_lossy().into_owned();
    let base = |name: &'static str| -> Vec<String> {
        [
            "sync",
            "-n",
            name,
            "--namespace",
            "cli",
            "-u",
            &url,
            "--branch",
            "main",
            "--https-user",
            "git-user",
            "--kustomization",
            "name=app",
            "path=./app",
            "prune=true",
            "wait=false",
            "--kubeconfig",
            &kubeconfig,
            "--storage",
            &storage,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };

    // Right password (from the environment, so it is not in `ps`).
    let mut args = base("cli");
    args.extend(["-o".into(), "json".into()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&argv, &[("SLUICE_HTTPS_KEY", PASSWORD)])?;
    let (stdout, stderr) = text(&out);
    assert!(
        out.status.success(),
        "exit {:?}\n{stdout}\n{stderr}",
        out.status
    );
    assert!(
        !stdout.contains(PASSWORD) && !stderr.contains(PASSWORD),
        "the password leaked"
    );
    let doc: Value = serde_json::from_str(&stdout)?;
    assert_eq!(doc["complianceState"], "Compliant");
    assert_eq!(doc["gitRepository"]["httpsUser"], "git-user");
    assert_eq!(doc["kustomizations"]["app"]["prune"], true);
    let statuses = doc["statuses"].as_array().context("statuses")?;
    let kinds: Vec<&str> = statuses.iter().filter_map(|s| s["kind"].as_str()).collect();
    // The source, the Kustomization, and what it applied.
    assert_eq!(kinds, vec!["GitRepository", "Kustomization", "ConfigMap"]);
    assert_eq!(statuses[2]["appliedBy"]["name"], "cli-app");
    assert_eq!(statuses[2]["complianceState"], "Compliant");
    assert!(
        doc["sourceSyncedCommitId"]
            .as_str()
            .is_some_and(|r| r.starts_with("main@sha1:"))
    );

    let client = tb.client().await?;
    let secret = Api::<Secret>::namespaced(client.clone(), "cli")
        .get("cli-git-auth")
        .await?;
    let password = secret
        .data
        .unwrap_or_default()
        .get("password")
        .map(|b| b.0.clone());
    assert_eq!(password.as_deref(), Some(PASSWORD.as_bytes()));
    let ar = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("source.toolkit.fluxcd.io", "v1", "GitRepository"),
        "gitrepositories",
    );
    let repo = serde_json::to_value(
        Api::<DynamicObject>::namespaced_with(client.clone(), "cli", &ar)
            .get("cli")
            .await?,
    )?;
    assert_eq!(
        repo.pointer("/spec/secretRef/name"),
        Some(&Value::from("cli-git-auth"))
    );
    assert!(
        Api::<ConfigMap>::namespaced(client.clone(), "cli")
            .get_opt("hello")
            .await?
            .is_some()
    );

    // The table for people.
    let argv: Vec<String> = base("cli");
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let out = run(&argv, &[("SLUICE_HTTPS_KEY", PASSWORD)])?;
    let (stdout, _) = text(&out);
    assert!(stdout.contains("complianceState: Compliant"), "{stdout}");
    assert!(
        stdout.lines().next().is_some_and(|h| h.starts_with("NAME")),
        "{stdout}"
    );

    // Wrong password: not compliant, exit 1, the source says why, and the
    // wrong password appears nowhere.
    let mut args = base("cli-bad");
    args.extend(["-o".into(), "yaml".into()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&argv, &[("SLUICE_HTTPS_KEY", "not-the-password")])?;
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(!stdout.contains("not-the-password") && !stderr.contains("not-the-password"));
    let doc: Value = serde_yaml::from_str(&stdout)?;
    assert_eq!(doc["complianceState"], "Non-Compliant");
    let source = &doc["statuses"][0];
    assert_eq!(source["kind"], "GitRepository");
    // As Flux: the server refusing credentials is a failed git operation.
    let ready = source["statusConditions"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "Ready"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(ready["reason"], "GitOperationFailed", "{stdout}");
    let message = ready["message"].as_str().unwrap_or_default();
    assert!(message.contains("authentication"), "{message}");

    // Bad flags name the flag.
    let out = run(
        &[
            "sync",
            "-n",
            "x",
            "-u",
            &url,
            "--kustomization",
            "name=a",
            "prune=perhaps",
        ],
        &[],
    )?;
    let (_, stderr) = text(&out);
    assert!(!out.status.success());
    assert!(stderr.contains("prune"), "{stderr}");
    drop(f.repos);
    Ok(())
}

#[test]
fn dry_run_without_a_cluster_plans_offline() -> Result<()> {
    let f = fixture()?;
    let url = f.server.url("blank");
    let storage = f.storage.path().to_string_lossy().into_owned();
    let nowhere = tempfile::tempdir()?;
    let kubeconfig = nowhere.path().join("kubeconfig");
    std::fs::write(
        &kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user: {}\n",
    )?;
    let out = run(
        &[
            "sync",
            "-n",
            "offline",
            "--namespace",
            "offline",
            "-u",
            &url,
            "--branch",
            "main",
            "--https-user",
            "git-user",
            "--kustomization",
            "name=app",
            "path=./app",
            "--dry-run",
            "--kubeconfig",
            kubeconfig.to_str().unwrap_or_default(),
            "--storage",
            &storage,
            "-o",
            "json",
        ],
        &[("SLUICE_HTTPS_KEY", PASSWORD)],
    )?;
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let plan: Value = serde_json::from_str(&stdout)?;
    assert_eq!(plan["dryRun"], true);
    assert_eq!(plan["offline"], true);
    let changes: Vec<(String, String)> = plan["changes"]
        .as_array()
        .context("changes")?
        .iter()
        .map(|c| {
            (
                c["action"].as_str().unwrap_or_default().to_string(),
                c["object"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        changes.contains(&("create".into(), "ConfigMap/cli/hello".into())),
        "{changes:?}"
    );
    assert!(
        changes.contains(&("create".into(), "GitRepository/offline/offline".into())),
        "{changes:?}"
    );
    assert!(!stdout.contains(PASSWORD));
    Ok(())
}

//! Proves the test bed: the real apiserver stores and returns objects, fake
//! nodes make a Deployment Available and a Job Complete, and the harness's
//! system git clones from every fixture git server, refusing bad credentials
//! and unknown host keys.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::api::{Api, PostParams};
use kube::runtime::wait::{await_condition, conditions};
use serde_json::json;
use sluice_tests::git::{FixtureRepos, GitDaemon, HttpAuth, HttpGitServer, SshGitServer};
use sluice_tests::pki::TestCa;
use sluice_tests::testbed::Testbed;

#[tokio::test(flavor = "multi_thread")]
async fn apiserver_stores_and_returns_objects() -> anyhow::Result<()> {
    // A private instance, running beside the shared one other tests use.
    let tb = Testbed::start(false)?;
    let client = tb.client().await?;
    let namespaces: Api<Namespace> = Api::all(client.clone());
    let ns: Namespace = serde_json::from_value(json!({"metadata": {"name": "smoke"}}))?;
    namespaces.create(&PostParams::default(), &ns).await?;

    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), "smoke");
    let cm: ConfigMap = serde_json::from_value(json!({
        "metadata": {"name": "greeting"},
        "data": {"hello": "world", "answer": "42"}
    }))?;
    cms.create(&PostParams::default(), &cm).await?;

    let back = cms.get("greeting").await?;
    let data = back.data.unwrap_or_default();
    assert_eq!(data.get("hello").map(String::as_str), Some("world"));
    assert_eq!(data.get("answer").map(String::as_str), Some("42"));
    assert!(back.metadata.uid.is_some(), "the apiserver assigns a uid");
    assert_eq!(
        namespaces.get("smoke").await?.metadata.name.as_deref(),
        Some("smoke")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn deployment_becomes_available_and_job_completes() -> anyhow::Result<()> {
    let tb = Testbed::shared(true)?;
    let client = tb.client().await?;
    let namespaces: Api<Namespace> = Api::all(client.clone());
    namespaces
        .create(
            &PostParams::default(),
            &serde_json::from_value(json!({"metadata": {"name": "workloads"}}))?,
        )
        .await?;

    let deployments: Api<Deployment> = Api::namespaced(client.clone(), "workloads");
    let deploy: Deployment = serde_json::from_value(json!({
        "metadata": {"name": "web"},
        "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
                "metadata": {"labels": {"app": "web"}},
                "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}
            }
        }
    }))?;
    deployments.create(&PostParams::default(), &deploy).await?;
    let available = await_condition(deployments.clone(), "web", |d: Option<&Deployment>| {
        d.and_then(|d| d.status.as_ref())
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|cs| {
                cs.iter().any(|c| {
                    c.type_.as_deref() == Some("Available") && c.status.as_deref() == Some("True")
                })
            })
    });
    tokio::time::timeout(Duration::from_secs(180), available).await??;
    let status = deployments.get("web").await?.status.unwrap_or_default();
    assert_eq!(status.available_replicas, Some(2));

    let jobs: Api<Job> = Api::namespaced(client.clone(), "workloads");
    let job: Job = serde_json::from_value(json!({
        "metadata": {"name": "once"},
        "spec": {"template": {"spec": {
            "restartPolicy": "Never",
            "containers": [{"name": "once", "image": "busybox:1.36", "command": ["true"]}]
        }}}
    }))?;
    jobs.create(&PostParams::default(), &job).await?;
    tokio::time::timeout(
        Duration::from_secs(180),
        await_condition(jobs.clone(), "once", conditions::is_job_completed()),
    )
    .await??;
    assert_eq!(
        jobs.get("once").await?.status.unwrap_or_default().succeeded,
        Some(1)
    );
    Ok(())
}

fn git_clone(url: &str, dest: &Path, env: &[(&str, String)]) -> std::process::Output {
    let mut cmd = Command::new("git");
    cmd.args(["clone", "-q", url])
        .arg(dest)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ASKPASS", "/bin/false")
        .env("SSH_ASKPASS", "/bin/false");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("git runs")
}

fn head_of(dir: &Path) -> String {
    sluice_tests::git::git_output(dir, &["rev-parse", "HEAD"]).expect("rev-parse")
}

#[test]
fn system_git_clones_from_every_server() -> anyhow::Result<()> {
    let repos = FixtureRepos::build(&["podinfo"])?;
    let master = repos.rev("podinfo", "master")?;
    let tmp = tempfile::tempdir()?;

    // git://
    let daemon = GitDaemon::start(repos.root())?;
    let out = git_clone(&daemon.url("podinfo"), &tmp.path().join("daemon"), &[]);
    assert!(
        out.status.success(),
        "git:// clone: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_of(&tmp.path().join("daemon")), master);

    // http:// without auth
    let http = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let out = git_clone(&http.url("podinfo"), &tmp.path().join("http"), &[]);
    assert!(
        out.status.success(),
        "http clone: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_of(&tmp.path().join("http")), master);
    assert!(
        http.requests()
            .iter()
            .any(|r| r.command.as_deref() == Some("fetch"))
    );

    // http:// with basic auth: right and wrong password
    let basic = HttpGitServer::start(
        repos.root(),
        HttpAuth::Basic {
            username: "flux".into(),
            password: "s3cret".into(),
        },
        None,
    )?;
    let with_creds = basic
        .url("podinfo")
        .replace("http://", "http://flux:s3cret@");
    let out = git_clone(&with_creds, &tmp.path().join("basic"), &[]);
    assert!(
        out.status.success(),
        "basic-auth clone: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_of(&tmp.path().join("basic")), master);
    let wrong = basic
        .url("podinfo")
        .replace("http://", "http://flux:wrong@");
    let out = git_clone(&wrong, &tmp.path().join("basic-wrong"), &[]);
    assert!(!out.status.success(), "a wrong password must be refused");
    assert!(basic.requests().iter().any(|r| r.status == 401));

    // https:// with a test CA: trusted with the CA, refused without it
    let ca = TestCa::generate()?;
    let https = HttpGitServer::start(repos.root(), HttpAuth::None, Some(ca.server_pair()))?;
    let ca_env = [("GIT_SSL_CAINFO", ca.ca_path().display().to_string())];
    let out = git_clone(&https.url("podinfo"), &tmp.path().join("https"), &ca_env);
    assert!(
        out.status.success(),
        "https clone: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(head_of(&tmp.path().join("https")), master);
    let out = git_clone(
        &https.url("podinfo"),
        &tmp.path().join("https-untrusted"),
        &[],
    );
    assert!(
        !out.status.success(),
        "a server signed by an unknown CA must be refused"
    );

    // ssh:// with a user key and known_hosts; an unknown host key is refused
    let ssh = SshGitServer::start(repos.root())?;
    let key_path = tmp.path().join("id");
    std::fs::write(&key_path, ssh.ed25519_key()?.private)?;
    std::fs::set_permissions(
        &key_path,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )?;
    let kh = tmp.path().join("known_hosts");
    std::fs::write(&kh, ssh.known_hosts()?)?;
    let ssh_cmd = |kh: &Path| {
        format!(
            "ssh -i {} -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile={} -o StrictHostKeyChecking=yes",
            key_path.display(),
            kh.display()
        )
    };
    let out = git_clone(
        &ssh.url("podinfo"),
        &tmp.path().join("ssh"),
        &[("GIT_SSH_COMMAND", ssh_cmd(&kh))],
    );
    assert!(
        out.status.success(),
        "ssh clone: {}\nsshd: {}",
        String::from_utf8_lossy(&out.stderr),
        ssh.log()
    );
    assert_eq!(head_of(&tmp.path().join("ssh")), master);
    let wrong_kh = tmp.path().join("wrong_known_hosts");
    std::fs::write(&wrong_kh, ssh.wrong_known_hosts()?)?;
    let out = git_clone(
        &ssh.url("podinfo"),
        &tmp.path().join("ssh-wrong"),
        &[("GIT_SSH_COMMAND", ssh_cmd(&wrong_kh))],
    );
    assert!(!out.status.success(), "an unknown host key must be refused");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Host key verification failed") || err.contains("HOST IDENTIFICATION"),
        "{err}"
    );
    Ok(())
}

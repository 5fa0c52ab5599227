//! Security properties of `sluice run` on the real test bed: credentials
//! reach neither logs, events, conditions, status nor metrics, whatever
//! path they came by (a Secret with a wrong then a right password, a
//! password inside the URL) and whatever failed on the way.

use std::time::Duration;

use anyhow::Result;
use k8s_openapi::api::core::v1::{Event, Secret};
use kube::api::{Api, ListParams, Patch, PatchParams};
use serde_json::json;
use sluice_engine::flux::{GitRepository, Kustomization};
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, Launch, eventually};
use sluice_tests::testbed::Testbed;

const WAIT: Duration = Duration::from_secs(90);
const RIGHT: &str = "Right-Pw-7c1d5e93";
const WRONG: &str = "Wrong-Pw-4b2a9f06";
const IN_URL: &str = "Url-Pw-0d9e8c7b";

fn ready(conditions: &[sluice_appliers::conditions::Condition]) -> Option<bool> {
    conditions
        .iter()
        .find(|c| c.type_ == "Ready")
        .map(|c| c.status == "True")
}

#[tokio::test(flavor = "multi_thread")]
async fn credentials_never_leak_from_the_controller() -> Result<()> {
    let tb = Testbed::shared(true)?;
    let ns = "sec-leak";
    let client = tb.client().await?;
    sluice_engine::flux::install_crds(&client).await?;
    let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client.clone());
    namespaces
        .patch(
            ns,
            &PatchParams::apply("security-test"),
            &Patch::Apply(
                json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
            ),
        )
        .await?;

    let repos = FixtureRepos::build(&["blank"])?;
    repos.commit(
        "blank",
        "main",
        "app",
        &[(
            "app/cm.yaml",
            Some(&format!(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: {ns}\ndata:\n  k: v\n"
            )),
        )],
    )?;
    let server = HttpGitServer::start(
        repos.root(),
        HttpAuth::Basic {
            username: "flux".into(),
            password: RIGHT.into(),
        },
        None,
    )?;
    let url = server.url("blank");
    // A second server, whose password only the URL carries.
    let url_server = HttpGitServer::start(
        repos.root(),
        HttpAuth::Basic {
            username: "flux".into(),
            password: IN_URL.into(),
        },
        None,
    )?;
    let url_with_password =
        url_server
            .url("blank")
            .replacen("http://", &format!("http://flux:{IN_URL}@"), 1);

    // Everything logged, the git backends' and HTTP clients' debug output too.
    let kubeconfig = tb.kubeconfig().display().to_string();
    let ctl = Controller::launch(|ports| Launch {
        program: sluice_tests::sluice::binary().expect("sluice binary"),
        args: [
            vec!["run".to_string()],
            ports,
            vec![
                "--kubeconfig".into(),
                kubeconfig,
                "--namespace".into(),
                ns.into(),
            ],
        ]
        .concat(),
        env: vec![("RUST_LOG".into(), "debug".into())],
        env_remove: vec!["KUBECONFIG".into()],
    })?;
    ctl.wait_ready(Duration::from_secs(30))?;

    let apply = PatchParams::apply("security-test").force();
    let secrets: Api<Secret> = Api::namespaced(client.clone(), ns);
    let creds = |pw: &str| {
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds", "namespace": ns},
               "stringData": {"username": "flux", "password": pw}})
    };
    secrets
        .patch("creds", &apply, &Patch::Apply(creds(WRONG)))
        .await?;
    let repo_api: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    for (name, u, secret) in [
        ("locked", url.as_str(), true),
        ("inurl", url_with_password.as_str(), false),
    ] {
        let mut spec =
            json!({"interval": "1h", "timeout": "20s", "url": u, "ref": {"branch": "main"}});
        if secret {
            spec["secretRef"] = json!({"name": "creds"});
        }
        repo_api
            .patch(
                name,
                &apply,
                &Patch::Apply(
                    json!({"apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
                                     "metadata": {"name": name, "namespace": ns}, "spec": spec}),
                ),
            )
            .await?;
    }
    let ks_api: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    ks_api
        .patch(
            "app",
            &apply,
            &Patch::Apply(json!({"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
                                 "metadata": {"name": "app", "namespace": ns},
                                 "spec": {"interval": "1h", "path": "./app", "prune": true,
                                          "sourceRef": {"kind": "GitRepository", "name": "locked"}}})),
        )
        .await?;

    // The wrong password fails (and says so), the password in the URL works.
    eventually("locked refused with the wrong password", WAIT, || async {
        let r = repo_api.get("locked").await?;
        Ok((ready(r.conditions()) == Some(false)).then_some(()))
    })
    .await?;
    eventually(
        "inurl Ready with the password from its URL",
        WAIT,
        || async {
            let r = repo_api.get("inurl").await?;
            Ok((ready(r.conditions()) == Some(true)).then_some(()))
        },
    )
    .await?;
    // The right password: the source and then the Kustomization recover.
    secrets
        .patch("creds", &apply, &Patch::Apply(creds(RIGHT)))
        .await?;
    repo_api
        .patch(
            "locked",
            &PatchParams::default(),
            &Patch::Merge(json!({"metadata": {"annotations": {
                "reconcile.fluxcd.io/requestedAt": "security-test-1"}}})),
        )
        .await?;
    eventually("app Ready after the password is fixed", WAIT, || async {
        let k = ks_api.get("app").await?;
        Ok((ready(k.conditions()) == Some(true)).then_some(()))
    })
    .await?;

    // Everything the controller said, to anyone.
    let mut outputs: Vec<(String, String)> = vec![
        ("controller log".into(), ctl.log()),
        ("metrics".into(), ctl.metrics()?),
    ];
    let events: Api<Event> = Api::namespaced(client.clone(), ns);
    for e in events.list(&ListParams::default()).await?.items {
        outputs.push((
            format!("event {}", e.metadata.name.clone().unwrap_or_default()),
            serde_json::to_string(&e)?,
        ));
    }
    for r in repo_api.list(&ListParams::default()).await?.items {
        outputs.push((
            format!(
                "GitRepository {} status",
                r.metadata.name.clone().unwrap_or_default()
            ),
            serde_json::to_string(&r.status)?,
        ));
        outputs.push((
            format!(
                "GitRepository {} annotations",
                r.metadata.name.clone().unwrap_or_default()
            ),
            serde_json::to_string(&r.metadata.annotations)?,
        ));
    }
    for k in ks_api.list(&ListParams::default()).await?.items {
        outputs.push((
            format!(
                "Kustomization {} status",
                k.metadata.name.clone().unwrap_or_default()
            ),
            serde_json::to_string(&k.status)?,
        ));
    }
    assert!(
        outputs
            .iter()
            .any(|(what, text)| what == "controller log" && text.contains("locked")),
        "the log says nothing: the check below would prove nothing"
    );
    let mut leaks = Vec::new();
    for (what, text) in &outputs {
        for secret in [RIGHT, WRONG, IN_URL] {
            if text.contains(secret) {
                leaks.push(format!("{what} holds {secret}"));
            }
        }
    }
    assert!(leaks.is_empty(), "leaked: {leaks:#?}");
    drop(ctl);
    Ok(())
}

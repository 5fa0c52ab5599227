//! The git source against real servers: every transport × both backends ×
//! every auth kind, each ref kind, ignore rules, reproducible digests, the
//! no-op fetch and every bad input.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use sluice_sources::fetch::{FetchOptions, FetchReport};
use sluice_sources::{
    Backend, BackendChoice, Credentials, Error, GitRef, GitUrl, NoProgress, ObjectKey, RefSpec,
    Storage,
};
use sluice_tests::git::{FixtureRepos, GitDaemon, HttpAuth, HttpGitServer, SshGitServer, SshKey};
use sluice_tests::pki::TestCa;

struct Servers {
    repos: FixtureRepos,
    daemon: GitDaemon,
    http: HttpGitServer,
    basic: HttpGitServer,
    bearer: HttpGitServer,
    https: HttpGitServer,
    ca: TestCa,
    ssh: SshGitServer,
}

fn servers() -> &'static Servers {
    static S: OnceLock<Servers> = OnceLock::new();
    S.get_or_init(|| {
        sluice_sources::install_crypto_provider();
        let repos = FixtureRepos::build(&["podinfo"]).expect("fixture repos");
        let ca = TestCa::generate().expect("ca");
        let root = repos.root().to_path_buf();
        Servers {
            daemon: GitDaemon::start(&root).expect("git daemon"),
            http: HttpGitServer::start(&root, HttpAuth::None, None).expect("http"),
            basic: HttpGitServer::start(
                &root,
                HttpAuth::Basic {
                    username: "flux".into(),
                    password: "s3cret-pw".into(),
                },
                None,
            )
            .expect("http basic"),
            bearer: HttpGitServer::start(
                &root,
                HttpAuth::Bearer {
                    token: "tok-123456".into(),
                },
                None,
            )
            .expect("bearer"),
            https: HttpGitServer::start(&root, HttpAuth::None, Some(ca.server_pair()))
                .expect("https"),
            ssh: SshGitServer::start(&root).expect("sshd"),
            ca,
            repos,
        }
    })
}

const BACKENDS: [Backend; 2] = [Backend::Gix, Backend::Libgit2];

fn choice(b: Backend) -> BackendChoice {
    match b {
        Backend::Gix => BackendChoice::Gix,
        Backend::Libgit2 => BackendChoice::Libgit2,
    }
}

fn secret(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
}

fn creds(url: &str, pairs: &[(&str, &str)]) -> Credentials {
    let url = GitUrl::parse(url).expect("url");
    Credentials::from_secret_data(&secret(pairs), &url, "test/secret").expect("credentials")
}

fn ssh_creds(s: &Servers, key: &SshKey, known_hosts: &str) -> Credentials {
    let mut pairs = vec![
        ("identity", key.private.as_str()),
        ("known_hosts", known_hosts),
        ("identity.pub", key.public.as_str()),
    ];
    if let Some(p) = &key.passphrase {
        pairs.push(("password", p.as_str()));
    }
    creds(&s.ssh.url("podinfo"), &pairs)
}

fn run(
    storage: &Storage,
    backend: Backend,
    url: &str,
    reference: GitRef,
    credentials: Credentials,
) -> Result<FetchReport, Error> {
    let mut opts = FetchOptions::new(GitUrl::parse(url).expect("url"), reference);
    opts.backend = choice(backend);
    opts.credentials = credentials;
    opts.timeout = Duration::from_secs(30);
    sluice_sources::fetch(
        storage,
        &ObjectKey::git_repository("default", "podinfo"),
        &opts,
        Arc::new(NoProgress),
    )
}

fn fresh() -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("tmp");
    let storage = Storage::new(dir.path()).expect("storage");
    (dir, storage)
}

fn fetch(
    backend: Backend,
    url: &str,
    reference: GitRef,
    credentials: Credentials,
) -> Result<FetchReport, Error> {
    let (_dir, storage) = fresh();
    run(&storage, backend, url, reference, credentials)
}

fn master() -> GitRef {
    GitRef::Branch("master".into())
}

/// The file names and modes inside an artifact.
fn artifact_listing(storage: &Storage, report: &FetchReport) -> Vec<(String, u32)> {
    let path = storage.local_path(&report.artifact.path).expect("path");
    let bytes = std::fs::read(path).expect("artifact");
    let mut a = tar::Archive::new(flate2::read::GzDecoder::new(bytes.as_slice()));
    a.entries()
        .expect("entries")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.path().expect("path").display().to_string(),
                e.header().mode().expect("mode"),
            )
        })
        .collect()
}

fn assert_master(r: &FetchReport, backend: Backend) {
    let s = servers();
    let commit = s.repos.rev("podinfo", "master").expect("rev");
    assert_eq!(r.backend, backend);
    assert_eq!(r.commit, commit);
    assert_eq!(r.revision, format!("master@sha1:{commit}"));
    assert!(r.artifact.digest.starts_with("sha256:") && r.artifact.size > 0);
    assert!(!r.unchanged);
}

// ---------------------------------------------------------------- transports

#[test]
fn every_transport_with_both_backends_gives_one_digest() {
    let s = servers();
    let urls = [
        format!("file://{}", s.repos.path("podinfo").display()),
        s.daemon.url("podinfo"),
        s.http.url("podinfo"),
    ];
    let mut digests = Vec::new();
    for url in &urls {
        for b in BACKENDS {
            let r = fetch(b, url, master(), Credentials::none())
                .unwrap_or_else(|e| panic!("{b} {url}: {e}"));
            assert_master(&r, b);
            digests.push((format!("{b} {url}"), r.artifact.digest.clone()));
        }
    }
    let first = &digests[0].1;
    for (what, d) in &digests {
        assert_eq!(d, first, "{what} produced a different artifact");
    }
}

#[test]
fn https_basic_auth_with_both_backends() {
    let s = servers();
    let url = s.basic.url("podinfo");
    for b in BACKENDS {
        let r = fetch(
            b,
            &url,
            master(),
            creds(&url, &[("username", "flux"), ("password", "s3cret-pw")]),
        )
        .unwrap_or_else(|e| panic!("{b}: {e}"));
        assert_master(&r, b);
        let err = fetch(
            b,
            &url,
            master(),
            creds(&url, &[("username", "flux"), ("password", "wrong-pw")]),
        )
        .expect_err("wrong password refused");
        assert!(
            matches!(err, Error::AuthenticationFailed { .. }),
            "{b}: {err:?}"
        );
        assert!(
            !err.to_string().contains("wrong-pw"),
            "{b}: the password leaked: {err}"
        );
        let err =
            fetch(b, &url, master(), Credentials::none()).expect_err("no credentials refused");
        assert!(
            matches!(err, Error::AuthenticationFailed { .. }),
            "{b}: {err:?}"
        );
    }
}

#[test]
fn bearer_token_with_both_backends() {
    let s = servers();
    let url = s.bearer.url("podinfo");
    for b in BACKENDS {
        let r = fetch(
            b,
            &url,
            master(),
            creds(&url, &[("bearerToken", "tok-123456")]),
        )
        .unwrap_or_else(|e| panic!("{b}: {e}"));
        assert_master(&r, b);
        let err = fetch(
            b,
            &url,
            master(),
            creds(&url, &[("bearerToken", "tok-wrong")]),
        )
        .expect_err("wrong token");
        assert!(
            matches!(err, Error::AuthenticationFailed { .. }),
            "{b}: {err:?}"
        );
        assert!(!err.to_string().contains("tok-wrong"));
    }
}

#[test]
fn https_custom_ca_with_both_backends() {
    let s = servers();
    let url = s.https.url("podinfo");
    let ca = s.ca.ca_pem().expect("ca");
    for b in BACKENDS {
        let r = fetch(b, &url, master(), creds(&url, &[("ca.crt", &ca)]))
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        assert_master(&r, b);
        let err = fetch(b, &url, master(), Credentials::none()).expect_err("untrusted CA refused");
        assert!(matches!(err, Error::Tls { .. }), "{b}: {err:?}");
    }
}

#[test]
fn ssh_keys_of_every_format_with_both_backends() {
    let s = servers();
    let url = s.ssh.url("podinfo");
    let kh = s.ssh.known_hosts().expect("known_hosts");
    let keys = [
        ("ed25519", s.ssh.ed25519_key().expect("key")),
        ("rsa-pem", s.ssh.rsa_pem_key().expect("key")),
        ("encrypted", s.ssh.encrypted_key().expect("key")),
    ];
    for b in BACKENDS {
        for (what, key) in &keys {
            let r = fetch(b, &url, master(), ssh_creds(s, key, &kh))
                .unwrap_or_else(|e| panic!("{b} {what}: {e}\nsshd: {}", s.ssh.log()));
            assert_master(&r, b);
        }
    }
}

#[test]
fn ssh_host_keys_are_always_verified() {
    let s = servers();
    let url = s.ssh.url("podinfo");
    let key = s.ssh.ed25519_key().expect("key");
    for b in BACKENDS {
        let wrong = s.ssh.wrong_known_hosts().expect("kh");
        let err = fetch(b, &url, master(), ssh_creds(s, &key, &wrong))
            .expect_err("changed host key refused");
        assert!(matches!(err, Error::HostKey { .. }), "{b}: {err:?}");
        let other_host = "[192.0.2.1]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n";
        let err = fetch(b, &url, master(), ssh_creds(s, &key, other_host))
            .expect_err("unknown host refused");
        assert!(matches!(err, Error::HostKey { .. }), "{b}: {err:?}");
        let kh = s.ssh.known_hosts().expect("kh");
        let err = fetch(
            b,
            &url,
            master(),
            ssh_creds(s, &s.ssh.unknown_key().expect("key"), &kh),
        )
        .expect_err("unknown user key");
        assert!(
            matches!(err, Error::AuthenticationFailed { .. }),
            "{b}: {err:?}"
        );
    }
}

#[test]
fn ssh_identity_without_known_hosts_is_refused_up_front() {
    let s = servers();
    let url = GitUrl::parse(&s.ssh.url("podinfo")).expect("url");
    let key = s.ssh.ed25519_key().expect("key");
    let err =
        Credentials::from_secret_data(&secret(&[("identity", &key.private)]), &url, "ns/git-auth")
            .expect_err("refused");
    assert!(
        err.to_string().contains("known_hosts") && err.to_string().contains("ns/git-auth"),
        "{err}"
    );
    let enc = s.ssh.encrypted_key().expect("key");
    let kh = s.ssh.known_hosts().expect("kh");
    let err = Credentials::from_secret_data(
        &secret(&[("identity", &enc.private), ("known_hosts", &kh)]),
        &url,
        "ns/git-auth",
    )
    .expect_err("encrypted key without password");
    assert!(err.to_string().contains("encrypted"), "{err}");
}

// ---------------------------------------------------------------- refs

#[test]
fn every_ref_kind_with_both_backends() {
    let s = servers();
    let url = s.daemon.url("podinfo");
    let rev = |r: &str| s.repos.rev("podinfo", r).expect("rev");
    let cases: Vec<(RefSpec, String)> = vec![
        (
            RefSpec {
                branch: Some("main".into()),
                ..Default::default()
            },
            format!("main@sha1:{}", rev("main")),
        ),
        (
            RefSpec {
                branch: Some("release/1.x".into()),
                ..Default::default()
            },
            format!("release/1.x@sha1:{}", rev("release/1.x")),
        ),
        (
            RefSpec {
                tag: Some("v1.0.0".into()),
                ..Default::default()
            },
            format!("v1.0.0@sha1:{}", rev("v1.0.0")),
        ),
        (
            RefSpec {
                tag: Some("v0.1.0".into()),
                ..Default::default()
            },
            format!("v0.1.0@sha1:{}", rev("v0.1.0")),
        ),
        (
            RefSpec {
                semver: Some(">=1.0.0".into()),
                ..Default::default()
            },
            format!("v1.1.0@sha1:{}", rev("v1.1.0")),
        ),
        (
            RefSpec {
                semver: Some("~1.0".into()),
                ..Default::default()
            },
            format!("v1.0.1@sha1:{}", rev("v1.0.1")),
        ),
        (
            RefSpec {
                semver: Some(">=2.0.0-0".into()),
                ..Default::default()
            },
            format!("v2.0.0-rc.1@sha1:{}", rev("v2.0.0-rc.1")),
        ),
        (
            RefSpec {
                semver: Some(">=1.1.0-rc.1 <1.1.0".into()),
                ..Default::default()
            },
            format!("v1.1.0-rc.1@sha1:{}", rev("v1.1.0-rc.1")),
        ),
        (
            RefSpec {
                name: Some("refs/pull/1/head".into()),
                ..Default::default()
            },
            format!("refs/pull/1/head@sha1:{}", rev("refs/pull/1/head")),
        ),
        (
            RefSpec {
                commit: Some(rev("v1.0.0")),
                ..Default::default()
            },
            format!("sha1:{}", rev("v1.0.0")),
        ),
        (
            RefSpec {
                commit: Some(rev("v1.0.0")),
                branch: Some("master".into()),
                ..Default::default()
            },
            format!("master@sha1:{}", rev("v1.0.0")),
        ),
        (RefSpec::default(), format!("master@sha1:{}", rev("master"))),
    ];
    for b in BACKENDS {
        for (spec, want) in &cases {
            let r = fetch(b, &url, spec.resolve().expect("ref"), Credentials::none())
                .unwrap_or_else(|e| panic!("{b} {spec:?}: {e}"));
            assert_eq!(&r.revision, want, "{b} {spec:?}");
        }
    }
}

#[test]
fn unknown_refs_are_precise_errors() {
    let s = servers();
    let url = s.http.url("podinfo");
    for b in BACKENDS {
        let e = fetch(b, &url, GitRef::Branch("nope".into()), Credentials::none())
            .expect_err("unknown branch");
        assert!(
            matches!(e, Error::RefNotFound { kind: "branch", .. }),
            "{b}: {e:?}"
        );
        let e = fetch(b, &url, GitRef::Tag("v9.9.9".into()), Credentials::none())
            .expect_err("unknown tag");
        assert!(
            matches!(e, Error::RefNotFound { kind: "tag", .. }),
            "{b}: {e:?}"
        );
        let e = fetch(
            b,
            &url,
            GitRef::Semver(">=5.0.0".into()),
            Credentials::none(),
        )
        .expect_err("no match");
        assert_eq!(e.to_string(), "no match found for semver: >=5.0.0");
        let e = fetch(
            b,
            &url,
            GitRef::Commit {
                id: "0123456789abcdef0123456789abcdef01234567".into(),
                branch: None,
            },
            Credentials::none(),
        )
        .expect_err("unknown commit");
        assert!(matches!(e, Error::CommitNotFound { .. }), "{b}: {e:?}");
    }
}

// ---------------------------------------------------------------- artifact

#[test]
fn default_excludes_sourceignore_quirk_and_symlinks() {
    let s = servers();
    let url = s.daemon.url("podinfo");
    for b in BACKENDS {
        // v1.0.0 has no .sourceignore: the default excludes apply.
        let (_d, storage) = fresh();
        let r = run(
            &storage,
            b,
            &url,
            GitRef::Tag("v1.0.0".into()),
            Credentials::none(),
        )
        .expect("fetch");
        let l = artifact_listing(&storage, &r);
        let names: Vec<&str> = l.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"deploy/deployment.yaml") && names.contains(&"scripts/run.sh"),
            "{names:?}"
        );
        for gone in [
            "docs/logo.png",
            ".github/workflows/ci.yaml",
            ".gitlab-ci.yml",
            ".gitignore",
        ] {
            assert!(
                !names.contains(&gone),
                "{b}: {gone} must be excluded: {names:?}"
            );
        }
        assert_eq!(
            l.iter().find(|(n, _)| n == "scripts/run.sh").map(|x| x.1),
            Some(0o700)
        );
        assert_eq!(
            l.iter().find(|(n, _)| n == "README.md").map(|x| x.1),
            Some(0o600)
        );

        // v1.1.0 has a .sourceignore: it drops the defaults (Flux's quirk).
        let (_d, storage) = fresh();
        let r = run(
            &storage,
            b,
            &url,
            GitRef::Tag("v1.1.0".into()),
            Credentials::none(),
        )
        .expect("fetch");
        let names: Vec<String> = artifact_listing(&storage, &r)
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert!(
            names.contains(&".github/workflows/ci.yaml".to_string()),
            "{b}: {names:?}"
        );
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("docs/") || n.ends_with(".sh")),
            "{b}: {names:?}"
        );
        assert!(
            names.contains(&"current.yaml".to_string()),
            "an in-tree symlink becomes a file"
        );
        assert!(
            !names.contains(&"deploy/escape.yaml".to_string()),
            "a symlink out of the tree is dropped"
        );
        assert!(
            r.skipped.iter().any(|k| k.path == "deploy/escape.yaml"),
            "{:?}",
            r.skipped
        );

        // spec.ignore adds to them.
        let (_d, storage) = fresh();
        let mut opts = FetchOptions::new(
            GitUrl::parse(&url).expect("url"),
            GitRef::Tag("v1.1.0".into()),
        );
        opts.backend = choice(b);
        opts.ignore = Some("/deploy/service.yaml\n".into());
        let r = sluice_sources::fetch(
            &storage,
            &ObjectKey::git_repository("default", "podinfo"),
            &opts,
            Arc::new(NoProgress),
        )
        .expect("fetch");
        let names: Vec<String> = artifact_listing(&storage, &r)
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert!(
            !names.contains(&"deploy/service.yaml".to_string())
                && names.contains(&"deploy/deployment.yaml".to_string())
        );
    }
}

#[test]
fn digests_are_equal_across_runs_and_backends() {
    let s = servers();
    let url = s.http.url("podinfo");
    let mut seen = Vec::new();
    for _ in 0..2 {
        for b in BACKENDS {
            seen.push(
                fetch(b, &url, GitRef::Tag("v1.1.0".into()), Credentials::none())
                    .expect("fetch")
                    .artifact
                    .digest,
            );
        }
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
}

#[test]
fn unchanged_fetch_lists_refs_and_transfers_no_objects() {
    let s = servers();
    // A server of its own, so that its request log is this test's alone.
    let http = HttpGitServer::start(s.repos.root(), HttpAuth::None, None).expect("http");
    let url = http.url("podinfo");
    for b in BACKENDS {
        let (_d, storage) = fresh();
        let first = run(&storage, b, &url, master(), Credentials::none()).expect("first");
        assert!(!first.unchanged && first.objects > 0, "{b}: {first:?}");
        http.clear_requests();
        let second = run(&storage, b, &url, master(), Credentials::none()).expect("second");
        assert!(second.unchanged, "{b}");
        assert_eq!(second.objects, 0);
        assert_eq!(second.artifact, first.artifact);
        let reqs = http.requests();
        assert!(!reqs.is_empty(), "refs were listed");
        assert!(
            reqs.iter().all(|r| r.command.as_deref() != Some("fetch")),
            "{b}: objects were requested: {reqs:?}"
        );

        // A different ref at another commit is fetched again.
        let third = run(
            &storage,
            b,
            &url,
            GitRef::Tag("v1.0.0".into()),
            Credentials::none(),
        )
        .expect("third");
        assert!(!third.unchanged);
    }
}

#[test]
fn a_failed_fetch_keeps_the_last_good_artifact() {
    let s = servers();
    let url = s.daemon.url("podinfo");
    let (_d, storage) = fresh();
    let key = ObjectKey::git_repository("default", "podinfo");
    let good = run(
        &storage,
        Backend::Libgit2,
        &url,
        master(),
        Credentials::none(),
    )
    .expect("fetch");
    let err = run(
        &storage,
        Backend::Libgit2,
        &url,
        GitRef::Branch("gone".into()),
        Credentials::none(),
    );
    assert!(err.is_err());
    let err = run(
        &storage,
        Backend::Gix,
        "git://127.0.0.1:1/podinfo.git",
        master(),
        Credentials::none(),
    )
    .expect_err("unreachable");
    assert!(
        matches!(err, Error::Unreachable { .. } | Error::Git { .. }),
        "{err:?}"
    );
    let current = storage.current(&key).expect("record").expect("still there");
    assert_eq!(current.artifact, good.artifact);
    assert!(storage.verify(&good.artifact).expect("verify"));
}

#[test]
fn unreachable_and_timeouts() {
    for b in BACKENDS {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let err = fetch(
            b,
            &format!("http://127.0.0.1:{port}/podinfo.git"),
            master(),
            Credentials::none(),
        )
        .expect_err("closed port");
        assert!(matches!(err, Error::Unreachable { .. }), "{b}: {err:?}");
    }
    // A server that accepts connections and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let _keep = std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            held.push(s);
        }
    });
    for b in BACKENDS {
        let mut opts = FetchOptions::new(
            GitUrl::parse(&format!("http://127.0.0.1:{port}/podinfo.git")).expect("url"),
            master(),
        );
        opts.backend = choice(b);
        opts.timeout = Duration::from_secs(2);
        let (_d, storage) = fresh();
        let err = sluice_sources::fetch(
            &storage,
            &ObjectKey::git_repository("d", "p"),
            &opts,
            Arc::new(NoProgress),
        )
        .expect_err("times out");
        assert!(matches!(err, Error::Timeout { .. }), "{b}: {err:?}");
    }
}

#[test]
fn concurrent_fetches_of_one_source_do_not_corrupt_it() {
    let s = servers();
    let url = s.daemon.url("podinfo");
    let (_d, storage) = fresh();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let storage = storage.clone();
            let url = url.clone();
            let reference = if i % 2 == 0 {
                master()
            } else {
                GitRef::Tag("v1.0.0".into())
            };
            std::thread::spawn(move || {
                run(
                    &storage,
                    BACKENDS[i % 2],
                    &url,
                    reference,
                    Credentials::none(),
                )
            })
        })
        .collect();
    for h in handles {
        let r = h.join().expect("thread").expect("fetch");
        assert!(
            storage.verify(&r.artifact).expect("verify")
                || !storage.local_path(&r.artifact.path).expect("p").exists()
        );
    }
    let current = storage
        .current(&ObjectKey::git_repository("default", "podinfo"))
        .expect("record")
        .expect("some");
    assert!(storage.verify(&current.artifact).expect("verify"));
}

#[test]
fn auto_backend_uses_libgit2_for_on_premises_hosts() {
    let s = servers();
    let r = {
        let (_d, storage) = fresh();
        let mut opts = FetchOptions::new(
            GitUrl::parse(&s.daemon.url("podinfo")).expect("url"),
            master(),
        );
        opts.backend = BackendChoice::Auto;
        sluice_sources::fetch(
            &storage,
            &ObjectKey::git_repository("d", "p"),
            &opts,
            Arc::new(NoProgress),
        )
        .expect("fetch")
    };
    assert_eq!(r.backend, Backend::Libgit2);
}

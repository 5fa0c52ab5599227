//! Hostile and broken input handed to `sluice build` as Flux would hand it
//! an artifact (`--root` the repository, `--load-restrictor none`): each
//! case ends in a clear error naming the file (or a correct build), never a
//! panic, within a bounded time and peak memory (measured by `/usr/bin/time`
//! on the real binary, not estimated).

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
/// No case may take longer than this (the process is killed, the test fails).
const DEADLINE: Duration = Duration::from_secs(120);
/// Peak RSS allowed for any hostile case: Sluice's own footprint plus a few
/// MB. A 100 MB manifest or a billion-laughs file must not be read into it.
const MAX_RSS_KIB: u64 = 96 * 1024;

/// A repository root with an `app/` kustomization in it.
struct Repo {
    tmp: tempfile::TempDir,
}

impl Repo {
    fn new(kustomization: &str) -> Result<Self> {
        let tmp = tempfile::tempdir()?;
        std::fs::create_dir_all(tmp.path().join("app"))?;
        let r = Repo { tmp };
        r.write("app/kustomization.yaml", kustomization.as_bytes())?;
        Ok(r)
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let p = self.root().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&p, bytes).with_context(|| p.display().to_string())
    }
}

use sluice_tests::sluice::Measured as Outcome;

/// Runs `sluice build` on `repo/app` under `/usr/bin/time`, killed at the
/// deadline.
fn build(repo: &Repo) -> Result<Outcome> {
    let root = repo.root().as_os_str();
    let app = repo.root().join("app");
    let o = sluice_tests::sluice::run_measured(
        &[
            "build".as_ref(),
            "--root".as_ref(),
            root,
            "--load-restrictor".as_ref(),
            "none".as_ref(),
            app.as_os_str(),
        ],
        DEADLINE,
    )?;
    eprintln!(
        "exit {:?}, peak RSS {} KiB, stderr: {}",
        o.code,
        o.rss_kib,
        o.stderr.trim()
    );
    assert!(!o.stderr.contains("panicked"), "panic: {}", o.stderr);
    assert!(
        o.rss_kib <= MAX_RSS_KIB,
        "peak RSS {} KiB over {MAX_RSS_KIB} KiB",
        o.rss_kib
    );
    Ok(o)
}

/// Expects a failure whose message holds every one of `needles`.
fn refused(repo: &Repo, needles: &[&str]) -> Result<()> {
    let o = build(repo)?;
    assert_ne!(o.code, Some(0), "built: {}", o.stdout);
    assert!(o.stdout.is_empty(), "output on failure: {}", o.stdout);
    for n in needles {
        assert!(o.stderr.contains(n), "{n:?} not in: {}", o.stderr);
    }
    Ok(())
}

const ONE_RESOURCE: &str = "resources:\n- input.yaml\n";

#[test]
fn alias_bomb_is_refused_early() -> Result<()> {
    let mut y =
        String::from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\na0: &a0 [lol]\n");
    for i in 1..=9 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        y.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let repo = Repo::new(ONE_RESOURCE)?;
    repo.write("app/input.yaml", y.as_bytes())?;
    refused(&repo, &["app/input.yaml", "excessive aliasing"])
}

#[test]
fn deep_nesting_is_refused() -> Result<()> {
    let y = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: deep}}\nx: {}1{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let repo = Repo::new(ONE_RESOURCE)?;
    repo.write("app/input.yaml", y.as_bytes())?;
    refused(&repo, &["app/input.yaml", "deeper than 255 levels"])
}

#[test]
fn hundred_megabyte_manifest_is_refused_unread() -> Result<()> {
    let mut y = b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  x: ".to_vec();
    y.resize(100 * 1024 * 1024, b'x');
    y.push(b'\n');
    let repo = Repo::new(ONE_RESOURCE)?;
    repo.write("app/input.yaml", &y)?;
    refused(&repo, &["app/input.yaml", "larger than"])
}

#[test]
fn invalid_utf8_names_the_file() -> Result<()> {
    let repo = Repo::new(ONE_RESOURCE)?;
    repo.write(
        "app/input.yaml",
        b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"\xff\xfe\"}\n",
    )?;
    refused(&repo, &["input.yaml", "UTF-8"])
}

#[test]
fn duplicate_keys_and_malformed_yaml_name_file_and_line() -> Result<()> {
    let repo = Repo::new(ONE_RESOURCE)?;
    repo.write(
        "app/input.yaml",
        b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n",
    )?;
    refused(&repo, &["app/input.yaml", "line 5", "already defined"])?;
    repo.write(
        "app/input.yaml",
        b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n",
    )?;
    refused(&repo, &["app/input.yaml"])?;
    repo.write("app/kustomization.yaml", b"resources: [input.yaml\n")?;
    refused(&repo, &["kustomization.yaml"])
}

#[test]
fn paths_leaving_the_source_root_are_refused() -> Result<()> {
    let outside = tempfile::tempdir()?;
    let secret = outside.path().join("secret.yaml");
    std::fs::write(
        &secret,
        "apiVersion: v1\nkind: Secret\nmetadata: {name: stolen}\n",
    )?;
    let secret = secret.to_string_lossy().into_owned();

    let repo = Repo::new(&format!("resources:\n- {secret}\n"))?;
    refused(&repo, &["security", "build root"])?;

    let repo = Repo::new("resources:\n- ../../outside.yaml\n")?;
    refused(&repo, &["../../outside.yaml"])?;

    let repo = Repo::new(ONE_RESOURCE)?;
    std::os::unix::fs::symlink(&secret, repo.root().join("app/input.yaml"))?;
    refused(&repo, &["security", "input.yaml"])?;

    let repo = Repo::new("resources:\n- linked\n")?;
    std::os::unix::fs::symlink(outside.path(), repo.root().join("app/linked"))?;
    refused(&repo, &["security", "linked"])?;

    let repo = Repo::new("configMapGenerator:\n- name: c\n  files:\n  - /etc/hostname\n")?;
    refused(&repo, &["/etc/hostname"])
}

#[test]
fn symlink_loops_and_kustomization_cycles_are_refused() -> Result<()> {
    let repo = Repo::new("resources:\n- loop\n")?;
    std::os::unix::fs::symlink("loop", repo.root().join("app/loop"))?;
    refused(&repo, &["loop"])?;

    let repo = Repo::new("resources:\n- ../other\n")?;
    repo.write("other/kustomization.yaml", b"resources:\n- ../app\n")?;
    refused(&repo, &["cycle"])
}

#[test]
fn remote_bases_are_refused() -> Result<()> {
    let repo = Repo::new(
        "resources:\n- https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.8.2\n",
    )?;
    refused(&repo, &["kustomization.yaml", "github.com"])
}

/// Ten thousand small files build, in order, within the same bounds.
#[test]
fn ten_thousand_small_files_build() -> Result<()> {
    let n = 10_000;
    let mut k = String::from("resources:\n");
    let repo = Repo::new("")?;
    for i in 0..n {
        k.push_str(&format!("- cm{i}.yaml\n"));
        repo.write(
            &format!("app/cm{i}.yaml"),
            format!(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm{i}\ndata:\n  i: \"{i}\"\n"
            )
            .as_bytes(),
        )?;
    }
    repo.write("app/kustomization.yaml", k.as_bytes())?;
    let o = build(&repo)?;
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stdout.matches("kind: ConfigMap").count(), n);
    Ok(())
}

/// Kinds nobody registered build like any other object (kustomize passes
/// them through; the apiserver judges them at apply).
#[test]
fn unknown_kinds_pass_through() -> Result<()> {
    let repo = Repo::new("resources:\n- input.yaml\nnamespace: team\n")?;
    repo.write(
        "app/input.yaml",
        b"apiVersion: example.invalid/v1\nkind: Gizmo\nmetadata: {name: g}\nspec: {size: 3}\n",
    )?;
    let o = build(&repo)?;
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(o.stdout.contains("kind: Gizmo"), "{}", o.stdout);
    assert!(o.stdout.contains("namespace: team"), "{}", o.stdout);
    Ok(())
}

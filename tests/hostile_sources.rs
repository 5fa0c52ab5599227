//! Hostile git repositories (`fixtures/repos/hostile.sh`) fetched and
//! archived by the real `sluice source fetch` from a real `git daemon`, with
//! both backends: symlink loops and escapes, a symlink bomb, a 64 MiB file
//! and 100,000 small files. Each ends in a correct artifact or a clear error
//! naming the path, never a panic, within a deadline and a peak-memory bound
//! measured by `/usr/bin/time` on the binary.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use sluice_tests::git::{FixtureRepos, GitDaemon};

/// No fetch may take longer than this (the process is killed, the test fails).
const DEADLINE: Duration = Duration::from_secs(120);
/// Peak RSS for the small hostile trees: Sluice's own footprint plus a few MB.
const SMALL_RSS_KIB: u64 = 96 * 1024;
/// Peak RSS for 100,000 files: the tree listing and the archive's file map
/// grow with the file count (60–72 MB measured with a debug build), nothing
/// else may.
const MANY_RSS_KIB: u64 = 128 * 1024;
/// The 64 MiB file: its blob is handed to the archive from the object
/// database's buffer (held once, not copied) while the received pack is
/// mapped, so twice the file plus the small-tree bound (161 MB measured
/// with both backends; `git clone` of it peaks at 136 MB).
const HUGE_RSS_KIB: u64 = 2 * 64 * 1024 + 64 * 1024;

const BACKENDS: [&str; 2] = ["gix", "libgit2"];

struct Servers {
    repos: FixtureRepos,
    daemon: GitDaemon,
}

fn servers() -> &'static Servers {
    static S: OnceLock<Servers> = OnceLock::new();
    S.get_or_init(|| {
        let repos = FixtureRepos::build(&["hostile"]).expect("fixtures/repos/hostile.sh");
        let daemon = GitDaemon::start(repos.root()).expect("git daemon");
        Servers { repos, daemon }
    })
}

/// A finished fetch, with the lines of its text output read back.
struct Fetched(sluice_tests::sluice::Measured);

impl std::ops::Deref for Fetched {
    type Target = sluice_tests::sluice::Measured;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Fetched {
    /// The artifact's path, from the `artifact  <path>` line.
    fn artifact(&self) -> Result<PathBuf> {
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix("artifact"))
            .map(|p| PathBuf::from(p.trim()))
            .with_context(|| format!("no artifact line in: {}", self.stdout))
    }

    /// The `digest  sha256:…` line.
    fn digest(&self) -> Result<String> {
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix("digest"))
            .map(|d| d.trim().to_string())
            .with_context(|| format!("no digest line in: {}", self.stdout))
    }
}

/// `sluice source fetch` of `branch` into `storage`, under `/usr/bin/time`,
/// killed at the deadline. Every run is checked for panics and its bound.
fn fetch(backend: &str, branch: &str, storage: &Path, max_rss_kib: u64) -> Result<Fetched> {
    let url = servers().daemon.url("hostile");
    let started = Instant::now();
    let f = sluice_tests::sluice::run_measured(
        &[
            "source",
            "fetch",
            &url,
            "--branch",
            branch,
            "--backend",
            backend,
            "--name",
            "hostile",
        ]
        .map(std::ffi::OsStr::new)
        .into_iter()
        .chain([std::ffi::OsStr::new("--storage"), storage.as_os_str()])
        .collect::<Vec<_>>(),
        DEADLINE,
    )
    .map(Fetched)?;
    eprintln!(
        "{backend} {branch}: exit {:?} in {:.1} s, peak RSS {} KiB, stderr: {}",
        f.code,
        started.elapsed().as_secs_f64(),
        f.rss_kib,
        f.stderr.trim()
    );
    assert!(
        !f.stderr.contains("panicked"),
        "{backend}: panic: {}",
        f.stderr
    );
    assert!(
        f.rss_kib <= max_rss_kib,
        "{backend} {branch}: peak RSS {} KiB over {max_rss_kib} KiB",
        f.rss_kib
    );
    Ok(f)
}

/// The artifact's regular files: path → content, for paths `keep` accepts
/// (the rest are only counted).
fn unpack(
    artifact: &Path,
    keep: impl Fn(&str) -> bool,
) -> Result<(BTreeMap<String, Vec<u8>>, usize)> {
    let file = std::fs::File::open(artifact).with_context(|| artifact.display().to_string())?;
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut files = BTreeMap::new();
    let mut count = 0;
    for entry in tar.entries()? {
        let mut entry = entry?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        count += 1;
        let path = entry.path()?.to_string_lossy().into_owned();
        if keep(&path) {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes)?;
            files.insert(path, bytes);
        }
    }
    Ok((files, count))
}

fn blob(rev_path: &str) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(servers().repos.path("hostile"))
        .args(["cat-file", "blob", rev_path])
        .output()?;
    if !out.status.success() {
        bail!(
            "git cat-file {rev_path}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.stdout)
}

#[test]
fn symlink_loops_and_escapes_are_left_out_by_name() -> Result<()> {
    let cm = blob("master:app/cm.yaml")?;
    for backend in BACKENDS {
        let storage = tempfile::tempdir()?;
        let f = fetch(backend, "master", storage.path(), SMALL_RSS_KIB)?;
        assert_eq!(f.code, Some(0), "{backend}: {}", f.stderr);
        let (files, _) = unpack(&f.artifact()?, |_| true)?;
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            ["app/cm.yaml", "deep/app/cm.yaml", "ok.yaml"],
            "{backend}: links that resolve inside the tree become files, nothing else"
        );
        assert!(files.values().all(|c| *c == cm), "{backend}: {files:?}");
        for (link, reason) in [
            ("a", "too many levels of symbolic links"),
            ("b", "too many levels of symbolic links"),
            ("self", "symlink to an enclosing directory (loop)"),
            ("deep/back", "symlink to an enclosing directory (loop)"),
            ("up", "target '..' is outside the source tree"),
            ("out", "target '../../etc' is outside the source tree"),
            ("abs", "target '/etc/passwd' is outside the source tree"),
        ] {
            let line = format!("skipped {link}: {reason}");
            assert!(
                f.stderr.lines().any(|l| l == line),
                "{backend}: {line:?} not in: {}",
                f.stderr
            );
        }
    }
    Ok(())
}

#[test]
fn a_symlink_bomb_is_refused_naming_it_and_the_last_artifact_is_kept() -> Result<()> {
    for backend in BACKENDS {
        let storage = tempfile::tempdir()?;
        let good = fetch(backend, "master", storage.path(), SMALL_RSS_KIB)?;
        assert_eq!(good.code, Some(0), "{backend}: {}", good.stderr);
        let (artifact, digest) = (good.artifact()?, good.digest()?);
        let before = std::fs::read(&artifact)?;

        let bomb = fetch(backend, "link-bomb", storage.path(), SMALL_RSS_KIB)?;
        assert_ne!(bomb.code, Some(0), "{backend}: {}", bomb.stdout);
        assert!(
            bomb.stderr.contains("failed to archive 'big'")
                && bomb
                    .stderr
                    .contains("symlinked directories expand the tree to more than 100000 files"),
            "{backend}: {}",
            bomb.stderr
        );
        assert_eq!(
            std::fs::read(&artifact)?,
            before,
            "{backend}: the last artifact is intact"
        );
        let entries = std::fs::read_dir(artifact.parent().context("artifact dir")?)?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tar.gz"))
            .count();
        assert_eq!(entries, 1, "{backend}: no half-written artifact left");
        assert_eq!(
            sluice_sources::archive::sha256_digest(&before),
            digest,
            "{backend}: the advertised digest still matches it"
        );
    }
    Ok(())
}

#[test]
fn a_64_mib_file_is_archived_byte_for_byte_in_bounded_memory() -> Result<()> {
    let expected = blob("huge:blob.bin")?;
    assert_eq!(expected.len(), 64 << 20);
    for backend in BACKENDS {
        let storage = tempfile::tempdir()?;
        let f = fetch(backend, "huge", storage.path(), HUGE_RSS_KIB)?;
        assert_eq!(f.code, Some(0), "{backend}: {}", f.stderr);
        let (files, count) = unpack(&f.artifact()?, |_| true)?;
        assert_eq!(count, 2, "{backend}: {:?}", files.keys());
        assert!(
            files.get("blob.bin") == Some(&expected),
            "{backend}: blob.bin differs from git's"
        );
    }
    Ok(())
}

#[test]
fn a_hundred_thousand_small_files_are_archived_in_bounded_time_and_memory() -> Result<()> {
    let sample = [
        "files/000/f00000.yaml",
        "files/007/f01007.yaml",
        "files/999/f99999.yaml",
    ];
    for backend in BACKENDS {
        let storage = tempfile::tempdir()?;
        let f = fetch(backend, "many", storage.path(), MANY_RSS_KIB)?;
        assert_eq!(f.code, Some(0), "{backend}: {}", f.stderr);
        assert!(
            f.stdout
                .lines()
                .any(|l| l.starts_with("files") && l.contains(" 100000 ")),
            "{backend}: {}",
            f.stdout
        );
        let (files, count) = unpack(&f.artifact()?, |p| sample.contains(&p))?;
        assert_eq!(count, 100_000, "{backend}");
        for p in sample {
            let i: u32 = p[11..16].parse()?;
            assert_eq!(
                files.get(p).map(Vec::as_slice),
                Some(format!("i: {i}\n").as_bytes()),
                "{backend}: {p}"
            );
        }
    }
    Ok(())
}

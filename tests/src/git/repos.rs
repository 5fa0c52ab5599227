//! Bare fixture repositories built by the scripts in `fixtures/repos/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// A directory of bare repositories (`<name>.git`) built from fixture scripts.
/// Servers export this directory.
pub struct FixtureRepos {
    root: tempfile::TempDir,
}

impl FixtureRepos {
    /// Builds the named fixture repositories (`fixtures/repos/<name>.sh`).
    pub fn build(names: &[&str]) -> Result<Self> {
        let root = tempfile::Builder::new().prefix("sluice-repos-").tempdir()?;
        let me = Self { root };
        for name in names {
            me.add_script(name)?;
        }
        Ok(me)
    }

    /// Runs `fixtures/repos/<name>.sh` into this directory.
    pub fn add_script(&self, name: &str) -> Result<PathBuf> {
        let script = crate::fixtures_dir()
            .join("repos")
            .join(format!("{name}.sh"));
        let out = Command::new("bash")
            .arg(&script)
            .arg(self.root.path())
            .output()
            .with_context(|| format!("running {}", script.display()))?;
        if !out.status.success() {
            bail!(
                "{} failed: {}",
                script.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(self.path(name))
    }

    /// The directory all repositories live in.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The bare repository `<name>.git`.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(format!("{name}.git"))
    }

    /// The full commit id a ref (or any revision) points to, peeled to a commit.
    pub fn rev(&self, name: &str, rev: &str) -> Result<String> {
        git_output(
            &self.path(name),
            &["rev-parse", &format!("{rev}^{{commit}}")],
        )
    }

    /// Adds a commit to `branch` of repository `name` that writes `files`
    /// (path, content; `None` deletes), with a pinned date. Returns the new id.
    pub fn commit(
        &self,
        name: &str,
        branch: &str,
        message: &str,
        files: &[(&str, Option<&str>)],
    ) -> Result<String> {
        let work = tempfile::Builder::new().prefix("sluice-work-").tempdir()?;
        let bare = self.path(name);
        run_git(
            work.path(),
            &[
                "clone",
                "-q",
                "--branch",
                branch,
                bare.to_str().unwrap_or_default(),
                ".",
            ],
        )?;
        for (path, content) in files {
            let p = work.path().join(path);
            match content {
                Some(c) => {
                    if let Some(parent) = p.parent() {
                        std::fs::create_dir_all(parent)?;
                    }
                    std::fs::write(&p, c)?;
                }
                None => {
                    if p.is_dir() {
                        std::fs::remove_dir_all(&p)?;
                    } else {
                        std::fs::remove_file(&p)?;
                    }
                }
            }
        }
        run_git(work.path(), &["add", "-A"])?;
        run_git(
            work.path(),
            &["commit", "-q", "--allow-empty", "-m", message],
        )?;
        run_git(
            work.path(),
            &["push", "-q", "origin", &format!("HEAD:refs/heads/{branch}")],
        )?;
        git_output(work.path(), &["rev-parse", "HEAD"])
    }
}

fn pinned_git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Sluice Fixtures")
        .env("GIT_AUTHOR_EMAIL", "fixtures@sluice.invalid")
        .env("GIT_COMMITTER_NAME", "Sluice Fixtures")
        .env("GIT_COMMITTER_EMAIL", "fixtures@sluice.invalid")
        .env("GIT_AUTHOR_DATE", "@1800000000 +0000")
        .env("GIT_COMMITTER_DATE", "@1800000000 +0000");
    cmd
}

fn run_git(dir: &Path, args: &[&str]) -> Result<()> {
    let out = pinned_git(dir).args(args).output().context("running git")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// Runs git in `dir` and returns its trimmed stdout.
pub fn git_output(dir: &Path, args: &[&str]) -> Result<String> {
    let out = pinned_git(dir).args(args).output().context("running git")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?.trim().to_string())
}

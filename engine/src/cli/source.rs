//! `sluice source fetch` and `sluice source backend`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use clap::{Args, Subcommand};
use indicatif::ProgressBar;
use sluice_sources::{BackendChoice, Credentials, GitUrl, ObjectKey, RefSpec};

use super::output::{self, Format};

#[derive(Subcommand, Debug)]
pub enum SourceCommand {
    /// Fetch a revision and store it as a reproducible tar.gz artifact.
    Fetch(Box<FetchArgs>),
    /// Print the git backend `auto` chooses for a URL.
    Backend {
        /// Repository URL.
        url: String,
    },
}

/// The ref to fetch, as Flux's `spec.ref`; precedence commit > ref-name >
/// semver > tag > branch, default branch `master`.
#[derive(Args, Debug, Clone, Default)]
pub struct RefArgs {
    /// Branch to fetch.
    #[arg(long)]
    pub branch: Option<String>,
    /// Tag to fetch.
    #[arg(long)]
    pub tag: Option<String>,
    /// Semver range; the highest matching tag is fetched.
    #[arg(long)]
    pub semver: Option<String>,
    /// Full commit id.
    #[arg(long)]
    pub commit: Option<String>,
    /// Any full ref, e.g. refs/pull/1/head.
    #[arg(long = "ref-name")]
    pub ref_name: Option<String>,
}

impl RefArgs {
    pub fn spec(&self) -> RefSpec {
        RefSpec {
            branch: self.branch.clone(),
            tag: self.tag.clone(),
            semver: self.semver.clone(),
            name: self.ref_name.clone(),
            commit: self.commit.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct FetchArgs {
    /// Repository URL (https, http, ssh, scp-like, git, file).
    pub url: String,
    #[command(flatten)]
    pub reference: RefArgs,
    /// Git implementation: auto (by host), gix or libgit2.
    #[arg(long, default_value = "auto")]
    pub backend: BackendChoice,
    /// Credentials in Flux's Secret keys: a Secret manifest, a key: value
    /// file, or a directory of files.
    #[arg(long)]
    pub secret_file: Option<PathBuf>,
    /// Artifact storage directory.
    #[arg(long, env = "SLUICE_STORAGE")]
    pub storage: Option<PathBuf>,
    /// Extra ignore patterns (gitignore syntax), as spec.ignore.
    #[arg(long)]
    pub ignore: Option<String>,
    /// Timeout of the remote operations, e.g. 60s or 2m.
    #[arg(long, default_value = "60s", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
    /// Name the artifact is stored under (default: the repository name).
    #[arg(long)]
    pub name: Option<String>,
    /// Namespace the artifact is stored under.
    #[arg(long, default_value = "default")]
    pub namespace: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub output: Format,
}

#[derive(serde::Serialize)]
struct FetchOutput {
    url: String,
    backend: String,
    revision: String,
    commit: String,
    digest: String,
    path: String,
    size: u64,
    unchanged: bool,
}

/// A repository's name from its URL: the last path segment without `.git`.
fn repo_name(url: &GitUrl) -> String {
    let last = url
        .path()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("source");
    let name: String = last
        .trim_end_matches(".git")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if name.is_empty() {
        "source".into()
    } else {
        name
    }
}

struct BarProgress(ProgressBar);

impl sluice_sources::Progress for BarProgress {
    fn phase(&self, phase: &str) {
        self.0.set_message(phase.to_string());
    }
    fn transfer(&self, received: u64, total: u64, bytes: u64) {
        let mb = bytes as f64 / 1_048_576.0;
        if total > 0 {
            self.0.set_message(format!(
                "receiving objects {received}/{total} ({mb:.1} MiB)"
            ));
        } else {
            self.0
                .set_message(format!("received {received} objects ({mb:.1} MiB)"));
        }
    }
    fn archived(&self, files: u64, total: u64) {
        if files.is_multiple_of(256) || files == total {
            self.0
                .set_message(format!("archiving {files}/{total} files"));
        }
    }
}

pub async fn run(cmd: SourceCommand) -> Result<ExitCode> {
    match cmd {
        SourceCommand::Backend { url } => {
            let url = GitUrl::parse(&url)?;
            println!("{}", sluice_sources::select(&url, BackendChoice::Auto));
            Ok(ExitCode::SUCCESS)
        }
        SourceCommand::Fetch(args) => fetch(*args).await,
    }
}

async fn fetch(args: FetchArgs) -> Result<ExitCode> {
    let url = GitUrl::parse(&args.url)?;
    let reference = args.reference.spec().resolve()?;
    let (data, origin) = match &args.secret_file {
        Some(path) => (crate::secret_file::read(path)?, path.display().to_string()),
        None => (Default::default(), "<url>".to_string()),
    };
    let credentials = Credentials::from_secret_data(&data, &url, &origin)?;
    let storage_dir = args
        .storage
        .clone()
        .unwrap_or_else(crate::reconcile::default_storage);
    let storage = crate::reconcile::open_storage(&storage_dir)?;
    let key = ObjectKey::git_repository(
        &args.namespace,
        &args.name.clone().unwrap_or_else(|| repo_name(&url)),
    );
    let mut opts = sluice_sources::FetchOptions::new(url, reference);
    opts.backend = args.backend;
    opts.credentials = credentials;
    opts.timeout = args.timeout;
    opts.ignore = args.ignore.clone();

    let bar = output::spinner("connecting");
    let progress: Arc<dyn sluice_sources::Progress> = match &bar {
        Some(b) => Arc::new(BarProgress(b.clone())),
        None => Arc::new(sluice_sources::NoProgress),
    };
    let st = storage.clone();
    let report =
        tokio::task::spawn_blocking(move || sluice_sources::fetch(&st, &key, &opts, progress))
            .await?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report?;
    let path = storage.local_path(&report.artifact.path)?;
    let out = FetchOutput {
        url: report.url.clone(),
        backend: report.backend.to_string(),
        revision: report.revision.clone(),
        commit: report.commit.clone(),
        digest: report.artifact.digest.clone(),
        path: path.display().to_string(),
        size: report.artifact.size,
        unchanged: report.unchanged,
    };
    match args.output {
        Format::Text => {
            let state = if report.unchanged {
                "unchanged"
            } else {
                "fetched"
            };
            println!("{state} {} ({} backend)", out.revision, out.backend);
            println!("artifact  {}", out.path);
            println!("digest    {}", out.digest);
            println!("size      {} bytes", out.size);
            if !report.unchanged {
                println!(
                    "files     {} ({} objects received)",
                    report.files, report.objects
                );
            }
            for s in &report.skipped {
                eprintln!("skipped {}: {}", s.path, s.reason);
            }
        }
        f => output::print_structured(f, &out)?,
    }
    Ok(ExitCode::SUCCESS)
}

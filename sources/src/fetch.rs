//! One fetch of a GitRepository: resolve the ref, skip the transfer when the
//! stored artifact already holds that revision, otherwise fetch (shallow
//! where the ref allows), archive and store — all bounded by a timeout.
//! A failure at any step leaves the stored artifact as it was.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::Progress;
use crate::archive::{self, Skipped};
use crate::auth::Credentials;
use crate::error::{Error, Result};
use crate::git::{self, Backend, BackendChoice, Fetched, Remote, RemoteRef, TransferStats, Want};
use crate::refs::{self, GitRef};
use crate::storage::{Artifact, ArtifactRecord, ObjectKey, Storage};
use crate::url::GitUrl;

/// What to fetch and how.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// The repository.
    pub url: GitUrl,
    /// The ref to fetch.
    pub reference: GitRef,
    /// Which backend, or auto.
    pub backend: BackendChoice,
    /// Credentials (Flux Secret keys).
    pub credentials: Credentials,
    /// Bound on the whole remote operation (Flux's `spec.timeout`, 60 s default).
    pub timeout: Duration,
    /// `spec.ignore`: extra ignore patterns.
    pub ignore: Option<String>,
}

impl FetchOptions {
    /// Options with Flux's defaults: auto backend, no credentials, 60 s.
    pub fn new(url: GitUrl, reference: GitRef) -> Self {
        Self {
            url,
            reference,
            backend: BackendChoice::Auto,
            credentials: Credentials::none(),
            timeout: Duration::from_secs(60),
            ignore: None,
        }
    }
}

/// The result of a fetch.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FetchReport {
    /// The URL, without credentials.
    pub url: String,
    /// The backend that ran.
    pub backend: Backend,
    /// Flux revision string.
    pub revision: String,
    /// Full commit id.
    pub commit: String,
    /// The stored artifact (the previous one when unchanged).
    pub artifact: Artifact,
    /// Whether the stored artifact already held this revision (nothing was
    /// transferred but the ref listing).
    pub unchanged: bool,
    /// Objects received.
    pub objects: u64,
    /// Pack bytes received.
    pub received_bytes: u64,
    /// Files in the artifact (0 when unchanged).
    pub files: u64,
    /// First line of the commit message, when fetched.
    pub subject: Option<String>,
    /// Entries left out of the artifact and why.
    pub skipped: Vec<Skipped>,
    /// Old artifacts garbage collected (Flux's retention rules).
    pub collected: usize,
}

/// Fetches `opts` into `storage` under `key`. Runs the git work on its own
/// thread and gives up (keeping the previous artifact) when the timeout
/// passes.
pub fn fetch(
    storage: &Storage,
    key: &ObjectKey,
    opts: &FetchOptions,
    progress: Arc<dyn Progress>,
) -> Result<FetchReport> {
    let backend = git::select(&opts.url, opts.backend);
    let cancel = Arc::new(AtomicBool::new(false));
    let deadline = Instant::now() + opts.timeout;
    let (tx, rx) = mpsc::channel();
    {
        let root = storage.root().to_path_buf();
        let (storage, key, opts, cancel, progress) = (
            storage.clone(),
            key.clone(),
            opts.clone(),
            cancel.clone(),
            progress,
        );
        std::thread::Builder::new()
            .name("sluice-fetch".into())
            .spawn(move || {
                let r = run(
                    &storage,
                    &key,
                    &opts,
                    backend,
                    deadline,
                    &cancel,
                    progress.as_ref(),
                );
                let _ = tx.send(r);
            })
            .map_err(|e| Error::storage(root, e))?;
    }
    // The worker watches the deadline itself; the grace period covers a
    // transport blocked in a read that cannot see the flag.
    match rx.recv_timeout(opts.timeout + Duration::from_secs(5)) {
        Ok(r) => r,
        Err(_) => {
            cancel.store(true, Ordering::SeqCst);
            Err(Error::Timeout {
                url: opts.url.without_credentials(),
                after: humantime::format_duration(opts.timeout).to_string(),
            })
        }
    }
}

fn find<'a>(refs: &'a [RemoteRef], name: &str) -> Option<&'a RemoteRef> {
    refs.iter().find(|r| r.name == name)
}

fn run(
    storage: &Storage,
    key: &ObjectKey,
    opts: &FetchOptions,
    backend: Backend,
    deadline: Instant,
    cancel: &AtomicBool,
    progress: &dyn Progress,
) -> Result<FetchReport> {
    let imp = git::implementation(backend)?;
    let scratch = tempfile::Builder::new()
        .prefix("sluice-fetch-")
        .tempdir()
        .map_err(|e| Error::storage(std::env::temp_dir(), e))?;
    let remote = Remote {
        url: &opts.url,
        creds: &opts.credentials,
        deadline,
        cancel,
        scratch: scratch.path(),
        progress,
    };
    let shown = opts.url.without_credentials();
    let stored = storage.current(key)?;
    // Flux collects garbage when a reconcile starts, relative to the
    // artifact it advertises: older ones expire by age and by count.
    let collected = match &stored {
        Some(rec) => {
            let _lock = storage.lock(key)?;
            let file = rec.artifact.path.rsplit('/').next().unwrap_or_default();
            storage.garbage_collect(key, file)?
        }
        None => 0,
    };
    let current = stored.filter(|c| c.ignore == opts.ignore);

    // Resolve the ref to a commit (and full ref name) before any transfer.
    let (want, ref_name, expected) = match &opts.reference {
        GitRef::Commit { id, .. } => (Want::Commit { id: id.clone() }, None, Some(id.clone())),
        other => {
            progress.phase("listing refs");
            let refs = imp.ls_refs(&remote)?;
            if refs.is_empty() {
                return Err(Error::EmptyRepository { url: shown });
            }
            let (full, kind, name) = match other {
                GitRef::Branch(b) => (format!("refs/heads/{b}"), "branch", b.clone()),
                GitRef::Tag(t) => (format!("refs/tags/{t}"), "tag", t.clone()),
                GitRef::Name(n) => (n.clone(), "ref", n.clone()),
                GitRef::Semver(range) => {
                    let parsed = refs::semver::Range::parse(range)?;
                    let tags = refs
                        .iter()
                        .filter_map(|r| r.name.strip_prefix("refs/tags/"));
                    let tag =
                        refs::semver::highest_matching(&parsed, tags, |_| 0).ok_or_else(|| {
                            Error::NoSemverMatch {
                                range: range.clone(),
                            }
                        })?;
                    (format!("refs/tags/{tag}"), "tag", tag.to_string())
                }
                GitRef::Commit { .. } => unreachable_commit()?,
            };
            let r = find(&refs, &full).ok_or(Error::RefNotFound {
                kind,
                name,
                url: shown.clone(),
            })?;
            (
                Want::Ref { name: full.clone() },
                Some(full),
                Some(r.commit().to_string()),
            )
        }
    };

    // The no-op: the stored artifact already holds this revision.
    if let (Some(cur), Some(commit)) = (&current, &expected) {
        let revision = refs::revision(&opts.reference, ref_name.as_deref(), commit);
        if cur.commit == *commit
            && cur.artifact.revision == revision
            && storage.verify(&cur.artifact)?
        {
            return Ok(FetchReport {
                url: shown,
                backend,
                revision,
                commit: commit.clone(),
                artifact: cur.artifact.clone(),
                unchanged: true,
                objects: 0,
                received_bytes: 0,
                files: 0,
                subject: None,
                skipped: Vec::new(),
                collected,
            });
        }
    }

    progress.phase("fetching");
    let repo_dir = scratch.path().join("repo");
    let fetched = fetch_want(imp.as_ref(), &remote, &want, &repo_dir)?;
    let commit = fetched.commit().to_string();
    let revision = refs::revision(&opts.reference, ref_name.as_deref(), &commit);
    let subject = fetched.subject().ok();
    let stats: TransferStats = fetched.stats();

    progress.phase("archiving");
    let entries = fetched.tree()?;
    let total = entries.len() as u64;
    let _lock = storage.lock(key)?;
    let (artifact, summary) = storage.write_artifact(key, &commit, &revision, cancel, |w| {
        archive::write_tar_gz(
            &entries,
            fetched.as_ref(),
            opts.ignore.as_deref(),
            w,
            &|n| progress.archived(n, total),
        )
    })?;
    storage.set_current(
        key,
        &ArtifactRecord {
            artifact: artifact.clone(),
            commit: commit.clone(),
            ignore: opts.ignore.clone(),
        },
    )?;
    Ok(FetchReport {
        url: shown,
        backend,
        revision,
        commit,
        artifact,
        unchanged: false,
        objects: stats.objects,
        received_bytes: stats.bytes,
        files: summary.files,
        subject,
        skipped: summary.skipped,
        collected,
    })
}

fn unreachable_commit() -> Result<(String, &'static str, String)> {
    Err(Error::InvalidRef(
        "commit refs are resolved without listing".into(),
    ))
}

/// Fetches `want`; a commit the server will not hand out by id is looked for
/// in the full history of every branch, as Flux does.
fn fetch_want(
    imp: &dyn git::GitBackend,
    remote: &Remote<'_>,
    want: &Want,
    dir: &std::path::Path,
) -> Result<Box<dyn Fetched>> {
    match (imp.fetch(remote, want, dir), want) {
        (Ok(f), _) => Ok(f),
        (Err(e), Want::Commit { id }) if !stops_fallback(&e) => {
            tracing::debug!(error = %e, "fetching the commit by id failed; fetching all branches");
            let _ = std::fs::remove_dir_all(dir);
            let mut f = imp.fetch(remote, &Want::AllBranches, dir)?;
            if !f.select_commit(id) {
                return Err(Error::CommitNotFound {
                    commit: id.clone(),
                    url: remote.shown(),
                });
            }
            Ok(f)
        }
        (Err(e), _) => Err(e),
    }
}

/// Errors that a second, wider fetch would only repeat. (A server refusing
/// a want by id may just drop the connection, so "unreachable" is retried.)
fn stops_fallback(e: &Error) -> bool {
    matches!(
        e,
        Error::AuthenticationFailed { .. }
            | Error::HostKey { .. }
            | Error::Tls { .. }
            | Error::Timeout { .. }
            | Error::InvalidCredentials(_)
            | Error::InvalidUrl { .. }
    )
}

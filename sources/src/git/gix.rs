//! The gix (gitoxide) backend: pure Rust for HTTP(S) (reqwest on rustls),
//! git:// and file://; SSH runs the OpenSSH client as git does.

use std::num::NonZeroU32;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gix::protocol::handshake::Ref;
use gix::protocol::transport::client::blocking_io::http;
use gix::remote::Direction;
use gix::remote::fetch::{Shallow, Tags};

use super::{
    Fetched, GitBackend, Remote, RemoteRef, TransferStats, Want, corrupt, ssh, subject_line,
};
use crate::archive::{BlobSource, EntryKind, TreeEntry};
use crate::error::{Error, Result};
use crate::url::Scheme;

pub(crate) struct Gix;

/// Per-operation setup: config overrides (ssh) and HTTP options.
struct Session {
    url: String,
    overrides: Vec<String>,
    ssh_stderr: Option<std::path::PathBuf>,
    /// Key files for this session's ssh; removed with it.
    _files: Option<tempfile::TempDir>,
}

fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        let t = s.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        cur = s.source();
    }
    parts.join(": ")
}

impl Gix {
    fn session(&self, remote: &Remote<'_>) -> Result<Session> {
        let mut overrides = vec!["protocol.version=2".to_string()];
        let mut ssh_stderr = None;
        let mut files = None;
        let mut url = remote.url.clone();
        if url.scheme() == Scheme::Ssh {
            if url.user().is_none() {
                url = url.with_user("git");
            }
            let timeout = remote
                .deadline
                .saturating_duration_since(Instant::now())
                .as_secs()
                .clamp(1, 60);
            let dir = remote.scratch_dir("ssh-")?;
            let cmd = ssh::command(dir.path(), remote.creds.ssh.as_ref(), timeout)?;
            files = Some(dir);
            overrides.push(format!("core.sshCommand={}", cmd.command));
            overrides.push("ssh.variant=ssh".to_string());
            ssh_stderr = Some(cmd.stderr_path);
        }
        Ok(Session {
            url: url.to_transport_url(),
            overrides,
            ssh_stderr,
            _files: files,
        })
    }

    fn init(&self, dir: &Path, session: &Session) -> Result<gix::Repository> {
        let opts = gix::open::Options::isolated()
            .config_overrides(session.overrides.iter().map(String::as_str));
        gix::ThreadSafeRepository::init_opts(
            dir,
            gix::create::Kind::Bare,
            gix::create::Options::default(),
            opts,
        )
        .map(|r| r.to_thread_local())
        .map_err(|e| Error::storage(dir, std::io::Error::other(e.to_string())))
    }

    /// HTTP options: CA bundle, bearer token and timeouts through reqwest,
    /// because gix's reqwest transport reads none of git's http.* settings.
    fn http_options(&self, remote: &Remote<'_>) -> Result<Option<Box<dyn std::any::Any>>> {
        if !matches!(remote.url.scheme(), Scheme::Http | Scheme::Https) {
            return Ok(None);
        }
        let mut opts = http::Options::default();
        if let Some(token) = &remote.creds.bearer {
            opts.extra_headers
                .push(format!("Authorization: Bearer {}", token.expose()));
        }
        let certs = match &remote.creds.ca_pem {
            Some(pem) => reqwest::Certificate::from_pem_bundle(pem.as_bytes()).map_err(|e| {
                Error::InvalidCredentials(format!("'ca.crt' is not a PEM certificate bundle: {e}"))
            })?,
            None => Vec::new(),
        };
        let total = remote
            .deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_secs(1));
        let configure: Box<http::reqwest::ConfigureClientFn> =
            Box::new(move |b: reqwest::blocking::ClientBuilder| {
                let b = b
                    .connect_timeout(total.min(Duration::from_secs(30)))
                    .timeout(total);
                Ok(if certs.is_empty() {
                    b
                } else {
                    b.tls_certs_merge(certs.clone())
                })
            });
        let backend = http::reqwest::Options {
            configure_client: Some(configure),
            configure_request: None,
        };
        opts.backend = Some(Arc::new(Mutex::new(backend)));
        Ok(Some(Box::new(opts)))
    }

    fn make_remote<'r>(
        &self,
        repo: &'r gix::Repository,
        remote: &Remote<'_>,
        session: &Session,
        refspecs: &[String],
    ) -> Result<gix::Remote<'r>> {
        let mut r = repo
            .remote_at(session.url.as_str())
            .map_err(|e| Error::InvalidUrl {
                url: remote.shown(),
                reason: error_chain(&e),
            })?
            .with_fetch_tags(Tags::None);
        if !refspecs.is_empty() {
            r = r
                .with_refspecs(refspecs.iter().map(String::as_str), Direction::Fetch)
                .map_err(|e| remote.git_error(error_chain(&e)))?;
        }
        Ok(r)
    }

    fn connect<'a, 'r>(
        &self,
        r: &'a gix::Remote<'r>,
        remote: &Remote<'_>,
        session: &Session,
    ) -> Result<
        gix::remote::Connection<
            'a,
            'a,
            'r,
            Box<dyn gix::protocol::transport::client::blocking_io::Transport + Send>,
        >,
    > {
        let mut conn = r
            .connect(Direction::Fetch)
            .map_err(|e| self.classify(remote, session, &e))?;
        let basic = remote.creds.basic.clone();
        conn.set_credentials(move |action| match action {
            gix::credentials::helper::Action::Get(ctx) => match &basic {
                Some((user, pass)) => Ok(Some(gix::credentials::protocol::Outcome {
                    identity: gix::sec::identity::Account {
                        username: user.clone(),
                        password: pass.expose().to_string(),
                        oauth_refresh_token: None,
                    },
                    next: gix::credentials::helper::NextAction::from(ctx),
                })),
                None => Err(gix::Error::from(gix::error::message(
                    "the server requires credentials and none were given",
                ))),
            },
            _ => Ok(None),
        });
        if let Some(opts) = self.http_options(remote)? {
            conn = conn.with_transport_options(opts);
        }
        Ok(conn)
    }

    /// Maps a gix error (and what ssh printed) to a precise error.
    fn classify(
        &self,
        remote: &Remote<'_>,
        session: &Session,
        e: &(dyn std::error::Error + 'static),
    ) -> Error {
        if let Some(path) = &session.ssh_stderr
            && let Ok(text) = std::fs::read_to_string(path)
            && let Some(err) = ssh::classify(&text, remote.url)
        {
            return err;
        }
        let text = remote.creds.redact(&error_chain(e));
        let lower = text.to_ascii_lowercase();
        if remote.stopped() {
            return remote.deadline_error();
        }
        // TLS first: its messages carry the URL, whose port may look like a
        // status code.
        if lower.contains("certificate") || lower.contains("unknownissuer") || lower.contains("tls")
        {
            return Error::Tls {
                url: remote.shown(),
                detail: text,
            };
        }
        if Remote::says_auth_failed(&text) {
            return Error::AuthenticationFailed {
                url: remote.shown(),
                detail: text,
            };
        }
        remote.transport_error(text)
    }
}

impl GitBackend for Gix {
    fn ls_refs(&self, remote: &Remote<'_>) -> Result<Vec<RemoteRef>> {
        let session = self.session(remote)?;
        let dir = remote.scratch_dir("ls-")?;
        let repo = self.init(dir.path(), &session)?;
        let specs = [
            "+refs/heads/*:refs/remotes/origin/*".to_string(),
            "+refs/tags/*:refs/tags/*".to_string(),
        ];
        let r = self.make_remote(&repo, remote, &session, &specs)?;
        let conn = self.connect(&r, remote, &session)?;
        let (map, _) = conn
            .ref_map(
                gix::progress::Discard,
                gix::remote::ref_map::Options {
                    prefix_from_spec_as_filter_on_remote: false,
                    ..Default::default()
                },
            )
            .map_err(|e| self.classify(remote, &session, &e))?;
        let mut out = Vec::new();
        for r in &map.remote_refs {
            match r {
                Ref::Direct {
                    full_ref_name,
                    object,
                } => out.push(RemoteRef {
                    name: full_ref_name.to_string(),
                    target: object.to_string(),
                    peeled: None,
                }),
                Ref::Peeled {
                    full_ref_name,
                    tag,
                    object,
                } => out.push(RemoteRef {
                    name: full_ref_name.to_string(),
                    target: tag.to_string(),
                    peeled: Some(object.to_string()),
                }),
                Ref::Symbolic {
                    full_ref_name,
                    tag,
                    object,
                    ..
                } => out.push(RemoteRef {
                    name: full_ref_name.to_string(),
                    target: tag
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| object.to_string()),
                    peeled: tag.map(|_| object.to_string()),
                }),
                Ref::Unborn { .. } => {}
            }
        }
        Ok(out)
    }

    fn fetch(&self, remote: &Remote<'_>, want: &Want, dir: &Path) -> Result<Box<dyn Fetched>> {
        let session = self.session(remote)?;
        let repo = self.init(dir, &session)?;
        let (spec, local, depth) = want.plan();
        let r = self.make_remote(&repo, remote, &session, std::slice::from_ref(&spec))?;
        let conn = self.connect(&r, remote, &session)?;
        let mut prepare = conn
            .prepare_fetch(gix::progress::Discard, Default::default())
            .map_err(|e| self.classify(remote, &session, &e))?;
        if let Some(d) = depth.and_then(NonZeroU32::new) {
            prepare = prepare.with_shallow(Shallow::DepthAtRemote(d));
        }
        remote.progress.phase("receiving objects");
        let outcome = prepare
            .receive(gix::progress::Discard, remote.cancel)
            .map_err(|e| self.classify(remote, &session, &e))?;
        let stats = match &outcome.status {
            gix::remote::fetch::Status::Change {
                write_pack_bundle, ..
            } => TransferStats {
                objects: u64::from(write_pack_bundle.index.num_objects),
                bytes: write_pack_bundle
                    .data_path
                    .as_ref()
                    .and_then(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
                    .unwrap_or(0),
            },
            _ => TransferStats::default(),
        };
        remote
            .progress
            .transfer(stats.objects, stats.objects, stats.bytes);
        let commit = match &local {
            Some(name) => {
                let mut r =
                    repo.find_reference(name.as_str())
                        .map_err(|e| Error::CorruptTransfer {
                            url: remote.shown(),
                            detail: format!("'{name}' missing after fetch: {}", error_chain(&e)),
                        })?;
                let c = r.peel_to_commit().map_err(|e| Error::CorruptTransfer {
                    url: remote.shown(),
                    detail: format!("'{name}' does not lead to a commit: {}", error_chain(&e)),
                })?;
                c.id.to_string()
            }
            None => String::new(),
        };
        Ok(Box::new(GixFetched {
            repo,
            commit,
            stats,
        }))
    }
}

struct GixFetched {
    repo: gix::Repository,
    commit: String,
    stats: TransferStats,
}

fn oid(id: &str) -> Result<gix::ObjectId> {
    gix::ObjectId::from_hex(id.as_bytes())
        .map_err(|e| Error::InvalidRef(format!("'{id}' is not an object id: {e}")))
}

impl BlobSource for GixFetched {
    fn with_blob(&self, id: &str, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let blob = self
            .repo
            .find_blob(oid(id)?)
            .map_err(|e| corrupt(format!("blob {id}: {}", error_chain(&e))))?;
        f(&blob.data)
    }
}

impl Fetched for GixFetched {
    fn commit(&self) -> &str {
        &self.commit
    }

    fn select_commit(&mut self, id: &str) -> bool {
        let present = oid(id)
            .ok()
            .is_some_and(|o| self.repo.find_commit(o).is_ok());
        if present {
            self.commit = id.to_string();
        }
        present
    }

    fn subject(&self) -> Result<String> {
        let c = self
            .repo
            .find_commit(oid(&self.commit)?)
            .map_err(|e| corrupt(error_chain(&e)))?;
        Ok(subject_line(c.message_raw_sloppy()))
    }

    fn tree(&self) -> Result<Vec<TreeEntry>> {
        let commit = self
            .repo
            .find_commit(oid(&self.commit)?)
            .map_err(|e| corrupt(error_chain(&e)))?;
        let tree = commit
            .tree()
            .map_err(|e| corrupt(format!("tree of {}: {}", self.commit, error_chain(&e))))?;
        let mut rec = gix::traverse::tree::Recorder::default();
        tree.traverse()
            .breadthfirst(&mut rec)
            .map_err(|e| corrupt(format!("walking the tree: {}", error_chain(&e))))?;
        let mut out = Vec::with_capacity(rec.records.len());
        for e in rec.records {
            use gix::objs::tree::EntryKind as K;
            let kind = match e.mode.kind() {
                K::Blob => EntryKind::File { executable: false },
                K::BlobExecutable => EntryKind::File { executable: true },
                K::Link => EntryKind::Symlink,
                K::Commit => EntryKind::Submodule,
                K::Tree => continue,
            };
            let Ok(path) = String::from_utf8(e.filepath.to_vec()) else {
                continue;
            };
            out.push(TreeEntry {
                path,
                kind,
                id: e.oid.to_string(),
            });
        }
        Ok(out)
    }

    fn stats(&self) -> TransferStats {
        self.stats
    }
}

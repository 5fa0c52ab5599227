//! The libgit2 backend (vendored libgit2, libssh2 and OpenSSL): everything
//! in-process, including SSH, whose host keys are checked here against the
//! Secret's known_hosts.

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::Ordering;

use git2::{
    AutotagOption, CertificateCheckStatus, Cred, CredentialType, FetchOptions, RemoteCallbacks,
    Repository,
};

use super::{Fetched, GitBackend, Remote, RemoteRef, TransferStats, Want, corrupt, subject_line};
use crate::archive::{BlobSource, EntryKind, TreeEntry};
use crate::auth::Credentials;
use crate::auth::known_hosts::HostKeyCheck;
use crate::error::{Error, Result};
use crate::url::Scheme;

pub(crate) struct Libgit2;

/// What the callbacks learned, to explain a failure precisely.
#[derive(Default)]
struct CallbackState {
    auth_attempts: u32,
    auth_missing: bool,
    host_key: Option<Error>,
    tls: Option<String>,
    cancelled: bool,
}

fn callbacks<'a>(remote: &'a Remote<'a>, state: &'a RefCell<CallbackState>) -> RemoteCallbacks<'a> {
    let mut cb = RemoteCallbacks::new();
    let creds: &Credentials = remote.creds;
    cb.credentials(move |_url, user_from_url, allowed| {
        let mut st = state.borrow_mut();
        st.auth_attempts += 1;
        if st.auth_attempts > 3 {
            return Err(git2::Error::from_str("credentials were rejected"));
        }
        if allowed.contains(CredentialType::SSH_KEY)
            && let Some(ssh) = creds
                .ssh
                .as_ref()
                .filter(|s| !s.identity.expose().is_empty())
        {
            let user = user_from_url.unwrap_or("git");
            return Cred::ssh_key_from_memory(
                user,
                None,
                ssh.identity.expose(),
                ssh.passphrase.as_ref().map(|p| p.expose()),
            );
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT)
            && let Some((u, p)) = &creds.basic
        {
            return Cred::userpass_plaintext(u, p.expose());
        }
        if allowed.contains(CredentialType::USERNAME) {
            return Cred::username(user_from_url.unwrap_or("git"));
        }
        st.auth_missing = true;
        Err(git2::Error::from_str(
            "the server requires credentials and none were given",
        ))
    });
    cb.certificate_check(move |cert, host| {
        if let Some(hk) = cert.as_hostkey() {
            let name = remote.url.known_hosts_name();
            let Some(raw) = hk.hostkey() else {
                return Err(git2::Error::from_str("the SSH host key could not be read"));
            };
            let verdict = match creds.ssh.as_ref() {
                Some(ssh) => ssh.known_hosts.check(&name, raw),
                None => HostKeyCheck::Unknown,
            };
            let kind = hk.hostkey_type().map(|t| t.name()).unwrap_or("unknown");
            let err = match verdict {
                HostKeyCheck::Trusted => return Ok(CertificateCheckStatus::CertificateOk),
                HostKeyCheck::Unknown => Error::HostKey {
                    host: name,
                    reason: format!("the {kind} host key is not in known_hosts"),
                },
                HostKeyCheck::Changed { expected } => Error::HostKey {
                    host: name,
                    reason: format!(
                        "the host key differs from the one in known_hosts (server offered {kind}, known_hosts lists {})",
                        expected.join(", ")
                    ),
                },
            };
            state.borrow_mut().host_key = Some(err);
            return Err(git2::Error::from_str("host key verification failed"));
        }
        if let (Some(x509), Some(ca)) = (cert.as_x509(), creds.ca_pem.as_deref()) {
            return match verify_x509(x509.data(), ca, host) {
                Ok(()) => Ok(CertificateCheckStatus::CertificateOk),
                Err(why) => {
                    state.borrow_mut().tls = Some(why);
                    Ok(CertificateCheckStatus::CertificatePassthrough)
                }
            };
        }
        Ok(CertificateCheckStatus::CertificatePassthrough)
    });
    let progress = remote.progress;
    // Both progress callbacks are where libgit2 can be told to stop.
    let keep_going = move || {
        let stop = remote.stopped();
        if stop {
            state.borrow_mut().cancelled = true;
        }
        !stop
    };
    cb.transfer_progress(move |p| {
        progress.transfer(
            p.received_objects() as u64,
            p.total_objects() as u64,
            p.received_bytes() as u64,
        );
        keep_going()
    });
    cb.sideband_progress(move |_| keep_going());
    cb
}

/// Verifies a server certificate (DER) against the Secret's CA bundle and
/// the host name, since libgit2 only knows the system's trust store.
fn verify_x509(der: &[u8], ca_pem: &str, host: &str) -> std::result::Result<(), String> {
    use openssl::stack::Stack;
    use openssl::x509::store::X509StoreBuilder;
    use openssl::x509::verify::X509VerifyParam;
    use openssl::x509::{X509, X509StoreContext};
    let leaf = X509::from_der(der).map_err(|e| format!("unreadable server certificate: {e}"))?;
    let cas =
        X509::stack_from_pem(ca_pem.as_bytes()).map_err(|e| format!("'ca.crt' is not PEM: {e}"))?;
    let mut builder = X509StoreBuilder::new().map_err(|e| e.to_string())?;
    for ca in cas {
        builder.add_cert(ca).map_err(|e| e.to_string())?;
    }
    let mut param = X509VerifyParam::new().map_err(|e| e.to_string())?;
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => param.set_ip(ip).map_err(|e| e.to_string())?,
        Err(_) => param.set_host(host).map_err(|e| e.to_string())?,
    }
    builder.set_param(&param).map_err(|e| e.to_string())?;
    let store = builder.build();
    let chain = Stack::new().map_err(|e| e.to_string())?;
    let mut ctx = X509StoreContext::new().map_err(|e| e.to_string())?;
    let result = ctx
        .init(&store, &leaf, &chain, |c| Ok((c.verify_cert()?, c.error())))
        .map_err(|e| e.to_string())?;
    if result.0 {
        Ok(())
    } else {
        Err(result.1.error_string().to_string())
    }
}

impl Libgit2 {
    fn fetch_options<'a>(
        &self,
        remote: &'a Remote<'a>,
        state: &'a RefCell<CallbackState>,
        depth: Option<u32>,
    ) -> FetchOptions<'a> {
        let mut fo = FetchOptions::new();
        fo.remote_callbacks(callbacks(remote, state));
        fo.download_tags(AutotagOption::None);
        // libgit2 refuses shallow fetches over its local (file://) transport.
        if let Some(d) = depth.filter(|_| remote.url.scheme() != Scheme::File) {
            fo.depth(i32::try_from(d).unwrap_or(i32::MAX));
        }
        fo
    }

    fn transport_url(&self, remote: &Remote<'_>) -> String {
        let mut url = remote.url.clone();
        if url.scheme() == Scheme::Ssh && url.user().is_none() {
            url = url.with_user("git");
        }
        url.to_transport_url()
    }

    fn classify(
        &self,
        remote: &Remote<'_>,
        state: &RefCell<CallbackState>,
        e: &git2::Error,
    ) -> Error {
        let mut st = state.borrow_mut();
        if let Some(err) = st.host_key.take() {
            return err;
        }
        if st.cancelled || remote.cancel.load(Ordering::SeqCst) {
            return remote.deadline_error();
        }
        let msg = remote.creds.redact(e.message());
        if e.code() == git2::ErrorCode::Auth || st.auth_missing || Remote::says_auth_failed(&msg) {
            return Error::AuthenticationFailed {
                url: remote.shown(),
                detail: msg,
            };
        }
        if e.code() == git2::ErrorCode::Certificate || e.class() == git2::ErrorClass::Ssl {
            let detail = st.tls.take().map(|t| format!("{msg} ({t})")).unwrap_or(msg);
            return Error::Tls {
                url: remote.shown(),
                detail,
            };
        }
        remote.transport_error(msg)
    }
}

impl GitBackend for Libgit2 {
    fn ls_refs(&self, remote: &Remote<'_>) -> Result<Vec<RemoteRef>> {
        let dir = remote.scratch_dir("ls-")?;
        let repo = Repository::init_bare(dir.path()).map_err(|e| remote.git_error(e.message()))?;
        let mut r = repo
            .remote_anonymous(&self.transport_url(remote))
            .map_err(|e| Error::InvalidUrl {
                url: remote.shown(),
                reason: e.message().to_string(),
            })?;
        let state = RefCell::new(CallbackState::default());
        let heads: Vec<(String, String)> = if let Some(token) = &remote.creds.bearer {
            // connect() takes no headers; a download without refspecs
            // connects with them, reads the advertisement and wants nothing.
            let header = format!("Authorization: Bearer {}", token.expose());
            let mut fo = self.fetch_options(remote, &state, None);
            fo.custom_headers(&[header.as_str()]);
            r.download(&[] as &[&str], Some(&mut fo))
                .map_err(|e| self.classify(remote, &state, &e))?;
            let list = r.list().map_err(|e| self.classify(remote, &state, &e))?;
            list.iter()
                .map(|h| (h.name().to_string(), h.oid().to_string()))
                .collect()
        } else {
            let conn = r
                .connect_auth(
                    git2::Direction::Fetch,
                    Some(callbacks(remote, &state)),
                    None,
                )
                .map_err(|e| self.classify(remote, &state, &e))?;
            let list = conn.list().map_err(|e| self.classify(remote, &state, &e))?;
            list.iter()
                .map(|h| (h.name().to_string(), h.oid().to_string()))
                .collect()
        };
        let mut refs: Vec<RemoteRef> = Vec::new();
        let mut peeled: Vec<(String, String)> = Vec::new();
        for (name, oid) in heads {
            if let Some(base) = name.strip_suffix("^{}") {
                peeled.push((base.to_string(), oid));
            } else {
                refs.push(RemoteRef {
                    name,
                    target: oid,
                    peeled: None,
                });
            }
        }
        for (base, oid) in peeled {
            if let Some(r) = refs.iter_mut().find(|r| r.name == base) {
                r.peeled = Some(oid);
            }
        }
        Ok(refs)
    }

    fn fetch(&self, remote: &Remote<'_>, want: &Want, dir: &Path) -> Result<Box<dyn Fetched>> {
        let repo = Repository::init_bare(dir).map_err(|e| remote.git_error(e.message()))?;
        let (spec, local, depth) = want.plan();
        let state = RefCell::new(CallbackState::default());
        let stats;
        {
            let mut r = repo
                .remote_anonymous(&self.transport_url(remote))
                .map_err(|e| Error::InvalidUrl {
                    url: remote.shown(),
                    reason: e.message().to_string(),
                })?;
            let mut fo = self.fetch_options(remote, &state, depth);
            let header;
            if let Some(token) = &remote.creds.bearer {
                header = format!("Authorization: Bearer {}", token.expose());
                fo.custom_headers(&[header.as_str()]);
            }
            remote.progress.phase("receiving objects");
            r.fetch(&[spec.as_str()], Some(&mut fo), None)
                .map_err(|e| self.classify(remote, &state, &e))?;
            let s = r.stats();
            stats = TransferStats {
                objects: s.received_objects() as u64,
                bytes: s.received_bytes() as u64,
            };
        }
        let commit = match &local {
            Some(name) => {
                let reference = repo
                    .find_reference(name)
                    .map_err(|e| Error::CorruptTransfer {
                        url: remote.shown(),
                        detail: format!("'{name}' missing after fetch: {}", e.message()),
                    })?;
                let c = reference
                    .peel_to_commit()
                    .map_err(|e| Error::CorruptTransfer {
                        url: remote.shown(),
                        detail: format!("'{name}' does not lead to a commit: {}", e.message()),
                    })?;
                c.id().to_string()
            }
            None => String::new(),
        };
        Ok(Box::new(Git2Fetched {
            repo,
            commit,
            stats,
        }))
    }
}

struct Git2Fetched {
    repo: Repository,
    commit: String,
    stats: TransferStats,
}

fn oid(id: &str) -> Result<git2::Oid> {
    git2::Oid::from_str(id)
        .map_err(|e| Error::InvalidRef(format!("'{id}' is not an object id: {}", e.message())))
}

impl BlobSource for Git2Fetched {
    fn with_blob(&self, id: &str, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let b = self
            .repo
            .find_blob(oid(id)?)
            .map_err(|e| corrupt(format!("blob {id}: {}", e.message())))?;
        f(b.content())
    }
}

impl Fetched for Git2Fetched {
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
            .map_err(|e| corrupt(e.message().to_string()))?;
        Ok(subject_line(c.message_bytes()))
    }

    fn tree(&self) -> Result<Vec<TreeEntry>> {
        let c = self
            .repo
            .find_commit(oid(&self.commit)?)
            .map_err(|e| corrupt(e.message().to_string()))?;
        let tree = c
            .tree()
            .map_err(|e| corrupt(format!("tree of {}: {}", self.commit, e.message())))?;
        let mut out = Vec::new();
        let mut failure = None;
        tree.walk(git2::TreeWalkMode::PreOrder, |root, entry| {
            let mode = entry.filemode();
            let kind = match mode {
                0o100644 | 0o100664 => EntryKind::File { executable: false },
                0o100755 => EntryKind::File { executable: true },
                0o120000 => EntryKind::Symlink,
                0o160000 => EntryKind::Submodule,
                0o040000 => return git2::TreeWalkResult::Ok,
                other => {
                    failure = Some(corrupt(format!("unknown file mode {other:o} in tree")));
                    return git2::TreeWalkResult::Abort;
                }
            };
            let Ok(name) = std::str::from_utf8(entry.name_bytes()) else {
                return git2::TreeWalkResult::Ok;
            };
            out.push(TreeEntry {
                path: format!("{root}{name}"),
                kind,
                id: entry.id().to_string(),
            });
            git2::TreeWalkResult::Ok
        })
        .map_err(|e| corrupt(format!("walking the tree: {}", e.message())))?;
        match failure {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    fn stats(&self) -> TransferStats {
        self.stats
    }
}

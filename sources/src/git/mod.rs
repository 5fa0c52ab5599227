//! Two interchangeable git backends behind one trait: gix (pure Rust) and
//! libgit2. `auto` picks by host as Azure's Flux docs describe: GitHub,
//! GitLab and Bitbucket use gix; Azure DevOps and every other or
//! on-premises host use libgit2.

#[cfg(feature = "gix")]
pub(crate) mod gix;
#[cfg(feature = "libgit2")]
pub(crate) mod libgit2;
mod ssh;

use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use crate::archive::{BlobSource, TreeEntry};
use crate::auth::Credentials;
use crate::error::{Error, Result};
use crate::url::GitUrl;

/// A git implementation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// gitoxide, pure Rust.
    Gix,
    /// libgit2 (vendored), as Flux's former `libgit2` implementation.
    Libgit2,
}

impl Backend {
    /// The name used on the command line and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Gix => "gix",
            Backend::Libgit2 => "libgit2",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the user asked for: a backend, or `auto` (by host).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendChoice {
    /// Choose by host.
    #[default]
    Auto,
    /// Always gix.
    Gix,
    /// Always libgit2.
    Libgit2,
}

impl FromStr for BackendChoice {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(Self::Auto),
            "gix" | "gitoxide" | "go-git" => Ok(Self::Gix),
            "libgit2" | "git2" => Ok(Self::Libgit2),
            other => Err(format!(
                "unknown git backend '{other}' (expected auto, gix or libgit2)"
            )),
        }
    }
}

/// Hosts Azure's docs route to the pure implementation (go-git there, gix
/// here), with their official alternate SSH hosts.
const PURE_HOSTS: &[&str] = &[
    "github.com",
    "ssh.github.com",
    "gitlab.com",
    "altssh.gitlab.com",
    "bitbucket.org",
    "altssh.bitbucket.org",
];

/// The backend `choice` resolves to for `url`.
pub fn select(url: &GitUrl, choice: BackendChoice) -> Backend {
    match choice {
        BackendChoice::Gix => Backend::Gix,
        BackendChoice::Libgit2 => Backend::Libgit2,
        BackendChoice::Auto => {
            let host = url.host().unwrap_or_default().trim_end_matches('.');
            if PURE_HOSTS.contains(&host) {
                Backend::Gix
            } else {
                Backend::Libgit2
            }
        }
    }
}

/// One ref as the remote advertises it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteRef {
    /// Full name, e.g. `refs/heads/main`.
    pub name: String,
    /// The object the ref points to (a tag object for annotated tags).
    pub target: String,
    /// The commit an annotated tag peels to.
    pub peeled: Option<String>,
}

impl RemoteRef {
    /// The commit this ref designates.
    pub fn commit(&self) -> &str {
        self.peeled.as_deref().unwrap_or(&self.target)
    }
}

/// What to fetch.
#[derive(Clone, Debug)]
pub(crate) enum Want {
    /// A ref by full name, stored locally under the same name, depth 1.
    Ref { name: String },
    /// A commit by id (the server must allow it), depth 1.
    Commit { id: String },
    /// Every branch, full history, to find a commit the server will not
    /// hand out by id.
    AllBranches,
}

impl Want {
    /// The refspec to fetch, the local ref it lands in, and the depth —
    /// the same for both backends.
    pub(crate) fn plan(&self) -> (String, Option<String>, Option<u32>) {
        match self {
            Want::Ref { name } => (format!("+{name}:{name}"), Some(name.clone()), Some(1)),
            Want::Commit { id } => (
                format!("{id}:refs/sluice/commit"),
                Some("refs/sluice/commit".to_string()),
                Some(1),
            ),
            Want::AllBranches => ("+refs/heads/*:refs/heads/*".to_string(), None, None),
        }
    }
}

/// First line of a commit message, trimmed.
pub(crate) fn subject_line(message: &[u8]) -> String {
    String::from_utf8_lossy(message)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// A fetched repository that does not hold what it should.
pub(crate) fn corrupt(detail: String) -> Error {
    Error::CorruptTransfer {
        url: "<fetched repository>".into(),
        detail,
    }
}

/// Transfer statistics of one fetch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TransferStats {
    /// Objects received.
    pub objects: u64,
    /// Bytes received (pack size), when known.
    pub bytes: u64,
}

/// Everything a backend needs for one remote operation.
pub(crate) struct Remote<'a> {
    pub url: &'a GitUrl,
    pub creds: &'a Credentials,
    pub deadline: Instant,
    pub cancel: &'a AtomicBool,
    /// A private directory for key files and the like.
    pub scratch: &'a Path,
    pub progress: &'a dyn crate::Progress,
}

impl Remote<'_> {
    /// The URL without credentials, for messages.
    pub fn shown(&self) -> String {
        self.url.without_credentials()
    }

    pub fn expired(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Cancelled by the caller or past the deadline.
    pub(crate) fn stopped(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::SeqCst) || self.expired()
    }

    /// The error for a fetch stopped at its deadline.
    pub(crate) fn deadline_error(&self) -> Error {
        Error::Timeout {
            url: self.shown(),
            after: "the deadline".into(),
        }
    }

    /// A scratch directory for the backend, removed when dropped.
    pub(crate) fn scratch_dir(&self, prefix: &str) -> Result<tempfile::TempDir> {
        tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(self.scratch)
            .map_err(|e| Error::storage(self.scratch, e))
    }

    /// Whether a backend's message says the server refused the credentials.
    /// URLs are taken out first: a port such as `:33403` is no HTTP 403.
    pub(crate) fn says_auth_failed(text: &str) -> bool {
        let scan = without_urls(&text.to_ascii_lowercase());
        scan.contains("401")
            || scan.contains("403")
            || scan.contains("credentials")
            || scan.contains("authentication")
            || scan.contains("permission denied")
    }

    /// The last step of both backends' error classification, which they can
    /// only do by the (redacted) text: a timeout, an unreachable host, or a
    /// git failure.
    pub(crate) fn transport_error(&self, text: String) -> Error {
        let lower = without_urls(&text.to_ascii_lowercase());
        if lower.contains("timed out") || lower.contains("timeout") {
            return Error::Timeout {
                url: self.shown(),
                after: "the transport timeout".into(),
            };
        }
        if [
            "connection refused",
            "failed to connect",
            "failed to resolve",
            "dns",
            "resolve",
            "connect",
            "unreachable",
        ]
        .iter()
        .any(|p| lower.contains(p))
        {
            return Error::Unreachable {
                url: self.shown(),
                detail: text,
            };
        }
        Error::Git {
            url: self.shown(),
            detail: text,
        }
    }

    /// An error from a backend's message, with every secret removed.
    pub fn git_error(&self, detail: impl AsRef<str>) -> Error {
        Error::Git {
            url: self.shown(),
            detail: self.creds.redact(detail.as_ref()),
        }
    }
}

/// `text` without anything that looks like a URL (`scheme://…` up to the next
/// space or bracket), so classification by words never reads a host or port.
fn without_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let start = rest[..i]
            .rfind(|c: char| !c.is_ascii_alphanumeric() && c != '+' && c != '-' && c != '.')
            .map_or(0, |p| p + 1);
        out.push_str(&rest[..start]);
        let after = &rest[i + 3..];
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '(' | '\'' | '"' | '>' | '<'))
            .unwrap_or(after.len());
        out.push_str("<url>");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A local repository holding a fetched commit.
pub(crate) trait Fetched: BlobSource {
    /// Full id of the commit the wanted ref resolved to.
    fn commit(&self) -> &str;
    /// Makes `id` the commit to read (after an [`Want::AllBranches`]
    /// fetch); false when it is not a commit present locally.
    fn select_commit(&mut self, id: &str) -> bool;
    /// First line of the commit message.
    fn subject(&self) -> Result<String>;
    /// Every file, symlink and submodule of the commit's tree.
    fn tree(&self) -> Result<Vec<TreeEntry>>;
    /// What was transferred.
    fn stats(&self) -> TransferStats;
}

/// A git implementation.
pub(crate) trait GitBackend {
    /// Lists the remote's refs without fetching objects.
    fn ls_refs(&self, remote: &Remote<'_>) -> Result<Vec<RemoteRef>>;
    /// Fetches `want` into a new bare repository at `dir`.
    fn fetch(&self, remote: &Remote<'_>, want: &Want, dir: &Path) -> Result<Box<dyn Fetched>>;
}

/// The implementation of `backend`, if compiled in.
pub(crate) fn implementation(backend: Backend) -> Result<Box<dyn GitBackend>> {
    match backend {
        #[cfg(feature = "gix")]
        Backend::Gix => Ok(Box::new(gix::Gix)),
        #[cfg(feature = "libgit2")]
        Backend::Libgit2 => Ok(Box::new(libgit2::Libgit2)),
        #[allow(unreachable_patterns)]
        other => Err(Error::BackendUnavailable(other.as_str())),
    }
}

#[cfg(test)]
mod url_scan_tests {
    use super::*;

    #[test]
    fn ports_in_urls_are_not_status_codes() {
        let msg = "error sending request for url (https://127.0.0.1:33403/x.git/info/refs): invalid peer certificate: UnknownIssuer";
        assert!(!Remote::says_auth_failed(msg));
        assert!(Remote::says_auth_failed("unexpected http status code: 401"));
        assert_eq!(without_urls("a https://h:1/p) b"), "a <url>) b");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(url: &str) -> Backend {
        select(&GitUrl::parse(url).expect("url"), BackendChoice::Auto)
    }

    #[test]
    fn auto_selection_follows_azure() {
        assert_eq!(pick("https://github.com/fluxcd/flux2"), Backend::Gix);
        assert_eq!(pick("git@github.com:fluxcd/flux2.git"), Backend::Gix);
        assert_eq!(pick("https://gitlab.com/a/b.git"), Backend::Gix);
        assert_eq!(pick("ssh://git@bitbucket.org/a/b.git"), Backend::Gix);
        assert_eq!(
            pick("https://dev.azure.com/org/proj/_git/repo"),
            Backend::Libgit2
        );
        assert_eq!(
            pick("ssh://git@ssh.dev.azure.com/v3/org/proj/repo"),
            Backend::Libgit2
        );
        assert_eq!(
            pick("https://org.visualstudio.com/proj/_git/repo"),
            Backend::Libgit2
        );
        assert_eq!(
            pick("https://git.example.internal/a/b.git"),
            Backend::Libgit2
        );
        assert_eq!(
            pick("https://github.example.com/a/b.git"),
            Backend::Libgit2,
            "GitHub Enterprise is on-premises"
        );
        assert_eq!(pick("file:///srv/repo.git"), Backend::Libgit2);
    }

    #[test]
    fn explicit_choice_wins() {
        let u = GitUrl::parse("https://dev.azure.com/o/p/_git/r").expect("url");
        assert_eq!(select(&u, BackendChoice::Gix), Backend::Gix);
        let u = GitUrl::parse("https://github.com/o/r").expect("url");
        assert_eq!(select(&u, BackendChoice::Libgit2), Backend::Libgit2);
        assert_eq!("git2".parse::<BackendChoice>(), Ok(BackendChoice::Libgit2));
        assert!("svn".parse::<BackendChoice>().is_err());
    }
}

//! The one error type of this crate. Messages name the URL (without
//! credentials), the ref or the path involved, and never carry a secret.

use std::path::PathBuf;

/// Everything that can go wrong while fetching a source or storing its artifact.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The URL cannot be parsed or uses an unsupported scheme.
    #[error("failed to parse url '{url}': {reason}")]
    InvalidUrl {
        /// The URL, credentials removed.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The ref in the request is not usable (e.g. a short commit id).
    #[error("invalid reference: {0}")]
    InvalidRef(String),
    /// The semver range does not parse.
    #[error("semver parse error: invalid range '{range}': {reason}")]
    InvalidSemver {
        /// The range as given.
        range: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A branch, tag or named ref does not exist on the remote.
    #[error("unable to resolve {kind} '{name}' in '{url}': no such ref on the remote")]
    RefNotFound {
        /// `branch`, `tag` or `ref`.
        kind: &'static str,
        /// The name asked for.
        name: String,
        /// The URL, credentials removed.
        url: String,
    },
    /// No tag satisfies the semver range.
    #[error("no match found for semver: {range}")]
    NoSemverMatch {
        /// The range as given.
        range: String,
    },
    /// The commit cannot be fetched from the remote.
    #[error("unable to resolve commit '{commit}' in '{url}'")]
    CommitNotFound {
        /// The commit id asked for.
        commit: String,
        /// The URL, credentials removed.
        url: String,
    },
    /// The remote has no refs at all.
    #[error("git repository '{url}' is empty")]
    EmptyRepository {
        /// The URL, credentials removed.
        url: String,
    },
    /// The server refused the credentials (or demanded some and none were given).
    #[error("unable to clone '{url}': authentication required: {detail}")]
    AuthenticationFailed {
        /// The URL, credentials removed.
        url: String,
        /// What the server or transport said, secrets redacted.
        detail: String,
    },
    /// The credentials given are incomplete or malformed.
    #[error("invalid credentials: {0}")]
    InvalidCredentials(String),
    /// The SSH host key is unknown or differs from known_hosts.
    #[error("host key verification for '{host}' failed: {reason}")]
    HostKey {
        /// `host` or `[host]:port`.
        host: String,
        /// Unknown or changed, and which key was seen.
        reason: String,
    },
    /// The TLS certificate of the server is not trusted.
    #[error("unable to clone '{url}': TLS verification failed: {detail}")]
    Tls {
        /// The URL, credentials removed.
        url: String,
        /// Why the certificate was refused.
        detail: String,
    },
    /// The host cannot be reached (DNS, refused connection, network).
    #[error("unable to clone '{url}': {detail}")]
    Unreachable {
        /// The URL, credentials removed.
        url: String,
        /// What the transport said.
        detail: String,
    },
    /// The fetch took longer than its timeout.
    #[error("unable to clone '{url}': timed out after {after}")]
    Timeout {
        /// The URL, credentials removed.
        url: String,
        /// The timeout, human readable.
        after: String,
    },
    /// The transfer was incomplete or did not contain the expected objects.
    #[error("corrupt or incomplete transfer from '{url}': {detail}")]
    CorruptTransfer {
        /// The URL, credentials removed.
        url: String,
        /// What was missing or wrong.
        detail: String,
    },
    /// Any other git protocol or repository error.
    #[error("git operation on '{url}' failed: {detail}")]
    Git {
        /// The URL, credentials removed.
        url: String,
        /// What the backend said, secrets redacted.
        detail: String,
    },
    /// The requested backend was not compiled in.
    #[error("git backend '{0}' is not available in this build")]
    BackendUnavailable(&'static str),
    /// Writing the tarball failed.
    #[error("failed to archive '{path}': {detail}")]
    Archive {
        /// The entry or file involved.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// A path in the tree or storage would escape its root.
    #[error("illegal path '{0}': it would leave the source root")]
    IllegalPath(String),
    /// A filesystem operation in the artifact storage failed.
    #[error("storage operation on '{path}' failed: {source}")]
    Storage {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Flux's condition reason for this error (`GitOperationFailed`,
    /// `AuthenticationFailed`, `URLInvalid`, …), so controllers report what
    /// Flux would.
    pub fn reason(&self) -> &'static str {
        match self {
            Error::InvalidUrl { .. } => "URLInvalid",
            // As Flux: a bad or unusable Secret is AuthenticationFailed; a
            // server refusing the credentials or the host key is one of the
            // clone's failures, GitOperationFailed.
            Error::InvalidCredentials(_) => "AuthenticationFailed",
            Error::EmptyRepository { .. } => "EmptyGitRepository",
            Error::Archive { .. } => "ArchiveOperationFailed",
            Error::IllegalPath(_) => "IllegalPath",
            Error::Storage { .. } => "StorageOperationFailed",
            _ => "GitOperationFailed",
        }
    }

    /// Whether retrying later may help (network trouble) rather than needing
    /// a change of spec or credentials.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Error::Unreachable { .. }
                | Error::Timeout { .. }
                | Error::CorruptTransfer { .. }
                | Error::Git { .. }
        )
    }

    pub(crate) fn storage(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Storage {
            path: path.into(),
            source,
        }
    }
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

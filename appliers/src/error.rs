//! The one error type of this crate. Apply errors name the object and what
//! the API said; build errors are the renderer's, which name the file,
//! field and object involved.

use std::path::PathBuf;

/// Everything that can go wrong building or applying manifests.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Building the manifests failed (the renderer's error, which names
    /// the file, field or object).
    #[error(transparent)]
    Kustomize(#[from] sluice_kustomize::Error),
    /// Any other failure, with its context.
    #[error("{0}")]
    Build(String),
    /// The Kubernetes API failed a request about an object; the error is
    /// kept so callers can tell an outage from a refusal.
    #[error("{context}: {}", crate::apply::api_message(error))]
    Api {
        /// The object and what was being done.
        context: String,
        /// The client's error (part of this error's message, so not a
        /// `source`).
        error: kube::Error,
    },
    /// A failure wrapped with where it happened.
    #[error("{context}: {inner}")]
    Context {
        /// What was being done.
        context: String,
        /// The failure (part of this error's message, so deliberately not
        /// a `source`: error chains would print it twice).
        inner: Box<Error>,
    },
    /// A filesystem error.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Wraps the error with context (`"accumulating resources: <error>"`).
    pub fn context(self, context: impl Into<String>) -> Self {
        Error::Context {
            context: context.into(),
            inner: Box::new(self),
        }
    }

    pub(crate) fn api(context: impl Into<String>, error: kube::Error) -> Self {
        Error::Api {
            context: context.into(),
            error,
        }
    }

    /// Whether retrying soon may succeed: the API server was unreachable,
    /// timed out, overloaded or failed internally (not a refusal of the
    /// object itself).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Api { error, .. } => is_transient_kube(error),
            Error::Context { inner, .. } => inner.is_transient(),
            _ => false,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Whether a Kubernetes client error is an outage rather than a refusal.
pub fn is_transient_kube(e: &kube::Error) -> bool {
    match e {
        kube::Error::Api(ae) => ae.code == 429 || ae.code >= 500,
        kube::Error::HyperError(_) | kube::Error::Service(_) => true,
        _ => false,
    }
}

/// Adds context to results.
pub trait ResultExt<T> {
    /// Wraps an error with the context computed by `f`.
    fn context_with(self, f: impl FnOnce() -> String) -> Result<T>;
}

impl<T> ResultExt<T> for Result<T> {
    fn context_with(self, f: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| e.context(f()))
    }
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

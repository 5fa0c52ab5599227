//! The one error type of this crate: every failure names the file, field
//! or object involved, as kustomize's messages do.

use std::path::PathBuf;

/// Everything that can go wrong reading, building or printing manifests.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Malformed YAML.
    #[error("{file}: {message}")]
    Yaml {
        /// The file (or a description of the text).
        file: String,
        /// What the parser said, with line and column.
        message: String,
    },
    /// A kustomization file or one of its fields is invalid.
    #[error("{file}: {message}")]
    Kustomization {
        /// The kustomization file.
        file: String,
        /// What is wrong, naming the field.
        message: String,
    },
    /// A feature Sluice refuses on purpose (plugins, remote bases, Helm).
    #[error("{file}: field '{field}' is not supported: {why}")]
    Unsupported {
        /// The kustomization file.
        file: String,
        /// The field.
        field: String,
        /// Why, and what to do instead.
        why: String,
    },
    /// A path that does not exist.
    #[error("{path}: no such file or directory (referenced from {from})")]
    Missing {
        /// The missing path.
        path: String,
        /// Where it was named.
        from: String,
    },
    /// A path that resolves outside the build root.
    #[error(
        "security: '{path}' is not in or below the build root '{root}' (referenced from {from})"
    )]
    OutsideRoot {
        /// The path as given.
        path: String,
        /// The root.
        root: String,
        /// Where it was named.
        from: String,
    },
    /// Kustomizations that include each other.
    #[error("cycle detected: {0}")]
    Cycle(String),
    /// Any other build failure, with its context.
    #[error("{0}")]
    Build(String),
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

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
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

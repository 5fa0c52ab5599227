//! What a build read from the file system, so a later build over another
//! tree can be known to give the same output without running it: every
//! question the build asked (what a path resolves to, whether it is a file
//! or a directory, what a directory holds, what a file contains) with its
//! answer. When every question has the same answer in the new tree, the
//! build — a pure function of those answers and its options — is the same.
//! A monorepo commit that touches one app thus rebuilds one app.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

/// One question and its answer, paths relative to the build root.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Query {
    /// Where a path leads once symlinks are followed (`None`: nowhere).
    Resolve(PathBuf, Option<PathBuf>),
    /// A file's content.
    Content(PathBuf, [u8; 32]),
    /// Whether a path is a regular file.
    IsFile(PathBuf, bool),
    /// Whether a path is a directory.
    IsDir(PathBuf, bool),
    /// Whether anything is at a path.
    Exists(PathBuf, bool),
    /// A directory's entries, sorted.
    Listing(PathBuf, Vec<OsString>),
}

/// Records the questions of one build (shared by its loaders).
#[derive(Clone, Debug)]
pub struct Trace {
    root: PathBuf,
    queries: Arc<Mutex<Vec<Query>>>,
}

/// What a finished build read: check it against another tree with
/// [`Inputs::hold_in`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    queries: Vec<Query>,
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn listing(p: &Path) -> Option<Vec<OsString>> {
    let mut names: Vec<OsString> = std::fs::read_dir(p)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    Some(names)
}

impl Trace {
    /// A trace of a build rooted at `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            queries: Arc::new(Mutex::new(Vec::new())),
        }
    }

    fn rel(&self, p: &Path) -> PathBuf {
        p.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    }

    fn push(&self, q: Query) {
        if let Ok(mut v) = self.queries.lock() {
            v.push(q);
        }
    }

    /// Records where `path` resolved to.
    pub fn resolved(&self, path: &Path, real: Option<&Path>) {
        let q = Query::Resolve(self.rel(path), real.map(|r| self.rel(r)));
        self.push(q);
    }

    /// Records a file read.
    pub fn read(&self, path: &Path, bytes: &[u8]) {
        let q = Query::Content(self.rel(path), digest(bytes));
        self.push(q);
    }

    /// Whether `p` is a file, recorded.
    pub fn is_file(&self, p: &Path) -> bool {
        let yes = p.is_file();
        self.push(Query::IsFile(self.rel(p), yes));
        yes
    }

    /// Whether `p` is a directory, recorded.
    pub fn is_dir(&self, p: &Path) -> bool {
        let yes = p.is_dir();
        self.push(Query::IsDir(self.rel(p), yes));
        yes
    }

    /// Whether anything is at `p`, recorded.
    pub fn exists(&self, p: &Path) -> bool {
        let yes = p.exists();
        self.push(Query::Exists(self.rel(p), yes));
        yes
    }

    /// Records a directory listing.
    pub fn listed(&self, p: &Path) {
        let entries = listing(p).unwrap_or_default();
        self.push(Query::Listing(self.rel(p), entries));
    }

    /// The questions asked so far.
    pub fn inputs(&self) -> Inputs {
        let mut queries = self.queries.lock().map(|v| v.clone()).unwrap_or_default();
        // The same question asked twice has the same answer.
        let mut seen = std::collections::HashSet::new();
        queries.retain(|q| seen.insert(format!("{q:?}")));
        Inputs { queries }
    }
}

impl Inputs {
    /// Whether every question has the same answer under `root`.
    pub fn hold_in(&self, root: &Path) -> bool {
        let root = match root.canonicalize() {
            Ok(r) => r,
            Err(_) => return false,
        };
        let at = |p: &Path| root.join(p);
        self.queries.iter().all(|q| match q {
            Query::Resolve(p, want) => {
                let real = at(p)
                    .canonicalize()
                    .ok()
                    .map(|r| r.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(r));
                real == *want
            }
            Query::Content(p, want) => {
                std::fs::read(at(p)).is_ok_and(|bytes| digest(&bytes) == *want)
            }
            Query::IsFile(p, want) => at(p).is_file() == *want,
            Query::IsDir(p, want) => at(p).is_dir() == *want,
            Query::Exists(p, want) => at(p).exists() == *want,
            Query::Listing(p, want) => listing(&at(p)).unwrap_or_default() == *want,
        })
    }

    /// How many questions the build asked.
    pub fn len(&self) -> usize {
        self.queries.len()
    }

    /// Whether the build asked nothing (it did not run).
    pub fn is_empty(&self) -> bool {
        self.queries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_hold_and_a_change_does_not() {
        let a = tempfile::tempdir().expect("dir");
        let b = tempfile::tempdir().expect("dir");
        for d in [a.path(), b.path()] {
            std::fs::create_dir_all(d.join("app")).expect("mkdir");
            std::fs::write(d.join("app/x.yaml"), "x: 1").expect("write");
            std::fs::write(d.join("other.yaml"), "y: 1").expect("write");
        }
        let t = Trace::new(a.path());
        let root = a.path().canonicalize().expect("canon");
        t.is_dir(&root.join("app"));
        t.listed(&root.join("app"));
        t.read(&root.join("app/x.yaml"), b"x: 1");
        t.resolved(&root.join("app/x.yaml"), Some(&root.join("app/x.yaml")));
        let inputs = t.inputs();
        assert!(inputs.hold_in(b.path()));
        // What the build never looked at may change.
        std::fs::write(b.path().join("other.yaml"), "y: 2").expect("write");
        assert!(inputs.hold_in(b.path()));
        std::fs::write(b.path().join("app/x.yaml"), "x: 2").expect("write");
        assert!(!inputs.hold_in(b.path()));
        std::fs::write(b.path().join("app/x.yaml"), "x: 1").expect("write");
        std::fs::write(b.path().join("app/new.yaml"), "z: 1").expect("write");
        assert!(
            !inputs.hold_in(b.path()),
            "a new file in a listed directory"
        );
    }
}

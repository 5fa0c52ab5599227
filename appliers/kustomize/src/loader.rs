//! File access for a build: every path is resolved (symlinks included) and
//! must stay inside the build root; with kustomize's default restriction, a
//! kustomization's files must also stay inside its own directory.

use std::path::{Component, Path, PathBuf};

use super::trace::Trace;
use crate::error::{Error, Result};
use crate::manifest::MAX_INPUT_BYTES;

/// kustomize's `--load-restrictor`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadRestrictions {
    /// Files must be in or below the kustomization's directory (kustomize's
    /// default). Directories (bases) may be anywhere in the build root.
    #[default]
    RootOnly,
    /// Files may be anywhere in the build root (Flux's setting).
    None,
}

/// Reads files on behalf of one kustomization directory.
#[derive(Clone, Debug)]
pub struct Loader {
    dir: PathBuf,
    root: PathBuf,
    restrictions: LoadRestrictions,
    file_name: String,
    /// Records what the build reads, when asked to.
    trace: Option<Trace>,
}

impl Loader {
    /// A loader for `dir`, confined to `root` (both canonicalised here).
    pub fn new(dir: &Path, root: &Path, restrictions: LoadRestrictions) -> Result<Self> {
        let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
        let dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
        if !dir.starts_with(&root) {
            return Err(Error::OutsideRoot {
                path: dir.display().to_string(),
                root: root.display().to_string(),
                from: "the build".into(),
            });
        }
        Ok(Self {
            dir,
            root,
            restrictions,
            file_name: String::new(),
            trace: None,
        })
    }

    /// Records what this loader and its children read into `trace`.
    pub fn with_trace(mut self, trace: Option<Trace>) -> Self {
        self.trace = trace;
        self
    }

    /// The same root and rules for another directory.
    pub fn child(&self, dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            root: self.root.clone(),
            restrictions: self.restrictions,
            file_name: String::new(),
            trace: self.trace.clone(),
        }
    }

    /// Whether reads are being recorded.
    pub fn traced(&self) -> bool {
        self.trace.is_some()
    }

    /// Whether `p` is a regular file (recorded in the trace).
    pub fn is_file(&self, p: &Path) -> bool {
        match &self.trace {
            Some(t) => t.is_file(p),
            None => p.is_file(),
        }
    }

    /// Whether `p` is a directory (recorded in the trace).
    pub fn is_dir(&self, p: &Path) -> bool {
        match &self.trace {
            Some(t) => t.is_dir(p),
            None => p.is_dir(),
        }
    }

    /// The entries of directory `p`, sorted (recorded in the trace).
    pub fn list(&self, p: &Path) -> Result<Vec<PathBuf>> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| Error::io(p, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        entries.sort();
        if let Some(t) = &self.trace {
            t.listed(p);
        }
        Ok(entries)
    }

    /// Reads a whole file, refusing one over [`MAX_INPUT_BYTES`] before it
    /// is read (the bound holds for files that grow or never end, too).
    fn read_bytes(&self, p: &Path) -> Result<Vec<u8>> {
        use std::io::Read as _;
        let limit = MAX_INPUT_BYTES as u64;
        let file = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
        let too_large = || {
            Error::Build(format!(
                "{}: larger than {MAX_INPUT_BYTES} bytes",
                self.display(p)
            ))
        };
        let len = file.metadata().map_err(|e| Error::io(p, e))?.len();
        if len > limit {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(p, e))?;
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        if let Some(t) = &self.trace {
            t.read(p, &bytes);
        }
        Ok(bytes)
    }

    /// The kustomization directory (canonical).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Records which file in the directory is the kustomization.
    pub fn set_file_name(&mut self, name: &str) {
        self.file_name = name.to_string();
    }

    /// The kustomization file's name (`kustomization.yaml` when unknown).
    pub fn file_name(&self) -> &str {
        if self.file_name.is_empty() {
            "kustomization.yaml"
        } else {
            &self.file_name
        }
    }

    /// `dir/kustomization.yaml` relative to the root, for messages.
    pub fn file_label(&self) -> String {
        let rel = self.display(&self.dir);
        let name = if self.file_name.is_empty() {
            "kustomization.yaml"
        } else {
            &self.file_name
        };
        if rel == "." {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        }
    }

    /// A path relative to the root, for messages and origins.
    pub fn display(&self, p: &Path) -> String {
        match p.strip_prefix(&self.root) {
            Ok(r) if r.as_os_str().is_empty() => ".".into(),
            Ok(r) => r.display().to_string(),
            Err(_) => p.display().to_string(),
        }
    }

    /// Resolves `rel` (named in `field`) against the kustomization directory,
    /// refusing anything outside the root — or, for files under `RootOnly`,
    /// outside the directory.
    pub fn resolve(&self, rel: &str, field: &str, is_file: bool) -> Result<PathBuf> {
        let from = format!("'{field}' in {}", self.file_label());
        if rel.is_empty() {
            return Err(Error::Build(format!("empty path in {from}")));
        }
        let joined = self.dir.join(rel);
        let lexical = normalize(&joined);
        if !lexical.starts_with(&self.root) {
            return Err(Error::OutsideRoot {
                path: rel.into(),
                root: self.root.display().to_string(),
                from,
            });
        }
        let resolved = self.real_path(&lexical);
        if let Some(t) = &self.trace {
            t.resolved(&lexical, resolved.as_ref().ok().map(PathBuf::as_path));
        }
        let real = match resolved {
            Ok(p) => p,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::Missing {
                    path: self.display(&lexical),
                    from,
                });
            }
            Err(e) => return Err(Error::io(lexical, e)),
        };
        if !real.starts_with(&self.root) {
            return Err(Error::OutsideRoot {
                path: rel.into(),
                root: self.root.display().to_string(),
                from,
            });
        }
        if is_file
            && self.restrictions == LoadRestrictions::RootOnly
            && !real.starts_with(&self.dir)
        {
            return Err(Error::OutsideRoot {
                path: rel.into(),
                root: self.dir.display().to_string(),
                from,
            });
        }
        Ok(real)
    }

    /// `lexical` (normalized, inside the root) with symlinks resolved. The
    /// directory and root are canonical already, so only the components
    /// below them are looked at, one `lstat` each; only a symlink among
    /// them needs a full canonicalization (`realpath` costs a `readlink`
    /// per component of the whole path, for every file of a build).
    fn real_path(&self, lexical: &Path) -> std::io::Result<PathBuf> {
        let base = if lexical.starts_with(&self.dir) {
            &self.dir
        } else {
            &self.root
        };
        let Ok(rest) = lexical.strip_prefix(base) else {
            return lexical.canonicalize();
        };
        let mut real = base.clone();
        for c in rest.components() {
            real.push(c);
            if std::fs::symlink_metadata(&real)?.file_type().is_symlink() {
                return lexical.canonicalize();
            }
        }
        Ok(real)
    }

    /// Reads a file named in `field`.
    pub fn read_file(&self, rel: &str, field: &str) -> Result<Vec<u8>> {
        self.read_at(rel, field).map(|(_, bytes)| bytes)
    }

    /// Resolves and reads a file, returning where it was.
    fn read_at(&self, rel: &str, field: &str) -> Result<(PathBuf, Vec<u8>)> {
        let p = self.resolve(rel, field, true)?;
        if self.is_dir(&p) {
            return Err(Error::Build(format!(
                "'{rel}' in '{field}' of {} is a directory, not a file",
                self.file_label()
            )));
        }
        let bytes = self.read_bytes(&p)?;
        Ok((p, bytes))
    }

    /// Reads a file already resolved by [`Loader::resolve`] (as a
    /// directory-or-file entry), applying the file restrictions — one
    /// resolution per file instead of three.
    pub fn read_resolved_text(&self, real: &Path, rel: &str, field: &str) -> Result<String> {
        if self.restrictions == LoadRestrictions::RootOnly && !real.starts_with(&self.dir) {
            return Err(Error::OutsideRoot {
                path: rel.into(),
                root: self.dir.display().to_string(),
                from: format!("'{field}' in {}", self.file_label()),
            });
        }
        let bytes = self.read_bytes(real)?;
        self.utf8(bytes, rel, field)
    }

    /// Reads a file named in `field` as UTF-8 text.
    pub fn read_text(&self, rel: &str, field: &str) -> Result<String> {
        self.read_text_shown(rel, field).map(|(_, text)| text)
    }

    /// [`Loader::read_text`], with the path as messages show it (relative
    /// to the root), resolving the path once.
    pub fn read_text_shown(&self, rel: &str, field: &str) -> Result<(String, String)> {
        let (p, bytes) = self.read_at(rel, field)?;
        Ok((self.display(&p), self.utf8(bytes, rel, field)?))
    }

    fn utf8(&self, bytes: Vec<u8>, rel: &str, field: &str) -> Result<String> {
        String::from_utf8(bytes).map_err(|_| {
            Error::Build(format!(
                "'{rel}' in '{field}' of {} is not UTF-8",
                self.file_label()
            ))
        })
    }
}

/// Lexically removes `.` and `..` (without touching the filesystem).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Whether a `resources:` entry names something remote (a git repository or
/// a URL), which Sluice does not fetch during a build.
pub fn is_remote(entry: &str) -> bool {
    let e = entry.trim();
    e.contains("://")
        || e.starts_with("git@")
        || e.starts_with("github.com/")
        || e.starts_with("gitlab.com/")
        || e.starts_with("bitbucket.org/")
        || e.contains("?ref=")
        || e.contains(".git//")
        || e.contains("_git/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_symlinks_out() {
        let t = tempfile::tempdir().expect("tmp");
        let root = t.path().join("root");
        std::fs::create_dir_all(root.join("app")).expect("mkdir");
        std::fs::write(root.join("app/a.yaml"), "a: 1").expect("write");
        std::fs::write(root.join("shared.yaml"), "a: 1").expect("write");
        std::fs::write(t.path().join("secret.yaml"), "a: 1").expect("write");
        std::os::unix::fs::symlink(t.path().join("secret.yaml"), root.join("app/link.yaml"))
            .expect("symlink");
        let l = Loader::new(&root.join("app"), &root, LoadRestrictions::RootOnly).expect("loader");
        assert!(l.read_file("a.yaml", "resources").is_ok());
        assert!(matches!(
            l.read_file("../../secret.yaml", "resources"),
            Err(Error::OutsideRoot { .. })
        ));
        assert!(matches!(
            l.read_file("link.yaml", "resources"),
            Err(Error::OutsideRoot { .. })
        ));
        assert!(
            matches!(
                l.read_file("../shared.yaml", "resources"),
                Err(Error::OutsideRoot { .. })
            ),
            "RootOnly"
        );
        let l = Loader::new(&root.join("app"), &root, LoadRestrictions::None).expect("loader");
        assert!(l.read_file("../shared.yaml", "resources").is_ok());
        assert!(matches!(
            l.read_file("missing.yaml", "resources"),
            Err(Error::Missing { .. })
        ));
    }

    #[test]
    fn remote_entries() {
        assert!(is_remote("https://github.com/org/repo//dir?ref=v1"));
        assert!(is_remote("github.com/org/repo/dir"));
        assert!(is_remote("git@github.com:org/repo.git"));
        assert!(!is_remote("../base"));
        assert!(!is_remote("deployment.yaml"));
    }
}

//! Artifact storage laid out as Flux's source-controller does:
//! `<root>/<kind>/<namespace>/<name>/<commit>.tar.gz`. Writes are atomic
//! (temporary file, fsync, rename, fsync of the directory) under a per-object
//! lock, so concurrent fetches of one source never corrupt it, and a failed
//! fetch leaves the previous artifact intact.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use fs4::fs_std::FileExt;

use crate::archive::HashingWriter;
use crate::error::{Error, Result};

/// How many artifacts per object are kept (the newest, as Flux's default
/// `--artifact-retention-records`).
pub const RETAINED_ARTIFACTS: usize = 2;

/// How long an artifact that is no longer current is kept at most (Flux's
/// default `--artifact-retention-ttl`).
pub const RETENTION_TTL: std::time::Duration = std::time::Duration::from_secs(60);

const RECORD_FILE: &str = "artifact.json";

/// A stored artifact, with the fields of Flux's `status.artifact`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifact {
    /// Path relative to the storage root.
    pub path: String,
    /// The revision, e.g. `main@sha1:<hex>`.
    pub revision: String,
    /// `sha256:<hex>` of the stored bytes.
    pub digest: String,
    /// Size in bytes.
    pub size: u64,
    /// RFC 3339 time the artifact was written.
    pub last_update_time: String,
}

/// What the storage remembers about an object's current artifact beyond
/// Flux's fields: the ignore rules it was built with, so a changed rule set
/// forces a rebuild even when the commit is the same.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactRecord {
    /// The artifact.
    pub artifact: Artifact,
    /// The commit id it was built from.
    pub commit: String,
    /// `spec.ignore` when it was built.
    #[serde(default)]
    pub ignore: Option<String>,
}

/// The storage root.
#[derive(Clone, Debug)]
pub struct Storage {
    root: PathBuf,
}

/// Identifies one source object's directory: kind, namespace, name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectKey {
    /// Lower-case kind, e.g. `gitrepository`.
    pub kind: String,
    /// Namespace.
    pub namespace: String,
    /// Name.
    pub name: String,
}

impl ObjectKey {
    /// A GitRepository's key.
    pub fn git_repository(namespace: &str, name: &str) -> Self {
        Self {
            kind: "gitrepository".into(),
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    fn components(&self) -> Result<[&str; 3]> {
        for c in [&self.kind, &self.namespace, &self.name] {
            if c.is_empty()
                || c == "."
                || c == ".."
                || c.contains('/')
                || c.contains('\\')
                || c.contains('\0')
            {
                return Err(Error::IllegalPath(format!(
                    "{}/{}/{}",
                    self.kind, self.namespace, self.name
                )));
            }
        }
        Ok([&self.kind, &self.namespace, &self.name])
    }
}

/// An exclusive lock on one object's directory; released on drop.
pub struct ObjectLock {
    file: File,
}

impl Drop for ObjectLock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}

impl Storage {
    /// Storage rooted at `root` (created when missing).
    pub fn new(root: impl Into<PathBuf>) -> Result<Self> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(|e| Error::storage(&root, e))?;
        Ok(Self { root })
    }

    /// The storage root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The object's directory (not created).
    pub fn object_dir(&self, key: &ObjectKey) -> Result<PathBuf> {
        let [k, ns, n] = key.components()?;
        Ok(self.root.join(k).join(ns).join(n))
    }

    /// Absolute path of an artifact's relative `path`, refusing any path
    /// that would leave the storage root.
    pub fn local_path(&self, relative: &str) -> Result<PathBuf> {
        let p = Path::new(relative);
        if p.is_absolute()
            || p.components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(Error::IllegalPath(relative.to_string()));
        }
        Ok(self.root.join(p))
    }

    /// Takes the object's lock, waiting for other writers.
    pub fn lock(&self, key: &ObjectKey) -> Result<ObjectLock> {
        let dir = self.object_dir(key)?;
        fs::create_dir_all(&dir).map_err(|e| Error::storage(&dir, e))?;
        let path = dir.join(".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::storage(&path, e))?;
        FileExt::lock_exclusive(&file).map_err(|e| Error::storage(&path, e))?;
        Ok(ObjectLock { file })
    }

    /// Writes `<commit>.tar.gz` through `write`, atomically, hashing as it
    /// goes. Before the final rename, `cancel` is checked so an abandoned
    /// (timed out) fetch never replaces the artifact. The caller holds the
    /// object's lock.
    pub fn write_artifact<T>(
        &self,
        key: &ObjectKey,
        commit: &str,
        revision: &str,
        cancel: &AtomicBool,
        write: impl FnOnce(&mut dyn Write) -> Result<T>,
    ) -> Result<(Artifact, T)> {
        let dir = self.object_dir(key)?;
        fs::create_dir_all(&dir).map_err(|e| Error::storage(&dir, e))?;
        let file_name = format!("{commit}.tar.gz");
        if file_name.contains('/') || commit.is_empty() {
            return Err(Error::IllegalPath(file_name));
        }
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{commit}."))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| Error::storage(&dir, e))?;
        let file = tmp.reopen().map_err(|e| Error::storage(tmp.path(), e))?;
        let target = dir.join(&file_name);
        let mut hw = HashingWriter::new(BufWriter::new(OutputWriter::new(file)));
        let value = match write(&mut hw) {
            Ok(value) => value,
            // The archiver names the entry it was writing; when the storage
            // itself refused the bytes (a full disk), say so instead.
            Err(e) => return Err(hw.get_ref().get_ref().failure(&target).unwrap_or(e)),
        };
        let (digest, size, buf) = hw.finish();
        let file = match buf.into_inner() {
            Ok(out) => out.into_inner(),
            Err(e) => {
                let io = std::io::Error::new(e.error().kind(), e.error().to_string());
                let failure = e.into_inner().get_ref().failure(&target);
                return Err(failure.unwrap_or_else(|| Error::storage(tmp.path(), io)));
            }
        };
        file.sync_all().map_err(|e| Error::storage(tmp.path(), e))?;
        set_mode(tmp.path(), 0o600)?;
        if cancel.load(Ordering::SeqCst) {
            return Err(Error::Archive {
                path: file_name,
                detail: "cancelled before it was stored".into(),
            });
        }
        tmp.persist(&target)
            .map_err(|e| Error::storage(&target, e.error))?;
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::storage(&dir, e))?;
        let [k, ns, n] = key.components()?;
        let artifact = Artifact {
            path: format!("{k}/{ns}/{n}/{file_name}"),
            revision: revision.to_string(),
            digest,
            size,
            last_update_time: rfc3339_now(),
        };
        Ok((artifact, value))
    }

    /// Records `record` as the object's current artifact (atomically).
    pub fn set_current(&self, key: &ObjectKey, record: &ArtifactRecord) -> Result<()> {
        let dir = self.object_dir(key)?;
        let path = dir.join(RECORD_FILE);
        let json = serde_json::to_vec_pretty(record)
            .map_err(|e| Error::storage(&path, std::io::Error::other(e)))?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| Error::storage(&dir, e))?;
        tmp.write_all(&json).map_err(|e| Error::storage(&path, e))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| Error::storage(&path, e))?;
        tmp.persist(&path)
            .map_err(|e| Error::storage(&path, e.error))?;
        Ok(())
    }

    /// The object's current artifact, if its record exists and its file is
    /// still present.
    pub fn current(&self, key: &ObjectKey) -> Result<Option<ArtifactRecord>> {
        let path = self.object_dir(key)?.join(RECORD_FILE);
        let Ok(bytes) = fs::read(&path) else {
            return Ok(None);
        };
        let Ok(record) = serde_json::from_slice::<ArtifactRecord>(&bytes) else {
            return Ok(None);
        };
        if self.local_path(&record.artifact.path)?.is_file() {
            Ok(Some(record))
        } else {
            Ok(None)
        }
    }

    /// Whether the file behind `artifact` exists and hashes to its digest.
    pub fn verify(&self, artifact: &Artifact) -> Result<bool> {
        let path = self.local_path(&artifact.path)?;
        let Ok(mut f) = File::open(&path) else {
            return Ok(false);
        };
        let mut hashing = crate::archive::HashingWriter::new(std::io::sink());
        std::io::copy(&mut f, &mut hashing).map_err(|e| Error::storage(&path, e))?;
        Ok(hashing.finish().0 == artifact.digest)
    }

    /// Removes old tarballs of the object as Flux's storage does
    /// (`GetGarbageFiles`): every one but `current` (a file name) older than
    /// [`RETENTION_TTL`], then the oldest while more than
    /// [`RETAINED_ARTIFACTS`] would be left. Returns how many were removed.
    pub fn garbage_collect(&self, key: &ObjectKey, current: &str) -> Result<usize> {
        let dir = self.object_dir(key)?;
        let Ok(read) = fs::read_dir(&dir) else {
            return Ok(0);
        };
        let now = SystemTime::now();
        let mut files: Vec<(SystemTime, PathBuf, String)> = Vec::new();
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".tar.gz") && !name.starts_with('.') {
                let t = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(SystemTime::UNIX_EPOCH);
                files.push((t, entry.path(), name));
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)));
        let expired = |t: &SystemTime| now.duration_since(*t).unwrap_or_default() > RETENTION_TTL;
        let mut garbage: Vec<&PathBuf> = files
            .iter()
            .filter(|(t, _, n)| n != current && expired(t))
            .map(|(_, p, _)| p)
            .collect();
        if files.len() - garbage.len() >= RETAINED_ARTIFACTS {
            // Flux's loop, counts and all: expired files already chosen
            // are counted again as the list grows.
            let had_expired = !garbage.is_empty();
            let mut collected = 0;
            for (_, p, n) in &files {
                if n == current || garbage.contains(&p) {
                    continue;
                }
                let left = if had_expired {
                    files.len() - collected - garbage.len()
                } else {
                    files.len() - collected
                };
                if left > RETAINED_ARTIFACTS {
                    garbage.push(p);
                    collected += 1;
                }
            }
        }
        for p in &garbage {
            fs::remove_file(p).map_err(|e| Error::storage(p, e))?;
        }
        Ok(garbage.len())
    }

    /// Removes everything stored for the object (on deletion of the source).
    pub fn remove_object(&self, key: &ObjectKey) -> Result<()> {
        let dir = self.object_dir(key)?;
        match fs::remove_dir_all(&dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::storage(&dir, e)),
        }
    }
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(|e| Error::storage(path, e))
}

/// Now as RFC 3339 UTC with seconds, without pulling in a date crate.
pub fn rfc3339_now() -> String {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    humantime::format_rfc3339_seconds(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs))
        .to_string()
}

/// The artifact file under the archiver: keeps the first error the
/// storage gave, so a full disk is reported as the storage's failure and
/// not as one of the repository's files.
struct OutputWriter {
    file: File,
    failed: Option<String>,
}

impl OutputWriter {
    fn new(file: File) -> Self {
        Self { file, failed: None }
    }

    fn into_inner(self) -> File {
        self.file
    }

    fn failure(&self, target: &Path) -> Option<Error> {
        self.failed.as_ref().map(|message| Error::Archive {
            path: target.display().to_string(),
            detail: format!("writing the artifact: {message}"),
        })
    }

    fn record<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r
            && self.failed.is_none()
            && e.kind() != std::io::ErrorKind::Interrupted
        {
            self.failed = Some(e.to_string());
        }
        r
    }
}

impl Write for OutputWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.file.write(buf);
        self.record(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.file.flush();
        self.record(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_verify_gc_and_record() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Storage::new(dir.path()).expect("storage");
        let key = ObjectKey::git_repository("default", "podinfo");
        let cancel = AtomicBool::new(false);
        let _lock = s.lock(&key).expect("lock");
        let mut names = Vec::new();
        for i in 0..4 {
            let commit = format!("{i:040}");
            let (a, ()) = s
                .write_artifact(
                    &key,
                    &commit,
                    &format!("main@sha1:{commit}"),
                    &cancel,
                    |w| {
                        w.write_all(format!("content {i}").as_bytes())
                            .map_err(|e| Error::storage("x", e))
                    },
                )
                .expect("write");
            assert!(s.verify(&a).expect("verify"));
            assert_eq!(
                a.path,
                format!("gitrepository/default/podinfo/{commit}.tar.gz")
            );
            names.push(format!("{commit}.tar.gz"));
            std::thread::sleep(std::time::Duration::from_millis(20));
            s.garbage_collect(&key, &names[i]).expect("gc");
            s.set_current(
                &key,
                &ArtifactRecord {
                    artifact: a,
                    commit,
                    ignore: None,
                },
            )
            .expect("record");
        }
        let left: Vec<_> = fs::read_dir(s.object_dir(&key).expect("dir"))
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tar.gz"))
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(left.contains(&names[3]) && left.contains(&names[2]));
        let cur = s.current(&key).expect("current").expect("some");
        assert_eq!(cur.commit, format!("{:040}", 3));
    }

    #[test]
    fn cancelled_write_keeps_the_previous_artifact() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Storage::new(dir.path()).expect("storage");
        let key = ObjectKey::git_repository("ns", "n");
        let cancel = AtomicBool::new(true);
        let r = s.write_artifact(&key, "abc", "r", &cancel, |w| {
            w.write_all(b"x").map_err(|e| Error::storage("x", e))
        });
        assert!(r.is_err());
        let files: Vec<_> = fs::read_dir(s.object_dir(&key).expect("dir"))
            .expect("ls")
            .flatten()
            .collect();
        assert!(
            files
                .iter()
                .all(|f| !f.file_name().to_string_lossy().ends_with(".tar.gz"))
        );
    }

    #[test]
    fn paths_cannot_escape() {
        let dir = tempfile::tempdir().expect("tmp");
        let s = Storage::new(dir.path()).expect("storage");
        assert!(s.local_path("../etc/passwd").is_err());
        assert!(s.local_path("/etc/passwd").is_err());
        assert!(s.object_dir(&ObjectKey::git_repository("..", "x")).is_err());
        assert!(
            s.object_dir(&ObjectKey::git_repository("a/b", "x"))
                .is_err()
        );
    }
}

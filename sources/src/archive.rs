//! Reproducible tar.gz artifacts from a git tree. Entries are sorted as a
//! depth-first lexical walk, owners, times and modes are normalised as Flux
//! does (dirs 0750, files 0600, executables 0700, uid/gid 0, mtime 0), and
//! gzip carries no name or time: one tree gives one digest on every run and
//! with either backend.
//!
//! Symlinks are resolved inside the tree: a link to a file becomes a copy of
//! that file, a link to a directory a copy of its files. Links that leave the
//! tree, dangle or loop are dropped and reported, never followed.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::ops::Bound;

use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::ignore::{IGNORE_FILE, IgnoreRules};

/// What a tree entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file.
    File {
        /// Whether git records it as executable.
        executable: bool,
    },
    /// A symbolic link; the blob holds the target path.
    Symlink,
    /// A submodule (gitlink); its content is not part of the tree.
    Submodule,
}

/// One non-directory entry of a git tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeEntry {
    /// Path relative to the root, `/`-separated.
    pub path: String,
    /// File, symlink or submodule.
    pub kind: EntryKind,
    /// Hex id of the blob (or commit for submodules).
    pub id: String,
}

/// Reads blob contents by id; each backend implements it over its object
/// database so the archiver never needs a checkout.
pub trait BlobSource {
    /// Hands the content of blob `id` to `f`, borrowed from the object
    /// database's own buffer: a 64 MB file is then held once, not twice.
    fn with_blob(&self, id: &str, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()>;

    /// The content of blob `id`, copied (for small ones: links, ignore files).
    fn blob(&self, id: &str) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.with_blob(id, &mut |data| {
            out = data.to_vec();
            Ok(())
        })?;
        Ok(out)
    }
}

/// An entry left out of the artifact, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Path in the tree.
    pub path: String,
    /// Why it was left out.
    pub reason: String,
}

/// What went into an artifact.
#[derive(Clone, Debug, Default)]
pub struct ArchiveSummary {
    /// Regular files written.
    pub files: u64,
    /// Directory entries written.
    pub dirs: u64,
    /// Bytes of file content written (before compression).
    pub content_bytes: u64,
    /// Entries left out (symlinks leaving the tree, submodules, …).
    pub skipped: Vec<Skipped>,
}

/// Writes the artifact for `entries` to `out`, excluding what `.sourceignore`
/// files in the tree and `spec_ignore` exclude. `progress` is told the count
/// of files written so far.
pub fn write_tar_gz<W: Write>(
    entries: &[TreeEntry],
    blobs: &dyn BlobSource,
    spec_ignore: Option<&str>,
    out: W,
    progress: &dyn Fn(u64),
) -> Result<ArchiveSummary> {
    let mut summary = ArchiveSummary::default();
    let files = resolve_links(entries, blobs, &mut summary.skipped)?;

    let mut ignore_files: Vec<(String, String)> = Vec::new();
    for (path, (id, _)) in &files {
        let (dir, name) = split_parent(path);
        if name == IGNORE_FILE {
            let text = String::from_utf8_lossy(&blobs.blob(id)?).into_owned();
            ignore_files.push((dir.to_string(), text));
        }
    }
    ignore_files.sort_by(|a, b| walk_order(&a.0, &b.0));
    let rules = IgnoreRules::new(&ignore_files, spec_ignore)?;

    let mut included: Vec<(&str, &(&str, bool))> = files
        .iter()
        .filter(|(p, _)| !rules.is_excluded(p, false))
        .map(|(p, v)| (p.as_ref(), v))
        .collect();
    included.sort_by(|a, b| walk_order(a.0, b.0));

    let gz = GzEncoder::new(out, Compression::default());
    let mut tar = tar::Builder::new(gz);
    let mut written_dirs = BTreeSet::new();
    for (path, (id, executable)) in included {
        let mut end = 0;
        while let Some(i) = path[end..].find('/') {
            let dir = &path[..end + i];
            if written_dirs.insert(dir.to_string()) {
                append(
                    &mut tar,
                    &format!("{dir}/"),
                    tar::EntryType::Directory,
                    0o750,
                    &[],
                )?;
                summary.dirs += 1;
            }
            end += i + 1;
        }
        let mode = if *executable { 0o700 } else { 0o600 };
        blobs.with_blob(id, &mut |data| {
            summary.content_bytes += data.len() as u64;
            append(&mut tar, path, tar::EntryType::Regular, mode, data)
        })?;
        summary.files += 1;
        progress(summary.files);
    }
    let gz = tar.into_inner().map_err(|e| archive_err("<tar>", e))?;
    let mut out = gz.finish().map_err(|e| archive_err("<gzip>", e))?;
    out.flush().map_err(|e| archive_err("<output>", e))?;
    Ok(summary)
}

fn archive_err(path: &str, e: std::io::Error) -> Error {
    Error::Archive {
        path: path.to_string(),
        detail: e.to_string(),
    }
}

fn append<W: Write>(
    tar: &mut tar::Builder<W>,
    path: &str,
    kind: tar::EntryType,
    mode: u32,
    data: &[u8],
) -> Result<()> {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_size(data.len() as u64);
    tar.append_data(&mut h, path, data)
        .map_err(|e| archive_err(path, e))
}

/// Orders paths as a depth-first walk with entries sorted by name (what Go's
/// `filepath.Walk` does): `a/b` comes before `a-c`.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

fn split_parent(path: &str) -> (&str, &str) {
    match path.rsplit_once('/') {
        Some((d, n)) => (d, n),
        None => ("", path),
    }
}

/// Normalises `base/target` lexically; `None` when it climbs out of the root.
fn join_inside(base: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = if base.is_empty() {
        Vec::new()
    } else {
        base.split('/').collect()
    };
    for c in target.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The regular files of the tree after resolving symlinks: path → (blob id,
/// executable).
/// Path → (blob id, executable), borrowing from the tree listing: a large
/// tree is held once, not copied (paths made by links are the exception).
type Files<'a> = BTreeMap<Cow<'a, str>, (&'a str, bool)>;

fn resolve_links<'a>(
    entries: &'a [TreeEntry],
    blobs: &dyn BlobSource,
    skipped: &mut Vec<Skipped>,
) -> Result<Files<'a>> {
    let mut files: Files<'a> = BTreeMap::new();
    let mut links: BTreeMap<String, String> = BTreeMap::new();
    for e in entries {
        if e.path
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
            || e.path.contains('\\')
        {
            skipped.push(Skipped {
                path: e.path.clone(),
                reason: "illegal path".into(),
            });
            continue;
        }
        match e.kind {
            EntryKind::File { executable } => {
                files.insert(Cow::Borrowed(e.path.as_str()), (e.id.as_str(), executable));
            }
            EntryKind::Symlink => {
                let target = String::from_utf8_lossy(&blobs.blob(&e.id)?).into_owned();
                links.insert(e.path.clone(), target);
            }
            EntryKind::Submodule => {
                skipped.push(Skipped {
                    path: e.path.clone(),
                    reason: "submodules are not included".into(),
                });
            }
        }
    }
    let is_dir = |files: &Files<'a>, p: &str| {
        let prefix = format!("{p}/");
        files
            .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
            .next()
            .is_some_and(|(k, _)| k.starts_with(&prefix))
    };
    // Resolve each link to a final path inside the tree, following chains.
    let resolve = |start: &str| -> std::result::Result<String, String> {
        let mut current = start.to_string();
        for _ in 0..40 {
            let target = links.get(&current).ok_or("not a link")?;
            let (dir, _) = split_parent(&current);
            // A link inside a linked directory: resolve the directory part.
            let next = join_inside(dir, target)
                .and_then(|n| rewrite_through_links(&n, &links))
                .ok_or_else(|| format!("target '{target}' is outside the source tree"))?;
            if links.contains_key(&next) {
                current = next;
                continue;
            }
            return Ok(next);
        }
        Err("too many levels of symbolic links".into())
    };
    let mut dir_links = Vec::new();
    for link in links.keys() {
        match resolve(link) {
            Ok(target) if files.contains_key(target.as_str()) => {
                let v = files[target.as_str()];
                files.insert(Cow::Owned(link.clone()), v);
            }
            Ok(target) if target.is_empty() || is_dir(&files, &target) => {
                dir_links.push((link.clone(), target))
            }
            Ok(target) => skipped.push(Skipped {
                path: link.clone(),
                reason: format!("dangling symlink to '{target}'"),
            }),
            Err(reason) => skipped.push(Skipped {
                path: link.clone(),
                reason,
            }),
        }
    }
    // Links to directories copy them; many links to a large directory must
    // not blow the artifact up.
    let limit = entries.len().saturating_mul(4).max(MAX_LINKED_FILES);
    for (link, target) in dir_links {
        if target.is_empty() || link == target || link.starts_with(&format!("{target}/")) {
            skipped.push(Skipped {
                path: link,
                reason: "symlink to an enclosing directory (loop)".into(),
            });
            continue;
        }
        let prefix = format!("{target}/");
        let copies: Vec<(Cow<'a, str>, (&'a str, bool))> = files
            .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(k, v)| (Cow::Owned(format!("{link}/{}", &k[prefix.len()..])), *v))
            .collect();
        files.extend(copies);
        if files.len() > limit {
            return Err(Error::Archive {
                path: target.clone(),
                detail: format!("symlinked directories expand the tree to more than {limit} files"),
            });
        }
    }
    Ok(files)
}

/// Directory links may add this many files (or four times the tree) at most.
const MAX_LINKED_FILES: usize = 100_000;

/// If a leading part of `path` is itself a link to a directory, substitute
/// its target (repeatedly), so `dirlink/file` resolves to `real/file`.
fn rewrite_through_links(path: &str, links: &BTreeMap<String, String>) -> Option<String> {
    let mut path = path.to_string();
    for _ in 0..40 {
        let mut changed = false;
        let mut end = 0;
        while let Some(i) = path[end..].find('/') {
            let prefix = &path[..end + i];
            if let Some(t) = links.get(prefix) {
                let (dir, _) = split_parent(prefix);
                let joined = join_inside(dir, t)?;
                path = if joined.is_empty() {
                    path[end + i + 1..].to_string()
                } else {
                    format!("{joined}/{}", &path[end + i + 1..])
                };
                changed = true;
                break;
            }
            end += i + 1;
        }
        if !changed {
            return Some(path);
        }
    }
    None
}

/// `sha256:<hex>` of `bytes`, in the form artifact digests take.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// A writer that hashes and counts what passes through, so one pass both
/// stores the artifact and computes its digest.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    written: u64,
}

impl<W: Write> HashingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            written: 0,
        }
    }

    /// The writer wrapped.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// `sha256:<hex>` of everything written, the byte count, and the writer.
    pub fn finish(self) -> (String, u64, W) {
        (
            format!("sha256:{}", hex::encode(self.hasher.finalize())),
            self.written,
            self.inner,
        )
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Mem(HashMap<String, Vec<u8>>);
    impl BlobSource for Mem {
        fn with_blob(&self, id: &str, f: &mut dyn FnMut(&[u8]) -> Result<()>) -> Result<()> {
            f(self.0.get(id).ok_or_else(|| Error::Archive {
                path: id.into(),
                detail: "missing".into(),
            })?)
        }
    }

    fn tree(items: &[(&str, EntryKind, &str)]) -> (Vec<TreeEntry>, Mem) {
        let mut m = HashMap::new();
        let mut entries = Vec::new();
        for (i, (p, k, content)) in items.iter().enumerate() {
            let id = format!("id{i}");
            m.insert(id.clone(), content.as_bytes().to_vec());
            entries.push(TreeEntry {
                path: p.to_string(),
                kind: *k,
                id,
            });
        }
        (entries, Mem(m))
    }

    fn listing(bytes: &[u8]) -> Vec<(String, u32, String)> {
        let mut a = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
        let mut out = Vec::new();
        for e in a.entries().expect("entries") {
            let mut e = e.expect("entry");
            let path = e.path().expect("path").display().to_string();
            let mode = e.header().mode().expect("mode");
            assert_eq!(e.header().mtime().expect("mtime"), 0);
            assert_eq!(e.header().uid().expect("uid"), 0);
            let mut s = String::new();
            std::io::Read::read_to_string(&mut e, &mut s).expect("read");
            out.push((path, mode, s));
        }
        out
    }

    const F: EntryKind = EntryKind::File { executable: false };
    const X: EntryKind = EntryKind::File { executable: true };
    const L: EntryKind = EntryKind::Symlink;

    #[test]
    fn reproducible_sorted_and_normalised() {
        let (e, m) = tree(&[
            ("a-c.yaml", F, "1"),
            ("a/b.yaml", F, "2"),
            ("run.sh", X, "3"),
        ]);
        let mut one = Vec::new();
        write_tar_gz(&e, &m, None, &mut one, &|_| {}).expect("archive");
        let mut reversed = e.clone();
        reversed.reverse();
        let mut two = Vec::new();
        write_tar_gz(&reversed, &m, None, &mut two, &|_| {}).expect("archive");
        assert_eq!(one, two, "input order does not matter");
        let l = listing(&one);
        let names: Vec<_> = l.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["a/", "a/b.yaml", "a-c.yaml", "run.sh"]);
        assert_eq!(l[0].1, 0o750);
        assert_eq!(l[1].1, 0o600);
        assert_eq!(l[3].1, 0o700);
    }

    #[test]
    fn symlinks_inside_are_copied_outside_are_dropped() {
        let (e, m) = tree(&[
            ("deploy/app.yaml", F, "app"),
            ("current.yaml", L, "deploy/app.yaml"),
            ("escape.yaml", L, "../../etc/passwd"),
            ("abs.yaml", L, "/etc/passwd"),
            ("dangling.yaml", L, "nope.yaml"),
            ("alias", L, "deploy"),
            ("loop", L, "."),
            ("chain.yaml", L, "current.yaml"),
            ("via/dir.yaml", L, "../alias/app.yaml"),
        ]);
        let mut out = Vec::new();
        let s = write_tar_gz(&e, &m, None, &mut out, &|_| {}).expect("archive");
        let l = listing(&out);
        let get = |p: &str| l.iter().find(|x| x.0 == p).map(|x| x.2.clone());
        assert_eq!(get("current.yaml").as_deref(), Some("app"));
        assert_eq!(get("chain.yaml").as_deref(), Some("app"));
        assert_eq!(get("alias/app.yaml").as_deref(), Some("app"));
        assert_eq!(get("via/dir.yaml").as_deref(), Some("app"));
        assert!(
            get("escape.yaml").is_none()
                && get("abs.yaml").is_none()
                && get("dangling.yaml").is_none()
        );
        let skipped: Vec<_> = s.skipped.iter().map(|k| k.path.as_str()).collect();
        assert!(
            skipped.contains(&"escape.yaml")
                && skipped.contains(&"abs.yaml")
                && skipped.contains(&"loop"),
            "{skipped:?}"
        );
    }

    #[test]
    fn sourceignore_in_the_tree_and_spec_ignore() {
        let (e, m) = tree(&[
            (".sourceignore", F, "docs/\n"),
            ("docs/a.md", F, "x"),
            ("logo.png", F, "png"),
            ("sub/.sourceignore", F, "*.txt\n"),
            ("sub/a.txt", F, "t"),
            ("b.txt", F, "t"),
            (".gitignore", F, "x"),
            ("keep.yaml", F, "k"),
        ]);
        let mut out = Vec::new();
        write_tar_gz(&e, &m, Some("keep.yaml"), &mut out, &|_| {}).expect("archive");
        let names: Vec<_> = listing(&out).into_iter().map(|x| x.0).collect();
        assert_eq!(
            names,
            [
                ".sourceignore",
                "b.txt",
                "logo.png",
                "sub/",
                "sub/.sourceignore"
            ]
        );
    }

    #[test]
    fn hashing_writer_digest() {
        let mut w = HashingWriter::new(Vec::new());
        w.write_all(b"abc").expect("write");
        let (d, n, inner) = w.finish();
        assert_eq!(
            d,
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!((n, inner.len()), (3, 3));
    }
}

//! Unpacking a source artifact: the digest is checked, entries are confined
//! to the target directory (no absolute paths, no `..`, no links), and the
//! total size is bounded.

use std::io::Read;
use std::path::{Component, Path};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The largest unpacked artifact accepted.
pub const MAX_UNPACKED_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Verifies `bytes` against `digest` (`sha256:<hex>`; other algorithms are
/// refused) and unpacks the tar.gz into `dir`.
pub fn unpack(bytes: &[u8], digest: Option<&str>, dir: &Path) -> Result<()> {
    if let Some(d) = digest {
        let want = d
            .strip_prefix("sha256:")
            .ok_or_else(|| Error::Build(format!("unsupported digest '{d}'")))?;
        let got = hex::encode(Sha256::digest(bytes));
        if got != want {
            return Err(Error::Build(format!(
                "failed to verify archive: computed digest doesn't match provided '{d}'"
            )));
        }
    }
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    let mut total = 0u64;
    for entry in archive.entries().map_err(|e| Error::io(dir, e))? {
        let mut entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path().map_err(|e| Error::io(dir, e))?.into_owned();
        if path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        }) {
            return Err(Error::Build(format!(
                "illegal path in artifact: {}",
                path.display()
            )));
        }
        let target = dir.join(&path);
        match entry.header().entry_type() {
            tar::EntryType::Directory => {
                std::fs::create_dir_all(&target).map_err(|e| Error::io(&target, e))?
            }
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                total += entry.header().size().unwrap_or(0);
                if total > MAX_UNPACKED_BYTES {
                    return Err(Error::Build(
                        "artifact is larger than the unpack limit".into(),
                    ));
                }
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                }
                let mut data = Vec::new();
                entry
                    .read_to_end(&mut data)
                    .map_err(|e| Error::io(&target, e))?;
                std::fs::write(&target, data).map_err(|e| Error::io(&target, e))?;
            }
            // Links and devices are never materialised.
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tarball(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let mut t = tar::Builder::new(gz);
        for (p, data) in entries {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o600);
            h.set_entry_type(tar::EntryType::Regular);
            // Write the name raw so that hostile names reach the reader.
            let name = h.as_old_mut().name.as_mut();
            name[..p.len()].copy_from_slice(p.as_bytes());
            h.set_cksum();
            t.append(&h, *data).expect("append");
        }
        t.into_inner().expect("tar").finish().expect("gz")
    }

    #[test]
    fn unpacks_and_checks_digest() {
        let tgz = tarball(&[("a/b.yaml", b"x: 1")]);
        let dir = tempfile::tempdir().expect("tmp");
        let digest = format!("sha256:{}", hex::encode(Sha256::digest(&tgz)));
        unpack(&tgz, Some(&digest), dir.path()).expect("unpacks");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a/b.yaml")).expect("read"),
            "x: 1"
        );
        assert!(unpack(&tgz, Some("sha256:00"), dir.path()).is_err());
    }

    #[test]
    fn refuses_traversal() {
        let tgz = tarball(&[("../evil.yaml", b"x")]);
        let dir = tempfile::tempdir().expect("tmp");
        assert!(unpack(&tgz, None, &dir.path().join("sub")).is_err());
        assert!(!dir.path().join("evil.yaml").exists());
    }
}

//! Property-driven fuzzing of the artifact unpacker on stable Rust: hostile
//! archives must never panic it nor write outside its target. CI runs a few
//! hundred cases; `tests/fuzz/run` runs a million (`SLUICE_FUZZ_CASES`). A
//! failure is shrunk by proptest and kept in `fuzz.proptest-regressions`
//! next to this file, so it is replayed first on every later run. The
//! renderer's harnesses are in `appliers/kustomize/tests/fuzz.rs`.

use std::io::Write as _;

use proptest::prelude::*;
use sluice_appliers::artifact;

fn config() -> ProptestConfig {
    let cases = std::env::var("SLUICE_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Hostile archives: any names (`..`, absolute, long), links, devices
    /// and corrupted gzip. Unpacking may fail, never panics, and nothing
    /// appears outside the target directory nor as a link inside it.
    #[test]
    fn unpacker_stays_inside(
        entries in prop::collection::vec(
            (prop::sample::select(vec![
                "a.yaml", "d/b.yaml", "../escape", "/abs", "d/../../x", "./c", "d/", "", "a/./b",
                "d/sub/deep.yaml", "..", ".",
             ]),
             0u8..6,
             prop::collection::vec(any::<u8>(), 0..64)),
            0..8),
        corrupt in prop::option::of((any::<prop::sample::Index>(), any::<u8>())),
    ) {
        let mut tar = tar::Builder::new(Vec::new());
        for (name, kind, data) in &entries {
            let mut h = tar::Header::new_gnu();
            h.set_mode(0o644);
            h.set_entry_type(match kind {
                0 | 1 => tar::EntryType::Regular,
                2 => tar::EntryType::Directory,
                3 => tar::EntryType::Symlink,
                4 => tar::EntryType::Link,
                _ => tar::EntryType::Char,
            });
            if *kind >= 3 {
                let _ = h.set_link_name("../../etc/passwd");
            }
            h.set_size(if *kind <= 1 { data.len() as u64 } else { 0 });
            // `set_path` refuses `..`; write the raw name as an attacker would.
            let raw = name.as_bytes();
            let field = &mut h.as_old_mut().name;
            let n = raw.len().min(field.len());
            field[..n].copy_from_slice(&raw[..n]);
            h.set_cksum();
            let body: &[u8] = if *kind <= 1 { data } else { &[] };
            let _ = tar.append(&h, body);
        }
        let raw = tar.into_inner().unwrap_or_default();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(&raw);
        let mut bytes = gz.finish().unwrap_or_default();
        if let (Some((i, b)), false) = (corrupt, bytes.is_empty()) {
            let at = i.index(bytes.len());
            bytes[at] ^= b;
        }
        let outer = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let target = outer.path().join("t");
        std::fs::create_dir(&target).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = artifact::unpack(&bytes, None, &target);
        let outside: Vec<_> = std::fs::read_dir(outer.path())
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .filter(|n| n != "t")
            .collect();
        prop_assert!(outside.is_empty(), "written outside: {outside:?}");
        let mut stack = vec![target];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(dir).map_err(|e| TestCaseError::fail(e.to_string()))? {
                let e = e.map_err(|e| TestCaseError::fail(e.to_string()))?;
                let t = e.file_type().map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(!t.is_symlink(), "link materialised: {:?}", e.path());
                if t.is_dir() {
                    stack.push(e.path());
                }
            }
        }
    }
}

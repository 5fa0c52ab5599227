//! The build trace is sound: whenever everything a build read still holds
//! in a changed tree, building that tree gives byte-identical output. Each
//! kustomize case and real repository is copied, then every file in it is
//! edited, removed, and a file added beside it, one change at a time; a
//! trace that still holds must mean the same build. The controller relies
//! on this to take a new revision without rebuilding (`reconcile::memo`).

use std::path::{Path, PathBuf};

use sluice_kustomize::trace::{Inputs, Trace};
use sluice_kustomize::{BuildOptions, LoadRestrictions, build_yaml};

fn traced(dir: &Path, root: &Path, lr: LoadRestrictions) -> Option<(String, Inputs)> {
    let trace = Trace::new(root);
    let opts = BuildOptions {
        root: Some(root.to_path_buf()),
        load_restrictions: lr,
        trace: Some(trace.clone()),
        ..Default::default()
    };
    build_yaml(dir, &opts).ok().map(|out| (out, trace.inputs()))
}

fn plain(dir: &Path, root: &Path, lr: LoadRestrictions) -> Result<String, String> {
    let opts = BuildOptions {
        root: Some(root.to_path_buf()),
        load_restrictions: lr,
        ..Default::default()
    };
    build_yaml(dir, &opts).map_err(|e| e.to_string())
}

/// Copies a tree, symlinks as symlinks.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .expect("read dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let ty = e.file_type().expect("file type");
        if ty.is_symlink() {
            let target = std::fs::read_link(&src).expect("read link");
            std::os::unix::fs::symlink(target, &dst).expect("symlink");
        } else if ty.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).expect("copy");
        }
    }
}

/// Every regular file under `dir`, sorted.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let ty = e.file_type().expect("file type");
        if ty.is_dir() {
            files(&e.path(), out);
        } else if ty.is_file() {
            out.push(e.path());
        }
    }
}

const ADDED: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added-by-test\n";

#[derive(Default)]
struct Tally {
    held: usize,
    broke: usize,
    unsound: Vec<String>,
}

/// Builds `rel` inside a copy of `root`, then changes the copy one file at
/// a time and checks every change the trace lets through.
fn check(label: &str, root: &Path, rel: &Path, lr: LoadRestrictions, tally: &mut Tally) {
    let tmp = tempfile::tempdir().expect("tmp");
    let copy = tmp.path().join("tree");
    copy_tree(root, &copy);
    let dir = copy.join(rel);
    let Some((want, inputs)) = traced(&dir, &copy, lr) else {
        return;
    };
    // An identical tree elsewhere (the next artifact) holds.
    let twin = tmp.path().join("twin");
    copy_tree(root, &twin);
    if !inputs.hold_in(&twin) {
        tally
            .unsound
            .push(format!("{label}: an identical copy does not hold"));
    }
    let mut all = Vec::new();
    files(&copy, &mut all);
    let verify = |what: String, tally: &mut Tally| {
        if inputs.hold_in(&copy) {
            tally.held += 1;
            let got = plain(&dir, &copy, lr);
            if got.as_ref() != Ok(&want) {
                tally.unsound.push(format!(
                    "{label}: {what} held the trace but changed the build"
                ));
            }
        } else {
            tally.broke += 1;
        }
    };
    for f in &all {
        let name = f.strip_prefix(&copy).unwrap_or(f).display().to_string();
        let original = std::fs::read(f).expect("read");
        // An edit that shows in the output wherever the file is used.
        let mut edited = original.clone();
        if f.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            edited.extend_from_slice(b"\n---\n");
            edited.extend_from_slice(ADDED.as_bytes());
        } else {
            edited.extend_from_slice(b"\nadded_by_test=1\n");
        }
        std::fs::write(f, &edited).expect("write");
        verify(format!("editing {name}"), tally);
        std::fs::remove_file(f).expect("remove");
        verify(format!("removing {name}"), tally);
        std::fs::write(f, &original).expect("restore");
        let beside = f.with_file_name("zz-added-by-test.yaml");
        if !beside.exists() {
            std::fs::write(&beside, ADDED).expect("add");
            verify(format!("adding a file beside {name}"), tally);
            std::fs::remove_file(&beside).expect("remove added");
        }
    }
}

fn fixtures() -> PathBuf {
    sluice_tests::fixtures_dir()
}

fn case_dirs(parent: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixtures().join(parent))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn restrictor(case_dir: &Path) -> LoadRestrictions {
    match std::fs::read_to_string(case_dir.join("LOAD_RESTRICTOR")) {
        Ok(s) if s.trim() == "LoadRestrictionsNone" => LoadRestrictions::None,
        _ => LoadRestrictions::RootOnly,
    }
}

#[test]
fn a_trace_that_holds_means_the_same_build() {
    let mut tally = Tally::default();
    for parent in ["kustomize", "kustomize-krusty"] {
        for case in case_dirs(parent) {
            let rel = std::fs::read_to_string(case.join("BUILD"))
                .map(|r| PathBuf::from(r.trim()))
                .unwrap_or_default();
            let label = format!(
                "{parent}/{}",
                case.file_name().unwrap_or_default().display()
            );
            check(&label, &case, &rel, restrictor(&case), &mut tally);
        }
    }
    let base = fixtures().join("real-repos");
    for repo in [
        "flux2-kustomize-helm-example",
        "gitops-flux2-kustomize-helm-mt",
        "flux2-multi-tenancy",
    ] {
        let root = base.join(repo);
        let mut all = Vec::new();
        files(&root, &mut all);
        let mut dirs: Vec<PathBuf> = all
            .iter()
            .filter(|f| f.file_name().is_some_and(|n| n == "kustomization.yaml"))
            .filter_map(|f| f.parent()?.strip_prefix(&root).ok().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        for rel in dirs {
            let label = format!("{repo}/{}", rel.display());
            check(&label, &root, &rel, LoadRestrictions::None, &mut tally);
        }
    }
    assert!(tally.unsound.is_empty(), "{}", tally.unsound.join("\n"));
    // Both answers occur: the trace is neither "always rebuild" nor blind.
    assert!(tally.held > 1000, "changes let through: {}", tally.held);
    assert!(tally.broke > 1000, "changes caught: {}", tally.broke);
    eprintln!("{} changes let through, {} caught", tally.held, tally.broke);
}

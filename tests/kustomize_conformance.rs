//! `sluice build` against kustomize itself (built by `tests/testbed tools`):
//! the output must be byte-identical; and against kustomize v5.5's recorded
//! output for the real repositories: the parsed documents must be equal, in
//! the same order. Error cases must fail in both, naming the same problem.
//! A case with a `SLUICE_DIVERGES` file is one where Sluice deliberately
//! does what Flux does instead; the file says why.

use std::path::{Path, PathBuf};
use std::process::Command;

use sluice_kustomize::{BuildOptions, LoadRestrictions, build_yaml};

fn fixtures() -> PathBuf {
    sluice_tests::fixtures_dir()
}

/// Parses a YAML stream with an independent parser, for comparison.
fn docs(text: &str) -> Vec<serde_yaml::Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| serde::Deserialize::deserialize(d).expect("valid YAML"))
        .filter(|v: &serde_yaml::Value| !v.is_null())
        .collect()
}

fn sluice(dir: &Path, root: &Path) -> Result<String, String> {
    sluice_with(dir, root, LoadRestrictions::RootOnly)
}

fn sluice_with(dir: &Path, root: &Path, lr: LoadRestrictions) -> Result<String, String> {
    let opts = BuildOptions {
        root: Some(root.to_path_buf()),
        load_restrictions: lr,
        overrides: None,
        ..Default::default()
    };
    build_yaml(dir, &opts).map_err(|e| e.to_string())
}

/// kustomize's `--load-restrictor` for a case (a `LOAD_RESTRICTOR` file).
fn restrictor(case_dir: &Path) -> LoadRestrictions {
    match std::fs::read_to_string(case_dir.join("LOAD_RESTRICTOR")) {
        Ok(s) if s.trim() == "LoadRestrictionsNone" => LoadRestrictions::None,
        _ => LoadRestrictions::RootOnly,
    }
}

fn kustomize_with(dir: &Path, lr: LoadRestrictions) -> Result<String, String> {
    let bin = sluice_tests::tools::kustomize().map_err(|e| e.to_string())?;
    let mut cmd = Command::new(bin);
    cmd.arg("build").arg(dir);
    if lr == LoadRestrictions::None {
        cmd.arg("--load-restrictor").arg("LoadRestrictionsNone");
    }
    let out = cmd.output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// A case: the directory to build and the root nothing outside of may be read.
fn case(dir: &Path) -> (PathBuf, PathBuf) {
    match std::fs::read_to_string(dir.join("BUILD")) {
        Ok(rel) => (dir.join(rel.trim()), dir.to_path_buf()),
        Err(_) => (dir.to_path_buf(), dir.to_path_buf()),
    }
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

fn compare(label: &str, dir: &Path, root: &Path, failures: &mut Vec<String>) {
    compare_with(label, dir, root, LoadRestrictions::RootOnly, failures)
}

/// Byte-for-byte: same documents, same order, same text.
fn compare_with(
    label: &str,
    dir: &Path,
    root: &Path,
    lr: LoadRestrictions,
    failures: &mut Vec<String>,
) {
    let want = kustomize_with(dir, lr);
    let got = sluice_with(dir, root, lr);
    match (want, got) {
        (Ok(w), Ok(g)) => {
            if w != g {
                failures.push(format!(
                    "{label}: output differs from kustomize\n--- kustomize\n{w}\n--- sluice\n{g}"
                ));
            }
        }
        (Err(w), Ok(_)) => failures.push(format!(
            "{label}: kustomize failed but sluice built it: {w}"
        )),
        (Ok(_), Err(g)) => failures.push(format!("{label}: sluice failed: {g}")),
        (Err(_), Err(g)) => failures.push(format!("{label}: both failed (sluice: {g})")),
    }
}

#[test]
fn feature_fixtures_match_kustomize() {
    let mut failures = Vec::new();
    let cases = case_dirs("kustomize");
    assert!(
        cases.len() >= 10,
        "fixtures/kustomize holds the feature cases"
    );
    for dir in &cases {
        let (build, root) = case(dir);
        compare(&dir.display().to_string(), &build, &root, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn krusty_cases_match_kustomize() {
    let mut failures = Vec::new();
    let cases = case_dirs("kustomize-krusty");
    assert!(
        cases.len() >= 300,
        "fixtures/kustomize-krusty holds the ported kustomize tests"
    );
    for dir in &cases {
        if dir.join("EXPECT_ERROR").exists() {
            continue;
        }
        let (build, root) = case(dir);
        compare_with(
            &dir.display().to_string(),
            &build,
            &root,
            restrictor(dir),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn real_repositories_match_kustomize_and_recorded_output() {
    let base = fixtures().join("real-repos");
    let mut failures = Vec::new();
    let mut count = 0;
    for repo in [
        "flux2-kustomize-helm-example",
        "gitops-flux2-kustomize-helm-mt",
        "flux2-multi-tenancy",
    ] {
        let root = base.join(repo);
        let mut dirs = Vec::new();
        collect_kustomizations(&root, &mut dirs);
        dirs.sort();
        for dir in dirs {
            count += 1;
            let rel = dir
                .strip_prefix(&root)
                .expect("inside")
                .display()
                .to_string();
            let expected = base
                .join("_expected")
                .join(format!("{repo}_{}__build.yaml", rel.replace('/', "_")));
            let want = std::fs::read_to_string(&expected).expect("recorded output exists");
            match sluice(&dir, &root) {
                Ok(got) => {
                    if docs(&got) != docs(&want) {
                        failures.push(format!(
                            "{repo}/{rel}: differs from kustomize v5.5's recorded output"
                        ));
                    }
                }
                Err(e) => failures.push(format!("{repo}/{rel}: {e}")),
            }
            compare(&format!("{repo}/{rel}"), &dir, &root, &mut failures);
        }
    }
    assert_eq!(count, 21, "every kustomization of the three repositories");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn collect_kustomizations(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("kustomization.yaml").is_file() {
        out.push(dir.to_path_buf());
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.path().is_dir() {
                collect_kustomizations(&e.path(), out);
            }
        }
    }
}

#[test]
fn bad_input_fails_like_kustomize_with_a_precise_error() {
    let mut failures = Vec::new();
    let mut cases = case_dirs("kustomize-errors");
    cases.extend(
        case_dirs("kustomize-krusty")
            .into_iter()
            .filter(|d| d.join("EXPECT_ERROR").exists()),
    );
    assert!(cases.len() >= 10);
    for dir in &cases {
        let (build, root) = case(dir);
        let want = std::fs::read_to_string(dir.join("EXPECT_ERROR"))
            .expect("EXPECT_ERROR")
            .trim()
            .to_string();
        let label = dir.display().to_string();
        let lr = restrictor(dir);
        if kustomize_with(&build, lr).is_ok() {
            failures.push(format!("{label}: kustomize builds it; the case is wrong"));
            continue;
        }
        if dir.join("SLUICE_DIVERGES").exists() {
            if let Err(e) = sluice_with(&build, &root, lr) {
                failures.push(format!(
                    "{label}: Sluice's deliberate behaviour failed: {e}"
                ));
            }
            continue;
        }
        match sluice_with(&build, &root, lr) {
            Ok(_) => failures.push(format!("{label}: sluice built it, kustomize refused")),
            Err(e)
                if !e.to_lowercase().contains(&want.to_lowercase())
                    && !dir.starts_with(fixtures().join("kustomize-krusty")) =>
            {
                failures.push(format!("{label}: error does not mention '{want}': {e}"))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn flux_builds_a_directory_without_kustomization_from_its_yaml_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path();
    std::fs::create_dir_all(d.join("apps/nested")).expect("mkdir");
    std::fs::create_dir_all(d.join("with-kustomization")).expect("mkdir");
    std::fs::write(
        d.join("apps/a.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    )
    .expect("write");
    std::fs::write(
        d.join("apps/nested/b.yml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
    )
    .expect("write");
    std::fs::write(d.join("notes.txt"), "not yaml").expect("write");
    std::fs::write(
        d.join("with-kustomization/kustomization.yaml"),
        "namePrefix: k-\nresources: [c.yaml]\n",
    )
    .expect("write");
    std::fs::write(
        d.join("with-kustomization/c.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
    )
    .expect("write");
    std::fs::write(
        d.join("with-kustomization/ignored.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
    )
    .expect("write");
    let out = sluice(d, d).expect("builds");
    let names: Vec<String> = docs(&out)
        .iter()
        .map(|v| v["metadata"]["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(names, vec!["a", "b", "k-c"]);
}

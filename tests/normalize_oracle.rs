//! Sluice's pre-apply normalization against Flux's own (`fluxcd/pkg/ssa`
//! `normalize.UnstructuredList`, built by `tests/testbed flux-normalize` at
//! the versions kustomize-controller v1.9.6 uses): the same objects in, the
//! same objects out. Inputs: the hand-made corpus `fixtures/normalize`
//! (edge cases of every kind family), every object kustomize builds from
//! the feature fixtures, kustomize's own test cases and the three real
//! repositories.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};
use sluice_appliers::apply::normalize::normalize;
use sluice_kustomize::{BuildOptions, LoadRestrictions, build};

/// Runs the oracle on `objects`: one result per object.
fn oracle(objects: &[Value]) -> Vec<Value> {
    let bin = sluice_tests::tools::flux_normalize().expect("oracle built");
    let mut child = Command::new(bin)
        .arg("oracle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("oracle starts");
    let input = serde_json::to_vec(objects).expect("json");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("write");
    let out = child.wait_with_output().expect("oracle runs");
    assert!(out.status.success(), "oracle failed");
    serde_json::from_slice(&out.stdout).expect("oracle prints JSON")
}

/// What Sluice does where Flux panics: the object as a custom resource.
fn passed_through(o: &Value) -> Value {
    let mut o = o.clone();
    if let Some(m) = o.as_object_mut() {
        m.remove("status");
        if let Some(md) = m.get_mut("metadata").and_then(Value::as_object_mut) {
            md.insert("creationTimestamp".into(), Value::Null);
        }
    }
    o
}

fn compare(label: &str, inputs: &[Value], failures: &mut Vec<String>) -> usize {
    let results = oracle(inputs);
    assert_eq!(results.len(), inputs.len());
    let mut typed = 0;
    for (i, (input, want)) in inputs.iter().zip(&results).enumerate() {
        let mut got = input.clone();
        normalize(&mut got);
        let expected = match want.get("object") {
            Some(o) => o.clone(),
            None => passed_through(input),
        };
        if want.get("typed") == Some(&json!(true)) {
            typed += 1;
        }
        if got != expected {
            failures.push(format!(
                "{label}[{i}] {}/{}: \n  input  {input}\n  flux   {expected}\n  sluice {got}",
                input["apiVersion"], input["kind"]
            ));
        }
    }
    typed
}

#[test]
fn the_corpus_normalizes_as_flux_does() {
    let text = std::fs::read_to_string(sluice_tests::fixtures_dir().join("normalize/cases.json"))
        .expect("corpus");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("corpus is JSON");
    let mut failures = Vec::new();
    let typed = compare("cases", &cases, &mut failures);
    assert!(typed > 40, "only {typed} cases went through a Go type");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn kustomizations(dir: &Path, out: &mut Vec<PathBuf>) {
    if ["kustomization.yaml", "kustomization.yml", "Kustomization"]
        .iter()
        .any(|n| dir.join(n).is_file())
    {
        out.push(dir.to_path_buf());
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut subs: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        subs.sort();
        for s in subs {
            kustomizations(&s, out);
        }
    }
}

#[test]
fn every_built_fixture_object_normalizes_as_flux_does() {
    let fixtures = sluice_tests::fixtures_dir();
    let mut objects = Vec::new();
    for parent in ["kustomize", "kustomize-krusty", "real-repos"] {
        let mut dirs = Vec::new();
        kustomizations(&fixtures.join(parent), &mut dirs);
        for dir in dirs {
            let root = if parent == "real-repos" {
                fixtures.join(parent)
            } else {
                dir.ancestors()
                    .find(|a| a.parent() == Some(&fixtures.join(parent)))
                    .unwrap_or(&dir)
                    .to_path_buf()
            };
            let opts = BuildOptions {
                root: Some(root),
                load_restrictions: LoadRestrictions::None,
                ..Default::default()
            };
            if let Ok(built) = build(&dir, &opts) {
                objects.extend(built);
            }
        }
    }
    assert!(objects.len() > 1000, "only {} objects built", objects.len());
    let mut failures = Vec::new();
    let typed = compare("built", &objects, &mut failures);
    eprintln!("{} objects, {typed} through a Go type", objects.len());
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        objects.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

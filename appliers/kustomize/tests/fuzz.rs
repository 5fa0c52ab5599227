//! Property-driven fuzzing of the renderer on stable Rust: the YAML reader
//! and emitter, the kustomization parser, strategic merge and JSON 6902
//! patches take generated hostile input and must never panic, and must keep
//! their invariants. CI runs a few hundred cases per harness;
//! `tests/fuzz/run` runs a million (`SLUICE_FUZZ_CASES`). A failure is
//! shrunk by proptest and kept in `fuzz.proptest-regressions` next to this
//! file, so it is replayed first on every later run.

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use sluice_kustomize::manifest;
use sluice_kustomize::patch::{json6902, strategic};
use sluice_kustomize::types::Kustomization;

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

/// Text made of YAML's syntax: indentation, indicators, anchors and aliases,
/// tags, quotes, block scalars, document markers and plain words, so the
/// parser's deep paths are reached far more often than by random bytes.
fn yaml_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("\n".to_string()),
        Just("  ".to_string()),
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("? ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("&b ".to_string()),
        Just("*b".to_string()),
        Just("<<: ".to_string()),
        Just("!!str ".to_string()),
        Just("!!int ".to_string()),
        Just("!custom ".to_string()),
        Just("|".to_string()),
        Just(">-".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\\".to_string()),
        Just("#".to_string()),
        Just("---\n".to_string()),
        Just("...\n".to_string()),
        Just("%YAML 1.2\n".to_string()),
        Just("\t".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{85}".to_string()),
        prop::sample::select(vec![
            "0644",
            "1_000",
            "0x1F",
            "-0o17",
            "1e3",
            ".5",
            ".inf",
            "-.Inf",
            ".nan",
            "~",
            "null",
            "true",
            "yes",
            "on",
            "2001-12-14",
            "2001-12-14t21:59:43.10-05:00",
            "+1",
            "0b101",
            "1.0",
            "-0",
            "9223372036854775808",
            "apiVersion",
            "kind",
            "metadata",
            "name",
        ])
        .prop_map(str::to_string),
        "[a-z0-9_.-]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(token, 0..64).prop_map(|t| t.concat())
}

/// JSON values shaped like Kubernetes objects: the keys strategic merge and
/// patches care about, nested lists of named items, directives.
fn k8s_value(depth: u32) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        prop::sample::select(vec![
            "a", "b", "nginx", "replace", "delete", "merge", "80", ""
        ])
        .prop_map(|s| json!(s)),
    ];
    let key = prop::sample::select(vec![
        "name",
        "containers",
        "initContainers",
        "ports",
        "containerPort",
        "env",
        "value",
        "args",
        "volumes",
        "spec",
        "template",
        "metadata",
        "labels",
        "finalizers",
        "$patch",
        "$retainKeys",
        "$setElementOrder/containers",
        "$deleteFromPrimitiveList/args",
        "$setElementOrder/ports",
        "image",
        "x",
    ]);
    leaf.prop_recursive(depth, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.into(), v)).collect())),
        ]
    })
}

fn object(kind: &'static str, api: &'static str) -> impl Strategy<Value = Map<String, Value>> {
    k8s_value(5).prop_map(move |spec| {
        let mut m = Map::new();
        m.insert("apiVersion".into(), json!(api));
        m.insert("kind".into(), json!(kind));
        m.insert("metadata".into(), json!({"name": "x"}));
        m.insert("spec".into(), spec);
        m
    })
}

fn any_object() -> impl Strategy<Value = Map<String, Value>> {
    prop_oneof![
        object("Deployment", "apps/v1"),
        object("Service", "v1"),
        object("Gizmo", "example.com/v1"),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Any text: an error or documents, never a panic; what was read is
    /// written back and read again unchanged.
    #[test]
    fn yaml_reader_and_emitter_round_trip(text in yaml_soup()) {
        if let Ok(docs) = manifest::parse_documents(&text, "fuzz.yaml") {
            for d in docs.iter().filter(|d| d.is_object()) {
                let y = manifest::to_yaml(d);
                // Integral floats print as integers (as in Go), so the
                // text, not the number type, is what must be stable.
                let back = manifest::parse_document(&y, "emitted.yaml");
                prop_assert!(back.is_ok(), "emitted YAML does not parse: {y:?}: {back:?}");
                let again = back.as_ref().map(manifest::to_yaml).ok();
                prop_assert_eq!(again.as_deref(), Some(y.as_str()), "round trip of {:?}", text);
            }
        }
    }

    /// Generated objects survive a write and a read (the emitter's quoting
    /// keeps every string a string and every number a number).
    #[test]
    fn emitted_objects_read_back(o in any_object()) {
        let v = Value::Object(o);
        let y = manifest::to_yaml(&v);
        let back = manifest::parse_document(&y, "emitted.yaml");
        prop_assert_eq!(back.ok(), Some(v), "via {:?}", y);
    }

    /// Arbitrary bytes, valid UTF-8 or not, never panic the reader.
    #[test]
    fn yaml_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = manifest::parse_documents(&text, "bytes.yaml");
    }

    /// A kustomization file of any shape: parsed or refused with the file
    /// named, never a panic.
    #[test]
    fn kustomization_parser_never_panics(text in yaml_soup(), fields in k8s_value(3)) {
        if let Err(e) = Kustomization::parse(&text, "kustomization.yaml") {
            prop_assert!(e.to_string().contains("kustomization.yaml"), "{e}");
        }
        let mut doc = Map::new();
        for (i, key) in ["resources", "patches", "images", "replicas", "namespace", "namePrefix",
                         "labels", "commonLabels", "configMapGenerator", "replacements", "components"]
            .iter()
            .enumerate()
        {
            if i % 2 == 0 || fields.is_object() {
                doc.insert((*key).into(), fields.clone());
            }
        }
        let y = manifest::to_yaml(&Value::Object(doc));
        let _ = Kustomization::parse(&y, "kustomization.yaml");
    }

    /// Strategic merge of any patch into any object: a result or an error;
    /// a patch that names the object and changes nothing changes nothing.
    #[test]
    fn strategic_merge_never_panics(o in any_object(), p in any_object(), extra in k8s_value(4)) {
        let _ = strategic::merge_object(&o, &p);
        let mut p2 = p.clone();
        p2.insert("status".into(), extra);
        let _ = strategic::merge_object(&o, &p2);
        let mut same = Map::new();
        for k in ["apiVersion", "kind", "metadata"] {
            if let Some(v) = o.get(k) {
                same.insert(k.into(), v.clone());
            }
        }
        let merged = strategic::merge_object(&o, &same);
        prop_assert!(matches!(merged, Ok(Some(ref m)) if *m == o), "{merged:?}");
    }

    /// JSON 6902: any operation list on any document is applied or refused;
    /// an `add` is visible to a following `test`.
    #[test]
    fn json6902_never_panics(
        doc in k8s_value(4),
        ops in prop::collection::vec(
            (prop::sample::select(vec!["add", "remove", "replace", "move", "copy", "test", "bogus"]),
             "(/[a-z0-9~\\-]{0,6}){0,4}",
             "(/[a-z0-9~\\-]{0,6}){0,4}",
             k8s_value(2)),
            0..5),
        value in k8s_value(2),
    ) {
        let list: Vec<Value> = ops.iter().map(|(op, path, from, v)| {
            json!({"op": op, "path": path, "from": from, "value": v})
        }).collect();
        let text = serde_json::to_string(&list).unwrap_or_default();
        if let Ok(parsed) = json6902::parse(&text, "patch.json") {
            let mut d = doc.clone();
            let _ = json6902::apply(&mut d, &parsed);
        }
        let _ = json6902::parse(&manifest::to_yaml(&Value::Array(list)), "patch.yaml");
        if doc.is_object() {
            let add = json!([{"op": "add", "path": "/fuzz", "value": value},
                             {"op": "test", "path": "/fuzz", "value": value}]).to_string();
            let parsed = json6902::parse(&add, "add.json");
            prop_assert!(parsed.is_ok(), "{parsed:?}");
            let mut d = doc.clone();
            let applied = json6902::apply(&mut d, &parsed.unwrap_or_default());
            prop_assert!(applied.is_ok(), "{applied:?}");
        }
    }

}

//! The YAML seam: manifests in, manifests out.
//!
//! Reading uses an event parser and resolves plain scalars exactly as go-yaml
//! v3 (which kustomize and the Kubernetes tooling use) does: `0644` is the
//! octal integer 420, `1_000` is 1000, `yes` stays a string, timestamps stay
//! strings. Anchors, aliases and `<<` merge keys are expanded; duplicate keys
//! are an error. Writing produces what `kustomize build` prints: keys sorted
//! at every level, go-yaml v2's quoting, `---` between documents.
//!
//! [`parse`] builds values from the parser's events, [`scalar`] holds
//! go-yaml's rules for what a plain scalar means, [`emit`] prints.

mod emit;
mod parse;
mod scalar;

pub use emit::{to_yaml, to_yaml_stream};
pub use parse::{
    MAX_DEPTH, MAX_INPUT_BYTES, parse_document, parse_document_lenient, parse_documents,
    parse_documents_with_empty_nulls,
};

#[cfg(test)]
mod tests {
    use super::emit::{key_order, sorted};
    use super::scalar::go_timestamp;
    use super::*;
    use serde_json::{Map, Value, json};

    #[test]
    fn empty_fields_are_told_from_written_nulls() {
        let docs = parse_documents_with_empty_nulls(
            "a:\nb: null\nc: ~\nd:\n  e/f:\n  g~:\nh:\n- i:\n- j: {k: }\n---\nx: ''\ny: !!null\n",
            "t",
        )
        .expect("parses");
        assert_eq!(
            docs[0].1,
            ["/a", "/d/e~1f", "/d/g~0", "/h/0/i", "/h/1/j/k"],
            "written nulls, keys and items are not empty fields"
        );
        assert!(docs[1].1.is_empty(), "'' is a string, !!null is tagged");
        assert_eq!(docs[0].0["b"], Value::Null);
    }

    #[test]
    fn go_yaml_v3_scalars() {
        let v = parse_document(
            "a: 0644\nb: '0644'\nc: 1_000\nd: 0x1F\ne: yes\nf: 2001-12-14\ng: 1.5\nh: .5\ni: ~\nj: -0o17\nk: 1e3\nl: \"true\"\nm: 08\n",
            "t",
        )
        .expect("parses");
        assert_eq!(
            v,
            json!({"a": 420, "b": "0644", "c": 1000, "d": 31, "e": "yes", "f": "2001-12-14T00:00:00Z", "g": 1.5, "h": 0.5,
                   "i": null, "j": -15, "k": 1000.0, "l": "true", "m": 8.0})
        );
    }

    #[test]
    fn annotations_keep_the_scalar_text_and_aliases_elsewhere_the_value() {
        let v = parse_document(
            "metadata:\n  annotations:\n    a: &m 0644\n    b: ~\n    c: *m\n    d:\n  labels:\n    l: 0644\ndata:\n  x: *m\n  y: 0644\nspec:\n  metadata:\n    annotations:\n      n: 0644\n",
            "t",
        )
        .expect("parses");
        assert_eq!(
            v["metadata"],
            json!({"annotations": {"a": "0644", "b": "~", "c": "0644", "d": ""}, "labels": {"l": 420}})
        );
        assert_eq!(v["data"], json!({"x": 420, "y": 420}));
        // Only an object's own annotations (a pod template's are typed).
        assert_eq!(v["spec"]["metadata"]["annotations"]["n"], json!(420));
        let list = parse_document(
            "kind: List\nitems:\n- metadata:\n    annotations:\n      a: 0644\n",
            "t",
        )
        .expect("parses");
        assert_eq!(
            list["items"][0]["metadata"]["annotations"]["a"],
            json!("0644")
        );
    }

    #[test]
    fn a_block_scalar_at_the_end_without_a_final_break_has_none() {
        let at_end = |t: &str| parse_document(t, "t").expect("parses")["a"].clone();
        assert_eq!(at_end("a: |\n  x\n  y"), json!("x\ny"));
        assert_eq!(at_end("a: |\n  x\n  y\n"), json!("x\ny\n"));
        assert_eq!(at_end("a: >\n  x\n  y"), json!("x y"));
        assert_eq!(at_end("a: |+\n  x"), json!("x"));
        assert_eq!(at_end("a: |\n  x\n  y  "), json!("x\ny  "));
        assert_eq!(at_end("a: |\n  x\nb: 1"), json!("x\n"));
        let v = parse_documents("a: |\n  x\n---\na: |\n  y", "t").expect("parses");
        assert_eq!(
            (v[0]["a"].clone(), v[1]["a"].clone()),
            (json!("x\n"), json!("y"))
        );
    }

    #[test]
    fn surrogate_escapes_are_refused_as_go_yaml_refuses_them() {
        let e = parse_document("k: \"\\ud83d\\ude00\"\n", "f.yaml").expect_err("refused");
        assert!(
            e.to_string().contains("invalid Unicode character escape"),
            "{e}"
        );
        let fine = parse_document("k: \"\\U0001F600 \\\\ud83d\"\n", "f.yaml").expect("parses");
        assert_eq!(fine["k"], json!("\u{1F600} \\ud83d"));
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let v = parse_document(
            "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nlist: [*b]\n",
            "t",
        )
        .expect("parses");
        assert_eq!(v["other"], json!({"x": 1, "y": 3}));
        assert_eq!(v["list"][0], json!({"x": 1, "y": 2}));
    }

    /// Billion laughs: nine levels of ten aliases each.
    fn alias_bomb(levels: usize) -> String {
        let mut y = String::from("a0: &a0 [lol]\n");
        for i in 1..=levels {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            y.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        y
    }

    #[test]
    fn alias_bombs_are_refused_before_they_expand() {
        let e = parse_documents(&alias_bomb(9), "bomb.yaml").expect_err("bomb");
        let msg = e.to_string();
        assert!(msg.starts_with("bomb.yaml: line 6"), "{msg}");
        assert!(msg.contains("excessive aliasing"), "{msg}");
        // Four levels (46,906 nodes copied by aliases and anchors) are fine.
        let v = parse_document(&alias_bomb(4), "ok.yaml").expect("small fan-out");
        assert_eq!(v["a4"][9][9][9][9], json!(["lol"]));
    }

    #[test]
    fn aliases_in_large_documents_scale_with_the_document() {
        // 20,000 objects each using a 12-node anchor twice: 480,000 alias nodes,
        // past the floor but within ten per written node.
        let mut y = String::from(
            "defaults: &d {a: 1, b: 2, c: 3, d: 4, e: 5, f: [1, 2, 3, 4, 5]}\nitems:\n",
        );
        for i in 0..20_000 {
            y.push_str(&format!("- {{<<: *d, name: n{i}, x: *d}}\n"));
        }
        let v = parse_document(&y, "big.yaml").expect("proportionate aliasing");
        assert_eq!(v["items"][19_999]["x"]["f"][4], json!(5));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
            let y = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
            let e = parse_documents(&y, "deep.yaml").expect_err("too deep");
            assert!(e.to_string().contains("deeper than 255 levels"), "{e}");
        }
        let ok = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        parse_documents(&ok, "ok.yaml").expect("200 levels");
        // An alias cannot smuggle depth past the bound.
        let half = format!("a: &x {}1{}\nb: ", "[".repeat(150), "]".repeat(150));
        let y = format!("{half}{}*x{}", "[".repeat(150), "]".repeat(150));
        let e = parse_documents(&y, "alias.yaml").expect_err("too deep via alias");
        assert!(e.to_string().contains("deeper than 255 levels"), "{e}");
    }

    #[test]
    fn duplicate_keys_and_bad_yaml_name_the_file() {
        let e = parse_document("a: 1\na: 2\n", "dir/x.yaml").expect_err("dup");
        assert!(e.to_string().starts_with("dir/x.yaml: line 2"), "{e}");
        let e = parse_documents("a: [1, 2\n", "bad.yaml").expect_err("unclosed");
        assert!(e.to_string().starts_with("bad.yaml:"), "{e}");
    }

    #[test]
    fn documents_and_empties() {
        let d = parse_documents("---\na: 1\n---\n---\n# c\n---\nb: 2\n", "t").expect("parses");
        assert_eq!(d, vec![json!({"a": 1}), json!({"b": 2})]);
    }

    #[test]
    fn inconsistent_key_sets_sort_without_panicking() {
        let keys: Vec<String> = (0..200u32)
            .map(|i| format!("{:08x}{}", i.wrapping_mul(2_654_435_761), i % 7))
            .collect();
        let m: Map<String, Value> = keys.iter().map(|k| (k.clone(), Value::Null)).collect();
        assert_eq!(sorted(&m).len(), 200);
    }

    #[test]
    fn timestamps_decode_as_go_yaml_v3_and_print_as_json_times() {
        assert_eq!(
            go_timestamp("2024-01-15").as_deref(),
            Some("2024-01-15T00:00:00Z")
        );
        assert_eq!(
            go_timestamp("2024-1-5 10:30:00").as_deref(),
            Some("2024-01-05T10:30:00Z")
        );
        assert_eq!(
            go_timestamp("2001-12-14t21:59:43.10-05:00").as_deref(),
            Some("2001-12-14T21:59:43.1-05:00")
        );
        assert_eq!(go_timestamp("2001-12-14 21:59:43.10 -5"), None);
        assert_eq!(go_timestamp("2024-13-01"), None);
        let v = parse_document("d: 2024-01-15\ns: \"2024-01-15\"\n", "t").expect("parse");
        assert_eq!(v["d"], "2024-01-15T00:00:00Z");
        assert_eq!(v["s"], "2024-01-15");
    }

    #[test]
    fn characters_beyond_the_bmp_are_escaped_as_go_yaml_does() {
        assert_eq!(
            to_yaml(&json!({"a": "\u{1F680} rocket", "b": "\u{2728} hi", "c": "a\u{7}"})),
            "a: \"\\U0001F680 rocket\"\nb: \u{2728} hi\nc: \"a\\a\"\n"
        );
    }

    #[test]
    fn block_scalars_as_go_yaml() {
        assert_eq!(to_yaml(&json!({"a": "\n"})), "a: |2+\n\n");
        assert_eq!(to_yaml(&json!({"a": "x\ty\nz\n"})), "a: \"x\\ty\\nz\\n\"\n");
    }

    #[test]
    fn keys_sort_as_go_yaml_v2() {
        let mut keys = vec!["ANOTHER_ENV", "A_FIRST_ENV", "b", "a10", "a9", "B", "a"];
        keys.sort_by(|a, b| key_order(a, b));
        assert_eq!(
            keys,
            vec!["A_FIRST_ENV", "ANOTHER_ENV", "B", "a", "a9", "a10", "b"]
        );
    }

    #[test]
    fn writes_like_kustomize() {
        let v = json!({"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "x", "labels": {}},
            "data": {"a": "true", "b": "0644", "c": "hello: world", "d": "line1\nline2\n", "e": "", "f": "*.x",
                     "g": "plain text", "h": "- item", "num": 1.0, "m": 0.25, "l": [], "z": [{"k": "v", "a": [1]}]}});
        let y = to_yaml(&v);
        let expected = "apiVersion: v1\ndata:\n  a: \"true\"\n  b: \"0644\"\n  c: 'hello: world'\n  d: |\n    line1\n    line2\n  e: \"\"\n  f: '*.x'\n  g: plain text\n  h: '- item'\n  l: []\n  m: 0.25\n  num: 1\n  z:\n  - a:\n    - 1\n    k: v\nkind: ConfigMap\nmetadata:\n  labels: {}\n  name: x\n";
        assert_eq!(y, expected);
        let back = parse_document(&y, "t").expect("round trip");
        assert_eq!(back["data"]["d"], json!("line1\nline2\n"));
        assert_eq!(back["data"]["b"], json!("0644"));
    }
}

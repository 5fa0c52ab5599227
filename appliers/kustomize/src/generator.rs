//! `configMapGenerator` and `secretGenerator`: key/value sources (env
//! files, literals, files), the content hash kustomize appends to generated
//! names, and base64 as kustomize writes it.

use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::loader::Loader;
use super::resource::{Behavior, Resource};
use super::types::{GeneratorArgs, GeneratorOptions};
use crate::error::{Error, Result};

/// Builds one generated ConfigMap (`secret == false`) or Secret.
pub fn generate(
    args: &GeneratorArgs,
    global: Option<&GeneratorOptions>,
    secret: bool,
    ldr: &Loader,
) -> Result<Resource> {
    let what = if secret {
        "secretGenerator"
    } else {
        "configMapGenerator"
    };
    let ctx = |e: Error| e.context(format!("{}: {what} '{}'", ldr.file_label(), args.name));
    if args.name.is_empty() {
        return Err(ctx(Error::Build("a configmap must have a name".into())));
    }
    let behavior = Behavior::parse(&args.behavior);
    let pairs = load_pairs(args, ldr).map_err(ctx)?;
    let mut seen = std::collections::HashSet::new();
    for (k, _) in &pairs {
        if !seen.insert(k.clone()) {
            return Err(ctx(Error::Build(format!(
                "configmap {} illegally repeats the key `{k}`",
                args.name
            ))));
        }
    }
    let mut sorted = pairs;
    sorted.sort_by(|a, b| a.0.cmp(&b.0));

    let mut obj = Map::new();
    obj.insert("apiVersion".into(), Value::String("v1".into()));
    obj.insert(
        "kind".into(),
        Value::String(if secret { "Secret" } else { "ConfigMap" }.into()),
    );
    let mut md = Map::new();
    md.insert("name".into(), Value::String(args.name.clone()));
    if !args.namespace.is_empty() {
        md.insert("namespace".into(), Value::String(args.namespace.clone()));
    }
    obj.insert("metadata".into(), Value::Object(md));
    if secret {
        let t = if args.type_.is_empty() {
            "Opaque"
        } else {
            &args.type_
        };
        obj.insert("type".into(), Value::String(t.into()));
        let data: Map<String, Value> = sorted
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(encode_base64(v))))
            .collect();
        obj.insert("data".into(), Value::Object(data));
    } else {
        let mut data = Map::new();
        let mut binary = Map::new();
        for (k, v) in &sorted {
            match std::str::from_utf8(v) {
                Ok(s) => data.insert(k.clone(), Value::String(s.to_string())),
                Err(_) => binary.insert(k.clone(), Value::String(encode_base64(v))),
            };
        }
        if !data.is_empty() {
            obj.insert("data".into(), Value::Object(data));
        }
        if !binary.is_empty() {
            obj.insert("binaryData".into(), Value::Object(binary));
        }
    }
    let opts = GeneratorOptions::merged(args.options.as_ref(), global);
    let mut r = Resource::from_map(obj);
    if !opts.labels.is_empty() {
        r.set_string_map(
            "labels",
            opts.labels
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        );
    }
    if !opts.annotations.is_empty() {
        r.set_string_map(
            "annotations",
            opts.annotations
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        );
    }
    if opts.immutable {
        r.obj.insert("immutable".into(), Value::Bool(true));
    }
    r.needs_hash = !opts.disable_name_suffix_hash;
    r.behavior = behavior;
    Ok(r)
}

/// Key/value pairs in kustomize's order: env files, then literals, then files.
fn load_pairs(args: &GeneratorArgs, ldr: &Loader) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for env in &args.envs {
        let bytes = ldr.read_file(env, "envs")?;
        out.extend(
            parse_env_file(&bytes).map_err(|e| Error::Build(format!("env file '{env}': {e}")))?,
        );
    }
    for lit in &args.literals {
        out.push(parse_literal(lit)?);
    }
    for src in &args.files {
        let (key, path) = parse_file_source(src)?;
        out.push((key, ldr.read_file(&path, "files")?));
    }
    Ok(out)
}

/// kustomize's env-file rules: `KEY=value` per line, leading whitespace
/// trimmed, `#` comments, no quote removal, `KEY` alone means empty.
pub fn parse_env_file(content: &[u8]) -> std::result::Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let content = content
        .strip_prefix(&[0xEF, 0xBB, 0xBF][..])
        .unwrap_or(content);
    for (n, raw) in content.split(|b| *b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = std::str::from_utf8(raw)
            .map_err(|_| format!("line {} has invalid utf8 bytes", n + 1))?;
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('=') {
            Some((k, v)) => out.push((k.to_string(), v.as_bytes().to_vec())),
            None => out.push((line.to_string(), Vec::new())),
        }
    }
    Ok(out)
}

/// `key=value`, one surrounding pair of matching quotes removed.
pub fn parse_literal(src: &str) -> Result<(String, Vec<u8>)> {
    match src.split_once('=') {
        Some((k, v)) if !k.is_empty() => {
            let b = v.as_bytes();
            let v = if b.len() >= 2 && b[0] == b[b.len() - 1] && (b[0] == b'"' || b[0] == b'\'') {
                &v[1..v.len() - 1]
            } else {
                v
            };
            Ok((k.to_string(), v.as_bytes().to_vec()))
        }
        _ => Err(Error::Build(format!(
            "invalid literal source {src}, expected key=value"
        ))),
    }
}

/// `path` (key = base name) or `key=path`.
pub fn parse_file_source(src: &str) -> Result<(String, String)> {
    match src.matches('=').count() {
        0 => {
            let base = src.trim_end_matches('/').rsplit('/').next().unwrap_or(src);
            Ok((base.to_string(), src.to_string()))
        }
        1 => match src.split_once('=') {
            Some(("", p)) => Err(Error::Build(format!(
                "missing key name for file path \"{p}\" in source \"{src}\""
            ))),
            Some((k, "")) => Err(Error::Build(format!(
                "missing file path for key name \"{k}\" in source \"{src}\""
            ))),
            Some((k, p)) => Ok((k.to_string(), p.to_string())),
            None => Err(Error::Build(format!("invalid file source {src}"))),
        },
        _ => Err(Error::Build(format!(
            "source \"{src}\" key name or file path contains '='"
        ))),
    }
}

/// Base64 as kustomize writes generated data: 70-column lines, each ended
/// by a newline once the text needs more than one line.
pub fn encode_base64(data: &[u8]) -> String {
    let enc = base64::engine::general_purpose::STANDARD.encode(data);
    if enc.len() < 70 {
        return enc;
    }
    let mut out = String::with_capacity(enc.len() + enc.len() / 70 + 1);
    for chunk in enc.as_bytes().chunks(70) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The 10-character suffix kustomize appends to a generated name: sha256 of
/// the JSON of `{data, kind, name: "", …}` with sorted keys, letters that
/// could spell words swapped out.
pub fn content_hash(r: &Resource) -> Result<String> {
    let kind = r.kind();
    let mut m = std::collections::BTreeMap::new();
    let field = |name: &str| -> Value {
        match r.obj.get(name) {
            None | Some(Value::Null) => Value::String(String::new()),
            Some(v) => v.clone(),
        }
    };
    m.insert("kind", Value::String(kind.to_string()));
    m.insert("name", Value::String(String::new()));
    m.insert("data", field("data"));
    match kind {
        "ConfigMap" => {
            if let Some(v @ Value::Object(_)) = r.obj.get("binaryData") {
                m.insert("binaryData", v.clone());
            }
        }
        "Secret" => {
            m.insert("type", field("type"));
            if let Some(v @ Value::Object(_)) = r.obj.get("stringData") {
                m.insert("stringData", v.clone());
            }
        }
        _ => {
            return Err(Error::Build(format!(
                "cannot compute a name hash for kind {kind}"
            )));
        }
    }
    let json = go_json(&Value::Object(
        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    ));
    let digest = hex::encode(Sha256::digest(json.as_bytes()));
    Ok(digest[..10]
        .chars()
        .map(|c| match c {
            '0' => 'g',
            '1' => 'h',
            '3' => 'k',
            'a' => 'm',
            'e' => 't',
            c => c,
        })
        .collect())
}

/// Go's encoding/json output: sorted keys, no spaces, HTML-safe escapes.
fn go_json(v: &Value) -> String {
    let mut out = String::new();
    write_go_json(&mut out, v);
    out
}

fn write_go_json(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                if f.fract() == 0.0 && f.abs() < 1e21 {
                    out.push_str(&format!("{f:.0}"));
                } else {
                    out.push_str(&f.to_string());
                }
            } else {
                out.push_str(&n.to_string());
            }
        }
        Value::String(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    '<' => out.push_str("\\u003c"),
                    '>' => out.push_str("\\u003e"),
                    '&' => out.push_str("\\u0026"),
                    '\u{2028}' => out.push_str("\\u2028"),
                    '\u{2029}' => out.push_str("\\u2029"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(out, &Value::String(k.clone()));
                out.push(':');
                write_go_json(out, &m[k]);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn hash_of(v: Value) -> String {
        content_hash(&Resource::new(v, "t").expect("res")).expect("hash")
    }

    #[test]
    fn hashes_match_kustomize() {
        // Expected values from kustomize's own tests.
        assert_eq!(
            hash_of(
                json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "bob"},
                "data": {"crisis": "true", "fruit": "Indian Gooseberry", "year": "2020"}})
            ),
            "79t79mt227"
        );
        assert_eq!(
            hash_of(
                json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"TEST": "this is a 'test'"}})
            ),
            "k9cc55dfm5"
        );
        assert_eq!(
            hash_of(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}})),
            "6ct58987ht"
        );
        assert_eq!(
            hash_of(
                json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "x"}, "type": "Opaque",
                "data": {"password": "c29tZXB3", "proxy": "aGFwcm94eQ==", "username": "YWRtaW4="}})
            ),
            "k2k4692t9g"
        );
        assert_eq!(
            hash_of(
                json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "x"}, "type": "my-type"})
            ),
            "5gmgkf8578"
        );
    }

    #[test]
    fn env_files_literals_and_file_sources() {
        let pairs =
            parse_env_file(b"\xEF\xBB\xBF# c\nA=1\n  B = x # y\nC\r\n\nD=\"q\"\n").expect("env");
        let s: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k, String::from_utf8(v).expect("utf8")))
            .collect();
        assert_eq!(
            s,
            vec![
                ("A".into(), "1".into()),
                ("B ".into(), " x # y".into()),
                ("C".into(), "".into()),
                ("D".into(), "\"q\"".into())
            ]
        );
        assert_eq!(
            parse_literal("c=\"Hello World\"").expect("lit").1,
            b"Hello World"
        );
        assert_eq!(parse_literal("TEST='").expect("lit").1, b"'");
        assert!(parse_literal("=x").is_err() && parse_literal("nokey").is_err());
        assert_eq!(
            parse_file_source("./path/myfile").expect("src"),
            ("myfile".into(), "./path/myfile".into())
        );
        assert_eq!(
            parse_file_source("k=a.txt").expect("src"),
            ("k".into(), "a.txt".into())
        );
        assert!(parse_file_source("=a").is_err() && parse_file_source("a=b=c").is_err());
    }

    #[test]
    fn base64_wraps_long_values() {
        assert_eq!(encode_base64(b"admin"), "YWRtaW4=");
        let long = encode_base64(&[b'x'; 60]);
        assert!(long.ends_with('\n') && long.lines().all(|l| l.len() <= 70));
    }
}

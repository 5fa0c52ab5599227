//! RFC 6902 JSON patches through the `json-patch` crate, with the few
//! liberties of the library kustomize uses (evanphx/json-patch v4):
//! negative array indices count from the end, `replace` of a missing object
//! key adds it, and `test` of a missing path against `null` passes.

use json_patch::PatchOperation;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::manifest;

/// Parses patch text: a JSON array, or YAML listing operations.
pub fn parse(text: &str, source: &str) -> Result<Vec<PatchOperation>> {
    let trimmed = text.trim_start();
    let mut v: Value = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed)
            .map_err(|e| Error::Build(format!("{source}: invalid JSON patch: {e}")))?
    } else {
        manifest::parse_documents(text, source)?
            .into_iter()
            .next()
            .unwrap_or(Value::Null)
    };
    if v.is_null() {
        return Ok(Vec::new());
    }
    if let Value::Array(ops) = &mut v {
        for op in ops.iter_mut().filter_map(Value::as_object_mut) {
            let moves = matches!(op.get("op").and_then(Value::as_str), Some("move" | "copy"));
            let fields: &[&str] = if moves { &["path", "from"] } else { &["path"] };
            for &field in fields {
                if let Some(Value::String(p)) = op.get_mut(field) {
                    *p = rooted(p).ok_or_else(|| {
                        Error::Build(format!(
                            "{source}: invalid JSON patch: '{field}' \"{p}\" is not a JSON pointer (it must start with '/')"
                        ))
                    })?;
                }
            }
        }
    }
    let ops: json_patch::Patch = serde_json::from_value(v)
        .map_err(|e| Error::Build(format!("{source}: invalid JSON patch: {e}")))?;
    Ok(ops.0)
}

/// evanphx/json-patch (kustomize's) finds a path's parent by splitting at
/// `/` and skipping the first part, so `spec/replicas` means `/replicas`;
/// a path with no `/` at all never applies.
fn rooted(p: &str) -> Option<String> {
    if p.is_empty() || p.starts_with('/') {
        return Some(p.to_string());
    }
    p.find('/').map(|i| p[i..].to_string())
}

fn ptr_tokens(path: &str) -> Vec<String> {
    path.split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn get<'a>(doc: &'a Value, tokens: &[String]) -> Option<&'a Value> {
    let mut cur = doc;
    for t in tokens {
        cur = match cur {
            Value::Object(m) => m.get(t)?,
            Value::Array(a) => {
                let i: i64 = t.parse().ok()?;
                let i = if i < 0 { a.len() as i64 + i } else { i };
                a.get(usize::try_from(i).ok()?)?
            }
            _ => return None,
        };
    }
    Some(cur)
}

/// Rewrites negative indices against the current document.
fn normalize_path(doc: &Value, path: &str) -> String {
    let tokens = ptr_tokens(path);
    let mut cur = doc;
    let mut out = String::new();
    for t in &tokens {
        let mut tok = t.clone();
        if let Value::Array(a) = cur
            && let Ok(i) = t.parse::<i64>()
            && i < 0
        {
            tok = (a.len() as i64 + i).to_string();
        }
        out.push('/');
        out.push_str(&tok.replace('~', "~0").replace('/', "~1"));
        cur = match get(cur, std::slice::from_ref(&tok)) {
            Some(v) => v,
            None => {
                // The rest cannot be resolved; keep it as written.
                for rest in tokens.iter().skip_while(|x| *x != t).skip(1) {
                    out.push('/');
                    out.push_str(&rest.replace('~', "~0").replace('/', "~1"));
                }
                return out;
            }
        };
    }
    out
}

/// A pointer with kustomize's path normalisation applied.
fn normalized(doc: &Value, p: &json_patch::jsonptr::PointerBuf) -> json_patch::jsonptr::PointerBuf {
    normalize_path(doc, p.as_str()).parse().unwrap_or(p.clone())
}

/// Applies `ops` in order; the first failure aborts with its operation.
pub fn apply(doc: &mut Value, ops: &[PatchOperation]) -> Result<()> {
    for (i, op) in ops.iter().enumerate() {
        let mut op = op.clone();
        let describe = serde_json::to_string(&op).unwrap_or_default();
        match &mut op {
            PatchOperation::Add(o) => o.path = normalized(doc, &o.path),
            PatchOperation::Remove(o) => o.path = normalized(doc, &o.path),
            PatchOperation::Replace(o) => {
                o.path = normalized(doc, &o.path);
                let tokens = ptr_tokens(o.path.as_str());
                if get(doc, &tokens).is_none()
                    && let Some((_, parent)) = tokens.split_last()
                    && get(doc, parent).is_some_and(Value::is_object)
                {
                    op = PatchOperation::Add(json_patch::AddOperation {
                        path: o.path.clone(),
                        value: o.value.clone(),
                    });
                }
            }
            PatchOperation::Move(o) => {
                o.from = normalized(doc, &o.from);
                o.path = normalized(doc, &o.path);
            }
            PatchOperation::Copy(o) => {
                o.from = normalized(doc, &o.from);
                o.path = normalized(doc, &o.path);
                // evanphx copies a missing key of an existing object as null.
                let from = ptr_tokens(o.from.as_str());
                if get(doc, &from).is_none()
                    && let Some((_, parent)) = from.split_last()
                    && get(doc, parent).is_some_and(Value::is_object)
                {
                    op = PatchOperation::Add(json_patch::AddOperation {
                        path: o.path.clone(),
                        value: Value::Null,
                    });
                }
            }
            PatchOperation::Test(o) => {
                o.path = normalized(doc, &o.path);
                if o.value.is_null() && get(doc, &ptr_tokens(o.path.as_str())).is_none() {
                    continue;
                }
            }
        }
        json_patch::patch(doc, std::slice::from_ref(&op)).map_err(|e| {
            Error::Build(format!(
                "JSON patch operation {} ({describe}) failed: {e}",
                i + 1
            ))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_ops_and_quirks() {
        let ops = parse("- op: replace\n  path: /spec/x\n  value: 1\n- op: add\n  path: /l/-1\n  value: z\n- op: test\n  path: /nope\n  value: null\n", "p")
            .expect("parses");
        let mut doc = json!({"spec": {}, "l": ["a", "b"]});
        apply(&mut doc, &ops).expect("applies");
        assert_eq!(doc, json!({"spec": {"x": 1}, "l": ["a", "z", "b"]}));
        let bad = parse("[{\"op\": \"remove\", \"path\": \"/missing\"}]", "p").expect("parses");
        assert!(apply(&mut doc, &bad).is_err());
    }

    /// Checked against kustomize v5.8.2: `spec/replicas` patches the root's
    /// `replicas`, a copy from a missing key gives null, `replicas` alone
    /// never applies.
    #[test]
    fn evanphx_path_quirks() {
        let ops = parse(
            "- op: replace\n  path: spec/replicas\n  value: 3\n- op: add\n  path: x/annotations\n  value: {a: b}\n- op: copy\n  from: /nothing\n  path: /spec/zz\n",
            "p",
        )
        .expect("parses");
        let mut doc = json!({"spec": {"replicas": 1}});
        apply(&mut doc, &ops).expect("applies");
        assert_eq!(
            doc,
            json!({"spec": {"replicas": 1, "zz": null}, "replicas": 3, "annotations": {"a": "b"}})
        );
        let e =
            parse("- op: replace\n  path: replicas\n  value: 5\n", "p.yaml").expect_err("no slash");
        assert!(
            e.to_string().contains("p.yaml") && e.to_string().contains("\"replicas\""),
            "{e}"
        );
        let moved = parse("- op: move\n  from: /nothing\n  path: /spec/zz\n", "p").expect("parses");
        assert!(apply(&mut json!({"spec": {}}), &moved).is_err());
    }
}

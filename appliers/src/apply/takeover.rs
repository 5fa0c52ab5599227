//! Taking fields over from `kubectl`: fields another manager set with
//! client-side apply or edits move to the field manager, so a server-side
//! apply can remove them as Flux does.

use serde_json::{Map, Value};

/// Managers whose fields Flux takes over before applying, so that what
/// `kubectl apply`/`edit` added is removed by the next apply: prefix and
/// operation.
const TAKEOVER_MANAGERS: &[(&str, &str)] = &[
    ("kubectl", "Apply"),
    ("kubectl", "Update"),
    ("before-first-apply", "Update"),
];
pub(super) const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Union of two `fieldsV1` trees.
fn merge_fields(into: &mut Value, from: &Value) {
    match (into, from) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(k) {
                    Some(existing) => merge_fields(existing, v),
                    None => {
                        a.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (a, b) if a.is_null() => *a = b.clone(),
        _ => {}
    }
}

/// A merge patch that hands the fields of `kubectl` (and of this manager's
/// own Update entries) to `manager`'s Apply entry and drops the
/// last-applied annotation, as Flux does; `None` when there is nothing to
/// take over.
pub(super) fn takeover_patch(live: &Value, manager: &str) -> Option<Value> {
    let entries = live.pointer("/metadata/managedFields")?.as_array()?;
    let matches = |e: &Value| {
        let m = e.get("manager").and_then(Value::as_str).unwrap_or("");
        let op = e.get("operation").and_then(Value::as_str).unwrap_or("");
        let sub = e.get("subresource").and_then(Value::as_str).unwrap_or("");
        sub.is_empty()
            && (TAKEOVER_MANAGERS
                .iter()
                .any(|(p, o)| m.starts_with(p) && op == *o)
                || (m == manager && op == "Update"))
    };
    let has_annotation = live
        .pointer("/metadata/annotations")
        .and_then(|a| a.get(LAST_APPLIED))
        .is_some();
    if !entries.iter().any(matches) && !has_annotation {
        return None;
    }
    let mut kept = Vec::new();
    let mut taken: Option<Value> = None;
    for e in entries {
        if matches(e) {
            let t = taken.get_or_insert_with(|| {
                serde_json::json!({
                    "manager": manager,
                    "operation": "Apply",
                    "apiVersion": e.get("apiVersion").cloned().unwrap_or(Value::Null),
                    "fieldsType": "FieldsV1",
                    "fieldsV1": {},
                })
            });
            if let (Some(dst), Some(src)) = (t.get_mut("fieldsV1"), e.get("fieldsV1")) {
                merge_fields(dst, src);
            }
        } else {
            kept.push(e.clone());
        }
    }
    if let Some(t) = taken {
        match kept.iter_mut().find(|e| {
            e.get("manager").and_then(Value::as_str) == Some(manager)
                && e.get("operation").and_then(Value::as_str) == Some("Apply")
        }) {
            Some(own) => {
                if let (Some(dst), Some(src)) = (own.get_mut("fieldsV1"), t.get("fieldsV1")) {
                    merge_fields(dst, src);
                }
            }
            None => kept.push(t),
        }
    }
    let mut md = Map::new();
    md.insert("managedFields".into(), Value::Array(kept));
    if has_annotation {
        md.insert(
            "annotations".into(),
            serde_json::json!({ LAST_APPLIED: null }),
        );
    }
    Some(serde_json::json!({ "metadata": md }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn takeover_moves_kubectl_fields_to_the_manager() {
        let live = json!({"metadata": {"name": "a", "annotations": {LAST_APPLIED: "{}"}, "managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:a": {}}}},
            {"manager": "kubectl-edit", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:b": {}}}},
            {"manager": "kube-controller-manager", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
             "fieldsV1": {"f:data": {"f:c": {}}}},
        ]}});
        let p = takeover_patch(&live, "kustomize-controller").expect("patch");
        let mf = p
            .pointer("/metadata/managedFields")
            .and_then(Value::as_array)
            .expect("list");
        assert_eq!(mf.len(), 2);
        assert_eq!(mf[0]["fieldsV1"], json!({"f:data": {"f:a": {}, "f:b": {}}}));
        assert_eq!(mf[1]["manager"], "kube-controller-manager");
        assert_eq!(
            p.pointer("/metadata/annotations")
                .and_then(|a| a.get(LAST_APPLIED)),
            Some(&Value::Null)
        );
        let clean = json!({"metadata": {"managedFields": [mf[0].clone()]}});
        assert_eq!(takeover_patch(&clean, "kustomize-controller"), None);
    }
}

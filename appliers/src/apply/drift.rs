//! Drift: whether a dry-run result differs from the live object in
//! anything but server-managed fields.

use serde_json::{Map, Value};

/// The parts of an object that count for drift: everything but status and
/// server-managed metadata (labels and annotations do count).
pub(super) fn drift_view(v: &Value) -> Value {
    let mut v = v.clone();
    if let Value::Object(m) = &mut v {
        m.remove("status");
        if let Some(Value::Object(md)) = m.get_mut("metadata") {
            let keep: Map<String, Value> = md
                .iter()
                .filter(|(k, _)| {
                    matches!(k.as_str(), "labels" | "annotations" | "name" | "namespace")
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            *md = keep;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn drift_ignores_server_fields_but_not_labels() {
        let live = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "resourceVersion": "5", "uid": "u",
            "managedFields": [], "labels": {"x": "1"}}, "data": {"k": "v"}});
        let same = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "resourceVersion": "6", "labels": {"x": "1"}}, "data": {"k": "v"}});
        assert_eq!(drift_view(&live), drift_view(&same));
        let relabeled = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "labels": {"x": "2"}}, "data": {"k": "v"}});
        assert_ne!(drift_view(&live), drift_view(&relabeled));
    }
}

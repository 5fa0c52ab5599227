//! `namespace:`: sets `metadata.namespace` on every object kustomize does
//! not know to be cluster-scoped, renames a core Namespace, points
//! RoleBinding subjects named `default` at it, and fills the other namespace
//! fields of the configuration (APIService, CRD conversion webhooks).

use serde_json::Value;

use crate::error::{Error, Result};
use crate::kustomize::fieldspec::{Create, FieldSpec};
use crate::kustomize::resmap::ResMap;

/// Applies `namespace` with the configured field specs.
pub fn apply(m: &mut ResMap, namespace: &str, specs: &[FieldSpec]) -> Result<()> {
    if namespace.is_empty() {
        return Ok(());
    }
    for r in m.resources_mut() {
        r.store_previous_id();
        let gvk = r.gvk();
        let api_version = r.api_version().to_string();
        if !gvk.is_cluster_scoped() {
            r.metadata_mut()
                .insert("namespace".into(), Value::String(namespace.into()));
        }
        let is_binding = gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding";
        if is_binding && let Some(Value::Array(subjects)) = r.obj.get_mut("subjects") {
            for s in subjects.iter_mut() {
                if let Value::Object(s) = s
                    && s.get("name").and_then(Value::as_str) == Some("default")
                {
                    s.insert("namespace".into(), Value::String(namespace.into()));
                }
            }
        }
        for fs in specs {
            if fs.path == "metadata/namespace"
                || (fs.path == "metadata/name" && api_version != "v1")
            {
                continue;
            }
            if is_binding
                && fs.path == "subjects/namespace"
                && (fs.kind == "RoleBinding" || fs.kind == "ClusterRoleBinding")
            {
                continue;
            }
            fs.apply(r, Create::Scalar, &mut |v| {
                if v.is_object() || v.is_array() {
                    return Err(Error::Build(
                        "namespace field specs must target scalar nodes".into(),
                    ));
                }
                *v = Value::String(namespace.into());
                Ok(())
            })?;
        }
    }
    m.check_unique("namespace transformation")
}

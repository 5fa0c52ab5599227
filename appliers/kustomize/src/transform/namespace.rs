//! `namespace:`: sets `metadata.namespace` on every object kustomize does
//! not know to be cluster-scoped, renames a core Namespace, points
//! RoleBinding subjects named `default` at it, and fills the other namespace
//! fields of the configuration (APIService, CRD conversion webhooks).

use serde_json::Value;

use crate::error::{Error, Result};
use crate::fieldspec::{Create, FieldSpec};
use crate::resmap::ResMap;

/// Which RoleBinding subjects get the namespace (NamespaceTransformer's
/// `setRoleBindingSubjects`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SubjectMode {
    /// Subjects named `default` (what `namespace:` does).
    #[default]
    DefaultOnly,
    /// Every ServiceAccount subject.
    AllServiceAccounts,
    /// None.
    None,
}

/// NamespaceTransformer's options.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Only set namespaces that are unset or empty.
    pub unset_only: bool,
    /// RoleBinding subjects to update.
    pub subjects: SubjectMode,
}

/// Applies `namespace` with the configured field specs.
pub fn apply(m: &mut ResMap, namespace: &str, specs: &[FieldSpec]) -> Result<()> {
    apply_with(m, namespace, specs, Options::default())
}

/// [`apply`] with NamespaceTransformer's options.
pub fn apply_with(
    m: &mut ResMap,
    namespace: &str,
    specs: &[FieldSpec],
    opts: Options,
) -> Result<()> {
    if namespace.is_empty() {
        return Ok(());
    }
    let set = |v: &mut Value| {
        if !opts.unset_only || v.as_str().is_none_or(str::is_empty) {
            *v = Value::String(namespace.into());
        }
    };
    for r in m.resources_mut() {
        r.store_previous_id();
        let gvk = r.gvk();
        let api_version = r.api_version().to_string();
        if !gvk.is_cluster_scoped() {
            let md = r.metadata_mut();
            let v = md.entry("namespace").or_insert(Value::Null);
            set(v);
        }
        let is_binding = gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding";
        if is_binding && let Some(Value::Array(subjects)) = r.obj.get_mut("subjects") {
            for s in subjects.iter_mut() {
                let Value::Object(s) = s else { continue };
                let wanted = match opts.subjects {
                    SubjectMode::DefaultOnly => {
                        s.get("name").and_then(Value::as_str) == Some("default")
                    }
                    SubjectMode::AllServiceAccounts => {
                        s.get("kind").and_then(Value::as_str) == Some("ServiceAccount")
                    }
                    SubjectMode::None => false,
                };
                if wanted {
                    set(s.entry("namespace").or_insert(Value::Null));
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
                set(v);
                Ok(())
            })?;
        }
    }
    m.check_unique("namespace transformation")
}

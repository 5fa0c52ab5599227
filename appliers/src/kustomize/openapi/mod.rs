//! What strategic merge needs from the Kubernetes OpenAPI schema: for each
//! built-in type, which fields are lists merged by a key, primitive lists
//! merged as sets, or replaced. Extracted from Kubernetes' swagger spec by
//! `appliers/tools/openapi-extract.py`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// Merge metadata of one field.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    /// The definition of the field (or of its list items).
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    /// A list.
    #[serde(default)]
    pub list: bool,
    /// A list of scalars.
    #[serde(default)]
    pub scalar: bool,
    /// A map whose values have this definition.
    #[serde(default)]
    pub map: Option<String>,
    /// The map's values are lists of that definition.
    #[serde(default)]
    pub map_list: bool,
    /// `x-kubernetes-patch-strategy`.
    #[serde(default)]
    pub strategy: Option<String>,
    /// `x-kubernetes-patch-merge-key`.
    #[serde(default)]
    pub key: Option<String>,
    /// `x-kubernetes-list-type`.
    #[serde(default)]
    pub list_type: Option<String>,
    /// `x-kubernetes-list-map-keys`.
    #[serde(default)]
    pub map_keys: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Data {
    gvk: HashMap<String, String>,
    definitions: HashMap<String, HashMap<String, FieldInfo>>,
}

static DATA: LazyLock<Data> =
    LazyLock::new(|| serde_json::from_str(include_str!("kubernetes.json")).unwrap_or_default());

/// The definition name of a built-in type, e.g. `io.k8s.api.apps.v1.Deployment`.
pub fn definition_for(api_version: &str, kind: &str) -> Option<&'static str> {
    DATA.gvk
        .get(&format!("{api_version}/{kind}"))
        .map(String::as_str)
}

/// A field of a definition.
pub fn field(definition: &str, name: &str) -> Option<&'static FieldInfo> {
    DATA.definitions.get(definition)?.get(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_containers_and_service_ports() {
        let d = definition_for("apps/v1", "Deployment").expect("Deployment");
        let spec = field(d, "spec")
            .and_then(|f| f.reference.as_deref())
            .expect("spec");
        let tmpl = field(spec, "template")
            .and_then(|f| f.reference.as_deref())
            .expect("template");
        let pod = field(tmpl, "spec")
            .and_then(|f| f.reference.as_deref())
            .expect("pod spec");
        let c = field(pod, "containers").expect("containers");
        assert_eq!(c.key.as_deref(), Some("name"));
        assert_eq!(c.strategy.as_deref(), Some("merge"));
        let svc = definition_for("v1", "Service").expect("Service");
        let sspec = field(svc, "spec")
            .and_then(|f| f.reference.as_deref())
            .expect("spec");
        assert_eq!(
            field(sspec, "ports").and_then(|f| f.key.as_deref()),
            Some("port")
        );
    }
}

//! What strategic merge needs from the Kubernetes OpenAPI schema: for each
//! built-in type, which fields are lists merged by a key, primitive lists
//! merged as sets, or replaced. Extracted by
//! `appliers/tools/openapi-extract.py` from Kubernetes v1.21.2's swagger
//! spec — the schema kustomize (and so Flux) builds with, not the newest:
//! a newer schema would merge lists kustomize replaces.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde::Deserialize;
use serde_json::Value;

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
    /// `x-kubernetes-list-map-keys`.
    #[serde(default)]
    pub map_keys: Vec<String>,
}

/// A schema: definitions' merge metadata and a GVK index.
#[derive(Debug, Default, Deserialize)]
pub struct Data {
    gvk: HashMap<String, String>,
    definitions: HashMap<String, HashMap<String, FieldInfo>>,
}

static DATA: LazyLock<Data> =
    LazyLock::new(|| serde_json::from_str(include_str!("kubernetes.json")).unwrap_or_default());

/// The builtin schema versions `openapi: {version: …}` may name. Sluice
/// ships kustomize's own (Kubernetes v1.21.2), so strategic merges — of
/// Flux's builds too, which use kustomize — come out the same.
pub const BUILTIN_VERSIONS: &[&str] = &["v1.21.2"];

thread_local! {
    /// The schema of the build running on this thread: `None` is builtin.
    static CURRENT: Cell<Option<&'static Data>> = const { Cell::new(None) };
}

/// Custom schemas by content, parsed once per process and kept (a build
/// refers to them for its whole run; distinct schemas are few).
static CUSTOM: LazyLock<Mutex<HashMap<u64, &'static Data>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn current() -> &'static Data {
    CURRENT.with(Cell::get).unwrap_or(&*DATA)
}

/// Makes `schema` (or the builtin one) the schema of this thread's build
/// until the guard drops.
pub fn use_schema(schema: Option<&'static Data>) -> SchemaGuard {
    let previous = CURRENT.with(|c| c.replace(schema));
    SchemaGuard { previous }
}

/// Restores the previous schema when dropped.
pub struct SchemaGuard {
    previous: Option<&'static Data>,
}

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
    }
}

/// Sets this thread's schema without a guard (inside a guarded build).
pub fn set_schema(schema: Option<&'static Data>) {
    CURRENT.with(|c| c.set(schema));
}

/// Parses a custom schema (swagger 2.0 `definitions`, JSON or YAML), as
/// kustomize's `openapi: {path: …}` takes it.
pub fn parse_custom(text: &str, origin: &str) -> crate::error::Result<&'static Data> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    let key = h.finish();
    if let Ok(cache) = CUSTOM.lock()
        && let Some(d) = cache.get(&key)
    {
        return Ok(d);
    }
    let spec = crate::manifest::parse_document_lenient(text, origin)?;
    let data = from_swagger(&spec);
    let leaked: &'static Data = Box::leak(Box::new(data));
    if let Ok(mut cache) = CUSTOM.lock() {
        cache.insert(key, leaked);
    }
    Ok(leaked)
}

fn ref_name(r: &str) -> String {
    r.rsplit('/').next().unwrap_or(r).to_string()
}

/// The same extraction `appliers/tools/openapi-extract.py` does for the
/// builtin schema; objects defined inline (common in CRD schemas) become
/// definitions of their own, named after their path.
fn from_swagger(spec: &Value) -> Data {
    let mut data = Data::default();
    let Some(defs) = spec.get("definitions").and_then(Value::as_object) else {
        return data;
    };
    for (name, d) in defs {
        add_definition(&mut data, name, d);
        if let Some(gvks) = d
            .get("x-kubernetes-group-version-kind")
            .and_then(Value::as_array)
        {
            for g in gvks {
                let s = |k: &str| g.get(k).and_then(Value::as_str).unwrap_or_default();
                let api = if s("group").is_empty() {
                    s("version").to_string()
                } else {
                    format!("{}/{}", s("group"), s("version"))
                };
                data.gvk
                    .entry(format!("{api}/{}", s("kind")))
                    .or_insert_with(|| name.clone());
            }
        }
    }
    data
}

fn add_definition(data: &mut Data, name: &str, d: &Value) {
    let mut fields = HashMap::new();
    if let Some(props) = d.get("properties").and_then(Value::as_object) {
        for (fname, prop) in props {
            let info = field_from(data, &format!("{name}/{fname}"), prop);
            fields.insert(fname.clone(), info);
        }
    }
    data.definitions.insert(name.to_string(), fields);
}

/// The definition an object schema stands for: its `$ref`, or itself
/// registered under `path` when it has inline properties.
fn object_ref(data: &mut Data, path: &str, v: &Value) -> Option<String> {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    if let Some(r) = s(v, "$ref") {
        return Some(ref_name(&r));
    }
    if let Some(r) = v
        .get("allOf")
        .and_then(|a| a.get(0))
        .and_then(|f| s(f, "$ref"))
    {
        return Some(ref_name(&r));
    }
    if v.get("properties").is_some_and(Value::is_object) {
        add_definition(data, path, v);
        return Some(path.to_string());
    }
    None
}

fn field_from(data: &mut Data, path: &str, prop: &Value) -> FieldInfo {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let mut info = FieldInfo {
        strategy: s(prop, "x-kubernetes-patch-strategy"),
        key: s(prop, "x-kubernetes-patch-merge-key"),
        map_keys: prop
            .get("x-kubernetes-list-map-keys")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default(),
        ..Default::default()
    };
    match prop.get("type").and_then(Value::as_str) {
        Some("array") => {
            info.list = true;
            let items = prop.get("items").cloned().unwrap_or(Value::Null);
            info.reference = object_ref(data, &format!("{path}[]"), &items);
            if info.reference.is_none()
                && !matches!(
                    items.get("type").and_then(Value::as_str),
                    None | Some("object")
                )
            {
                info.scalar = true;
            }
        }
        _ => {
            info.reference = object_ref(data, path, prop);
            if info.reference.is_none()
                && let Some(ap) = prop.get("additionalProperties")
            {
                if ap.get("type").and_then(Value::as_str) == Some("array") {
                    let items = ap.get("items").cloned().unwrap_or(Value::Null);
                    info.map = object_ref(data, &format!("{path}{{}}[]"), &items);
                    info.map_list = info.map.is_some();
                } else {
                    info.map = object_ref(data, &format!("{path}{{}}"), ap);
                }
            }
        }
    }
    info
}

/// The definition name of a type, e.g. `io.k8s.api.apps.v1.Deployment`:
/// from the custom schema first, then the builtin one (custom schemas may
/// refer to builtin definitions, as kustomize allows).
pub fn definition_for(api_version: &str, kind: &str) -> Option<&'static str> {
    let key = format!("{api_version}/{kind}");
    current()
        .gvk
        .get(&key)
        .or_else(|| DATA.gvk.get(&key))
        .map(String::as_str)
}

/// A field of a definition (custom schema first, then builtin).
pub fn field(definition: &str, name: &str) -> Option<&'static FieldInfo> {
    match current().definitions.get(definition) {
        Some(fields) => fields.get(name),
        None => DATA.definitions.get(definition)?.get(name),
    }
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

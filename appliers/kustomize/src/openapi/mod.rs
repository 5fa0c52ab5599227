//! What strategic merge needs from the Kubernetes OpenAPI schema: for each
//! built-in type, which fields are lists merged by a key, primitive lists
//! merged as sets, or replaced. Extracted by
//! `appliers/tools/openapi-extract.py` from Kubernetes v1.21.2's swagger
//! spec — the schema kustomize (and so Flux) builds with, not the newest:
//! a newer schema would merge lists kustomize replaces.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde::Deserialize;
use serde_json::Value;

/// Merge metadata of one field. Names are borrowed in the builtin schema
/// (static tables) and owned in custom ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    /// The definition of the field (or of its list items).
    #[serde(default, rename = "ref")]
    pub reference: Option<Cow<'static, str>>,
    /// A list.
    #[serde(default)]
    pub list: bool,
    /// A list of scalars.
    #[serde(default)]
    pub scalar: bool,
    /// A map whose values have this definition.
    #[serde(default)]
    pub map: Option<Cow<'static, str>>,
    /// The map's values are lists of that definition.
    #[serde(default)]
    pub map_list: bool,
    /// `x-kubernetes-patch-strategy`.
    #[serde(default)]
    pub strategy: Option<Cow<'static, str>>,
    /// `x-kubernetes-patch-merge-key`.
    #[serde(default)]
    pub key: Option<Cow<'static, str>>,
    /// `x-kubernetes-list-map-keys`.
    #[serde(default)]
    pub map_keys: Cow<'static, [Cow<'static, str>]>,
}

/// A custom schema: definitions' merge metadata and a GVK index.
#[derive(Debug, Default, Deserialize)]
pub struct Data {
    gvk: HashMap<String, String>,
    definitions: HashMap<String, HashMap<String, FieldInfo>>,
}

// Generated, not formatted: one line per field keeps it reviewable.
#[rustfmt::skip]
mod builtin;

/// A builtin field row (see the generated tables).
#[allow(clippy::too_many_arguments)]
const fn row(
    reference: Option<&'static str>,
    list: bool,
    scalar: bool,
    map: Option<&'static str>,
    map_list: bool,
    strategy: Option<&'static str>,
    key: Option<&'static str>,
    map_keys: &'static [Cow<'static, str>],
) -> FieldInfo {
    const fn b(s: Option<&'static str>) -> Option<Cow<'static, str>> {
        match s {
            Some(s) => Some(Cow::Borrowed(s)),
            None => None,
        }
    }
    FieldInfo {
        reference: b(reference),
        list,
        scalar,
        map: b(map),
        map_list,
        strategy: b(strategy),
        key: b(key),
        map_keys: Cow::Borrowed(map_keys),
    }
}

/// The builtin definition of `api_version/kind`: a search of a sorted
/// static table, nothing parsed at start.
fn builtin_definition(key: &str) -> Option<&'static str> {
    let i = builtin::GVK.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(builtin::GVK[i].1)
}

fn builtin_field(definition: &str, name: &str) -> Option<&'static FieldInfo> {
    let defs = builtin::DEFINITIONS;
    let d = defs.binary_search_by(|(k, _)| (*k).cmp(definition)).ok()?;
    let fields = defs[d].1;
    let f = fields.binary_search_by(|(k, _)| (*k).cmp(name)).ok()?;
    Some(&fields[f].1)
}

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

/// The custom schema of this thread's build, if any.
fn custom() -> Option<&'static Data> {
    CURRENT.with(Cell::get)
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
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(|s| Cow::Owned(s.to_string()))
    };
    let map_keys: Vec<Cow<'static, str>> = prop
        .get("x-kubernetes-list-map-keys")
        .and_then(Value::as_array)
        .map(|keys| {
            keys.iter()
                .filter_map(Value::as_str)
                .map(|k| Cow::Owned(k.to_string()))
                .collect()
        })
        .unwrap_or_default();
    let mut info = FieldInfo {
        strategy: s(prop, "x-kubernetes-patch-strategy"),
        key: s(prop, "x-kubernetes-patch-merge-key"),
        map_keys: Cow::Owned(map_keys),
        ..Default::default()
    };
    match prop.get("type").and_then(Value::as_str) {
        Some("array") => {
            info.list = true;
            let items = prop.get("items").cloned().unwrap_or(Value::Null);
            info.reference = object_ref(data, &format!("{path}[]"), &items).map(Cow::Owned);
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
            info.reference = object_ref(data, path, prop).map(Cow::Owned);
            if info.reference.is_none()
                && let Some(ap) = prop.get("additionalProperties")
            {
                if ap.get("type").and_then(Value::as_str) == Some("array") {
                    let items = ap.get("items").cloned().unwrap_or(Value::Null);
                    info.map = object_ref(data, &format!("{path}{{}}[]"), &items).map(Cow::Owned);
                    info.map_list = info.map.is_some();
                } else {
                    info.map = object_ref(data, &format!("{path}{{}}"), ap).map(Cow::Owned);
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
    if let Some(d) = custom().and_then(|c| c.gvk.get(&key)) {
        return Some(d.as_str());
    }
    builtin_definition(&key)
}

/// A field of a definition (custom schema first, then builtin).
pub fn field(definition: &str, name: &str) -> Option<&'static FieldInfo> {
    match custom().and_then(|c| c.definitions.get(definition)) {
        Some(fields) => fields.get(name),
        None => builtin_field(definition, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The extracted schema (`kubernetes.json`, by
    /// `appliers/tools/openapi-extract.py`) as sorted static tables.
    fn render_tables(data: &Data) -> String {
        let opt = |s: &Option<Cow<'static, str>>| match s {
            Some(s) => format!("Some({s:?})"),
            None => "None".to_string(),
        };
        let mut gvk: Vec<(&String, &String)> = data.gvk.iter().collect();
        gvk.sort();
        let mut out = String::from(
            "//! @generated from `kubernetes.json` by the test\n\
             //! `openapi::tests::builtin_tables_match_the_extracted_schema` (run it\n\
             //! with `SLUICE_REGENERATE=1` to write this file): the builtin schema as\n\
             //! tables sorted for binary search.\n\n\
             use std::borrow::Cow;\n\n\
             use super::{FieldInfo, row};\n\n\
             pub(super) static GVK: &[(&str, &str)] = &[\n",
        );
        for (k, d) in gvk {
            out.push_str(&format!("    ({k:?}, {d:?}),\n"));
        }
        out.push_str("];\n\npub(super) static DEFINITIONS: &[(&str, &[(&str, FieldInfo)])] = &[\n");
        let mut defs: Vec<_> = data.definitions.iter().collect();
        defs.sort_by(|a, b| a.0.cmp(b.0));
        for (name, fields) in defs {
            out.push_str(&format!("    ({name:?}, &[\n"));
            let mut fields: Vec<_> = fields.iter().collect();
            fields.sort_by(|a, b| a.0.cmp(b.0));
            for (f, i) in fields {
                let keys: Vec<String> = i
                    .map_keys
                    .iter()
                    .map(|k| format!("Cow::Borrowed({k:?})"))
                    .collect();
                out.push_str(&format!(
                    "        ({f:?}, row({}, {}, {}, {}, {}, {}, {}, &[{}])),\n",
                    opt(&i.reference),
                    i.list,
                    i.scalar,
                    opt(&i.map),
                    i.map_list,
                    opt(&i.strategy),
                    opt(&i.key),
                    keys.join(", ")
                ));
            }
            out.push_str("    ]),\n");
        }
        out.push_str("];\n");
        out
    }

    /// The generated tables hold exactly the extracted schema; run with
    /// `SLUICE_REGENERATE=1` after re-extracting it.
    #[test]
    fn builtin_tables_match_the_extracted_schema() {
        let data: Data =
            serde_json::from_str(include_str!("kubernetes.json")).expect("schema parses");
        let text = render_tables(&data);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/openapi/builtin.rs");
        crate::check_generated(path, &text);
        for (k, d) in &data.gvk {
            assert_eq!(builtin_definition(k), Some(d.as_str()), "{k}");
        }
        for (d, fields) in &data.definitions {
            for (f, info) in fields {
                assert_eq!(builtin_field(d, f), Some(info), "{d}.{f}");
            }
        }
        assert_eq!(
            builtin::DEFINITIONS
                .iter()
                .map(|(_, f)| f.len())
                .sum::<usize>(),
            data.definitions.values().map(HashMap::len).sum::<usize>()
        );
    }

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

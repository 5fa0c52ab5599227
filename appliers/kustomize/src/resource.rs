//! One resource in a build: the object plus what kustomize tracks about it
//! (previous ids, name prefixes and suffixes, generator state). kustomize
//! keeps these in internal annotations; here they are fields, so they can
//! never leak into the output.

use serde_json::{Map, Value};

use super::resid::{Gvk, ResId};
use crate::error::{Error, Result};
use crate::manifest;

/// How a generated object combines with an existing one of the same id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Behavior {
    /// Not a generator output, or no behavior given.
    #[default]
    Unspecified,
    /// Must not exist yet.
    Create,
    /// Replaces the existing object's data.
    Replace,
    /// Merges into the existing object's data.
    Merge,
}

impl Behavior {
    /// Parses a kustomization's `behavior:` value as kustomize's
    /// `NewGenerationBehavior` does: any other word (`Create`, a typo) is
    /// unspecified, which acts as create.
    pub fn parse(s: &str) -> Self {
        match s {
            "create" => Behavior::Create,
            "replace" => Behavior::Replace,
            "merge" => Behavior::Merge,
            _ => Behavior::Unspecified,
        }
    }

    /// The word kustomize prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Behavior::Unspecified => "unspecified",
            Behavior::Create => "create",
            Behavior::Replace => "replace",
            Behavior::Merge => "merge",
        }
    }
}

/// Where a resource came from, for `buildMetadata: [originAnnotations]`,
/// and which transformer touched it (`transformerAnnotations`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// File path relative to the top-level kustomization.
    pub path: Option<String>,
    /// The file that configured a generator or transformer, relative to the
    /// top-level kustomization.
    pub configured_in: Option<String>,
    /// The generator or transformer.
    pub configured_by: Option<ConfiguredBy>,
}

/// kyaml's ResourceIdentifier of a plugin configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfiguredBy {
    /// `builtin` for builtin plugins.
    pub api_version: String,
    /// e.g. `ConfigMapGenerator`.
    pub kind: String,
    /// The configuration's `metadata.name` (plugin configurations only).
    pub name: String,
    /// The configuration's `metadata.namespace`.
    pub namespace: String,
}

impl ConfiguredBy {
    /// A builtin configured by a kustomization field.
    pub fn builtin(kind: &str) -> Self {
        Self {
            api_version: "builtin".into(),
            kind: kind.into(),
            ..Default::default()
        }
    }
}

impl Origin {
    /// kyaml's rendering: `path`, `configuredIn`, `configuredBy`, each only
    /// when set, two-space indentation.
    pub fn to_yaml(&self, indent: &str) -> String {
        let mut s = String::new();
        let mut line = |text: String| {
            s.push_str(if s.is_empty() { "" } else { indent });
            s.push_str(&text);
            s.push('\n');
        };
        if let Some(p) = &self.path {
            line(format!("path: {}", yaml_scalar(p)));
        }
        if let Some(c) = &self.configured_in {
            line(format!("configuredIn: {}", yaml_scalar(c)));
        }
        if let Some(by) = &self.configured_by {
            line("configuredBy:".into());
            for (k, v) in [
                ("apiVersion", &by.api_version),
                ("kind", &by.kind),
                ("name", &by.name),
                ("namespace", &by.namespace),
            ] {
                if !v.is_empty() {
                    line(format!("  {k}: {}", yaml_scalar(v)));
                }
            }
        }
        s
    }
}

/// A plain YAML scalar, quoted when go-yaml would quote it.
fn yaml_scalar(s: &str) -> String {
    crate::manifest::to_yaml(&Value::String(s.to_string()))
        .trim_end()
        .to_string()
}

/// A resource being built.
#[derive(Clone, Debug)]
pub struct Resource {
    /// The object (a JSON map).
    pub obj: Map<String, Value>,
    /// Previous (kind, name, effective namespace), oldest first.
    pub prev: Vec<(String, String, String)>,
    /// Name prefixes applied, innermost first.
    pub prefixes: Vec<String>,
    /// Name suffixes applied, innermost first.
    pub suffixes: Vec<String>,
    /// A generated object that gets a content-hash name suffix.
    pub needs_hash: bool,
    /// Generator behavior.
    pub behavior: Behavior,
    /// Where it came from.
    pub origin: Option<Origin>,
    /// Transformers that ran over it, in order (`transformerAnnotations`).
    pub transformations: Vec<Origin>,
    /// Names of vars that refer to this resource.
    pub ref_vars: Vec<String>,
    /// Ids of resources whose name references resolved to this one.
    pub ref_by: Vec<String>,
    /// Set by a patch with `allowNameChange`.
    pub allow_name_change: bool,
    /// Set by a patch with `allowKindChange`.
    pub allow_kind_change: bool,
    /// Fields its source text left empty (`key:`), as sorted JSON pointers:
    /// the first strategic-merge patch drops those still null (kyaml's walk
    /// clears them, keeping a written `null` or `~`).
    pub empty_nulls: Vec<String>,
}

impl Resource {
    /// Wraps an object, checking it has what every resource needs.
    pub fn new(v: Value, source: &str) -> Result<Self> {
        let Value::Object(obj) = v else {
            return Err(Error::Build(format!(
                "{source}: expected a mapping (a Kubernetes object), got {}",
                kind_of(&v)
            )));
        };
        let r = Self::from_map(obj);
        if r.kind().is_empty() {
            return Err(Error::Build(format!(
                "{source}: missing 'kind' in object {}",
                r.describe()
            )));
        }
        if r.name().is_empty() {
            return Err(Error::Build(format!(
                "{source}: missing metadata.name in {} object",
                r.kind()
            )));
        }
        Ok(r)
    }

    /// Wraps a map without checks (generated objects).
    pub fn from_map(obj: Map<String, Value>) -> Self {
        Self {
            obj,
            prev: Vec::new(),
            prefixes: Vec::new(),
            suffixes: Vec::new(),
            needs_hash: false,
            behavior: Behavior::Unspecified,
            origin: None,
            transformations: Vec::new(),
            ref_vars: Vec::new(),
            ref_by: Vec::new(),
            allow_name_change: false,
            allow_kind_change: false,
            empty_nulls: Vec::new(),
        }
    }

    fn describe(&self) -> String {
        let name = self.name();
        if name.is_empty() {
            "(no metadata.name)".into()
        } else {
            format!("'{name}'")
        }
    }

    fn str_at(&self, path: &[&str]) -> &str {
        let mut cur = match self.obj.get(path[0]) {
            Some(v) => v,
            None => return "",
        };
        for p in &path[1..] {
            cur = match cur.get(p) {
                Some(v) => v,
                None => return "",
            };
        }
        cur.as_str().unwrap_or("")
    }

    /// `apiVersion`.
    pub fn api_version(&self) -> &str {
        self.str_at(&["apiVersion"])
    }

    /// `kind`.
    pub fn kind(&self) -> &str {
        self.str_at(&["kind"])
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.str_at(&["metadata", "name"])
    }

    /// `metadata.namespace`.
    pub fn namespace(&self) -> &str {
        self.str_at(&["metadata", "namespace"])
    }

    /// The type.
    pub fn gvk(&self) -> Gvk {
        Gvk::from_api_version(self.api_version(), self.kind())
    }

    /// The current id.
    pub fn cur_id(&self) -> ResId {
        ResId {
            gvk: self.gvk(),
            name: self.name().to_string(),
            namespace: self.namespace().to_string(),
        }
    }

    /// Previous ids, oldest first (with the current group and version).
    pub fn prev_ids(&self) -> Vec<ResId> {
        let gvk = self.gvk();
        self.prev
            .iter()
            .map(|(k, n, ns)| ResId {
                gvk: Gvk {
                    group: gvk.group.clone(),
                    version: gvk.version.clone(),
                    kind: k.clone(),
                },
                name: n.clone(),
                namespace: ns.clone(),
            })
            .collect()
    }

    /// The id the resource was loaded or generated with.
    pub fn org_id(&self) -> ResId {
        match self.prev.first() {
            Some((kind, name, namespace)) => {
                let gvk = self.gvk();
                ResId {
                    gvk: Gvk {
                        kind: kind.clone(),
                        ..gvk
                    },
                    name: name.clone(),
                    namespace: namespace.clone(),
                }
            }
            None => self.cur_id(),
        }
    }

    /// Remembers the current id before a name, namespace or kind change.
    pub fn store_previous_id(&mut self) {
        let id = self.cur_id();
        let ns = id.effective_namespace().to_string();
        self.prev.push((id.gvk.kind, id.name, ns));
    }

    /// Every name it has had, current included, without repeats.
    pub fn all_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.prev.iter().map(|(_, n, _)| n.clone()).collect();
        v.push(self.name().to_string());
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whether any id it has had (or has) satisfies `f`.
    pub fn any_id(&self, f: impl Fn(&ResId) -> bool) -> bool {
        f(&self.cur_id()) || self.prev_ids().iter().any(f)
    }

    /// The metadata map, created when missing.
    pub fn metadata_mut(&mut self) -> &mut Map<String, Value> {
        let md = self
            .obj
            .entry("metadata")
            .or_insert_with(|| Value::Object(Map::new()));
        if !md.is_object() {
            *md = Value::Object(Map::new());
        }
        md.as_object_mut()
            .expect("metadata was just made a mapping")
    }

    /// Sets `metadata.name`.
    pub fn set_name(&mut self, name: &str) {
        self.metadata_mut()
            .insert("name".into(), Value::String(name.into()));
    }

    /// Sets or removes `metadata.namespace`.
    pub fn set_namespace(&mut self, ns: &str) {
        if ns.is_empty() {
            self.metadata_mut().remove("namespace");
        } else {
            self.metadata_mut()
                .insert("namespace".into(), Value::String(ns.into()));
        }
    }

    /// A string map under metadata (`labels`, `annotations`), empty if absent.
    pub fn string_map(&self, field: &str) -> Map<String, Value> {
        self.obj
            .get("metadata")
            .and_then(|m| m.get(field))
            .and_then(|v| v.as_object())
            .cloned()
            .unwrap_or_default()
    }

    /// Replaces a metadata string map; an empty map removes the field.
    pub fn set_string_map(&mut self, field: &str, m: Map<String, Value>) {
        if m.is_empty() {
            self.metadata_mut().remove(field);
        } else {
            self.metadata_mut().insert(field.into(), Value::Object(m));
        }
    }

    /// Whether nothing but (possibly) empty metadata is left, as after a
    /// `$patch: delete`.
    pub fn is_empty(&self) -> bool {
        self.obj.is_empty()
    }
}

/// A scalar as Go prints it in text: a string as itself, anything else in
/// its JSON form (`true`, `8080`, `null`).
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `mapping`, `sequence`, `string`, … for messages.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a mapping",
    }
}
/// Parses a resource file: every document is an object; `kind: List` items
/// are expanded.
pub fn load_resources(text: &str, shown: &str) -> Result<Vec<Resource>> {
    let mut out = Vec::new();
    for (i, (doc, empty_nulls)) in manifest::parse_documents_with_empty_nulls(text, shown)?
        .into_iter()
        .enumerate()
    {
        let what = format!("{shown} (document {})", i + 1);
        match doc {
            // kustomize skips an empty `{}` document like an empty one.
            Value::Object(m) if m.is_empty() => {}
            Value::Object(m) if is_list(&m) => {
                if let Some(Value::Array(items)) = m.get("items") {
                    // kustomize re-encodes a List's items, so their
                    // empty fields become written nulls: none are kept.
                    for item in items {
                        out.push(Resource::new(item.clone(), &what)?);
                    }
                }
            }
            other => {
                let mut r = Resource::new(other, &what)?;
                r.empty_nulls = empty_nulls;
                out.push(r);
            }
        }
    }
    Ok(out)
}

fn is_list(m: &Map<String, Value>) -> bool {
    m.get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k.ends_with("List"))
        && m.get("items").is_some_and(Value::is_array)
}

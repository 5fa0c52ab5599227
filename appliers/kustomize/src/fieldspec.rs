//! Field specs: "this path in objects of this type", as kustomize's builtin
//! transformers are configured. Paths leave list steps implicit, so a spec
//! fans out over every element of a list it meets.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::resid::Gvk;
use super::resource::Resource;
use crate::error::{Error, Result};

/// One field spec.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Group the object must have (empty: any).
    #[serde(default)]
    pub group: String,
    /// Version the object must have (empty: any).
    #[serde(default)]
    pub version: String,
    /// Kind the object must have (empty: any).
    #[serde(default)]
    pub kind: String,
    /// `/`-separated field path.
    #[serde(default)]
    pub path: String,
    /// Whether a missing field is created.
    #[serde(default)]
    pub create: bool,
}

/// What to create when a field is missing and the spec allows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Create {
    /// Never create.
    Never,
    /// Create a scalar (set by the callback).
    Scalar,
    /// Create a mapping.
    Map,
}

impl FieldSpec {
    /// The selecting GVK.
    pub fn gvk(&self) -> Gvk {
        Gvk {
            group: self.group.clone(),
            version: self.version.clone(),
            kind: self.kind.clone(),
        }
    }

    /// Whether the spec applies to objects of type (`group`, `version`,
    /// `kind`): every non-empty part of the spec must match.
    fn selects_parts(&self, group: &str, version: &str, kind: &str) -> bool {
        (self.group.is_empty() || self.group == group)
            && (self.version.is_empty() || self.version == version)
            && (self.kind.is_empty() || self.kind == kind)
    }

    /// Whether the spec applies to objects of type `gvk`.
    pub fn selects_gvk(&self, gvk: &Gvk) -> bool {
        self.selects_parts(&gvk.group, &gvk.version, &gvk.kind)
    }

    /// Whether the spec applies to `res`, without building its GVK (this
    /// runs for every spec on every object).
    pub fn selects(&self, res: &Resource) -> bool {
        if !self.kind.is_empty() && self.kind != res.kind() {
            return false;
        }
        let av = res.api_version();
        let (g, v) = crate::resid::split_api_version(av);
        self.selects_parts(g, v, res.kind())
    }

    /// kustomize's merge identity: same path, and `self` selected by the
    /// other's GVK.
    pub fn effectively_equals(&self, other: &FieldSpec) -> bool {
        self.path == other.path && other.selects_parts(&self.group, &self.version, &self.kind)
    }

    /// Runs `set` on every field this spec designates in `res` (creating
    /// missing fields when the spec and `create` allow).
    pub fn apply(
        &self,
        res: &mut Resource,
        create: Create,
        set: &mut dyn FnMut(&mut Value) -> Result<()>,
    ) -> Result<()> {
        if !self.selects(res) {
            return Ok(());
        }
        self.apply_unchecked(res, &split_path(&self.path), create, set)
    }

    /// [`FieldSpec::apply`] with the path already split (callers that run
    /// one spec over many objects split it once).
    pub fn apply_split(
        &self,
        res: &mut Resource,
        path: &[String],
        create: Create,
        set: &mut dyn FnMut(&mut Value) -> Result<()>,
    ) -> Result<()> {
        if !self.selects(res) {
            return Ok(());
        }
        self.apply_unchecked(res, path, create, set)
    }

    /// Walks `path` in `res` whatever its type (name references choose the
    /// spec by the object's original type).
    pub(crate) fn apply_unchecked(
        &self,
        res: &mut Resource,
        path: &[String],
        create: Create,
        set: &mut dyn FnMut(&mut Value) -> Result<()>,
    ) -> Result<()> {
        let create = if self.create { create } else { Create::Never };
        let mut root = Value::Object(std::mem::take(&mut res.obj));
        let r = walk(&mut root, path, create, set);
        if let Value::Object(m) = root {
            res.obj = m;
        }
        r.map_err(|e| {
            Error::Build(format!(
                "considering field '{}' of object {}: {e}",
                self.path,
                res.cur_id()
            ))
        })
    }
}

/// Splits a path on `/`, honouring `\/` as a literal slash and a leading `/`.
pub fn split_path(path: &str) -> Vec<String> {
    let mut parts: Vec<&str> = path.split('/').collect();
    if parts.len() > 1 && parts[0].is_empty() {
        parts.remove(0);
    }
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        match out.last_mut() {
            Some(last) if last.ends_with('\\') => {
                last.pop();
                last.push('/');
                last.push_str(p);
            }
            _ => out.push(p.to_string()),
        }
    }
    out
}

fn walk(
    v: &mut Value,
    path: &[String],
    create: Create,
    set: &mut dyn FnMut(&mut Value) -> Result<()>,
) -> Result<()> {
    if path.is_empty() {
        return set(v);
    }
    match v {
        Value::Null => Ok(()),
        Value::Array(items) => {
            for item in items {
                walk(item, path, create, set)?;
            }
            Ok(())
        }
        Value::Object(map) => {
            let (name, is_seq) = match path[0].strip_suffix("[]") {
                Some(n) => (n, true),
                None => (path[0].as_str(), false),
            };
            if name.is_empty() {
                return Err(Error::Build(
                    "cannot set or create an empty field name".into(),
                ));
            }
            let last = path.len() == 1;
            let may_create = create != Create::Never && !is_seq;
            if !map.contains_key(name) {
                if !may_create {
                    return Ok(());
                }
                let fresh = if !last || create == Create::Map {
                    Value::Object(Map::new())
                } else {
                    Value::String(String::new())
                };
                map.insert(name.to_string(), fresh);
            }
            let Some(field) = map.get_mut(name) else {
                return Ok(());
            };
            if field.is_null() {
                if is_seq {
                    *field = Value::Array(Vec::new());
                } else if may_create {
                    *field = if !last || create == Create::Map {
                        Value::Object(Map::new())
                    } else {
                        Value::String(String::new())
                    };
                }
            }
            walk(field, &path[1..], create, set)
        }
        _ => Err(Error::Build("expected sequence or mapping node".into())),
    }
}

/// Merges field specs as kustomize does: an entry already present (same
/// path, selected) is skipped; one that differs only in `create` is an error.
pub fn merge_all(into: &mut Vec<FieldSpec>, incoming: &[FieldSpec]) -> Result<()> {
    for x in incoming {
        merge_one(into, x.clone())?;
    }
    Ok(())
}

/// Merges one field spec (see [`merge_all`]).
pub fn merge_one(into: &mut Vec<FieldSpec>, x: FieldSpec) -> Result<()> {
    match into.iter().find(|e| e.effectively_equals(&x)) {
        Some(e) if e.create != x.create => Err(Error::Build(format!(
            "conflicting fieldspecs for path '{}' of kind '{}'",
            x.path, x.kind
        ))),
        Some(_) => Ok(()),
        None => {
            into.push(x);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn res(v: Value) -> Resource {
        Resource::new(v, "t").expect("resource")
    }

    #[test]
    fn splits_escaped_slashes() {
        assert_eq!(
            split_path("metadata/annotations/a.io\\/b"),
            vec!["metadata", "annotations", "a.io/b"]
        );
        assert_eq!(split_path("/a/b"), vec!["a", "b"]);
    }

    #[test]
    fn fans_out_over_lists_and_creates() {
        let mut r = res(
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
            "spec": {"template": {"spec": {"containers": [{"name": "a"}, {"name": "b", "env": [{"name": "X", "value": "v"}, {"name": "Y"}]}]}}}}),
        );
        let fs = FieldSpec {
            kind: "Deployment".into(),
            path: "spec/template/spec/containers/env/value".into(),
            ..Default::default()
        };
        let mut n = 0;
        fs.apply(&mut r, Create::Scalar, &mut |_| {
            n += 1;
            Ok(())
        })
        .expect("apply");
        assert_eq!(n, 1, "only existing fields without create");
        let fs = FieldSpec {
            path: "metadata/labels".into(),
            create: true,
            ..Default::default()
        };
        fs.apply(&mut r, Create::Map, &mut |v| {
            v.as_object_mut()
                .expect("map")
                .insert("a".into(), json!("b"));
            Ok(())
        })
        .expect("apply");
        assert_eq!(r.obj["metadata"]["labels"], json!({"a": "b"}));
        let other = FieldSpec {
            kind: "Service".into(),
            path: "metadata/labels".into(),
            create: true,
            ..Default::default()
        };
        let mut called = false;
        other
            .apply(&mut r, Create::Map, &mut |_| {
                called = true;
                Ok(())
            })
            .expect("apply");
        assert!(!called);
    }

    #[test]
    fn merge_dedups_and_detects_conflicts() {
        let a = FieldSpec {
            kind: "Deployment".into(),
            path: "x".into(),
            create: true,
            ..Default::default()
        };
        let mut v = vec![a.clone()];
        merge_one(&mut v, a.clone()).expect("dup ok");
        assert_eq!(v.len(), 1);
        assert!(merge_one(&mut v, FieldSpec { create: false, ..a }).is_err());
    }
}

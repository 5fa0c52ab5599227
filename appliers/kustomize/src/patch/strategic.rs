//! Strategic merge patch with Kubernetes semantics for built-in kinds.
//!
//! Maps merge recursively and a `null` in the patch deletes; lists merge by
//! their merge key (or as sets of primitives) where the Kubernetes schema
//! gives them a `merge` patch strategy, and are replaced otherwise (every
//! list of a custom resource, as kustomize does). Patch elements come first
//! in patch order, then the object's untouched elements — kustomize's order.
//!
//! Directives: `$patch: delete|replace|merge` (document, map, list, list
//! element), `$retainKeys`, `$setElementOrder/<list>` and
//! `$deleteFromPrimitiveList/<list>`.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::manifest;
use crate::openapi::{self, FieldInfo};
use crate::resource::value_text;

const PATCH: &str = "$patch";
const RETAIN_KEYS: &str = "$retainKeys";
const SET_ORDER: &str = "$setElementOrder/";
const DELETE_PRIMITIVE: &str = "$deleteFromPrimitiveList/";

/// Where in the schema a value sits.
#[derive(Clone, Copy)]
enum Schema {
    /// Unknown: lists are replaced.
    None,
    /// An object of this definition.
    Def(&'static str),
    /// A map whose values are objects of this definition.
    MapOf(&'static str),
}

/// Merges `patch` into `object` (both whole Kubernetes objects). `None`
/// means the patch deleted the object.
pub fn merge_object(
    object: &Map<String, Value>,
    patch: &Map<String, Value>,
) -> Result<Option<Map<String, Value>>> {
    let schema = schema_of(object)
        .or_else(|| schema_of(patch))
        .map_or(Schema::None, Schema::Def);
    let merged = merge_map(Some(object), patch, schema)?;
    Ok(merged)
}

/// Removes the fields of an object about to be merged that its source left empty
/// (`empty`: sorted JSON pointers) and that are still null, where kyaml's
/// merge walks: every map, and the items of lists merged by key. kyaml
/// visits every field of the object, not only the patched ones, and a null
/// it visits is cleared unless it was written (`null`, `~`); lists replaced
/// whole are not entered.
pub fn drop_empty_nulls(object: &mut Map<String, Value>, empty: &[String]) {
    let schema = schema_of(object).map_or(Schema::None, Schema::Def);
    let mut path = String::new();
    drop_in_map(object, schema, &mut path, empty);
}

fn drop_in_map(m: &mut Map<String, Value>, schema: Schema, path: &mut String, empty: &[String]) {
    let schema = match schema {
        Schema::None => schema_of(m).map_or(Schema::None, Schema::Def),
        s => s,
    };
    let len = path.len();
    let pointer = |path: &mut String, key: &str| {
        path.truncate(len);
        path.push('/');
        path.push_str(&key.replace('~', "~0").replace('/', "~1"));
    };
    m.retain(|k, v| {
        if !v.is_null() {
            return true;
        }
        pointer(path, k);
        empty.binary_search(path).is_err()
    });
    for (k, v) in m.iter_mut() {
        let info = field_info(schema, k);
        let child = child_schema(schema, info);
        match v {
            Value::Object(o) => {
                pointer(path, k);
                drop_in_map(o, child, path, empty);
            }
            Value::Array(items) if is_merged_by_key(info) => {
                let item_schema = info
                    .and_then(|i| i.reference.as_deref())
                    .map_or(Schema::None, Schema::Def);
                for (i, item) in items.iter_mut().enumerate() {
                    if let Value::Object(o) = item {
                        pointer(path, k);
                        path.push('/');
                        path.push_str(&i.to_string());
                        drop_in_map(o, item_schema, path, empty);
                    }
                }
            }
            _ => {}
        }
    }
    path.truncate(len);
}

/// A list whose items are merged by key (`patchStrategy: merge`).
fn is_merged_by_key(info: Option<&FieldInfo>) -> bool {
    info.is_some_and(|i| {
        i.list
            && i.strategy
                .as_deref()
                .is_some_and(|s| s.split(',').any(|x| x == "merge"))
    })
}

fn schema_of(m: &Map<String, Value>) -> Option<&'static str> {
    let api = m.get("apiVersion")?.as_str()?;
    let kind = m.get("kind")?.as_str()?;
    openapi::definition_for(api, kind)
}

fn field_info(schema: Schema, key: &str) -> Option<&'static FieldInfo> {
    match schema {
        Schema::Def(d) => openapi::field(d, key),
        Schema::MapOf(_) | Schema::None => None,
    }
}

/// The schema of a field's value within `schema`.
fn child_schema(schema: Schema, info: Option<&'static FieldInfo>) -> Schema {
    match (schema, info) {
        (Schema::MapOf(d), _) => Schema::Def(d),
        (_, Some(i)) if !i.list => match (&i.reference, &i.map) {
            (Some(r), _) => Schema::Def(r),
            (None, Some(m)) if !i.map_list => Schema::MapOf(m),
            _ => Schema::None,
        },
        _ => Schema::None,
    }
}

fn directive(m: &Map<String, Value>) -> Result<Option<&str>> {
    match m.get(PATCH) {
        None => Ok(None),
        Some(Value::String(s)) if matches!(s.as_str(), "delete" | "replace" | "merge") => {
            Ok(Some(s.as_str()))
        }
        Some(other) => Err(Error::Build(format!(
            "unknown patch strategy '{}'",
            value_text(other)
        ))),
    }
}

/// Removes every directive key from a patch map (for the replace paths).
fn without_directives(m: &Map<String, Value>) -> Map<String, Value> {
    m.iter()
        .filter(|(k, _)| {
            k.as_str() != PATCH
                && k.as_str() != RETAIN_KEYS
                && !k.starts_with(SET_ORDER)
                && !k.starts_with(DELETE_PRIMITIVE)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn merge_map(
    dest: Option<&Map<String, Value>>,
    patch: &Map<String, Value>,
    schema: Schema,
) -> Result<Option<Map<String, Value>>> {
    // A map that itself is a Kubernetes object carries its own schema.
    let schema = match schema {
        Schema::None => schema_of(patch)
            .or_else(|| dest.and_then(schema_of))
            .map_or(Schema::None, Schema::Def),
        s => s,
    };
    match directive(patch)? {
        Some("delete") => return Ok(None),
        Some("replace") => {
            let mut out = Map::new();
            let clean = without_directives(patch);
            merge_into(&mut out, &clean, schema)?;
            return Ok(Some(out));
        }
        _ => {}
    }
    let mut out = dest.cloned().unwrap_or_default();
    merge_into(&mut out, patch, schema)?;
    // Directives that act on the merged result.
    for (k, v) in patch {
        if let Some(field) = k.strip_prefix(DELETE_PRIMITIVE) {
            let remove: Vec<Value> = v.as_array().cloned().unwrap_or_default();
            if let Some(Value::Array(items)) = out.get_mut(field) {
                items.retain(|x| !remove.contains(x));
            }
        }
    }
    for (k, v) in patch {
        if let Some(field) = k.strip_prefix(SET_ORDER)
            && let Some(order) = v.as_array()
        {
            let keys = merge_keys(field_info(schema, field));
            if let Some(Value::Array(items)) = out.get_mut(field) {
                reorder(items, order, &keys);
            }
        }
    }
    if let Some(retain) = patch.get(RETAIN_KEYS).and_then(Value::as_array) {
        let keep: Vec<&str> = retain.iter().filter_map(Value::as_str).collect();
        out.retain(|k, _| keep.contains(&k.as_str()));
    }
    Ok(Some(out))
}

/// Merges every non-directive key of `patch` into `out`.
fn merge_into(
    out: &mut Map<String, Value>,
    patch: &Map<String, Value>,
    schema: Schema,
) -> Result<()> {
    for (k, pv) in patch {
        if k == PATCH
            || k == RETAIN_KEYS
            || k.starts_with(SET_ORDER)
            || k.starts_with(DELETE_PRIMITIVE)
        {
            continue;
        }
        let info = field_info(schema, k);
        let merged =
            merge_value(out.get(k), pv, info, child_schema(schema, info)).map_err(|e| match e {
                Error::Build(m) if !m.starts_with("at ") => Error::Build(format!("at '{k}': {m}")),
                other => other,
            })?;
        match merged {
            Some(v) => {
                out.insert(k.clone(), v);
            }
            None => {
                out.remove(k);
            }
        }
    }
    Ok(())
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "MappingNode",
        Value::Array(_) => "SequenceNode",
        _ => "ScalarNode",
    }
}

fn merge_value(
    dest: Option<&Value>,
    patch: &Value,
    info: Option<&'static FieldInfo>,
    child: Schema,
) -> Result<Option<Value>> {
    let dest = dest.filter(|d| !d.is_null());
    match patch {
        Value::Null => Ok(None),
        Value::Object(p) => match dest {
            None => Ok(merge_map(None, p, child)?.map(Value::Object)),
            Some(Value::Object(d)) => Ok(merge_map(Some(d), p, child)?.map(Value::Object)),
            Some(other) => Err(Error::Build(format!(
                "wrong node kind: expected {} but got MappingNode: {}",
                kind_name(other),
                manifest::to_yaml(patch).trim_end()
            ))),
        },
        Value::Array(p) => {
            let associative = is_merged_by_key(info);
            match dest {
                Some(Value::Array(d)) if associative => {
                    merge_list(Some(d), p, info).map(|r| r.map(Value::Array))
                }
                None if associative => merge_list(None, p, info).map(|r| r.map(Value::Array)),
                None | Some(Value::Array(_)) => Ok(Some(patch.clone())),
                Some(other) => Err(Error::Build(format!(
                    "wrong node kind: expected {} but got SequenceNode: {}",
                    kind_name(other),
                    manifest::to_yaml(patch).trim_end()
                ))),
            }
        }
        scalar => match dest {
            Some(d @ (Value::Object(_) | Value::Array(_))) => Err(Error::Build(format!(
                "wrong node kind: expected {} but got ScalarNode: {}",
                kind_name(d),
                manifest::to_yaml(patch).trim_end()
            ))),
            // A quoted value keeps being a string when patched (kyaml keeps
            // the old scalar's style): replicas: "3" patched with 5 is "5".
            Some(Value::String(s)) if was_quoted(s) && !scalar.is_string() => {
                Ok(Some(Value::String(value_text(scalar))))
            }
            _ => Ok(Some(scalar.clone())),
        },
    }
}

/// Whether a string value must have been quoted in YAML (it would read as
/// another type otherwise).
fn was_quoted(s: &str) -> bool {
    !s.is_empty() && !manifest::parse_document(s, "").is_ok_and(|v| v.is_string())
}

/// The merge keys of a list field: `x-kubernetes-list-map-keys`, else the
/// patch merge key; empty for a list of primitives.
fn merge_keys(info: Option<&FieldInfo>) -> Vec<String> {
    match info {
        Some(i) if !i.map_keys.is_empty() && i.strategy.is_some() => {
            i.map_keys.iter().map(|k| k.to_string()).collect()
        }
        Some(i) => i.key.iter().map(|k| k.to_string()).collect(),
        None => Vec::new(),
    }
}

/// The text of each key of an element ("" where absent).
fn key_values(elem: &Value, keys: &[String]) -> Vec<String> {
    keys.iter()
        .map(|k| match elem.get(k) {
            Some(Value::Null) | None => String::new(),
            Some(v) => value_text(v),
        })
        .collect()
}

/// Two key tuples name the same element: some key equal, none in conflict.
fn same_element(a: &[String], b: &[String]) -> bool {
    let mut any = false;
    for (x, y) in a.iter().zip(b) {
        if !x.is_empty() && !y.is_empty() {
            if x != y {
                return false;
            }
            any = true;
        }
    }
    any || (a.iter().all(String::is_empty) && b.iter().all(String::is_empty) && a == b)
}

/// The list-level directive: the first `{$patch: …}` element with no other key.
fn list_directive(patch: &[Value]) -> Result<Option<String>> {
    for e in patch {
        if let Value::Object(m) = e
            && let Some(d) = m.get(PATCH)
        {
            if m.len() > 1 {
                return Ok(None);
            }
            let d = value_text(d);
            if !matches!(d.as_str(), "delete" | "replace" | "merge") {
                return Err(Error::Build(format!("unknown patch strategy '{d}'")));
            }
            return Ok(Some(d));
        }
    }
    Ok(None)
}

fn is_list_directive_element(e: &Value) -> bool {
    matches!(e, Value::Object(m) if m.len() == 1 && m.contains_key(PATCH))
}

fn merge_list(
    dest: Option<&Vec<Value>>,
    patch: &[Value],
    info: Option<&'static FieldInfo>,
) -> Result<Option<Vec<Value>>> {
    match list_directive(patch)?.as_deref() {
        Some("delete") => return Ok(None),
        Some("replace") => {
            return Ok(Some(
                patch
                    .iter()
                    .filter(|e| !is_list_directive_element(e))
                    .cloned()
                    .collect(),
            ));
        }
        _ => {}
    }
    let patch: Vec<&Value> = patch
        .iter()
        .filter(|e| !is_list_directive_element(e))
        .collect();
    let keys = merge_keys(info);
    let elem_schema = info
        .and_then(|i| i.reference.as_deref())
        .map_or(Schema::None, Schema::Def);
    let absent = dest.is_none();
    let dest: Vec<Value> = dest.cloned().unwrap_or_default();

    if keys.is_empty() || info.is_some_and(|i| i.scalar) {
        // A set of primitives: patch values first, then the rest, no duplicates.
        let mut out: Vec<Value> = Vec::new();
        for v in patch.iter().copied().chain(dest.iter()) {
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        return Ok(Some(out));
    }

    // Keys that carry a value anywhere decide identity (a port list without
    // any protocol merges by port alone).
    let all_keys: Vec<Vec<String>> = patch
        .iter()
        .copied()
        .chain(dest.iter())
        .map(|e| key_values(e, &keys))
        .collect();
    let valid: Vec<usize> = (0..keys.len())
        .filter(|&i| all_keys.iter().any(|kv| !kv[i].is_empty()))
        .collect();
    let valid_keys: Vec<String> = if valid.is_empty() {
        keys.clone()
    } else {
        valid.iter().map(|&i| keys[i].clone()).collect()
    };
    let kv = |e: &Value| key_values(e, &valid_keys);
    if let [key] = valid_keys.as_slice()
        && all_keys.iter().any(|k| k.iter().all(String::is_empty))
    {
        return missing_key_merge((!absent).then_some(dest), &patch, key, elem_schema).map(Some);
    }

    let mut used = vec![false; dest.len()];
    let mut merged_dest: Vec<Option<Value>> = dest.iter().cloned().map(Some).collect();
    let mut front: Vec<Value> = Vec::new();
    for p in patch {
        let pk = kv(p);
        let found = dest
            .iter()
            .enumerate()
            .position(|(i, d)| !used[i] && same_element(&pk, &kv(d)));
        let elem_directive = p.as_object().and_then(|m| m.get(PATCH)).map(value_text);
        match (found, elem_directive.as_deref()) {
            (Some(i), Some("delete")) => {
                used[i] = true;
                merged_dest[i] = None;
            }
            (None, Some("delete")) => {}
            (Some(i), Some("replace")) => {
                used[i] = true;
                let clean = p.as_object().map(without_directives).unwrap_or_default();
                if valid_keys.len() > 1 {
                    merged_dest[i] = Some(Value::Object(clean));
                } else {
                    merged_dest[i] = None;
                    front.push(Value::Object(clean));
                }
            }
            (Some(i), _) => {
                used[i] = true;
                let dk = kv(&dest[i]);
                // A patch element that leaves out a key the object's element
                // has does not address it (kustomize ignores it).
                if pk
                    .iter()
                    .zip(&dk)
                    .any(|(a, b)| a.is_empty() && !b.is_empty())
                {
                    continue;
                }
                let m = match (p, &dest[i]) {
                    (Value::Object(po), Value::Object(d)) => {
                        merge_map(Some(d), po, elem_schema)?.map(Value::Object)
                    }
                    (other, _) => Some(other.clone()),
                };
                if valid_keys.len() > 1 {
                    merged_dest[i] = m;
                } else {
                    merged_dest[i] = None;
                    if let Some(m) = m {
                        front.push(m);
                    }
                }
            }
            (None, _) => {
                let m = match p {
                    Value::Object(po) => merge_map(None, po, elem_schema)?.map(Value::Object),
                    other => Some(other.clone()),
                };
                if let Some(m) = m.filter(|v| !v.as_object().is_some_and(Map::is_empty)) {
                    front.push(m);
                }
            }
        }
    }
    front.extend(merged_dest.into_iter().flatten());
    Ok(Some(front))
}

/// An associative list where some element (of the patch or the object)
/// lacks the merge key, merged exactly as kustomize's kyaml walker does it
/// (`walk/associative_sequence.go`), quirks included, since they decide
/// the output: values are taken patch first; the missing key counts as the
/// value "", whose (empty) merge deletes every object element that has the
/// key at that point; the key-less patch element itself is dropped; and an
/// object element without the key that survives to the end replaces
/// everything merged before it (`appendListNode` with no key values).
/// Where the object has no such list, kyaml starts from the patch's list
/// itself (one node as both object and patch), so deletions hit the patch.
fn missing_key_merge(
    dest: Option<Vec<Value>>,
    patch: &[&Value],
    key: &str,
    elem_schema: Schema,
) -> Result<Vec<Value>> {
    let aliased = dest.is_none();
    let dest: Vec<Value> = dest.unwrap_or_else(|| patch.iter().map(|v| (*v).clone()).collect());
    let value_of = |e: &Value| match e.get(key) {
        Some(Value::Null) | None => String::new(),
        Some(v) => value_text(v),
    };
    let mut values: Vec<String> = Vec::new();
    for e in patch.iter().copied().chain(dest.iter()) {
        let v = value_of(e);
        if !values.contains(&v) {
            values.push(v);
        }
    }
    let mut live = dest;
    let mut items: Vec<Value> = Vec::new();
    for v in values {
        if v.is_empty() {
            // A deletion matching any value of the key; empty elements go too.
            live.retain(|e| match e {
                Value::Object(m) => !m.is_empty() && !m.contains_key(key),
                Value::Null => false,
                _ => true,
            });
            continue;
        }
        let at = live.iter().position(|e| e.is_object() && value_of(e) == v);
        let from_patch = if aliased {
            at.map(|i| &live[i])
        } else {
            patch
                .iter()
                .copied()
                .find(|e| e.is_object() && value_of(e) == v)
        };
        let from_dest = if aliased { None } else { at.map(|i| &live[i]) };
        let merged = match (from_dest, from_patch) {
            (None, None) => None,
            (Some(d), None) => Some(d.clone()),
            (d, Some(Value::Object(po))) => {
                merge_map(d.and_then(Value::as_object), po, elem_schema)?.map(Value::Object)
            }
            (_, Some(other)) => Some(other.clone()),
        };
        let Some(mut merged) = merged.filter(|m| !m.as_object().is_some_and(Map::is_empty)) else {
            live.retain(|e| !(e.is_object() && value_of(e) == v));
            continue;
        };
        if let Value::Object(m) = &mut merged
            && !m.contains_key(key)
        {
            m.insert(key.to_string(), Value::String(v.clone()));
        }
        // The walker merges into the object's element in place.
        if let Some(i) = at {
            live[i] = merged.clone();
        }
        match items.iter().position(|e| e.is_object() && value_of(e) == v) {
            Some(i) => items[i] = merged,
            None => items.push(merged),
        }
    }
    // kyaml's appendListNode of what is left of the object's list.
    for e in live {
        let v = value_of(&e);
        if v.is_empty() {
            items = vec![e];
            continue;
        }
        let mut found = false;
        for item in items.iter_mut() {
            if item.is_object() && value_of(item) == v {
                *item = e.clone();
                found = true;
            }
        }
        if !found {
            items.push(e);
        }
    }
    Ok(items)
}

/// Reorders `items` to follow `order` (merge-key maps or primitives);
/// unlisted items keep their relative order after the listed ones.
fn reorder(items: &mut Vec<Value>, order: &[Value], keys: &[String]) {
    let position = |item: &Value| -> Option<usize> {
        order.iter().position(|o| {
            if keys.is_empty() {
                o == item
            } else {
                let ok = key_values(o, keys);
                let ik = key_values(item, keys);
                same_element(&ok, &ik)
            }
        })
    };
    let mut indexed: Vec<(usize, usize, Value)> = items
        .drain(..)
        .enumerate()
        .map(|(i, v)| (position(&v).unwrap_or(usize::MAX), i, v))
        .collect();
    indexed.sort_by_key(|(p, i, _)| (*p, *i));
    items.extend(indexed.into_iter().map(|(_, _, v)| v));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("map")
    }

    fn deploy(containers: Value) -> Map<String, Value> {
        m(
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
                 "spec": {"template": {"spec": {"containers": containers}}}}),
        )
    }

    fn containers(o: &Map<String, Value>) -> Value {
        o["spec"]["template"]["spec"]["containers"].clone()
    }

    #[test]
    fn containers_merge_by_name_patch_first() {
        let base =
            deploy(json!([{"name": "foo1"}, {"name": "foo2", "image": "a"}, {"name": "foo3"}]));
        let p = deploy(json!([{"name": "foo0"}, {"name": "foo2", "image": "b"}]));
        let out = merge_object(&base, &p).expect("merge").expect("kept");
        assert_eq!(
            containers(&out),
            json!([{"name": "foo0"}, {"name": "foo2", "image": "b"}, {"name": "foo1"}, {"name": "foo3"}])
        );
    }

    #[test]
    fn env_merge_delete_and_nulls() {
        let base = deploy(
            json!([{"name": "c", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
            "resources": {"limits": {"cpu": "1"}}, "args": ["x", "y"]}]),
        );
        let p = deploy(
            json!([{"name": "c", "env": [{"name": "B", "$patch": "delete"}, {"name": "NOPE", "$patch": "delete"}],
            "resources": {"limits": null}, "args": ["z"]}]),
        );
        let out = merge_object(&base, &p).expect("merge").expect("kept");
        let c = &containers(&out)[0];
        assert_eq!(c["env"], json!([{"name": "A", "value": "1"}]));
        assert_eq!(c["resources"], json!({}));
        assert_eq!(
            c["args"],
            json!(["z"]),
            "non-associative lists are replaced"
        );
    }

    #[test]
    fn ports_with_protocol_use_both_keys() {
        let base = m(
            json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
            "spec": {"ports": [{"port": 30900, "targetPort": 30900, "protocol": "TCP"}]}}),
        );
        let p = m(
            json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
            "spec": {"ports": [{"port": 30901, "targetPort": 30901}]}}),
        );
        let out = merge_object(&base, &p).expect("merge").expect("kept");
        assert_eq!(
            out["spec"]["ports"],
            json!([{"port": 30901, "targetPort": 30901}, {"port": 30900, "protocol": "TCP", "targetPort": 30900}])
        );
    }

    #[test]
    fn custom_resources_replace_lists_and_merge_maps() {
        let base = m(
            json!({"apiVersion": "x.io/v1", "kind": "W", "metadata": {"name": "w"}, "spec": {"items": [{"name": "a"}], "m": {"a": 1}}}),
        );
        let p = m(
            json!({"apiVersion": "x.io/v1", "kind": "W", "metadata": {"name": "w"}, "spec": {"items": [{"name": "b"}], "m": {"b": 2}}}),
        );
        let out = merge_object(&base, &p).expect("merge").expect("kept");
        assert_eq!(
            out["spec"],
            json!({"items": [{"name": "b"}], "m": {"a": 1, "b": 2}})
        );
    }

    #[test]
    fn directives() {
        let base = deploy(json!([{"name": "test", "image": "test"}]));
        assert!(merge_object(&base, &m(json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}, "$patch": "delete"})))
            .expect("merge")
            .is_none());
        let out = merge_object(
            &base,
            &deploy(json!([{"name": "replace", "image": "replace"}, {"$patch": "replace"}])),
        )
        .expect("m")
        .expect("k");
        assert_eq!(
            containers(&out),
            json!([{"name": "replace", "image": "replace"}])
        );
        let out = merge_object(&base, &deploy(json!([{"name": "x"}, {"$patch": "delete"}])))
            .expect("m")
            .expect("k");
        assert_eq!(out["spec"]["template"]["spec"], json!({}));
        let out = merge_object(
            &base,
            &deploy(json!([{"name": "test", "image": "t2", "$patch": "merge"}])),
        )
        .expect("m")
        .expect("k");
        assert_eq!(containers(&out), json!([{"name": "test", "image": "t2"}]));
        let p = m(
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
            "spec": {"template": {"spec": {"$patch": "replace", "containers": [{"name": "new"}]}}}}),
        );
        let out = merge_object(&base, &p).expect("m").expect("k");
        assert_eq!(
            out["spec"]["template"]["spec"],
            json!({"containers": [{"name": "new"}]})
        );
        assert!(merge_object(&base, &m(json!({"metadata": {"$patch": "bogus"}}))).is_err());
    }

    #[test]
    fn retain_keys_set_element_order_and_delete_from_primitive_list() {
        let base = m(
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "finalizers": ["a", "b", "c"]},
            "spec": {"strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}},
                     "template": {"spec": {"containers": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}}}}),
        );
        let p = m(json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "d", "$deleteFromPrimitiveList/finalizers": ["b"]},
            "spec": {"strategy": {"$retainKeys": ["type"], "type": "Recreate"},
                     "template": {"spec": {"$setElementOrder/containers": [{"name": "c"}, {"name": "a"}, {"name": "b"}]}}}}));
        let out = merge_object(&base, &p).expect("m").expect("k");
        assert_eq!(out["metadata"]["finalizers"], json!(["a", "c"]));
        assert_eq!(out["spec"]["strategy"], json!({"type": "Recreate"}));
        assert_eq!(
            containers(&out),
            json!([{"name": "c"}, {"name": "a"}, {"name": "b"}])
        );
    }

    #[test]
    fn quoted_scalars_stay_strings_and_kinds_must_agree() {
        let base = m(
            json!({"apiVersion": "x/v1", "kind": "K", "metadata": {"name": "k"}, "spec": {"r": "3", "s": {"a": 1}}}),
        );
        let p = m(
            json!({"apiVersion": "x/v1", "kind": "K", "metadata": {"name": "k"}, "spec": {"r": 5}}),
        );
        assert_eq!(
            merge_object(&base, &p).expect("m").expect("k")["spec"]["r"],
            json!("5")
        );
        let p = m(
            json!({"apiVersion": "x/v1", "kind": "K", "metadata": {"name": "k"}, "spec": {"s": [1]}}),
        );
        assert!(merge_object(&base, &p).is_err());
    }

    #[test]
    fn empty_fields_are_dropped_where_the_merge_walks() {
        let mut d =
            deploy(json!([{"name": "c", "args": null, "env": [{"name": "E", "value": null}]}]));
        d["spec"]["template"]["spec"]["tolerations"] = json!([{"key": "k", "value": null}]);
        d["spec"]["template"]["spec"]["affinity"] = json!({"nodeAffinity": {"a": null, "b": null}});
        let empty: Vec<String> = [
            "/spec/template/spec/affinity/nodeAffinity/a",
            "/spec/template/spec/containers/0/args",
            "/spec/template/spec/containers/0/env/0/value",
            "/spec/template/spec/tolerations/0/value",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        drop_empty_nulls(&mut d, &empty);
        let spec = &d["spec"]["template"]["spec"];
        assert_eq!(
            spec["affinity"],
            json!({"nodeAffinity": {"b": null}}),
            "b was written"
        );
        assert_eq!(
            spec["containers"],
            json!([{"name": "c", "env": [{"name": "E"}]}])
        );
        assert_eq!(
            spec["tolerations"],
            json!([{"key": "k", "value": null}]),
            "a list replaced whole is not entered"
        );
    }
}

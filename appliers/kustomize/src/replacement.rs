//! `replacements:`: copy a value from one resource's field (or a literal)
//! into fields of selected resources, as kustomize's ReplacementTransformer.
//!
//! Sources are chosen by exact id (current or previous); targets by anchored
//! regular expressions, label/annotation selectors and rejects. Field paths
//! are dot-separated with `[key=value]` list selectors, indexes and `*`.
//! A scalar target keeps its type; a created field takes the YAML type of
//! the copied text; a field holding JSON or YAML text is edited inside.

use regex::Regex;
use serde_json::{Map, Value};

use super::loader::Loader;
use super::patch::selector::Compiled;
use super::resid::{Gvk, ResId};
use super::resmap::ResMap;
use super::resource::Resource;
use super::types::{
    FieldOptions, Replacement, ReplacementField, Selector, SourceSelector, TargetSelector,
};
use crate::error::{Error, Result};
use crate::manifest;

/// Expands `replacements:` (inline entries and `path:` files) in order.
pub fn load(entries: &[ReplacementField], ldr: &Loader) -> Result<Vec<Replacement>> {
    let mut out = Vec::new();
    for e in entries {
        if !e.path.is_empty() {
            if e.source.is_some() || e.targets.as_ref().is_some_and(|t| !t.is_empty()) {
                return Err(Error::Build(
                    "cannot specify both path and inline replacement".into(),
                ));
            }
            let (shown, text) = ldr.read_text_shown(&e.path, "replacements")?;
            let v = manifest::parse_document(&text, &shown)?;
            let invalid = |err: serde_json::Error| {
                Error::Build(format!("replacements file '{}': {err}", e.path))
            };
            match v {
                Value::Array(_) => {
                    out.extend(serde_json::from_value::<Vec<Replacement>>(v).map_err(invalid)?)
                }
                Value::Object(_) => {
                    out.push(serde_json::from_value::<Replacement>(v).map_err(invalid)?)
                }
                other => {
                    let kind = match other {
                        Value::Null => "invalid",
                        Value::String(_) => "string",
                        Value::Number(_) => "float64",
                        Value::Bool(_) => "bool",
                        _ => "unknown",
                    };
                    return Err(Error::Build(format!(
                        "unsupported replacement type encountered within replacement path: {kind}"
                    )));
                }
            }
        } else {
            out.push(Replacement {
                source: e.source.clone(),
                source_value: e.source_value.clone(),
                targets: e.targets.clone(),
            });
        }
    }
    Ok(out)
}

/// Applies replacements in order; each sees the results of the previous.
pub fn apply(m: &mut ResMap, replacements: &[Replacement]) -> Result<()> {
    for r in replacements {
        let targets = match &r.targets {
            Some(t) if !t.is_empty() && (r.source.is_some() || r.source_value.is_some()) => t,
            _ => {
                return Err(Error::Build(
                    "replacements must specify a source and at least one target".into(),
                ));
            }
        };
        let value = source_value(m, r)?;
        for t in targets {
            apply_target(m, &value, t)?;
        }
    }
    Ok(())
}

/// A source value: a node, or an untyped literal (`sourceValue`).
#[derive(Clone, Debug)]
enum Source {
    Node(Value),
    Untyped(String),
}

impl Source {
    fn text(&self) -> String {
        match self {
            Source::Untyped(s) => s.clone(),
            Source::Node(v) => scalar_text(v),
        }
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn selector_text(s: &SourceSelector) -> String {
    let id = ResId {
        gvk: Gvk {
            group: s.group.clone(),
            version: s.version.clone(),
            kind: s.kind.clone(),
        },
        name: s.name.clone(),
        namespace: s.namespace.clone(),
    };
    let mut out = id.to_string();
    if !s.field_path.is_empty() {
        out.push(':');
        out.push_str(&s.field_path);
    }
    if let Some(o) = &s.options
        && (!o.delimiter.is_empty() || o.create)
    {
        out.push_str(&format!(
            ":{}({}), create={}",
            o.delimiter, o.index, o.create
        ));
    }
    out
}

fn source_value(m: &ResMap, r: &Replacement) -> Result<Source> {
    if r.source.is_some() && r.source_value.is_some() {
        return Err(Error::Build(
            "value and resource selectors are mutually exclusive".into(),
        ));
    }
    if let Some(v) = &r.source_value {
        return Ok(Source::Untyped(v.clone()));
    }
    let Some(src) = &r.source else {
        return Err(Error::Build(
            "replacements must specify a source and at least one target".into(),
        ));
    };
    let selects = |id: &ResId| {
        (src.name.is_empty() || src.name == id.name)
            && (src.namespace.is_empty() || {
                let eff = |ns: &str| {
                    if ns.is_empty() || ns == "default" {
                        "default".to_string()
                    } else {
                        ns.to_string()
                    }
                };
                eff(&src.namespace) == eff(&id.namespace)
            })
            && (src.group.is_empty() || src.group == id.gvk.group)
            && (src.version.is_empty() || src.version == id.gvk.version)
            && (src.kind.is_empty() || src.kind == id.gvk.kind)
    };
    let matches = m.matching_any_id(selects);
    let res = match matches.as_slice() {
        [i] => &m.resources()[*i],
        [] => {
            return Err(Error::Build(format!(
                "nothing selected by {}",
                selector_text(src)
            )));
        }
        _ => {
            return Err(Error::Build(format!(
                "multiple matches for selector {}",
                selector_text(src)
            )));
        }
    };
    let fp = if src.field_path.is_empty() {
        "metadata.name"
    } else {
        &src.field_path
    };
    let segments = split_field_path(fp);
    let whole = Value::Object(res.obj.clone());
    let found = lookup(&whole, &segments)
        .map_err(|e| Error::Build(format!("error looking up replacement source: {e}")))?;
    let missing = || {
        let id = ResId {
            gvk: Gvk {
                group: src.group.clone(),
                version: src.version.clone(),
                kind: src.kind.clone(),
            },
            name: src.name.clone(),
            namespace: src.namespace.clone(),
        };
        Error::Build(format!(
            "fieldPath `{fp}` is missing for replacement source {id}"
        ))
    };
    let v = found.ok_or_else(missing)?;
    if v.is_null()
        || v.as_object().is_some_and(Map::is_empty)
        || v.as_array().is_some_and(Vec::is_empty)
    {
        return Err(missing());
    }
    refine(src.options.as_ref(), v.clone())
}

fn refine(options: Option<&FieldOptions>, v: Value) -> Result<Source> {
    let Some(o) = options.filter(|o| !o.delimiter.is_empty()) else {
        return Ok(Source::Node(v));
    };
    if v.is_object() || v.is_array() {
        return Err(Error::Build(
            "delimiter option can only be used with scalar nodes".into(),
        ));
    }
    let text = scalar_text(&v);
    let parts: Vec<&str> = text.split(o.delimiter.as_str()).collect();
    if o.index < 0 || o.index as usize >= parts.len() {
        return Err(Error::Build(format!(
            "options.index {} is out of bounds for value {text}",
            o.index
        )));
    }
    let part = parts[o.index as usize].to_string();
    Ok(Source::Node(match v {
        Value::String(_) => Value::String(part),
        _ => manifest::parse_document(&part, "value").unwrap_or(Value::String(part)),
    }))
}

fn apply_target(m: &mut ResMap, value: &Source, t: &TargetSelector) -> Result<()> {
    let Some(select) = &t.select else {
        return Err(Error::Build(
            "target must specify resources to select".into(),
        ));
    };
    let sel =
        Compiled::new(&id_only(select)).map_err(|e| e.context("error creating target selector"))?;
    let sel_meta = Compiled::new(&meta_only(select))?;
    let rejects_id: Vec<Compiled> = t
        .reject
        .iter()
        .filter(|r| {
            !(r.group.is_empty()
                && r.version.is_empty()
                && r.kind.is_empty()
                && r.name.is_empty()
                && r.namespace.is_empty())
        })
        .map(|r| Compiled::new(&id_only(r)))
        .collect::<Result<_>>()
        .map_err(|e| e.context("error creating target selector"))?;
    let rejects_meta: Vec<Compiled> = t
        .reject
        .iter()
        .filter(|r| !(r.label_selector.is_empty() && r.annotation_selector.is_empty()))
        .map(|r| Compiled::new(&meta_only(r)))
        .collect::<Result<_>>()?;
    let paths: Vec<String> = if t.field_paths.is_empty() {
        vec!["metadata.name".into()]
    } else {
        t.field_paths.clone()
    };
    let create = t.options.as_ref().is_some_and(|o| o.create);
    for r in m.resources_mut() {
        if !sel_meta.matches_selectors(r) || rejects_meta.iter().any(|x| x.matches_selectors(r)) {
            continue;
        }
        let ids = all_ids(r);
        if rejects_id
            .iter()
            .any(|x| ids.iter().any(|id| x.matches_id_raw(id)))
        {
            continue;
        }
        if !ids.iter().any(|id| sel.matches_id_raw(id)) {
            continue;
        }
        for fp in &paths {
            copy_to_target(r, value, fp, t.options.as_ref(), create)?;
        }
    }
    Ok(())
}

fn id_only(s: &Selector) -> Selector {
    Selector {
        label_selector: String::new(),
        annotation_selector: String::new(),
        ..s.clone()
    }
}

fn meta_only(s: &Selector) -> Selector {
    Selector {
        label_selector: s.label_selector.clone(),
        annotation_selector: s.annotation_selector.clone(),
        ..Default::default()
    }
}

fn all_ids(r: &Resource) -> Vec<ResId> {
    let mut v = vec![r.cur_id()];
    v.extend(r.prev_ids());
    v
}

fn copy_to_target(
    r: &mut Resource,
    value: &Source,
    fp: &str,
    options: Option<&FieldOptions>,
    create: bool,
) -> Result<()> {
    let segments = split_field_path(fp);
    let mut root = Value::Object(std::mem::take(&mut r.obj));
    let result = (|| {
        if structured_edit(&mut root, &segments, value, options, create)? {
            return Ok(());
        }
        let not_found = |inner: Option<String>| {
            let base = if create {
                format!("unable to find or create field {fp:?} in replacement target")
            } else {
                format!("unable to find field {fp:?} in replacement target")
            };
            Error::Build(match inner {
                Some(i) => format!("{base}: {i}"),
                None => base,
            })
        };
        let mut hits = 0;
        target_walk(&mut root, &segments, create, value, &mut |node, created| {
            hits += 1;
            set_value(node, value, options, created)
        })
        .map_err(|e| match e {
            Error::Build(m) => not_found(Some(m)),
            other => other,
        })?;
        if hits == 0 {
            return Err(not_found(None));
        }
        Ok(())
    })();
    if let Value::Object(o) = root {
        r.obj = o;
    }
    result
}

/// Writes the value into one target field.
fn set_value(
    target: &mut Value,
    value: &Source,
    options: Option<&FieldOptions>,
    created: bool,
) -> Result<()> {
    let mut text = value.text();
    if let Some(o) = options.filter(|o| !o.delimiter.is_empty()) {
        if target.is_object() || target.is_array() {
            return Err(Error::Build(
                "delimiter option can only be used with scalar nodes".into(),
            ));
        }
        let current = scalar_text(target);
        let mut parts: Vec<String> = current
            .split(o.delimiter.as_str())
            .map(str::to_string)
            .collect();
        if o.index < 0 {
            parts.insert(0, text);
        } else if o.index as usize >= parts.len() {
            parts.push(text);
        } else {
            parts[o.index as usize] = text;
        }
        text = parts.join(&o.delimiter);
        if created {
            *target = retype(&text);
            return Ok(());
        }
        *target = keep_type(target, &text)?;
        return Ok(());
    }
    if created {
        *target = match value {
            Source::Node(v @ (Value::Object(_) | Value::Array(_))) => v.clone(),
            _ => retype(&text),
        };
        return Ok(());
    }
    match (&*target, value) {
        (Value::Object(_) | Value::Array(_), Source::Node(v)) => *target = v.clone(),
        (Value::Object(_) | Value::Array(_), Source::Untyped(s)) => *target = retype(s),
        (_, Source::Node(Value::Object(_) | Value::Array(_))) => *target = keep_type(target, "")?,
        _ => *target = keep_type(target, &text)?,
    }
    Ok(())
}

/// The text in the target's own type (kustomize keeps the scalar's tag).
fn keep_type(target: &Value, text: &str) -> Result<Value> {
    match target {
        Value::String(_) => Ok(Value::String(text.to_string())),
        Value::Number(n) => {
            let parsed = manifest::parse_document(text, "value")
                .ok()
                .filter(Value::is_number);
            match parsed {
                Some(v) => Ok(v),
                None => Err(Error::Build(format!(
                    "cannot decode !!str `{text}` as a !!{}",
                    if n.is_f64() { "float" } else { "int" }
                ))),
            }
        }
        Value::Bool(_) => match text {
            "true" | "True" | "TRUE" => Ok(Value::Bool(true)),
            "false" | "False" | "FALSE" => Ok(Value::Bool(false)),
            _ => Err(Error::Build(format!(
                "cannot decode !!str `{text}` as a !!bool"
            ))),
        },
        Value::Null => Err(Error::Build(format!(
            "cannot decode !!str `{text}` into a null field"
        ))),
        _ => Ok(Value::String(text.to_string())),
    }
}

/// A created field: the text read as YAML decides the type.
fn retype(text: &str) -> Value {
    if text.is_empty() {
        return Value::Null;
    }
    match manifest::parse_document(text, "value") {
        Ok(v @ (Value::Number(_) | Value::Bool(_) | Value::Null)) => v,
        _ => Value::String(text.to_string()),
    }
}

// ---------------------------------------------------------------- paths

/// Splits a field path on dots: `\.` escapes a dot, `[a.b]` is a key with
/// dots, `[k=v]` a list selector kept whole.
pub fn split_field_path(path: &str) -> Vec<String> {
    let mut parts: Vec<&str> = path.split('.').collect();
    if parts.len() > 1 && parts[0].is_empty() {
        parts.remove(0);
    }
    let mut plain: Vec<String> = Vec::new();
    for p in parts {
        match plain.last_mut() {
            Some(last) if last.ends_with('\\') => {
                last.pop();
                last.push('.');
                last.push_str(p);
            }
            _ => plain.push(p.to_string()),
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < plain.len() {
        let e = &plain[i];
        if e.starts_with('[') && !e.ends_with(']') {
            let mut joined = vec![e.clone()];
            while i + 1 < plain.len() {
                i += 1;
                joined.push(plain[i].clone());
                if plain[i].ends_with(']') {
                    break;
                }
            }
            let s = joined.join(".");
            if s.contains('=') {
                out.push(s);
            } else {
                out.push(s.trim_matches(|c| c == '[' || c == ']').to_string());
            }
        } else {
            out.push(e.clone());
        }
        i += 1;
    }
    out
}

/// `ports[1]` → `ports`, `1` (vars' field paths).
pub fn convert_slice_index(segments: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for s in segments {
        if let Some(open) = s.rfind('[')
            && s.ends_with(']')
            && open > 0
            && s[open + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit())
            && s.len() > open + 2
        {
            out.push(s[..open].to_string());
            out.push(s[open + 1..s.len() - 1].to_string());
        } else {
            out.push(s);
        }
    }
    out
}

fn list_selector(seg: &str) -> Option<(&str, &str)> {
    seg.strip_prefix('[')?.strip_suffix(']')?.split_once('=')
}

/// Source lookup (kyaml's PathGetter): `[k=v]` exact first match, `N`,
/// `-` (last); `*` is an error; missing gives `None`.
pub fn lookup<'a>(v: &'a Value, segs: &[String]) -> std::result::Result<Option<&'a Value>, String> {
    let mut cur = v;
    for raw in segs {
        let seg = raw.trim();
        if seg.is_empty() {
            continue;
        }
        if seg == "*" {
            return Err("wildcard is not supported in PathGetter".into());
        }
        cur = match cur {
            Value::Array(items) => {
                if let Some((k, val)) = list_selector(seg) {
                    let found = items.iter().find(|e| {
                        if k.is_empty() {
                            scalar_text(e) == val
                        } else {
                            e.get(k).is_some_and(|x| scalar_text(x) == val)
                        }
                    });
                    match found {
                        Some(f) => f,
                        None => return Ok(None),
                    }
                } else if seg == "-" {
                    match items.last() {
                        Some(l) => l,
                        None => return Ok(None),
                    }
                } else if let Ok(i) = seg.parse::<i64>() {
                    if i < 0 {
                        return Err(format!("array index {i} cannot be negative"));
                    }
                    match items.get(i as usize) {
                        Some(x) => x,
                        None => return Ok(None),
                    }
                } else {
                    return Err(format!(
                        "wrong node kind: expected MappingNode but got SequenceNode at '{seg}'"
                    ));
                }
            }
            Value::Object(m) => match m.get(seg) {
                Some(x) => x,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
    }
    Ok(Some(cur))
}

/// Target walk (kyaml's PathMatcher): `[k=v]` matches every element whose
/// field matches `v` as an unanchored regular expression, `*` every
/// element, `N` an index (appending at `N == len` when creating).
fn target_walk(
    v: &mut Value,
    segs: &[String],
    create: bool,
    value: &Source,
    f: &mut dyn FnMut(&mut Value, bool) -> Result<()>,
) -> Result<()> {
    walk_inner(v, segs, create, value, f, false)
}

fn walk_inner(
    v: &mut Value,
    segs: &[String],
    create: bool,
    value: &Source,
    f: &mut dyn FnMut(&mut Value, bool) -> Result<()>,
    created: bool,
) -> Result<()> {
    let Some((seg, rest)) = segs.split_first() else {
        return f(v, created);
    };
    match v {
        Value::Array(items) => {
            if let Some((k, pat)) = list_selector(seg) {
                let re = Regex::new(pat)
                    .map_err(|e| Error::Build(format!("invalid list selector '{seg}': {e}")))?;
                let mut any = false;
                for e in items.iter_mut() {
                    let hit = if k.is_empty() {
                        re.is_match(&scalar_text(e))
                    } else {
                        e.get(k).is_some_and(|x| re.is_match(&scalar_text(x)))
                    };
                    if hit {
                        any = true;
                        walk_inner(e, rest, create, value, f, false)?;
                    }
                }
                if !any && create {
                    let mut fresh = if k.is_empty() {
                        Value::String(pat.to_string())
                    } else {
                        let mut m = Map::new();
                        m.insert(k.to_string(), retype(pat));
                        Value::Object(m)
                    };
                    walk_inner(&mut fresh, rest, create, value, f, true)?;
                    items.push(fresh);
                }
                Ok(())
            } else if seg == "*" {
                for e in items.iter_mut() {
                    walk_inner(e, rest, create, value, f, false)?;
                }
                Ok(())
            } else if let Ok(i) = seg.parse::<usize>() {
                if i < items.len() {
                    walk_inner(&mut items[i], rest, create, value, f, false)
                } else if create && i == items.len() {
                    let mut fresh = new_container(rest, value);
                    walk_inner(&mut fresh, rest, create, value, f, true)?;
                    items.push(fresh);
                    Ok(())
                } else {
                    Err(Error::Build(format!(
                        "index {i} specified but only {} elements found",
                        items.len()
                    )))
                }
            } else {
                Err(Error::Build(format!(
                    "wrong node kind: expected MappingNode but got SequenceNode at '{seg}'"
                )))
            }
        }
        Value::Object(m) => {
            if list_selector(seg).is_some() {
                return Err(Error::Build(format!(
                    "wrong node kind: expected SequenceNode but got MappingNode at '{seg}'"
                )));
            }
            if let Some(child) = m.get_mut(seg.as_str()) {
                if child.is_null() && create {
                    *child = new_container(rest, value);
                    return walk_inner(child, rest, create, value, f, true);
                }
                walk_inner(child, rest, create, value, f, false)
            } else if create {
                let mut fresh = new_container(rest, value);
                walk_inner(&mut fresh, rest, create, value, f, true)?;
                m.insert(seg.clone(), fresh);
                Ok(())
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

/// What a created intermediate (or leaf) field starts as.
fn new_container(rest: &[String], value: &Source) -> Value {
    match rest.first() {
        None => match value {
            Source::Node(Value::Object(_)) => Value::Object(Map::new()),
            Source::Node(Value::Array(_)) => Value::Array(Vec::new()),
            _ => Value::Null,
        },
        Some(s) if s.starts_with('[') || s.parse::<usize>().is_ok() || s == "*" => {
            Value::Array(Vec::new())
        }
        Some(_) => Value::Object(Map::new()),
    }
}

/// kustomize v5.8 edits JSON or YAML held in a string field: if the path
/// reaches a string with segments left, the text is parsed, edited and
/// written back. Returns whether it applied.
fn structured_edit(
    root: &mut Value,
    segs: &[String],
    value: &Source,
    options: Option<&FieldOptions>,
    create: bool,
) -> Result<bool> {
    if segs.len() < 2 {
        return Ok(false);
    }
    for i in 1..segs.len() {
        let prefix = &segs[..i];
        let Ok(Some(Value::String(text))) = lookup(root, prefix) else {
            continue;
        };
        let trimmed = text.trim_start();
        let is_json = trimmed.starts_with('{') || trimmed.starts_with('[');
        let parsed: Option<Value> = if is_json {
            serde_json::from_str(text).ok()
        } else {
            manifest::parse_document(text, "field").ok()
        };
        let Some(mut doc) = parsed.filter(|d| d.is_object() || d.is_array()) else {
            return Ok(false);
        };
        let mut hits = 0;
        let ok = target_walk(&mut doc, &segs[i..], create, value, &mut |node, created| {
            hits += 1;
            set_value(node, value, options, created)
        });
        if ok.is_err() || hits == 0 {
            return Ok(false);
        }
        let new_text = if is_json {
            if text.contains('\n') && text.contains("  ") {
                serde_json::to_string_pretty(&sort_keys(&doc)).unwrap_or_default()
            } else {
                serde_json::to_string(&sort_keys(&doc)).unwrap_or_default()
            }
        } else {
            manifest::to_yaml(&doc).trim().to_string()
        };
        // Write back through the same path (it exists: lookup found it).
        let mut hits = 0;
        target_walk(root, prefix, false, value, &mut |node, _| {
            hits += 1;
            *node = Value::String(new_text.clone());
            Ok(())
        })?;
        return Ok(hits > 0);
    }
    Ok(false)
}

fn sort_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sort_keys(&m[k])))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_path_splitting() {
        assert_eq!(
            split_field_path("spec.template.spec.containers.[name=app].image"),
            vec![
                "spec",
                "template",
                "spec",
                "containers",
                "[name=app]",
                "image"
            ]
        );
        assert_eq!(
            split_field_path("metadata.annotations.[a.b.c/d-e]"),
            vec!["metadata", "annotations", "a.b.c/d-e"]
        );
        assert_eq!(
            split_field_path("data.config\\.json.x"),
            vec!["data", "config.json", "x"]
        );
        assert_eq!(
            split_field_path("a.[name=.first].b"),
            vec!["a", "[name=.first]", "b"]
        );
        assert_eq!(
            convert_slice_index(split_field_path("spec.ports[1].port")),
            vec!["spec", "ports", "1", "port"]
        );
    }
}

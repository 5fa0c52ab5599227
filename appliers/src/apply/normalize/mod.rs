//! What Flux's kustomize-controller does to every object before applying it
//! (`fluxcd/pkg/ssa` `normalize.UnstructuredList`): a kind client-go knows
//! goes through its Go type and back, so unknown fields vanish, empty lists
//! and maps under `omitempty` vanish, non-pointer structs appear as `{}`,
//! quantities and times take their canonical text; container and Service
//! ports get `protocol: TCP`, a Secret's `stringData` moves into `data`; a
//! conversion failure leaves the object as it was. Doing the same here makes
//! Sluice's applies own exactly the fields Flux's own (so a controller that
//! takes over from the other changes nothing) and accept what Flux accepts.
//!
//! The Go types come from `schema.json`, generated from client-go by
//! `tests/testbed-go/flux-normalize schema` (the versions kustomize-controller
//! v1.9.6 builds with); `tests/normalize_oracle.rs` checks this module
//! against that same Go code.

mod quantity;
mod time;

use std::collections::HashMap;
use std::sync::LazyLock;

use base64::Engine as _;
use serde_json::{Map, Value};

use self::quantity::Quantity;
use self::time::Instant;

/// A Go type, as the converter sees it.
#[derive(Debug)]
enum Ty {
    Str,
    Bool,
    Int32,
    Int64,
    Bytes,
    Custom(Custom),
    Slice(Box<Ty>),
    Map(Box<Ty>),
    Ptr(Box<Ty>),
    Struct(usize),
    Interface,
}

/// Types with their own JSON form.
#[derive(Clone, Copy, Debug)]
enum Custom {
    Quantity,
    IntOrString,
    Time,
    MicroTime,
    RawExtension,
    FieldsV1,
}

#[derive(Debug)]
struct Field {
    json: String,
    omitempty: bool,
    omitzero: bool,
    inline: bool,
    ty: Ty,
}

#[derive(Debug)]
struct StructType {
    /// Go's `<package>.<Type>`.
    name: String,
    fields: Vec<Field>,
}

#[derive(Debug, Default)]
struct Schema {
    /// `group/version/Kind` (core: `v1/Kind`) → struct.
    kinds: HashMap<String, usize>,
    types: Vec<StructType>,
}

static SCHEMA: LazyLock<Schema> = LazyLock::new(|| {
    // Generated and checked in; a broken file fails every test at once.
    load(include_str!("schema.json")).unwrap_or_default()
});

fn load(text: &str) -> Result<Schema, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let types_doc = doc
        .get("types")
        .and_then(Value::as_object)
        .ok_or("no types")?;
    let ids: HashMap<&str, usize> = types_doc
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut types = Vec::with_capacity(types_doc.len());
    for t in types_doc.values() {
        let mut fields = Vec::new();
        for f in t
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let flag = |k: &str| f.get(k).and_then(Value::as_bool).unwrap_or(false);
            let ty = f.get("type").and_then(Value::as_str).ok_or("field type")?;
            fields.push(Field {
                json: f.get("json").and_then(Value::as_str).unwrap_or("").into(),
                omitempty: flag("omitempty"),
                omitzero: flag("omitzero"),
                inline: flag("inline"),
                ty: parse_ty(ty, &ids)?,
            });
        }
        types.push(StructType {
            name: t.get("name").and_then(Value::as_str).unwrap_or("").into(),
            fields,
        });
    }
    let mut kinds = HashMap::new();
    for (k, v) in doc
        .get("kinds")
        .and_then(Value::as_object)
        .ok_or("no kinds")?
    {
        let id = v.as_str().and_then(|s| ids.get(s)).ok_or("kind type")?;
        kinds.insert(k.clone(), *id);
    }
    Ok(Schema { kinds, types })
}

fn parse_ty(s: &str, ids: &HashMap<&str, usize>) -> Result<Ty, String> {
    Ok(match s {
        "string" => Ty::Str,
        "bool" => Ty::Bool,
        "int32" => Ty::Int32,
        "int64" => Ty::Int64,
        "bytes" => Ty::Bytes,
        "interface" => Ty::Interface,
        _ => {
            if let Some(rest) = s.strip_prefix("[]") {
                Ty::Slice(Box::new(parse_ty(rest, ids)?))
            } else if let Some(rest) = s.strip_prefix('*') {
                Ty::Ptr(Box::new(parse_ty(rest, ids)?))
            } else if let Some(rest) = s.strip_prefix("map[").and_then(|r| r.strip_suffix(']')) {
                Ty::Map(Box::new(parse_ty(rest, ids)?))
            } else if let Some(id) = s.strip_prefix("struct:") {
                Ty::Struct(*ids.get(id).ok_or_else(|| format!("unknown type {id}"))?)
            } else if let Some(name) = s.strip_prefix("custom:") {
                Ty::Custom(match name {
                    "Quantity" => Custom::Quantity,
                    "IntOrString" => Custom::IntOrString,
                    "Time" => Custom::Time,
                    "MicroTime" => Custom::MicroTime,
                    "RawExtension" => Custom::RawExtension,
                    "FieldsV1" => Custom::FieldsV1,
                    other => return Err(format!("unknown custom type {other}")),
                })
            } else {
                return Err(format!("unknown type {s}"));
            }
        }
    })
}

/// A Go value of a schema type (only what the round trip needs).
#[derive(Debug)]
enum Typed {
    Str(String),
    Bool(bool),
    Int(i64),
    /// `[]byte`: `None` is nil.
    Bytes(Option<Vec<u8>>),
    Slice(Option<Vec<Typed>>),
    Map(Option<Vec<(String, Typed)>>),
    Ptr(Option<Box<Typed>>),
    /// One value per field, in declaration order.
    Struct(usize, Vec<Typed>),
    Quantity(Quantity),
    Int32OrString(IntOrString),
    /// `None`: the zero time.
    Time(Option<Instant>),
    MicroTime(Option<Instant>),
    /// `RawExtension`/`FieldsV1`: `None` is nil.
    Raw(Option<Value>),
    Interface(Value),
}

#[derive(Debug)]
enum IntOrString {
    Int(i32),
    Str(String),
}

/// How the converter names a JSON value's Go kind in its errors.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "invalid",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() => "int64",
        Value::Number(_) => "float64",
        Value::String(_) => "string",
        Value::Array(_) => "slice",
        Value::Object(_) => "map",
    }
}

/// A JSON number as Go's decoder holds it: an int64 when it is an integer
/// that fits, else a float64.
enum GoNumber {
    Int(i64),
    Float(f64),
}

fn go_number(v: &Value) -> Option<GoNumber> {
    let n = v.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(GoNumber::Int(i));
    }
    n.as_f64().map(GoNumber::Float)
}

/// A float64 converted to an integer the way amd64 Go does: truncation,
/// and the "integer indefinite" value when out of range.
fn go_float_to_i64(f: f64) -> i64 {
    if f.abs() < 9.223_372_036_854_776e18 {
        f as i64
    } else {
        i64::MIN
    }
}

fn zero(ty: &Ty, schema: &Schema) -> Typed {
    match ty {
        Ty::Str => Typed::Str(String::new()),
        Ty::Bool => Typed::Bool(false),
        Ty::Int32 | Ty::Int64 => Typed::Int(0),
        Ty::Bytes => Typed::Bytes(None),
        Ty::Slice(_) => Typed::Slice(None),
        Ty::Map(_) => Typed::Map(None),
        Ty::Ptr(_) => Typed::Ptr(None),
        Ty::Struct(id) => Typed::Struct(
            *id,
            schema.types[*id]
                .fields
                .iter()
                .map(|f| zero(&f.ty, schema))
                .collect(),
        ),
        Ty::Custom(c) => match c {
            Custom::Quantity => Typed::Quantity(Quantity::zero()),
            Custom::IntOrString => Typed::Int32OrString(IntOrString::Int(0)),
            Custom::Time => Typed::Time(None),
            Custom::MicroTime => Typed::MicroTime(None),
            Custom::RawExtension | Custom::FieldsV1 => Typed::Raw(None),
        },
        Ty::Interface => Typed::Interface(Value::Null),
    }
}

/// `runtime.DefaultUnstructuredConverter.FromUnstructured` for one value.
fn from(v: Option<&Value>, ty: &Ty, schema: &Schema) -> Result<Typed, String> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(zero(ty, schema));
    };
    match ty {
        Ty::Str => match v {
            Value::String(s) => Ok(Typed::Str(s.clone())),
            Value::Number(_) => Err(format!("cannot convert {} to string", kind_of(v))),
            _ => Err("unrecognized type: string".into()),
        },
        Ty::Bool => match v {
            Value::Bool(b) => Ok(Typed::Bool(*b)),
            _ => Err("unrecognized type: bool".into()),
        },
        Ty::Int32 | Ty::Int64 => {
            let name = if matches!(ty, Ty::Int32) {
                "int32"
            } else {
                "int64"
            };
            let i = match go_number(v) {
                Some(GoNumber::Int(i)) => i,
                Some(GoNumber::Float(f)) if f == f.trunc() => go_float_to_i64(f),
                Some(GoNumber::Float(_)) => {
                    return Err(format!("cannot convert float64 to {name}"));
                }
                None => return Err(format!("unrecognized type: {name}")),
            };
            // Go's conversion wraps silently.
            Ok(Typed::Int(if matches!(ty, Ty::Int32) {
                i64::from(i as i32)
            } else {
                i
            }))
        }
        Ty::Bytes => match v {
            Value::String(s) if s.is_empty() => Ok(Typed::Bytes(Some(Vec::new()))),
            Value::String(s) => decode_base64(s).map(|b| Typed::Bytes(Some(b))),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match from(Some(item), &Ty::Int64, schema)? {
                        Typed::Int(i) => out.push(i as u8),
                        _ => return Err("unrecognized type: uint8".into()),
                    }
                }
                Ok(Typed::Bytes(Some(out)))
            }
            _ => Err(format!("cannot restore slice from {}", kind_of(v))),
        },
        Ty::Slice(elem) => match v {
            Value::Array(items) => items
                .iter()
                .map(|i| from(Some(i), elem, schema))
                .collect::<Result<Vec<_>, _>>()
                .map(|v| Typed::Slice(Some(v))),
            _ => Err(format!("cannot restore slice from {}", kind_of(v))),
        },
        Ty::Map(elem) => match v {
            Value::Object(m) => m
                .iter()
                .map(|(k, x)| from(Some(x), elem, schema).map(|t| (k.clone(), t)))
                .collect::<Result<Vec<_>, _>>()
                .map(|v| Typed::Map(Some(v))),
            _ => Err(format!("cannot restore map from {}", kind_of(v))),
        },
        Ty::Ptr(inner) => from(Some(v), inner, schema).map(|t| Typed::Ptr(Some(Box::new(t)))),
        Ty::Struct(id) => {
            let Value::Object(m) = v else {
                return Err(format!("cannot restore struct from: {}", kind_of(v)));
            };
            let t = &schema.types[*id];
            let mut values = Vec::with_capacity(t.fields.len());
            for f in &t.fields {
                values.push(if f.inline {
                    from(Some(v), &f.ty, schema)?
                } else {
                    from(m.get(&f.json), &f.ty, schema)?
                });
            }
            Ok(Typed::Struct(*id, values))
        }
        Ty::Custom(c) => custom_from(v, *c),
        Ty::Interface => Ok(Typed::Interface(v.clone())),
    }
}

/// Go's `encoding/base64.StdEncoding.DecodeString`: padding required,
/// line breaks skipped, non-zero trailing bits accepted.
fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical),
    );
    let cleaned: String = s.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    LENIENT
        .decode(cleaned.as_bytes())
        .map_err(|e| format!("error decoding from json: illegal base64 data: {e}"))
}

/// A JSON value re-read as Go reads what it marshaled: integral numbers
/// written without an exponent become integers.
fn reparse(v: &Value) -> Value {
    match v {
        Value::Number(n) if !n.is_i64() => match n.as_f64() {
            Some(f) => {
                let text = quantity::go_json_float(f);
                match text.parse::<i64>() {
                    Ok(i) => Value::from(i),
                    Err(_) => v.clone(),
                }
            }
            None => v.clone(),
        },
        Value::Array(a) => Value::Array(a.iter().map(reparse).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, x)| (k.clone(), reparse(x))).collect()),
        _ => v.clone(),
    }
}

fn custom_from(v: &Value, c: Custom) -> Result<Typed, String> {
    match c {
        Custom::Quantity => {
            let q = match v {
                Value::String(s) => quantity::from_json_string(s),
                _ => match go_number(v) {
                    Some(GoNumber::Int(i)) => quantity::from_json_number_i64(i),
                    Some(GoNumber::Float(f)) => quantity::from_json_number_f64(f),
                    None => Err(format!("cannot parse {} as a quantity", kind_of(v))),
                },
            }?;
            Ok(Typed::Quantity(q))
        }
        Custom::IntOrString => match v {
            Value::String(s) => Ok(Typed::Int32OrString(IntOrString::Str(s.clone()))),
            _ => {
                // encoding/json into an int32: the marshaled text must be
                // an integer literal that fits.
                let text = match go_number(v) {
                    Some(GoNumber::Int(i)) => i.to_string(),
                    Some(GoNumber::Float(f)) => quantity::go_json_float(f),
                    None => return Err(format!("cannot unmarshal {} into int32", kind_of(v))),
                };
                text.parse::<i32>()
                    .map(|i| Typed::Int32OrString(IntOrString::Int(i)))
                    .map_err(|_| {
                        format!("json: cannot unmarshal number {text} into Go value of type int32")
                    })
            }
        },
        Custom::Time | Custom::MicroTime => {
            let Value::String(s) = v else {
                return Err(format!(
                    "json: cannot unmarshal {} into Go value of type string",
                    kind_of(v)
                ));
            };
            let t = if matches!(c, Custom::Time) {
                time::parse_time(s)?
            } else {
                time::parse_micro_time(s)?
            };
            let t = (!time::is_zero(&t)).then_some(t);
            Ok(if matches!(c, Custom::Time) {
                Typed::Time(t)
            } else {
                Typed::MicroTime(t)
            })
        }
        Custom::RawExtension | Custom::FieldsV1 => Ok(Typed::Raw(Some(reparse(v)))),
    }
}

/// `isEmpty` of the converter's `omitempty`: structs never are.
fn is_empty(t: &Typed) -> bool {
    match t {
        Typed::Str(s) => s.is_empty(),
        Typed::Bool(b) => !b,
        Typed::Int(i) => *i == 0,
        Typed::Bytes(b) => b.as_ref().is_none_or(Vec::is_empty),
        Typed::Slice(s) => s.as_ref().is_none_or(Vec::is_empty),
        Typed::Map(m) => m.as_ref().is_none_or(Vec::is_empty),
        Typed::Ptr(p) => p.is_none(),
        Typed::Interface(v) => v.is_null(),
        _ => false,
    }
}

/// `runtime.DefaultUnstructuredConverter.ToUnstructured` for one value;
/// maps come out with sorted keys, as Go writes them.
fn to(t: &Typed, schema: &Schema) -> Value {
    match t {
        Typed::Str(s) => Value::String(s.clone()),
        Typed::Bool(b) => Value::Bool(*b),
        Typed::Int(i) => Value::from(*i),
        Typed::Bytes(None) | Typed::Slice(None) | Typed::Map(None) | Typed::Ptr(None) => {
            Value::Null
        }
        Typed::Bytes(Some(b)) => Value::String(base64::engine::general_purpose::STANDARD.encode(b)),
        Typed::Slice(Some(items)) => Value::Array(items.iter().map(|i| to(i, schema)).collect()),
        Typed::Map(Some(entries)) => {
            let mut sorted: Vec<&(String, Typed)> = entries.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                sorted
                    .into_iter()
                    .map(|(k, v)| (k.clone(), to(v, schema)))
                    .collect(),
            )
        }
        Typed::Ptr(Some(inner)) => to(inner, schema),
        Typed::Struct(id, values) => {
            let mut out = Map::new();
            struct_to(*id, values, schema, &mut out);
            out.sort_keys();
            Value::Object(out)
        }
        Typed::Quantity(q) => Value::String(q.render()),
        Typed::Int32OrString(IntOrString::Int(i)) => Value::from(*i),
        Typed::Int32OrString(IntOrString::Str(s)) => Value::String(s.clone()),
        Typed::Time(None) | Typed::MicroTime(None) | Typed::Raw(None) => Value::Null,
        Typed::Time(Some(t)) => Value::String(time::format_time(t)),
        Typed::MicroTime(Some(t)) => Value::String(time::format_micro_time(t)),
        Typed::Raw(Some(v)) => sorted(v),
        Typed::Interface(v) => v.clone(),
    }
}

fn struct_to(id: usize, values: &[Typed], schema: &Schema, out: &mut Map<String, Value>) {
    for (f, v) in schema.types[id].fields.iter().zip(values) {
        if f.omitempty && is_empty(v) {
            continue;
        }
        if f.omitzero && matches!(v, Typed::Time(None) | Typed::MicroTime(None)) {
            continue;
        }
        if f.inline {
            if let Typed::Struct(inner, vals) = v {
                struct_to(*inner, vals, schema, out);
            }
            continue;
        }
        out.insert(f.json.clone(), to(v, schema));
    }
}

fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out: Map<String, Value> =
                m.iter().map(|(k, x)| (k.clone(), sorted(x))).collect();
            out.sort_keys();
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
        _ => v.clone(),
    }
}

/// `group/version/Kind` as the scheme is keyed, per Go's
/// `ParseGroupVersion` (more than one `/` parses as nothing registered).
fn gvk_key(api_version: &str, kind: &str) -> Option<String> {
    match api_version.split('/').collect::<Vec<_>>().as_slice() {
        [""] | ["", ""] => None,
        [v] => Some(format!("{v}/{kind}")),
        [g, v] => Some(format!("{g}/{v}/{kind}")),
        _ => None,
    }
}

/// Sets `protocol: TCP` on ports that have none, as normalize.go does for
/// the Go types it lists.
fn default_protocols(obj: &mut Value, type_name: &str) {
    let containers: &[&str] = match type_name {
        "k8s.io/api/core/v1.Pod" => &["spec", "containers"],
        "k8s.io/api/apps/v1.Deployment"
        | "k8s.io/api/apps/v1.StatefulSet"
        | "k8s.io/api/apps/v1.DaemonSet"
        | "k8s.io/api/apps/v1.ReplicaSet"
        | "k8s.io/api/batch/v1.Job" => &["spec", "template", "spec", "containers"],
        "k8s.io/api/batch/v1.CronJob" => &[
            "spec",
            "jobTemplate",
            "spec",
            "template",
            "spec",
            "containers",
        ],
        "k8s.io/api/core/v1.Service" => &["spec"],
        _ => return,
    };
    let mut at = Some(&mut *obj);
    for k in containers {
        at = at.and_then(|v| v.get_mut(*k));
    }
    let Some(at) = at else { return };
    let port_lists: Vec<&mut Value> = if type_name == "k8s.io/api/core/v1.Service" {
        at.get_mut("ports").into_iter().collect()
    } else {
        at.as_array_mut()
            .into_iter()
            .flatten()
            .filter_map(|c| c.get_mut("ports"))
            .collect()
    };
    for ports in port_lists {
        for p in ports.as_array_mut().into_iter().flatten() {
            if let Some(p) = p.as_object_mut()
                && p.get("protocol")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .is_empty()
            {
                p.insert("protocol".into(), Value::String("TCP".into()));
                p.sort_keys();
            }
        }
    }
}

/// A Secret's `stringData` folded into `data`, as normalize.go does.
fn fold_string_data(obj: &mut Value) {
    let Some(m) = obj.as_object_mut() else { return };
    let Some(Value::Object(sd)) = m.get("stringData").cloned() else {
        return;
    };
    if sd.is_empty() {
        return;
    }
    m.remove("stringData");
    let data = m.entry("data").or_insert_with(|| Value::Object(Map::new()));
    if let Some(d) = data.as_object_mut() {
        for (k, v) in sd {
            let s = v.as_str().unwrap_or_default();
            d.insert(
                k,
                Value::String(base64::engine::general_purpose::STANDARD.encode(s)),
            );
        }
        d.sort_keys();
    }
    m.sort_keys();
}

/// Normalizes one object in place, as Flux does before applying it.
pub fn normalize(obj: &mut Value) {
    let schema = &*SCHEMA;
    let api_version = obj
        .get("apiVersion")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let kind = obj
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    // Upstream skips them (a serialization bug once reset their rules).
    if api_version == "rbac.authorization.k8s.io/v1" && (kind == "Role" || kind == "ClusterRole") {
        return;
    }
    if let Some(id) = gvk_key(&api_version, &kind).and_then(|k| schema.kinds.get(&k).copied())
        && let Ok(typed) = from(Some(obj), &Ty::Struct(id), schema)
    {
        let mut out = to(&typed, schema);
        let name = &schema.types[id].name;
        default_protocols(&mut out, name);
        if name == "k8s.io/api/core/v1.Secret" {
            fold_string_data(&mut out);
        }
        *obj = out;
    }
    // Kinds client-go's scheme knows but that are not objects (`List`,
    // `Status`, …) make Flux panic; Sluice passes them through like a
    // custom resource and lets the API server judge them.
    if let Some(m) = obj.as_object_mut() {
        let md = m
            .entry("metadata")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(md) = md.as_object_mut() {
            md.insert("creationTimestamp".into(), Value::Null);
        }
        let is_crd = kind.eq_ignore_ascii_case("customresourcedefinition")
            && api_version.starts_with("apiextensions.k8s.io/");
        if !is_crd {
            m.remove("status");
        }
    }
    // Flux sends what Go marshals: a float like `1.0` goes out as `1`.
    reparse_in_place(obj);
}

/// [`reparse`] without copying what does not change.
fn reparse_in_place(v: &mut Value) {
    match v {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && let Ok(i) = quantity::go_json_float(f).parse::<i64>()
            {
                *v = Value::from(i);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(reparse_in_place),
        Value::Object(m) => m.values_mut().for_each(reparse_in_place),
        _ => {}
    }
}

/// [`normalize`] for every object.
pub fn normalize_all(objects: &mut [Value]) {
    for o in objects {
        normalize(o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_schema_loads() {
        let s = &*SCHEMA;
        assert!(s.kinds.len() > 100, "{}", s.kinds.len());
        assert!(s.kinds.contains_key("apps/v1/Deployment"));
        assert!(s.kinds.contains_key("v1/ConfigMap"));
    }

    #[test]
    fn deployment_gains_what_its_go_type_always_writes() {
        let mut d = json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web", "labels": {}},
            "spec": {"selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}},
                    "spec": {"containers": [{"name": "app", "image": "x", "args": [],
                        "ports": [{"containerPort": 80}], "bogus": 1}]}}},
            "status": {"replicas": 1}
        });
        normalize(&mut d);
        assert_eq!(
            d,
            json!({
                "apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": "web", "creationTimestamp": null},
                "spec": {"selector": {"matchLabels": {"app": "web"}}, "strategy": {},
                    "template": {"metadata": {"labels": {"app": "web"}},
                        "spec": {"containers": [{"name": "app", "image": "x",
                            "ports": [{"containerPort": 80, "protocol": "TCP"}],
                            "resources": {}}]}}}
            })
        );
    }

    #[test]
    fn a_failed_conversion_passes_the_object_through() {
        let mut d = json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "x"}, "spec": {"replicas": "3"}, "status": {}});
        normalize(&mut d);
        assert_eq!(
            d,
            json!({"apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": "x", "creationTimestamp": null}, "spec": {"replicas": "3"}})
        );
    }

    #[test]
    fn secrets_fold_string_data_and_rbac_v1_roles_are_left_alone() {
        let mut s = json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
            "data": {"user": "YWRtaW4="}, "stringData": {"pass": "new"}});
        normalize(&mut s);
        assert_eq!(s["data"], json!({"pass": "bmV3", "user": "YWRtaW4="}));
        assert!(s.get("stringData").is_none());
        let role = json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
            "metadata": {"name": "r"}, "bogus": 1, "status": {}});
        let mut r = role.clone();
        normalize(&mut r);
        assert_eq!(r, role);
    }
}

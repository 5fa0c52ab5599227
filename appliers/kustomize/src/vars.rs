//! `vars:` (deprecated but supported): `$(NAME)` in the varReference fields
//! replaced by a field of a named object, read after all names are final.

use serde_json::Value;

use super::fieldspec::{Create, FieldSpec};
use super::replacement::{convert_slice_index, lookup, split_field_path};
use super::resid::{Gvk, ResId};
use super::resmap::ResMap;
use super::resource::value_text;
use super::types::Var;
use crate::error::{Error, Result};

/// The GVK a var's objref names (`apiVersion` wins over group/version).
fn objref_gvk(v: &Var) -> Gvk {
    let o = &v.objref;
    if o.api_version.is_empty() {
        Gvk {
            group: o.group.clone(),
            version: o.version.clone(),
            kind: o.kind.clone(),
        }
    } else {
        Gvk::from_api_version(&o.api_version, &o.kind)
    }
}

/// Whether `id` is the object a var refers to (exact type and name; the
/// namespace only when given).
pub fn objref_matches(v: &Var, id: &ResId) -> bool {
    let target = ResId {
        gvk: objref_gvk(v),
        name: v.objref.name.clone(),
        namespace: v.objref.namespace.clone(),
    };
    if !target.namespace.is_empty() || target.gvk.is_cluster_scoped() {
        target.equals(id)
    } else {
        target.gvkn_equals(id)
    }
}

fn describe(v: &Var) -> String {
    let fp = if v.fieldref.field_path.is_empty() {
        "metadata.name"
    } else {
        &v.fieldref.field_path
    };
    format!(
        "{} ({} {} {}: {fp})",
        v.name,
        objref_gvk(v).api_version_kind(),
        v.objref.namespace,
        v.objref.name
    )
}

/// Substitutes every var into the varReference fields.
pub fn resolve(m: &mut ResMap, vars: &[Var], specs: &[FieldSpec]) -> Result<()> {
    if vars.is_empty() {
        return Ok(());
    }
    let mut values: Vec<(String, Value)> = Vec::new();
    for v in vars {
        let res = m
            .resources()
            .iter()
            .find(|r| r.ref_vars.contains(&v.name))
            .ok_or_else(|| {
                Error::Build(format!(
                    "var '{}' cannot be mapped to a field in the set of known resources",
                    describe(v)
                ))
            })?;
        let fp = if v.fieldref.field_path.is_empty() {
            "metadata.name"
        } else {
            &v.fieldref.field_path
        };
        let segs = convert_slice_index(split_field_path(fp));
        let found = lookup(&Value::Object(res.obj.clone()), &segs)
            .ok()
            .flatten()
            .cloned();
        let value = found.ok_or_else(|| {
            Error::Build(format!(
                "field specified in var '{}' not found in corresponding resource",
                describe(v)
            ))
        })?;
        values.push((v.name.clone(), value));
    }
    let lookup_var = |name: &str| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    for r in m.resources_mut() {
        for fs in specs {
            fs.apply(r, Create::Never, &mut |v| substitute_node(v, &lookup_var))?;
        }
    }
    Ok(())
}

fn substitute_node(v: &mut Value, vars: &dyn Fn(&str) -> Option<Value>) -> Result<()> {
    match v {
        Value::String(s) => {
            *v = expand(s, vars);
            Ok(())
        }
        Value::Object(m) => {
            for (_, val) in m.iter_mut() {
                if let Value::String(s) = val {
                    *val = expand(s, vars);
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                let Value::String(s) = item else {
                    return Err(Error::Build("invalid value type expect a string".into()));
                };
                *item = expand(s, vars);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn primitive(v: &Value) -> Option<&Value> {
    match v {
        Value::String(_) | Value::Number(_) | Value::Bool(_) => Some(v),
        _ => None,
    }
}

/// kustomize's DoReplacements: `$(NAME)` replaced, `$$` → `$`, a string that
/// is exactly `$(NAME)` takes the var's type.
pub fn expand(input: &str, vars: &dyn Fn(&str) -> Option<Value>) -> Value {
    let b = input.as_bytes();
    let mut out = String::new();
    let mut checkpoint = 0;
    let mut cursor = 0;
    while cursor < b.len() {
        if b[cursor] == b'$' && cursor + 1 < b.len() {
            out.push_str(&input[checkpoint..cursor]);
            let rest = &input[cursor + 1..];
            let advance;
            if rest.starts_with('$') {
                out.push('$');
                advance = 1;
            } else if let Some(inner) = rest.strip_prefix('(') {
                match inner.find(')') {
                    Some(close) => {
                        let name = &inner[..close];
                        match vars(name).as_ref().and_then(primitive) {
                            Some(val) => {
                                if input.len() == name.len() + 3 {
                                    return val.clone();
                                }
                                out.push_str(&value_text(val));
                            }
                            None => out.push_str(&format!("$({name})")),
                        }
                        advance = close + 2;
                    }
                    None => {
                        out.push_str("$(");
                        advance = 1;
                    }
                }
            } else {
                let ch = rest.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push_str(&input[cursor..cursor + 1 + ch]);
                advance = ch;
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        cursor += 1;
    }
    if checkpoint < input.len() {
        out.push_str(&input[checkpoint..]);
    }
    Value::String(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars(name: &str) -> Option<Value> {
        match name {
            "A" => Some(json!("a")),
            "B" => Some(json!("B")),
            "PORT" => Some(json!(8888)),
            _ => None,
        }
    }

    #[test]
    fn expands_like_kustomize() {
        assert_eq!(expand("x-$(A)-y", &vars), json!("x-a-y"));
        assert_eq!(expand("$(PORT)", &vars), json!(8888));
        assert_eq!(expand("p=$(PORT)", &vars), json!("p=8888"));
        assert_eq!(expand("$$(A)", &vars), json!("$(A)"));
        assert_eq!(expand("$(UNKNOWN)", &vars), json!("$(UNKNOWN)"));
        assert_eq!(expand("$(B)___$(A", &vars), json!("B___$(A"));
        assert_eq!(expand("$VAR ${X} $", &vars), json!("$VAR ${X} $"));
        assert_eq!(expand("$$$$$$(A)", &vars), json!("$$$(A)"));
    }
}

//! `crds:`: OpenAPI definitions of custom types whose `x-kubernetes-*`
//! extensions tell kustomize which of their fields hold annotations, label
//! selectors, identities and references to other objects by name.

use serde_json::{Map, Value};

use super::config::{NameBackRefs, TransformerConfig};
use super::fieldspec::{FieldSpec, merge_one};
use crate::error::{Error, Result};
use crate::manifest;

/// The transformer configuration a `crds:` file adds.
pub fn name_references(text: &str, file: &str) -> Result<TransformerConfig> {
    let doc = manifest::parse_document(text, file)?;
    let Value::Object(defs) = doc else {
        return Err(Error::Build(format!(
            "unable to parse open API definition from '{file}': expected a mapping"
        )));
    };
    let mut tc = TransformerConfig::default();
    for (name, def) in &defs {
        let Some(props) = properties(def) else {
            continue;
        };
        if !(props.contains_key("kind")
            && props.contains_key("apiVersion")
            && props.contains_key("metadata"))
        {
            continue;
        }
        let kind = name.rsplit('.').next().unwrap_or(name).to_string();
        walk(&mut tc, &kind, &defs, name, &mut Vec::new(), 0)?;
    }
    Ok(tc)
}

fn schema(def: &Value) -> Option<&Value> {
    def.get("Schema").or_else(|| def.get("schema"))
}

fn properties(def: &Value) -> Option<&Map<String, Value>> {
    schema(def)?.get("properties")?.as_object()
}

fn fs(kind: &str, path: &[String]) -> FieldSpec {
    FieldSpec {
        kind: kind.into(),
        path: path.join("/"),
        ..Default::default()
    }
}

fn walk(
    tc: &mut TransformerConfig,
    kind: &str,
    defs: &Map<String, Value>,
    type_name: &str,
    path: &mut Vec<String>,
    depth: usize,
) -> Result<()> {
    if depth > 32 {
        return Ok(());
    }
    let Some(props) = defs.get(type_name).and_then(properties) else {
        return Ok(());
    };
    for (prop, p) in props {
        path.push(prop.clone());
        let ext = |k: &str| p.get(k).and_then(Value::as_str);
        if ext("x-kubernetes-annotation").is_some() {
            merge_one(&mut tc.common_annotations, fs(kind, path))?;
        }
        if ext("x-kubernetes-label-selector").is_some() {
            merge_one(&mut tc.common_labels, fs(kind, path))?;
        }
        if ext("x-kubernetes-identity").is_some() {
            merge_one(&mut tc.name_prefix, fs(kind, path))?;
        }
        if let (Some(version), Some(ref_kind)) = (
            ext("x-kubernetes-object-ref-api-version"),
            ext("x-kubernetes-object-ref-kind"),
        ) {
            let key = ext("x-kubernetes-object-ref-name-key").unwrap_or("name");
            let mut full = path.clone();
            full.push(key.to_string());
            let nbr = NameBackRefs {
                version: version.into(),
                kind: ref_kind.into(),
                field_specs: vec![fs(kind, &full)],
                ..Default::default()
            };
            tc.merge(&TransformerConfig {
                name_reference: vec![nbr],
                ..Default::default()
            })?;
        }
        if let Some(r) = p.get("$ref").and_then(Value::as_str) {
            walk(tc, kind, defs, r, path, depth + 1)?;
        }
        path.pop();
    }
    Ok(())
}

//! `commonLabels`, `labels:` and `commonAnnotations`: string entries set in
//! every map the field specs designate, created where the spec says so.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::fieldspec::{Create, FieldSpec};
use crate::resmap::ResMap;

/// Sets every `entries` key on the designated maps.
pub fn apply(
    m: &mut ResMap,
    entries: &BTreeMap<String, String>,
    specs: &[FieldSpec],
) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let split: Vec<Vec<String>> = specs
        .iter()
        .map(|fs| crate::fieldspec::split_path(&fs.path))
        .collect();
    for r in m.resources_mut() {
        for (fs, path) in specs.iter().zip(&split) {
            fs.apply_split(r, path, Create::Map, &mut |v| {
                if v.is_null() {
                    *v = Value::Object(Map::new());
                }
                let Value::Object(map) = v else {
                    return Err(Error::Build(format!(
                        "wrong node kind: expected a mapping at '{}'",
                        fs.path
                    )));
                };
                for (k, val) in entries {
                    map.insert(k.clone(), Value::String(val.clone()));
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

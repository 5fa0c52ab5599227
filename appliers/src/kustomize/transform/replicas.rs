//! `replicas:`: sets `spec.replicas` of the named workload (by any name it
//! has had), creating the field when missing.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::kustomize::fieldspec::{Create, FieldSpec};
use crate::kustomize::resmap::ResMap;
use crate::kustomize::types::Replica;

/// Applies one `replicas:` entry.
pub fn apply(m: &mut ResMap, rep: &Replica, specs: &[FieldSpec]) -> Result<()> {
    let mut found = false;
    for fs in specs {
        let matches =
            m.matching_any_id(|id| id.name == rep.name && id.gvk.is_selected_by(&fs.gvk()));
        for i in matches {
            found = true;
            fs.apply(&mut m.resources_mut()[i], Create::Scalar, &mut |v| {
                *v = Value::from(rep.count);
                Ok(())
            })?;
        }
    }
    if !found {
        let gvks: Vec<String> = specs.iter().map(|f| f.gvk().to_string()).collect();
        return Err(Error::Build(format!(
            "resource with name {} does not match a config with the following GVK [{}]",
            rep.name,
            gvks.join(" ")
        )));
    }
    Ok(())
}

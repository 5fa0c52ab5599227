//! `replicas:`: sets `spec.replicas` of the named workload (by any name it
//! has had), creating the field when missing.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::fieldspec::{Create, FieldSpec};
use crate::resmap::ResMap;
use crate::types::Replica;

/// Applies one `replicas:` entry.
pub fn apply(m: &mut ResMap, rep: &Replica, specs: &[FieldSpec]) -> Result<()> {
    let mut found = false;
    // Names first: building ids for every resource per entry is quadratic.
    let named: Vec<usize> = m.indices_named(&rep.name);
    for fs in specs {
        let sel = fs.gvk();
        let matches: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&i| {
                m.resources()[i].any_id(|id| id.name == rep.name && id.gvk.is_selected_by(&sel))
            })
            .collect();
        for i in matches {
            found = true;
            m.with_resource_mut(i, |r| {
                fs.apply(r, Create::Scalar, &mut |v| {
                    *v = Value::from(rep.count);
                    Ok(())
                })
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

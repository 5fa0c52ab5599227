//! `namePrefix:` and `nameSuffix:`. CustomResourceDefinitions, APIServices
//! and Namespaces keep their names, as in kustomize.

use serde_json::Value;

use crate::error::Result;
use crate::fieldspec::{Create, FieldSpec};
use crate::resid::Gvk;
use crate::resmap::ResMap;

fn skipped(gvk: &Gvk) -> bool {
    gvk.kind == "CustomResourceDefinition"
        || gvk.kind == "Namespace"
        || (gvk.kind == "APIService" && gvk.group == "apiregistration.k8s.io")
}

/// Which end of the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// `namePrefix`.
    Prefix,
    /// `nameSuffix`.
    Suffix,
}

/// Applies a prefix or suffix through the configured field specs.
pub fn apply(m: &mut ResMap, affix: &str, end: End, specs: &[FieldSpec]) -> Result<()> {
    for r in m.resources_mut() {
        let org = r.org_id();
        if skipped(&org.gvk) {
            continue;
        }
        for fs in specs {
            if !fs.selects_gvk(&org.gvk) {
                continue;
            }
            if fs.path == "metadata/name" {
                if !affix.is_empty() {
                    match end {
                        End::Prefix => r.prefixes.push(affix.to_string()),
                        End::Suffix => r.suffixes.push(affix.to_string()),
                    }
                    r.store_previous_id();
                } else {
                    // kustomize records the (empty) context only when non-empty.
                }
            }
            fs.apply(r, Create::Never, &mut |v| {
                if let Value::String(s) = v {
                    *s = match end {
                        End::Prefix => format!("{affix}{s}"),
                        End::Suffix => format!("{s}{affix}"),
                    };
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

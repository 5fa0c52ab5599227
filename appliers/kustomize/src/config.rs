//! Transformer configuration: the builtin field specs plus what a
//! kustomization adds through `configurations:` and `crds:`.

use std::sync::LazyLock;

use serde::Deserialize;

use super::fieldspec::{FieldSpec, merge_all};
use super::resid::Gvk;
use crate::error::{Error, Result};

/// Fields that refer to objects of one type by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameBackRefs {
    /// Group of the referenced type.
    #[serde(default)]
    pub group: String,
    /// Version of the referenced type.
    #[serde(default)]
    pub version: String,
    /// Kind of the referenced type.
    #[serde(default)]
    pub kind: String,
    /// The referring fields.
    #[serde(default, rename = "fieldSpecs")]
    pub field_specs: Vec<FieldSpec>,
}

impl NameBackRefs {
    /// The referenced type.
    pub fn gvk(&self) -> Gvk {
        Gvk {
            group: self.group.clone(),
            version: self.version.clone(),
            kind: self.kind.clone(),
        }
    }
}

/// Field specs per builtin transformer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransformerConfig {
    /// `namePrefix`.
    #[serde(default)]
    pub name_prefix: Vec<FieldSpec>,
    /// `nameSuffix`.
    #[serde(default)]
    pub name_suffix: Vec<FieldSpec>,
    /// `namespace`.
    #[serde(default)]
    pub namespace: Vec<FieldSpec>,
    /// `commonLabels` (selectors and templates included).
    #[serde(default)]
    pub common_labels: Vec<FieldSpec>,
    /// Extra fields for every `labels:` entry.
    #[serde(default)]
    pub labels: Vec<FieldSpec>,
    /// `labels[].includeTemplates`.
    #[serde(default)]
    pub template_labels: Vec<FieldSpec>,
    /// `labels[].includeVolumeClaimTemplates`.
    #[serde(default)]
    pub volume_claim_template_labels: Vec<FieldSpec>,
    /// `commonAnnotations`.
    #[serde(default)]
    pub common_annotations: Vec<FieldSpec>,
    /// Name references.
    #[serde(default)]
    pub name_reference: Vec<NameBackRefs>,
    /// Fields where `$(VAR)` is substituted.
    #[serde(default)]
    pub var_reference: Vec<FieldSpec>,
    /// `images`.
    #[serde(default)]
    pub images: Vec<FieldSpec>,
    /// `replicas`.
    #[serde(default)]
    pub replicas: Vec<FieldSpec>,
}

static BUILTIN: LazyLock<std::result::Result<TransformerConfig, String>> = LazyLock::new(|| {
    TransformerConfig::parse(include_str!("builtin-config.yaml"), "builtin-config.yaml")
        .map_err(|e| format!("builtin config: {e}"))
});

/// The builtin configuration merged into nothing (deduplicated, which
/// picks which of two equivalent specs applies): what every directory
/// without `configurations:` starts from.
static BUILTIN_MERGED: LazyLock<std::result::Result<TransformerConfig, String>> =
    LazyLock::new(|| {
        let builtin = BUILTIN.as_ref().map_err(Clone::clone)?;
        TransformerConfig::default()
            .merged(builtin)
            .map_err(|e| format!("builtin config: {e}"))
    });

/// kyaml's `Gvk.IsLessThan`: legacy kind order, then `group_version_kind`.
fn gvk_order(a: &Gvk, b: &Gvk) -> std::cmp::Ordering {
    let rank = |k: &str| -> i64 {
        let first = super::sort::ORDER_FIRST;
        let last = super::sort::ORDER_LAST;
        if let Some(i) = first.iter().position(|x| *x == k) {
            return i as i64 - first.len() as i64;
        }
        if let Some(i) = last.iter().position(|x| *x == k) {
            return 1 + i as i64;
        }
        0
    };
    rank(&a.kind)
        .cmp(&rank(&b.kind))
        .then_with(|| a.stable_sort_string().cmp(&b.stable_sort_string()))
}

fn sort_specs(v: &mut [FieldSpec]) {
    v.sort_by(|a, b| gvk_order(&a.gvk(), &b.gvk()));
}

impl TransformerConfig {
    /// The builtin configuration.
    pub fn builtin() -> Result<Self> {
        Self::builtin_ref().cloned()
    }

    /// The builtin configuration, not copied.
    pub fn builtin_ref() -> Result<&'static Self> {
        BUILTIN.as_ref().map_err(|e| Error::Build(e.clone()))
    }

    /// Parses a `configurations:` file (sorted, as kustomize loads it).
    pub fn parse(text: &str, file: &str) -> Result<Self> {
        let v = crate::manifest::parse_document(text, file)?;
        let mut c: Self = if v.is_null() {
            Self::default()
        } else {
            serde_json::from_value(v).map_err(|e| Error::Kustomization {
                file: file.into(),
                message: format!("invalid transformer configuration: {e}"),
            })?
        };
        c.sort();
        Ok(c)
    }

    /// Sorts every list by type, as kustomize does after loading or merging.
    /// The order matters: a wildcard spec sorted after a specific one with
    /// the same path is absorbed by it in a later merge (kustomize's quirk).
    pub fn sort(&mut self) {
        for l in [
            &mut self.name_prefix,
            &mut self.name_suffix,
            &mut self.namespace,
            &mut self.common_labels,
            &mut self.labels,
            &mut self.template_labels,
            &mut self.volume_claim_template_labels,
            &mut self.common_annotations,
            &mut self.var_reference,
            &mut self.images,
            &mut self.replicas,
        ] {
            sort_specs(l);
        }
        self.name_reference
            .sort_by(|a, b| gvk_order(&a.gvk(), &b.gvk()));
    }

    /// This configuration merged with `other` (kustomize's Merge: merge then sort).
    pub fn merged(&self, other: &TransformerConfig) -> Result<Self> {
        let mut out = self.clone();
        out.merge(other)?;
        out.sort();
        Ok(out)
    }

    /// `*self = self.merged(other)`, without the work where the result is
    /// known (every directory of a monorepo merges the same builtin
    /// configuration into nothing, then into its parent): configurations
    /// are always sorted, so merging nothing or an equal one changes
    /// nothing, and the builtin one merged into nothing is computed once.
    pub fn merge_into(&mut self, other: &TransformerConfig) -> Result<()> {
        let empty = TransformerConfig::default();
        if *other == empty || *self == *other {
            return Ok(());
        }
        if *self == empty {
            let merged = BUILTIN_MERGED
                .as_ref()
                .map_err(|e| Error::Build(e.clone()))?;
            if *other == *merged || *other == *Self::builtin_ref()? {
                *self = merged.clone();
                return Ok(());
            }
        }
        *self = self.merged(other)?;
        Ok(())
    }

    /// Merges `other` into this configuration.
    pub fn merge(&mut self, other: &TransformerConfig) -> Result<()> {
        merge_all(&mut self.name_prefix, &other.name_prefix)?;
        merge_all(&mut self.name_suffix, &other.name_suffix)?;
        merge_all(&mut self.namespace, &other.namespace)?;
        merge_all(&mut self.common_labels, &other.common_labels)?;
        merge_all(&mut self.labels, &other.labels)?;
        merge_all(&mut self.template_labels, &other.template_labels)?;
        merge_all(
            &mut self.volume_claim_template_labels,
            &other.volume_claim_template_labels,
        )?;
        merge_all(&mut self.common_annotations, &other.common_annotations)?;
        merge_all(&mut self.var_reference, &other.var_reference)?;
        merge_all(&mut self.images, &other.images)?;
        merge_all(&mut self.replicas, &other.replicas)?;
        for nbr in &other.name_reference {
            match self
                .name_reference
                .iter_mut()
                .find(|e| e.gvk() == nbr.gvk())
            {
                Some(e) => merge_all(&mut e.field_specs, &nbr.field_specs)?,
                None => self.name_reference.push(nbr.clone()),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specific_specs_absorb_the_wildcard_like_kustomize() {
        let custom = TransformerConfig::parse(
            "namePrefix:\n- path: metadata/name\n  kind: IngressHost\n",
            "c",
        )
        .expect("parse");
        let level = TransformerConfig::builtin()
            .expect("builtin")
            .merged(&custom)
            .expect("merge");
        let acc = TransformerConfig::default().merged(&level).expect("merge");
        assert_eq!(acc.name_prefix.len(), 1);
        assert_eq!(acc.name_prefix[0].kind, "IngressHost");
    }

    #[test]
    fn builtin_config_loads() {
        let c = TransformerConfig::builtin().expect("builtin");
        assert_eq!(c.name_prefix.len(), 1);
        assert!(
            c.common_labels
                .iter()
                .any(|f| f.kind == "Deployment" && f.path == "spec/selector/matchLabels")
        );
        let cm = c
            .name_reference
            .iter()
            .find(|n| n.kind == "ConfigMap")
            .expect("ConfigMap refs");
        assert!(cm.field_specs.iter().any(|f| f.path
            == "spec/template/spec/volumes/configMap/name"
            && f.kind == "Deployment"));
        let merged = TransformerConfig::default().merged(&c).expect("merge");
        let secret = merged
            .name_reference
            .iter()
            .find(|n| n.kind == "Secret")
            .expect("Secret refs");
        assert!(
            secret
                .field_specs
                .iter()
                .any(|f| f.path == "spec/tls/secretName")
        );
    }
}

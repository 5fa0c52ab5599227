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

// Generated, not formatted: one line per spec keeps it reviewable.
#[rustfmt::skip]
mod builtin;

/// kustomize's builtin configuration (`builtin-config.yaml`), parsed and
/// sorted. Read from tables generated from the YAML (a test keeps them
/// equal), so a build does not parse 26 KB of YAML before its first file.
static BUILTIN: LazyLock<std::result::Result<TransformerConfig, String>> =
    LazyLock::new(|| Ok(from_table(&builtin::PARSED)));

/// The builtin configuration merged into nothing (deduplicated, which
/// picks which of two equivalent specs applies): what every directory
/// without `configurations:` starts from.
static BUILTIN_MERGED: LazyLock<std::result::Result<TransformerConfig, String>> =
    LazyLock::new(|| Ok(from_table(&builtin::MERGED)));

/// A field spec as a table row: group, version, kind, path, create.
type SpecRow = (&'static str, &'static str, &'static str, &'static str, bool);

/// A [`TransformerConfig`] as static rows.
struct Table {
    name_prefix: &'static [SpecRow],
    name_suffix: &'static [SpecRow],
    namespace: &'static [SpecRow],
    common_labels: &'static [SpecRow],
    labels: &'static [SpecRow],
    template_labels: &'static [SpecRow],
    volume_claim_template_labels: &'static [SpecRow],
    common_annotations: &'static [SpecRow],
    /// group, version, kind of the referenced type, and its referrers.
    name_reference: &'static [(&'static str, &'static str, &'static str, &'static [SpecRow])],
    var_reference: &'static [SpecRow],
    images: &'static [SpecRow],
    replicas: &'static [SpecRow],
}

fn from_table(t: &Table) -> TransformerConfig {
    let specs = |rows: &[SpecRow]| -> Vec<FieldSpec> {
        rows.iter()
            .map(|&(group, version, kind, path, create)| FieldSpec {
                group: group.into(),
                version: version.into(),
                kind: kind.into(),
                path: path.into(),
                create,
            })
            .collect()
    };
    TransformerConfig {
        name_prefix: specs(t.name_prefix),
        name_suffix: specs(t.name_suffix),
        namespace: specs(t.namespace),
        common_labels: specs(t.common_labels),
        labels: specs(t.labels),
        template_labels: specs(t.template_labels),
        volume_claim_template_labels: specs(t.volume_claim_template_labels),
        common_annotations: specs(t.common_annotations),
        name_reference: t
            .name_reference
            .iter()
            .map(|&(group, version, kind, rows)| NameBackRefs {
                group: group.into(),
                version: version.into(),
                kind: kind.into(),
                field_specs: specs(rows),
            })
            .collect(),
        var_reference: specs(t.var_reference),
        images: specs(t.images),
        replicas: specs(t.replicas),
    }
}

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

    /// `c` as the rows of a generated table named `name`.
    fn render_table(name: &str, c: &TransformerConfig) -> String {
        let rows = |specs: &[FieldSpec], indent: &str| -> String {
            let mut out = String::from("&[\n");
            for f in specs {
                out.push_str(&format!(
                    "{indent}    ({:?}, {:?}, {:?}, {:?}, {}),\n",
                    f.group, f.version, f.kind, f.path, f.create
                ));
            }
            out.push_str(indent);
            out.push(']');
            out
        };
        let mut out = format!("pub(super) static {name}: Table = Table {{\n");
        for (field, specs) in [
            ("name_prefix", &c.name_prefix),
            ("name_suffix", &c.name_suffix),
            ("namespace", &c.namespace),
            ("common_labels", &c.common_labels),
            ("labels", &c.labels),
            ("template_labels", &c.template_labels),
            (
                "volume_claim_template_labels",
                &c.volume_claim_template_labels,
            ),
            ("common_annotations", &c.common_annotations),
            ("var_reference", &c.var_reference),
            ("images", &c.images),
            ("replicas", &c.replicas),
        ] {
            out.push_str(&format!("    {field}: {},\n", rows(specs, "    ")));
        }
        out.push_str("    name_reference: &[\n");
        for n in &c.name_reference {
            out.push_str(&format!(
                "        ({:?}, {:?}, {:?}, {}),\n",
                n.group,
                n.version,
                n.kind,
                rows(&n.field_specs, "        ")
            ));
        }
        out.push_str("    ],\n};\n");
        out
    }

    /// The generated tables are the YAML parsed and merged; run with
    /// `SLUICE_REGENERATE=1` after changing `builtin-config.yaml`.
    #[test]
    fn builtin_tables_match_the_yaml() {
        let parsed =
            TransformerConfig::parse(include_str!("builtin-config.yaml"), "builtin-config.yaml")
                .expect("builtin config parses");
        let merged = TransformerConfig::default()
            .merged(&parsed)
            .expect("builtin config merges");
        let text = format!(
            "//! @generated from `builtin-config.yaml` by the test\n\
             //! `config::tests::builtin_tables_match_the_yaml` (run it with\n\
             //! `SLUICE_REGENERATE=1` to write this file): kustomize's builtin\n\
             //! configuration parsed and sorted, and merged into nothing.\n\n\
             use super::Table;\n\n{}\n{}",
            render_table("PARSED", &parsed),
            render_table("MERGED", &merged)
        );
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/config/builtin.rs");
        crate::check_generated(path, &text);
        assert_eq!(from_table(&builtin::PARSED), parsed);
        assert_eq!(from_table(&builtin::MERGED), merged);
    }

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

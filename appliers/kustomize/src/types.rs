//! The kustomization file (`kustomize.config.k8s.io/v1beta1` Kustomization
//! and `v1alpha1` Component). Unknown fields are refused, as kustomize does.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::fieldspec::FieldSpec;
use crate::error::{Error, Result};

/// File names a kustomization may have, in the order kustomize looks.
pub const FILE_NAMES: [&str; 3] = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/// A kustomization or component.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Kustomization {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
    #[serde(default)]
    pub openapi: BTreeMap<String, String>,
    #[serde(default)]
    pub name_prefix: String,
    #[serde(default)]
    pub name_suffix: String,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub common_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: Vec<Label>,
    #[serde(default)]
    pub common_annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub patches_strategic_merge: Vec<String>,
    #[serde(default, rename = "patchesJson6902")]
    pub patches_json6902: Vec<Patch>,
    #[serde(default)]
    pub patches: Vec<Patch>,
    #[serde(default)]
    pub images: Vec<Image>,
    #[serde(default)]
    pub image_tags: Vec<Image>,
    #[serde(default)]
    pub replacements: Vec<ReplacementField>,
    #[serde(default)]
    pub replicas: Vec<Replica>,
    #[serde(default)]
    pub vars: Vec<Var>,
    #[serde(default)]
    pub sort_options: Option<SortOptions>,
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub components: Vec<String>,
    #[serde(default)]
    pub crds: Vec<String>,
    #[serde(default)]
    pub bases: Vec<String>,
    #[serde(default)]
    pub config_map_generator: Vec<GeneratorArgs>,
    #[serde(default)]
    pub secret_generator: Vec<GeneratorArgs>,
    #[serde(default)]
    pub helm_globals: Option<serde_json::Value>,
    #[serde(default)]
    pub helm_charts: Vec<serde_json::Value>,
    #[serde(default)]
    pub helm_chart_inflation_generator: Vec<serde_json::Value>,
    #[serde(default)]
    pub generator_options: Option<GeneratorOptions>,
    #[serde(default)]
    pub configurations: Vec<String>,
    #[serde(default)]
    pub generators: Vec<String>,
    #[serde(default)]
    pub transformers: Vec<String>,
    #[serde(default)]
    pub validators: Vec<String>,
    #[serde(default)]
    pub build_metadata: Vec<String>,
}

/// A `labels:` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Label {
    #[serde(default)]
    pub pairs: BTreeMap<String, String>,
    #[serde(default)]
    pub include_selectors: bool,
    #[serde(default)]
    pub include_templates: bool,
    #[serde(default)]
    pub include_volume_claim_templates: bool,
    #[serde(default)]
    pub fields: Vec<FieldSpec>,
}

/// A `patches:` / `patchesJson6902:` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Patch {
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub patch: String,
    #[serde(default)]
    pub target: Option<Selector>,
    #[serde(default)]
    pub options: BTreeMap<String, bool>,
}

/// Which resources a patch or replacement applies to.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Selector {
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub label_selector: String,
    #[serde(default)]
    pub annotation_selector: String,
}

/// An `images:` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Image {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub new_name: String,
    #[serde(default)]
    pub new_tag: String,
    #[serde(default)]
    pub tag_suffix: String,
    #[serde(default)]
    pub digest: String,
}

/// A `replicas:` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Replica {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub count: i64,
}

/// A `replacements:` entry: inline, or `path:` to a file of them.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ReplacementField {
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub source: Option<SourceSelector>,
    #[serde(default)]
    pub source_value: Option<String>,
    #[serde(default)]
    pub targets: Option<Vec<TargetSelector>>,
}

/// One replacement: a value (from a resource field or literal) copied into
/// fields of selected resources.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Replacement {
    #[serde(default)]
    pub source: Option<SourceSelector>,
    #[serde(default)]
    pub source_value: Option<String>,
    #[serde(default)]
    pub targets: Option<Vec<TargetSelector>>,
}

/// Where a replacement reads its value.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SourceSelector {
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub field_path: String,
    #[serde(default)]
    pub options: Option<FieldOptions>,
}

/// Where a replacement writes its value.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct TargetSelector {
    #[serde(default)]
    pub select: Option<Selector>,
    #[serde(default)]
    pub reject: Vec<Selector>,
    #[serde(default)]
    pub field_paths: Vec<String>,
    #[serde(default)]
    pub options: Option<FieldOptions>,
}

/// Replacement options.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FieldOptions {
    #[serde(default)]
    pub delimiter: String,
    #[serde(default)]
    pub index: i64,
    #[serde(default)]
    pub encoding: String,
    #[serde(default)]
    pub create: bool,
}

/// A `vars:` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Var {
    pub name: String,
    #[serde(default)]
    pub objref: ObjRef,
    #[serde(default)]
    pub fieldref: FieldRef,
}

/// What a var reads from.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ObjRef {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub namespace: String,
}

/// The field a var reads; default `metadata.name`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FieldRef {
    #[serde(default, rename = "fieldPath", alias = "fieldpath")]
    pub field_path: String,
}

/// `sortOptions`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SortOptions {
    #[serde(default)]
    pub order: String,
    #[serde(default)]
    pub legacy_sort_options: Option<LegacySortOptions>,
}

/// `sortOptions.legacySortOptions`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct LegacySortOptions {
    #[serde(default)]
    pub order_first: Vec<String>,
    #[serde(default)]
    pub order_last: Vec<String>,
}

/// A `configMapGenerator` / `secretGenerator` entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct GeneratorArgs {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub behavior: String,
    #[serde(default)]
    pub literals: Vec<String>,
    #[serde(default)]
    pub files: Vec<String>,
    #[serde(default)]
    pub envs: Vec<String>,
    #[serde(default)]
    pub env: String,
    #[serde(default, rename = "type")]
    pub type_: String,
    #[serde(default)]
    pub options: Option<GeneratorOptions>,
}

/// `generatorOptions` and per-generator `options`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct GeneratorOptions {
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub disable_name_suffix_hash: bool,
    #[serde(default)]
    pub immutable: bool,
}

impl GeneratorOptions {
    /// kustomize's MergeGlobalOptionsIntoLocal: local keys win, booleans are
    /// true if either is.
    pub fn merged(
        local: Option<&GeneratorOptions>,
        global: Option<&GeneratorOptions>,
    ) -> GeneratorOptions {
        let mut out = local.cloned().unwrap_or_default();
        if let Some(g) = global {
            for (k, v) in &g.labels {
                out.labels.entry(k.clone()).or_insert_with(|| v.clone());
            }
            for (k, v) in &g.annotations {
                out.annotations
                    .entry(k.clone())
                    .or_insert_with(|| v.clone());
            }
            out.disable_name_suffix_hash |= g.disable_name_suffix_hash;
            out.immutable |= g.immutable;
        }
        out
    }
}

/// The kustomization file's field names, for case-insensitive matching.
const FIELDS: &[&str] = &[
    "apiVersion",
    "kind",
    "metadata",
    "openapi",
    "namePrefix",
    "nameSuffix",
    "namespace",
    "commonLabels",
    "labels",
    "commonAnnotations",
    "patchesStrategicMerge",
    "patchesJson6902",
    "patches",
    "images",
    "imageTags",
    "replacements",
    "replicas",
    "vars",
    "sortOptions",
    "resources",
    "components",
    "crds",
    "bases",
    "configMapGenerator",
    "secretGenerator",
    "helmGlobals",
    "helmCharts",
    "helmChartInflationGenerator",
    "generatorOptions",
    "configurations",
    "generators",
    "transformers",
    "validators",
    "buildMetadata",
];

/// The kind of a component.
pub const COMPONENT_KIND: &str = "Component";

/// Top-level fields that are maps of strings, where `key:` with no value
/// means the empty string.
const STRING_MAPS: &[&str] = &["commonLabels", "commonAnnotations"];

/// Field names of the structs nested in a kustomization, which Go's JSON
/// decoding matches case-insensitively as it does the top-level ones.
const NESTED_FIELDS: &[&str] = &[
    "pairs",
    "includeSelectors",
    "includeTemplates",
    "includeVolumeClaimTemplates",
    "fields",
    "path",
    "patch",
    "target",
    "options",
    "group",
    "version",
    "kind",
    "name",
    "namespace",
    "labelSelector",
    "annotationSelector",
    "newName",
    "newTag",
    "tagSuffix",
    "digest",
    "count",
    "source",
    "sourceValue",
    "targets",
    "fieldPath",
    "select",
    "reject",
    "fieldPaths",
    "delimiter",
    "index",
    "encoding",
    "create",
    "objref",
    "fieldref",
    "apiVersion",
    "order",
    "legacySortOptions",
    "orderFirst",
    "orderLast",
    "behavior",
    "literals",
    "files",
    "envs",
    "env",
    "type",
    "labels",
    "annotations",
    "disableNameSuffixHash",
    "immutable",
];

/// Maps whose keys are data (label names, annotation names, option
/// names), never field names.
const DATA_MAPS: &[&str] = &[
    "pairs",
    "labels",
    "annotations",
    "commonLabels",
    "commonAnnotations",
    "metadata",
    "openapi",
    "helmGlobals",
    "helmCharts",
    "helmChartInflationGenerator",
];

/// Boolean fields, which kustomize reads with YAML 1.1's words.
const BOOL_FIELDS: &[&str] = &[
    "includeSelectors",
    "includeTemplates",
    "includeVolumeClaimTemplates",
    "create",
    "disableNameSuffixHash",
    "immutable",
    "allowNameChange",
    "allowKindChange",
];

/// YAML 1.1's boolean words beyond `true`/`false` (go-yaml v2, which
/// `sigs.k8s.io/yaml` uses to read kustomization files).
fn yaml11_bool(s: &str) -> Option<bool> {
    match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

/// Reads a nested kustomization value as Go's JSON decoding into the
/// kustomize types does: field names matched case-insensitively, YAML 1.1
/// boolean words in boolean fields (and in the `options` of patches).
fn go_json_fields(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Array(items) => {
            for i in items {
                go_json_fields(i);
            }
        }
        serde_json::Value::Object(m) => {
            let entries: Vec<(String, serde_json::Value)> = std::mem::take(m).into_iter().collect();
            for (key, mut val) in entries {
                let canonical = if NESTED_FIELDS.contains(&key.as_str()) {
                    key
                } else {
                    NESTED_FIELDS
                        .iter()
                        .find(|f| f.eq_ignore_ascii_case(&key))
                        .map_or(key, |f| f.to_string())
                };
                if BOOL_FIELDS.contains(&canonical.as_str())
                    && let Some(b) = val.as_str().and_then(yaml11_bool)
                {
                    val = serde_json::Value::Bool(b);
                }
                if !DATA_MAPS.contains(&canonical.as_str()) || val.is_array() {
                    go_json_fields(&mut val);
                }
                m.insert(canonical, val);
            }
        }
        _ => {}
    }
}

fn empty_strings_for_nulls(v: &mut serde_json::Value) {
    if let serde_json::Value::Object(m) = v {
        for x in m.values_mut() {
            if x.is_null() {
                *x = serde_json::Value::String(String::new());
            }
        }
    }
}

impl Kustomization {
    /// Parses and normalises a kustomization file (deprecated fields folded
    /// into their successors as kustomize's FixKustomization does).
    pub fn parse(text: &str, file: &str) -> Result<Self> {
        // Go decodes kustomization files as JSON: repeated keys keep the last
        // value and field names match case-insensitively.
        let mut v = crate::manifest::parse_document_lenient(text, file)?;
        if let serde_json::Value::Object(m) = &mut v {
            let entries: Vec<(String, serde_json::Value)> = std::mem::take(m).into_iter().collect();
            for (key, mut val) in entries {
                // A field left empty (`resources:` with every entry
                // commented out) is no field, as in kustomize.
                if val.is_null() {
                    continue;
                }
                let canonical = FIELDS
                    .iter()
                    .find(|f| f.eq_ignore_ascii_case(&key))
                    .map_or(key, |f| f.to_string());
                if STRING_MAPS.contains(&canonical.as_str()) {
                    empty_strings_for_nulls(&mut val);
                }
                if !DATA_MAPS.contains(&canonical.as_str()) || val.is_array() {
                    go_json_fields(&mut val);
                }
                if canonical == "labels"
                    && let serde_json::Value::Array(items) = &mut val
                {
                    for item in items {
                        if let Some(p) = item.get_mut("pairs") {
                            empty_strings_for_nulls(p);
                        }
                    }
                }
                m.insert(canonical, val);
            }
        }
        let mut k: Kustomization = if v.is_null() {
            Kustomization::default()
        } else {
            serde_json::from_value(v).map_err(|e| Error::Kustomization {
                file: file.to_string(),
                message: format!(
                    "invalid kustomization: {}",
                    clean_serde_message(&e.to_string())
                ),
            })?
        };
        if k.kind.is_empty() {
            k.kind = "Kustomization".into();
        }
        if k.kind != "Kustomization" && k.kind != COMPONENT_KIND {
            return Err(Error::Kustomization {
                file: file.into(),
                message: format!("kind '{}' is neither Kustomization nor Component", k.kind),
            });
        }
        let required = if k.kind == COMPONENT_KIND {
            "kustomize.config.k8s.io/v1alpha1"
        } else {
            "kustomize.config.k8s.io/v1beta1"
        };
        if !k.api_version.is_empty() && k.api_version != required {
            return Err(Error::Kustomization {
                file: file.into(),
                message: format!("apiVersion for {} should be {required}", k.kind),
            });
        }
        k.resources.append(&mut k.bases);
        k.images.append(&mut k.image_tags);
        for g in k
            .config_map_generator
            .iter_mut()
            .chain(k.secret_generator.iter_mut())
        {
            if !g.env.is_empty() {
                let e = std::mem::take(&mut g.env);
                g.envs.push(e);
            }
        }
        Ok(k)
    }

    /// Whether this is a `kind: Component`.
    pub fn is_component(&self) -> bool {
        self.kind == COMPONENT_KIND
    }
}

fn clean_serde_message(m: &str) -> String {
    m.replace("`", "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises() {
        let k = Kustomization::parse(
            "resources: [a.yaml]\nbases: [../base]\nimageTags: [{name: x, newTag: v2}]\nconfigMapGenerator:\n- name: c\n  env: a.env\n",
            "k.yaml",
        )
        .expect("parses");
        assert_eq!(k.resources, vec!["a.yaml", "../base"]);
        assert_eq!(k.images[0].new_tag, "v2");
        assert_eq!(k.config_map_generator[0].envs, vec!["a.env"]);
        assert_eq!(k.kind, "Kustomization");
    }

    #[test]
    fn unknown_fields_are_refused_with_the_file_name() {
        let e = Kustomization::parse("resourcez: [a.yaml]\n", "dir/kustomization.yaml")
            .expect_err("unknown field");
        let m = e.to_string();
        assert!(
            m.starts_with("dir/kustomization.yaml:") && m.contains("resourcez"),
            "{m}"
        );
    }
}

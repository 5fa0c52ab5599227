//! `generators:` and `transformers:` entries: kustomize's builtin plugins
//! configured explicitly (`apiVersion: builtin`, `kind: PatchTransformer`,
//! …), run with the same code as the kustomization fields. External
//! plugins and KRM functions are refused, as kustomize does without
//! `--enable-alpha-plugins`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::fieldspec::FieldSpec;
use super::generator;
use super::loader::Loader;
use super::patch;
use super::replacement;
use super::resmap::ResMap;
use super::resource::{Resource, value_text};
use super::transform::{images, labels, names, namespace, replicas};
use super::types::{GeneratorArgs, Image, Patch, ReplacementField, Replica, Selector};
use crate::error::{Error, Result};

const GENERATORS: &[&str] = &[
    "ConfigMapGenerator",
    "SecretGenerator",
    "IAMPolicyGenerator",
    "HelmChartInflationGenerator",
];
const TRANSFORMERS: &[&str] = &[
    "AnnotationsTransformer",
    "HashTransformer",
    "ImageTagTransformer",
    "LabelTransformer",
    "NamespaceTransformer",
    "PatchJson6902Transformer",
    "PatchStrategicMergeTransformer",
    "PatchTransformer",
    "PrefixSuffixTransformer",
    "PrefixTransformer",
    "SuffixTransformer",
    "ReplicaCountTransformer",
    "ReplacementTransformer",
    "ValueAddTransformer",
];

/// Checks that `cfg` configures a builtin plugin kustomize would load.
fn builtin_kind(cfg: &Resource) -> Result<&str> {
    let kind = cfg.kind();
    if cfg.api_version() != "builtin" {
        return Err(Error::Build(format!(
            "external plugins disabled; unable to load external plugin '{kind}'"
        )));
    }
    if !GENERATORS.contains(&kind) && !TRANSFORMERS.contains(&kind) {
        return Err(Error::Build(format!(
            "unable to load builtin {kind}.builtin.[noGrp]"
        )));
    }
    Ok(kind)
}

/// The configuration's fields named in `keys`, as a map to deserialize
/// (the rest — apiVersion, kind, metadata — belongs to the plugin frame).
fn fields(cfg: &Resource, keys: &[&str]) -> Value {
    let m: Map<String, Value> = cfg
        .obj
        .iter()
        .filter(|(k, _)| keys.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(m)
}

fn decode<T: for<'de> Deserialize<'de>>(cfg: &Resource, keys: &[&str]) -> Result<T> {
    serde_json::from_value(fields(cfg, keys)).map_err(|e| {
        Error::Build(format!(
            "invalid {} configuration '{}': {e}",
            cfg.kind(),
            cfg.name()
        ))
    })
}

/// The configuration's `key` object, or its default when absent.
fn sub<T: for<'de> Deserialize<'de> + Default>(cfg: &Resource, key: &str) -> Result<T> {
    match cfg.obj.get(key) {
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| Error::Build(format!("invalid {key}: {e}"))),
        None => Ok(T::default()),
    }
}

/// `fieldSpecs`, read as kustomize reads plugin configurations: unknown
/// keys are ignored.
fn field_specs(cfg: &Resource) -> Result<Vec<FieldSpec>> {
    let items = match cfg.obj.get("fieldSpecs") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(Error::Build(format!(
                "invalid fieldSpecs in {} '{}': expected a list",
                cfg.kind(),
                cfg.name()
            )));
        }
    };
    let s = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Ok(items
        .iter()
        .map(|v| FieldSpec {
            group: s(v, "group"),
            version: s(v, "version"),
            kind: s(v, "kind"),
            path: s(v, "path"),
            create: v.get("create").and_then(Value::as_bool).unwrap_or(false),
        })
        .collect())
}

fn string_map(cfg: &Resource, key: &str) -> BTreeMap<String, String> {
    cfg.obj
        .get(key)
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), value_text(v))).collect())
        .unwrap_or_default()
}

fn text(cfg: &Resource, key: &str) -> String {
    cfg.obj
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Runs a generator configuration.
pub fn generate(cfg: &Resource, ldr: &Loader) -> Result<Vec<Resource>> {
    let kind = builtin_kind(cfg)?;
    match kind {
        "ConfigMapGenerator" | "SecretGenerator" => {
            let mut args: GeneratorArgs = decode(
                cfg,
                &[
                    "name",
                    "namespace",
                    "behavior",
                    "literals",
                    "files",
                    "envs",
                    "env",
                    "type",
                    "options",
                ],
            )?;
            if args.name.is_empty() {
                args.name = cfg.name().to_string();
            }
            if args.namespace.is_empty() {
                args.namespace = cfg.namespace().to_string();
            }
            let secret = kind == "SecretGenerator";
            Ok(vec![generator::generate(&args, None, secret, ldr)?])
        }
        "IAMPolicyGenerator" => iam_policy(cfg).map(|r| vec![r]),
        "HelmChartInflationGenerator" => Err(Error::Build(
            "Helm chart inflation is not built in; use a HelmRelease".into(),
        )),
        other => Err(Error::Build(format!("plugin {other} is not a generator"))),
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct IamPolicy {
    #[serde(default)]
    cloud: String,
    #[serde(default)]
    kubernetes_service: IamK8sService,
    #[serde(default)]
    service_account: IamServiceAccount,
}

#[derive(Deserialize, Default)]
struct IamK8sService {
    #[serde(default)]
    name: String,
    #[serde(default)]
    namespace: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct IamServiceAccount {
    #[serde(default)]
    name: String,
    #[serde(default)]
    project_id: String,
}

/// kustomize's IAMPolicyGenerator: a Kubernetes ServiceAccount bound to a
/// Google service account (GKE workload identity).
fn iam_policy(cfg: &Resource) -> Result<Resource> {
    let p: IamPolicy = decode(cfg, &["cloud", "kubernetesService", "serviceAccount"])?;
    if p.cloud != "gke" {
        return Err(Error::Build(format!(
            "cloud provider '{}' not currently supported",
            p.cloud
        )));
    }
    let mut md = json!({
        "annotations": {
            "iam.gke.io/gcp-service-account":
                format!("{}@{}.iam.gserviceaccount.com", p.service_account.name, p.service_account.project_id),
        },
        "name": p.kubernetes_service.name,
    });
    if !p.kubernetes_service.namespace.is_empty() {
        md["namespace"] = json!(p.kubernetes_service.namespace);
    }
    let obj = json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": md});
    Resource::new(obj, "IAMPolicyGenerator")
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Json6902Args {
    #[serde(default)]
    target: Option<Selector>,
    #[serde(default)]
    path: String,
    #[serde(default)]
    json_op: String,
}

#[derive(Deserialize, Default)]
struct SmpArgs {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    patches: String,
}

/// Runs a transformer configuration over `m`.
pub fn transform(cfg: &Resource, ldr: &Loader, m: &mut ResMap) -> Result<()> {
    let kind = builtin_kind(cfg)?;
    match kind {
        "PatchTransformer" => {
            let p: Patch = decode(cfg, &["path", "patch", "target", "options"])?;
            patch::apply_patch_entry(m, &p, ldr)
        }
        "PatchJson6902Transformer" => {
            let a: Json6902Args = decode(cfg, &["target", "path", "jsonOp"])?;
            patch::apply_json6902_entry(
                m,
                &Patch {
                    path: a.path,
                    patch: a.json_op,
                    target: a.target,
                    options: BTreeMap::new(),
                },
                ldr,
            )
        }
        "PatchStrategicMergeTransformer" => {
            let a: SmpArgs = decode(cfg, &["paths", "patches"])?;
            let mut entries = a.paths;
            if !a.patches.trim().is_empty() {
                entries.push(a.patches);
            }
            if entries.is_empty() {
                return Err(Error::Build(
                    "empty file path and empty patch content".into(),
                ));
            }
            patch::apply_strategic_merge_files(m, &entries, ldr)
        }
        "PrefixSuffixTransformer" | "PrefixTransformer" | "SuffixTransformer" => {
            let specs = field_specs(cfg)?;
            let prefix = text(cfg, "prefix");
            let suffix = text(cfg, "suffix");
            if kind != "SuffixTransformer" && !prefix.is_empty() {
                names::apply(m, &prefix, names::End::Prefix, &specs)?;
            }
            if kind != "PrefixTransformer" && !suffix.is_empty() {
                names::apply(m, &suffix, names::End::Suffix, &specs)?;
            }
            Ok(())
        }
        "LabelTransformer" => labels::apply(m, &string_map(cfg, "labels"), &field_specs(cfg)?),
        "AnnotationsTransformer" => {
            labels::apply(m, &string_map(cfg, "annotations"), &field_specs(cfg)?)
        }
        "NamespaceTransformer" => {
            let subjects = match text(cfg, "setRoleBindingSubjects").as_str() {
                "" | "defaultOnly" => namespace::SubjectMode::DefaultOnly,
                "allServiceAccounts" => namespace::SubjectMode::AllServiceAccounts,
                "none" => namespace::SubjectMode::None,
                other => {
                    return Err(Error::Build(format!(
                        "invalid value for setRoleBindingSubjects: {other}"
                    )));
                }
            };
            let opts = namespace::Options {
                unset_only: cfg
                    .obj
                    .get("unsetOnly")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                subjects,
            };
            namespace::apply_with(m, cfg.namespace(), &field_specs(cfg)?, opts)
        }
        "ImageTagTransformer" => {
            let img: Image = sub(cfg, "imageTag")?;
            images::apply(m, &img, &field_specs(cfg)?)
        }
        "ReplicaCountTransformer" => {
            let rep: Replica = sub(cfg, "replica")?;
            replicas::apply(m, &rep, &field_specs(cfg)?)
        }
        "ReplacementTransformer" => {
            let fields: Vec<ReplacementField> = sub(cfg, "replacements")?;
            let repl = replacement::load(&fields, ldr)?;
            replacement::apply(m, &repl)
        }
        other if GENERATORS.contains(&other) => {
            Err(Error::Build(format!("plugin {other} is not a transformer")))
        }
        other => Err(Error::Build(format!(
            "the builtin {other} is not supported by Sluice"
        ))),
    }
}

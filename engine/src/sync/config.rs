//! A configuration as `az k8s-configuration flux create` describes one, and
//! the Flux objects it becomes: a GitRepository named after the
//! configuration, one Kustomization `<config>-<name>` per kustomization,
//! a Secret when credentials are given on the command line, and — for
//! `--scope namespace` — the `flux-applier` service account the
//! Kustomizations apply as, bound only to the configuration's namespace.
//! The objects carry labels that mark them as one configuration, so a
//! configuration can be read back from the cluster ([`Configuration::read`]).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use base64::Engine as _;
use kube::ResourceExt;
use kube::api::{Api, ListParams};
use serde_json::{Value, json};
use sluice_sources::RefSpec;

use crate::flux::{GitRepository, Kustomization, format_duration, parse_duration, validate_name};

/// Label on every object of a configuration: its name.
pub const CONFIGURATION_LABEL: &str = "sluice.dev/configuration";
/// Label on a configuration's Kustomization: its name within the
/// configuration (`apps` for `<config>-apps`).
pub const KUSTOMIZATION_LABEL: &str = "sluice.dev/kustomization";
/// Annotation on a configuration's objects: `cluster` or `namespace`.
pub const SCOPE_ANNOTATION: &str = "sluice.dev/scope";
pub use crate::flux::kustomization::CONFINE_ANNOTATION;
/// Annotation choosing the git backend for a GitRepository.
pub const BACKEND_ANNOTATION: &str = "sluice.dev/git-backend";
/// The service account a namespace-scoped configuration applies as
/// (Azure's name for it).
pub const APPLIER_SERVICE_ACCOUNT: &str = "flux-applier";
/// The kustomization az creates when none is given.
pub const DEFAULT_KUSTOMIZATION: &str = "kustomization-1";

/// `--scope`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Applies anywhere in the cluster (as the controller).
    #[default]
    Cluster,
    /// Applies only in the configuration's namespace, as `flux-applier`.
    Namespace,
}

impl Scope {
    /// `cluster` or `namespace`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Cluster => "cluster",
            Scope::Namespace => "namespace",
        }
    }

    /// Parses az's values.
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "cluster" => Ok(Scope::Cluster),
            "namespace" => Ok(Scope::Namespace),
            other => bail!("--scope: '{other}' is not one of cluster, namespace"),
        }
    }
}

/// One `substituteFrom` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubstituteFrom {
    /// `ConfigMap` or `Secret`.
    pub kind: String,
    /// Its name (in the configuration's namespace).
    pub name: String,
    /// A missing object is no error.
    pub optional: bool,
}

/// One `--kustomization` of a configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct KustomizationConfig {
    /// Name within the configuration.
    pub name: String,
    /// Path in the repository.
    pub path: String,
    /// Names of kustomizations of the same configuration it waits for.
    pub depends_on: Vec<String>,
    /// Apply and health-check timeout.
    pub timeout: Duration,
    /// Reconcile interval.
    pub sync_interval: Duration,
    /// Retry interval after a failure (Flux default: the interval).
    pub retry_interval: Option<Duration>,
    /// Delete what leaves the source.
    pub prune: bool,
    /// Re-create objects that cannot be updated.
    pub force: bool,
    /// Wait for everything applied to become ready (Azure's default: true).
    pub wait: bool,
    /// Namespace every object is put in.
    pub target_namespace: Option<String>,
    /// Service account to impersonate.
    pub service_account_name: Option<String>,
    /// `postBuild.substitute`.
    pub substitute: BTreeMap<String, String>,
    /// `postBuild.substituteFrom`.
    pub substitute_from: Vec<SubstituteFrom>,
}

/// The keys `--kustomization` takes, for error messages.
const KNOWN_KEYS: &str = "name, path, dependsOn (depends_on, dependencies, depends), sync_interval (interval), \
    retry_interval, timeout, prune, force, wait, disable-health-check, target_namespace, \
    service_account_name, substitute, substituteFrom";

impl KustomizationConfig {
    /// With Azure's defaults.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.into(),
            path: String::new(),
            depends_on: Vec::new(),
            timeout: Duration::from_secs(600),
            sync_interval: Duration::from_secs(600),
            retry_interval: None,
            prune: false,
            force: false,
            wait: true,
            target_namespace: None,
            service_account_name: None,
            substitute: BTreeMap::new(),
            substitute_from: Vec::new(),
        }
    }

    /// Parses az's `key=value` list, e.g. `name=apps path=./apps
    /// prune=true dependsOn=["infra"]`.
    pub fn parse(pairs: &[String]) -> Result<Self> {
        let mut k = Self::named("");
        let named = k.apply(pairs, "--kustomization")?;
        if !named {
            bail!(
                "--kustomization: Error! Kustomization definition is invalid, required values {{'name'}} not found"
            );
        }
        validate_name("--kustomization name", &k.name)?;
        Ok(k)
    }

    /// Applies `key=value` pairs on top of this kustomization (what
    /// `update` does); whether a name was given.
    pub fn apply(&mut self, pairs: &[String], flag: &str) -> Result<bool> {
        let mut named = false;
        for pair in pairs {
            let (key, value) = pair.split_once('=').ok_or_else(|| {
                anyhow!("{flag}: '{pair}' is not key=value (usage error: {flag} KEY=VALUE [KEY=VALUE ...])")
            })?;
            let value = value.trim();
            let bool_value = || -> Result<bool> {
                match value.to_ascii_lowercase().as_str() {
                    "true" => Ok(true),
                    "false" => Ok(false),
                    _ => bail!("{flag}: {key} must be true or false, not '{value}'"),
                }
            };
            let duration = |what: &str| -> Result<Duration> {
                parse_duration(value).map_err(|e| {
                    anyhow!(
                        "{flag}: Error! Invalid {what}. Specify a valid Go duration and try again (i.e. 1h2m5s): {e}"
                    )
                })
            };
            match key.trim() {
                "name" => {
                    self.name = value.to_string();
                    named = true;
                }
                "path" => self.path = value.to_string(),
                "depends_on" | "dependsOn" | "dependencies" | "depends" => {
                    self.depends_on = parse_list(value)
                }
                "timeout" => self.timeout = duration("timeout")?,
                "sync_interval" | "interval" | "syncInterval" => {
                    self.sync_interval = duration("sync-interval")?
                }
                "retry_interval" | "retryInterval" => {
                    self.retry_interval = Some(duration("retry-interval")?)
                }
                "prune" => self.prune = bool_value()?,
                "force" => self.force = bool_value()?,
                "wait" => self.wait = bool_value()?,
                "disable-health-check" | "disable_health_check" | "disableHealthCheck" => {
                    self.wait = !bool_value()?
                }
                "target_namespace" | "targetNamespace" => {
                    self.target_namespace = Some(value.to_string()).filter(|v| !v.is_empty())
                }
                "service_account_name" | "serviceAccountName" => {
                    self.service_account_name = Some(value.to_string()).filter(|v| !v.is_empty())
                }
                "substitute" | "postBuild.substitute" => {
                    self.substitute =
                        parse_map(value).map_err(|e| anyhow!("{flag}: substitute: {e}"))?
                }
                "substituteFrom" | "substitute_from" | "postBuild.substituteFrom" => {
                    self.substitute_from = parse_list(value)
                        .iter()
                        .map(|r| parse_substitute_from(r))
                        .collect::<Result<_>>()
                        .map_err(|e| anyhow!("{flag}: substituteFrom: {e}"))?
                }
                other => bail!("{flag}: unknown key '{other}' (known: {KNOWN_KEYS})"),
            }
        }
        Ok(named)
    }
}

/// `["a", "b"]`, `[a,b]` or `a,b` (what az's shell quoting leaves).
fn parse_list(value: &str) -> Vec<String> {
    value
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|s| s.trim().trim_matches('"').trim_matches('\'').trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `a:1,b:2` or `{"a":"1","b":"2"}`.
fn parse_map(value: &str) -> Result<BTreeMap<String, String>> {
    let v = value.trim();
    if v.starts_with('{') {
        return serde_json::from_str(v).map_err(|e| anyhow!("not a JSON map of strings: {e}"));
    }
    let mut out = BTreeMap::new();
    for item in v.split(',').filter(|s| !s.trim().is_empty()) {
        let (k, val) = item
            .split_once(':')
            .ok_or_else(|| anyhow!("'{item}' is not NAME:VALUE"))?;
        out.insert(k.trim().to_string(), val.trim().to_string());
    }
    Ok(out)
}

/// `ConfigMap/name`, `Secret/name`, `Secret/name:optional`.
fn parse_substitute_from(r: &str) -> Result<SubstituteFrom> {
    let (r, optional) = match r.strip_suffix(":optional") {
        Some(rest) => (rest, true),
        None => (r, false),
    };
    let (kind, name) = r
        .split_once('/')
        .ok_or_else(|| anyhow!("'{r}' is not ConfigMap/NAME or Secret/NAME"))?;
    if kind != "ConfigMap" && kind != "Secret" {
        bail!("'{kind}' is not ConfigMap or Secret");
    }
    Ok(SubstituteFrom {
        kind: kind.into(),
        name: name.into(),
        optional,
    })
}

/// Where the git credentials come from.
#[derive(Clone, Debug, Default)]
pub struct Auth {
    /// An existing Secret in the configuration's namespace.
    pub local_auth_ref: Option<String>,
    /// Flux secret keys given on the command line.
    pub data: BTreeMap<String, Vec<u8>>,
}

/// A whole configuration.
#[derive(Clone, Debug)]
pub struct Configuration {
    /// Configuration name: the GitRepository's name and the Kustomizations' prefix.
    pub name: String,
    /// Namespace of every Flux object.
    pub namespace: String,
    /// `cluster` or `namespace`.
    pub scope: Scope,
    /// Repository URL.
    pub url: String,
    /// Ref to follow.
    pub reference: RefSpec,
    /// Source interval.
    pub interval: Duration,
    /// Source (git) timeout.
    pub timeout: Duration,
    /// Suspended configuration.
    pub suspend: bool,
    /// Credentials.
    pub auth: Auth,
    /// Git backend override (`gix`, `libgit2`).
    pub backend: Option<String>,
    /// The kustomizations.
    pub kustomizations: Vec<KustomizationConfig>,
}

impl Default for Configuration {
    fn default() -> Self {
        Self {
            name: String::new(),
            namespace: "default".into(),
            scope: Scope::Cluster,
            url: String::new(),
            reference: RefSpec::default(),
            interval: Duration::from_secs(600),
            timeout: Duration::from_secs(600),
            suspend: false,
            auth: Auth::default(),
            backend: None,
            kustomizations: Vec::new(),
        }
    }
}

impl Configuration {
    /// Checks what az checks, and what Azure's service would refuse:
    /// names, duplicate kustomizations, over-long object names, unknown
    /// dependencies and dependency cycles — each naming the flag.
    pub fn validate(&self) -> Result<()> {
        validate_name("--name", &self.name)?;
        validate_name("--namespace", &self.namespace)?;
        let given = [
            &self.reference.branch,
            &self.reference.tag,
            &self.reference.semver,
            &self.reference.commit,
            &self.reference.name,
        ]
        .iter()
        .filter(|r| r.is_some())
        .count();
        if given > 1 && self.reference.commit.is_none() {
            bail!(
                "Error! Repository reference is invalid: specifying more than one of --branch, --tag, --semver, --commit is invalid"
            );
        }
        let mut seen = BTreeSet::new();
        for k in &self.kustomizations {
            if !seen.insert(&k.name) {
                bail!(
                    "--kustomization: Error! Invalid kustomization list. Kustomization name '{}' duplicated in multiple Kustomization objects",
                    k.name
                );
            }
            if self.kustomization_name(&k.name).len() > 62 {
                bail!(
                    "--kustomization: Error! Invalid Kustomization list. Flux configuration name '{}' combined with kustomization name '{}' cannot be greater than 62 characters",
                    self.name,
                    k.name
                );
            }
        }
        Ok(())
    }

    /// What Azure's service and Flux would only report later, refused up
    /// front by `sluice config`: a dependency that is not a kustomization of
    /// this configuration, and dependency cycles. (`sluice sync` lets them
    /// through, as Flux would: the Kustomizations report
    /// `DependencyNotReady`.)
    pub fn validate_dependencies(&self) -> Result<()> {
        let names: BTreeSet<&str> = self
            .kustomizations
            .iter()
            .map(|k| k.name.as_str())
            .collect();
        for k in &self.kustomizations {
            for d in &k.depends_on {
                if !names.contains(d.as_str()) {
                    bail!(
                        "--kustomization: kustomization '{}' depends on '{d}', which is not a kustomization of configuration '{}'",
                        k.name,
                        self.name
                    );
                }
            }
        }
        let graph: BTreeMap<String, Vec<String>> = self
            .kustomizations
            .iter()
            .map(|k| (k.name.clone(), k.depends_on.clone()))
            .collect();
        if let Some((id, why)) = sluice_appliers::dag::plan(&graph)
            .blocked
            .into_iter()
            .next()
        {
            bail!(
                "--kustomization: the dependencies of kustomization '{id}' cannot be met: {}",
                why.message()
            );
        }
        Ok(())
    }

    /// The Flux Kustomization's name for a kustomization of this configuration.
    pub fn kustomization_name(&self, name: &str) -> String {
        format!("{}-{}", self.name, name)
    }

    /// The Secret holding command-line credentials.
    pub fn secret_name(&self) -> String {
        format!("{}-git-auth", self.name)
    }

    fn labels(&self) -> Value {
        json!({
            CONFIGURATION_LABEL: self.name,
            "app.kubernetes.io/managed-by": "sluice",
        })
    }

    /// The name of the Secret the GitRepository refers to, if any.
    pub fn secret_ref(&self) -> Option<String> {
        match &self.auth.local_auth_ref {
            Some(s) => Some(s.clone()),
            None if !self.auth.data.is_empty() => Some(self.secret_name()),
            None => None,
        }
    }

    /// The Secret to create for command-line credentials.
    pub fn secret(&self) -> Option<Value> {
        if self.auth.local_auth_ref.is_some() || self.auth.data.is_empty() {
            return None;
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let data: serde_json::Map<String, Value> = self
            .auth
            .data
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(b64.encode(v))))
            .collect();
        Some(json!({
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": self.secret_name(), "namespace": self.namespace, "labels": self.labels()},
            "type": "Opaque",
            "data": data,
        }))
    }

    /// For `--scope namespace`: the service account the Kustomizations
    /// apply as, and its binding to `admin` in this namespace only.
    pub fn scope_objects(&self) -> Vec<Value> {
        if self.scope != Scope::Namespace {
            return Vec::new();
        }
        vec![
            json!({
                "apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": {"name": APPLIER_SERVICE_ACCOUNT, "namespace": self.namespace, "labels": self.labels()},
            }),
            json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                "metadata": {"name": format!("{}-{APPLIER_SERVICE_ACCOUNT}", self.name), "namespace": self.namespace,
                    "labels": self.labels()},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin"},
                "subjects": [{"kind": "ServiceAccount", "name": APPLIER_SERVICE_ACCOUNT, "namespace": self.namespace}],
            }),
        ]
    }

    /// The GitRepository.
    pub fn git_repository(&self) -> Value {
        let mut r = serde_json::Map::new();
        for (k, v) in [
            ("branch", &self.reference.branch),
            ("tag", &self.reference.tag),
            ("semver", &self.reference.semver),
            ("name", &self.reference.name),
            ("commit", &self.reference.commit),
        ] {
            if let Some(v) = v {
                r.insert(k.into(), Value::String(v.clone()));
            }
        }
        if r.is_empty() {
            r.insert("branch".into(), Value::String("master".into()));
        }
        let mut spec = json!({
            "url": self.url,
            "ref": r,
            "interval": format_duration(self.interval),
            "timeout": format_duration(self.timeout),
        });
        if let Some(s) = self.secret_ref() {
            spec["secretRef"] = json!({ "name": s });
        }
        if self.suspend {
            spec["suspend"] = json!(true);
        }
        let mut annotations = json!({ SCOPE_ANNOTATION: self.scope.as_str() });
        if let Some(b) = &self.backend {
            annotations[BACKEND_ANNOTATION] = json!(b);
        }
        json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1",
            "kind": "GitRepository",
            "metadata": {"name": self.name, "namespace": self.namespace, "labels": self.labels(),
                "annotations": annotations},
            "spec": spec,
        })
    }

    /// The Kustomizations, in the order given.
    pub fn kustomization_objects(&self) -> Vec<Value> {
        self.kustomizations
            .iter()
            .map(|k| self.kustomization_object(k))
            .collect()
    }

    /// One kustomization as a Flux Kustomization.
    pub fn kustomization_object(&self, k: &KustomizationConfig) -> Value {
        let mut spec = json!({
            "sourceRef": {"kind": "GitRepository", "name": self.name},
            "path": if k.path.is_empty() { "./" } else { k.path.as_str() },
            "interval": format_duration(k.sync_interval),
            "timeout": format_duration(k.timeout),
            "prune": k.prune,
            "force": k.force,
            "wait": k.wait,
        });
        if let Some(r) = k.retry_interval {
            spec["retryInterval"] = json!(format_duration(r));
        }
        if !k.depends_on.is_empty() {
            spec["dependsOn"] = Value::Array(
                k.depends_on
                    .iter()
                    .map(|d| json!({ "name": self.kustomization_name(d) }))
                    .collect(),
            );
        }
        if let Some(t) = &k.target_namespace {
            spec["targetNamespace"] = json!(t);
        }
        let sa = k.service_account_name.clone().or_else(|| {
            (self.scope == Scope::Namespace).then(|| APPLIER_SERVICE_ACCOUNT.to_string())
        });
        if let Some(sa) = sa {
            spec["serviceAccountName"] = json!(sa);
        }
        if !k.substitute.is_empty() || !k.substitute_from.is_empty() {
            let mut pb = json!({});
            if !k.substitute.is_empty() {
                pb["substitute"] = json!(k.substitute);
            }
            if !k.substitute_from.is_empty() {
                pb["substituteFrom"] = Value::Array(
                    k.substitute_from
                        .iter()
                        .map(|s| {
                            let mut v = json!({"kind": s.kind, "name": s.name});
                            if s.optional {
                                v["optional"] = json!(true);
                            }
                            v
                        })
                        .collect(),
                );
            }
            spec["postBuild"] = pb;
        }
        if self.suspend {
            spec["suspend"] = json!(true);
        }
        let mut labels = self.labels();
        labels[KUSTOMIZATION_LABEL] = json!(k.name);
        let mut annotations = json!({ SCOPE_ANNOTATION: self.scope.as_str() });
        if self.scope == Scope::Namespace {
            annotations[CONFINE_ANNOTATION] = json!(self.namespace);
        }
        json!({
            "apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization",
            "metadata": {
                "name": self.kustomization_name(&k.name),
                "namespace": self.namespace,
                "labels": labels,
                "annotations": annotations,
            },
            "spec": spec,
        })
    }

    /// Reads a configuration back from the cluster (its GitRepository and
    /// the Kustomizations labelled as its own); `None` when there is none.
    /// Credentials are not read back: a managed Secret stays referenced.
    pub async fn read(client: &kube::Client, namespace: &str, name: &str) -> Result<Option<Self>> {
        let repos: Api<GitRepository> = Api::namespaced(client.clone(), namespace);
        let repo = match repos.get_opt(name).await {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(None),
            // Flux's CRDs are not installed: there is no configuration.
            Err(kube::Error::Api(ae)) if ae.code == 404 => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        if repo.labels().get(CONFIGURATION_LABEL).map(String::as_str) != Some(name) {
            return Ok(None);
        }
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), namespace);
        let lp = ListParams::default().labels(&format!("{CONFIGURATION_LABEL}={name}"));
        let mut list = kss.list(&lp).await?.items;
        list.sort_by_key(|k| k.metadata.creation_timestamp.clone().map(|t| t.0));
        Ok(Some(Self::from_objects(&repo, &list)?))
    }

    /// The configuration the objects describe.
    pub fn from_objects(repo: &GitRepository, kss: &[Kustomization]) -> Result<Self> {
        let name = repo.name_any();
        let namespace = repo.namespace().unwrap_or_default();
        let scope = match repo.annotations().get(SCOPE_ANNOTATION).map(String::as_str) {
            Some("namespace") => Scope::Namespace,
            _ => Scope::Cluster,
        };
        let d = |field: &str, v: Option<&str>, default: u64| -> Result<Duration> {
            match v {
                Some(v) => {
                    parse_duration(v).map_err(|e| anyhow!("GitRepository {name}: {field}: {e}"))
                }
                None => Ok(Duration::from_secs(default)),
            }
        };
        let r = repo.spec.reference.clone().unwrap_or_default();
        let managed_secret = format!("{name}-git-auth");
        let secret = repo.spec.secret_ref.as_ref().map(|s| s.name.clone());
        let mut c = Self {
            name: name.clone(),
            namespace,
            scope,
            url: repo.spec.url.clone(),
            reference: RefSpec {
                branch: r.branch,
                tag: r.tag,
                semver: r.semver,
                name: r.name,
                commit: r.commit,
            },
            interval: d("interval", Some(&repo.spec.interval), 600)?,
            timeout: d("timeout", repo.spec.timeout.as_deref(), 600)?,
            suspend: repo.suspended(),
            auth: Auth {
                local_auth_ref: secret.filter(|s| *s != managed_secret),
                data: BTreeMap::new(),
            },
            backend: repo.annotations().get(BACKEND_ANNOTATION).cloned(),
            kustomizations: Vec::new(),
        };
        let prefix = format!("{name}-");
        for k in kss {
            let short = k
                .labels()
                .get(KUSTOMIZATION_LABEL)
                .cloned()
                .or_else(|| k.name_any().strip_prefix(&prefix).map(str::to_string))
                .unwrap_or_else(|| k.name_any());
            let s = &k.spec;
            let kd = |field: &str, v: Option<&str>| -> Result<Option<Duration>> {
                v.map(|v| {
                    parse_duration(v)
                        .map_err(|e| anyhow!("Kustomization {}: {field}: {e}", k.name_any()))
                })
                .transpose()
            };
            let sync_interval =
                kd("interval", Some(&s.interval))?.unwrap_or(Duration::from_secs(600));
            let post = s.post_build.clone().unwrap_or_default();
            c.kustomizations.push(KustomizationConfig {
                name: short,
                // `./` is what an empty path is written as.
                path: s.path.clone().filter(|p| p != "./").unwrap_or_default(),
                depends_on: s
                    .depends_on
                    .iter()
                    .flatten()
                    .map(|d| d.name.strip_prefix(&prefix).unwrap_or(&d.name).to_string())
                    .collect(),
                timeout: kd("timeout", s.timeout.as_deref())?.unwrap_or(sync_interval),
                sync_interval,
                retry_interval: kd("retryInterval", s.retry_interval.as_deref())?,
                prune: s.prune,
                force: s.force.unwrap_or(false),
                wait: s.wait.unwrap_or(false),
                target_namespace: s.target_namespace.clone(),
                service_account_name: s
                    .service_account_name
                    .clone()
                    .filter(|sa| !(scope == Scope::Namespace && sa == APPLIER_SERVICE_ACCOUNT)),
                substitute: post.substitute.unwrap_or_default(),
                substitute_from: post
                    .substitute_from
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| SubstituteFrom {
                        kind: r.kind,
                        name: r.name,
                        optional: r.optional.unwrap_or(false),
                    })
                    .collect(),
            });
        }
        Ok(c)
    }
}

/// Reads a base64 flag value (az passes keys and certificates base64-encoded).
pub fn decode_base64(flag: &str, value: &str) -> Result<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(value.trim())
        .map_err(|e| anyhow!("{flag}: not valid base64: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_az_kustomization_syntax() {
        let k = KustomizationConfig::parse(&args(
            r#"name=apps path=./apps/staging prune=true dependsOn=["infra","base"] retry_interval=1m wait=false"#,
        ))
        .expect("parse");
        assert_eq!(k.name, "apps");
        assert_eq!(k.path, "./apps/staging");
        assert!(k.prune && !k.wait && !k.force);
        assert_eq!(k.depends_on, vec!["infra", "base"]);
        assert_eq!(k.retry_interval, Some(Duration::from_secs(60)));
        assert_eq!(k.timeout, Duration::from_secs(600));
        let d =
            KustomizationConfig::parse(&args("name=a depends_on=b,c disable-health-check=true"))
                .expect("parse");
        assert_eq!(d.depends_on, vec!["b", "c"]);
        assert!(!d.wait);
        let p = KustomizationConfig::parse(&args(
            "name=p substitute=cluster:prod,region:eu substituteFrom=ConfigMap/vars,Secret/creds:optional",
        ))
        .expect("parse");
        assert_eq!(p.substitute.get("region").map(String::as_str), Some("eu"));
        assert_eq!(
            p.substitute_from,
            vec![
                SubstituteFrom {
                    kind: "ConfigMap".into(),
                    name: "vars".into(),
                    optional: false
                },
                SubstituteFrom {
                    kind: "Secret".into(),
                    name: "creds".into(),
                    optional: true
                },
            ]
        );
    }

    #[test]
    fn bad_kustomization_flags_name_the_key() {
        for (text, needle) in [
            ("name=a prune=maybe", "prune"),
            ("name=a colour=red", "colour"),
            ("path=./x", "name"),
            ("name=Apps", "Apps"),
            ("name=a timeout=soon", "timeout"),
            ("name=a nokey", "KEY=VALUE"),
            ("name=a substituteFrom=Deployment/x", "substituteFrom"),
        ] {
            let e = KustomizationConfig::parse(&args(text)).expect_err(text);
            assert!(e.to_string().contains(needle), "{text}: {e}");
        }
    }

    fn config(kustomizations: &[&str]) -> Configuration {
        Configuration {
            name: "demo".into(),
            namespace: "gitops".into(),
            url: "https://example.com/r.git".into(),
            reference: RefSpec {
                branch: Some("main".into()),
                ..Default::default()
            },
            auth: Auth {
                local_auth_ref: None,
                data: [("username".to_string(), b"u".to_vec())].into(),
            },
            kustomizations: kustomizations
                .iter()
                .map(|k| KustomizationConfig::parse(&args(k)).expect("kustomization"))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn objects_follow_azure_naming() {
        let c = config(&["name=infra", "name=apps dependsOn=[infra]"]);
        c.validate().expect("valid");
        let repo = c.git_repository();
        assert_eq!(repo["spec"]["ref"], json!({"branch": "main"}));
        assert_eq!(repo["spec"]["secretRef"]["name"], "demo-git-auth");
        let ks = c.kustomization_objects();
        assert_eq!(ks[1]["metadata"]["name"], "demo-apps");
        assert_eq!(ks[1]["metadata"]["labels"][KUSTOMIZATION_LABEL], "apps");
        assert_eq!(ks[1]["spec"]["dependsOn"], json!([{"name": "demo-infra"}]));
        assert_eq!(ks[0]["spec"]["wait"], true);
        assert_eq!(ks[0]["spec"]["interval"], "10m0s");
        assert_eq!(c.secret().expect("secret")["data"]["username"], "dQ==");
        assert!(c.scope_objects().is_empty());
        let ns = Configuration {
            scope: Scope::Namespace,
            ..c
        };
        let ks = ns.kustomization_objects();
        assert_eq!(ks[0]["spec"]["serviceAccountName"], APPLIER_SERVICE_ACCOUNT);
        assert_eq!(
            ks[0]["metadata"]["annotations"][CONFINE_ANNOTATION],
            "gitops"
        );
        assert_eq!(ns.scope_objects().len(), 2);
    }

    #[test]
    fn invalid_configurations_name_the_problem() {
        for (ks, needle) in [
            (vec!["name=a", "name=a"], "duplicated"),
            (vec!["name=a dependsOn=b"], "depends on 'b'"),
            (
                vec!["name=a dependsOn=b", "name=b dependsOn=a"],
                "cannot be met",
            ),
            (
                vec!["name=a-very-long-kustomization-name-that-goes-on-and-on-and-on-x"],
                "62 characters",
            ),
        ] {
            let c = config(&ks);
            let e = c
                .validate()
                .and_then(|()| c.validate_dependencies())
                .expect_err(needle);
            assert!(e.to_string().contains(needle), "{e}");
        }
        let mut two_refs = config(&["name=a"]);
        two_refs.reference.tag = Some("v1".into());
        assert!(
            two_refs
                .validate()
                .expect_err("refs")
                .to_string()
                .contains("Repository reference is invalid")
        );
    }

    #[test]
    fn reads_back_what_it_writes() {
        let mut c = config(&[
            "name=infra",
            "name=apps path=./apps dependsOn=infra prune=true substitute=a:1",
        ]);
        c.scope = Scope::Namespace;
        let repo: GitRepository = serde_json::from_value(c.git_repository()).expect("repo");
        let kss: Vec<Kustomization> = c
            .kustomization_objects()
            .into_iter()
            .map(|k| serde_json::from_value(k).expect("ks"))
            .collect();
        let back = Configuration::from_objects(&repo, &kss).expect("read");
        assert_eq!(back.scope, Scope::Namespace);
        assert_eq!(back.reference, c.reference);
        assert_eq!(back.kustomizations, c.kustomizations);
        assert_eq!(back.auth.local_auth_ref, None);
    }
}

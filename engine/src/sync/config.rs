//! A configuration as `az k8s-configuration flux create` describes one, and
//! the Flux objects it becomes: a GitRepository named after the
//! configuration, one Kustomization `<config>-<name>` per kustomization,
//! and a Secret when credentials are given on the command line.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use base64::Engine as _;
use serde_json::{Value, json};
use sluice_sources::RefSpec;

use crate::flux::{format_duration, parse_duration, validate_name};

/// Label on every object `sluice sync` writes: which configuration owns it.
pub const CONFIGURATION_LABEL: &str = "sluice.dev/configuration";
/// Annotation choosing the git backend for a GitRepository.
pub const BACKEND_ANNOTATION: &str = "sluice.dev/git-backend";

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
}

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
        }
    }

    /// Parses az's `key=value` list, e.g. `name=apps path=./apps
    /// prune=true dependsOn=["infra"]`.
    pub fn parse(pairs: &[String]) -> Result<Self> {
        let mut k = Self::named("");
        let mut named = false;
        for pair in pairs {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| anyhow!("--kustomization: '{pair}' is not key=value"))?;
            let value = value.trim();
            let bool_value = || -> Result<bool> {
                match value.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "1" => Ok(true),
                    "false" | "no" | "0" => Ok(false),
                    _ => bail!("--kustomization: {key} must be true or false, not '{value}'"),
                }
            };
            let duration = || -> Result<Duration> {
                parse_duration(value).map_err(|e| anyhow!("--kustomization: {key}: {e}"))
            };
            match key.trim().replace('-', "_").to_ascii_lowercase().as_str() {
                "name" => {
                    k.name = value.to_string();
                    named = true;
                }
                "path" => k.path = value.to_string(),
                "depends_on" | "dependson" => k.depends_on = parse_list(value),
                "timeout" => k.timeout = duration()?,
                "sync_interval" | "interval" | "syncinterval" => k.sync_interval = duration()?,
                "retry_interval" | "retryinterval" => k.retry_interval = Some(duration()?),
                "prune" => k.prune = bool_value()?,
                "force" => k.force = bool_value()?,
                "wait" => k.wait = bool_value()?,
                "disable_health_check" => k.wait = !bool_value()?,
                "target_namespace" | "targetnamespace" => {
                    k.target_namespace = Some(value.to_string())
                }
                "service_account_name" | "serviceaccountname" => {
                    k.service_account_name = Some(value.to_string())
                }
                other => bail!(
                    "--kustomization: unknown key '{other}' (known: name, path, dependsOn, timeout, \
                     sync_interval, retry_interval, prune, force, wait, target_namespace, \
                     service_account_name)"
                ),
            }
        }
        if !named {
            bail!("--kustomization: name=<name> is required");
        }
        validate_name("--kustomization name", &k.name)?;
        Ok(k)
    }
}

/// `["a", "b"]`, `[a,b]` or `a,b`.
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

impl Configuration {
    /// Checks names as Azure's CLI does.
    pub fn validate(&self) -> Result<()> {
        validate_name("--name", &self.name)?;
        validate_name("--namespace", &self.namespace)?;
        let mut seen = std::collections::BTreeSet::new();
        for k in &self.kustomizations {
            if !seen.insert(&k.name) {
                bail!("--kustomization name '{}' is given twice", k.name);
            }
            let full = self.kustomization_name(&k.name);
            if full.len() > 62 {
                bail!(
                    "kustomization name '{full}' (configuration name + '-' + kustomization name) is longer than 62 characters"
                );
            }
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
        let mut metadata =
            json!({"name": self.name, "namespace": self.namespace, "labels": self.labels()});
        if let Some(b) = &self.backend {
            metadata["annotations"] = json!({ BACKEND_ANNOTATION: b });
        }
        json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1",
            "kind": "GitRepository",
            "metadata": metadata,
            "spec": spec,
        })
    }

    /// The Kustomizations, in the order given.
    pub fn kustomization_objects(&self) -> Vec<Value> {
        self.kustomizations
            .iter()
            .map(|k| {
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
                if let Some(sa) = &k.service_account_name {
                    spec["serviceAccountName"] = json!(sa);
                }
                if self.suspend {
                    spec["suspend"] = json!(true);
                }
                json!({
                    "apiVersion": "kustomize.toolkit.fluxcd.io/v1",
                    "kind": "Kustomization",
                    "metadata": {
                        "name": self.kustomization_name(&k.name),
                        "namespace": self.namespace,
                        "labels": self.labels(),
                    },
                    "spec": spec,
                })
            })
            .collect()
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
        let d = KustomizationConfig::parse(&args("name=a depends_on=b,c")).expect("parse");
        assert_eq!(d.depends_on, vec!["b", "c"]);
    }

    #[test]
    fn bad_kustomization_flags_name_the_key() {
        let e = KustomizationConfig::parse(&args("name=a prune=maybe")).expect_err("bad bool");
        assert!(e.to_string().contains("prune"), "{e}");
        let e = KustomizationConfig::parse(&args("name=a colour=red")).expect_err("unknown");
        assert!(e.to_string().contains("colour"), "{e}");
        let e = KustomizationConfig::parse(&args("path=./x")).expect_err("no name");
        assert!(e.to_string().contains("name"), "{e}");
        let e = KustomizationConfig::parse(&args("name=Apps")).expect_err("bad name");
        assert!(e.to_string().contains("Apps"), "{e}");
    }

    #[test]
    fn objects_follow_azure_naming() {
        let mut apps = KustomizationConfig::named("apps");
        apps.depends_on = vec!["infra".into()];
        let c = Configuration {
            name: "demo".into(),
            namespace: "gitops".into(),
            url: "https://example.com/r.git".into(),
            reference: RefSpec {
                branch: Some("main".into()),
                ..Default::default()
            },
            interval: Duration::from_secs(600),
            timeout: Duration::from_secs(600),
            suspend: false,
            auth: Auth {
                local_auth_ref: None,
                data: [("username".to_string(), b"u".to_vec())].into(),
            },
            backend: None,
            kustomizations: vec![KustomizationConfig::named("infra"), apps],
        };
        c.validate().expect("valid");
        let repo = c.git_repository();
        assert_eq!(repo["spec"]["ref"], json!({"branch": "main"}));
        assert_eq!(repo["spec"]["secretRef"]["name"], "demo-git-auth");
        let ks = c.kustomization_objects();
        assert_eq!(ks[1]["metadata"]["name"], "demo-apps");
        assert_eq!(ks[1]["spec"]["dependsOn"], json!([{"name": "demo-infra"}]));
        assert_eq!(ks[0]["spec"]["wait"], true);
        assert_eq!(ks[0]["spec"]["interval"], "10m0s");
        assert_eq!(c.secret().expect("secret")["data"]["username"], "dQ==");
    }
}

//! `sluice config`: `az k8s-configuration flux` for Sluice — the same
//! verbs, flags, defaults, messages and JSON, so a runbook written for Azure
//! works with `sluice config` in its place. The Azure-only flags (`-g`,
//! `-c`, `-t`, `--cluster-rp`) are accepted and ignored with a warning.
//!
//! `create`/`update` write the configuration's Flux objects and wait for
//! compliance: a controller in the cluster (`sluice run`, or Flux itself)
//! reconciles them when one is there; otherwise they are reconciled in
//! this process, exactly as `sluice sync` does. `delete` goes through the
//! controller's finalizer, or the same cleanup in-process.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow, bail};
use clap::{ArgAction, Args, Subcommand, ValueEnum};
use kube::ResourceExt;
use kube::api::{Api, DeleteParams, ListParams};
use serde::Serialize;
use sluice_appliers::apply::DEFAULT_FIELD_MANAGER;
use sluice_appliers::conditions::Compliance;
use sluice_appliers::kustomization::PruneGuard;

use super::output;
use crate::flux::{self, GitRepository, Kustomization, parse_duration};
use crate::reconcile::default_storage;
use crate::sync::config::{
    Auth, CONFIGURATION_LABEL, Configuration, DEFAULT_KUSTOMIZATION, KustomizationConfig, Scope,
};
use crate::sync::report::{ObjectStatus, Report, ready_message};
use crate::sync::{
    self, KubeTarget, SyncOptions, Ui, delete_kustomization, one_shot_context, reachable,
    reconcile_in_process, remove_finalizer, write_configuration,
};

/// `-o`.
#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConfigFormat {
    /// JSON (az's default).
    #[default]
    Json,
    /// YAML.
    Yaml,
    /// A table.
    Table,
    /// Nothing on stdout.
    None,
}

/// Flags every `config` verb takes.
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Azure only (ignored): resource group.
    #[arg(short = 'g', long = "resource-group", global = true, hide = true)]
    pub resource_group: Option<String>,
    /// Azure only (ignored): cluster name.
    #[arg(short = 'c', long = "cluster-name", global = true, hide = true)]
    pub cluster_name: Option<String>,
    /// Azure only (ignored): cluster type.
    #[arg(short = 't', long = "cluster-type", global = true, hide = true)]
    pub cluster_type: Option<String>,
    /// Azure only (ignored): cluster resource provider.
    #[arg(
        long = "cluster-resource-provider",
        visible_alias = "cluster-rp",
        global = true,
        hide = true
    )]
    pub cluster_rp: Option<String>,
    /// Output format.
    #[arg(short = 'o', long = "output", value_enum, default_value_t = ConfigFormat::Json, global = true)]
    pub output: ConfigFormat,
    /// Kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster).
    #[arg(long, global = true)]
    pub kubeconfig: Option<PathBuf>,
    /// Kubeconfig context.
    #[arg(long, global = true)]
    pub context: Option<String>,
}

impl Common {
    fn target(&self) -> KubeTarget {
        KubeTarget {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
        }
    }

    fn warn_azure_flags(&self) {
        for (flag, v) in [
            ("--resource-group", &self.resource_group),
            ("--cluster-name", &self.cluster_name),
            ("--cluster-type", &self.cluster_type),
            ("--cluster-resource-provider", &self.cluster_rp),
        ] {
            if v.is_some() {
                eprintln!(
                    "WARNING: {flag} is Azure-only and is ignored: the cluster is the kubeconfig's"
                );
            }
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Create a Flux v2 Kubernetes configuration.
    Create(Box<SourceArgs>),
    /// Update a Flux v2 Kubernetes configuration.
    Update(Box<SourceArgs>),
    /// Show a Flux v2 Kubernetes configuration.
    Show(Target),
    /// List all Flux v2 Kubernetes configurations.
    List(ListArgs),
    /// Delete a Flux v2 Kubernetes configuration.
    Delete(DeleteArgs),
    /// Commands to manage Kustomizations associated with Flux v2 Kubernetes configurations.
    #[command(subcommand)]
    Kustomization(KustomizationCommand),
    /// Commands to see deployed objects associated with Flux v2 Kubernetes configurations.
    #[command(subcommand, name = "deployed-object")]
    DeployedObject(DeployedObjectCommand),
}

/// Which configuration.
#[derive(Args, Debug, Clone)]
pub struct Target {
    /// Name of the flux configuration.
    #[arg(short = 'n', long)]
    pub name: String,
    /// Namespace of the configuration (found by name when not given).
    #[arg(long = "namespace", visible_alias = "ns")]
    pub namespace: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// `create`/`update`: the source and its kustomizations.
#[derive(Args, Debug, Clone)]
pub struct SourceArgs {
    #[command(flatten)]
    pub target: Target,
    /// Specify scope of the operator to be 'namespace' or 'cluster' (create only).
    #[arg(short = 's', long)]
    pub scope: Option<String>,
    /// Source kind to reconcile (only `git`).
    #[arg(long)]
    pub kind: Option<String>,
    /// URL of the source to reconcile.
    #[arg(short = 'u', long)]
    pub url: Option<String>,
    /// Branch within the git source to reconcile with the cluster.
    #[arg(long)]
    pub branch: Option<String>,
    /// Tag within the git source to reconcile with the cluster.
    #[arg(long)]
    pub tag: Option<String>,
    /// Semver range within the git source to reconcile with the cluster.
    #[arg(long)]
    pub semver: Option<String>,
    /// Commit within the git source to reconcile with the cluster.
    #[arg(long)]
    pub commit: Option<String>,
    /// Time between reconciliations of the source on the cluster.
    #[arg(long = "interval", visible_alias = "sync-interval", value_parser = duration)]
    pub interval: Option<Duration>,
    /// Maximum time to reconcile the source before timing out.
    #[arg(long, value_parser = duration)]
    pub timeout: Option<Duration>,
    /// Suspend the reconciliation of the source and kustomizations associated with this configuration.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub suspend: Option<bool>,
    /// Base64-encoded private ssh key for private repository sync.
    #[arg(long)]
    pub ssh_private_key: Option<String>,
    /// File path to private ssh key for private repository sync.
    #[arg(long)]
    pub ssh_private_key_file: Option<PathBuf>,
    /// HTTPS username for private repository sync.
    #[arg(long)]
    pub https_user: Option<String>,
    /// HTTPS token/password for private repository sync (or SLUICE_HTTPS_KEY).
    #[arg(long, env = "SLUICE_HTTPS_KEY", hide_env_values = true)]
    pub https_key: Option<String>,
    /// Base64-encoded HTTPS CA certificate for TLS communication with private repository sync.
    #[arg(long)]
    pub https_ca_cert: Option<String>,
    /// File path to HTTPS CA certificate file for TLS communication with private repository sync.
    #[arg(long)]
    pub https_ca_cert_file: Option<PathBuf>,
    /// Base64-encoded known_hosts data containing public SSH keys required to access private Git instances.
    #[arg(long)]
    pub known_hosts: Option<String>,
    /// File path to known_hosts contents containing public SSH keys required to access private Git instances.
    #[arg(long)]
    pub known_hosts_file: Option<PathBuf>,
    /// Local reference to a kubernetes secret in the configuration namespace to use for communication to the source.
    #[arg(long, visible_alias = "local-ref")]
    pub local_auth_ref: Option<String>,
    /// Define kustomizations to sync sources with parameters ['name', 'path', 'depends_on', 'timeout',
    /// 'sync_interval', 'retry_interval', 'prune', 'force', 'wait', 'disable-health-check', 'substitute',
    /// 'substituteFrom'].
    #[arg(id = "kustomization", short = 'k', long = "kustomization", num_args = 1.., action = ArgAction::Append, value_name = "KEY=VALUE")]
    pub kustomization_values: Vec<String>,
    /// The `--kustomization` values by occurrence (filled from the matches).
    #[arg(skip)]
    pub kustomizations: Vec<Vec<String>>,
    /// Git implementation: auto (by host), gix or libgit2.
    #[arg(long)]
    pub git_backend: Option<String>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

/// How `create`/`update`/`delete` wait.
#[derive(Args, Debug, Clone)]
pub struct WaitArgs {
    /// Do not wait for the long-running operation to finish.
    #[arg(long)]
    pub no_wait: bool,
    /// Give up waiting for compliance after this long (`PT10M` works too).
    #[arg(long, visible_alias = "reconciliation-wait-duration", default_value = "10m", value_parser = wait_duration)]
    pub wait_timeout: Duration,
    /// Artifact storage, when reconciling in this process.
    #[arg(long, env = "SLUICE_STORAGE")]
    pub storage: Option<PathBuf>,
    /// Refuse a prune that deletes more than this share of an inventory
    /// (in-process reconciles; the controller has its own flags).
    #[arg(long, default_value_t = 0.5)]
    pub prune_max_share: f64,
}

#[derive(Args, Debug, Clone)]
pub struct ListArgs {
    /// Only configurations in this namespace.
    #[arg(long = "namespace", visible_alias = "ns")]
    pub namespace: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug, Clone)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub target: Target,
    /// Do not prompt for confirmation.
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Azure only: delete without waiting for the cluster (here: the same as --no-wait).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub force: Option<bool>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Subcommand, Debug)]
pub enum KustomizationCommand {
    /// Create a Kustomization associated with a Flux v2 Kubernetes configuration.
    Create(Box<KustomizationArgs>),
    /// Update a Kustomization associated with a Flux v2 Kubernetes configuration.
    Update(Box<KustomizationArgs>),
    /// Show a Kustomization associated with a Flux v2 Kubernetes configuration.
    Show(KustomizationTarget),
    /// List Kustomizations associated with a Flux v2 Kubernetes configuration.
    List(Target),
    /// Delete a Kustomization associated with a Flux v2 Kubernetes configuration.
    Delete(KustomizationDelete),
}

#[derive(Args, Debug, Clone)]
pub struct KustomizationTarget {
    #[command(flatten)]
    pub target: Target,
    /// Specify the name of the kustomization to target.
    #[arg(short = 'k', long)]
    pub kustomization_name: String,
}

#[derive(Args, Debug, Clone)]
pub struct KustomizationArgs {
    #[command(flatten)]
    pub which: KustomizationTarget,
    /// Specify the path in the source that the kustomization should apply.
    #[arg(long)]
    pub path: Option<String>,
    /// Comma-separated list of kustomization dependencies.
    #[arg(long = "depends-on", visible_aliases = ["dependencies", "depends"])]
    pub depends_on: Option<String>,
    /// Maximum time to reconcile the kustomization before timing out.
    #[arg(long, value_parser = duration)]
    pub timeout: Option<Duration>,
    /// Time between reconciliations of the kustomization on the cluster.
    #[arg(long = "interval", visible_alias = "sync-interval", value_parser = duration)]
    pub interval: Option<Duration>,
    /// Time between reconciliations of the kustomization on the cluster on failures, defaults to --sync-interval.
    #[arg(long, value_parser = duration)]
    pub retry_interval: Option<Duration>,
    /// Garbage collect resources deployed by the kustomization on the cluster.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub prune: Option<bool>,
    /// Re-create resources that cannot be updated on the cluster (i.e. jobs).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub force: Option<bool>,
    /// Disable health checks for kustomizations applied to the cluster.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub disable_health_check: Option<bool>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Args, Debug, Clone)]
pub struct KustomizationDelete {
    #[command(flatten)]
    pub which: KustomizationTarget,
    /// Do not prompt for confirmation.
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Subcommand, Debug)]
pub enum DeployedObjectCommand {
    /// List deployed objects associated with a Flux v2 Kubernetes configuration.
    List(Target),
    /// Show a deployed object associated with a Flux v2 Kubernetes configuration.
    Show(DeployedObjectShow),
}

#[derive(Args, Debug, Clone)]
pub struct DeployedObjectShow {
    #[command(flatten)]
    pub target: Target,
    /// Name of the object deployed by the configuration on the cluster.
    #[arg(long)]
    pub object_name: String,
    /// Namespace of the object deployed by the configuration on the cluster.
    #[arg(long)]
    pub object_namespace: String,
    /// Kind of the object deployed by the configuration on the cluster.
    #[arg(long)]
    pub object_kind: String,
}

fn duration(s: &str) -> Result<Duration, String> {
    parse_duration(s).map_err(|e| {
        format!(
            "Error! Invalid duration. Specify a valid Go duration and try again (i.e. 1h2m5s): {e}"
        )
    })
}

/// `PT10M`-style ISO 8601 durations as az takes them, or Go-style ones.
pub fn wait_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("PT").or_else(|| t.strip_prefix("pt")) {
        return parse_duration(&rest.to_ascii_lowercase());
    }
    if let Some(days) = t.strip_prefix('P').and_then(|d| d.strip_suffix('D')) {
        let n: u64 = days
            .parse()
            .map_err(|_| format!("invalid duration '{s}'"))?;
        return Ok(Duration::from_secs(n * 86_400));
    }
    parse_duration(t)
}

/// Exit code 3: what az returns for a resource that does not exist.
const NOT_FOUND: u8 = 3;

impl SourceArgs {
    /// Groups the `--kustomization` values by occurrence.
    pub fn with_occurrences(mut self, matches: Option<&clap::ArgMatches>) -> Self {
        if let Some(occ) = matches.and_then(|m| m.get_occurrences::<String>("kustomization")) {
            self.kustomizations = occ.map(|o| o.cloned().collect()).collect();
        }
        self
    }

    /// The credentials given as flags, as Flux's secret keys.
    fn credentials(&self) -> Result<BTreeMap<String, Vec<u8>>> {
        let mut data = BTreeMap::new();
        for (key, (flag, inline), (file_flag, file)) in [
            (
                "identity",
                ("--ssh-private-key", &self.ssh_private_key),
                ("--ssh-private-key-file", &self.ssh_private_key_file),
            ),
            (
                "known_hosts",
                ("--known-hosts", &self.known_hosts),
                ("--known-hosts-file", &self.known_hosts_file),
            ),
            (
                "ca.crt",
                ("--https-ca-cert", &self.https_ca_cert),
                ("--https-ca-cert-file", &self.https_ca_cert_file),
            ),
        ] {
            if let Some(v) = super::sync::base64_or_file(flag, inline, file_flag, file)? {
                data.insert(key.to_string(), v);
            }
        }
        match (&self.https_user, &self.https_key) {
            (Some(u), Some(k)) => {
                data.insert("username".into(), u.clone().into_bytes());
                data.insert("password".into(), k.clone().into_bytes());
            }
            (None, None) => {}
            _ => bail!(
                "Error! --https-user and --https-key cannot be used separately: try providing both --https-user and --https-key together"
            ),
        }
        if self.local_auth_ref.is_some() && !data.is_empty() {
            bail!("--local-auth-ref cannot be combined with credential flags");
        }
        Ok(data)
    }

    /// Checks the URL against the kind of credentials, as az does.
    fn check_url(&self, url: &str, data: &BTreeMap<String, Vec<u8>>) -> Result<()> {
        let http = url.starts_with("http://") || url.starts_with("https://");
        let ssh = url.starts_with("ssh://") || url.starts_with("git@");
        if !http && !ssh {
            bail!(
                "Error! Invalid --url. Url must begin with one of ['http://', 'https://', 'git@', 'ssh://']"
            );
        }
        if http && data.contains_key("identity") {
            bail!("Error! An --ssh-private-key cannot be used with an http(s) url");
        }
        if http && data.contains_key("known_hosts") {
            bail!("Error! --ssh-known-hosts cannot be used with an http(s) url");
        }
        if ssh && data.contains_key("username") {
            bail!(
                "Error! https auth (--https-user and --https-key) cannot be used with a non-http(s) url"
            );
        }
        Ok(())
    }

    fn check_kind(&self) -> Result<()> {
        match self.kind.as_deref() {
            None | Some("git") => Ok(()),
            Some(other) => {
                bail!("--kind: source kind '{other}' is not supported by Sluice yet (only 'git')")
            }
        }
    }

    fn refs_given(&self) -> usize {
        [&self.branch, &self.tag, &self.semver, &self.commit]
            .iter()
            .filter(|r| r.is_some())
            .count()
    }

    fn check_refs(&self, required: bool) -> Result<()> {
        match self.refs_given() {
            0 if required => bail!(
                "Error! Repository reference is invalid: specifying one of [--branch, --tag, --semver, --commit] is required"
            ),
            0 | 1 => Ok(()),
            _ => bail!(
                "Error! Repository reference is invalid: specifying more than one repository ref argument is invalid"
            ),
        }
    }

    /// The new configuration `create` writes.
    fn configuration(&self) -> Result<Configuration> {
        self.check_kind()?;
        let url = self
            .url
            .clone()
            .ok_or_else(|| anyhow!("the following arguments are required: --url/-u"))?;
        let data = self.credentials()?;
        self.check_url(&url, &data)?;
        self.check_refs(true)?;
        let kustomizations = if self.kustomizations.is_empty() {
            eprintln!(
                "WARNING: Warning! No kustomizations were specified for this configuration. A kustomization will be generated with the default name '{DEFAULT_KUSTOMIZATION}'."
            );
            vec![KustomizationConfig::named(DEFAULT_KUSTOMIZATION)]
        } else {
            self.kustomizations
                .iter()
                .map(|pairs| KustomizationConfig::parse(pairs))
                .collect::<Result<Vec<_>>>()?
        };
        let c = Configuration {
            name: self.target.name.clone(),
            namespace: self
                .target
                .namespace
                .clone()
                .unwrap_or_else(|| "default".into()),
            scope: Scope::parse(self.scope.as_deref().unwrap_or("cluster"))?,
            url,
            reference: sluice_sources::RefSpec {
                branch: self.branch.clone(),
                tag: self.tag.clone(),
                semver: self.semver.clone(),
                commit: self.commit.clone(),
                name: None,
            },
            interval: self.interval.unwrap_or(Duration::from_secs(600)),
            timeout: self.timeout.unwrap_or(Duration::from_secs(600)),
            suspend: self.suspend.unwrap_or(false),
            auth: Auth {
                local_auth_ref: self.local_auth_ref.clone(),
                data,
            },
            backend: self.git_backend.clone(),
            kustomizations,
        };
        c.validate()?;
        c.validate_dependencies()?;
        Ok(c)
    }

    /// `existing` with only the given flags changed (az's update).
    fn updated(&self, mut c: Configuration) -> Result<Configuration> {
        self.check_kind()?;
        if self.scope.is_some() {
            bail!("--scope can only be set when the configuration is created");
        }
        self.check_refs(false)?;
        if self.refs_given() == 1 {
            c.reference = sluice_sources::RefSpec {
                branch: self.branch.clone(),
                tag: self.tag.clone(),
                semver: self.semver.clone(),
                commit: self.commit.clone(),
                name: None,
            };
        }
        if let Some(u) = &self.url {
            c.url = u.clone();
        }
        if let Some(d) = self.interval {
            c.interval = d;
        }
        if let Some(d) = self.timeout {
            c.timeout = d;
        }
        if let Some(s) = self.suspend {
            c.suspend = s;
        }
        let data = self.credentials()?;
        if !data.is_empty() {
            c.auth = Auth {
                local_auth_ref: None,
                data,
            };
        } else if let Some(r) = &self.local_auth_ref {
            c.auth = Auth {
                local_auth_ref: Some(r.clone()),
                data: BTreeMap::new(),
            };
        }
        self.check_url(&c.url, &c.auth.data)?;
        if let Some(b) = &self.git_backend {
            c.backend = Some(b.clone());
        }
        // Merge by name: the kustomizations named change, others stay.
        for pairs in &self.kustomizations {
            let named = KustomizationConfig::parse(pairs)?;
            match c.kustomizations.iter_mut().find(|k| k.name == named.name) {
                Some(existing) => {
                    existing.apply(pairs, "--kustomization")?;
                }
                None => c.kustomizations.push(named),
            }
        }
        c.validate()?;
        c.validate_dependencies()?;
        Ok(c)
    }
}

fn sync_options(c: &Configuration, common: &Common, wait: &WaitArgs) -> SyncOptions {
    SyncOptions {
        configuration: c.clone(),
        wait: wait.wait_timeout,
        storage: wait.storage.clone().unwrap_or_else(default_storage),
        field_manager: DEFAULT_FIELD_MANAGER.into(),
        prune_guard: PruneGuard {
            max_share: wait.prune_max_share,
            ..PruneGuard::default()
        },
        concurrent_ssa: 4,
        requeue_dependency: Duration::from_secs(5),
        target: common.target(),
    }
}

/// Quiet progress for scripts; a spinner on a terminal.
fn ui(spinner: &Option<indicatif::ProgressBar>) -> Ui {
    let (s1, s2) = (spinner.clone(), spinner.clone());
    Ui {
        source: std::sync::Arc::new(sluice_sources::NoProgress),
        kustomizations: std::sync::Arc::new(move |e| {
            if let Some(b) = &s1 {
                let text = match e {
                    sync::runner::Event::Waiting(id) => format!("{id}: waiting for dependencies"),
                    sync::runner::Event::Applying(id) => format!("{id}: building and applying"),
                    sync::runner::Event::Retrying(id, _, after) => {
                        format!("{id}: retrying in {}", humantime::format_duration(after))
                    }
                    sync::runner::Event::Finished(id, ok, _) => {
                        format!("{id}: {}", if ok { "ready" } else { "not ready" })
                    }
                };
                b.set_message(text);
            }
        }),
        note: std::sync::Arc::new(move |m| {
            if let Some(b) = &s2 {
                b.set_message(m.to_string());
            } else {
                tracing::info!("{m}");
            }
        }),
    }
}

/// Prints a value in the chosen format (`table` is given by the caller).
fn print<T: Serialize>(
    format: ConfigFormat,
    value: &T,
    table: impl FnOnce() -> String,
) -> Result<()> {
    match format {
        ConfigFormat::Json => println!("{}", serde_json::to_string_pretty(value)?),
        ConfigFormat::Yaml => output::print_structured(output::Format::Yaml, value)?,
        ConfigFormat::Table => print!("{}", table()),
        ConfigFormat::None => {}
    }
    Ok(())
}

fn not_found(name: &str) -> ExitCode {
    eprintln!(
        "ERROR: (FluxConfigurationNotFound) The Resource Microsoft.KubernetesConfiguration/fluxConfigurations/{name} could not be found!"
    );
    ExitCode::from(NOT_FOUND)
}

/// Finds the configuration's namespace when not given: the only one
/// holding a configuration of that name.
async fn locate(client: &kube::Client, t: &Target) -> Result<Option<String>> {
    if let Some(ns) = &t.namespace {
        return Ok(Some(ns.clone()));
    }
    let all: Api<GitRepository> = Api::all(client.clone());
    let lp = ListParams::default().labels(&format!("{CONFIGURATION_LABEL}={}", t.name));
    let list = match all.list(&lp).await {
        Ok(l) => l,
        // Flux's CRDs are not installed: there is no configuration.
        Err(kube::Error::Api(ae)) if ae.code == 404 => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let found: Vec<String> = list
        .items
        .iter()
        .filter(|r| r.name_any() == t.name)
        .filter_map(|r| r.namespace())
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        many => bail!(
            "configuration '{}' exists in several namespaces ({}); give --namespace",
            t.name,
            many.join(", ")
        ),
    }
}

async fn read(client: &kube::Client, t: &Target) -> Result<Option<Configuration>> {
    match locate(client, t).await? {
        Some(ns) => Configuration::read(client, &ns, &t.name).await,
        None => Ok(None),
    }
}

/// The document of a configuration as the cluster has it.
async fn document(client: &kube::Client, c: &Configuration, common: &Common) -> Report {
    let mut r = Report::new(c);
    r.read_credentials(client, c).await;
    r.collect(client, c).await;
    r.resource_group = common.resource_group.clone();
    r
}

/// Whether a controller (`sluice run`, or Flux) reconciles the written
/// objects: it puts Flux's finalizer on the GitRepository, or updates its
/// status, within a few seconds.
async fn controller_present(client: &kube::Client, repo: &GitRepository) -> bool {
    let api: Api<GitRepository> =
        Api::namespaced(client.clone(), &repo.namespace().unwrap_or_default());
    let before = repo.status.clone();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        if let Ok(Some(r)) = api.get_opt(&repo.name_any()).await
            && (r.finalizers().iter().any(|f| f == flux::FINALIZER) || r.status != before)
        {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Whether the configuration has reached a verdict a wait can end on:
/// Compliant (or Suspended); the source failed; or every Kustomization
/// either applied the source's revision or failed on it for a reason a
/// retry will not change by itself (a build, apply, prune or health
/// failure, a stall, or a dependency that failed so). A missing artifact or
/// a dependency still on its way is worth waiting for.
fn settled(report: &Report, repo: Option<&GitRepository>, kss: &[Kustomization]) -> bool {
    if matches!(
        report.compliance_state,
        Compliance::Compliant | Compliance::Suspended
    ) {
        return true;
    }
    let Some(repo) = repo else {
        return false;
    };
    match repo.conditions().iter().find(|c| c.type_ == "Ready") {
        Some(c) if c.status == "False" => return true,
        Some(c) if c.status == "True" => {}
        _ => return false,
    }
    let Some(revision) = repo.artifact().map(|a| a.revision.clone()) else {
        return false;
    };
    #[derive(PartialEq)]
    enum State {
        Done,
        Failed,
        Waiting,
    }
    let state = |k: &Kustomization| {
        let status = k.status.clone().unwrap_or_default();
        let stalled = k
            .conditions()
            .iter()
            .any(|c| c.type_ == "Stalled" && c.status == "True");
        match k.conditions().iter().find(|c| c.type_ == "Ready") {
            _ if stalled => State::Failed,
            Some(c)
                if c.status == "True"
                    && status.last_applied_revision.as_deref() == Some(&revision) =>
            {
                State::Done
            }
            Some(c)
                if c.status == "False"
                    && !matches!(c.reason.as_str(), "ArtifactFailed" | "DependencyNotReady")
                    && status.last_attempted_revision.as_deref() == Some(&revision) =>
            {
                State::Failed
            }
            _ => State::Waiting,
        }
    };
    let mut states: BTreeMap<String, State> = kss.iter().map(|k| (k.id(), state(k))).collect();
    // A dependent of a failed Kustomization will not start: it is settled.
    loop {
        let mut changed = false;
        for k in kss {
            if states.get(&k.id()) == Some(&State::Waiting)
                && k.dependencies()
                    .iter()
                    .any(|d| states.get(d) == Some(&State::Failed))
            {
                states.insert(k.id(), State::Failed);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    !states.values().any(|s| *s == State::Waiting)
}

/// Writes the configuration and waits for compliance; prints the document.
async fn apply_and_wait(c: &Configuration, common: &Common, wait: &WaitArgs) -> Result<ExitCode> {
    let (cfg, client) = reachable(&common.target()).await?;
    let spinner = (common.output != ConfigFormat::None && !wait.no_wait)
        .then(|| output::spinner(&format!("configuration {}: writing", c.name)))
        .flatten();
    let ui = ui(&spinner);
    let written = write_configuration(&client, c, &ui).await?;
    if wait.no_wait {
        return Ok(ExitCode::SUCCESS);
    }
    let deadline = tokio::time::Instant::now() + wait.wait_timeout;
    let mut changes = BTreeMap::new();
    if c.suspend {
        // Nothing to reconcile.
    } else if controller_present(&client, &written.repository).await {
        if let Some(b) = &spinner {
            b.set_message(format!(
                "configuration {}: reconciled by the cluster's controller",
                c.name
            ));
        }
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), &c.namespace);
        let repos: Api<GitRepository> = Api::namespaced(client.clone(), &c.namespace);
        loop {
            let report = document(&client, c, common).await;
            let mut current = Vec::new();
            for k in &c.kustomizations {
                if let Ok(Some(o)) = kss.get_opt(&c.kustomization_name(&k.name)).await {
                    current.push(o);
                }
            }
            if let Some(b) = &spinner {
                b.set_message(format!(
                    "configuration {}: {}",
                    c.name,
                    report.compliance_state.as_str()
                ));
            }
            let repo = repos.get_opt(&c.name).await.ok().flatten();
            if settled(&report, repo.as_ref(), &current) || tokio::time::Instant::now() >= deadline
            {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    } else {
        let opts = sync_options(c, common, wait);
        let ctx = one_shot_context(cfg, &client, &opts, deadline)?;
        changes = reconcile_in_process(&ctx, c, written, deadline, &ui).await?;
    }
    if let Some(b) = &spinner {
        b.finish_and_clear();
    }
    let mut report = document(&client, c, common).await;
    sync::add_changes(&mut report, changes);
    print(common.output, &report, || report.table())?;
    Ok(
        if matches!(
            report.compliance_state,
            Compliance::Compliant | Compliance::Suspended
        ) {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
}

/// Asks before deleting, as az: `--yes` skips it; without a terminal it
/// refuses.
fn confirm(yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        bail!("Unable to prompt for confirmation as no tty available. Use --yes.");
    }
    loop {
        eprint!("Are you sure you want to perform this operation? (y/n): ");
        std::io::stderr().flush()?;
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        match line.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" => return Ok(()),
            "n" | "no" => bail!("Operation cancelled."),
            _ => {}
        }
    }
}

/// Deletes Kustomizations: through the controller's finalizer when one
/// reconciles them (waiting until they are gone), else with the same
/// cleanup in this process.
async fn delete_kustomizations(
    cfg: kube::Config,
    client: &kube::Client,
    c: &Configuration,
    names: &[String],
    common: &Common,
    wait: &WaitArgs,
) -> Result<()> {
    let api: Api<Kustomization> = Api::namespaced(client.clone(), &c.namespace);
    let opts = sync_options(c, common, wait);
    let deadline = tokio::time::Instant::now() + wait.wait_timeout;
    let ctx = one_shot_context(cfg, client, &opts, deadline)?;
    for name in names {
        let Some(ks) = api.get_opt(name).await? else {
            continue;
        };
        if ks.finalizers().iter().any(|f| f == flux::FINALIZER) {
            // A controller added its finalizer: it prunes on delete.
            match api.delete(name, &DeleteParams::background()).await {
                Ok(_) => {}
                Err(kube::Error::Api(ae)) if ae.code == 404 => continue,
                Err(e) => bail!("deleting Kustomization {name}: {e}"),
            }
            if wait.no_wait {
                continue;
            }
            let give_up = tokio::time::Instant::now() + Duration::from_secs(20);
            loop {
                match api.get_opt(name).await? {
                    None => break,
                    Some(k) if tokio::time::Instant::now() >= give_up => {
                        // No controller acted: clean up here instead.
                        delete_kustomization(&ctx, &k).await?;
                        break;
                    }
                    Some(_) => tokio::time::sleep(Duration::from_millis(500)).await,
                }
            }
        } else {
            delete_kustomization(&ctx, &ks).await?;
        }
    }
    Ok(())
}

async fn delete_configuration(
    cfg: kube::Config,
    client: &kube::Client,
    c: &Configuration,
    common: &Common,
    wait: &WaitArgs,
) -> Result<()> {
    let names: Vec<String> = c
        .kustomizations
        .iter()
        .map(|k| c.kustomization_name(&k.name))
        .collect();
    delete_kustomizations(cfg, client, c, &names, common, wait).await?;
    let repos: Api<GitRepository> = Api::namespaced(client.clone(), &c.namespace);
    if let Some(repo) = repos.get_opt(&c.name).await? {
        let controller = repo.finalizers().iter().any(|f| f == flux::FINALIZER);
        if let Err(e) = repos.delete(&c.name, &DeleteParams::background()).await
            && !matches!(&e, kube::Error::Api(ae) if ae.code == 404)
        {
            bail!("deleting GitRepository {}: {e}", c.name);
        }
        if controller && !wait.no_wait {
            // The controller removes its artifacts and the finalizer.
            let give_up = tokio::time::Instant::now() + Duration::from_secs(20);
            while let Some(r) = repos.get_opt(&c.name).await? {
                if tokio::time::Instant::now() >= give_up {
                    remove_finalizer(&repos, &r).await?;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
    let labelled = ListParams::default().labels(&format!("{CONFIGURATION_LABEL}={}", c.name));
    let secrets: Api<k8s_openapi::api::core::v1::Secret> =
        Api::namespaced(client.clone(), &c.namespace);
    for s in secrets.list(&labelled).await?.items {
        let _ = secrets
            .delete(&s.name_any(), &DeleteParams::background())
            .await;
    }
    let sas: Api<k8s_openapi::api::core::v1::ServiceAccount> =
        Api::namespaced(client.clone(), &c.namespace);
    for s in sas.list(&labelled).await?.items {
        let _ = sas.delete(&s.name_any(), &DeleteParams::background()).await;
    }
    let rbs: Api<k8s_openapi::api::rbac::v1::RoleBinding> =
        Api::namespaced(client.clone(), &c.namespace);
    for s in rbs.list(&labelled).await?.items {
        let _ = rbs.delete(&s.name_any(), &DeleteParams::background()).await;
    }
    Ok(())
}

/// Runs a `config` command.
pub async fn run(cmd: ConfigCommand, matches: Option<&clap::ArgMatches>) -> Result<ExitCode> {
    match cmd {
        ConfigCommand::Create(args) => {
            let args = (*args).with_occurrences(matches);
            let common = &args.target.common;
            common.warn_azure_flags();
            let c = args.configuration()?;
            let (_, client) = reachable(&common.target()).await?;
            if Configuration::read(&client, &c.namespace, &c.name)
                .await?
                .is_some()
            {
                bail!(
                    "configuration '{}' already exists in namespace '{}'; use 'sluice config update'",
                    c.name,
                    c.namespace
                );
            }
            apply_and_wait(&c, common, &args.wait).await
        }
        ConfigCommand::Update(args) => {
            let args = (*args).with_occurrences(matches);
            let common = &args.target.common;
            common.warn_azure_flags();
            let (_, client) = reachable(&common.target()).await?;
            let Some(existing) = read(&client, &args.target).await? else {
                return Ok(not_found(&args.target.name));
            };
            let c = args.updated(existing)?;
            apply_and_wait(&c, common, &args.wait).await
        }
        ConfigCommand::Show(t) => {
            t.common.warn_azure_flags();
            let (_, client) = reachable(&t.common.target()).await?;
            let Some(c) = read(&client, &t).await? else {
                return Ok(not_found(&t.name));
            };
            let report = document(&client, &c, &t.common).await;
            print(t.common.output, &report, || {
                config_table(std::slice::from_ref(&report))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::List(l) => {
            l.common.warn_azure_flags();
            let (_, client) = reachable(&l.common.target()).await?;
            let repos: Api<GitRepository> = match &l.namespace {
                Some(ns) => Api::namespaced(client.clone(), ns),
                None => Api::all(client.clone()),
            };
            let lp = ListParams::default().labels(CONFIGURATION_LABEL);
            let mut reports = Vec::new();
            let items = match repos.list(&lp).await {
                Ok(l) => l.items,
                Err(kube::Error::Api(ae)) if ae.code == 404 => Vec::new(),
                Err(e) => return Err(e.into()),
            };
            for r in items {
                let ns = r.namespace().unwrap_or_default();
                if let Some(c) = Configuration::read(&client, &ns, &r.name_any()).await? {
                    reports.push(document(&client, &c, &l.common).await);
                }
            }
            print(l.common.output, &reports, || config_table(&reports))?;
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Delete(d) => {
            let common = &d.target.common;
            common.warn_azure_flags();
            confirm(d.yes)?;
            let (cfg, client) = reachable(&common.target()).await?;
            let Some(c) = read(&client, &d.target).await? else {
                return Ok(not_found(&d.target.name));
            };
            if c.kustomizations.iter().any(|k| k.prune) {
                eprintln!(
                    "WARNING: Prune is enabled on one or more of your kustomizations. Deleting a Flux configuration with prune enabled will also delete the Kubernetes objects deployed by the kustomization(s)."
                );
            }
            let mut wait = d.wait.clone();
            wait.no_wait |= d.force == Some(true);
            delete_configuration(cfg, &client, &c, common, &wait).await?;
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Kustomization(k) => kustomization(k).await,
        ConfigCommand::DeployedObject(d) => deployed_object(d).await,
    }
}

/// az's `flux list`/`show` table.
fn config_table(reports: &[Report]) -> String {
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            vec![
                r.namespace.clone(),
                r.name.clone(),
                r.scope.clone(),
                r.provisioning_state.clone(),
                r.compliance_state.as_str().to_string(),
                r.status_updated_at.clone(),
                r.source_updated_at.clone().unwrap_or_default(),
            ]
        })
        .collect();
    output::table(
        &[
            "Namespace",
            "Name",
            "Scope",
            "ProvisioningState",
            "ComplianceState",
            "StatusUpdatedAt",
            "SourceUpdatedAt",
        ],
        &rows,
    )
}

/// az's short durations: 600 → `10m`, 5400 → `1h30m`.
fn short_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 {
        out.push_str(&format!("{s}s"));
    }
    out
}

fn kustomization_table(report: &Report, only: Option<&str>) -> String {
    let rows: Vec<Vec<String>> = report
        .kustomizations
        .iter()
        .filter(|(n, _)| only.is_none_or(|o| o == n.as_str()))
        .map(|(_, k)| {
            let v = serde_json::to_value(k).unwrap_or_default();
            let s = |f: &str| {
                v.get(f)
                    .map(|x| x.to_string().trim_matches('"').to_string())
                    .unwrap_or_default()
            };
            vec![
                s("name"),
                s("path"),
                v.get("dependsOn")
                    .and_then(|d| d.as_array())
                    .map(|d| {
                        d.iter()
                            .filter_map(|x| x.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .unwrap_or_default(),
                short_duration(
                    v.get("syncIntervalInSeconds")
                        .and_then(|x| x.as_u64())
                        .unwrap_or(0),
                ),
                short_duration(
                    v.get("timeoutInSeconds")
                        .and_then(|x| x.as_u64())
                        .unwrap_or(0),
                ),
                s("prune"),
                s("force"),
            ]
        })
        .collect();
    output::table(
        &[
            "Name",
            "Path",
            "DependsOn",
            "SyncInterval",
            "Timeout",
            "Prune",
            "Force",
        ],
        &rows,
    )
}

fn deployed_table(statuses: &[ObjectStatus]) -> String {
    let rows: Vec<Vec<String>> = statuses
        .iter()
        .map(|s| {
            let mut m = ready_message(s);
            if m.chars().count() > 60 {
                m = format!("{}...", m.chars().take(60).collect::<String>());
            }
            vec![
                s.kind.clone(),
                s.namespace.clone(),
                s.name.clone(),
                s.compliance_state.as_str().to_string(),
                m,
            ]
        })
        .collect();
    output::table(
        &["Kind", "Namespace", "Name", "ComplianceState", "Message"],
        &rows,
    )
}

async fn kustomization(cmd: KustomizationCommand) -> Result<ExitCode> {
    match cmd {
        KustomizationCommand::Create(a) => kustomization_write(*a, true).await,
        KustomizationCommand::Update(a) => kustomization_write(*a, false).await,
        KustomizationCommand::Show(k) => {
            let t = &k.target;
            t.common.warn_azure_flags();
            let (_, client) = reachable(&t.common.target()).await?;
            let Some(c) = read(&client, t).await? else {
                return Ok(not_found(&t.name));
            };
            let report = Report::new(&c);
            let Some(def) = report.kustomizations.get(&k.kustomization_name) else {
                bail!(
                    "Error! Kustomization with name '{}' does not exist on configuration '{}'.",
                    k.kustomization_name,
                    c.name
                );
            };
            let one = BTreeMap::from([(k.kustomization_name.clone(), def.clone())]);
            print(t.common.output, &one, || {
                kustomization_table(&report, Some(&k.kustomization_name))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        KustomizationCommand::List(t) => {
            t.common.warn_azure_flags();
            let (_, client) = reachable(&t.common.target()).await?;
            let Some(c) = read(&client, &t).await? else {
                return Ok(not_found(&t.name));
            };
            let report = Report::new(&c);
            print(t.common.output, &report.kustomizations, || {
                kustomization_table(&report, None)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        KustomizationCommand::Delete(d) => {
            let t = &d.which.target;
            t.common.warn_azure_flags();
            confirm(d.yes)?;
            let (cfg, client) = reachable(&t.common.target()).await?;
            let Some(mut c) = read(&client, t).await? else {
                return Ok(not_found(&t.name));
            };
            let name = &d.which.kustomization_name;
            let Some(pos) = c.kustomizations.iter().position(|k| &k.name == name) else {
                bail!(
                    "Error! Cannot delete a kustomization that doesn't exist. You can view all kustomizations on a configuration with 'sluice config kustomization list'"
                );
            };
            if c.kustomizations[pos].prune {
                eprintln!(
                    "WARNING: Prune is enabled on this kustomization. Deleting a kustomization with prune enabled will also delete the Kubernetes objects deployed by the kustomization."
                );
            }
            let removed = c.kustomizations.remove(pos);
            // Dependents of the removed one now wait on nothing here (as
            // Azure: they become DependencyNotReady); keep the others valid.
            for k in &mut c.kustomizations {
                k.depends_on.retain(|dep| dep != &removed.name);
            }
            delete_kustomizations(
                cfg,
                &client,
                &c,
                &[c.kustomization_name(name)],
                &t.common,
                &d.wait,
            )
            .await?;
            let report = document(&client, &c, &t.common).await;
            print(t.common.output, &report, || report.table())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn kustomization_write(a: KustomizationArgs, create: bool) -> Result<ExitCode> {
    let t = &a.which.target;
    t.common.warn_azure_flags();
    let (_, client) = reachable(&t.common.target()).await?;
    let Some(mut c) = read(&client, t).await? else {
        return Ok(not_found(&t.name));
    };
    let name = a.which.kustomization_name.clone();
    let exists = c.kustomizations.iter().any(|k| k.name == name);
    if create && exists {
        bail!(
            "Error! Cannot create a kustomization that already exists. Kustomization name '{name}' already exists on configuration '{}'. You can update an already created kustomization with 'sluice config kustomization update'",
            c.name
        );
    }
    if !create && !exists {
        bail!(
            "Error! Cannot update a kustomization that doesn't exist. Kustomization name '{name}' does not exist on configuration '{}'. You can add the kustomization to the configuration with 'sluice config kustomization create'",
            c.name
        );
    }
    if create {
        crate::flux::validate_name("--kustomization-name", &name)?;
        c.kustomizations.push(KustomizationConfig::named(&name));
    }
    let k = c
        .kustomizations
        .iter_mut()
        .find(|k| k.name == name)
        .context("kustomization")?;
    if let Some(p) = &a.path {
        k.path = p.clone();
    }
    if let Some(d) = &a.depends_on {
        k.depends_on = d
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    if let Some(v) = a.timeout {
        k.timeout = v;
    }
    if let Some(v) = a.interval {
        k.sync_interval = v;
    }
    if let Some(v) = a.retry_interval {
        k.retry_interval = Some(v);
    }
    if let Some(v) = a.prune {
        k.prune = v;
    }
    if let Some(v) = a.force {
        k.force = v;
    }
    if let Some(v) = a.disable_health_check {
        k.wait = !v;
    }
    c.validate()?;
    c.validate_dependencies()?;
    apply_and_wait(&c, &t.common, &a.wait).await
}

async fn deployed_object(cmd: DeployedObjectCommand) -> Result<ExitCode> {
    let (t, filter) = match &cmd {
        DeployedObjectCommand::List(t) => (t, None),
        DeployedObjectCommand::Show(s) => (&s.target, Some(s)),
    };
    t.common.warn_azure_flags();
    let (_, client) = reachable(&t.common.target()).await?;
    let Some(c) = read(&client, t).await? else {
        return Ok(not_found(&t.name));
    };
    let report = document(&client, &c, &t.common).await;
    match filter {
        None => print(t.common.output, &report.statuses, || {
            deployed_table(&report.statuses)
        })?,
        Some(s) => {
            let Some(found) = report.statuses.iter().find(|o| {
                o.name == s.object_name
                    && o.namespace == s.object_namespace
                    && o.kind == s.object_kind
            }) else {
                bail!(
                    "Error! Deployed object with name '{}', namespace '{}', and kind '{}' does not exist on configuration '{}'.",
                    s.object_name,
                    s.object_namespace,
                    s.object_kind,
                    c.name
                );
            };
            print(t.common.output, found, || {
                deployed_table(std::slice::from_ref(found))
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `sluice sync`: the flags of `az k8s-configuration flux create`, progress
//! on a terminal, a compliance table or an az-like JSON/YAML document.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{ArgAction, Args};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use sluice_appliers::apply::DEFAULT_FIELD_MANAGER;
use sluice_appliers::conditions::Compliance;
use sluice_appliers::kustomization::PruneGuard;

use super::output::{self, Format};
use super::source::RefArgs;
use crate::flux::parse_duration;
use crate::reconcile::default_storage;
use crate::sync::config::{Auth, Configuration, KustomizationConfig, decode_base64};
use crate::sync::runner::Event;
use crate::sync::{self, KubeTarget, SyncOptions, Ui};

#[derive(Args, Debug)]
pub struct SyncArgs {
    /// Configuration name: the GitRepository's name; Kustomizations are
    /// named `<name>-<kustomization>`.
    #[arg(short = 'n', long)]
    pub name: String,
    /// Namespace of the Flux objects (created when missing).
    #[arg(long = "namespace", visible_alias = "ns", default_value = "default")]
    pub namespace: String,
    /// Git repository URL.
    #[arg(short = 'u', long)]
    pub url: String,
    #[command(flatten)]
    pub reference: RefArgs,
    /// Source sync interval.
    #[arg(long, visible_alias = "sync-interval", default_value = "10m", value_parser = parse_duration)]
    pub interval: Duration,
    /// Git operation timeout.
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    pub timeout: Duration,
    /// A kustomization, as az: `name=apps path=./apps prune=true
    /// dependsOn=["infra"] timeout=5m retry_interval=1m force=false
    /// wait=true`. Repeat for more.
    #[arg(id = "kustomization", long = "kustomization", visible_alias = "kustomizations", num_args = 1.., action = ArgAction::Append, value_name = "KEY=VALUE")]
    pub kustomization_values: Vec<String>,
    /// The `--kustomization` values grouped by occurrence (filled from the
    /// matches: clap's derive flattens them).
    #[arg(skip)]
    pub kustomizations: Vec<Vec<String>>,
    /// Suspend the configuration.
    #[arg(long)]
    pub suspend: bool,
    /// An existing Secret in the namespace with Flux's git keys.
    #[arg(long, visible_alias = "local-ref")]
    pub local_auth_ref: Option<String>,
    /// Base64-encoded SSH private key.
    #[arg(long)]
    pub ssh_private_key: Option<String>,
    /// File holding the SSH private key.
    #[arg(long)]
    pub ssh_private_key_file: Option<PathBuf>,
    /// Base64-encoded known_hosts.
    #[arg(long)]
    pub known_hosts: Option<String>,
    /// known_hosts file.
    #[arg(long)]
    pub known_hosts_file: Option<PathBuf>,
    /// HTTPS user name.
    #[arg(long)]
    pub https_user: Option<String>,
    /// HTTPS password or token (prefer SLUICE_HTTPS_KEY: flags show in `ps`).
    #[arg(long, env = "SLUICE_HTTPS_KEY", hide_env_values = true)]
    pub https_key: Option<String>,
    /// Base64-encoded CA certificate for HTTPS.
    #[arg(long)]
    pub https_ca_cert: Option<String>,
    /// CA certificate file for HTTPS.
    #[arg(long)]
    pub https_ca_cert_file: Option<PathBuf>,
    /// Bearer token for HTTPS (Flux's `bearerToken` key).
    #[arg(long, env = "SLUICE_BEARER_TOKEN", hide_env_values = true)]
    pub bearer_token: Option<String>,
    /// Git implementation: auto (by host), gix or libgit2.
    #[arg(long)]
    pub git_backend: Option<String>,
    /// Give up waiting for the configuration to become compliant after this
    /// long (az's reconciliation wait duration; `PT10M` works too).
    #[arg(long, visible_alias = "reconciliation-wait-duration", default_value = "10m", value_parser = parse_wait)]
    pub wait_timeout: Duration,
    /// Print the plan (create / configure / unchanged / prune per object)
    /// and change nothing; offline when no cluster answers.
    #[arg(long)]
    pub dry_run: bool,
    /// Field manager for applied objects.
    #[arg(long, default_value = DEFAULT_FIELD_MANAGER)]
    pub field_manager: String,
    /// Refuse a prune that deletes more than this share of an inventory.
    #[arg(long, default_value_t = 0.5)]
    pub prune_max_share: f64,
    /// Allow pruning Namespaces.
    #[arg(long)]
    pub allow_prune_namespaces: bool,
    /// Allow pruning CustomResourceDefinitions.
    #[arg(long)]
    pub allow_prune_crds: bool,
    /// Objects applied concurrently within a stage.
    #[arg(long, default_value_t = 4)]
    pub concurrent_ssa: usize,
    /// Re-check interval for dependencies outside the configuration.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    pub requeue_dependency: Duration,
    /// Artifact storage directory.
    #[arg(long, env = "SLUICE_STORAGE")]
    pub storage: Option<PathBuf>,
    /// Kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster).
    #[arg(long)]
    pub kubeconfig: Option<PathBuf>,
    /// Kubeconfig context.
    #[arg(long)]
    pub context: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub output: Format,
}

/// `PT10M`-style ISO 8601 durations as az takes them, or Go-style ones.
fn parse_wait(s: &str) -> Result<Duration> {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("PT").or_else(|| t.strip_prefix("pt")) {
        let lowered = rest.to_ascii_lowercase();
        return parse_duration(&lowered).map_err(anyhow::Error::msg);
    }
    if let Some(days) = t.strip_prefix('P').and_then(|d| d.strip_suffix('D')) {
        let n: u64 = days
            .parse()
            .with_context(|| format!("invalid duration '{s}'"))?;
        return Ok(Duration::from_secs(n * 86_400));
    }
    parse_duration(t).map_err(anyhow::Error::msg)
}

/// A secret value given either base64-encoded in a flag (as az takes it) or
/// as a file.
pub(crate) fn base64_or_file(
    flag: &str,
    inline: &Option<String>,
    file_flag: &str,
    file: &Option<PathBuf>,
) -> Result<Option<Vec<u8>>> {
    match (inline, file) {
        (Some(_), Some(_)) => bail!("{flag} and {file_flag} are mutually exclusive"),
        (Some(v), None) => Ok(Some(decode_base64(flag, v)?)),
        (None, Some(path)) => {
            Ok(Some(std::fs::read(path).with_context(|| {
                format!("{file_flag}: reading {}", path.display())
            })?))
        }
        (None, None) => Ok(None),
    }
}

impl SyncArgs {
    fn configuration(&self) -> Result<Configuration> {
        let mut data: BTreeMap<String, Vec<u8>> = BTreeMap::new();
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
            if let Some(v) = base64_or_file(flag, inline, file_flag, file)? {
                data.insert(key.into(), v);
            }
        }
        if let Some(u) = &self.https_user {
            data.insert("username".into(), u.clone().into_bytes());
        }
        if let Some(k) = &self.https_key {
            if self.https_user.is_none() {
                bail!("--https-key needs --https-user (use --bearer-token for a token alone)");
            }
            data.insert("password".into(), k.clone().into_bytes());
        }
        if let Some(t) = &self.bearer_token {
            data.insert("bearerToken".into(), t.clone().into_bytes());
        }
        if self.local_auth_ref.is_some() && !data.is_empty() {
            bail!("--local-auth-ref cannot be combined with credential flags");
        }
        let kustomizations = if self.kustomizations.is_empty() {
            vec![KustomizationConfig::named("kustomization-1")]
        } else {
            self.kustomizations
                .iter()
                .map(|pairs| KustomizationConfig::parse(pairs))
                .collect::<Result<Vec<_>>>()?
        };
        let reference = self.reference.spec();
        let given = [
            &reference.branch,
            &reference.tag,
            &reference.semver,
            &reference.commit,
            &reference.name,
        ]
        .iter()
        .filter(|r| r.is_some())
        .count();
        if given > 1 && reference.commit.is_none() {
            bail!(
                "give only one of --branch, --tag, --semver, --commit (--commit may come with --branch)"
            );
        }
        Ok(Configuration {
            name: self.name.clone(),
            namespace: self.namespace.clone(),
            url: self.url.clone(),
            reference,
            interval: self.interval,
            timeout: self.timeout,
            suspend: self.suspend,
            auth: Auth {
                local_auth_ref: self.local_auth_ref.clone(),
                data,
            },
            backend: self.git_backend.clone(),
            kustomizations,
            ..Default::default()
        })
    }
}

/// Per-kustomization spinners on a terminal; nothing otherwise (logs say it).
struct Display {
    multi: Option<MultiProgress>,
    bars: Mutex<BTreeMap<String, ProgressBar>>,
}

impl Display {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            multi: std::io::stderr().is_terminal().then(MultiProgress::new),
            bars: Mutex::new(BTreeMap::new()),
        })
    }

    fn bar(&self, id: &str) -> Option<ProgressBar> {
        let multi = self.multi.as_ref()?;
        let mut bars = self.bars.lock().ok()?;
        Some(
            bars.entry(id.to_string())
                .or_insert_with(|| {
                    let pb = multi.add(ProgressBar::new_spinner());
                    pb.set_style(
                        ProgressStyle::with_template("{spinner} {prefix:.bold} {msg} {elapsed}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    );
                    pb.set_prefix(id.to_string());
                    pb.enable_steady_tick(Duration::from_millis(100));
                    pb
                })
                .clone(),
        )
    }

    fn event(&self, e: Event) {
        match e {
            Event::Waiting(id) => {
                if let Some(b) = self.bar(&id) {
                    b.set_message("waiting for dependencies");
                }
            }
            Event::Applying(id) => {
                if let Some(b) = self.bar(&id) {
                    b.set_message("building and applying");
                }
            }
            Event::Retrying(id, msg, after) => {
                if let Some(b) = self.bar(&id) {
                    let first = msg.lines().next().unwrap_or_default().to_string();
                    b.set_message(format!(
                        "retrying in {}: {first}",
                        humantime::format_duration(after)
                    ));
                }
            }
            Event::Finished(id, ok, msg) => {
                if let Some(b) = self.bar(&id) {
                    let first = msg.lines().next().unwrap_or_default().to_string();
                    b.set_style(
                        ProgressStyle::with_template("{prefix:.bold} {msg}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    );
                    b.finish_with_message(format!("{} {first}", if ok { "✔" } else { "✘" }));
                }
            }
        }
    }

    fn note(&self, msg: &str) {
        match &self.multi {
            Some(m) => {
                let _ = m.println(format!("· {msg}"));
            }
            None => tracing::info!("{msg}"),
        }
    }
}

impl SyncArgs {
    /// Groups the `--kustomization` values by occurrence.
    pub fn with_occurrences(mut self, matches: &clap::ArgMatches) -> Self {
        if let Some(occ) = matches.get_occurrences::<String>("kustomization") {
            self.kustomizations = occ.map(|o| o.cloned().collect()).collect();
        }
        self
    }
}

pub async fn run(args: SyncArgs) -> Result<ExitCode> {
    let configuration = args.configuration()?;
    let opts = SyncOptions {
        configuration,
        wait: args.wait_timeout,
        storage: args.storage.clone().unwrap_or_else(default_storage),
        field_manager: args.field_manager.clone(),
        prune_guard: PruneGuard {
            max_share: args.prune_max_share,
            allow_namespaces: args.allow_prune_namespaces,
            allow_crds: args.allow_prune_crds,
            ..PruneGuard::default()
        },
        concurrent_ssa: args.concurrent_ssa,
        requeue_dependency: args.requeue_dependency,
        target: KubeTarget {
            kubeconfig: args.kubeconfig.clone(),
            context: args.context.clone(),
        },
    };
    let display = Display::new();
    let (d1, d2) = (display.clone(), display.clone());
    let source_bar = display.multi.as_ref().map(|m| {
        let pb = m.add(ProgressBar::new_spinner());
        pb.set_prefix("source");
        pb
    });
    let ui = Ui {
        source: match &source_bar {
            Some(b) => Arc::new(SourceBar(b.clone())),
            None => Arc::new(sluice_sources::NoProgress),
        },
        kustomizations: Arc::new(move |e| d1.event(e)),
        note: Arc::new(move |m| d2.note(m)),
    };
    if args.dry_run {
        let plan = sync::plan(&opts, &ui).await;
        if let Some(b) = &source_bar {
            b.finish_and_clear();
        }
        let plan = plan?;
        match args.output {
            Format::Text => {
                if let Some(r) = &plan.revision {
                    println!(
                        "plan for revision {r}{}",
                        if plan.offline { " (offline)" } else { "" }
                    );
                }
                print!("{}", plan.table());
                for (k, e) in &plan.errors {
                    eprintln!("error: {k}: {e}");
                }
            }
            f => output::print_structured(f, &plan)?,
        }
        return Ok(if plan.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let report = sync::sync(&opts, &ui).await;
    if let Some(b) = &source_bar {
        b.finish_and_clear();
    }
    let report = report?;
    match args.output {
        Format::Text => {
            print!("{}", report.table());
            println!("complianceState: {}", report.compliance_state.as_str());
        }
        f => output::print_structured(f, &report)?,
    }
    Ok(if report.compliance_state == Compliance::Compliant {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct SourceBar(ProgressBar);

impl sluice_sources::Progress for SourceBar {
    fn phase(&self, phase: &str) {
        self.0.set_message(format!("source: {phase}"));
        self.0.tick();
    }
    fn transfer(&self, received: u64, _total: u64, bytes: u64) {
        self.0.set_message(format!(
            "source: received {received} objects ({:.1} MiB)",
            bytes as f64 / 1_048_576.0
        ));
    }
    fn archived(&self, files: u64, total: u64) {
        if files.is_multiple_of(256) || files == total {
            self.0
                .set_message(format!("source: archiving {files}/{total} files"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_durations_in_both_styles() {
        assert_eq!(parse_wait("PT5M").expect("iso"), Duration::from_secs(300));
        assert_eq!(
            parse_wait("PT1H30M").expect("iso"),
            Duration::from_secs(5400)
        );
        assert_eq!(
            parse_wait("P1D").expect("days"),
            Duration::from_secs(86_400)
        );
        assert_eq!(parse_wait("90s").expect("go"), Duration::from_secs(90));
    }
}

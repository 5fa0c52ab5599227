//! `sluice run`: the controllers, with the flags of Flux's
//! source-controller and kustomize-controller where they mean the same.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use clap::Args;
use sluice_appliers::apply::{ApplyOptions, DEFAULT_FIELD_MANAGER};
use sluice_appliers::kustomization::{Options, PruneGuard};

use crate::controller::{self, Controllers, LeaderElection, RunOptions};
use crate::flux::parse_duration;
use crate::reconcile::{Settings, default_storage};
use crate::sync::KubeTarget;

/// The namespace of the pod this runs in, when in a cluster.
const SA_NAMESPACE: &str = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

fn duration(s: &str) -> Result<Duration, String> {
    parse_duration(s)
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster).
    #[arg(long)]
    pub kubeconfig: Option<PathBuf>,
    /// Kubeconfig context.
    #[arg(long)]
    pub context: Option<String>,
    /// Watch only this namespace.
    #[arg(long, short = 'n', conflicts_with = "watch_all_namespaces")]
    pub namespace: Option<String>,
    /// Watch every namespace (the default); `=false` watches the pod's own
    /// namespace (RUNTIME_NAMESPACE), as Flux.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub watch_all_namespaces: Option<bool>,
    /// Reconcile only objects matching this label selector (sharding, e.g.
    /// `sharding.fluxcd.io/key=shard1`, or `!sharding.fluxcd.io/key`).
    #[arg(long)]
    pub watch_label_selector: Option<String>,
    /// Reconciles at once, per kind.
    #[arg(long, default_value_t = 4)]
    pub concurrent: u16,
    /// Which controllers run: `all`, `kustomization`, `gitrepository` (comma-separated).
    #[arg(long, default_value = "all", value_delimiter = ',')]
    pub controllers: Vec<String>,
    /// How long one Kubernetes API request may go unanswered before its
    /// connection counts as dead (watches are renewed within it).
    #[arg(long, default_value = "75s", value_parser = duration)]
    pub kube_api_timeout: Duration,
    /// How soon to look again at a dependency or source artifact that is not ready.
    #[arg(long, default_value = "30s", value_parser = duration)]
    pub requeue_dependency: Duration,
    /// Forbid references to sources and dependencies in other namespaces.
    #[arg(long)]
    pub no_cross_namespace_refs: bool,
    /// Service account impersonated when a Kustomization names none.
    #[arg(long)]
    pub default_service_account: Option<String>,
    /// Rebuild and re-apply every Kustomization on every new revision, as
    /// Flux does, even when nothing it builds from changed.
    #[arg(long)]
    pub rebuild_every_revision: bool,
    /// Artifact storage directory.
    #[arg(long, env = "SLUICE_STORAGE")]
    pub storage_path: Option<PathBuf>,
    /// Where artifacts are served (`""` to not serve them).
    #[arg(long, default_value = ":9090")]
    pub storage_addr: String,
    /// The address artifact URLs advertise (default: derived from --storage-addr).
    #[arg(long)]
    pub storage_adv_addr: Option<String>,
    /// Where /metrics is served (`""` for none).
    #[arg(long, default_value = ":8080")]
    pub metrics_addr: String,
    /// Where /healthz and /readyz are served (`""` for none).
    #[arg(long, default_value = ":9440")]
    pub health_addr: String,
    /// Only one replica reconciles: the holder of a Lease.
    #[arg(long)]
    pub enable_leader_election: bool,
    /// The Lease's namespace (default: the pod's namespace).
    #[arg(long)]
    pub leader_election_namespace: Option<String>,
    /// The Lease's name (a sharded controller appends its selector's hash).
    #[arg(long, default_value = "sluice-leader-election")]
    pub leader_election_id: String,
    /// Lease duration.
    #[arg(long, default_value = "35s", value_parser = duration)]
    pub leader_election_lease_duration: Duration,
    /// How long renewals may fail before leadership is given up.
    #[arg(long, default_value = "30s", value_parser = duration)]
    pub leader_election_renew_deadline: Duration,
    /// How often leadership is tried and renewed.
    #[arg(long, default_value = "5s", value_parser = duration)]
    pub leader_election_retry_period: Duration,
    /// Requeue intervals vary by up to this percentage.
    #[arg(long, default_value_t = 5)]
    pub interval_jitter_percentage: u8,
    /// How long running reconciles may take to finish on SIGTERM.
    #[arg(long, default_value = "60s", value_parser = duration)]
    pub graceful_shutdown_timeout: Duration,
    /// Field manager for applied objects.
    #[arg(long, default_value = DEFAULT_FIELD_MANAGER)]
    pub field_manager: String,
    /// Objects applied concurrently within a stage.
    #[arg(long, default_value_t = 4)]
    pub concurrent_ssa: usize,
    /// Refuse a prune that deletes more than this share of an inventory
    /// (1 disables the rule).
    #[arg(long, default_value_t = 0.5)]
    pub prune_max_share: f64,
    /// Allow pruning Namespaces.
    #[arg(long)]
    pub allow_prune_namespaces: bool,
    /// Allow pruning CustomResourceDefinitions.
    #[arg(long)]
    pub allow_prune_crds: bool,
    /// Prune exactly as Flux does (no guard at all).
    #[arg(long)]
    pub no_prune_guard: bool,
}

/// `:8080` → `0.0.0.0:8080`; `""` → none.
fn listen(flag: &str, addr: &str) -> Result<Option<SocketAddr>> {
    if addr.is_empty() {
        return Ok(None);
    }
    let full = if addr.starts_with(':') {
        format!("0.0.0.0{addr}")
    } else {
        addr.to_string()
    };
    match full.to_socket_addrs().map(|mut a| a.next()) {
        Ok(Some(a)) => Ok(Some(a)),
        _ => bail!("--{flag}: '{addr}' is not host:port"),
    }
}

fn in_cluster_namespace() -> Option<String> {
    std::env::var("RUNTIME_NAMESPACE")
        .ok()
        .or_else(|| std::fs::read_to_string(SA_NAMESPACE).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl RunArgs {
    fn options(&self) -> Result<RunOptions> {
        if self.kube_api_timeout < Duration::from_secs(10) {
            anyhow::bail!(
                "--kube-api-timeout: {:?} is too short (at least 10s: watches are renewed within it)",
                self.kube_api_timeout
            );
        }
        let namespace = match (&self.namespace, self.watch_all_namespaces) {
            (Some(ns), _) => Some(ns.clone()),
            (None, Some(false)) => Some(in_cluster_namespace().ok_or_else(|| {
                anyhow::anyhow!(
                    "--watch-all-namespaces=false needs the pod's namespace (RUNTIME_NAMESPACE); give --namespace"
                )
            })?),
            (None, _) => None,
        };
        let mut controllers = Controllers {
            git_repository: false,
            kustomization: false,
        };
        for c in &self.controllers {
            match c.trim().to_ascii_lowercase().as_str() {
                "all" => {
                    controllers.git_repository = true;
                    controllers.kustomization = true;
                }
                "kustomization" | "kustomizations" => controllers.kustomization = true,
                "gitrepository" | "gitrepositories" => controllers.git_repository = true,
                other => bail!(
                    "--controllers: unknown controller '{other}' (all, kustomization, gitrepository)"
                ),
            }
        }
        let storage_addr = listen("storage-addr", &self.storage_addr)?;
        let artifact_address = match (&self.storage_adv_addr, storage_addr) {
            (Some(a), _) if !a.is_empty() => Some(a.clone()),
            (_, Some(a)) if a.ip().is_unspecified() => {
                Some(format!("{}:{}", crate::sync::instance_name(), a.port()))
            }
            (_, Some(a)) => Some(a.to_string()),
            (_, None) => None,
        };
        let leader_election = if self.enable_leader_election {
            let namespace = self
                .leader_election_namespace
                .clone()
                .or_else(in_cluster_namespace)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "--enable-leader-election: not running in a cluster; give --leader-election-namespace"
                    )
                })?;
            Some(LeaderElection {
                namespace,
                name: controller::lease_name(
                    &self.leader_election_id,
                    self.watch_label_selector.as_deref(),
                ),
                lease_duration: self.leader_election_lease_duration,
                renew_deadline: self.leader_election_renew_deadline,
                retry_period: self.leader_election_retry_period,
            })
        } else {
            None
        };
        if !(0.0..=1.0).contains(&self.prune_max_share) {
            bail!("--prune-max-share must be between 0 and 1");
        }
        if self.interval_jitter_percentage >= 100 {
            bail!("--interval-jitter-percentage must be less than 100");
        }
        let prune_guard = if self.no_prune_guard {
            PruneGuard::off()
        } else {
            PruneGuard {
                max_share: self.prune_max_share,
                allow_namespaces: self.allow_prune_namespaces,
                allow_crds: self.allow_prune_crds,
                ..PruneGuard::default()
            }
        };
        Ok(RunOptions {
            target: KubeTarget {
                kubeconfig: self.kubeconfig.clone(),
                context: self.context.clone(),
            },
            namespace,
            label_selector: self.watch_label_selector.clone().filter(|s| !s.is_empty()),
            concurrent: self.concurrent,
            settings: Settings {
                requeue_dependency: self.requeue_dependency,
                no_cross_namespace_refs: self.no_cross_namespace_refs,
                default_service_account: self
                    .default_service_account
                    .clone()
                    .filter(|s| !s.is_empty()),
                artifact_address,
                options: Options {
                    apply: ApplyOptions {
                        field_manager: self.field_manager.clone(),
                        concurrency: self.concurrent_ssa.max(1),
                        ..Default::default()
                    },
                    prune_guard,
                    deadline: None,
                },
                reuse_builds: !self.rebuild_every_revision,
            },
            storage: self.storage_path.clone().unwrap_or_else(default_storage),
            storage_addr,
            metrics_addr: listen("metrics-addr", &self.metrics_addr)?,
            health_addr: listen("health-addr", &self.health_addr)?,
            leader_election,
            jitter_percent: self.interval_jitter_percentage,
            shutdown_timeout: self.graceful_shutdown_timeout,
            controllers,
            api_timeout: self.kube_api_timeout,
        })
    }
}

pub async fn run(args: RunArgs) -> Result<ExitCode> {
    controller::run(args.options()?).await?;
    Ok(ExitCode::SUCCESS)
}

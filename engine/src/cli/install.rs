//! `sluice install`: print (`--export`) or apply what runs Sluice in a
//! cluster — Flux's CRDs, namespace, service account, RBAC, Deployment and
//! Service.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use clap::Args;
use sluice_appliers::apply::{Applier, ApplyOptions};

use crate::deploy::Install;
use crate::flux;
use crate::sync::{KubeTarget, reachable};

#[derive(Args, Debug)]
pub struct InstallArgs {
    /// Namespace Sluice runs in.
    #[arg(long, short = 'n', default_value = "flux-system")]
    pub namespace: String,
    /// Container image.
    #[arg(long, default_value = concat!("sluice:", env!("CARGO_PKG_VERSION")))]
    pub image: String,
    /// Replicas; more than one wait on the leader Lease.
    #[arg(long, default_value_t = 1)]
    pub replicas: u32,
    /// No cluster-admin binding: every Kustomization is applied as its own
    /// service account (or the namespace's `default`), cross-namespace
    /// references are refused.
    #[arg(long)]
    pub multi_tenant: bool,
    /// Reconcile only objects matching this label selector (a shard).
    #[arg(long)]
    pub watch_label_selector: Option<String>,
    /// Controller log level.
    #[arg(long = "controller-log-level", default_value = "info")]
    pub controller_log_level: String,
    /// Print the manifests instead of applying them.
    #[arg(long)]
    pub export: bool,
    /// Leave Flux's CRDs out (they are installed already).
    #[arg(long, conflicts_with = "crds_only")]
    pub skip_crds: bool,
    /// Only Flux's CRDs (to run `sluice run` outside the cluster).
    #[arg(long)]
    pub crds_only: bool,
    /// Kubeconfig file.
    #[arg(long)]
    pub kubeconfig: Option<PathBuf>,
    /// Kubeconfig context.
    #[arg(long)]
    pub context: Option<String>,
}

pub async fn run(args: InstallArgs) -> Result<ExitCode> {
    crate::flux::validate_name("--namespace", &args.namespace)?;
    let install = Install {
        namespace: args.namespace.clone(),
        image: args.image.clone(),
        replicas: args.replicas,
        multi_tenant: args.multi_tenant,
        watch_label_selector: args.watch_label_selector.clone(),
        log_level: args.controller_log_level.clone(),
    };
    if args.export {
        let mut docs = Vec::new();
        if !args.skip_crds {
            docs.extend(flux::crd_documents()?.into_iter().map(|(_, v)| v));
        }
        if !args.crds_only {
            docs.extend(install.objects());
        }
        print!("{}", sluice_kustomize::manifest::to_yaml_stream(&docs));
        return Ok(ExitCode::SUCCESS);
    }
    let (_, client) = reachable(&KubeTarget {
        kubeconfig: args.kubeconfig.clone(),
        context: args.context.clone(),
    })
    .await?;
    if !args.skip_crds {
        flux::install_crds(&client).await?;
        eprintln!("Flux CRDs installed");
    }
    if args.crds_only {
        return Ok(ExitCode::SUCCESS);
    }
    let applier = Applier::new(client);
    let changes = applier
        .apply_all(
            &install.objects(),
            &ApplyOptions {
                field_manager: flux::MANAGER.into(),
                ..Default::default()
            },
        )
        .await
        .map_err(|(_, e)| anyhow!("{e}"))?;
    for c in changes {
        println!("{} {}", c.object, c.action.as_str());
    }
    Ok(ExitCode::SUCCESS)
}

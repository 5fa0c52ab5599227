//! The command line: `build`, `source fetch|backend`, `sync`, `run`,
//! `config …`. Each subcommand lives in its own module.

mod build;
mod config;
mod install;
pub mod output;
mod run;
mod source;
mod sync;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Sluice: a GitOps reconciler that serves Flux's own APIs.
#[derive(Parser, Debug)]
#[command(
    name = "sluice",
    version,
    about,
    propagate_version = true,
    args_override_self = true
)]
#[allow(missing_docs)] // doc comments on clap items are help text
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every subcommand takes.
#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// Log filter (tracing's EnvFilter syntax); RUST_LOG wins when set.
    #[arg(long, global = true, default_value = "warn", env = "SLUICE_LOG_LEVEL")]
    pub log_level: String,
    /// Log format: text on a terminal, json in a cluster.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Auto, env = "SLUICE_LOG_FORMAT")]
    pub log_format: LogFormat,
}

/// How logs are written.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// JSON when running in a Kubernetes pod, text otherwise.
    Auto,
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build a kustomization (like `kustomize build`) and print the objects.
    Build(build::BuildArgs),
    /// Fetch Git sources and inspect backends.
    #[command(subcommand)]
    Source(source::SourceCommand),
    /// Reconcile a configuration once (flags as `az k8s-configuration flux
    /// create`): write the Flux objects, fetch, apply, report compliance.
    Sync(Box<sync::SyncArgs>),
    /// Run the controllers (Flux's source- and kustomize-controller) until
    /// stopped.
    Run(Box<run::RunArgs>),
    /// Print or apply the objects that run Sluice in a cluster.
    Install(Box<install::InstallArgs>),
    /// Manage configurations as `az k8s-configuration flux` does.
    #[command(subcommand)]
    Config(config::ConfigCommand),
}

/// Runs the parsed command line; the exit code says whether it succeeded.
pub async fn run(cli: Cli, matches: &clap::ArgMatches) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Source(cmd) => source::run(cmd).await,
        Command::Sync(args) => {
            let args = match matches.subcommand_matches("sync") {
                Some(m) => (*args).with_occurrences(m),
                None => *args,
            };
            sync::run(args).await
        }
        Command::Run(args) => run::run(*args).await,
        Command::Install(args) => install::run(*args).await,
        Command::Config(cmd) => {
            let sub = matches
                .subcommand_matches("config")
                .and_then(|m| m.subcommand())
                .map(|(_, m)| m);
            config::run(cmd, sub).await
        }
    }
}

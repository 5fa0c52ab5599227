//! `sluice`: Flux's source- and kustomize-controller in one Rust binary, and
//! a CLI to build, fetch and sync without a cluster-side install.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use sluice_engine::{cli, telemetry};

fn main() -> ExitCode {
    // One rustls provider for kube and gix, installed before either runs.
    sluice_sources::install_crypto_provider();
    let matches = cli::Cli::command().get_matches();
    let args = match cli::Cli::from_arg_matches(&matches) {
        Ok(a) => a,
        Err(e) => e.exit(),
    };
    telemetry::init(&args.global);
    // A build is synchronous work on this thread: no worker threads to
    // start (they cost more than a small build does).
    let mut builder = match args.command {
        cli::Command::Build(_) => tokio::runtime::Builder::new_current_thread(),
        _ => tokio::runtime::Builder::new_multi_thread(),
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args, &matches)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

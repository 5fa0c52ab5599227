//! `sluice`: Flux's source- and kustomize-controller in one Rust binary, and
//! a CLI to build, fetch and sync without a cluster-side install.

mod cli;
mod secret_file;
mod telemetry;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // One rustls provider for kube and gix, installed before either runs.
    sluice_sources::install_crypto_provider();
    let args = cli::Cli::parse();
    telemetry::init(&args.global);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

//! Logging: human-readable on a terminal, JSON in-cluster, always to stderr
//! so that stdout stays clean for `-o json|yaml`.

use tracing_subscriber::EnvFilter;

use crate::cli::{GlobalArgs, LogFormat};

/// Installs the global subscriber. `RUST_LOG` overrides `--log-level`.
pub fn init(args: &GlobalArgs) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&args.log_level));
    let format = match args.log_format {
        LogFormat::Auto if std::env::var_os("KUBERNETES_SERVICE_HOST").is_some() => LogFormat::Json,
        LogFormat::Auto => LogFormat::Text,
        f => f,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
        _ => builder.compact().with_target(false).try_init(),
    };
}

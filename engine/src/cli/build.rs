//! `sluice build DIR`: `kustomize build` without kustomize.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use sluice_kustomize::{BuildOptions, LoadRestrictions};

/// `--load-restrictor`.
#[derive(ValueEnum, Clone, Copy, Debug, Default)]
pub enum Restrictor {
    /// Files must be inside the kustomization's directory (kustomize's default).
    #[default]
    #[value(name = "LoadRestrictionsRootOnly", alias = "rootOnly")]
    RootOnly,
    /// Files anywhere inside the build root (Flux's setting).
    #[value(name = "LoadRestrictionsNone", alias = "none")]
    None,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The kustomization directory (a directory without one is built from its YAML files, as Flux does).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Nothing outside this directory is read. Default: the enclosing git work tree (as Flux confines
    /// a build to its artifact), else no limit (as kustomize).
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Which files a kustomization may read.
    #[arg(long = "load-restrictor", value_enum, default_value_t = Restrictor::RootOnly)]
    pub load_restrictor: Restrictor,
    /// Output format: yaml (as kustomize prints it) or json (a list).
    #[arg(short, long, default_value = "yaml")]
    pub output: String,
    /// Write to this file instead of stdout.
    #[arg(long = "output-file")]
    pub output_file: Option<PathBuf>,
}

fn default_root(dir: &Path) -> PathBuf {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for a in dir.ancestors() {
        if a.join(".git").exists() {
            return a.to_path_buf();
        }
    }
    PathBuf::from("/")
}

pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let root = args.root.clone().unwrap_or_else(|| default_root(&args.dir));
    let opts = BuildOptions {
        root: Some(root),
        load_restrictions: match args.load_restrictor {
            Restrictor::RootOnly => LoadRestrictions::RootOnly,
            Restrictor::None => LoadRestrictions::None,
        },
        overrides: None,
        ..Default::default()
    };
    let objects = sluice_kustomize::build(&args.dir, &opts)?;
    let text = match args.output.as_str() {
        "yaml" => sluice_kustomize::manifest::to_yaml_stream(&objects),
        "json" => serde_json::to_string_pretty(&objects)? + "\n",
        other => anyhow::bail!("unknown output format '{other}' (expected yaml or json)"),
    };
    match &args.output_file {
        Some(p) => std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

//! Times a benchmark from the cluster's side, the same way for every engine:
//! watches Kustomizations and prints, as one JSON line, when each of the
//! given milestones was first reached (seconds since this process started
//! watching), or `null` when the timeout came first.
//!
//! `bench-watch --kubeconfig F --namespace NS --count N --revision R
//!   [--names a,b,…] [--timeout SECS]`
//!
//! - `all_applied_s`: every watched Kustomization has applied revision R;
//! - `all_ready_s`: every one has been Ready=True at revision R (each at
//!   its own moment: an engine that re-reconciles on its interval while
//!   the first pass is still running — Flux at N ≥ 500 on 2 cores — has
//!   some Ready=Unknown at every instant, yet has brought every one to
//!   Ready);
//! - `first_applied_s`: the first one applied R.
//!
//! `--names` restricts the watch to those Kustomizations (a monorepo run
//! times one app). It prints `watching` on stderr once the watch is
//! established, so the caller starts its clock after that.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use futures::StreamExt;
use kube::api::Api;
use kube::runtime::watcher::{self, Event, watcher};
use serde_json::json;
use sluice_engine::flux::Kustomization;

struct Args {
    kubeconfig: PathBuf,
    namespace: String,
    count: usize,
    revision: String,
    names: Option<BTreeSet<String>>,
    timeout: Duration,
}

fn args() -> Result<Args> {
    let mut it = std::env::args().skip(1);
    let (mut kubeconfig, mut namespace, mut count, mut revision, mut names, mut timeout) =
        (None, None, None, None, None, Duration::from_secs(3600));
    while let Some(a) = it.next() {
        let mut v = || it.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--kubeconfig" => kubeconfig = Some(PathBuf::from(v()?)),
            "--namespace" => namespace = Some(v()?),
            "--count" => count = Some(v()?.parse()?),
            "--revision" => revision = Some(v()?),
            "--names" => names = Some(v()?.split(',').map(str::to_string).collect()),
            "--timeout" => timeout = Duration::from_secs(v()?.parse()?),
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(Args {
        kubeconfig: kubeconfig.context("--kubeconfig")?,
        namespace: namespace.context("--namespace")?,
        count: count.context("--count")?,
        revision: revision.context("--revision")?,
        names,
        timeout,
    })
}

#[tokio::main]
async fn main() -> Result<()> {
    sluice_tests::install_crypto_provider();
    let a = args()?;
    let kc = kube::config::Kubeconfig::read_from(&a.kubeconfig)?;
    let cfg = kube::Config::from_custom_kubeconfig(kc, &Default::default()).await?;
    let client = kube::Client::try_from(cfg)?;
    let api: Api<Kustomization> = Api::namespaced(client, &a.namespace);
    let started = Instant::now();
    let mut state: BTreeMap<String, (bool, bool)> = BTreeMap::new();
    let (mut first_applied, mut all_applied, mut all_ready) = (None, None, None);
    let mut events = std::pin::pin!(watcher(api, watcher::Config::default()));
    eprintln!("watching");
    let deadline = tokio::time::Instant::now() + a.timeout;
    loop {
        let next = tokio::time::timeout_at(deadline, events.next()).await;
        let Ok(Some(event)) = next else { break };
        let ks = match event {
            Ok(Event::Apply(k) | Event::InitApply(k)) => k,
            Ok(Event::Delete(k)) => {
                state.remove(&k.metadata.name.unwrap_or_default());
                continue;
            }
            Ok(_) => continue,
            Err(e) => {
                eprintln!("watch: {e}");
                continue;
            }
        };
        let name = ks.metadata.name.clone().unwrap_or_default();
        if a.names.as_ref().is_some_and(|n| !n.contains(&name)) {
            continue;
        }
        let applied = ks
            .status
            .as_ref()
            .and_then(|s| s.last_applied_revision.as_deref())
            == Some(a.revision.as_str());
        let ready = applied
            && ks
                .conditions()
                .iter()
                .any(|c| c.type_ == "Ready" && c.status == "True");
        // Once Ready at R, it stays counted while a later reconcile runs.
        let was_ready = state.get(&name).is_some_and(|s| s.1);
        state.insert(name, (applied, ready || (applied && was_ready)));
        let t = started.elapsed().as_secs_f64();
        if applied && first_applied.is_none() {
            first_applied = Some(t);
        }
        let expected = a.names.as_ref().map_or(a.count, BTreeSet::len);
        if state.len() >= expected {
            if all_applied.is_none() && state.values().filter(|s| s.0).count() >= expected {
                all_applied = Some(t);
            }
            if all_ready.is_none() && state.values().filter(|s| s.1).count() >= expected {
                all_ready = Some(t);
                break;
            }
        }
    }
    println!(
        "{}",
        json!({
            "first_applied_s": first_applied,
            "all_applied_s": all_applied,
            "all_ready_s": all_ready,
        })
    );
    Ok(())
}

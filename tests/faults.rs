//! Fault injection on `sluice run`: real faults against the real controller
//! on the test bed, each repeated, each followed by a check of the whole
//! outcome (status, every object, the inventory, the controller log).
//!
//! - `apiserver_restart_mid_apply`: kube-apiserver restarted while a
//!   Kustomization applies a commit touching ~150 ConfigMaps.
//! - `apiserver_restart_mid_prune`: kube-apiserver restarted while half of
//!   200 ConfigMaps are pruned.
//! - `etcd_restart_mid_apply`: etcd restarted mid-apply.
//! - `apiserver_network_stalled`: the network to kube-apiserver stops
//!   forwarding anything mid-apply (a TCP proxy), for longer than the
//!   controller's API timeout; no worker may hang on a dead connection.
//! - `git_transfer_cut_mid_pack`, `git_transfer_cut_mid_ref_listing`: the
//!   git server cuts every pack, or every ref listing, off half-way.
//! - `git_server_killed_mid_fetch`: the git server goes away, a fetch is
//!   requested; the last artifact must stay advertised and served, the
//!   Kustomization untouched; a new server brings the new revision.
//! - `controller_sigkill_mid_reconcile`: the controller SIGKILLed mid-apply
//!   and restarted on the same artifact storage (a container restart).
//! - `artifact_storage_read_only`: the artifact storage stops being
//!   writable (mode bits; as root the controller runs without
//!   CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER so the kernel
//!   enforces them); skipped, saying why, when that cannot be arranged.
//! - `artifact_storage_full`: the artifact storage (a 16 MiB tmpfs) fills
//!   up to the last page; the next artifact cannot be written (ENOSPC).
//!   Needs root for the mount; skipped, saying why, otherwise.
//! - `two_replicas_one_leader`: two leader-elected replicas; only the
//!   leader applies; SIGKILL of the leader hands over to the standby.
//!
//! `SLUICE_FAULT_RUNS` (default 1) sets how many times each fault is
//! injected; `tests/faults/run [RUNS]` runs the suite with many and writes
//! `tests/faults/RESULTS.md`. Each scenario prints one line
//!
//! `FAULT <name>: runs=… converged=… lost=… stale=… wrongly_pruned=… panics=…`
//!
//! (plus `hit=` — faults that landed while the reconcile was still in
//! flight — and `double_apply=` where they apply), where, summed over runs:
//! `converged` counts runs that reached Ready=True at the new revision;
//! `lost` objects of a revision that never appeared, inventory entries
//! missing, or an advertised artifact lost or changed during an outage;
//! `stale` objects with an old revision's data, left behind after leaving
//! git, or kept in the inventory; `wrongly_pruned` objects still in git
//! that were deleted; `panics` the lines of controller logs saying
//! "panicked". A scenario passes when every run converged and all of
//! those are zero.
//!
//! The restart scenarios start private test beds (a restart would
//! disturb other tests); the others share one and each watches only its
//! own namespace.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, ensure};
use k8s_openapi::api::coordination::v1::Lease;
use k8s_openapi::api::core::v1::{ConfigMap, Namespace};
use kube::ResourceExt;
use kube::api::{Api, DeleteParams, ListParams, Patch, PatchParams};
use serde_json::json;
use sluice_appliers::conditions::Condition;
use sluice_engine::flux::{Artifact, GitRepository, Kustomization};
use sluice_tests::fault_proxy::{FaultProxy, ProxyMode};
use sluice_tests::git::{Cut, FixtureRepos, HttpAuth, HttpGitServer};
use sluice_tests::sluice::{Controller, Launch, binary, eventually, http_get_bytes};
use sluice_tests::testbed::Testbed;

/// Bound of every wait for convergence.
const WAIT: Duration = Duration::from_secs(120);
/// The Kustomization of every scenario.
const KS: &str = "app";
/// The GitRepository of every scenario.
const REPO: &str = "repo";
/// The leader-election Lease of `two_replicas_one_leader`.
const LEASE: &str = "faults-leader";

/// One test per scenario: runs it on a fresh [`Tally`] and reports.
macro_rules! scenario {
    ($name:ident, |$t:ident| $run:expr) => {
        #[tokio::test(flavor = "multi_thread")]
        async fn $name() -> Result<()> {
            let mut tally = Tally::default();
            let $t = &mut tally;
            let result = $run.await;
            tally.finish(stringify!($name), result)
        }
    };
}

scenario!(apiserver_restart_mid_apply, |t| restart_mid_apply(
    Component::Apiserver,
    t
));

scenario!(etcd_restart_mid_apply, |t| restart_mid_apply(
    Component::Etcd,
    t
));

/// The control-plane process a scenario restarts.
#[derive(Clone, Copy)]
enum Component {
    Apiserver,
    Etcd,
}

impl Component {
    fn restart(self, tb: &Testbed) -> Result<()> {
        let down = Duration::from_secs(2);
        tokio::task::block_in_place(|| match self {
            Component::Apiserver => tb.restart_apiserver(down),
            Component::Etcd => tb.restart_etcd(down),
        })
    }
}

async fn restart_mid_apply(component: Component, t: &mut Tally) -> Result<()> {
    // Each run changes every object, drops the 3 oldest and adds 3.
    let sliding = Sliding {
        ns: match component {
            Component::Apiserver => "fault-apply",
            Component::Etcd => "fault-etcd",
        },
        prefix: "cm",
        size: 150,
        shift: 3,
    };
    let tb = Testbed::start(false)?;
    let mut client = tb.client().await?;
    let (repos, server, first) = sliding.set_up(&client).await?;
    let ctl = start(tb.kubeconfig(), sliding.ns, &[], &[], None, None)?;
    sliding
        .follow(&client, &server.url("blank"), &first, &ctl)
        .await?;
    t.note("hit", 0);
    for run in 1..=runs() {
        let (rev, value, in_flight) = sliding.begin(&repos, &client, run, pause(run), t).await?;
        component.restart(&tb)?;
        t.note("hit", usize::from(in_flight));
        client = tb.client().await?;
        sliding
            .finish(&client, &ctl, run, (&rev, &value), t)
            .await?;
    }
    t.panics += panics(&ctl);
    cleanup(&client, sliding.ns).await?;
    Ok(())
}

scenario!(apiserver_restart_mid_prune, |t| restart_mid_prune(t));

async fn restart_mid_prune(t: &mut Tally) -> Result<()> {
    // Half of it goes each run: exactly what the default prune guard
    // (at most 50% of the inventory) still allows.
    const SIZE: usize = 200;
    let tb = Testbed::start(false)?;
    let ns = "fault-prune";
    let mut client = tb.client().await?;
    prepare(&client, ns).await?;
    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let all = names("pm", 0, SIZE, 0);
    let first = commit(&repos, ns, "pm", &all, &[], "run-0")?;
    let ctl = start(tb.kubeconfig(), ns, &[], &[], None, None)?;
    ctl.wait_ready(Duration::from_secs(30))?;
    apply_flux(&client, ns, &server.url("blank"), "./pm").await?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    wait_applied(&kss, &revision(&first), &ctl).await?;
    t.note("hit", 0);
    for run in 1..=runs() {
        t.runs += 1;
        let value = format!("run-{run}");
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
        // The whole set back, with this run's data (no fault).
        let full = revision(&commit(&repos, ns, "pm", &all, &[], &value)?);
        request_reconcile(&client, ns, &format!("prune-{run}-full")).await?;
        wait_applied(&kss, &full, &ctl).await?;
        // Then alternating halves leave git; the rest stays as it is.
        let gone: Vec<String> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == run % 2)
            .map(|(_, n)| n.clone())
            .collect();
        let kept: Vec<String> = all.iter().filter(|n| !gone.contains(n)).cloned().collect();
        let rev = revision(&commit(&repos, ns, "pm", &[], &gone, &value)?);
        request_reconcile(&client, ns, &format!("prune-{run}")).await?;
        // The restart comes as soon as objects are seen going.
        eventually("the prune under way", WAIT, || async {
            let left = owned_configmaps(&client, ns).await?.len();
            let done = applied_now(&kss, &rev).await?;
            Ok((left < SIZE || done).then_some(()))
        })
        .await?;
        let in_flight = !applied_now(&kss, &rev).await?;
        Component::Apiserver.restart(&tb)?;
        t.note("hit", usize::from(in_flight));
        client = tb.client().await?;
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
        let ks = wait_applied(&kss, &rev, &ctl).await?;
        t.converged += 1;
        audit(&client, ns, &ks, &kept, &all, &value, t).await?;
    }
    t.panics += panics(&ctl);
    cleanup(&client, ns).await?;
    Ok(())
}

scenario!(git_server_killed_mid_fetch, |t| source_outage(
    SourceFault::GitServerGone,
    t
));

scenario!(git_transfer_cut_mid_pack, |t| source_outage(
    SourceFault::Cut(Cut::Pack),
    t
));

scenario!(git_transfer_cut_mid_ref_listing, |t| source_outage(
    SourceFault::Cut(Cut::RefListing),
    t
));

/// A fault that stops the source from producing a new artifact.
enum SourceFault<'a> {
    /// The smart-HTTP git server goes away (listener and connections).
    GitServerGone,
    /// The git server cuts this transfer off half-way, every time.
    Cut(Cut),
    /// The artifact storage stops being writable; the controller runs
    /// through this wrapper command so the kernel enforces the modes.
    StorageReadOnly(&'a [String]),
    /// The artifact storage, this size-limited filesystem, fills up.
    StorageFull(&'a Path),
}

impl SourceFault<'_> {
    /// Namespace, ConfigMap prefix, and the Ready=False reason and message
    /// part the outage must report.
    fn expectations(&self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            SourceFault::GitServerGone => (
                "fault-git",
                "gm",
                "GitOperationFailed",
                "failed to checkout and determine revision",
            ),
            SourceFault::StorageReadOnly(_) => (
                "fault-storage",
                "sm",
                "StorageOperationFailed",
                "Permission denied",
            ),
            // Flux's reason for a failed archive write; the message names
            // the artifact file in storage, not a file of the repository.
            // Whichever write meets the full disk first: the archive, or
            // the record of the current artifact.
            SourceFault::StorageFull(_) => (
                "fault-storage-full",
                "fm",
                "ArchiveOperationFailed|StorageOperationFailed",
                "No space left on device",
            ),
            SourceFault::Cut(Cut::Pack) => (
                "fault-cut-pack",
                "cp",
                "GitOperationFailed",
                "failed to checkout and determine revision",
            ),
            SourceFault::Cut(Cut::RefListing) => (
                "fault-cut-refs",
                "cr",
                "GitOperationFailed",
                "failed to checkout and determine revision",
            ),
        }
    }
}

/// Half a megabyte of incompressible text, different for every `seed`:
/// makes the pack of a commit big enough to be cut in the middle.
fn noise(seed: usize) -> String {
    let mut x = 0x9e37_79b9_7f4a_7c15_u64 ^ seed as u64;
    let mut out = String::with_capacity(512 * 1024 + 64);
    while out.len() < 512 * 1024 {
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        out.push_str(&format!("{:016x}", x.wrapping_mul(0x2545_f491_4f6c_dd1d)));
        if out.len().is_multiple_of(128) {
            out.push('\n');
        }
    }
    out
}

fn server_ref(server: &Option<HttpGitServer>) -> Result<&HttpGitServer> {
    server.as_ref().context("no git server running")
}

/// Per run: a commit is pushed, the fault injected and a fetch requested;
/// Ready=False must name the cause while the last artifact stays advertised
/// and served and the Kustomization untouched; once the fault is repaired
/// the new revision must land.
async fn source_outage(fault: SourceFault<'_>, t: &mut Tally) -> Result<()> {
    const SIZE: usize = 5;
    let (ns, prefix, reason, text) = fault.expectations();
    let (wrapper, storage) = match &fault {
        SourceFault::StorageReadOnly(w) => (Some(*w), None),
        SourceFault::StorageFull(dir) => (None, Some(*dir)),
        SourceFault::GitServerGone | SourceFault::Cut(_) => (None, None),
    };
    let tb = Testbed::shared(false)?;
    let client = tb.client().await?;
    prepare(&client, ns).await?;
    let repos = FixtureRepos::build(&["blank"])?;
    let mut server = Some(HttpGitServer::start(repos.root(), HttpAuth::None, None)?);
    let cms = names(prefix, 0, SIZE, 0);
    let first = commit(&repos, ns, prefix, &cms, &[], "run-0")?;
    let ctl = start(tb.kubeconfig(), ns, &[], &[], storage, wrapper)?;
    ctl.wait_ready(Duration::from_secs(30))?;
    let url = server_ref(&server)?.url("blank");
    apply_flux(&client, ns, &url, &format!("./{prefix}")).await?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let gits: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    let mut applied = revision(&first);
    let mut applied_value = "run-0".to_string();
    wait_applied(&kss, &applied, &ctl).await?;
    for run in 1..=runs() {
        t.runs += 1;
        let (before, bytes) = current_artifact(&gits).await?;
        let value = format!("run-{run}");
        if matches!(fault, SourceFault::Cut(_)) {
            let noise = noise(run);
            repos.commit("blank", "main", "noise", &[("noise.txt", Some(&noise))])?;
            // Both backends, one run each in turn.
            let backend = if run % 2 == 1 { "gix" } else { "libgit2" };
            let body = json!({"metadata": {"annotations": {"sluice.dev/git-backend": backend}}});
            gits.patch(REPO, &PatchParams::default(), &Patch::Merge(&body))
                .await?;
        }
        let rev = revision(&commit(&repos, ns, prefix, &cms, &[], &value)?);
        // Restored on drop too, whatever fails below.
        let mut read_only = None;
        let mut filler = None;
        let mut gone = None;
        match &fault {
            SourceFault::GitServerGone => gone = server.take(),
            SourceFault::StorageReadOnly(_) => read_only = Some(ReadOnly::apply(&ctl.storage())?),
            SourceFault::StorageFull(dir) => filler = Some(Filler::fill(dir)?),
            SourceFault::Cut(cut) => server_ref(&server)?.set_cut(Some(*cut)),
        }
        drop(gone);
        let token = format!("{prefix}-{run}-down");
        request_reconcile(&client, ns, &token).await?;
        let failed = wait_fetch_failed(&gits, &token).await?;
        ensure!(
            reason.split('|').any(|r| r == failed.reason) && failed.message.contains(text),
            "Ready=False does not name the cause ({reason}, {text:?}): {}: {}",
            failed.reason,
            failed.message
        );
        check_outage(
            &client,
            ns,
            &before,
            &bytes,
            &applied,
            &cms,
            &applied_value,
            t,
        )
        .await?;
        ensure!(
            ctl.alive(),
            "the controller died:\n{}",
            tail(&ctl.log(), 40)
        );
        match &fault {
            SourceFault::GitServerGone => {
                // A new server; the harness binds a free port, so spec.url follows.
                let fresh = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
                gits.patch(
                    REPO,
                    &PatchParams::default(),
                    &Patch::Merge(json!({"spec": {"url": fresh.url("blank")}})),
                )
                .await?;
                server = Some(fresh);
            }
            SourceFault::Cut(_) => {
                let s = server_ref(&server)?;
                ensure!(s.cuts() > 0, "the server cut no transfer off");
                t.note("cut", 1);
                s.set_cut(None);
            }
            SourceFault::StorageReadOnly(_) => {
                if let Some(ro) = read_only.as_mut() {
                    ro.restore()?;
                }
            }
            SourceFault::StorageFull(_) => drop(filler.take()),
        }
        request_reconcile(&client, ns, &format!("{prefix}-{run}-up")).await?;
        let ks = wait_applied(&kss, &rev, &ctl).await?;
        let src = gits.get(REPO).await?;
        ensure!(
            ready(src.conditions()) == Some(true)
                && src.artifact().map(|a| a.revision.as_str()) == Some(rev.as_str()),
            "GitRepository not Ready at {rev} after recovery: {:?}",
            src.status
        );
        t.converged += 1;
        audit(&client, ns, &ks, &cms, &cms, &value, t).await?;
        applied = rev;
        applied_value = value;
    }
    t.panics += panics(&ctl);
    cleanup(&client, ns).await?;
    Ok(())
}

scenario!(controller_sigkill_mid_reconcile, |t| sigkill_mid_reconcile(
    t
));

async fn sigkill_mid_reconcile(t: &mut Tally) -> Result<()> {
    let sliding = Sliding {
        ns: "fault-sigkill",
        prefix: "km",
        size: 100,
        shift: 2,
    };
    let tb = Testbed::shared(false)?;
    let client = tb.client().await?;
    let (repos, server, first) = sliding.set_up(&client).await?;
    let mut ctl = start(tb.kubeconfig(), sliding.ns, &[], &[], None, None)?;
    // Every restarted controller keeps the first one's storage, as a
    // container restarted in its pod keeps its volume. Killed controllers
    // are kept until the end: the first one owns that directory.
    let storage = ctl.storage();
    let mut dead: Vec<Controller> = Vec::new();
    sliding
        .follow(&client, &server.url("blank"), &first, &ctl)
        .await?;
    t.note("hit", 0);
    for run in 1..=runs() {
        let (rev, value, in_flight) = sliding.begin(&repos, &client, run, pause(run), t).await?;
        ctl.kill();
        t.note("hit", usize::from(in_flight));
        t.panics += panics(&ctl);
        let next = start(
            tb.kubeconfig(),
            sliding.ns,
            &[],
            &[],
            Some(storage.as_path()),
            None,
        )?;
        dead.push(std::mem::replace(&mut ctl, next));
        ctl.wait_ready(Duration::from_secs(30))?;
        sliding
            .finish(&client, &ctl, run, (&rev, &value), t)
            .await?;
    }
    t.panics += panics(&ctl);
    cleanup(&client, sliding.ns).await?;
    drop(ctl);
    drop(dead);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn artifact_storage_read_only() -> Result<()> {
    let wrapper = match read_only_wrapper()? {
        Ok(w) => w,
        Err(why) => {
            println!("FAULT artifact_storage_read_only: skipped ({why})");
            return Ok(());
        }
    };
    let mut t = Tally::default();
    let result = source_outage(SourceFault::StorageReadOnly(&wrapper), &mut t).await;
    t.finish("artifact_storage_read_only", result)
}

#[tokio::test(flavor = "multi_thread")]
async fn artifact_storage_full() -> Result<()> {
    let tmpfs = match Tmpfs::mount(16 << 20)? {
        Ok(fs) => fs,
        Err(why) => {
            println!("FAULT artifact_storage_full: skipped ({why})");
            return Ok(());
        }
    };
    let mut t = Tally::default();
    let result = source_outage(SourceFault::StorageFull(tmpfs.path()), &mut t).await;
    t.finish("artifact_storage_full", result)
}

scenario!(apiserver_network_stalled, |t| network_stalled(t));

/// The controller reaches kube-apiserver through a proxy that, mid-apply,
/// stops forwarding anything for longer than the controller's API timeout
/// (open connections stay dead, new ones are never answered), then forwards
/// again: every request in flight must time out rather than hang a worker,
/// and the reconcile must converge once the network is back.
async fn network_stalled(t: &mut Tally) -> Result<()> {
    /// `--kube-api-timeout` of the controller under test.
    const API_TIMEOUT: Duration = Duration::from_secs(20);
    /// Longer than API_TIMEOUT: requests sent into the stall must time out.
    const STALL: Duration = Duration::from_secs(25);
    let sliding = Sliding {
        ns: "fault-stall",
        prefix: "nm",
        size: 60,
        shift: 2,
    };
    let tb = Testbed::shared(false)?;
    let client = tb.client().await?;
    let (repos, server, first) = sliding.set_up(&client).await?;
    let dir = tempfile::tempdir()?;
    let (proxy, kubeconfig) = proxied_kubeconfig(tb.kubeconfig(), dir.path())?;
    let timeout = format!("--kube-api-timeout={}s", API_TIMEOUT.as_secs());
    let ctl = start(&kubeconfig, sliding.ns, &[timeout], &[], None, None)?;
    sliding
        .follow(&client, &server.url("blank"), &first, &ctl)
        .await?;
    t.note("hit", 0);
    let mut slowest = Duration::ZERO;
    for run in 1..=runs() {
        let delay = pause(run) / 4;
        let (rev, value, in_flight) = sliding.begin(&repos, &client, run, delay, t).await?;
        proxy.set(ProxyMode::Stall);
        t.note("hit", usize::from(in_flight));
        tokio::time::sleep(STALL).await;
        proxy.set(ProxyMode::Forward);
        let back = std::time::Instant::now();
        ensure!(
            ctl.alive(),
            "the controller died:\n{}",
            tail(&ctl.log(), 40)
        );
        // A stuck worker would never pick this up: it needs a fresh watch
        // event and a free worker after the stall.
        request_reconcile(&client, sliding.ns, &format!("stall-{run}-after")).await?;
        sliding
            .finish(&client, &ctl, run, (&rev, &value), t)
            .await?;
        slowest = slowest.max(back.elapsed());
    }
    t.note("slowest_recovery_s", slowest.as_secs() as usize);
    t.panics += panics(&ctl);
    cleanup(&client, sliding.ns).await?;
    Ok(())
}

/// A copy of `kubeconfig` in `dir` whose server is a [`FaultProxy`] in
/// front of the real one.
fn proxied_kubeconfig(kubeconfig: &Path, dir: &Path) -> Result<(FaultProxy, PathBuf)> {
    let text = std::fs::read_to_string(kubeconfig)?;
    let server = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("server: "))
        .context("no server in the kubeconfig")?
        .trim()
        .to_string();
    let addr: std::net::SocketAddr = server
        .strip_prefix("https://")
        .context("the kubeconfig's server is not https")?
        .trim_end_matches('/')
        .parse()
        .with_context(|| format!("the kubeconfig's server {server} is not host:port"))?;
    let proxy = FaultProxy::start(addr)?;
    let path = dir.join("kubeconfig");
    let proxied = text.replace(&server, &format!("https://127.0.0.1:{}", proxy.port()));
    std::fs::write(&path, proxied)?;
    Ok((proxy, path))
}

scenario!(two_replicas_one_leader, |t| one_leader(t));

async fn one_leader(t: &mut Tally) -> Result<()> {
    const SIZE: usize = 20;
    // Commits applied per run while both replicas run.
    const COMMITS: usize = 2;
    let tb = Testbed::shared(false)?;
    let ns = "fault-leader";
    let client = tb.client().await?;
    prepare(&client, ns).await?;
    let repos = FixtureRepos::build(&["blank"])?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    let mut generation = 0;
    let first = commit_generation(&repos, ns, "lm", generation, SIZE, 1, "run-0")?;
    let election: Vec<String> = vec![
        "--enable-leader-election".into(),
        format!("--leader-election-namespace={ns}"),
        format!("--leader-election-id={LEASE}"),
        "--leader-election-lease-duration=10s".into(),
        "--leader-election-renew-deadline=8s".into(),
        "--leader-election-retry-period=1s".into(),
    ];
    let mut index = 1;
    let (first_name, mut leader) = replica(tb, ns, &election, index)?;
    leader.wait_ready(Duration::from_secs(30))?;
    wait_leader(&client, ns, &first_name, WAIT).await?;
    apply_flux(&client, ns, &server.url("blank"), "./lm").await?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    wait_applied(&kss, &revision(&first), &leader).await?;
    index += 1;
    let (mut standby_name, mut standby) = replica(tb, ns, &election, index)?;
    standby.wait_ready(Duration::from_secs(30))?;
    t.note("double_apply", 0);
    for run in 1..=runs() {
        t.runs += 1;
        let leader_before = applied_objects(&leader)?;
        for step in 0..COMMITS {
            generation += 1;
            let value = format!("run-{run}-{step}");
            let rev = revision(&commit_generation(
                &repos, ns, "lm", generation, SIZE, 1, &value,
            )?);
            request_reconcile(&client, ns, &format!("leader-{run}-{step}")).await?;
            let ks = wait_applied(&kss, &rev, &leader).await?;
            let now = names("lm", generation, SIZE, 1);
            let before = names("lm", generation - 1, SIZE, 1);
            audit(&client, ns, &ks, &now, &before, &value, t).await?;
        }
        // The standby did nothing at all: no reconcile, no object applied.
        let by_standby = applied_objects(&standby)?
            + standby.metric("gotk_reconcile_duration_seconds_count", &[])?;
        if by_standby > 0.0 {
            eprintln!("the standby {standby_name} worked while not leading: {by_standby}");
        }
        t.note("double_apply", by_standby as usize);
        let by_leader = applied_objects(&leader)? - leader_before;
        ensure!(
            by_leader >= (COMMITS * SIZE) as f64,
            "the leader applied {by_leader} objects for {COMMITS} commits changing {SIZE}"
        );

        // The leader dies holding the lease; a commit is pushed and asked
        // for while no one leads; the standby takes over and applies it.
        t.panics += panics(&leader);
        leader.kill();
        generation += 1;
        let value = format!("run-{run}-takeover");
        let rev = revision(&commit_generation(
            &repos, ns, "lm", generation, SIZE, 1, &value,
        )?);
        request_reconcile(&client, ns, &format!("leader-{run}-takeover")).await?;
        wait_leader(&client, ns, &standby_name, Duration::from_secs(60)).await?;
        let ks = wait_applied(&kss, &rev, &standby).await?;
        t.converged += 1;
        let now = names("lm", generation, SIZE, 1);
        let before = names("lm", generation - 1, SIZE, 1);
        audit(&client, ns, &ks, &now, &before, &value, t).await?;
        ensure!(
            applied_objects(&standby)? > 0.0
                && standby.metric("leader_election_master_status", &[])? >= 1.0,
            "{standby_name} holds the lease but did not apply"
        );

        // Roles move on: the new leader leads, a new replica stands by.
        index += 1;
        let (name, fresh) = replica(tb, ns, &election, index)?;
        fresh.wait_ready(Duration::from_secs(30))?;
        standby_name = name;
        leader = std::mem::replace(&mut standby, fresh);
    }
    t.panics += panics(&leader) + panics(&standby);
    cleanup(&client, ns).await?;
    Ok(())
}

// ------------------------------------------------------------- helpers

/// A scenario over a sliding set of ConfigMaps under `prefix/`: each run
/// commits a generation that changes every object, drops `shift` and adds
/// `shift`, and the fault lands while it is being applied.
struct Sliding {
    ns: &'static str,
    prefix: &'static str,
    size: usize,
    shift: usize,
}

impl Sliding {
    /// Namespace, fixture repository, its server, and generation 0 committed.
    async fn set_up(&self, client: &kube::Client) -> Result<(FixtureRepos, HttpGitServer, String)> {
        prepare(client, self.ns).await?;
        let repos = FixtureRepos::build(&["blank"])?;
        let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
        let first = self.commit(&repos, 0, "run-0")?;
        Ok((repos, server, revision(&first)))
    }

    fn commit(&self, repos: &FixtureRepos, generation: usize, value: &str) -> Result<String> {
        let (ns, prefix, size, shift) = (self.ns, self.prefix, self.size, self.shift);
        commit_generation(repos, ns, prefix, generation, size, shift, value)
    }

    /// Once `ctl` is up: the Flux objects, and generation 0 applied.
    async fn follow(
        &self,
        client: &kube::Client,
        url: &str,
        first: &str,
        ctl: &Controller,
    ) -> Result<Api<Kustomization>> {
        ctl.wait_ready(Duration::from_secs(30))?;
        apply_flux(client, self.ns, url, &format!("./{}", self.prefix)).await?;
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), self.ns);
        wait_applied(&kss, first, ctl).await?;
        Ok(kss)
    }

    /// Commits generation `run`, asks for it, waits until its reconcile is
    /// under way and then `delay`: the revision, its value, and whether
    /// the reconcile was still in flight.
    async fn begin(
        &self,
        repos: &FixtureRepos,
        client: &kube::Client,
        run: usize,
        delay: Duration,
        t: &mut Tally,
    ) -> Result<(String, String, bool)> {
        t.runs += 1;
        let value = format!("run-{run}");
        let rev = revision(&self.commit(repos, run, &value)?);
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), self.ns);
        request_reconcile(client, self.ns, &format!("{}-{run}", self.prefix)).await?;
        wait_started(&kss, &rev).await?;
        tokio::time::sleep(delay).await;
        let in_flight = !applied_now(&kss, &rev).await?;
        Ok((rev, value, in_flight))
    }

    /// Waits for generation `run` applied at `rev` and audits the cluster.
    async fn finish(
        &self,
        client: &kube::Client,
        ctl: &Controller,
        run: usize,
        (rev, value): (&str, &str),
        t: &mut Tally,
    ) -> Result<()> {
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), self.ns);
        let ks = wait_applied(&kss, rev, ctl).await?;
        t.converged += 1;
        let now = names(self.prefix, run, self.size, self.shift);
        let before = names(self.prefix, run - 1, self.size, self.shift);
        audit(client, self.ns, &ks, &now, &before, value, t).await
    }
}

/// What one scenario observed, summed over its runs.
#[derive(Default)]
struct Tally {
    runs: usize,
    converged: usize,
    lost: usize,
    stale: usize,
    wrongly_pruned: usize,
    panics: usize,
    /// Further counts (`hit`, `double_apply`), printed after the others.
    notes: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn note(&mut self, key: &'static str, n: usize) {
        *self.notes.entry(key).or_insert(0) += n;
    }

    /// Prints the `FAULT` line (even when the scenario failed part-way),
    /// then fails unless every run converged with nothing wrong.
    fn finish(self, name: &str, result: Result<()>) -> Result<()> {
        let mut line = format!(
            "FAULT {name}: runs={} converged={} lost={} stale={} wrongly_pruned={} panics={}",
            self.runs, self.converged, self.lost, self.stale, self.wrongly_pruned, self.panics
        );
        for (k, v) in &self.notes {
            line.push_str(&format!(" {k}={v}"));
        }
        if result.is_err() {
            line.push_str(" error=1");
        }
        println!("{line}");
        result?;
        ensure!(
            self.converged == self.runs,
            "{name}: {} of {} runs converged",
            self.converged,
            self.runs
        );
        let double = self.notes.get("double_apply").copied().unwrap_or(0);
        ensure!(
            self.lost + self.stale + self.wrongly_pruned + self.panics + double == 0,
            "{line}"
        );
        Ok(())
    }
}

/// `SLUICE_FAULT_RUNS`, default 1.
fn runs() -> usize {
    std::env::var("SLUICE_FAULT_RUNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}

fn revision(commit: &str) -> String {
    format!("main@sha1:{commit}")
}

/// 100–800 ms, different from run to run: where in the reconcile the fault lands.
fn pause(run: usize) -> Duration {
    Duration::from_millis(100 + (run as u64 * 233) % 700)
}

/// The `size` ConfigMap names of a sliding set at `generation`: each
/// generation drops the `shift` oldest and adds `shift` new ones.
fn names(prefix: &str, generation: usize, size: usize, shift: usize) -> Vec<String> {
    (generation * shift..generation * shift + size)
        .map(|i| format!("{prefix}-{i:04}"))
        .collect()
}

fn configmap(ns: &str, name: &str, value: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  value: \"{value}\"\n"
    )
}

/// Commits `dir/<name>.yaml` for each of `write` (with `value`) and
/// deletes those of `remove`. Returns the commit id.
fn commit(
    repos: &FixtureRepos,
    ns: &str,
    dir: &str,
    write: &[String],
    remove: &[String],
    value: &str,
) -> Result<String> {
    let mut files: Vec<(String, Option<String>)> = write
        .iter()
        .map(|n| (format!("{dir}/{n}.yaml"), Some(configmap(ns, n, value))))
        .collect();
    files.extend(remove.iter().map(|n| (format!("{dir}/{n}.yaml"), None)));
    let refs: Vec<(&str, Option<&str>)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_deref()))
        .collect();
    repos.commit("blank", "main", value, &refs)
}

/// Commits the sliding set of `generation` under `prefix/`.
fn commit_generation(
    repos: &FixtureRepos,
    ns: &str,
    prefix: &str,
    generation: usize,
    size: usize,
    shift: usize,
    value: &str,
) -> Result<String> {
    let now = names(prefix, generation, size, shift);
    let gone: Vec<String> = match generation {
        0 => Vec::new(),
        g => names(prefix, g - 1, size, shift)
            .into_iter()
            .filter(|n| !now.contains(n))
            .collect(),
    };
    commit(repos, ns, prefix, &now, &gone, value)
}

/// Flux's CRDs and the namespace.
async fn prepare(client: &kube::Client, ns: &str) -> Result<()> {
    sluice_engine::flux::install_crds(client).await?;
    let nss: Api<Namespace> = Api::all(client.clone());
    nss.patch(
        ns,
        &PatchParams::apply("faults-test").force(),
        &Patch::Apply(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})),
    )
    .await?;
    Ok(())
}

/// The GitRepository (fetches only on request) and a pruning Kustomization
/// of `path` that retries every 2 s.
async fn apply_flux(client: &kube::Client, ns: &str, url: &str, path: &str) -> Result<()> {
    let pp = PatchParams::apply("faults-test").force();
    let gits: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    gits.patch(
        REPO,
        &pp,
        &Patch::Apply(json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
            "metadata": {"name": REPO, "namespace": ns},
            "spec": {"interval": "1h", "timeout": "20s", "url": url, "ref": {"branch": "main"}}})),
    )
    .await?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    kss.patch(
        KS,
        &pp,
        &Patch::Apply(json!({
            "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
            "metadata": {"name": KS, "namespace": ns},
            "spec": {"interval": "1h", "retryInterval": "2s", "timeout": "3m", "path": path,
                     "prune": true, "sourceRef": {"kind": "GitRepository", "name": REPO}}})),
    )
    .await?;
    Ok(())
}

/// What `flux reconcile` does: `requestedAt` on the source, then on the
/// Kustomization.
async fn request_reconcile(client: &kube::Client, ns: &str, token: &str) -> Result<()> {
    let body = json!({"metadata": {"annotations": {"reconcile.fluxcd.io/requestedAt": token}}});
    let gits: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    gits.patch(REPO, &PatchParams::default(), &Patch::Merge(&body))
        .await?;
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    kss.patch(KS, &PatchParams::default(), &Patch::Merge(&body))
        .await?;
    Ok(())
}

/// `sluice run` on this namespace, with `extra` flags and `env`, optionally
/// on an existing storage directory and through a wrapper command.
fn start(
    kubeconfig: &Path,
    ns: &str,
    extra: &[String],
    env: &[(String, String)],
    storage: Option<&Path>,
    wrapper: Option<&[String]>,
) -> Result<Controller> {
    let sluice = binary()?.display().to_string();
    let kubeconfig = kubeconfig.display().to_string();
    Controller::launch(|mut ports: Vec<String>| {
        if let Some(dir) = storage {
            ports.retain(|p| !p.starts_with("--storage-path="));
            ports.push(format!("--storage-path={}", dir.display()));
        }
        let mut command: Vec<String> = wrapper.map(<[String]>::to_vec).unwrap_or_default();
        command.push(sluice);
        command.push("run".into());
        command.extend(ports);
        command.extend([
            "--kubeconfig".to_string(),
            kubeconfig,
            "--namespace".to_string(),
            ns.to_string(),
            "--requeue-dependency=3s".to_string(),
        ]);
        command.extend(extra.iter().cloned());
        let program = PathBuf::from(command.remove(0));
        Launch {
            program,
            args: command,
            env: env.to_vec(),
            env_remove: vec!["KUBECONFIG".into()],
        }
    })
}

/// A leader-elected replica named (POD_NAME) `faults-replica-<index>`.
fn replica(
    tb: &Testbed,
    ns: &str,
    election: &[String],
    index: usize,
) -> Result<(String, Controller)> {
    let name = format!("faults-replica-{index}");
    let env = [("POD_NAME".to_string(), name.clone())];
    let ctl = start(tb.kubeconfig(), ns, election, &env, None, None)?;
    Ok((name, ctl))
}

fn ready(conditions: &[Condition]) -> Option<bool> {
    conditions
        .iter()
        .find(|c| c.type_ == "Ready")
        .map(|c| c.status == "True")
}

/// Waits for Ready=True with `rev` applied; on timeout the error carries
/// the status and the controller's last log lines.
async fn wait_applied(
    kss: &Api<Kustomization>,
    rev: &str,
    ctl: &Controller,
) -> Result<Kustomization> {
    let found = eventually(
        &format!("Kustomization {KS} Ready at {rev}"),
        WAIT,
        || async {
            let k = kss.get(KS).await?;
            let applied = k
                .status
                .as_ref()
                .and_then(|s| s.last_applied_revision.as_deref())
                == Some(rev);
            Ok((applied && ready(k.conditions()) == Some(true)).then_some(k))
        },
    )
    .await;
    match found {
        Ok(k) => Ok(k),
        Err(e) => {
            let status = match kss.get(KS).await {
                Ok(k) => serde_json::to_string_pretty(&k.status).unwrap_or_default(),
                Err(err) => format!("unavailable: {err}"),
            };
            Err(e.context(format!(
                "status: {status}\ncontroller log (last lines):\n{}",
                tail(&ctl.log(), 40)
            )))
        }
    }
}

/// Waits until the Kustomization works on `rev` (or has applied it already).
async fn wait_started(kss: &Api<Kustomization>, rev: &str) -> Result<()> {
    eventually(&format!("a reconcile of {rev} under way"), WAIT, || async {
        let s = kss.get(KS).await?.status.unwrap_or_default();
        let seen = s.last_attempted_revision.as_deref() == Some(rev)
            || s.last_applied_revision.as_deref() == Some(rev)
            || s.conditions.iter().any(|c| c.message.contains(rev));
        Ok(seen.then_some(()))
    })
    .await
}

async fn applied_now(kss: &Api<Kustomization>, rev: &str) -> Result<bool> {
    let k = kss.get(KS).await?;
    Ok(k.status.and_then(|s| s.last_applied_revision).as_deref() == Some(rev))
}

/// Waits until the GitRepository handled the request `token` and is not
/// Ready; its Ready condition.
async fn wait_fetch_failed(gits: &Api<GitRepository>, token: &str) -> Result<Condition> {
    eventually(
        &format!("GitRepository {REPO} handled {token} and not Ready"),
        WAIT,
        || async {
            let r = gits.get(REPO).await?;
            let handled = r
                .status
                .as_ref()
                .and_then(|s| s.last_handled_reconcile_at.as_deref())
                == Some(token);
            Ok(r.conditions()
                .iter()
                .find(|c| c.type_ == "Ready" && c.status == "False")
                .filter(|_| handled)
                .cloned())
        },
    )
    .await
}

/// The advertised artifact and its bytes, checked against its digest.
async fn current_artifact(gits: &Api<GitRepository>) -> Result<(Artifact, Vec<u8>)> {
    let artifact = gits
        .get(REPO)
        .await?
        .artifact()
        .cloned()
        .context("the GitRepository has no artifact")?;
    let (code, bytes) = http_get_bytes(&artifact.url)?;
    ensure!(
        code == 200 && Some(sluice_sources::archive::sha256_digest(&bytes)) == artifact.digest,
        "{} does not serve the advertised artifact (HTTP {code})",
        artifact.url
    );
    Ok((artifact, bytes))
}

/// During an outage of the source: the last artifact stays advertised and
/// is served byte for byte; the Kustomization stays at `applied` with every
/// object as it was.
#[allow(clippy::too_many_arguments)]
async fn check_outage(
    client: &kube::Client,
    ns: &str,
    before: &Artifact,
    bytes: &[u8],
    applied: &str,
    cms: &[String],
    value: &str,
    t: &mut Tally,
) -> Result<()> {
    let gits: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    let now = gits.get(REPO).await?.artifact().cloned();
    let same = now
        .as_ref()
        .is_some_and(|a| a.revision == before.revision && a.digest == before.digest);
    if !same {
        eprintln!("the advertised artifact changed during the outage: {before:?} -> {now:?}");
        t.lost += 1;
    }
    let served = http_get_bytes(&before.url).is_ok_and(|(code, b)| code == 200 && b == bytes);
    if !served {
        eprintln!("{} no longer serves the last artifact", before.url);
        t.lost += 1;
    }
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let ks = kss.get(KS).await?;
    let at = ks
        .status
        .as_ref()
        .and_then(|s| s.last_applied_revision.clone());
    ensure!(
        at.as_deref() == Some(applied),
        "the Kustomization left {applied} without a new artifact: {at:?}"
    );
    audit(client, ns, &ks, cms, cms, value, t).await
}

/// The ConfigMaps carrying the Kustomization's owner labels: name → `value`.
async fn owned_configmaps(client: &kube::Client, ns: &str) -> Result<BTreeMap<String, String>> {
    let cms: Api<ConfigMap> = Api::namespaced(client.clone(), ns);
    let selector =
        format!("kustomize.toolkit.fluxcd.io/name={KS},kustomize.toolkit.fluxcd.io/namespace={ns}");
    let list = cms.list(&ListParams::default().labels(&selector)).await?;
    Ok(list
        .items
        .iter()
        .map(|cm| {
            let value = cm
                .data
                .as_ref()
                .and_then(|d| d.get("value").cloned())
                .unwrap_or_default();
            (cm.name_any(), value)
        })
        .collect())
}

/// The ConfigMap names in the Kustomization's inventory.
fn inventory_names(ks: &Kustomization, ns: &str) -> BTreeSet<String> {
    let prefix = format!("{ns}_");
    ks.inventory()
        .iter()
        .filter_map(|e| e.id.strip_prefix(&prefix)?.strip_suffix("__ConfigMap"))
        .map(str::to_string)
        .collect()
}

/// Counts every difference between the cluster (and the inventory) and a
/// revision holding `expected`, each with `value`; `before` is what the
/// previous revision held (a missing object from it was wrongly pruned).
async fn audit(
    client: &kube::Client,
    ns: &str,
    ks: &Kustomization,
    expected: &[String],
    before: &[String],
    value: &str,
    t: &mut Tally,
) -> Result<()> {
    let live = owned_configmaps(client, ns).await?;
    let tracked = inventory_names(ks, ns);
    let mut problems = Vec::new();
    for name in expected {
        match live.get(name) {
            None if before.contains(name) => {
                t.wrongly_pruned += 1;
                problems.push(format!("{name}: deleted though still in git"));
            }
            None => {
                t.lost += 1;
                problems.push(format!("{name}: never created"));
            }
            Some(v) if v != value => {
                t.stale += 1;
                problems.push(format!("{name}: holds {v:?}, not {value:?}"));
            }
            Some(_) => {}
        }
        if !tracked.contains(name) {
            t.lost += 1;
            problems.push(format!("{name}: missing from the inventory"));
        }
    }
    for name in live.keys().filter(|n| !expected.contains(*n)) {
        t.stale += 1;
        problems.push(format!("{name}: left in the cluster, gone from git"));
    }
    for name in tracked.iter().filter(|n| !expected.contains(*n)) {
        t.stale += 1;
        problems.push(format!("{name}: left in the inventory, gone from git"));
    }
    if !problems.is_empty() {
        eprintln!(
            "{ns}: {} difference(s) from the revision:\n  {}",
            problems.len(),
            problems
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n  ")
        );
    }
    Ok(())
}

/// Waits until the Lease is held by the replica named `pod`.
async fn wait_leader(client: &kube::Client, ns: &str, pod: &str, timeout: Duration) -> Result<()> {
    let leases: Api<Lease> = Api::namespaced(client.clone(), ns);
    let prefix = format!("{pod}_");
    eventually(&format!("{pod} holds the lease"), timeout, || async {
        let holder = leases
            .get_opt(LEASE)
            .await?
            .and_then(|l| l.spec)
            .and_then(|s| s.holder_identity)
            .unwrap_or_default();
        Ok(holder.starts_with(&prefix).then_some(()))
    })
    .await
}

/// Objects a controller's applies created, configured, left unchanged or
/// pruned, so far.
fn applied_objects(ctl: &Controller) -> Result<f64> {
    ctl.metric("sluice_objects_total", &[])
}

fn panics(ctl: &Controller) -> usize {
    ctl.log().matches("panicked").count()
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Cleans up while the controller still runs: the Flux objects (their
/// finalizers prune what they applied), then the namespace.
async fn cleanup(client: &kube::Client, ns: &str) -> Result<()> {
    let kss: Api<Kustomization> = Api::namespaced(client.clone(), ns);
    let gits: Api<GitRepository> = Api::namespaced(client.clone(), ns);
    let dp = DeleteParams::default();
    let _ = kss.delete(KS, &dp).await?;
    let _ = gits.delete(REPO, &dp).await?;
    eventually("the Flux objects finalized", WAIT, || async {
        let gone = kss.get_opt(KS).await?.is_none() && gits.get_opt(REPO).await?.is_none();
        Ok(gone.then_some(()))
    })
    .await?;
    let nss: Api<Namespace> = Api::all(client.clone());
    let _ = nss.delete(ns, &dp).await?;
    Ok(())
}

/// A directory tree with every write permission bit taken away; the modes
/// come back on [`ReadOnly::restore`] or on drop.
struct ReadOnly {
    modes: Vec<(PathBuf, u32)>,
}

impl ReadOnly {
    fn apply(root: &Path) -> Result<Self> {
        let mut modes = Vec::new();
        collect_modes(root, &mut modes)?;
        let me = Self { modes };
        for (path, mode) in &me.modes {
            set_mode(path, mode & !0o222)?;
        }
        Ok(me)
    }

    fn restore(&mut self) -> Result<()> {
        let mut first_error = None;
        for (path, mode) in self.modes.drain(..) {
            if let Err(e) = set_mode(&path, mode)
                && first_error.is_none()
            {
                first_error = Some(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = self.restore();
    }
}

fn collect_modes(path: &Path, out: &mut Vec<(PathBuf, u32)>) -> Result<()> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        // Removed meanwhile (a temporary file).
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    out.push((path.to_path_buf(), meta.permissions().mode() & 0o7777));
    if meta.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect_modes(&entry?.path(), out)?;
        }
    }
    Ok(())
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    match std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other.with_context(|| format!("chmod {mode:o} {}", path.display())),
    }
}

/// How to start the controller so that mode bits bind it: as is when not
/// root; as root through `setpriv` without the capabilities that bypass
/// them. `Err` says why that cannot be arranged here (proven by a probe
/// write, not assumed).
fn read_only_wrapper() -> Result<std::result::Result<Vec<String>, String>> {
    let caps = "-dac_override,-dac_read_search,-fowner";
    let wrapper: Vec<String> = if running_as_root()? {
        vec![
            "setpriv".into(),
            format!("--bounding-set={caps}"),
            format!("--inh-caps={caps}"),
            "--".into(),
        ]
    } else {
        Vec::new()
    };
    match wrapped(&wrapper, &["true"]).output() {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return Ok(Err(format!(
                "`{} true` fails here: {}",
                wrapper.join(" "),
                String::from_utf8_lossy(&o.stderr).trim()
            )));
        }
        Err(e) => return Ok(Err(format!("cannot run `{}`: {e}", wrapper.join(" ")))),
    }
    let dir = tempfile::tempdir()?;
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro)?;
    set_mode(&ro, 0o555)?;
    let probe = ro.join("probe");
    let target = probe.display().to_string();
    let _ = wrapped(
        &wrapper,
        &[
            "sh",
            "-c",
            "touch \"$1\" 2>/dev/null",
            "sh",
            target.as_str(),
        ],
    )
    .status()?;
    let written = probe.exists();
    set_mode(&ro, 0o755)?;
    if written {
        return Ok(Err(
            "a process started that way still writes into a 0555 directory: mode bits do not bind it here"
                .into(),
        ));
    }
    Ok(Ok(wrapper))
}

/// A size-limited tmpfs on a fresh directory, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `Err` says why it cannot be mounted here (not root, no mount).
    fn mount(bytes: usize) -> Result<std::result::Result<Self, String>> {
        if !running_as_root()? {
            return Ok(Err("mounting a size-limited tmpfs needs root".into()));
        }
        let dir = tempfile::Builder::new().prefix("sluice-full-").tempdir()?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes},mode=0755")])
            .arg("sluice-fault-storage")
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Ok(Ok(Self { dir })),
            Ok(o) => Ok(Err(format!(
                "mount -t tmpfs fails here: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            ))),
            Err(e) => Ok(Err(format!("cannot run mount: {e}"))),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // Lazy: a controller still holding files there must not keep it.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// A file taking every free page of a filesystem; removed on drop.
struct Filler {
    path: PathBuf,
}

impl Filler {
    fn fill(dir: &Path) -> Result<Self> {
        use std::io::Write;
        let path = dir.join(".filler");
        let me = Self { path };
        let mut file = std::fs::File::create(&me.path)
            .with_context(|| format!("creating {}", me.path.display()))?;
        // Big chunks first, then pages, until nothing fits any more.
        for chunk in [1 << 20, 4096, 1] {
            let block = vec![0x5a_u8; chunk];
            while file.write_all(&block).is_ok() {}
        }
        let _ = file.sync_all();
        Ok(me)
    }
}

impl Drop for Filler {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// `wrapper… command…` as one command.
fn wrapped(wrapper: &[String], command: &[&str]) -> Command {
    let mut all: Vec<String> = wrapper.to_vec();
    all.extend(command.iter().map(|s| s.to_string()));
    let mut cmd = Command::new(&all[0]);
    cmd.args(&all[1..]);
    cmd
}

/// Whether the effective uid is 0 (from /proc, no libc needed).
fn running_as_root() -> Result<bool> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .context("no Uid line in /proc/self/status")?;
    Ok(line.split_whitespace().nth(2) == Some("0"))
}

//! What makes an object reconcile, besides its own requeue: one watch per
//! kind feeds a reflector store and turns events into reconcile requests.
//!
//! - A spec change (generation), a new `reconcile.fluxcd.io/requestedAt`
//!   (`flux reconcile`) or a deletion reconciles the object itself; status
//!   writes (ours included) do not, so a reconcile never triggers itself.
//! - A GitRepository whose artifact revision changes reconciles every
//!   Kustomization that uses it.
//! - A Kustomization that becomes Ready (or applies a new revision)
//!   reconciles the Kustomizations that depend on it at once, where Flux
//!   polls every 30 s.
//!
//! After a watch reconnects and relists, unchanged objects trigger nothing.
//! Each watch reports its first complete listing on a `synced` channel
//! (the stores' own readiness future wakes only one waiter, and the
//! controller's runner is already one).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use futures::StreamExt;
use futures::channel::mpsc::UnboundedSender;
use kube::api::Api;
use kube::runtime::WatchStreamExt;
use kube::runtime::reflector::store::Writer;
use kube::runtime::reflector::{ObjectRef, Store};
use kube::runtime::watcher::{self, Event, watcher};
use kube::{Resource, ResourceExt};

use crate::flux::{GitRepository, Kustomization, REQUESTED_AT_ANNOTATION};

fn hash_of(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// What of an object makes it reconcile itself.
fn self_trigger<K: Resource>(obj: &K) -> u64 {
    let meta = obj.meta();
    hash_of((
        meta.generation,
        meta.annotations
            .as_ref()
            .and_then(|a| a.get(REQUESTED_AT_ANNOTATION)),
        meta.deletion_timestamp.is_some(),
    ))
}

/// What of a Kustomization its dependents wait for: Ready on a revision.
fn readiness(ks: &Kustomization) -> Option<u64> {
    let status = ks.status.as_ref()?;
    let ready = status
        .conditions
        .iter()
        .any(|c| c.type_ == "Ready" && c.status == "True");
    ready.then(|| hash_of((&status.last_applied_revision, status.observed_generation)))
}

/// What of a source its Kustomizations consume.
fn artifact(repo: &GitRepository) -> Option<u64> {
    repo.artifact().map(|a| hash_of((&a.revision, &a.digest)))
}

/// The Kustomizations in `store` that depend on `dep` (`namespace/name`).
fn dependents(store: &Store<Kustomization>, dep: &str) -> Vec<ObjectRef<Kustomization>> {
    store
        .state()
        .iter()
        .filter(|k| k.dependencies().iter().any(|d| d == dep))
        .map(|k| ObjectRef::from_obj(k.as_ref()))
        .collect()
}

/// The Kustomizations in `store` whose source is the GitRepository `repo`.
fn consumers(store: &Store<Kustomization>, repo: &GitRepository) -> Vec<ObjectRef<Kustomization>> {
    let (name, namespace) = (repo.name_any(), repo.namespace().unwrap_or_default());
    store
        .state()
        .iter()
        .filter(|k| {
            let r = &k.spec.source_ref;
            (r.kind.is_empty() || r.kind == "GitRepository")
                && r.name == name
                && r.namespace
                    .as_deref()
                    .filter(|n| !n.is_empty())
                    .unwrap_or(&k.namespace().unwrap_or_default())
                    == namespace
        })
        .map(|k| ObjectRef::from_obj(k.as_ref()))
        .collect()
}

/// Watches Kustomizations into `writer` and sends reconcile requests.
pub async fn kustomizations(
    api: Api<Kustomization>,
    config: watcher::Config,
    writer: Writer<Kustomization>,
    store: Store<Kustomization>,
    tx: UnboundedSender<ObjectRef<Kustomization>>,
    synced: tokio::sync::watch::Sender<bool>,
) {
    let mut seen: HashMap<ObjectRef<Kustomization>, (u64, Option<u64>)> = HashMap::new();
    let mut events = std::pin::pin!(watcher(api, config).default_backoff().reflect(writer));
    while let Some(event) = events.next().await {
        match event {
            Ok(Event::Apply(ks) | Event::InitApply(ks)) => {
                let key = ObjectRef::from_obj(&ks);
                let now = (self_trigger(&ks), readiness(&ks));
                let before = seen.insert(key.clone(), now);
                if before.map(|b| b.0) != Some(now.0) {
                    let _ = tx.unbounded_send(key);
                }
                if now.1.is_some() && before.and_then(|b| b.1) != now.1 {
                    for d in dependents(&store, &ks.id()) {
                        let _ = tx.unbounded_send(d);
                    }
                }
            }
            Ok(Event::Delete(ks)) => {
                seen.remove(&ObjectRef::from_obj(&ks));
            }
            Ok(Event::InitDone) => {
                let _ = synced.send(true);
            }
            Ok(Event::Init) => {}
            Err(e) => tracing::warn!("watching Kustomizations: {e}"),
        }
    }
}

/// Watches GitRepositories into `writer` and sends reconcile requests for
/// them and for the Kustomizations that use them.
pub async fn git_repositories(
    api: Api<GitRepository>,
    config: watcher::Config,
    writer: Writer<GitRepository>,
    kustomizations: Store<Kustomization>,
    tx: Option<UnboundedSender<ObjectRef<GitRepository>>>,
    ks_tx: Option<UnboundedSender<ObjectRef<Kustomization>>>,
    synced: tokio::sync::watch::Sender<bool>,
) {
    let mut seen: HashMap<ObjectRef<GitRepository>, (u64, Option<u64>)> = HashMap::new();
    let mut events = std::pin::pin!(watcher(api, config).default_backoff().reflect(writer));
    while let Some(event) = events.next().await {
        match event {
            Ok(Event::Apply(repo) | Event::InitApply(repo)) => {
                let key = ObjectRef::from_obj(&repo);
                let now = (self_trigger(&repo), artifact(&repo));
                let before = seen.insert(key.clone(), now);
                if let Some(tx) = &tx
                    && before.map(|b| b.0) != Some(now.0)
                {
                    let _ = tx.unbounded_send(key);
                }
                if let Some(ks_tx) = &ks_tx
                    && now.1.is_some()
                    && before.and_then(|b| b.1) != now.1
                {
                    for k in consumers(&kustomizations, &repo) {
                        let _ = ks_tx.unbounded_send(k);
                    }
                }
            }
            Ok(Event::Delete(repo)) => {
                seen.remove(&ObjectRef::from_obj(&repo));
            }
            Ok(Event::InitDone) => {
                let _ = synced.send(true);
            }
            Ok(Event::Init) => {}
            Err(e) => tracing::warn!("watching GitRepositories: {e}"),
        }
    }
}

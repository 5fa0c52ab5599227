//! What each Kustomization's last full reconcile built from, so that a new
//! revision changing nothing it reads is taken without building or
//! applying: in a monorepo, a commit to one app rebuilds and re-applies that
//! app, not all of them.
//!
//! Flux rebuilds and re-applies every Kustomization on every revision. The
//! result here is the same status (the new revision applied, the same
//! inventory, health checked again) with one deliberate difference: drift
//! of the cluster from the source is corrected by the next full reconcile,
//! which stays due one interval after the last one, not by the unrelated
//! commit. `--rebuild-every-revision` turns this off.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sluice_appliers::apply::Change;
use sluice_appliers::apply::inventory::Entry;
use sluice_appliers::kustomization::Spec;
use sluice_kustomize::trace::Inputs;

/// One Kustomization's last full, successful reconcile.
#[derive(Clone, Debug)]
struct Memo {
    generation: Option<i64>,
    key: u64,
    revision: String,
    inputs: Inputs,
    changes: Vec<Change>,
    inventory: Vec<Entry>,
    applied_at: Instant,
}

/// What a reusable memo gives a reconcile.
#[derive(Debug)]
pub struct Reuse {
    /// The changes of the last full apply.
    pub changes: Vec<Change>,
    /// Its inventory.
    pub inventory: Vec<Entry>,
    /// When the next full reconcile is due.
    pub full_in: Duration,
}

/// Where a Kustomization stands, as the reconcile sees it.
pub struct Current<'a> {
    /// Its uid.
    pub uid: &'a str,
    /// `metadata.generation`.
    pub generation: Option<i64>,
    /// [`key`] of the spec it would build with.
    pub key: u64,
    /// `status.lastAppliedRevision`.
    pub applied_revision: Option<&'a str>,
    /// `status.inventory`.
    pub inventory: &'a [Entry],
    /// The revision at hand.
    pub revision: &'a str,
    /// `spec.interval`.
    pub interval: Duration,
}

/// Every Kustomization's memo, by uid.
#[derive(Debug, Default)]
pub struct Memos(Mutex<HashMap<String, Memo>>);

/// What, besides the artifact, decides a build and apply: the whole spec
/// (with substituted variables, which are hashed, never kept) and the
/// identity it applies as.
pub fn key(spec: &Spec, service_account: Option<&str>) -> u64 {
    let mut h = DefaultHasher::new();
    format!("{spec:?}").hash(&mut h);
    service_account.hash(&mut h);
    h.finish()
}

impl Memos {
    /// The last full reconcile, when `now` may take it over unchanged: same
    /// spec and generation, its revision still the applied one, its
    /// inventory still the status', the revision new, the next full
    /// reconcile not yet due, and everything its build read the same in
    /// `dir` (the new artifact).
    pub async fn reusable(&self, now: &Current<'_>, dir: &Path) -> Option<Reuse> {
        let memo = self.0.lock().ok()?.get(now.uid).cloned()?;
        let elapsed = memo.applied_at.elapsed();
        let fits = memo.generation == now.generation
            && memo.key == now.key
            && now.applied_revision == Some(memo.revision.as_str())
            && memo.revision != now.revision
            && memo.inventory == now.inventory
            && elapsed < now.interval;
        if !fits {
            return None;
        }
        let dir = dir.to_path_buf();
        let inputs = memo.inputs.clone();
        let holds = tokio::task::spawn_blocking(move || inputs.hold_in(&dir))
            .await
            .unwrap_or(false);
        holds.then(|| Reuse {
            changes: memo.changes,
            inventory: memo.inventory,
            full_in: now.interval - elapsed,
        })
    }

    /// Remembers a full, successful reconcile.
    pub fn remember(
        &self,
        now: &Current<'_>,
        inputs: Inputs,
        changes: Vec<Change>,
        inventory: Vec<Entry>,
    ) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(
                now.uid.to_string(),
                Memo {
                    generation: now.generation,
                    key: now.key,
                    revision: now.revision.to_string(),
                    inputs,
                    changes,
                    inventory,
                    applied_at: Instant::now(),
                },
            );
        }
    }

    /// Moves a memo on to a revision taken over unchanged.
    pub fn advance(&self, uid: &str, revision: &str) {
        if let Ok(mut m) = self.0.lock()
            && let Some(memo) = m.get_mut(uid)
        {
            memo.revision = revision.to_string();
        }
    }

    /// Drops a Kustomization's memo (it failed, or is gone).
    pub fn forget(&self, uid: &str) {
        if let Ok(mut m) = self.0.lock() {
            m.remove(uid);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sluice_kustomize::trace::Trace;

    fn inputs_of(dir: &Path) -> Inputs {
        let t = Trace::new(dir);
        let p = dir.canonicalize().expect("canon").join("app.yaml");
        t.read(&p, &std::fs::read(&p).expect("read"));
        t.inputs()
    }

    #[tokio::test]
    async fn reused_only_for_a_new_revision_with_the_same_inputs() {
        let a = tempfile::tempdir().expect("dir");
        std::fs::write(a.path().join("app.yaml"), "a: 1").expect("write");
        let memos = Memos::default();
        let spec = Spec::new("ns", "app");
        let mut now = Current {
            uid: "u1",
            generation: Some(1),
            key: key(&spec, None),
            applied_revision: Some("main@sha1:1"),
            inventory: &[],
            revision: "main@sha1:1",
            interval: Duration::from_secs(600),
        };
        memos.remember(&now, inputs_of(a.path()), Vec::new(), Vec::new());
        // The same revision again is an interval run: a full reconcile.
        assert!(memos.reusable(&now, a.path()).await.is_none());
        now.revision = "main@sha1:2";
        let reuse = memos.reusable(&now, a.path()).await.expect("reused");
        assert!(reuse.full_in <= Duration::from_secs(600));
        // A changed input, spec or generation is a full reconcile.
        std::fs::write(a.path().join("app.yaml"), "a: 2").expect("write");
        assert!(memos.reusable(&now, a.path()).await.is_none());
        std::fs::write(a.path().join("app.yaml"), "a: 1").expect("write");
        let mut other = spec.clone();
        other.prune = true;
        let changed = Current {
            key: key(&other, None),
            ..now
        };
        assert!(memos.reusable(&changed, a.path()).await.is_none());
        let regenerated = Current {
            generation: Some(2),
            ..now
        };
        assert!(memos.reusable(&regenerated, a.path()).await.is_none());
        // Someone else applied another revision since.
        let moved = Current {
            applied_revision: Some("main@sha1:9"),
            ..now
        };
        assert!(memos.reusable(&moved, a.path()).await.is_none());
        // Past the interval, drift correction is due: a full reconcile.
        let short = Current {
            interval: Duration::ZERO,
            ..now
        };
        assert!(memos.reusable(&short, a.path()).await.is_none());
        memos.advance("u1", "main@sha1:2");
        now.applied_revision = Some("main@sha1:2");
        now.revision = "main@sha1:3";
        assert!(memos.reusable(&now, a.path()).await.is_some());
        memos.forget("u1");
        assert!(memos.reusable(&now, a.path()).await.is_none());
    }
}

//! Applying a set of objects in Flux's stages: CRDs, Namespaces and
//! ClusterRoles first (and waited for), then `*Class` kinds, then the rest;
//! each stage dry-run in full before any of it is applied.

use super::plan::Planned;
use super::*;

impl Applier {
    /// Applies `objects` in Flux's stages. Within a stage every object is
    /// first dry-run (in parallel); only when all of them pass are the
    /// drifted ones applied, in kind order. On failure, the changes made so
    /// far are returned with the error.
    pub async fn apply_all(
        &self,
        objects: &[Value],
        opts: &ApplyOptions,
    ) -> std::result::Result<Vec<Change>, (Vec<Change>, Error)> {
        let mut by_stage: BTreeMap<u8, Vec<(ObjectRef, &Value)>> = BTreeMap::new();
        for o in objects {
            let r = object_ref(o);
            by_stage
                .entry(order::stage(&r.group, &r.kind))
                .or_default()
                .push((r, o));
        }
        let mut changes = Vec::new();
        for (stage, mut objs) in by_stage {
            objs.sort_by_cached_key(|(r, _)| order::key(r));
            // Collected first: a stream over a borrowing closure is not
            // `Send` for every lifetime, which `tokio::spawn` needs.
            let futures: Vec<_> = objs
                .iter()
                .map(|(r, o)| self.plan_one(r.clone(), o, opts))
                .collect();
            let planned: Vec<Result<Planned>> = futures::stream::iter(futures)
                .buffered(opts.concurrency.max(1))
                .collect()
                .await;
            let mut plans = Vec::with_capacity(planned.len());
            for p in planned {
                match p {
                    Ok(p) => plans.push(p),
                    Err(e) => return Err((changes, e)),
                }
            }
            for p in plans {
                match self.apply_planned(p, opts).await {
                    Ok(c) => changes.push(c),
                    Err(e) => return Err((changes, e)),
                }
            }
            if stage < 3 && !opts.dry_run {
                let refs: Vec<ObjectRef> = objs.into_iter().map(|(r, _)| r).collect();
                if let Err(msg) = self
                    .wait_current(&refs, opts.stage_timeout, Duration::from_secs(1))
                    .await
                {
                    return Err((changes, Error::Build(msg)));
                }
                // New types become resolvable once their CRDs are established.
                if refs.iter().any(|r| r.kind == "CustomResourceDefinition") {
                    self.types
                        .refresh()
                        .await
                        .map_err(|e| (changes.clone(), e))?;
                }
            }
        }
        Ok(changes)
    }
}

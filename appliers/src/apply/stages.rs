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
                let served = crd_kinds(objs.iter().map(|(_, o)| *o));
                let refs: Vec<ObjectRef> = objs.into_iter().map(|(r, _)| r).collect();
                if let Err(msg) = self
                    .wait_current(&refs, opts.stage_timeout, Duration::from_secs(1))
                    .await
                {
                    return Err((changes, Error::Build(msg)));
                }
                // New types become resolvable once their CRDs are established
                // and the apiserver's discovery has caught up with them.
                if !served.is_empty()
                    && let Err(e) = self.wait_served(&served, opts.stage_timeout).await
                {
                    return Err((changes, e));
                }
            }
        }
        Ok(changes)
    }

    /// Refreshes discovery until every kind the applied CRDs serve is
    /// listed. An Established CRD is not yet in the apiserver's aggregated
    /// discovery (it is published asynchronously), so one refresh right
    /// after the wait can miss it; bounded by `timeout`.
    async fn wait_served(&self, kinds: &[GroupVersionKind], timeout: Duration) -> Result<()> {
        let start = tokio::time::Instant::now();
        let mut pause = Duration::from_millis(50);
        loop {
            let d = self.types.refresh().await?;
            let missing: Vec<String> = kinds
                .iter()
                .filter(|k| d.resolve_gvk(k).is_none())
                .map(|k| format!("{}/{}", k.api_version(), k.kind))
                .collect();
            if missing.is_empty() {
                return Ok(());
            }
            if start.elapsed() + pause > timeout {
                return Err(Error::Build(format!(
                    "timeout waiting for the API server to serve the kinds of the applied CRDs: {}",
                    missing.join(", ")
                )));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(1));
        }
    }
}

/// The kinds the CustomResourceDefinitions among `objects` serve, one per
/// served version.
fn crd_kinds<'a>(objects: impl Iterator<Item = &'a Value>) -> Vec<GroupVersionKind> {
    let mut kinds = Vec::new();
    for o in objects {
        if o.get("kind").and_then(Value::as_str) != Some("CustomResourceDefinition") {
            continue;
        }
        let (Some(group), Some(kind)) = (
            o.pointer("/spec/group").and_then(Value::as_str),
            o.pointer("/spec/names/kind").and_then(Value::as_str),
        ) else {
            continue;
        };
        let versions = o.pointer("/spec/versions").and_then(Value::as_array);
        for v in versions.into_iter().flatten() {
            let served = v.get("served").and_then(Value::as_bool).unwrap_or(true);
            if let (true, Some(name)) = (served, v.get("name").and_then(Value::as_str)) {
                kinds.push(GroupVersionKind::gvk(group, name, kind));
            }
        }
    }
    kinds
}

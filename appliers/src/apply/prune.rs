//! Prune: deleting what left the inventory, only objects carrying this
//! Kustomization's owner labels, never those opted out.

use super::*;

impl Applier {
    /// Deletes stale objects in reverse apply order, only when the live
    /// object still carries the owner's labels and no opt-out.
    pub async fn prune(
        &self,
        stale: &[ObjectRef],
        owner_name: &str,
        owner_namespace: &str,
        dry_run: bool,
    ) -> std::result::Result<Vec<Change>, (Vec<Change>, Error)> {
        let mut sorted: Vec<&ObjectRef> = stale.iter().collect();
        sorted.sort_by_key(|o| std::cmp::Reverse(order::key(o)));
        let mut changes = Vec::new();
        let mut errors = Vec::new();
        for o in sorted {
            let change = |action| Change {
                object: o.clone(),
                action,
                planned: if dry_run { Some("prune") } else { None },
            };
            let api = match self.api_for_any_version(o).await {
                Ok(Some(a)) => a,
                // The type itself is gone (its CRD was pruned): nothing left to delete.
                Ok(None) => {
                    changes.push(change(Action::Deleted));
                    continue;
                }
                // Discovery failed: the object may well exist; keep it.
                Err(e) => {
                    errors.push(format!("{o}: {e}"));
                    continue;
                }
            };
            let live = match api.get_opt(&o.name).await {
                Ok(Some(l)) => serde_json::to_value(l).unwrap_or(Value::Null),
                Ok(None) => {
                    changes.push(change(Action::Deleted));
                    continue;
                }
                Err(e) => {
                    errors.push(format!("{o}: {}", api_message(&e)));
                    continue;
                }
            };
            let label = |k: &str| {
                live.pointer(&format!("/metadata/labels/{}", k.replace('/', "~1")))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let owned = label(OWNER_NAME_LABEL).as_deref() == Some(owner_name)
                && label(OWNER_NAMESPACE_LABEL).as_deref() == Some(owner_namespace);
            if !owned
                || meta_is(&live, PRUNE_KEY, "disabled")
                || meta_is(&live, RECONCILE_KEY, "disabled")
                || meta_is(&live, SSA_KEY, "ignore")
            {
                changes.push(Change {
                    object: o.clone(),
                    action: Action::Skipped,
                    planned: None,
                });
                continue;
            }
            if dry_run {
                changes.push(change(Action::Planned));
                continue;
            }
            match api.delete(&o.name, &DeleteParams::background()).await {
                Ok(_) => changes.push(change(Action::Deleted)),
                Err(kube::Error::Api(ae)) if ae.code == 404 => {
                    changes.push(change(Action::Deleted))
                }
                Err(e) => errors.push(format!("{o}: {}", api_message(&e))),
            }
        }
        if errors.is_empty() {
            Ok(changes)
        } else {
            Err((
                changes,
                Error::Build(format!("delete failed, errors: {}", errors.join("; "))),
            ))
        }
    }
}

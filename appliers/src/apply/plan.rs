//! The dry-run phase: each object is dry-run applied and compared with the
//! live one, deciding what the apply phase will do (create, configure,
//! nothing, or re-create when forced).

use kube::api::{Api, DynamicObject};
use serde_json::Value;

use super::drift::drift_view;
use super::takeover::takeover_patch;
use super::*;

/// One object after the dry-run phase: its outcome, and the apply still to
/// do, if any.
pub(super) struct Planned {
    change: Change,
    apply: Option<(Api<DynamicObject>, Value)>,
}

impl Planned {
    fn done(change: Change) -> Self {
        Self {
            change,
            apply: None,
        }
    }
}

impl Applier {
    /// The first half of applying one object: everything but the apply —
    /// opt-outs, field takeover, dry run, re-creation under force — and the
    /// decision whether it drifted.
    pub(super) async fn plan_one(
        &self,
        r: ObjectRef,
        obj: &Value,
        opts: &ApplyOptions,
    ) -> Result<Planned> {
        let (api, namespaced) = match self.api_for(&r).await {
            Ok(a) => a,
            // A plan may create a type whose CRD is in the same plan.
            Err(_) if opts.dry_run => {
                return Ok(Planned::done(Change {
                    object: r,
                    action: Action::Planned,
                    planned: Some("create"),
                }));
            }
            Err(e) => return Err(e),
        };
        if namespaced && r.namespace.is_empty() {
            return Err(Error::Build(format!(
                "{}/{} namespace not specified: the server could not find the requested resource",
                r.kind, r.name
            )));
        }
        let desired = obj.clone();
        let change = |action: Action, planned: Option<&'static str>| Change {
            object: r.clone(),
            action,
            planned,
        };
        let live = api
            .get_opt(&r.name)
            .await
            .map_err(|e| Error::api(r.to_string(), e))?;
        let live_v = live
            .as_ref()
            .map(|l| serde_json::to_value(l).unwrap_or(Value::Null));
        let either = |k: &str, v: &str| {
            meta_is(&desired, k, v) || live_v.as_ref().is_some_and(|l| meta_is(l, k, v))
        };
        if either(RECONCILE_KEY, "disabled")
            || either(SSA_KEY, "ignore")
            || (live_v.is_some() && meta_is(&desired, SSA_KEY, "ifnotpresent"))
        {
            return Ok(Planned::done(change(Action::Skipped, None)));
        }
        let takeover = match &live_v {
            Some(l) if !meta_is(&desired, SSA_KEY, "merge") => {
                takeover_patch(l, &opts.field_manager)
            }
            _ => None,
        };
        if let Some(patch) = &takeover
            && !opts.dry_run
        {
            api.patch(&r.name, &PatchParams::default(), &Patch::Merge(patch))
                .await
                .map_err(|e| {
                    Error::Build(format!(
                        "{r}: taking over fields from other managers failed: {}",
                        api_message(&e)
                    ))
                })?;
        }
        let mut dry = PatchParams::apply(&opts.field_manager).force();
        dry.dry_run = true;
        let dry_result = match api.patch(&r.name, &dry, &Patch::Apply(&desired)).await {
            Ok(d) => d,
            Err(e)
                if live_v.is_some()
                    && is_immutable_error(&e)
                    && (opts.force || either(FORCE_KEY, "enabled")) =>
            {
                if opts.dry_run {
                    return Ok(Planned::done(change(Action::Planned, Some("recreate"))));
                }
                tracing::info!(object = %r, "re-creating: {}", api_message(&e));
                api.delete(&r.name, &DeleteParams::background())
                    .await
                    .map_err(|e| {
                        Error::Build(format!(
                            "{r}: delete for re-creation failed: {}",
                            api_message(&e)
                        ))
                    })?;
                self.wait_gone(&api, &r, opts.stage_timeout).await?;
                return Ok(Planned {
                    change: change(Action::Created, None),
                    apply: Some((api, desired)),
                });
            }
            // The namespace is created by this same plan.
            Err(kube::Error::Api(ae)) if opts.dry_run && live_v.is_none() && ae.code == 404 => {
                return Ok(Planned::done(change(Action::Planned, Some("create"))));
            }
            Err(e) => {
                let reason = match &e {
                    kube::Error::Api(ae) => ae.reason.clone(),
                    _ => "Error".into(),
                };
                let msg = match &e {
                    kube::Error::Api(ae) => ae.message.clone(),
                    other => other.to_string(),
                };
                return Err(Error::Build(format!(
                    "{r} dry-run failed ({reason}): {msg}"
                )));
            }
        };
        let dry_v = serde_json::to_value(&dry_result).unwrap_or(Value::Null);
        let action = match &live_v {
            None => Action::Created,
            // Fields other managers added are removed by the apply.
            Some(_) if takeover.is_some() => Action::Configured,
            Some(l) if drift_view(l) != drift_view(&dry_v) => Action::Configured,
            Some(_) => Action::Unchanged,
        };
        if opts.dry_run {
            return Ok(Planned::done(match action {
                Action::Created => change(Action::Planned, Some("create")),
                Action::Configured => change(Action::Planned, Some("configure")),
                other => change(other, None),
            }));
        }
        if action == Action::Unchanged {
            return Ok(Planned::done(change(action, None)));
        }
        Ok(Planned {
            change: change(action, None),
            apply: Some((api, desired)),
        })
    }

    /// The second half: the apply itself, when the plan says so.
    pub(super) async fn apply_planned(&self, p: Planned, opts: &ApplyOptions) -> Result<Change> {
        if let Some((api, desired)) = p.apply {
            let r = &p.change.object;
            let pp = PatchParams::apply(&opts.field_manager).force();
            api.patch(&r.name, &pp, &Patch::Apply(&desired))
                .await
                .map_err(|e| Error::api(format!("{r} apply failed"), e))?;
        }
        Ok(p.change)
    }
}

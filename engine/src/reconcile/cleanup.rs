//! What deleting a Flux object does, shared by the controllers' finalizer
//! (`finalizers.fluxcd.io`) and by `sluice sync`/`sluice config delete`
//! when no controller runs: a Kustomization deletes what its inventory
//! holds as its `deletionPolicy` says, as its service account; a
//! GitRepository removes its stored artifacts. The prune guard does not
//! apply here: deleting a Kustomization is an explicit act (the guard is
//! against commits that drop objects by mistake), and `deletionPolicy:
//! Orphan` is the way to keep them.

use k8s_openapi::api::core::v1::ServiceAccount;
use kube::ResourceExt;
use kube::api::Api;
use sluice_appliers::apply::Action;
use sluice_appliers::apply::inventory::ObjectRef;

use super::events::{EventType, FluxEvent};
use super::kustomization::COMPONENT as KUSTOMIZE_COMPONENT;
use super::source::storage_key;
use super::{Context, Error};
use crate::flux::kustomization::DeletionPolicy;
use crate::flux::{GitRepository, Kustomization};

/// What a Kustomization's cleanup did.
#[derive(Clone, Debug, Default)]
pub struct Cleanup {
    /// Objects deleted.
    pub deleted: Vec<ObjectRef>,
    /// Objects left in place, and why (orphaned on purpose, or
    /// the service account to delete them as is gone).
    pub kept: Vec<(ObjectRef, String)>,
}

/// Deletes what `ks` applied, as Flux's kustomize-controller does when a
/// Kustomization is deleted. `Err` means the finalizer must stay (retry).
pub async fn kustomization(ctx: &Context, ks: &Kustomization) -> Result<Cleanup, Error> {
    let mut out = Cleanup::default();
    if let Some(uid) = &ks.metadata.uid {
        ctx.memos.forget(uid);
    }
    let objects: Vec<ObjectRef> = ks
        .inventory()
        .iter()
        .filter_map(ObjectRef::from_entry)
        .collect();
    if objects.is_empty() {
        return Ok(out);
    }
    let keep_all = |out: &mut Cleanup, why: &str| {
        out.kept
            .extend(objects.iter().map(|o| (o.clone(), why.to_string())));
    };
    if ks.suspended() {
        keep_all(&mut out, "the Kustomization is suspended");
        return Ok(out);
    }
    let desired = match ks.desired() {
        Ok(d) => d,
        Err(e) => {
            // Its objects may live elsewhere (spec.kubeConfig): never delete
            // on a cluster the Kustomization does not target.
            let msg = format!("unable to prune objects: {e}");
            ctx.events.emit(FluxEvent::about(
                ks,
                KUSTOMIZE_COMPONENT,
                EventType::Warning,
                "PruneFailed",
                &msg,
            ));
            keep_all(&mut out, &msg);
            return Ok(out);
        }
    };
    let delete = match desired.deletion_policy {
        DeletionPolicy::MirrorPrune => desired.spec.prune,
        DeletionPolicy::Delete | DeletionPolicy::WaitForTermination => true,
        DeletionPolicy::Orphan => false,
    };
    if !delete {
        keep_all(&mut out, "deletionPolicy keeps them");
        return Ok(out);
    }
    let namespace = ks.namespace().unwrap_or_default();
    let service_account = desired
        .service_account
        .clone()
        .or_else(|| ctx.settings.default_service_account.clone());
    if let Some(sa) = &service_account {
        let sas: Api<ServiceAccount> = Api::namespaced(ctx.client.clone(), &namespace);
        match sas.get_opt(sa).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                let lines: Vec<String> = objects.iter().map(ToString::to_string).collect();
                let msg = format!("unable to prune objects: \n{}", lines.join("\n"));
                tracing::warn!(kustomization = %ks.id(), "skipping pruning, failed to find account {namespace}/{sa} to impersonate");
                ctx.events.emit(FluxEvent::about(
                    ks,
                    KUSTOMIZE_COMPONENT,
                    EventType::Warning,
                    "PruneFailed",
                    msg,
                ));
                keep_all(&mut out, "the service account to delete them as is gone");
                return Ok(out);
            }
            Err(e) => {
                return Err(Error::kube(
                    format!("reading ServiceAccount {namespace}/{sa}"),
                    e,
                ));
            }
        }
    }
    let applier = ctx
        .applier(&namespace, service_account.as_deref())
        .map_err(|e| Error::Other(format!("failed to build kube client: {e:#}")))?;
    let dry_run = ctx.settings.options.apply.dry_run;
    let changes = match applier
        .prune(&objects, &ks.name_any(), &namespace, dry_run)
        .await
    {
        Ok(c) => c,
        Err((_, e)) => {
            let msg = format!("pruning for deleted resource failed: {e}");
            ctx.events.emit(FluxEvent::about(
                ks,
                KUSTOMIZE_COMPONENT,
                EventType::Warning,
                "PruneFailed",
                &msg,
            ));
            return Err(Error::Other(msg));
        }
    };
    for c in changes {
        match c.action {
            Action::Deleted | Action::Planned => out.deleted.push(c.object),
            _ => out.kept.push((
                c.object,
                "not owned by this Kustomization, or pruning is disabled on it".into(),
            )),
        }
    }
    if !out.deleted.is_empty() {
        let log: Vec<String> = out.deleted.iter().map(|o| format!("{o} deleted")).collect();
        let reason = ks
            .conditions()
            .iter()
            .find(|c| c.type_ == "Ready")
            .map_or("info".to_string(), |c| c.reason.clone());
        ctx.events.emit(FluxEvent::about(
            ks,
            KUSTOMIZE_COMPONENT,
            EventType::Normal,
            &reason,
            log.join("\n"),
        ));
        if desired.deletion_policy == DeletionPolicy::WaitForTermination
            && !dry_run
            && let Err(e) = applier
                .wait_deleted(&out.deleted, desired.spec.timeout)
                .await
        {
            tracing::warn!(kustomization = %ks.id(), "{e}");
            ctx.events.emit(FluxEvent::about(
                ks,
                KUSTOMIZE_COMPONENT,
                EventType::Warning,
                "PruneFailed",
                "failed to wait for resources termination",
            ));
        }
    }
    Ok(out)
}

/// Removes everything stored for a deleted GitRepository.
pub fn git_repository(ctx: &Context, repo: &GitRepository) -> Result<(), Error> {
    ctx.storage.remove_object(&storage_key(repo))?;
    Ok(())
}

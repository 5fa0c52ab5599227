//! Applying objects to a cluster as Flux's kustomize-controller does:
//! server-side apply under the field manager `kustomize-controller`, in
//! stages (CRDs, Namespaces and ClusterRoles first and waited for; then
//! `*Class` kinds; then the rest), only what drifted, with per-object
//! opt-outs, force re-creation of immutable objects, prune and health.

pub mod discovery;
mod drift;
pub mod health;
pub mod inventory;
pub mod normalize;
pub mod order;
mod plan;
mod prune;
mod stages;
mod takeover;
mod wait;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures::StreamExt;
use kube::api::{Api, DeleteParams, DynamicObject, Patch, PatchParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiCapabilities, ApiResource, Scope};
use serde_json::Value;
use sluice_kustomize::resid::split_api_version;

use self::discovery::ClusterTypes;
use self::health::Status;
use self::inventory::ObjectRef;
use crate::error::{Error, Result};

/// Flux's default field manager, so Sluice can take over from Flux.
pub const DEFAULT_FIELD_MANAGER: &str = "kustomize-controller";
/// The owner labels Flux puts on everything a Kustomization applies.
pub const OWNER_NAME_LABEL: &str = "kustomize.toolkit.fluxcd.io/name";
/// See [`OWNER_NAME_LABEL`].
pub const OWNER_NAMESPACE_LABEL: &str = "kustomize.toolkit.fluxcd.io/namespace";
const RECONCILE_KEY: &str = "kustomize.toolkit.fluxcd.io/reconcile";
const SSA_KEY: &str = "kustomize.toolkit.fluxcd.io/ssa";
const PRUNE_KEY: &str = "kustomize.toolkit.fluxcd.io/prune";
const FORCE_KEY: &str = "kustomize.toolkit.fluxcd.io/force";

/// What happened to one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// Did not exist; created.
    Created,
    /// Existed and drifted; applied.
    Configured,
    /// Existed and matched.
    Unchanged,
    /// Left alone by an annotation.
    Skipped,
    /// Pruned.
    Deleted,
    /// Would be created/configured/deleted (dry run).
    Planned,
}

impl Action {
    /// Flux's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Configured => "configured",
            Action::Unchanged => "unchanged",
            Action::Skipped => "skipped",
            Action::Deleted => "deleted",
            Action::Planned => "planned",
        }
    }

    /// Whether the cluster changed (what Flux's change log lists).
    pub fn is_change(self) -> bool {
        matches!(self, Action::Created | Action::Configured | Action::Deleted)
    }
}

/// One object's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The object.
    pub object: ObjectRef,
    /// What happened.
    pub action: Action,
    /// For dry runs: what would happen (`create`, `configure`, `prune`).
    pub planned: Option<&'static str>,
}

/// Knobs for applying.
#[derive(Clone, Debug)]
pub struct ApplyOptions {
    /// Server-side apply field manager.
    pub field_manager: String,
    /// Re-create objects whose apply fails as invalid, conflicting or immutable.
    pub force: bool,
    /// Objects applied concurrently within a stage.
    pub concurrency: usize,
    /// How long stage 1 and 2 objects may take to become ready.
    pub stage_timeout: Duration,
    /// Only compute the plan; change nothing.
    pub dry_run: bool,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        Self {
            field_manager: DEFAULT_FIELD_MANAGER.into(),
            force: false,
            concurrency: 8,
            stage_timeout: Duration::from_secs(60),
            dry_run: false,
        }
    }
}

/// Applies, prunes and health-checks objects on one cluster, as one user
/// (the controller, or an impersonated service account).
#[derive(Clone)]
pub struct Applier {
    client: kube::Client,
    types: ClusterTypes,
}

/// Whether `key` is set to `value` (case-insensitively) in labels or annotations.
fn meta_is(obj: &Value, key: &str, value: &str) -> bool {
    ["labels", "annotations"].iter().any(|f| {
        obj.get("metadata")
            .and_then(|m| m.get(f))
            .and_then(|m| m.get(key))
            .and_then(Value::as_str)
            .is_some_and(|v| v.eq_ignore_ascii_case(value))
    })
}

/// The identity of an object (its namespace as given).
pub fn object_ref(obj: &Value) -> ObjectRef {
    let api = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    let (group, version) = split_api_version(api);
    ObjectRef {
        group: group.to_string(),
        version: version.to_string(),
        kind: obj
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        namespace: obj
            .pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        name: obj
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    }
}

/// Whether an API error is one Flux re-creates the object for under force:
/// any Invalid or Conflict, or a message about immutable fields.
fn is_immutable_error(e: &kube::Error) -> bool {
    match e {
        kube::Error::Api(ae) => {
            ae.code == 422
                || ae.code == 409
                || ae.reason == "Invalid"
                || ae.reason == "Conflict"
                || ae.message.contains("is immutable")
                || ae.message.contains("immutable field")
        }
        _ => false,
    }
}

/// A Kubernetes API error as one line: `(Reason) message`, not the whole
/// status object.
pub fn api_message(e: &kube::Error) -> String {
    match e {
        kube::Error::Api(ae) => format!("({}) {}", ae.reason, ae.message),
        other => other.to_string(),
    }
}

impl Applier {
    /// An applier for the cluster behind `client`, discovering its types
    /// on first use.
    pub fn new(client: kube::Client) -> Self {
        Self {
            types: ClusterTypes::new(client.clone()),
            client,
        }
    }

    /// An applier acting through `client` (e.g. impersonating a service
    /// account) that shares already discovered `types`.
    pub fn with_types(client: kube::Client, types: ClusterTypes) -> Self {
        Self { client, types }
    }

    /// The discovered types this applier uses.
    pub fn types(&self) -> &ClusterTypes {
        &self.types
    }

    async fn resolve(&self, o: &ObjectRef) -> Result<Option<(ApiResource, ApiCapabilities)>> {
        let gvk = GroupVersionKind::gvk(&o.group, &o.version, &o.kind);
        self.types.resolve(&gvk).await
    }

    /// The API of `o`'s group and kind in any served version (an inventory
    /// may name a version the cluster no longer serves); `None` when the
    /// kind is gone after a successful discovery.
    async fn api_for_any_version(&self, o: &ObjectRef) -> Result<Option<Api<DynamicObject>>> {
        let found = match self.resolve(o).await? {
            Some(f) => Some(f),
            None => self.types.resolve_any_version(&o.group, &o.kind).await?,
        };
        Ok(found.map(|(ar, caps)| match caps.scope {
            Scope::Namespaced => Api::namespaced_with(self.client.clone(), &o.namespace, &ar),
            Scope::Cluster => Api::all_with(self.client.clone(), &ar),
        }))
    }

    async fn api_for(&self, o: &ObjectRef) -> Result<(Api<DynamicObject>, bool)> {
        let Some((ar, caps)) = self.resolve(o).await? else {
            return Err(Error::Build(format!(
                "{o}: no matches for kind \"{}\" in version \"{}\" (is its CRD installed?)",
                o.kind,
                o.api_version()
            )));
        };
        Ok(match caps.scope {
            Scope::Namespaced => {
                let ns = if o.namespace.is_empty() {
                    "default"
                } else {
                    &o.namespace
                };
                (Api::namespaced_with(self.client.clone(), ns, &ar), true)
            }
            Scope::Cluster => (Api::all_with(self.client.clone(), &ar), false),
        })
    }

    /// `Err` naming every object that is not in namespace `ns` (a
    /// cluster-scoped kind, or another namespace): a configuration scoped
    /// to one namespace must not change anything else.
    pub async fn confined(&self, objects: &[Value], ns: &str) -> std::result::Result<(), String> {
        let mut outside = Vec::new();
        for o in objects {
            let r = object_ref(o);
            let namespaced = match self.resolve(&r).await {
                Ok(Some((_, caps))) => caps.scope == Scope::Namespaced,
                // An unknown kind (a CRD of the same build): judged by
                // whether it names a namespace.
                _ => !r.namespace.is_empty(),
            };
            if !namespaced || r.namespace != ns {
                outside.push(r.to_string());
            }
        }
        if outside.is_empty() {
            return Ok(());
        }
        Err(format!(
            "the configuration is scoped to namespace '{ns}', but these objects are outside it: [{}]; nothing was applied",
            outside.join(", ")
        ))
    }

    /// The live object, if any.
    pub async fn get(&self, o: &ObjectRef) -> Result<Option<Value>> {
        // An unknown type is an error (discovery may be failing), not "gone":
        // health checks would otherwise pass a Job that cannot be read.
        let (api, _) = self.api_for(o).await?;
        let got = api
            .get_opt(&o.name)
            .await
            .map_err(|e| Error::api(o.to_string(), e))?;
        Ok(got.map(|d| serde_json::to_value(d).unwrap_or(Value::Null)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn opt_out_annotations_are_case_insensitive() {
        let o = json!({"metadata": {"annotations": {"kustomize.toolkit.fluxcd.io/reconcile": "Disabled"}}});
        assert!(meta_is(&o, RECONCILE_KEY, "disabled"));
        let l =
            json!({"metadata": {"labels": {"kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent"}}});
        assert!(meta_is(&l, SSA_KEY, "ifnotpresent"));
    }

    #[test]
    fn object_refs() {
        let o = object_ref(
            &json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "n"}}),
        );
        assert_eq!(o.to_string(), "Deployment/n/d");
        assert_eq!(o.entry().id, "n_d_apps_Deployment");
    }
}

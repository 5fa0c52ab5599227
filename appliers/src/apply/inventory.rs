//! Flux's inventory: what a Kustomization applied, as
//! `{id: "<namespace>_<name>_<group>_<kind>", v: "<version>"}` entries
//! (cli-utils' object metadata format), so a later run knows what to prune.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// One inventory entry, exactly as in `status.inventory.entries`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// `<namespace>_<name>_<group>_<kind>`.
    pub id: String,
    /// API version.
    pub v: String,
}

/// An object's identity as the inventory sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectRef {
    /// API group, empty for core.
    pub group: String,
    /// API version.
    pub version: String,
    /// Kind.
    pub kind: String,
    /// Namespace, empty for cluster-scoped objects.
    pub namespace: String,
    /// Name.
    pub name: String,
}

impl ObjectRef {
    /// `group/version` or `version`.
    pub fn api_version(&self) -> String {
        sluice_kustomize::resid::join_api_version(&self.group, &self.version)
    }

    /// The inventory entry. Colons in names (RBAC) are written `__`.
    pub fn entry(&self) -> Entry {
        Entry {
            id: format!(
                "{}_{}_{}_{}",
                self.namespace,
                self.name.replace(':', "__"),
                self.group,
                self.kind
            ),
            v: self.version.clone(),
        }
    }

    /// Parses an inventory entry back.
    pub fn from_entry(e: &Entry) -> Option<Self> {
        // The name may itself contain underscores; namespace, group and kind cannot.
        let mut parts = e.id.splitn(2, '_');
        let namespace = parts.next()?.to_string();
        let rest = parts.next()?;
        let (rest, kind) = rest.rsplit_once('_')?;
        let (name, group) = rest.rsplit_once('_')?;
        Some(Self {
            group: group.to_string(),
            version: e.v.clone(),
            kind: kind.to_string(),
            namespace,
            name: name.replace("__", ":"),
        })
    }

    /// Identity ignoring the version (an upgrade from v1beta1 to v1 is the
    /// same object).
    pub fn key(&self) -> (String, String, String, String) {
        (
            self.group.clone(),
            self.kind.clone(),
            self.namespace.clone(),
            self.name.clone(),
        )
    }
}

impl fmt::Display for ObjectRef {
    /// Flux's `Kind/namespace/name` (`Kind/name` when cluster-scoped).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            write!(f, "{}/{}", self.kind, self.name)
        } else {
            write!(f, "{}/{}/{}", self.kind, self.namespace, self.name)
        }
    }
}

/// Objects in `old` that are not in `new` (compared without version).
pub fn stale(old: &[Entry], new: &[Entry]) -> Vec<ObjectRef> {
    let keep: BTreeSet<_> = new
        .iter()
        .filter_map(ObjectRef::from_entry)
        .map(|o| o.key())
        .collect();
    old.iter()
        .filter_map(ObjectRef::from_entry)
        .filter(|o| !keep.contains(&o.key()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_flux() {
        let svc = ObjectRef {
            group: "".into(),
            version: "v1".into(),
            kind: "Service".into(),
            namespace: "default".into(),
            name: "podinfo".into(),
        };
        assert_eq!(
            svc.entry(),
            Entry {
                id: "default_podinfo__Service".into(),
                v: "v1".into()
            }
        );
        let cr = ObjectRef {
            group: "rbac.authorization.k8s.io".into(),
            version: "v1".into(),
            kind: "ClusterRole".into(),
            namespace: "".into(),
            name: "system:aggregate_to_view".into(),
        };
        let e = cr.entry();
        assert_eq!(
            e.id,
            "_system__aggregate_to_view_rbac.authorization.k8s.io_ClusterRole"
        );
        assert_eq!(ObjectRef::from_entry(&e), Some(cr));
        assert_eq!(ObjectRef::from_entry(&svc.entry()), Some(svc));
    }

    #[test]
    fn stale_ignores_version_changes() {
        let a = Entry {
            id: "ns_a_apps_Deployment".into(),
            v: "v1beta1".into(),
        };
        let a2 = Entry {
            id: "ns_a_apps_Deployment".into(),
            v: "v1".into(),
        };
        let b = Entry {
            id: "ns_b__ConfigMap".into(),
            v: "v1".into(),
        };
        let s = stale(&[a, b], &[a2]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "b");
    }
}

//! Apply order as Flux's ssa package: stage 1 (CRDs, Namespaces,
//! ClusterRoles) and stage 2 (`*Class` kinds) are applied and waited for
//! before everything else; within a stage objects go by kind, then
//! namespace and name. Prune goes in reverse.

use super::inventory::ObjectRef;

/// The apply stage of a kind.
pub fn stage(group: &str, kind: &str) -> u8 {
    match (group, kind) {
        ("apiextensions.k8s.io", "CustomResourceDefinition")
        | ("", "Namespace")
        | ("rbac.authorization.k8s.io", "ClusterRole") => 1,
        (_, k) if k.ends_with("Class") => 2,
        _ => 3,
    }
}

const KIND_ORDER: &[&str] = &[
    "CustomResourceDefinition",
    "Namespace",
    "ClusterRole",
    "ClusterClass",
    "RuntimeClass",
    "PriorityClass",
    "StorageClass",
    "VolumeSnapshotClass",
    "IngressClass",
    "GatewayClass",
    "ClusterRoleBinding",
    "ResourceQuota",
    "ServiceAccount",
    "Role",
    "RoleBinding",
    "ConfigMap",
    "Secret",
    "Service",
    "LimitRange",
    "Deployment",
    "StatefulSet",
    "CronJob",
    "PodDisruptionBudget",
];

const KIND_LAST: &[&str] = &[
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

fn kind_rank(kind: &str) -> usize {
    if let Some(i) = KIND_ORDER.iter().position(|k| *k == kind) {
        return i;
    }
    if let Some(i) = KIND_LAST.iter().position(|k| *k == kind) {
        return KIND_ORDER.len() + 1 + i;
    }
    KIND_ORDER.len()
}

/// Sort key: stage, kind rank, kind, namespace, name.
pub fn key(o: &ObjectRef) -> (u8, usize, String, String, String) {
    (
        stage(&o.group, &o.kind),
        kind_rank(&o.kind),
        o.kind.clone(),
        o.namespace.clone(),
        o.name.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(group: &str, kind: &str, name: &str) -> ObjectRef {
        ObjectRef {
            group: group.into(),
            version: "v1".into(),
            kind: kind.into(),
            namespace: String::new(),
            name: name.into(),
        }
    }

    #[test]
    fn stages_and_kinds() {
        let mut v = [
            o("apps", "Deployment", "d"),
            o("", "Namespace", "n"),
            o("networking.k8s.io", "IngressClass", "ic"),
            o(
                "admissionregistration.k8s.io",
                "ValidatingWebhookConfiguration",
                "w",
            ),
            o("example.com", "Widget", "w"),
            o("apiextensions.k8s.io", "CustomResourceDefinition", "c"),
            o("", "ConfigMap", "cm"),
        ];
        v.sort_by_key(key);
        let kinds: Vec<&str> = v.iter().map(|x| x.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "CustomResourceDefinition",
                "Namespace",
                "IngressClass",
                "ConfigMap",
                "Deployment",
                "Widget",
                "ValidatingWebhookConfiguration"
            ]
        );
    }
}

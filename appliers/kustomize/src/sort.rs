//! Output order: kustomize's "legacy" order (namespaces and CRDs first,
//! webhooks last, then by type and namespace/name) or `fifo`.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::resid::ResId;
use super::resource::Resource;
use super::types::SortOptions;
use crate::error::{Error, Result};

/// Kinds placed first, in this order.
pub const ORDER_FIRST: &[&str] = &[
    "Namespace",
    "ResourceQuota",
    "StorageClass",
    "CustomResourceDefinition",
    "ServiceAccount",
    "PodSecurityPolicy",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
    "ConfigMap",
    "Secret",
    "Endpoints",
    "Service",
    "LimitRange",
    "PriorityClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "Deployment",
    "StatefulSet",
    "CronJob",
    "PodDisruptionBudget",
];

/// Kinds placed last, in this order.
pub const ORDER_LAST: &[&str] = &[
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// Sorts as the top-level kustomization's `sortOptions` say (legacy when
/// absent, as `kustomize build` does by default).
pub fn apply(resources: &mut [Resource], options: Option<&SortOptions>, file: &str) -> Result<()> {
    let (first, last): (Vec<String>, Vec<String>) = match options {
        None => (
            ORDER_FIRST.iter().map(|s| s.to_string()).collect(),
            ORDER_LAST.iter().map(|s| s.to_string()).collect(),
        ),
        Some(o) => match o.order.as_str() {
            "fifo" => {
                if o.legacy_sort_options.is_some() {
                    return Err(Error::Kustomization {
                        file: file.into(),
                        message:
                            "sortOptions.legacySortOptions must not be set when order is 'fifo'"
                                .into(),
                    });
                }
                return Ok(());
            }
            "legacy" => match &o.legacy_sort_options {
                Some(l) => (l.order_first.clone(), l.order_last.clone()),
                None => (
                    ORDER_FIRST.iter().map(|s| s.to_string()).collect(),
                    ORDER_LAST.iter().map(|s| s.to_string()).collect(),
                ),
            },
            other => {
                return Err(Error::Kustomization {
                    file: file.into(),
                    message: format!("sortOptions.order must be 'legacy' or 'fifo', not '{other}'"),
                });
            }
        },
    };
    let mut ranks: HashMap<&str, i64> = HashMap::new();
    let nf = first.len() as i64;
    for (i, k) in first.iter().enumerate() {
        ranks.insert(k, i as i64 - nf);
    }
    for (i, k) in last.iter().enumerate() {
        ranks.insert(k, 1 + i as i64);
    }
    // Each resource's sort strings made once, not per comparison.
    let mut keyed: Vec<(Key, usize)> = resources
        .iter()
        .enumerate()
        .map(|(i, r)| (Key::of(r.cur_id(), &ranks), i))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| compare(a, b));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut taken: Vec<Option<Resource>> = resources
        .iter_mut()
        .map(|r| Some(std::mem::replace(r, Resource::from_map(Default::default()))))
        .collect();
    for (slot, i) in order.into_iter().enumerate() {
        if let Some(r) = taken[i].take() {
            resources[slot] = r;
        }
    }
    Ok(())
}

/// What the legacy order compares of a resource.
struct Key {
    id: ResId,
    rank: i64,
    gvk_sort: String,
    id_sort: String,
}

impl Key {
    fn of(id: ResId, ranks: &HashMap<&str, i64>) -> Self {
        Key {
            rank: ranks.get(id.gvk.kind.as_str()).copied().unwrap_or(0),
            gvk_sort: id.gvk.stable_sort_string(),
            id_sort: id_sort_string(&id),
            id,
        }
    }
}

fn compare(a: &Key, b: &Key) -> Ordering {
    if a.id.gvk != b.id.gvk {
        return gvk_order(a, b);
    }
    a.id_sort.cmp(&b.id_sort)
}

fn gvk_order(a: &Key, b: &Key) -> Ordering {
    if a.rank != b.rank {
        return a.rank.cmp(&b.rank);
    }
    let (ga, gb) = (&a.id.gvk, &b.id.gvk);
    if ga.kind == "Namespace"
        && gb.kind == "Namespace"
        && (ga.group.is_empty() || gb.group.is_empty())
    {
        return b.gvk_sort.cmp(&a.gvk_sort);
    }
    a.gvk_sort.cmp(&b.gvk_sort)
}

fn id_sort_string(id: &ResId) -> String {
    let ns = if id.namespace.is_empty() {
        "~X"
    } else {
        &id.namespace
    };
    let name = if id.name.is_empty() { "~N" } else { &id.name };
    format!("{}|{ns}|{name}", id.gvk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn r(api: &str, kind: &str, name: &str, ns: &str) -> Resource {
        let mut md = serde_json::Map::new();
        md.insert("name".into(), json!(name));
        if !ns.is_empty() {
            md.insert("namespace".into(), json!(ns));
        }
        Resource::new(
            json!({"apiVersion": api, "kind": kind, "metadata": md}),
            "t",
        )
        .expect("res")
    }

    #[test]
    fn legacy_order() {
        let mut v = vec![
            r("apps/v1", "Deployment", "b", "x"),
            r(
                "admissionregistration.k8s.io/v1",
                "ValidatingWebhookConfiguration",
                "w",
                "",
            ),
            r("example.com/v1", "Widget", "w", "x"),
            r("v1", "Pod", "p", "x"),
            r("apps/v1", "Deployment", "a", "x"),
            r("v1", "Namespace", "x", ""),
            r("v1", "ConfigMap", "c", "ns10"),
            r("v1", "ConfigMap", "c", "ns1"),
        ];
        apply(&mut v, None, "k").expect("sort");
        let got: Vec<String> = v
            .iter()
            .map(|x| format!("{}/{}/{}", x.kind(), x.namespace(), x.name()))
            .collect();
        assert_eq!(
            got,
            [
                "Namespace//x",
                "ConfigMap/ns10/c",
                "ConfigMap/ns1/c",
                "Deployment/x/a",
                "Deployment/x/b",
                "Widget/x/w",
                "Pod/x/p",
                "ValidatingWebhookConfiguration//w"
            ]
        );
    }
}

//! The dependency graph of Kustomizations (`dependsOn`), checked up front:
//! missing dependencies and cycles become conditions instead of hangs, and
//! independent Kustomizations form levels that can run concurrently.

use std::collections::{BTreeMap, BTreeSet};

/// Why a node cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// It depends on something that does not exist.
    MissingDependency(String),
    /// It is part of (or depends on) a cycle; the cycle path.
    Cycle(Vec<String>),
    /// A dependency of it is blocked.
    BlockedDependency(String),
}

impl Blocked {
    /// The message for the Ready condition.
    pub fn message(&self) -> String {
        match self {
            Blocked::MissingDependency(d) => format!("dependency '{d}' not found"),
            Blocked::Cycle(path) => format!("dependency cycle: {}", path.join(" -> ")),
            Blocked::BlockedDependency(d) => format!("dependency '{d}' is not ready"),
        }
    }
}

/// The analysed graph.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Runnable nodes by level: a node's dependencies are in earlier levels.
    pub levels: Vec<Vec<String>>,
    /// Nodes that cannot run, and why.
    pub blocked: BTreeMap<String, Blocked>,
}

/// Analyses `nodes` (id → dependency ids).
pub fn plan(nodes: &BTreeMap<String, Vec<String>>) -> Plan {
    let mut blocked: BTreeMap<String, Blocked> = BTreeMap::new();
    for (id, deps) in nodes {
        if let Some(missing) = deps.iter().find(|d| !nodes.contains_key(*d)) {
            blocked.insert(id.clone(), Blocked::MissingDependency(missing.clone()));
        }
    }
    // Kahn's algorithm over what is left: a level is every node whose
    // existing dependencies are all in earlier levels.
    let mut levels = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    loop {
        let ready: Vec<&str> = nodes
            .iter()
            .filter(|(id, deps)| {
                !done.contains(id.as_str())
                    && deps
                        .iter()
                        .all(|d| !nodes.contains_key(d) || done.contains(d.as_str()))
            })
            .map(|(id, _)| id.as_str())
            .collect();
        if ready.is_empty() {
            break;
        }
        done.extend(ready.iter().copied());
        levels.push(ready.into_iter().map(String::from).collect::<Vec<_>>());
    }
    // What never became ready is in or behind a cycle.
    for id in nodes.keys() {
        if !done.contains(id.as_str()) && !blocked.contains_key(id) {
            blocked.insert(id.clone(), Blocked::Cycle(find_cycle(nodes, id, &done)));
        }
    }
    // Whatever depends on a blocked node cannot run either.
    loop {
        let mut more = Vec::new();
        for (id, deps) in nodes {
            if blocked.contains_key(id) {
                continue;
            }
            if let Some(d) = deps.iter().find(|d| blocked.contains_key(*d)) {
                more.push((id.clone(), Blocked::BlockedDependency(d.clone())));
            }
        }
        if more.is_empty() {
            break;
        }
        blocked.extend(more);
    }
    let levels = levels
        .into_iter()
        .map(|l| {
            l.into_iter()
                .filter(|id| !blocked.contains_key(id))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect();
    Plan { levels, blocked }
}

/// Follows unresolved dependencies from `start` until a node repeats.
fn find_cycle(
    nodes: &BTreeMap<String, Vec<String>>,
    start: &str,
    done: &BTreeSet<&str>,
) -> Vec<String> {
    let mut path: Vec<String> = vec![start.to_string()];
    let mut cur = start.to_string();
    for _ in 0..=nodes.len() {
        let next = nodes.get(&cur).and_then(|deps| {
            deps.iter()
                .find(|d| nodes.contains_key(*d) && !done.contains(d.as_str()))
        });
        let Some(next) = next else { break };
        if let Some(pos) = path.iter().position(|p| p == next) {
            let mut cycle = path[pos..].to_vec();
            cycle.push(next.clone());
            return cycle;
        }
        path.push(next.clone());
        cur = next.clone();
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn g(edges: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        edges
            .iter()
            .map(|(n, d)| (n.to_string(), d.iter().map(|x| x.to_string()).collect()))
            .collect()
    }

    #[test]
    fn levels_missing_and_cycles() {
        let p = plan(&g(&[
            ("infra", &[]),
            ("apps", &["infra"]),
            ("mon", &["infra"]),
            ("x", &["nope"]),
            ("after-x", &["x"]),
            ("a", &["b"]),
            ("b", &["a"]),
            ("c", &["a"]),
        ]));
        assert_eq!(
            p.levels,
            vec![
                vec!["infra".to_string()],
                vec!["apps".to_string(), "mon".to_string()]
            ]
        );
        assert_eq!(p.blocked["x"], Blocked::MissingDependency("nope".into()));
        assert_eq!(p.blocked["after-x"], Blocked::BlockedDependency("x".into()));
        assert_eq!(
            p.blocked["after-x"].message(),
            "dependency 'x' is not ready"
        );
        assert_eq!(
            p.blocked["a"],
            Blocked::Cycle(vec!["a".into(), "b".into(), "a".into()])
        );
        assert!(matches!(&p.blocked["c"], Blocked::Cycle(path) if path.contains(&"a".to_string())));
        assert_eq!(p.blocked["a"].message(), "dependency cycle: a -> b -> a");
    }

    proptest! {
        #[test]
        fn every_edge_respects_the_order(edges in proptest::collection::vec((0u8..8, 0u8..8), 0..20)) {
            let mut nodes: BTreeMap<String, Vec<String>> = (0..8).map(|i| (i.to_string(), Vec::new())).collect();
            for (a, b) in &edges {
                nodes.entry(a.to_string()).or_default().push(b.to_string());
            }
            let p = plan(&nodes);
            let level_of: BTreeMap<&String, usize> = p.levels.iter().enumerate().flat_map(|(i, l)| l.iter().map(move |n| (n, i))).collect();
            // Every node is either placed or blocked, never both.
            for n in nodes.keys() {
                prop_assert!(level_of.contains_key(n) ^ p.blocked.contains_key(n));
            }
            for (n, deps) in &nodes {
                if let Some(ln) = level_of.get(n) {
                    for d in deps {
                        prop_assert!(level_of.get(d).is_some_and(|ld| ld < ln), "{} before {}", d, n);
                    }
                }
            }
            // No cycle: everything is placed.
            let acyclic = edges.iter().all(|(a, b)| a < b);
            if acyclic { prop_assert!(p.blocked.is_empty()); }
        }
    }
}

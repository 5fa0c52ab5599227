//! Name references: after names changed (prefix, suffix, namespace, hash),
//! every field that names another object of the build is updated to that
//! object's new name (and, for maps like RoleBinding subjects, namespace).

use std::collections::HashMap;

use serde_json::Value;

use super::config::NameBackRefs;
use super::fieldspec::{Create, FieldSpec, split_path};
use super::resid::{Gvk, ResId};
use super::resmap::ResMap;
use super::resource::Resource;
use crate::error::{Error, Result};

/// A referral candidate, snapshotted so referrers can be edited freely.
struct Candidate {
    index: usize,
    cluster_scoped: bool,
    cur: ResId,
    prev: Vec<ResId>,
    org_namespace: String,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

/// kustomize reads the namespaces of a RoleBinding's ServiceAccount
/// subjects for every referrer and refuses one that is not a string.
fn check_role_bindings(m: &ResMap) -> Result<()> {
    for r in m.resources() {
        if r.kind() != "RoleBinding" {
            continue;
        }
        let Some(Value::Array(subjects)) = r.obj.get("subjects") else {
            continue;
        };
        for s in subjects {
            if let Some(ns) = s.get("namespace")
                && s.get("kind").and_then(Value::as_str) == Some("ServiceAccount")
                && !ns.is_string()
            {
                return Err(Error::Build(format!(
                    "Invalid Input: namespace is blank for resource \"{}\"",
                    r.cur_id()
                )));
            }
        }
    }
    Ok(())
}

/// Fixes every back reference in `m`.
pub fn fix(m: &mut ResMap, back_refs: &[NameBackRefs]) -> Result<()> {
    check_role_bindings(m)?;
    let snapshot: Vec<Candidate> = m
        .resources()
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let prev = r.prev_ids();
            let org_namespace = prev
                .first()
                .map(|p| p.namespace.clone())
                .unwrap_or_else(|| r.namespace().to_string());
            let cur = r.cur_id();
            Candidate {
                index,
                cluster_scoped: cur.gvk.is_cluster_scoped(),
                cur,
                prev,
                org_namespace,
                prefixes: r.prefixes.clone(),
                suffixes: r.suffixes.clone(),
            }
        })
        .collect();
    // Only resources whose name or namespace changed can be referrals.
    let changed: Vec<&Candidate> = snapshot.iter().filter(|c| !c.prev.is_empty()).collect();
    if changed.is_empty() {
        return Ok(());
    }
    // Candidates by every name they have had: a reference is looked up by
    // its name first, so a build of N objects stays linear.
    let mut by_name: HashMap<&str, Vec<&Candidate>> = HashMap::new();
    for c in &changed {
        let mut names: Vec<&str> = c.prev.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for n in names {
            by_name.entry(n).or_default().push(c);
        }
    }
    let mut referrals: Vec<(usize, String)> = Vec::new();
    // The referring fields of each type, found once per type (a build has
    // few types and the builtin configuration hundreds of specs).
    type Jobs<'a> = std::rc::Rc<Vec<(&'a FieldSpec, Gvk, Vec<String>)>>;
    let mut jobs_of: HashMap<Gvk, Jobs> = HashMap::new();
    let n = m.len();
    for i in 0..n {
        let org = m.resources()[i].org_id();
        let jobs = jobs_of
            .entry(org.gvk)
            .or_insert_with_key(|gvk| {
                let mut jobs = Vec::new();
                for br in back_refs {
                    for fs in &br.field_specs {
                        if fs.selects_gvk(gvk) {
                            jobs.push((fs, br.gvk(), split_path(&fs.path)));
                        }
                    }
                }
                std::rc::Rc::new(jobs)
            })
            .clone();
        if jobs.is_empty() {
            continue;
        }
        let referrer = &m.resources()[i];
        let scope = Scope::of(referrer);
        let referrer_id = referrer.cur_id();
        let (ref_prefixes, ref_suffixes) = (referrer.prefixes.clone(), referrer.suffixes.clone());
        let role_ref_gvk = role_ref_gvk(referrer);
        let res = &mut m.resources_mut()[i];
        for (fs, target, path) in jobs.iter() {
            let ctx = Ctx {
                referrer: &referrer_id,
                prefixes: &ref_prefixes,
                suffixes: &ref_suffixes,
                target,
                role_ref: if fs.path.ends_with("roleRef/name") {
                    role_ref_gvk.as_ref()
                } else {
                    None
                },
                scope: &scope,
                changed: &changed,
                by_name: &by_name,
                scoped: std::cell::OnceCell::new(),
            };
            let mut found = Vec::new();
            // The spec was chosen by original type: walk it whatever the
            // current type is.
            fs.apply_unchecked(res, path, Create::Never, &mut |v| ctx.set(v, &mut found))
                .map_err(|e| {
                    e.context(format!(
                        "updating name reference in '{}' field of '{referrer_id}'",
                        fs.path
                    ))
                })?;
            referrals.extend(found.into_iter().map(|idx| (idx, referrer_id.to_string())));
        }
    }
    for (idx, by) in referrals {
        m.resources_mut()[idx].ref_by.push(by);
    }
    Ok(())
}

/// kustomize's SubsetThatCouldBeReferencedByResource, as a predicate.
struct Scope {
    referrer: ResId,
    cluster_scoped: bool,
    binding_namespaces: Vec<String>,
}

impl Scope {
    fn of(referrer: &Resource) -> Self {
        let rid = referrer.cur_id();
        let mut binding_namespaces: Vec<String> = Vec::new();
        if referrer.kind() == "RoleBinding"
            && let Some(Value::Array(subjects)) = referrer.obj.get("subjects")
        {
            for s in subjects {
                if s.get("kind").and_then(Value::as_str) == Some("ServiceAccount")
                    && let Some(ns) = s.get("namespace").and_then(Value::as_str)
                {
                    binding_namespaces.push(ns.to_string());
                }
            }
        }
        Self {
            cluster_scoped: rid.gvk.is_cluster_scoped(),
            referrer: rid,
            binding_namespaces,
        }
    }

    fn admits(&self, c: &Candidate) -> bool {
        self.cluster_scoped
            || c.cluster_scoped
            || c.cur.ns_equals(&self.referrer)
            || self.binding_namespaces.contains(&c.cur.namespace)
    }
}

fn role_ref_gvk(r: &Resource) -> Option<Gvk> {
    let rr = r.obj.get("roleRef")?;
    let group = rr.get("apiGroup")?.as_str()?.to_string();
    let kind = rr.get("kind")?.as_str()?.to_string();
    Some(Gvk {
        group,
        version: String::new(),
        kind,
    })
}

struct Ctx<'a> {
    referrer: &'a ResId,
    prefixes: &'a [String],
    suffixes: &'a [String],
    target: &'a Gvk,
    role_ref: Option<&'a Gvk>,
    scope: &'a Scope,
    changed: &'a [&'a Candidate],
    by_name: &'a HashMap<&'a str, Vec<&'a Candidate>>,
    /// Every candidate the referrer could see, computed on first need.
    scoped: std::cell::OnceCell<Vec<&'a Candidate>>,
}

impl Ctx<'_> {
    fn set(&self, v: &mut Value, found: &mut Vec<usize>) -> Result<()> {
        match v {
            Value::Null => Ok(()),
            Value::String(_) => self.set_scalar(v, found),
            Value::Object(_) => self.set_mapping(v, found),
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::Object(_) => self.set_mapping(item, found)?,
                        Value::Null => {}
                        _ => self.set_scalar(item, found)?,
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The candidates named `name` the referrer could see.
    fn named(&self, name: &str) -> Vec<&Candidate> {
        self.by_name
            .get(name)
            .map(|v| v.iter().copied().filter(|c| self.scope.admits(c)).collect())
            .unwrap_or_default()
    }

    fn scoped(&self) -> &[&Candidate] {
        self.scoped.get_or_init(|| {
            self.changed
                .iter()
                .copied()
                .filter(|c| self.scope.admits(c))
                .collect()
        })
    }

    fn set_scalar(&self, v: &mut Value, found: &mut Vec<usize>) -> Result<()> {
        let Value::String(old) = v else { return Ok(()) };
        let pool: Vec<&Candidate> = self.named(old);
        if let Some(c) = self.select(old, pool, false)? {
            found.push(c.index);
            if c.cur.name != *old {
                *v = Value::String(c.cur.name.clone());
            }
        }
        Ok(())
    }

    fn set_mapping(&self, v: &mut Value, found: &mut Vec<usize>) -> Result<()> {
        let Value::Object(map) = v else { return Ok(()) };
        let Some(old) = map.get("name").and_then(Value::as_str).map(str::to_string) else {
            if map.contains_key("name") {
                return Ok(());
            }
            return Err(Error::Build(
                "path config error; no 'name' field in node".into(),
            ));
        };
        let pool: Vec<&Candidate> = match map.get("namespace").and_then(Value::as_str) {
            None => self.named(&old),
            Some(ns) => {
                let by_org: Vec<&Candidate> = self
                    .scoped()
                    .iter()
                    .copied()
                    .filter(|c| c.org_namespace == ns)
                    .collect();
                if !by_org.is_empty() {
                    by_org
                } else {
                    self.scoped()
                        .iter()
                        .copied()
                        .filter(|c| c.cur.namespace == ns)
                        .collect()
                }
            }
        };
        if let Some(c) = self.select(&old, pool, true)? {
            found.push(c.index);
            if c.cur.name == old && c.cur.namespace.is_empty() {
                return Ok(());
            }
            map.insert("name".into(), Value::String(c.cur.name.clone()));
            if !c.cur.namespace.is_empty() {
                map.insert("namespace".into(), Value::String(c.cur.namespace.clone()));
            }
        }
        Ok(())
    }

    fn select<'c>(
        &self,
        old: &str,
        pool: Vec<&'c Candidate>,
        with_ns: bool,
    ) -> Result<Option<&'c Candidate>> {
        let selected_by = |c: &Candidate, g: &Gvk| c.prev.iter().any(|p| p.gvk.is_selected_by(g));
        let mut c: Vec<&Candidate> = pool
            .into_iter()
            .filter(|c| c.prev.iter().any(|p| p.name == old))
            .filter(|c| selected_by(c, self.target))
            .filter(|c| self.role_ref.is_none_or(|g| selected_by(c, g)))
            .filter(|c| {
                self.referrer.gvk.is_cluster_scoped()
                    || c.cur.gvk.is_cluster_scoped()
                    || c.cur.gvk.kind == "ServiceAccount"
                    || self.referrer.ns_equals(&c.cur)
            })
            .collect();
        if c.len() == 1 {
            return Ok(c.pop());
        }
        c.retain(|x| {
            affixes_equal(self.prefixes, &x.prefixes, true)
                && affixes_equal(self.suffixes, &x.suffixes, true)
        });
        if c.len() > 1 {
            c.retain(|x| {
                affixes_equal(self.prefixes, &x.prefixes, false)
                    && affixes_equal(self.suffixes, &x.suffixes, false)
            });
        }
        match c.len() {
            0 => Ok(None),
            1 => Ok(c.pop()),
            _ => {
                let first = &c[0].cur;
                let same = c.iter().all(|x| {
                    x.cur.name == first.name && (!with_ns || x.cur.namespace == first.namespace)
                });
                if same {
                    Ok(Some(c[0]))
                } else {
                    let ids: Vec<String> = c.iter().map(|x| x.cur.to_string()).collect();
                    Err(Error::Build(format!(
                        "found multiple possible referrals: {}",
                        ids.join(", ")
                    )))
                }
            }
        }
    }
}

/// kustomize's PrefixesSuffixesEquals for one list.
fn affixes_equal(a: &[String], b: &[String], allow_empty: bool) -> bool {
    if allow_empty && (a.is_empty() || b.is_empty()) {
        return true;
    }
    same_ending(a, b)
}

fn same_ending(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return long.is_empty();
    }
    let diff = long.len() - short.len();
    short.iter().enumerate().all(|(i, s)| long[i + diff] == *s)
}

//! The ordered set of resources a build accumulates. Ids are unique by
//! kustomize's rules (GVK, name, effective namespace).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::resid::ResId;
use super::resource::{Behavior, Resource};
use crate::error::{Error, Result};

/// Resources in accumulation order.
#[derive(Clone, Debug, Default)]
pub struct ResMap {
    items: Vec<Resource>,
    /// Positions by every name a resource has had, built on first use and
    /// kept up to date by [`ResMap::with_resource_mut`]; dropped by anything
    /// else that can change names or positions.
    names: std::cell::RefCell<Option<HashMap<String, Vec<usize>>>>,
    /// The current ids, built on the first append and kept up to date by
    /// appends, so accumulating N resources from N directories is O(N);
    /// dropped by anything that can change an id.
    ids: Option<HashSet<IdKey>>,
}

type IdKey = (String, String, String);

impl ResMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The resources, in order.
    pub fn resources(&self) -> &[Resource] {
        &self.items
    }

    /// The resources, mutably (drops the name index).
    pub fn resources_mut(&mut self) -> &mut Vec<Resource> {
        self.invalidate();
        &mut self.items
    }

    /// Drops the indexes after a change they cannot follow.
    fn invalidate(&mut self) {
        self.names.get_mut().take();
        self.ids = None;
    }

    /// Changes one resource, keeping the name index current.
    pub fn with_resource_mut<T>(&mut self, i: usize, f: impl FnOnce(&mut Resource) -> T) -> T {
        self.ids = None;
        if self.names.get_mut().is_none() {
            return f(&mut self.items[i]);
        }
        let before = self.items[i].all_names();
        let out = f(&mut self.items[i]);
        let after = self.items[i].all_names();
        if before != after
            && let Some(index) = self.names.get_mut()
        {
            for n in &before {
                if let Some(v) = index.get_mut(n) {
                    v.retain(|&x| x != i);
                }
            }
            for n in after {
                let v = index.entry(n).or_default();
                if !v.contains(&i) {
                    v.push(i);
                    v.sort_unstable();
                }
            }
        }
        out
    }

    /// Positions of the resources that are, or ever were, called `name`.
    pub fn indices_named(&self, name: &str) -> Vec<usize> {
        let mut cache = self.names.borrow_mut();
        let index = cache.get_or_insert_with(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, r) in self.items.iter().enumerate() {
                for n in r.all_names() {
                    index.entry(n).or_default().push(i);
                }
            }
            index
        });
        index.get(name).cloned().unwrap_or_default()
    }

    /// Consumes the map.
    pub fn into_resources(self) -> Vec<Resource> {
        self.items
    }

    /// Number of resources.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Appends, refusing an id that is already present.
    pub fn append(&mut self, r: Resource) -> Result<()> {
        let items = &self.items;
        let seen = self
            .ids
            .get_or_insert_with(|| items.iter().map(|x| id_key(&x.cur_id())).collect());
        let id = r.cur_id();
        if !seen.insert(id_key(&id)) {
            return Err(Error::Build(format!(
                "may not add resource with an already registered id: {id}"
            )));
        }
        self.names.get_mut().take();
        self.items.push(r);
        Ok(())
    }

    /// Appends every resource of `other` (see [`ResMap::append`]).
    pub fn append_all(&mut self, other: ResMap) -> Result<()> {
        for r in other.items {
            self.append(r)?;
        }
        Ok(())
    }

    /// Absorbs generated resources, honouring each one's `behavior`.
    pub fn absorb_all(&mut self, other: Vec<Resource>) -> Result<()> {
        for r in other {
            self.append_replace_or_merge(r)?;
        }
        Ok(())
    }

    fn append_replace_or_merge(&mut self, mut res: Resource) -> Result<()> {
        let id = res.cur_id();
        let matches: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].any_id(|x| x.equals(&id)))
            .collect();
        match matches.as_slice() {
            [] => match res.behavior {
                Behavior::Merge | Behavior::Replace => Err(Error::Build(format!(
                    "id {id} does not exist; cannot merge or replace"
                ))),
                _ => {
                    self.invalidate();
                    self.items.push(res);
                    Ok(())
                }
            },
            [i] => {
                let old = &self.items[*i];
                match res.behavior {
                    Behavior::Replace => copy_merge_metadata(&mut res, old),
                    Behavior::Merge => {
                        let old_data = normalized_secret(old, &res);
                        copy_merge_metadata(&mut res, old);
                        if old.origin.is_some() {
                            res.origin = old.origin.clone();
                        }
                        merge_data(&mut res, &old_data, "data");
                        merge_data(&mut res, old, "binaryData");
                    }
                    b => {
                        return Err(Error::Build(format!(
                            "id {id} exists; behavior must be merge or replace, not '{}'",
                            b.as_str()
                        )));
                    }
                }
                self.invalidate();
                self.items[*i] = res;
                Ok(())
            }
            _ => Err(Error::Build(format!(
                "found multiple objects that could accept merge of {id}"
            ))),
        }
    }

    /// Removes resources left empty by a transformer (`$patch: delete`).
    pub fn drop_empties(&mut self) {
        if self.items.iter().any(Resource::is_empty) {
            self.invalidate();
            self.items.retain(|r| !r.is_empty());
        }
    }

    /// Indexes of resources any of whose ids satisfies `f`.
    pub fn matching_any_id(&self, f: impl Fn(&ResId) -> bool) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.items[i].any_id(&f))
            .collect()
    }

    /// Fails if two resources now share an id.
    pub fn check_unique(&self, context: &str) -> Result<()> {
        let mut seen = HashSet::with_capacity(self.items.len());
        for r in &self.items {
            let id = r.cur_id();
            if !seen.insert(id_key(&id)) {
                return Err(Error::Build(format!(
                    "{context} produces ID conflict: {id}"
                )));
            }
        }
        Ok(())
    }
}

fn id_key(id: &ResId) -> IdKey {
    (
        format!("{}|{}|{}", id.gvk.group, id.gvk.version, id.gvk.kind),
        id.name.clone(),
        id.effective_namespace().to_string(),
    )
}

/// kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations merged
/// (new wins), name and namespace from the old object, and a hash suffix
/// only when both wanted one.
fn copy_merge_metadata(res: &mut Resource, old: &Resource) {
    let mut labels = old.string_map("labels");
    for (k, v) in res.string_map("labels") {
        labels.insert(k, v);
    }
    res.set_string_map("labels", labels);
    let mut annotations = old.string_map("annotations");
    for (k, v) in res.string_map("annotations") {
        annotations.insert(k, v);
    }
    res.set_string_map("annotations", annotations);
    let (name, ns) = (old.name().to_string(), old.namespace().to_string());
    res.set_name(&name);
    res.set_namespace(&ns);
    res.needs_hash = res.needs_hash && old.needs_hash;
    res.behavior = old.behavior;
    res.prev = old.prev.clone();
    res.prefixes = old.prefixes.clone();
    res.suffixes = old.suffixes.clone();
    res.ref_vars = old.ref_vars.clone();
}

/// The old object's data, with a v1 Secret's `stringData` folded into
/// `data` (base64) as the API server would, when merging into a Secret.
fn normalized_secret(old: &Resource, res: &Resource) -> Resource {
    let mut o = old.clone();
    if res.api_version() == "v1"
        && res.kind() == "Secret"
        && let Some(Value::Object(sd)) = o.obj.remove("stringData")
    {
        let mut data = o
            .obj
            .get("data")
            .and_then(|d| d.as_object())
            .cloned()
            .unwrap_or_default();
        for (k, v) in sd {
            let s = match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            data.insert(
                k,
                Value::String(super::generator::encode_base64(s.as_bytes())),
            );
        }
        o.obj.insert("data".into(), Value::Object(data));
    }
    o
}

fn merge_data(res: &mut Resource, old: &Resource, field: &str) {
    let old_map = old.obj.get(field).and_then(|d| d.as_object()).cloned();
    let new_map = res.obj.get(field).and_then(|d| d.as_object()).cloned();
    if old_map.is_none() && new_map.is_none() {
        return;
    }
    let mut merged = old_map.unwrap_or_default();
    for (k, v) in new_map.unwrap_or_default() {
        merged.insert(k, v);
    }
    let mut sorted: Vec<_> = merged.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    if sorted.is_empty() {
        res.obj.remove(field);
    } else {
        res.obj
            .insert(field.into(), Value::Object(sorted.into_iter().collect()));
    }
}

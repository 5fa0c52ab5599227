//! `patchesStrategicMerge`, `patches` and `patchesJson6902`: loading patch
//! text, deciding strategic merge vs JSON 6902, choosing targets, applying.

pub mod json6902;
pub mod selector;
pub mod strategic;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::resid::ResId;
use crate::resmap::ResMap;
use crate::resource::{Resource, load_resources};
use crate::types::Patch;

/// `patchesStrategicMerge`: each entry is inline YAML or a file; every
/// document patches the one resource with its id.
pub fn apply_strategic_merge_files(m: &mut ResMap, entries: &[String], ldr: &Loader) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut patches = Vec::new();
    for e in entries {
        // kustomize first tries the string as inline YAML, then as a path.
        let inline = load_resources(e, "patchesStrategicMerge (inline)")
            .ok()
            .filter(|p| !p.is_empty());
        match inline {
            Some(p) => patches.extend(p),
            None => {
                let text = ldr.read_text(e, "patchesStrategicMerge")?;
                patches.extend(load_resources(&text, e)?);
            }
        }
    }
    if patches.is_empty() {
        return Err(Error::Build(format!(
            "patch appears to be empty; files={entries:?}"
        )));
    }
    for p in &patches {
        let i = unique_target(m, &p.cur_id())?;
        m.with_resource_mut(i, |r| apply_smp(r, p, false, false))?;
    }
    m.drop_empties();
    Ok(())
}

/// One `patches:` entry: strategic merge if the text loads as objects,
/// JSON 6902 otherwise.
pub fn apply_patch_entry(m: &mut ResMap, p: &Patch, ldr: &Loader) -> Result<()> {
    let (text, source) = patch_text(p, ldr)?;
    let allow_name = p.options.get("allowNameChange").copied().unwrap_or(false);
    let allow_kind = p.options.get("allowKindChange").copied().unwrap_or(false);
    for k in p.options.keys() {
        if k != "allowNameChange" && k != "allowKindChange" {
            return Err(Error::Build(format!(
                "{source}: unknown patch option '{k}'"
            )));
        }
    }
    match load_resources(&text, &source) {
        Ok(smps) => {
            if smps.is_empty() {
                return Ok(());
            }
            match &p.target {
                Some(t) => {
                    if smps.len() > 1 {
                        return Err(Error::Build(format!(
                            "{source}: multiple strategic merge patches in one 'patches' entry cannot have a target"
                        )));
                    }
                    let sel = selector::Compiled::new(t)?;
                    let patch = &smps[0];
                    let chosen: Vec<usize> = sel
                        .candidates(m)
                        .into_iter()
                        .filter(|&i| sel.matches(&m.resources()[i]))
                        .collect();
                    let ids_before: Vec<_> =
                        chosen.iter().map(|&i| m.resources()[i].cur_id()).collect();
                    for &i in &chosen {
                        m.with_resource_mut(i, |r| {
                            // The patch takes the target's type, then its own kind again.
                            let mut pc = patch.clone();
                            pc.obj.insert(
                                "apiVersion".into(),
                                Value::String(r.api_version().to_string()),
                            );
                            apply_smp(r, &pc, allow_name, allow_kind)
                        })?;
                    }
                    // Only a patched object can have taken another's id.
                    let ids_changed = chosen
                        .iter()
                        .zip(&ids_before)
                        .any(|(&i, id)| m.resources()[i].cur_id() != *id);
                    m.drop_empties();
                    if ids_changed {
                        m.check_unique("patch")?;
                    }
                }
                None => {
                    for patch in &smps {
                        let i = unique_target(m, &patch.cur_id()).map_err(|e| {
                            e.context(format!(
                                "no resource matches strategic merge patch \"{}\"",
                                patch.cur_id()
                            ))
                        })?;
                        m.with_resource_mut(i, |r| apply_smp(r, patch, allow_name, allow_kind))?;
                    }
                }
            }
            Ok(())
        }
        Err(smp_err) => {
            let ops = json6902::parse(&text, &source).map_err(|_| {
                Error::Build(format!(
                    "unable to parse SM or JSON patch from {source}: {smp_err}"
                ))
            })?;
            let Some(t) = &p.target else {
                return Err(Error::Build(format!(
                    "must specify a target for JSON patch {source}"
                )));
            };
            apply_json(m, t, &ops, true)
        }
    }
}

/// One `patchesJson6902:` entry.
pub fn apply_json6902_entry(m: &mut ResMap, p: &Patch, ldr: &Loader) -> Result<()> {
    let Some(t) = &p.target else {
        return Err(Error::Build(
            "patchesJson6902 entries must have a target".into(),
        ));
    };
    if t.name.is_empty() {
        return Err(Error::Build("must specify the target name".into()));
    }
    let (text, source) = patch_text(p, ldr)?;
    let ops = json6902::parse(&text, &source)?;
    if ops.is_empty() {
        return Err(Error::Build(format!("patch appears to be empty; {source}")));
    }
    apply_json(m, t, &ops, false)
}

fn apply_json(
    m: &mut ResMap,
    t: &crate::types::Selector,
    ops: &[json_patch::PatchOperation],
    store_prev: bool,
) -> Result<()> {
    let sel = selector::Compiled::new(t)?;
    for i in sel.candidates(m) {
        if !sel.matches(&m.resources()[i]) {
            continue;
        }
        m.with_resource_mut(i, |r| -> Result<()> {
            if store_prev {
                r.store_previous_id();
            }
            let id = r.cur_id();
            // During a kustomize build every resource carries internal
            // annotations, so `add /metadata/annotations/x` always finds its
            // parent; an empty map stands in for them and is dropped after.
            let added_annotations = match r.obj.get_mut("metadata") {
                Some(Value::Object(md)) if !md.contains_key("annotations") => {
                    md.insert("annotations".into(), Value::Object(Default::default()));
                    true
                }
                _ => false,
            };
            let mut doc = Value::Object(std::mem::take(&mut r.obj));
            let result = json6902::apply(&mut doc, ops);
            if added_annotations
                && let Some(Value::Object(md)) = doc.get_mut("metadata")
                && md
                    .get("annotations")
                    .is_some_and(|a| a.as_object().is_some_and(|m| m.is_empty()))
            {
                md.remove("annotations");
            }
            match doc {
                Value::Object(o) => r.obj = o,
                _ => {
                    return Err(Error::Build(format!(
                        "JSON patch turned {id} into something other than an object"
                    )));
                }
            }
            result.map_err(|e| e.context(format!("applying JSON patch to {id}")))
        })?;
    }
    Ok(())
}

fn patch_text(p: &Patch, ldr: &Loader) -> Result<(String, String)> {
    let inline = p.patch.trim();
    match (inline.is_empty(), p.path.is_empty()) {
        (true, true) => Err(Error::Build("must specify one of patch and path".into())),
        (false, false) => Err(Error::Build(
            "patch and path can't be set at the same time".into(),
        )),
        (false, true) => Ok((inline.to_string(), format!("[patch: {inline:?}]"))),
        (true, false) => {
            let text = ldr.read_text(&p.path, "patches")?;
            Ok((text, format!("[path: {:?}]", p.path)))
        }
    }
}

/// The one resource any of whose ids equals `id`.
fn unique_target(m: &ResMap, id: &ResId) -> Result<usize> {
    let matches: Vec<usize> = m
        .indices_named(&id.name)
        .into_iter()
        .filter(|&i| {
            let r = &m.resources()[i];
            !r.is_empty() && r.any_id(|x| x.equals(id))
        })
        .collect();
    match matches.as_slice() {
        [i] => Ok(*i),
        [] => Err(Error::Build(format!(
            "no matches for Id {id}; failed to find unique target for patch {id}"
        ))),
        _ => Err(Error::Build(format!(
            "multiple matches for Id {id}; failed to find unique target for patch {id}"
        ))),
    }
}

/// Merges `patch` into `r`, keeping its kind, name and namespace unless the
/// options allow changing them.
fn apply_smp(r: &mut Resource, patch: &Resource, allow_name: bool, allow_kind: bool) -> Result<()> {
    let (name, ns, kind) = (
        r.name().to_string(),
        r.namespace().to_string(),
        r.kind().to_string(),
    );
    if allow_name || allow_kind {
        r.store_previous_id();
    }
    let id = r.cur_id();
    // Done before merging, while list items keep the indices the empty
    // fields were recorded at; the merge would clear them the same way.
    if !r.empty_nulls.is_empty() {
        strategic::drop_empty_nulls(&mut r.obj, &r.empty_nulls);
        r.empty_nulls.clear();
    }
    match strategic::merge_object(&r.obj, &patch.obj)
        .map_err(|e| e.context(format!("applying strategic merge patch to {id}")))?
    {
        None => {
            r.obj.clear();
        }
        Some(obj) => {
            r.obj = obj;
            if !allow_kind {
                r.obj.insert("kind".into(), Value::String(kind));
            }
            if !allow_name {
                r.set_name(&name);
            }
            r.set_namespace(&ns);
        }
    }
    Ok(())
}

//! `images:`: rewrites container images by name. Like kustomize, it first
//! visits every `containers`/`initContainers` list anywhere in an object
//! (CRDs excepted), then the configured image fields.

use regex::Regex;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::fieldspec::{Create, FieldSpec};
use crate::resmap::ResMap;
use crate::types::Image;

/// Applies one `images:` entry.
pub fn apply(m: &mut ResMap, img: &Image, specs: &[FieldSpec]) -> Result<()> {
    apply_all(m, std::slice::from_ref(img), specs)
}

/// Applies `images:` entries in order, as kustomize's one transformer pass
/// per entry, but an object is walked for an entry only when one of its
/// image values matches that entry (its values are collected once, and
/// again after an entry changed them): most entries match few objects.
pub fn apply_all(m: &mut ResMap, imgs: &[Image], specs: &[FieldSpec]) -> Result<()> {
    // The name is a regular expression in kustomize; an invalid one matches nothing.
    let entries: Vec<(Regex, &Image)> = imgs
        .iter()
        .filter_map(|img| {
            Regex::new(&format!(
                "^{}(:[a-zA-Z0-9_.{{}}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{{}}-]*)?$",
                img.name
            ))
            .ok()
            .map(|re| (re, img))
        })
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    let split: Vec<Vec<String>> = specs
        .iter()
        .map(|fs| crate::fieldspec::split_path(&fs.path))
        .collect();
    for r in m.resources_mut() {
        if r.kind() == "CustomResourceDefinition" {
            continue;
        }
        let mut values: Option<Vec<String>> = None;
        for (pattern, img) in &entries {
            if values.is_none() {
                let mut seen = Vec::new();
                walk_images(r, specs, &split, &mut |v: &mut Value| {
                    if let Value::String(s) = v {
                        seen.push(s.clone());
                    }
                })?;
                values = Some(seen);
            }
            if !values.iter().flatten().any(|v| pattern.is_match(v)) {
                continue;
            }
            walk_images(r, specs, &split, &mut |v: &mut Value| {
                if let Value::String(s) = v
                    && pattern.is_match(s)
                {
                    *s = rewrite(s, img);
                }
            })?;
            values = None;
        }
    }
    Ok(())
}

/// Every image value of `r`: in any `containers`/`initContainers` list,
/// then at the configured fields.
fn walk_images(
    r: &mut crate::resource::Resource,
    specs: &[FieldSpec],
    split: &[Vec<String>],
    update: &mut dyn FnMut(&mut Value),
) -> Result<()> {
    visit_containers(&mut r.obj, update);
    for (fs, path) in specs.iter().zip(split) {
        fs.apply_split(r, path, Create::Never, &mut |v| {
            update(v);
            Ok(())
        })?;
    }
    Ok(())
}

fn visit_containers(map: &mut Map<String, Value>, update: &mut dyn FnMut(&mut Value)) {
    for (k, v) in map.iter_mut() {
        visit_value(v, update);
        if (k == "containers" || k == "initContainers")
            && let Value::Array(items) = v
        {
            for item in items {
                if let Some(image) = item.get_mut("image") {
                    update(image);
                }
            }
        }
    }
}

fn visit_value(v: &mut Value, update: &mut dyn FnMut(&mut Value)) {
    match v {
        Value::Object(m) => visit_containers(m, update),
        Value::Array(items) => items.iter_mut().for_each(|i| visit_value(i, update)),
        _ => {}
    }
}

/// Applies newName/newTag/digest/tagSuffix to an image reference.
fn rewrite(value: &str, img: &Image) -> String {
    let (mut name, mut tag, mut digest) = split(value);
    if !img.new_name.is_empty() {
        name = img.new_name.clone();
    }
    match (img.new_tag.is_empty(), img.digest.is_empty()) {
        (false, false) => {
            tag = img.new_tag.clone();
            digest = img.digest.clone();
        }
        (false, true) => {
            tag = img.new_tag.clone();
            digest.clear();
        }
        (true, false) => {
            tag.clear();
            digest = img.digest.clone();
        }
        (true, true) if !img.tag_suffix.is_empty() => {
            tag.push_str(&img.tag_suffix);
            digest.clear();
        }
        _ => {}
    }
    let mut out = name;
    if !tag.is_empty() {
        out.push(':');
        out.push_str(&tag);
    }
    if !digest.is_empty() {
        out.push('@');
        out.push_str(&digest);
    }
    out
}

/// Splits `registry:port/name:tag@digest`, ignoring a `:` in the registry.
pub fn split(image: &str) -> (String, String, String) {
    let offset = match image.find('/') {
        Some(i) if i > 0 => i,
        _ => 0,
    };
    let search = &image[offset..];
    let at = search.find('@').map(|i| i + offset);
    let colon = search.find(':').map(|i| i + offset);
    match (colon, at) {
        (None, None) => (image.to_string(), String::new(), String::new()),
        (c, Some(a)) if c.is_none_or(|c| a < c) => (
            image[..a].to_string(),
            String::new(),
            image[a + 1..].to_string(),
        ),
        (Some(c), Some(a)) => (
            image[..c].to_string(),
            image[c + 1..a].to_string(),
            image[a + 1..].to_string(),
        ),
        (Some(c), None) => (
            image[..c].to_string(),
            image[c + 1..].to_string(),
            String::new(),
        ),
        (None, Some(_)) => (image.to_string(), String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_references() {
        assert_eq!(split("nginx"), ("nginx".into(), "".into(), "".into()));
        assert_eq!(
            split("nginx:1.2"),
            ("nginx".into(), "1.2".into(), "".into())
        );
        assert_eq!(
            split("reg:5000/app:v1@sha256:abc"),
            ("reg:5000/app".into(), "v1".into(), "sha256:abc".into())
        );
        assert_eq!(
            split("app@sha256:abc"),
            ("app".into(), "".into(), "sha256:abc".into())
        );
    }

    #[test]
    fn rewrites() {
        let img = Image {
            name: "nginx".into(),
            new_name: "my/nginx".into(),
            new_tag: "1.25".into(),
            ..Default::default()
        };
        assert_eq!(rewrite("nginx:1.0@sha256:x", &img), "my/nginx:1.25");
        let img = Image {
            name: "nginx".into(),
            digest: "sha256:d".into(),
            ..Default::default()
        };
        assert_eq!(rewrite("nginx:1.0", &img), "nginx@sha256:d");
    }
}

//! `kustomize build` in Rust: per kustomization, resources → generators →
//! components → transformers → vars, recursively; then, once at the top,
//! hash suffixes, name-reference fixes, var substitution and sorting.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::config::TransformerConfig;
use super::fieldspec::FieldSpec;
use super::generator;
use super::loader::{LoadRestrictions, Loader, is_remote};
use super::nameref;
use super::patch;
use super::replacement;
use super::resmap::ResMap;
use super::resource::{ConfiguredBy, Origin, Resource, load_resources, value_text};
use super::sort;
use super::transform::{images, labels, names, namespace, replicas};
use super::types::{FILE_NAMES, Kustomization, Var};
use super::vars;
use crate::error::{Error, Result, ResultExt};
use crate::manifest;

/// How to build.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Nothing outside this directory is read. Defaults to the built
    /// directory itself.
    pub root: Option<PathBuf>,
    /// kustomize's load restrictor.
    pub load_restrictions: LoadRestrictions,
    /// Fields a Flux Kustomization merges into the top-level kustomization.
    pub overrides: Option<Overrides>,
    /// Records everything the build reads (see [`super::trace`]).
    pub trace: Option<super::trace::Trace>,
}

/// What a Flux Kustomization's spec adds to the kustomization it builds
/// (Flux writes these into the kustomization file before building).
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `spec.targetNamespace` → `namespace`.
    pub namespace: Option<String>,
    /// `spec.namePrefix`.
    pub name_prefix: Option<String>,
    /// `spec.nameSuffix`.
    pub name_suffix: Option<String>,
    /// `spec.patches`, appended.
    pub patches: Vec<super::types::Patch>,
    /// `spec.images`, merged by name.
    pub images: Vec<super::types::Image>,
    /// `spec.components`, appended.
    pub components: Vec<String>,
    /// `spec.buildMetadata`, added to the kustomization's own.
    pub build_metadata: Vec<String>,
}

impl Overrides {
    fn apply_to(&self, k: &mut Kustomization) {
        if let Some(ns) = &self.namespace {
            k.namespace = ns.clone();
        }
        if let Some(p) = &self.name_prefix {
            k.name_prefix = p.clone();
        }
        if let Some(s) = &self.name_suffix {
            k.name_suffix = s.clone();
        }
        k.patches.extend(self.patches.iter().cloned());
        for img in &self.images {
            match k.images.iter_mut().find(|i| i.name == img.name) {
                Some(existing) => {
                    if !img.new_name.is_empty() {
                        existing.new_name = img.new_name.clone();
                    }
                    if !img.new_tag.is_empty() || !img.digest.is_empty() {
                        existing.new_tag = img.new_tag.clone();
                        existing.digest = img.digest.clone();
                    }
                }
                None => k.images.push(img.clone()),
            }
        }
        k.components.extend(self.components.iter().cloned());
        for m in &self.build_metadata {
            if !k.build_metadata.contains(m) {
                k.build_metadata.push(m.clone());
            }
        }
    }
}

/// The resources of one kustomization level, its configuration and vars.
#[derive(Default)]
struct Accumulator {
    res: ResMap,
    cfg: TransformerConfig,
    vars: Vec<Var>,
}

impl Accumulator {
    fn merge(&mut self, other: Accumulator) -> Result<()> {
        self.res.append_all(other.res)?;
        self.cfg.merge_into(&other.cfg)?;
        for v in other.vars {
            self.add_var(v)?;
        }
        Ok(())
    }

    fn add_var(&mut self, v: Var) -> Result<()> {
        if self.vars.iter().any(|x| x.name == v.name) {
            return Err(Error::Build(format!(
                "var '{}' already encountered",
                v.name
            )));
        }
        self.vars.push(v);
        Ok(())
    }
}

/// Builds the kustomization in `dir` and returns the resulting objects.
pub fn build(dir: &Path, opts: &BuildOptions) -> Result<Vec<Value>> {
    let root = opts.root.clone().unwrap_or_else(|| dir.to_path_buf());
    let mut ldr = Loader::new(dir, &root, opts.load_restrictions)?.with_trace(opts.trace.clone());
    let mut b = Builder {
        stack: Vec::new(),
        origin_dir: String::new(),
        tracking: false,
        schema_set: false,
    };
    // The schema strategic merge uses is per build (kustomize keeps it in a
    // global); restore whatever this thread had when the build ends.
    let _schema = super::openapi::use_schema(None);
    let mut k = match find_kustomization_file(&ldr, ldr.dir())? {
        Some(name) => {
            ldr.set_file_name(&name);
            let text = ldr.read_text(&name, "kustomization")?;
            Kustomization::parse(&text, &ldr.file_label())?
        }
        // Flux builds a directory without a kustomization from its YAML files.
        None => generated_kustomization(&ldr, ldr.dir())?,
    };
    if let Some(o) = &opts.overrides {
        o.apply_to(&mut k);
    }
    // Only the top level's buildMetadata counts (kustomize hands it down).
    b.tracking = !k.build_metadata.is_empty();
    b.set_openapi(&ldr, &k, true)?;
    b.stack.push(ldr.dir().to_path_buf());
    let mut acc = Accumulator::default();
    b.accumulate(&ldr, &k, &mut acc)?;

    // Done once, at the top, in kustomize's order.
    for r in acc.res.resources_mut() {
        if r.needs_hash {
            let h = generator::content_hash(r)?;
            r.store_previous_id();
            let name = format!("{}-{h}", r.name());
            r.set_name(&name);
        }
    }
    nameref::fix(&mut acc.res, &acc.cfg.name_reference)?;
    vars::resolve(&mut acc.res, &acc.vars, &acc.cfg.var_reference)?;
    acc.res.resources_mut().retain(|r| {
        let anns = r.string_map("annotations");
        anns.get("config.kubernetes.io/local-config")
            .is_none_or(|v| v.as_str() == Some("false"))
    });
    let mut resources = acc.res.into_resources();
    sort::apply(&mut resources, k.sort_options.as_ref(), &ldr.file_label())?;
    let keep_origin = k.build_metadata.iter().any(|m| m == "originAnnotations");
    let managed_by = k.build_metadata.iter().any(|m| m == "managedByLabel");
    for m in &k.build_metadata {
        if !matches!(
            m.as_str(),
            "originAnnotations" | "transformerAnnotations" | "managedByLabel"
        ) {
            return Err(Error::Kustomization {
                file: ldr.file_label(),
                message: format!("buildMetadata: unknown option '{m}'"),
            });
        }
    }
    let keep_transformations = k
        .build_metadata
        .iter()
        .any(|m| m == "transformerAnnotations");
    resources
        .into_iter()
        .map(|mut r| {
            if !(keep_origin && keep_transformations) {
                normalize_annotations(&mut r, keep_origin, keep_transformations);
            }
            if managed_by {
                let mut l = r.string_map("labels");
                l.insert(
                    "app.kubernetes.io/managed-by".into(),
                    Value::String(format!("kustomize-{}", super::KUSTOMIZE_VERSION)),
                );
                r.set_string_map("labels", l);
            }
            if keep_origin && let Some(o) = &r.origin {
                let mut a = r.string_map("annotations");
                a.insert(
                    "config.kubernetes.io/origin".into(),
                    Value::String(o.to_yaml("")),
                );
                r.set_string_map("annotations", a);
            }
            if keep_transformations && !r.transformations.is_empty() {
                let text: String = r
                    .transformations
                    .iter()
                    .map(|t| format!("- {}", t.to_yaml("  ")))
                    .collect();
                let mut a = r.string_map("annotations");
                a.insert(
                    "alpha.config.kubernetes.io/transformations".into(),
                    Value::String(text),
                );
                r.set_string_map("annotations", a);
            }
            Value::Object(r.obj)
        })
        .map(|o| printable(&o).map(|()| o))
        .collect()
}

/// kustomize prints through JSON, which leaves DEL, the C1 controls but
/// NEL, U+FFFE and U+FFFF as they are, and go-yaml then refuses the text
/// ("control characters are not allowed"): the build fails there, so it
/// fails here too, naming the object and field. A NEL is folded in a value
/// but breaks a key's flow mapping, so a key holding one fails as well.
fn printable(obj: &Value) -> Result<()> {
    fn bad(s: &str) -> Option<char> {
        s.chars().find(
            |&c| matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}'),
        )
    }
    fn bad_key(k: &str) -> Option<char> {
        bad(k).or_else(|| k.chars().find(|&c| c == '\u{85}'))
    }
    fn walk(v: &Value, path: &mut Vec<String>) -> Option<(String, char)> {
        match v {
            Value::String(s) => bad(s).map(|c| (path.join("."), c)),
            Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| {
                path.push(i.to_string());
                let found = walk(x, path);
                path.pop();
                found
            }),
            Value::Object(m) => m.iter().find_map(|(k, x)| {
                path.push(k.clone());
                let found = bad_key(k)
                    .map(|c| (path.join("."), c))
                    .or_else(|| walk(x, path));
                path.pop();
                found
            }),
            _ => None,
        }
    }
    let Some((field, c)) = walk(obj, &mut Vec::new()) else {
        return Ok(());
    };
    let text = |p: &str| obj.pointer(p).and_then(Value::as_str).unwrap_or("");
    let (what, cause) = if c == '\u{85}' {
        (
            "a line break kustomize cannot print in a key",
            "yaml: did not find expected ',' or '}'",
        )
    } else {
        (
            "a control character kustomize cannot print",
            "yaml: control characters are not allowed",
        )
    };
    Err(Error::Build(format!(
        "{}/{}: field '{field}' holds U+{:04X}, {what} ({cause})",
        text("/kind"),
        text("/metadata/name"),
        c as u32
    )))
}

/// Builds and renders the result as `kustomize build` prints it.
pub fn build_yaml(dir: &Path, opts: &BuildOptions) -> Result<String> {
    Ok(manifest::to_yaml_stream(&build(dir, opts)?))
}

/// kustomize rewrites annotations at the end of every build: values become
/// strings, an empty map disappears, and origin/transformation annotations
/// are dropped unless buildMetadata keeps them.
fn normalize_annotations(r: &mut Resource, keep_origin: bool, keep_transformations: bool) {
    let Some(md) = r.obj.get_mut("metadata").and_then(Value::as_object_mut) else {
        return;
    };
    let Some(anns) = md.get("annotations") else {
        return;
    };
    let mut out = Map::new();
    if let Value::Object(a) = anns {
        for (k, v) in a {
            if (!keep_origin && k == "config.kubernetes.io/origin")
                || (!keep_transformations && k == "alpha.config.kubernetes.io/transformations")
            {
                continue;
            }
            // kyaml takes a node's scalar text: a map or list has none.
            let text = match v {
                Value::Object(_) | Value::Array(_) => String::new(),
                scalar => value_text(scalar),
            };
            out.insert(k.clone(), Value::String(text));
        }
    }
    if out.is_empty() {
        md.remove("annotations");
    } else {
        md.insert("annotations".into(), Value::Object(out));
    }
}

/// The kustomization file of `dir`, if any; more than one is an error.
fn find_kustomization_file(ldr: &Loader, dir: &Path) -> Result<Option<String>> {
    let found: Vec<&str> = FILE_NAMES
        .iter()
        .copied()
        .filter(|n| ldr.is_file(&dir.join(n)))
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.to_string())),
        _ => Err(Error::Build(format!(
            "Found multiple kustomization files under: {}",
            dir.display()
        ))),
    }
}

/// What Flux generates for a directory without a kustomization: every YAML
/// file below it, in lexical order; a subdirectory with its own
/// kustomization is a directory resource and is not descended into.
fn generated_kustomization(ldr: &Loader, dir: &Path) -> Result<Kustomization> {
    fn walk(ldr: &Loader, base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
        for p in ldr.list(dir)? {
            let rel = p.strip_prefix(base).unwrap_or(&p).display().to_string();
            if ldr.is_dir(&p) {
                if p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                {
                    continue;
                }
                if find_kustomization_file(ldr, &p)?.is_some() {
                    out.push(rel);
                } else {
                    walk(ldr, base, &p, out)?;
                }
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut resources = Vec::new();
    walk(ldr, dir, dir, &mut resources)?;
    Ok(Kustomization {
        kind: "Kustomization".into(),
        resources,
        ..Default::default()
    })
}

struct Builder {
    /// Directories of the kustomizations being accumulated, outermost first.
    stack: Vec<PathBuf>,
    /// The directory being accumulated, relative to the top-level one as
    /// the entries spell it (`../base`), for origin annotations.
    origin_dir: String,
    /// Whether the top level's buildMetadata asks for origins or
    /// transformations.
    tracking: bool,
    /// Whether an `openapi:` field chose the schema (the first one wins,
    /// the top level's first of all).
    schema_set: bool,
}

/// Go's `filepath.Join` + `Clean` for relative paths: `..` kept at the
/// front, `.` and empty parts dropped.
fn clean_join(a: &str, b: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in a.split('/').chain(b.split('/')) {
        match p {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

impl Builder {
    /// kustomize's openapi.SetSchema: the top level always decides; a base
    /// or component only when nothing chose a schema yet.
    fn set_openapi(&mut self, ldr: &Loader, k: &Kustomization, reset: bool) -> Result<()> {
        if self.schema_set && !reset {
            return Ok(());
        }
        let file = ldr.file_label();
        match (k.openapi.get("version"), k.openapi.get("path")) {
            (Some(_), Some(_)) => Err(Error::Kustomization {
                file,
                message: "openapi: builtin version and custom schema provided, cannot use both"
                    .into(),
            }),
            (None, Some(path)) => {
                let (shown, text) = ldr.read_text_shown(path, "openapi")?;
                super::openapi::set_schema(Some(super::openapi::parse_custom(&text, &shown)?));
                self.schema_set = true;
                Ok(())
            }
            (Some(v), None) => {
                if !super::openapi::BUILTIN_VERSIONS.contains(&v.as_str()) {
                    return Err(Error::Kustomization {
                        file,
                        message: format!(
                            "openapi: the specified OpenAPI version is not built in: '{v}' (built in: {})",
                            super::openapi::BUILTIN_VERSIONS.join(", ")
                        ),
                    });
                }
                super::openapi::set_schema(None);
                self.schema_set = true;
                Ok(())
            }
            (None, None) => {
                super::openapi::set_schema(None);
                self.schema_set = false;
                Ok(())
            }
        }
    }

    fn accumulate(&mut self, ldr: &Loader, k: &Kustomization, acc: &mut Accumulator) -> Result<()> {
        let file = ldr.file_label();
        refuse_unsupported(k, &file)?;
        self.accumulate_resources(ldr, k, acc)
            .context_with(|| format!("accumulating resources of {file}"))?;
        // kustomize: level config = defaults merged with `configurations:`,
        // then merged into the accumulator; then the `crds:` config likewise.
        let mut custom = TransformerConfig::default();
        for c in &k.configurations {
            let (shown, text) = ldr.read_text_shown(c, "configurations")?;
            let cfg = TransformerConfig::parse(&text, &shown)?;
            custom = custom
                .merged(&cfg)
                .context_with(|| format!("merging configurations of {file}"))?;
        }
        // Merging nothing would only clone and re-sort what is sorted.
        let level = if k.configurations.is_empty() {
            std::borrow::Cow::Borrowed(TransformerConfig::builtin_ref()?)
        } else {
            std::borrow::Cow::Owned(
                TransformerConfig::builtin_ref()?
                    .merged(&custom)
                    .context_with(|| format!("merging configurations of {file}"))?,
            )
        };
        acc.cfg
            .merge_into(&level)
            .context_with(|| format!("merging configurations of {file}"))?;
        if !k.crds.is_empty() {
            let mut crd_cfg = TransformerConfig::default();
            for c in &k.crds {
                let text = ldr.read_text(c, "crds")?;
                let cfg = super::crds::name_references(&text, c)?;
                crd_cfg = crd_cfg
                    .merged(&cfg)
                    .context_with(|| format!("merging crds of {file}"))?;
            }
            acc.cfg
                .merge_into(&crd_cfg)
                .context_with(|| format!("merging crds of {file}"))?;
        }
        for (secret, list) in [
            (false, &k.config_map_generator),
            (true, &k.secret_generator),
        ] {
            for args in list {
                let mut r = generator::generate(args, k.generator_options.as_ref(), secret, ldr)?;
                r.origin = Some(self.builtin_origin(
                    ldr,
                    if secret {
                        "SecretGenerator"
                    } else {
                        "ConfigMapGenerator"
                    },
                ));
                acc.res
                    .absorb_all(vec![r])
                    .context_with(|| format!("merging from generator in {file}"))?;
            }
        }
        if !k.generators.is_empty() {
            let configs = self.plugin_configs(ldr, &k.generators, "generators")?;
            for (cfg, origin) in configs {
                let generated = super::plugins::generate(&cfg, ldr)
                    .context_with(|| format!("{file}: generators: {}", cfg.cur_id()))?;
                let generated = generated
                    .into_iter()
                    .map(|mut r| {
                        if r.origin.is_none() {
                            r.origin = Some(origin.clone());
                        }
                        r
                    })
                    .collect();
                acc.res
                    .absorb_all(generated)
                    .context_with(|| format!("merging from generator in {file}"))?;
            }
        }
        for c in &k.components {
            self.accumulate_directory(ldr, c, "components", true, acc)
                .context_with(|| format!("accumulating components of {file}"))?;
        }
        self.transform(ldr, k, acc)?;
        if !k.transformers.is_empty() {
            let configs = self.plugin_configs(ldr, &k.transformers, "transformers")?;
            for (cfg, origin) in configs {
                super::plugins::transform(&cfg, ldr, &mut acc.res)
                    .context_with(|| format!("{file}: transformers: {}", cfg.cur_id()))?;
                self.track(&mut acc.res, || origin);
                acc.res.drop_empties();
            }
        }
        for v in &k.vars {
            let matched = acc.res.matching_any_id(|id| vars::objref_matches(v, id));
            match matched.as_slice() {
                [] => {}
                [i] => acc.res.resources_mut()[*i].ref_vars.push(v.name.clone()),
                many => {
                    return Err(Error::Build(format!(
                        "{file}: found {} resId matches for var {} (unable to disambiguate)",
                        many.len(),
                        v.name
                    )));
                }
            }
            acc.add_var(v.clone())
                .context_with(|| format!("merging vars of {file}"))?;
        }
        Ok(())
    }

    fn accumulate_resources(
        &mut self,
        ldr: &Loader,
        k: &Kustomization,
        acc: &mut Accumulator,
    ) -> Result<()> {
        let mut parsed = parse_files_in_parallel(ldr, &k.resources);
        for (i, entry) in k.resources.iter().enumerate() {
            if is_remote(entry) {
                return Err(Error::Unsupported {
                    file: ldr.file_label(),
                    field: "resources".into(),
                    why: format!(
                        "'{entry}' is a remote base; Sluice builds only what is in the source artifact \
                         (vendor the base into the repository or reference it as another source)"
                    ),
                });
            }
            let path = ldr.resolve(entry, "resources", false)?;
            if ldr.is_dir(&path) {
                self.accumulate_directory(ldr, entry, "resources", false, acc)?;
            } else {
                // Files obey the load restrictor; directories may be anywhere in the root.
                let (shown, resources) = match parsed.get_mut(i).and_then(Option::take) {
                    Some(done) => done?,
                    None => read_resource_file(ldr, &path, entry)?,
                };
                for mut r in resources {
                    r.origin = Some(Origin {
                        path: Some(clean_join(&self.origin_dir, entry)),
                        ..Default::default()
                    });
                    acc.res
                        .append(r)
                        .context_with(|| format!("adding resources from '{shown}'"))?;
                }
            }
        }
        Ok(())
    }

    fn accumulate_directory(
        &mut self,
        ldr: &Loader,
        entry: &str,
        field: &str,
        component: bool,
        acc: &mut Accumulator,
    ) -> Result<()> {
        let path = ldr.resolve(entry, field, false)?;
        if !ldr.is_dir(&path) {
            return Err(Error::Build(format!(
                "'{entry}' in '{field}' of {} is not a directory",
                ldr.file_label()
            )));
        }
        if let Some(pos) = self.stack.iter().position(|d| *d == path) {
            let mut chain: Vec<String> = self.stack[pos..].iter().map(|d| ldr.display(d)).collect();
            chain.push(ldr.display(&path));
            return Err(Error::Cycle(chain.join(" -> ")));
        }
        let mut child = ldr.child(&path);
        let Some(name) = find_kustomization_file(ldr, &path)? else {
            return Err(Error::Build(format!(
                "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '{}' \
                 (named in '{field}' of {})",
                ldr.display(&path),
                ldr.file_label()
            )));
        };
        child.set_file_name(&name);
        let text = child.read_text(&name, field)?;
        let k = Kustomization::parse(&text, &child.file_label())?;
        if component && !k.is_component() {
            return Err(Error::Kustomization {
                file: child.file_label(),
                message: format!(
                    "expected kind 'Component' (it is listed in 'components') but got '{}'",
                    k.kind
                ),
            });
        }
        if !component && k.is_component() {
            return Err(Error::Kustomization {
                file: child.file_label(),
                message: "a Component must be listed in 'components', not in 'resources'".into(),
            });
        }
        self.set_openapi(&child, &k, false)?;
        self.stack.push(path);
        let inner = clean_join(&self.origin_dir, entry);
        let saved_origin = std::mem::replace(&mut self.origin_dir, inner);
        let result = if component {
            self.accumulate(&child, &k, acc)
        } else {
            let mut sub = Accumulator::default();
            self.accumulate(&child, &k, &mut sub)
                .and_then(|()| acc.merge(sub))
        };
        self.stack.pop();
        self.origin_dir = saved_origin;
        result.context_with(|| format!("building '{}'", child.display(child.dir())))
    }

    /// Records a transformer run for `buildMetadata`: every resource present
    /// gets it appended (or as its origin when it has none), as kustomize's
    /// AddTransformerAnnotation does.
    fn track(&self, res: &mut ResMap, origin: impl FnOnce() -> Origin) {
        if !self.tracking {
            return;
        }
        let origin = origin();
        for r in res.resources_mut() {
            if r.origin.is_none() {
                r.origin = Some(origin.clone());
            } else {
                r.transformations.push(origin.clone());
            }
        }
    }

    fn builtin_origin(&self, ldr: &Loader, kind: &str) -> Origin {
        Origin {
            configured_in: Some(clean_join(&self.origin_dir, ldr.file_name())),
            configured_by: Some(ConfiguredBy::builtin(kind)),
            ..Default::default()
        }
    }

    /// The plugin configurations named in `generators:`/`transformers:`:
    /// inline YAML, files, or kustomization directories whose output they
    /// are; each with the origin its outputs are credited to.
    fn plugin_configs(
        &mut self,
        ldr: &Loader,
        entries: &[String],
        field: &str,
    ) -> Result<Vec<(Resource, Origin)>> {
        let mut configs: Vec<(Resource, Origin)> = Vec::new();
        let inline_in = clean_join(&self.origin_dir, ldr.file_name());
        for entry in entries {
            let inline = load_resources(entry, &format!("{field} (inline)"))
                .ok()
                .filter(|rs| !rs.is_empty());
            let loaded: Vec<(Resource, String)> = match inline {
                Some(rs) => rs.into_iter().map(|r| (r, inline_in.clone())).collect(),
                None => {
                    let mut sub = Accumulator::default();
                    let k = Kustomization {
                        resources: vec![entry.clone()],
                        ..Default::default()
                    };
                    self.accumulate_resources(ldr, &k, &mut sub)
                        .context_with(|| format!("loading {field} of {}", ldr.file_label()))?;
                    sub.res
                        .into_resources()
                        .into_iter()
                        .map(|r| {
                            let from = r
                                .origin
                                .as_ref()
                                .and_then(|o| o.path.clone())
                                .unwrap_or_else(|| inline_in.clone());
                            (r, from)
                        })
                        .collect()
                }
            };
            for (r, configured_in) in loaded {
                let by = ConfiguredBy {
                    api_version: r.api_version().to_string(),
                    kind: r.kind().to_string(),
                    name: r.name().to_string(),
                    namespace: r.namespace().to_string(),
                };
                configs.push((
                    r,
                    Origin {
                        configured_in: Some(configured_in),
                        configured_by: Some(by),
                        ..Default::default()
                    },
                ));
            }
        }
        Ok(configs)
    }

    fn transform(&mut self, ldr: &Loader, k: &Kustomization, acc: &mut Accumulator) -> Result<()> {
        let file = ldr.file_label();
        let res = &mut acc.res;
        let cfg = &acc.cfg;
        let step = |r: Result<()>, what: &str| r.context_with(|| format!("{file}: {what}"));

        if !k.patches_strategic_merge.is_empty() {
            step(
                patch::apply_strategic_merge_files(res, &k.patches_strategic_merge, ldr),
                "patchesStrategicMerge",
            )?;
            self.track(res, || {
                self.builtin_origin(ldr, "PatchStrategicMergeTransformer")
            });
            res.drop_empties();
        }
        for (i, p) in k.patches.iter().enumerate() {
            step(
                patch::apply_patch_entry(res, p, ldr),
                &format!("patches[{i}]"),
            )?;
            self.track(res, || self.builtin_origin(ldr, "PatchTransformer"));
            res.drop_empties();
        }
        if !k.namespace.is_empty() {
            step(
                namespace::apply(res, &k.namespace, &cfg.namespace),
                "namespace",
            )?;
            self.track(res, || self.builtin_origin(ldr, "NamespaceTransformer"));
        }
        if !k.name_prefix.is_empty() {
            step(
                names::apply(res, &k.name_prefix, names::End::Prefix, &cfg.name_prefix),
                "namePrefix",
            )?;
            self.track(res, || self.builtin_origin(ldr, "PrefixTransformer"));
        }
        if !k.name_suffix.is_empty() {
            step(
                names::apply(res, &k.name_suffix, names::End::Suffix, &cfg.name_suffix),
                "nameSuffix",
            )?;
            self.track(res, || self.builtin_origin(ldr, "SuffixTransformer"));
        }
        for (i, l) in k.labels.iter().enumerate() {
            let specs = label_specs(l, cfg)?;
            step(
                labels::apply(res, &l.pairs, &specs),
                &format!("labels[{i}]"),
            )?;
            self.track(res, || self.builtin_origin(ldr, "LabelTransformer"));
        }
        if !k.common_labels.is_empty() || !k.labels.is_empty() {
            step(
                labels::apply(res, &k.common_labels, &cfg.common_labels),
                "commonLabels",
            )?;
            self.track(res, || self.builtin_origin(ldr, "LabelTransformer"));
        }
        if !k.common_annotations.is_empty() {
            step(
                labels::apply(res, &k.common_annotations, &cfg.common_annotations),
                "commonAnnotations",
            )?;
            self.track(res, || self.builtin_origin(ldr, "AnnotationsTransformer"));
        }
        for (i, p) in k.patches_json6902.iter().enumerate() {
            step(
                patch::apply_json6902_entry(res, p, ldr),
                &format!("patchesJson6902[{i}]"),
            )?;
            self.track(res, || self.builtin_origin(ldr, "PatchJson6902Transformer"));
            res.drop_empties();
        }
        for r in &k.replicas {
            step(replicas::apply(res, r, &cfg.replicas), "replicas")?;
            self.track(res, || self.builtin_origin(ldr, "ReplicaCountTransformer"));
        }
        if !k.images.is_empty() {
            step(images::apply_all(res, &k.images, &cfg.images), "images")?;
        }
        for _ in &k.images {
            self.track(res, || self.builtin_origin(ldr, "ImageTagTransformer"));
        }
        let repl = replacement::load(&k.replacements, ldr)?;
        if !repl.is_empty() {
            step(replacement::apply(res, &repl), "replacements")?;
            self.track(res, || self.builtin_origin(ldr, "ReplacementTransformer"));
        }
        Ok(())
    }
}

/// The field specs of one `labels:` entry.
fn label_specs(l: &super::types::Label, cfg: &TransformerConfig) -> Result<Vec<FieldSpec>> {
    let mut specs = l.fields.clone();
    super::fieldspec::merge_all(&mut specs, &cfg.labels)?;
    if l.include_selectors {
        super::fieldspec::merge_all(&mut specs, &cfg.common_labels)?;
    } else {
        if l.include_templates {
            super::fieldspec::merge_all(&mut specs, &cfg.template_labels)?;
        }
        if l.include_volume_claim_templates {
            super::fieldspec::merge_all(&mut specs, &cfg.volume_claim_template_labels)?;
        }
        super::fieldspec::merge_one(
            &mut specs,
            FieldSpec {
                path: "metadata/labels".into(),
                create: true,
                ..Default::default()
            },
        )?;
    }
    Ok(specs)
}

fn refuse_unsupported(k: &Kustomization, file: &str) -> Result<()> {
    let unsupported = |field: &str, why: &str| {
        Err(Error::Unsupported {
            file: file.into(),
            field: field.into(),
            why: why.into(),
        })
    };
    if !k.helm_charts.is_empty()
        || !k.helm_chart_inflation_generator.is_empty()
        || k.helm_globals.is_some()
    {
        return unsupported(
            "helmCharts",
            "Helm chart inflation is not built in; use a HelmRelease",
        );
    }
    if !k.validators.is_empty() {
        return unsupported("validators", "validator plugins are not run");
    }
    Ok(())
}
/// A `resources:` file, read and parsed: its name as shown, its objects.
fn read_resource_file(ldr: &Loader, path: &Path, entry: &str) -> Result<(String, Vec<Resource>)> {
    let text = ldr.read_resolved_text(path, entry, "resources")?;
    let shown = ldr.display(path);
    let resources = load_resources(&text, &shown)?;
    Ok((shown, resources))
}

/// The plain files of a long `resources:` list read and parsed on every
/// core, in order (`None` where an entry is not such a file, or when the
/// build is traced, whose record keeps the order of reads). Reading and
/// parsing is most of the time of a large base; everything else stays
/// sequential, and an entry's error is returned where the sequential
/// build would meet it.
#[allow(clippy::type_complexity)]
fn parse_files_in_parallel(
    ldr: &Loader,
    entries: &[String],
) -> Vec<Option<Result<(String, Vec<Resource>)>>> {
    // Many files, or a few large ones (a set of CRDs): worth the threads.
    const MIN_FILES: usize = 16;
    const MIN_BYTES: u64 = 256 * 1024;
    if entries.len() < 2 || ldr.traced() {
        return Vec::new();
    }
    // The plain file an entry names, with its size.
    let file_of = |e: &String| -> Option<(PathBuf, u64)> {
        if is_remote(e) {
            return None;
        }
        let p = ldr.resolve(e, "resources", false).ok()?;
        let m = std::fs::metadata(&p).ok()?;
        m.is_file().then_some((p, m.len()))
    };
    let workers = crate::parallel::workers_for(entries.len(), 2);
    if workers < 2 {
        return Vec::new();
    }
    let read = |file: Option<(PathBuf, u64)>, e: &String| {
        file.map(|(p, _)| read_resource_file(ldr, &p, e))
    };
    if entries.len() >= MIN_FILES {
        // Resolved on the workers too: a path's checks are I/O.
        return crate::parallel::map(entries, workers, |e| read(file_of(e), e))
            .into_iter()
            .map(Option::flatten)
            .collect();
    }
    let files: Vec<(Option<(PathBuf, u64)>, &String)> =
        entries.iter().map(|e| (file_of(e), e)).collect();
    let bytes: u64 = files.iter().flat_map(|(f, _)| f).map(|(_, n)| n).sum();
    if bytes < MIN_BYTES {
        return Vec::new();
    }
    crate::parallel::map(&files, workers, |(file, e)| read(file.clone(), e))
        .into_iter()
        .map(Option::flatten)
        .collect()
}

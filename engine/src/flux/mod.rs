//! Flux's own API objects, as Sluice reads and writes them: the CRDs it
//! installs (Flux's, unchanged, so Flux tooling works), typed
//! GitRepository and Kustomization objects, and the conventions every Flux
//! controller shares (durations, field managers, annotations).

pub mod conditions;
pub mod git_repository;
pub mod kustomization;

use std::time::Duration;

use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::ApiResource;
use serde_json::Value;

pub use self::git_repository::{Artifact, GitRepository, GitRepositorySpec, GitRepositoryStatus};
pub use self::kustomization::{Kustomization, KustomizationSpec, KustomizationStatus};

/// Field manager for the Flux objects Sluice writes (not for applied
/// objects, which use `kustomize-controller` as Flux does).
pub const MANAGER: &str = "sluice";
/// Field manager for Kustomization status and finalizers, as Flux's
/// kustomize-controller.
pub const STATUS_MANAGER_KUSTOMIZE: &str = "gotk-kustomize-controller";
/// Field manager for GitRepository status, as Flux's source-controller.
pub const STATUS_MANAGER_SOURCE: &str = "source-controller";
/// The finalizer both Flux controllers put on their objects.
pub const FINALIZER: &str = "finalizers.fluxcd.io";
/// The annotation `flux reconcile` sets to ask for a reconcile now.
pub const REQUESTED_AT_ANNOTATION: &str = "reconcile.fluxcd.io/requestedAt";

/// Flux's CRDs, as published (see `engine/deploy/crds/SOURCES.md`).
pub const CRDS: &[(&str, &str)] = &[
    (
        "gitrepositories.source.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/source.toolkit.fluxcd.io_gitrepositories.yaml"),
    ),
    (
        "kustomizations.kustomize.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/kustomize.toolkit.fluxcd.io_kustomizations.yaml"),
    ),
    (
        "helmrepositories.source.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/source.toolkit.fluxcd.io_helmrepositories.yaml"),
    ),
    (
        "helmreleases.helm.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/helm.toolkit.fluxcd.io_helmreleases.yaml"),
    ),
    (
        "helmcharts.source.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/source.toolkit.fluxcd.io_helmcharts.yaml"),
    ),
    (
        "ocirepositories.source.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/source.toolkit.fluxcd.io_ocirepositories.yaml"),
    ),
    (
        "buckets.source.toolkit.fluxcd.io",
        include_str!("../../deploy/crds/source.toolkit.fluxcd.io_buckets.yaml"),
    ),
];

/// `source.toolkit.fluxcd.io/v1` GitRepository.
pub fn git_repository_resource() -> ApiResource {
    ApiResource::erase::<GitRepository>(&())
}

/// `kustomize.toolkit.fluxcd.io/v1` Kustomization.
pub fn kustomization_resource() -> ApiResource {
    ApiResource::erase::<Kustomization>(&())
}

/// Flux's CRDs parsed, for `sluice install` and [`install_crds`].
pub fn crd_documents() -> anyhow::Result<Vec<(&'static str, Value)>> {
    CRDS.iter()
        .map(|(name, text)| {
            Ok((
                *name,
                sluice_kustomize::manifest::parse_document(text, name)?,
            ))
        })
        .collect()
}

/// Installs (server-side applies) Flux's CRDs that are missing, then waits
/// until they are established.
pub async fn install_crds(client: &kube::Client) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
    let crds: Api<CustomResourceDefinition> = Api::all(client.clone());
    for (name, _) in CRDS {
        // Installing a Flux CRD that Flux itself manages must not fight it:
        // only create missing ones.
        if crds.get_opt(name).await?.is_some() {
            continue;
        }
        let text = CRDS
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let v = sluice_kustomize::manifest::parse_document(text, name)?;
        let pp = PatchParams::apply(MANAGER).force();
        crds.patch(name, &pp, &Patch::Apply(&v))
            .await
            .with_context(|| format!("installing CRD {name}"))?;
    }
    for (name, _) in CRDS {
        let established = kube::runtime::wait::await_condition(
            crds.clone(),
            name,
            kube::runtime::wait::conditions::is_crd_established(),
        );
        tokio::time::timeout(Duration::from_secs(60), established)
            .await
            .map_err(|_| anyhow::anyhow!("CRD {name} was not established within 60s"))??;
    }
    Ok(())
}

/// Parses a duration as Go's `time.ParseDuration` does (`10m`, `1h30m`,
/// `1.5h`, `300ms`, `10m0s`), which is what Flux's CRDs hold; a bare number
/// is taken as seconds (az's flags).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("invalid duration '': empty".into());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let bad = |why: &str| format!("invalid duration '{s}': {why}");
    let mut rest = t.strip_prefix('+').unwrap_or(t);
    if rest.starts_with('-') {
        return Err(bad("negative durations are not allowed"));
    }
    let mut total = 0f64;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (num, tail) = rest.split_at(num_len);
        if num.is_empty() || num == "." {
            return Err(bad("expected a number"));
        }
        let value: f64 = num.parse().map_err(|_| bad("bad number"))?;
        let unit_len = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let scale = match unit {
            "ns" => 1e-9,
            "us" | "µs" | "μs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "" => return Err(bad("missing unit (ns, us, ms, s, m or h)")),
            u => return Err(bad(&format!("unknown unit '{u}'"))),
        };
        total += value * scale;
        rest = tail;
    }
    if !total.is_finite() || total > 1e10 {
        return Err(bad("out of range"));
    }
    Ok(Duration::from_secs_f64(total))
}

/// Flux's way of printing a duration in whole seconds (`10m0s`).
pub fn format_duration(d: Duration) -> String {
    sluice_appliers::conditions::go_duration(Duration::from_secs(d.as_secs()))
}

/// Converts a dynamic object to JSON.
pub fn to_value(o: &DynamicObject) -> Value {
    serde_json::to_value(o).unwrap_or(Value::Null)
}

/// Refuses names Kubernetes would refuse, with the field named.
pub fn validate_name(field: &str, name: &str) -> anyhow::Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if !ok {
        anyhow::bail!(
            "{field} '{name}' is not a valid name (lower-case letters, digits and '-', at most 63 characters)"
        );
    }
    Ok(())
}

/// The JSON merge patch (RFC 7386) taking `old` to `new`, as Flux's
/// patch helper sends its status and finalizer changes: changed keys with
/// their new values, removed keys as `null`, arrays whole. Writing status
/// this way (an `Update` under Flux's manager names, not server-side
/// apply) leaves the same managed fields Flux leaves, so neither controller
/// is left owning a stale condition after the other took over.
pub fn merge_diff(old: &serde_json::Value, new: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let mut out = serde_json::Map::new();
            for (k, v) in b {
                match a.get(k) {
                    Some(o) if o == v => {}
                    Some(o @ Value::Object(_)) if v.is_object() => {
                        out.insert(k.clone(), merge_diff(o, v));
                    }
                    _ => {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            for k in a.keys() {
                if !b.contains_key(k) {
                    out.insert(k.clone(), Value::Null);
                }
            }
            Value::Object(out)
        }
        _ => new.clone(),
    }
}

/// Flux's condition order: Stalled, Reconciling, Ready, then the rest by
/// type.
pub fn flux_order(conds: &mut [sluice_appliers::conditions::Condition]) {
    let rank = |t: &str| match t {
        "Stalled" => 0,
        "Reconciling" => 1,
        "Ready" => 2,
        _ => 3,
    };
    conds.sort_by(|a, b| {
        rank(&a.type_)
            .cmp(&rank(&b.type_))
            .then_with(|| a.type_.cmp(&b.type_))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_diffs_set_change_and_remove() {
        use serde_json::json;
        let old = json!({"a": 1, "b": {"c": 1, "d": 2}, "e": [1, 2], "gone": true});
        let new = json!({"a": 1, "b": {"c": 1, "d": 3}, "e": [1], "f": "x"});
        let d = merge_diff(&old, &new);
        assert_eq!(d, json!({"b": {"d": 3}, "e": [1], "f": "x", "gone": null}));
        // Applying the diff gives `new` back.
        let mut patched = old.clone();
        json_patch::merge(&mut patched, &d);
        assert_eq!(patched, new);
        assert_eq!(merge_diff(&json!(null), &new), new);
    }

    #[test]
    fn durations_parse_as_go() {
        let d = |s: &str| parse_duration(s).expect(s);
        assert_eq!(d("10m"), Duration::from_secs(600));
        assert_eq!(d("10m0s"), Duration::from_secs(600));
        assert_eq!(d("1h30m"), Duration::from_secs(5400));
        assert_eq!(d("1.5h"), Duration::from_secs(5400));
        assert_eq!(d("300ms"), Duration::from_millis(300));
        assert_eq!(d("90"), Duration::from_secs(90));
        assert_eq!(d("2m30.5s"), Duration::from_millis(150_500));
        for bad in ["", "m", "10x", "-5m", "1h-2m", "abc"] {
            let e = parse_duration(bad).expect_err(bad);
            assert!(e.contains("invalid duration"), "{e}");
        }
        assert_eq!(format_duration(Duration::from_secs(600)), "10m0s");
    }
}

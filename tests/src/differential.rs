//! What Flux and Sluice leave in a cluster, side by side: snapshots of a
//! namespace (the Flux objects, every object their inventories ever named,
//! the Events) with what can only differ by clock, port or uid taken out,
//! and a field-by-field diff of two snapshots.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use kube::api::{Api, DynamicObject, ListParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{Value, json};

/// An object an inventory named: `(group, version, kind, namespace, name)`.
pub type Ref = (String, String, String, String, String);

/// One cluster's state for one namespace.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// `Kind/namespace/name` → the normalised object (`"absent"` when gone).
    pub objects: BTreeMap<String, Value>,
    /// Distinct Events: `Kind/name Type Reason: message`, normalised.
    pub events: BTreeSet<String>,
}

/// The inventory entries of the Kustomizations in `snapshot`.
pub fn inventory_refs(objects: &[Value]) -> Vec<Ref> {
    let mut out = Vec::new();
    for o in objects {
        let entries = o
            .pointer("/status/inventory/entries")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for e in entries {
            let id = e.get("id").and_then(Value::as_str).unwrap_or_default();
            let v = e.get("v").and_then(Value::as_str).unwrap_or_default();
            let parts: Vec<&str> = id.split('_').collect();
            if let [ns, name, group, kind] = parts.as_slice() {
                out.push((
                    group.to_string(),
                    v.to_string(),
                    kind.to_string(),
                    ns.to_string(),
                    name.to_string(),
                ));
            }
        }
    }
    out
}

fn plural(kind: &str) -> String {
    let lower = kind.to_ascii_lowercase();
    if lower.ends_with('s') {
        format!("{lower}es")
    } else if let Some(stem) = lower.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    }
}

fn api_for(client: &kube::Client, r: &Ref) -> Api<DynamicObject> {
    let (group, version, kind, ns, _) = r;
    let gvk = GroupVersionKind::gvk(group, version, kind);
    let ar = ApiResource::from_gvk_with_plural(&gvk, &plural(kind));
    if ns.is_empty() {
        Api::all_with(client.clone(), &ar)
    } else {
        Api::namespaced_with(client.clone(), ns, &ar)
    }
}

/// The Flux objects of `ns`, as JSON.
pub async fn flux_objects(client: &kube::Client, ns: &str) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for (group, version, kind) in [
        ("source.toolkit.fluxcd.io", "v1", "GitRepository"),
        ("kustomize.toolkit.fluxcd.io", "v1", "Kustomization"),
    ] {
        let gvk = GroupVersionKind::gvk(group, version, kind);
        let ar = ApiResource::from_gvk_with_plural(&gvk, &plural(kind));
        let api: Api<DynamicObject> = Api::namespaced_with(client.clone(), ns, &ar);
        for mut o in api.list(&ListParams::default()).await?.items {
            o.types = Some(kube::core::TypeMeta {
                api_version: format!("{group}/{version}"),
                kind: kind.into(),
            });
            out.push(serde_json::to_value(&o)?);
        }
    }
    Ok(out)
}

/// Takes a snapshot of `ns`: its Flux objects, the objects in `refs` (what
/// any inventory of the scenario ever named) and its Events.
pub async fn snapshot(client: &kube::Client, ns: &str, refs: &BTreeSet<Ref>) -> Result<Snapshot> {
    let mut snap = Snapshot::default();
    for o in flux_objects(client, ns).await? {
        snap.objects.insert(key(&o), normalize(o, true));
    }
    for r in refs {
        let k = format!("{}/{}/{}", r.2, r.3, r.4);
        let v = match api_for(client, r).get_opt(&r.4).await? {
            Some(mut o) => {
                o.types = Some(kube::core::TypeMeta {
                    api_version: if r.0.is_empty() {
                        r.1.clone()
                    } else {
                        format!("{}/{}", r.0, r.1)
                    },
                    kind: r.2.clone(),
                });
                normalize(serde_json::to_value(&o)?, false)
            }
            None => json!("absent"),
        };
        snap.objects.insert(k, v);
    }
    let events: Api<k8s_openapi::api::core::v1::Event> = Api::namespaced(client.clone(), ns);
    for e in events.list(&ListParams::default()).await?.items {
        let component = e
            .source
            .as_ref()
            .and_then(|s| s.component.clone())
            .or(e.reporting_component.clone())
            .unwrap_or_default();
        if component != "kustomize-controller" && component != "source-controller" {
            continue;
        }
        snap.events.insert(format!(
            "{}/{} {} {}: {}",
            e.involved_object.kind.unwrap_or_default(),
            e.involved_object.name.unwrap_or_default(),
            e.type_.unwrap_or_default(),
            e.reason.unwrap_or_default(),
            scrub_text(&e.message.unwrap_or_default())
        ));
    }
    Ok(snap)
}

fn key(o: &Value) -> String {
    format!(
        "{}/{}/{}",
        o.get("kind").and_then(Value::as_str).unwrap_or_default(),
        o.pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or_default(),
        o.pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
    )
}

/// Takes clock, duration, port and uid values out of a message.
pub fn scrub_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A Go duration: digits[.digits] unit, repeated (1m0s, 2.5s, 300ms).
        // Only whole words: "in 1m0s," yes, "app-5s" no.
        let at_boundary = i == 0 || matches!(chars[i - 1], ' ' | '(' | '[' | '\'' | '"');
        if at_boundary && chars[i].is_ascii_digit() {
            let mut j = i;
            let mut units = 0;
            loop {
                let start = j;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                if j == start {
                    break;
                }
                let unit_len = ["ms", "µs", "us", "ns", "h", "m", "s"]
                    .iter()
                    .find(|u| {
                        let u: Vec<char> = u.chars().collect();
                        chars[j..].starts_with(&u)
                    })
                    .map(|u| u.chars().count());
                match unit_len {
                    Some(n) => {
                        j += n;
                        units += 1;
                    }
                    None => {
                        j = start;
                        break;
                    }
                }
            }
            let ends = j >= chars.len()
                || matches!(
                    chars[j],
                    ' ' | ',' | ')' | ']' | ':' | ';' | '\'' | '"' | '\n'
                );
            if units > 0 && ends {
                out.push_str("<duration>");
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    // Loopback ports of servers that differ per side.
    let mut scrubbed = String::new();
    let mut rest = out.as_str();
    while let Some(p) = rest.find("127.0.0.1:") {
        scrubbed.push_str(&rest[..p + "127.0.0.1:".len()]);
        rest = &rest[p + "127.0.0.1:".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        scrubbed.push_str("<port>");
        rest = &rest[digits..];
    }
    scrubbed.push_str(rest);
    scrubbed
}

/// Normalises an object: volatile metadata out, managed fields by manager,
/// conditions without times, messages scrubbed. Status is kept only for
/// Flux objects (`flux`); for the objects they applied, only what they
/// applied is compared.
pub fn normalize(mut o: Value, flux: bool) -> Value {
    if let Some(m) = o.get_mut("metadata").and_then(Value::as_object_mut) {
        for k in ["uid", "resourceVersion", "creationTimestamp", "selfLink"] {
            m.remove(k);
        }
        if let Some(a) = m.get_mut("annotations").and_then(Value::as_object_mut) {
            a.remove("kubectl.kubernetes.io/last-applied-configuration");
            a.remove("deployment.kubernetes.io/revision");
            if a.is_empty() {
                m.remove("annotations");
            }
        }
        if let Some(mfs) = m
            .remove("managedFields")
            .and_then(|v| v.as_array().cloned())
        {
            let mut by: BTreeMap<String, Value> = BTreeMap::new();
            for mf in mfs {
                let manager = mf.get("manager").and_then(Value::as_str).unwrap_or("");
                // Fields owned by the cluster's own controllers are not the
                // engines' doing.
                if manager.starts_with("kube-") || manager == "kwok" {
                    continue;
                }
                let k = format!(
                    "{manager}/{}/{}",
                    mf.get("operation").and_then(Value::as_str).unwrap_or(""),
                    mf.get("subresource").and_then(Value::as_str).unwrap_or("-")
                );
                let fields = if flux {
                    Value::Null
                } else {
                    mf.get("fieldsV1").cloned().unwrap_or(Value::Null)
                };
                by.insert(k, fields);
            }
            m.insert("managedFields".into(), json!(by));
        }
    }
    if !flux {
        if let Some(obj) = o.as_object_mut() {
            obj.remove("status");
        }
        if let Some(spec) = o.get_mut("spec").and_then(Value::as_object_mut) {
            for k in ["clusterIP", "clusterIPs"] {
                spec.remove(k);
            }
        }
        return o;
    }
    if let Some(st) = o.get_mut("status").and_then(Value::as_object_mut) {
        if let Some(conds) = st.get_mut("conditions").and_then(Value::as_array_mut) {
            for c in conds.iter_mut() {
                if let Some(c) = c.as_object_mut() {
                    c.remove("lastTransitionTime");
                    if let Some(m) = c.get("message").and_then(Value::as_str) {
                        let m = scrub_text(m);
                        c.insert("message".into(), json!(m));
                    }
                }
            }
            // Conditions by type: their order is not part of the API.
            conds.sort_by_key(|c| {
                c.get("type")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            });
        }
        if let Some(a) = st.get_mut("artifact").and_then(Value::as_object_mut) {
            a.remove("lastUpdateTime");
            if let Some(u) = a.get("url").and_then(Value::as_str) {
                let u = scrub_text(u);
                a.insert("url".into(), json!(u));
            }
        }
        if let Some(h) = st.get_mut("history").and_then(Value::as_array_mut) {
            for e in h.iter_mut().filter_map(Value::as_object_mut) {
                for k in [
                    "firstReconciled",
                    "lastReconciled",
                    "lastReconciledDuration",
                ] {
                    e.remove(k);
                }
            }
        }
    }
    o
}

/// Field-by-field differences, as `path: flux=… sluice=…` lines.
pub fn diff(flux: &Value, sluice: &Value, path: &str, out: &mut Vec<String>) {
    let short = |v: &Value| {
        let s = v.to_string();
        if s.chars().count() > 300 {
            format!("{}…", s.chars().take(300).collect::<String>())
        } else {
            s
        }
    };
    match (flux, sluice) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let p = format!("{path}.{k}");
                match (a.get(k), b.get(k)) {
                    (Some(x), Some(y)) => diff(x, y, &p, out),
                    (Some(x), None) => out.push(format!("{p}: only flux = {}", short(x))),
                    (None, Some(y)) => out.push(format!("{p}: only sluice = {}", short(y))),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(x, y, &format!("{path}[{i}]"), out);
            }
        }
        (a, b) if a != b => out.push(format!("{path}: flux={} sluice={}", short(a), short(b))),
        _ => {}
    }
}

/// Every difference between two snapshots, each line naming the object.
pub fn compare(flux: &Snapshot, sluice: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    let keys: BTreeSet<&String> = flux.objects.keys().chain(sluice.objects.keys()).collect();
    let absent = json!("absent");
    for k in keys {
        let a = flux.objects.get(k).unwrap_or(&absent);
        let b = sluice.objects.get(k).unwrap_or(&absent);
        diff(a, b, k, &mut out);
    }
    for e in flux.events.difference(&sluice.events) {
        out.push(format!("event only flux: {e}"));
    }
    for e in sluice.events.difference(&flux.events) {
        out.push(format!("event only sluice: {e}"));
    }
    out
}

/// Whether `text` matches `pattern`, where `*` stands for any run of
/// characters.
pub fn matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = match parts.split_first() {
        Some(x) => x,
        None => return text.is_empty(),
    };
    let Some(mut t) = text.strip_prefix(first) else {
        return false;
    };
    for (i, p) in rest.iter().enumerate() {
        if i == rest.len() - 1 {
            return t.ends_with(p);
        }
        match t.find(p) {
            Some(at) => t = &t[at + p.len()..],
            None => return false,
        }
    }
    t.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_durations_and_ports_only() {
        assert_eq!(
            scrub_text("Reconciliation finished in 1.25s, next run in 1m0s"),
            "Reconciliation finished in <duration>, next run in <duration>"
        );
        assert_eq!(
            scrub_text("dial tcp 127.0.0.1:4312: connect"),
            "dial tcp 127.0.0.1:<port>: connect"
        );
        assert_eq!(scrub_text("app-5s v2 10m-x"), "app-5s v2 10m-x");
        assert_eq!(
            scrub_text("Health check passed in 300ms"),
            "Health check passed in <duration>"
        );
    }

    #[test]
    fn diffs_name_the_field() {
        let mut out = Vec::new();
        diff(
            &json!({"a": {"b": [1, 2]}, "c": 1}),
            &json!({"a": {"b": [1, 3]}, "d": 1}),
            "X",
            &mut out,
        );
        assert_eq!(
            out,
            [
                "X.a.b[1]: flux=2 sluice=3",
                "X.c: only flux = 1",
                "X.d: only sluice = 1"
            ]
        );
    }

    #[test]
    fn wildcards() {
        assert!(matches(
            "GitRepository/*: *.status.artifact.digest*",
            "GitRepository/ns/r: x.status.artifact.digest: flux"
        ));
        assert!(matches("a*", "abc"));
        assert!(!matches("a*c", "abd"));
        assert!(matches("*", ""));
    }
}

//! Readiness by kstatus rules: whether an applied object is Current,
//! still InProgress, or Failed — Deployments available at their observed
//! generation, StatefulSets and DaemonSets rolled out, Jobs complete, CRDs
//! established, Namespaces active, and a generic Ready condition.

use serde_json::Value;

/// kstatus' status of one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Reconciled and ready.
    Current,
    /// Still converging.
    InProgress(String),
    /// Will not become ready by itself.
    Failed(String),
    /// The object does not exist.
    NotFound,
}

impl Status {
    /// The word Flux prints (`Current`, `InProgress`, `Failed`, `NotFound`).
    pub fn word(&self) -> &'static str {
        match self {
            Status::Current => "Current",
            Status::InProgress(_) => "InProgress",
            Status::Failed(_) => "Failed",
            Status::NotFound => "NotFound",
        }
    }
}

fn int(v: &Value, path: &[&str]) -> Option<i64> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_i64()
}

fn condition<'a>(v: &'a Value, t: &str) -> Option<&'a Value> {
    v.get("status")?
        .get("conditions")?
        .as_array()?
        .iter()
        .find(|c| c.get("type").and_then(Value::as_str) == Some(t))
}

fn cond_status<'a>(v: &'a Value, t: &str) -> Option<&'a str> {
    condition(v, t)?.get("status")?.as_str()
}

fn cond_message(v: &Value, t: &str) -> String {
    condition(v, t)
        .and_then(|c| c.get("message"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// The status of `obj` (a live object).
pub fn status(obj: &Value) -> Status {
    let kind = obj.get("kind").and_then(Value::as_str).unwrap_or("");
    let api = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    let (group, _) = sluice_kustomize::resid::split_api_version(api);
    if obj.pointer("/metadata/deletionTimestamp").is_some() {
        return Status::InProgress("Resource scheduled for deletion".into());
    }
    let generation = int(obj, &["metadata", "generation"]);
    let observed = int(obj, &["status", "observedGeneration"]);
    if let (Some(g), Some(o)) = (generation, observed)
        && o != g
    {
        return Status::InProgress(format!("observed generation {o} is not generation {g}"));
    }
    // kstatus' generic properties come first, for every kind.
    if cond_status(obj, "Reconciling") == Some("True") {
        return Status::InProgress(cond_message(obj, "Reconciling"));
    }
    if cond_status(obj, "Stalled") == Some("True") {
        return Status::Failed(cond_message(obj, "Stalled"));
    }
    match (group, kind) {
        ("apps", "Deployment") => deployment(obj, observed.is_some()),
        ("apps", "StatefulSet") => statefulset(obj),
        ("apps", "DaemonSet") => daemonset(obj),
        ("apps", "ReplicaSet") => replicas_ready(obj),
        ("batch", "Job") => job(obj),
        ("apiextensions.k8s.io", "CustomResourceDefinition") => {
            if cond_status(obj, "NamesAccepted") == Some("False") {
                return Status::Failed(format!(
                    "names not accepted: {}",
                    cond_message(obj, "NamesAccepted")
                ));
            }
            match cond_status(obj, "Established") {
                Some("True") => Status::Current,
                _ => Status::InProgress("not established".into()),
            }
        }
        ("policy", "PodDisruptionBudget") => {
            let current = int(obj, &["status", "currentHealthy"]).unwrap_or(0);
            let desired = int(obj, &["status", "desiredHealthy"]).unwrap_or(0);
            if obj.get("status").is_none() {
                Status::InProgress("no status yet".into())
            } else if current < desired {
                Status::InProgress(format!("healthy: {current}/{desired}"))
            } else {
                Status::Current
            }
        }
        ("", "Namespace") => match obj.pointer("/status/phase").and_then(Value::as_str) {
            Some("Active") | None => Status::Current,
            Some(p) => Status::InProgress(format!("phase {p}")),
        },
        ("", "PersistentVolumeClaim") => match obj.pointer("/status/phase").and_then(Value::as_str)
        {
            Some("Bound") => Status::Current,
            Some(p) => Status::InProgress(format!("phase {p}")),
            None => Status::InProgress("not bound".into()),
        },
        ("", "Pod") => pod(obj),
        ("", "Service") => service(obj),
        _ => generic(obj),
    }
}

/// kstatus' Deployment rules.
fn deployment(obj: &Value, has_status: bool) -> Status {
    if !has_status {
        return Status::InProgress("no status yet".into());
    }
    let reason = |t: &str| {
        condition(obj, t)
            .and_then(|c| c.get("reason"))
            .and_then(Value::as_str)
    };
    if reason("Progressing") == Some("ProgressDeadlineExceeded") {
        return Status::Failed(format!(
            "progress deadline exceeded: {}",
            cond_message(obj, "Progressing")
        ));
    }
    let desired = int(obj, &["spec", "replicas"]).unwrap_or(1);
    let total = int(obj, &["status", "replicas"]).unwrap_or(0);
    let updated = int(obj, &["status", "updatedReplicas"]).unwrap_or(0);
    let ready = int(obj, &["status", "readyReplicas"]).unwrap_or(0);
    let available = int(obj, &["status", "availableReplicas"]).unwrap_or(0);
    if desired > total {
        return Status::InProgress(format!("replicas: {total}/{desired}"));
    }
    if desired > updated {
        return Status::InProgress(format!("updated: {updated}/{desired}"));
    }
    if total > desired {
        return Status::InProgress(format!("pending termination: {}", total - desired));
    }
    if updated > available {
        return Status::InProgress(format!("available: {available}/{updated}"));
    }
    if desired > ready {
        return Status::InProgress(format!("ready: {ready}/{desired}"));
    }
    if !(cond_status(obj, "Progressing") == Some("True")
        && reason("Progressing") == Some("NewReplicaSetAvailable"))
    {
        return Status::InProgress("ReplicaSet not Available".into());
    }
    if cond_status(obj, "Available") != Some("True") {
        return Status::InProgress("Deployment not Available".into());
    }
    Status::Current
}

/// kstatus' StatefulSet rules: OnDelete sets are user-managed, a
/// partitioned rollout is done once the partition is updated.
fn statefulset(obj: &Value) -> Status {
    if obj.get("status").is_none() {
        return Status::InProgress("no status yet".into());
    }
    let strategy = obj
        .pointer("/spec/updateStrategy/type")
        .and_then(Value::as_str)
        .unwrap_or("RollingUpdate");
    if strategy == "OnDelete" {
        return Status::Current;
    }
    let desired = int(obj, &["spec", "replicas"]).unwrap_or(1);
    let total = int(obj, &["status", "replicas"]).unwrap_or(0);
    let ready = int(obj, &["status", "readyReplicas"]).unwrap_or(0);
    let current = int(obj, &["status", "currentReplicas"]).unwrap_or(0);
    let updated = int(obj, &["status", "updatedReplicas"]).unwrap_or(0);
    if desired > total {
        return Status::InProgress(format!("replicas: {total}/{desired}"));
    }
    if desired > ready {
        return Status::InProgress(format!("ready: {ready}/{desired}"));
    }
    if total > desired {
        return Status::InProgress(format!("pending termination: {}", total - desired));
    }
    if let Some(partition) = int(
        obj,
        &["spec", "updateStrategy", "rollingUpdate", "partition"],
    ) && partition > 0
    {
        if updated < desired - partition {
            return Status::InProgress(format!("updated: {updated}/{}", desired - partition));
        }
        return Status::Current;
    }
    if desired > current {
        return Status::InProgress(format!("current: {current}/{desired}"));
    }
    let cur_rev = obj
        .pointer("/status/currentRevision")
        .and_then(Value::as_str);
    let upd_rev = obj
        .pointer("/status/updateRevision")
        .and_then(Value::as_str);
    if cur_rev != upd_rev {
        return Status::InProgress("waiting for the updated revision".into());
    }
    Status::Current
}

fn daemonset(obj: &Value) -> Status {
    let Some(desired) = int(obj, &["status", "desiredNumberScheduled"]) else {
        return Status::InProgress("Missing .status.desiredNumberScheduled".into());
    };
    let current = int(obj, &["status", "currentNumberScheduled"]).unwrap_or(0);
    let updated = int(obj, &["status", "updatedNumberScheduled"]).unwrap_or(0);
    let available = int(obj, &["status", "numberAvailable"]).unwrap_or(0);
    let ready = int(obj, &["status", "numberReady"]).unwrap_or(0);
    if desired > current || desired > updated || desired > available || desired > ready {
        return Status::InProgress(format!("available: {available}/{desired}"));
    }
    Status::Current
}

fn replicas_ready(obj: &Value) -> Status {
    let desired = int(obj, &["spec", "replicas"]).unwrap_or(1);
    let ready = int(obj, &["status", "readyReplicas"]).unwrap_or(0);
    if ready < desired {
        Status::InProgress(format!("ready: {ready}/{desired}"))
    } else {
        Status::Current
    }
}

fn job(obj: &Value) -> Status {
    if cond_status(obj, "Failed") == Some("True") {
        return Status::Failed(format!("job failed: {}", cond_message(obj, "Failed")));
    }
    if cond_status(obj, "Complete") == Some("True") {
        return Status::Current;
    }
    Status::InProgress("job not complete".into())
}

fn pod(obj: &Value) -> Status {
    match obj.pointer("/status/phase").and_then(Value::as_str) {
        Some("Succeeded") => Status::Current,
        Some("Failed") => Status::Failed("pod failed".into()),
        _ if cond_status(obj, "Ready") == Some("True") => Status::Current,
        _ => Status::InProgress("pod not ready".into()),
    }
}

fn service(obj: &Value) -> Status {
    if obj.pointer("/spec/type").and_then(Value::as_str) == Some("LoadBalancer")
        && obj
            .pointer("/status/loadBalancer/ingress")
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
    {
        return Status::InProgress("no load balancer address".into());
    }
    Status::Current
}

/// Any other object: its Ready condition decides (Stalled and Reconciling
/// were checked for every kind already).
fn generic(obj: &Value) -> Status {
    match cond_status(obj, "Ready") {
        Some("False") => Status::InProgress(cond_message(obj, "Ready")),
        Some("Unknown") => Status::InProgress(cond_message(obj, "Ready")),
        _ => Status::Current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deployments() {
        let d = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"generation": 2}, "spec": {"replicas": 2},
            "status": {"observedGeneration": 2, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 2, "availableReplicas": 2,
                       "conditions": [{"type": "Available", "status": "True"},
                                      {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"}]}});
        assert_eq!(status(&d), Status::Current);
        let mut old = d.clone();
        old["status"]["observedGeneration"] = json!(1);
        assert!(matches!(status(&old), Status::InProgress(_)));
        let mut short = d.clone();
        short["status"]["availableReplicas"] = json!(1);
        assert!(matches!(status(&short), Status::InProgress(_)));
        let mut rolling = d.clone();
        rolling["status"]["conditions"][1]["reason"] = json!("ReplicaSetUpdated");
        assert!(matches!(status(&rolling), Status::InProgress(_)));
        let mut dead = d.clone();
        dead["status"]["conditions"][1] =
            json!({"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded"});
        assert!(matches!(status(&dead), Status::Failed(_)));
        let mut deleting = d.clone();
        deleting["metadata"]["deletionTimestamp"] = json!("2026-01-01T00:00:00Z");
        assert!(matches!(status(&deleting), Status::InProgress(_)));
    }

    #[test]
    fn statefulsets_follow_kstatus() {
        let base = json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"generation": 1}, "spec": {"replicas": 3},
            "status": {"observedGeneration": 1, "replicas": 3, "readyReplicas": 3, "currentReplicas": 3, "updatedReplicas": 3,
                       "currentRevision": "a", "updateRevision": "a"}});
        assert_eq!(status(&base), Status::Current);
        let mut rolling = base.clone();
        rolling["status"]["updateRevision"] = json!("b");
        rolling["status"]["updatedReplicas"] = json!(1);
        assert!(matches!(status(&rolling), Status::InProgress(_)));
        let mut partitioned = rolling.clone();
        partitioned["spec"]["updateStrategy"] =
            json!({"type": "RollingUpdate", "rollingUpdate": {"partition": 2}});
        assert_eq!(
            status(&partitioned),
            Status::Current,
            "one of three updated is the partition's goal"
        );
        let mut on_delete = rolling.clone();
        on_delete["spec"]["updateStrategy"] = json!({"type": "OnDelete"});
        assert_eq!(status(&on_delete), Status::Current);
    }

    #[test]
    fn jobs_crds_and_generic() {
        let j = json!({"apiVersion": "batch/v1", "kind": "Job", "status": {"conditions": [{"type": "Complete", "status": "True"}]}});
        assert_eq!(status(&j), Status::Current);
        let f = json!({"apiVersion": "batch/v1", "kind": "Job", "status": {"conditions": [{"type": "Failed", "status": "True", "message": "x"}]}});
        assert!(matches!(status(&f), Status::Failed(_)));
        let c = json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "status": {"conditions": []}});
        assert!(matches!(status(&c), Status::InProgress(_)));
        let hr = json!({"apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "status": {"conditions": [{"type": "Ready", "status": "False", "message": "installing"}]}});
        assert_eq!(status(&hr), Status::InProgress("installing".into()));
        let cm = json!({"apiVersion": "v1", "kind": "ConfigMap"});
        assert_eq!(status(&cm), Status::Current);
    }
}

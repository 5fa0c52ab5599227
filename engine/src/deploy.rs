//! The objects that run Sluice in a cluster (`sluice install`): Flux's CRDs,
//! a namespace, a service account, RBAC, the Deployment and a Service for
//! artifacts and metrics.
//!
//! RBAC is split as Flux splits it. The controller's own role covers only
//! what the controllers read and write (Flux objects and their status,
//! Secrets and ConfigMaps they read, Events, impersonation of service
//! accounts, its Lease). Applying arbitrary manifests needs more: by
//! default a second binding grants `cluster-admin` (Flux's
//! `cluster-reconciler`); with `multi_tenant` that binding is left out and
//! every Kustomization is applied as its own (or the default) service
//! account, so tenants get exactly the RBAC their namespaces grant.

use serde_json::{Value, json};

/// What to install.
#[derive(Clone, Debug)]
pub struct Install {
    /// The namespace Sluice runs in.
    pub namespace: String,
    /// The container image.
    pub image: String,
    /// Replicas (more than one uses leader election).
    pub replicas: u32,
    /// No cluster-admin binding; impersonate service accounts instead.
    pub multi_tenant: bool,
    /// Sharding: reconcile only objects matching this selector.
    pub watch_label_selector: Option<String>,
    /// The log level.
    pub log_level: String,
}

/// The name of every object Sluice itself runs as.
pub const NAME: &str = "sluice";

const LABELS: &str = "app.kubernetes.io/name";

impl Install {
    fn labels(&self) -> Value {
        json!({ LABELS: NAME, "app.kubernetes.io/part-of": "sluice" })
    }

    /// The container's arguments.
    pub fn args(&self) -> Vec<String> {
        let mut args = vec![
            "run".to_string(),
            "--watch-all-namespaces".into(),
            "--enable-leader-election".into(),
            "--storage-path=/data".into(),
            "--storage-addr=:9090".into(),
            format!(
                "--storage-adv-addr={NAME}.{}.svc.cluster.local.",
                self.namespace
            ),
            "--metrics-addr=:8080".into(),
            "--health-addr=:9440".into(),
            "--log-format=json".into(),
            format!("--log-level={}", self.log_level),
        ];
        if self.multi_tenant {
            args.push("--no-cross-namespace-refs".into());
            args.push("--default-service-account=default".into());
        }
        if let Some(s) = &self.watch_label_selector {
            args.push(format!("--watch-label-selector={s}"));
        }
        args
    }

    /// The objects other than the CRDs, in apply order.
    pub fn objects(&self) -> Vec<Value> {
        let ns = &self.namespace;
        let labels = self.labels();
        let mut out = vec![
            json!({"apiVersion": "v1", "kind": "Namespace",
                "metadata": {"name": ns, "labels": labels}}),
            json!({"apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": {"name": NAME, "namespace": ns, "labels": labels}}),
            json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                "metadata": {"name": format!("{NAME}-controller"), "labels": labels},
                "rules": [
                    {"apiGroups": ["source.toolkit.fluxcd.io"],
                     "resources": ["gitrepositories", "ocirepositories", "buckets", "externalartifacts"],
                     "verbs": ["get", "list", "watch", "patch", "update"]},
                    {"apiGroups": ["source.toolkit.fluxcd.io"],
                     "resources": ["gitrepositories/status", "gitrepositories/finalizers"],
                     "verbs": ["get", "patch", "update"]},
                    {"apiGroups": ["kustomize.toolkit.fluxcd.io"],
                     "resources": ["kustomizations"],
                     "verbs": ["get", "list", "watch", "patch", "update"]},
                    {"apiGroups": ["kustomize.toolkit.fluxcd.io"],
                     "resources": ["kustomizations/status", "kustomizations/finalizers"],
                     "verbs": ["get", "patch", "update"]},
                    {"apiGroups": [""], "resources": ["secrets", "configmaps"],
                     "verbs": ["get", "list", "watch"]},
                    {"apiGroups": [""], "resources": ["serviceaccounts"],
                     "verbs": ["get", "list", "watch", "impersonate"]},
                    {"apiGroups": [""], "resources": ["events"],
                     "verbs": ["create", "patch"]},
                ],
            }),
            json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": {"name": format!("{NAME}-controller"), "labels": labels},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                    "name": format!("{NAME}-controller")},
                "subjects": [{"kind": "ServiceAccount", "name": NAME, "namespace": ns}],
            }),
            json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                "metadata": {"name": format!("{NAME}-leader-election"), "namespace": ns, "labels": labels},
                "rules": [{"apiGroups": ["coordination.k8s.io"], "resources": ["leases"],
                    "verbs": ["get", "create", "update"]}],
            }),
            json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                "metadata": {"name": format!("{NAME}-leader-election"), "namespace": ns, "labels": labels},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                    "name": format!("{NAME}-leader-election")},
                "subjects": [{"kind": "ServiceAccount", "name": NAME, "namespace": ns}],
            }),
        ];
        if !self.multi_tenant {
            out.push(json!({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": {"name": format!("{NAME}-reconciler"), "labels": labels},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                    "name": "cluster-admin"},
                "subjects": [{"kind": "ServiceAccount", "name": NAME, "namespace": ns}],
            }));
        }
        out.push(json!({
            "apiVersion": "v1", "kind": "Service",
            "metadata": {"name": NAME, "namespace": ns, "labels": labels},
            "spec": {
                "type": "ClusterIP",
                "selector": {LABELS: NAME},
                "ports": [
                    {"name": "http", "port": 80, "protocol": "TCP", "targetPort": "http"},
                    {"name": "http-prom", "port": 8080, "protocol": "TCP", "targetPort": "http-prom"},
                ],
            },
        }));
        out.push(self.deployment());
        out
    }

    fn deployment(&self) -> Value {
        let labels = self.labels();
        json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": NAME, "namespace": self.namespace, "labels": labels},
            "spec": {
                "replicas": self.replicas,
                "selector": {"matchLabels": {LABELS: NAME}},
                "template": {
                    "metadata": {"labels": labels,
                        "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "8080"}},
                    "spec": {
                        "serviceAccountName": NAME,
                        "terminationGracePeriodSeconds": 60,
                        "securityContext": {"runAsNonRoot": true, "runAsUser": 65534,
                            "fsGroup": 65534, "seccompProfile": {"type": "RuntimeDefault"}},
                        "containers": [{
                            "name": "manager",
                            "image": self.image,
                            "imagePullPolicy": "IfNotPresent",
                            "args": self.args(),
                            "env": [
                                {"name": "RUNTIME_NAMESPACE",
                                 "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace"}}},
                                {"name": "POD_NAME",
                                 "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                                {"name": "TMPDIR", "value": "/tmp"},
                            ],
                            "ports": [
                                {"containerPort": 9090, "name": "http", "protocol": "TCP"},
                                {"containerPort": 8080, "name": "http-prom", "protocol": "TCP"},
                                {"containerPort": 9440, "name": "healthz", "protocol": "TCP"},
                            ],
                            "livenessProbe": {"httpGet": {"path": "/healthz", "port": "healthz"}},
                            "readinessProbe": {"httpGet": {"path": "/readyz", "port": "healthz"}},
                            "resources": {
                                "limits": {"cpu": "1000m", "memory": "1Gi"},
                                "requests": {"cpu": "100m", "memory": "64Mi"},
                            },
                            "securityContext": {
                                "allowPrivilegeEscalation": false,
                                "readOnlyRootFilesystem": true,
                                "runAsNonRoot": true,
                                "capabilities": {"drop": ["ALL"]},
                                "seccompProfile": {"type": "RuntimeDefault"},
                            },
                            "volumeMounts": [
                                {"name": "data", "mountPath": "/data"},
                                {"name": "tmp", "mountPath": "/tmp"},
                            ],
                        }],
                        "volumes": [
                            {"name": "data", "emptyDir": {}},
                            {"name": "tmp", "emptyDir": {}},
                        ],
                    },
                },
            },
        })
    }
}

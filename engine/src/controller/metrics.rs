//! Prometheus metrics at `/metrics`: Flux's `gotk_reconcile_duration_seconds`
//! (same name, labels and buckets, so Flux's dashboards work), the Ready
//! condition and suspend gauges Flux's dashboards query, controller-runtime's
//! `controller_runtime_reconcile_total`, and Sluice's own counters of what
//! reconciles did (fetches, applied and pruned objects).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets_range};
use prometheus_client::registry::Registry;
use sluice_appliers::apply::{Action, Change};

/// An object's identity in Flux's metrics.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ObjectLabels {
    /// `Kustomization` or `GitRepository`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
}

/// A condition of an object.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ConditionLabels {
    /// Kind.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Condition type (`Ready`).
    pub r#type: String,
    /// `True`, `False`, `Unknown` or `Deleted`.
    pub status: String,
}

/// controller-runtime's result label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResultLabels {
    /// `kustomization` or `gitrepository`.
    pub controller: String,
    /// `success`, `requeue_after`, `error`.
    pub result: String,
}

/// One label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ActionLabel {
    /// What happened.
    pub action: String,
}

/// Every metric the controllers export.
pub struct Metrics {
    registry: Registry,
    duration: Family<ObjectLabels, Histogram>,
    condition: Family<ConditionLabels, Gauge>,
    suspended: Family<ObjectLabels, Gauge>,
    reconciles: Family<ResultLabels, Counter>,
    objects: Family<ActionLabel, Counter>,
    fetches: Family<ActionLabel, Counter>,
    builds: Counter,
    leader: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A registry with every metric registered.
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let duration = Family::<ObjectLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets_range(10e-3, 1800.0, 10))
        });
        registry.register(
            "gotk_reconcile_duration_seconds",
            "The duration in seconds of a GitOps Toolkit resource reconciliation.",
            duration.clone(),
        );
        let condition = Family::<ConditionLabels, Gauge>::default();
        registry.register(
            "gotk_reconcile_condition",
            "The current condition status of a GitOps Toolkit resource reconciliation.",
            condition.clone(),
        );
        let suspended = Family::<ObjectLabels, Gauge>::default();
        registry.register(
            "gotk_suspend_status",
            "The current suspend status of a GitOps Toolkit resource.",
            suspended.clone(),
        );
        let reconciles = Family::<ResultLabels, Counter>::default();
        registry.register(
            "controller_runtime_reconcile",
            "Total number of reconciliations per controller",
            reconciles.clone(),
        );
        let objects = Family::<ActionLabel, Counter>::default();
        registry.register(
            "sluice_objects",
            "Objects created, configured, deleted (pruned) or left unchanged by applies",
            objects.clone(),
        );
        let fetches = Family::<ActionLabel, Counter>::default();
        registry.register(
            "sluice_source_fetches",
            "Git fetches by result (new artifact, unchanged, failed)",
            fetches.clone(),
        );
        let builds = Counter::default();
        registry.register(
            "sluice_builds",
            "Kustomize builds run by Kustomization reconciles",
            builds.clone(),
        );
        let leader = Gauge::default();
        registry.register(
            "leader_election_master_status",
            "1 when this process holds the leader lease",
            leader.clone(),
        );
        Self {
            registry,
            duration,
            condition,
            suspended,
            reconciles,
            objects,
            fetches,
            builds,
            leader,
        }
    }

    /// Records one reconcile of an object.
    pub fn reconciled(
        &self,
        object: ObjectLabels,
        seconds: f64,
        result: &str,
        ready: Option<&str>,
        suspended: bool,
    ) {
        self.duration.get_or_create(&object).observe(seconds);
        self.suspended
            .get_or_create(&object)
            .set(i64::from(suspended));
        if let Some(status) = ready {
            for s in ["True", "False", "Unknown", "Deleted"] {
                self.condition
                    .get_or_create(&ConditionLabels {
                        kind: object.kind.clone(),
                        name: object.name.clone(),
                        namespace: object.namespace.clone(),
                        r#type: "Ready".into(),
                        status: s.into(),
                    })
                    .set(i64::from(s == status));
            }
        }
        self.reconciles
            .get_or_create(&ResultLabels {
                controller: object.kind.to_ascii_lowercase(),
                result: result.into(),
            })
            .inc();
    }

    /// Forgets a deleted object's series.
    pub fn deleted(&self, object: &ObjectLabels) {
        self.duration.remove(object);
        self.suspended.remove(object);
        for s in ["True", "False", "Unknown", "Deleted"] {
            self.condition.remove(&ConditionLabels {
                kind: object.kind.clone(),
                name: object.name.clone(),
                namespace: object.namespace.clone(),
                r#type: "Ready".into(),
                status: s.into(),
            });
        }
    }

    /// Counts what an apply did.
    pub fn applied(&self, changes: &[Change]) {
        for c in changes {
            let action = match c.action {
                Action::Deleted => "pruned",
                other => other.as_str(),
            };
            self.objects
                .get_or_create(&ActionLabel {
                    action: action.into(),
                })
                .inc();
        }
    }

    /// Counts a kustomize build.
    pub fn built(&self) {
        self.builds.inc();
    }

    /// Counts a fetch.
    pub fn fetched(&self, result: &str) {
        self.fetches
            .get_or_create(&ActionLabel {
                action: result.into(),
            })
            .inc();
    }

    /// Whether this process leads.
    pub fn set_leader(&self, leading: bool) {
        self.leader.set(i64::from(leading));
    }

    /// The text exposition format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

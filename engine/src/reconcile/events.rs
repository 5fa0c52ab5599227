//! Kubernetes Events as Flux's controllers write them: core/v1 Events whose
//! `source.component` is `kustomize-controller` or `source-controller`,
//! Flux's reasons, and the revision in annotations
//! (`kustomize.toolkit.fluxcd.io/revision`), so `flux events`,
//! `kubectl describe` and notification tooling read them unchanged.
//!
//! Events are written by a background task from a bounded queue: a slow or
//! failing API server never holds up a reconcile, and when the queue is full
//! events are dropped (they are advisory). Repeats of the same event are
//! counted on the existing Event, as client-go's correlator does.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use kube::api::{Api, Patch, PatchParams, PostParams};
use kube::{Resource, ResourceExt};
use serde_json::json;
use tokio::sync::mpsc;

/// `Normal` or `Warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventType {
    /// Informational (Flux's severity `info`).
    Normal,
    /// A failure (Flux's severity `error`).
    Warning,
}

impl EventType {
    fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// One event about an object.
#[derive(Clone, Debug)]
pub struct FluxEvent {
    /// The object it is about.
    pub object: ObjectReference,
    /// `kustomize-controller` or `source-controller`.
    pub component: &'static str,
    /// Normal or Warning.
    pub type_: EventType,
    /// Flux's reason.
    pub reason: String,
    /// The message (never a secret: it is a condition message).
    pub message: String,
    /// Flux's metadata (revision, commit status, …).
    pub annotations: BTreeMap<String, String>,
}

impl FluxEvent {
    /// An event about `obj`.
    pub fn about<K: Resource<DynamicType = ()>>(
        obj: &K,
        component: &'static str,
        type_: EventType,
        reason: &str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            object: obj.object_ref(&()),
            component,
            type_,
            reason: reason.to_string(),
            message: message.into(),
            annotations: BTreeMap::new(),
        }
    }

    /// Adds an annotation.
    pub fn annotate(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.annotations.insert(key.into(), value.into());
        self
    }
}

/// Sends events to the writer task.
#[derive(Clone)]
pub struct Recorder {
    tx: Option<mpsc::Sender<FluxEvent>>,
}

const QUEUE: usize = 1024;
/// Same events within this window are counted on one Event object.
const AGGREGATE_FOR: Duration = Duration::from_secs(600);
const REMEMBERED: usize = 4096;

impl Recorder {
    /// A recorder that writes nothing (`sluice sync`'s dry run, tests).
    pub fn disabled() -> Self {
        Self { tx: None }
    }

    /// Starts the writer task on the current runtime. `instance` is the
    /// reporting instance (the pod or host name).
    pub fn start(client: kube::Client, instance: String) -> Self {
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(write_events(client, instance, rx));
        Self { tx: Some(tx) }
    }

    /// Queues an event; drops it when the queue is full.
    pub fn emit(&self, event: FluxEvent) {
        if let Some(tx) = &self.tx
            && tx.try_send(event).is_err()
        {
            tracing::debug!("event queue full; event dropped");
        }
    }
}

type Key = (String, String, String, &'static str, EventType);

async fn write_events(client: kube::Client, instance: String, mut rx: mpsc::Receiver<FluxEvent>) {
    // Event name and namespace, count, and when it was last written.
    let mut seen: HashMap<Key, (String, String, i32, Instant)> = HashMap::new();
    let mut order: VecDeque<Key> = VecDeque::new();
    while let Some(e) = rx.recv().await {
        let namespace = e
            .object
            .namespace
            .clone()
            .unwrap_or_else(|| "default".into());
        let api: Api<Event> = Api::namespaced(client.clone(), &namespace);
        let key: Key = (
            e.object.uid.clone().unwrap_or_default(),
            e.reason.clone(),
            e.message.clone(),
            e.component,
            e.type_,
        );
        let now = Time(k8s_openapi::jiff::Timestamp::now());
        if let Some((name, ns, count, at)) = seen.get_mut(&key)
            && at.elapsed() < AGGREGATE_FOR
            && *ns == namespace
        {
            let patch = json!({"count": *count + 1, "lastTimestamp": now});
            if api
                .patch(name, &PatchParams::default(), &Patch::Merge(&patch))
                .await
                .is_ok()
            {
                *count += 1;
                *at = Instant::now();
                continue;
            }
        }
        let name = format!(
            "{}.{:x}",
            e.object.name.clone().unwrap_or_default(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        );
        let event = Event {
            metadata: ObjectMeta {
                name: Some(name.clone()),
                namespace: Some(namespace.clone()),
                annotations: (!e.annotations.is_empty()).then(|| e.annotations.clone()),
                ..Default::default()
            },
            involved_object: e.object.clone(),
            reason: Some(e.reason.clone()),
            message: Some(e.message.clone()),
            type_: Some(e.type_.as_str().into()),
            source: Some(EventSource {
                component: Some(e.component.into()),
                host: None,
            }),
            reporting_component: Some(e.component.into()),
            reporting_instance: Some(instance.clone()),
            first_timestamp: Some(now.clone()),
            last_timestamp: Some(now),
            count: Some(1),
            ..Default::default()
        };
        match api.create(&PostParams::default(), &event).await {
            Ok(created) => {
                if seen.len() >= REMEMBERED
                    && let Some(old) = order.pop_front()
                {
                    seen.remove(&old);
                }
                order.push_back(key.clone());
                seen.insert(key, (created.name_any(), namespace, 1, Instant::now()));
            }
            Err(err) => tracing::debug!(
                object = ?e.object.name,
                reason = %e.reason,
                "writing an event failed: {err}"
            ),
        }
    }
}

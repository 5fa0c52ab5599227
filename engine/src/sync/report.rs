//! The document `az k8s-configuration flux show` prints for a
//! configuration, so scripts written for Azure read Sluice's unchanged:
//! the same keys (camelCase, sorted, `null` when unset), the settings, and
//! `statuses[]` for the source, each Kustomization and every object the
//! Kustomizations applied, each with its `complianceState`; plus the plan
//! of a dry run. Everything is read from the cluster, so `show` works from
//! any machine.

use std::collections::BTreeMap;

use base64::Engine as _;
use futures::StreamExt;
use k8s_openapi::api::core::v1::Secret;
use kube::ResourceExt;
use kube::api::{Api, DynamicObject};
use serde::Serialize;
use serde_json::Value;
use sluice_appliers::apply::discovery::ClusterTypes;
use sluice_appliers::apply::health::{self, Status};
use sluice_appliers::apply::inventory::ObjectRef;
use sluice_appliers::conditions::{Compliance, Condition};

use super::config::Configuration;
use crate::flux::{GitRepository, Kustomization};

/// `repositoryRef`.
#[derive(Serialize, Debug, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryRef {
    branch: Option<String>,
    commit: Option<String>,
    semver: Option<String>,
    tag: Option<String>,
}

/// `gitRepository`.
#[derive(Serialize, Debug, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct GitRepositoryDefinition {
    https_ca_cert: Option<String>,
    https_user: Option<String>,
    local_auth_ref: Option<String>,
    repository_ref: RepositoryRef,
    ssh_known_hosts: Option<String>,
    sync_interval_in_seconds: u64,
    timeout_in_seconds: u64,
    url: String,
}

/// `postBuild`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct PostBuildDefinition {
    substitute: Option<BTreeMap<String, String>>,
    substitute_from: Option<Vec<SubstituteFromDefinition>>,
}

/// `postBuild.substituteFrom[]`.
#[derive(Serialize, Debug, Clone)]
pub struct SubstituteFromDefinition {
    kind: String,
    name: String,
    optional: bool,
}

/// One entry of `kustomizations`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct KustomizationDefinition {
    depends_on: Option<Vec<String>>,
    force: bool,
    name: String,
    path: String,
    post_build: Option<PostBuildDefinition>,
    prune: bool,
    retry_interval_in_seconds: Option<u64>,
    sync_interval_in_seconds: u64,
    timeout_in_seconds: u64,
    wait: bool,
}

/// `appliedBy`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct AppliedBy {
    /// Kustomization name.
    pub name: String,
    /// Kustomization namespace.
    pub namespace: String,
}

/// A condition as Azure reports it (no `observedGeneration`).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StatusCondition {
    /// RFC 3339 time.
    pub last_transition_time: Option<String>,
    /// Message.
    pub message: String,
    /// Reason.
    pub reason: String,
    /// `True`, `False`, `Unknown`.
    pub status: String,
    /// Type.
    #[serde(rename = "type")]
    pub type_: String,
}

impl From<&Condition> for StatusCondition {
    fn from(c: &Condition) -> Self {
        Self {
            last_transition_time: Some(c.last_transition_time.clone()),
            message: c.message.clone(),
            reason: c.reason.clone(),
            status: c.status.clone(),
            type_: c.type_.clone(),
        }
    }
}

/// `helmReleaseProperties`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HelmReleaseProperties {
    failure_count: Option<i64>,
    helm_chart_ref: Option<AppliedBy>,
    install_failure_count: Option<i64>,
    last_revision_applied: Option<i64>,
    upgrade_failure_count: Option<i64>,
}

/// One element of `statuses[]`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ObjectStatus {
    /// The Kustomization that applied it; none for the configuration's own objects.
    pub applied_by: Option<AppliedBy>,
    /// Compliance.
    pub compliance_state: Compliance,
    /// For a HelmRelease.
    pub helm_release_properties: Option<HelmReleaseProperties>,
    /// Kind.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Its conditions.
    pub status_conditions: Vec<StatusCondition>,
    /// Whether it counts towards the configuration's `complianceState`:
    /// Flux objects do (as Azure's "combined status of the Flux
    /// resources"); other applied objects are shown but counted through
    /// their Kustomization's Ready.
    #[serde(skip)]
    pub counted: bool,
}

/// `systemData`.
#[derive(Serialize, Debug, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct SystemData {
    created_at: Option<String>,
    created_by: Option<String>,
    created_by_type: Option<String>,
    last_modified_at: Option<String>,
    last_modified_by: Option<String>,
    last_modified_by_type: Option<String>,
}

/// One line of a change log.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// `Kind/namespace/name`.
    pub object: String,
    /// `created`, `configured` or `deleted`.
    pub action: String,
}

/// The whole document; keys in az's (alphabetical) order.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Always null (blob sources are not supported).
    pub azure_blob: Option<Value>,
    /// Always null (bucket sources are not supported).
    pub bucket: Option<Value>,
    /// Sluice's addition: what each Kustomization created, configured or
    /// deleted in this run (Flux's change log), by Kustomization name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, Vec<ChangeLine>>,
    /// Worst of `statuses`.
    pub compliance_state: Compliance,
    /// Write-only settings: never shown.
    pub configuration_protected_settings: BTreeMap<String, String>,
    /// The first failure, `""` when none.
    pub error_message: String,
    /// The source.
    pub git_repository: GitRepositoryDefinition,
    /// A stable id within the cluster.
    pub id: String,
    /// The kustomizations by name.
    pub kustomizations: BTreeMap<String, KustomizationDefinition>,
    /// Configuration name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Always null (OCI sources are not supported).
    pub oci_repository: Option<Value>,
    /// `Succeeded`, or `Deleting` while the objects go.
    pub provisioning_state: String,
    /// Unused (Azure's wait settings have no flags).
    pub reconciliation_wait_duration: Option<String>,
    /// Empty (Sluice generates no SSH key).
    pub repository_public_key: String,
    /// The `-g` given, if any (ignored otherwise).
    pub resource_group: Option<String>,
    /// `cluster` or `namespace`.
    pub scope: String,
    /// Always `GitRepository`.
    pub source_kind: String,
    /// The artifact revision.
    pub source_synced_commit_id: Option<String>,
    /// When the artifact was stored.
    pub source_updated_at: Option<String>,
    /// Now.
    pub status_updated_at: String,
    /// Per object.
    pub statuses: Vec<ObjectStatus>,
    /// Suspended.
    pub suspend: bool,
    /// When the configuration was created.
    pub system_data: SystemData,
    /// Azure's resource type, so scripts that check it still match.
    #[serde(rename = "type")]
    pub type_: String,
    /// Unused (see `reconciliationWaitDuration`).
    pub wait_for_reconciliation: Option<bool>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Report {
    /// The definition half, from the configuration.
    pub fn new(c: &Configuration) -> Self {
        let secs = |d: std::time::Duration| d.as_secs();
        let b64 = |k: &str| {
            c.auth
                .data
                .get(k)
                .map(|v| base64::engine::general_purpose::STANDARD.encode(v))
        };
        Self {
            azure_blob: None,
            bucket: None,
            changes: BTreeMap::new(),
            compliance_state: Compliance::Unknown,
            configuration_protected_settings: BTreeMap::new(),
            error_message: String::new(),
            git_repository: GitRepositoryDefinition {
                https_ca_cert: b64("ca.crt"),
                https_user: c
                    .auth
                    .data
                    .get("username")
                    .map(|u| String::from_utf8_lossy(u).into_owned()),
                local_auth_ref: c.auth.local_auth_ref.clone(),
                repository_ref: RepositoryRef {
                    branch: c.reference.branch.clone(),
                    commit: c.reference.commit.clone(),
                    semver: c.reference.semver.clone(),
                    tag: c.reference.tag.clone(),
                },
                ssh_known_hosts: b64("known_hosts"),
                sync_interval_in_seconds: secs(c.interval),
                timeout_in_seconds: secs(c.timeout),
                url: c.url.clone(),
            },
            id: format!(
                "/namespaces/{}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/{}",
                c.namespace, c.name
            ),
            kustomizations: c
                .kustomizations
                .iter()
                .map(|k| {
                    let post_build = (!k.substitute.is_empty() || !k.substitute_from.is_empty())
                        .then(|| PostBuildDefinition {
                            substitute: (!k.substitute.is_empty()).then(|| k.substitute.clone()),
                            substitute_from: (!k.substitute_from.is_empty()).then(|| {
                                k.substitute_from
                                    .iter()
                                    .map(|s| SubstituteFromDefinition {
                                        kind: s.kind.clone(),
                                        name: s.name.clone(),
                                        optional: s.optional,
                                    })
                                    .collect()
                            }),
                        });
                    (
                        k.name.clone(),
                        KustomizationDefinition {
                            depends_on: (!k.depends_on.is_empty()).then(|| k.depends_on.clone()),
                            force: k.force,
                            name: k.name.clone(),
                            path: k.path.clone(),
                            post_build,
                            prune: k.prune,
                            retry_interval_in_seconds: k.retry_interval.map(secs),
                            sync_interval_in_seconds: secs(k.sync_interval),
                            timeout_in_seconds: secs(k.timeout),
                            wait: k.wait,
                        },
                    )
                })
                .collect(),
            name: c.name.clone(),
            namespace: c.namespace.clone(),
            oci_repository: None,
            provisioning_state: "Succeeded".into(),
            reconciliation_wait_duration: None,
            repository_public_key: String::new(),
            resource_group: None,
            scope: c.scope.as_str().into(),
            source_kind: "GitRepository".into(),
            source_synced_commit_id: None,
            source_updated_at: None,
            status_updated_at: now(),
            statuses: Vec::new(),
            suspend: c.suspend,
            system_data: SystemData::default(),
            type_: "Microsoft.KubernetesConfiguration/fluxConfigurations".into(),
            wait_for_reconciliation: None,
        }
    }

    /// Fills in what a managed credentials Secret holds that `show` prints
    /// (the user name, CA certificate and known hosts; never the key).
    pub async fn read_credentials(&mut self, client: &kube::Client, c: &Configuration) {
        if c.auth.local_auth_ref.is_some() || !c.auth.data.is_empty() {
            return;
        }
        let secrets: Api<Secret> = Api::namespaced(client.clone(), &c.namespace);
        let Ok(Some(s)) = secrets.get_opt(&c.secret_name()).await else {
            return;
        };
        let data = s.data.unwrap_or_default();
        let b64 = |k: &str| {
            data.get(k)
                .map(|v| base64::engine::general_purpose::STANDARD.encode(&v.0))
        };
        self.git_repository.https_user = data
            .get("username")
            .map(|v| String::from_utf8_lossy(&v.0).into_owned());
        self.git_repository.https_ca_cert = b64("ca.crt");
        self.git_repository.ssh_known_hosts = b64("known_hosts");
    }

    /// Fills the status half from the cluster.
    pub async fn collect(&mut self, client: &kube::Client, c: &Configuration) {
        let repos: Api<GitRepository> = Api::namespaced(client.clone(), &c.namespace);
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), &c.namespace);
        let types = ClusterTypes::new(client.clone());
        let mut statuses = Vec::new();
        let mut deleting = false;
        match repos.get_opt(&c.name).await {
            Ok(Some(repo)) => {
                let artifact = repo.artifact();
                self.source_synced_commit_id = artifact.map(|a| a.revision.clone());
                self.source_updated_at = artifact.and_then(|a| a.last_update_time.clone());
                self.system_data.created_at = repo
                    .metadata
                    .creation_timestamp
                    .as_ref()
                    .map(|t| t.0.to_string());
                deleting |= repo.metadata.deletion_timestamp.is_some();
                statuses.push(flux_status(
                    "GitRepository",
                    &repo.name_any(),
                    &c.namespace,
                    repo.conditions(),
                    repo.suspended(),
                    None,
                ));
            }
            other => statuses.push(unread(&c.name, &c.namespace, "GitRepository", other.err())),
        }
        for k in &c.kustomizations {
            let name = c.kustomization_name(&k.name);
            let ks = match kss.get_opt(&name).await {
                Ok(Some(ks)) => ks,
                // Unread is not compliant: it counts as Unknown.
                other => {
                    statuses.push(unread(&name, &c.namespace, "Kustomization", other.err()));
                    continue;
                }
            };
            deleting |= ks.metadata.deletion_timestamp.is_some();
            statuses.push(flux_status(
                "Kustomization",
                &name,
                &c.namespace,
                ks.conditions(),
                ks.suspended(),
                None,
            ));
            // Every object the Kustomization applied is part of the
            // configuration's state.
            let applied_by = AppliedBy {
                name: name.clone(),
                namespace: c.namespace.clone(),
            };
            let refs: Vec<ObjectRef> = ks
                .inventory()
                .iter()
                .filter_map(ObjectRef::from_entry)
                .collect();
            let reads: Vec<_> = refs
                .iter()
                .map(|r| applied_status(client, &types, r, applied_by.clone()))
                .collect();
            let read: Vec<ObjectStatus> = futures::stream::iter(reads).buffered(16).collect().await;
            statuses.extend(read);
        }
        if deleting {
            self.provisioning_state = "Deleting".into();
        }
        self.compliance_state = if c.suspend {
            Compliance::Suspended
        } else {
            Compliance::aggregate(
                statuses
                    .iter()
                    .filter(|s| s.counted)
                    .map(|s| s.compliance_state),
            )
        };
        self.error_message = statuses
            .iter()
            .filter(|s| s.counted && s.compliance_state == Compliance::NonCompliant)
            .map(|s| {
                let why = s
                    .status_conditions
                    .iter()
                    .find(|c| c.type_ == "Ready")
                    .map(|c| c.message.clone())
                    .unwrap_or_else(|| "not ready".into());
                format!("{} {}/{}: {why}", s.kind, s.namespace, s.name)
            })
            .next()
            .unwrap_or_default();
        self.statuses = statuses;
        self.status_updated_at = now();
    }

    /// The compliance table for people.
    pub fn table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .statuses
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    s.namespace.clone(),
                    s.kind.clone(),
                    s.compliance_state.as_str().to_string(),
                    shorten(&ready_message(s), 90),
                ]
            })
            .collect();
        let mut out = crate::cli::output::table(
            &["NAME", "NAMESPACE", "KIND", "COMPLIANCE", "MESSAGE"],
            &rows,
        );
        // Flux's change log, per Kustomization.
        for (ks, lines) in &self.changes {
            out.push('\n');
            out.push_str(&format!("{ks}:\n"));
            for l in lines {
                out.push_str(&format!("  {} {}\n", l.object, l.action));
            }
        }
        out
    }
}

/// The Ready message of a status, first line (or `None`, as az prints).
pub fn ready_message(s: &ObjectStatus) -> String {
    s.status_conditions
        .iter()
        .find(|c| c.type_ == "Ready")
        .map(|c| c.message.lines().next().unwrap_or("").to_string())
        .unwrap_or_else(|| "None".into())
}

/// A string cut to `max` characters with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A Flux object's status from its conditions.
fn flux_status(
    kind: &str,
    name: &str,
    namespace: &str,
    conditions: &[Condition],
    suspended: bool,
    applied_by: Option<AppliedBy>,
) -> ObjectStatus {
    ObjectStatus {
        applied_by,
        compliance_state: Compliance::from_conditions(conditions, suspended),
        helm_release_properties: None,
        kind: kind.into(),
        name: name.into(),
        namespace: namespace.into(),
        status_conditions: conditions.iter().map(StatusCondition::from).collect(),
        counted: true,
    }
}

/// An object that could not be read: it counts as Unknown, with why.
fn unread(name: &str, namespace: &str, kind: &str, err: Option<kube::Error>) -> ObjectStatus {
    let why = match err {
        Some(e) => format!(
            "could not read the {kind}: {}",
            sluice_appliers::apply::api_message(&e)
        ),
        None => format!("the {kind} does not exist"),
    };
    ObjectStatus {
        applied_by: None,
        compliance_state: Compliance::Unknown,
        helm_release_properties: None,
        kind: kind.into(),
        name: name.into(),
        namespace: namespace.into(),
        status_conditions: vec![StatusCondition::from(&Condition::unknown(
            "Ready", "Unknown", why,
        ))],
        counted: true,
    }
}

/// An applied object's status: a Flux object by its Ready condition, any
/// other by kstatus (Current → Compliant, InProgress → Pending, Failed or
/// gone → Non-Compliant).
async fn applied_status(
    client: &kube::Client,
    types: &ClusterTypes,
    r: &ObjectRef,
    applied_by: AppliedBy,
) -> ObjectStatus {
    let mut out = ObjectStatus {
        applied_by: Some(applied_by),
        compliance_state: Compliance::Unknown,
        helm_release_properties: None,
        kind: r.kind.clone(),
        name: r.name.clone(),
        namespace: r.namespace.clone(),
        status_conditions: Vec::new(),
        counted: r.group.ends_with(".toolkit.fluxcd.io"),
    };
    let found = types
        .resolve_any_version(&r.group, &r.kind)
        .await
        .ok()
        .flatten();
    let Some((ar, caps)) = found else {
        out.status_conditions
            .push(StatusCondition::from(&Condition::unknown(
                "Ready",
                "Unknown",
                format!("the API server does not serve {}", r.kind),
            )));
        return out;
    };
    let api: Api<DynamicObject> = match caps.scope {
        kube::discovery::Scope::Namespaced => {
            Api::namespaced_with(client.clone(), &r.namespace, &ar)
        }
        kube::discovery::Scope::Cluster => Api::all_with(client.clone(), &ar),
    };
    let obj = match api.get_opt(&r.name).await {
        Ok(Some(o)) => serde_json::to_value(o).unwrap_or(Value::Null),
        Ok(None) => {
            out.compliance_state = Compliance::NonCompliant;
            out.status_conditions
                .push(StatusCondition::from(&Condition::new(
                    "Ready",
                    false,
                    "NotFound",
                    format!("{r} is not in the cluster"),
                )));
            return out;
        }
        Err(e) => {
            out.status_conditions
                .push(StatusCondition::from(&Condition::unknown(
                    "Ready",
                    "Unknown",
                    sluice_appliers::apply::api_message(&e),
                )));
            return out;
        }
    };
    out.status_conditions = obj
        .pointer("/status/conditions")
        .and_then(Value::as_array)
        .map(|cs| {
            cs.iter()
                .map(|c| {
                    let s = |k: &str| {
                        c.get(k)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string()
                    };
                    StatusCondition {
                        last_transition_time: c
                            .get("lastTransitionTime")
                            .and_then(Value::as_str)
                            .map(str::to_string),
                        message: s("message"),
                        reason: s("reason"),
                        status: s("status"),
                        type_: s("type"),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    if r.group.ends_with(".toolkit.fluxcd.io") {
        let conditions: Vec<Condition> = obj
            .pointer("/status/conditions")
            .and_then(|c| serde_json::from_value(c.clone()).ok())
            .unwrap_or_default();
        let suspended = obj
            .pointer("/spec/suspend")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        out.compliance_state = Compliance::from_conditions(&conditions, suspended);
        if r.kind == "HelmRelease" {
            out.helm_release_properties = Some(helm_release(&obj));
        }
    } else {
        out.compliance_state = match health::status(&obj) {
            Status::Current => Compliance::Compliant,
            Status::InProgress(_) => Compliance::Pending,
            Status::Failed(_) | Status::NotFound => Compliance::NonCompliant,
        };
    }
    out
}

/// Azure's summary of a HelmRelease (helm.toolkit.fluxcd.io/v2 status).
fn helm_release(obj: &Value) -> HelmReleaseProperties {
    let int = |p: &str| obj.pointer(p).and_then(Value::as_i64);
    let chart = obj
        .pointer("/status/helmChart")
        .and_then(Value::as_str)
        .and_then(|c| c.split_once('/'))
        .map(|(ns, n)| AppliedBy {
            name: n.into(),
            namespace: ns.into(),
        });
    HelmReleaseProperties {
        failure_count: int("/status/failures"),
        helm_chart_ref: chart,
        install_failure_count: int("/status/installFailures"),
        last_revision_applied: int("/status/history/0/version"),
        upgrade_failure_count: int("/status/upgradeFailures"),
    }
}

/// One planned change of a dry run.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct PlannedChange {
    /// The Kustomization (or `configuration` for the Flux objects).
    pub kustomization: String,
    /// `create`, `configure`, `unchanged`, `prune`, `recreate`, `skip`.
    pub action: String,
    /// `Kind/namespace/name`.
    pub object: String,
}

/// A dry run's plan.
#[derive(Serialize, Debug, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Always true.
    pub dry_run: bool,
    /// Planned without a cluster: everything is a create.
    pub offline: bool,
    /// The source revision the plan is for.
    pub revision: Option<String>,
    /// The changes.
    pub changes: Vec<PlannedChange>,
    /// Kustomizations that could not be planned.
    pub errors: BTreeMap<String, String>,
}

impl Plan {
    /// The plan table for people.
    pub fn table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .changes
            .iter()
            .map(|c| vec![c.kustomization.clone(), c.action.clone(), c.object.clone()])
            .collect();
        crate::cli::output::table(&["KUSTOMIZATION", "ACTION", "OBJECT"], &rows)
    }
}

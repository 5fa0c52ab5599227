//! The result of a sync in the shape `az k8s-configuration flux show`
//! prints, so scripts written for Azure read it unchanged, and the plan of
//! a dry run.

use std::collections::BTreeMap;

use kube::ResourceExt;
use kube::api::{Api, DynamicObject};
use serde::Serialize;
use serde_json::Value;
use sluice_appliers::apply::discovery::ClusterTypes;
use sluice_appliers::apply::inventory::ObjectRef;
use sluice_appliers::conditions::{Compliance, Condition};

use super::config::Configuration;
use crate::flux::{GitRepository, Kustomization};

/// `repositoryRef`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryRef {
    branch: Option<String>,
    tag: Option<String>,
    semver: Option<String>,
    commit: Option<String>,
}

/// `gitRepository`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct GitRepositoryDefinition {
    url: String,
    repository_ref: RepositoryRef,
    sync_interval_in_seconds: u64,
    timeout_in_seconds: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    https_user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    local_auth_ref: Option<String>,
}

/// One entry of `kustomizations`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct KustomizationDefinition {
    name: String,
    path: String,
    depends_on: Vec<String>,
    timeout_in_seconds: u64,
    sync_interval_in_seconds: u64,
    retry_interval_in_seconds: Option<u64>,
    prune: bool,
    force: bool,
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

/// One element of `statuses[]`.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ObjectStatus {
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Kind.
    pub kind: String,
    /// Compliance.
    pub compliance_state: Compliance,
    /// The Kustomization that applied it; none for the configuration's own objects.
    pub applied_by: Option<AppliedBy>,
    /// Its conditions.
    pub status_conditions: Vec<Condition>,
}

/// The whole document.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Configuration name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Always `cluster` for now.
    pub scope: String,
    /// Always `GitRepository` for now.
    pub source_kind: String,
    /// Suspended.
    pub suspend: bool,
    /// The source.
    pub git_repository: GitRepositoryDefinition,
    /// The kustomizations by name.
    pub kustomizations: BTreeMap<String, KustomizationDefinition>,
    /// Worst of `statuses`.
    pub compliance_state: Compliance,
    /// `Succeeded` when every object was written, `Failed` otherwise.
    pub provisioning_state: String,
    /// The artifact revision.
    pub source_synced_commit_id: Option<String>,
    /// When the artifact was stored.
    pub source_updated_at: Option<String>,
    /// Now.
    pub status_updated_at: String,
    /// Per object.
    pub statuses: Vec<ObjectStatus>,
    /// The first failure, if any.
    pub error_message: Option<String>,
    /// Sluice's addition: what each Kustomization created, configured or
    /// deleted in this run (Flux's change log), by Kustomization name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, Vec<ChangeLine>>,
}

/// One line of a change log.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// `Kind/namespace/name`.
    pub object: String,
    /// `created`, `configured` or `deleted`.
    pub action: String,
}

impl Report {
    /// The definition half, from the configuration.
    pub fn new(c: &Configuration) -> Self {
        let secs = |d: std::time::Duration| d.as_secs();
        Self {
            name: c.name.clone(),
            namespace: c.namespace.clone(),
            scope: "cluster".into(),
            source_kind: "GitRepository".into(),
            suspend: c.suspend,
            git_repository: GitRepositoryDefinition {
                url: c.url.clone(),
                repository_ref: RepositoryRef {
                    branch: c.reference.branch.clone(),
                    tag: c.reference.tag.clone(),
                    semver: c.reference.semver.clone(),
                    commit: c.reference.commit.clone(),
                },
                sync_interval_in_seconds: secs(c.interval),
                timeout_in_seconds: secs(c.timeout),
                https_user: c
                    .auth
                    .data
                    .get("username")
                    .map(|u| String::from_utf8_lossy(u).into_owned()),
                local_auth_ref: c.auth.local_auth_ref.clone(),
            },
            kustomizations: c
                .kustomizations
                .iter()
                .map(|k| {
                    (
                        k.name.clone(),
                        KustomizationDefinition {
                            name: k.name.clone(),
                            path: k.path.clone(),
                            depends_on: k.depends_on.clone(),
                            timeout_in_seconds: secs(k.timeout),
                            sync_interval_in_seconds: secs(k.sync_interval),
                            retry_interval_in_seconds: k.retry_interval.map(secs),
                            prune: k.prune,
                            force: k.force,
                            wait: k.wait,
                        },
                    )
                })
                .collect(),
            compliance_state: Compliance::Pending,
            provisioning_state: "Succeeded".into(),
            source_synced_commit_id: None,
            source_updated_at: None,
            status_updated_at: chrono::Utc::now()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            statuses: Vec::new(),
            error_message: None,
            changes: BTreeMap::new(),
        }
    }

    /// Fills the status half from the cluster.
    pub async fn collect(&mut self, client: &kube::Client, c: &Configuration) {
        let repos: Api<GitRepository> = Api::namespaced(client.clone(), &c.namespace);
        let kss: Api<Kustomization> = Api::namespaced(client.clone(), &c.namespace);
        let types = ClusterTypes::new(client.clone());
        let mut statuses = Vec::new();
        match repos.get_opt(&c.name).await {
            Ok(Some(repo)) => {
                let artifact = repo.artifact();
                self.source_synced_commit_id = artifact.map(|a| a.revision.clone());
                self.source_updated_at = artifact.and_then(|a| a.last_update_time.clone());
                statuses.push(ObjectStatus {
                    name: repo.name_any(),
                    namespace: c.namespace.clone(),
                    kind: "GitRepository".into(),
                    compliance_state: Compliance::from_conditions(
                        repo.conditions(),
                        repo.suspended(),
                    ),
                    applied_by: None,
                    status_conditions: repo.conditions().to_vec(),
                });
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
            statuses.push(ObjectStatus {
                name: name.clone(),
                namespace: c.namespace.clone(),
                kind: "Kustomization".into(),
                compliance_state: Compliance::from_conditions(ks.conditions(), ks.suspended()),
                applied_by: None,
                status_conditions: ks.conditions().to_vec(),
            });
            // Flux objects the Kustomization applied (HelmRelease, nested
            // Kustomizations, …) are part of the configuration's state.
            for entry in ks.inventory() {
                let Some(r) = ObjectRef::from_entry(entry) else {
                    continue;
                };
                if !r.group.ends_with(".toolkit.fluxcd.io") {
                    continue;
                }
                if let Some(applied) = get(client, &types, &r).await {
                    statuses.push(object_status(
                        &applied,
                        Some(AppliedBy {
                            name: name.clone(),
                            namespace: c.namespace.clone(),
                        }),
                    ));
                }
            }
        }
        self.compliance_state = if c.suspend {
            Compliance::Suspended
        } else {
            Compliance::aggregate(statuses.iter().map(|s| s.compliance_state))
        };
        self.error_message = statuses
            .iter()
            .filter(|s| s.compliance_state == Compliance::NonCompliant)
            .filter_map(|s| {
                s.status_conditions
                    .iter()
                    .find(|c| c.type_ == "Ready")
                    .map(|c| format!("{} {}/{}: {}", s.kind, s.namespace, s.name, c.message))
            })
            .next();
        self.statuses = statuses;
        self.status_updated_at =
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    }

    /// The compliance table for people.
    pub fn table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .statuses
            .iter()
            .map(|s| {
                let msg = s
                    .status_conditions
                    .iter()
                    .find(|c| c.type_ == "Ready")
                    .map(|c| c.message.lines().next().unwrap_or("").to_string())
                    .unwrap_or_default();
                vec![
                    s.name.clone(),
                    s.namespace.clone(),
                    s.kind.clone(),
                    s.compliance_state.as_str().to_string(),
                    shorten(&msg, 90),
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

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
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
        name: name.to_string(),
        namespace: namespace.to_string(),
        kind: kind.to_string(),
        compliance_state: Compliance::Unknown,
        applied_by: None,
        status_conditions: vec![Condition::unknown("Ready", "Unknown", why)],
    }
}

/// Reads an applied object through discovery (its plural, its scope).
async fn get(client: &kube::Client, types: &ClusterTypes, r: &ObjectRef) -> Option<Value> {
    let (ar, caps) = types
        .resolve_any_version(&r.group, &r.kind)
        .await
        .ok()
        .flatten()?;
    let api: Api<DynamicObject> = match caps.scope {
        kube::discovery::Scope::Namespaced => {
            Api::namespaced_with(client.clone(), &r.namespace, &ar)
        }
        kube::discovery::Scope::Cluster => Api::all_with(client.clone(), &ar),
    };
    api.get_opt(&r.name)
        .await
        .ok()
        .flatten()
        .map(|o| serde_json::to_value(o).unwrap_or(Value::Null))
}

fn object_status(v: &Value, applied_by: Option<AppliedBy>) -> ObjectStatus {
    let conditions: Vec<Condition> = v
        .pointer("/status/conditions")
        .and_then(|c| serde_json::from_value(c.clone()).ok())
        .unwrap_or_default();
    let suspended = v
        .pointer("/spec/suspend")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let s = |p: &str| {
        v.pointer(p)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    ObjectStatus {
        name: s("/metadata/name"),
        namespace: s("/metadata/namespace"),
        kind: s("/kind"),
        compliance_state: Compliance::from_conditions(&conditions, suspended),
        applied_by,
        status_conditions: conditions,
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

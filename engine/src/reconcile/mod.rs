//! Reconcilers for Flux's objects, shared by `sluice sync` (one shot),
//! `sluice config` and `sluice run` (the controllers): each takes the object
//! as the cluster has it, does the work through `sluice_sources` or
//! `sluice_appliers`, writes the status Flux writes (once per attempt) and
//! says when it wants to run again. Deleting an object runs [`cleanup`].

pub mod artifact;
pub mod cleanup;
pub mod events;
pub mod kustomization;
pub mod memo;
pub mod source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context as _;
use sluice_appliers::apply::Applier;
use sluice_appliers::apply::discovery::ClusterTypes;
use sluice_appliers::kustomization::Options;
use sluice_sources::Storage;

use self::artifact::Artifacts;
use self::events::Recorder;

/// Settings every reconcile honours (the controller's flags).
#[derive(Clone, Debug)]
pub struct Settings {
    /// `--requeue-dependency`: how soon to look again at a dependency or a
    /// source artifact that is not ready.
    pub requeue_dependency: Duration,
    /// `--no-cross-namespace-refs`: a Kustomization may only use sources
    /// (and dependencies) in its own namespace.
    pub no_cross_namespace_refs: bool,
    /// `--default-service-account`: impersonated when a Kustomization names
    /// none.
    pub default_service_account: Option<String>,
    /// Where artifacts are advertised (`--storage-adv-addr`): `host:port`
    /// or a URL prefix; `None` advertises `file://` paths (one-shot use).
    pub artifact_address: Option<String>,
    /// Apply settings, prune guard and deadline.
    pub options: Options,
    /// Take a new revision that changes nothing a Kustomization reads
    /// without rebuilding it (see [`memo`]); off with
    /// `--rebuild-every-revision`.
    pub reuse_builds: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            requeue_dependency: Duration::from_secs(30),
            no_cross_namespace_refs: false,
            default_service_account: None,
            artifact_address: None,
            options: Options::default(),
            reuse_builds: true,
        }
    }
}

/// Why a reconcile could not finish its attempt (its status may be
/// unwritten): the controller retries these with backoff.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A Kubernetes API call failed.
    #[error("{context}: {}", sluice_appliers::apply::api_message(source))]
    Kube {
        /// What was being done.
        context: String,
        /// The client's error.
        source: kube::Error,
    },
    /// Artifact storage failed.
    #[error("artifact storage: {0}")]
    Storage(#[from] sluice_sources::Error),
    /// Anything else.
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub(crate) fn kube(context: impl Into<String>, source: kube::Error) -> Self {
        Error::Kube {
            context: context.into(),
            source,
        }
    }

    /// Whether the object is gone (nothing left to do).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Kube { source: kube::Error::Api(ae), .. } if ae.code == 404)
    }
}

/// What every reconcile needs: the cluster, artifact storage and settings.
pub struct Context {
    /// The controller's own client.
    pub client: kube::Client,
    kube_config: kube::Config,
    /// Where artifacts live.
    pub storage: Storage,
    types: ClusterTypes,
    appliers: Mutex<HashMap<String, Applier>>,
    /// Unpacked artifacts, shared by Kustomizations.
    pub artifacts: Artifacts,
    /// Settings.
    pub settings: Settings,
    /// Where events go.
    pub events: Recorder,
    /// What each Kustomization last built from.
    pub memos: memo::Memos,
}

impl Context {
    /// A context for the cluster `kube_config` points at.
    pub fn new(
        kube_config: kube::Config,
        storage: Storage,
        settings: Settings,
        events: Recorder,
    ) -> anyhow::Result<Self> {
        let client = kube::Client::try_from(kube_config.clone())
            .context("building the Kubernetes client")?;
        Ok(Self {
            types: ClusterTypes::new(client.clone()),
            client,
            kube_config,
            artifacts: Artifacts::new(storage.clone()),
            storage,
            appliers: Mutex::new(HashMap::new()),
            settings,
            events,
            memos: memo::Memos::default(),
        })
    }

    /// An applier acting as `service_account` in `namespace` (impersonated,
    /// as Flux's `serviceAccountName`), or as the controller itself. Every
    /// applier shares one discovery of the cluster's types.
    pub fn applier(
        &self,
        namespace: &str,
        service_account: Option<&str>,
    ) -> anyhow::Result<Applier> {
        let user = service_account.map(|sa| format!("system:serviceaccount:{namespace}:{sa}"));
        let key = user.clone().unwrap_or_default();
        if let Some(a) = self.appliers.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(a);
        }
        let client = match &user {
            None => self.client.clone(),
            Some(u) => {
                let mut cfg = self.kube_config.clone();
                cfg.auth_info.impersonate = Some(u.clone());
                kube::Client::try_from(cfg).with_context(|| format!("impersonating {u}"))?
            }
        };
        let applier = Applier::with_types(client, self.types.clone());
        if let Ok(mut cache) = self.appliers.lock() {
            cache.insert(key, applier.clone());
        }
        Ok(applier)
    }

    /// The discovered API types of the cluster.
    pub fn types(&self) -> &ClusterTypes {
        &self.types
    }

    /// The URL an artifact is advertised under: over HTTP when this process
    /// serves artifacts, else its file.
    pub fn artifact_url(&self, path: &str) -> String {
        match &self.settings.artifact_address {
            Some(a) if a.starts_with("http://") || a.starts_with("https://") => {
                format!("{}/{path}", a.trim_end_matches('/'))
            }
            Some(a) => format!("http://{a}/{path}"),
            None => format!("file://{}", self.storage.root().join(path).display()),
        }
    }
}

/// The default artifact storage: `$XDG_CACHE_HOME/sluice/storage`.
pub fn default_storage() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("sluice").join("storage")
}

/// Opens (creating) artifact storage at `dir`.
pub fn open_storage(dir: &Path) -> anyhow::Result<Storage> {
    Storage::new(dir).with_context(|| format!("opening storage {}", dir.display()))
}

/// When a reconciler wants to run again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// At the object's interval (jittered by the controller).
    Interval(Duration),
    /// After this delay (retry, dependency, artifact not ready).
    After(Duration),
    /// After an exponential backoff (a failed fetch, as source-controller).
    Backoff,
    /// Only when the object changes (suspended, stalled).
    Never,
}

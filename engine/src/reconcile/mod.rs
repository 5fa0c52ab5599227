//! Reconcilers for Flux's objects, shared by `sluice sync` (one shot) and
//! the controllers: each takes the object as the cluster has it, does the
//! work through `sluice_sources` or `sluice_appliers`, and writes a status
//! Flux tooling reads unchanged.

pub mod kustomization;
pub mod source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};
use sluice_appliers::apply::{Applier, DEFAULT_FIELD_MANAGER};
use sluice_appliers::kustomization::PruneGuard;
use sluice_sources::Storage;
use tokio::sync::Mutex;

/// What every reconcile needs: the cluster, artifact storage and settings.
pub struct Context {
    /// The controller's own client.
    pub client: kube::Client,
    kube_config: kube::Config,
    /// Where artifacts live.
    pub storage: Storage,
    /// Base URL artifacts are advertised under; `file://` paths when unset.
    pub artifact_base_url: Option<String>,
    /// Field manager for applied objects.
    pub field_manager: String,
    /// Prune limits.
    pub prune_guard: PruneGuard,
    /// Objects applied concurrently within a stage.
    pub concurrent_ssa: usize,
    appliers: Mutex<HashMap<String, Applier>>,
    unpacked: Mutex<HashMap<String, Arc<tempfile::TempDir>>>,
}

impl Context {
    /// A context for the cluster `kube_config` points at.
    pub fn new(kube_config: kube::Config, storage: Storage) -> Result<Self> {
        let client = kube::Client::try_from(kube_config.clone())
            .context("building the Kubernetes client")?;
        Ok(Self {
            client,
            kube_config,
            storage,
            artifact_base_url: None,
            field_manager: DEFAULT_FIELD_MANAGER.into(),
            prune_guard: PruneGuard::default(),
            concurrent_ssa: 4,
            appliers: Mutex::new(HashMap::new()),
            unpacked: Mutex::new(HashMap::new()),
        })
    }

    /// An applier acting as `service_account` in `namespace` (impersonated,
    /// as Flux's `serviceAccountName`), or as the controller itself.
    pub async fn applier(&self, namespace: &str, service_account: Option<&str>) -> Result<Applier> {
        let user = service_account.map(|sa| format!("system:serviceaccount:{namespace}:{sa}"));
        let key = user.clone().unwrap_or_default();
        let mut cache = self.appliers.lock().await;
        if let Some(a) = cache.get(&key) {
            return Ok(a.clone());
        }
        let client = match &user {
            None => self.client.clone(),
            Some(u) => {
                let mut cfg = self.kube_config.clone();
                cfg.auth_info.impersonate = Some(u.clone());
                kube::Client::try_from(cfg).with_context(|| format!("impersonating {u}"))?
            }
        };
        let applier = Applier::new(client).await?;
        cache.insert(key, applier.clone());
        Ok(applier)
    }

    /// Forgets cached API discovery (after the API server was restarted or
    /// CRDs changed behind our back).
    pub async fn reset_appliers(&self) {
        self.appliers.lock().await.clear();
    }

    /// The artifact with `digest` at storage path `path`, unpacked once and
    /// shared by every Kustomization that uses it.
    pub async fn unpacked(&self, path: &str, digest: &str) -> Result<Arc<tempfile::TempDir>> {
        let mut cache = self.unpacked.lock().await;
        if let Some(d) = cache.get(digest) {
            return Ok(d.clone());
        }
        let file = self.storage.local_path(path)?;
        let bytes = tokio::fs::read(&file)
            .await
            .with_context(|| format!("reading artifact {}", file.display()))?;
        let dir = tempfile::Builder::new()
            .prefix("kustomization-")
            .tempdir()
            .context("creating a temporary directory")?;
        let target = dir.path().to_path_buf();
        let digest_owned = digest.to_string();
        tokio::task::spawn_blocking(move || {
            sluice_appliers::artifact::unpack(&bytes, Some(&digest_owned), &target)
        })
        .await??;
        // Older artifacts are not needed once a newer one is unpacked for
        // the same source; keep the cache small.
        if cache.len() > 8 {
            cache.clear();
        }
        let dir = Arc::new(dir);
        cache.insert(digest.to_string(), dir.clone());
        Ok(dir)
    }

    /// The URL an artifact is advertised under.
    pub fn artifact_url(&self, path: &str) -> String {
        match &self.artifact_base_url {
            Some(base) => format!("{}/{}", base.trim_end_matches('/'), path),
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
pub fn open_storage(dir: &Path) -> Result<Storage> {
    Storage::new(dir).with_context(|| format!("opening storage {}", dir.display()))
}

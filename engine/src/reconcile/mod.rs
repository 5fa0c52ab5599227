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
use sluice_appliers::apply::Applier;
use sluice_sources::Storage;
use tokio::sync::Mutex;

/// What every reconcile needs: the cluster, artifact storage and settings.
pub struct Context {
    /// The controller's own client.
    pub client: kube::Client,
    kube_config: kube::Config,
    /// Where artifacts live.
    pub storage: Storage,
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
        let (storage, path_owned, digest_owned) =
            (self.storage.clone(), path.to_string(), digest.to_string());
        let dir = tokio::task::spawn_blocking(move || {
            unpack_artifact(&storage, &path_owned, &digest_owned)
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

    /// The URL an artifact is advertised under: its file, since the
    /// artifact is read where it was stored.
    pub fn artifact_url(&self, path: &str) -> String {
        format!("file://{}", self.storage.root().join(path).display())
    }
}

/// Unpacks the stored artifact at `path` (checking `digest`) into a new
/// temporary directory.
pub fn unpack_artifact(storage: &Storage, path: &str, digest: &str) -> Result<tempfile::TempDir> {
    let file = storage.local_path(path)?;
    let bytes =
        std::fs::read(&file).with_context(|| format!("reading artifact {}", file.display()))?;
    let dir = tempfile::Builder::new()
        .prefix("kustomization-")
        .tempdir()
        .context("creating a temporary directory")?;
    sluice_appliers::artifact::unpack(&bytes, Some(digest), dir.path())?;
    Ok(dir)
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

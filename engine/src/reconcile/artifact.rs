//! Source artifacts as a Kustomization consumes them: read from this
//! process's storage when the source is reconciled here (no HTTP hop), else
//! downloaded from the URL the source advertises (another Sluice shard, or
//! Flux's own source-controller), verified against the digest, and unpacked
//! once per digest for every Kustomization that uses it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sluice_sources::Storage;
use tokio::sync::OnceCell;

use crate::flux::Artifact;

/// Unpacked artifacts kept at once; a Kustomization holding an older one
/// keeps it alive until it is done.
const KEEP: usize = 16;
/// Flux's `--http-retry` default.
const DOWNLOAD_ATTEMPTS: u32 = 9;

/// Why an artifact could not be had.
#[derive(Debug, thiserror::Error)]
pub enum ArtifactError {
    /// The server has no such artifact (yet): the source is not ready.
    #[error("artifact not found at {0}")]
    NotFound(String),
    /// Any other failure, with Flux's wording where it has one.
    #[error("{0}")]
    Failed(String),
}

type Slot = Arc<OnceCell<Arc<tempfile::TempDir>>>;

/// Unpacked artifacts by digest.
pub struct Artifacts {
    storage: Storage,
    http: reqwest::Client,
    slots: Mutex<VecDeque<(String, Slot)>>,
}

impl Artifacts {
    /// Artifacts read from `storage` or over HTTP.
    pub fn new(storage: Storage) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(300))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Self {
            storage,
            http,
            slots: Mutex::new(VecDeque::new()),
        }
    }

    /// The artifact unpacked in a temporary directory, shared by every
    /// caller that asks for the same digest.
    pub async fn unpacked(&self, a: &Artifact) -> Result<Arc<tempfile::TempDir>, ArtifactError> {
        let key = a.digest.clone().unwrap_or_else(|| a.url.clone());
        let slot = {
            let mut slots = self
                .slots
                .lock()
                .map_err(|_| ArtifactError::Failed("artifact cache poisoned".into()))?;
            match slots.iter().find(|(k, _)| *k == key) {
                Some((_, s)) => s.clone(),
                None => {
                    let s: Slot = Arc::new(OnceCell::new());
                    slots.push_back((key, s.clone()));
                    while slots.len() > KEEP {
                        slots.pop_front();
                    }
                    s
                }
            }
        };
        // Concurrent callers for one digest wait for the first unpack; a
        // failure leaves the slot empty for the next attempt.
        slot.get_or_try_init(|| self.fetch_and_unpack(a))
            .await
            .cloned()
    }

    async fn fetch_and_unpack(
        &self,
        a: &Artifact,
    ) -> Result<Arc<tempfile::TempDir>, ArtifactError> {
        let bytes = match self.local(a).await {
            Some(b) => b,
            None => self.download(a).await?,
        };
        let digest = a.digest.clone();
        let dir = tokio::task::spawn_blocking(move || {
            let dir = tempfile::Builder::new()
                .prefix("kustomization-")
                .tempdir()
                .map_err(|e| ArtifactError::Failed(format!("tmp dir error: {e}")))?;
            sluice_appliers::artifact::unpack(&bytes, digest.as_deref(), dir.path())
                .map_err(|e| ArtifactError::Failed(e.to_string()))?;
            Ok::<_, ArtifactError>(dir)
        })
        .await
        .map_err(|e| ArtifactError::Failed(format!("unpack task failed: {e}")))??;
        Ok(Arc::new(dir))
    }

    /// The bytes from this process's storage, when it holds the file and
    /// it matches the digest (another controller may use the same path).
    async fn local(&self, a: &Artifact) -> Option<Vec<u8>> {
        let path = self.storage.local_path(&a.path).ok()?;
        let bytes = tokio::fs::read(&path).await.ok()?;
        match &a.digest {
            Some(d) if sluice_sources::archive::sha256_digest(&bytes) != *d => None,
            _ => Some(bytes),
        }
    }

    async fn download(&self, a: &Artifact) -> Result<Vec<u8>, ArtifactError> {
        let url = localhost_override(&a.url);
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ArtifactError::Failed(format!(
                "failed to download archive from '{url}': artifact is not in this process's storage and its URL is not HTTP"
            )));
        }
        let mut last = String::new();
        for attempt in 0..DOWNLOAD_ATTEMPTS {
            if attempt > 0 {
                let backoff = Duration::from_millis(250 * (1 << attempt.min(6)));
                tokio::time::sleep(backoff).await;
            }
            match self.http.get(&url).send().await {
                Ok(r) if r.status() == reqwest::StatusCode::NOT_FOUND => {
                    return Err(ArtifactError::NotFound(url));
                }
                Ok(r) if r.status().is_success() => match r.bytes().await {
                    Ok(b) => return Ok(b.to_vec()),
                    Err(e) => last = e.to_string(),
                },
                Ok(r) if r.status().is_client_error() => {
                    return Err(ArtifactError::Failed(format!(
                        "failed to download archive from '{url}' (status: {})",
                        r.status()
                    )));
                }
                Ok(r) => last = format!("status: {}", r.status()),
                // Nothing answers at the advertised address (yet): the
                // source's server is starting or moving (a new leader);
                // like a 404, the source is not ready.
                Err(e) if e.is_connect() => return Err(ArtifactError::NotFound(url)),
                Err(e) => last = e.to_string(),
            }
        }
        Err(ArtifactError::Failed(format!(
            "failed to download archive from '{url}': giving up after {DOWNLOAD_ATTEMPTS} attempts: {last}"
        )))
    }
}

/// Flux's `SOURCE_CONTROLLER_LOCALHOST`: the host (and port) to fetch
/// artifacts from instead of the advertised one (a controller running
/// outside the cluster).
fn localhost_override(url: &str) -> String {
    let Ok(host) = std::env::var("SOURCE_CONTROLLER_LOCALHOST") else {
        return url.to_string();
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    format!("{scheme}://{host}{path}")
}

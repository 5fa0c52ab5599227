//! The cluster's API types, discovered once and shared by every applier of
//! one cluster (impersonated ones included): the answer is the same for all
//! of them, and discovering per service account multiplies API calls.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use kube::core::GroupVersionKind;
use kube::discovery::{ApiCapabilities, ApiResource, Discovery};

use crate::error::{Error, Result};

/// Shared, lazily discovered API types of one cluster.
#[derive(Clone)]
pub struct ClusterTypes {
    inner: Arc<Inner>,
}

struct Inner {
    client: kube::Client,
    /// The last discovery; read without awaiting (the lock is never held
    /// across I/O).
    current: RwLock<Option<Arc<Discovery>>>,
    /// Serialises refreshes and remembers when the last one ended, so a
    /// burst of unknown types (a CRD applied moments ago) shares one.
    refreshing: tokio::sync::Mutex<Option<Instant>>,
}

impl ClusterTypes {
    /// Types of the cluster behind `client` (the controller's own client:
    /// discovery is readable by every authenticated user).
    pub fn new(client: kube::Client) -> Self {
        Self {
            inner: Arc::new(Inner {
                client,
                current: RwLock::new(None),
                refreshing: tokio::sync::Mutex::new(None),
            }),
        }
    }

    fn cached(&self) -> Option<Arc<Discovery>> {
        self.inner.current.read().ok().and_then(|c| c.clone())
    }

    /// The current discovery, running it on first use.
    pub async fn get(&self) -> Result<Arc<Discovery>> {
        match self.cached() {
            Some(d) => Ok(d),
            None => self.refresh_after(None).await,
        }
    }

    /// Discovers again (after CRDs were installed).
    pub async fn refresh(&self) -> Result<Arc<Discovery>> {
        self.refresh_after(None).await
    }

    /// Refreshes unless a refresh ended within `recent` (it already saw
    /// what the caller is looking for).
    async fn refresh_after(&self, recent: Option<Duration>) -> Result<Arc<Discovery>> {
        // Held across the discovery on purpose: callers that wait here get
        // the result of the refresh in flight instead of starting another.
        let mut last = self.inner.refreshing.lock().await;
        if let (Some(window), Some(t), Some(d)) = (recent, *last, self.cached())
            && t.elapsed() < window
        {
            return Ok(d);
        }
        let d = Arc::new(
            Discovery::new(self.inner.client.clone())
                .run_aggregated()
                .await
                .map_err(|e| Error::Build(format!("API discovery failed: {e}")))?,
        );
        if let Ok(mut c) = self.inner.current.write() {
            *c = Some(d.clone());
        }
        *last = Some(Instant::now());
        Ok(d)
    }

    /// Resolves a type, refreshing once when it is unknown (a CRD applied
    /// moments ago).
    pub async fn resolve(
        &self,
        gvk: &GroupVersionKind,
    ) -> Result<Option<(ApiResource, ApiCapabilities)>> {
        if let Some(found) = self.get().await?.resolve_gvk(gvk) {
            return Ok(Some(found));
        }
        let d = self.refresh_after(Some(Duration::from_secs(2))).await?;
        Ok(d.resolve_gvk(gvk))
    }

    /// The preferred version of `group`/`kind`, whatever version was asked
    /// for (an inventory may name one the cluster no longer serves).
    pub async fn resolve_any_version(
        &self,
        group: &str,
        kind: &str,
    ) -> Result<Option<(ApiResource, ApiCapabilities)>> {
        let d = self.get().await?;
        Ok(d.groups()
            .filter(|g| g.name() == group)
            .flat_map(|g| g.recommended_resources())
            .find(|(ar, _)| ar.kind == kind))
    }
}

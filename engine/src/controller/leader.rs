//! Leader election through a `coordination.k8s.io/v1` Lease, as client-go's
//! leaderelection package does it: a replica takes the lease when it is
//! free or its holder stopped renewing it for the lease duration (measured
//! on this process's clock from when the record last changed, so clock skew
//! between nodes does not matter), renews it every retry period, and gives
//! it up when renewing fails for the renew deadline. Updates carry the
//! lease's resourceVersion, so two replicas can never both win.

use std::time::{Duration, Instant};

use k8s_openapi::api::coordination::v1::{Lease, LeaseSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{MicroTime, ObjectMeta};
use kube::api::{Api, PostParams};
use tokio::sync::watch;

/// Lease settings (Flux's flag defaults).
#[derive(Clone, Debug)]
pub struct LeaseConfig {
    /// Lease name.
    pub name: String,
    /// Lease namespace.
    pub namespace: String,
    /// This replica's identity.
    pub identity: String,
    /// How long a lease stays valid without renewal (35 s).
    pub lease_duration: Duration,
    /// How long renewals may fail before leadership is given up (30 s).
    pub renew_deadline: Duration,
    /// How often to try (5 s).
    pub retry_period: Duration,
}

/// One candidate for leadership.
pub struct Elector {
    api: Api<Lease>,
    cfg: LeaseConfig,
    /// The last record seen and when (this process's clock).
    observed: Option<(LeaseSpec, Instant)>,
}

fn now() -> MicroTime {
    MicroTime(k8s_openapi::jiff::Timestamp::now())
}

impl Elector {
    /// A candidate for `cfg.namespace/cfg.name`.
    pub fn new(client: kube::Client, cfg: LeaseConfig) -> Self {
        Self {
            api: Api::namespaced(client, &cfg.namespace),
            cfg,
            observed: None,
        }
    }

    /// The lease's `namespace/name`.
    pub fn lease(&self) -> String {
        format!("{}/{}", self.cfg.namespace, self.cfg.name)
    }

    /// Waits until this replica holds the lease.
    pub async fn acquire(&mut self) {
        let mut logged = false;
        loop {
            match self.try_acquire_or_renew().await {
                Ok(true) => {
                    tracing::info!(lease = %self.lease(), identity = %self.cfg.identity, "acquired the leader lease");
                    return;
                }
                Ok(false) => {
                    if !logged {
                        let holder = self
                            .observed
                            .as_ref()
                            .and_then(|(s, _)| s.holder_identity.clone())
                            .unwrap_or_default();
                        tracing::info!(lease = %self.lease(), %holder, "waiting for the leader lease");
                        logged = true;
                    }
                }
                Err(e) => tracing::warn!(lease = %self.lease(), "leader election: {e}"),
            }
            let jitter = self.cfg.retry_period.mul_f64(fastrand::f64() * 0.2);
            tokio::time::sleep(self.cfg.retry_period + jitter).await;
        }
    }

    /// Keeps renewing the lease; returns when leadership is lost (renewals
    /// failed for the renew deadline) or `stop` becomes true, in which case
    /// the lease is released so a standby takes over at once.
    pub async fn hold(mut self, mut stop: watch::Receiver<bool>) -> bool {
        let mut last_renew = Instant::now();
        loop {
            let stopping = tokio::select! {
                _ = tokio::time::sleep(self.cfg.retry_period) => false,
                _ = stop.wait_for(|s| *s) => true,
            };
            if stopping {
                self.release().await;
                return true;
            }
            let attempt = tokio::time::timeout(
                self.cfg.renew_deadline.saturating_sub(last_renew.elapsed()),
                self.try_acquire_or_renew(),
            )
            .await;
            match attempt {
                Ok(Ok(true)) => last_renew = Instant::now(),
                Ok(Ok(false)) => {
                    tracing::error!(lease = %self.lease(), "leader lease taken by another replica");
                    return false;
                }
                Ok(Err(e)) => {
                    tracing::warn!(lease = %self.lease(), "renewing the leader lease failed: {e}")
                }
                Err(_) => {}
            }
            if last_renew.elapsed() >= self.cfg.renew_deadline {
                tracing::error!(lease = %self.lease(), "failed to renew the leader lease within {:?}", self.cfg.renew_deadline);
                return false;
            }
        }
    }

    /// One round of client-go's `tryAcquireOrRenew`: `Ok(true)` when this
    /// replica holds the lease afterwards.
    async fn try_acquire_or_renew(&mut self) -> Result<bool, kube::Error> {
        let lease_secs = i32::try_from(self.cfg.lease_duration.as_secs()).unwrap_or(i32::MAX);
        let current = match self.api.get_opt(&self.cfg.name).await? {
            Some(l) => l,
            None => {
                let lease = Lease {
                    metadata: ObjectMeta {
                        name: Some(self.cfg.name.clone()),
                        namespace: Some(self.cfg.namespace.clone()),
                        ..Default::default()
                    },
                    spec: Some(LeaseSpec {
                        holder_identity: Some(self.cfg.identity.clone()),
                        lease_duration_seconds: Some(lease_secs),
                        acquire_time: Some(now()),
                        renew_time: Some(now()),
                        lease_transitions: Some(0),
                        ..Default::default()
                    }),
                };
                return match self.api.create(&PostParams::default(), &lease).await {
                    Ok(l) => {
                        self.observe(l.spec.unwrap_or_default());
                        Ok(true)
                    }
                    Err(kube::Error::Api(ae)) if ae.code == 409 => Ok(false),
                    Err(e) => Err(e),
                };
            }
        };
        let spec = current.spec.clone().unwrap_or_default();
        self.observe(spec.clone());
        let holder = spec.holder_identity.clone().unwrap_or_default();
        let ours = holder == self.cfg.identity;
        let valid_for = spec
            .lease_duration_seconds
            .map_or(self.cfg.lease_duration, |s| {
                Duration::from_secs(u64::try_from(s).unwrap_or(0))
            });
        let expired = self
            .observed
            .as_ref()
            .is_none_or(|(_, at)| at.elapsed() >= valid_for);
        if !holder.is_empty() && !ours && !expired {
            return Ok(false);
        }
        let mut next = spec.clone();
        next.holder_identity = Some(self.cfg.identity.clone());
        next.lease_duration_seconds = Some(lease_secs);
        next.renew_time = Some(now());
        if !ours {
            next.acquire_time = Some(now());
            next.lease_transitions = Some(spec.lease_transitions.unwrap_or(0) + 1);
        }
        let mut update = current;
        update.spec = Some(next);
        match self
            .api
            .replace(&self.cfg.name, &PostParams::default(), &update)
            .await
        {
            Ok(l) => {
                self.observe(l.spec.unwrap_or_default());
                Ok(true)
            }
            Err(kube::Error::Api(ae)) if ae.code == 409 => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Remembers the record, restarting the expiry clock when it changed.
    fn observe(&mut self, spec: LeaseSpec) {
        let changed = self.observed.as_ref().is_none_or(|(s, _)| *s != spec);
        if changed {
            self.observed = Some((spec, Instant::now()));
        }
    }

    /// Gives the lease up (client-go's ReleaseOnCancel): an empty holder
    /// and a one-second duration.
    async fn release(&mut self) {
        let Ok(Some(mut lease)) = self.api.get_opt(&self.cfg.name).await else {
            return;
        };
        let Some(spec) = lease.spec.as_mut() else {
            return;
        };
        if spec.holder_identity.as_deref() != Some(&self.cfg.identity) {
            return;
        }
        spec.holder_identity = None;
        spec.lease_duration_seconds = Some(1);
        spec.renew_time = Some(now());
        match self
            .api
            .replace(&self.cfg.name, &PostParams::default(), &lease)
            .await
        {
            Ok(_) => tracing::info!(lease = %self.lease(), "released the leader lease"),
            Err(e) => {
                tracing::warn!(lease = %self.lease(), "releasing the leader lease failed: {e}")
            }
        }
    }
}

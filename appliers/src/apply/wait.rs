//! Waiting on the cluster: for deleted objects to be gone, and for applied
//! ones to become current (kstatus).

use super::*;

impl Applier {
    pub(super) async fn wait_gone(
        &self,
        api: &Api<DynamicObject>,
        r: &ObjectRef,
        timeout: Duration,
    ) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            match api.get_opt(&r.name).await {
                Ok(None) => return Ok(()),
                Ok(Some(_)) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(500)).await
                }
                Ok(Some(_)) => {
                    return Err(Error::Build(format!(
                        "{r}: still present {timeout:?} after deletion"
                    )));
                }
                Err(e) => return Err(Error::api(r.to_string(), e)),
            }
        }
    }

    /// Polls (every 2 s, as Flux) until none of `objects` exists any more;
    /// `Err` lists those still there after `timeout`.
    pub async fn wait_deleted(
        &self,
        objects: &[ObjectRef],
        timeout: Duration,
    ) -> std::result::Result<(), String> {
        let started = Instant::now();
        loop {
            let mut left = Vec::new();
            for o in objects {
                match self.api_for_any_version(o).await {
                    Ok(Some(api)) => match api.get_opt(&o.name).await {
                        Ok(None) => {}
                        Ok(Some(_)) => left.push(o.to_string()),
                        Err(e) => left.push(format!("{o}: {}", api_message(&e))),
                    },
                    Ok(None) => {}
                    Err(e) => left.push(format!("{o}: {e}")),
                }
            }
            if left.is_empty() {
                return Ok(());
            }
            if started.elapsed() >= timeout {
                return Err(format!(
                    "timeout waiting for termination of: [{}]",
                    left.join(", ")
                ));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }

    async fn status_of<'o>(&self, o: &'o ObjectRef) -> (&'o ObjectRef, Status) {
        let st = match self.get(o).await {
            Ok(Some(v)) => health::status(&v),
            // A Job with a TTL may be gone once it completed.
            Ok(None) if o.kind == "Job" => Status::Current,
            Ok(None) => Status::NotFound,
            Err(e) => Status::InProgress(e.to_string()),
        };
        (o, st)
    }

    /// Polls until every object is Current. `Err` carries Flux's message
    /// (ssa's `WaitForSet`: "timeout waiting for: [...]").
    pub async fn wait_current(
        &self,
        objects: &[ObjectRef],
        timeout: Duration,
        interval: Duration,
    ) -> std::result::Result<(), String> {
        let started = Instant::now();
        loop {
            let mut pending = Vec::new();
            let mut failed = Vec::new();
            // Read concurrently: one round trip per poll, not one per
            // object. Collected first: a stream over a borrowing closure is
            // not `Send` for every lifetime, which `tokio::spawn` needs.
            let reads: Vec<_> = objects.iter().map(|o| self.status_of(o)).collect();
            let statuses: Vec<(&ObjectRef, Status)> =
                futures::stream::iter(reads).buffered(16).collect().await;
            for (o, st) in statuses {
                match st {
                    Status::Current => {}
                    Status::Failed(_) => failed.push(format!("{o} status: 'Failed'")),
                    other => pending.push(format!("{o} status: '{}'", other.word())),
                }
            }
            if !failed.is_empty() {
                return Err(format!(
                    "failed early due to stalled resources: [{}]",
                    failed.join(", ")
                ));
            }
            if pending.is_empty() {
                return Ok(());
            }
            if started.elapsed() >= timeout {
                const MAX: usize = 50;
                let more = pending.len().saturating_sub(MAX);
                pending.truncate(MAX);
                if more > 0 {
                    pending.push(format!("... and {more} more"));
                }
                return Err(format!("timeout waiting for: [{}]", pending.join(", ")));
            }
            tokio::time::sleep(interval).await;
        }
    }
}

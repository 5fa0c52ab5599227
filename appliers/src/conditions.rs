//! Flux's status conditions for a Kustomization: `Ready`, `Healthy`,
//! `Reconciling`, `Stalled`, with Flux's reasons and messages, and the
//! compliance state Azure's fluxConfigurations derive from them.

use serde::{Deserialize, Serialize};

/// A `metav1.Condition`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// Condition type.
    #[serde(rename = "type")]
    pub type_: String,
    /// `True`, `False` or `Unknown`.
    pub status: String,
    /// CamelCase reason.
    pub reason: String,
    /// Human-readable message.
    pub message: String,
    /// RFC 3339 time of the last status change.
    pub last_transition_time: String,
    /// Generation the condition was computed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
}

/// Ready reasons and condition types, as Flux spells them.
pub mod reason {
    /// Applied and healthy.
    pub const RECONCILIATION_SUCCEEDED: &str = "ReconciliationSucceeded";
    /// Apply or prune failed.
    pub const RECONCILIATION_FAILED: &str = "ReconciliationFailed";
    /// The source artifact is missing or unusable.
    pub const ARTIFACT_FAILED: &str = "ArtifactFailed";
    /// kustomize build failed.
    pub const BUILD_FAILED: &str = "BuildFailed";
    /// Objects did not become ready in time.
    pub const HEALTH_CHECK_FAILED: &str = "HealthCheckFailed";
    /// A dependency is not ready.
    pub const DEPENDENCY_NOT_READY: &str = "DependencyNotReady";
    /// Deleting stale objects failed or was refused.
    pub const PRUNE_FAILED: &str = "PruneFailed";
    /// In flight.
    pub const PROGRESSING: &str = "Progressing";
    /// Retrying after a failure.
    pub const PROGRESSING_WITH_RETRY: &str = "ProgressingWithRetry";
    /// Health check passed.
    pub const SUCCEEDED: &str = "Succeeded";
}

impl Condition {
    /// A condition stamped now.
    pub fn new(type_: &str, status: bool, reason: &str, message: impl Into<String>) -> Self {
        Self {
            type_: type_.into(),
            status: if status { "True" } else { "False" }.into(),
            reason: reason.into(),
            message: trim_message(message.into()),
            last_transition_time: chrono::Utc::now()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            observed_generation: None,
        }
    }

    /// An Unknown condition (in flight).
    pub fn unknown(type_: &str, reason: &str, message: impl Into<String>) -> Self {
        Self {
            status: "Unknown".into(),
            ..Self::new(type_, false, reason, message)
        }
    }

    /// Keeps the previous transition time when nothing but the time
    /// changed (fluxcd/pkg's `hasSameState`: status, reason and message).
    pub fn carry_transition(mut self, previous: &[Condition]) -> Self {
        if let Some(p) = previous.iter().find(|p| p.type_ == self.type_)
            && p.status == self.status
            && p.reason == self.reason
            && p.message == self.message
        {
            self.last_transition_time = p.last_transition_time.clone();
        }
        self
    }
}

/// The longest condition message the Flux CRDs accept.
pub const MAX_MESSAGE: usize = 32768;

/// Cuts a message to [`MAX_MESSAGE`] bytes on a character boundary, ending
/// in `...` as Flux does, so that a long change log cannot make the status
/// write fail.
pub fn trim_message(mut message: String) -> String {
    if message.len() <= MAX_MESSAGE {
        return message;
    }
    let mut cut = MAX_MESSAGE - 3;
    while !message.is_char_boundary(cut) {
        cut -= 1;
    }
    message.truncate(cut);
    message.push_str("...");
    message
}

/// A duration as Go's `time.Duration.String()` prints it (`2.021s`,
/// `1m30s`, `350ms`), which is what Flux's messages contain.
pub fn go_duration(d: std::time::Duration) -> String {
    fn frac(whole: u128, rem: u128, digits: u32) -> String {
        let s = format!("{whole}.{rem:0width$}", width = digits as usize);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
    let ns = d.as_nanos();
    if ns == 0 {
        return "0s".into();
    }
    if ns < 1_000 {
        return format!("{ns}ns");
    }
    if ns < 1_000_000 {
        return format!("{}µs", frac(ns / 1_000, ns % 1_000, 3));
    }
    if ns < 1_000_000_000 {
        return format!("{}ms", frac(ns / 1_000_000, ns % 1_000_000, 6));
    }
    let secs = ns / 1_000_000_000;
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    let sec = frac(s, ns % 1_000_000_000, 9);
    match (h, m) {
        (0, 0) => format!("{sec}s"),
        (0, m) => format!("{m}m{sec}s"),
        (h, m) => format!("{h}h{m}m{sec}s"),
    }
}

/// Azure fluxConfigurations' compliance states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Compliance {
    /// Cluster matches the desired state.
    Compliant,
    /// Unknown.
    Unknown,
    /// New desired state not reconciled yet.
    Pending,
    /// Current state does not match.
    #[serde(rename = "Non-Compliant")]
    NonCompliant,
    /// Suspended.
    Suspended,
}

impl Compliance {
    /// The state Azure reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Compliance::Compliant => "Compliant",
            Compliance::Unknown => "Unknown",
            Compliance::Pending => "Pending",
            Compliance::NonCompliant => "Non-Compliant",
            Compliance::Suspended => "Suspended",
        }
    }

    /// From an object's conditions: Ready True → Compliant, False →
    /// Non-Compliant, Unknown or absent (or reconciling) → Pending.
    pub fn from_conditions(conditions: &[Condition], suspended: bool) -> Self {
        if suspended {
            return Compliance::Suspended;
        }
        match conditions
            .iter()
            .find(|c| c.type_ == "Ready")
            .map(|c| c.status.as_str())
        {
            Some("True") => Compliance::Compliant,
            Some("False") => Compliance::NonCompliant,
            _ => Compliance::Pending,
        }
    }

    /// The configuration's state: the worst of its objects
    /// (Non-Compliant > Pending > Unknown > Compliant).
    pub fn aggregate(states: impl IntoIterator<Item = Compliance>) -> Self {
        // A suspended object does not make the configuration suspended
        // (only the configuration's own suspend does): it counts as nothing.
        let rank = |c: Compliance| match c {
            Compliance::Compliant => 1,
            Compliance::Unknown => 2,
            Compliance::Pending => 3,
            Compliance::NonCompliant => 4,
            Compliance::Suspended => 0,
        };
        match states.into_iter().max_by_key(|c| rank(*c)) {
            None => Compliance::Unknown,
            Some(Compliance::Suspended) => Compliance::Compliant,
            Some(c) => c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_are_trimmed() {
        let c = Condition::new("Ready", false, "x", "é".repeat(MAX_MESSAGE));
        assert!(c.message.len() <= MAX_MESSAGE && c.message.ends_with("..."));
        assert_eq!(trim_message("short".into()), "short");
    }

    #[test]
    fn durations_print_like_go() {
        use std::time::Duration;
        assert_eq!(go_duration(Duration::from_millis(2021)), "2.021s");
        assert_eq!(go_duration(Duration::from_millis(6)), "6ms");
        assert_eq!(go_duration(Duration::from_micros(6500)), "6.5ms");
        assert_eq!(go_duration(Duration::from_secs(90)), "1m30s");
        assert_eq!(go_duration(Duration::from_secs(3600)), "1h0m0s");
        assert_eq!(go_duration(Duration::ZERO), "0s");
    }

    #[test]
    fn compliance_mapping_and_aggregate() {
        let ready = |s: bool| vec![Condition::new("Ready", s, "x", "")];
        assert_eq!(
            Compliance::from_conditions(&ready(true), false),
            Compliance::Compliant
        );
        assert_eq!(
            Compliance::from_conditions(&ready(false), false),
            Compliance::NonCompliant
        );
        assert_eq!(Compliance::from_conditions(&[], false), Compliance::Pending);
        assert_eq!(
            Compliance::from_conditions(&ready(true), true),
            Compliance::Suspended
        );
        assert_eq!(
            Compliance::aggregate([Compliance::Compliant, Compliance::Pending]),
            Compliance::Pending
        );
        assert_eq!(
            Compliance::aggregate([Compliance::Pending, Compliance::NonCompliant]),
            Compliance::NonCompliant
        );
        assert_eq!(
            serde_json::to_string(&Compliance::NonCompliant).expect("json"),
            "\"Non-Compliant\""
        );
    }
}

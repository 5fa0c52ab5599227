//! An object's conditions as `fluxcd/pkg/runtime/conditions` keeps them:
//! setting a condition keeps its transition time unless its status, reason
//! or message changed and stamps the object's generation on it; marking an
//! object Reconciling clears Stalled and the other way round; conditions
//! not touched in an attempt are carried as they were.

use sluice_appliers::conditions::Condition;

/// Flux's terminal-error prefix for conditions that stall an object.
pub const TERMINAL_ERROR: &str = "Reconciliation failed terminally due to configuration error";

/// A mutable set of conditions, seeded from the object's status.
#[derive(Clone, Debug, Default)]
pub struct Conditions {
    list: Vec<Condition>,
    generation: Option<i64>,
}

impl Conditions {
    /// The object's current conditions; `generation` is stamped on every
    /// condition set from now on.
    pub fn new(current: &[Condition], generation: Option<i64>) -> Self {
        Self {
            list: current.to_vec(),
            generation,
        }
    }

    /// Sets a condition.
    pub fn set(&mut self, type_: &str, status: &str, reason: &str, message: impl Into<String>) {
        let mut c = match status {
            "True" => Condition::new(type_, true, reason, message),
            "False" => Condition::new(type_, false, reason, message),
            _ => Condition::unknown(type_, reason, message),
        };
        c = c.carry_transition(&self.list);
        c.observed_generation = self.generation;
        match self.list.iter_mut().find(|x| x.type_ == type_) {
            Some(existing) => *existing = c,
            None => self.list.push(c),
        }
    }

    /// `type_=True`.
    pub fn mark_true(&mut self, type_: &str, reason: &str, message: impl Into<String>) {
        self.set(type_, "True", reason, message);
    }

    /// `type_=False`.
    pub fn mark_false(&mut self, type_: &str, reason: &str, message: impl Into<String>) {
        self.set(type_, "False", reason, message);
    }

    /// `type_=Unknown`.
    pub fn mark_unknown(&mut self, type_: &str, reason: &str, message: impl Into<String>) {
        self.set(type_, "Unknown", reason, message);
    }

    /// Reconciling=True; an object that makes progress is not stalled.
    pub fn mark_reconciling(&mut self, reason: &str, message: impl Into<String>) {
        self.delete("Stalled");
        self.mark_true("Reconciling", reason, message);
    }

    /// Stalled=True; a stalled object is not reconciling.
    pub fn mark_stalled(&mut self, reason: &str, message: impl Into<String>) {
        self.delete("Reconciling");
        self.mark_true("Stalled", reason, message);
    }

    /// Removes a condition.
    pub fn delete(&mut self, type_: &str) {
        self.list.retain(|c| c.type_ != type_);
    }

    /// The condition of `type_`.
    pub fn get(&self, type_: &str) -> Option<&Condition> {
        self.list.iter().find(|c| c.type_ == type_)
    }

    /// Whether `type_` is True.
    pub fn is_true(&self, type_: &str) -> bool {
        self.get(type_).is_some_and(|c| c.status == "True")
    }

    /// Whether `type_` is False.
    pub fn is_false(&self, type_: &str) -> bool {
        self.get(type_).is_some_and(|c| c.status == "False")
    }

    /// Sets a condition computed elsewhere (e.g. by the apply engine).
    pub fn put(&mut self, c: Condition) {
        self.set(
            &c.type_.clone(),
            &c.status.clone(),
            &c.reason.clone(),
            c.message,
        );
    }

    /// The reason of Ready, which Flux's events carry.
    pub fn ready_reason(&self) -> Option<&str> {
        self.get("Ready").map(|c| c.reason.as_str())
    }

    /// Flux's deferred `finalizeStatus` for conditions: a Ready object is
    /// not reconciling; a failed one that was is retrying.
    pub fn finalize(&mut self) {
        if self.is_true("Ready") {
            self.delete("Reconciling");
        }
        if self.is_false("Ready")
            && let Some(r) = self.list.iter_mut().find(|c| c.type_ == "Reconciling")
        {
            r.reason = sluice_appliers::conditions::reason::PROGRESSING_WITH_RETRY.into();
        }
    }

    /// The conditions in Flux's order.
    pub fn into_vec(mut self) -> Vec<Condition> {
        super::flux_order(&mut self.list);
        self.list
    }

    /// A copy in Flux's order.
    pub fn to_vec(&self) -> Vec<Condition> {
        self.clone().into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_and_finalize_as_flux() {
        let old = Condition {
            last_transition_time: "2020-01-01T00:00:00Z".into(),
            observed_generation: Some(1),
            ..Condition::new(
                "Ready",
                true,
                "ReconciliationSucceeded",
                "Applied revision: a",
            )
        };
        let mut c = Conditions::new(std::slice::from_ref(&old), Some(2));
        c.mark_true("Ready", "ReconciliationSucceeded", "Applied revision: a");
        let ready = c.get("Ready").expect("ready").clone();
        assert_eq!(ready.last_transition_time, old.last_transition_time);
        assert_eq!(ready.observed_generation, Some(2));
        c.mark_reconciling("Progressing", "Building");
        c.mark_false("Ready", "BuildFailed", "boom");
        assert_ne!(
            c.get("Ready").expect("ready").last_transition_time,
            old.last_transition_time
        );
        c.finalize();
        assert_eq!(
            c.get("Reconciling").map(|r| r.reason.as_str()),
            Some("ProgressingWithRetry")
        );
        c.mark_stalled("X", "y");
        assert!(c.get("Reconciling").is_none());
        c.mark_reconciling("Progressing", "z");
        assert!(c.get("Stalled").is_none());
        c.mark_true("Ready", "ReconciliationSucceeded", "ok");
        c.finalize();
        let types: Vec<String> = c.into_vec().into_iter().map(|c| c.type_).collect();
        assert_eq!(types, vec!["Ready"]);
    }
}

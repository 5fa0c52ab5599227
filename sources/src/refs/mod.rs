//! Which revision to fetch: Flux's `spec.ref` with its precedence, and the
//! revision strings Flux reports (`main@sha1:<hex>`, `sha1:<hex>`, …).

pub mod semver;

use crate::error::{Error, Result};

/// The branch Flux uses when a GitRepository names no ref at all.
pub const DEFAULT_BRANCH: &str = "master";

/// Flux's `spec.ref`: any combination of fields may be set; [`RefSpec::resolve`]
/// applies Flux's precedence.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefSpec {
    /// `spec.ref.branch`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// `spec.ref.tag`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// `spec.ref.semver`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub semver: Option<String>,
    /// `spec.ref.name`: any full ref, e.g. `refs/pull/1/head`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `spec.ref.commit`: a full commit id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// One resolved ref to fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GitRef {
    /// The tip of a branch.
    Branch(String),
    /// A tag (annotated tags are peeled to their commit).
    Tag(String),
    /// The highest tag satisfying a semver range.
    Semver(String),
    /// Any full ref name.
    Name(String),
    /// A commit; `branch` only labels the revision, as in Flux.
    Commit {
        /// Full hex id.
        id: String,
        /// Branch given alongside, if any.
        branch: Option<String>,
    },
}

impl RefSpec {
    /// Applies Flux's precedence: commit > name > semver > tag > branch, and
    /// the default branch `master` when nothing is set.
    pub fn resolve(&self) -> Result<GitRef> {
        let nonempty = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        if let Some(commit) = nonempty(&self.commit) {
            validate_commit(&commit)?;
            return Ok(GitRef::Commit {
                id: commit.to_ascii_lowercase(),
                branch: nonempty(&self.branch),
            });
        }
        if let Some(name) = nonempty(&self.name) {
            if !name.starts_with("refs/") {
                return Err(Error::InvalidRef(format!(
                    "ref name '{name}' must be a full ref starting with 'refs/'"
                )));
            }
            validate_ref_name(&name)?;
            return Ok(GitRef::Name(name));
        }
        if let Some(range) = nonempty(&self.semver) {
            semver::Range::parse(&range)?;
            return Ok(GitRef::Semver(range));
        }
        if let Some(tag) = nonempty(&self.tag) {
            validate_ref_name(&format!("refs/tags/{tag}"))?;
            return Ok(GitRef::Tag(tag));
        }
        let branch = nonempty(&self.branch).unwrap_or_else(|| DEFAULT_BRANCH.to_string());
        validate_ref_name(&format!("refs/heads/{branch}"))?;
        Ok(GitRef::Branch(branch))
    }
}

/// Flux's revision string for a fetched commit. `ref_name` is the full ref
/// that was fetched (for branch, tag, semver and name refs).
pub fn revision(reference: &GitRef, ref_name: Option<&str>, commit: &str) -> String {
    let algo = if commit.len() == 64 { "sha256" } else { "sha1" };
    match reference {
        GitRef::Commit {
            branch: Some(b), ..
        } => format!("{b}@{algo}:{commit}"),
        GitRef::Commit { branch: None, .. } => format!("{algo}:{commit}"),
        GitRef::Name(n) => format!("{n}@{algo}:{commit}"),
        GitRef::Branch(b) => format!("{b}@{algo}:{commit}"),
        GitRef::Tag(t) => format!("{t}@{algo}:{commit}"),
        GitRef::Semver(_) => {
            let short = ref_name.map(short_ref).unwrap_or_default();
            format!("{short}@{algo}:{commit}")
        }
    }
}

/// The commit id part of a revision string, in either the current
/// (`main@sha1:<hex>`, `sha1:<hex>`) or the legacy (`main/<hex>`) format.
pub fn commit_of_revision(revision: &str) -> Option<&str> {
    if let Some((_, hash)) = revision.rsplit_once(':') {
        return Some(hash);
    }
    revision
        .rsplit_once('/')
        .map(|(_, h)| h)
        .or(Some(revision))
        .filter(|h| is_hex_id(h))
}

/// `refs/heads/feature/x` → `feature/x`; `refs/tags/v1` → `v1`.
pub fn short_ref(full: &str) -> &str {
    full.strip_prefix("refs/heads/")
        .or_else(|| full.strip_prefix("refs/tags/"))
        .unwrap_or(full)
}

/// Whether `s` is a full sha1 or sha256 hex object id.
pub fn is_hex_id(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn validate_commit(commit: &str) -> Result<()> {
    if is_hex_id(commit) {
        Ok(())
    } else {
        Err(Error::InvalidRef(format!(
            "commit '{commit}' must be a full 40 (sha1) or 64 (sha256) character hex id"
        )))
    }
}

/// git's check-ref-format rules, enough to refuse names that no server has
/// and that could confuse refspecs.
fn validate_ref_name(name: &str) -> Result<()> {
    let bad = name.ends_with('/')
        || name.ends_with(".lock")
        || name.ends_with('.')
        || name.contains("..")
        || name.contains("//")
        || name.contains("@{")
        || name.split('/').any(|c| c.is_empty() || c.starts_with('.'))
        || name
            .bytes()
            .any(|b| b < 0x20 || b == 0x7f || b" ~^:?*[\\".contains(&b));
    if bad {
        Err(Error::InvalidRef(format!(
            "'{name}' is not a valid git ref name"
        )))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(
        branch: Option<&str>,
        tag: Option<&str>,
        semver: Option<&str>,
        name: Option<&str>,
        commit: Option<&str>,
    ) -> RefSpec {
        RefSpec {
            branch: branch.map(Into::into),
            tag: tag.map(Into::into),
            semver: semver.map(Into::into),
            name: name.map(Into::into),
            commit: commit.map(Into::into),
        }
    }

    const C: &str = "0123456789abcdef0123456789abcdef01234567";

    #[test]
    fn precedence_is_commit_name_semver_tag_branch() {
        let all = spec(
            Some("main"),
            Some("v1"),
            Some(">=1.0.0"),
            Some("refs/pull/1/head"),
            Some(C),
        );
        assert_eq!(
            all.resolve().expect("ok"),
            GitRef::Commit {
                id: C.into(),
                branch: Some("main".into())
            }
        );
        let no_commit = RefSpec {
            commit: None,
            ..all.clone()
        };
        assert_eq!(
            no_commit.resolve().expect("ok"),
            GitRef::Name("refs/pull/1/head".into())
        );
        let no_name = RefSpec {
            name: None,
            ..no_commit
        };
        assert_eq!(
            no_name.resolve().expect("ok"),
            GitRef::Semver(">=1.0.0".into())
        );
        let no_semver = RefSpec {
            semver: None,
            ..no_name
        };
        assert_eq!(no_semver.resolve().expect("ok"), GitRef::Tag("v1".into()));
        let no_tag = RefSpec {
            tag: None,
            ..no_semver
        };
        assert_eq!(no_tag.resolve().expect("ok"), GitRef::Branch("main".into()));
        assert_eq!(
            RefSpec::default().resolve().expect("ok"),
            GitRef::Branch("master".into())
        );
    }

    #[test]
    fn revision_strings_match_flux() {
        assert_eq!(
            revision(&GitRef::Branch("main".into()), None, C),
            format!("main@sha1:{C}")
        );
        assert_eq!(
            revision(&GitRef::Tag("v1.2.3".into()), None, C),
            format!("v1.2.3@sha1:{C}")
        );
        assert_eq!(
            revision(&GitRef::Semver(">=1".into()), Some("refs/tags/v1.4.0"), C),
            format!("v1.4.0@sha1:{C}")
        );
        assert_eq!(
            revision(
                &GitRef::Commit {
                    id: C.into(),
                    branch: None
                },
                None,
                C
            ),
            format!("sha1:{C}")
        );
        assert_eq!(
            revision(
                &GitRef::Name("refs/pull/1/head".into()),
                Some("refs/pull/1/head"),
                C
            ),
            format!("refs/pull/1/head@sha1:{C}")
        );
    }

    #[test]
    fn bad_refs_are_refused() {
        assert!(
            spec(None, None, None, None, Some("abc123"))
                .resolve()
                .is_err()
        );
        assert!(
            spec(None, None, None, Some("pull/1/head"), None)
                .resolve()
                .is_err()
        );
        assert!(
            spec(Some("a..b"), None, None, None, None)
                .resolve()
                .is_err()
        );
        assert!(
            spec(None, Some("v1 2"), None, None, None)
                .resolve()
                .is_err()
        );
        assert!(
            spec(None, None, Some("not a range!"), None, None)
                .resolve()
                .is_err()
        );
    }

    #[test]
    fn commit_of_any_revision_format() {
        assert_eq!(commit_of_revision(&format!("main@sha1:{C}")), Some(C));
        assert_eq!(commit_of_revision(&format!("sha1:{C}")), Some(C));
        assert_eq!(commit_of_revision(&format!("main/{C}")), Some(C));
    }
}

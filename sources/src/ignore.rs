//! `.sourceignore` and `spec.ignore` with Flux's rules: version-control files
//! are always excluded; a default list (images, archives, CI files) applies
//! only while no custom pattern exists anywhere — the first `.sourceignore`
//! pattern or any `spec.ignore` pattern drops the defaults entirely.

use std::path::PathBuf;

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::error::{Error, Result};

/// Name of the ignore file Flux reads in every directory of a source.
pub const IGNORE_FILE: &str = ".sourceignore";

/// Always excluded.
pub const VCS_PATTERNS: &[&str] = &[".git/", ".gitignore", ".gitmodules", ".gitattributes"];

/// Excluded unless a custom pattern exists.
pub const DEFAULT_PATTERNS: &[&str] = &[
    "*.jpg",
    "*.jpeg",
    "*.gif",
    "*.png",
    "*.wmv",
    "*.flv",
    "*.tar.gz",
    "*.zip",
    ".github/",
    ".circleci/",
    ".travis.yml",
    ".gitlab-ci.yml",
    "appveyor.yml",
    ".drone.yml",
    "cloudbuild.yaml",
    "codeship-services.yml",
    "codeship-steps.yml",
    "**/.goreleaser.yml",
    "**/.sops.yaml",
    "**/.flux.yaml",
];

/// Compiled ignore rules for one source tree.
pub struct IgnoreRules {
    /// (directory the patterns are scoped to, matcher), in precedence order.
    matchers: Vec<(String, Gitignore)>,
}

/// Lines of an ignore file that are patterns (not blank, not comments).
fn patterns(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl IgnoreRules {
    /// Builds the rules from the `.sourceignore` files of a tree — (directory
    /// relative to the root, `""` for the root; file content) in walk order —
    /// and the optional `spec.ignore` text.
    pub fn new(source_ignores: &[(String, String)], spec_ignore: Option<&str>) -> Result<Self> {
        let has_custom = source_ignores
            .iter()
            .any(|(_, t)| patterns(t).next().is_some())
            || spec_ignore.is_some_and(|t| patterns(t).next().is_some());
        let mut matchers = Vec::new();
        let mut root = Vec::from(VCS_PATTERNS);
        if !has_custom {
            root.extend_from_slice(DEFAULT_PATTERNS);
        }
        matchers.push((
            String::new(),
            build("", root.into_iter(), "built-in patterns")?,
        ));
        for (dir, text) in source_ignores {
            let origin = if dir.is_empty() {
                IGNORE_FILE.to_string()
            } else {
                format!("{dir}/{IGNORE_FILE}")
            };
            matchers.push((dir.clone(), build(dir, patterns(text), &origin)?));
        }
        if let Some(text) = spec_ignore {
            matchers.push((String::new(), build("", patterns(text), "spec.ignore")?));
        }
        Ok(Self { matchers })
    }

    /// Whether `path` (relative, `/`-separated) is excluded. As in Flux
    /// (go-git's matcher over every walked path), a directory pattern also
    /// matches what is below it, and a later pattern can re-include a file
    /// below an excluded directory.
    pub fn is_excluded(&self, path: &str, is_dir: bool) -> bool {
        self.matches(path, is_dir)
    }

    /// Later matchers win; within one, gitignore's own last-match-wins.
    fn matches(&self, path: &str, is_dir: bool) -> bool {
        // The matcher panics on a rooted path; a crafted tree may hold one
        // (found by fuzzing: "///", ".////"). Paths are relative to the
        // root anyway: empty and `.` components are dropped.
        let clean: Vec<&str> = path
            .split('/')
            .filter(|c| !c.is_empty() && *c != ".")
            .collect();
        if clean.is_empty() {
            return false;
        }
        let joined = clean.join("/");
        let path = joined.as_str();
        let mut excluded = false;
        for (domain, m) in &self.matchers {
            let rel = if domain.is_empty() {
                path
            } else {
                match path
                    .strip_prefix(domain.as_str())
                    .and_then(|r| r.strip_prefix('/'))
                {
                    Some(r) => r,
                    None => continue,
                }
            };
            match m.matched_path_or_any_parents(rel, is_dir) {
                Match::Ignore(_) => excluded = true,
                Match::Whitelist(_) => excluded = false,
                Match::None => {}
            }
        }
        excluded
    }
}

fn build<'a>(dir: &str, lines: impl Iterator<Item = &'a str>, origin: &str) -> Result<Gitignore> {
    let mut b = GitignoreBuilder::new(PathBuf::from("/").join(dir));
    for line in lines {
        b.add_line(None, line).map_err(|e| Error::Archive {
            path: origin.to_string(),
            detail: format!("invalid ignore pattern '{line}': {e}"),
        })?;
    }
    b.build().map_err(|e| Error::Archive {
        path: origin.to_string(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rooted_paths_never_panic() {
        // Found by fuzzing: the matcher asserts paths are relative.
        let r = IgnoreRules::new(&[], None).expect("rules");
        assert!(!r.is_excluded("///", false));
        assert!(!r.is_excluded(".////", false));
        assert!(r.is_excluded("./docs//x.png", false));
        assert!(r.is_excluded("/.git/config", false));
    }

    #[test]
    fn defaults_apply_without_custom_patterns() {
        let r = IgnoreRules::new(&[], None).expect("rules");
        assert!(r.is_excluded(".git/config", false));
        assert!(r.is_excluded(".gitignore", false));
        assert!(r.is_excluded("docs/logo.png", false));
        assert!(r.is_excluded(".github/workflows/ci.yaml", false));
        assert!(r.is_excluded("a/b/.sops.yaml", false));
        assert!(!r.is_excluded("deploy/app.yaml", false));
    }

    #[test]
    fn any_custom_pattern_drops_the_defaults() {
        let r = IgnoreRules::new(&[(String::new(), "docs/\n".into())], None).expect("rules");
        assert!(r.is_excluded("docs/readme.md", false));
        assert!(
            !r.is_excluded("horse.jpg", false),
            "defaults are gone (Flux's quirk)"
        );
        assert!(r.is_excluded(".gitmodules", false), "VCS patterns stay");
        let r = IgnoreRules::new(&[], Some("*.md")).expect("rules");
        assert!(!r.is_excluded(".github/ci.yaml", false));
        assert!(r.is_excluded("README.md", false));
    }

    #[test]
    fn comment_only_files_keep_the_defaults() {
        let r =
            IgnoreRules::new(&[(String::new(), "# nothing\n\n".into())], Some("")).expect("rules");
        assert!(r.is_excluded("x.png", false));
    }

    #[test]
    fn nested_files_are_scoped_and_later_patterns_win() {
        let files = vec![
            (String::new(), "*.txt\n".to_string()),
            ("sub".to_string(), "!keep.txt\n/local.yaml\n".to_string()),
        ];
        let r = IgnoreRules::new(&files, Some("!top.txt")).expect("rules");
        assert!(r.is_excluded("a.txt", false));
        assert!(!r.is_excluded("top.txt", false));
        assert!(!r.is_excluded("sub/keep.txt", false));
        assert!(r.is_excluded("sub/other.txt", false));
        assert!(r.is_excluded("sub/local.yaml", false));
        assert!(!r.is_excluded("local.yaml", false));
        assert!(
            !r.is_excluded("sub/deeper/local.yaml", false),
            "anchored to its own directory"
        );
    }

    #[test]
    fn excluded_directories_exclude_their_content_unless_re_included() {
        let r = IgnoreRules::new(&[], Some("build/\n!build/keep.yaml")).expect("rules");
        assert!(
            !r.is_excluded("build/keep.yaml", false),
            "Flux matches every path, so a later pattern re-includes it"
        );
        assert!(r.is_excluded("build/other.yaml", false));
        assert!(r.is_excluded("x/build/y", false));
    }
}

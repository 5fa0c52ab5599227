//! Property-driven fuzzing on stable Rust for what a GitRepository's spec
//! hands the source library: semver versions and ranges, URLs (credentials
//! inside them never printed), revision strings and ignore rules. CI runs a
//! few hundred cases per harness; `tests/fuzz/run` runs a million
//! (`SLUICE_FUZZ_CASES`). Failures are kept in `fuzz.proptest-regressions`.

use proptest::prelude::*;
use sluice_sources::GitUrl;
use sluice_sources::ignore::IgnoreRules;
use sluice_sources::refs::semver::{Range, Version};
use sluice_sources::refs::{commit_of_revision, short_ref};

fn config() -> ProptestConfig {
    let cases = std::env::var("SLUICE_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

fn version_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        "[0-9]{1,3}",
        Just("18446744073709551616".to_string()),
        Just("00".to_string()),
        Just("x".to_string()),
        Just("*".to_string()),
    ];
    (
        prop::option::of(prop::sample::select(vec!["v", "=", "V"])),
        prop::collection::vec(part, 1..4),
        prop::option::of("-[0-9A-Za-z.-]{0,10}"),
        prop::option::of("\\+[0-9A-Za-z.-]{0,10}"),
    )
        .prop_map(|(p, parts, pre, build)| {
            format!(
                "{}{}{}{}",
                p.unwrap_or(""),
                parts.join("."),
                pre.unwrap_or_default(),
                build.unwrap_or_default()
            )
        })
}

fn range_text() -> impl Strategy<Value = String> {
    let op = prop::sample::select(vec![
        "", "=", "!=", ">", "<", ">=", "<=", "~", "^", "~>", "=>", "=<",
    ]);
    let clause = (op, version_text()).prop_map(|(o, v)| format!("{o}{v}"));
    let and = prop::collection::vec(clause, 1..3).prop_map(|c| c.join(" "));
    let hyphen = (version_text(), version_text()).prop_map(|(a, b)| format!("{a} - {b}"));
    let or = prop::collection::vec(prop_oneof![and, hyphen], 1..3).prop_map(|c| c.join(" || "));
    prop_oneof![or, "[ -~]{0,24}"]
}

proptest! {
    #![proptest_config(config())]

    /// Versions and ranges parse or are refused, never panic; a range
    /// refuses with a message and matching never panics.
    #[test]
    fn semver_never_panics(r in range_text(), v in version_text(), w in "[ -~]{0,16}") {
        let version = Version::parse(&v);
        let _ = Version::parse(&w);
        let _ = Version::parse_tag(&w);
        match Range::parse(&r) {
            Ok(range) => {
                if let Some(version) = &version {
                    let _ = range.matches(version);
                    let _ = version.is_prerelease();
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    /// Any URL: parsed or refused; a password inside it never appears in
    /// the parsed URL's display, its debug form or the error.
    #[test]
    fn url_credentials_never_printed(
        scheme in prop::sample::select(vec!["https://", "http://", "ssh://", "git://", "file://", "ftp://"]),
        user in "[a-z]{0,6}",
        host in "[a-z0-9.:\\[\\]-]{0,16}",
        path in "[ -~]{0,20}",
    ) {
        let password = "Pw-9f8e7d6c5b4a";
        let url = format!("{scheme}{user}:{password}@{host}/{path}");
        match GitUrl::parse(&url) {
            Ok(u) => {
                prop_assert!(!u.to_string().contains(password), "{u}");
                prop_assert!(!format!("{u:?}").contains(password), "{u:?}");
            }
            Err(e) => {
                prop_assert!(!e.to_string().contains(password), "{e}");
                prop_assert!(!format!("{e:?}").contains(password), "{e:?}");
            }
        }
    }

    /// Revision strings in any shape.
    #[test]
    fn revisions_never_panic(s in "[ -~]{0,80}", r in "(refs/(heads|tags)/)?[ -~]{0,20}") {
        let _ = commit_of_revision(&s);
        let _ = short_ref(&r);
    }

    /// Any `.sourceignore` and `spec.ignore` text builds rules or is
    /// refused; any path is then judged without a panic, and the rules are
    /// a pure function of the path.
    #[test]
    fn ignore_rules_never_panic(
        lines in prop::collection::vec(
            prop_oneof![
                "[!#/*?\\[\\]a-z.\\\\ -]{0,12}",
                Just("**/".to_string()),
                Just("!**".to_string()),
                Just("[".to_string()),
                Just("\\".to_string()),
            ],
            0..8),
        path in "[a-z./*\\[\\] -]{0,24}",
        is_dir in any::<bool>(),
    ) {
        let text = lines.join("\n");
        let source = [("sub".to_string(), text.clone())];
        if let Ok(rules) = IgnoreRules::new(&source, Some(&text)) {
            let first = rules.is_excluded(&path, is_dir);
            prop_assert_eq!(first, rules.is_excluded(&path, is_dir));
        }
    }
}

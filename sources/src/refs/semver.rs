//! Semver ranges exactly as Flux evaluates them (Masterminds/semver v3.4):
//! `||` alternatives of comparators joined by spaces or commas, operators
//! `= != > < >= => <= =< ~ ~> ^`, hyphen ranges `A - B`, wildcards `x X *`,
//! partial versions, and a leading `v`. Pre-releases are considered only in
//! an AND group where some comparator names a pre-release, so
//! `>=3.1.0-rc.1 <3.2.0` admits `3.1.0-rc.2` while `>=1.0.0` does not admit
//! `1.1.0-rc.1`.

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, Result};

const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const OPS: &str = r"=|!=|>|<|>=|=>|<=|=<|~|~>|\^";

static RANGE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\s*({CV})\s+-\s+({CV})\s*")).expect("static regex"));
static VALID_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(\s*({OPS})?\s*({CV})\s*)((?:\s+|,\s*)({OPS})?\s*({CV})\s*)*$"
    ))
    .expect("static regex")
});
static FIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(>=|=>|<=|=<|!=|~>|=|>|<|~|\^)?\s*({CV})")).expect("static regex")
});
static CV_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{CV}$")).expect("static regex"));
static VERSION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$")
        .expect("static regex")
});

/// A version parsed leniently: `v1.2.3`, `1.2`, `1`, pre-release, build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: Vec<String>,
}

impl Version {
    /// Parses like Masterminds' `NewVersion`.
    pub fn parse(s: &str) -> Option<Self> {
        let c = VERSION_RE.captures(s)?;
        let num = |i: usize| -> Option<u64> {
            match c.get(i) {
                None => Some(0),
                Some(m) => m.as_str().trim_start_matches('.').parse().ok(),
            }
        };
        let pre: Vec<String> = c
            .get(5)
            .map(|m| m.as_str().split('.').map(String::from).collect())
            .unwrap_or_default();
        // Numeric pre-release identifiers may not have leading zeros.
        if pre
            .iter()
            .any(|p| p.len() > 1 && p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        Some(Self {
            major: num(1)?,
            minor: num(2)?,
            patch: num(3)?,
            pre,
        })
    }

    /// Parses a tag name as Flux does: like [`Version::parse`], but the name
    /// must contain at least two dots (`v1.2` is not a release tag).
    pub fn parse_tag(tag: &str) -> Option<Self> {
        if tag.splitn(3, '.').count() != 3 {
            return None;
        }
        Self::parse(tag)
    }

    /// Whether this is a pre-release.
    pub fn is_prerelease(&self) -> bool {
        !self.pre.is_empty()
    }

    fn triple(&self) -> (u64, u64, u64) {
        (self.major, self.minor, self.patch)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.triple()
            .cmp(&other.triple())
            .then_with(|| compare_pre(&self.pre, &other.pre))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn compare_pre(a: &[String], b: &[String]) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    for (x, y) in a.iter().zip(b) {
        let o = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(m), Ok(n)) => m.cmp(&n),
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            (Err(_), Err(_)) => x.as_bytes().cmp(y.as_bytes()),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    TildeOrEqual,
    NotEqual,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
    Tilde,
    Caret,
}

#[derive(Clone, Debug)]
struct Comparator {
    op: Op,
    con: Version,
    dirty: bool,
    minor_dirty: bool,
    patch_dirty: bool,
}

/// A parsed range: OR of AND groups.
#[derive(Clone, Debug)]
pub struct Range {
    groups: Vec<(Vec<Comparator>, bool)>,
}

impl Range {
    /// Parses a Flux/Masterminds range.
    pub fn parse(input: &str) -> Result<Self> {
        let err = |reason: String| Error::InvalidSemver {
            range: input.to_string(),
            reason,
        };
        let rewritten = RANGE_RE
            .replace_all(input, |c: &regex::Captures<'_>| {
                let a = c.get(1).map(|m| m.as_str()).unwrap_or_default();
                let b = c.get(11).map(|m| m.as_str()).unwrap_or_default();
                format!(">= {a}, <= {b} ")
            })
            .into_owned();
        let mut groups = Vec::new();
        for segment in rewritten.split("||") {
            if !VALID_RE.is_match(segment) {
                return Err(err(format!("improper constraint: {}", segment.trim())));
            }
            let mut comps = Vec::new();
            for m in FIND_RE.captures_iter(segment) {
                let op = match m.get(1).map(|o| o.as_str()).unwrap_or("") {
                    "" | "=" => Op::TildeOrEqual,
                    "!=" => Op::NotEqual,
                    ">" => Op::Greater,
                    "<" => Op::Less,
                    ">=" | "=>" => Op::GreaterEqual,
                    "<=" | "=<" => Op::LessEqual,
                    "~" | "~>" => Op::Tilde,
                    "^" => Op::Caret,
                    other => return Err(err(format!("unknown operator '{other}'"))),
                };
                let v = m.get(2).map(|v| v.as_str()).unwrap_or_default();
                comps.push(comparator(op, v).ok_or_else(|| err(format!("invalid version '{v}'")))?);
            }
            if comps.is_empty() {
                return Err(err("empty constraint".into()));
            }
            let has_pre = comps.iter().any(|c| c.con.is_prerelease());
            groups.push((comps, has_pre));
        }
        Ok(Self { groups })
    }

    /// Whether `v` satisfies the range.
    pub fn matches(&self, v: &Version) -> bool {
        self.groups
            .iter()
            .any(|(comps, pre)| comps.iter().all(|c| c.check(v, *pre)))
    }
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "X" | "*")
}

fn comparator(op: Op, v: &str) -> Option<Comparator> {
    let c = CV_RE.captures(v)?;
    let major = c.get(1)?.as_str();
    let minor = c.get(2).map(|m| &m.as_str()[1..]).unwrap_or("");
    let patch = c.get(3).map(|m| &m.as_str()[1..]).unwrap_or("");
    let tail = &v[c.get(3).or(c.get(2)).or(c.get(1))?.end()..];
    let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
    let text = if is_x(major) {
        dirty = true;
        format!("0.0.0{tail}")
    } else if minor.is_empty() || is_x(minor) {
        dirty = true;
        minor_dirty = true;
        format!("{major}.0.0{tail}")
    } else if patch.is_empty() || is_x(patch) {
        dirty = true;
        patch_dirty = true;
        format!("{major}.{minor}.0{tail}")
    } else {
        format!("{major}.{minor}.{patch}{tail}")
    };
    let con = Version::parse(&text)?;
    Some(Comparator {
        op,
        con,
        dirty,
        minor_dirty,
        patch_dirty,
    })
}

impl Comparator {
    fn check(&self, v: &Version, include_pre: bool) -> bool {
        if v.is_prerelease() && !include_pre {
            return false;
        }
        let c = &self.con;
        match self.op {
            Op::TildeOrEqual => {
                if self.dirty {
                    self.tilde(v)
                } else {
                    v.cmp(c) == Ordering::Equal
                }
            }
            Op::NotEqual => {
                if self.dirty {
                    let inside = v.major == c.major
                        && (self.minor_dirty || v.minor == c.minor)
                        && (self.minor_dirty || self.patch_dirty || v.patch == c.patch);
                    !inside
                } else {
                    v.cmp(c) != Ordering::Equal
                }
            }
            Op::Greater => {
                if !self.dirty {
                    return v > c;
                }
                if v.major != c.major {
                    return v.major > c.major;
                }
                if self.minor_dirty {
                    return false;
                }
                if self.patch_dirty {
                    return v.minor > c.minor;
                }
                v > c
            }
            Op::Less => v < c,
            Op::GreaterEqual => v >= c,
            Op::LessEqual => {
                if !self.dirty {
                    return v <= c;
                }
                if v.major > c.major {
                    return false;
                }
                !(v.major == c.major && v.minor > c.minor && !self.minor_dirty)
            }
            Op::Tilde => self.tilde(v),
            Op::Caret => {
                if v < c {
                    return false;
                }
                if c.major > 0 || self.minor_dirty {
                    return v.major == c.major;
                }
                if v.major > 0 {
                    return false;
                }
                if c.minor > 0 || self.patch_dirty {
                    return v.minor == c.minor;
                }
                v.minor == c.minor && v.patch == c.patch
            }
        }
    }

    fn tilde(&self, v: &Version) -> bool {
        let c = &self.con;
        if v < c {
            return false;
        }
        if c.triple() == (0, 0, 0) && !self.minor_dirty && !self.patch_dirty {
            return true;
        }
        v.major == c.major && (self.minor_dirty || v.minor == c.minor)
    }
}

/// Picks the highest tag satisfying `range` among `tags` (short names).
/// Equal versions (`v1.0.0` and `1.0.0`) are ordered by `time_of`, newest
/// winning, then by name so the choice is always deterministic.
pub fn highest_matching<'a>(
    range: &Range,
    tags: impl IntoIterator<Item = &'a str>,
    time_of: impl Fn(&str) -> i64,
) -> Option<&'a str> {
    tags.into_iter()
        .filter_map(|t| {
            Version::parse_tag(t)
                .filter(|v| range.matches(v))
                .map(|v| (v, t))
        })
        .max_by(|(a, ta), (b, tb)| {
            a.cmp(b)
                .then_with(|| time_of(ta).cmp(&time_of(tb)))
                .then_with(|| ta.cmp(tb))
        })
        .map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(range: &str, v: &str) -> bool {
        Range::parse(range)
            .expect("range")
            .matches(&Version::parse(v).expect("version"))
    }

    #[test]
    fn prereleases_only_when_the_group_asks() {
        let r = ">=3.1.0-rc.1 <3.2.0";
        for (v, want) in [
            ("3.0.9", false),
            ("3.1.0-rc.1", true),
            ("3.1.0-rc.2", true),
            ("3.1.0", true),
            ("3.1.5-beta.1", true),
            ("3.1.9", true),
            ("3.2.0-rc.1", true),
            ("3.2.0", false),
        ] {
            assert_eq!(ok(r, v), want, "{r} vs {v}");
        }
        assert!(!ok(">=1.0.0", "1.1.0-rc.1"));
        assert!(!ok("*", "1.2.3-alpha.1"));
        assert!(ok("~1.2.0-beta", "1.2.0-rc.1"));
        assert!(ok("~1.2.0-beta", "1.2.7-alpha"));
        assert!(!ok("~1.2.0-beta", "1.2.0-alpha"));
        assert!(!ok("~1.2.0-beta", "1.3.0"));
        assert!(ok(">=1.0.0-0 || >=2", "1.5.0-rc.1"));
    }

    #[test]
    fn tilde_caret_and_wildcards() {
        assert!(ok("~1.2.3", "1.2.9") && !ok("~1.2.3", "1.3.0"));
        assert!(ok("~1", "1.9.0") && !ok("~1", "2.0.0"));
        assert!(ok("^1.2.3", "1.9.9") && !ok("^1.2.3", "2.0.0"));
        assert!(ok("^0.2.3", "0.2.9") && !ok("^0.2.3", "0.3.0"));
        assert!(ok("^0.0.3", "0.0.3") && !ok("^0.0.3", "0.0.4"));
        assert!(ok("^0", "0.9.0") && !ok("^0", "1.0.0"));
        assert!(ok("1.2.x", "1.2.5") && !ok("1.2.x", "1.3.0"));
        assert!(ok("1.2", "1.2.5") && !ok("1.2", "1.3.0"));
        assert!(ok("*", "9.9.9"));
        assert!(ok(">1.x", "2.0.0") && !ok(">1.x", "1.9.0"));
        assert!(ok(">1.2.x", "1.3.0") && !ok(">1.2.x", "1.2.9"));
        assert!(ok("<=1.x", "1.9.0") && !ok("<=1.x", "2.0.0"));
        assert!(ok("<=1.1", "1.1.1"));
        assert!(!ok("!=4.x", "4.1.0") && ok("!=4.x", "5.0.0"));
        assert!(ok("=1.2.3", "1.2.3") && !ok("1.2.3", "1.2.4"));
    }

    #[test]
    fn syntax_variants() {
        assert!(ok(">= 1.0, < 2.0", "1.5.0"));
        assert!(ok(">=1.0 <2.0", "1.5.0"));
        assert!(ok("=>1.0 =<2.0", "2.0.0"));
        assert!(ok("v1.2.x", "1.2.0"));
        assert!(ok("1.2 - 1.4", "1.4.9") && !ok("1.2 - 1.4", "1.5.0"));
        assert!(ok("1.2.3 - 1.4.5", "1.4.5") && !ok("1.2.3 - 1.4.5", "1.4.6"));
        assert!(ok("<1.0.0 || >=3.0.0", "3.1.0") && !ok("<1.0.0 || >=3.0.0", "2.0.0"));
        assert!(ok("~> 1.2", "1.2.9"));
        assert!(Range::parse("not a range").is_err());
        assert!(Range::parse("12.3.34~ 1.2.3").is_err());
        assert!(Range::parse("").is_err());
    }

    #[test]
    fn tag_parsing_follows_flux() {
        assert!(Version::parse_tag("v1.2.3").is_some());
        assert!(Version::parse_tag("1.2.3-rc.1").is_some());
        assert!(
            Version::parse_tag("v1.2-rc.1").is_some(),
            "two dots counting the pre-release"
        );
        assert!(Version::parse_tag("v1.2").is_none());
        assert!(Version::parse_tag("release-1.2.3").is_none());
        assert!(Version::parse_tag("V1.2.3").is_none());
        assert!(Version::parse_tag("1.2.3-alpha.01").is_none());
    }

    #[test]
    fn ordering_and_highest() {
        let v = |s: &str| Version::parse(s).expect("v");
        assert!(v("1.0.0-alpha") < v("1.0.0-alpha.1"));
        assert!(v("1.0.0-alpha.1") < v("1.0.0-alpha.beta"));
        assert!(v("1.0.0-beta.2") < v("1.0.0-beta.11"));
        assert!(v("1.0.0-rc.1") < v("1.0.0"));
        let r = Range::parse(">=1.0.0").expect("range");
        let tags = [
            "v0.9.0",
            "v1.0.0",
            "v1.10.0",
            "v1.9.0",
            "v2.0.0-rc.1",
            "latest",
        ];
        assert_eq!(highest_matching(&r, tags, |_| 0), Some("v1.10.0"));
        let r = Range::parse(">=2.0.0-0").expect("range");
        assert_eq!(highest_matching(&r, tags, |_| 0), Some("v2.0.0-rc.1"));
        let r = Range::parse(">=5").expect("range");
        assert_eq!(highest_matching(&r, tags, |_| 0), None);
        let r = Range::parse("1.0.0").expect("range");
        assert_eq!(
            highest_matching(&r, ["v1.0.0", "1.0.0"], |t| if t == "1.0.0" {
                2
            } else {
                1
            }),
            Some("1.0.0")
        );
    }
}

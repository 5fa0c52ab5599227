//! Patch and replacement targets: anchored regular expressions on group,
//! version, kind, name and namespace, plus Kubernetes label and annotation
//! selectors.

use regex::Regex;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::resource::{Resource, value_text};
use crate::types::Selector;

/// A compiled selector.
pub struct Compiled {
    group: Option<Pattern>,
    version: Option<Pattern>,
    kind: Option<Pattern>,
    name: Option<Pattern>,
    namespace: Option<Pattern>,
    labels: Vec<Requirement>,
    annotations: Vec<Requirement>,
    /// The name pattern when it can only match itself.
    literal_name: Option<String>,
}

/// A target pattern, matched in full.
enum Pattern {
    /// Letters, digits, `-` and `_` only, which as a regular expression
    /// match just themselves: compared, not compiled (compiling takes far
    /// longer than a small build's every other step).
    Literal(String),
    Regex(Regex),
}

impl Pattern {
    fn is_match(&self, s: &str) -> bool {
        match self {
            Pattern::Literal(l) => l == s,
            Pattern::Regex(re) => re.is_match(s),
        }
    }
}

fn is_literal(p: &str) -> bool {
    p.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn anchored(p: &str, field: &str) -> Result<Option<Pattern>> {
    if p.is_empty() {
        return Ok(None);
    }
    if is_literal(p) {
        return Ok(Some(Pattern::Literal(p.to_string())));
    }
    Regex::new(&format!("^(?:{p})$"))
        .map(|re| Some(Pattern::Regex(re)))
        .map_err(|e| {
            Error::Build(format!(
                "invalid regular expression in target {field} '{p}': {e}"
            ))
        })
}

impl Compiled {
    /// Compiles `s`.
    pub fn new(s: &Selector) -> Result<Self> {
        Ok(Self {
            group: anchored(&s.group, "group")?,
            version: anchored(&s.version, "version")?,
            kind: anchored(&s.kind, "kind")?,
            name: anchored(&s.name, "name")?,
            literal_name: (!s.name.is_empty() && is_literal(&s.name)).then(|| s.name.clone()),
            namespace: anchored(&s.namespace, "namespace")?,
            labels: parse_selector(&s.label_selector)
                .map_err(|e| Error::Build(format!("labelSelector '{}': {e}", s.label_selector)))?,
            annotations: parse_selector(&s.annotation_selector).map_err(|e| {
                Error::Build(format!(
                    "annotationSelector '{}': {e}",
                    s.annotation_selector
                ))
            })?,
        })
    }

    /// The positions in `m` that may be selected, in order: those that are
    /// or were called the name when it is a literal (through the map's name
    /// index), else all. A patch per app then costs a lookup, not a scan.
    pub fn candidates(&self, m: &crate::resmap::ResMap) -> Vec<usize> {
        match &self.literal_name {
            Some(n) => {
                let mut at = m.indices_named(n);
                at.sort_unstable();
                at.dedup();
                at
            }
            None => (0..m.len()).collect(),
        }
    }

    /// Whether `r` is selected: name and namespace by original or current
    /// id, the type by its current value, selectors on current metadata.
    pub fn matches(&self, r: &Resource) -> bool {
        let ok = |p: &Option<Pattern>, s: &str| p.as_ref().is_none_or(|p| p.is_match(s));
        // Cheap rejections first, without building ids.
        let cur_name = r.name();
        let org_name = r.prev.first().map_or(cur_name, |p| p.1.as_str());
        if !(ok(&self.name, org_name) || ok(&self.name, cur_name)) || !ok(&self.kind, r.kind()) {
            return false;
        }
        let cur = r.cur_id();
        let org = r.org_id();
        if !(ok(&self.namespace, org.effective_namespace())
            || ok(&self.namespace, cur.effective_namespace()))
        {
            return false;
        }
        ok(&self.group, &cur.gvk.group)
            && ok(&self.version, &cur.gvk.version)
            && self.matches_selectors(r)
    }
}

impl Compiled {
    /// The id part against one id, namespace compared as written
    /// (replacement targets).
    pub fn matches_id_raw(&self, id: &crate::resid::ResId) -> bool {
        let ok = |p: &Option<Pattern>, s: &str| p.as_ref().is_none_or(|p| p.is_match(s));
        ok(&self.group, &id.gvk.group)
            && ok(&self.version, &id.gvk.version)
            && ok(&self.kind, &id.gvk.kind)
            && ok(&self.name, &id.name)
            && ok(&self.namespace, &id.namespace)
    }

    /// The label and annotation selectors only.
    pub fn matches_selectors(&self, r: &Resource) -> bool {
        matches_all(&self.labels, &r.string_map("labels"))
            && matches_all(&self.annotations, &r.string_map("annotations"))
    }
}

#[derive(Debug, PartialEq)]
enum Op {
    Exists,
    NotExists,
    Eq(String),
    NotEq(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    Gt(i64),
    Lt(i64),
}

#[derive(Debug, PartialEq)]
struct Requirement {
    key: String,
    op: Op,
}

fn matches_all(reqs: &[Requirement], m: &Map<String, Value>) -> bool {
    reqs.iter().all(|r| {
        let v = m.get(&r.key).map(value_text);
        match &r.op {
            Op::Exists => v.is_some(),
            Op::NotExists => v.is_none(),
            Op::Eq(x) => v.as_deref() == Some(x.as_str()),
            Op::NotEq(x) => v.as_deref() != Some(x.as_str()),
            Op::In(xs) => v.is_some_and(|v| xs.contains(&v)),
            Op::NotIn(xs) => v.is_none_or(|v| !xs.contains(&v)),
            Op::Gt(n) => v
                .and_then(|v| v.parse::<i64>().ok())
                .is_some_and(|x| x > *n),
            Op::Lt(n) => v
                .and_then(|v| v.parse::<i64>().ok())
                .is_some_and(|x| x < *n),
        }
    })
}

/// Splits on commas that are not inside parentheses.
fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                cur.push(c);
            }
            ')' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn parse_set(s: &str) -> std::result::Result<Vec<String>, String> {
    let inner = s
        .trim()
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .ok_or("expected a parenthesised value set")?;
    Ok(inner
        .split(',')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect())
}

fn parse_selector(s: &str) -> std::result::Result<Vec<Requirement>, String> {
    let mut out = Vec::new();
    if s.trim().is_empty() {
        return Ok(out);
    }
    for part in split_top(s) {
        let p = part.trim();
        if p.is_empty() {
            return Err("empty requirement".into());
        }
        let words: Vec<&str> = p.split_whitespace().collect();
        let req = if let Some(k) = p.strip_prefix('!') {
            Requirement {
                key: k.trim().to_string(),
                op: Op::NotExists,
            }
        } else if words.len() >= 2 && words[1] == "in" {
            Requirement {
                key: words[0].into(),
                op: Op::In(parse_set(&p[p.find(" in").unwrap_or(0) + 3..])?),
            }
        } else if words.len() >= 2 && words[1] == "notin" {
            Requirement {
                key: words[0].into(),
                op: Op::NotIn(parse_set(&p[p.find(" notin").unwrap_or(0) + 6..])?),
            }
        } else if let Some((k, v)) = p.split_once("!=") {
            Requirement {
                key: k.trim().into(),
                op: Op::NotEq(v.trim().into()),
            }
        } else if let Some((k, v)) = p.split_once("==") {
            Requirement {
                key: k.trim().into(),
                op: Op::Eq(v.trim().into()),
            }
        } else if let Some((k, v)) = p.split_once('=') {
            Requirement {
                key: k.trim().into(),
                op: Op::Eq(v.trim().into()),
            }
        } else if let Some((k, v)) = p.split_once('>') {
            Requirement {
                key: k.trim().into(),
                op: Op::Gt(
                    v.trim()
                        .parse()
                        .map_err(|_| format!("'{v}' is not an integer"))?,
                ),
            }
        } else if let Some((k, v)) = p.split_once('<') {
            Requirement {
                key: k.trim().into(),
                op: Op::Lt(
                    v.trim()
                        .parse()
                        .map_err(|_| format!("'{v}' is not an integer"))?,
                ),
            }
        } else if words.len() == 1 {
            Requirement {
                key: p.into(),
                op: Op::Exists,
            }
        } else {
            return Err(format!("cannot parse requirement '{p}'"));
        };
        if req.key.is_empty() || req.key.contains(char::is_whitespace) {
            return Err(format!("invalid key in requirement '{p}'"));
        }
        out.push(req);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn label_selectors() {
        let r = parse_selector("app=nginx, tier in (a, b),!legacy,env!=prod").expect("parses");
        let labels = json!({"app": "nginx", "tier": "b"})
            .as_object()
            .cloned()
            .expect("map");
        assert!(matches_all(&r, &labels));
        let labels = json!({"app": "nginx", "tier": "c"})
            .as_object()
            .cloned()
            .expect("map");
        assert!(!matches_all(&r, &labels));
        assert!(parse_selector("a in b").is_err());
    }

    #[test]
    fn anchored_regexes() {
        let sel = Compiled::new(&Selector {
            kind: "Deployment".into(),
            name: ".*-web".into(),
            ..Default::default()
        })
        .expect("c");
        let r = |kind: &str, name: &str| {
            Resource::new(
                json!({"apiVersion": "apps/v1", "kind": kind, "metadata": {"name": name}}),
                "t",
            )
            .expect("r")
        };
        assert!(sel.matches(&r("Deployment", "a-web")));
        assert!(!sel.matches(&r("DeploymentConfig", "a-web")));
        assert!(!sel.matches(&r("Deployment", "a-web2")));
    }
}

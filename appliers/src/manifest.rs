//! The YAML seam: manifests in, manifests out.
//!
//! Reading uses an event parser and resolves plain scalars exactly as go-yaml
//! v3 (which kustomize and the Kubernetes tooling use) does: `0644` is the
//! octal integer 420, `1_000` is 1000, `yes` stays a string, timestamps stay
//! strings. Anchors, aliases and `<<` merge keys are expanded; duplicate keys
//! are an error. Writing produces what `kustomize build` prints: keys sorted
//! at every level, go-yaml v2's quoting, `---` between documents.

use std::collections::HashMap;
use std::fmt::Write as _;

use granit_parser::{ErrorKind, Event, Parser, ScalarStyle, Tag};
use serde_json::{Map, Number, Value};

use crate::error::{Error, Result};

/// Inputs larger than this are refused.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Nodes that aliases may add to a stream regardless of its size. Together
/// with [`ALIAS_NODES_PER_NODE`] this refuses an alias bomb (billion laughs)
/// before it has materialised more than a few MB, while real manifests,
/// which alias small blocks, stay far below it.
const ALIAS_NODES_FLOOR: usize = 100_000;
/// Beyond the floor, aliases may add this many nodes per node written out.
const ALIAS_NODES_PER_NODE: usize = 10;
/// And never more than this, however large the input (anchored copies
/// count too).
const ALIAS_NODES_MAX: usize = 1_000_000;
/// Collections nested deeper than this are refused (the YAML parser's own
/// bound; go-yaml's is 10,000): no Kubernetes object comes near it, and
/// every later step (patches, emitting) recurses.
pub const MAX_DEPTH: usize = 255;

/// Parses every document of a YAML stream. Empty documents are skipped;
/// `origin` names the text in errors.
pub fn parse_documents(text: &str, origin: &str) -> Result<Vec<Value>> {
    parse_with(text, origin, false)
}

/// Like [`parse_document`], but a repeated key takes its last value (as Go's
/// JSON decoding of kustomization files does) instead of being an error.
pub fn parse_document_lenient(text: &str, origin: &str) -> Result<Value> {
    let mut docs = parse_with(text, origin, true)?;
    Ok(if docs.is_empty() {
        Value::Null
    } else {
        docs.remove(0)
    })
}

fn parse_with(text: &str, origin: &str, allow_duplicates: bool) -> Result<Vec<Value>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::Yaml {
            file: origin.into(),
            message: format!("larger than {MAX_INPUT_BYTES} bytes"),
        });
    }
    let mut b = Builder {
        origin,
        anchors: HashMap::new(),
        stack: Vec::new(),
        docs: Vec::new(),
        nodes: 0,
        alias_nodes: 0,
        allow_duplicates,
    };
    let parser = Parser::new_from_str(text);
    for ev in parser {
        let (ev, span) = ev.map_err(|e| Error::Yaml {
            file: origin.into(),
            message: if *e.kind() == ErrorKind::RecursionLimitExceeded {
                format!("collections nest deeper than {MAX_DEPTH} levels ({e})")
            } else {
                e.to_string()
            },
        })?;
        b.event(ev, span.start.line(), span.start.col())?;
    }
    Ok(b.docs.into_iter().filter(|d| !d.is_null()).collect())
}

/// Parses a single-document YAML text (empty text gives `null`).
pub fn parse_document(text: &str, origin: &str) -> Result<Value> {
    let mut docs = parse_documents(text, origin)?;
    match docs.len() {
        0 => Ok(Value::Null),
        1 => Ok(docs.remove(0)),
        n => Err(Error::Yaml {
            file: origin.into(),
            message: format!("expected one YAML document, found {n}"),
        }),
    }
}

enum Frame {
    Seq(Vec<Value>, usize),
    Map(Map<String, Value>, Option<String>, usize, Vec<Value>),
}

/// An anchored value with its size, known before an alias copies it.
struct Anchored {
    value: Value,
    nodes: usize,
    depth: usize,
}

struct Builder<'a> {
    origin: &'a str,
    anchors: HashMap<usize, Anchored>,
    stack: Vec<Frame>,
    docs: Vec<Value>,
    /// Nodes written out in the text.
    nodes: usize,
    /// Nodes added by expanding aliases.
    alias_nodes: usize,
    allow_duplicates: bool,
}

impl Builder<'_> {
    fn err(&self, line: usize, col: usize, message: impl Into<String>) -> Error {
        Error::Yaml {
            file: self.origin.into(),
            message: format!("line {line}, column {}: {}", col + 1, message.into()),
        }
    }

    fn event(&mut self, ev: Event<'_>, line: usize, col: usize) -> Result<()> {
        match ev {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Anchor(..) => {
                Ok(())
            }
            Event::DocumentStart(..) => {
                self.anchors.clear();
                Ok(())
            }
            Event::Alias(id) => {
                let (nodes, depth) = self
                    .anchors
                    .get(&id)
                    .map(|a| (a.nodes, a.depth))
                    .ok_or_else(|| self.err(line, col, "unknown anchor"))?;
                // Sized before copying, so a bomb is refused before it allocates.
                self.charge(nodes, line, col)?;
                if self.stack.len() + depth > MAX_DEPTH {
                    return Err(self.err(
                        line,
                        col,
                        format!(
                            "collections nest deeper than {MAX_DEPTH} levels (through an alias)"
                        ),
                    ));
                }
                let v = self
                    .anchors
                    .get(&id)
                    .map(|a| a.value.clone())
                    .ok_or_else(|| self.err(line, col, "unknown anchor"))?;
                self.push(v, 0, line, col)
            }
            Event::UnresolvedAlias(name) => {
                Err(self.err(line, col, format!("unknown anchor '{name}' referenced")))
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.nodes += 1;
                let v = resolve_scalar(&text, style, tag.as_deref())
                    .map_err(|m| self.err(line, col, m))?;
                self.push(v, anchor, line, col)
            }
            Event::SequenceStart(_, anchor, _) => {
                self.open(line, col)?;
                self.stack.push(Frame::Seq(Vec::new(), anchor));
                Ok(())
            }
            Event::SequenceEnd => match self.stack.pop() {
                Some(Frame::Seq(items, anchor)) => {
                    self.push(Value::Array(items), anchor, line, col)
                }
                _ => Err(self.err(line, col, "unbalanced sequence")),
            },
            Event::MappingStart(_, anchor, _) => {
                self.open(line, col)?;
                self.stack
                    .push(Frame::Map(Map::new(), None, anchor, Vec::new()));
                Ok(())
            }
            Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Map(mut map, _, anchor, merges)) => {
                    // `<<` merge keys: explicit keys win, earlier merged maps win over later.
                    for m in merges {
                        let sources = match m {
                            Value::Object(o) => vec![o],
                            Value::Array(items) => items
                                .into_iter()
                                .map(|i| match i {
                                    Value::Object(o) => Ok(o),
                                    _ => Err(self.err(
                                        line,
                                        col,
                                        "map merge requires a map or a sequence of maps",
                                    )),
                                })
                                .collect::<Result<Vec<_>>>()?,
                            _ => {
                                return Err(self.err(
                                    line,
                                    col,
                                    "map merge requires a map or a sequence of maps",
                                ));
                            }
                        };
                        for src in sources {
                            for (k, v) in src {
                                map.entry(k).or_insert(v);
                            }
                        }
                    }
                    self.push(Value::Object(map), anchor, line, col)
                }
                _ => Err(self.err(line, col, "unbalanced mapping")),
            },
            #[allow(unreachable_patterns)]
            _ => Ok(()),
        }
    }

    /// Charges `nodes` copied by an alias or kept for an anchor against the
    /// budget, before they are copied.
    fn charge(&mut self, nodes: usize, line: usize, col: usize) -> Result<()> {
        let budget = (ALIAS_NODES_FLOOR + ALIAS_NODES_PER_NODE * self.nodes).min(ALIAS_NODES_MAX);
        let total = self.alias_nodes + nodes;
        if total > budget {
            return Err(self.err(
                line,
                col,
                format!("excessive aliasing: aliases would expand to more than {budget} nodes"),
            ));
        }
        self.alias_nodes = total;
        Ok(())
    }

    /// Counts a collection about to open and bounds the nesting.
    fn open(&mut self, line: usize, col: usize) -> Result<()> {
        self.nodes += 1;
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.err(
                line,
                col,
                format!("collections nest deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn push(&mut self, v: Value, anchor: usize, line: usize, col: usize) -> Result<()> {
        if anchor != 0 {
            let (nodes, depth) = size(&v);
            // The anchor's copy is memory too (nested anchors copy again).
            self.charge(nodes, line, col)?;
            self.anchors.insert(
                anchor,
                Anchored {
                    value: v.clone(),
                    nodes,
                    depth,
                },
            );
        }
        match self.stack.last_mut() {
            None => {
                self.docs.push(v);
                Ok(())
            }
            Some(Frame::Seq(items, _)) => {
                items.push(v);
                Ok(())
            }
            Some(Frame::Map(map, key, _, merges)) => match key.take() {
                None => {
                    let k = match v {
                        Value::String(s) => s,
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Null => "null".to_string(),
                        _ => return Err(self.err(line, col, "mapping keys must be scalars")),
                    };
                    *key = Some(k);
                    Ok(())
                }
                Some(k) if k == "<<" => {
                    merges.push(v);
                    Ok(())
                }
                Some(k) => {
                    if map.contains_key(&k) && !self.allow_duplicates {
                        return Err(self.err(
                            line,
                            col,
                            format!("mapping key \"{k}\" already defined"),
                        ));
                    }
                    map.insert(k, v);
                    Ok(())
                }
            },
        }
    }
}

/// Nodes in `v` and how deep its collections nest (a scalar is 0 deep).
fn size(v: &Value) -> (usize, usize) {
    fn of<'a>(children: impl Iterator<Item = &'a Value>) -> (usize, usize) {
        children.fold((1, 1), |(n, d), c| {
            let (cn, cd) = size(c);
            (n + cn, d.max(cd + 1))
        })
    }
    match v {
        Value::Array(a) => of(a.iter()),
        Value::Object(o) => of(o.values()),
        _ => (1, 0),
    }
}

/// Resolves a scalar as go-yaml v3 does when decoding into `interface{}`.
fn resolve_scalar(
    text: &str,
    style: ScalarStyle,
    tag: Option<&Tag>,
) -> std::result::Result<Value, String> {
    if let Some(tag) = tag {
        let core = tag.handle() == "tag:yaml.org,2002:";
        if core {
            return match tag.suffix() {
                "str" | "binary" | "timestamp" => Ok(Value::String(text.to_string())),
                "null" => Ok(Value::Null),
                "bool" => plain(text)
                    .filter(Value::is_boolean)
                    .ok_or_else(|| format!("cannot decode '{text}' as a !!bool")),
                "int" => plain(text)
                    .filter(Value::is_i64)
                    .or_else(|| plain(text).filter(Value::is_u64))
                    .ok_or_else(|| format!("cannot decode '{text}' as an !!int")),
                "float" => plain(text)
                    .filter(Value::is_number)
                    .and_then(|v| v.as_f64())
                    .and_then(Number::from_f64)
                    .map(Value::Number)
                    .ok_or_else(|| format!("cannot decode '{text}' as a !!float")),
                "map" | "seq" => Err(format!("!!{} on a scalar", tag.suffix())),
                _ => Ok(Value::String(text.to_string())),
            };
        }
        if style != ScalarStyle::Plain {
            return Ok(Value::String(text.to_string()));
        }
        return Ok(plain(text).unwrap_or_else(|| Value::String(text.to_string())));
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(text.to_string()));
    }
    Ok(plain(text).unwrap_or_else(|| Value::String(text.to_string())))
}

/// go-yaml v3's resolution of an untagged plain scalar. `None` means string.
fn plain(s: &str) -> Option<Value> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return None;
    }
    if is_timestamp(s) {
        // go-yaml v3 decodes it to a time, which JSON prints in RFC 3339.
        return go_timestamp(s).map(Value::String);
    }
    let p = s.replace('_', "");
    if let Some(i) = go_parse_int(&p) {
        return Some(Value::Number(i));
    }
    if is_yaml_float(&p) {
        return p
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number);
    }
    None
}

/// Go's `strconv.ParseInt(s, 0, 64)` then `ParseUint`: sign, 0x/0o/0b
/// prefixes, and a leading 0 meaning octal.
fn go_parse_int(s: &str) -> Option<Number> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return None;
    }
    let (radix, digits) =
        if let Some(r) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, r)
        } else if let Some(r) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, r)
        } else if let Some(r) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, r)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let mag = u64::from_str_radix(digits, radix).ok()?;
    if neg {
        if mag <= i64::MAX as u64 + 1 {
            Some(Number::from((mag as i128).wrapping_neg() as i64))
        } else {
            None
        }
    } else if mag <= i64::MAX as u64 {
        Some(Number::from(mag as i64))
    } else {
        Some(Number::from(mag))
    }
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_float(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - st
    };
    if b.first() == Some(&b'.') {
        i = 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// go-yaml's timestamp forms (`2006-1-2`, with optional time); such values
/// decode to strings, so they must not be read as numbers.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, max: usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - st < max {
            *i += 1;
        }
        *i - st
    };
    if num(&mut i, 4) != 4 || b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    if num(&mut i, 2) == 0 || b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    if num(&mut i, 2) == 0 {
        return false;
    }
    i == b.len() || matches!(b[i], b'T' | b't' | b' ')
}

/// go-yaml v3's timestamp formats (`2006-1-2T15:4:5.999999999Z07:00`, the
/// same with `t`, `2006-1-2 15:4:5.999999999` in UTC, and `2006-1-2`),
/// printed as Go's `time.Time` JSON form (RFC 3339 with nanoseconds, `Z`
/// for UTC). `None` when it is not one of them: it stays a string.
fn go_timestamp(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, min: usize, max: usize| -> Option<u32> {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - st < max {
            *i += 1;
        }
        if *i - st < min {
            return None;
        }
        s[st..*i].parse().ok()
    };
    let expect = |i: &mut usize, c: u8| -> Option<()> { (b.get(*i) == Some(&c)).then(|| *i += 1) };
    let year = num(&mut i, 4, 4)?;
    expect(&mut i, b'-')?;
    let month = num(&mut i, 1, 2)?;
    expect(&mut i, b'-')?;
    let day = num(&mut i, 1, 2)?;
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    if i == b.len() {
        return Some(format!("{}T00:00:00Z", date.format("%Y-%m-%d")));
    }
    let sep = b[i];
    if !matches!(sep, b'T' | b't' | b' ') {
        return None;
    }
    i += 1;
    let hour = num(&mut i, 1, 2)?;
    expect(&mut i, b':')?;
    let minute = num(&mut i, 1, 2)?;
    expect(&mut i, b':')?;
    let second = num(&mut i, 1, 2)?;
    let mut frac = String::new();
    if b.get(i) == Some(&b'.') {
        i += 1;
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() && i - st < 9 {
            i += 1;
        }
        if i == st {
            return None;
        }
        frac = s[st..i].trim_end_matches('0').to_string();
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let zone = if sep == b' ' {
        // The space-separated form carries no zone: UTC.
        "Z".to_string()
    } else {
        match b.get(i) {
            Some(b'Z') => {
                i += 1;
                "Z".to_string()
            }
            Some(&c @ (b'+' | b'-')) => {
                i += 1;
                let h = num(&mut i, 2, 2)?;
                expect(&mut i, b':')?;
                let m = num(&mut i, 2, 2)?;
                if h == 0 && m == 0 {
                    "Z".to_string()
                } else {
                    format!("{}{h:02}:{m:02}", c as char)
                }
            }
            _ => return None,
        }
    };
    if i != b.len() {
        return None;
    }
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    Some(format!(
        "{}T{hour:02}:{minute:02}:{second:02}{frac}{zone}",
        date.format("%Y-%m-%d")
    ))
}

// ---------------------------------------------------------------- writing

/// Renders documents as `kustomize build` prints them.
pub fn to_yaml_stream(docs: &[Value]) -> String {
    let mut out = String::new();
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&to_yaml(d));
    }
    out
}

/// Renders one document: sorted keys, two-space indent, sequences at their
/// parent key's indentation (go-yaml v2 style).
pub fn to_yaml(v: &Value) -> String {
    let mut out = String::new();
    match v {
        Value::Object(m) if !m.is_empty() => write_map(&mut out, m, 0),
        Value::Array(a) if !a.is_empty() => write_seq(&mut out, a, 0),
        other => {
            out.push_str(&scalar(other, 0, 0));
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

/// Keys in go-yaml v2's order. Its comparison is not a total order for
/// some key sets (mixed digits and letters), where Go's own result depends
/// on map iteration; a binary insertion sort takes any comparison without
/// panicking, and agrees with Go wherever Go is consistent.
fn sorted(m: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut v: Vec<(&String, &Value)> = Vec::with_capacity(m.len());
    for (k, val) in m {
        let at = v.partition_point(|(x, _)| key_order(x, k) != std::cmp::Ordering::Greater);
        v.insert(at, (k, val));
    }
    v
}

/// go-yaml v2's map key order (its `keyList.Less`): letters compare by code
/// point, any non-letter sorts before a letter, and runs of digits compare
/// as numbers.
fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let less = |x: &[char], y: &[char]| -> bool {
        for i in 0..x.len().min(y.len()) {
            if x[i] == y[i] {
                continue;
            }
            let (xl, yl) = (x[i].is_alphabetic(), y[i].is_alphabetic());
            if xl && yl {
                return x[i] < y[i];
            }
            if xl || yl {
                return yl;
            }
            let (mut xn, mut yn) = (0i64, 0i64);
            if x[i] == '0' || y[i] == '0' {
                let mut j = i;
                while j > 0 && x[j - 1].is_ascii_digit() {
                    j -= 1;
                    if x[j] != '0' {
                        xn = 1;
                        yn = 1;
                        break;
                    }
                }
            }
            let mut xi = i;
            while xi < x.len() && x[xi].is_ascii_digit() {
                xn = xn
                    .saturating_mul(10)
                    .saturating_add(i64::from(x[xi] as u8 - b'0'));
                xi += 1;
            }
            let mut yi = i;
            while yi < y.len() && y[yi].is_ascii_digit() {
                yn = yn
                    .saturating_mul(10)
                    .saturating_add(i64::from(y[yi] as u8 - b'0'));
                yi += 1;
            }
            if xn != yn {
                return xn < yn;
            }
            if xi != yi {
                return xi < yi;
            }
            return x[i] < y[i];
        }
        x.len() < y.len()
    };
    if less(&ar, &br) {
        Ordering::Less
    } else if less(&br, &ar) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

fn write_map(out: &mut String, m: &Map<String, Value>, ind: usize) {
    for (i, (k, v)) in sorted(m).into_iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        let key = quote_key(k);
        out.push_str(&key);
        out.push(':');
        write_value_after_key(out, v, ind, ind + key.chars().count() + 2);
    }
}

fn write_value_after_key(out: &mut String, v: &Value, ind: usize, col: usize) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            indent(out, ind + 2);
            write_map(out, m, ind + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            indent(out, ind);
            write_seq(out, a, ind);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other, ind + 2, col));
            out.push('\n');
        }
    }
}

fn write_seq(out: &mut String, a: &[Value], ind: usize) {
    for (i, v) in a.iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        out.push_str("- ");
        match v {
            Value::Object(m) if !m.is_empty() => write_map(out, m, ind + 2),
            Value::Array(inner) if !inner.is_empty() => write_seq(out, inner, ind + 2),
            other => {
                out.push_str(&scalar(other, ind + 2, ind + 2));
                out.push('\n');
            }
        }
    }
}

fn scalar(v: &Value, block_indent: usize, col: usize) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => {
            let q = quote_str(s, block_indent);
            if q.starts_with('|') {
                q
            } else {
                fold(&q, block_indent, col)
            }
        }
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
    }
}

/// Numbers as Go's encoding/json then go-yaml v2 print them: integral
/// floats become integers.
fn number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{f:.0}");
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e21).contains(&abs) {
        let s = format!("{f:e}");
        // Go writes e+21 / e-05.
        if let Some((m, e)) = s.split_once('e') {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            return format!("{m}e{sign}{digits:0>2}");
        }
        return s;
    }
    format!("{f}")
}

/// go-yaml v2 folds flow scalars wider than 80 columns at single spaces.
fn fold(text: &str, indent_to: usize, start_col: usize) -> String {
    const WIDTH: usize = 80;
    let chars: Vec<char> = text.chars().collect();
    let quoted = matches!(chars.first(), Some('\'' | '"'));
    let mut out = String::with_capacity(text.len());
    let mut col = start_col;
    let mut spaces = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if c == ' ' {
            let next_space = chars.get(i + 1).is_none_or(|n| *n == ' ');
            let inner = !quoted || (i > 1 && i + 2 < chars.len());
            if !spaces && col > WIDTH && !next_space && inner {
                out.push('\n');
                indent(&mut out, indent_to);
                col = indent_to;
                spaces = true;
                continue;
            }
            spaces = true;
        } else {
            spaces = false;
        }
        out.push(c);
        col += 1;
    }
    out
}

fn quote_key(k: &str) -> String {
    if k.contains('\n') {
        double_quoted(k)
    } else {
        quote_inline(k)
    }
}

/// Whether a plain scalar would be read back as something other than this
/// string by a YAML 1.1 reader (go-yaml v2, kubectl).
fn resolves_to_non_string(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
        ".NaN", ".NAN", "<<",
    ];
    if WORDS.contains(&s) {
        return true;
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return false;
    }
    let p = s.replace('_', "");
    if go_parse_int(&p).is_some() || is_yaml_float(&p) || is_timestamp(s) {
        return true;
    }
    // YAML 1.1 sexagesimal numbers: 1:20, 190:20:30.15
    let parts: Vec<&str> = p.trim_start_matches(['-', '+']).split(':').collect();
    parts.len() > 1
        && parts[..parts.len() - 1]
            .iter()
            .all(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
        && parts.last().is_some_and(|l| {
            !l.is_empty() && (l.bytes().all(|b| b.is_ascii_digit()) || is_yaml_float(l))
        })
}

fn plain_allowed(s: &str) -> bool {
    if s.is_empty()
        || s.starts_with(' ')
        || s.ends_with(' ')
        || s.starts_with('\t')
        || s.ends_with('\t')
    {
        return false;
    }
    let b = s.as_bytes();
    if b"#,[]{}&*!|>'\"%@`".contains(&b[0]) {
        return false;
    }
    if matches!(b[0], b'-' | b'?' | b':') && (b.len() == 1 || b[1] == b' ' || b[1] == b'\t') {
        return false;
    }
    if s.ends_with(':')
        || s.contains(": ")
        || s.contains(" #")
        || s.contains(":\t")
        || s.contains("\t#")
    {
        return false;
    }
    if s.starts_with("---") || s.starts_with("...") {
        return false;
    }
    s.chars().all(|c| {
        !c.is_control()
            && c != '\u{feff}'
            && c != '\u{2028}'
            && c != '\u{2029}'
            && (c as u32) <= 0xFFFF
    })
}

fn quote_inline(s: &str) -> String {
    let special = resolves_to_non_string(s);
    if plain_allowed(s) && !special {
        return s.to_string();
    }
    // go-yaml v2 treats characters beyond U+FFFF as unprintable.
    if special || s.chars().any(|c| c.is_control() || (c as u32) > 0xFFFF) {
        return double_quoted(s);
    }
    format!("'{}'", s.replace('\'', "''"))
}

fn quote_str(s: &str, block_indent: usize) -> String {
    if s.contains('\n') && literal_allowed(s) {
        let chomp = if !s.ends_with('\n') {
            "-"
        } else if s == "\n" || s.ends_with("\n\n") {
            "+"
        } else {
            ""
        };
        // A first line that starts with a space or is empty needs an
        // explicit indentation indicator, which go-yaml writes as `2`.
        let hint = if s.starts_with(' ') || s.starts_with('\n') {
            "2"
        } else {
            ""
        };
        let mut out = format!("|{hint}{chomp}\n");
        let body = s.strip_suffix('\n').unwrap_or(s);
        for line in body.split('\n') {
            if !line.is_empty() {
                indent(&mut out, block_indent);
                out.push_str(line);
            }
            out.push('\n');
        }
        // The caller adds the final newline.
        out.pop();
        return out;
    }
    if s.contains('\n') {
        return double_quoted(s);
    }
    quote_inline(s)
}

fn literal_allowed(s: &str) -> bool {
    s.split('\n')
        .all(|l| !l.ends_with(' ') && !l.ends_with('\t'))
        // A tab is not "printable" to go-yaml, which then double-quotes.
        && s.chars().all(|c| c == '\n' || (!c.is_control() && (c as u32) <= 0xFFFF))
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) > 0xFFFF => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn go_yaml_v3_scalars() {
        let v = parse_document(
            "a: 0644\nb: '0644'\nc: 1_000\nd: 0x1F\ne: yes\nf: 2001-12-14\ng: 1.5\nh: .5\ni: ~\nj: -0o17\nk: 1e3\nl: \"true\"\nm: 08\n",
            "t",
        )
        .expect("parses");
        assert_eq!(
            v,
            json!({"a": 420, "b": "0644", "c": 1000, "d": 31, "e": "yes", "f": "2001-12-14T00:00:00Z", "g": 1.5, "h": 0.5,
                   "i": null, "j": -15, "k": 1000.0, "l": "true", "m": 8.0})
        );
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let v = parse_document(
            "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nlist: [*b]\n",
            "t",
        )
        .expect("parses");
        assert_eq!(v["other"], json!({"x": 1, "y": 3}));
        assert_eq!(v["list"][0], json!({"x": 1, "y": 2}));
    }

    /// Billion laughs: nine levels of ten aliases each.
    fn alias_bomb(levels: usize) -> String {
        let mut y = String::from("a0: &a0 [lol]\n");
        for i in 1..=levels {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            y.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        y
    }

    #[test]
    fn alias_bombs_are_refused_before_they_expand() {
        let e = parse_documents(&alias_bomb(9), "bomb.yaml").expect_err("bomb");
        let msg = e.to_string();
        assert!(msg.starts_with("bomb.yaml: line 6"), "{msg}");
        assert!(msg.contains("excessive aliasing"), "{msg}");
        // Four levels (46,906 nodes copied by aliases and anchors) are fine.
        let v = parse_document(&alias_bomb(4), "ok.yaml").expect("small fan-out");
        assert_eq!(v["a4"][9][9][9][9], json!(["lol"]));
    }

    #[test]
    fn aliases_in_large_documents_scale_with_the_document() {
        // 20,000 objects each using a 12-node anchor twice: 480,000 alias nodes,
        // past the floor but within ten per written node.
        let mut y = String::from(
            "defaults: &d {a: 1, b: 2, c: 3, d: 4, e: 5, f: [1, 2, 3, 4, 5]}\nitems:\n",
        );
        for i in 0..20_000 {
            y.push_str(&format!("- {{<<: *d, name: n{i}, x: *d}}\n"));
        }
        let v = parse_document(&y, "big.yaml").expect("proportionate aliasing");
        assert_eq!(v["items"][19_999]["x"]["f"][4], json!(5));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
            let y = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
            let e = parse_documents(&y, "deep.yaml").expect_err("too deep");
            assert!(e.to_string().contains("deeper than 255 levels"), "{e}");
        }
        let ok = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        parse_documents(&ok, "ok.yaml").expect("200 levels");
        // An alias cannot smuggle depth past the bound.
        let half = format!("a: &x {}1{}\nb: ", "[".repeat(150), "]".repeat(150));
        let y = format!("{half}{}*x{}", "[".repeat(150), "]".repeat(150));
        let e = parse_documents(&y, "alias.yaml").expect_err("too deep via alias");
        assert!(e.to_string().contains("deeper than 255 levels"), "{e}");
    }

    #[test]
    fn duplicate_keys_and_bad_yaml_name_the_file() {
        let e = parse_document("a: 1\na: 2\n", "dir/x.yaml").expect_err("dup");
        assert!(e.to_string().starts_with("dir/x.yaml: line 2"), "{e}");
        let e = parse_documents("a: [1, 2\n", "bad.yaml").expect_err("unclosed");
        assert!(e.to_string().starts_with("bad.yaml:"), "{e}");
    }

    #[test]
    fn documents_and_empties() {
        let d = parse_documents("---\na: 1\n---\n---\n# c\n---\nb: 2\n", "t").expect("parses");
        assert_eq!(d, vec![json!({"a": 1}), json!({"b": 2})]);
    }

    #[test]
    fn inconsistent_key_sets_sort_without_panicking() {
        let keys: Vec<String> = (0..200u32)
            .map(|i| format!("{:08x}{}", i.wrapping_mul(2_654_435_761), i % 7))
            .collect();
        let m: Map<String, Value> = keys.iter().map(|k| (k.clone(), Value::Null)).collect();
        assert_eq!(sorted(&m).len(), 200);
    }

    #[test]
    fn timestamps_decode_as_go_yaml_v3_and_print_as_json_times() {
        assert_eq!(
            go_timestamp("2024-01-15").as_deref(),
            Some("2024-01-15T00:00:00Z")
        );
        assert_eq!(
            go_timestamp("2024-1-5 10:30:00").as_deref(),
            Some("2024-01-05T10:30:00Z")
        );
        assert_eq!(
            go_timestamp("2001-12-14t21:59:43.10-05:00").as_deref(),
            Some("2001-12-14T21:59:43.1-05:00")
        );
        assert_eq!(go_timestamp("2001-12-14 21:59:43.10 -5"), None);
        assert_eq!(go_timestamp("2024-13-01"), None);
        let v = parse_document("d: 2024-01-15\ns: \"2024-01-15\"\n", "t").expect("parse");
        assert_eq!(v["d"], "2024-01-15T00:00:00Z");
        assert_eq!(v["s"], "2024-01-15");
    }

    #[test]
    fn characters_beyond_the_bmp_are_escaped_as_go_yaml_does() {
        assert_eq!(
            to_yaml(&json!({"a": "\u{1F680} rocket", "b": "\u{2728} hi", "c": "a\u{7}"})),
            "a: \"\\U0001F680 rocket\"\nb: \u{2728} hi\nc: \"a\\a\"\n"
        );
    }

    #[test]
    fn block_scalars_as_go_yaml() {
        assert_eq!(to_yaml(&json!({"a": "\n"})), "a: |2+\n\n");
        assert_eq!(to_yaml(&json!({"a": "x\ty\nz\n"})), "a: \"x\\ty\\nz\\n\"\n");
    }

    #[test]
    fn keys_sort_as_go_yaml_v2() {
        let mut keys = vec!["ANOTHER_ENV", "A_FIRST_ENV", "b", "a10", "a9", "B", "a"];
        keys.sort_by(|a, b| key_order(a, b));
        assert_eq!(
            keys,
            vec!["A_FIRST_ENV", "ANOTHER_ENV", "B", "a", "a9", "a10", "b"]
        );
    }

    #[test]
    fn writes_like_kustomize() {
        let v = json!({"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "x", "labels": {}},
            "data": {"a": "true", "b": "0644", "c": "hello: world", "d": "line1\nline2\n", "e": "", "f": "*.x",
                     "g": "plain text", "h": "- item", "num": 1.0, "m": 0.25, "l": [], "z": [{"k": "v", "a": [1]}]}});
        let y = to_yaml(&v);
        let expected = "apiVersion: v1\ndata:\n  a: \"true\"\n  b: \"0644\"\n  c: 'hello: world'\n  d: |\n    line1\n    line2\n  e: \"\"\n  f: '*.x'\n  g: plain text\n  h: '- item'\n  l: []\n  m: 0.25\n  num: 1\n  z:\n  - a:\n    - 1\n    k: v\nkind: ConfigMap\nmetadata:\n  labels: {}\n  name: x\n";
        assert_eq!(y, expected);
        let back = parse_document(&y, "t").expect("round trip");
        assert_eq!(back["data"]["d"], json!("line1\nline2\n"));
        assert_eq!(back["data"]["b"], json!("0644"));
    }
}

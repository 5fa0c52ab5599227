//! Writing, as `kustomize build` prints (go-yaml v2): keys sorted at
//! every level, two-space indent, go-yaml's quoting and block styles.

use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

use super::scalar::{go_parse_int, is_timestamp, is_yaml_float};

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
pub(super) fn sorted(m: &Map<String, Value>) -> Vec<(&String, &Value)> {
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
pub(super) fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
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

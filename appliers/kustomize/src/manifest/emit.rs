//! Writing, as `kustomize build` prints (go-yaml v2): keys sorted at
//! every level, two-space indent, go-yaml's quoting and block styles.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

use super::scalar::{go_parse_int, is_timestamp, is_yaml_float};

/// Renders documents as `kustomize build` prints them. A stream of more
/// than a few documents is rendered on every core (each document on its
/// own), then joined in order.
pub fn to_yaml_stream(docs: &[Value]) -> String {
    const MIN_DOCS: usize = 16;
    let workers = crate::parallel::workers_for(docs.len(), MIN_DOCS);
    if workers < 2 {
        return render(docs);
    }
    let parts = crate::parallel::map(docs, workers, to_yaml);
    let mut out = String::with_capacity(parts.iter().flatten().map(|p| p.len() + 4).sum());
    for (i, (part, doc)) in parts.into_iter().zip(docs).enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&part.unwrap_or_else(|| to_yaml(doc)));
    }
    out
}

fn render(docs: &[Value]) -> String {
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
    // Sorted as printed: go-yaml sorts the keys after the NEL folding.
    let mut entries: Vec<(Cow<'_, str>, &Value)> = sorted(m)
        .into_iter()
        .map(|(k, v)| (fold_nel(k), v))
        .collect();
    if entries.iter().any(|(k, _)| matches!(k, Cow::Owned(_))) {
        // Binary insertion, as in `sorted`: the order is not total.
        let mut again: Vec<(Cow<'_, str>, &Value)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let at =
                again.partition_point(|(x, _)| key_order(x, &k) != std::cmp::Ordering::Greater);
            again.insert(at, (k, v));
        }
        entries = again;
    }
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            indent(out, ind);
        }
        // go-yaml v2 writes a key on several lines, or one over 128 bytes,
        // as `? key` and its value as `: value`.
        if k.len() > 128 || k.chars().any(is_break) {
            out.push_str("? ");
            out.push_str(&string_scalar(&k, ind + 2, ind + 2));
            out.push('\n');
            indent(out, ind);
            out.push_str(": ");
            match v {
                Value::Object(m) if !m.is_empty() => write_map(out, m, ind + 2),
                Value::Array(a) if !a.is_empty() => write_seq(out, a, ind + 2),
                other => {
                    out.push_str(&scalar(other, ind + 2, ind + 2));
                    out.push('\n');
                }
            }
            continue;
        }
        let key = quote_inline(&k);
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
        Value::String(s) => string_scalar(&fold_nel(s), block_indent, col),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
    }
}

fn string_scalar(s: &str, block_indent: usize, col: usize) -> String {
    let q = quote_str(s, block_indent);
    if q.starts_with('|') {
        q
    } else {
        fold(&q, block_indent, col)
    }
}

/// A line break to go-yaml v2 (YAML 1.1 counts NEL, LS and PS).
fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// kustomize prints objects through JSON, which go-yaml v2 reads back as
/// YAML before writing it: a NEL, the one line break JSON leaves raw, is
/// folded there as in any double-quoted scalar (one break and the spaces
/// around it become a space; n breaks become n-1 newlines).
fn fold_nel(s: &str) -> Cow<'_, str> {
    if !s.contains('\u{85}') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != ' ' && c != '\u{85}' {
            out.push(c);
            continue;
        }
        // A run of spaces and NELs.
        let mut run = String::from(c);
        while let Some(&n) = chars.peek()
            && (n == ' ' || n == '\u{85}')
        {
            run.push(n);
            chars.next();
        }
        let breaks = run.chars().filter(|&x| x == '\u{85}').count();
        match breaks {
            0 => out.push_str(&run),
            1 => out.push(' '),
            n => out.extend(std::iter::repeat_n('\n', n - 1)),
        }
    }
    Cow::Owned(out)
}

/// Whether go-yaml v2 can write `c` as it is (its `is_printable`).
fn is_printable(c: char) -> bool {
    c == '\n'
        || (' '..='~').contains(&c)
        || ('\u{a0}'..='\u{d7ff}').contains(&c)
        || (('\u{e000}'..='\u{fffd}').contains(&c) && c != '\u{feff}')
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

/// go-yaml v2 folds flow scalars wider than 80 columns at spaces: plain
/// and single-quoted ones at a single space only, double-quoted ones at the
/// first of a run too, escaping the space that then starts the next line
/// (`\ `).
fn fold(text: &str, indent_to: usize, start_col: usize) -> String {
    const WIDTH: usize = 80;
    let chars: Vec<char> = text.chars().collect();
    let quoted = matches!(chars.first(), Some('\'' | '"'));
    let double = chars.first() == Some(&'"');
    let mut out = String::with_capacity(text.len());
    let mut col = start_col;
    let mut spaces = false;
    let mut after_break = false;
    for i in 0..chars.len() {
        let c = chars[i];
        // A raw LS or PS (single-quoted only) starts a new line to go-yaml:
        // the column resets and the next character is indented.
        if c == '\u{2028}' || c == '\u{2029}' {
            out.push(c);
            col = 0;
            after_break = true;
            continue;
        }
        // (Not before the closing quote, which go-yaml writes apart.)
        if after_break && !(quoted && i + 1 == chars.len()) {
            indent(&mut out, indent_to.saturating_sub(col));
            col = col.max(indent_to);
            after_break = false;
        }
        if c == ' ' {
            let next_space = chars.get(i + 1).is_none_or(|n| *n == ' ');
            let inner = !quoted || (i > 1 && i + 2 < chars.len());
            if !spaces && col > WIDTH && (double || !next_space) && inner {
                out.push('\n');
                indent(&mut out, indent_to);
                col = indent_to;
                if double && next_space {
                    out.push('\\');
                    col += 1;
                }
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
    if special || !s.chars().all(is_printable) || break_next_to_space(s) {
        return double_quoted(s);
    }
    format!("'{}'", s.replace('\'', "''"))
}

/// A line break with a space right before or after it: go-yaml v2 then
/// allows neither single quotes nor (space before) a block scalar.
fn break_next_to_space(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(2)
        .any(|w| (is_break(w[0]) && w[1] == ' ') || (w[0] == ' ' && is_break(w[1])))
}

fn quote_str(s: &str, block_indent: usize) -> String {
    if s.contains('\n') && literal_allowed(s) {
        return literal(s, block_indent);
    }
    if s.contains('\n') {
        return double_quoted(s);
    }
    quote_inline(s)
}

/// A literal block scalar as go-yaml v2 writes it; the caller adds the
/// final newline.
fn literal(s: &str, block_indent: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let chomp = match chars.as_slice() {
        [.., last] if !is_break(*last) => "-",
        [_] => "+",
        [.., before, _] if is_break(*before) => "+",
        _ => "",
    };
    // A first line that starts with a space or a break needs an explicit
    // indentation indicator, which go-yaml writes as `2`.
    let hint = if chars.first().is_some_and(|&c| c == ' ' || is_break(c)) {
        "2"
    } else {
        ""
    };
    let mut out = format!("|{hint}{chomp}\n");
    let body = s.strip_suffix('\n').unwrap_or(s);
    let mut after_break = true;
    for c in body.chars() {
        if is_break(c) {
            // LS and PS are written as they are; the column restarts.
            out.push(c);
            after_break = true;
            continue;
        }
        if after_break {
            indent(&mut out, block_indent);
            after_break = false;
        }
        out.push(c);
    }
    out
}

fn literal_allowed(s: &str) -> bool {
    let space_before_break = s
        .chars()
        .zip(s.chars().skip(1))
        .any(|(a, b)| a == ' ' && is_break(b));
    // A tab is not "printable" to go-yaml, which then double-quotes.
    !space_before_break && !s.ends_with(' ') && s.chars().all(is_printable)
}

/// go-yaml v2's double-quoted style. Its BOM test looks at the start of
/// the string whatever the position, so after a leading BOM every
/// character is escaped.
fn double_quoted(s: &str) -> String {
    let escape_all = s.starts_with('\u{feff}');
    let mut out = String::from("\"");
    for c in s.chars() {
        if !(escape_all || !is_printable(c) || is_break(c) || c == '"' || c == '\\') {
            out.push(c);
            continue;
        }
        out.push('\\');
        match c {
            '\0' => out.push('0'),
            '\u{7}' => out.push('a'),
            '\u{8}' => out.push('b'),
            '\t' => out.push('t'),
            '\n' => out.push('n'),
            '\u{b}' => out.push('v'),
            '\u{c}' => out.push('f'),
            '\r' => out.push('r'),
            '\u{1b}' => out.push('e'),
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            '\u{85}' => out.push('N'),
            '\u{a0}' => out.push('_'),
            '\u{2028}' => out.push('L'),
            '\u{2029}' => out.push('P'),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

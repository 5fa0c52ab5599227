//! What a scalar means, as go-yaml v3 decides when decoding into
//! `interface{}`: `0644` is 420, `1_000` is 1000, `yes` stays a string,
//! timestamps are normalised strings.

use granit_parser::{ScalarStyle, Tag};
use serde_json::{Number, Value};

/// Resolves a scalar as go-yaml v3 does when decoding into `interface{}`.
pub(super) fn resolve_scalar(
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
pub(super) fn go_parse_int(s: &str) -> Option<Number> {
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
pub(super) fn is_yaml_float(s: &str) -> bool {
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
pub(super) fn is_timestamp(s: &str) -> bool {
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
pub(super) fn go_timestamp(s: &str) -> Option<String> {
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

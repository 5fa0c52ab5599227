//! `metav1.Time` and `metav1.MicroTime` as Flux's normalization round-trips them: Go's
//! `time.Parse` with the RFC 3339 layouts (`UnmarshalJSON`), then UTC formatting
//! (`ToUnstructured` / `MarshalJSON`), byte-exact including Go's error texts.
//!
//! Only the two layouts are supported, so Go's generic layout parser (`time/format.go`
//! `parse`) is ported as a fixed list of layout chunks; its `parseRFC3339` fast path accepts a
//! subset of what the generic parser accepts, with identical results, so it needs no port.
//! The instant is kept as Unix seconds + nanoseconds: the zone the string named (or the local
//! zone Go picks) never reaches the output, which is always UTC.

/// An instant (Go `time.Time` reduced to what matters: UTC seconds + nanos). `secs` counts
/// from the Unix epoch (1970-01-01T00:00:00Z) and may be negative; `nanos < 1_000_000_000`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    pub secs: i64,
    pub nanos: u32,
}

/// Unix seconds of Go's zero time, 0001-01-01T00:00:00Z.
const ZERO_TIME_SECS: i64 = -62_135_596_800;

/// `time.RFC3339`, the layout of `metav1.Time`.
const RFC3339: &str = "2006-01-02T15:04:05Z07:00";
/// `metav1.RFC3339Micro`.
const RFC3339_MICRO: &str = "2006-01-02T15:04:05.000000Z07:00";

/// The layout elements (`std*` constants) the two layouts use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Std {
    LongYear,
    ZeroMonth,
    ZeroDay,
    Hour,
    ZeroMinute,
    ZeroSecond,
    /// `.000000`: exactly six digits.
    FracSecond6,
    /// `Z07:00`.
    Iso8601ColonTz,
}

/// One `nextStdChunk` result: literal prefix, element, and the element's layout text (used in
/// error messages).
struct Chunk {
    prefix: &'static [u8],
    std: Std,
    text: &'static str,
}

const fn chunk(prefix: &'static [u8], std: Std, text: &'static str) -> Chunk {
    Chunk { prefix, std, text }
}

const RFC3339_CHUNKS: [Chunk; 7] = [
    chunk(b"", Std::LongYear, "2006"),
    chunk(b"-", Std::ZeroMonth, "01"),
    chunk(b"-", Std::ZeroDay, "02"),
    chunk(b"T", Std::Hour, "15"),
    chunk(b":", Std::ZeroMinute, "04"),
    chunk(b":", Std::ZeroSecond, "05"),
    chunk(b"", Std::Iso8601ColonTz, "Z07:00"),
];

const MICRO_CHUNKS: [Chunk; 8] = [
    chunk(b"", Std::LongYear, "2006"),
    chunk(b"-", Std::ZeroMonth, "01"),
    chunk(b"-", Std::ZeroDay, "02"),
    chunk(b"T", Std::Hour, "15"),
    chunk(b":", Std::ZeroMinute, "04"),
    chunk(b":", Std::ZeroSecond, "05"),
    chunk(b"", Std::FracSecond6, ".000000"),
    chunk(b"", Std::Iso8601ColonTz, "Z07:00"),
];

/// Go `time.Parse(time.RFC3339, s)` semantics; `Err` = Go's error text as
/// `metav1.Time.UnmarshalJSON` returns it.
pub fn parse_time(s: &str) -> Result<Instant, String> {
    parse_layout(s.as_bytes(), RFC3339, &RFC3339_CHUNKS)
}

/// `metav1.MicroTime`'s layout: exactly six fraction digits (Go's `atoi` quirk included:
/// `.+12345` parses as 123450µs and `.-12345` is "fractional second out of range").
pub fn parse_micro_time(s: &str) -> Result<Instant, String> {
    parse_layout(s.as_bytes(), RFC3339_MICRO, &MICRO_CHUNKS)
}

/// Whether it is Go's zero time (0001-01-01T00:00:00Z): Time and MicroTime render it `null`.
pub fn is_zero(t: &Instant) -> bool {
    t.secs == ZERO_TIME_SECS && t.nanos == 0
}

/// metav1.Time ToUnstructured: UTC "2006-01-02T15:04:05Z07:00" (fraction dropped); years
/// outside 0000–9999 as Go prints them (`10000-…`, `-0001-…`).
pub fn format_time(t: &Instant) -> String {
    let (date, time) = civil(t.secs);
    format!("{date}T{time}Z")
}

/// MicroTime: UTC with six fraction digits (truncated).
pub fn format_micro_time(t: &Instant) -> String {
    let (date, time) = civil(t.secs);
    format!("{date}T{time}.{:06}Z", t.nanos.min(999_999_999) / 1000)
}

/// Date and clock text of Unix seconds, as Go's `appendInt` pads them.
fn civil(secs: i64) -> (String, String) {
    let secs = i128::from(secs);
    let days = secs.div_euclid(86_400);
    let clock = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let year = if y < 0 {
        format!("-{:04}", y.unsigned_abs())
    } else {
        format!("{y:04}")
    };
    (
        format!("{year}-{m:02}-{d:02}"),
        format!(
            "{:02}:{:02}:{:02}",
            clock / 3600,
            clock / 60 % 60,
            clock % 60
        ),
    )
}

/// Proleptic Gregorian (year, month, day) of a day count from 1970-01-01.
fn civil_from_days(z: i128) -> (i128, i128, i128) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i128::from(m <= 2);
    (y, m, d)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (month 1–12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Go's `daysIn`.
fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Go's `time.quote`: ASCII kept (with `"` and `\` escaped), every byte of a non-ASCII or
/// control character (and every invalid byte) as `\xNN`. Works on bytes because error
/// messages quote slices cut at byte offsets.
fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut i = 0;
    while i < s.len() {
        let width = utf8_width(&s[i..]);
        let bytes = &s[i..(i + width).min(s.len())];
        match bytes {
            [c] if (b' '..0x80).contains(c) => {
                if *c == b'"' || *c == b'\\' {
                    out.push('\\');
                }
                out.push(char::from(*c));
            }
            _ => {
                for b in bytes {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
        i += width.max(1);
    }
    out.push('"');
    out
}

/// Byte length of the UTF-8 sequence at the start of `s`, 1 for an invalid byte (Go's
/// `for range` decoding).
fn utf8_width(s: &[u8]) -> usize {
    let n = match s.first() {
        Some(&b) if b < 0x80 => return 1,
        Some(&b) if b >= 0xF0 => 4,
        Some(&b) if b >= 0xE0 => 3,
        Some(_) => 2,
        None => return 1,
    };
    match s.get(..n).map(std::str::from_utf8) {
        Some(Ok(_)) => n,
        _ => 1,
    }
}

/// `getnum`: one or two digits (two when `fixed`).
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    let d = |i: usize| {
        s.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| i64::from(c - b'0'))
    };
    let first = d(0)?;
    match d(1) {
        Some(second) => Some((first * 10 + second, &s[2..])),
        None if fixed => None,
        None => Some((first, &s[1..])),
    }
}

/// Go's time-package `atoi`: optional sign, then digits only (no digits means 0).
fn atoi(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, s),
    };
    let mut x: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        x = x.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
    }
    Some(if neg { -x } else { x })
}

/// Outcome of `parseNanoseconds`.
enum Nanos {
    Ok(i64),
    Range,
    Bad,
}

/// `parseNanoseconds(value, nbytes)`: separator, then at most nine digits through `atoi`,
/// scaled to nanoseconds.
fn parse_nanoseconds(value: &[u8], nbytes: usize) -> Nanos {
    if !matches!(value.first(), Some(b'.' | b',')) {
        return Nanos::Bad;
    }
    let nbytes = nbytes.min(10);
    let Some(mut ns) = value.get(1..nbytes).and_then(atoi) else {
        return Nanos::Bad;
    };
    if ns < 0 {
        return Nanos::Range;
    }
    for _ in nbytes..10 {
        ns *= 10;
    }
    Nanos::Ok(ns)
}

/// Go's `parse(layout, value, UTC, Local)` restricted to the chunk list of one layout.
fn parse_layout(value: &[u8], layout: &str, chunks: &[Chunk]) -> Result<Instant, String> {
    let cannot = |rest: &[u8], elem: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(value),
            quote(layout.as_bytes()),
            quote(rest),
            quote(elem.as_bytes())
        )
    };
    let message = |msg: &str| format!("parsing time {}{msg}", quote(value));

    let (mut year, mut month, mut day) = (0i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut zone_offset: Option<i64> = None;
    let mut rest = value;
    for (idx, ch) in chunks.iter().enumerate() {
        // `skip`: the prefixes here are single bytes without spaces.
        for &p in ch.prefix {
            match rest.split_first() {
                Some((&c, tail)) if c == p => rest = tail,
                _ => {
                    return Err(cannot(rest, std::str::from_utf8(ch.prefix).unwrap_or("")));
                }
            }
        }
        let hold = rest;
        let mut range: Option<&str> = None;
        let mut bad = false;
        match ch.std {
            Std::LongYear => match rest.get(..4) {
                Some(p) if p[0].is_ascii_digit() => match atoi(p) {
                    Some(y) => {
                        year = y;
                        rest = &rest[4..];
                    }
                    None => bad = true,
                },
                _ => bad = true,
            },
            Std::ZeroMonth => match getnum(rest, true) {
                Some((m, r)) => {
                    month = m;
                    rest = r;
                    if !(1..=12).contains(&m) {
                        range = Some("month");
                    }
                }
                None => bad = true,
            },
            Std::ZeroDay => match getnum(rest, true) {
                Some((d, r)) => {
                    day = d;
                    rest = r;
                }
                None => bad = true,
            },
            Std::Hour => match getnum(rest, false) {
                Some((h, r)) => {
                    hour = h;
                    rest = r;
                    if h >= 24 {
                        range = Some("hour");
                    }
                }
                None => bad = true,
            },
            Std::ZeroMinute => match getnum(rest, true) {
                Some((m, r)) => {
                    min = m;
                    rest = r;
                    if m >= 60 {
                        range = Some("minute");
                    }
                }
                None => bad = true,
            },
            Std::ZeroSecond => match getnum(rest, true) {
                Some((s, r)) => {
                    sec = s;
                    rest = r;
                    if s >= 60 {
                        range = Some("second");
                    } else if rest.len() >= 2
                        && matches!(rest[0], b'.' | b',')
                        && rest[1].is_ascii_digit()
                        && chunks.get(idx + 1).map(|c| c.std) != Some(Std::FracSecond6)
                    {
                        // A fraction the layout does not mention: any number of digits.
                        let n = 2 + rest[2..].iter().take_while(|c| c.is_ascii_digit()).count();
                        match parse_nanoseconds(rest, n) {
                            Nanos::Ok(ns) => nsec = ns,
                            Nanos::Range => range = Some("fractional second"),
                            Nanos::Bad => bad = true,
                        }
                        rest = &rest[n..];
                    }
                }
                None => bad = true,
            },
            Std::FracSecond6 => {
                if rest.len() < 7 {
                    bad = true;
                } else {
                    match parse_nanoseconds(rest, 7) {
                        Nanos::Ok(ns) => nsec = ns,
                        Nanos::Range => range = Some("fractional second"),
                        Nanos::Bad => bad = true,
                    }
                    rest = &rest[7..];
                }
            }
            Std::Iso8601ColonTz => {
                if rest.first() == Some(&b'Z') {
                    rest = &rest[1..];
                    zone_offset = Some(0);
                } else if rest.len() < 6 || rest[3] != b':' {
                    bad = true;
                } else {
                    let (sign, hh, mm) = (rest[0], &rest[1..3], &rest[4..6]);
                    rest = &rest[6..];
                    let mut hr = 0;
                    let mut mi = 0;
                    match getnum(hh, true) {
                        Some((h, _)) => {
                            hr = h;
                            match getnum(mm, true) {
                                Some((m, _)) => mi = m,
                                None => bad = true,
                            }
                        }
                        None => bad = true,
                    }
                    // Go accepts 24 hours and 60 minutes ("> rather than >=").
                    if hr > 24 {
                        range = Some("time zone offset hour");
                    }
                    if mi > 60 {
                        range = Some("time zone offset minute");
                    }
                    let off = (hr * 60 + mi) * 60;
                    match sign {
                        b'+' => zone_offset = Some(off),
                        b'-' => zone_offset = Some(-off),
                        _ => bad = true,
                    }
                }
            }
        }
        if let Some(r) = range {
            return Err(message(&format!(": {r} out of range")));
        }
        if bad {
            return Err(cannot(hold, ch.text));
        }
    }
    if !rest.is_empty() {
        return Err(message(&format!(": extra text: {}", quote(rest))));
    }
    if day < 1 || day > days_in(month, year) {
        return Err(message(": day out of range"));
    }
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + min * 60 + sec
        - zone_offset.unwrap_or(0);
    Ok(Instant {
        secs,
        nanos: u32::try_from(nsec).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected value from Go (go1.26, apimachinery v0.36.4): `metav1.Time.UnmarshalJSON` of
    /// the marshaled string, then `ToUnstructured()` ("null" for the zero time),
    /// `UTC().Format(RFC3339Micro)`, `Unix()`, `Nanosecond()`; or the error text. Every input
    /// was also run through the `flux-normalize` oracle as a core Event `firstTimestamp`, with
    /// the same outcome.
    type Want = Result<(&'static str, &'static str, i64, u32), &'static str>;

    #[rustfmt::skip]
    const TIMES: &[(&str, Want)] = &[
        ("2024-01-01T10:00:00.5+02:00", Ok(("2024-01-01T08:00:00Z", "2024-01-01T08:00:00.500000Z", 1704096000, 500000000))),
        ("2024-01-01T10:00:00Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000000Z", 1704103200, 0))),
        ("2024-01-01T10:00:00,5Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.500000Z", 1704103200, 500000000))),
        ("2024-01-01T10:00:00.123456789Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z", 1704103200, 123456789))),
        ("2024-01-01T10:00:00.1234567891234Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z", 1704103200, 123456789))),
        ("2024-01-01T10:00:00.999999999999Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.999999Z", 1704103200, 999999999))),
        ("2024-02-29T00:00:00Z", Ok(("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000Z", 1709164800, 0))),
        ("2023-02-29T00:00:00Z", Err("parsing time \"2023-02-29T00:00:00Z\": day out of range")),
        ("2000-02-29T12:00:00Z", Ok(("2000-02-29T12:00:00Z", "2000-02-29T12:00:00.000000Z", 951825600, 0))),
        ("1900-02-29T00:00:00Z", Err("parsing time \"1900-02-29T00:00:00Z\": day out of range")),
        ("2100-02-29T00:00:00Z", Err("parsing time \"2100-02-29T00:00:00Z\": day out of range")),
        ("2400-02-29T00:00:00Z", Ok(("2400-02-29T00:00:00Z", "2400-02-29T00:00:00.000000Z", 13574563200, 0))),
        ("0000-02-29T00:00:00Z", Ok(("0000-02-29T00:00:00Z", "0000-02-29T00:00:00.000000Z", -62162121600, 0))),
        ("0000-01-01T00:00:00Z", Ok(("0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000000Z", -62167219200, 0))),
        ("0000-01-01T00:00:00+01:00", Ok(("-0001-12-31T23:00:00Z", "-0001-12-31T23:00:00.000000Z", -62167222800, 0))),
        ("0000-01-01T00:00:00-01:00", Ok(("0000-01-01T01:00:00Z", "0000-01-01T01:00:00.000000Z", -62167215600, 0))),
        ("0001-01-01T00:00:00Z", Ok(("null", "0001-01-01T00:00:00.000000Z", -62135596800, 0))),
        ("0001-01-01T01:00:00+01:00", Ok(("null", "0001-01-01T00:00:00.000000Z", -62135596800, 0))),
        ("0000-12-31T23:00:00-01:00", Ok(("null", "0001-01-01T00:00:00.000000Z", -62135596800, 0))),
        ("0001-01-01T00:00:00.000000001Z", Ok(("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z", -62135596800, 1))),
        ("0001-01-01T00:00:00.5Z", Ok(("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.500000Z", -62135596800, 500000000))),
        ("0001-01-01T00:00:00-00:00", Ok(("null", "0001-01-01T00:00:00.000000Z", -62135596800, 0))),
        ("0001-01-01T00:00:00+00:01", Ok(("0000-12-31T23:59:00Z", "0000-12-31T23:59:00.000000Z", -62135596860, 0))),
        ("9999-12-31T23:59:59Z", Ok(("9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000000Z", 253402300799, 0))),
        ("9999-12-31T23:59:59-23:59", Ok(("10000-01-01T23:58:59Z", "10000-01-01T23:58:59.000000Z", 253402387139, 0))),
        ("9999-12-31T23:59:59-24:60", Ok(("10000-01-02T00:59:59Z", "10000-01-02T00:59:59.000000Z", 253402390799, 0))),
        ("9999-12-31T23:59:59.999999999-24:00", Ok(("10000-01-01T23:59:59Z", "10000-01-01T23:59:59.999999Z", 253402387199, 999999999))),
        ("2024-01-01T0:00:00Z", Ok(("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000000Z", 1704067200, 0))),
        ("2024-01-01T9:05:07Z", Ok(("2024-01-01T09:05:07Z", "2024-01-01T09:05:07.000000Z", 1704099907, 0))),
        ("2024-06-15T12:00:00+24:00", Ok(("2024-06-14T12:00:00Z", "2024-06-14T12:00:00.000000Z", 1718366400, 0))),
        ("2024-06-15T12:00:00-24:00", Ok(("2024-06-16T12:00:00Z", "2024-06-16T12:00:00.000000Z", 1718539200, 0))),
        ("2024-06-15T12:00:00+01:60", Ok(("2024-06-15T10:00:00Z", "2024-06-15T10:00:00.000000Z", 1718445600, 0))),
        ("2024-06-15T12:00:00+24:60", Ok(("2024-06-14T11:00:00Z", "2024-06-14T11:00:00.000000Z", 1718362800, 0))),
        ("2024-06-15T12:00:00+25:00", Err("parsing time \"2024-06-15T12:00:00+25:00\": time zone offset hour out of range")),
        ("2024-06-15T12:00:00+01:61", Err("parsing time \"2024-06-15T12:00:00+01:61\": time zone offset minute out of range")),
        ("2024-06-15T12:00:00+25:61", Err("parsing time \"2024-06-15T12:00:00+25:61\": time zone offset minute out of range")),
        ("2024-06-15T12:00:00+99:99", Err("parsing time \"2024-06-15T12:00:00+99:99\": time zone offset minute out of range")),
        ("2024-06-15T12:00:00+0100", Err("parsing time \"2024-06-15T12:00:00+0100\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+0100\" as \"Z07:00\"")),
        ("2024-06-15T12:00:00+01", Err("parsing time \"2024-06-15T12:00:00+01\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+01\" as \"Z07:00\"")),
        ("2024-06-15T12:00:00z", Err("parsing time \"2024-06-15T12:00:00z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"z\" as \"Z07:00\"")),
        ("2024-06-15t12:00:00Z", Err("parsing time \"2024-06-15t12:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"t12:00:00Z\" as \"T\"")),
        (" 2024-06-15T12:00:00Z", Err("parsing time \" 2024-06-15T12:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 2024-06-15T12:00:00Z\" as \"2006\"")),
        ("2024-06-15T12:00:00Z ", Err("parsing time \"2024-06-15T12:00:00Z \": extra text: \" \"")),
        ("", Err("parsing time \"\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"2006\"")),
        ("2024-13-01T00:00:00Z", Err("parsing time \"2024-13-01T00:00:00Z\": month out of range")),
        ("2024-00-01T00:00:00Z", Err("parsing time \"2024-00-01T00:00:00Z\": month out of range")),
        ("2024-01-32T00:00:00Z", Err("parsing time \"2024-01-32T00:00:00Z\": day out of range")),
        ("2024-01-00T00:00:00Z", Err("parsing time \"2024-01-00T00:00:00Z\": day out of range")),
        ("2024-04-31T00:00:00Z", Err("parsing time \"2024-04-31T00:00:00Z\": day out of range")),
        ("2024-01-01T24:00:00Z", Err("parsing time \"2024-01-01T24:00:00Z\": hour out of range")),
        ("2024-01-01T23:60:00Z", Err("parsing time \"2024-01-01T23:60:00Z\": minute out of range")),
        ("2024-01-01T23:59:60Z", Err("parsing time \"2024-01-01T23:59:60Z\": second out of range")),
        ("2024-01-01T99:00:00Z", Err("parsing time \"2024-01-01T99:00:00Z\": hour out of range")),
        ("2024-1-01T00:00:00Z", Err("parsing time \"2024-1-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"1-01T00:00:00Z\" as \"01\"")),
        ("2024-01-1T00:00:00Z", Err("parsing time \"2024-01-1T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"1T00:00:00Z\" as \"02\"")),
        ("202-01-01T00:00:00Z", Err("parsing time \"202-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"202-01-01T00:00:00Z\" as \"2006\"")),
        ("20240-01-01T00:00:00Z", Err("parsing time \"20240-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"0-01-01T00:00:00Z\" as \"-\"")),
        ("2024/01/01T00:00:00Z", Err("parsing time \"2024/01/01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"/01/01T00:00:00Z\" as \"-\"")),
        ("2024-01-01 10:00:00Z", Err("parsing time \"2024-01-01 10:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 10:00:00Z\" as \"T\"")),
        ("2024-01-01T10:00Z", Err("parsing time \"2024-01-01T10:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"Z\" as \":\"")),
        ("2024-01-01T10:00:00.Z", Err("parsing time \"2024-01-01T10:00:00.Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \".Z\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00,Z", Err("parsing time \"2024-01-01T10:00:00,Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \",Z\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00.5", Err("parsing time \"2024-01-01T10:00:00.5\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00", Err("parsing time \"2024-01-01T10:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+01:00 ", Err("parsing time \"2024-01-01T10:00:00+01:00 \": extra text: \" \"")),
        ("2024-01-01T10:00:00+01:00Z", Err("parsing time \"2024-01-01T10:00:00+01:00Z\": extra text: \"Z\"")),
        ("2024-01-01T10:00:00x01:00", Err("parsing time \"2024-01-01T10:00:00x01:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"x01:00\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+1:00", Err("parsing time \"2024-01-01T10:00:00+1:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+1:00\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+01:0a", Err("parsing time \"2024-01-01T10:00:00+01:0a\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+01:0a\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+a1:00", Err("parsing time \"2024-01-01T10:00:00+a1:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+a1:00\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+01-00", Err("parsing time \"2024-01-01T10:00:00+01-00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+01-00\" as \"Z07:00\"")),
        ("\u{e9}", Err("parsing time \"\\xc3\\xa9\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\xc3\\xa9\" as \"2006\"")),
        ("2024-01-01T10:00:00Z\u{e9}", Err("parsing time \"2024-01-01T10:00:00Z\\xc3\\xa9\": extra text: \"\\xc3\\xa9\"")),
        ("2024-01-01T10:00:00\u{2028}", Err("parsing time \"2024-01-01T10:00:00\\xe2\\x80\\xa8\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\xe2\\x80\\xa8\" as \"Z07:00\"")),
        ("\"quoted\"", Err("parsing time \"\\\"quoted\\\"\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\\"quoted\\\"\" as \"2006\"")),
        ("back\\slash", Err("parsing time \"back\\\\slash\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"back\\\\slash\" as \"2006\"")),
        ("2024-01-01T10:00:00Z\u{0}", Err("parsing time \"2024-01-01T10:00:00Z\\x00\": extra text: \"\\x00\"")),
        ("2024-01-01T10:00:00.+1Z", Err("parsing time \"2024-01-01T10:00:00.+1Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \".+1Z\" as \"Z07:00\"")),
        ("1970-01-01T00:00:00Z", Ok(("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z", 0, 0))),
        ("1969-12-31T23:59:59.999999999Z", Ok(("1969-12-31T23:59:59Z", "1969-12-31T23:59:59.999999Z", -1, 999999999))),
        ("1970-01-01T00:00:00+00:00", Ok(("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z", 0, 0))),
        ("1970-01-01T00:00:00-00:00", Ok(("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z", 0, 0))),
        ("2038-01-19T03:14:08Z", Ok(("2038-01-19T03:14:08Z", "2038-01-19T03:14:08.000000Z", 2147483648, 0))),
        ("2262-04-11T23:47:16.854775807Z", Ok(("2262-04-11T23:47:16Z", "2262-04-11T23:47:16.854775Z", 9223372036, 854775807))),
        ("1677-09-21T00:12:43.145224192Z", Ok(("1677-09-21T00:12:43Z", "1677-09-21T00:12:43.145224Z", -9223372037, 145224192))),
        ("-001-01-01T00:00:00Z", Err("parsing time \"-001-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"-001-01-01T00:00:00Z\" as \"2006\"")),
        ("+2024-01-01T00:00:00Z", Err("parsing time \"+2024-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+2024-01-01T00:00:00Z\" as \"2006\"")),
        ("\u{ff12}\u{ff10}\u{ff12}\u{ff14}-01-01T00:00:00Z", Err("parsing time \"\\xef\\xbc\\x92\\xef\\xbc\\x90\\xef\\xbc\\x92\\xef\\xbc\\x94-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\xef\\xbc\\x92\\xef\\xbc\\x90\\xef\\xbc\\x92\\xef\\xbc\\x94-01-01T00:00:00Z\" as \"2006\"")),
        ("2\u{e9}24-01-01T00:00:00Z", Err("parsing time \"2\\xc3\\xa924-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"2\\xc3\\xa924-01-01T00:00:00Z\" as \"2006\"")),
        ("2024-0\u{e9}-01T00:00:00Z", Err("parsing time \"2024-0\\xc3\\xa9-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"0\\xc3\\xa9-01T00:00:00Z\" as \"01\"")),
        ("2024-01-01T10:00:00+\u{20ac}", Err("parsing time \"2024-01-01T10:00:00+\\xe2\\x82\\xac\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+\\xe2\\x82\\xac\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00.1e3Z", Err("parsing time \"2024-01-01T10:00:00.1e3Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"e3Z\" as \"Z07:00\"")),
        ("2024-01-01T123:00:00Z", Err("parsing time \"2024-01-01T123:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"3:00:00Z\" as \":\"")),
        ("2024-01-01T1:2:3Z", Err("parsing time \"2024-01-01T1:2:3Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"2:3Z\" as \"04\"")),
        ("2024-12-31T23:59:59.999999999+00:00", Ok(("2024-12-31T23:59:59Z", "2024-12-31T23:59:59.999999Z", 1735689599, 999999999))),
        ("2024-03-10T02:30:00-05:00", Ok(("2024-03-10T07:30:00Z", "2024-03-10T07:30:00.000000Z", 1710055800, 0))),
        ("1999-12-31T23:59:59-12:00", Ok(("2000-01-01T11:59:59Z", "2000-01-01T11:59:59.000000Z", 946727999, 0))),
        ("2000-01-01T00:00:00+14:00", Ok(("1999-12-31T10:00:00Z", "1999-12-31T10:00:00.000000Z", 946634400, 0))),
        ("2024-01-01T10:00:00,123456Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z", 1704103200, 123456000))),
        ("2024-01-01T10:00:00.000Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000000Z", 1704103200, 0))),
        ("2024-01-01T10:00:00.0000000001Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000000Z", 1704103200, 0))),
        ("2024-01-01T10:00:00.12345678919Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z", 1704103200, 123456789))),
        ("2024-01-01T10:00:00.0Z", Ok(("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000000Z", 1704103200, 0))),
        ("2024-02-30T00:00:00Z", Err("parsing time \"2024-02-30T00:00:00Z\": day out of range")),
        ("2023-11-31T00:00:00Z", Err("parsing time \"2023-11-31T00:00:00Z\": day out of range")),
        ("2024-01-01T10:00:00-", Err("parsing time \"2024-01-01T10:00:00-\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"-\" as \"Z07:00\"")),
        ("2024-01-01T10:00:00+01:", Err("parsing time \"2024-01-01T10:00:00+01:\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+01:\" as \"Z07:00\"")),
        ("2024-01-01T", Err("parsing time \"2024-01-01T\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"15\"")),
        ("2024", Err("parsing time \"2024\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"-\"")),
        ("2024-", Err("parsing time \"2024-\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"01\"")),
        ("2024-01-01T10:00:00ZZ", Err("parsing time \"2024-01-01T10:00:00ZZ\": extra text: \"Z\"")),
        ("2024-01-01T10:00:00Z\u{a}", Err("parsing time \"2024-01-01T10:00:00Z\\x0a\": extra text: \"\\x0a\"")),
        ("\u{9}2024-01-01T10:00:00Z", Err("parsing time \"\\x092024-01-01T10:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\x092024-01-01T10:00:00Z\" as \"2006\"")),
    ];

    /// Like `TIMES` for `metav1.MicroTime` (`MarshalJSON`, then `UTC().Format(RFC3339)` as the
    /// second text); checked through the oracle as a Lease `spec.renewTime`.
    #[rustfmt::skip]
    const MICRO_TIMES: &[(&str, Want)] = &[
        ("2024-01-01T00:00:00.123456+01:00", Ok(("2023-12-31T23:00:00.123456Z", "2023-12-31T23:00:00Z", 1704063600, 123456000))),
        ("2024-01-01T00:00:00Z", Err("parsing time \"2024-01-01T00:00:00Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"Z\" as \".000000\"")),
        ("2024-01-01T00:00:00.000000Z", Ok(("2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:00Z", 1704067200, 0))),
        ("2024-01-01T00:00:00,123456Z", Ok(("2024-01-01T00:00:00.123456Z", "2024-01-01T00:00:00Z", 1704067200, 123456000))),
        ("2024-01-01T00:00:00.1234567Z", Err("parsing time \"2024-01-01T00:00:00.1234567Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"7Z\" as \"Z07:00\"")),
        ("2024-01-01T00:00:00.12345Z", Err("parsing time \"2024-01-01T00:00:00.12345Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".12345Z\" as \".000000\"")),
        ("2024-01-01T00:00:00.+12345Z", Ok(("2024-01-01T00:00:00.012345Z", "2024-01-01T00:00:00Z", 1704067200, 12345000))),
        ("2024-01-01T00:00:00.-12345Z", Err("parsing time \"2024-01-01T00:00:00.-12345Z\": fractional second out of range")),
        ("2024-01-01T00:00:00.-00000Z", Ok(("2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:00Z", 1704067200, 0))),
        ("2024-01-01T00:00:00.+00000Z", Ok(("2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:00Z", 1704067200, 0))),
        ("2024-01-01T00:00:00.+Z", Err("parsing time \"2024-01-01T00:00:00.+Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".+Z\" as \".000000\"")),
        ("2024-01-01T00:00:00. 12345Z", Err("parsing time \"2024-01-01T00:00:00. 12345Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \". 12345Z\" as \".000000\"")),
        ("2024-01-01T00:00:00.1234a6Z", Err("parsing time \"2024-01-01T00:00:00.1234a6Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".1234a6Z\" as \".000000\"")),
        ("0001-01-01T00:00:00.000000Z", Ok(("null", "0001-01-01T00:00:00Z", -62135596800, 0))),
        ("0001-01-01T00:00:00.000001Z", Ok(("0001-01-01T00:00:00.000001Z", "0001-01-01T00:00:00Z", -62135596800, 1000))),
        ("0001-01-01T01:00:00.000000+01:00", Ok(("null", "0001-01-01T00:00:00Z", -62135596800, 0))),
        ("9999-12-31T23:59:59.999999-23:59", Ok(("10000-01-01T23:58:59.999999Z", "10000-01-01T23:58:59Z", 253402387139, 999999000))),
        ("2024-01-01T00:00:00.123456789Z", Err("parsing time \"2024-01-01T00:00:00.123456789Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"789Z\" as \"Z07:00\"")),
        ("2024-01-01T0:00:00.123456Z", Ok(("2024-01-01T00:00:00.123456Z", "2024-01-01T00:00:00Z", 1704067200, 123456000))),
        ("2024-02-30T00:00:00.000000Z", Err("parsing time \"2024-02-30T00:00:00.000000Z\": day out of range")),
        ("2024-02-29T00:00:00.000000Z", Ok(("2024-02-29T00:00:00.000000Z", "2024-02-29T00:00:00Z", 1709164800, 0))),
        ("2024-01-01T00:00:00.123456+24:00", Ok(("2023-12-31T00:00:00.123456Z", "2023-12-31T00:00:00Z", 1703980800, 123456000))),
        ("2024-01-01T00:00:00.123456+25:00", Err("parsing time \"2024-01-01T00:00:00.123456+25:00\": time zone offset hour out of range")),
        ("2024-01-01T00:00:00.123456+01:60", Ok(("2023-12-31T22:00:00.123456Z", "2023-12-31T22:00:00Z", 1704060000, 123456000))),
        ("2024-01-01T00:00:00.123456+01:61", Err("parsing time \"2024-01-01T00:00:00.123456+01:61\": time zone offset minute out of range")),
        ("", Err("parsing time \"\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"\" as \"2006\"")),
        ("2024-01-01T00:00:00.999999Z", Ok(("2024-01-01T00:00:00.999999Z", "2024-01-01T00:00:00Z", 1704067200, 999999000))),
        ("2024-01-01T00:00:00.123456", Err("parsing time \"2024-01-01T00:00:00.123456\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"\" as \"Z07:00\"")),
        ("2024-01-01T00:00:00.123456 ", Err("parsing time \"2024-01-01T00:00:00.123456 \" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \" \" as \"Z07:00\"")),
        ("2024-01-01T00:00:00.123456z", Err("parsing time \"2024-01-01T00:00:00.123456z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"z\" as \"Z07:00\"")),
        ("2024-01-01T00:00:00+01:00", Err("parsing time \"2024-01-01T00:00:00+01:00\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"+01:00\" as \".000000\"")),
        ("2024-01-01T00:00:00.123456-05:30", Ok(("2024-01-01T05:30:00.123456Z", "2024-01-01T05:30:00Z", 1704087000, 123456000))),
        ("0000-01-01T00:00:00.000000+00:01", Ok(("-0001-12-31T23:59:00.000000Z", "-0001-12-31T23:59:00Z", -62167219260, 0))),
        ("2024-01-01T24:00:00.000000Z", Err("parsing time \"2024-01-01T24:00:00.000000Z\": hour out of range")),
        ("2024-01-01T23:59:60.000000Z", Err("parsing time \"2024-01-01T23:59:60.000000Z\": second out of range")),
        ("2024-13-01T00:00:00.000000Z", Err("parsing time \"2024-13-01T00:00:00.000000Z\": month out of range")),
        ("1970-01-01T00:00:00.000001Z", Ok(("1970-01-01T00:00:00.000001Z", "1970-01-01T00:00:00Z", 0, 1000))),
        ("1969-12-31T23:59:59.999999Z", Ok(("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59Z", -1, 999999000))),
        ("2024-01-01T00:00:00.12345\u{e9}Z", Err("parsing time \"2024-01-01T00:00:00.12345\\xc3\\xa9Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".12345\\xc3\\xa9Z\" as \".000000\"")),
        ("2024-01-01T00:00:00.000000+0100", Err("parsing time \"2024-01-01T00:00:00.000000+0100\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"+0100\" as \"Z07:00\"")),
        ("2024-01-01T00:00:00.1234567", Err("parsing time \"2024-01-01T00:00:00.1234567\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"7\" as \"Z07:00\"")),
        ("2024-01-01T00:00:00,000000+01:00", Ok(("2023-12-31T23:00:00.000000Z", "2023-12-31T23:00:00Z", 1704063600, 0))),
        ("2024-01-01T00:00:00.00000", Err("parsing time \"2024-01-01T00:00:00.00000\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".00000\" as \".000000\"")),
        ("2024-01-01T00:00:00.-1Z", Err("parsing time \"2024-01-01T00:00:00.-1Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".-1Z\" as \".000000\"")),
    ];

    fn check(input: &str, got: Result<Instant, String>, want: &Want, micro: bool) {
        let got = got.map(|t| {
            let (main, other) = if micro {
                (format_micro_time(&t), format_time(&t))
            } else {
                (format_time(&t), format_micro_time(&t))
            };
            let main = if is_zero(&t) {
                "null".to_string()
            } else {
                main
            };
            (main, other, t.secs, t.nanos)
        });
        let want = want
            .map(|(m, o, s, n)| (m.to_string(), o.to_string(), s, n))
            .map_err(str::to_string);
        assert_eq!(got, want, "{input:?}");
    }

    #[test]
    fn times_match_go() {
        for (input, want) in TIMES {
            check(input, parse_time(input), want, false);
        }
    }

    #[test]
    fn micro_times_match_go() {
        for (input, want) in MICRO_TIMES {
            check(input, parse_micro_time(input), want, true);
        }
    }

    /// xorshift64*, so the fuzz cases are reproducible without crates.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    /// Random and mutated strings never panic (multi-byte characters cut by the fixed-width
    /// fields included), and formatting any instant never panics.
    #[test]
    fn fuzz_never_panics() {
        let atoms = [
            "2024",
            "0000",
            "9999",
            "-",
            ":",
            "T",
            "Z",
            "z",
            "01",
            "1",
            "29",
            "31",
            "60",
            "24",
            ".",
            ",",
            "123456",
            "+",
            "+01:00",
            "-24:60",
            " ",
            "é",
            "€",
            "\u{2028}",
            "\"",
            "\\",
            "\u{0}",
            "999999999999",
        ];
        let seeds = ["2024-01-01T10:00:00.123456+01:00", "0001-01-01T00:00:00Z"];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for round in 0..40_000 {
            let mut s = String::new();
            if round % 2 == 0 {
                for _ in 0..rng.next() % 10 {
                    s.push_str(atoms[(rng.next() % atoms.len() as u64) as usize]);
                }
            } else {
                let mut chars: Vec<char> = seeds[round % 4 / 2].chars().collect();
                for _ in 0..1 + rng.next() % 3 {
                    let at = (rng.next() % (chars.len() as u64 + 1)) as usize;
                    let atom = atoms[(rng.next() % atoms.len() as u64) as usize];
                    match rng.next() % 3 {
                        0 if at < chars.len() => {
                            chars.remove(at);
                        }
                        _ => chars.splice(at..at, atom.chars()).for_each(drop),
                    }
                }
                s = chars.into_iter().collect();
            }
            for t in [parse_time(&s), parse_micro_time(&s)].into_iter().flatten() {
                let _ = (format_time(&t), format_micro_time(&t), is_zero(&t));
            }
        }
        for secs in [
            i64::MIN,
            i64::MAX,
            -1,
            0,
            ZERO_TIME_SECS - 1,
            253_402_300_800,
        ] {
            let t = Instant {
                secs,
                nanos: u32::MAX,
            };
            let _ = (format_time(&t), format_micro_time(&t));
        }
    }

    /// Formatting then parsing gives the instant back over the whole 0000–9999 range.
    #[test]
    fn round_trip() {
        let mut rng = Rng(42);
        let lo = days_from_civil(0, 1, 1) * 86_400;
        let hi = days_from_civil(10_000, 1, 1) * 86_400;
        for _ in 0..20_000 {
            let secs = lo + (rng.next() % (hi - lo) as u64) as i64;
            let nanos = (rng.next() % 1_000_000_000) as u32;
            let t = Instant { secs, nanos };
            assert_eq!(parse_time(&format_time(&t)), Ok(Instant { secs, nanos: 0 }));
            let micro = Instant {
                secs,
                nanos: nanos / 1000 * 1000,
            };
            assert_eq!(parse_micro_time(&format_micro_time(&t)), Ok(micro));
        }
    }
}

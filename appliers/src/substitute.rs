//! Flux's post-build variable substitution (`spec.postBuild`): each built
//! object is printed as YAML, `${var}` expressions are expanded with the
//! grammar of `fluxcd/pkg/envsubst` (a fork of drone/envsubst: defaults,
//! substrings, case changes, pattern trims and replaces, `$$` escapes,
//! strict mode), and the text is read back. Objects labelled or annotated
//! `kustomize.toolkit.fluxcd.io/substitute: disabled` are left alone.
//!
//! The parser is a port of the fork's scanner, quirks included (`$var`
//! without braces stays as it is; `${var-default}` is a missing closing
//! brace), because users' manifests were written against it.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::kustomization::PostBuild;
use sluice_kustomize::manifest;

const DISABLE_KEY: &str = "kustomize.toolkit.fluxcd.io/substitute";

/// Substitutes every object of `objects` in place. Strict mode (Flux's
/// default since v1.9): a variable without a value and without a default is
/// an error.
pub fn substitute_all(objects: &mut [Value], post: &PostBuild) -> Result<(), String> {
    if post.variables.is_empty() && !post.always {
        return Ok(());
    }
    for name in post.variables.keys() {
        if !valid_name(name) {
            return Err(format!(
                "'{name}' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'"
            ));
        }
    }
    for obj in objects.iter_mut() {
        let disabled = ["labels", "annotations"].iter().any(|f| {
            obj.pointer(&format!("/metadata/{f}"))
                .and_then(|m| m.get(DISABLE_KEY))
                .and_then(Value::as_str)
                == Some("disabled")
        });
        if disabled {
            continue;
        }
        let text = manifest::to_yaml(obj);
        let out = expand(&text, &post.variables, true).map_err(|e| {
            format!(
                "post build failed for '{}/{}': envsubst error: variable substitution failed: {e}",
                gvk_string(obj),
                obj.pointer("/metadata/name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            )
        })?;
        if out != text {
            *obj = manifest::parse_document(&out, "substituted manifest").map_err(|e| {
                format!(
                    "post build failed for '{}/{}': envsubst error: YAMLToJSON: {e}",
                    gvk_string(obj),
                    obj.pointer("/metadata/name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                )
            })?;
        }
    }
    Ok(())
}

/// kyaml's `Gvk.String()`: `Kind.version.group`, `[noGrp]` for the core
/// group.
fn gvk_string(obj: &Value) -> String {
    let api = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("");
    let (g, v) = sluice_kustomize::resid::split_api_version(api);
    let kind = obj.get("kind").and_then(Value::as_str).unwrap_or("");
    let or = |s: &str, d: &str| {
        if s.is_empty() {
            d.to_string()
        } else {
            s.to_string()
        }
    };
    format!(
        "{}.{}.{}",
        or(kind, "[noKind]"),
        or(v, "[noVer]"),
        or(g, "[noGrp]")
    )
}

/// `^[_[:alpha:]][_[:alpha:][:digit:]]*$` (ASCII classes, as Go's regexp).
fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// Expands `text`. With `strict`, a variable missing from `vars` (and read
/// without a default) is an error naming it.
pub fn expand(text: &str, vars: &BTreeMap<String, String>, strict: bool) -> Result<String, String> {
    let mut p = Parser {
        s: Scanner::new(text),
    };
    let root = p.parse_any().map_err(|e| e.to_string())?;
    let mut out = String::with_capacity(text.len());
    eval(&root, vars, strict, &mut out)?;
    Ok(out)
}

// ---------------------------------------------------------------- syntax

enum Node {
    Text(String),
    Func {
        /// The operator (`""` for a plain `${var}`, `:=`, `//`, …).
        name: String,
        param: String,
        args: Vec<Node>,
    },
    List(Vec<Node>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParseError {
    BadSubstitution,
    MissingClosingBrace,
    VariableName,
    FuncSubstitution,
    DefaultFunction,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ParseError::BadSubstitution => "bad substitution",
            ParseError::MissingClosingBrace => "missing closing brace",
            ParseError::VariableName => "unable to parse variable name",
            ParseError::FuncSubstitution => "unable to parse substitution within function",
            ParseError::DefaultFunction => "unable to parse default function",
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Illegal,
    Eof,
    Ident,
    Lbrack,
    Rbrack,
}

const SCAN_IDENT: u8 = 1;
const SCAN_LBRACK: u8 = 2;
const SCAN_RBRACK: u8 = 4;
const SCAN_ESCAPE: u8 = 8;
const ESC_DOLLAR: u8 = 1;
const ESC_BACKSLASH: u8 = 2;

type Accept = fn(char, usize) -> bool;

/// The fork's scanner over characters; `skip` drops an escape character
/// from the buffer, as the original does.
struct Scanner {
    buf: Vec<char>,
    pos: usize,
    start: usize,
    /// Whether the last `read` consumed a character (0 at the end).
    width: usize,
    mode: u8,
    escape: u8,
    accept: Accept,
}

impl Scanner {
    fn new(text: &str) -> Self {
        Self {
            buf: text.chars().collect(),
            pos: 0,
            start: 0,
            width: 0,
            mode: 0,
            escape: 0,
            accept: |_, _| true,
        }
    }

    fn read(&mut self) -> Option<char> {
        match self.buf.get(self.pos) {
            Some(&c) => {
                self.width = 1;
                self.pos += 1;
                Some(c)
            }
            None => {
                self.width = 0;
                None
            }
        }
    }

    fn unread(&mut self) {
        self.pos -= self.width;
    }

    fn skip(&mut self) {
        self.buf.remove(self.pos - 1);
    }

    fn peek(&mut self) -> Option<char> {
        let r = self.read();
        self.unread();
        r
    }

    fn string(&self) -> String {
        self.buf[self.start..self.pos].iter().collect()
    }

    fn scan(&mut self) -> Token {
        self.start = self.pos;
        let Some(r) = self.read() else {
            return Token::Eof;
        };
        if self.scan_lbrack(r) {
            Token::Lbrack
        } else if self.scan_rbrack(r) {
            Token::Rbrack
        } else if self.scan_ident(r) {
            Token::Ident
        } else {
            Token::Illegal
        }
    }

    fn scan_ident(&mut self, r: char) -> bool {
        if self.mode & SCAN_IDENT == 0 {
            return false;
        }
        if self.scan_escaped(r) {
            self.skip();
        } else if !(self.accept)(r, self.pos - self.start) {
            return false;
        }
        loop {
            let Some(r) = self.read() else {
                self.unread();
                break;
            };
            if self.scan_lbrack(r) {
                self.unread();
                self.unread_one();
                break;
            }
            if self.scan_escaped(r) {
                self.skip();
                continue;
            }
            if !(self.accept)(r, self.pos - self.start) {
                self.unread();
                break;
            }
        }
        true
    }

    /// A second `unread` in the original steps back over the `$` of a
    /// `${` found mid-token (its width is always one character here).
    fn unread_one(&mut self) {
        self.pos -= 1;
    }

    fn scan_lbrack(&mut self, r: char) -> bool {
        if self.mode & SCAN_LBRACK == 0 {
            return false;
        }
        if r == '$' {
            if self.read() == Some('{') {
                return true;
            }
            self.unread();
        }
        false
    }

    fn scan_rbrack(&self, r: char) -> bool {
        self.mode & SCAN_RBRACK != 0 && r == '}'
    }

    fn scan_escaped(&mut self, r: char) -> bool {
        if self.mode & SCAN_ESCAPE == 0 {
            return false;
        }
        if r == '$' && self.escape & ESC_DOLLAR != 0 && self.peek() == Some('$') {
            return true;
        }
        r == '\\' && self.escape & ESC_BACKSLASH != 0 && matches!(self.peek(), Some('/' | '\\'))
    }
}

struct Parser {
    s: Scanner,
}

fn accept_ident(r: char, _: usize) -> bool {
    r.is_alphabetic() || r.is_numeric() || r == '_'
}

impl Parser {
    fn parse_any(&mut self) -> Result<Node, ParseError> {
        let mut nodes = Vec::new();
        loop {
            self.s.accept = |_, _| true;
            self.s.mode = SCAN_IDENT | SCAN_LBRACK | SCAN_ESCAPE;
            self.s.escape = ESC_DOLLAR;
            match self.s.scan() {
                Token::Ident => nodes.push(Node::Text(self.s.string())),
                Token::Eof => break,
                Token::Lbrack => nodes.push(self.parse_func()?),
                _ => return Err(ParseError::BadSubstitution),
            }
        }
        Ok(Node::List(nodes))
    }

    fn parse_func(&mut self) -> Result<Node, ParseError> {
        self.s.escape = ESC_DOLLAR | ESC_BACKSLASH;
        if self.s.peek() == Some('#') {
            return self.parse_len_func();
        }
        self.s.accept = accept_ident;
        self.s.mode = SCAN_IDENT;
        let name = match self.s.scan() {
            Token::Ident => self.s.string(),
            _ => return Err(ParseError::VariableName),
        };
        match self.s.peek() {
            Some(':') => return self.parse_default_or_substr(name),
            Some('=') => return self.parse_default_func(name),
            Some(',' | '^') => return self.parse_casing_func(name),
            Some('/') => return self.parse_replace_func(name),
            Some('#') => return self.parse_remove_func(name, |r, i| r == '#' && i < 3),
            Some('%') => return self.parse_remove_func(name, |r, i| r == '%' && i < 3),
            _ => {}
        }
        self.s.accept = accept_ident;
        self.s.mode = SCAN_RBRACK;
        match self.s.scan() {
            Token::Rbrack => Ok(Node::Func {
                name: String::new(),
                param: name,
                args: Vec::new(),
            }),
            _ => Err(ParseError::MissingClosingBrace),
        }
    }

    fn parse_param(&mut self, accept: Accept, mode: u8) -> Result<Node, ParseError> {
        self.s.accept = accept;
        self.s.mode = mode | SCAN_LBRACK;
        match self.s.scan() {
            Token::Lbrack => self.parse_func(),
            Token::Ident | Token::Rbrack => Ok(Node::Text(self.s.string())),
            _ => Err(ParseError::FuncSubstitution),
        }
    }

    fn parse_default_or_substr(&mut self, name: String) -> Result<Node, ParseError> {
        self.s.read();
        let r = self.s.peek();
        // Steps back by the width of the peeked character, as the original
        // (nothing at the end of the text).
        self.s.unread();
        match r {
            Some('=' | '-' | '?' | '+') => self.parse_default_func(name),
            _ => self.parse_substr_func(name),
        }
    }

    fn op(&mut self, accept: Accept, err: ParseError) -> Result<String, ParseError> {
        self.s.accept = accept;
        self.s.mode = SCAN_IDENT;
        match self.s.scan() {
            Token::Ident => Ok(self.s.string()),
            _ => Err(err),
        }
    }

    fn parse_substr_func(&mut self, param: String) -> Result<Node, ParseError> {
        let name = self.op(|r, i| i == 1 && r == ':', ParseError::BadSubstitution)?;
        let mut args = vec![self.parse_param(|r, _| r != ':' && r != '}', SCAN_IDENT)?];
        self.s.accept = |r, _| r == ':';
        self.s.mode = SCAN_IDENT | SCAN_RBRACK;
        match self.s.scan() {
            Token::Rbrack => return Ok(Node::Func { name, param, args }),
            Token::Ident => {}
            _ => return Err(ParseError::BadSubstitution),
        }
        args.push(self.parse_param(|r, _| r != '}', SCAN_IDENT)?);
        self.consume_rbrack()?;
        Ok(Node::Func { name, param, args })
    }

    fn parse_remove_func(&mut self, param: String, accept: Accept) -> Result<Node, ParseError> {
        let name = self.op(accept, ParseError::BadSubstitution)?;
        let args = vec![self.parse_param(|r, _| r != '}', SCAN_IDENT)?];
        self.consume_rbrack()?;
        Ok(Node::Func { name, param, args })
    }

    fn parse_replace_func(&mut self, param: String) -> Result<Node, ParseError> {
        let name = self.op(
            |r, i| (i == 1 && r == '/') || (i == 2 && matches!(r, '/' | '#' | '%')),
            ParseError::BadSubstitution,
        )?;
        let mut args = vec![self.parse_param(|r, _| r != '/', SCAN_IDENT | SCAN_ESCAPE)?];
        self.s.accept = |r, _| r == '/';
        self.s.mode = SCAN_IDENT;
        if self.s.scan() != Token::Ident {
            return Err(ParseError::BadSubstitution);
        }
        if self.s.peek() == Some('}') {
            self.consume_rbrack()?;
            return Ok(Node::Func { name, param, args });
        }
        args.push(self.parse_param(|r, _| r != '}', SCAN_IDENT | SCAN_ESCAPE)?);
        self.consume_rbrack()?;
        Ok(Node::Func { name, param, args })
    }

    fn parse_default_func(&mut self, param: String) -> Result<Node, ParseError> {
        let accept: Accept = if self.s.peek() == Some('=') {
            |r, i| i == 1 && r == '='
        } else {
            |r, i| (i == 1 && r == ':') || (i == 2 && matches!(r, '=' | '-' | '?' | '+'))
        };
        let name = self.op(accept, ParseError::DefaultFunction)?;
        let mut args = Vec::new();
        loop {
            if self.s.peek() == Some('}') {
                self.consume_rbrack()?;
                return Ok(Node::Func { name, param, args });
            }
            args.push(self.parse_param(|r, _| r != '}', SCAN_IDENT)?);
        }
    }

    fn parse_casing_func(&mut self, param: String) -> Result<Node, ParseError> {
        let name = self.op(
            |r, i| (r == ',' || r == '^') && i < 3,
            ParseError::BadSubstitution,
        )?;
        self.consume_rbrack()?;
        Ok(Node::Func {
            name,
            param,
            args: Vec::new(),
        })
    }

    fn parse_len_func(&mut self) -> Result<Node, ParseError> {
        let name = self.op(|r, i| r == '#' && i == 1, ParseError::BadSubstitution)?;
        self.s.accept = accept_ident;
        self.s.mode = SCAN_IDENT;
        let param = match self.s.scan() {
            Token::Ident => self.s.string(),
            _ => return Err(ParseError::BadSubstitution),
        };
        self.consume_rbrack()?;
        Ok(Node::Func {
            name,
            param,
            args: Vec::new(),
        })
    }

    fn consume_rbrack(&mut self) -> Result<(), ParseError> {
        self.s.mode = SCAN_RBRACK;
        if self.s.scan() != Token::Rbrack {
            return Err(ParseError::BadSubstitution);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- evaluation

fn eval(
    node: &Node,
    vars: &BTreeMap<String, String>,
    strict: bool,
    out: &mut String,
) -> Result<(), String> {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::List(nodes) => {
            for n in nodes {
                eval(n, vars, strict, out)?;
            }
        }
        Node::Func { name, param, args } => {
            let mut values = Vec::with_capacity(args.len());
            for a in args {
                let mut s = String::new();
                eval(a, vars, strict, &mut s)?;
                values.push(s);
            }
            let value = vars.get(param);
            let is_default = matches!(
                name.as_str(),
                "-" | "+" | "=" | "?" | ":-" | ":+" | ":=" | ":?"
            );
            if strict && value.is_none() && !is_default {
                return Err(format!("variable not set (strict mode): \"{param}\""));
            }
            let v = value.map(String::as_str).unwrap_or("");
            out.push_str(&apply(name, v, &values));
        }
    }
    Ok(())
}

fn apply(name: &str, s: &str, args: &[String]) -> String {
    let arg = |i: usize| args.get(i).map(String::as_str);
    match name {
        "," => first_char(s, |c| c.to_lowercase().collect()),
        ",," => s.to_lowercase(),
        "^" => first_char(s, |c| c.to_uppercase().collect()),
        "^^" => s.to_uppercase(),
        "#" if args.is_empty() => s.len().to_string(),
        "#" => arg(0).map_or(s.to_string(), |p| trim_shortest(s, p)),
        "##" => arg(0).map_or(s.to_string(), |p| trim_longest(s, p)),
        "%" => arg(0).map_or(s.to_string(), |p| {
            reverse(&trim_shortest(&reverse(s), &reverse(p)))
        }),
        "%%" => arg(0).map_or(s.to_string(), |p| {
            reverse(&trim_longest(&reverse(s), &reverse(p)))
        }),
        ":" => substr(s, args),
        "/#" => match args {
            [p, r] if s.starts_with(p.as_str()) => s.replacen(p.as_str(), r, 1),
            _ => s.to_string(),
        },
        "/%" => match args {
            [p, r] if s.ends_with(p.as_str()) => format!("{}{r}", &s[..s.len() - p.len()]),
            _ => s.to_string(),
        },
        "/" => match args {
            [] => s.to_string(),
            [p] => go_replace(s, p, "", 1),
            [p, r, ..] => go_replace(s, p, r, 1),
        },
        "//" => match args {
            [] => s.to_string(),
            [p] => go_replace(s, p, "", usize::MAX),
            [p, r, ..] => go_replace(s, p, r, usize::MAX),
        },
        // Defaults, and any other operator (the original's fallback).
        _ => {
            if s.is_empty() && !args.is_empty() {
                args.concat()
            } else {
                s.to_string()
            }
        }
    }
}

fn first_char(s: &str, f: impl Fn(char) -> String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => f(c) + chars.as_str(),
        None => String::new(),
    }
}

fn reverse(s: &str) -> String {
    s.chars().rev().collect()
}

/// Go's `strings.Replace`: an empty pattern inserts before every character.
fn go_replace(s: &str, pattern: &str, with: &str, n: usize) -> String {
    if pattern.is_empty() {
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < n {
                out.push_str(with);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(with);
        }
        return out;
    }
    s.replacen(pattern, with, n)
}

/// Byte offsets as the original (Go strings), cut on character boundaries
/// so the result stays valid text.
fn substr(s: &str, args: &[String]) -> String {
    let bytes = s.as_bytes();
    let len = bytes.len() as i64;
    let lossy = |a: usize, b: usize| String::from_utf8_lossy(&bytes[a..b]).into_owned();
    let Some(Ok(mut pos)) = args.first().map(|a| a.parse::<i64>()) else {
        return s.to_string();
    };
    if pos < 0 {
        pos = (len + pos).max(0);
    }
    if args.len() == 1 {
        return if pos < len {
            lossy(pos as usize, bytes.len())
        } else {
            String::new()
        };
    }
    let Ok(length) = args[1].parse::<i64>() else {
        return s.to_string();
    };
    if length < 0 {
        let end = len + length;
        if end < pos {
            return String::new();
        }
        return lossy(pos as usize, end as usize);
    }
    if pos + length >= len {
        return if pos < len {
            lossy(pos as usize, bytes.len())
        } else {
            String::new()
        };
    }
    lossy(pos as usize, (pos + length) as usize)
}

fn trim_shortest(s: &str, pattern: &str) -> String {
    let bytes = s.as_bytes();
    let mut shortest: Option<usize> = None;
    for i in 0..bytes.len() {
        let end = bytes.len() - i;
        match glob_match(pattern.as_bytes(), &bytes[..end]) {
            Err(()) => return s.to_string(),
            Ok(true) => shortest = Some(end),
            Ok(false) => {}
        }
    }
    match shortest {
        Some(end) if end > 0 => String::from_utf8_lossy(&bytes[end..]).into_owned(),
        _ => s.to_string(),
    }
}

fn trim_longest(s: &str, pattern: &str) -> String {
    let bytes = s.as_bytes();
    for i in 0..bytes.len() {
        let end = bytes.len() - i;
        match glob_match(pattern.as_bytes(), &bytes[..end]) {
            Err(()) => return s.to_string(),
            Ok(true) => return String::from_utf8_lossy(&bytes[end..]).into_owned(),
            Ok(false) => {}
        }
    }
    s.to_string()
}

/// The fork's `path.Match`: shell patterns where a trailing `*` matches
/// the rest of the name, slashes included.
fn glob_match(mut pattern: &[u8], mut name: &[u8]) -> Result<bool, ()> {
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            return Ok(true);
        }
        let (t, ok, err) = match_chunk(chunk, name);
        if ok && (t.is_empty() || !pattern.is_empty()) {
            name = t;
            continue;
        }
        if err {
            return Err(());
        }
        if star {
            for i in 0..name.len() {
                let (t, ok, err) = match_chunk(chunk, &name[i + 1..]);
                if ok {
                    if pattern.is_empty() && !t.is_empty() {
                        continue;
                    }
                    name = t;
                    continue 'pattern;
                }
                if err {
                    return Err(());
                }
            }
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

fn scan_chunk(mut pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while pattern.first() == Some(&b'*') {
        pattern = &pattern[1..];
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' if i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => break,
            _ => {}
        }
        i += 1;
    }
    (star, &pattern[..i], &pattern[i..])
}

fn decode(s: &[u8]) -> (Option<char>, usize) {
    let n = match s.first() {
        None => return (None, 0),
        Some(b) if *b < 0x80 => 1,
        Some(b) if *b >= 0xF0 => 4,
        Some(b) if *b >= 0xE0 => 3,
        Some(_) => 2,
    }
    .min(s.len());
    match std::str::from_utf8(&s[..n]) {
        Ok(t) => (t.chars().next(), n),
        Err(_) => (None, 1),
    }
}

/// Matches one chunk at the start of `s`: (rest, matched, malformed).
fn match_chunk<'a>(mut chunk: &[u8], mut s: &'a [u8]) -> (&'a [u8], bool, bool) {
    while !chunk.is_empty() {
        if s.is_empty() {
            return (s, false, false);
        }
        match chunk[0] {
            b'[' => {
                let (r, n) = decode(s);
                s = &s[n..];
                chunk = &chunk[1..];
                let mut negated = false;
                if chunk.first() == Some(&b'^') {
                    negated = true;
                    chunk = &chunk[1..];
                }
                let mut matched = false;
                let mut ranges = 0;
                loop {
                    if chunk.first() == Some(&b']') && ranges > 0 {
                        chunk = &chunk[1..];
                        break;
                    }
                    let Some((lo, rest)) = get_esc(chunk) else {
                        return (s, false, true);
                    };
                    chunk = rest;
                    let mut hi = lo;
                    if chunk.first() == Some(&b'-') {
                        let Some((h, rest)) = get_esc(&chunk[1..]) else {
                            return (s, false, true);
                        };
                        hi = h;
                        chunk = rest;
                    }
                    if r.is_some_and(|r| lo <= r && r <= hi) {
                        matched = true;
                    }
                    ranges += 1;
                }
                if matched == negated {
                    return (s, false, false);
                }
            }
            b'?' => {
                let (_, n) = decode(s);
                s = &s[n.max(1)..];
                chunk = &chunk[1..];
            }
            c => {
                let c = if c == b'\\' {
                    chunk = &chunk[1..];
                    match chunk.first() {
                        Some(c) => *c,
                        None => return (s, false, true),
                    }
                } else {
                    c
                };
                if c != s[0] {
                    return (s, false, false);
                }
                s = &s[1..];
                chunk = &chunk[1..];
            }
        }
    }
    (s, true, false)
}

fn get_esc(mut chunk: &[u8]) -> Option<(char, &[u8])> {
    if chunk.is_empty() || chunk[0] == b'-' || chunk[0] == b']' {
        return None;
    }
    if chunk[0] == b'\\' {
        chunk = &chunk[1..];
        if chunk.is_empty() {
            return None;
        }
    }
    let (r, n) = decode(chunk);
    let r = r?;
    let rest = &chunk[n..];
    // A range needs something after it; an unterminated class is malformed.
    if rest.is_empty() {
        return None;
    }
    Some((r, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Every case of `fixtures/envsubst/cases.txt`, expanded by Flux's own
    /// envsubst (`fixtures/envsubst/oracle.go`), strict and lenient.
    #[test]
    fn expressions_match_flux_envsubst() {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Case {
            input: String,
            strict: Option<String>,
            strict_error: Option<String>,
            lenient: Option<String>,
            lenient_error: Option<String>,
        }
        let text = include_str!("../../fixtures/envsubst/expected.json");
        let cases: Vec<Case> = serde_json::from_str(text).expect("expected.json");
        assert!(cases.len() > 50);
        let v = vars(&[
            ("var", "Hello World"),
            ("empty", ""),
            ("n", "12345"),
            ("path", "a/b/c"),
            ("x", "X"),
        ]);
        for c in cases {
            for (strict, want, want_err) in [
                (true, &c.strict, &c.strict_error),
                (false, &c.lenient, &c.lenient_error),
            ] {
                let got = expand(&c.input, &v, strict);
                match (want, want_err) {
                    (Some(w), _) => {
                        assert_eq!(got.as_ref(), Ok(w), "{:?} strict={strict}", c.input)
                    }
                    (_, Some(e)) => {
                        assert_eq!(got.as_ref(), Err(e), "{:?} strict={strict}", c.input)
                    }
                    _ => unreachable!("a case has a result or an error"),
                }
            }
        }
    }

    #[test]
    fn parse_errors_and_strict_mode() {
        let v = vars(&[("a", "1")]);
        assert_eq!(
            expand("${}", &v, false).expect_err("empty"),
            "unable to parse variable name"
        );
        assert_eq!(
            expand("${a-b}", &v, false).expect_err("dash"),
            "missing closing brace"
        );
        assert_eq!(
            expand("${a", &v, false).expect_err("open"),
            "missing closing brace"
        );
        assert_eq!(
            expand("x ${b} y", &v, true).expect_err("strict"),
            "variable not set (strict mode): \"b\""
        );
        assert_eq!(expand("${b:=z}", &v, true).expect("default"), "z");
        assert_eq!(expand("${b}", &v, false).expect("lenient"), "");
    }

    #[test]
    fn objects_are_substituted_unless_disabled() {
        let mut objs = vec![
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"},
                "data": {"env": "${cluster_env}", "region": "${region:=eu}", "n": "${replicas}"}}),
            json!({"apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": "d", "annotations": {DISABLE_KEY: "disabled"}},
                "spec": {"replicas": "${replicas}"}}),
            json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
                "spec": {"ports": [{"port": "${port}"}]}}),
        ];
        let pb = PostBuild {
            variables: vars(&[("cluster_env", "prod"), ("replicas", "3"), ("port", "80")]),
            always: false,
        };
        substitute_all(&mut objs, &pb).expect("substitute");
        // As in Flux: `${replicas}` is printed plain, so `3` reads back as
        // a number (users quote such values in their manifests).
        assert_eq!(
            objs[0]["data"],
            json!({"env": "prod", "region": "eu", "n": 3})
        );
        assert_eq!(objs[1]["spec"]["replicas"], "${replicas}");
        assert_eq!(objs[2]["spec"]["ports"][0]["port"], 80);

        let mut strict = vec![
            objs[0].clone(),
            json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web"}, "spec": {"x": "${nope}"}}),
        ];
        let e = substitute_all(&mut strict, &pb).expect_err("strict");
        assert_eq!(
            e,
            "post build failed for 'Deployment.v1.apps/web': envsubst error: variable substitution failed: variable not set (strict mode): \"nope\""
        );
        let bad = PostBuild {
            variables: vars(&[("bad-name", "x")]),
            always: false,
        };
        assert!(
            substitute_all(&mut objs, &bad)
                .expect_err("name")
                .contains("'bad-name' var name is invalid")
        );
    }
}

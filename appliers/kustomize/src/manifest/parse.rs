//! Reading: values built from the YAML parser's events, with anchors,
//! aliases and merge keys expanded under bounds that refuse alias bombs and
//! deep nesting before they are built.

use std::collections::HashMap;

use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle};
use serde_json::{Map, Value};

use super::scalar::resolve_scalar;
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
    Ok(parse_with(text, origin, false)?
        .into_iter()
        .map(|(doc, _)| doc)
        .collect())
}

/// [`parse_documents`], each document with the fields its text left empty
/// (`key:` with nothing after it), as JSON pointers in sorted order. kyaml
/// tells such a null from a written `null` or `~`: a strategic-merge patch
/// drops the first and keeps the others.
pub fn parse_documents_with_empty_nulls(
    text: &str,
    origin: &str,
) -> Result<Vec<(Value, Vec<String>)>> {
    parse_with(text, origin, false)
}

/// Like [`parse_document`], but a repeated key takes its last value (as Go's
/// JSON decoding of kustomization files does) instead of being an error.
pub fn parse_document_lenient(text: &str, origin: &str) -> Result<Value> {
    let mut docs = parse_with(text, origin, true)?;
    Ok(if docs.is_empty() {
        Value::Null
    } else {
        docs.remove(0).0
    })
}

fn parse_with(
    text: &str,
    origin: &str,
    allow_duplicates: bool,
) -> Result<Vec<(Value, Vec<String>)>> {
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
        empty_nulls: Vec::new(),
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
        if let Event::Scalar(decoded, ScalarStyle::DoubleQuoted, ..) = &ev
            && decoded.chars().any(|c| c > '\u{ffff}')
            && surrogate_escape(source_between(text, span.start, span.end))
        {
            return Err(b.err(
                span.start.line(),
                span.start.col(),
                "found invalid Unicode character escape code",
            ));
        }
        // An empty node comes as `~`; its text (which annotations keep) is "".
        // A block scalar that ends the text without a final line break has
        // none to keep ("clip" keeps an existing one): go-yaml reads
        // `|\n  a\n  b<EOF>` as "a\nb", where the parser adds one.
        let ev = match ev {
            Event::Scalar(t, style @ (ScalarStyle::Literal | ScalarStyle::Folded), anchor, tag)
                if t.ends_with('\n')
                    && !text.ends_with(['\n', '\r'])
                    && text
                        .get(byte_at(text, span.end)..)
                        .is_none_or(|r| r.trim().is_empty()) =>
            {
                let mut t = t.into_owned();
                t.pop();
                Event::Scalar(t.into(), style, anchor, tag)
            }
            Event::Scalar(t, ScalarStyle::Plain, anchor, tag)
                if t == "~" && span.end.index() == span.start.index() =>
            {
                Event::Scalar("".into(), ScalarStyle::Plain, anchor, tag)
            }
            ev => ev,
        };
        b.event(ev, span.start.line(), span.start.col())?;
    }
    Ok(b.docs.into_iter().filter(|(d, _)| !d.is_null()).collect())
}

/// The byte offset of `m` in `text`.
fn byte_at(text: &str, m: Marker) -> usize {
    m.byte_offset()
        .or_else(|| text.char_indices().nth(m.index()).map(|(b, _)| b))
        .unwrap_or(text.len())
}

/// The source text from `start` to `end`.
fn source_between(text: &str, start: Marker, end: Marker) -> &str {
    let (a, z) = (byte_at(text, start), byte_at(text, end));
    text.get(a..z.max(a)).unwrap_or("")
}

/// Whether a double-quoted scalar's source escapes a UTF-16 surrogate
/// (`"\ud83d\ude00"`): JSON's way of writing characters beyond the BMP,
/// which the parser pairs up, but go-yaml refuses any surrogate code, so
/// kustomize fails on it.
fn surrogate_escape(raw: &str) -> bool {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            continue;
        }
        let digits = match chars.next() {
            Some('u') => 4,
            Some('U') => 8,
            _ => continue,
        };
        let hex: String = chars.by_ref().take(digits).collect();
        if u32::from_str_radix(&hex, 16).is_ok_and(|v| (0xD800..=0xDFFF).contains(&v)) {
            return true;
        }
    }
    false
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
    /// A scalar's text, which an annotation takes instead of the value.
    text: Option<String>,
    nodes: usize,
    depth: usize,
}

struct Builder<'a> {
    origin: &'a str,
    anchors: HashMap<usize, Anchored>,
    stack: Vec<Frame>,
    /// Each document with its empty fields (see `parse_documents_with_empty_nulls`).
    docs: Vec<(Value, Vec<String>)>,
    /// The empty fields of the document being read.
    empty_nulls: Vec<String>,
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
                let annotation = self.at_annotation_value();
                let v = self
                    .anchors
                    .get(&id)
                    .map(|a| match (&a.text, annotation) {
                        (Some(t), true) => Value::String(t.clone()),
                        _ => a.value.clone(),
                    })
                    .ok_or_else(|| self.err(line, col, "unknown anchor"))?;
                self.push(v, 0, line, col)
            }
            Event::UnresolvedAlias(name) => {
                Err(self.err(line, col, format!("unknown anchor '{name}' referenced")))
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.nodes += 1;
                let resolved = || {
                    resolve_scalar(&text, style, tag.as_deref()).map_err(|m| self.err(line, col, m))
                };
                // kustomize keeps an annotation as the scalar's text: `0644`
                // stays "0644" and `~` stays "~", never 420 or null. Aliases
                // of the scalar elsewhere still see its typed value.
                if self.at_annotation_value() {
                    if anchor != 0 {
                        let v = resolved()?;
                        self.anchor(anchor, &v, Some(text.to_string()), line, col)?;
                    }
                    return self.push(Value::String(text.into_owned()), 0, line, col);
                }
                let v = resolved()?;
                if anchor != 0 {
                    self.anchor(anchor, &v, Some(text.to_string()), line, col)?;
                }
                if text.is_empty() && style == ScalarStyle::Plain && tag.is_none() {
                    self.note_empty_field();
                }
                self.push(v, 0, line, col)
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

    /// Records where the empty value about to be pushed sits, when it is a
    /// field's value (not a key, a list item or under a `<<` merge).
    fn note_empty_field(&mut self) {
        if !matches!(self.stack.last(), Some(Frame::Map(_, Some(_), ..))) {
            return;
        }
        let mut path = String::new();
        for f in &self.stack {
            path.push('/');
            match f {
                Frame::Map(_, Some(k), ..) if k != "<<" => {
                    path.push_str(&k.replace('~', "~0").replace('/', "~1"))
                }
                Frame::Seq(items, _) => path.push_str(&items.len().to_string()),
                _ => return,
            }
        }
        self.empty_nulls.push(path);
    }

    /// Whether the next value is an annotation of an object: a document's
    /// `metadata.annotations`, or that of an item of a List document.
    fn at_annotation_value(&self) -> bool {
        let key_is = |f: &Frame, want: &str| matches!(f, Frame::Map(_, Some(k), ..) if k == want);
        let n = self.stack.len();
        let object_at = match n {
            3 => 0,
            5 if key_is(&self.stack[0], "items") && matches!(self.stack[1], Frame::Seq(..)) => 2,
            _ => return false,
        };
        key_is(&self.stack[object_at], "metadata")
            && key_is(&self.stack[object_at + 1], "annotations")
            && matches!(self.stack[n - 1], Frame::Map(_, Some(_), ..))
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

    /// Keeps `v` (with a scalar's `text`) for aliases of `anchor`.
    fn anchor(
        &mut self,
        anchor: usize,
        v: &Value,
        text: Option<String>,
        line: usize,
        col: usize,
    ) -> Result<()> {
        let (nodes, depth) = size(v);
        // The anchor's copy is memory too (nested anchors copy again).
        self.charge(nodes, line, col)?;
        self.anchors.insert(
            anchor,
            Anchored {
                value: v.clone(),
                text,
                nodes,
                depth,
            },
        );
        Ok(())
    }

    fn push(&mut self, v: Value, anchor: usize, line: usize, col: usize) -> Result<()> {
        if anchor != 0 {
            self.anchor(anchor, &v, None, line, col)?;
        }
        match self.stack.last_mut() {
            None => {
                let mut empty = std::mem::take(&mut self.empty_nulls);
                empty.sort_unstable();
                self.docs.push((v, empty));
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

//! Flux Secret keys from a local file for the CLI: a Kubernetes Secret
//! manifest (YAML or JSON, `data` base64 and/or `stringData`), a plain map of
//! key to value, or a directory holding one file per key (a mounted Secret).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use base64::Engine as _;

/// Reads secret data from `path`.
pub fn read(path: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    if path.is_dir() {
        let mut out = BTreeMap::new();
        for entry in
            std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))?
        {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("..") || !entry.path().is_file() {
                continue;
            }
            out.insert(name, std::fs::read(entry.path())?);
        }
        return Ok(out);
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading secret file {}", path.display()))?;
    parse(&text).with_context(|| format!("secret file {}", path.display()))
}

fn parse(text: &str) -> Result<BTreeMap<String, Vec<u8>>> {
    // The one YAML reader (go-yaml's rules); file and line are in its error.
    let value = sluice_kustomize::manifest::parse_document(text, "secret file")?;
    let map = value
        .as_object()
        .context("expected a mapping (a Secret manifest or key: value pairs)")?;
    let mut out = BTreeMap::new();
    let is_secret = map.get("kind").and_then(|k| k.as_str()) == Some("Secret");
    if !is_secret {
        for (k, v) in string_pairs(map, "")? {
            out.insert(k.to_string(), v.as_bytes().to_vec());
        }
        return Ok(out);
    }
    if let Some(data) = map.get("data").and_then(|d| d.as_object()) {
        for (k, v) in string_pairs(data, "data: ")? {
            let cleaned: String = v.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(cleaned)
                .with_context(|| format!("data.{k} is not base64"))?;
            out.insert(k.to_string(), bytes);
        }
    }
    if let Some(data) = map.get("stringData").and_then(|d| d.as_object()) {
        for (k, v) in string_pairs(data, "stringData: ")? {
            out.insert(k.to_string(), v.as_bytes().to_vec());
        }
    }
    Ok(out)
}

/// The pairs of a mapping whose keys and values must all be strings.
fn string_pairs<'a>(
    m: &'a serde_json::Map<String, serde_json::Value>,
    what: &str,
) -> Result<Vec<(&'a str, &'a str)>> {
    m.iter()
        .map(|(k, v)| match v.as_str() {
            Some(v) => Ok((k.as_str(), v)),
            None => bail!("{what}the value of '{k}' must be a string"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_manifest_and_plain_map() {
        let m = parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  username: Zmx1eA==\nstringData:\n  password: pw\n")
            .expect("parses");
        assert_eq!(m["username"], b"flux");
        assert_eq!(m["password"], b"pw");
        let m = parse("bearerToken: abc\n").expect("parses");
        assert_eq!(m["bearerToken"], b"abc");
        assert!(parse("kind: Secret\ndata:\n  x: '!!!'\n").is_err());
    }
}

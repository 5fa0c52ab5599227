//! OpenSSH known_hosts: plain and hashed (`|1|salt|hash`) host patterns,
//! wildcards and negation, `[host]:port` names, `@revoked` markers. Used to
//! verify host keys in-process (libgit2) and written out for the `ssh`
//! program (gix).

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The outcome of looking a host key up.
#[derive(Debug, PartialEq, Eq)]
pub enum HostKeyCheck {
    /// The key is listed for this host.
    Trusted,
    /// The host is listed, but with other keys (or this key is revoked).
    Changed {
        /// Key types listed for the host.
        expected: Vec<String>,
    },
    /// The host is not listed at all.
    Unknown,
}

#[derive(Clone, Debug)]
struct Entry {
    hosts: HostPattern,
    key_type: String,
    key: Vec<u8>,
    revoked: bool,
}

#[derive(Clone, Debug)]
enum HostPattern {
    Hashed { salt: Vec<u8>, hash: Vec<u8> },
    List(Vec<(bool, String)>),
}

/// A parsed known_hosts file. Keeps the original text for `ssh`.
#[derive(Clone, Debug)]
pub struct KnownHosts {
    text: String,
    entries: Vec<Entry>,
}

impl KnownHosts {
    /// Parses known_hosts text; fails when no usable entry is present.
    pub fn parse(text: &str) -> Result<Self, String> {
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split_whitespace().peekable();
            let mut revoked = false;
            if let Some(marker) = fields.peek().filter(|f| f.starts_with('@')) {
                match *marker {
                    "@revoked" => revoked = true,
                    // CA-signed host certificates are not supported; skip the line.
                    "@cert-authority" => continue,
                    other => return Err(format!("line {}: unknown marker '{other}'", n + 1)),
                }
                fields.next();
            }
            let (Some(hosts), Some(key_type), Some(key)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(format!(
                    "line {}: expected 'hosts key-type base64-key'",
                    n + 1
                ));
            };
            let key = b64
                .decode(key)
                .map_err(|_| format!("line {}: key is not base64", n + 1))?;
            let hosts = if let Some(rest) = hosts.strip_prefix("|1|") {
                let (salt, hash) = rest
                    .split_once('|')
                    .ok_or_else(|| format!("line {}: malformed hashed host", n + 1))?;
                HostPattern::Hashed {
                    salt: b64
                        .decode(salt)
                        .map_err(|_| format!("line {}: malformed hashed host", n + 1))?,
                    hash: b64
                        .decode(hash)
                        .map_err(|_| format!("line {}: malformed hashed host", n + 1))?,
                }
            } else {
                HostPattern::List(
                    hosts
                        .split(',')
                        .map(|p| match p.strip_prefix('!') {
                            Some(neg) => (true, neg.to_ascii_lowercase()),
                            None => (false, p.to_ascii_lowercase()),
                        })
                        .collect(),
                )
            };
            entries.push(Entry {
                hosts,
                key_type: key_type.to_string(),
                key,
                revoked,
            });
        }
        if entries.is_empty() {
            return Err("no host key entries".to_string());
        }
        Ok(Self {
            text: text.to_string(),
            entries,
        })
    }

    /// The original text, for an OpenSSH `UserKnownHostsFile`.
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// Checks `key` (the SSH wire-format public key blob) for `host`, which
    /// is `host` or `[host]:port` as OpenSSH writes it.
    pub fn check(&self, host: &str, key: &[u8]) -> HostKeyCheck {
        let host = host.to_ascii_lowercase();
        let mut expected = Vec::new();
        let mut trusted = false;
        for e in self.entries.iter().filter(|e| e.hosts.matches(&host)) {
            if e.key == key {
                if e.revoked {
                    return HostKeyCheck::Changed {
                        expected: vec!["(this key is revoked)".into()],
                    };
                }
                trusted = true;
            } else if !e.revoked {
                expected.push(e.key_type.clone());
            }
        }
        if trusted {
            HostKeyCheck::Trusted
        } else if expected.is_empty() {
            HostKeyCheck::Unknown
        } else {
            HostKeyCheck::Changed { expected }
        }
    }
}

impl HostPattern {
    fn matches(&self, host: &str) -> bool {
        match self {
            HostPattern::Hashed { salt, hash } => {
                hmac_sha1(salt, host.as_bytes()).as_slice() == hash.as_slice()
            }
            HostPattern::List(patterns) => {
                let mut hit = false;
                for (negated, p) in patterns {
                    if wildcard(p, host) {
                        if *negated {
                            return false;
                        }
                        hit = true;
                    }
                }
                hit
            }
        }
    }
}

/// OpenSSH's `*` and `?` host wildcards.
fn wildcard(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

fn hmac_sha1(key: &[u8], msg: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length, so construction cannot fail.
    match Hmac::<Sha1>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(msg);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
    const OTHER: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f";

    fn blob(k: &str) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD
            .decode(k)
            .expect("b64")
    }

    #[test]
    fn plain_entries_with_ports_and_wildcards() {
        let kh = KnownHosts::parse(&format!(
            "github.com,*.example.org ssh-ed25519 {KEY}\n[127.0.0.1]:2222 ssh-ed25519 {KEY}\n"
        ))
        .expect("parses");
        assert_eq!(kh.check("github.com", &blob(KEY)), HostKeyCheck::Trusted);
        assert_eq!(
            kh.check("git.example.org", &blob(KEY)),
            HostKeyCheck::Trusted
        );
        assert_eq!(
            kh.check("[127.0.0.1]:2222", &blob(KEY)),
            HostKeyCheck::Trusted
        );
        assert_eq!(kh.check("127.0.0.1", &blob(KEY)), HostKeyCheck::Unknown);
        assert_eq!(
            kh.check("github.com", &blob(OTHER)),
            HostKeyCheck::Changed {
                expected: vec!["ssh-ed25519".into()]
            }
        );
    }

    #[test]
    fn negation_and_revocation() {
        let kh = KnownHosts::parse(&format!(
            "*.corp,!bad.corp ssh-ed25519 {KEY}\n@revoked * ssh-ed25519 {OTHER}\n"
        ))
        .expect("parses");
        assert_eq!(kh.check("good.corp", &blob(KEY)), HostKeyCheck::Trusted);
        assert_eq!(kh.check("bad.corp", &blob(KEY)), HostKeyCheck::Unknown);
        assert!(matches!(
            kh.check("good.corp", &blob(OTHER)),
            HostKeyCheck::Changed { .. }
        ));
    }

    #[test]
    fn hashed_hosts() {
        // Written by `ssh-keygen -H`: HMAC-SHA1 of the host name keyed by the salt.
        let salt = b"0123456789abcdefghij";
        let hash = hmac_sha1(salt, b"example.com");
        let b64 = base64::engine::general_purpose::STANDARD;
        let line = format!(
            "|1|{}|{} ssh-ed25519 {KEY}\n",
            b64.encode(salt),
            b64.encode(hash)
        );
        let kh = KnownHosts::parse(&line).expect("parses");
        assert_eq!(kh.check("example.com", &blob(KEY)), HostKeyCheck::Trusted);
        assert_eq!(kh.check("example.net", &blob(KEY)), HostKeyCheck::Unknown);
    }

    #[test]
    fn rfc2202_hmac_sha1_vector() {
        let mac = hmac_sha1(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex::encode(mac), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    #[test]
    fn garbage_is_refused() {
        assert!(KnownHosts::parse("").is_err());
        assert!(KnownHosts::parse("# only a comment\n").is_err());
        assert!(KnownHosts::parse("host ssh-ed25519 !!!notbase64").is_err());
    }
}

//! Credentials in Flux's Secret keys: `username`/`password` (HTTPS basic),
//! `bearerToken`, `ca.crt` (or legacy `caFile`), and `identity`
//! (+ optional `password` as its passphrase) with `known_hosts` for SSH.
//!
//! Secret values live in [`Secret`], whose `Debug` prints nothing, and every
//! message a backend produces passes through [`Credentials::redact`].

pub mod known_hosts;

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};
use crate::url::{GitUrl, Scheme};

/// A secret value that never shows itself in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for handing to a transport.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// SSH key authentication.
#[derive(Clone, Debug)]
pub struct SshAuth {
    /// Private key, PEM or OpenSSH format (`identity`).
    pub identity: Secret,
    /// Passphrase of the key (`password`).
    pub passphrase: Option<Secret>,
    /// Trusted host keys (`known_hosts`); required, never bypassed.
    pub known_hosts: known_hosts::KnownHosts,
}

/// Everything a fetch may authenticate with, parsed from Secret data.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    /// HTTPS basic: user name and password or token.
    pub basic: Option<(String, Secret)>,
    /// HTTPS bearer token; when set, basic keys are ignored (as in Flux).
    pub bearer: Option<Secret>,
    /// Extra CA certificates (PEM) trusted for HTTPS.
    pub ca_pem: Option<String>,
    /// SSH key and host keys.
    pub ssh: Option<SshAuth>,
}

impl Credentials {
    /// No credentials.
    pub fn none() -> Self {
        Self::default()
    }

    /// Reads Flux's Secret keys. `secret_name` (e.g. `ns/name` or a file
    /// path) only labels error messages. Which keys matter depends on the
    /// URL's scheme: SSH needs `identity` and `known_hosts`; HTTP(S) takes
    /// `bearerToken` or `username`/`password`, and `ca.crt`.
    pub fn from_secret_data(
        data: &BTreeMap<String, Vec<u8>>,
        url: &GitUrl,
        secret_name: &str,
    ) -> Result<Self> {
        let text = |key: &str| -> Result<Option<String>> {
            match data.get(key) {
                None => Ok(None),
                Some(v) => String::from_utf8(v.clone()).map(Some).map_err(|_| {
                    Error::InvalidCredentials(format!(
                        "key '{key}' in secret '{secret_name}' is not UTF-8"
                    ))
                }),
            }
        };
        let mut creds = Credentials::default();
        match url.scheme() {
            Scheme::Ssh => {
                if let Some(identity) = text("identity")? {
                    let known = text("known_hosts")?.ok_or_else(|| {
                        Error::InvalidCredentials(format!(
                            "secret '{secret_name}' has an 'identity' but no 'known_hosts': host keys are always verified"
                        ))
                    })?;
                    let known_hosts = known_hosts::KnownHosts::parse(&known).map_err(|e| {
                        Error::InvalidCredentials(format!(
                            "'known_hosts' in secret '{secret_name}': {e}"
                        ))
                    })?;
                    if key_is_encrypted(&identity) && !data.contains_key("password") {
                        return Err(Error::InvalidCredentials(format!(
                            "SSH identity key is encrypted but no 'password' field was provided in the secret '{secret_name}'"
                        )));
                    }
                    creds.ssh = Some(SshAuth {
                        identity: Secret::new(identity),
                        passphrase: text("password")?.map(Secret::new),
                        known_hosts,
                    });
                } else if let Some(known) = text("known_hosts")? {
                    // Host keys alone: still verified, authentication by other means.
                    let known_hosts = known_hosts::KnownHosts::parse(&known).map_err(|e| {
                        Error::InvalidCredentials(format!(
                            "'known_hosts' in secret '{secret_name}': {e}"
                        ))
                    })?;
                    creds.ssh = Some(SshAuth {
                        identity: Secret::new(""),
                        passphrase: None,
                        known_hosts,
                    });
                }
            }
            _ => {
                if let Some(token) = text("bearerToken")? {
                    creds.bearer = Some(Secret::new(token.trim()));
                } else {
                    match (text("username")?, text("password")?) {
                        (Some(u), Some(p)) => creds.basic = Some((u, Secret::new(p))),
                        (Some(u), None) => creds.basic = Some((u, Secret::new(""))),
                        (None, Some(_)) => {
                            return Err(Error::InvalidCredentials(format!(
                                "secret '{secret_name}' has a 'password' but no 'username'"
                            )));
                        }
                        (None, None) => {}
                    }
                }
                creds.ca_pem = text("ca.crt")?.or(text("caFile")?);
            }
        }
        if creds.basic.is_none()
            && creds.bearer.is_none()
            && let (Some(u), Some(p)) = (url.user(), url.password())
        {
            // Flux falls back to credentials embedded in the URL.
            creds.basic = Some((u.to_string(), Secret::new(p)));
        }
        Ok(creds)
    }

    /// Replaces every secret value in `message` with `***`.
    pub fn redact(&self, message: &str) -> String {
        let mut out = message.to_string();
        let mut secrets: Vec<&str> = Vec::new();
        if let Some((_, p)) = &self.basic {
            secrets.push(p.expose());
        }
        if let Some(t) = &self.bearer {
            secrets.push(t.expose());
        }
        if let Some(s) = &self.ssh {
            if let Some(p) = &s.passphrase {
                secrets.push(p.expose());
            }
            secrets.extend(
                s.identity
                    .expose()
                    .lines()
                    .filter(|l| l.len() > 16 && !l.starts_with("-----")),
            );
        }
        for s in secrets.into_iter().filter(|s| s.len() >= 3) {
            out = out.replace(s, "***");
        }
        out
    }
}

/// Whether a private key needs a passphrase (PEM `ENCRYPTED` or an OpenSSH
/// key whose cipher is not `none`).
pub fn key_is_encrypted(key: &str) -> bool {
    if key.contains("ENCRYPTED") {
        return true;
    }
    if key.contains("BEGIN OPENSSH PRIVATE KEY") {
        use base64::Engine as _;
        let body: String = key.lines().filter(|l| !l.starts_with("-----")).collect();
        if let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(body.trim()) {
            // "openssh-key-v1\0" then a length-prefixed cipher name.
            let magic = b"openssh-key-v1\0";
            if raw.starts_with(magic) && raw.len() > magic.len() + 4 {
                let at = magic.len();
                let len =
                    u32::from_be_bytes([raw[at], raw[at + 1], raw[at + 2], raw[at + 3]]) as usize;
                if let Some(cipher) = raw.get(at + 4..at + 4 + len) {
                    return cipher != b"none";
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn basic_auth_and_ca() {
        let url = GitUrl::parse("https://example.com/r.git").expect("url");
        let c = Credentials::from_secret_data(
            &data(&[("username", "u"), ("password", "pw"), ("ca.crt", "PEM")]),
            &url,
            "ns/s",
        )
        .expect("parses");
        assert_eq!(
            c.basic.as_ref().map(|(u, p)| (u.as_str(), p.expose())),
            Some(("u", "pw"))
        );
        assert_eq!(c.ca_pem.as_deref(), Some("PEM"));
        assert!(!format!("{c:?}").contains("pw\""));
    }

    #[test]
    fn bearer_wins_over_basic() {
        let url = GitUrl::parse("https://example.com/r.git").expect("url");
        let c = Credentials::from_secret_data(
            &data(&[
                ("username", "u"),
                ("password", "pw"),
                ("bearerToken", "tok"),
            ]),
            &url,
            "s",
        )
        .expect("parses");
        assert!(c.basic.is_none());
        assert_eq!(c.bearer.as_ref().map(Secret::expose), Some("tok"));
    }

    #[test]
    fn password_without_username_is_an_error() {
        let url = GitUrl::parse("https://example.com/r.git").expect("url");
        let err = Credentials::from_secret_data(&data(&[("password", "pw")]), &url, "ns/s")
            .expect_err("refused");
        assert!(err.to_string().contains("no 'username'"), "{err}");
        assert!(!err.to_string().contains("pw"));
    }

    #[test]
    fn ssh_needs_known_hosts() {
        let url = GitUrl::parse("ssh://git@example.com/r.git").expect("url");
        let err = Credentials::from_secret_data(&data(&[("identity", "KEY")]), &url, "ns/s")
            .expect_err("refused");
        assert!(err.to_string().contains("known_hosts"), "{err}");
    }

    #[test]
    fn url_credentials_are_a_fallback() {
        let url = GitUrl::parse("https://u:pw@example.com/r.git").expect("url");
        let c = Credentials::from_secret_data(&BTreeMap::new(), &url, "s").expect("parses");
        assert_eq!(c.basic.as_ref().map(|(u, _)| u.as_str()), Some("u"));
    }

    #[test]
    fn redaction_hides_every_secret() {
        let c = Credentials {
            basic: Some(("u".into(), Secret::new("hunter2"))),
            ..Default::default()
        };
        assert_eq!(c.redact("auth hunter2 failed"), "auth *** failed");
    }

    #[test]
    fn encrypted_key_detection() {
        assert!(key_is_encrypted(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
        ));
        assert!(!key_is_encrypted("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"));
    }
}

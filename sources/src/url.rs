//! Git URLs: `https://`, `http://`, `ssh://`, scp-like `user@host:path`,
//! `git://` and `file://`. Credentials in the URL are split off so that the
//! URL can be shown anywhere without leaking them.

use std::fmt;

use crate::error::{Error, Result};

/// The transport a URL selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// `https://`
    Https,
    /// `http://`
    Http,
    /// `ssh://` or scp-like.
    Ssh,
    /// `git://`
    Git,
    /// `file://` or a local path.
    File,
}

impl Scheme {
    /// The scheme as written in a URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
            Scheme::Ssh => "ssh",
            Scheme::Git => "git",
            Scheme::File => "file",
        }
    }
}

/// A parsed git URL. `Display` never shows a password.
#[derive(Clone, PartialEq, Eq)]
pub struct GitUrl {
    scheme: Scheme,
    user: Option<String>,
    password: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    path: String,
}

impl fmt::Debug for GitUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GitUrl({self})")
    }
}

impl GitUrl {
    /// Parses a URL. An scp-like `user@host:path` becomes `ssh://`.
    pub fn parse(input: &str) -> Result<Self> {
        let input = input.trim();
        let invalid = |reason: &str| Error::InvalidUrl {
            url: redact_raw(input),
            reason: reason.to_string(),
        };
        if input.is_empty() {
            return Err(invalid("empty URL"));
        }
        if let Some((scheme, rest)) = input.split_once("://") {
            let scheme = match scheme.to_ascii_lowercase().as_str() {
                "https" => Scheme::Https,
                "http" => Scheme::Http,
                "ssh" | "git+ssh" | "ssh+git" => Scheme::Ssh,
                "git" => Scheme::Git,
                "file" => Scheme::File,
                other => return Err(invalid(&format!("unsupported scheme '{other}'"))),
            };
            if scheme == Scheme::File {
                if !rest.starts_with('/') {
                    return Err(invalid("file:// URLs need an absolute path"));
                }
                return Ok(Self {
                    scheme,
                    user: None,
                    password: None,
                    host: None,
                    port: None,
                    path: rest.into(),
                });
            }
            let (authority, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/"),
            };
            let (userinfo, hostport) = match authority.rfind('@') {
                Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
                None => (None, authority),
            };
            let (user, password) = match userinfo {
                Some(ui) => match ui.split_once(':') {
                    Some((u, p)) => (Some(percent_decode(u)), Some(percent_decode(p))),
                    None => (Some(percent_decode(ui)), None),
                },
                None => (None, None),
            };
            let (host, port) = split_host_port(hostport).map_err(|r| invalid(&r))?;
            if host.is_empty() {
                return Err(invalid("missing host"));
            }
            if path.len() <= 1 {
                return Err(invalid("missing repository path"));
            }
            return Ok(Self {
                scheme,
                user: user.filter(|u| !u.is_empty()),
                password: password.filter(|p| !p.is_empty()),
                host: Some(host),
                port,
                path: path.into(),
            });
        }
        if input.starts_with('/') {
            return Ok(Self {
                scheme: Scheme::File,
                user: None,
                password: None,
                host: None,
                port: None,
                path: input.into(),
            });
        }
        // scp-like: [user@]host:path, where the host part holds no slash.
        if let Some((left, path)) = input.split_once(':')
            && !left.contains('/')
            && !path.is_empty()
        {
            let (user, host) = match left.rsplit_once('@') {
                Some((u, h)) => (Some(u.to_string()), h.to_string()),
                None => (None, left.to_string()),
            };
            if host.is_empty() {
                return Err(invalid("missing host"));
            }
            let path = if path.starts_with('/') {
                path.to_string()
            } else {
                format!("/{path}")
            };
            return Ok(Self {
                scheme: Scheme::Ssh,
                user,
                password: None,
                host: Some(host),
                port: None,
                path,
            });
        }
        Err(invalid(
            "not a URL: expected scheme://host/path or user@host:path",
        ))
    }

    /// The transport.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host, lower-cased as written (none for `file://`).
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The explicit port, if any.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The user name in the URL, if any.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// The password in the URL, if any (Flux uses it as a fallback).
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The repository path, starting with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The URL with a user but without password, as transports take it.
    pub fn to_transport_url(&self) -> String {
        self.render(true)
    }

    /// The URL with neither user nor password: the form stored in status and
    /// shown to people.
    pub fn without_credentials(&self) -> String {
        self.render(false)
    }

    /// Returns a copy with this user name (for SSH, Flux defaults to `git`).
    pub fn with_user(&self, user: &str) -> Self {
        Self {
            user: Some(user.to_string()),
            ..self.clone()
        }
    }

    /// `[host]:port` or `host`, as OpenSSH names hosts in known_hosts.
    pub fn known_hosts_name(&self) -> String {
        let host = self.host.as_deref().unwrap_or_default();
        match self.port {
            Some(p) if p != 22 => format!("[{host}]:{p}"),
            _ => host.to_string(),
        }
    }

    fn render(&self, with_user: bool) -> String {
        if self.scheme == Scheme::File {
            return format!("file://{}", self.path);
        }
        let mut s = format!("{}://", self.scheme.as_str());
        if with_user && let Some(u) = &self.user {
            s.push_str(&percent_encode_userinfo(u));
            s.push('@');
        }
        let host = self.host.as_deref().unwrap_or_default();
        if host.contains(':') {
            s.push_str(&format!("[{host}]"));
        } else {
            s.push_str(host);
        }
        if let Some(p) = self.port {
            s.push_str(&format!(":{p}"));
        }
        s.push_str(&self.path);
        s
    }
}

impl fmt::Display for GitUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(true))
    }
}

fn split_host_port(hostport: &str) -> std::result::Result<(String, Option<u16>), String> {
    if let Some(rest) = hostport.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or("unclosed '[' in host")?;
        let port = match after.strip_prefix(':') {
            Some(p) if !p.is_empty() => Some(
                p.parse::<u16>()
                    .map_err(|_| format!("invalid port '{p}'"))?,
            ),
            _ => None,
        };
        return Ok((host.to_ascii_lowercase(), port));
    }
    match hostport.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() => {
            let port = p
                .parse::<u16>()
                .map_err(|_| format!("invalid port '{p}'"))?;
            Ok((h.to_ascii_lowercase(), Some(port)))
        }
        Some((h, _)) => Ok((h.to_ascii_lowercase(), None)),
        None => Ok((hostport.to_ascii_lowercase(), None)),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(v) = bytes
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode_userinfo(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Removes any `user:password@` from a string that failed to parse as a URL.
fn redact_raw(input: &str) -> String {
    match (input.find("://"), input.rfind('@')) {
        (Some(s), Some(a)) if a > s => format!("{}{}", &input[..s + 3], &input[a + 1..]),
        _ => input.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_with_credentials_is_redacted() {
        let u = GitUrl::parse("https://bob:s3cret@GitHub.com/org/repo.git").expect("parses");
        assert_eq!(u.scheme(), Scheme::Https);
        assert_eq!(u.host(), Some("github.com"));
        assert_eq!(u.user(), Some("bob"));
        assert_eq!(u.password(), Some("s3cret"));
        assert_eq!(u.to_string(), "https://bob@github.com/org/repo.git");
        assert_eq!(u.without_credentials(), "https://github.com/org/repo.git");
        assert!(!format!("{u:?}").contains("s3cret"));
    }

    #[test]
    fn scp_like_becomes_ssh() {
        let u = GitUrl::parse("git@github.com:org/repo.git").expect("parses");
        assert_eq!(u.scheme(), Scheme::Ssh);
        assert_eq!(u.user(), Some("git"));
        assert_eq!(u.host(), Some("github.com"));
        assert_eq!(u.path(), "/org/repo.git");
        assert_eq!(u.to_string(), "ssh://git@github.com/org/repo.git");
    }

    #[test]
    fn ssh_with_port_and_known_hosts_name() {
        let u = GitUrl::parse("ssh://git@127.0.0.1:2222/srv/repo.git").expect("parses");
        assert_eq!(u.port(), Some(2222));
        assert_eq!(u.known_hosts_name(), "[127.0.0.1]:2222");
        let plain = GitUrl::parse("ssh://git@example.com/repo").expect("parses");
        assert_eq!(plain.known_hosts_name(), "example.com");
    }

    #[test]
    fn file_and_local_paths() {
        assert_eq!(
            GitUrl::parse("file:///tmp/r.git").expect("parses").scheme(),
            Scheme::File
        );
        assert_eq!(
            GitUrl::parse("/tmp/r.git").expect("parses").to_string(),
            "file:///tmp/r.git"
        );
    }

    #[test]
    fn rejects_garbage_without_leaking() {
        let err = GitUrl::parse("ftp://u:pw@host/x").expect_err("unsupported");
        assert!(err.to_string().contains("unsupported scheme 'ftp'"));
        assert!(!err.to_string().contains("pw"));
        assert!(GitUrl::parse("https://").is_err());
        assert!(GitUrl::parse("https://host").is_err());
        assert!(GitUrl::parse("not a url").is_err());
        assert!(GitUrl::parse("https://host:99999/x").is_err());
    }

    #[test]
    fn percent_encoded_userinfo_round_trips() {
        let u = GitUrl::parse("https://a%40b:p%3Aw@h/r").expect("parses");
        assert_eq!(u.user(), Some("a@b"));
        assert_eq!(u.password(), Some("p:w"));
        assert_eq!(u.to_string(), "https://a%40b@h/r");
    }
}

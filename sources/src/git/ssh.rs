//! SSH plumbing shared by the backends: key material written to a private
//! scratch directory for the `ssh` program (gix), and the classification of
//! what `ssh` reports into precise errors.

use std::fmt::Write as _;
use std::path::Path;

use crate::auth::SshAuth;
use crate::error::{Error, Result};
use crate::url::GitUrl;

/// Files for one ssh invocation, and the command line that uses them.
pub(crate) struct SshCommand {
    /// The `core.sshCommand` value.
    pub command: String,
    /// Where ssh's stderr is captured.
    pub stderr_path: std::path::PathBuf,
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

fn write_private(path: &Path, content: &str, mode: u32) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|e| Error::storage(path, e))?;
    std::io::Write::write_all(&mut f, content.as_bytes()).map_err(|e| Error::storage(path, e))
}

/// Prepares an OpenSSH command that authenticates with `auth` (if any),
/// verifies the host key strictly against its known_hosts (an empty list
/// when none is given, so an unknown host is always refused) and ignores
/// every user or system ssh configuration.
pub(crate) fn command(
    scratch: &Path,
    auth: Option<&SshAuth>,
    connect_timeout_secs: u64,
) -> Result<SshCommand> {
    let known_hosts = scratch.join("known_hosts");
    write_private(
        &known_hosts,
        auth.map(|a| a.known_hosts.as_text()).unwrap_or(""),
        0o600,
    )?;
    let stderr_path = scratch.join("ssh.err");
    let mut env = String::new();
    let mut opts = String::from("ssh -F /dev/null");
    let _ = write!(
        opts,
        " -o UserKnownHostsFile={} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes \
         -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no -o IdentitiesOnly=yes \
         -o ConnectTimeout={connect_timeout_secs} -o ServerAliveInterval=15 -o ServerAliveCountMax=4 -o LogLevel=ERROR",
        quote(&known_hosts)
    );
    match auth.filter(|a| !a.identity.expose().is_empty()) {
        Some(a) => {
            let id = scratch.join("identity");
            let mut key = a.identity.expose().to_string();
            if !key.ends_with('\n') {
                key.push('\n');
            }
            write_private(&id, &key, 0o600)?;
            let _ = write!(opts, " -i {}", quote(&id));
            match &a.passphrase {
                Some(pass) => {
                    // ssh reads passphrases only from a terminal or an askpass
                    // program; the program prints a file only we can read.
                    let pass_file = scratch.join("passphrase");
                    write_private(&pass_file, pass.expose(), 0o600)?;
                    let askpass = scratch.join("askpass");
                    write_private(
                        &askpass,
                        &format!("#!/bin/sh\ncat {}\n", quote(&pass_file)),
                        0o700,
                    )?;
                    let _ = write!(
                        env,
                        "SSH_ASKPASS={} SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ",
                        quote(&askpass)
                    );
                    opts.push_str(" -o NumberOfPasswordPrompts=1");
                }
                None => opts.push_str(" -o BatchMode=yes"),
            }
        }
        None => opts.push_str(" -o BatchMode=yes"),
    }
    let _ = write!(opts, " 2>>{}", quote(&stderr_path));
    Ok(SshCommand {
        command: format!("{env}{opts}"),
        stderr_path,
    })
}

/// Turns what ssh printed into a precise error, if it says something we
/// recognise.
/// The first non-blank line of what ssh printed.
fn first_line(stderr: &str, default: &str) -> String {
    stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(default)
        .to_string()
}

pub(crate) fn classify(stderr: &str, url: &GitUrl) -> Option<Error> {
    let host = url.known_hosts_name();
    let shown = url.without_credentials();
    if stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") || stderr.contains("Host key for")
    {
        return Some(Error::HostKey {
            host,
            reason: "the host key differs from the one in known_hosts".into(),
        });
    }
    if stderr.contains("Host key verification failed") || stderr.contains("host key is known") {
        return Some(Error::HostKey {
            host,
            reason: "the host key is not in known_hosts".into(),
        });
    }
    if stderr.contains("Permission denied")
        || stderr.contains("incorrect passphrase")
        || stderr.contains("invalid format")
    {
        let detail = first_line(stderr, "permission denied");
        return Some(Error::AuthenticationFailed { url: shown, detail });
    }
    if stderr.contains("Connection refused")
        || stderr.contains("Could not resolve hostname")
        || stderr.contains("No route to host")
        || stderr.contains("Network is unreachable")
    {
        let detail = first_line(stderr, "");
        return Some(Error::Unreachable { url: shown, detail });
    }
    if stderr.contains("Connection timed out") || stderr.contains("timed out") {
        return Some(Error::Unreachable {
            url: shown,
            detail: "connection timed out".into(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_key_messages() {
        let url = GitUrl::parse("ssh://git@127.0.0.1:2222/r.git").expect("url");
        let e = classify(
            "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n",
            &url,
        );
        assert!(
            matches!(e, Some(Error::HostKey { ref host, .. }) if host == "[127.0.0.1]:2222"),
            "{e:?}"
        );
        let e = classify(
            "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.\n",
            &url,
        );
        assert!(
            matches!(e, Some(Error::HostKey { ref reason, .. }) if reason.contains("differs")),
            "{e:?}"
        );
        let e = classify("git@127.0.0.1: Permission denied (publickey).\n", &url);
        assert!(
            matches!(e, Some(Error::AuthenticationFailed { .. })),
            "{e:?}"
        );
        assert!(classify("", &url).is_none());
    }

    #[test]
    fn command_quotes_paths_and_never_disables_checking() {
        let dir = tempfile::tempdir().expect("tmp");
        let c = command(dir.path(), None, 10).expect("cmd");
        assert!(c.command.contains("StrictHostKeyChecking=yes"));
        assert!(!c.command.contains("StrictHostKeyChecking=no"));
        assert!(c.command.contains("BatchMode=yes"));
    }
}

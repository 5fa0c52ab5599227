//! Debian's OpenSSH server on a loopback port, with a generated host key,
//! user keys (OpenSSH, PEM and passphrase-protected) and a known_hosts file.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};

/// A user key the server accepts.
#[derive(Clone, Debug)]
pub struct SshKey {
    /// Private key text (Flux's `identity`).
    pub private: String,
    /// Public key line (Flux's `identity.pub`).
    pub public: String,
    /// Passphrase protecting `private`, if any (Flux's `password`).
    pub passphrase: Option<String>,
}

/// A running sshd that lets the current user run git-upload-pack; stopped on drop.
pub struct SshGitServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    root: PathBuf,
    user: String,
}

impl SshGitServer {
    /// Serves the repositories under `root` (by absolute path) to the keys
    /// this server generates.
    pub fn start(root: &Path) -> Result<Self> {
        let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
            .context("sshd not found: install the Debian package openssh-server")?;
        let dir = tempfile::Builder::new().prefix("sluice-sshd-").tempdir()?;
        let d = dir.path();
        keygen(d, "host_ed25519", "ed25519", &[], "")?;
        keygen(d, "user_ed25519", "ed25519", &[], "")?;
        keygen(d, "user_rsa_pem", "rsa", &["-b", "3072", "-m", "PEM"], "")?;
        keygen(d, "user_encrypted", "ed25519", &[], "correct horse")?;
        keygen(d, "stranger", "ed25519", &[], "")?;
        keygen(d, "other_host", "ed25519", &[], "")?;
        let mut authorized = String::new();
        for k in ["user_ed25519", "user_rsa_pem", "user_encrypted"] {
            authorized.push_str(&std::fs::read_to_string(d.join(format!("{k}.pub")))?);
        }
        std::fs::write(d.join("authorized_keys"), authorized)?;
        let user = current_user()?;
        if is_root() {
            // OpenSSH refuses to start as root without its privilege-separation dir.
            let _ = std::fs::create_dir_all("/run/sshd");
        }
        for _ in 0..5 {
            let port = super::free_port()?;
            let config = format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {hk}\nPidFile {pid}\n\
                 AuthorizedKeysFile {ak}\nPubkeyAuthentication yes\nPasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n\
                 PermitRootLogin prohibit-password\nAllowUsers {user}\nLogLevel VERBOSE\n",
                hk = d.join("host_ed25519").display(),
                pid = d.join("sshd.pid").display(),
                ak = d.join("authorized_keys").display(),
            );
            std::fs::write(d.join("sshd_config"), config)?;
            let log = std::fs::File::create(d.join("sshd.log"))?;
            let args: Vec<std::ffi::OsString> = vec![
                "-D".into(),
                "-e".into(),
                "-f".into(),
                d.join("sshd_config").into(),
            ];
            let mut child = super::supervised(&sshd, &args)
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .context("starting sshd")?;
            match super::wait_listening(port, Duration::from_secs(10)) {
                Ok(()) => {
                    return Ok(Self {
                        child,
                        port,
                        dir,
                        root: root.to_path_buf(),
                        user,
                    });
                }
                Err(_) => super::terminate(&mut child),
            }
        }
        bail!(
            "sshd did not start; see its log in {}",
            d.join("sshd.log").display()
        )
    }

    /// `ssh://<user>@127.0.0.1:<port>/<abs root>/<name>.git`
    pub fn url(&self, name: &str) -> String {
        format!(
            "ssh://{}@127.0.0.1:{}{}/{name}.git",
            self.user,
            self.port,
            self.root.display()
        )
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The user name the server lets in.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// A known_hosts line for this server's host key.
    pub fn known_hosts(&self) -> Result<String> {
        self.known_hosts_with("host_ed25519")
    }

    /// A known_hosts line that names this server but carries another key.
    pub fn wrong_known_hosts(&self) -> Result<String> {
        self.known_hosts_with("other_host")
    }

    fn known_hosts_with(&self, key: &str) -> Result<String> {
        let public = std::fs::read_to_string(self.dir.path().join(format!("{key}.pub")))?;
        let mut parts = public.split_whitespace();
        let (Some(kind), Some(body)) = (parts.next(), parts.next()) else {
            bail!("malformed public key {key}");
        };
        Ok(format!("[127.0.0.1]:{} {kind} {body}\n", self.port))
    }

    /// An OpenSSH-format ed25519 key the server accepts.
    pub fn ed25519_key(&self) -> Result<SshKey> {
        self.key("user_ed25519", None)
    }

    /// A PEM-format RSA key the server accepts.
    pub fn rsa_pem_key(&self) -> Result<SshKey> {
        self.key("user_rsa_pem", None)
    }

    /// A passphrase-protected key the server accepts.
    pub fn encrypted_key(&self) -> Result<SshKey> {
        self.key("user_encrypted", Some("correct horse"))
    }

    /// A key the server does not know.
    pub fn unknown_key(&self) -> Result<SshKey> {
        self.key("stranger", None)
    }

    fn key(&self, name: &str, passphrase: Option<&str>) -> Result<SshKey> {
        let d = self.dir.path();
        Ok(SshKey {
            private: std::fs::read_to_string(d.join(name))?,
            public: std::fs::read_to_string(d.join(format!("{name}.pub")))?,
            passphrase: passphrase.map(str::to_string),
        })
    }

    /// The server's log so far (for failing tests).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }
}

impl Drop for SshGitServer {
    fn drop(&mut self) {
        super::terminate(&mut self.child);
    }
}

fn keygen(dir: &Path, name: &str, kind: &str, extra: &[&str], passphrase: &str) -> Result<()> {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", kind])
        .args(extra)
        .args(["-N", passphrase, "-C", &format!("sluice-test-{name}"), "-f"])
        .arg(dir.join(name))
        .output()
        .context("running ssh-keygen (install the Debian package openssh-client)")?;
    if !out.status.success() {
        bail!(
            "ssh-keygen failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

fn current_user() -> Result<String> {
    let out = Command::new("id").arg("-un").output()?;
    Ok(String::from_utf8(out.stdout)?.trim().to_string())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

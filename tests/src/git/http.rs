//! Smart HTTP through the real `git http-backend` CGI program, behind a small
//! hyper front end that adds basic or bearer authentication and TLS, and that
//! records every request so tests can see what a client transferred.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, anyhow};
use base64::Engine as _;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::AsyncWriteExt;

use crate::loopback::AcceptLoop;

/// What the server demands before it runs `git http-backend`.
#[derive(Clone, Debug)]
pub enum HttpAuth {
    /// Anyone may fetch.
    None,
    /// HTTP basic with this user name and password.
    Basic {
        /// Accepted user name.
        username: String,
        /// Accepted password.
        password: String,
    },
    /// `Authorization: Bearer <token>`.
    Bearer {
        /// Accepted token.
        token: String,
    },
}

/// One request the server answered.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    /// HTTP method.
    pub method: String,
    /// Path and query.
    pub uri: String,
    /// Response status.
    pub status: u16,
    /// For POSTs to git-upload-pack: `fetch` when the client asked for objects
    /// (protocol v2 `command=fetch` or a v0 want list), else `ls-refs`.
    pub command: Option<String>,
    /// Bytes of the response body.
    pub response_bytes: usize,
}

/// A transfer the server cuts off half-way (half the response body sent,
/// then the connection dropped), for fault tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// The ref listing: `GET info/refs` and protocol v2 `ls-refs`.
    RefListing,
    /// The pack: an upload-pack request for objects.
    Pack,
}

struct State {
    root: PathBuf,
    auth: HttpAuth,
    log: Mutex<Vec<RequestRecord>>,
    cut: Mutex<Option<Cut>>,
    cuts: std::sync::atomic::AtomicUsize,
}

/// A running smart-HTTP git server; stopped on drop.
pub struct HttpGitServer {
    tls: bool,
    state: Arc<State>,
    accept: AcceptLoop,
}

impl HttpGitServer {
    /// Serves every repository under `root`. With `tls` (certificate and key
    /// paths), speaks HTTPS.
    pub fn start(root: &Path, auth: HttpAuth, tls: Option<(PathBuf, PathBuf)>) -> Result<Self> {
        let acceptor = match &tls {
            Some((cert, key)) => Some(tls_acceptor(cert, key)?),
            None => None,
        };
        let state = Arc::new(State {
            root: root.to_path_buf(),
            auth,
            log: Mutex::new(Vec::new()),
            cut: Mutex::new(None),
            cuts: std::sync::atomic::AtomicUsize::new(0),
        });
        let st = state.clone();
        let accept = AcceptLoop::start(move |stream| {
            let st = st.clone();
            let acceptor = acceptor.clone();
            async move {
                let svc = hyper::service::service_fn(move |req| handle(st.clone(), req));
                let builder = hyper::server::conn::http1::Builder::new();
                match acceptor {
                    Some(acc) => {
                        if let Ok(tls) = acc.accept(stream).await {
                            let _ = builder.serve_connection(TokioIo::new(tls), svc).await;
                        }
                    }
                    None => {
                        let _ = builder.serve_connection(TokioIo::new(stream), svc).await;
                    }
                }
            }
        })?;
        Ok(Self {
            tls: tls.is_some(),
            state,
            accept,
        })
    }

    /// `http(s)://127.0.0.1:<port>/<name>.git`
    pub fn url(&self, name: &str) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}/{name}.git", self.accept.port())
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.accept.port()
    }

    /// Every request answered so far.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.state.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// From now on, cuts off every response of this kind half-way (`None`:
    /// answers whole again).
    pub fn set_cut(&self, cut: Option<Cut>) {
        if let Ok(mut c) = self.state.cut.lock() {
            *c = cut;
        }
    }

    /// Responses cut off so far.
    pub fn cuts(&self) -> usize {
        self.state.cuts.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        if let Ok(mut l) = self.state.log.lock() {
            l.clear();
        }
    }
}

fn tls_acceptor(cert: &Path, key: &Path) -> Result<tokio_rustls::TlsAcceptor> {
    crate::install_crypto_provider();
    let certs = rustls_pemfile::certs(&mut std::io::BufReader::new(std::fs::File::open(cert)?))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let key = rustls_pemfile::private_key(&mut std::io::BufReader::new(std::fs::File::open(key)?))?
        .ok_or_else(|| anyhow!("no private key in {}", key.display()))?;
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

type Body = http_body_util::combinators::BoxBody<Bytes, std::io::Error>;

fn whole(bytes: Bytes) -> Body {
    Full::new(bytes).map_err(|never| match never {}).boxed()
}

/// Half of `bytes`, then an error: hyper drops the connection mid-body.
fn cut_off(bytes: Bytes) -> Body {
    let half = bytes.slice(..bytes.len() / 2);
    let frames: Vec<Result<hyper::body::Frame<Bytes>, std::io::Error>> = vec![
        Ok(hyper::body::Frame::data(half)),
        Err(std::io::Error::other("transfer cut by the test")),
    ];
    http_body_util::StreamBody::new(futures::stream::iter(frames)).boxed()
}

fn authorized(auth: &HttpAuth, req: &Request<Incoming>) -> Option<String> {
    let header = req
        .headers()
        .get(hyper::header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok());
    match auth {
        HttpAuth::None => Some(String::new()),
        HttpAuth::Basic { username, password } => {
            let encoded = header?.strip_prefix("Basic ")?;
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .ok()?;
            let decoded = String::from_utf8(decoded).ok()?;
            let (u, p) = decoded.split_once(':')?;
            (u == username && p == password).then(|| u.to_string())
        }
        HttpAuth::Bearer { token } => {
            let given = header?.strip_prefix("Bearer ")?;
            (given.trim() == token).then(|| "bearer".to_string())
        }
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Body>, std::convert::Infallible> {
    let method = req.method().to_string();
    let uri = req.uri().to_string();
    let (resp, command) = match serve(&state, req).await {
        Ok(r) => r,
        Err(e) => {
            let mut resp = Response::new(whole(Bytes::from(format!("{e:#}"))));
            *resp.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            (resp, None)
        }
    };
    let bytes = usize::try_from(
        hyper::body::Body::size_hint(resp.body())
            .exact()
            .unwrap_or(0),
    )
    .unwrap_or(usize::MAX);
    if let Ok(mut log) = state.log.lock() {
        log.push(RequestRecord {
            method,
            uri,
            status: resp.status().as_u16(),
            command,
            response_bytes: bytes,
        });
    }
    Ok(resp)
}

async fn serve(state: &State, req: Request<Incoming>) -> Result<(Response<Body>, Option<String>)> {
    let Some(user) = authorized(&state.auth, &req) else {
        let mut resp = Response::new(whole(Bytes::from_static(b"authentication required")));
        *resp.status_mut() = StatusCode::UNAUTHORIZED;
        if matches!(state.auth, HttpAuth::Basic { .. }) {
            resp.headers_mut().insert(
                hyper::header::WWW_AUTHENTICATE,
                "Basic realm=\"sluice\"".parse()?,
            );
        }
        return Ok((resp, None));
    };
    let (parts, body) = req.into_parts();
    let body = body.collect().await?.to_bytes();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };

    let command =
        if parts.method == hyper::Method::POST && parts.uri.path().ends_with("/git-upload-pack") {
            Some(classify_upload_pack(&body, &header("content-encoding")))
        } else {
            None
        };

    let mut child = tokio::process::Command::new("git")
        .arg("http-backend")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GIT_PROJECT_ROOT", &state.root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("PATH_INFO", parts.uri.path())
        .env("REQUEST_METHOD", parts.method.as_str())
        .env("QUERY_STRING", parts.uri.query().unwrap_or(""))
        .env("CONTENT_TYPE", header("content-type"))
        .env("CONTENT_LENGTH", body.len().to_string())
        .env("HTTP_CONTENT_ENCODING", header("content-encoding"))
        .env("GIT_PROTOCOL", header("git-protocol"))
        .env("REMOTE_USER", user)
        .env("REMOTE_ADDR", "127.0.0.1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("spawning git http-backend")?;
    let mut stdin = child.stdin.take().ok_or_else(|| anyhow!("no stdin"))?;
    let writer = tokio::spawn(async move {
        let _ = stdin.write_all(&body).await;
        drop(stdin);
    });
    let out = child.wait_with_output().await?;
    let _ = writer.await;
    let ref_listing =
        parts.uri.path().ends_with("/info/refs") || command.as_deref() == Some("ls-refs");
    let cut = match state.cut.lock().map(|c| *c) {
        Ok(Some(Cut::RefListing)) => ref_listing,
        Ok(Some(Cut::Pack)) => command.as_deref() == Some("fetch"),
        _ => false,
    };
    if cut {
        state
            .cuts
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    Ok((cgi_response(&out.stdout, cut)?, command))
}

/// Turns CGI output (headers, blank line, body) into an HTTP response,
/// whole or (`cut`) cut off half-way.
fn cgi_response(raw: &[u8], cut: bool) -> Result<Response<Body>> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|p| (p, 2)))
        .ok_or_else(|| anyhow!("git http-backend printed no headers"))?;
    let head = String::from_utf8_lossy(&raw[..split.0]);
    let mut builder = Response::builder().status(StatusCode::OK);
    for line in head.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim();
        if k.eq_ignore_ascii_case("status") {
            let code: u16 = v
                .split_whitespace()
                .next()
                .unwrap_or("500")
                .parse()
                .unwrap_or(500);
            builder = builder.status(code);
        } else {
            builder = builder.header(k.trim(), v);
        }
    }
    let body = Bytes::copy_from_slice(&raw[split.0 + split.1..]);
    Ok(builder.body(if cut { cut_off(body) } else { whole(body) })?)
}

/// Tells an object fetch from a ref listing in an upload-pack request body.
fn classify_upload_pack(body: &[u8], encoding: &str) -> String {
    let plain: Vec<u8> = if encoding.contains("gzip") {
        use std::io::Read;
        let mut out = Vec::new();
        let mut dec = flate2::read::GzDecoder::new(body);
        if dec.read_to_end(&mut out).is_err() {
            return "fetch".into();
        }
        out
    } else {
        body.to_vec()
    };
    let text = String::from_utf8_lossy(&plain);
    if text.contains("command=ls-refs") {
        "ls-refs".into()
    } else if text.contains("command=fetch") || text.contains("want ") {
        "fetch".into()
    } else {
        "other".into()
    }
}

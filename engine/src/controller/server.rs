//! The controller's HTTP endpoints, on the addresses Flux uses: artifacts
//! (`--storage-addr`, source-controller's file server, so helm-controller,
//! notification-controller or another Sluice shard can download them),
//! `/metrics` (`--metrics-addr`) and `/healthz` `/readyz` (`--health-addr`).
//!
//! The artifact server serves artifacts and nothing else: only
//! `<kind>/<namespace>/<name>/<file>.tar.gz` paths of plain segments, no
//! listing, no hidden files, no records or locks.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;

use super::metrics::Metrics;

/// Binds `addr` and serves `router` until `shutdown` resolves.
pub async fn serve(
    what: &'static str,
    addr: SocketAddr,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("{what} server: cannot listen on {addr}: {e}"))?;
    tracing::info!(%addr, "{what} server listening");
    Ok(tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!("{what} server failed: {e}");
        }
    }))
}

/// Routes for artifacts under `root`.
pub fn artifacts(root: PathBuf) -> Router {
    Router::new()
        .route("/{*path}", get(artifact))
        .with_state(Arc::new(root))
}

/// Whether `path` names an artifact: four plain segments, the last a
/// `.tar.gz` file.
pub fn is_artifact_path(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    segments.len() == 4
        && segments.iter().all(|s| {
            !s.is_empty()
                && !s.starts_with('.')
                && !s.contains('\\')
                && !s.contains('\0')
                && s.chars().all(|c| !c.is_control())
        })
        && segments[3].ends_with(".tar.gz")
}

async fn artifact(State(root): State<Arc<PathBuf>>, Path(path): Path<String>) -> Response {
    if !is_artifact_path(&path) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let file = root.join(&path);
    let opened = match tokio::fs::File::open(&file).await {
        Ok(f) => f,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let len = match opened.metadata().await {
        Ok(m) if m.is_file() => m.len(),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, "application/gzip".to_string()),
            (header::CONTENT_LENGTH, len.to_string()),
        ],
        Body::from_stream(tokio_util::io::ReaderStream::new(opened)),
    )
        .into_response()
}

/// `/metrics`.
pub fn metrics(metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route(
            "/metrics",
            get(|State(m): State<Arc<Metrics>>| async move {
                (
                    [(
                        header::CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    m.encode(),
                )
            }),
        )
        .with_state(metrics)
}

/// `/healthz` (the process answers) and `/readyz` (its caches are synced,
/// or it is a standby waiting for the lease).
pub fn health(ready: Arc<AtomicBool>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(|State(r): State<Arc<AtomicBool>>| async move {
                if r.load(Ordering::Relaxed) {
                    (StatusCode::OK, "ok")
                } else {
                    (StatusCode::SERVICE_UNAVAILABLE, "not ready")
                }
            }),
        )
        .with_state(ready)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_artifact_paths_are_served() {
        assert!(is_artifact_path("gitrepository/ns/name/abc.tar.gz"));
        for bad in [
            "gitrepository/ns/name/artifact.json",
            "gitrepository/ns/name/.abc.tar.gz.lock",
            "gitrepository/ns/../abc.tar.gz",
            "gitrepository/ns/name/../../x.tar.gz",
            "../../etc/passwd",
            "gitrepository/ns/name/",
            "gitrepository//name/a.tar.gz",
            "a/b/c/d/e.tar.gz",
            "gitrepository/ns/name",
        ] {
            assert!(!is_artifact_path(bad), "{bad}");
        }
    }
}

//! Serves fixture repositories over smart HTTP (`git http-backend` behind
//! the harness's front end) until stdin closes or the process is killed.
//! The README's demo uses it as the embedded default git server.
//!
//! `fixture-git-server [NAME…]` builds `fixtures/repos/<NAME>.sh` (default
//! `gitops-demo`) and prints `url=http://127.0.0.1:<port>/` once serving.
//! `fixture-git-server --root DIR` serves the bare repositories already in
//! DIR (benchmarks generate theirs).

use std::io::Read;

use anyhow::Result;
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};

fn main() -> Result<()> {
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    let (root, _repos) = if names.first().map(String::as_str) == Some("--root") {
        let dir = names.get(1).cloned().unwrap_or_else(|| ".".into());
        (std::path::PathBuf::from(dir), None)
    } else {
        if names.is_empty() {
            names.push("gitops-demo".into());
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let repos = FixtureRepos::build(&refs)?;
        (repos.root().to_path_buf(), Some(repos))
    };
    let server = HttpGitServer::start(&root, HttpAuth::None, None)?;
    println!("url=http://127.0.0.1:{}/", server.port());
    println!("root={}", root.display());
    // Serve until whoever started us closes our stdin.
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    drop(server);
    Ok(())
}

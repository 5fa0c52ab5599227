//! Serves fixture repositories over smart HTTP (`git http-backend` behind
//! the harness's front end) until stdin closes or the process is killed.
//! The README's demo uses it as the embedded default git server.
//!
//! `fixture-git-server [NAME…]` builds `fixtures/repos/<NAME>.sh` (default
//! `gitops-demo`) and prints `url=http://127.0.0.1:<port>/` once serving.

use std::io::Read;

use anyhow::Result;
use sluice_tests::git::{FixtureRepos, HttpAuth, HttpGitServer};

fn main() -> Result<()> {
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names.push("gitops-demo".into());
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let repos = FixtureRepos::build(&refs)?;
    let server = HttpGitServer::start(repos.root(), HttpAuth::None, None)?;
    println!("url=http://127.0.0.1:{}/", server.port());
    println!("root={}", repos.root().display());
    // Serve until whoever started us closes our stdin.
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    drop(server);
    Ok(())
}

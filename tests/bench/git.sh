#!/usr/bin/env bash
# Benchmark: a cold fetch + archive of a large generated repository with
# each of Sluice's git backends (`sluice source fetch --backend gix|libgit2`)
# against `git clone --depth 1` + `tar czf` in the same run, over git://
# (git daemon on loopback). Reports wall time and peak RSS, and the ratios.
# Not a test: numbers vary by machine.
#
#   tests/bench/git.sh [FILES [COMMITS]]     (default: 60000 files, 2000 commits)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FILES=${1:-60000}
COMMITS=${2:-2000}

(cd "$ROOT" && cargo build --release -q -p sluice-engine)
SLUICE="$ROOT/target/release/sluice"
WORK=$(mktemp -d)
cleanup() {
  [[ -n ${DAEMON:-} ]] && kill "$DAEMON" 2>/dev/null
  [[ -n ${KEEP_WORK:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

echo "generating $FILES files, $COMMITS commits in $WORK/repos/big.git" >&2
mkdir -p "$WORK/repos"
git init -q --bare -b main "$WORK/repos/big.git"
python3 - "$FILES" "$COMMITS" <<'PY' | git -C "$WORK/repos/big.git" fast-import --quiet
import sys
files, commits = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
def blob(mark, text):
    data = text.encode()
    out.write(b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data))
def path(i):
    return "apps/team-%02d/svc-%03d/manifest-%04d.yaml" % (i % 50, (i // 50) % 200, i)
def manifest(i, rev):
    return ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\ndata:\n"
            "  revision: \"%d\"\n  payload: %s\n" % (i, rev, ("x%d" % i) * 8))
mark = 1
for i in range(files):
    blob(mark, manifest(i, 0)); mark += 1
ts = 1700000000
out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
commit_mark = mark; mark += 1
out.write(b"committer Bench <bench@sluice.invalid> %d +0000\ndata 7\ninitial\n" % ts)
for i in range(files):
    out.write(b"M 100644 :%d %s\n" % (i + 1, path(i).encode()))
prev = commit_mark
for c in range(1, commits):
    changed = [(c * 37 + k * 101) % files for k in range(25)]
    marks = []
    for i in changed:
        blob(mark, manifest(i, c)); marks.append((mark, i)); mark += 1
    out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
    this = mark; mark += 1
    msg = b"change %d" % c
    out.write(b"committer Bench <bench@sluice.invalid> %d +0000\ndata %d\n%s\nfrom :%d\n" % (ts + c * 60, len(msg), msg, prev))
    for m, i in marks:
        out.write(b"M 100644 :%d %s\n" % (m, path(i).encode()))
    prev = this
PY
git -C "$WORK/repos/big.git" gc -q --aggressive 2>/dev/null || true
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
git daemon --reuseaddr --export-all --listen=127.0.0.1 --port="$PORT" --base-path="$WORK/repos" "$WORK/repos" 2>/dev/null &
DAEMON=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
URL="git://127.0.0.1:$PORT/big.git"

measure() { # outfile cmd...
  local out=$1; shift
  if ! /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$out" 2>"$WORK/err"; then
    echo "failed: $*" >&2; cat "$WORK/err" >&2; exit 1
  fi
  tail -1 "$WORK/time"
}

read -r gt gm < <(measure /dev/null bash -c \
  "git clone -q --depth 1 --branch main '$URL' '$WORK/clone' && tar czf '$WORK/clone.tar.gz' -C '$WORK/clone' --exclude=.git ."
)
printf '%-28s %8s %10s %8s %8s\n' "" "time s" "peak MB" "speed" "memory"
awk -v gt="$gt" -v gm="$gm" 'BEGIN { printf "%-28s %8.2f %10.1f %8s %8s\n", "git clone --depth 1 + tar", gt, gm/1024, "1.0x", "1.0x" }'
for backend in gix libgit2; do
  read -r st sm < <(measure "$WORK/$backend.json" "$SLUICE" source fetch "$URL" --branch main \
    --backend "$backend" --storage "$WORK/storage-$backend" --timeout 10m -o json)
  awk -v b="sluice ($backend)" -v st="$st" -v sm="$sm" -v gt="$gt" -v gm="$gm" 'BEGIN {
    if (st < 0.01) st = 0.01
    printf "%-28s %8.2f %10.1f %7.1fx %7.1fx\n", b, st, sm/1024, gt/st, gm/sm }'
done
d1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digest"])' "$WORK/gix.json")
d2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digest"])' "$WORK/libgit2.json")
[[ $d1 == "$d2" ]] || { echo "digests differ: $d1 $d2" >&2; exit 1; }
echo "both backends: $d1 ($(tar tzf "$WORK/clone.tar.gz" | grep -c '\.yaml$') files in the reference archive)"

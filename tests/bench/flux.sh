#!/usr/bin/env bash
# tests/bench/flux.sh: `sluice run` against Flux's own source-controller and
# kustomize-controller (v1.9.6, built from their Go modules by tests/testbed)
# in one run, on identical fresh test beds (kwok nodes, audit log on), the
# same generated repositories served by the same git server, and the same
# objects. Not a test: the figures are ratios measured on this machine.
#
#   tests/bench/flux.sh [--engines flux,sluice] [--scenarios 1,2,3,4]
#                       [--n "100 500 1000"] [--monorepo 200] [--chain 10]
#                       [--idle-n 1000] [--idle-seconds 300] [--timeout 1500]
#
# Scenarios (one JSON line per engine and size, printed and appended to
# $BENCH_OUT, default ~/.cache/sluice-bench/flux.jsonl):
#   1  one GitRepository + N Kustomizations of 5 objects each (Flux's own
#      benchmark shape): seconds from `kubectl apply` of the N+1 objects to
#      all Ready, CPU seconds and peak RSS of the controllers, and the API
#      requests they made (counted in the API server's audit log by user
#      agent);
#   2  a monorepo of M apps (200) all Ready, then one commit that changes one
#      app, pushed and announced with reconcile.fluxcd.io/requestedAt on the
#      GitRepository: seconds until that app applied the new revision, until
#      all M reported it, and what the other M-1 cost meanwhile: builds
#      (reconciles that ran kustomize), applies (non-dry-run PATCHes of app
#      objects) and all API writes;
#   3  a dependsOn chain of C Kustomizations (10), all Ready, then a push
#      (+ requestedAt): seconds until the last one applied it;
#   4  idle: N Kustomizations (1000) Ready and nothing changing, then CPU
#      seconds, RSS and API requests over --idle-seconds (300); measured on
#      scenario 1's cluster when --idle-n is one of its sizes.
# Each engine runs with its defaults (Flux: --concurrent 2/4,
# --requeue-dependency 30s; Sluice: --concurrent 4). A milestone not reached
# within --timeout is reported as null.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TESTBED="$ROOT/tests/testbed"

engines=flux,sluice scenarios=1,2,3,4 sizes="100 500 1000" monorepo=200 chain=10
idle_n=1000 idle_seconds=300 timeout=1500
while [[ $# -gt 0 ]]; do
  case $1 in
    --engines) engines=$2; shift ;;
    --scenarios) scenarios=$2; shift ;;
    --n) sizes=$2; shift ;;
    --monorepo) monorepo=$2; shift ;;
    --chain) chain=$2; shift ;;
    --idle-n) idle_n=$2; shift ;;
    --idle-seconds) idle_seconds=$2; shift ;;
    --timeout) timeout=$2; shift ;;
    -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "flux.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf 'bench: %s\n' "$*" >&2; }
OUT=${BENCH_OUT:-${XDG_CACHE_HOME:-$HOME/.cache}/sluice-bench/flux.jsonl}
mkdir -p "$(dirname "$OUT")"

log "building sluice (release), the harness and Flux's controllers"
(cd "$ROOT" && cargo build --release -q -p sluice-engine --bin sluice \
  && cargo build --release -q -p sluice-tests --bin bench-watch --bin fixture-git-server)
SLUICE="$ROOT/target/release/sluice"
WATCH="$ROOT/target/release/bench-watch"
GITSERVER="$ROOT/target/release/fixture-git-server"
FLUX_BIN=$("$TESTBED" flux-controllers)
FLUX_CRDS=$("$TESTBED" flux-crds)
KUBECTL="$("$TESTBED" tools)/kubectl"

WORK=$(mktemp -d /tmp/sluice-bench-XXXX)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$TESTBED" down --name bench --purge >/dev/null 2>&1 || true
  [[ -n ${KEEP_WORK:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
log "work: $WORK"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
k() { "$KUBECTL" --kubeconfig "$KC" "$@"; }

# ------------------------------------------------------------ repositories

# app DIR NAME NS GREETING: a kustomize dir of 5 objects (Flux's benchmark
# shape: ConfigMap, headless Service, Deployment with one replica,
# ServiceAccount, Secret).
app() {
  local d=$1 a=$2 ns=$3 greeting=${4:-hello}
  mkdir -p "$d"
  cat >"$d/kustomization.yaml" <<Y
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $ns
resources: [configmap.yaml, service.yaml, deployment.yaml, serviceaccount.yaml, secret.yaml]
Y
  cat >"$d/configmap.yaml" <<Y
apiVersion: v1
kind: ConfigMap
metadata: {name: $a-config, labels: {app: $a}}
data: {GREETING: $greeting}
Y
  cat >"$d/service.yaml" <<Y
apiVersion: v1
kind: Service
metadata: {name: $a, labels: {app: $a}}
spec: {clusterIP: None, selector: {app: $a}, ports: [{name: http, port: 80}]}
Y
  cat >"$d/deployment.yaml" <<Y
apiVersion: apps/v1
kind: Deployment
metadata: {name: $a, labels: {app: $a}}
spec:
  replicas: 1
  selector: {matchLabels: {app: $a}}
  template:
    metadata: {labels: {app: $a}}
    spec:
      serviceAccountName: $a
      containers: [{name: app, image: ghcr.io/stefanprodan/podinfo:6.5.0}]
Y
  cat >"$d/serviceaccount.yaml" <<Y
apiVersion: v1
kind: ServiceAccount
metadata: {name: $a, labels: {app: $a}}
Y
  cat >"$d/secret.yaml" <<Y
apiVersion: v1
kind: Secret
metadata: {name: $a-secret, labels: {app: $a}}
stringData: {token: "not-a-secret"}
Y
}

git_env() {
  export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TZ=UTC
  export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@sluice.invalid
  export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@sluice.invalid
  export GIT_AUTHOR_DATE="@1700000000 +0000" GIT_COMMITTER_DATE="@1700000000 +0000"
}

# make_repo NAME N: WORK/repos/NAME.git with apps app1..appN, one commit;
# prints the commit. Pinned dates: the same N always gives the same commit.
make_repo() {
  local name=$1 n=$2 i w="$WORK/work-$1"
  git_env
  rm -rf "$w" "$WORK/repos/$name.git"; mkdir -p "$WORK/repos"
  git init -q -b main "$w"
  for ((i = 1; i <= n; i++)); do app "$w/apps/app$i" "app$i" bench-apps; done
  git -C "$w" add -A && git -C "$w" commit -q -m "$n apps"
  git clone -q --bare "$w" "$WORK/repos/$name.git"
  git -C "$WORK/repos/$name.git" rev-parse HEAD
}

# push_change NAME APP GREETING [APP…]: commits a changed ConfigMap for each
# app and pushes; prints the new commit.
push_change() {
  local name=$1 greeting=$2; shift 2
  local w="$WORK/work-$name" a
  git_env
  export GIT_AUTHOR_DATE="@1700000600 +0000" GIT_COMMITTER_DATE="@1700000600 +0000"
  for a in "$@"; do app "$w/apps/$a" "$a" bench-apps "$greeting"; done
  git -C "$w" add -A && git -C "$w" commit -q -m "change $*"
  git -C "$w" push -q "$WORK/repos/$name.git" main
  git -C "$w" rev-parse HEAD
}

serve_repos() {
  if [[ -n ${GITSRV_PID:-} ]]; then kill "$GITSRV_PID" 2>/dev/null || true; wait "$GITSRV_PID" 2>/dev/null || true; fi
  coproc GITSRV { exec "$GITSERVER" --root "$WORK/repos"; }
  pids+=("$GITSRV_PID")
  local first; read -r first <&"${GITSRV[0]}"
  GIT_URL=${first#url=}
}

# ------------------------------------------------------------ the cluster

# cluster N: a fresh test bed with enough kwok nodes for N pods, Flux's CRDs
# and the bench namespaces.
cluster() {
  local n=$1 nodes i
  "$TESTBED" down --name bench --purge >/dev/null 2>&1 || true
  local line; line=$("$TESTBED" up --nodes --audit --name bench | tail -1)
  KC=${line#export KUBECONFIG=}
  AUDIT_LOG="$(dirname "$KC")/logs/audit.log"
  nodes=$(( (n + 99) / 100 ))
  for ((i = 2; i < nodes; i++)); do
    sed -n '/^apiVersion/,/^  phase/p' "$ROOT/tests/testbed-go/kwok/nodes.yaml" | head -n 19 \
      | sed "s/kwok-node-0/kwok-node-$i/g"
    echo ---
  done | k apply -f - >/dev/null 2>&1 || true
  k apply --server-side -f "$FLUX_CRDS" >/dev/null
  k create namespace bench >/dev/null
  k create namespace bench-apps >/dev/null
  k create namespace flux-system >/dev/null
}

ENGINE_PIDS=()
start_engine() { # engine
  ENGINE_PIDS=()
  local logs="$WORK/logs-$1-$RUN"; mkdir -p "$logs"
  case $1 in
    sluice)
      local h; h=$(free_port); KS_METRICS=$(free_port)
      "$SLUICE" run --kubeconfig "$KC" --storage-path "$WORK/storage-$RUN" \
        --storage-addr "127.0.0.1:$(free_port)" --metrics-addr "127.0.0.1:$KS_METRICS" \
        --health-addr "127.0.0.1:$h" --log-format json --log-level info >"$logs/sluice.log" 2>&1 &
      ENGINE_PIDS+=($!); pids+=($!)
      wait_ready "$h" "$logs/sluice.log"
      ;;
    flux)
      local sa h1 h2; sa="127.0.0.1:$(free_port)"; h1=$(free_port); h2=$(free_port)
      mkdir -p "$WORK/storage-$RUN" "$WORK/tuf-$RUN"
      KS_METRICS=$(free_port)
      KUBECONFIG="$KC" RUNTIME_NAMESPACE=flux-system TUF_ROOT="$WORK/tuf-$RUN" \
        "$FLUX_BIN/source-controller" --watch-all-namespaces --enable-leader-election=false \
        --storage-path "$WORK/storage-$RUN" --storage-addr "$sa" --storage-adv-addr "$sa" \
        --metrics-addr "127.0.0.1:$(free_port)" --health-addr "127.0.0.1:$h1" >"$logs/source.log" 2>&1 &
      ENGINE_PIDS+=($!); pids+=($!)
      KUBECONFIG="$KC" RUNTIME_NAMESPACE=flux-system \
        "$FLUX_BIN/kustomize-controller" --watch-all-namespaces --enable-leader-election=false \
        --metrics-addr "127.0.0.1:$KS_METRICS" --health-addr "127.0.0.1:$h2" >"$logs/kustomize.log" 2>&1 &
      ENGINE_PIDS+=($!); pids+=($!)
      wait_ready "$h1" "$logs/source.log"; wait_ready "$h2" "$logs/kustomize.log"
      ;;
  esac
}

wait_ready() {
  local i
  for i in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "bench: controller not ready; its log ends:" >&2; tail -20 "$2" >&2; return 1
}

stop_engine() {
  local p
  for p in "${ENGINE_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${ENGINE_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}

# cpu seconds (user+system) and VmHWM of the engine processes, summed.
usage() {
  local p cpu=0 rss=0 t
  for p in "${ENGINE_PIDS[@]}"; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    cpu=$((cpu + t))
    t=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    rss=$((rss + t))
  done
  echo "$cpu $rss"
}

rss_now() {
  local p rss=0 t
  for p in "${ENGINE_PIDS[@]}"; do
    t=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    rss=$((rss + t))
  done
  echo "$rss"
}

# Counts audit records of the engine since byte offset $2: total requests,
# writes (create/update/patch/delete, dry runs excluded), applies to app
# objects (non-dry-run patches in bench-apps, except those of apps in $3).
audit_count() { # engine offset [excluded-app-regex]
  python3 - "$AUDIT_LOG" "$1" "$2" "${3:-}" <<'PY'
import json, re, sys
path, engine, offset, excluded = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
agents = {"sluice": ("sluice/",), "flux": ("source-controller", "kustomize-controller")}[engine]
total = writes = applies = 0
with open(path, "rb") as f:
    f.seek(offset)
    for line in f:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e.get("stage") != "ResponseComplete" or not e.get("userAgent", "").startswith(agents):
            continue
        total += 1
        uri = e.get("requestURI", "")
        dry = "dryRun=All" in uri
        verb = e.get("verb", "")
        if verb in ("create", "update", "patch", "delete") and not dry:
            writes += 1
            o = e.get("objectRef", {})
            if verb == "patch" and o.get("namespace") == "bench-apps" and o.get("subresource") is None:
                if not (excluded and re.match(excluded, o.get("name", ""))):
                    applies += 1
print(json.dumps({"requests": total, "writes": writes, "other_app_applies": applies}))
PY
}

audit_offset() { stat -c %s "$AUDIT_LOG" 2>/dev/null || echo 0; }

# metric NAME [LABEL-FILTER]: the sum of a metric's series on the engine's
# Kustomization metrics endpoint (Sluice's, or kustomize-controller's).
metric() {
  curl -sf "http://127.0.0.1:$KS_METRICS/metrics" \
    | awk -v n="$1" -v f="${2:-}" 'index($0, n) == 1 && index($0, f) { s += $NF } END { printf "%d\n", s }'
}

objects() { # n repo-name [chain]
  local n=$1 repo=$2 chain=${3:-0} i dep
  cat <<Y
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: $repo, namespace: bench}
spec: {interval: 1h, timeout: 10m, url: "${GIT_URL}$repo.git", ref: {branch: main}}
Y
  for ((i = 1; i <= n; i++)); do
    dep=""
    if [[ $chain == 1 && $i -gt 1 ]]; then dep="  dependsOn: [{name: app$((i - 1))}]"; fi
    cat <<Y
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: app$i, namespace: bench}
spec:
  interval: 10m
  timeout: 10m
  path: ./apps/app$i
  prune: true
  wait: false
  sourceRef: {kind: GitRepository, name: $repo}
$dep
Y
  done
}

watch_until() { # count revision [names] → JSON
  local names=()
  [[ -n ${3:-} ]] && names=(--names "$3")
  coproc WATCHER { exec "$WATCH" --kubeconfig "$KC" --namespace bench --count "$1" \
    --revision "$2" --timeout "$timeout" "${names[@]}" 2>&1; }
  local first; read -r first <&"${WATCHER[0]}"   # "watching"
}

watch_result() {
  local line; read -r line <&"${WATCHER[0]}" || true
  wait "$WATCHER_PID" 2>/dev/null || true
  echo "$line"
}

requested_at() {
  k -n bench annotate --overwrite gitrepository "$1" "reconcile.fluxcd.io/requestedAt=$(date +%s%N)" >/dev/null
}

emit() { echo "$1" | tee -a "$OUT"; }

# ------------------------------------------------------------ scenarios

RUN=0
scenario1() { # engine n
  local e=$1 n=$2 commit t0 res used off acount
  RUN=$((RUN + 1)); cluster "$n"
  commit=$(make_repo "s1-$n" "$n"); serve_repos
  start_engine "$e"
  off=$(audit_offset)
  watch_until "$n" "main@sha1:$commit"
  t0=$(date +%s.%N)
  objects "$n" "s1-$n" | k apply --server-side -f - >/dev/null
  res=$(watch_result)
  used=$(usage); acount=$(audit_count "$e" "$off")
  emit "$(python3 -c 'import json,sys; r=json.loads(sys.argv[3]); c,m=sys.argv[4].split(); print(json.dumps({"scenario":1,"engine":sys.argv[1],"n":int(sys.argv[2]),**r,"cpu_s":int(c)/100,"peak_rss_mib":round(int(m)/1024,1),**json.loads(sys.argv[5]),"timeout_s":int(sys.argv[6]),"load1":float(open("/proc/loadavg").read().split()[0])}))' "$e" "$n" "$res" "$used" "$acount" "$timeout")"
  # Scenario 4 is this state left alone: measured here when the sizes
  # match rather than building the same N Kustomizations a second time.
  if [[ ",$scenarios," == *",4,"* && $n == "$idle_n" ]]; then
    idle "$e" "$n" "$idle_seconds" "$res"
    IDLE_DONE+=("$e")
  fi
  stop_engine
}

# idle engine n seconds scenario-1-result: CPU, RSS and API requests of an
# engine left alone with n Ready Kustomizations (scenario 4).
idle() {
  local e=$1 n=$2 secs=$3 res=$4 u0 u1 off acount rss
  sleep 10
  u0=$(usage); off=$(audit_offset)
  sleep "$secs"
  u1=$(usage); rss=$(rss_now); acount=$(audit_count "$e" "$off")
  emit "$(python3 -c 'import json,sys; r=json.loads(sys.argv[4]); c0=int(sys.argv[5].split()[0]); c1=int(sys.argv[6].split()[0]); print(json.dumps({"scenario":4,"engine":sys.argv[1],"n":int(sys.argv[2]),"idle_s":int(sys.argv[3]),"ready_before_idle":r["all_ready_s"] is not None,"idle_cpu_s":(c1-c0)/100,"rss_mib":round(int(sys.argv[7])/1024,1),**json.loads(sys.argv[8])}))' "$e" "$n" "$secs" "$res" "$u0" "$u1" "$rss" "$acount")"
}

scenario2() { # engine m
  local e=$1 m=$2 commit next off res all acount cpu0 cpu1 builds
  RUN=$((RUN + 1)); cluster "$m"
  commit=$(make_repo "s2" "$m"); serve_repos
  start_engine "$e"
  watch_until "$m" "main@sha1:$commit"
  objects "$m" "s2" | k apply --server-side -f - >/dev/null
  res=$(watch_result)
  sleep 5
  off=$(audit_offset); cpu0=$(usage)
  local r0 b0 r1 b1
  r0=$(metric gotk_reconcile_duration_seconds_count 'kind="Kustomization"'); b0=$(metric sluice_builds_total)
  next=$(push_change "s2" changed app1)
  watch_until 1 "main@sha1:$next" app1
  requested_at s2
  res=$(watch_result)
  watch_until "$m" "main@sha1:$next"
  all=$(watch_result)
  sleep 2
  cpu1=$(usage); acount=$(audit_count "$e" "$off" '^app1(-|$)')
  r1=$(metric gotk_reconcile_duration_seconds_count 'kind="Kustomization"'); b1=$(metric sluice_builds_total)
  stop_engine
  emit "$(python3 -c 'import json,sys; one=json.loads(sys.argv[3]); allr=json.loads(sys.argv[4]); c0=int(sys.argv[5].split()[0]); c1=int(sys.argv[6].split()[0]); d=json.loads(sys.argv[7]); e=sys.argv[1]; print(json.dumps({"scenario":2,"engine":e,"apps":int(sys.argv[2]),"changed_app_applied_s":one["all_applied_s"],"all_report_new_revision_s":allr["all_applied_s"],"cpu_s":(c1-c0)/100,"ks_reconciles":int(sys.argv[8]),"builds":int(sys.argv[9]) if e=="sluice" else int(sys.argv[8]),**d}))' "$e" "$m" "$res" "$all" "$cpu0" "$cpu1" "$acount" "$((r1 - r0))" "$((b1 - b0))")"
}

scenario3() { # engine c
  local e=$1 c=$2 commit next res
  RUN=$((RUN + 1)); cluster "$c"
  commit=$(make_repo "s3" "$c"); serve_repos
  start_engine "$e"
  watch_until "$c" "main@sha1:$commit"
  objects "$c" "s3" 1 | k apply --server-side -f - >/dev/null
  res=$(watch_result)
  sleep 5
  local apps=(); for ((i = 1; i <= c; i++)); do apps+=("app$i"); done
  next=$(push_change "s3" changed "${apps[@]}")
  watch_until 1 "main@sha1:$next" "app$c"
  requested_at s3
  res=$(watch_result)
  stop_engine
  emit "$(python3 -c 'import json,sys; r=json.loads(sys.argv[3]); print(json.dumps({"scenario":3,"engine":sys.argv[1],"chain":int(sys.argv[2]),"last_applied_s":r["all_applied_s"]}))' "$e" "$c" "$res")"
}

scenario4() { # engine n seconds
  local e=$1 n=$2 secs=$3 commit res
  RUN=$((RUN + 1)); cluster "$n"
  commit=$(make_repo "s4-$n" "$n"); serve_repos
  start_engine "$e"
  watch_until "$n" "main@sha1:$commit"
  objects "$n" "s4-$n" | k apply --server-side -f - >/dev/null
  res=$(watch_result)
  idle "$e" "$n" "$secs" "$res"
  stop_engine
}

IDLE_DONE=()
IFS=, read -r -a ENGINES <<<"$engines"
IFS=, read -r -a SCEN <<<"$scenarios"
for s in "${SCEN[@]}"; do
  for e in "${ENGINES[@]}"; do
    case $s in
      1) for n in $sizes; do log "scenario 1: $e, N=$n"; scenario1 "$e" "$n"; done ;;
      2) log "scenario 2: $e, $monorepo apps"; scenario2 "$e" "$monorepo" ;;
      3) log "scenario 3: $e, chain of $chain"; scenario3 "$e" "$chain" ;;
      4) if [[ " ${IDLE_DONE[*]} " == *" $e "* ]]; then continue; fi
         log "scenario 4: $e, N=$idle_n idle ${idle_seconds}s"; scenario4 "$e" "$idle_n" "$idle_seconds" ;;
      *) echo "flux.sh: unknown scenario $s" >&2; exit 2 ;;
    esac
  done
done

#!/usr/bin/env bash
# Benchmark: `sluice build` against `kustomize build` on the heaviest real
# installs, CRD-heavy builds of several MB: kube-prometheus (its root
# kustomization: the operator's CRDs and the whole stack) and argo-workflows
# (cluster-install with the full CRDs, and the quick-start overlays on top).
# Each build is run RUNS times (default 5) and the median is kept; outputs
# must be byte-identical. Not a test: numbers vary by machine.
#
#   tests/bench/heavy.sh [KUBE_PROMETHEUS_DIR ARGO_WORKFLOWS_DIR]
#
# Without directories, the two repositories are cloned (depth 1) at the
# commits below; with them, local copies are used as they are (their
# commits are printed when they are git work trees).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${RUNS:-5}
KP_URL=https://github.com/prometheus-operator/kube-prometheus
KP_REF=4d719f1d
AW_URL=https://github.com/argoproj/argo-workflows
AW_REF=f016ad89eb

(cd "$ROOT" && cargo build --release -q -p sluice-engine)
SLUICE="$ROOT/target/release/sluice"
KUSTOMIZE="$("$ROOT/tests/testbed" tools)/kustomize"
WORK=$(mktemp -d); [[ -n ${KEEP_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT

clone() { # url ref dir
  git init -q "$3"
  git -C "$3" fetch -q --depth 1 "$1" "$2"
  git -C "$3" checkout -q FETCH_HEAD
}
if [[ $# -ge 2 ]]; then
  KP=$(cd "$1" && pwd) AW=$(cd "$2" && pwd)
else
  KP="$WORK/kube-prometheus" AW="$WORK/argo-workflows"
  clone "$KP_URL" "$KP_REF" "$KP"
  clone "$AW_URL" "$AW_REF" "$AW"
fi

measure() { # outfile cmd... -> "seconds peak_kb" of the median run
  local out=$1; shift
  # Wall time from the shell's microsecond clock (/usr/bin/time's is 10 ms),
  # peak RSS from /usr/bin/time.
  for _ in $(seq "$RUNS"); do
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$WORK/time" "$@" >"$out" 2>"$WORK/err" || {
      echo "failed: $*" >&2; cat "$WORK/err" >&2; exit 1
    }
    local end=$EPOCHREALTIME
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $(cat "$WORK/time")"
  done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

printf '%-34s %8s %6s  %11s %9s  %11s %9s  %7s %7s\n' build MB objects \
  "kustomize s" "sluice s" "kustomize MB" "sluice MB" speedup memory
for spec in "kube-prometheus:$KP:." \
            "argo-workflows cluster-install:$AW:manifests/cluster-install" \
            "argo-workflows quick-start/postgres:$AW:manifests/quick-start/postgres" \
            "argo-workflows quick-start/sso:$AW:manifests/quick-start/sso"; do
  label=${spec%%:*} rest=${spec#*:}; repo=${rest%%:*} dir=$repo/${rest#*:}
  read -r kt km < <(measure "$WORK/k.yaml" "$KUSTOMIZE" build "$dir")
  read -r st sm < <(measure "$WORK/s.yaml" "$SLUICE" build "$dir" --root "$repo")
  cmp -s "$WORK/k.yaml" "$WORK/s.yaml" || {
    echo "$label: outputs differ" >&2; diff "$WORK/k.yaml" "$WORK/s.yaml" | head -20 >&2; exit 1
  }
  size=$(wc -c <"$WORK/k.yaml") objects=$(grep -c '^kind:' "$WORK/k.yaml" || true)
  awk -v l="$label" -v b="$size" -v o="$objects" -v kt="$kt" -v km="$km" -v st="$st" -v sm="$sm" 'BEGIN {
    printf "%-34s %8.1f %6d  %11.2f %9.3f  %11.1f %9.1f  %6.0fx %6.1fx\n", l, b/1e6, o, kt, st, km/1024, sm/1024, kt/st, km/sm }'
done
for r in "$KP" "$AW"; do
  git -C "$r" rev-parse --short HEAD 2>/dev/null | sed "s|^|$(basename "$r"): |" || true
done

#!/usr/bin/env bash
# Benchmark: `sluice build` against `kustomize build` on a generated tree of
# N apps (a Deployment and a Service each) with an overlay that uses
# namespace, namePrefix, commonLabels, commonAnnotations, images, replicas,
# N/8 strategic-merge patches, N/16 JSON patches and a merged
# configMapGenerator. Reports wall time and peak RSS of both, and the ratio.
# Outputs are checked to be identical. Not a test: numbers vary by machine.
#
#   tests/bench/kustomize.sh [--shape files|dirs] [N ...]   (default: files, 100 400 1000)
#
# Shapes of the base: `files` lists N app files in one kustomization;
# `dirs` lists N app directories, each its own kustomization with a
# deployment.yaml and a service.yaml (the usual monorepo layout).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHAPE=files
if [[ ${1:-} == --shape ]]; then SHAPE=$2; shift 2; fi
[[ $SHAPE == files || $SHAPE == dirs ]] || { echo "kustomize.sh: --shape files|dirs" >&2; exit 2; }
SIZES=("$@"); [[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100 400 1000)

(cd "$ROOT" && cargo build --release -q -p sluice-engine)
SLUICE="$ROOT/target/release/sluice"
KUSTOMIZE="$("$ROOT/tests/testbed" tools)/kustomize"
WORK=$(mktemp -d); [[ -n ${KEEP_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT; echo "work: $WORK" >&2

app_file() { # i: one app, a Deployment and a Service
  local i=$1
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-$i
  labels: {app: app-$i}
spec:
  replicas: 1
  selector:
    matchLabels: {app: app-$i}
  template:
    metadata:
      labels: {app: app-$i}
    spec:
      containers:
        - name: main
          image: example/app-$((i % 10)):1.0
          envFrom:
            - configMapRef: {name: shared}
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app-$i
spec:
  selector: {app: app-$i}
  ports:
    - port: 80
      targetPort: 8080
YAML
}

generate() { # N dir
  local n=$1 d=$2 i
  mkdir -p "$d/base/apps" "$d/overlay/patches"
  {
    echo "resources:"
    for ((i = 0; i < n; i++)); do
      if [[ $SHAPE == dirs ]]; then echo "  - apps/app-$i"; else echo "  - apps/app-$i.yaml"; fi
    done
    echo "configMapGenerator:"
    echo "  - name: shared"
    echo "    literals: [LOG_LEVEL=info, REGION=eu]"
  } >"$d/base/kustomization.yaml"
  for ((i = 0; i < n; i++)); do
    app_file "$i" >"$d/base/apps/app-$i.yaml"
    if [[ $SHAPE == dirs ]]; then
      mkdir -p "$d/base/apps/app-$i"
      # Split at the document marker: the Deployment, then the Service.
      awk -v dir="$d/base/apps/app-$i" 'BEGIN { f = dir "/deployment.yaml" }
        /^---$/ { f = dir "/service.yaml"; next } { print > f }' "$d/base/apps/app-$i.yaml"
      rm "$d/base/apps/app-$i.yaml"
      printf 'resources:\n  - deployment.yaml\n  - service.yaml\n' >"$d/base/apps/app-$i/kustomization.yaml"
    fi
  done
  {
    echo "namespace: bench"
    echo "namePrefix: prod-"
    echo "commonLabels: {env: prod}"
    echo "commonAnnotations: {owner: bench}"
    echo "resources: [../base]"
    echo "images:"
    for ((i = 0; i < 10; i++)); do echo "  - {name: example/app-$i, newTag: \"2.$i\"}"; done
    echo "replicas:"
    for ((i = 0; i < n; i += 10)); do echo "  - {name: app-$i, count: 3}"; done
    echo "configMapGenerator:"
    echo "  - name: shared"
    echo "    behavior: merge"
    echo "    literals: [LOG_LEVEL=warn]"
    echo "patches:"
    for ((i = 0; i < n; i += 8)); do
      echo "  - path: patches/smp-$i.yaml"
      cat >"$d/overlay/patches/smp-$i.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-$i
spec:
  template:
    spec:
      containers:
        - name: main
          resources:
            limits: {cpu: 500m, memory: 256Mi}
YAML
    done
    for ((i = 4; i < n; i += 16)); do
      echo "  - target: {kind: Deployment, name: app-$i}"
      echo "    patch: |-"
      echo "      - {op: add, path: /metadata/annotations/patched, value: json}"
    done
  } >"$d/overlay/kustomization.yaml"
}

measure() { # label outfile cmd...
  local out=$2; shift 2
  if ! /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$out" 2>"$WORK/err"; then
    echo "$1 failed:" >&2; cat "$WORK/err" >&2; exit 1
  fi
  tail -1 "$WORK/time"
}

echo "shape: $SHAPE"
printf '%6s  %12s %12s  %12s %12s  %8s %8s\n' N "kustomize s" "sluice s" "kustomize MB" "sluice MB" "speedup" "memory"
for n in "${SIZES[@]}"; do
  d="$WORK/n$n"; generate "$n" "$d"
  read -r kt km < <(measure kustomize "$WORK/k.yaml" "$KUSTOMIZE" build "$d/overlay")
  read -r st sm < <(measure sluice "$WORK/s.yaml" "$SLUICE" build "$d/overlay" --root "$d")
  if ! cmp -s "$WORK/k.yaml" "$WORK/s.yaml"; then
    echo "outputs differ at N=$n" >&2; diff "$WORK/k.yaml" "$WORK/s.yaml" | head -20 >&2; exit 1
  fi
  awk -v n="$n" -v kt="$kt" -v st="$st" -v km="$km" -v sm="$sm" 'BEGIN {
    if (st < 0.01) st = 0.01
    printf "%6d  %12.2f %12.2f  %12.1f %12.1f  %7.0fx %7.1fx\n", n, kt, st, km/1024, sm/1024, kt/st, km/sm }'
done

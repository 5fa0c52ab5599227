#!/usr/bin/env python3
"""Extracts what strategic merge needs from Kubernetes' OpenAPI (swagger) spec.

Usage: openapi-extract.py SWAGGER_JSON OUT_JSON [LABEL]

The swagger file comes with the k8s.io/kubernetes Go module
(api/openapi-spec/swagger.json). Sluice uses v1.21.2, kustomize's builtin
schema: `go mod download k8s.io/kubernetes@v1.21.2` puts it in the module
cache. The output keeps, per definition, only the fields strategic merge walks
into (objects, arrays, maps) with their patch strategy and merge keys, plus a
GroupVersionKind -> definition index. It is committed; re-run when
kustomize moves to another builtin schema.
"""
import json
import sys


def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def field_info(prop):
    info = {}
    if "$ref" in prop:
        info["ref"] = ref_name(prop["$ref"])
    elif "allOf" in prop and prop["allOf"] and "$ref" in prop["allOf"][0]:
        info["ref"] = ref_name(prop["allOf"][0]["$ref"])
    t = prop.get("type")
    if t == "array":
        info["list"] = True
        items = prop.get("items", {})
        if "$ref" in items:
            info["ref"] = ref_name(items["$ref"])
        elif items.get("type") not in (None, "object"):
            info["scalar"] = True
    elif t == "object" and "additionalProperties" in prop:
        ap = prop["additionalProperties"]
        if isinstance(ap, dict) and "$ref" in ap:
            info["map"] = ref_name(ap["$ref"])
        elif isinstance(ap, dict) and ap.get("type") == "array" and "$ref" in ap.get("items", {}):
            info["map"] = ref_name(ap["items"]["$ref"])
            info["mapList"] = True
    strategy = prop.get("x-kubernetes-patch-strategy")
    if strategy:
        info["strategy"] = strategy
    key = prop.get("x-kubernetes-patch-merge-key")
    if key:
        info["key"] = key
    list_type = prop.get("x-kubernetes-list-type")
    if list_type:
        info["listType"] = list_type
    map_keys = prop.get("x-kubernetes-list-map-keys")
    if map_keys:
        info["mapKeys"] = map_keys
    return info


def main(src, dst):
    with open(src) as f:
        spec = json.load(f)
    defs = {}
    gvk = {}
    for name, d in spec["definitions"].items():
        fields = {}
        for fname, prop in d.get("properties", {}).items():
            info = field_info(prop)
            if info:
                fields[fname] = info
        defs[name] = fields
        for g in d.get("x-kubernetes-group-version-kind", []):
            group, version, kind = g.get("group", ""), g["version"], g["kind"]
            api = f"{group}/{version}" if group else version
            gvk.setdefault(f"{api}/{kind}", name)
    # Drop definitions nothing refers to and that are not top-level kinds.
    used = set(gvk.values())
    stack = list(used)
    while stack:
        for info in defs.get(stack.pop(), {}).values():
            for r in (info.get("ref"), info.get("map")):
                if r and r not in used:
                    used.add(r)
                    stack.append(r)
    defs = {k: v for k, v in sorted(defs.items()) if k in used and v}
    out = {"source": sys.argv[3] if len(sys.argv) > 3 else "kubernetes", "gvk": dict(sorted(gvk.items())), "definitions": defs}
    with open(dst, "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""flux_report.py RESULTS.jsonl OUT.svg: the tables (Markdown, on stdout) and
a chart (SVG, no plotting library needed) of one tests/bench/flux.sh run.

Each scenario's rows pair Flux and Sluice measured in the same run; ratios
are Flux / Sluice (above 1: Sluice is better)."""
import json
import sys


def load(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    # The last measurement of each (scenario, engine, size) wins.
    out = {}
    for r in rows:
        size = r.get("n") or r.get("apps") or r.get("chain")
        out[(r["scenario"], r["engine"], size)] = r
    return out


def fmt(v, unit=""):
    if v is None:
        return "—"
    if isinstance(v, float):
        v = round(v, 2) if v < 100 else round(v, 1)
    return f"{v}{unit}"


def ratio(a, b):
    if a is None or b is None:
        return "—"
    if b == 0:
        return "∞" if a else "1"
    return f"{a / b:.1f}x"


def ready_s(r):
    """Seconds to all Ready, or "> timeout" when the run never got there
    (the milestone is null in the jsonl); flux.sh's default timeout is 1500 s."""
    v = r.get("all_ready_s")
    if v is None and r:
        return None, r.get("timeout_s", 1500)
    return v, None


def ready_cell(r):
    v, bound = ready_s(r)
    return f"> {bound} (timeout)" if bound else fmt(v)


def ready_ratio(f, s):
    fv, fb = ready_s(f)
    sv, _ = ready_s(s)
    if fb and sv:
        return f"> {fb / sv:.1f}x"
    return ratio(fv, sv)


def sizes(rows, scenario):
    return sorted({k[2] for k in rows if k[0] == scenario})


def table(rows):
    lines = []
    s1 = sizes(rows, 1)
    if s1:
        lines += [
            "### 1. One GitRepository, N Kustomizations of 5 objects",
            "",
            "| N | engine | all Ready (s) | CPU (s) | peak RSS (MiB) | API requests | API writes |",
            "|---|---|---|---|---|---|---|",
        ]
        for n in s1:
            f, s = rows.get((1, "flux", n), {}), rows.get((1, "sluice", n), {})
            for name, r in (("Flux", f), ("Sluice", s)):
                lines.append(
                    f"| {n} | {name} | {ready_cell(r)} | {fmt(r.get('cpu_s'))} | "
                    f"{fmt(r.get('peak_rss_mib'))} | {fmt(r.get('requests'))} | {fmt(r.get('writes'))} |"
                )
            lines.append(
                f"| {n} | **Flux / Sluice** | **{ready_ratio(f, s)}** | "
                f"**{ratio(f.get('cpu_s'), s.get('cpu_s'))}** | **{ratio(f.get('peak_rss_mib'), s.get('peak_rss_mib'))}** | "
                f"{ratio(f.get('requests'), s.get('requests'))} | {ratio(f.get('writes'), s.get('writes'))} |"
            )
        lines.append("")
    for m in sizes(rows, 2):
        f, s = rows.get((2, "flux", m), {}), rows.get((2, "sluice", m), {})
        lines += [
            f"### 2. Monorepo of {m} apps, one commit changes one app",
            "",
            "| engine | changed app applied (s) | all report the revision (s) | builds | applies of other apps | API writes | CPU (s) |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, r in (("Flux", f), ("Sluice", s)):
            lines.append(
                f"| {name} | {fmt(r.get('changed_app_applied_s'))} | {fmt(r.get('all_report_new_revision_s'))} | "
                f"{fmt(r.get('builds'))} | {fmt(r.get('other_app_applies'))} | {fmt(r.get('writes'))} | {fmt(r.get('cpu_s'))} |"
            )
        lines.append("")
    for c in sizes(rows, 3):
        f, s = rows.get((3, "flux", c), {}), rows.get((3, "sluice", c), {})
        lines += [
            f"### 3. dependsOn chain of {c}",
            "",
            "| engine | push to last Ready (s) |",
            "|---|---|",
            f"| Flux | {fmt(f.get('last_applied_s'))} |",
            f"| Sluice | {fmt(s.get('last_applied_s'))} |",
            f"| **Flux / Sluice** | **{ratio(f.get('last_applied_s'), s.get('last_applied_s'))}** |",
            "",
        ]
    for n in sizes(rows, 4):
        f, s = rows.get((4, "flux", n), {}), rows.get((4, "sluice", n), {})
        secs = f.get("idle_s") or s.get("idle_s")
        lines += [
            f"### 4. Idle: {n} Kustomizations Ready, nothing changing, {secs} s",
            "",
            "| engine | all Ready first | CPU (s) | RSS (MiB) | API requests | API writes |",
            "|---|---|---|---|---|---|",
        ]
        for name, r in (("Flux", f), ("Sluice", s)):
            lines.append(
                f"| {name} | {fmt(r.get('ready_before_idle'))} | {fmt(r.get('idle_cpu_s'))} | "
                f"{fmt(r.get('rss_mib'))} | {fmt(r.get('requests'))} | {fmt(r.get('writes'))} |"
            )
        lines.append("")
    return "\n".join(lines)


def svg(rows):
    """Three panels for scenario 1: seconds to all Ready, CPU seconds, peak
    RSS, Flux and Sluice side by side per N, each on its own scale."""
    ns = sizes(rows, 1)
    metrics = [("all_ready_s", "seconds to all Ready"), ("cpu_s", "CPU seconds"),
               ("peak_rss_mib", "peak RSS (MiB)")]
    pw, ph, pad = 300, 220, 40
    w, h = pw * len(metrics) + pad, ph + 90
    colors = {"flux": "#5468ff", "sluice": "#1aa179"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{pad}" y="18" font-size="14" font-weight="bold">'
           'Flux v1.9.6 vs Sluice: 1 GitRepository + N Kustomizations (same run, 2 cores)</text>']
    for i, (key, title) in enumerate(metrics):
        x0, y0 = pad + i * pw, 40
        vals = [(ready_s(rows.get((1, e, n), {}))[0] or ready_s(rows.get((1, e, n), {}))[1])
                if key == "all_ready_s" else rows.get((1, e, n), {}).get(key)
                for n in ns for e in ("flux", "sluice")]
        top = max([v for v in vals if v is not None] or [1])
        out.append(f'<text x="{x0}" y="{y0}" font-weight="bold">{title}</text>')
        base = y0 + ph - 20
        out.append(f'<line x1="{x0}" y1="{base}" x2="{x0 + pw - 30}" y2="{base}" stroke="#999"/>')
        group = (pw - 40) / max(len(ns), 1)
        for j, n in enumerate(ns):
            for k, e in enumerate(("flux", "sluice")):
                r = rows.get((1, e, n), {})
                v, bound = (ready_s(r) if key == "all_ready_s" else (r.get(key), None))
                bw = group / 2 - 6
                bx = x0 + j * group + k * (bw + 4) + 4
                shown = bound if v is None else v
                bh = 0 if shown is None else (ph - 50) * min(shown, top) / top
                out.append(f'<rect x="{bx:.1f}" y="{base - bh:.1f}" width="{bw:.1f}" '
                           f'height="{bh:.1f}" fill="{colors[e]}" fill-opacity="{0.35 if bound else 1}"/>')
                label = f"> {bound}" if bound else ("n/a" if v is None else fmt(v))
                out.append(f'<text x="{bx + bw / 2:.1f}" y="{base - bh - 3:.1f}" '
                           f'text-anchor="middle">{label}</text>')
            out.append(f'<text x="{x0 + j * group + group / 2:.1f}" y="{base + 14}" '
                       f'text-anchor="middle">N={n}</text>')
    ly = h - 18
    for k, e in enumerate(("flux", "sluice")):
        out.append(f'<rect x="{pad + k * 110}" y="{ly - 10}" width="12" height="12" fill="{colors[e]}"/>')
        out.append(f'<text x="{pad + k * 110 + 18}" y="{ly}">{"Flux" if e == "flux" else "Sluice"}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = load(sys.argv[1])
    print(table(rows))
    with open(sys.argv[2], "w") as f:
        f.write(svg(rows))


if __name__ == "__main__":
    main()

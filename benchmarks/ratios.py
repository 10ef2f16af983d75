#!/usr/bin/env python3
"""Markdown tables of ratios from one JMH JSON result file (python3 standard library only).

    python3 benchmarks/ratios.py benchmarks/results/<name>.json ["machine line"]

Benchmarks are named dev.wengert.benchmarks.<Workload>[Peer]Benchmarks.<variant><Quantity> (see the class
Javadoc of dev.wengert.benchmarks.ThomsonBenchmarks); results of earlier runs, named
<package>.<workload>.<Variant><Quantity>.<quantity>, read the same. @Param n is the size, any other @Param
is part of the variant.
Every ratio is taken between two results of the same file, i.e. of the same run:
  - each variant / the Plain value at the same N (the cost of a quantity in units of f),
  - each variant / the Analytic variant of the same quantity at the same N.
"""
import json
import os
import re
import sys
from collections import OrderedDict

QUANTITIES = ["value", "gradient", "hvp", "hessian", "sparseHessian", "hessianPattern", "recording"]
VARIANT_ORDER = ["Plain", "Analytic", "Generated", "Tape", "TapeReused", "TapeOneCall", "TapeOneCallLoop", "TapeRecord",
                 "TapeRecordFromList",
                 "HipparchusGradient", "HipparchusDs", "CommonsMathDs"]
WORKLOAD_ORDER = ["thomson", "rosenbrock", "grid"]
SIZE_NAME = {"thomson": "N"}  # points; every other workload's size is its dimension n

# The performance goals, checked where the run has the figures: (workload, quantity, variant, extra params,
# sizes, bound on the ratio to the plain value).
TARGETS = [
    ("thomson", "gradient", "TapeReused", "", ["12", "100", "1000"], 5.0),
    ("thomson", "gradient", "TapeOneCall", "", ["12", "100", "1000"], 12.0),
    ("thomson", "gradient", "TapeRecord", "", ["12", "100", "1000"], 12.0),
    ("thomson", "hvp", "TapeReused", "", ["12", "100", "1000"], 9.0),
    ("thomson", "hessian", "TapeReused", "threads=1", ["100"], 150.0),
    ("thomson", "hessian", "TapeReused", "threads=2", ["100"], 150.0),
    ("grid", "gradient", "TapeReused", "", ["40000", "250000"], 10.0),
]

TO_MICROS = {"s/op": 1e6, "ms/op": 1e3, "us/op": 1.0, "ns/op": 1e-3}


def micros(metric):
    unit = metric["scoreUnit"]
    score, error = float(metric["score"]), float(metric["scoreError"])  # JMH writes "NaN" as a string
    if unit in TO_MICROS:
        f = TO_MICROS[unit]
        return score * f, error * f
    m = re.fullmatch(r"ops/(s|ms|us|ns)", unit)
    if m:  # throughput: invert
        per = {"s": 1e6, "ms": 1e3, "us": 1.0, "ns": 1e-3}[m.group(1)]
        t = per / score
        return t, t * error / score
    raise SystemExit("unsupported score unit " + unit)


def name(benchmark):
    """(workload, variant, quantity) of a benchmark name, in either naming (as report/BenchmarkName.java)."""
    parts = benchmark.split(".")
    cls, method = parts[-2], parts[-1]
    if not cls.endswith("Benchmarks"):  # one class per variant, as in the results of earlier runs
        variant = cls[: -len(method)] if cls.lower().endswith(method.lower()) else cls
        return parts[-3], variant, method
    workload = re.sub(r"Peer$", "", cls[: -len("Benchmarks")])
    ends = [q for q in QUANTITIES if len(method) > len(q) and method.endswith(q[0].upper() + q[1:])]
    if not ends:
        raise SystemExit(f"benchmark {benchmark}: method '{method}' does not end in a quantity of {QUANTITIES}")
    quantity = max(ends, key=len)
    variant = method[: -len(quantity)]
    return workload[0].lower() + workload[1:], variant[0].upper() + variant[1:], quantity


def parse(entry):
    workload, variant, method = name(entry["benchmark"])
    params = dict(entry.get("params") or {})
    n = params.pop("n", "")
    extra = ",".join(f"{k}={params[k]}" for k in sorted(params))
    t, err = micros(entry["primaryMetric"])
    alloc = (entry.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
    return {
        "workload": workload, "quantity": method, "variant": variant, "extra": extra, "n": n,
        "us": t, "err": err, "alloc": float(alloc["score"]) if alloc else None,
    }


def label(r):
    return r["variant"] + (f" ({r['extra']})" if r["extra"] else "")


def fmt_time(us):
    if us >= 1e4:
        return f"{us / 1e3:,.1f} ms"
    if us >= 10:
        return f"{us:,.1f} µs"
    return f"{us:.3g} µs"


def fmt_ratio(x):
    if x is None:
        return "—"
    return f"{x:,.0f}x" if x >= 100 else f"{x:.2f}x" if x < 10 else f"{x:.1f}x"


def row_key(r):
    q = QUANTITIES.index(r["quantity"]) if r["quantity"] in QUANTITIES else len(QUANTITIES)
    v = VARIANT_ORDER.index(r["variant"]) if r["variant"] in VARIANT_ORDER else len(VARIANT_ORDER)
    return (q, r["quantity"], v, r["variant"], r["extra"])


def table(title, rows, sizes, cell, size_name="N"):
    body = []
    for key, by_n in rows.items():
        first = next(iter(by_n.values()))
        cells = [cell(by_n[n]) if n in by_n else "" for n in sizes]
        if all(c in ("", "—") for c in cells):
            continue
        body.append(f"| {first['quantity']} | {label(first)} | " + " | ".join(cells) + " |")
    if not body:
        return []
    return [f"**{title}**", "", "| quantity | variant | " + " | ".join(f"{size_name} = {n}" for n in sizes) + " |",
           "|---|---|" + "---:|" * len(sizes)] + body + [""]


def main(path, note=""):
    with open(path) as f:
        data = json.load(f)
    if not data:
        raise SystemExit(path + ": no results")
    results = [parse(e) for e in data]
    first = data[0]
    lines = [f"Run `{os.path.basename(path)}`: JDK {first.get('jdkVersion', '?')}, {first.get('vmName', '')} "
             f"{first.get('vmVersion', '')}; JMH {first.get('jmhVersion', '?')}, {first.get('forks')} fork(s), "
             f"{first.get('warmupIterations')} x {first.get('warmupTime')} warm-up, "
             f"{first.get('measurementIterations')} x {first.get('measurementTime')} measurement, "
             f"{first.get('threads')} benchmark thread(s). Ratios are between results of this one run.", ""]
    if note:
        lines[0:0] = [note, ""]

    workloads = sorted(OrderedDict.fromkeys(r["workload"] for r in results),
                       key=lambda w: (WORKLOAD_ORDER.index(w) if w in WORKLOAD_ORDER else len(WORKLOAD_ORDER), w))
    for workload in workloads:
        rs = [r for r in results if r["workload"] == workload]
        sizes = sorted(OrderedDict.fromkeys(r["n"] for r in rs), key=lambda s: (len(s), s))
        rows = OrderedDict()
        for r in sorted(rs, key=row_key):
            rows.setdefault(row_key(r), OrderedDict())[r["n"]] = r
        plain = {r["n"]: r["us"] for r in rs if r["variant"] == "Plain" and r["quantity"] == "value"}
        analytic = {(r["quantity"], r["n"]): r["us"] for r in rs if r["variant"] == "Analytic" and not r["extra"]}

        def to_plain(r):
            return fmt_ratio(r["us"] / plain[r["n"]]) if r["n"] in plain else "—"

        def to_analytic(r):
            base = analytic.get((r["quantity"], r["n"]))
            return fmt_ratio(r["us"] / base) if base else "—"

        size_name = SIZE_NAME.get(workload, "n")
        lines.append(f"### {workload}")
        lines.append("")
        lines += table("Time per operation (± 99.9% CI half-width)", rows, sizes,
                       lambda r: fmt_time(r["us"]) + (f" ± {fmt_time(r['err'])}" if r["err"] == r["err"] else ""),
                       size_name)
        lines += table(f"Ratio to the plain value (Plain value at the same {size_name})", rows, sizes, to_plain, size_name)
        lines += table("Ratio to the analytic code of the same quantity", rows, sizes, to_analytic, size_name)
        if any(r["alloc"] is not None for r in rs):
            lines += table("Allocation per operation (JMH -prof gc, gc.alloc.rate.norm)", rows, sizes,
                           lambda r: f"{r['alloc']:,.0f} B" if r["alloc"] is not None else "", size_name)

        checks = []
        for (w, q, v, extra, ns, bound) in TARGETS:
            if w != workload:
                continue
            for n in ns:
                hit = [r for r in rs if (r["quantity"], r["variant"], r["extra"], r["n"]) == (q, v, extra, n)]
                if hit and n in plain:
                    ratio = hit[0]["us"] / plain[n]
                    ok = "meets" if ratio <= bound else "MISSES"
                    checks.append(f"| {q} {v}{' (' + extra + ')' if extra else ''} | {n} | "
                                  f"<= {bound:g}x | {fmt_ratio(ratio)} | {ok} |")
        if checks:
            lines += ["**Goals**", "", f"| figure | {size_name} | target | measured | |", "|---|---:|---:|---:|---|"]
            lines += checks + [""]
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])

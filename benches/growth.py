#!/usr/bin/env python3
"""How the cost of `arrears report --format csv` and `arrears agenda --letters` grows with the
ledger (issue 12, "cost on large inputs"): both once grew with the square of the invoice or
customer count. Times the release CLI on generated French B2B portfolios (one customer per hundred
invoices, CSV tables, as-of 2026-06-30) and prints the wall time per invoice at each size: a
linear command keeps it roughly flat.

    cargo build --release -p arrears-cli
    python3 benches/growth.py                         # 10k, 100k and 1M invoices, median of 3 runs
    python3 benches/growth.py --sizes 10000,100000 --runs 1

The data lives in ~/.cache/arrears/bench-data (made with `arrears generate` when missing); letters
go to a temporary directory removed after each run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "release" / "arrears"
DATA = Path.home() / ".cache" / "arrears" / "bench-data"
AS_OF = "2026-06-30"


def data(n: int) -> Path:
    d = DATA / f"fr-{n}"
    if not (d / "invoices.csv").exists():
        d.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(CLI), "generate", "--invoices", str(n), "--mix", "french-b2b",
                        "--as-of", AS_OF, "--out", str(d)], check=True, capture_output=True)
    return d


def timed(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    if not CLI.exists():
        raise SystemExit("build the release CLI first: cargo build --release -p arrears-cli")
    rows = []
    for n in sizes:
        d = data(n)
        tables = [str(d / "invoices.csv"), "--payments", str(d / "payments.csv"),
                  "--customers", str(d / "customers.csv"), "--as-of", AS_OF]
        report = [str(CLI), "report", *tables, "--format", "csv"]
        times_report, times_letters = [], []
        for _ in range(a.runs):
            times_report.append(timed(report))
            out = Path(tempfile.mkdtemp(prefix="arrears-letters-"))
            try:
                times_letters.append(timed([str(CLI), "agenda", *tables, "--format", "json",
                                            "--letters", str(out / "letters")]))
            finally:
                shutil.rmtree(out, ignore_errors=True)
        rows.append((n, statistics.median(times_report), statistics.median(times_letters)))
    print("| invoices | report --format csv | µs per invoice | agenda --letters | µs per invoice |")
    print("|---:|---:|---:|---:|---:|")
    for n, r, l in rows:
        print(f"| {n:,} | {r:.2f} s | {r / n * 1e6:.1f} | {l:.2f} s | {l / n * 1e6:.1f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs the library and its baselines on the same generated portfolios, checks that they agree to
the cent, and times them side by side in one run.

    python3 benches/baselines/run.py                      # 1k, 100k, 1M invoices; prints the tables
    python3 benches/baselines/run.py --readme             # ... and writes them into benches/README.md
    python3 benches/baselines/run.py --sizes 1000,10000000 --runs 3

What runs, per size (a French B2B portfolio from `arrears generate --mix french-b2b`, one customer per
hundred invoices, as-of 2026-06-30):

- `arrears penalties` on the CSV tables and on the Parquet tables (release build), end to end: read,
  check, compute, write CSV;
- the polars and pandas baselines on the same tables as Parquet (`to_parquet.py`), and the plain
  Python loop with `decimal` on the CSV tables (up to 1M invoices: it takes minutes at 10M);
- the Python package (`arrears_python.py`: `arrears.penalties` on the Parquet tables, release build
  installed into the same environment with maturin), end to end and the call alone in process;
- the Node package (`arrears_node.js`: `penalties()` on the CSV tables read into columns of strings,
  release build of the addon), end to end and the call alone in process;
- `arrears kpis` and `arrears agenda` on the CSV tables (no baseline computes them; timed alone);
- the batch engine in process (criterion, `benches/benches/portfolio.rs`, the European mix) at the
  sizes up to 1M.

Every baseline's table is compared with the library's row by row before anything is timed; a
difference stops the run. Commands run in turns (A B C D, A B C D, ...) so that a drift of the
machine's speed hits them alike; the figures are medians, peak memory is the child's maximum
resident set (GNU time). The virtual environment (pinned `requirements.txt`) and the data live in
~/.cache/arrears, outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CACHE = Path(os.environ.get("ARREARS_BENCH_CACHE", Path.home() / ".cache" / "arrears"))
VENV = CACHE / "bench-venv"
AS_OF = "2026-06-30"
LOOP_MAX = 1_000_000
BEGIN, END = "<!-- baselines:begin -->", "<!-- baselines:end -->"


def venv_python() -> Path:
    """The virtual environment's Python, created and filled on first use."""
    python = VENV / "bin" / "python"
    stamp = VENV / "requirements.txt"
    wanted = (HERE / "requirements.txt").read_text()
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(HERE / "requirements.txt")],
                       check=True)
        stamp.write_text(wanted)
    return python


def run_timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one run of `cmd`, its output discarded. GNU time
    (`/usr/bin/time`, Debian package `time`) starts it: a child forked from this script would
    count this script's own memory in its peak (Linux carries the peak across exec)."""
    report = CACHE / "time.txt"
    wrapper = ["/usr/bin/time", "-f", "%e %M", "-o", str(report)]
    start = time.perf_counter()
    p = subprocess.run(wrapper + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr.decode(errors='replace')}")
    _, peak_kib = report.read_text().split()[-2:]
    return wall, int(peak_kib) / 1024


def compare(ours: Path, theirs: Path, name: str) -> None:
    """Stops the run unless the two tables are the same, row by row."""
    a = ours.read_text().splitlines()
    b = theirs.read_text().splitlines()
    if len(a) != len(b):
        raise SystemExit(f"{name}: {len(b)} lines, arrears {len(a)}")
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if diff:
        i = diff[0]
        raise SystemExit(f"{name}: {len(diff)} rows differ from arrears, first at line {i + 1}:\n"
                         f"  arrears: {a[i]}\n  {name}: {b[i]}")


def criterion(sizes: list[int]) -> dict[str, dict[int, float]]:
    """Median seconds per size of the batch engine's penalty table (`batch_penalty_table`) and of
    the bindings' Arrow path (`arrow_penalty_table`), from criterion."""
    sizes = [n for n in sizes if n <= 1_000_000]
    if not sizes:
        return {}
    env = dict(os.environ, ARREARS_BENCH_SIZES=",".join(map(str, sizes)))
    subprocess.run(["cargo", "bench", "-q", "-p", "arrears-benches", "--bench", "portfolio", "--",
                    "penalty_table"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    out: dict[str, dict[int, float]] = {}
    for group in ("batch_penalty_table", "arrow_penalty_table"):
        out[group] = {}
        for n in sizes:
            est = json.loads((target / "criterion" / group / str(n) / "new" / "estimates.json").read_text())
            out[group][n] = est["median"]["point_estimate"] / 1e9
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command per size")
    ap.add_argument("--no-criterion", action="store_true", help="skip the in-process batch engine")
    ap.add_argument("--readme", action="store_true", help="write the tables into benches/README.md")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]

    python = str(venv_python())
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "arrears-cli"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    arrears = str(target / "release" / "arrears")
    # The Python package, release build, into the same environment as the baselines.
    venv_env = dict(os.environ, VIRTUAL_ENV=str(VENV), PATH=f"{VENV / 'bin'}:{os.environ.get('PATH', '')}")
    subprocess.run([str(VENV / "bin" / "maturin"), "develop", "--release", "-q", "--manifest-path",
                    str(ROOT / "bindings-python" / "Cargo.toml")], cwd=ROOT, env=venv_env, check=True,
                   stdout=subprocess.DEVNULL)
    python_call: dict[int, float] = {}
    # The Node addon, release build, loaded through the loader's override variable (it wants a
    # `.node` file name).
    node = shutil.which("node")
    if node:
        subprocess.run(["cargo", "build", "-q", "--release", "-p", "arrears-node"], cwd=ROOT, check=True)
        addon = CACHE / "arrears-release.node"
        shutil.copyfile(target / "release" / "libarrears_node.so", addon)
        os.environ["NAPI_RS_NATIVE_LIBRARY_PATH"] = str(addon)
    node_call: dict[int, float] = {}

    results: dict[int, dict[str, tuple[float, float]]] = {}
    jobs_results: dict[int, dict[str, tuple[float, float]]] = {}
    for n in sizes:
        d = CACHE / "bench-data" / f"fr-{n}"
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        subprocess.run([arrears, "generate", "--invoices", str(n), "--customers", str(max(10, n // 100)),
                        "--mix", "french-b2b", "--as-of", AS_OF, "--out", str(d)], check=True)
        subprocess.run([python, str(HERE / "to_parquet.py"), str(d)], check=True)
        inv_csv, pay_csv = str(d / "invoices.csv"), str(d / "payments.csv")
        inv_pq, pay_pq = str(d / "invoices.parquet"), str(d / "payments.parquet")
        commands = {
            "arrears penalties (CSV)": [arrears, "penalties", inv_csv, "--payments", pay_csv,
                                        "--customers", str(d / "customers.csv"), "--as-of", AS_OF,
                                        "--out", str(d / "arrears.csv")],
            "arrears penalties (Parquet)": [arrears, "penalties", inv_pq, "--payments", pay_pq,
                                            "--customers", str(d / "customers.parquet"),
                                            "--as-of", AS_OF, "--out", str(d / "arrears-pq.csv")],
            "arrears from Python (Parquet)": [python, str(HERE / "arrears_python.py"), "--invoices", inv_pq,
                                              "--payments", pay_pq, "--customers", str(d / "customers.parquet"),
                                              "--as-of", AS_OF, "--out", str(d / "python.csv")],
            **({"arrears from Node (CSV)": [node, str(HERE / "arrears_node.js"), "--invoices", inv_csv,
                                            "--payments", pay_csv, "--customers", str(d / "customers.csv"),
                                            "--as-of", AS_OF, "--out", str(d / "node.csv")]} if node else {}),
            "polars (Parquet)": [python, str(HERE / "fr_polars.py"), "--invoices", inv_pq,
                                 "--payments", pay_pq, "--as-of", AS_OF, "--out", str(d / "polars.csv")],
            "pandas (Parquet)": [python, str(HERE / "fr_pandas.py"), "--invoices", inv_pq,
                                 "--payments", pay_pq, "--as-of", AS_OF, "--out", str(d / "pandas.csv")],
        }
        if n <= LOOP_MAX:
            commands["Python loop, decimal (CSV)"] = [
                python, str(HERE / "fr_loop.py"), "--invoices", inv_csv, "--payments", pay_csv,
                "--as-of", AS_OF, "--out", str(d / "loop.csv")]
        # Correctness first: every table equal to the library's.
        for cmd in commands.values():
            run_timed(cmd)
        for name, out in [("arrears on Parquet", "arrears-pq.csv"), ("arrears from Python", "python.csv"),
                          ("arrears from Node", "node.csv"),
                          ("polars", "polars.csv"),
                          ("pandas", "pandas.csv"), ("loop", "loop.csv")]:
            if (d / out).exists():
                compare(d / "arrears.csv", d / out, name)
        print(f"{n:>10,} invoices: every baseline equals arrears to the cent", file=sys.stderr)
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        runs = a.runs if n <= LOOP_MAX else max(1, a.runs // 2)
        for r in range(runs):
            names = list(commands)
            for name in names[r % len(names):] + names[:r % len(names)]:
                times[name].append(run_timed(commands[name]))
        results[n] = {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v))
                      for k, v in times.items()}
        for k, (w, m) in results[n].items():
            print(f"{n:>10,}  {k:<28} {w:8.3f} s {m:8.0f} MiB", file=sys.stderr)
        # The Python call alone, in process (median of 5 calls).
        call = subprocess.run(commands["arrears from Python (Parquet)"] + ["--repeat", "5"],
                              capture_output=True, text=True, check=True)
        python_call[n] = json.loads(call.stderr.strip().splitlines()[-1])["penalties_call_seconds"]
        if node:
            call = subprocess.run(commands["arrears from Node (CSV)"] + ["--repeat", "5"],
                                  capture_output=True, text=True, check=True)
            node_call[n] = json.loads(call.stderr.strip().splitlines()[-1])["penalties_call_seconds"]
        # The other jobs on the same ledger: no baseline computes them, so they are timed alone
        # (fewer runs: they are slower).
        ledger = [inv_csv, "--payments", pay_csv, "--customers", str(d / "customers.csv"), "--as-of", AS_OF]
        jobs = {f"arrears {job}": [arrears, job, *ledger] for job in ("kpis", "agenda")}
        job_runs = max(1, min(3, runs))
        jobs_results[n] = {}
        for k, cmd in jobs.items():
            timed = [run_timed(cmd) for _ in range(job_runs)]
            jobs_results[n][k] = (statistics.median(w for w, _ in timed),
                                  statistics.median(m for _, m in timed))
            w, m = jobs_results[n][k]
            print(f"{n:>10,}  {k:<28} {w:8.3f} s {m:8.0f} MiB", file=sys.stderr)

    engine = {} if a.no_criterion else criterion(sizes)
    text = render(sizes, results, jobs_results, engine, python_call, node_call, a.runs)
    print(text)
    if a.readme:
        readme = ROOT / "benches" / "README.md"
        body = readme.read_text()
        start, end = body.index(BEGIN) + len(BEGIN), body.index(END)
        readme.write_text(body[:start] + "\n" + text + body[end:])


def render(sizes, results, jobs_results, engine, python_call, node_call, runs) -> str:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                   if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [f"Measured {time.strftime('%Y-%m-%d')} by `python3 benches/baselines/run.py --readme` "
             f"({os.cpu_count()} cores, {cpu or 'unknown CPU'}; medians of {runs} runs per command, "
             "taken in turns; wall time of the whole process, start-up included).", ""]
    for n in sizes:
        r = results[n]
        base = r["arrears penalties (CSV)"][0]
        lines += [f"**{n:,} invoices**", "", "| command | wall | peak memory | time ÷ arrears |",
                  "|---|---:|---:|---:|"]
        for k, (w, m) in r.items():
            lines.append(f"| {k} | {w:.3f} s | {m:.0f} MiB | {w / base:.2f} |")
        lines.append("")
    lines += ["**Growth** (microseconds per invoice, wall time)", "",
              "| command | " + " | ".join(f"{n:,}" for n in sizes) + " |",
              "|---|" + "---:|" * len(sizes)]
    for k in results[sizes[0]]:
        cells = [f"{results[n][k][0] / n * 1e6:.2f}" if k in results[n] else "–" for n in sizes]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    lines += ["", "**The other jobs on the same ledger** (CSV in, per-invoice engine; no baseline computes "
              "them; medians of up to 3 runs)", "",
              "| command | " + " | ".join(f"{n:,}" for n in sizes) + " | peak memory at the largest |",
              "|---|" + "---:|" * len(sizes) + "---:|"]
    for k in jobs_results[sizes[0]]:
        cells = [f"{jobs_results[n][k][0]:.3f} s" for n in sizes]
        lines.append(f"| {k} | " + " | ".join(cells) + f" | {jobs_results[sizes[-1]][k][1]:.0f} MiB |")
    if engine:
        lines += ["", "**Batch engine in process** (criterion medians, one core; `engine`: one replay of the ledger, "
                  "aging and interest of every invoice on a book already built, European mix; `Arrow path`: what "
                  "the bindings' table functions do, Arrow columns in, the checked book, the engine, an Arrow "
                  "table out, French B2B mix)", "",
                  "| invoices | engine | invoices per second | Arrow path | invoices per second |",
                  "|---:|---:|---:|---:|---:|"]
        for n, s in engine["batch_penalty_table"].items():
            a = engine["arrow_penalty_table"][n]
            lines.append(f"| {n:,} | {s * 1e3:.1f} ms | {n / s / 1e6:.2f} M | {a * 1e3:.1f} ms | {n / a / 1e6:.2f} M |")
    if python_call:
        lines += ["", "**From Python, in process** (`arrears.penalties` on the French B2B Parquet tables read by "
                  "pyarrow, median of 5 calls), against the same Arrow path in Rust above", "",
                  "| invoices | call | invoices per second | ÷ Rust Arrow path throughput | ÷ engine throughput |",
                  "|---:|---:|---:|---:|---:|"]
        for n, s in python_call.items():
            arrow = engine.get("arrow_penalty_table", {}).get(n)
            batch = engine.get("batch_penalty_table", {}).get(n)
            r1 = f"{arrow / s:.2f}" if arrow else "–"
            r2 = f"{batch / s:.2f}" if batch else "–"
            lines.append(f"| {n:,} | {s * 1e3:.1f} ms | {n / s / 1e6:.2f} M | {r1} | {r2} |")
    if node_call:
        lines += ["", "**From Node, in process** (`penalties()` of the npm package on the French B2B tables as "
                  "columns of strings, money out as decimal strings, median of 5 calls), against the Arrow path in "
                  "Rust above", "",
                  "| invoices | call | invoices per second | ÷ Rust Arrow path throughput |",
                  "|---:|---:|---:|---:|"]
        for n, s in node_call.items():
            arrow = engine.get("arrow_penalty_table", {}).get(n)
            r1 = f"{arrow / s:.2f}" if arrow else "–"
            lines.append(f"| {n:,} | {s * 1e3:.1f} ms | {n / s / 1e6:.2f} M | {r1} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

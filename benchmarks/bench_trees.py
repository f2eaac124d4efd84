"""Whole ``unfog extract --json`` processes from several source trees against the bare spaCy script, alternately.

    python benchmarks/bench_trees.py CORPUS.jsonl 2 before=/path/to/old/src after=src

Each run is a fresh process (``PYTHONPATH`` set to the tree); the commands run
in turn (bare, each tree, bare, ...) so that load on a shared machine burdens
all of them, and each run's wall seconds, CPU seconds (user + system) and peak
RSS are printed with the ratios of the best runs. Give it a private, warm
``UNFOG_CACHE`` (run each tree once before) so no run rebuilds the gazetteer.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

from unfog.bench import BARE_SCRIPT


def run(cmd: list[str], env: dict) -> tuple[float, float, int]:
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd[:4]} exited with {os.waitstatus_to_exitcode(status)}")
    return round(time.perf_counter() - t, 2), round(usage.ru_utime + usage.ru_stime, 2), round(usage.ru_maxrss / 1024)


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    corpus, repeats, trees = sys.argv[1], int(sys.argv[2]), [t.split("=", 1) for t in sys.argv[3:]]
    res: dict[str, list[tuple[float, float, int]]] = {}
    print("load before", os.getloadavg(), flush=True)
    for _ in range(repeats):
        res.setdefault("bare", []).append(run([sys.executable, "-c", BARE_SCRIPT, corpus, "32"], dict(os.environ)))
        for name, path in trees:
            env = dict(os.environ, PYTHONPATH=path)
            res.setdefault(name, []).append(run([sys.executable, "-m", "unfog.cli", "extract", "--json", corpus], env))
    print("load after", os.getloadavg())
    bare_wall, bare_cpu = min(r[0] for r in res["bare"]), min(r[1] for r in res["bare"])
    for name, runs in res.items():
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"{name:8s} (wall s, CPU s, MB) {runs}  best wall {wall}: {bare_wall / wall:.3f}x  best CPU {cpu}: {bare_cpu / cpu:.3f}x")


if __name__ == "__main__":
    main()

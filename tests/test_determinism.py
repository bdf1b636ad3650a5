"""The same input gives the same graph.json in any process: nothing may depend on the order of a set
of strings, which changes with Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parent.parent

# 吉林 is the short form of a province and of a city: a text that writes it next to the full form (吉林省)
# joins them, and the choice must not depend on the hash seed
TEXTS = [
    {"id": "d1", "date": "2024-03-06",
     "text": "3月5日，青川区区长周敏带队赴吉林考察，先后来到长白山药业有限公司、松江新材料产业园。副区长李晓峰陪同考察。"
             "吉林省有关部门负责人介绍了情况。"},
    {"id": "d2", "date": "2024-03-06",
     "text": "青川区委书记王建国主持召开区委常委会会议，区委副书记黄海燕、副区长陈立新出席会议。"},
]


def _build(seed: str, src: Path, out: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), str(ROOT / "kg" / "samples"), "--out",
                    str(out), "--no-html", "--no-state", "--jobs", "1", "--no-progress"],
                   check=True, env=env, capture_output=True, cwd=ROOT)
    return (out / "graph.json").read_bytes()


def test_graph_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in TEXTS), encoding="utf-8")
    first = _build("1", src, tmp_path / "a")
    assert first == _build("2", src, tmp_path / "b") == _build("3", src, tmp_path / "c")
    g = kg.KnowledgeGraph.from_json(tmp_path / "a" / "graph.json")
    assert g.find("吉林省", "Region") and not g.find("吉林市", "Region") and not g.find("吉林", "Region")

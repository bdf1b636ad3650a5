"""A fictional corpus in five daily batches for the incremental tests (kg build --update, kg load).

青川区's 区委书记王建国 is one person until batch 4, where a 王建国 who is 副县长 of 临川县 appears: from
then on the name is two people (``Official:王建国@青川区`` and ``Official:王建国@临川县``), so every id
that batches 1–3 gave him changes.  Batch 1 names no region: the posts 区委书记 and 副区长
are unscoped until batches 2 and 3 name them ``青川区委书记`` and ``青川区副区长``, and the unscoped posts
join the scoped ones.  Batch 5 repeats an article of batch 1 (a
duplicate, skipped) and has one without Chinese text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BATCHES: list[list[dict[str, Any]]] = [
    [
        {"id": "d1-1", "date": "2024-03-04", "title": "区委常委会召开会议",
         "text": "3月4日,区委书记王建国主持召开区委常委会会议,研究部署防汛备汛工作。副区长周敏出席会议。"},
        {"id": "d1-2", "date": "2024-03-04", "title": "周敏调研龙溪镇",
         "text": "3月4日,副区长周敏来到龙溪镇白石村,调研乡村振兴工作。"},
    ],
    [
        {"id": "d2-1", "date": "2024-03-05", "title": "王建国督导安全生产",
         "text": "3月5日下午,区委书记王建国先后来到龙溪镇白石村和桃源街道滨河社区,督导检查安全生产工作。"},
        {"id": "d2-2", "date": "2024-03-05", "title": "滨江新城项目开工",
         "text": "3月5日,青川区滨江新城综合开发项目开工仪式举行。区委书记王建国出席开工仪式。"},
    ],
    [
        {"id": "d3-1", "date": "2024-03-06", "title": "周敏检查消防安全",
         "text": "3月6日,青川区副区长周敏到桃源街道检查消防安全工作。"},
        {"id": "d3-2", "date": "2024-03-06", "title": "区政府常务会议",
         "text": "3月6日,区长李晓峰主持召开区政府常务会议。副区长周敏出席会议。"},
    ],
    [
        {"id": "d4-1", "date": "2024-03-07", "title": "临川县领导调研石门镇",
         "text": "3月7日,临川县副县长王建国到临川县石门镇调研,查看石门镇污水处理厂提标改造工程。"},
        {"id": "d4-2", "date": "2024-03-07", "title": "王建国调研",
         "text": "3月7日,青川区委书记王建国到滨江新城综合开发项目调研。"},
    ],
    [
        {"id": "d5-1", "date": "2024-03-08", "title": "王建国主持会议",
         "text": "3月8日,区委书记王建国主持召开区委常委会会议。副区长周敏出席。"},
        {"id": "d5-2", "date": "2024-03-04", "title": "区委常委会召开会议",
         "text": "3月4日,区委书记王建国主持召开区委常委会会议,研究部署防汛备汛工作。副区长周敏出席会议。"},
        {"id": "d5-3", "date": "2024-03-08", "title": "English only", "text": "No Chinese text in this one."},
        {"id": "d4-1", "date": "2024-03-08", "title": "重复编号", "text": "3月8日,临川县召开工作会议。"},
    ],
]


def write_batches(folder: Path) -> list[Path]:
    """One JSONL file per batch in ``folder``; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, batch in enumerate(BATCHES, 1):
        path = folder / f"day{i}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
        paths.append(path)
    return paths

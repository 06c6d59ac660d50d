"""Batch extraction on Dask: every input line comes out, errors included."""

import json

import pytest

pytest.importorskip("dask")

from click.testing import CliRunner  # noqa: E402

from marsad.cli import cli  # noqa: E402
from marsad.scale import extract_batch  # noqa: E402

ARTICLES = [
    {"id": "a1", "published": "2021-05-11",
     "text": "اغتال مسلحون مجهولون ضابطا في الشرطة أمام منزله في مدينة درعا مساء الاثنين."},
    {"id": "a2", "published": "2019-01-02",
     "text": "سقطت قذائف هاون أطلقتها حركة الشباب على محيط مطار مقديشو الدولي مساء الثلاثاء."},
    {"id": "a3", "published": "2021-08-17", "text": "حذر وزير الخارجية من تصعيد خطير في المنطقة."},
]


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ["{not json", json.dumps({"id": "x"})]
    path.write_text("\n".join(lines * 20) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_every_line_comes_out_with_events_or_an_error(archive, tmp_path, scheduler):
    summary = extract_batch([archive], tmp_path / "out", scheduler=scheduler, workers=2, blocksize="1KB",
                            progress=False)
    assert summary.articles == 100 and summary.errors == 40
    assert len(summary.outputs) > 1  # the input was split into several partitions
    rows = [json.loads(line) for p in summary.outputs for line in open(p, encoding="utf-8")]
    by_id = {}
    for r in rows:
        by_id.setdefault(r["id"], []).append(r)
    assert len(by_id["a1"]) == 20 and by_id["a1"][0]["events"][0]["admin1"] == "Dar'a"
    assert by_id["a3"][0]["events"] == []
    assert summary.events == 40


def test_cli_reports_a_missing_input_in_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such file" in result.output

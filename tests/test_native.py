"""The compiled build and the Python source: which one runs, and that both give the same events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.native import choose, module_source, source_hash

ROOT = Path(__file__).resolve().parents[1]


def _package(tmp_path: Path) -> Path:
    """A package root with one module source, as a build would hash it."""
    root = tmp_path / "marsad"
    (root / "text").mkdir(parents=True)
    (root / "text" / "tokens.py").write_text("x = 1\n", encoding="utf-8")
    return root


def _manifest(root: Path, **overrides: object) -> dict:
    manifest = {"cache_tag": sys.implementation.cache_tag,
                "modules": {"marsad.text.tokens": source_hash(root / "text" / "tokens.py")}}
    manifest.update(overrides)
    return manifest


def test_module_source_maps_a_dotted_name_to_its_file(tmp_path):
    assert module_source("marsad.text.tokens", tmp_path) == tmp_path / "text" / "tokens.py"


def test_an_intact_build_runs_compiled(tmp_path):
    root = _package(tmp_path)
    build = choose(_manifest(root), root)
    assert build.kind == "compiled"
    assert build.modules == ("marsad.text.tokens",)


def test_no_manifest_runs_the_source(tmp_path):
    assert choose(None, _package(tmp_path)).kind == "python"


def test_an_edited_source_runs_the_source_and_names_the_module(tmp_path):
    root = _package(tmp_path)
    manifest = _manifest(root)
    (root / "text" / "tokens.py").write_text("x = 2\n", encoding="utf-8")
    build = choose(manifest, root)
    assert build.kind == "python"
    assert "marsad.text.tokens" in build.reason


def test_a_build_for_another_interpreter_runs_the_source(tmp_path):
    root = _package(tmp_path)
    assert choose(_manifest(root, cache_tag="cpython-27"), root).kind == "python"


def test_forcing_pure_python_wins_over_an_intact_build(tmp_path):
    root = _package(tmp_path)
    assert choose(_manifest(root), root, force_pure=True).kind == "python"


def _run_pure(code: str) -> str:
    env = {**os.environ, "MARSAD_PURE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          check=True)
    return done.stdout


def test_marsad_pure_imports_every_module_from_its_source():
    out = _run_pure("import sys, marsad, marsad.text.tokens, marsad.geo.resolve\n"
                    "t, r = sys.modules['marsad.text.tokens'], sys.modules['marsad.geo.resolve']\n"
                    "print(marsad.native.BUILD.kind, t.__file__.endswith('.py'), r.__file__.endswith('.py'))")
    assert out.split() == ["python", "True", "True"]


def test_this_build_and_the_python_source_extract_the_same_events():
    """Whatever build runs the tests (compiled after `pip install`), the Python source agrees with it
    on the articles written for marsad (eval/written.jsonl)."""
    rows = [json.loads(line) for line in (ROOT / "eval" / "written.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    here = [[e.to_dict() for e in marsad.extract(r["text"], published=r.get("published"), article_id=r["id"])]
            for r in rows]
    code = ("import json, sys, marsad\n"
            "rows = [json.loads(l) for l in open('eval/written.jsonl', encoding='utf-8') if l.strip()]\n"
            "out = [[e.to_dict() for e in marsad.extract(r['text'], published=r.get('published'), article_id=r['id'])]"
            " for r in rows]\n"
            "json.dump(out, sys.stdout, ensure_ascii=False)\n")
    pure = json.loads(_run_pure(code))
    assert len(pure) == len(here) == len(rows)
    assert json.loads(json.dumps(here, ensure_ascii=False)) == pure

"""Extraction must not depend on Python's per-process string hashing (set iteration order)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = (
    "import json, marsad, sys\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "print(json.dumps([e.to_dict() for e in marsad.extract(text, published='2025-11-18')], ensure_ascii=False))\n"
)


def _run(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "examples" / "article.txt")], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def test_same_events_whatever_the_hash_seed():
    assert _run("1") == _run("2") == _run("12345")

"""Reading articles from files, folders, stdin and FORMAT.md JSON Lines, with clear errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{path} is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None


def read_jsonl(text: str, source: str) -> Iterator[Article]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{source}:{n}: expected an object with a 'text' string")
        yield Article(str(row.get("id") or f"{Path(source).stem}-{n}"), row["text"], row.get("published"),
                      row.get("url"), row.get("outlet"), row.get("title"))


def read_articles(target: str, published: str | None = None) -> Iterator[Article]:
    """Articles from a path (txt/jsonl file or folder) or '-' for stdin."""
    if target == "-":
        text = sys.stdin.read()
        if text.lstrip().startswith("{"):
            yield from read_jsonl(text, "<stdin>")
        else:
            yield Article("stdin", text, published)
        return
    path = Path(target)
    if not path.exists():
        raise InputError(f"no such file or folder: {target}")
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise InputError(f"no .txt or .jsonl files in {target}")
    for f in files:
        text = _read_text(f)
        if f.suffix == ".jsonl":
            yield from read_jsonl(text, str(f))
        else:
            yield Article(f.stem, text, published)

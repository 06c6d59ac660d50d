"""Turn command-line sources (paths, folders, URLs, ``-``) into a stream of checked articles."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article, Skipped
from marsad.ingest.checks import text_problem
from marsad.ingest.files import read_bytes, read_path, walk

STDIN = "-"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def check_sources(sources: Iterable[str]) -> list[str]:
    """The sources, after checking that each is a URL, ``-`` or an existing path.

    RAISES (InputError): naming the first source that is none of these.
    """
    checked = list(sources)
    if not checked:
        raise InputError("no source given (a file, folder, feed, URL or - for stdin)")
    for source in checked:
        if source != STDIN and not is_url(source) and not Path(source).exists():
            raise InputError(f"no such file or folder: {source}")
    return checked


def iter_articles(sources: Iterable[str], published: str | None = None,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Every item of every source, in order; unusable ones come out as :class:`Skipped`.

    published (str | None): date given to articles whose source has none (plain text, stdin).
    """
    for source in sources:
        for item in _iter_source(source, published, stdin):
            if isinstance(item, Article):
                problem = text_problem(item.text)
                if problem:
                    item = Skipped(item.origin, problem)
            yield item


def _iter_source(source: str, published: str | None, stdin: BinaryIO | None) -> Iterator[Article | Skipped]:
    if source == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_bytes(stream.read(), "<stdin>", published=published)
    elif is_url(source):
        from marsad.ingest.web import read_url

        yield from read_url(source, published=published)
    else:
        path = Path(source)
        if path.is_dir():
            for file in walk(path):
                yield from read_path(file, published)
        elif path.exists():
            yield from read_path(path, published)
        else:
            yield Skipped(source, "no such file or folder")

"""Which extractor ingest runs: the real engine by default, or a named one (``fake``, ``module:function``)."""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path

from marsad.errors import InputError
from marsad.events.model import Event

Extractor = Callable[..., list[Event]]  # (text, published=None, *, article_id=None) -> list[Event]


def default_extractor() -> Extractor:
    import marsad

    return marsad.extract


def load_extractor(spec: str | None) -> Extractor:
    """``None``/``"marsad"``: the engine; ``"fake"``: the fast deterministic stand-in; else ``module:function``.

    RAISES (InputError): when the spec does not name an importable callable.
    """
    if spec in (None, "", "marsad", "default"):
        return default_extractor()
    if spec == "fake":
        from marsad.ingest.fake import fake_extract

        return fake_extract
    module_name, _, func_name = spec.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name or "extract")
    except (ImportError, AttributeError) as exc:
        raise InputError(f"cannot load extractor {spec!r}: {exc}") from None
    if not callable(func):
        raise InputError(f"extractor {spec!r} is not callable")
    return func


# Packages that do not change what the engine extracts (their edits must not trigger re-extraction).
_NOT_ENGINE = ("cli", "store", "ingest", "dedup", "export", "eval", "web", "api", "server")


@functools.cache
def engine_fingerprint() -> str:
    """A short hash of the engine's code and data files (everything in marsad/ but I/O packages)."""
    import marsad

    root = Path(marsad.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or rel.parts[0] in _NOT_ENGINE or "__pycache__" in rel.parts:
            continue
        if path.suffix in (".pyc", ".db"):
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def engine_version(spec: str | None = None) -> str:
    """A string that changes when extraction output may change (stored with each article).

    For the engine: the package version plus a fingerprint of the engine's code and data, so an
    engine upgrade re-extracts stored articles; for another extractor, its ``spec``.
    """
    if spec in (None, "", "marsad", "default"):
        import marsad

        return f"marsad-{marsad.__version__}+{engine_fingerprint()}"
    return spec


def extractor_name(func: Extractor) -> str | None:
    """``None`` for the engine itself, else ``module:function`` (its engine version)."""
    import marsad

    if func is marsad.extract:
        return None
    return f"{getattr(func, '__module__', '?')}:{getattr(func, '__qualname__', repr(func))}"

"""Which extractor ingest runs: the real engine by default, or a named one (``fake``, ``module:function``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

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


def engine_version(spec: str | None = None) -> str:
    """A string that changes when extraction output may change (stored with each article)."""
    if spec in (None, "", "marsad", "default"):
        import marsad
        import marsad.pipeline as pipeline

        return str(getattr(pipeline, "ENGINE_VERSION", None) or f"marsad-{marsad.__version__}")
    return spec


def extractor_name(func: Extractor) -> str | None:
    """``None`` for the engine itself, else ``module:function`` (its engine version)."""
    import marsad

    if func is marsad.extract:
        return None
    return f"{getattr(func, '__module__', '?')}:{getattr(func, '__qualname__', repr(func))}"

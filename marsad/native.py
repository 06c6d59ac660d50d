"""Chooses between the compiled build of the engine's hot modules and their Python source.

``pip install`` compiles the modules that do most of the extraction work with mypyc (see
``setup.py``), which makes the engine about 1.7 times faster. The build writes a manifest,
``_compiled.json``, next to this file: the interpreter it was built for and a hash of each compiled
module's source. The compiled modules are used only while that manifest holds; otherwise every
``marsad.*`` module is imported from its ``.py`` source, so

- an edit to a compiled module's source takes effect at once (a warning asks to rebuild), instead
  of the stale compiled copy silently running;
- a failed or partial build, or another interpreter, runs the source;
- ``MARSAD_PURE=1`` forces the source (to compare the two, or to debug with a Python debugger).

The compiled and the Python modules give the same events; ``tests/test_native.py`` checks it.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import json
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

MANIFEST = Path(__file__).with_name("_compiled.json")
_PACKAGE_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Build:
    """Which build this process runs: ``compiled`` or ``python``, and why."""

    kind: str
    reason: str
    modules: tuple[str, ...] = ()


def source_hash(path: Path) -> str:
    """The hash the manifest records for a module's source file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def module_source(module: str, root: Path = _PACKAGE_ROOT) -> Path:
    """The ``.py`` file of a ``marsad.*`` module name."""
    parts = module.split(".")
    return root.joinpath(*parts[1:]).with_suffix(".py")


def choose(manifest: dict[str, Any] | None, root: Path = _PACKAGE_ROOT, *, force_pure: bool = False) -> Build:
    """Decide from a build manifest (None when there is none) which build to run."""
    if force_pure:
        return Build("python", "MARSAD_PURE=1")
    if manifest is None:
        return Build("python", "not compiled (no build manifest)")
    if manifest.get("cache_tag") != sys.implementation.cache_tag:
        return Build("python", f"compiled for {manifest.get('cache_tag')}, running {sys.implementation.cache_tag}")
    modules = manifest.get("modules") or {}
    changed = []
    for module, digest in sorted(modules.items()):
        source = module_source(module, root)
        if not source.is_file() or source_hash(source) != digest:
            changed.append(module)
    if changed:
        return Build("python", "source changed since the build: " + ", ".join(changed), tuple(modules))
    return Build("compiled", f"{len(modules)} modules compiled with mypyc", tuple(modules))


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Imports ``marsad.*`` modules from their ``.py`` files even where a compiled one sits beside it."""

    def find_spec(self, name: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if not name.startswith("marsad.") or not path:
            return None
        leaf = name.rpartition(".")[2]
        for entry in path:
            source = os.path.join(entry, leaf + ".py")
            if os.path.isfile(source):
                return importlib.util.spec_from_file_location(name, source)
        return None  # a package or a data path: the usual finders take it


def _read_manifest() -> dict[str, Any] | None:
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _install() -> Build:
    chosen = choose(_read_manifest(), force_pure=os.environ.get("MARSAD_PURE", "") not in ("", "0"))
    if chosen.kind == "python":
        sys.meta_path.insert(0, _SourceFirst())
        if chosen.reason.startswith("source changed"):
            warnings.warn(f"marsad runs its Python source, slower than the compiled build: {chosen.reason}. "
                          "Run `pip install -e .` again to recompile (or set MARSAD_PURE=1 to silence this).",
                          RuntimeWarning, stacklevel=3)
    return chosen


#: the build this process runs (decided once, when marsad is first imported)
BUILD = _install()

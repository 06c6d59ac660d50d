"""Build step: compile the extraction engine's hot modules with mypyc (project metadata: pyproject.toml).

``pip install .`` and ``pip install -e .`` compile the modules in ``COMPILED`` to C extensions
(about 1.7 times faster extraction; a few minutes of build). ``MARSAD_COMPILE=0`` skips it, and
a machine without a C compiler gets the pure-Python package: the extensions are optional. After a
complete build a manifest (``marsad/_compiled.json``) records each compiled module's source hash;
``marsad.native`` uses the compiled modules only while their sources are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent

#: the modules that do the per-article work (text layer, recognisers, resolver, assembly)
COMPILED = [
    "marsad/doc.py",
    "marsad/lexicon.py",
    "marsad/pipeline.py",
    "marsad/text/dates.py",
    "marsad/text/matcher.py",
    "marsad/text/memo.py",
    "marsad/text/normalize.py",
    "marsad/text/numbers.py",
    "marsad/text/sentences.py",
    "marsad/text/tokens.py",
    "marsad/recognisers/actors.py",
    "marsad/recognisers/casualties.py",
    "marsad/recognisers/triggers.py",
    "marsad/geo/gazetteer.py",
    "marsad/geo/resolve.py",
    "marsad/geo/variants.py",
    "marsad/events/assemble.py",
    "marsad/events/incidents.py",
    "marsad/events/notes.py",
    "marsad/events/places.py",
    "marsad/events/roles.py",
    "marsad/events/timing.py",
]

# setup.py is also evaluated only to read metadata; type-checking and compiling is for builds.
_BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _extensions() -> list:
    if os.environ.get("MARSAD_COMPILE", "1") == "0" or not _BUILDS.intersection(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("marsad: mypyc is not available, installing the pure-Python engine", file=sys.stderr)
        return []
    # Modules outside COMPILED are only read for their types: their type errors are not this build's.
    options = ["--ignore-missing-imports", "--follow-imports=silent"]
    try:
        extensions = mypycify([*options, *COMPILED], opt_level="3", group_name="marsad")
    except (SystemExit, Exception) as exc:  # mypyc exits on a type error in a compiled module
        print(f"marsad: mypyc cannot compile the engine ({exc!r}; type errors are listed above), "
              "installing the pure-Python engine", file=sys.stderr)
        return []
    for ext in extensions:
        ext.optional = True  # no C compiler: the pure-Python package still installs
    return extensions


class BuildExtWithManifest(build_ext):
    """build_ext that writes the manifest when every compiled module was built, and removes a partial build."""

    def run(self) -> None:
        super().run()
        if not self.extensions:
            return
        outputs = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        package_dir = Path(self.get_ext_fullpath("marsad.native")).parent
        manifest = package_dir / "_compiled.json"
        if not all(p.is_file() for p in outputs):
            for p in outputs:
                p.unlink(missing_ok=True)
            manifest.unlink(missing_ok=True)
            print("marsad: the compiled build failed, installing the pure-Python engine", file=sys.stderr)
            return
        modules = {_module_name(p): hashlib.sha256((ROOT / p).read_bytes()).hexdigest() for p in COMPILED}
        manifest.write_text(json.dumps({"cache_tag": sys.implementation.cache_tag, "modules": modules},
                                       indent=1, sort_keys=True) + "\n", encoding="utf-8")


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExtWithManifest})

"""The compiled build of the extraction and events modules, when there is an
up-to-date one.

The modules of ``strikewatch.extract`` and ``strikewatch.events`` are plain, fully typed
Python. ``scripts/build_native.py`` (run by ``make``) compiles them with mypyc into
``strikewatch/_compiled/``; the same code then runs faster (docs/benchmarks.md). The
Python sources stay the truth:

- the build is used only when its manifest records the digest of the current sources
  (and of this module, which fixes the build's layout) and of the running interpreter,
  so an edited module is never shadowed by a stale build;
- ``STRIKEWATCH_PURE=1`` in the environment forces the Python sources;
- with no build (no C compiler, a plain ``pip install``) the Python sources run, with
  identical results (tests/test_native.py compares the two).

This module and the packages' ``__init__`` modules are never compiled: they decide
which build loads.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent  # the strikewatch package
PACKAGES = ("extract", "events")
COMPILED_DIR = ROOT / "_compiled"  # modules/PACKAGE/: one per source; lib/: their shared library
MANIFEST = "manifest.json"


def sources(root: Path = ROOT) -> list[Path]:
    """The modules that are compiled: every module of :data:`PACKAGES` but ``__init__``."""
    return [p for package in PACKAGES for p in sorted((root / package).glob("*.py")) if p.name != "__init__.py"]


def digest(root: Path = ROOT) -> str:
    """One hash of the compiled sources, of this module (it fixes the build's layout)
    and of the interpreter that can load them."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for path in [*sources(root), Path(__file__)]:
        h.update(path.relative_to(path.parents[1]).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def state(root: Path = ROOT, compiled_dir: Path = COMPILED_DIR) -> str:
    """"compiled" when the build in ``compiled_dir`` matches the sources, else why the
    Python sources run ("pure: ...")."""
    if os.environ.get("STRIKEWATCH_PURE", "") not in ("", "0"):
        return "pure: STRIKEWATCH_PURE is set"
    try:
        manifest = json.loads((compiled_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "pure: not compiled (run `make native`)"
    if not manifest.get("built"):
        return f"pure: the compiled build failed ({manifest.get('reason', 'no reason recorded')})"
    if manifest.get("digest") != digest(root):
        return "pure: the compiled build is out of date (run `make native`)"
    return "compiled"


@lru_cache(maxsize=1)
def _state_here() -> str:
    """:func:`state` of this installation, worked out once per process (it hashes
    every compiled source) for all the packages that ask."""
    return state()


def activate(package: str, package_path: list[str]) -> str:
    """Put the compiled modules of ``package`` (one of :data:`PACKAGES`) ahead of its
    sources on its search path when they are up to date. Returns the state (see
    :func:`state`).

    Each compiled module imports one shared library by its top-level name; it is loaded
    here from its file rather than by adding a folder to ``sys.path``: worker processes
    start from the parent's ``sys.path``, where any folder holding a ``strikewatch``
    directory could shadow the package."""
    current = _state_here()
    if current == "compiled":
        for lib in sorted((COMPILED_DIR / "lib").glob("*__mypyc*")):
            name = lib.name.split(".", 1)[0]
            if name not in sys.modules:
                spec = importlib.util.spec_from_file_location(name, lib)
                assert spec is not None and spec.loader is not None
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                sys.modules[name] = module
        package_path.insert(0, str(COMPILED_DIR / "modules" / package))
    elif "out of date" in current:
        log.warning("strikewatch.%s: %s; using the Python sources", package, current[len("pure: "):])
    return current

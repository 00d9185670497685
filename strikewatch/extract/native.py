"""The compiled build of the extraction modules, when there is an up-to-date one.

The extraction modules are plain, fully typed Python. ``scripts/build_native.py``
(run by ``make``) compiles them with mypyc into ``_compiled/``; the same code then runs
about three times faster (docs/benchmarks.md). The Python sources stay the truth:

- the build is used only when its manifest records the digest of the current sources
  and the running interpreter, so an edited module is never shadowed by a stale build;
- ``STRIKEWATCH_PURE=1`` in the environment forces the Python sources;
- with no build (no C compiler, a plain ``pip install``) the Python sources run, with
  identical results (tests/extract/test_native.py compares the two).

This module and the package ``__init__`` are never compiled: they decide which build
loads.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
COMPILED_DIR = PACKAGE_DIR / "_compiled"  # modules/: one per source; lib/: their shared library
MANIFEST = "manifest.json"
_NOT_COMPILED = {"__init__.py", "native.py"}


def sources(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The modules that are compiled: every module of the package but this one and
    ``__init__``."""
    return sorted(p for p in package_dir.glob("*.py") if p.name not in _NOT_COMPILED)


def digest(package_dir: Path = PACKAGE_DIR) -> str:
    """One hash of the compiled sources, of this module (it fixes the build's layout)
    and of the interpreter that can load them."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for path in [*sources(package_dir), Path(__file__)]:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def state(package_dir: Path = PACKAGE_DIR, compiled_dir: Path = COMPILED_DIR) -> str:
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
    if manifest.get("digest") != digest(package_dir):
        return "pure: the compiled build is out of date (run `make native`)"
    return "compiled"


def activate(package_path: list[str]) -> str:
    """Put the compiled modules ahead of the sources on the package's search path when
    they are up to date. Returns the state (see :func:`state`).

    Each compiled module imports one shared library by its top-level name; it is loaded
    here from its file rather than by adding a folder to ``sys.path``: worker processes
    start from the parent's ``sys.path``, where any folder holding a ``strikewatch``
    directory could shadow the package."""
    current = state()
    if current == "compiled":
        for lib in sorted((COMPILED_DIR / "lib").glob("*__mypyc*")):
            name = lib.name.split(".", 1)[0]
            if name not in sys.modules:
                spec = importlib.util.spec_from_file_location(name, lib)
                assert spec is not None and spec.loader is not None
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                sys.modules[name] = module
        package_path.insert(0, str(COMPILED_DIR / "modules"))
    elif "out of date" in current:
        log.warning("strikewatch extraction: %s; using the Python sources", current[len("pure: "):])
    return current

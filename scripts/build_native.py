"""Compile the extraction and events modules with mypyc into strikewatch/_compiled/.

    python scripts/build_native.py          (run by `make native`, `make test`, ...)

Needs the `native` extra (mypy, which ships mypyc, and setuptools) and a C compiler.
Without them it records why in the manifest and exits 0: the Python sources then run,
with the same results, slower. See strikewatch/native.py for how a build is chosen at
import.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from strikewatch.native import COMPILED_DIR, MANIFEST, PACKAGES, digest, sources  # noqa: E402


def compile_into(out: Path, work: Path) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    paths = [str(p.relative_to(ROOT)) for p in sources()]
    extensions = mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *paths],
        opt_level="3", multi_file=True, target_dir=str(work / "c"),
    )
    os.chdir(work)  # away from pyproject.toml, which setup() would otherwise read
    try:
        setup(name="strikewatch-native", ext_modules=extensions, script_name="build_native.py",
              script_args=["-q", "build_ext", "--build-lib", str(out), "--build-temp", str(work / "obj")])
    finally:
        os.chdir(ROOT)


def main() -> int:
    os.chdir(ROOT)  # mypyc names the modules from paths relative to the project
    wanted = digest()
    started = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix="compiled-", dir=COMPILED_DIR.parent))
    manifest: dict[str, object] = {"digest": wanted, "python": sys.implementation.cache_tag}
    try:
        with tempfile.TemporaryDirectory() as work:
            compile_into(staging, Path(work))
        manifest["built"] = True
    except ImportError as err:
        manifest.update(built=False, reason=f"mypyc is not installed ({err.name}); pip install 'strikewatch[native]'")
    except (Exception, SystemExit) as err:  # no C compiler, a type error mypyc refuses, ...
        manifest.update(built=False, reason=f"{type(err).__name__}: {err}".strip()[:300])
    manifest["seconds"] = round(time.perf_counter() - started, 1)
    if manifest["built"]:  # modules/PACKAGE/: the packages' compiled modules; lib/: their shared library
        (staging / "modules").mkdir()
        for package in PACKAGES:
            (staging / "strikewatch" / package).rename(staging / "modules" / package)
        (staging / "lib").mkdir()
        for lib in staging.glob("*__mypyc*"):
            lib.rename(staging / "lib" / lib.name)
        shutil.rmtree(staging / "strikewatch")
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(COMPILED_DIR, ignore_errors=True)
    staging.rename(COMPILED_DIR)
    if manifest["built"]:
        print(f"compiled {len(sources())} modules of strikewatch.{{{','.join(PACKAGES)}}} with mypyc "
              f"in {manifest['seconds']} s")
    else:
        print(f"extraction and grouping run as pure Python: {manifest['reason']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

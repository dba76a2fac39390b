"""spaCy components that extract papers' methods, datasets, benchmarks and their relations.

The modules that run once per abstract are compiled with Cython when the package is installed
(see ``setup.py``). A compiled module stands beside its source and Python would import it first,
so an edited source would silently lose to a stale build: here, before any of them is imported,
each compiled module whose source no longer has the digest recorded at its build is set to load
from its source instead, with a warning. ``KG_PURE_PYTHON=1`` loads every one from source (for a
profiler, a debugger, or to compare the two).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

RECORD = "compiled.json"  # written by setup.py's build


def compiled_modules(folder: Path) -> set[str]:
    """Names of the modules in ``folder`` that have a compiled build beside their source."""
    return {
        path.name[: -len(suffix)]
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        for path in folder.glob(f"*{suffix}")
        if path.with_name(path.name[: -len(suffix)] + ".py").exists()
    }


def stale_compiled_modules(folder: Path, *, pure_python: bool = False) -> set[str]:
    """The compiled modules of ``folder`` not to use: those whose source differs from what they
    were compiled from (or with no record of it), or all of them when ``pure_python``."""
    compiled = compiled_modules(folder)
    if pure_python or not compiled:
        return compiled
    try:
        record = json.loads((folder / RECORD).read_text())
    except (OSError, ValueError):
        record = {}
    return {
        name for name in compiled
        if record.get(name) != hashlib.sha256((folder / f"{name}.py").read_bytes()).hexdigest()
    }


def compiled_in_use(folder: Path = Path(__file__).parent) -> set[str]:
    """The modules of ``folder`` that import as their compiled build (none with ``KG_PURE_PYTHON``)."""
    return compiled_modules(folder) - stale_compiled_modules(folder, pure_python=_pure_python())


def _pure_python() -> bool:
    return bool(os.environ.get("KG_PURE_PYTHON"))


class SourceFirst(importlib.abc.MetaPathFinder):
    """Imports the named modules of a package from their ``.py`` source, compiled build or not."""

    def __init__(self, package: str, folder: Path, names: set[str]) -> None:
        self.package, self.folder, self.names = package, folder, frozenset(names)

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != self.package or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")


def _use_sources_of_stale_builds() -> None:
    folder = Path(__file__).parent
    pure_python = _pure_python()
    stale = stale_compiled_modules(folder, pure_python=pure_python)
    if not stale:
        return
    sys.meta_path.insert(0, SourceFirst(__name__, folder, stale))
    if not pure_python:
        warnings.warn(
            f"extractors: {', '.join(sorted(stale))} changed since compiled; running as Python "
            "until the next install (scripts/setup) compiles them again",
            RuntimeWarning, stacklevel=2,
        )


_use_sources_of_stale_builds()

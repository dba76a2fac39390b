"""The extraction modules that run once per abstract are compiled with Cython when the package is
installed (``pip install -e .``, ``scripts/setup``), as plain Python: no type declarations, the
same source, the same output, about a sixth less time an abstract. The project's metadata is in
``pyproject.toml``; this file only adds the compiled modules.

Nothing depends on the compilation: without Cython or a C compiler, or with ``KG_PURE_PYTHON=1``
set while installing, the modules stay Python. Beside the compiled modules the build records the
digest of the source each was compiled from, and ``extractors/__init__.py`` uses a compiled
module only while its source is unchanged (an edited module runs as Python until the next install).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# What runs per abstract; the others (training, rendering, the statistical NER's wrapper) gain nothing.
COMPILED = (
    "abbreviations", "candidates", "cleanup", "entity_typer", "gazetteer", "patterns", "pipeline",
    "relations", "results", "text", "tokenizer", "vocabulary",
)
RECORD = "compiled.json"  # read by extractors/__init__.py


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class BuildAndRecord(build_ext):
    """``build_ext`` that writes, beside the modules it built, the digest of each one's source."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:  # (pip's editable install resets options given to setup())
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        super().run()
        record: dict[str, dict[str, str]] = {}
        for ext in self.extensions:
            built, generated = Path(self.get_ext_fullpath(ext.name)), Path(ext.sources[0])
            # An optional module that failed to build is absent, or an older build is left in
            # place (older than the C just generated): either way unrecorded, so not used.
            if built.exists() and built.stat().st_mtime >= generated.stat().st_mtime:
                record.setdefault(str(built.parent), {})[ext.name.rpartition(".")[2]] = source_digest(generated.with_suffix(".py"))
        for folder, digests in record.items():
            (Path(folder) / RECORD).write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")


def compiled_extensions() -> list:
    if os.environ.get("KG_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    # -O1: what the modules do is calls into CPython and regex; -O3 ran no faster and compiled 3x slower.
    flags = ["-O1"] if os.name == "posix" else []
    modules = [
        Extension(f"extractors.{name}", [f"extractors/{name}.py"], extra_compile_args=flags)
        for name in COMPILED
    ]
    compiled = cythonize(
        modules,
        # Annotations stay documentation: typed as C, a `float` parameter would turn ints into floats.
        compiler_directives={"language_level": 3, "annotation_typing": False, "binding": True},
        nthreads=os.cpu_count() or 1,
        quiet=True,
    )
    for ext in compiled:  # (cythonize makes new Extensions and drops `optional`)
        ext.optional = True
    return compiled


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildAndRecord})

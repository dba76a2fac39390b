"""pytest collects the doctests of ``kg/`` and ``extractors/`` with ``--doctest-modules``. For a
compiled extraction module it would import the build for the ``.py`` and stop at the mismatch of
the two files, so the doctests of the modules in use as compiled run on their source in a process
of their own instead (tests/unit/test_compiled.py)."""

import extractors

collect_ignore = [f"extractors/{name}.py" for name in sorted(extractors.compiled_in_use())]

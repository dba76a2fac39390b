"""Knowledge graph of ML papers, methods, datasets and benchmarks.

The public API: ``kg.build.build`` (the main job), ``kg.readers`` (listings to Papers),
``kg.model`` (the typed graph), ``kg.mirror`` (NetworkX), ``kg.loader`` (Neo4j),
``kg.queries`` (named Cypher), ``kg.analysis`` (graph analysis).
"""

import os

__version__ = "0.1.0"

# Arrow's own allocator (mimalloc in the pyarrow wheels) keeps the memory Arrow frees for Arrow
# alone, so the Python objects a build makes next cannot reuse it: the staging process of a
# 100,000-paper build peaked at 1,165 MiB with it and at 990 MiB with the system allocator while
# it computed the derived tables (one run each). Read by pyarrow when it first allocates; a
# user's own choice is kept.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

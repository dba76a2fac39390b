"""Knowledge graph of ML papers, methods, datasets and benchmarks.

The public API: ``kg.build.build`` (the main job), ``kg.readers`` (listings to Papers),
``kg.model`` (the typed graph), ``kg.mirror`` (NetworkX), ``kg.loader`` (Neo4j),
``kg.queries`` (named Cypher), ``kg.analysis`` (graph analysis).
"""

__version__ = "0.1.0"

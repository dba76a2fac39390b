"""The NetworkX mirror, built from the graph folder's store: see :mod:`kg.store.mirror`.

Kept as the import path of earlier versions (``from kg.mirror import load_mirror``).
"""

from kg.store.mirror import (  # noqa: F401
    export_csv, export_graphml, export_node_link, from_networkx, graph_counts, load_mirror, mirror_of_store, to_networkx,
)

__all__ = ["load_mirror", "mirror_of_store", "to_networkx", "from_networkx", "export_node_link", "export_graphml",
           "export_csv", "graph_counts"]

"""Graph folders of earlier versions held a node-link ``graph.json`` (format 1); this version keeps
a LadybugDB store. :func:`migrate` converts one folder in place; :func:`describe_old_format` is the
one-line message a command gives when it meets an unconverted folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Union

import networkx as nx

from kg.errors import InputError

__all__ = ["OLD_MIRROR_FILE", "describe_old_format", "migrate"]

OLD_MIRROR_FILE = "graph.json"


def describe_old_format(folder: Union[str, Path]) -> Optional[str]:
    """A message saying how to convert ``folder`` when it holds a graph of the earlier format."""
    folder = Path(folder)
    if (folder / OLD_MIRROR_FILE).is_file():
        return (f"{folder} holds a graph in the format of an earlier version ({OLD_MIRROR_FILE}); "
                f"convert it with `kg migrate --data {folder}`")
    return None


def migrate(folder: Union[str, Path]) -> Path:
    """Convert the ``graph.json`` of ``folder`` into the store; the old file is kept beside it as
    ``graph.json.migrated``. Returns the store's path."""
    from kg.store import store_exists, write_graph
    from kg.store.mirror import from_networkx

    folder = Path(folder)
    old = folder / OLD_MIRROR_FILE
    if not old.is_file():
        if store_exists(folder):
            raise InputError(f"{folder}: already in the current format; nothing to migrate")
        raise InputError(f"{folder}: no {OLD_MIRROR_FILE} to migrate")
    if store_exists(folder):  # a graph built since: the old file must not replace it
        raise InputError(f"{folder} holds both a current graph and an old {OLD_MIRROR_FILE}; the current graph is "
                         f"kept: remove or rename {old} if it is not needed")
    try:
        data = json.loads(old.read_text(encoding="utf-8"))
        G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        graph = from_networkx(G)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{old}: cannot read the old graph: {str(exc).splitlines()[0]}") from None
    path = write_graph(graph, folder, manifest={"migrated_from": OLD_MIRROR_FILE})
    old.replace(folder / (OLD_MIRROR_FILE + ".migrated"))
    return path

"""Graph analysis: plain functions over the NetworkX mirror (:mod:`kg.analysis.graphs`) and
leaderboards from results (:mod:`kg.analysis.leaderboard`)."""

from kg.analysis.graphs import *  # noqa: F401,F403
from kg.analysis.graphs import __all__ as _graphs
from kg.analysis.leaderboard import *  # noqa: F401,F403
from kg.analysis.leaderboard import __all__ as _leaderboards

__all__ = [*_graphs, *_leaderboards]

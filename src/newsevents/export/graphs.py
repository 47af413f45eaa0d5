"""The actor network as a graph: networkx, GEXF and GraphML."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def to_networkx(network: dict[str, list[dict[str, Any]]]):
    """A networkx DiGraph of a query-layer network: nodes with label and event counts, edges
    with events, score_sum, score_mean, cooperation and conflict (missing scores as 0.0)."""
    import networkx as nx
    graph = nx.DiGraph()
    for node in network["nodes"]:
        graph.add_node(str(node["id"]), label=str(node["label"]), events=int(node["events"]),
                       as_actor=int(node["as_actor"]), as_recipient=int(node["as_recipient"]))
    for edge in network["edges"]:
        graph.add_edge(str(edge["source"]), str(edge["target"]), weight=int(edge["events"]),
                       events=int(edge["events"]),
                       score_sum=float(edge["score_sum"] or 0.0),
                       score_mean=float(edge["score_mean"] or 0.0),
                       cooperation=int(edge["cooperation"]), conflict=int(edge["conflict"]))
    return graph


def write_gexf(network: dict[str, list[dict[str, Any]]], out: Path) -> None:
    import networkx as nx
    nx.write_gexf(to_networkx(network), out)


def write_graphml(network: dict[str, list[dict[str, Any]]], out: Path) -> None:
    import networkx as nx
    nx.write_graphml(to_networkx(network), out)

#!/usr/bin/env python3
"""The baseline `faultline impact` is measured against (issue #2, item 10).

Loads an interchange map with json + NetworkX, builds a DiGraph whose edges point the way a
failure spreads (dependency `to` -> `from`, `parent` -> child) and prints how many components
are reachable from the given one, itself included: bare reachability, none of the impact rules.

    reachability_networkx.py MAP.json COMPONENT_ID

Exit codes: 0 success, 1 bad input, 2 usage or NetworkX missing.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import networkx as nx
    except ImportError:
        print("reachability_networkx.py: NetworkX is not installed "
              "(apt-get install python3-networkx, or pip install networkx)", file=sys.stderr)
        return 2
    path, start = argv[1], argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"reachability_networkx.py: {path}: {e}", file=sys.stderr)
        return 1

    graph = nx.DiGraph()
    for c in doc.get("components", []):
        graph.add_node(c["id"])
        if c.get("parent"):
            graph.add_edge(c["parent"], c["id"])
    for d in doc.get("dependencies", []):
        graph.add_edge(d["to"], d["from"])
    if start not in graph:
        print(f"reachability_networkx.py: {path}: no component \"{start}\"", file=sys.stderr)
        return 1
    print(len(nx.descendants(graph, start)) + 1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Files users rely on but no code imports: keep them consistent with the code."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_compose_and_maven_pin_the_same_neo4j_version():
    compose = (ROOT / "docker-compose.yml").read_text()
    pom = (ROOT / "scripts" / "neo4j" / "pom.xml").read_text()
    image = re.search(r"image:\s*neo4j:(\d+\.\d+\.\d+)-community", compose).group(1)
    maven = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom).group(1)
    assert image == maven


def test_compose_binds_loopback_and_takes_auth_from_the_environment():
    compose = (ROOT / "docker-compose.yml").read_text()
    assert '"127.0.0.1:7687:7687"' in compose and '"127.0.0.1:7474:7474"' in compose
    assert "NEO4J_AUTH: neo4j/${NEO4J_PASSWORD" in compose
    assert "healthcheck:" in compose and "volumes:" in compose


def test_grass_style_covers_every_label_the_loader_writes_in_the_right_order():
    """Neo4j Browser merges the rules matching a node's labels in file order, and appends a rule of
    its own for a label the file lacks: an Entity rule appended after node.Method would paint every
    method in Entity's colour. So every label the loader writes has a rule, Entity's first."""
    import re

    from kg.model import NodeLabel

    grass = (ROOT / "cypher" / "browser-style.grass").read_text()
    rules = re.findall(r"^(node|relationship)(?:\.(\w+))? \{(.*?)^\}", grass, flags=re.S | re.M)
    order = [label for kind, label, _ in rules if kind == "node" and label]
    written = set(re.findall(r"MERGE \(n:(\w+)", (ROOT / "cypher" / "write.cypher").read_text()))
    kinds = {label.value for label in NodeLabel}  # the second label of every Entity (SET n:$(row.label))
    assert written | kinds <= set(order), sorted((written | kinds) - set(order))
    assert all(order.index("Entity") < order.index(kind) for kind in kinds)
    colours = {label: re.search(r"color: (#[0-9A-F]{6});", body).group(1) for kind, label, body in rules
               if kind == "node" and label in kinds}
    assert len(set(colours.values())) == len(kinds)  # each kind its own colour
    assert "color:" not in dict((label, body) for kind, label, body in rules if label)["Entity"]
    types = set(re.findall(r"MERGE \(a\)-\[r:(\w+)", (ROOT / "cypher" / "write.cypher").read_text()))
    styled = {label for kind, label, _ in rules if kind == "relationship" and label}
    assert {"OUTPERFORMS", "PROPOSES", "EVALUATED_ON", "WROTE", "REPORTS", "ON_BENCHMARK"} <= styled <= types

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


def test_grass_style_covers_every_node_label():
    from kg.model import NodeLabel

    grass = (ROOT / "cypher" / "browser-style.grass").read_text()
    for label in [*(label.value for label in NodeLabel), "Result", "Author"]:
        assert f"node.{label} {{" in grass

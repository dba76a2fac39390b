"""Neo4j connection settings: flags first, then NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD /
NEO4J_DATABASE from the environment. Nothing secret is ever written to disk."""

from __future__ import annotations

import os
from typing import Optional

from pydantic import BaseModel, ConfigDict, SecretStr

from kg.errors import Neo4jConnectionError

__all__ = ["Neo4jSettings", "check_uri"]

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _without_userinfo(uri: str) -> str:
    scheme, sep, rest = uri.partition("://")
    return f"{scheme}://{rest.rsplit('@', 1)[-1]}" if sep else uri.rsplit("@", 1)[-1]


def check_uri(uri: str) -> None:
    """Refuse, in one line that never shows a password, a URI the driver cannot use.

    >>> check_uri("neo4j+s://db.example:7687")
    >>> check_uri("http://localhost:7474")
    Traceback (most recent call last):
    kg.errors.Neo4jConnectionError: invalid Neo4j URI 'http://localhost:7474': the scheme must be one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc (7687 is Bolt's port; 7474 is the Browser's)
    """
    from urllib.parse import urlsplit

    scheme, sep, rest = uri.partition("://")
    shown = _without_userinfo(uri)
    if not sep or scheme.lower() not in SCHEMES:
        raise Neo4jConnectionError(f"invalid Neo4j URI {shown!r}: the scheme must be one of {', '.join(SCHEMES)} "
                                   "(7687 is Bolt's port; 7474 is the Browser's)")
    if "@" in rest.split("/", 1)[0]:
        raise Neo4jConnectionError(f"invalid Neo4j URI {shown!r}: give the user and password with --user/--password "
                                   "or NEO4J_USER/NEO4J_PASSWORD, not in the URI")
    try:
        port = urlsplit(uri).port
    except ValueError:
        port = -1
    if port == -1 or not urlsplit(uri).hostname:
        raise Neo4jConnectionError(f"invalid Neo4j URI {shown!r}: expected {scheme}://HOST or {scheme}://HOST:PORT "
                                   "with a port from 1 to 65535")


class Neo4jSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    uri: str
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"

    @property
    def display_uri(self) -> str:
        """The URI as it may be printed: without any user name or password written into it.

        >>> Neo4jSettings(uri="bolt://neo4j:secret@db.example:7687").display_uri
        'bolt://db.example:7687'
        """
        return _without_userinfo(self.uri)

    @classmethod
    def resolve(
        cls,
        *,
        uri: Optional[str] = None,
        user: Optional[str] = None,
        password: Optional[str] = None,
        database: Optional[str] = None,
        required: bool = True,
    ) -> Optional["Neo4jSettings"]:
        """Settings from arguments, falling back to the environment; None when no URI is
        configured and ``required`` is false (the embedded mirror is used then)."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            if required:
                raise Neo4jConnectionError("no Neo4j configured: pass --neo4j bolt://HOST:7687 or set NEO4J_URI")
            return None
        check_uri(uri)
        return cls(
            uri=uri,
            user=user or os.environ.get("NEO4J_USER") or "neo4j",
            password=SecretStr(password if password is not None else os.environ.get("NEO4J_PASSWORD", "")),
            database=database or os.environ.get("NEO4J_DATABASE") or "neo4j",
        )

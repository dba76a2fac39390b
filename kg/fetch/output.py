"""A JSON Lines output that a fetch can be resumed into: records are appended a unit (a day, a
page) at a time, each unit in one write made durable before the next request, and a re-run
skips the ids already written. A line cut short by a kill is dropped on reopening, so an
interrupted and re-run fetch ends with exactly the records of an uninterrupted one."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Union

__all__ = ["ResumableJsonl"]


class ResumableJsonl:
    def __init__(self, path: Union[str, Path]):
        self.path = Path(path)
        self.ids: set[str] = set()
        self.written = 0  # records written by this run
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            data = self.path.read_bytes()
            complete = data[: data.rfind(b"\n") + 1]
            if len(complete) != len(data):
                with self.path.open("r+b") as handle:  # the tail of a line a kill cut short
                    handle.truncate(len(complete))
            for line in complete.decode("utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and record.get("id"):
                    self.ids.add(str(record["id"]))
        self._handle = self.path.open("a", encoding="utf-8")

    def add(self, records: Iterable[dict]) -> int:
        """Append the records whose id is new; returns how many were written."""
        lines = []
        for record in records:
            if record["id"] in self.ids:
                continue
            self.ids.add(record["id"])
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        if lines:
            self._handle.write("".join(lines))
            self._handle.flush()
            os.fsync(self._handle.fileno())
        self.written += len(lines)
        return len(lines)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> "ResumableJsonl":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

"""Reading the data tables shipped in ``cablelib/data``.

Tables are plain text: ``#`` starts a comment line, blank lines are skipped.  Each
table is read once per process.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["lines", "mapping"]


def _text(name: str) -> str:
    return (resources.files("cablelib") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a table, stripped."""
    out = []
    for raw in _text(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@functools.cache
def mapping(name: str) -> dict[str, str]:
    """A CSV table (``#`` comments allowed): first column to second column."""
    rows = csv.reader(line for line in _text(name).splitlines() if not line.startswith("#"))
    return {row[0].strip(): row[1].strip() for row in rows if row[1:] and row[0].strip()}

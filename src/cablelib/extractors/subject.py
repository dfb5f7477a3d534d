"""Built-in extractors (being written)."""

from __future__ import annotations

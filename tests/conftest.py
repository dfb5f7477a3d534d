"""Shared pytest configuration: Hypothesis profiles and the corpus fixture.

Pick a Hypothesis profile with the ``HYPOTHESIS_PROFILE`` environment variable:

* ``dev`` (default): 50 examples, no deadline, for quick local runs;
* ``ci``: 200 examples, derandomized so that a CI failure reproduces, and the failing blob
  printed;
* ``fuzz``: 5,000 examples, for a long hunt on purpose.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from _corpus import all_corpus_files

if TYPE_CHECKING:
    from pathlib import Path

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """Every cable file in the vendored corpus, plus the shared corpus when it is next to us."""
    return all_corpus_files()

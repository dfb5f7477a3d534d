"""The built-in extractors never fail, whatever the text: every value comes back JSON-ready.

A corpus run calls ``extract`` on a quarter of a million cables; one exception from a
built-in extractor would stop it (or, with ``errors="collect"``, lose a field).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import cablelib
from cablelib.strategies import cables
from test_properties import _FRAGMENTS


def _extract_cleanly(cable: cablelib.Cable) -> dict[str, Any]:
    facts = cablelib.extract(cable, errors="collect", provenance=True)
    assert facts["errors"] == []
    json.dumps(facts)  # JSON-ready: no datetimes, tuples are fine, nothing else
    text = cable.text
    for spans in facts["provenance"].values():
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
    return facts


@given(st.text())
def test_extract_any_text(text: str) -> None:
    _extract_cleanly(cablelib.loads(text))


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join))
def test_extract_cable_fragments(text: str) -> None:
    _extract_cleanly(cablelib.loads(text))


@given(cables())
def test_extract_generated_cables(cable: cablelib.Cable) -> None:
    facts = _extract_cleanly(cable)
    assert facts["subject"] == cable.subject
    assert len(facts["paragraph_markings"]) == len(cable.paragraphs)

"""The built-in extractors never fail, whatever the text: every value comes back JSON-ready.

A corpus run calls ``extract`` on a quarter of a million cables; one exception from a
built-in extractor would stop it (or, with ``errors="collect"``, lose a field).
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
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


_HEADER = (
    "VZCZCXRO1234\nPP RUEHWEB\nDE RUEHKB #1165/01 1631234\nZNY CCCCC ZZH\n"
    "P 121234Z JUN 06\nFM AMEMBASSY BAKU\nTO RUEHC/SECSTATE WASHDC PRIORITY 1234\n"
)
_PREAMBLE = (
    "BT\nC O N F I D E N T I A L BAKU 001165\n\nE.O. 12958: DECL: 01/01/2016\n"
    "TAGS: PREL, AJ\nSUBJECT: TEST\n\n"
)
#: (what comes before the repeated unit, the unit, what comes after): shapes that once
#: made an extractor quadratic, and others like them.
_REPEATED = {
    "labelled-paragraphs": (_HEADER + _PREAMBLE, "1. (S//NF) Comment: END SUMMARY.\n\n", ""),
    "labels-in-one-paragraph": (
        _HEADER + _PREAMBLE + "1. (C) ",
        "(Comment: a b c) Summary: x. END COMMENT ( ",
        "\n",
    ),
    "xmt-lines": (
        _HEADER + "INFO ",
        "RUEHXX/AMEMBASSY X PRIORITY 0012 XMT AMEMBASSY Y ",
        "\n" + _PREAMBLE,
    ),
    "ref-items": (
        _HEADER + _PREAMBLE.replace("SUBJECT: TEST\n", "SUBJECT: TEST\nREF: "),
        "A. STATE 1234 (NOTAL) B. 09 KABUL 00000123, 456 AND 789; ",
        "\n\n1. (C) x.\n",
    ),
}


def _time_extract(text: str) -> float:
    cable = cablelib.loads(text)
    best = float("inf")
    for _ in range(3):
        cable = cablelib.loads(text)  # fresh: a cable keeps what extractors share
        start = time.perf_counter()
        cablelib.extract(cable)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", sorted(_REPEATED))
def test_extract_stays_linear_on_repeated_structures(shape: str) -> None:
    before, unit, after = _REPEATED[shape]
    small = before + unit * (50_000 // len(unit)) + after
    big = before + unit * (200_000 // len(unit)) + after
    t_small, t_big = _time_extract(small), _time_extract(big)
    # four times the input: about four times the time if linear, sixteen if quadratic
    assert t_big < 8.0 * t_small + 0.05, (t_small, t_big)

"""Tests of the cablelib-wordcount plugin.

They pass whether the package is installed (cablelib then loads it through its entry
point) or only importable (the ``plugin`` fixture registers it for the test).
"""

from __future__ import annotations

from collections.abc import Iterator

import cablelib
import pytest
from cablelib.extraction import extractors
from cablelib.strategies import cables
from hypothesis import given

import cablelib_wordcount

CABLE = """\
UNCLAS SECTION 01 OF 01 STATE 000123

SIPDIS

E.O. 12958: DECL: 01/16/2019
TAGS: PREL PGOV
SUBJECT: WORD COUNT TEST

1. (U) The ambassador met the minister on Monday.

2. (U) They discussed trade,
energy and the border.

RICE
"""


@pytest.fixture(scope="module", autouse=True)
def plugin() -> Iterator[None]:
    """Make sure the plugin is registered, and leave the manager as it was."""
    pm = cablelib.plugin_manager()
    if pm.is_registered(cablelib_wordcount):  # installed: loaded from the entry point
        yield
        return
    pm.register(cablelib_wordcount, name="wordcount")
    try:
        yield
    finally:
        pm.unregister(name="wordcount")


def test_a_real_cable() -> None:
    cable = cablelib.loads(CABLE)
    fields = cablelib.extract(cable, provenance=True)
    assert fields["word_count"] == 8 + 6
    assert fields["paragraph_count"] == 2
    spans = fields["provenance"]["word_count"]
    assert [span["text"] for span in spans] == [
        "1. (U) The ambassador met the minister on Monday.\n\n",
        "2. (U) They discussed trade,\nenergy and the border.\n\n",
    ]
    for span in spans:
        assert cable.text[span["start"] : span["end"]] == span["text"]


def test_only_runs_the_named_extractor() -> None:
    fields = cablelib.extract(cablelib.loads(CABLE), only=["word_count"])
    assert fields == {"word_count": 14}


def test_the_extractor_is_registered_under_this_plugin() -> None:
    extractor = extractors()["word_count"]
    assert extractor.function is cablelib_wordcount.word_count
    assert extractor.plugin == "wordcount"


@given(cables())
def test_word_count_is_the_sum_over_paragraphs(cable: cablelib.Cable) -> None:
    fields = cablelib.extract(cable, only=["word_count"])
    assert fields["word_count"] == sum(len(p.text.split()) for p in cable.paragraphs)


@given(cables())
def test_paragraph_count(cable: cablelib.Cable) -> None:
    assert cablelib.extract(cable)["paragraph_count"] == len(cable.paragraphs)

"""Property tests: the lossless round trip on any text, on grammar-generated text and on
cables built as model objects by :mod:`cablelib.strategies`."""

from __future__ import annotations

import functools

import lark
import pytest
from hypothesis import HealthCheck, event, example, find, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import cablelib
from cablelib import dumps, loads
from cablelib.grammar import grammar_text
from cablelib.model import (
    ClassLine,
    EndOfMessageLine,
    MarkedParagraphLine,
    PageBreakLine,
    PageMarkerLine,
    Paragraph,
    ParagraphLine,
    Recipient,
    SignatureLine,
    _fold,
)
from cablelib.strategies import CableSpec, cable_specs, cables

# ------------------------------------------------------------------------------ any text


# white space of every kind, as well as the space and line feed the quick path handles
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\r\n", "\xa0", "\u2003", "\x1c", "\u3000"])


@given(st.lists(st.one_of(_SPACES, st.text(max_size=5)), max_size=30).map("".join))
def test_fold_is_split_and_join(text: str) -> None:
    assert _fold(text) == " ".join(text.split())


@given(st.text())
def test_round_trip_any_text(text: str) -> None:
    assert dumps(loads(text)) == text


@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_round_trip_any_text_with_surrogates(text: str) -> None:
    assert dumps(loads(text)) == text


_FRAGMENTS = (
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\x00",
    " ",
    "  ",
    "\t",
    "¶",
    "1",
    "12",
    "0",
    ".",
    "(C)",
    "(S//NF)",
    "(U)",
    "TAGS:",
    "TAGS ",
    "SUBJECT:",
    "SUBJ:",
    "REF:",
    "REFS:",
    "1.",
    "2. ",
    "PAGE 02",
    "CONFIDENTIAL",
    "C O N F I D E N T I A L",
    "SECRET",
    "UNCLAS",
    "VZCZC",
    "VZCZCXRO2649",
    "PP RUEHDBU",
    "DE RUEHNO #0383/01 2531627",
    "ZNY CCCCC ZZH",
    "P 101627Z SEP 09",
    "FM ",
    "TO ",
    "INFO ",
    "RUEHC/SECSTATE WASHDC",
    "BT",
    "NNNN",
    "E.O. 12958: DECL: 09/10/2019",
    "Classified By:",
    "SIPDIS",
    "NOFORN",
    "DAALDER",
    "USNATO 00000383 002 OF 002",
    "SECTION 01 OF 02",
    "USNATO 000383",
    "End Cable Text",
    "-----",
    "ACTION ARA-15",
    "10.09.2009 :",
    "word",
    "Word",
    "-- ",
    "<pre>",
    "</pre>",
    "&#x000A;",
    "Reference ID",
    "Viewing cable ",
)


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join))
def test_round_trip_cable_fragments(text: str) -> None:
    assert dumps(loads(text)) == text


def _long(parts: tuple[str, str, str]) -> str:
    # Hypothesis cannot draw 10,000 characters directly (its buffer is 8 KiB), so a
    # drawn piece is repeated up to at least 10,000 characters, between a drawn head
    # and tail.
    head, piece, tail = parts
    return head + piece * (10_000 // len(piece) + 1) + tail


_LONG = st.tuples(
    st.sampled_from(_FRAGMENTS) | st.text(max_size=20),
    st.text(min_size=1, max_size=40) | st.sampled_from(_FRAGMENTS),
    st.text(max_size=20),
).map(_long)


@pytest.mark.slow
@settings(max_examples=10)
@given(_LONG)
def test_round_trip_long_lines(text: str) -> None:
    assert len(text) >= 10_000
    assert dumps(loads(text)) == text


# ----------------------------------------------------------------- grammar-generated text


@functools.cache
def _plain_parser() -> lark.Lark:
    return lark.Lark(grammar_text(), parser="lalr", lexer="contextual")


# SIGNATURE carries a positive lookahead (the end of the text may follow it only as
# end-of-message lines).  from_regex can still fullmatch it (zero repetitions, then \Z
# at the end of the drawn token), but every draw ends in an arbitrary name; a surname
# strategy keeps signatures looking like signatures.  No other terminal needs one:
# every terminal of cable.lark is drawable by from_regex(fullmatch=True).
_EXPLICIT: dict[str, st.SearchStrategy[str]] = {
    "SIGNATURE": st.sampled_from(("DAALDER", "RICE", "O'NEILL", "Ivo Daalder")).map(
        lambda name: name + "\n"
    ),
}


def _grammar_texts() -> st.SearchStrategy[str]:
    return from_lark(_plain_parser(), start="start", explicit=_EXPLICIT)


_GRAMMAR_SETTINGS = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@pytest.mark.slow
@_GRAMMAR_SETTINGS
@given(_grammar_texts())
def test_round_trip_grammar_text(text: str) -> None:
    cable = loads(text)
    event("routing header" if cable.header is not None else "no header")
    assert dumps(cable) == text
    assert loads(dumps(cable)) == cable


@pytest.mark.slow
def test_grammar_text_reaches_the_header() -> None:
    found = find(
        _grammar_texts(),
        lambda s: loads(s).header is not None,
        settings=settings(max_examples=500, database=None, derandomize=True),
    )
    assert loads(found).header is not None


# ------------------------------------------------------------------------- model strategy


@given(cables())
def test_model_round_trip(cable: cablelib.Cable) -> None:
    assert cable.given_reference_id is None
    assert loads(dumps(cable)) == cable


@given(cables())
def test_rendering_is_a_fixed_point(cable: cablelib.Cable) -> None:
    text = dumps(cable)
    assert dumps(loads(text)) == text


@given(cable_specs())
def test_fields_read_back(spec: CableSpec) -> None:
    c = loads(spec.text)
    assert c.subject == spec.subject
    assert c.tags == spec.tags
    assert c.captions == spec.captions
    assert [p.number for p in c.paragraphs] == list(range(1, len(spec.paragraphs) + 1))
    assert [p.marking for p in c.paragraphs] == [p.marking for p in spec.paragraphs]
    assert c.signature == spec.signature
    assert c.classification == {"UNCLAS": "UNCLASSIFIED"}.get(
        spec.classification, spec.classification
    )
    assert c.section == (spec.section[0] if spec.section else None)
    assert c.section_count == (spec.section[1] if spec.section else None)
    assert c.banner is not None
    assert c.banner.station == spec.station
    assert c.banner.serial == spec.serial
    assert c.eo is not None
    assert c.eo.order == "12958"
    assert c.eo.date == (None if spec.classification == "UNCLAS" else spec.eo_date)
    assert c.references == spec.references
    if spec.classified_by is None:
        assert c.classified_by is None
    else:
        assert c.classified_by is not None
        assert c.classified_by.by == spec.classified_by
        assert c.classified_by.reasons == spec.reasons
    text = dumps(c)
    assert text.endswith("\n") == spec.final_newline
    assert text.rstrip("\n").rsplit("\n", 1)[-1] == spec.signature


@given(cable_specs(header=True))
def test_header_fields_read_back(spec: CableSpec) -> None:
    h = spec.header
    assert h is not None
    c = loads(spec.text)
    assert c.header is not None
    assert c.header.transmission_id == h.transmission_id
    assert c.header.precedence_line is not None
    assert c.header.precedence_line.prosigns == h.prosigns
    assert c.header.precedence_line.routing_indicators == h.routing_indicators
    assert c.header.de is not None
    assert c.header.de.station == h.station_route
    assert c.created == h.dtg
    assert c.header.sender == h.sender
    assert c.header.to == h.to
    assert c.header.info == h.info
    assert all(isinstance(r, Recipient) for r in c.header.to)


@settings(max_examples=5)
@given(cable_specs(header=False, classification="SECRET", paragraphs=st.just(3), subject="TEST"))
def test_overrides_fix_fields(spec: CableSpec) -> None:
    assert spec.header is None
    assert spec.classification == "SECRET"
    assert len(spec.paragraphs) == 3
    assert loads(spec.text).subject == "TEST"


def test_unknown_override_is_an_error() -> None:
    with pytest.raises(TypeError, match="unknown cable fields"):
        find(
            cable_specs(colour="red"),
            lambda s: True,
            settings=settings(database=None, max_examples=1),
        )


# ----------------------------------------------------------------- paragraph text


def _paragraph_text_line_by_line(paragraph: Paragraph) -> str:
    """:attr:`Paragraph.text` as documented, line by line: the body of the first line,
    then each line's content after its line end with the blanks of its blank lines
    taken out; a page break leaves one line break; the text ends at a signature."""
    first = paragraph.lines[0]
    head = first.body if isinstance(first, ParagraphLine | MarkedParagraphLine) else first.content
    parts = [head]
    gap = first.eol
    for line in paragraph.lines[1:]:
        if isinstance(line, PageMarkerLine | PageBreakLine | ClassLine):
            gap = "\n"
            continue
        if isinstance(line, SignatureLine | EndOfMessageLine):
            break
        parts.append(gap if gap == "\n" else gap.replace(" ", "").replace("\t", ""))
        parts.append(line.content)
        gap = line.eol
    return "".join(parts).strip()


_PARAGRAPH_PIECES = (
    "1. (C) ",
    "2. ",
    "(S//NF) ",
    "\u00b612. ",
    "text",
    "more words",
    "\n",
    "\r\n",
    "\n \n",
    "\n\t\n",
    " \r\n",
    "  indented",
    "\tTabbed",
    "KABUL 00000140 002 OF 003\n",
    "CONFIDENTIAL\n",
    "PAGE 02 STATE 187673\n",
    "RICE\n",
    "NNNN\n",
)


@example("1. (C) text\n \nmore words\n")
@example("(S//NF) text\n\t\nmore\r\n \r\nwords\n")
@example("1. (C) text\nKABUL 00000140 002 OF 003\nmore words\nRICE\n")
@given(st.lists(st.sampled_from(_PARAGRAPH_PIECES), min_size=3, max_size=40).map("".join))
def test_paragraph_text_is_the_line_by_line_reading(text: str) -> None:
    for paragraph in loads(text).paragraphs:
        assert paragraph.text == _paragraph_text_line_by_line(paragraph)

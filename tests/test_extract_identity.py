"""Tests of the identity extractors: ids, date, origin, transmission id, precedence."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablelib
from _corpus import SHARED_CORPUS
from cablelib.extractors.identity import canonical_id, origin_name

FIELDS = ["reference_id", "canonical_id", "created", "origin", "transmission_id", "precedence"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),  # 08SAOPAULO335
        ("09SQCTION02OF02DUSHANBE143", "09DUSHANBE143"),  # 09DUSHANBE143
        ("08SECTION01GF02BISHIEK21", "08BISHKEK21"),  # 08BISHKEK21
        ("05RIODEJAN123", "05RIODEJANEIRO123"),
        ("06EFTOBAKU1165", "06BAKU1165"),
        ("1975STATE099768", "75STATE99768"),  # PlusD 1975STATE099768
        ("09usnato0383", "09USNATO383"),
        ("2007 MANAGUA 2135", "07MANAGUA2135"),
        ("09USNATO383", "09USNATO383"),
        ("10SECSTATE12", "10STATE12"),
        ("not an id", "NOTANID"),
    ],
)
def test_canonical_id(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        ("AMEMBASSY KABUL", "Embassy Kabul"),
        ("AMEMBASSY TEL AVIV", "Embassy Tel Aviv"),
        ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("USMISSION GENEVA", "Mission Geneva"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("USINT HAVANA", "US Interests Section Havana"),
        ("RPO DUBAI", "Iran RPO Dubai"),
        ("REO BASRAH", "REO Basrah"),
        ("Amembassy  Paris", "Embassy Paris"),
        ("", None),
    ],
)
def test_origin_name(sender: str, origin: str | None) -> None:
    assert origin_name(sender) == origin


HEADER = """VZCZCXRO2649
PP RUEHDBU
DE RUEHBUL #0140/01 0191040
ZNY CCCCC ZZH
P 191040Z JAN 09
FM AMEMBASSY KABUL
TO RUEHC/SECSTATE WASHDC PRIORITY 7155
BT
C O N F I D E N T I A L SECTION 01 OF 02 KABUL 000140

SIPDIS

E.O. 12958: DECL: 01/18/2019
TAGS: PGOV, AF
SUBJECT: A TEST

1. (C) Text.
"""


def test_header_fields() -> None:
    cable = cablelib.loads(HEADER)
    got = cablelib.extract(cable, only=FIELDS, provenance=True)
    assert got["reference_id"] == "09KABUL140"
    assert got["canonical_id"] == "09KABUL140"
    assert got["created"] == "2009-01-19T10:40:00Z"
    assert got["origin"] == "Embassy Kabul"
    assert got["transmission_id"] == "VZCZCXRO2649"
    assert got["precedence"] == "PRIORITY"
    assert got["provenance"]["origin"][0]["text"].startswith("FM AMEMBASSY KABUL")


def test_origin_falls_back_to_de_line_and_banner() -> None:
    no_fm = HEADER.replace("FM AMEMBASSY KABUL\n", "")
    assert cablelib.extract(cablelib.loads(no_fm), only=["origin"])["origin"] == "Embassy Kabul"
    body = HEADER[HEADER.index("C O N F") :].replace("KABUL 000140", "USNATO 000140")
    assert cablelib.extract(cablelib.loads(body), only=["origin"])["origin"] == "Mission USNATO"


def test_no_header() -> None:
    got = cablelib.extract(cablelib.loads("SUBJECT: NOTHING\n"), only=FIELDS)
    assert got["created"] is None
    assert got["transmission_id"] is None
    assert got["precedence"] is None


def test_seed() -> None:
    cable = cablelib.load("tests/corpus/09USNATO383.txt")
    got = cablelib.extract(cable, only=FIELDS)
    assert got["canonical_id"] == "09USNATO383"
    assert got["origin"] == "Mission USNATO"
    assert got["created"].startswith("2009-09-10")


def _pages() -> list[cablelib.Cable]:
    return [cablelib.load(str(p)) for p in sorted(SHARED_CORPUS.rglob("*.html"))]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_corpus_accuracy() -> None:
    """Measured on 523 pages: ids, origins (FM or not) and dates all match (100%)."""
    pages = _pages()
    with_fm = [c for c in pages if c.header is not None and c.header.sender]
    ids = dates = origins = 0
    for cable in pages:
        page = cable.page
        assert page is not None
        got = cablelib.extract(cable, only=FIELDS)
        ids += got["canonical_id"] == canonical_id(page.reference_id or "")
        origins += cable in with_fm and got["origin"] == page.origin
        if page.created is not None and got["created"] is not None:
            moment = datetime.fromisoformat(got["created"].replace("Z", "+00:00"))
            dates += abs((moment - page.created).total_seconds()) <= 86400
    assert ids / len(pages) >= 0.99
    assert dates / len(pages) >= 0.99
    assert origins / len(with_fm) >= 0.99

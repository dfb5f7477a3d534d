"""The reference example, seed/09USNATO383.txt: a Cablegate page saved as text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import cablelib
from cablelib.model import Recipient

SEED = Path(__file__).parent / "corpus" / "09USNATO383.txt"


@pytest.fixture(scope="module")
def cable() -> cablelib.Cable:
    return cablelib.load(SEED)


def test_page(cable: cablelib.Cable) -> None:
    page = cable.page
    assert page is not None
    assert cable.reference_id == page.reference_id == "09USNATO383"
    assert page.created == datetime(2009, 9, 10, 16, 27, tzinfo=UTC)
    assert page.released == datetime(2011, 8, 30, 1, 44, tzinfo=UTC)
    assert page.classification == "CONFIDENTIAL"
    assert page.origin == "Mission USNATO"
    assert len(page.media_urls) == 1


def test_header(cable: cablelib.Cable) -> None:
    header = cable.header
    assert header is not None
    assert header.transmission_id == "VZCZCXRO2649"
    assert header.dtg == datetime(2009, 9, 10, 16, 27, tzinfo=UTC)
    assert header.precedence == "PRIORITY"
    assert header.sender == "USMISSION USNATO"
    assert header.to == (Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "3350"),)
    assert len(header.info) == 8
    assert header.info[0] == Recipient("RUCNCIS", "CIS COLLECTIVE")
    assert header.de is not None
    assert (header.de.station, header.de.serial, header.de.part) == ("RUEHNO", 383, 1)
    assert header.security is not None
    assert header.security.classification == "CONFIDENTIAL"


def test_preamble(cable: cablelib.Cable) -> None:
    assert cable.classification == "CONFIDENTIAL"
    assert (cable.section, cable.section_count) == (1, 2)
    assert cable.captions == ("SIPDIS",)
    assert cable.eo is not None
    assert cable.eo.order == "12958"
    assert cable.eo.date == date(2019, 9, 10)
    assert cable.tags == ("PGOV", "PINR", "NATO", "RS")
    assert cable.subject == "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?"
    assert [(r.letter, r.text) for r in cable.references] == [(None, "USNATO 348")]
    assert cable.classified_by is not None
    assert cable.classified_by.by == "Ambassador Ivo H. Daalder"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_paragraphs(cable: cablelib.Cable) -> None:
    paragraphs = cable.paragraphs
    assert [p.number for p in paragraphs] == [1, 2, 3, 4, 5, 6]
    assert [p.marking for p in paragraphs] == ["U", "C", "C", "C", "C", "C"]
    assert "00000383" not in paragraphs[3].text
    assert paragraphs[3].text.endswith("for NATO-CSTO engagement.")
    assert paragraphs[0].text == "This is an action request. See paragraph 4."
    assert cable.signature == "DAALDER"


def test_derived_reference_id(cable: cablelib.Cable) -> None:
    assert cablelib.loads(cable.text).reference_id == "09USNATO383"
    assert cable.derived_reference_id == "09USNATO383"

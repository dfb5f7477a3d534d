"""The year of a reference id derived from a cable without a date-time group (a partial
record): year prior x declassification-term prior x the years the text names."""

from __future__ import annotations

import glob
import os

import pytest

import cablelib

_PARTIAL = (
    "This record is a partial extract of the original cable. The full text of the "
    "original cable is not available.\n\n"
)


def _partial(eo: str, *paragraphs: str, ref: str | None = None) -> cablelib.Cable:
    text = _PARTIAL + "S E C R E T PARIS 000479 \n\nSIPDIS \n\n"
    text += f"E.O. 12958: {eo} \nTAGS: PTER PREL FR\nSUBJECT: A SUBJECT \n\n"
    if ref is not None:
        text += f"REF: {ref} \n\n"
    for i, para in enumerate(paragraphs, 1):
        text += f"{i}. (C) {para} \n\n"
    return cablelib.loads(text)


def test_ten_year_default_without_contrary_evidence() -> None:
    cable = _partial("DECL: 03/18/2014", "The minister met the ambassador on March 17.")
    assert cable.header is None or cable.header.dtg is None
    assert cable.derived_reference_id == "04PARIS479"


def test_past_told_date_after_the_drafting_date_moves_the_year_on() -> None:
    # DECL in January: a date later in 2004 told as past means the cable is from 2005
    # (a nine-year term, drafters in January still writing the old year).
    cable = _partial(
        "DECL: 01/25/2014",
        "French officials spent most of 2004 denying it.",
        "The hostages were released December 21, 2004.",
    )
    assert cable.derived_reference_id == "05PARIS479"
    # The same date told as future says nothing against 2004.
    cable = _partial(
        "DECL: 01/25/2014",
        "French officials expect a decision in 2004.",
        "The hostages will be released December 21, 2004.",
    )
    assert cable.derived_reference_id == "04PARIS479"


def test_a_decl_year_beyond_the_release_needs_a_longer_term() -> None:
    # DECL 2034: ten years would give 2024, after the release; 25 years gives 2009.
    assert _partial("DECL: 01/13/2034").derived_reference_id == "09PARIS479"


def test_mentions_choose_among_terms() -> None:
    # A five-year term wins over ten (1999) when the text keeps to 2004.
    cable = _partial("DECL: 11/17/2009", "In 2003 and 2004 the talks stalled.", "Since 2004 ...")
    assert cable.derived_reference_id == "04PARIS479"


def test_no_decl_date_uses_the_years_named() -> None:
    cable = _partial("N/A", "Elections in 2006 follow the 2005 budget.", "In 2006 ...")
    assert cable.derived_reference_id == "06PARIS479"
    # Nothing to go on: no guess.
    assert _partial("N/A", "No years here.").derived_reference_id is None


def test_references_naming_a_year_set_a_floor() -> None:
    # A reference from 2005 rules out the ten-year 2005: nine years, 2006.
    cable = _partial("DECL: 01/10/2015", ref="05 PARIS 8760")
    assert cable.derived_reference_id == "06PARIS479"
    assert _partial("DECL: 01/10/2015").derived_reference_id == "05PARIS479"


_CORPUS = "/work/shared/corpus"


@pytest.mark.skipif(not os.path.isdir(_CORPUS), reason="no shared corpus")
def test_corpus_partials() -> None:
    wrong = set()
    for path in sorted(glob.glob(f"{_CORPUS}/cablegate-*/*")):
        cable = cablelib.load(path)
        page = cable.page
        assert page is not None
        if cable.derived_reference_id != page.reference_id:
            wrong.add(page.reference_id)
    # 05TELAVIV1580: DECL 03/15/2010 (five years), no years named.  05BRASILIA1660:
    # E.O. N/A, names nothing after 2003.  07PARIS2725 and 10MEXICO614: the page's
    # body is another cable.
    assert wrong <= {"05TELAVIV1580", "05BRASILIA1660", "07PARIS2725", "10MEXICO614"}


@pytest.mark.parametrize(
    ("order", "years", "expected"),
    [
        # E.O. 12356 governed 1982-1995: a text naming 1993 is from then, not 2009
        ("12356", "In 1993 the mission arrived; by 1993 it had left.", "93"),
        # E.O. 11652 (1972-1978): the years named after it cannot win
        ("11652", "The 1974 accord, and plans for 2005.", "74"),
    ],
)
def test_the_executive_order_bounds_the_year(order: str, years: str, expected: str) -> None:
    text = (
        f"CONFIDENTIAL KIGALI 003188\n\nE.O. {order}: DECL:OADR\nTAGS: PREL, RW\n"
        f"SUBJECT: A SUBJECT\n\n1. (C) {years}\n"
    )
    cable = cablelib.loads(text)
    assert cable.derived_reference_id == f"{expected}KIGALI3188"


@pytest.mark.parametrize(
    ("banner", "expected"),
    [
        # a telegram to the Secretary's party is numbered in the TOSEC series too: its id
        # is the station's own serial (excerpt 025 is 1975STATE181655)
        ("S E C R E T STATE 181655 TOSEC 080234", "75STATE181655"),
        ("SECRET STATE 041234 TOSEC 050123 NODIS", "75STATE41234"),
        # the party's own telegrams have no other number
        ("SECRET SECTO 01234", "75SECTO1234"),
    ],
)
def test_a_series_number_after_the_serial(banner: str, expected: str) -> None:
    text = (
        "O 010027Z AUG 75\nFM SECSTATE WASHDC\nTO USDEL SECRETARY IMMEDIATE\n"
        f"{banner}\n\nE.O. 11652: GDS\nTAGS: PFOR\nSUBJECT: A SUBJECT\n\n1. TEXT\n"
    )
    assert cablelib.loads(text).derived_reference_id == expected

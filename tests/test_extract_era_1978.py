"""Cables of 1978-1982: the E.O. 12065 line names the classifier and the schedule.

``E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P``: the schedule (GDS, ADS, XDS-n or
RDS-n), its date, the classifier in brackets (surname first) and the code of the
classifying office.  The lines below are written after real ones of the era (excerpts
005 and 047 of the corpus, FORMAT.md 4.4), also wrapped, OCR-damaged and run into one
line as PlusD texts are.
"""

from __future__ import annotations

from typing import Any

import pytest

import cablelib

_CABLE = (
    "R 191219Z JAN 79\nFM AMEMBASSY CARACAS\nTO SECSTATE WASHDC 5428\nBT\n"
    "C O N F I D E N T I A L CARACAS 0562\n{eo}\nTAGS: PEPR, PINT, VE\n"
    "SUBJECT: US-VENEZUELAN RELATIONS\n\n1. (C) ENTIRE TEXT.\n\nLUERS\nBT\n#0562\nNNNN\n"
)


def _facts(eo: str) -> dict[str, Any]:
    cable = cablelib.loads(_CABLE.format(eo=eo))
    return cablelib.extract(cable, only=["classified_by", "persons", "declassify_on"])


def _by(name: str, title: str | None = None) -> dict[str, Any]:
    return {"name": name, "title": title, "reasons": []}


@pytest.mark.parametrize(
    ("eo", "classified_by", "persons"),
    [
        (
            "E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P",
            [_by("JOHN A. SMITH")],
            ["Smith, John A.", "Luers"],
        ),
        (
            "E.O. 12065: RDS-1,3 12/31/98 (JONES, R.) OR-M",
            [_by("R. JONES")],
            ["Jones, R.", "Luers"],
        ),
        ("E.O. 12065: XDS-1 2/1/99 (BROWN, H.) OR-E", [_by("H. BROWN")], ["Brown, H.", "Luers"]),
        (
            "E.O. 12065: GDS 6/15/85 (MURPHY, R.W.) OR-O",
            [_by("R.W. MURPHY")],
            ["Murphy, R.W.", "Luers"],
        ),
        # excerpts 005 and 047
        (
            "E.O. 12065: GDS 1/18/85 (FRECHETTE, MYLES) OR-P",
            [_by("MYLES FRECHETTE")],
            ["Frechette, Myles", "Luers"],
        ),
        (
            "E.O. 12065 GDS 12/1/84 (TAYLOR, CARL, JR.) OR-P",
            [_by("CARL TAYLOR, JR.")],
            ["Taylor, Carl, Jr.", "Luers"],
        ),
        # the signer is the classifier: one person
        (
            "E.O. 12065: GDS 1/18/85 (LUERS, WILLIAM H.) OR-M",
            [_by("WILLIAM H. LUERS")],
            ["Luers, William H."],
        ),
        # wrapped in the name, or before the date
        (
            "E.O. 12065: GDS 12/31/88 (SMITH,\nJOHN A.) OR-P",
            [_by("JOHN A. SMITH")],
            ["Smith, John A.", "Luers"],
        ),
        (
            "E.O. 12065: RDS-1,3 12/31/98\n(JONES, ROBERT) OR-M",
            [_by("ROBERT JONES")],
            ["Jones, Robert", "Luers"],
        ),
        # OCR: a letter O in the order and the code, a stop for the comma, a bracket lost
        (
            "E.O. 12O65: GDS 12/31/88 (SMITH. JOHN A.) 0R-P",
            [_by("JOHN A. SMITH")],
            ["Smith, John A.", "Luers"],
        ),
        (
            "E.O. 12065: GDS 12/31/88 (SMITH, JOHN A. OR-P",
            [_by("JOHN A. SMITH")],
            ["Smith, John A.", "Luers"],
        ),
        # a title written after the given names
        (
            "E.O. 12065: RDS-3 1/15/99 (HUMMEL, ARTHUR W., AMBASSADOR) OR-M",
            [_by("ARTHUR W. HUMMEL", "AMBASSADOR")],
            ["Hummel, Arthur W.", "Luers"],
        ),
        # no classifier named
        ("E.O. 12065: N/A", [], ["Luers"]),
        ("E.O. 12065 ADS 1/1/84", [], ["Luers"]),
        ("E.O. 12065: GDS 12/31/88 (XXXXXXXXXXXX) OR-P", [], ["Luers"]),
        ("E.O. 12958: DECL: 01/15/2019 (C)", [], ["Luers"]),
        # a bracket of one word and no office code: nothing shows it is a name
        ("E.O. 12065: GDS 12/31/84 (DECONTROL)", [], ["Luers"]),
        # one word with the office code is a surname
        ("E.O. 12065: GDS 12/31/84 (SMITH) OR-P", [_by("SMITH")], ["Smith", "Luers"]),
        # OCR's stop for the comma, no office code
        ("E.O. 12065: GDS 12/31/84 (SMITH. JOHN)", [_by("JOHN SMITH")], ["Smith, John", "Luers"]),
    ],
)
def test_classifier_of_the_eo_line(
    eo: str, classified_by: list[dict[str, Any]], persons: list[str]
) -> None:
    facts = _facts(eo)
    assert facts["classified_by"] == classified_by
    assert facts["persons"] == persons


def test_a_classified_by_line_comes_first() -> None:
    text = _CABLE.format(eo="E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P").replace(
        "TAGS:", "CLASSIFIED BY AMBASSADOR WILLIAM H. LUERS\nTAGS:"
    )
    facts = cablelib.extract(cablelib.loads(text), only=["classified_by", "persons"])
    assert facts["classified_by"] == [_by("WILLIAM H. LUERS", "AMBASSADOR")]
    assert facts["persons"] == ["Luers, William H."]


@pytest.mark.parametrize(
    ("eo", "expected"),
    [
        ("E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P", "1988-12-31"),
        ("E.O. 12065 ADS 1/1/84", "1984-01-01"),
        ("E.O. 12065: ADS 6/30/81 (SMITH, JOHN A.) OR-P", "1981-06-30"),
        ("E.O. 12065: XDS-1 2/1/99 (BROWN, H.) OR-E", "1999-02-01"),
        # a review date is no declassification date
        ("E.O. 12065: RDS-1,3 12/31/98 (JONES, R.) OR-M", None),
        ("E.O. 12065: RDS-2 7/1/99", None),
        ("E.O. 12065:RDS-1 3/15/2000 (SMITH, J.) OR-M", None),
        ("E.O. 12065: N/A", None),
        ("E.O. 12065: GDS\n12/31/88 (SMITH, JOHN A.) OR-P", "1988-12-31"),
    ],
)
def test_declassify_on_of_the_schedules(eo: str, expected: str | None) -> None:
    assert _facts(eo)["declassify_on"] == expected


@pytest.mark.parametrize(
    ("eo", "name", "declassify"),
    [
        ("E O 12065 GDS 8/1/85 (SMITH, JOHN) OR-M", "JOHN SMITH", "1985-08-01"),
        ("E O 12065 RDS-1 8/1/99 (SMITH, JOHN) OR-M", "JOHN SMITH", None),
    ],
)
def test_run_into_one_line(eo: str, name: str, declassify: str | None) -> None:
    """A PlusD text flattened into one line: the bracket after the E.O. words is read."""
    cable = cablelib.loads(
        "Margaret P Grafeld Declassified Released US Department of State EO Systematic Review "
        "06 JUL 2006 Message Text PAGE 01 STATE 181655 C O N F I D E N T I A L STATE 181655 "
        + eo
        + " TAGS PFOR SUBJECT DAILY REPORTS 1 FOLLOWING ARE THE REPORTS (SEE REFTEL)\n"
    )
    facts = cablelib.extract(cable, only=["classified_by", "declassify_on"])
    assert facts["classified_by"] == [_by(name)]
    assert facts["declassify_on"] == declassify


def test_a_bracket_far_after_the_eo_words_is_no_classifier() -> None:
    cable = cablelib.loads(
        "Message Text PAGE 01 STATE 181655 C O N F I D E N T I A L STATE 181655 "
        "E O 12065 GDS 8/1/85 SUBJECT DAILY REPORTS FROM THE FRONT LINES OF THE (NORTH, SOUTH)\n"
    )
    assert cablelib.extract(cable, only=["classified_by"])["classified_by"] == []

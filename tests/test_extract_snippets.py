"""Snippets of real cables give the value the same lines give inside the whole cable.

A test suite of another parser feeds pieces of cables: the header lines alone, the TO
and INFO lines, a REF block with the citing cable's id given to ``loads``, the TAGS or
SUBJECT line, the Classified By line, the last lines, the first paragraphs.  Each case
is ``(snippet, reference_id, field, expected)``; the snippets are cut from the cables
named in the comments (upper and mixed case, with and without blank lines around, no
final newline, leading blank lines or indentation, Windows line ends).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cablelib
from _corpus import VENDORED_CORPUS

RID = "09BEIJING123"


def _value(snippet: str, field: str, reference_id: str = RID) -> Any:
    return cablelib.extract(cablelib.loads(snippet, reference_id=reference_id), only=[field])[field]


def _to(
    name: str, route: str | None = None, precedence: str | None = None, mcn: str | None = None
) -> dict[str, Any]:
    return {"route": route, "name": name, "precedence": precedence, "mcn": mcn, "excluded": []}


def _ref(
    letter: str | None, text: str, cable_id: str | None, captions: tuple[str, ...] = ()
) -> dict[str, Any]:
    kind = "cable" if cable_id else "other"
    return {
        "letter": letter,
        "text": text,
        "cable_id": cable_id,
        "kind": kind,
        "captions": list(captions),
    }


_KABUL_HEADER = (  # 09KABUL140, FORMAT.md 4.1
    "VZCZCXRO0510\nOO RUEHPW\nDE RUEHBUL #0140/01 0201040\nZNY CCCCC ZZH\nO 201040Z JAN 09\n"
    "FM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\n"
    "INFO RUCNAFG/AFGHANISTAN COLLECTIVE PRIORITY\nRUEHNO/USMISSION USNATO PRIORITY 0001\nBT\n"
)
_KABUL_TO = [_to("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "6866")]
_KABUL_INFO = [
    _to("AFGHANISTAN COLLECTIVE", "RUCNAFG", "PRIORITY"),
    _to("USMISSION USNATO", "RUEHNO", "PRIORITY", "0001"),
]
_SOFIA = (  # excerpt 142 (76SOFIA2300): a page break, then the list's last line
    "P R 281305Z OCT 76\nFM AMEMBASSY SOFIA\nTO SECSTATE WASHDC PRIORITY 1920\n"
    "INFO AMEMBASSY ANKARA\nAMEMBASSY STOCKHOLM\nCONFIDENTIAL\nCONFIDENTIAL\n"
    "PAGE 02 SOFIA 02300 01 OF 04 281440Z\nAMCONSUL ZAGREB"
)
_KABUL_LINES = _KABUL_HEADER[_KABUL_HEADER.index("TO ") : _KABUL_HEADER.index("BT")]


# -- the last line of a snippet, which the grammar reads as a signature -----------------

_LAVROV = "FM LAVROV DISCUSSES MISSILE DEFENSE AND IRAN WITH CODEL LEVIN"  # 09MOSCOW1111
_LAVROV_LINES = "SUBJECT: FM LAVROV DISCUSSES MISSILE DEFENSE AND IRAN WITH \nCODEL LEVIN \n"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (_LAVROV_LINES + " \n", _LAVROV),
        (_LAVROV_LINES.rstrip("\n"), _LAVROV),  # no final newline
        (_LAVROV_LINES.replace("\n", "\r\n"), _LAVROV),
        ("\n\n" + _LAVROV_LINES, _LAVROV),
        ("TAGS: PREL, PARM, RS\n" + _LAVROV_LINES, _LAVROV),
        # 09BERLIN1548: the last line, with FOR in it, reads as a passing line
        (
            "SUBJECT: GERMANY RENEWS CONSIDERATION OF GUANTANAMO \nDETAINEES FOR RESETTLEMENT \n",
            "GERMANY RENEWS CONSIDERATION OF GUANTANAMO DETAINEES FOR RESETTLEMENT",
        ),
        # 08STATE79112: a marking, then a last line of two words
        (
            "SUBJECT: (S) FLIGHT OF PROLIFERATION CONCERN BETWEEN DPRK \nAND IRAN",
            "FLIGHT OF PROLIFERATION CONCERN BETWEEN DPRK AND IRAN",
        ),
        # what was right stays right: a REF line under the subject is no part of it
        ("SUBJECT: FOO BAR \nREF STATE 1", "FOO BAR"),
        ("SUBJECT: CHINA: THE FOO AND\nTHE BAR\nREF: STATE 12345\n", "CHINA: THE FOO AND THE BAR"),
        ("SUBJECT: FOO BAR\n\nRICE", "FOO BAR"),
        ("SUBJECT: CHINA: THE FOO", "CHINA: THE FOO"),
        ("  Subject: Scenesetter for Secretary's visit\r\n", "Scenesetter for Secretary's visit"),
    ],
)
def test_subject_of_a_snippet(snippet: str, expected: str) -> None:
    assert _value(snippet, "subject") == expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        # 10BERLIN128, 09TRIPOLI938: one tag alone on the second line
        (
            "TAGS: PTER KTFN KCRM KHLS ECPS ECON PREL KPAO KTIA\nGM\n",
            ["PTER", "KTFN", "KCRM", "KHLS", "ECPS", "ECON", "PREL", "KPAO", "KTIA", "GM"],
        ),
        (
            "TAGS: PREL PINS MNUC PARM PINR RS KGIC KNNP KRAD ENRG\r\nLY\r\n",
            ["PREL", "PINS", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY"],
        ),
        # 09SANTIAGO324: a person tag in Cablegate's split form, no final newline
        (
            "TAGS: OVIP BIDEN JOSEPH PREL ECON PGOV SOCI UK PK\nAF",
            ["OVIP (BIDEN, JOSEPH)", "PREL", "ECON", "PGOV", "SOCI", "UK", "PK", "AF"],
        ),
        # 10BEIJING263: no colon, a trailing comma
        (
            "TAGS CH, ENRG, KPWR, MNUC, OSCI, PINR, PINS, SENV, TPHY, \nTSPL \n\n",
            ["CH", "ENRG", "KPWR", "MNUC", "OSCI", "PINR", "PINS", "SENV", "TPHY", "TSPL"],
        ),
        # a line right under the TAGS line goes on with it, also at the text's end (the
        # grammar reads no signature right under a preamble line)
        ("TAGS: PREL\nRICE", ["PREL", "RICE"]),
        ("TAGS: PREL, PGOV, CH", ["PREL", "PGOV", "CH"]),
        ("\n\n   TAGS: PREL, PGOV, CH\r\n", ["PREL", "PGOV", "CH"]),
        ("Tags: prel, pgov, ch", ["PREL", "PGOV", "CH"]),
    ],
)
def test_tags_of_a_snippet(snippet: str, expected: list[str]) -> None:
    assert _value(snippet, "tags") == expected


_BAKU = "REF: A. A) BAKU 91\nB. B) BAKU 30\nC. C) 2009 BAKU 972\nD. AND PREVIOUS\n"  # 10BAKU97
_BAKU_REFS = [
    _ref("A", "BAKU 91", "10BAKU91"),
    _ref("B", "BAKU 30", "10BAKU30"),
    _ref("C", "2009 BAKU 972", "09BAKU972"),
    _ref("D", "AND PREVIOUS", None, ("AND PREVIOUS",)),
]
_HAGUE = "REF: A. STATE 64170\nB. STATE 51992\nC. THE HAGUE 368\nD. THE HAGUE 352"  # 09THEHAGUE410
_HAGUE_REFS = [
    _ref("A", "STATE 64170", "09STATE64170"),
    _ref("B", "STATE 51992", "09STATE51992"),
    _ref("C", "THE HAGUE 368", "09THEHAGUE368"),
    _ref("D", "THE HAGUE 352", "09THEHAGUE352"),
]


@pytest.mark.parametrize(
    ("snippet", "reference_id", "expected"),
    [
        (_BAKU + "\n", "10BAKU97", _BAKU_REFS),
        (_BAKU.rstrip("\n"), "10BAKU97", _BAKU_REFS),
        (_BAKU.replace("\n", "\r\n"), "10BAKU97", _BAKU_REFS),
        (
            "REF: STATE 12345 AND\nBEIJING 22\r\n",
            RID,
            [_ref(None, "STATE 12345", "09STATE12345"), _ref(None, "BEIJING 22", "09BEIJING22")],
        ),
        (_HAGUE, "09THEHAGUE410", _HAGUE_REFS),
        (_HAGUE.replace("\n", " "), "09THEHAGUE410", _HAGUE_REFS),
        # under a subject wrapped without blank lines (no REF line read as the subject's)
        (
            "SUBJECT: CWC: MEETINGS OF SENIOR U.S. EXPERTS IN THE HAGUE\nON U.S. CW DESTRUCTION\n"
            + _HAGUE,
            "09THEHAGUE410",
            _HAGUE_REFS,
        ),
        # the citing cable's station and year, from the reference id given to loads
        (
            "REF: A) STATE 12345, B) EMBTEL 22",
            RID,
            [_ref("A", "STATE 12345", "09STATE12345"), _ref("B", "EMBTEL 22", "09BEIJING22")],
        ),
        (
            "REF: (A) OURTEL 368 (B) DEPTEL 1234",
            "09THEHAGUE410",
            [_ref("A", "OURTEL 368", "09THEHAGUE368"), _ref("B", "DEPTEL 1234", "09STATE1234")],
        ),
        (
            "REF: A) 74 TEHRAN 1000 B) STATE 265432",
            "75TEHRAN1234",
            [
                _ref("A", "74 TEHRAN 1000", "74TEHRAN1000"),
                _ref("B", "STATE 265432", "75STATE265432"),
            ],
        ),
        ("REF: STATE 12345", "1975TEHRAN01234", [_ref(None, "STATE 12345", "75STATE12345")]),
    ],
)
def test_references_of_a_snippet(snippet: str, reference_id: str, expected: list[Any]) -> None:
    assert _value(snippet, "references", reference_id) == expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("2. (C) Text.\n\nCLINTON", ["CLINTON"]),
        ("2. (C) Text.\n\nCLINTON\n\nNNNN\nEnd Cable Text", ["CLINTON"]),
        ("11. (U) Minimize considered.\n\nRANDT\n", ["RANDT"]),
        ("KISSINGER\n", ["KISSINGER"]),
        # the last line of a wrapped labelled line is not a signature
        ("TAGS: PTER KTFN KCRM KHLS ECPS ECON PREL KPAO KTIA\nGM\n", []),
        (_LAVROV_LINES, []),
        (_BAKU, []),
        (_KABUL_HEADER[: _KABUL_HEADER.index("BT")], []),
        (_SOFIA, []),
    ],
)
def test_signer_of_a_snippet(snippet: str, expected: list[str]) -> None:
    assert _value(snippet, "signer") == expected


def test_persons_of_a_subject_snippet_name_no_signer() -> None:
    assert _value(_LAVROV_LINES, "persons") == []
    assert _value("7. The foo.\n\nBEYRLE", "persons") == ["Beyrle"]


# -- addressee lines without the header around them ----------------------------------------


@pytest.mark.parametrize(
    ("snippet", "to", "info"),
    [
        (_KABUL_HEADER, _KABUL_TO, _KABUL_INFO),
        (_KABUL_HEADER.replace("\n", "\r\n"), _KABUL_TO, _KABUL_INFO),
        ("\n  " + _KABUL_HEADER.rstrip("\n"), _KABUL_TO, _KABUL_INFO),
        # the header without BT: its last addressee reads as a signature (excerpt 142)
        (_KABUL_HEADER[: _KABUL_HEADER.index("BT")], _KABUL_TO, _KABUL_INFO),
        (
            _KABUL_HEADER[: _KABUL_HEADER.index(" PRIORITY 0001")],
            _KABUL_TO,
            [*_KABUL_INFO[:1], _to("USMISSION USNATO", "RUEHNO")],
        ),
        (
            _SOFIA,
            [_to("SECSTATE WASHDC", None, "PRIORITY", "1920")],
            [_to("AMEMBASSY ANKARA"), _to("AMEMBASSY STOCKHOLM"), _to("AMCONSUL ZAGREB")],
        ),
        (
            _SOFIA.replace("\n", "\r\n"),
            [_to("SECSTATE WASHDC", None, "PRIORITY", "1920")],
            [_to("AMEMBASSY ANKARA"), _to("AMEMBASSY STOCKHOLM"), _to("AMCONSUL ZAGREB")],
        ),
        # the TO and INFO lines alone: no FM line, no date-time group
        (_KABUL_LINES, _KABUL_TO, _KABUL_INFO),
        (_KABUL_LINES.rstrip("\n"), _KABUL_TO, _KABUL_INFO),
        (_KABUL_LINES.replace("\n", "\r\n"), _KABUL_TO, _KABUL_INFO),
        ("\n\n" + _KABUL_LINES + "BT\n", _KABUL_TO, _KABUL_INFO),
        ("FM AMEMBASSY KABUL\n" + _KABUL_LINES, _KABUL_TO, _KABUL_INFO),
        # 72TEHRAN1164: an old telegram's plain addresses; the last line reads as a signature
        (
            "TO SECSTATE WASHDC 7561 \nINFO SECDEF\n",
            [_to("SECSTATE WASHDC", mcn="7561")],
            [_to("SECDEF")],
        ),
        ("TO SECSTATE WASHDC 7561", [_to("SECSTATE WASHDC", mcn="7561")], []),
        # excerpt 086 (94KIGALI): blank lines between the lines
        (
            "FM AMEMBASSY KIGALI\n\nTO SECSTATE WASHDC PRIORITY 4550\n\n"
            "INFO USMISSIGN USUN NEW YORK PRIORITY\n\n",
            [_to("SECSTATE WASHDC", None, "PRIORITY", "4550")],
            [_to("USMISSIGN USUN NEW YORK", None, "PRIORITY")],
        ),
        # the FM line joined with the addressees
        (
            "FM AMEMBASSY TEHRAN TO SECSTATE WASHDC 7561 INFO AMEMBASSY LONDON\n",
            [_to("SECSTATE WASHDC", mcn="7561")],
            [_to("AMEMBASSY LONDON")],
        ),
        # 09DOHA728: a copy that starts inside the TO list; a banner ends the header
        (
            "RUEHC/SECSTATE WASHDC PRIORITY 9582\nINFO RUCNIRA/IRAN COLLECTIVE\n\n"
            "S E C R E T DOHA 000728 \n",
            [],
            [_to("IRAN COLLECTIVE", "RUCNIRA")],
        ),
        # 07BAGHDAD146: a banner OCR damaged after a blank line is no addressee
        (
            "FM AMEMBASSY BAGHDAD\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 9079\n"
            "INFO RUCNRAQ/IRAQ COLLECTIVE\n\nE C R E T SECTION 01 OF 03 BAGHDAD 000146 \n\n",
            [_to("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "9079")],
            [_to("IRAQ COLLECTIVE", "RUCNRAQ")],
        ),
        # excerpt 029 (1978 PlusD telegram): a page break inside the INFO list
        (
            "INFO AMEMBASSY CANBERRA\nAMEMBASSY MEXICO\nLIMITED OFFICIAL USE\n"
            "LIMITED OFFICIAL USE\nPAGE 02 STATE 133602\nAMEMBASSY TEL AVIV\n",
            [],
            [_to("AMEMBASSY CANBERRA"), _to("AMEMBASSY MEXICO"), _to("AMEMBASSY TEL AVIV")],
        ),
        # an XMT line under a collective
        (
            "TO RUEHXX/ALL AFRICAN DIPLOMATIC POSTS COLLECTIVE\nXMT AMCONSUL JOHANNESBURG",
            [
                {
                    **_to("ALL AFRICAN DIPLOMATIC POSTS COLLECTIVE", "RUEHXX"),
                    "excluded": ["AMCONSUL JOHANNESBURG"],
                }
            ],
            [],
        ),
        # a reformatted copy in mixed case
        (
            "To Secstate Washdc Priority 0123\nInfo Amembassy London 0456\n",
            [_to("SECSTATE WASHDC", None, "PRIORITY", "0123")],
            [_to("AMEMBASSY LONDON", mcn="0456")],
        ),
    ],
)
def test_addressees_of_a_snippet(snippet: str, to: list[Any], info: list[Any]) -> None:
    facts = cablelib.extract(
        cablelib.loads(snippet, reference_id=RID), only=["recipients", "info_recipients"]
    )
    assert facts["recipients"] == to
    assert facts["info_recipients"] == info


@pytest.mark.parametrize(
    "snippet",
    [
        "To date, the Embassy has seen nothing.\n",
        "TO THE MINISTER, THE VISIT WAS A SUCCESS.\n\n2. (C) Text.",
        "FM AMEMBASSY KIGALI\n\nThe embassy says.\n\nINFO X",
        "1. (C) Summary: To be sure, the foo is bar.\n",
    ],
)
def test_running_text_has_no_addressees(snippet: str) -> None:
    facts = cablelib.extract(cablelib.loads(snippet), only=["recipients", "info_recipients"])
    assert facts == {"recipients": [], "info_recipients": []}


@pytest.mark.parametrize(
    ("snippet", "field", "expected"),
    [
        (
            "1. (C) Summary: The foo is bar. End Summary.\n\n2. (C) Text.",
            "summary",
            "The foo is bar.",
        ),
        ("1. (C) SUMMARY: THE FOO IS BAR. END SUMMARY.", "summary", "THE FOO IS BAR."),
        ("1.  (C)  Summary.  The foo is\nbar.  End summary.\n", "summary", "The foo is bar."),
        ("\u00b61. (C) Summary: The foo is bar.  End Summary.", "summary", "The foo is bar."),
        (
            "Summary\n-------\n\n1. (C) The foo is bar. End Summary.\n\n2. (C) Text.",
            "summary",
            "The foo is bar.",
        ),
        (
            "Classified By: Ambassador Clark T. Randt, Jr. for reasons 1.4 (b) and (d)",
            "classified_by",
            [
                {
                    "name": "Clark T. Randt, Jr.",
                    "title": "Ambassador",
                    "reasons": ["1.4(b)", "1.4(d)"],
                }
            ],
        ),
        (
            "  Classified By: DCM Eric Rubin.  Reasons 1.4 (b) and (d)\r\n",
            "classified_by",
            [{"name": "Eric Rubin", "title": "DCM", "reasons": ["1.4(b)", "1.4(d)"]}],
        ),
        (
            "Classified By: DCM Eric Rubin.  Reasons 1.4 (b) and (d)",
            "persons",
            ["Rubin, Eric"],
        ),
        # the snippet stops on the line's wrapped end, which the grammar reads as a signature
        (
            "CLASSIFIED BY CHARGE D'AFFAIRES DOUGLAS C.GREENE FOR REASONS 1.4 B \nAND D. \n",
            "classified_by",
            [
                {
                    "name": "DOUGLAS C.GREENE",
                    "title": "CHARGE D'AFFAIRES",
                    "reasons": ["1.4(b)", "1.4(d)"],
                }
            ],
        ),
    ],
)
def test_other_fields_of_a_snippet(snippet: str, field: str, expected: object) -> None:
    assert _value(snippet, field) == expected


# -- every vendored cable, cut into snippets -------------------------------------------------

_SNIPPET_FIELDS = ("tags", "subject", "references", "recipients", "info_recipients")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", max(end - 1, start))
    return a, len(text) if b < 0 else b + 1


@pytest.mark.parametrize(
    "path",
    sorted(p for p in VENDORED_CORPUS.iterdir() if p.suffix in (".html", ".txt")),
    ids=lambda p: p.name,
)
def test_the_lines_a_field_is_read_from_give_its_value(path: Path) -> None:
    """The lines each field was read from, alone (also without a final newline, with
    Windows line ends), give the value the whole text gives."""
    whole = cablelib.load(path)
    rid = cablelib.extract(whole, only=["reference_id"])["reference_id"]
    cable = cablelib.loads(whole.text, reference_id=rid)
    facts = cablelib.extract(cable, only=list(_SNIPPET_FIELDS), provenance=True)
    checked = 0
    for field in _SNIPPET_FIELDS:
        spans = facts["provenance"][field]
        if not facts[field] or not spans:
            continue
        a, b = _line_bounds(
            cable.text, min(s["start"] for s in spans), max(s["end"] for s in spans)
        )
        lines = cable.text[a:b]
        for snippet in (lines, lines.rstrip("\n"), lines.replace("\n", "\r\n")):
            assert _value(snippet, field, rid) == facts[field], (field, snippet)
            checked += 1
    assert checked > 0

"""Cables of 1980-2002: whole telegrams and snippets, every field checked.

The release holds many cables of that era (Cablegate pages and raw copies), written as
the telegrams of the time were: a date-time group (``R 150800Z JAN 88``), FM/TO/INFO lines
with or without routing indicators, ``BT``, a banner (``C O N F I D E N T I A L SECTION
01 OF 03 ISLAMABAD 01234``), captions (``EXDIS``, ``NODIS``, ``STADIS////``), an E.O. line
of E.O. 12356 (``DECL: OADR``) or 12958 (``DECL: 6/30/05``), paragraphs in capitals until
the mid-1990s, the whole-text marking of the first paragraph (``1. C - ENTIRE TEXT.``)
and a signature followed by ``BT``, ``#1234`` and ``NNNN``.  The cables below are written
after real ones of the era (the posts, people and forms are real; the texts are short).
"""

from __future__ import annotations

from typing import Any

import pytest

import cablelib


def _facts(text: str) -> dict[str, Any]:
    facts = cablelib.extract(cablelib.loads(text), errors="collect")
    assert facts["errors"] == []
    return facts


def _value(text: str, field: str) -> Any:
    return cablelib.extract(cablelib.loads(text), only=[field])[field]


def _to(
    name: str, route: str | None = None, precedence: str | None = None, mcn: str | None = None
) -> dict[str, Any]:
    return {"route": route, "name": name, "precedence": precedence, "mcn": mcn, "excluded": []}


def _ref(letter: str | None, text: str, cable_id: str | None) -> dict[str, Any]:
    kind = "cable" if cable_id else "other"
    return {"letter": letter, "text": text, "cable_id": cable_id, "kind": kind, "captions": []}


# -- whole cables ----------------------------------------------------------------------

ISLAMABAD_1988 = """\
R 150800Z JAN 88
FM AMEMBASSY ISLAMABAD
TO SECSTATE WASHDC IMMEDIATE 1234
INFO AMCONSUL KARACHI
AMEMBASSY NEW DELHI
USCINCCENT MACDILL AFB FL
BT
C O N F I D E N T I A L SECTION 01 OF 03 ISLAMABAD 00456

EXDIS

E.O. 12356: DECL: OADR
TAGS: PREL, PK, US, IN
SUBJECT: ZIA ON AFGHAN SETTLEMENT AND NUCLEAR ISSUE

REF: (A) STATE 12345 (B) ISLAMABAD 1111

1. C - ENTIRE TEXT.

2. SUMMARY: PRESIDENT ZIA TOLD THE AMBASSADOR JANUARY 14 THAT
PAKISTAN WOULD NOT SIGN AN AGREEMENT AT GENEVA UNTIL AN INTERIM
GOVERNMENT WAS IN PLACE IN KABUL. END SUMMARY.

3. THE AMBASSADOR CALLED ON ZIA AT ARMY HOUSE RAWALPINDI.

4. COMMENT: ZIA WAS RELAXED BUT FIRM. END COMMENT.

RAPHEL
BT
#0456
NNNN
"""


def test_islamabad_1988() -> None:
    facts = _facts(ISLAMABAD_1988)
    assert facts["reference_id"] == "88ISLAMABAD456"
    assert facts["canonical_id"] == "88ISLAMABAD456"
    assert facts["created"] == "1988-01-15T08:00:00Z"
    assert facts["origin"] == "Embassy Islamabad"
    assert facts["classification"] == "CONFIDENTIAL"
    assert facts["captions"] == ["EXDIS"]
    assert facts["precedence"] == "ROUTINE"
    assert facts["recipients"] == [_to("SECSTATE WASHDC", None, "IMMEDIATE", "1234")]
    assert facts["info_recipients"] == [
        _to("AMCONSUL KARACHI"),
        _to("AMEMBASSY NEW DELHI"),
        _to("USCINCCENT MACDILL AFB FL"),
    ]
    assert facts["tags"] == ["PREL", "PK", "US", "IN"]
    assert facts["subject"] == "ZIA ON AFGHAN SETTLEMENT AND NUCLEAR ISSUE"
    assert facts["summary"] == (
        "PRESIDENT ZIA TOLD THE AMBASSADOR JANUARY 14 THAT PAKISTAN WOULD NOT SIGN AN "
        "AGREEMENT AT GENEVA UNTIL AN INTERIM GOVERNMENT WAS IN PLACE IN KABUL."
    )
    assert facts["comment"] == ["ZIA WAS RELAXED BUT FIRM."]
    assert facts["references"] == [
        _ref("A", "STATE 12345", "88STATE12345"),
        # a serial of the post above the citing cable's own (456): last year's
        _ref("B", "ISLAMABAD 1111", "87ISLAMABAD1111"),
    ]
    assert facts["classified_by"] == []
    assert facts["declassify_on"] is None
    assert facts["signer"] == ["RAPHEL"]
    assert facts["paragraph_markings"] == ["C", None, None, None]
    assert facts["persons"] == ["Raphel"]


STATE_1991 = """\
O 021530Z MAR 91 ZFF-4
FM SECSTATE WASHDC
TO RUEHAD/AMEMBASSY ABU DHABI IMMEDIATE 4567
RUEHRH/AMEMBASSY RIYADH IMMEDIATE 8901
INFO RUEKJCS/JOINT STAFF WASHDC
RUEKJCS/SECDEF WASHDC
RUEAIIA/CIA WASHDC
RHEHNSC/NSC WASHDC
BT
S E C R E T STATE 123456 TOSEC 100123

NODIS

E.O. 12356: DECL: OADR
TAGS: PREL, MARR, IZ, SA, US
SUBJECT: POST-WAR SECURITY ARRANGEMENTS IN THE GULF

REF: A) 91 STATE 123 B) RIYADH 2345

1. S - ENTIRE TEXT.

2. THE SECRETARY WISHES TO CONVEY THE FOLLOWING TO THE KING.

EAGLEBURGER
BT
#3456
NNNN
"""


def test_state_1991() -> None:
    facts = _facts(STATE_1991)
    assert facts["reference_id"] == "91STATE123456"
    assert facts["created"] == "1991-03-02T15:30:00Z"
    assert facts["origin"] == "Secretary of State"
    assert facts["classification"] == "SECRET"
    assert facts["captions"] == ["NODIS"]
    assert facts["precedence"] == "IMMEDIATE"
    assert facts["recipients"] == [
        _to("AMEMBASSY ABU DHABI", "RUEHAD", "IMMEDIATE", "4567"),
        _to("AMEMBASSY RIYADH", "RUEHRH", "IMMEDIATE", "8901"),
    ]
    assert [r["name"] for r in facts["info_recipients"]] == [
        "JOINT STAFF WASHDC",
        "SECDEF WASHDC",
        "CIA WASHDC",
        "NSC WASHDC",
    ]
    assert facts["references"] == [
        _ref("A", "91 STATE 123", "91STATE123"),
        _ref("B", "RIYADH 2345", "91RIYADH2345"),
    ]
    assert facts["signer"] == ["EAGLEBURGER"]
    assert facts["paragraph_markings"] == ["S", None]
    assert facts["declassify_on"] is None


STATE_1984_STADIS = """\
O 101700Z MAY 84
FM SECSTATE WASHDC
TO AMEMBASSY BONN IMMEDIATE 2222
BT
CONFIDENTIAL STATE 135790

STADIS//////////////////////////////////////////////////////

E.O. 12356: DECL: OADR
TAGS: PREL, GE, US, OVIP (SHULTZ, GEORGE P.)
SUBJECT: SECRETARY'S MEETING WITH GENSCHER

1. CONFIDENTIAL ENTIRE TEXT.

2. THE SECRETARY MET GENSCHER MAY 9.

SHULTZ
BT
#5790
NNNN
"""


def test_state_1984_stadis() -> None:
    facts = _facts(STATE_1984_STADIS)
    assert facts["reference_id"] == "84STATE135790"
    assert facts["classification"] == "CONFIDENTIAL"
    assert facts["captions"] == ["STADIS"]
    assert facts["tags"] == ["PREL", "GE", "US", "OVIP (SHULTZ, GEORGE P.)"]
    assert facts["paragraph_markings"] == ["C", None]
    assert facts["signer"] == ["SHULTZ"]
    assert facts["persons"] == ["Shultz, George P."]


# -- snippets ----------------------------------------------------------------------------

_HEAD = (
    "R 031200Z FEB 84\nFM AMEMBASSY BONN\nTO SECSTATE WASHDC 1111\nBT\n"
    "C O N F I D E N T I A L BONN 01234\n\nE.O. 12356: DECL: OADR\nTAGS: PREL, GE\n"
    "SUBJECT: KOHL ON INF DEPLOYMENT\n\n"
)


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("1. C - ENTIRE TEXT.", "C"),
        ("1. S - ENTIRE TEXT.", "S"),
        ("1. U - ENTIRE TEXT.", "U"),
        ("1. LOU - ENTIRE TEXT.", "LOU"),
        ("1. C-ENTIRE TEXT.", "C"),
        ("1. S -- ENTIRE TEXT.", "S"),
        ("1. CONFIDENTIAL ENTIRE TEXT.", "C"),  # no dash
        ("1. UNCLAS - ENTIRE TEXT.", "U"),
        ("1. (S - ENTIRE TEXT.)", "S"),  # excerpt 131 (87TOKYO6230), a bracket round it
        ("1. (C - ENTIRE TEXT)", "C"),
        ("1. CONFIDENTIAL - ENTIRE TEXT.", "C"),  # excerpt 086 (93KIGALI3188)
        ("1. (C) ENTIRE TEXT.", "C"),
        ("1. US ENTIRE TEXT WAS SENT.", None),  # no level
        ("1. THE ENTIRE TEXT FOLLOWS.", None),
    ],
)
def test_whole_text_marking(first: str, expected: str | None) -> None:
    body = f"{first}\n\n2. KOHL SAID HE WOULD STAND FIRM.\n\nBURNS\n"
    assert _value(_HEAD + body, "paragraph_markings") == [expected, None]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("STADIS//////////////////////////////", ["STADIS"]),
        ("EXDIS/////////", ["EXDIS"]),
        ("NODIS", ["NODIS"]),
        ("NODIS CHEROKEE", ["NODIS", "CHEROKEE"]),
        ("STADIS/////// EXDIS", ["STADIS", "EXDIS"]),
        ("NOFORN//REL", []),  # no line of captions: a marking and a word
        ("INFORM CONSULS", ["INFORM CONSULS"]),
    ],
)
def test_caption_lines(line: str, expected: list[str]) -> None:
    text = (
        "R 031200Z FEB 84\nFM AMEMBASSY BONN\nTO SECSTATE WASHDC 1111\nBT\n"
        f"S E C R E T BONN 01234\n\n{line}\n\nE.O. 12356: DECL: OADR\nTAGS: PREL\n"
        "SUBJECT: TEST\n\n1. TEXT.\n\nBURNS\n"
    )
    assert _value(text, "captions") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("E.O. 12356: DECL: OADR", None),
        ("E.O. 12356: N/A", None),
        ("E.O. 12356: DECL: 1/15/92", "1992-01-15"),
        ("E.O. 12958: DECL: 6/30/05", "2005-06-30"),
        ("E.O. 12958: DECL: 1.6X1", None),
        # a downgrade instruction after the declassification: its date is no
        # declassification date
        ("E.O. 12356: DECL: OADR ; DNG: CO 1/15/88", None),
        ("E.O. 12356: DECL: OADR DNG: UNCLAS 6/1/89", None),
        ("E.O. 12958: DECL: 12/31/05; DNG: CO 12/31/02", "2005-12-31"),
        ("E.O. 12958: DNG: CO 12/31/02, DECL: 12/31/05", "2005-12-31"),
        ("E.O. 12065: GDS 12/31/88 (SMITH, JOHN) OR-P", "1988-12-31"),
    ],
)
def test_eo_lines(line: str, expected: str | None) -> None:
    text = _HEAD.replace("E.O. 12356: DECL: OADR", line) + "1. TEXT.\n\nBURNS\n"
    assert _value(text, "declassify_on") == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("OVIP (SHULTZ, GEORGE P.)", ["Shultz, George P."]),
        # a suffix written among the given names
        ("OVIP (BAKER, JAMES A. III)", ["Baker, James A., III"]),
        ("OVIP (BAKER, JAMES A., III)", ["Baker, James A., III"]),
        # a surname of two words or more, before the comma
        ("PREL, PK, OVIP (ZIA UL-HAQ, MOHAMMAD)", ["Zia Ul-Haq, Mohammad"]),
        ("OVIP (DE KLERK, F.W.)", ["De Klerk, F.W."]),
        ("OVIP (PEREZ DE CUELLAR, JAVIER)", ["Perez De Cuellar, Javier"]),
        # given name first, then a party and state, or a title
        ("OREP (DAVE OBEY, D-WISC.)", ["Obey, Dave"]),
        ("OVIP (JOHN SMITH, ASSISTANT SECRETARY)", ["Smith, John"]),
    ],
)
def test_person_tags(tags: str, expected: list[str]) -> None:
    text = _HEAD.replace("TAGS: PREL, GE", "TAGS: " + tags) + "1. TEXT.\n"
    assert _value(text, "persons") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("2. COMMENT: KOHL IS CONFIDENT. END COMMENT.", ["KOHL IS CONFIDENT."]),
        ("2. EMBASSY COMMENT: KOHL IS CONFIDENT. END COMMENT.", ["KOHL IS CONFIDENT."]),
        # a comment with the post's recommendation
        (
            "2. COMMENT AND RECOMMENDATION: WE SHOULD AGREE. END COMMENT AND RECOMMENDATION.",
            ["WE SHOULD AGREE."],
        ),
        ("2. COMMENT AND RECOMMENDATIONS: WE SHOULD AGREE.\n\n3. MORE.", ["WE SHOULD AGREE."]),
        ("2. Comment and recommendation: We should agree.  End comment.", ["We should agree."]),
    ],
)
def test_comment_labels(body: str, expected: list[str]) -> None:
    assert _value(_HEAD + "1. TEXT.\n\n" + body + "\n", "comment") == expected


# a copy printed from the State Department's archive (FOIA releases of the 1990s): the
# first page's header with the distribution, no BT, a page header inside the text
ISLAMABAD_1994 = """\
                                                        CONFIDENTIAL

PAGE 01        ISLAMAB  04567  01 OF 02  110915Z
ACTION NEA-01

INFO  LOG-00   ADS-00   AID-00   INR-00   SS-00    CIAE-00  DODE-00
      NSAE-00  PM-00    SP-00    /010W
                  ------------------234567  110917Z /38
O 110900Z MAY 94
FM AMEMBASSY ISLAMABAD
TO SECSTATE WASHDC IMMEDIATE 5678
INFO AMEMBASSY NEW DELHI
AMCONSUL KARACHI

C O N F I D E N T I A L SECTION 01 OF 02 ISLAMABAD 004567

E.O. 12356: DECL:OADR
TAGS: PREL, PGOV, PK, IN
SUBJECT: PRIME MINISTER BHUTTO ON KASHMIR

REF: (A) STATE 98765, (B) NEW DELHI 4321

1.  CONFIDENTIAL - ENTIRE TEXT.

2.  SUMMARY:  PRIME MINISTER BHUTTO TOLD THE AMBASSADOR
MAY 10 THAT PAKISTAN WOULD WELCOME US MEDIATION ON
KASHMIR.  END SUMMARY.

                         CONFIDENTIAL

PAGE 02        ISLAMAB  04567  01 OF 02  110915Z
3.  BHUTTO SAID SHE HAD RAISED THE ISSUE WITH
PRESIDENT CLINTON.

4.  COMMENT:  BHUTTO IS UNDER PRESSURE FROM THE
OPPOSITION.  END COMMENT.

MONJO

                         CONFIDENTIAL

>
"""


def test_islamabad_1994_printed_copy() -> None:
    facts = _facts(ISLAMABAD_1994)
    assert facts["reference_id"] == "94ISLAMABAD4567"
    assert facts["created"] == "1994-05-11T09:00:00Z"
    assert facts["origin"] == "Embassy Islamabad"
    assert facts["precedence"] == "IMMEDIATE"
    assert facts["recipients"] == [_to("SECSTATE WASHDC", None, "IMMEDIATE", "5678")]
    assert facts["info_recipients"] == [_to("AMEMBASSY NEW DELHI"), _to("AMCONSUL KARACHI")]
    assert facts["classification"] == "CONFIDENTIAL"
    assert facts["subject"] == "PRIME MINISTER BHUTTO ON KASHMIR"
    assert facts["summary"] == (
        "PRIME MINISTER BHUTTO TOLD THE AMBASSADOR MAY 10 THAT PAKISTAN WOULD WELCOME US "
        "MEDIATION ON KASHMIR."
    )
    assert facts["comment"] == ["BHUTTO IS UNDER PRESSURE FROM THE OPPOSITION."]
    assert facts["references"] == [
        _ref("A", "STATE 98765", "94STATE98765"),
        _ref("B", "NEW DELHI 4321", "94NEWDELHI4321"),
    ]
    assert facts["paragraph_markings"] == ["C", None, None, None]
    assert facts["signer"] == ["MONJO"]


@pytest.mark.parametrize(
    "banner", ["UNCLAS STATE 012345 INFORM CONSULS", "UNCLAS STATE 012345, INFORM CONSULS"]
)
def test_inform_consuls_after_the_serial(banner: str) -> None:
    """INFORM CONSULS after the serial leaves the line a banner (its id and level are read)."""
    text = (
        "R 150800Z JAN 88\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC AND CONSULAR POSTS\nBT\n"
        f"{banner}\n\nE.O. 12356: N/A\nTAGS: CVIS\nSUBJECT: VISAS\n\n1. TEXT.\n"
    )
    cable = cablelib.loads(text)
    assert cablelib.extract(cable, only=["reference_id", "classification", "captions"]) == {
        "reference_id": "88STATE12345",
        "classification": "UNCLASSIFIED",
        "captions": ["INFORM CONSULS"],
    }

"""Tests of the subject, summary and comment extractors."""

from __future__ import annotations

import re

import pytest

import cablelib
from _corpus import SHARED_CORPUS
from cablelib.extractors.subject import clean_subject

HEAD = "C O N F I D E N T I A L SECTION 01 OF 02 USNATO 000383\n\nSIPDIS\n\n"


def _extract(text: str, field: str) -> object:
    return cablelib.extract(cablelib.loads(text), only=[field])[field]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("(C) U.S.- ARGENTINE RELATIONS", "U.S.- ARGENTINE RELATIONS"),  # FORMAT 4.5
        ("(S//NF) IRAN:  NEW   SANCTIONS ", "IRAN: NEW SANCTIONS"),
        ("(SBU) TITLE", "TITLE"),
        ("(C/NF) MEXICO SECURITY (C-AL9-01454)", "MEXICO SECURITY (C-AL9-01454)"),  # 09STATE74787
        (
            "spanish metal merchant supplies syrian entities (s)",
            "spanish metal merchant supplies syrian entities",
        ),  # 09STATE4134
        (
            "BOLIVIA'S REFERENDUM: MARGIN OF VICTORY MATTERS <br> <br>",
            "BOLIVIA'S REFERENDUM: MARGIN OF VICTORY MATTERS",
        ),  # 09LAPAZ96
        (
            "SCENESETTER FOR WHA A/S VISIT TO SPAIN <",
            "SCENESETTER FOR WHA A/S VISIT TO SPAIN",
        ),  # 10MADRID87
        ("PM AND THE &golpe8 RUMORS", 'PM AND THE "golpe" RUMORS'),  # FORMAT 4.7 mojibake
        ("IRAN (PART 3 OF 4)", "IRAN (PART 3 OF 4)"),  # 09TELAVIV2502: not a marking
    ],
)
def test_clean_subject(written: str, expected: str) -> None:
    assert clean_subject(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "SUBJECT: (C) NATO SECRETARY GENERAL\n   SELECTION \n\n1. (C) Text.\n",
            "NATO SECRETARY GENERAL SELECTION",
        ),
        (HEAD + "SUBJ: SHORT FORM\n\n1. (C) Text.\n", "SHORT FORM"),  # 09BAGHDAD2569
        (HEAD + "1. (C) No subject here.\n", None),
    ],
)
def test_subject(text: str, expected: str | None) -> None:
    assert _extract(text, "subject") == expected


SUMMARY_CASES = [
    # 08BRASILIA504: label and end in the same paragraph
    ("1. (C) Summary: Brazil backtracked. End Summary.\n\n2. (U) More.\n", "Brazil backtracked."),
    # 09KABUL140: Summary. ... End Summary. over two paragraphs, page break between
    (
        "1. (C) Summary. First part.\n\nKABUL 00000140 002 OF 003\n\nstill first.\n\n"
        "2. (C) Second part. End summary.\n\n3. (C) Rest.\n",
        "First part. still first. Second part.",
    ),
    ("1. (S) BEGIN SUMMARY: Begun. END SUMMARY.\n", "Begun."),
    ("1. (C) SUMMARY AND COMMENT: Both. END SUMMARY AND COMMENT.\n", "Both."),
    ("1. (C) Summay: Typo. End Summary.\n", "Typo."),  # 09OSLO146
    # 07BAGHDAD3895: END SUMMARY without a start
    ("1. (C) No label at all. END SUMMARY.\n\n2. (C) Other.\n", "No label at all."),
    # no end: the rest of the paragraph
    ("1. (C) Summary: Only this. \n\n2. (C) Not this.\n", "Only this."),
    # 09STOCKHOLM418: a heading, no end: up to the next heading
    (
        "-------\nSUMMARY\n-------\n1. (U) One.\n2. (C) Two.\n----\nIRAN\n----\n3. (C) Three.\n",
        "One. Two.",
    ),
    ("1. (C) A summary of the talks was given.\n", None),
    ("1. (C) Nothing.\n", None),
]


@pytest.mark.parametrize(("body", "expected"), SUMMARY_CASES)
def test_summary(body: str, expected: str | None) -> None:
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "summary") == expected


COMMENT_CASES = [
    ("1. (C) Comment: In one. End Comment.\n", ["In one."]),
    # 08BRASILIA504: (Comment: ... End comment.) inside a paragraph
    ("1. (C) Text. (Comment: Aside. End comment.) More text.\n", ["Aside."]),
    ("1. (C) COMMENT: Spans.\n\n2. (C) Two paragraphs. END COMMENT.\n", ["Spans. Two paragraphs."]),
    # a heading with a title, text in the next paragraph, no end
    (
        "1. (C) Fact.\n-------\nComment: A Title\n-------\n2. (C) Opinion.\n\n3. (C) Later.\n",
        ["Opinion."],
    ),
    ("1. (C) EMBASSY COMMENT: Ours. END COMMENT.\n", ["Ours."]),  # 08BRASILIA429
    ("1. (C) He declined to comment: none.\n", []),
    ("1. (C) Comment: [DETAILS REMOVED]\n", ["[DETAILS REMOVED]"]),
    ("1. (C) Comment: One. End Comment.\n\n2. (C) Comment: Two. End Comment.\n", ["One.", "Two."]),
    # 09ISTANBUL83: a comment inside a summary ends with it
    ("1. (C) Summary: Gist. Comment: View. End Summary.\n\n2. (C) Body.\n", ["View."]),
]


@pytest.mark.parametrize(("body", "expected"), COMMENT_CASES)
def test_comment(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "comment") == expected


def test_provenance_names_lines() -> None:
    text = HEAD + "SUBJECT: S\n\n1. (C) Summary: X. End Summary.\n\n2. (C) Y.\n"
    out = cablelib.extract(cablelib.loads(text), only=["summary"], provenance=True)
    spans = out["provenance"]["summary"]
    assert len(spans) == 1
    assert spans[0]["text"].startswith("1. (C) Summary")


def _pages() -> list[cablelib.Cable]:
    files = sorted(SHARED_CORPUS.glob("cablegate-*/**/*.html"))
    return [cablelib.load(path) for path in files]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_subject_agrees_with_page_title() -> None:
    """The page's h3 subject (truncated, marking's "(" lost) is a prefix of ours."""
    agree = total = 0
    for cable in _pages():
        page = cable.page
        ours = cablelib.extract(cable, only=["subject"])["subject"]
        if page is None or not page.subject or not ours:
            continue
        total += 1
        theirs = " ".join(page.subject.split()).lstrip('(\u201c"')
        theirs = re.sub(r"^[A-Za-z/]{1,6}\)\s*", "", theirs)
        agree += ours.lower().startswith(theirs.lower())
    assert total > 400
    assert agree / total >= 0.99  # measured 517/518


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_summary_and_comment_coverage() -> None:
    cables = _pages()
    summaries = sum(1 for c in cables if cablelib.extract(c, only=["summary"])["summary"])
    comments = sum(1 for c in cables if cablelib.extract(c, only=["comment"])["comment"])
    assert summaries / len(cables) >= 0.75  # measured 411/523
    assert comments / len(cables) >= 0.45  # measured 257/523

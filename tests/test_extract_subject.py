"""Tests of the subject, summary and comment extractors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS
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
    # the end's variants, over two paragraphs
    *(
        (f"1. (C) Summary: One.\n\n2. (C) Two. {end}\n\n3. (C) Body.\n", "One. Two.")
        for end in (
            "Ends Summary.",
            "ENDS SUMMARY",
            "End of Summary.",
            "END OF SUMMARY",
            "END SUMMARY AND COMMENT.",
            "(End summary.)",
            "[End Summary]",
        )
    ),
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
    # 08DAMASCUS427: the last paragraph's comment, with the signature glued to its end
    (
        "1. (C) Fact.\n\n2. (C) Comment: Still anxious, if nothing else. HOLMSTROM\n",
        ["Still anxious, if nothing else."],
    ),
    # ... but a name that is no signature, inside the text, stays
    (
        "1. (C) Comment: Ask HOLMSTROM. End Comment.\n\n2. (C) Fact.\n\nHOLMSTROM\n",
        ["Ask HOLMSTROM."],
    ),
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


# -- variants of FORMAT.md 4.5 and 4.8, in raw cables and inside Cablegate pages ------------

_PRE = "E.O. 12958: DECL: 10/01/2018\nTAGS: PREL, PGOV, AF\n"
_POST = (
    "\n\nClassified By: Ambassador Karl Eikenberry for reasons 1.4 (b) and (d).\n\n1. (C) Text.\n"
)

#: (the SUBJECT line(s) as written, the subject)
SUBJECT_LINES = [
    ("SUBJECT: (C) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    (
        "SUBJECT: (SBU) A LONG SUBJECT THAT\nWRAPS TO THE NEXT LINE",
        "A LONG SUBJECT THAT WRAPS TO THE NEXT LINE",
    ),
    (
        "SUBJECT: (C) A LONG SUBJECT THAT\n         WRAPS, INDENTED",
        "A LONG SUBJECT THAT WRAPS, INDENTED",
    ),
    ("SUBJECT: (C) A SUBJECT THAT\nWRAPS\nREF: KABUL 65", "A SUBJECT THAT WRAPS"),
    ("SUBJ: AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),  # 09BAGHDAD2569
    ("SUBJECT:AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT : AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("Subject: Afghanistan: Test", "Afghanistan: Test"),
    ("SUBJECT: (S/NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (S//NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C/NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C//REL ISAF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (U) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (SBU/NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (LOU) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C)AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST (C)", "AFGHANISTAN: TEST"),
    # the malformed marking of FORMAT.md 4.7, and a spelled-out classification
    ("SUBJECT: C) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (CONFIDENTIAL) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    # markings with a dash, in square brackets, with a release list
    ("SUBJECT: (C-NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (S-NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C - ENTIRE TEXT) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: [U] AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: [SBU] AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (SBU//NF) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (U//FOUO) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C//REL TO USA, GBR) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST (C-NF)", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST [U]", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST [S//NF].", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST. (C-NF)", "AFGHANISTAN: TEST."),
    # parentheses that are no marking stay
    ("SUBJECT: (SBU) AFGHANISTAN: TEST (U.S.)", "AFGHANISTAN: TEST (U.S.)"),
    ("SUBJECT: AFGHANISTAN: TEST (A)", "AFGHANISTAN: TEST (A)"),
    ("SUBJECT: IRANIAN OUTREACH (C-AL8-02836)", "IRANIAN OUTREACH (C-AL8-02836)"),
    ("SUBJECT: RUSSIA: THE S-300 (S-300)", "RUSSIA: THE S-300 (S-300)"),
    ("SUBJECT: [REMOVED] AND TEST [C]", "[REMOVED] AND TEST"),
]


@pytest.mark.parametrize(("written", "expected"), SUBJECT_LINES)
def test_subject_line_variants(written: str, expected: str) -> None:
    assert _extract(HEAD + _PRE + written + _POST, "subject") == expected


_S = "SUBJECT: TEST\n\n"
_REST = "\n\n2. (C) Body.\n"

#: (the first paragraph(s), the summary)
SUMMARY_CASES = [
    ("1. (C) SUMMARY: The summary text. END SUMMARY.", "The summary text."),
    ("1. (C) Summary. The summary text. End Summary.", "The summary text."),  # 09KABUL140
    ("1. (C) Summary: The summary text.\nEnd summary.", "The summary text."),
    ("1. (C) BEGIN SUMMARY: The summary text. END SUMMARY.", "The summary text."),
    ("1. (C) SUMMARY AND COMMENT: The summary text. END SUMMARY AND COMMENT.", "The summary text."),
    (
        "1. (SBU) Summary and Action Request: The summary text. End Summary and Action Request.",
        "The summary text.",
    ),
    ("1. (C) SUMMARY. THE SUMMARY TEXT. END SUMMARY", "THE SUMMARY TEXT."),
    ("1. (C) Summary: The summary text. (End Summary)", "The summary text."),
    ("1. (C) SUMMARY -- The summary text. END SUMMARY.", "The summary text."),
    ("1. (C) Summary:  The summary\ntext.  End Summary.", "The summary text."),
    ("1. (C) Summay: The summary text. End Summary.", "The summary text."),  # 09OSLO146
    # no start (07BAGHDAD3895)
    ("1. (C) The summary text. END SUMMARY.", "The summary text."),
    # no end: the rest of the paragraph
    ("1. (C) Summary: The summary text.", "The summary text."),
    # over several paragraphs, and across a page marker
    ("1. (C) SUMMARY: One.\n\n2. (C) Two. END SUMMARY.", "One. Two."),
    (
        "1. (C) Summary. The summary\n\nKABUL 00000140  002 OF 003\n\ntext. End Summary.",
        "The summary text.",
    ),
    # a heading
    ("SUMMARY\n-------\n\n1. (C) The summary text.", "The summary text."),
    # a word "summary" in running text is no label
    (
        "1. (U) This cable gives a summary of the talks.\n\n2. (C) Summary: The text. End Summary.",
        "The text.",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SUMMARY_CASES)
def test_summary_variants(body: str, expected: str) -> None:
    assert _extract(HEAD + _S + body + _REST, "summary") == expected


COMMENT_CASES = [
    ("1. (C) Text. COMMENT: The comment. END COMMENT.", ["The comment."]),
    # a word that wraps to the start of a line is no label (08RANGOON44 wrapped at 60)
    (
        "1. (C) We welcome their constructive\ncomments. Charge said more.\n\n"
        "2. (C) Comment: Real one. End Comment.",
        ["Real one."],
    ),
    # Windows line ends
    ("1. (C) Text.\r\n\r\nComment\r\n-------\r\n\r\n2. (C) Opinion.\r\n", ["Opinion."]),
    ("1. (C) Comment: The comment.\n\n2. (C) Body.", ["The comment."]),
    ("1. (C) Text. (Comment: The comment. End comment.) More.", ["The comment."]),
    ("1. (C) Comment: [DETAILS REMOVED]", ["[DETAILS REMOVED]"]),
    ("1. (C) Text. Begin Comment: The comment. End Comment.", ["The comment."]),
    # whose comment, named at the start and at the end
    ("1. (C) Text. Embassy Comment: The comment. End Embassy Comment.", ["The comment."]),
    ("1. (C) Text. POST COMMENT: The comment. END POST COMMENT.", ["The comment."]),
    ("1. (C) Comment and Action Request: The comment. End Comment.", ["The comment."]),
    (
        "1. (C) COMMENT: First.\n\n2. (C) Text.\n\n3. (C) COMMENT: Second. END COMMENT.",
        ["First.", "Second."],
    ),
    (
        "1. (C) Text. COMMENT: The comment\n\nKABUL 00000140  002 OF 003\n\nwraps. END COMMENT.",
        ["The comment wraps."],
    ),
    # "end of summary and comment" ends no comment early
    ("1. (C) SUMMARY AND COMMENT: Text. END SUMMARY AND COMMENT.", ["Text."]),
]


@pytest.mark.parametrize(("body", "expected"), COMMENT_CASES)
def test_comment_variants(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + _S + body + "\n", "comment") == expected


def _page(body: str) -> str:
    """A Cablegate page (10KUWAIT161's chrome and header) whose body ``<pre>`` is ``body``."""
    page = (VENDORED_CORPUS / "10KUWAIT161.html").read_text(encoding="utf-8")
    start = page.rfind("<code><pre>") + len("<code><pre>")
    end = page.find("</pre></code>", start)
    body = re.sub(
        r"(?m)^(\d+)\.", lambda m: f"<a id='par{m[1]}' href='#par{m[1]}'>¶</a>{m[1]}.", body
    )
    return page[:start] + body.replace("\n", "&#x000A;") + page[end:]


@pytest.mark.parametrize(
    ("field", "written", "expected"),
    [
        (
            "subject",
            "SUBJECT: (C) GOK QUIETLY CONCERNED ABOUT IRANIAN \nENRICHMENT PLANS ",
            "GOK QUIETLY CONCERNED ABOUT IRANIAN ENRICHMENT PLANS",
        ),
        ("summary", "1. (C) Summary: Kuwait is worried. End Summary.", "Kuwait is worried."),
        ("summary", "1. (C) SUMMARY: One.\n\n2. (C) Two. END SUMMARY.", "One. Two."),
        (
            "comment",
            "1. (C) Text. Comment: Kuwait is worried. End Comment.",
            ["Kuwait is worried."],
        ),
    ],
)
def test_in_cablegate_pages(field: str, written: str, expected: object) -> None:
    subject = written if field == "subject" else "SUBJECT: GOK CONCERNED "
    body = "" if field == "subject" else written
    text = (
        "C O N F I D E N T I A L KUWAIT 000161 \n \nSIPDIS \n \n"
        f"E.O. 12958: DECL: 02/23/2020 \nTAGS: PREL \n{subject}\n \n"
        "Classified By: Political Counselor Pete O'Donohue for reasons 1.4 b and d \n \n"
        f"{body or '1. (C) Text.'} \n \n2. (C) More. \n \nJONES\n"
    )
    cable = cablelib.loads(_page(text))
    assert cable.page is not None
    assert _extract_cable(cable, field) == expected


def _extract_cable(cable: cablelib.Cable, field: str) -> object:
    return cablelib.extract(cable, only=[field])[field]


_TIDY_PIECES = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "(",
        ")",
        ".",
        ":",
        "-",
        "---",
        "***",
        "a",
        "Z",
        "9",
        "_",
        "\u00e9",
        "Visit ",
        "our web site",
        "Please ",
        "\t",
        "- - -",
    ]
)


@given(st.lists(_TIDY_PIECES, max_size=12).map("".join) | st.text(max_size=40))
def test_is_blank_is_an_empty_tidy(text: str) -> None:
    from cablelib.extractors.subject import _is_blank, _tidy  # noqa: PLC0415 - private

    assert _is_blank(text) == (not _tidy(text))


@given(
    st.lists(_TIDY_PIECES | st.sampled_from(["=", "*", "-\t-", "=_*", "--"]), max_size=12).map(
        "".join
    )
    | st.text(alphabet="-*=_ \t\na", max_size=40)
)
def test_rules_are_dropped_as_the_pattern_drops_them(text: str) -> None:
    from cablelib.extractors.subject import _RULE, _drop_rules  # noqa: PLC0415 - private

    assert _drop_rules(text) == _RULE.sub(" ", text)


def test_plusd_summary_under_the_ref_line_across_a_page_break() -> None:
    """Excerpt 005's layout: SUMMARY: (C) right under REFS, END SUMMARY on the next page."""
    text = (
        "CONFIDENTIAL\n\nE.O. 12065: GDS 1/19/85\nTAGS: PGOV, VE\n"
        "SUBJECT: US-VENEZUELAN RELATIONS UNTIL MARCH 1979\n"
        "REFS: (A) 78 CARACAS 11310, (B) CARACAS 0104\n"
        "SUMMARY: (C) THIS MESSAGE ASSESSES THE CLIMATE AND PROSPECTS\n"
        "FOR US-VENEZUELAN RELATIONS.\n"
        "CONFIDENTIAL\n\nPAGE 02 CARACA 00562 01 OF 02 210729Z\n"
        "HE MAY STRIKE OUT ON HIS OWN.\nEND SUMMARY.\n\n1. PRESIDENT PEREZ IS TRYING.\n"
    )
    found = cablelib.extract(cablelib.loads(text), only=["summary", "references", "subject"])
    assert found["summary"] == (
        "THIS MESSAGE ASSESSES THE CLIMATE AND PROSPECTS FOR US-VENEZUELAN RELATIONS. "
        "HE MAY STRIKE OUT ON HIS OWN."
    )
    assert [r["letter"] for r in found["references"]] == ["A", "B"]
    assert found["subject"] == "US-VENEZUELAN RELATIONS UNTIL MARCH 1979"


# -- more variants: labels written twice, run-on lines, parenthesized comments ---------------

#: (the SUBJECT line(s) as written, the subject)
MORE_SUBJECT_LINES = [
    ("SUBJECT: SUBJECT: AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),  # 10BRUSSELS183
    ("SUBJECT: SUBJ: AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (C) (U) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: (S/REL TO USA, AUS) AFGHANISTAN: TEST", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST (U).", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST (A).", "AFGHANISTAN: TEST (A)."),
    ("SUBJECT: AFGHANISTAN: TEST REF: STATE 123", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: TEST REFS: A) STATE 123", "AFGHANISTAN: TEST"),
    ("SUBJECT: AFGHANISTAN: REFORM OF THE TEST", "AFGHANISTAN: REFORM OF THE TEST"),
    ("SUBJECT: QUOTE&#39;S &amp; &quot;TEST&quot;", 'QUOTE\'S & "TEST"'),
    (
        "SUBJECT: A LONG SUBJECT THAT WRAPS OVER FOUR LINES OF THE\nCABLE, WITHOUT ANY\n"
        "INDENTATION, SO AS TO\nTEST THE WIDTH RULE",
        "A LONG SUBJECT THAT WRAPS OVER FOUR LINES OF THE CABLE, WITHOUT ANY INDENTATION, "
        "SO AS TO TEST THE WIDTH RULE",
    ),
]


@pytest.mark.parametrize(("written", "expected"), MORE_SUBJECT_LINES)
def test_more_subject_line_variants(written: str, expected: str) -> None:
    assert _extract(HEAD + _PRE + written + _POST, "subject") == expected


def test_plusd_subject_runs_into_an_unnumbered_body() -> None:
    """Excerpt 111's layout: the body starts right under a wrapped subject, no blank line."""
    text = (
        "LIMITED OFFICIAL USE STATE 218984\nE.O. 11652: N/A\nTAGS: OVIP (KISSINGER, HENRY A.)\n"
        "SUBJECT: SECRETARY'S VISIT: ADMINISTRATIVE-LOGISTICAL\nARRANGEMENTS\n"
        "THE ADMINISTRATIVE/LOGISTICAL REQUIREMENTS IN SUPPORT OF\n"
        "THE SECRETARY'S VISIT FOLLOW. LOCAL CONDITIONS MAY\nNECESSITATE SOME CHANGES.\n"
        "1. ETA - PARTY COMPOSITION\nTHE PARTY WILL BE COMPOSED OF FORTY PEOPLE.\n"
    )
    assert _extract(text, "subject") == "SECRETARY'S VISIT: ADMINISTRATIVE-LOGISTICAL ARRANGEMENTS"


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # 09MOSCOW1108, 09STATE30049: the subject's last words after a blank line
        ("\n\nREFORM\n\nREF: MOSCOW 123", "NORTH KOREA AFTER CURRENCY REFORM"),
        ("\n\nREFORM\n\nClassified By: Ambassador X for reasons 1.4 (b) and (d).", None),
        # not continuations: a label, lower case under an upper-case subject, a paragraph
        ("\n\nDERIVED FROM: DSCG 05-1 B, D\n\nREF: MOSCOW 123", "NORTH KOREA AFTER CURRENCY"),
        ("\n\nreform\n\nREF: MOSCOW 123", "NORTH KOREA AFTER CURRENCY"),
        ("\n\n1. (C) Reform is the topic.\n\nREF: MOSCOW 123", "NORTH KOREA AFTER CURRENCY"),
        # a REF line without its colon, which the grammar reads as text
        ("\n\nREF MOSCOW 123\nClassified By: X for reasons 1.4 (b).", "NORTH KOREA AFTER CURRENCY"),
        ("\n\nREFTEL STATE 1\n\nREF: MOSCOW 123", "NORTH KOREA AFTER CURRENCY"),
    ],
)
def test_subject_continued_after_a_blank_line(between: str, expected: str | None) -> None:
    text = HEAD + _PRE + "SUBJECT: NORTH KOREA AFTER CURRENCY" + between + _POST
    assert _extract(text, "subject") == (expected or "NORTH KOREA AFTER CURRENCY REFORM")


MORE_SUMMARY_CASES = [
    ("1. (C) BEGIN SUMMARY The summary text. END SUMMARY.", "The summary text."),
    ("1. (C) Summary/Comment: The summary text. End Summary/Comment.", "The summary text."),
    ("1. (C) SUMARY: The summary text. END SUMARY.", "The summary text."),
    ("1. (C) Summary: The summary text. (END SUMMARY.)", "The summary text."),
    ("1. (C) Summary: The summary text. -- End Summary --", "The summary text."),
    # 08ROME1406, 10ABUDHABI9: the label written twice
    ("1. (C) Summary. 1. (C) Summary. The summary text.", "The summary text."),
    ("(S//NF) Summary\n\n1. (S//NF) SUMMARY. The summary text.", "The summary text."),
    ("1. (C) In summary, nothing.\n\n2. (C) Summary: The summary text.", "The summary text."),
    # 07BAGHDAD3504: a summary under a framed heading ends where the next heading stands,
    # also inside the paragraph it starts in
    (
        "-------\nSummary\n-------\n\n1. (C) The summary text.\n\n-------\nBackground\n"
        "-------\n\n2. (C) Other text.",
        "The summary text.",
    ),
    (
        "-------\nSummary\n-------\n\n1. (C) The summary\ntext.\n-------\nBackground\n"
        "-------\nOther text.",
        "The summary text.",
    ),
    # the next framed heading paragraphs on, past a rule (09STATE14577)
    (
        "-------\nSummary\n-------\n\n1. (C) The summary text.\n\n2. (C) More.\n-----\n\n"
        "3. (C) Still.\n\n-------\nBackground\n-------\n\n4. (C) Other text.",
        "The summary text. More. Still.",
    ),
    # an underlined heading among the paragraph's lines ends it (09ROME649, 09VIENNA1058)
    (
        "Summary\n-------\n\n1. (C) The summary text.\n\nBerlusconi the Politician\n-----\n\n"
        "2. (C) Other text.",
        "The summary text.",
    ),
    (
        "1. (C) Summary: The summary text.\n\n----------\nA Lack of Leadership\n----------\n\n"
        "2. (C) Other text.",
        "The summary text.",
    ),
]


@pytest.mark.parametrize(("body", "expected"), MORE_SUMMARY_CASES)
def test_more_summary_variants(body: str, expected: str) -> None:
    assert _extract(HEAD + _S + body + _REST, "summary") == expected


MORE_COMMENT_CASES = [
    # a parenthesized comment ends with its parenthesis (09TUNIS516, 10MADRID174)
    ("1. (C) Fact. (Comment: The comment.) More fact.", ["The comment."]),
    ("1. (C) Fact. (Comment: The (inner) view.) More.", ["The (inner) view."]),
    ("1. (C) Fact.\n(2. (C) Comment: The comment.) More fact.", ["The comment."]),
    # " ) " is a dash in WikiLeaks' mojibake, no parenthesis (10BRUSSELS183)
    ("1. (C) Fact. (Comment: The ) bound ) tariffs.) More.", ["The ) bound ) tariffs."]),
    ("1. (C) Fact. Comment: The comment. (End Comment)", ["The comment."]),
    # no end: the paragraph, up to a heading among its lines
    ("1. (C) Comment: The comment.\n\nNext Part\n---------\n\n2. (C) Fact.", ["The comment."]),
    ("1. (C) Fact. Embassy comment: The comment. End embassy comment. More.", ["The comment."]),
    ("1. (C) Fact. Comment: The comment. End Commentg. More.", ["The comment."]),  # 06PARIS953
    (
        "1. (C) COMMENT: The (Note: aside. End Note) view. END COMMENT.",
        ["The (Note: aside. End Note) view."],
    ),
    # no comment labels: a quote's lead-in, an article (09ANKARA1594)
    ('1. (C) Fact. He comments: "A quote." More.', []),
    ("1. (C) Fact. A comment: none.", []),
    ("1. (C) Comment: The end user comments count. End Comment.", ["The end user comments count."]),
    # a signature with its title glued to the comment that ends the cable
    ("1. (C) Text. Comment: The comment.\nCROCKER, AMBASSADOR", ["The comment."]),
    ("1. (C) Text. Comment: The comment.\nSMITH (ACTING)", ["The comment."]),
    # a summary and comment is a comment too, in any case (09LAPAZ1784, 08KYIV2414)
    ("1. (C) Summary and comment: The text. End summary and comment.", ["The text."]),
    ("1. (C) SUMMARY AND COMMENT: THE TEXT. END SUMMARY AND COMMENT.", ["THE TEXT."]),
    (
        "1. (S) Summary and Comment: The text. End Summary and Comment.\n\n"
        "2. (S) Fact. Comment: The comment. End comment.",
        ["The text.", "The comment."],
    ),
]


@pytest.mark.parametrize(("body", "expected"), MORE_COMMENT_CASES)
def test_more_comment_variants(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + _S + body + "\n", "comment") == expected


@pytest.mark.parametrize(
    ("written", "station", "expected"),
    [
        # 08BRASILIA351: a page marker run on into the subject
        ("VISIT TO WASHINGTON BRASILIA 00000351 001.2 OF 003", "BRASILIA", "VISIT TO WASHINGTON"),
        ("VISIT TO LIMA BUENOS AIRES 00000641 002 OF 003", "BUENOS AIRES", "VISIT TO LIMA"),
        ("VISIT TO WASHINGTON BRASILIA 00000351 001.2 OF 003", None, "VISIT TO WASHINGTON"),
        ("REVIEW OF 003 CASES", None, "REVIEW OF 003 CASES"),
    ],
)
def test_clean_subject_drops_a_page_marker(
    written: str, station: str | None, expected: str
) -> None:
    assert clean_subject(written, station) == expected


def test_a_label_word_wrapped_to_a_line_start_is_no_label() -> None:
    """``End`` / ``summary.`` wrapped at 60 columns (10PARIS71): the end mark, not a new label."""
    body = "1. (C) Summary: The gist of it. End\nsummary.\n\n2. (C) Body text.\n"
    text = HEAD + "SUBJECT: S\n\n" + body
    assert _extract(text, "summary") == "The gist of it."
    assert _extract(text, "comment") == []


def test_trailing_white_space_changes_nothing() -> None:
    """Lines that end in spaces (a heading's rule, then the label) read as without them."""
    body = "1. (C) Fact.\n\n------------   \nCOMMENT AND ACTION REQUEST   \n------------   \n\n"
    body += "2. (C) We should act.   \nEnd Comment.\n"
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "comment") == ["We should act."]


# -- subjects on the TAGS line, lines under a subject that are not its own, mojibake -------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("TAGS: PREL, PGOV, AF SUBJECT: (C) THE TEST", "THE TEST"),
        ("TAGS: PREL PGOV AF SUBJ: THE TEST", "THE TEST"),
        ("TAGS: PREL, PGOV,\n  AF SUBJECT: THE TEST THAT\n     WRAPS", "THE TEST THAT WRAPS"),
        ("TAGS: PREL, PGOV, AF\nSUBJECT: THE TEST", "THE TEST"),
    ],
)
def test_subject_on_the_tags_line(header: str, expected: str) -> None:
    text = HEAD + "E.O. 12958: DECL: 10/01/2018\n" + header + "\nREF: STATE 1\n\n1. (C) Text.\n"
    found = cablelib.extract(cablelib.loads(text), only=["subject", "tags"])
    assert found["subject"] == expected
    assert found["tags"] == ["PREL", "PGOV", "AF"]


#: (the lines under the SUBJECT line, with no blank line between)
NOT_THE_SUBJECTS_LINES = [
    "REF STATE 12345",  # 1970s telegrams: no colon
    "REF (A) STATE 12345 (B) STATE 123",
    "REFERENCE: STATE 12345",
    "BEGIN SUMMARY: THE SHAH SAID. END SUMMARY.",
    "(C) SUMMARY: THE SHAH SAID. END SUMMARY.",
    "(SBU) This cable is sensitive but unclassified.",
    "This cable is sensitive but unclassified. Not for internet distribution.",
]


@pytest.mark.parametrize("under", NOT_THE_SUBJECTS_LINES)
def test_a_line_under_the_subject_that_is_not_its_own(under: str) -> None:
    text = HEAD + _PRE + "SUBJECT: IRAN-IRAQ RELATIONS\n" + under + "\n\n1. (C) Text.\n"
    assert _extract(text, "subject") == "IRAN-IRAQ RELATIONS"


@pytest.mark.parametrize(
    "second",
    [
        "WEDNESDAY, NOVEMBER 4, 2009",  # 09ANKARA1594: a short first line wraps too
        "REFORM OF THE BORDER REGIME",
        "SUMMARY OF DISCUSSIONS",
        "[Source removed] CALLS FOR A RECOUNT",
    ],
)
def test_a_second_line_that_continues_the_subject(second: str) -> None:
    text = HEAD + _PRE + "SUBJECT: IRAN-IRAQ RELATIONS\n" + second + _POST
    assert _extract(text, "subject") == "IRAN-IRAQ RELATIONS " + second


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("CAF\u00c3\u00a9 SOCIETY IN MEXICO", "CAF\u00e9 SOCIETY IN MEXICO"),
        ("IRAN\u00e2\u20ac\u2122S TEST", "IRAN\u2019S TEST"),  # as Windows-1252 shows it
        ("IRAN\u00e2\u0080\u0099S TEST", "IRAN\u2019S TEST"),  # as Latin-1 reads it
        # a byte lost (U+FFFD): that one is left as it is
        ("A \u00e2\u20ac\u0153QUOTE\u00e2\u20ac\ufffd", "A \u201cQUOTE\u00e2\u20ac\ufffd"),
        ("S\u00c3O PAULO", "S\u00c3O PAULO"),  # a real letter, no mojibake
    ],
)
def test_clean_subject_reads_utf8_mojibake(written: str, expected: str) -> None:
    assert clean_subject(written) == expected


@pytest.mark.parametrize(
    "end",
    ["[End Summary]", "ENDSUMMARY.", "End summmary.", "END SUMMAR.", "End Sumary."],
)
def test_summary_end_marks_in_brackets_and_mistyped(end: str) -> None:
    body = f"1. (C) Summary: The summary text. {end}\n\n2. (C) Body text.\n"
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "summary") == "The summary text."


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # PlusD telegrams: no blank line under the SUBJECT or REF line
        ("SUBJ: IRAN\nBEGIN SUMMARY: THE SHAH SAID. END SUMMARY.", "THE SHAH SAID."),
        ("SUBJ: IRAN\nREF: STATE 123\nBEGIN SUMMARY: THE SHAH SAID\nMUCH.", "THE SHAH SAID MUCH."),
        ("SUBJ: IRAN\n(C) SUMMARY. THE SHAH SAID. END SUMMARY.", "THE SHAH SAID."),
        ("SUBJ: IRAN\nSUMMARY OF TALKS", None),  # a subject that wraps
    ],
)
def test_summary_under_the_subject_or_ref_line(header: str, expected: str | None) -> None:
    text = HEAD + _PRE + header + "\n\n1. (C) Text.\n"
    assert _extract(text, "summary") == expected


def test_no_label_where_a_search_window_ends() -> None:
    # "comments" 60 characters after an earlier "comment", where that word's search window
    # ended: cut there, it read as the label "comment" (a block "s followed ...")
    first = "1. (C) He made a comment"
    body = (first + " on the talks, and the others agreed with it at once and said so")[
        : first.index("comment") + 58
    ]
    body += ". comments followed from all sides. Comment: The real one.\n"
    assert body.index("comments") - first.index("comment") == 60
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "comment") == ["The real one."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the patterns read a long s as s (re.I), and so does the search for their word
        ("1. (C) \u017fummary: The text. End \u017fummary.\n\n2. (C) Other.\n", "The text."),
        # İ lowers to two characters: the search keeps its offsets all the same
        (
            "1. (C) "
            + "\u0130ZM\u0130R " * 20
            + "talks. Summary: The text. End Summary.\n\n2. (C) Other.\n",
            "The text.",
        ),
    ],
)
def test_summary_with_letters_that_change_in_lower_case(body: str, expected: str) -> None:
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "summary") == expected


def test_no_label_made_by_the_end_of_a_search_window() -> None:
    # the window of "SUMMARY" (no label: mid-sentence) ended inside the later label
    # "Summary and Comment:", which read as "Summary and Com" and a summary "ment: ..."
    first = "1. (C) He read the SUMMARY: it was long"
    label = "Summary and Comment: The text. End Summary.\n"
    start = first.index("SUMMARY") + len("sum") + 60 - len("Summary and Com")
    body = (first + " and went on about it with the others all day")[: start - 2] + ". "
    body += label
    assert body.index(label) == start
    assert _extract(HEAD + "SUBJECT: S\n\n" + body, "summary") == "The text."

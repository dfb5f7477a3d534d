"""The grammar: every terminal has a model class, real variants lex as what they are,
and lark-cython builds the same objects as plain Lark."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import lark
import pytest

import cablelib
from cablelib import grammar, model
from cablelib.containers import detect

REPO = Path(__file__).resolve().parent.parent


def _kinds(text: str) -> list[str]:
    return [line.terminal for line in grammar.parse_document(text).lines()]


def test_every_terminal_has_a_line_class() -> None:
    plain = lark.Lark(grammar.grammar_text(), parser="lalr", lexer="contextual")
    terminals = {t.name for t in plain.terminals if not t.name.startswith("_")}
    assert terminals == set(model.LINE_CLASSES)


def test_every_rule_has_a_builder() -> None:
    plain = lark.Lark(grammar.grammar_text(), parser="lalr", lexer="contextual")
    rules = {r.origin.name for r in plain.rules}
    named = {str(name) for name in rules if not str(name).startswith("_")}
    assert named == {"start", "body", "header", "paragraph"}
    for name in named:
        assert callable(getattr(grammar._ToModel, name))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("C O N F I D E N T I A L SECTION 01 OF 03 KABUL 000140\n", "BANNER"),
        ("S E C R E T PARIS 001097\n", "BANNER"),
        ("UNCLAS SECTION 01 OF 03 MADRID 002164\n", "BANNER"),
        ("CONFIDENTIAL KUWAIT 000560\n", "BANNER"),
        ("UNCLASSIFIED TEHRAN 5055\n", "BANNER"),
        ("SS E C R E T SECTION 01 OF 02 PARIS 001699\n", "BANNER"),
        ("CONFIDENTIAL SECTION 01 of 03 KUWAIT 000128\n", "BANNER"),
        ("S e c r e t state 015220\n", "BANNER"),
        ("C O N F I D E N T I A L LA PAZ 003449\n", "BANNER"),
        ("SECRET//FGI//NOFORN//MR\n", "CLASS_LINE"),
        ("SIPDIS\n", "CAPTION"),
        ("Sipdis\n", "CAPTION"),
        ("SENSITIVE BUT UNCLASSIFIED\n", "CAPTION"),
        ("NOFORN\n", "CAPTION"),
        ("E.O. 12958: DECL: 01/15/2019\n", "EO"),
        ("EO 12958 DECL: 01/15/2019\n", "EO"),
        ("E.O. 12958:N/A\n", "EO"),
        ("E.O 12958:  DECL:  02/08/20\n", "EO"),
        ("E.o. 12958: decl: 02/14/2033\n", "EO"),
        ("E.O.12356: DECL:OADR\n", "EO"),
        ("E. O. 11652: GDS\n", "EO"),
        ("TAGS: PGOV PINR NATO RS\n", "TAGS"),
        ("TAGS PREL, PGOV, UK\n", "TAGS"),
        ("TAG: PREL\n", "TAGS"),
        ("Tags: parm, prel\n", "TAGS"),
        ("TAGE: PGOV\n", "TAGS"),
        ("TABS: PGOV\n", "TAGS"),
        ("TGS: PGOV\n", "TAGS"),
        ("AGS: PGOV\n", "TAGS"),
        ("SUBJECT: A SUBJECT\n", "SUBJECT"),
        ("SUBJ: A SUBJECT\n", "SUBJECT"),
        ("REF: A. KABUL 65  B. KABUL 71\n", "REF"),
        ("REFS: (A) STATE 071143, (B)STATE 073601\n", "REF"),
        ("Ref(s): STATE 1\n", "REF"),
        ("Classified By: Ambassador Ivo H. Daalder for reasons 1.4 (b/d).\n", "CLASSIFIED_BY"),
        ("CLASSIFIED BY DCM X, REASONS 1.4 (B) AND (D)\n", "CLASSIFIED_BY"),
        ("(U) Classified by: PolCouns A. Person, reason 1.5 (d)\n", "CLASSIFIED_BY"),
        # 09ABUDHABI347: no colon, and a FOR that a passing line would take
        ("CLASSIFIED BY AMBASSADOR RICHARD G. OLSON FOR REASONS 1.4 B AND D.\n", "CLASSIFIED_BY"),
        ("DEPT FOR SCA/FO\n", "PASSING"),
        ("STATE PASS USAID\n", "PASSING"),
        ("10.09.2009 : NATO SECRETARY GENERAL\n", "TITLE"),
        ("Friday, 23 February 2001, 15:53\n", "DATE_LINE"),
        ("1. (C) Text.\n", "PARA"),
        ("¶12. (S//NF) Text.\n", "PARA"),
        ("1.(C) Text.\n", "PARA"),
        ("2. SBU) Text.\n", "PARA"),
        ("(S//NF) Text.\n", "MARKED_PARA"),
        ("Some words\n", "TEXT"),
    ],
)
def test_preamble_variants(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "VZCZCXRO0510\nOO RUEHPW\nDE RUEHBUL #0140/01 0201040\nZNY CCCCC ZZH\n"
            "O 201040Z JAN 09\nFM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\n"
            "INFO RUCNAFG/AFGHANISTAN COLLECTIVE PRIORITY\nRUEHNE/AMEMBASSY NEW DELHI\n\n",
            ["VZCZC", "PRECEDENCE", "DE", "SECURITY", "DTG", "FM", "TO", "INFO"],
        ),
        (
            "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n",
            ["DTG", "FM", "TO"],
        ),
        (
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.",
            ["PARTIAL"],
        ),
        (
            "CONFIDENTIAL\nPAGE 01\nCARACA 00562 01 OF 02 210729Z\nACTION ARA-15\n"
            "INFO OCT-01 ISO-00 CIAE-00\nL-03 NSAE-00\n------------------020557 210814Z /14\n"
            "R 191219Z JAN 79\nFM AMEMBASSY CARACAS\nTO SECSTATE WASHDC 5428\n"
            "C O N F I D E N T I A L SECTION 1 OF 2 CARACAS 0562\n",
            [
                "PAGE_BREAK",
                "OFFICES",
                "INFO",
                "SEPARATOR",
                "DTG",
                "FM",
                "TO",
                "BANNER",
            ],
        ),
        (
            "P R 281305Z OCT 76\nINFO AMEMBASSY ANKARA\nAMEMBASSY ROME\n"
            "CONFIDENTIAL\nCONFIDENTIAL\n"
            "PAGE 02 SOFIA 02300 01 OF 04 281440Z\nAMEMBASSY VIENNA\n"
            "C O N F I D E N T I A L SECTION 1 OF 4 SOFIA 2300\n",
            ["DTG", "INFO", "PAGE_BREAK", "ADDRESS", "BANNER"],
        ),
    ],
    ids=["acp127", "acp126", "partial", "plusd", "info-over-a-page-break"],
)
def test_headers(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


def test_page_marker_inside_a_paragraph() -> None:
    text = (
        "1. (C) scenarios for how they will react if the US or Israel\n\n"
        "BAKU 00001835  002.2 OF 003\n\n\nincrease the pressure on Iran.\n\n"
        "2. (C) Next.\n\nMCFARLAND\n\nNNNN\n"
    )
    doc = grammar.parse_document(text)
    assert [line.terminal for line in doc.lines()] == [
        "PARA",
        "PAGE_MARKER",
        "TEXT",
        "PARA",
        "SIGNATURE",
        "END_OF_MESSAGE",
    ]
    cable = cablelib.loads(text)
    first = cable.paragraphs[0]
    assert "00001835" not in first.text
    assert first.text.endswith("Israel\nincrease the pressure on Iran.")
    assert cable.signature == "MCFARLAND"


def test_preamble_keywords_are_text_inside_paragraphs() -> None:
    text = "1. (C) First.\n\nSUBJECT: not a subject here\nTAGS: nor tags\n"
    # the keyword lines stop the paragraph's text block, and stay text
    assert _kinds(text) == ["PARA", "TEXT", "TEXT"]
    assert cablelib.loads(text).subject is None


def test_mangled_paragraph_numbers_are_recovered() -> None:
    text = "1. (U) a\n\n2. (C) b\n\n13. (C) c\n\n14. (C) d\n"
    assert [p.number for p in cablelib.loads(text).paragraphs] == [1, 2, 3, 4]
    # 12 right after 1 is read as a mangled 2; 10 after 9 is just 10
    text = "1. (U) a\n\n12. (C) b\n"
    assert [p.number for p in cablelib.loads(text).paragraphs] == [1, 2]
    text = "9. (U) a\n\n10. (C) b\n\n11. (C) c\n"
    assert [p.number for p in cablelib.loads(text).paragraphs] == [9, 10, 11]


def _slot_texts() -> list[str]:
    from _corpus import all_corpus_files  # noqa: PLC0415

    texts: list[str] = []
    for path in all_corpus_files():
        _, slots = detect(path.read_bytes().decode("utf-8", "surrogateescape"))
        texts.extend(slots)
    return texts


def test_lark_cython_builds_the_same_objects() -> None:
    pytest.importorskip("lark_cython")
    script = (
        "import pickle, sys; from cablelib.grammar import parse_document, uses_lark_cython;"
        "texts = pickle.load(sys.stdin.buffer);"
        "docs = [parse_document(t) for t in texts];"
        "sys.stdout.buffer.write(pickle.dumps((uses_lark_cython(), docs)))"
    )
    import pickle  # noqa: PLC0415

    data = pickle.dumps(_slot_texts())
    results = []
    for pure in ("", "1"):
        env = {**os.environ, "CABLELIB_PURE_LARK": pure}
        out = subprocess.run(
            [sys.executable, "-c", script], input=data, capture_output=True, check=True, env=env
        ).stdout
        results.append(pickle.loads(out))
    (cython_used, with_cython), (pure_used, without) = results
    assert cython_used
    assert not pure_used
    assert with_cython == without


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "OO RUEHAG RUEHAST RUEHDA\nRUEHROV RUEHSR\nDE RUEHMO #1108/01 1191330\n",
            ["PRECEDENCE", "DE"],
        ),
        (
            "ACTION ARA-15\nINFO OCT-01 ISO-00\n------------------281832Z 012671 /43\n"
            "O 281800Z JUL 79\n",
            ["OFFICES", "INFO", "SEPARATOR", "DTG"],
        ),
        (
            "SUBJECT: X\n\n(c) text here\n\n(s//nf) more\n",
            ["SUBJECT", "MARKED_PARA", "MARKED_PARA"],
        ),
        (
            # a banner right under other lines, no blank line between (mirror pages, 042)
            "Embassy Kabul\nCable title:\nC O N F I D E N T I A L SECTION 01 OF 02 KABUL 001046\n"
            "E.O. 12958: DECL: 04/26/2019\nClassified By: CDA X for reasons 1.4 (b).\n"
            "CONFIDENTIAL KABUL 001046\n",
            ["TEXT", "BANNER", "EO", "CLASSIFIED_BY", "BANNER"],
        ),
        (
            # ... but a line of running text that ends in a year is no banner
            "SUBJECT: TALKS ON THE\nSECRET PROTOCOL OF 1939\n\n1. x\n",
            ["SUBJECT", "PARA"],
        ),
    ],
    ids=[
        "routing-indicators-wrap",
        "separator-time-first",
        "lower-case-markings",
        "banner-under-text",
        "secret-in-a-wrapped-subject",
    ],
)
def test_more_variants(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


def test_a_header_after_a_page_header_and_a_serial() -> None:
    """PlusD telegram prints: the header starts after ``CONFIDENTIAL / PAGE 01`` and a serial."""
    text = (
        "CONFIDENTIAL\nPAGE 01 SOFIA 02300 01 OF 04 281440Z\n65\nACTION EUR-12\n"
        "INFO OCT-01 IO-13 ISO-00\n--------------------- 119665\nP R 281305Z OCT 76\n"
        "FM AMEMBASSY SOFIA\nTO SECSTATE WASHDC PRIORITY 1920\n"
        "C O N F I D E N T I A L SECTION 1 OF 4 SOFIA 2300\n"
    )
    assert _kinds(text) == [
        "PAGE_BREAK",
        "TEXT",
        "OFFICES",
        "INFO",
        "SEPARATOR",
        "DTG",
        "FM",
        "TO",
        "BANNER",
    ]
    header = cablelib.loads(text).header
    assert header is not None
    assert header.sender == "AMEMBASSY SOFIA"


@pytest.mark.parametrize(
    "label", ["TAGS:", "TAGS", "TAG:", "TAGE:", "TABS:", "TGS:", "AGS:", "Tags:"]
)
def test_misspelt_tags_labels_give_the_tags(label: str) -> None:
    cable = cablelib.loads(f"E.O. 12958: DECL: 1/1/2019\n{label} PGOV, PREL\nSUBJECT: X\n")
    assert cable.tags == ("PGOV", "PREL")
    assert cable.subject == "X"


def test_tags_run_together_with_the_eo_line_without_a_colon() -> None:
    """09STOCKHOLM194: ``E.O. 12958: DECL: ... TAG PTER, PGOV``."""
    cable = cablelib.loads("E.O. 12958: DECL: 1/1/2019 TAG PTER, PGOV\nSUBJECT: X\n")
    assert cable.tags == ("PTER", "PGOV")


def test_sbu_noforn_is_a_marking() -> None:
    assert [p.marking for p in cablelib.loads("1. (SBU/NF) Text.\n").paragraphs] == ["SBU/NF"]


def test_captions_of_several_words() -> None:
    text = "UNCLAS STATE 000001\n\nSENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY\nE F T O\n"
    assert cablelib.loads(text).captions == (
        "SENSITIVE BUT UNCLASSIFIED",
        "HANDLE ACCORDINGLY",
        "EFTO",
    )


@pytest.mark.parametrize(
    ("text", "by", "reasons"),
    [
        (  # 09ABUDHABI347
            "SUBJECT: X\n\nCLASSIFIED BY AMBASSADOR RICHARD G. OLSON FOR REASONS 1.4 B AND D.\n",
            "AMBASSADOR RICHARD G. OLSON",
            ("1.4(b)", "1.4(d)"),
        ),
        (  # 05BRASILIA2767: run on at the end of the REF line
            "SUBJECT: X\n\nREF: A. STATE 183800 B. BRASILIA 1396 Classified By: Political "
            "Officer Bisola Ojikutu for Reasons 1.4 (b) and (d)\n\n1. (U) Text.\n",
            "Political Officer Bisola Ojikutu",
            ("1.4(b)", "1.4(d)"),
        ),
        (  # 09STATE34688: the first paragraph
            "SUBJECT: X\n\n1.(U) Classified by Bureau Assistant Secretary Jeffrey Feltman. "
            "Reasons: 1.4 (b) and (d)\n\n2. (U) April 7, 2009.\n",
            "Bureau Assistant Secretary Jeffrey Feltman",
            ("1.4(b)", "1.4(d)"),
        ),
    ],
)
def test_classified_by_wherever_it_stands(text: str, by: str, reasons: tuple[str, ...]) -> None:
    cable = cablelib.loads(text)
    assert cable.classified_by is not None
    assert (cable.classified_by.by, cable.classified_by.reasons) == (by, reasons)


def test_classified_by_in_running_text_is_not_the_classifier() -> None:
    text = "SUBJECT: X\n\n1. (C) Text.\n\n2. (C) The memo was classified by the embassy.\n"
    assert cablelib.loads(text).classified_by is None


def test_a_summary_label_ends_the_block_above_it() -> None:
    """PlusD telegrams put SUMMARY: right under the REF line, with no blank line (excerpt 005)."""
    text = (
        "SUBJECT: US-VENEZUELAN RELATIONS\nREFS: (A) 78 CARACAS 11310, (B) CARACAS 0104\n"
        "SUMMARY: (C) THIS MESSAGE ASSESSES THE CLIMATE\nFOR RELATIONS UNTIL THE NEW PRESIDENT.\n"
    )
    cable = cablelib.loads(text)
    kinds = [type(line).__name__ for line in cable.lines()]
    assert kinds == ["SubjectLine", "RefLine", "TextLine"]
    assert [r.text for r in cable.references] == ["78 CARACAS 11310", "CARACAS 0104"]
    assert cablelib.dumps(cable) == text


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # a number of the text wrapped to the start of a line (08MADRID1092: "September" / "25.")
        ("1. (C) Summary: celebrated September\n25. Hosting a reception.\n\n2. (C) Two.\n", [1, 2]),
        ("1. (C) NATO Response Force (NRF\n14.  We had hoped.\n\n2. (C) Two.\n", [1, 2]),
        # real paragraphs: a blank line before, a marking, or the next number in line
        ("1. (C) One ends here\n\n7. (C) Seven.\n", [1, 7]),
        ("1. (C) One ends here\n7. (C) Seven.\n", [1, 7]),
        ("1. One ends with a word\n2. Two.\n", [1, 2]),
        ("1. One ends here.\n9. Nine.\n", [1, 9]),
    ],
)
def test_a_number_wrapped_to_a_line_start_is_no_paragraph(text: str, numbers: list[int]) -> None:
    cable = cablelib.loads(text)
    assert [p.number for p in cable.paragraphs] == numbers
    assert cablelib.dumps(cable) == text


def test_an_end_mark_wrapped_to_the_last_line_is_no_signature() -> None:
    """``... of it. END`` / ``COMMENT.`` at the end of the cable: text, not a signer."""
    text = "SUBJECT: S\n\n1. (C) Comment: The end of it. END\nCOMMENT.\n"
    cable = cablelib.loads(text)
    assert cable.signature is None
    assert cable.paragraphs[0].text.endswith("END\nCOMMENT.")
    assert cablelib.extract(cable, only=["comment"])["comment"] == ["The end of it."]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SUBJECT: MEETING WITH \nCODEL LEVIN \n", model.SubjectLine),
        ("SUBJECT: US DETAINEES\nDETAINEES FOR RESETTLEMENT\n", model.SubjectLine),
        ("TAGS: PTER KTFN KTIA\nGM\n", model.TagsLine),
        ("REF: A. BAKU 91\nB. BAKU 30", model.RefLine),
        (
            "CLASSIFIED BY CHARGE DOUGLAS GREENE FOR REASONS 1.4 B \nAND D. \n",
            model.ClassifiedByLine,
        ),
        ("E.O. 12958: DECL: 01/01/2019\nTAGS PREL", model.EoLine),
    ],
)
def test_a_copy_that_stops_on_a_wrapped_preamble_line_has_no_signature(
    text: str, kind: type[model.Line]
) -> None:
    """The last line of a copy cut after a wrapped preamble line goes on with that line.

    Under running text, a name on the text's last line is the signature; under a SUBJECT,
    TAGS, REF, Classified By or E.O. line it is that line's wrapped end.
    """
    cable = cablelib.loads(text)
    items = cable.documents[0].items
    if kind is model.EoLine:  # the TAGS label starts a line of its own
        assert [type(item) for item in items] == [model.EoLine, model.TagsLine]
    else:
        assert [type(item) for item in items] == [kind]
    assert cable.signature is None
    assert cablelib.dumps(cable) == text


def test_a_section_in_mixed_case() -> None:
    """A copy in mixed case writes ``Section 02 of 03``: the banner's section is read."""
    cable = cablelib.loads("Unclassified Section 02 of 03 Baku 001165\n\nSUBJECT: X\n\n1. Text.\n")
    assert (cable.section, cable.section_count) == (2, 3)
    assert cable.banner is not None
    assert (cable.banner.station, cable.banner.serial) == ("Baku", 1165)

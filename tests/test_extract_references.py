"""Tests of the ``references`` extractor."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cablelib
from _corpus import SHARED_CORPUS, all_corpus_files

HEAD = "C O N F I D E N T I A L {station} 000{serial}\n\nSUBJECT: A TEST\n\n"


def _refs(ref_block: str, station: str = "KABUL", serial: int = 500) -> list[dict[str, Any]]:
    text = HEAD.format(station=station, serial=serial) + ref_block + "\n\n1. (C) Text.\n"
    cable = cablelib.loads(text, reference_id=f"09{station}{serial}")
    value: list[dict[str, Any]] = cablelib.extract(cable, only=["references"])["references"]
    return value


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # 09KABUL140
        ("REF: A. KABUL 65  B. KABUL 71", [("A", "09KABUL65"), ("B", "09KABUL71")]),
        ("REF: (A)STATE 071143, (B)STATE 073601", [("A", "09STATE71143"), ("B", "09STATE73601")]),
        (
            "REF: A. A) BRASILIA 236 B. B) 06 TBILISI 2601",
            [("A", "09BRASILIA236"), ("B", "06TBILISI2601")],
        ),
        ("REF: 2007 MANAGUA 2135", [(None, "07MANAGUA2135")]),
        ("REF: SECSTATE 74879", [(None, "09STATE74879")]),
        ("REF: RIO DE JAN 138", [(None, "09RIODEJANEIRO138")]),
        ("REF: EMBASSY PARIS 1234", [(None, "09PARIS1234")]),
        # 72TEHRAN1164
        (
            "REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603",
            [(None, "09TEHRAN1091"), (None, "09TEHRAN263"), (None, "09MOSCOW1603")],
        ),
        # 09SANAA2230
        (
            "REF: A. SANAA 01995 b. SANAA 02079 c. SANAA 01669",
            [("A", "09SANAA1995"), ("B", "09SANAA2079"), ("C", "09SANAA1669")],
        ),
        # PlusD 1975STATE099768: two columns
        (
            "REF: A. STATE 1234 G. LUSAKA 77\n     B. STATE 36519 H. CAPE TOWN 195 NOTAL",
            [
                ("A", "09STATE1234"),
                ("G", "09LUSAKA77"),
                ("B", "09STATE36519"),
                ("H", "09CAPETOWN195"),
            ],
        ),
        # 10BRASILIA3
        ("REF: BRASILIA 124; IIR 6 809 0156 10", [(None, "09BRASILIA124"), (None, None)]),
        # 07ALGIERS / 08ALGIERS198
        (
            "REF: 07 ALGIERS 1807 AND 08 ALGIERS 0075",
            [(None, "07ALGIERS1807"), (None, "08ALGIERS75")],
        ),
        # 028 (1973): a list of serials of one station
        (
            "REF: SAIGON 4862, 4896, 4956",
            [(None, "09SAIGON4862"), (None, "09SAIGON4896"), (None, "09SAIGON4956")],
        ),
        # a serial not below the cable's own, same station, no year: the year before
        ("REF: KABUL 3100", [(None, "08KABUL3100")]),
        # the cable itself is dropped
        ("REF: A. KABUL 500 B. KABUL 499", [("B", "09KABUL499")]),
        # a page marker inside the REF block is no reference, and the block goes on after it
        (
            "REF: A. KABUL 65\nKABUL 00000500 001.2 OF 004\n     B. KABUL 71",
            [("A", "09KABUL65"), ("B", "09KABUL71")],
        ),
        (
            "REF: A. KABUL 65 KABUL 00000500 001.2 OF 004 B. KABUL 71",
            [("A", "09KABUL65"), ("B", "09KABUL71")],
        ),
    ],
)
def test_cable_ids(ref_block: str, expected: list[tuple[str | None, str | None]]) -> None:
    got = [(r["letter"], r["cable_id"]) for r in _refs(ref_block)]
    assert got == expected


@pytest.mark.parametrize(
    ("ref_block", "kind"),
    [
        ("REF: SAINZ E-MAIL", "email"),  # FORMAT.md 4.5
        ("REF: IIR 6906012405", "report"),
        ("REF: OSC EUP20080707950031", "report"),  # 08 corpus
        ("REF: TD-314/65216-07", "report"),  # 09BUENOSAIRES1017
        ("REF: ZAMBITO/BLOOMFIELD TELCON", "telcon"),
        ("REF: JONES MEMCON OF MAY 3", "memo"),
        ("REF: MAY 1 GILLARD-TREMONT LETTER", "other"),  # 08LONDON1412
        ("REF: KABUL 65", "cable"),
    ],
)
def test_kinds(ref_block: str, kind: str) -> None:
    (ref,) = _refs(ref_block)
    assert ref["kind"] == kind
    assert (ref["cable_id"] is not None) == (kind == "cable")


@pytest.mark.parametrize(
    ("ref_block", "captions"),
    [
        ("REF: ABU DHABI 909 (NOTAL)", ["NOTAL"]),  # 06ABUDHABI1401
        ("REF: PARIS 8760 AND PREVIOUS", ["AND PREVIOUS"]),  # 05PARIS479
        ("REF: STATE 12345 EXDIS", ["EXDIS"]),
        ("REF: STATE 12345", []),
    ],
)
def test_captions(ref_block: str, captions: list[str]) -> None:
    (ref,) = _refs(ref_block)
    assert ref["captions"] == captions


def test_run_on_text_is_cut() -> None:
    # 05BRASILIA2767: the Classified By line runs on in the REF item
    (ref,) = _refs("REF: BRASILIA 1396 Classified By: Political Officer for Reasons 1.4 (b)")
    assert ref["text"] == "BRASILIA 1396"


def test_provenance_and_no_refs() -> None:
    text = HEAD.format(station="KABUL", serial=500) + "REF: KABUL 65\n\n1. (C) Text.\n"
    got = cablelib.extract(cablelib.loads(text), only=["references"], provenance=True)
    assert got["provenance"]["references"][0]["text"].startswith("REF: KABUL 65")
    assert _refs("") == []


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_corpus_share_of_cable_ids() -> None:
    """Measured: 640 of 733 REF items of the corpus get a cable id (88%)."""
    total = with_id = 0
    for path in sorted(p for p in SHARED_CORPUS.rglob("*") if p.suffix in (".html", ".txt")):
        if path.name == "README.txt":
            continue
        for ref in cablelib.extract(cablelib.load(str(path)), only=["references"])["references"]:
            total += 1
            with_id += ref["cable_id"] is not None
            assert ref["kind"] in {"cable", "email", "memo", "telcon", "report", "other"}
    assert total > 500
    assert with_id / total >= 0.85


def test_lines_the_extractors_look_for_among_the_items() -> None:
    """The grammar puts REF, TAGS and Classified By lines only among a document's items
    and drafting lines only in headers: ``references`` and ``persons`` look only there."""
    from cablelib.model import (  # noqa: PLC0415
        ClassifiedByLine,
        DraftingLine,
        Header,
        RefLine,
        TagsLine,
    )

    for path in all_corpus_files():
        cable = cablelib.load(path)
        items = [item for doc in cable.documents for item in doc.items]
        in_headers = [line for item in items if isinstance(item, Header) for line in item.lines]
        for line in cable.lines():
            if isinstance(line, RefLine | TagsLine | ClassifiedByLine):
                assert any(line is item for item in items), path
            if isinstance(line, DraftingLine):
                assert any(line is other for other in in_headers), path


# -- variants of the REF block (FORMAT.md 4.5 and the REF lines of the shared corpus) -----

_LABELS = ["REF:", "REFS:", "REFTEL:", "REFTELS:", "Ref:", "Refs:", "Ref(s):", "REF(S):", "RETELS:"]


@pytest.mark.parametrize("label", _LABELS)
def test_labels(label: str) -> None:
    got = [(r["letter"], r["cable_id"]) for r in _refs(f"{label} A. KABUL 65 B. STATE 1234")]
    assert got == [("A", "09KABUL65"), ("B", "09STATE1234")]


@pytest.mark.parametrize(
    "ref_block",
    [
        "REF: A. KABUL 65 B. STATE 071143",  # same line
        "REF: A. KABUL 65\n     B. STATE 071143",  # one per line
        "REF: A) KABUL 65 B) STATE 071143",  # 07TALLINN366
        "REF: (A) KABUL 65, (B) STATE 071143",
        "REF: (A)KABUL 65; (B)STATE 071143",  # 09KABUL140
        "REF: A. A) KABUL 65 B. B) STATE 071143",  # double bullets
        "REF: A. (A) KABUL 65 B. (B) STATE 071143",
        "REF: A.KABUL 65 B.STATE 071143",
        "REF: A: KABUL 65 B: STATE 071143",
        "REFS: A. KABUL 65; B. STATE 071143",
    ],
)
def test_lettered_items(ref_block: str) -> None:
    got = [(r["letter"], r["cable_id"]) for r in _refs(ref_block)]
    assert got == [("A", "09KABUL65"), ("B", "09STATE71143")]


@pytest.mark.parametrize(
    ("ref_block", "cable_id"),
    [
        ("REF: STATE 1234", "09STATE1234"),  # no colon needed after the label's words
        ("REF: 06 TBILISI 2601", "06TBILISI2601"),  # two-digit year
        ("REF: 2007 MANAGUA 2135", "07MANAGUA2135"),  # four-digit year
        ("REF: 1975 STATE 099768", "75STATE99768"),
        ("REF: 08STATE12345", "08STATE12345"),  # written as an id
        ("REF: SECSTATE 74879", "09STATE74879"),
        ("REF: DEPTEL 74879", "09STATE74879"),
        ("REF: STATE 071143", "09STATE71143"),  # leading zeros
        ("REF: MONTERREY 000453", "09MONTERREY453"),  # 09MEXICO3573
        ("REF: USDEL 00007", "09USDEL7"),  # 06ABUDHABI1401
        ("REF: RIO DE JANEIRO 123", "09RIODEJANEIRO123"),
        ("REF: RIO DE JAN 138", "09RIODEJANEIRO138"),
        ("REF: ABU DHABI 909", "09ABUDHABI909"),
        ("REF: THE HAGUE 45", "09THEHAGUE45"),
        ("REF: SAO PAULO 335", "09SAOPAULO335"),
        ("REF: BUENOS AIRES 1017", "09BUENOSAIRES1017"),
        ("REF: HO CHI MINH CITY 100", "09HOCHIMINHCITY100"),
        ("REF: HO CHI MINH 100", "09HOCHIMINHCITY100"),
        ("REF: PORT-AU-PRINCE 456", "09PORTAUPRINCE456"),
        ("REF: MEXICO CITY 3076", "09MEXICO3076"),  # Cablegate ids write MEXICO
        ("REF: MEXICO 3076", "09MEXICO3076"),  # 09MEXICO3101
        ("REF: USUN NEW YORK 200", "09USUNNEWYORK200"),
        ("REF: USUN 200", "09USUNNEWYORK200"),
        ("REF: USEU BRUSSELS 300", "09USEUBRUSSELS300"),
        ("REF: USEU 300", "09USEUBRUSSELS300"),
        ("REF: USNATO 383", "09USNATO383"),
        ("REF: USNATO BRUSSELS 383", "09USNATO383"),
        ("REF: USOSCE 00182", "09USOSCE182"),  # 09STATE93327
        ("REF: UNVIE VIENNA 100", "09UNVIEVIENNA100"),
        ("REF: TALLIN 309", "09TALLINN309"),  # 09USNATO464: a letter dropped
        ("REF: BASRA 17", "09BASRAH17"),  # 09BAGHDAD1104: REO Basrah
        # a date after the citation gives its year (028, 1974: STATE 42635 of 1973)
        ("REF: STATE 42635 DATED\nMARCH 7, 1973", "73STATE42635"),
        ("REF: LISBON 8859 (DTG 271748Z DEC 08)", "08LISBON8859"),  # 021 (1976)
        ("REF: STATE 29998 OF 03/24/08", "08STATE29998"),
        ("REF: PARIS 12 OF 7 MAY 2007", "07PARIS12"),
        ("REF: STATE 1234 OF MARCH 7", "09STATE1234"),  # no year in the date
        ("REF: 07 STATE 1234 OF MARCH 7, 2008", "07STATE1234"),  # the written year wins
    ],
)
def test_citation_spellings(ref_block: str, cable_id: str) -> None:
    assert [r["cable_id"] for r in _refs(ref_block)] == [cable_id]


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        (
            "REF: A. RIO DE JANEIRO 123 B. ABU DHABI 909 C. THE HAGUE 45 D. SAO PAULO 335",
            ["09RIODEJANEIRO123", "09ABUDHABI909", "09THEHAGUE45", "09SAOPAULO335"],
        ),
        ("REF: SAN JOSE 22 AND SAN SALVADOR 33", ["09SANJOSE22", "09SANSALVADOR33"]),
        ("REF: KUWAIT 1234 AND KUWAIT 1256", ["09KUWAIT1234", "09KUWAIT1256"]),
        (
            "REF: A. PARIS 1234 B. 2007 PARIS 5678 C. 07 PARIS 9",
            ["09PARIS1234", "07PARIS5678", "07PARIS9"],
        ),
        ("REF: SAIGON 4862 DATED 3/4/2008 AND SAIGON 5000", ["08SAIGON4862", "09SAIGON5000"]),
        # self references, in any spelling, are dropped
        ("REF: 09 KABUL 500", []),
        ("REF: 2009 KABUL 000500", []),
        ("REF: KABUL 500 AND PREVIOUS", []),
    ],
)
def test_several_citations(ref_block: str, expected: list[str]) -> None:
    assert [r["cable_id"] for r in _refs(ref_block)] == expected


@pytest.mark.parametrize(
    ("ref_block", "kind"),
    [
        ("REF: A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07", "email"),  # 07TALLINN366
        ("REF: BEYRLE-BURNS FEBRUARY 18 E-MAIL", "email"),  # 09MOSCOW405
        ("REF: KHAN-MORIMOTO E-MAIL (12/10/2008)", "email"),  # 08STATE134777
        ("REF: MEMCON OF APRIL 3, 2009", "memo"),
        ("REF: Td-314/014437-09", "report"),  # FORMAT.md 4.5
        ("REF: TD-314/63777-05 LIMITED DISTRIBUTION", "report"),  # 06CARACAS219
        ("REF: IIR 6 902 9698 06", "report"),  # 06CARACAS219
        ("REF: DAO MADRID IIR 6 889 0272 08", "report"),  # 08MADRID1092
        ("REF: OSC cpp20080407530001", "report"),  # 08BEIJING1454
        ("REF: HOTR WASHINGTON DC//USDAO PARIS (SUBJ: IIR 6 809 0156 10)", "report"),
        ("REF: STATE CA-3400 NOV 2, 1966", "other"),  # FORMAT.md 4.5: an airgram
        ("REF: BUCHAREST A-61, 4/11/75", "other"),  # 104 (1975): an airgram
        ("REF: CA 270 DATED JANUARY 11, 1972", "other"),  # 028
        ("REF: WHITE HOUSE 853", "other"),  # 09BAGHDAD1104
        ("REF: SECDEF DTG261447ZNOV08 (DEFENSE TRILATERAL TALKS)", "other"),  # 09SEOUL59
    ],
)
def test_not_cables(ref_block: str, kind: str) -> None:
    ref = _refs(ref_block)[-1]
    assert (ref["kind"], ref["cable_id"]) == (kind, None)


@pytest.mark.parametrize(
    ("ref_block", "captions"),
    [
        ("REF: STATE 1234 (NOTAL)", ["NOTAL"]),
        ("REF: STATE 1234 NOTAL", ["NOTAL"]),
        ("REF: STATE 1234 (EXDIS)(NOTAL)", ["EXDIS", "NOTAL"]),  # in the order written
        ("REF: STATE 1234 (NODIS)", ["NODIS"]),
        ("REF: STATE 1234 AND PREVIOUS", ["AND PREVIOUS"]),
        ("REF: STATE 1234 AND PRIOR", ["AND PRIOR"]),
    ],
)
def test_caption_variants(ref_block: str, captions: list[str]) -> None:
    (ref,) = _refs(ref_block)
    assert (ref["cable_id"], ref["captions"]) == ("09STATE1234", captions)


def test_no_year_known() -> None:
    """Without a date or id for the citing cable, a citation without a year has no id."""
    cable = cablelib.loads("SUBJECT: A TEST\n\nREF: STATE 1234; 07 STATE 99\n\n1. Text.\n")
    got = [
        (r["kind"], r["cable_id"])
        for r in cablelib.extract(cable, only=["references"])["references"]
    ]
    assert got == [("cable", None), ("cable", "07STATE99")]


@given(
    st.integers(0, 99),
    st.sampled_from(["STATE", "KABUL", "RIODEJAN", "EFTOBAKU", "SECTION01OF02PARIS", "USUN", "Q"])
    | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=12),
    st.integers(0, 999999),
    st.none() | st.tuples(st.integers(0, 99), st.just("KABUL"), st.integers(0, 9999)),
)
def test_cable_id_is_the_canonical_id(
    yy: int, station: str, serial: int, own: tuple[int, str, int] | None
) -> None:
    """The shortcut for stations whose ids are already canonical gives what canonical_id does."""
    from cablelib.extractors.references import _cable_id  # noqa: PLC0415 - private

    assert _cable_id(f"{yy:02d}", station, serial, own) == cablelib.canonical_id(
        f"{yy:02d}{station}{serial}"
    )


# -- more variants of real REF blocks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # the cables' own headers pad serials to eight digits; the first is the cable itself
        ("REF: A. KABUL 00000500 B. KABUL 00000123", [("B", "09KABUL123")]),
        # a redacted station is no station
        ("REF: A. KABUL 123 B. XXXXXXXXXXXX 456", [("A", "09KABUL123"), ("B", None)]),
        # the day and time of a date-time group are no serial
        ("REF: STATE 12345 (SECSTATE 091234Z MAR 09)", [(None, "09STATE12345")]),
        ("REF: CINCPAC 050123Z MAR 75", [(None, None)]),
        # EMBTEL: the citing post's own telegram (the cable's year, or the year before
        # for a serial above its own); URTEL: the addressee's, not known
        ("REF: A. EMBTEL 123 B. DEPTEL 5678", [("A", "09KABUL123"), ("B", "09STATE5678")]),
        ("REF: EMBTEL 3100", [(None, "08KABUL3100")]),
        ("REF: EMBTEL 500", []),
        ("REF: A. URTEL 678 B. CONTEL 45", [("A", None), ("B", "09KABUL45")]),
        # a month before a number: a day, not a year
        ("REF: A. NOVEMBER 18 KABUL 123", [("A", "09KABUL123")]),
        ("REF: A. MAY 08 STATE 123", [("A", "09STATE123")]),
        # a day and month after a station: a date, not a citation
        ("REF: MOSCOW 18 AUG 2008 DAILY REPORT", [(None, None)]),
        # numbered documents that are no cables
        ("REF: NSPD 44", [(None, None)]),
        ("REF: UNSC RES 1737", [(None, None)]),
        ("REF: 22 USC 2656F", [(None, None)]),
        ("REF: A. 9 FAM 41 B. KABUL 123", [("A", None), ("B", "09KABUL123")]),
        ("REF: CODEL SMITH VISIT 2009", [(None, None)]),
        (
            "REF: A. STATE 12345 B. CODEL JONES 3 C. KABUL 77",
            [("A", "09STATE12345"), ("B", None), ("C", "09KABUL77")],
        ),
        ("REF: PARIS 1234, PARAGRAPHS 3 AND 4", [(None, "09PARIS1234")]),
        # more station spellings
        ("REF: HOLY SEE 123", [(None, "09VATICAN123")]),
        ("REF: USMISSION NATO 1234", [(None, "09USNATO1234")]),
        (
            "Ref: A) 09 Baghdad 123 B) 08 Baghdad 4012",
            [("A", "09BAGHDAD123"), ("B", "08BAGHDAD4012")],
        ),
    ],
)
def test_more_cable_ids(ref_block: str, expected: list[tuple[str | None, str | None]]) -> None:
    got = [(r["letter"], r["cable_id"]) for r in _refs(ref_block)]
    assert got == expected


@pytest.mark.parametrize(
    "ref_block",
    ["REF: NONE", "REF: N/A", "Ref: None"],
)
def test_nothing_cited(ref_block: str) -> None:
    assert _refs(ref_block) == []


@pytest.mark.parametrize(
    ("ref_block", "texts"),
    [
        # 09BRASILIA244, 10BRASILIA140: the SBU banner runs on in the REF block
        (
            "REF: BRASILIA 123 (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR "
            "INTERNET DISTRIBUTION",
            ["BRASILIA 123"],
        ),
        # 09BERLIN1636
        (
            "REF: Frankfurt 002808 Sensitive but unclassified; not for Internet Distribution.",
            ["Frankfurt 002808"],
        ),
        # a citation in brackets after another: no dangling bracket
        ("REF: STATE 12345 (TOSEC 230)", ["STATE 12345", "TOSEC 230"]),
    ],
)
def test_texts(ref_block: str, texts: list[str]) -> None:
    assert [r["text"] for r in _refs(ref_block)] == texts


@pytest.mark.parametrize(
    ("ref_block", "captions"),
    [
        ("REF: STATE 5678 AND KABUL 123 (BOTH NOTAL)", [["NOTAL"], ["NOTAL"]]),
        ("REF: A. STATE 5678 B. KABUL 123 C. KABUL 124 (ALL NOTAL)", [["NOTAL"]] * 3),
        (
            "REF: A. STATE 5678 B. KABUL 123 (EXDIS) C. KABUL 124 (BOTH NOTAL)",
            [[], ["EXDIS", "NOTAL"], ["NOTAL"]],
        ),
        ("REF: A. STATE 5678 B. KABUL 123 (NOTAL)", [[], ["NOTAL"]]),
    ],
)
def test_captions_of_several(ref_block: str, captions: list[list[str]]) -> None:
    assert [r["captions"] for r in _refs(ref_block)] == captions


@pytest.mark.parametrize(
    ("ref_block", "kind"),
    [
        ("REF: STATE-LONDON SVTC MAY 9", "telcon"),  # 08LONDON1412
        ("REF: DVC WITH EMBASSY KABUL 3/4/09", "telcon"),
        ("REF: TDX-315/090481-08 AND TDX-315/042493-09", "report"),  # 09BUENOSAIRES1017
        ("REF: FBI //1314/01907/366/0013//", "report"),  # 09ISLAMABAD10
        ("REF: URTEL 678", "cable"),
    ],
)
def test_more_kinds(ref_block: str, kind: str) -> None:
    ref = _refs(ref_block)[-1]
    assert (ref["kind"], ref["cable_id"]) == (kind, None)


def test_plusd_telegram() -> None:
    """A 1970s telegram: the year of its date-time group, EMBTEL of its own post."""
    text = (
        "R 121530Z FEB 72\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 5678\n"
        "C O N F I D E N T I A L TEHRAN 1164\nE.O. 11652: GDS\nTAGS: PFOR, IR\n"
        "SUBJECT: A TEST\nREFS: A) STATE 217644 (NOTAL), B) EMBTEL 1091,\n"
        "      C) EMBTEL 1200 D) 71 TEHRAN 5678 E) EMBTEL 1164\n\n1. TEXT.\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["references"])["references"]
    assert [(r["letter"], r["cable_id"], r["captions"]) for r in got] == [
        ("A", "72STATE217644", ["NOTAL"]),
        ("B", "72TEHRAN1091", []),
        ("C", "71TEHRAN1200", []),
        ("D", "71TEHRAN5678", []),
    ]


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # letters in lower case (08STATE15220), double bullets (10BAKU98)
        ("Ref: a. 09 state 201650", [("A", "09STATE201650")]),
        ("REF: A. A) 2009 BAKU 972\nB. B) 2009 BAKU 921", [("A", "09BAKU972"), ("B", "09BAKU921")]),
        # the letters go on after a blank line (04MADRID961)
        (
            "REF: A. MADRID 881\n\nB. MADRID 919\nC. MADRID 812",
            [("A", "09MADRID881"), ("B", "09MADRID919"), ("C", "09MADRID812")],
        ),
        (
            "Ref: a. 05 state 201650\n\nB. 05 berlin 3726\nc. 05 state 211408",
            [("A", "05STATE201650"), ("B", "05BERLIN3726"), ("C", "05STATE211408")],
        ),
        # ... but a line that does not go on with the next letter is not a reference
        ("REF: A. MADRID 881\n\nC. MADRID 919", [("A", "09MADRID881")]),
        ("REF: MADRID 881\n\nB. MADRID 919", [(None, "09MADRID881")]),
    ],
)
def test_lettered_items_in_either_case_and_after_a_blank_line(
    ref_block: str, expected: list[tuple[str | None, str]]
) -> None:
    got = _refs(ref_block, station="MADRID", serial=999)
    assert [(r["letter"], r["cable_id"]) for r in got] == expected


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # OCR read an l, an O or an I for a digit of the serial; the text stays as written
        ("REF: ASTANA l286", [(None, "09ASTANA1286", "ASTANA l286")]),
        ("REF: STATE O12345", [(None, "09STATE12345", "STATE O12345")]),
        (
            "REF: A. STATE l2345 B. KABUL 1O2",
            [("A", "09STATE12345", "STATE l2345"), ("B", "09KABUL102", "KABUL 1O2")],
        ),
        ("REF: A. O8 STATE 5I5", [("A", "08STATE515", "O8 STATE 5I5")]),
        # ... but a word is no number: LONDON, OSLO keep their letters
        ("REF: OSLO 1234", [(None, "09OSLO1234", "OSLO 1234")]),
    ],
)
def test_ocr_damaged_serials(ref_block: str, expected: list[tuple[str | None, str, str]]) -> None:
    assert [(r["letter"], r["cable_id"], r["text"]) for r in _refs(ref_block)] == expected


@pytest.mark.parametrize(
    "ref_block",
    [
        # words of fewer than four letters are no post (no post's name is that short)
        "REF: DOD 1234",
        "REF: OSD 12",
        "REF: JCS 5",
        # senders that are no State station: congressional delegations, military commands
        "REF: CODEL 2",
        "REF: CINCPAC 1234",
        "REF: USDAO 456",
        "REF: COMUSMACV 1234",
        # a name after CODEL or STAFFDEL: a delegation's number, no post's
        "REF: CODEL SMITH 1234",
        "REF: STAFFDEL BROWN 12",
        # numbered orders and decisions
        "REF: EXECUTIVE ORDER 13224",
        "REF: COUNCIL DECISION 2009",
    ],
)
def test_no_station(ref_block: str) -> None:
    got = _refs(ref_block)
    assert got
    assert [r["cable_id"] for r in got] == [None] * len(got)


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # historical posts that the routing table lacks are stations still
        ("REF: SAIGON 1234", "09SAIGON1234"),
        ("REF: BONN 1234", "09BONN1234"),
        ("REF: VIENTIANE 345", "09VIENTIANE345"),
        # a post written without its article: Cablegate ids write THEHAGUE
        ("REF: A. HAGUE 123", "09THEHAGUE123"),
    ],
)
def test_historical_posts(ref_block: str, expected: str) -> None:
    assert [r["cable_id"] for r in _refs(ref_block)] == [expected]


@pytest.mark.parametrize(
    "between",
    [
        "\n\nKABUL 00000500  002 OF 003\n\n",  # a page marker between blank lines
        "\nKABUL 00000500  002 OF 003\n",
        "\n\nCONFIDENTIAL\n\nPAGE 02 KABUL 00500 01 OF 02 031539Z\n",  # a telegram page header
    ],
)
def test_ref_block_goes_on_after_a_page_break(between: str) -> None:
    got = _refs("REF: A. STATE 1234" + between + "B. KABUL 99\nC. STATE 77")
    assert [(r["letter"], r["cable_id"]) for r in got] == [
        ("A", "09STATE1234"),
        ("B", "09KABUL99"),
        ("C", "09STATE77"),
    ]


def test_telegram_of_the_1970s_takes_its_year_from_its_date() -> None:
    """A citation without a year is of the telegram's year; of its own post above its own
    serial, of the year before; a date-time group after it gives its year."""
    text = (
        "R 021530Z JAN 75\nFM AMEMBASSY SAIGON\nTO SECSTATE WASHDC 5678\n"
        "C O N F I D E N T I A L SAIGON 0045\nE.O. 11652: GDS\nTAGS: PFOR, VS\n"
        "SUBJECT: A TEST\nREF: A. STATE 12345 B. SAIGON 12 C. SAIGON 1234\n"
        "D. STATE 291234 (DTG 301530Z DEC 74)\n\n1. TEXT.\n\nMARTIN\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["references"])["references"]
    assert [r["cable_id"] for r in got] == [
        "75STATE12345",
        "75SAIGON12",
        "74SAIGON1234",
        "74STATE291234",
    ]


@pytest.mark.parametrize(
    ("ref_block", "expected"),
    [
        # REF lines the grammar reads as text: no colon, or the label spelt out
        ("REF STATE 12345", [(None, "09STATE12345")]),
        ("REF 08 STATE 12345", [(None, "08STATE12345")]),
        ("REF A. STATE 123 B. BAKU 45", [("A", "09STATE123"), ("B", "09BAKU45")]),
        ("REF (A) STATE 123\n    (B) BAKU 45", [("A", "09STATE123"), ("B", "09BAKU45")]),
        ("REFTEL STATE 123", [(None, "09STATE123")]),
        ("REFTELS STATE 123, 456", [(None, "09STATE123"), (None, "09STATE456")]),
        ("REFERENCE: STATE 123", [(None, "09STATE123")]),
        ("Reference: STATE 123", [(None, "09STATE123")]),
        ("REFERENCES: A) STATE 123\n B) BAKU 45", [("A", "09STATE123"), ("B", "09BAKU45")]),
        ("REFERENCES: A) SAINZ E-MAIL B) BAKU 45", [("A", None), ("B", "09BAKU45")]),
        ("REF STATE 123\nClassified By: Ambassador X, reasons 1.4 (b)", [(None, "09STATE123")]),
        # a REF line and a REF block without a colon under it
        ("REF: STATE 1\n\nREFTEL STATE 2", [(None, "09STATE1"), (None, "09STATE2")]),
    ],
)
def test_ref_lines_without_a_colon_or_spelt_out(
    ref_block: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(r["letter"], r["cable_id"]) for r in _refs(ref_block)] == expected


@pytest.mark.parametrize(
    ("under", "expected"),
    [
        ("REF STATE 12345", ["09STATE12345"]),
        ("REF A. STATE 123 B. BAKU 45", ["09STATE123", "09BAKU45"]),
        ("REF A. STATE 123\n B. BAKU 45\nTHE EMBASSY HAS A VIEW.", ["09STATE123", "09BAKU45"]),
        ("REFTEL STATE 123", ["09STATE123"]),
        ("REFERENCE: STATE 123", ["09STATE123"]),
    ],
)
def test_ref_lines_without_a_colon_under_the_subject(under: str, expected: list[str]) -> None:
    """PlusD telegrams: no blank line under the SUBJECT line, which the grammar reads on."""
    text = "UNCLAS KABUL 500\n\nSUBJECT: A TEST\n" + under + "\n\n1. TEXT.\n"
    found = cablelib.extract(cablelib.loads(text, reference_id="09KABUL500"))
    assert [r["cable_id"] for r in found["references"]] == expected
    assert found["subject"] == "A TEST"
    assert found["subject"] == "A TEST"


@pytest.mark.parametrize(
    "text",
    [
        # running text, not a REF block
        "REFTEL REPORTED THAT STATE 123 WAS SENT.",
        "REFTEL STATE 123 ASKED FOR VIEWS. WE GAVE THEM.",
        "Ref State 123 asked for our views on the matter.",
        "REFUGEES FROM KABUL 123 ARRIVED.",
        "REF THE MINISTER 12",
    ],
)
def test_text_that_starts_like_a_ref_line_is_no_ref_block(text: str) -> None:
    assert _refs(text) == []


def test_a_ref_line_in_a_paragraph_is_text() -> None:
    block = "REF: KABUL 1\n\n1. (C) Text.\n\n2. (C) More.\nREFTEL STATE 123 REPORTED IT.\n"
    assert [r["cable_id"] for r in _refs(block)] == ["09KABUL1"]

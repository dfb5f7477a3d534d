"""Tests of the classification extractors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS
from cablelib.extractors.classification import (
    captions,
    classification,
    classification_markings,
    classified_by,
    declassify_date,
    declassify_on,
    parse_classifier,
    parse_reasons,
)

BD = ["1.4(b)", "1.4(d)"]

REASONS = [
    ("1.4 (b) and (d)", BD),
    ("1.4(b) and (d)", BD),
    ("1.4 (B) and (D)", BD),
    ("1.4 (b/d)", BD),
    ("1.5 (b,d)", ["1.5(b)", "1.5(d)"]),
    ("1.5(b) AND (d).", ["1.5(b)", "1.5(d)"]),
    ("Reason 1.4(b)", ["1.4(b)"]),
    ("reasons 1.4 b, d", BD),
    ("REASONS 1.4 B/D", BD),
    ("1.4b,d", BD),
    ("1 .4 (b, d)", BD),
    ("Reasons 1:4 b,d", BD),
    ("reasons 1.4, b/d.", BD),
    ("1.4 (b-d)", ["1.4(b)", "1.4(c)", "1.4(d)"]),
    ("1.4 (b), (c), and (d). 1. (C) Summary", ["1.4(b)", "1.4(c)", "1.4(d)"]),
    ("Reasons (b) and (d)", BD),  # D/Ambassador Ricciardone: no section, read as 1.4
    ("1.4.(b) and (d)", BD),
    ("reasons 1,4 (b) and (d)", BD),
    ("reasons 14 (b) and (d)", BD),  # the stop lost, before a bracketed letter
    ("1.4 (b) + (d)", BD),
    ("1.4 (b)-(d)", ["1.4(b)", "1.4(c)", "1.4(d)"]),
    ("1.4 b through d", ["1.4(b)", "1.4(c)", "1.4(d)"]),
    ("1.4 9b) and (d0", BD),  # the brackets typed without the shift key
    ("1.4 B AN D D.", BD),  # 09LONDON2005: "and" split by a stray space
    ("1.4 (b) a nd (d)", BD),  # 09MADRID392
    ("1.4 (b) and (d) E.O. 12958", BD),  # the E of E.O. is no reason
    ("1.4 (d) and (e). E.O. 12958", ["1.4(d)", "1.4(e)"]),
    ("reasons 14 days", []),
    ("no reasons given", []),
]


@pytest.mark.parametrize(("text", "expected"), REASONS, ids=[r[0] for r in REASONS])
def test_reasons(text: str, expected: list[str]) -> None:
    assert parse_reasons(text) == expected


CLASSIFIERS = [
    (
        "09USNATO383",
        "Ambassador Ivo H. Daalder for reasons 1.4 (b/d).",
        "Ivo H. Daalder",
        "Ambassador",
        BD,
    ),
    (
        "PolCouns",
        "PolCouns Gregory Berry, reasons 1.4 (b) and (d)",
        "Gregory Berry",
        "PolCouns",
        BD,
    ),
    (
        "charge_ai",
        "Charge d'Affaires, a.i., John Smith, reasons 1.4(b)",
        "John Smith",
        "Charge d'Affaires, a.i.",
        ["1.4(b)"],
    ),
    (
        "09ALGIERS1077",
        "Charge d'Affaires a.i. William Jordan; reasons 1.4 (b) and (d).",
        "William Jordan",
        "Charge d'Affaires a.i.",
        BD,
    ),
    ("dcm", "DCM Jane Doe for reasons 1.4 (d)", "Jane Doe", "DCM", ["1.4(d)"]),
    ("08STATE116943", "Derived from Multiple Sources", None, None, []),
    (
        "doubled_by",
        "By Ambassador William Wood for reasons 1.4 (b) and (d)",
        "William Wood",
        "Ambassador",
        BD,
    ),
    (
        "08RABAT727",
        "Classified by Ambassador Thomas T. Riley for reasons 1.4 (a) and (b).",
        "Thomas T. Riley",
        "Ambassador",
        ["1.4(a)", "1.4(b)"],
    ),
    (
        "name_comma_title",
        "Richard Olson, Ambassador; REASON: 1.4(B), (D)",
        "Richard Olson",
        "Ambassador",
        BD,
    ),
    (
        "title_comma_name",
        "Deputy Chief of Mission, Kevin M Johnson, reasons 1.4 (b,d)",
        "Kevin M Johnson",
        "Deputy Chief of Mission",
        BD,
    ),
    ("junior", "DCM Bob Blake, Jr., for reasons 1.4 (B,D)", "Bob Blake, Jr.", "DCM", BD),
    ("title_only", "Ambassador for reasons 1.4 b) and d)", None, "Ambassador", BD),
    ("name_only", "Janet E. Beik for reasons 1.4 (B) and (D)", "Janet E. Beik", None, BD),
    ("redacted", "XXXXXXXXXXXX, reasons 1.4 (b)", None, None, ["1.4(b)"]),
    (
        "office_prefix",
        "NEA Assistant Secretary Jeffrey D. Feltman for reasons 1.4 (b)",
        "Jeffrey D. Feltman",
        "NEA Assistant Secretary",
        ["1.4(b)"],
    ),
    (
        "upper",
        "POLITICAL MINISTER COUNSELOR JOSIAH ROSENBLATT FOR REASONS 1.4 (B) AND (D)",
        "JOSIAH ROSENBLATT",
        "POLITICAL MINISTER COUNSELOR",
        BD,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "title", "reasons"),
    [c[1:] for c in CLASSIFIERS],
    ids=[c[0] for c in CLASSIFIERS],
)
def test_classifier(text: str, name: str | None, title: str | None, reasons: list[str]) -> None:
    assert parse_classifier(text) == {"name": name, "title": title, "reasons": reasons}


WRAPPED = [
    # hard wraps at the line width split words in two (09BAGHDAD197, 2007 Rosenblatt cables)
    (
        "Classified By: Minister-Counselor for Political-Military Affairs Michae \n"
        "l Corbin for reasons 1.4 (b-d). \n",
        "Michael Corbin",
        ["1.4(b)", "1.4(c)", "1.4(d)"],
    ),
    (
        "Classified By: POLITICAL MINISTER-COUNSELOR JOSIAH ROSENBLATT, FOR REAS \nONS 1.4 B/D \n",
        "JOSIAH ROSENBLATT",
        BD,
    ),
    (
        "Classified By: Political Minister Counselor Aubrey Carlson. Reasons 1.\n4 (b/d).\n",
        "Aubrey Carlson",
        BD,
    ),
]


@pytest.mark.parametrize(("line", "name", "reasons"), WRAPPED)
def test_wrapped_lines(line: str, name: str, reasons: list[str]) -> None:
    cable = cablelib.loads("SECRET STATE 000001\n\nSUBJECT: TEST\n\n" + line + "\n1. (C) Text.\n")
    found = classified_by(cable).value
    assert [(c["name"], c["reasons"]) for c in found] == [(name, reasons)]


EO = [
    ("E.O. 12958: DECL: 01/15/2019", "2019-01-15"),
    ("EO 12958 DECL: 01/15/2019", "2019-01-15"),
    ("E.O 12958:  DECL:  02/08/20", "2020-02-08"),
    ("E.O. 12958: DECL: 2020/02/12", "2020-02-12"),
    ("E.O. 12958 03/24/2019", "2019-03-24"),
    ("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", "1985-08-12"),
    ("E.o. 12958: decl: 02/14/2033", "2033-02-14"),
    ("E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL", "2010-11-29"),
    ("E.O. 12958: DNG: CO 01/26/2021", None),
    ("E.O. 12958: N/A", None),
    ("E.O. 12958: DECL: MR", None),
    ("E.O.12356: DECL:OADR", None),
    ("EO 12958 XXXXXXXXXXXXX", None),
    ("E.O. 11652: GDS", None),
    ("E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", None),
    ("E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009", None),
    ("E.O. 12958: DECL: 13/45/2019", None),
]


@pytest.mark.parametrize(("text", "expected"), EO, ids=[e[0] for e in EO])
def test_declassify_date(text: str, expected: str | None) -> None:
    assert declassify_date(text) == expected


def _cable(preamble: str) -> cablelib.Cable:
    return cablelib.loads(preamble + "\nSUBJECT: TEST\n\n1. (C) Text.\n")


BANNERS: list[tuple[str, str, str | None, list[str], list[str]]] = [
    (
        "spaced",
        "C O N F I D E N T I A L SECTION 01 OF 02 USNATO 000383\n\nSIPDIS\n",
        "CONFIDENTIAL",
        [],
        ["SIPDIS"],
    ),
    (
        "efto_banner",
        "UNCLAS E F T O SECTION 01 OF 02 STATE 001234\n\nSIPDIS\n",
        "UNCLASSIFIED",
        [],
        ["EFTO", "SIPDIS"],
    ),
    (
        "mixed_case",
        "S e c r e t state 015220\n\nSipdis\n\nNOFORN\n",
        "SECRET",
        [],
        ["SIPDIS", "NOFORN"],
    ),
    (
        "class_line_markings",
        "SECRET//FGI//NOFORN//MR\n\nE.O. 12958: DECL: MR\n",
        "SECRET",
        ["FGI", "NOFORN", "MR"],
        [],
    ),
    ("rel", "SECRET//REL SAU\n\nSIPDIS\n", "SECRET", ["REL SAU"], ["SIPDIS"]),
    # captions run onto the E.O. line, before or after it, and a caption the parser left as text
    (
        "captions_after_eo",
        "S E C R E T STATE 001097\n\nE.O. 12958 DECL: 01/01/2019 SIPDIS\n",
        "SECRET",
        [],
        ["SIPDIS"],
    ),
    (
        "captions_before_eo",
        "S E C R E T STATE 001097\n\nNOFORN SIPDIS E.O. 12958: DECL: 01/01/2019\n",
        "SECRET",
        [],
        ["NOFORN", "SIPDIS"],
    ),
    (
        "sbu_line",
        "UNCLAS BAKU 001165\n\nSBU\nSIPDIS\n",
        "UNCLASSIFIED",
        [],
        ["SENSITIVE BUT UNCLASSIFIED", "SIPDIS"],
    ),
    (
        "not_a_caption_line",
        "UNCLAS BAKU 001165\n\nSIPDIS\n\nSBU FOR THE AMBASSADOR\n",
        "UNCLASSIFIED",
        [],
        ["SIPDIS"],
    ),
    # markings of several words or spaced, and a REL list before the station
    (
        "fouo",
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n",
        "UNCLASSIFIED",
        ["FOR OFFICIAL USE ONLY"],
        [],
    ),
    ("spaced_marking", "S E C R E T // N O F O R N KABUL 000140\n", "SECRET", ["NOFORN"], []),
    (
        "rel_before_station",
        "SECRET//REL TO USA, GBR ROME 000123\n\nSIPDIS\n",
        "SECRET",
        ["REL TO USA, GBR"],
        ["SIPDIS"],
    ),
    (
        "sbu",
        "UNCLAS ROME 000123\n\nSENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY\n",
        "UNCLASSIFIED",
        [],
        ["SENSITIVE BUT UNCLASSIFIED"],
    ),
    ("lou", "LIMITED OFFICIAL USE STATE 218984\n\nEXDIS\n", "LIMITED OFFICIAL USE", [], ["EXDIS"]),
    # captions run on after the serial (10BOGOTA243), also after a SECTION line
    (
        "captions_after_serial",
        "S E C R E T BOGOTA 000243 SIPDIS NOFORN \n",
        "SECRET",
        [],
        ["SIPDIS", "NOFORN"],
    ),
    (
        "captions_after_section",
        "UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 000123 SENSITIVE BUT UNCLASSIFIED\n\nSIPDIS\n",
        "UNCLASSIFIED",
        [],
        ["SENSITIVE BUT UNCLASSIFIED", "SIPDIS"],
    ),
]


@pytest.mark.parametrize(
    ("banner", "station", "serial"),
    [
        ("S E C R E T BOGOTA 000243 SIPDIS NOFORN \n", "BOGOTA", 243),
        ("SECRET SECTION 01 OF 03 ABU DHABI 000862 NOFORN\n", "ABU DHABI", 862),
        ("C O N F I D E N T I A L USNATO 000383\n", "USNATO", 383),
        # control markings after the level are not the station
        ("S E C R E T //NOFORN KABUL 000140\n", "KABUL", 140),
        ("SECRET//NOFORN MADRID 002164\n", "MADRID", 2164),
        ("SECRET//REL TO USA, GBR ROME 000123\n", "ROME", 123),
        ("UNCLAS BAKU 001165 SBU SIPDIS\n", "BAKU", 1165),
        ("UNCLAS STATE 012345 INFORM CONSULS\n", "STATE", 12345),
    ],
)
def test_banner_with_captions_after_the_serial(banner: str, station: str, serial: int) -> None:
    """The grammar reads such a line as the banner, and its station and serial stay right."""
    cable = _cable(banner + "\n")
    assert cable.banner is not None
    assert (cable.banner.station, cable.banner.serial) == (station, serial)


@pytest.mark.parametrize(
    ("text", "level", "markings", "caps"), [b[1:] for b in BANNERS], ids=[b[0] for b in BANNERS]
)
def test_banner(text: str, level: str, markings: list[str], caps: list[str]) -> None:
    cable = _cable(text)
    assert classification(cable).value == level
    assert classification_markings(cable).value == markings
    assert captions(cable).value == caps


def test_seed_09USNATO383() -> None:
    cable = cablelib.load(VENDORED_CORPUS / "09USNATO383.txt")
    got = cablelib.extract(
        cable,
        only=["classification", "captions", "classified_by", "declassify_on"],
        provenance=True,
    )
    assert got["classification"] == "CONFIDENTIAL"
    assert got["captions"] == ["SIPDIS"]
    assert got["classified_by"] == [
        {"name": "Ivo H. Daalder", "title": "Ambassador", "reasons": BD}
    ]
    assert got["declassify_on"] == "2019-09-10"
    assert all(got["provenance"][k] for k in ("classification", "classified_by", "declassify_on"))


def test_nothing_to_read() -> None:
    cable = cablelib.loads("Some text without any preamble.\n")
    assert classification(cable).value is None
    assert captions(cable).value == []
    assert classified_by(cable).value == []
    assert declassify_on(cable).value is None


def _pages() -> list[Path]:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("shared corpus absent")
    return sorted(SHARED_CORPUS.glob("cablegate-*/*.html"))


def test_corpus_classification_agrees_with_page() -> None:
    """Measured 519 of 523 (99.2%); the misses are pages whose body is another cable's."""
    pages = _pages()
    agree = 0
    for path in pages:
        cable = cablelib.load(path)
        assert cable.page is not None
        agree += classification(cable).value == (cable.page.classification or "").split("//")[0]
    assert agree / len(pages) >= 0.99


def test_corpus_classified_by() -> None:
    """Measured: 470 of 476 pages with a Classified By line give a name and reasons."""
    seen = good = 0
    for path in _pages():
        found: list[dict[str, Any]] = classified_by(cablelib.load(path)).value
        if found:
            seen += 1
            good += any(c["name"] and c["reasons"] for c in found)
    assert seen > 400
    assert good / seen >= 0.98


# -- the fast paths give what the plain regular expressions give --------------------------

#: _REASONS_AT as it was written, without the lookahead that skips characters quickly.
_PLAIN_REASONS_AT = re.compile(
    r"(?:[,;.:]?\s*\b(?:for|per|under)\s+)?"
    r"(?:\b(?:R\s?E\s?A\s?S\s?O\s?N\s?S?|REASONS?)\b|\b1\s?[.:/]\s?[45](?!\d)"
    r"|\bE\.\s?O\.|\bEO\s?1\d{4}|\(\s?[a-h]\s?\)(?:\s*(?:,|/|and|&)\s*\(?\s?[a-h]\s?\))+)",
    re.IGNORECASE,
)

_CLASSIFIER_WORDS = st.sampled_from(
    [
        "for",
        "FOR",
        "per",
        "under",
        "section",
        "and",
        "reason",
        "reasons",
        "REASON:",
        "R E A S O N",
        "1.4",
        "1.5",
        "1 .4",
        "1:4",
        "(b)",
        "(d)",
        "b",
        "d",
        "b/d",
        "(b-d)",
        "E.O.",
        "12958",
        "Ambassador",
        "Smith",
        "Jr.",
        "a.i.",
        "XXXX",
        "Derived",
        "from",
        ",",
        ".",
        ";",
        ":",
        "'",
        '"',
        "...",
        "(C)",
        "Classified",
        "By",
        "\u017f",
        "\u0130",
        "\u0131",
        "K",
        "\u0661",
        "-",
        "/",
    ]
)


@given(st.lists(st.tuples(_CLASSIFIER_WORDS, st.sampled_from([" ", "", ", "])), max_size=9))
@settings(max_examples=3000, deadline=None)
def test_classifier_shortcuts(parts: list[tuple[str, str]]) -> None:
    from cablelib.extractors import classification as c  # noqa: PLC0415

    value = " ".join("".join(w + s for w, s in parts).split())
    # the trailing stops and words
    assert c._trim(value) == c._TRAILING.sub("", value)
    # where the reasons start
    plain = _PLAIN_REASONS_AT.search(value)
    core = c._REASONS_CORE.search(value)
    at = c._REASONS_AT.search(value, max(0, core.start() - c._REASONS_LEAD)) if core else None
    assert (plain and plain.start()) == (at and at.start())
    # the reasons, read from there
    start = plain.start() if plain else 0
    tail = c._reasons_from(value[start - 1 :], 1) if start else c._reasons_from(value, 0)
    assert list(tail) == (parse_reasons(value) if plain else [])
    assert parse_reasons(value) == (list(tail) if plain else [])
    # the title words
    for token in value.split():
        words = c._title_words()
        word = token.translate(c._APOSTROPHES).lower().strip(",;:")
        parts_ = [p for p in re.split(r"[/-]", word.rstrip(".")) if len(p) > 1]
        plain_title = word in words or word.rstrip(".") in words or any(p in words for p in parts_)
        # title words run together: PolChief, DepPolCouns (every capitalized part)
        bare = token.strip(",;:").rstrip(".")
        camel = re.findall(r"[A-Z][a-z]*", bare)
        if not plain_title and "/" not in word and "-" not in word:
            plain_title = (
                bare.isalpha()
                and bare != bare.upper()
                and bare != bare.lower()
                and len(camel) > 1
                and "".join(camel) == bare
                and all(len(p) > 1 and p.lower() in words for p in camel)
            ) or c._is_misspelt(word.rstrip("."))
        assert c._is_title_word(token) == plain_title


def _plain_declassify_date(text: str) -> str | None:
    """declassify_date as it was written, every search run."""
    from cablelib.extractors import classification as c  # noqa: PLC0415
    from cablelib.model import parse_date  # noqa: PLC0415

    m = c._EO_INSIDE.search(text)
    if m:
        text = text[m.start() :]
    label = c._EO_LABEL.match(text)
    rest = text[label.end() :] if label else text
    tags = c._TAGS_AT.search(rest)
    if tags:
        rest = rest[: tags.start()]
    if c._DECLASSIFIED.search(rest):
        return None
    decl = c._DECL.search(rest)
    if decl:
        rest = rest[decl.end() :]
        dng = c._DOWNGRADE.search(rest)  # a downgrade instruction after the date
        if dng:
            rest = rest[: dng.start()]
    elif c._DOWNGRADE.search(rest):
        return None
    found = parse_date(rest) or c._other_date(rest)
    return found.isoformat() if found else None


_EO_WORDS = st.sampled_from(
    [
        "E.O.",
        "EO",
        "12958:",
        "12065",
        "DECL:",
        "DECL",
        "ON",
        "declassify",
        "DECLASSIFIED",
        "DECLA\u017f\u017fIFIED",
        "DNG:",
        "DOWNGRADE",
        "TAGS:",
        "TAG",
        "N/A",
        "OADR",
        "GDS",
        "MR",
        "09/10/2019",
        "9/10/19",
        "13/40/2019",
        "2019/09/10",
        "02/30/2020",
        "SEPT",
        "10,",
        "2019",
        "1/1/2001",
        "\u0661/\u0661/2001",
        "12 / 1 / 2010",
        "XX/XX/XXXX",
        "CO",
        "2019-09-10",
        "09.10.2019",
        "10 SEP",
        "20190910",
        "25X1",
        "1.6X6",
    ]
)


@given(st.lists(st.tuples(_EO_WORDS, st.sampled_from([" ", "", "  "])), max_size=7))
@settings(max_examples=3000, deadline=None)
def test_declassify_date_shortcuts(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    assert declassify_date(text) == _plain_declassify_date(text)


def test_corpus_shortcuts() -> None:
    """Over the corpus: the E.O. lines and Classified By lines read as without shortcuts."""
    from _corpus import all_corpus_files  # noqa: PLC0415
    from cablelib.extractors import classification as c  # noqa: PLC0415
    from cablelib.model import ClassifiedByLine, EoLine  # noqa: PLC0415

    n = 0
    for path in all_corpus_files():
        try:
            cable = cablelib.loads(path.read_text(encoding="utf-8"))
        except Exception:
            continue
        for line in cable.lines():
            if isinstance(line, EoLine):
                assert declassify_date(line.content) == _plain_declassify_date(line.content)
            if isinstance(line, ClassifiedByLine):
                value = c._join_wrapped(line.content)
                assert c._trim(value) == c._TRAILING.sub("", value)
                plain = _PLAIN_REASONS_AT.search(value)
                assert parse_classifier(value)["reasons"] == parse_reasons(value)
                assert (plain is None) == (c._REASONS_CORE.search(value) is None)
                n += 1
    assert n > 0


@pytest.mark.parametrize(
    "value",
    [
        "Ambassador Smith under section",
        "Ambassador Smith Under Section.",
        "Ambassador Smith under \u017fection",
        "Ambassador Smith, for",
        "Ambassador Smith and,",
        "Ambassador Smith per:",
        "Ambassador Smith FOR.",
        "Ambassador Smith section",
        "Ferdinand",
        "for",
        " for",
        "...",
        "",
        "Smith, Jr.",
    ],
)
def test_trim(value: str) -> None:
    from cablelib.extractors import classification as c  # noqa: PLC0415

    assert c._trim(value) == c._TRAILING.sub("", value)


# -- variants of FORMAT.md 4.4 and 4.6, read through whole cables ---------------------------

EO_VARIANTS = [
    # a date written day first, which no month-first reading can take
    ("E.O. 12958: DECL: 31/12/2019", "2019-12-31"),
    ("E.O. 12958: DECL: 13/01/2019", "2019-01-13"),
    ("E.O. 12958: DECL: 12/13/2019", "2019-12-13"),
    # every spelling of the label and the DECL word (FORMAT.md 4.4 and the Cablegate pages)
    ("E.O. 12958 DECL: 01/15/2019", "2019-01-15"),
    ("EO 12958 DECL 1/15/19", "2019-01-15"),
    ("EO12958 DECL: 12/31/18", "2018-12-31"),
    ("E. O. 12958: DECL: 01/15/2019", "2019-01-15"),
    ("E.O. 12958 : DECL : 01/15/2019", "2019-01-15"),
    ("E.O. 12958: DECL:01/15/2019 TAGS PREL", "2019-01-15"),
    ("E.O. 12958: DECL ON 01/15/2019", "2019-01-15"),
    ("E.O. 12958: DECLASSIFY ON: 01/15/2019", "2019-01-15"),
    ("E.O. 12958, AS AMENDED: DECL: 01/15/2019", "2019-01-15"),
    ("E.O. 13526: DECL: 01/15/2035", "2035-01-15"),
    ("E.O. 12958: DECL: 02/08/20", "2020-02-08"),
    ("E.O. 12958: DECL: 01/15/2019 (DOE, JOHN)", "2019-01-15"),
    ("E.O. 12958: DECL: 1.4B, 1.4D, 01/15/2019", "2019-01-15"),
    # dates in the forms parse_date does not read
    ("E.O. 12958: DECL: 2019-01-15", "2019-01-15"),
    ("E.O. 12958: DECL: 01-15-2019", "2019-01-15"),
    ("E.O. 12958: DECL: 01.15.2019", "2019-01-15"),
    ("E.O. 12958: DECL: 15 JAN 2019", "2019-01-15"),
    ("E.O. 12958: DECL: 20190115", "2019-01-15"),
    ("E.O. 12958: DECL: 2019-02-30", None),
    # E.O. 12065 and 11652: GDS/RDS/XDS with a date, exemptions without one
    ("E.O. 12065: GDS 12/31/85", "1985-12-31"),
    ("E.O. 12065: RDS-1 8/12/99", None),  # a review date (see test_extract_era_1978)
    ("E.O. 12065: XDS-1 8/12/99 (SMITH, J.) OR-M", "1999-08-12"),
    ("E.O. 11652: GDS 12/31/76", "1976-12-31"),
    ("E.O. 11652: XGDS-2", None),
    ("E.O. 11652: XGDS 2", None),
    ("E.O. 12356: DECL: OADR", None),
    ("E.O. 12065: N/A", None),
    # exemption codes are no dates
    ("E.O. 12958: DECL: 1.6X6", None),
    ("E.O. 12958: DECL: 1.6X1, 1.6X6", None),
    ("E.O. 12958: DECL: 25X1", None),
    ("E.O. 12958: DECL: 25X1-HUMAN", None),
    ("E.O. 12958: DECL 10 YEARS", None),
    ("E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION", None),
    ("E.O. 12958 DECL:", None),
    ("EO 12958 N/A", None),
    # OCR damage and other date forms
    ("E.O. 12958: DECL: 0l/15/2019", "2019-01-15"),  # a letter l for the digit
    ("E.O. 12958: DECL: O1/15/2019", "2019-01-15"),
    ("E.O. 12958: DECL: 01/15/20l9", "2019-01-15"),
    ("E.O. 12958: DECL: 01//15/2019", "2019-01-15"),
    ("E.O. 12958: DECL 01/15/ 2019", "2019-01-15"),
    ("E.O. 12958: DECL: OADR", None),  # letters alone are no date
    ("E.O. 12958: DECL: 15JAN2019", "2019-01-15"),
    ("E.O. 12958: DECL: 15 JAN 19", "2019-01-15"),
    ("E.O. 12958: DECL: JANUARY 15, 2019", "2019-01-15"),
    ("E.O. 12958: DECL: 1.6X1", None),
    ("E.0. 12958: DECL: 01/15/2019", "2019-01-15"),  # a zero for the O
    ("E.O. 12065: RDS-3 12/31/99", None),
    ("E.O. 12065: GDS 3/l/85 (SMITH, JOHN) OR-M", "1985-03-01"),
    ("E.O. 11652: XGDS-1", None),
]


@pytest.mark.parametrize(
    ("eo", "expected"),
    [("E O 12065 GDS 8/1/85 (SMITH, JOHN) OR-M", "1985-08-01"), ("E O 11652 GDS", None)],
)
def test_declassify_on_run_into_one_line(eo: str, expected: str | None) -> None:
    """A PlusD text flattened into one line: the E.O. words without their stops."""
    cable = cablelib.loads(
        "Margaret P Grafeld Declassified Released US Department of State EO Systematic Review "
        "06 JUL 2006 Message Text PAGE 01 STATE 181655 C O N F I D E N T I A L STATE 181655 "
        + eo
        + " TAGS PFOR SUBJECT DAILY REPORTS 1 FOLLOWING ARE THE REPORTS\n"
    )
    found = declassify_on(cable)
    assert found.value == expected
    assert found.lines  # the line was found either way


@pytest.mark.parametrize(("text", "expected"), EO_VARIANTS, ids=[e[0] for e in EO_VARIANTS])
def test_declassify_date_variants(text: str, expected: str | None) -> None:
    assert declassify_date(text) == expected


_EO_CABLE = (
    "C O N F I D E N T I A L KABUL 000140\n\nSIPDIS\n\n{eo}\nTAGS: PREL, AF\nSUBJECT: TEST\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [e for e in EO + EO_VARIANTS if "TAGS" not in e[0]],
    ids=[e[0] for e in EO + EO_VARIANTS if "TAGS" not in e[0]],
)
def test_declassify_on_in_a_cable(text: str, expected: str | None) -> None:
    cable = cablelib.loads(_EO_CABLE.format(eo=text) + "1. (C) Text.\n")
    assert declassify_on(cable).value == expected


@pytest.mark.parametrize(
    ("eo", "block", "expected"),
    [
        # STATE cables of 2008-2010: the E.O. line says MR, the block below gives the date
        (
            "E.O. 12958: DECL: MR\n",
            "Reason: 1.4 (b), (d)\nDeclassify on: 01/15/2019\n",
            "2019-01-15",
        ),
        ("", "Reason: 1.4 (b), (d)\nDECLASSIFY ON: 1/15/2019\n", "2019-01-15"),
        ("E.O. 12958: DECL: MR\n", "Declassify on: Source marked 25X1-human\n", None),
        # the E.O. line's date comes first
        ("E.O. 12958: DECL: 02/01/2020\n", "Declassify on: 01/15/2019\n", "2020-02-01"),
        ("E.O. 12958: N/A\n", "Reason: 1.4 (b)\n", None),
    ],
)
def test_declassify_on_line(eo: str, block: str, expected: str | None) -> None:
    cable = cablelib.loads(
        "SECRET STATE 000123\n\nSIPDIS\n\n" + eo + "TAGS: PREL\nSUBJECT: TEST\n\n"
        "Classified By: EAP DAS John Doe\n" + block + "\n1. (S) Text.\n"
    )
    found = declassify_on(cable)
    assert found.value == expected
    assert classified_by(cable).value[0]["name"] == "John Doe"


CLASSIFIER_VARIANTS = [
    (
        "CLASSIFIED BY: AMBASSADOR JOHN SMITH. REASONS: 1.4 (B) AND (D).",
        "JOHN SMITH",
        "AMBASSADOR",
        BD,
    ),
    (
        "Classified By: Charge d'Affaires a.i. Jane Doe for reason 1.4(d)",
        "Jane Doe",
        "Charge d'Affaires a.i.",
        ["1.4(d)"],
    ),
    (
        "Classified by DCM Robert X. Brown, E.O. 12958, reasons 1.4 b and d",
        "Robert X. Brown",
        "DCM",
        BD,
    ),
    ("Classified By: Derived from Multiple Sources", None, None, []),
    (
        "(U) Classified by: Acting DCM Tom Jones, reasons 1.4(b),(c),(d).",
        "Tom Jones",
        "Acting DCM",
        ["1.4(b)", "1.4(c)", "1.4(d)"],
    ),
    ("CLASSIFIED BY: POLOFF J. SMITH FOR REASONS 1.4 (B) AND (D)", "J. SMITH", "POLOFF", BD),
    ("CLASSIFIED BY DCM JOHN SMITH, REASONS 1.4 (B,D)", "JOHN SMITH", "DCM", BD),
    (
        "Classified By: Ambassador William J. Burns: 1.4 (b), (d)",
        "William J. Burns",
        "Ambassador",
        BD,
    ),
    ("Classified By: CDA Jane Doe, Reason 1.4 (b) (d)", "Jane Doe", "CDA", BD),
    (
        "Classified By: Ambassador Ryan C. Crocker per E.O. 12958, reasons 1.4(b)(d)",
        "Ryan C. Crocker",
        "Ambassador",
        BD,
    ),
    (
        "Classified By: Charge d'Affaires, a.i., Jane Doe. Reason: 1.4(b)(d)",
        "Jane Doe",
        "Charge d'Affaires, a.i.",
        BD,
    ),
    (
        "Classified By: John Smith, Political Officer, for reasons 1.4 b and d",
        "John Smith",
        "Political Officer",
        BD,
    ),
    ("Classified By: AMB. JOHN SMITH, REASON 1.4(D)", "JOHN SMITH", "AMB", ["1.4(d)"]),
    (
        "Classified By: POL/ECON Chief Mark Brown. Reason: 1.4 (b)",
        "Mark Brown",
        "POL/ECON Chief",
        ["1.4(b)"],
    ),
    ("Classified By: Ambassador John Smith 1.4 (b) and (d)", "John Smith", "Ambassador", BD),
    (
        "Classified By: Ambassador John Smith, Reasons: Section 1.4 (b) and (d)",
        "John Smith",
        "Ambassador",
        BD,
    ),
    (
        "Classified By: Ambassador John Smith for reasons 1.4(b) and (d) and 1.5(d)",
        "John Smith",
        "Ambassador",
        [*BD, "1.5(d)"],
    ),
    (
        "Classified By: Political Officer Jane Doe for Reasons 1.4(b)and(d)",
        "Jane Doe",
        "Political Officer",
        BD,
    ),
    (
        "Classified By: Political Officer Jane Doe for Reasons 1.4 (b, d, and e)",
        "Jane Doe",
        "Political Officer",
        [*BD, "1.4(e)"],
    ),
    ("Classified By: Pol Off Jane Doe, Reason 1.4(B)", "Jane Doe", "Pol Off", ["1.4(b)"]),
    ("Classified By: Econoff Jane Doe, reasons 1.4(b)", "Jane Doe", "Econoff", ["1.4(b)"]),
    ("Classified By: CG John Smith, reasons 1.4 (b) and (d)", "John Smith", "CG", BD),
    (
        "Classified By: Classified by Ambassador John Smith, Reasons 1.4 (b) and (d)",
        "John Smith",
        "Ambassador",
        BD,
    ),
    (
        "Classified By: ERIC WONG, CHARGE D\u2019AFFAIRES, A.I.",
        "ERIC WONG",
        "CHARGE D\u2019AFFAIRES, A.I.",
        [],
    ),  # 08DJIBOUTI380
    # wrapped over two lines (the grammar keeps the second line with the first)
    (
        "Classified By: Ambassador Clifford Sobel. \nReason: 1.5 d \n",
        "Clifford Sobel",
        "Ambassador",
        ["1.5(d)"],
    ),  # 08BRASILIA429
    (
        "CLASSIFIED BY: AMBASSADOR JOHN SMITH.\nREASONS: 1.4 (B) AND (D).",
        "JOHN SMITH",
        "AMBASSADOR",
        BD,
    ),
    (
        "Classified By: Political Counselor\nMark Jones for reasons 1.4 (b) and (d)",
        "Mark Jones",
        "Political Counselor",
        BD,
    ),
    (
        "Classified By: Deputy Chief of Mission Mary Ann Peters for\nreasons 1.4 (b) and (d).",
        "Mary Ann Peters",
        "Deputy Chief of Mission",
        BD,
    ),
    (
        "Classified By: Ambassador Clifford Sobel,\n1.4 (b) and (d).",
        "Clifford Sobel",
        "Ambassador",
        BD,
    ),
    # punctuation between the name and the reasons is no part of the name
    ("Classified By: A/DCM Jane Doe - Reasons 1.4(b) and (d).", "Jane Doe", "A/DCM", BD),
    ("Classified By: Ambassador Jane Doe -- Reasons 1.4(b) and (d).", "Jane Doe", "Ambassador", BD),
    ("Classified By: Ambassador Jane Doe (reasons 1.4 (b) and (d))", "Jane Doe", "Ambassador", BD),
    ("Classified By: Political Officer Jane Doe [1.4 (b,d)]", "Jane Doe", "Political Officer", BD),
    (
        "Classified By: Ambassador Jane Doe per EO 12958 Reasons 1.4 (b,d).",
        "Jane Doe",
        "Ambassador",
        BD,
    ),
    # title words run together, misspelt, or not in the list before
    ("Classified By: PolChief Jane Doe, reasons 1.4 (b) and (d)", "Jane Doe", "PolChief", BD),
    ("Classified By: DepPolCouns Jane Doe, reasons 1.4 (b)", "Jane Doe", "DepPolCouns", ["1.4(b)"]),
    ("Classified By: PolEconOff Jane Doe. Reasons 1.4 (b) and (d)", "Jane Doe", "PolEconOff", BD),
    (
        "Classified By: Ambassador Richard LeBaron, Reasons 1.4 (B) & (D)",
        "Richard LeBaron",
        "Ambassador",
        BD,
    ),
    ("Classified By: Ambassador John McGee, Reasons 1.4 (B) & (D)", "John McGee", "Ambassador", BD),
    (
        "Classified By: Charge d'Affaries David Hale for Reasons 1.4 (b), (d)",
        "David Hale",
        "Charge d'Affaries",
        BD,
    ),
    ("Classified By: Ambasador David Hale for Reasons 1.4 (b), (d)", "David Hale", "Ambasador", BD),
    (
        "Classified By: Political Counsleor David Hale, Reasons 1.4 (b), (d)",
        "David Hale",
        "Political Counsleor",
        BD,
    ),
    (
        "Classified By: Charge d'Affaires ad interim Jane Doe. Reasons 1.4 (b) and (d)",
        "Jane Doe",
        "Charge d'Affaires ad interim",
        BD,
    ),
    (
        "Classified By: Secretary of State Condoleezza Rice. Reasons 1.4 (b) and (d)",
        "Condoleezza Rice",
        "Secretary of State",
        BD,
    ),
    (
        "Classified By: Chief of Station Jane Doe, reason 1.4 (c)",
        "Jane Doe",
        "Chief of Station",
        ["1.4(c)"],
    ),
    ("Classified By: POLAD Jane Doe, reasons 1.4 (b) and (d)", "Jane Doe", "POLAD", BD),
    (
        "Classified By: PDAS Thomas A. Countryman for reasons 1.4 (b) and (d)",
        "Thomas A. Countryman",
        "PDAS",
        BD,
    ),
    (
        "Classified By: Defense Attache Col. Jane Doe, reasons 1.4 (b) and (d)",
        "Jane Doe",
        "Defense Attache Col",  # the final stop goes, as of AMB.
        BD,
    ),
    # a Declassify on line below is no part of the name
    (
        "Classified By: EAP DAS John Doe\nDeclassify on: 01/15/2019",
        "John Doe",
        "EAP DAS",
        [],
    ),
    # a title that lists fields with commas (the name is not "Environment")
    (
        "Classified By: Environment, Science, Technology and Health Officer Jane Doe, "
        "reasons 1.4 (b) and (d)",
        "Jane Doe",
        "Environment, Science, Technology and Health Officer",
        BD,
    ),
    (
        "Classified By: Economic, Environment, Science and Technology Counselor Jane Doe, "
        "reasons 1.4 (b) and (d)",
        "Jane Doe",
        "Economic, Environment, Science and Technology Counselor",
        BD,
    ),
    (
        "Classified By: Environment, Science, Technology, and Health Officer Jane Doe, "
        "reasons 1.4 (b) and (d)",
        "Jane Doe",
        "Environment, Science, Technology, and Health Officer",
        BD,
    ),
    # ... but a name before the title keeps its commas apart
    (
        "Classified By: Donna A. Phelan, Acting Director, reasons 1.4 (b) and (d)",
        "Donna A. Phelan",
        "Acting Director",
        BD,
    ),
    # a title of letters and a slash (A/S, U/S): no two letters side by side
    ("Classified by: U/S Burns for reasons 1.4 (b) and (d)", "Burns", "U/S", BD),
    ("Classified By: Burns, Ambassador, reasons 1.4 (b) and (d)", "Burns", "Ambassador", BD),
    (
        "Classified By: A/S Christopher R. Hill, reason 1.4 (d)",
        "Christopher R. Hill",
        "A/S",
        ["1.4(d)"],
    ),
    # a title that runs over several commas before the name
    (
        "Classified By: Director, Office of Regional Affairs, John Doe, reasons 1.4 (b) and (d)",
        "John Doe",
        "Director, Office of Regional Affairs",
        BD,
    ),
    # a title with joining words after its last title word
    (
        "Classified By: Senior Advisor to the Ambassador on Transition David Pearce "
        "for reasons 1.4 (b) and (d)",
        "David Pearce",
        "Senior Advisor to the Ambassador on Transition",
        BD,
    ),
    (
        "Classified By: Special Envoy for Sudan John C. Doe for reasons 1.4 (b) and (d)",
        "John C. Doe",
        "Special Envoy for Sudan",
        BD,
    ),
    ("Classified By: ASD Mary Beth Long for reasons 1.4 (b) and (d)", "Mary Beth Long", "ASD", BD),
    (
        "CLASSIFIED BY DEPUTY CHIEF OF MISSION JOHN SMITH. REASON 1.5 (B) AND (D)",
        "JOHN SMITH",
        "DEPUTY CHIEF OF MISSION",
        ["1.5(b)", "1.5(d)"],
    ),
]


@pytest.mark.parametrize(
    ("line", "name", "title", "reasons"),
    CLASSIFIER_VARIANTS,
    ids=[c[0][:60] for c in CLASSIFIER_VARIANTS],
)
def test_classified_by_variants(
    line: str, name: str | None, title: str | None, reasons: list[str]
) -> None:
    cable = cablelib.loads(
        _EO_CABLE.format(eo="E.O. 12958: DECL: 01/15/2019") + line + "\n\n1. (C) Text.\n"
    )
    assert classified_by(cable).value == [{"name": name, "title": title, "reasons": reasons}]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (  # 05BRASILIA2767: run on at the end of the REF line
            "REF: A. STATE 183800 B. BRASILIA 1396 Classified By: Political Officer Bisola "
            "Ojikutu for Reasons 1.4 (b) and (d)\n\n1. (U) This is an action cable.\n",
            "Bisola Ojikutu",
            "Political Officer",
        ),
        (  # 09STATE34688: written as the first paragraph
            "1.(U) Classified by Bureau Assistant Secretary Jeffrey Feltman. Reasons: 1.4 (b) "
            "and (d)\n\n2. (U) April 7, 2009; 1:30 p.m.; Washington, DC.\n",
            "Jeffrey Feltman",
            "Bureau Assistant Secretary",
        ),
    ],
)
def test_classified_by_outside_its_own_line(text: str, name: str, title: str) -> None:
    cable = cablelib.loads(_EO_CABLE.format(eo="E.O. 12958: DECL: 01/15/2019") + text)
    found = cablelib.extract(cable, only=["classified_by", "persons"], provenance=True)
    assert found["classified_by"] == [
        {"name": name, "title": title, "reasons": ["1.4(b)", "1.4(d)"]}
    ]
    first, last = name.split(maxsplit=1)[0], name.rsplit(maxsplit=1)[-1]
    assert found["persons"] == [f"{last}, {first}"]
    [span] = found["provenance"]["classified_by"]
    assert "lassified" in span["text"]

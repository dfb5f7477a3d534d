"""Tests of the header extractors: ``recipients`` and ``info_recipients``."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS
from cablelib.extractors.header import info_recipients, recipients

_HEAD = "VZCZCXRO0510\nOO RUEHPW\nDE RUEHBUL #0140/01 0201040\nZNY CCCCC ZZH\nO 201040Z JAN 09\n"
_BODY = "C O N F I D E N T I A L KABUL 000140\n\nSIPDIS\n\nSUBJECT: TEST\n\n1. (C) Text.\n"


def _rec(
    route: str | None,
    name: str | None,
    prec: str | None = None,
    mcn: str | None = None,
    excluded: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "route": route,
        "name": name,
        "precedence": prec,
        "mcn": mcn,
        "excluded": excluded or [],
    }


SYNTHETIC = [
    (
        "route_and_name",
        "FM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\n"
        "INFO RUCNAFG/AFGHANISTAN COLLECTIVE PRIORITY\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "6866")],
        [_rec("RUCNAFG", "AFGHANISTAN COLLECTIVE", "PRIORITY")],
    ),
    (
        "route_alone_named_from_table",
        "FM AMEMBASSY KABUL\nTO RUEHC\nINFO RUEHBS\n",
        [_rec("RUEHC", "DEPT OF STATE WASHINGTON DC")],
        [_rec("RUEHBS", "AMEMBASSY BRUSSELS")],
    ),
    (
        "xmt_after_collective",
        "FM SECSTATE WASHDC\nTO RUEHZO/AFRICAN UNION COLLECTIVE PRIORITY\n"
        "INFO RUEHSA/AMEMBASSY PRETORIA 0001\nXMT AMCONSUL JOHANNESBURG\nAMCONSUL CAPE TOWN\n",
        [_rec("RUEHZO", "AFRICAN UNION COLLECTIVE", "PRIORITY")],
        [
            _rec(
                "RUEHSA",
                "AMEMBASSY PRETORIA",
                None,
                "0001",
                ["AMCONSUL JOHANNESBURG", "AMCONSUL CAPE TOWN"],
            )
        ],
    ),
    (
        "xmt_picks_the_collective",
        "FM SECSTATE WASHDC\nTO RUEHZL/EUROPEAN POLITICAL COLLECTIVE\nRUEHC/SECSTATE WASHDC\n"
        "XMT AMEMBASSY PARIS\n",
        [
            _rec("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE", excluded=["AMEMBASSY PARIS"]),
            _rec("RUEHC", "SECSTATE WASHDC"),
        ],
        [],
    ),
    (
        "mixed_case_precedence",
        "FM Amembassy Kabul\nTO Secstate Washdc Niact Immediate 0123\n",
        [_rec(None, "SECSTATE WASHDC", "NIACT IMMEDIATE", "0123")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("header", "to", "info"), [c[1:] for c in SYNTHETIC], ids=[c[0] for c in SYNTHETIC]
)
def test_synthetic(header: str, to: list[dict[str, Any]], info: list[dict[str, Any]]) -> None:
    cable = cablelib.loads(_HEAD + header + "\n" + _BODY)
    assert recipients(cable).value == to
    assert info_recipients(cable).value == info


def test_seed_09USNATO383() -> None:
    cable = cablelib.load(VENDORED_CORPUS / "09USNATO383.txt")
    to = cablelib.extract(cable, only=["recipients", "info_recipients"], provenance=True)
    assert to["recipients"] == [_rec("RUEHC", "SECSTATE WASHDC", "PRIORITY", "3350")]
    assert len(to["info_recipients"]) == 8
    assert to["provenance"]["recipients"][0]["text"].startswith("TO RUEHC/SECSTATE")


def test_no_header() -> None:
    cable = cablelib.loads(_BODY)
    assert recipients(cable) == cablelib.extraction.Found([])
    assert info_recipients(cable).value == []


EXCERPTS = [
    # PlusD office list and separator are no addressees (1979CARACA00562, 1976 Lisbon)
    ("005.txt", [_rec(None, "SECSTATE WASHDC", None, "5428")], 0),
    ("021.txt", [_rec(None, "SECSTATE WASHDC", "PRIORITY", "9653")], 10),
]


@pytest.mark.parametrize(("name", "to", "n_info"), EXCERPTS, ids=[e[0] for e in EXCERPTS])
def test_plusd_excerpts(name: str, to: list[dict[str, Any]], n_info: int) -> None:
    path = SHARED_CORPUS / "excerpts" / name
    if not path.exists():
        pytest.skip("shared corpus absent")
    cable = cablelib.load(path)
    assert recipients(cable).value == to
    info = info_recipients(cable).value
    assert len(info) == n_info
    assert all("-0" not in (r["name"] or "") for r in info)


def test_page_header_inside_info_08STATE50524() -> None:
    path = SHARED_CORPUS / "cablegate-2010-12" / "08STATE50524.html"
    if not path.exists():
        pytest.skip("shared corpus absent")
    info = info_recipients(cablelib.load(path)).value
    assert info == [_rec(None, "AMEMBASSY BAGHDAD", "PRIORITY")]


def test_corpus_every_routed_header_has_an_action_addressee() -> None:
    """Over the Cablegate pages: headers with a FM line name at least one TO addressee."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("shared corpus absent")
    total = ok = 0
    for path in sorted(SHARED_CORPUS.glob("cablegate-*/*.html")):
        cable = cablelib.load(path)
        header = cable.header
        if header is None or header.sender is None:
            continue
        total += 1
        to = recipients(cable).value
        ok += bool(to) and all(r["name"] for r in to)
    assert total > 400
    assert ok / total >= 0.98


# -- the fast paths give what the model and the plain regular expressions give ------------

_TEXT_LINES = [
    "TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
    "INFO RUEHBS/USEU BRUSSELS IMMEDIATE",
    "XMT AMCONSUL JOHANNESBURG",
    "  TO  RUEHC/SECSTATE WASHDC  NIACT IMMEDIATE  0042  ",
    "RUEHZO/AFRICAN UNION COLLECTIVE NIACT IMMEDIATE",
    "NIACT IMMEDIATE",
    "X NIACT IMMEDIATE 12",
    " NIACT IMMEDIATE 12",
    "PRIORITY",
    "X PRIORITY PRIORITY",
    "TO 1234",
    "TO ",
    "TO",
    "INFO",
    "TO\tRUEHC",
    "RUEHC/ 1234",
    "RUEHC/",
    "RUEHC/1234",
    " 1234",
    "1234",
    "AMEMBASSY X 12 3456",
    "AMEMBASSY X 123456",
    "AMEMBASSY X\t1234",
    "AMEMBASSY X 1234\r",
    "AMEMBASSY X \u0661\u0662",
    "Secstate Washdc Priority 0123",
    "RUEHC/Secstate Washdc PRIORITY",
    "rueh/SECSTATE",
    "RUEHABCDE/TOO LONG",
    "R1234/DIGITS",
    "INFO OCT-01 ISO-00 /136 W",
    "------------------093930 150229Z /14",
    "PAGE 02 STATE 123456",
    "RUEHC",
    "RUEHC PRIORITY 12",
    "",
    "   ",
    "TO INFO RUEHC/SECSTATE WASHDC",
]


def _corpus_text_lines() -> list[str]:
    from _corpus import all_corpus_files  # noqa: PLC0415 - only for this test
    from cablelib.model import AddressLine, InfoLine, ToLine, XmtLine  # noqa: PLC0415

    out: set[str] = set()
    for path in all_corpus_files():
        try:
            cable = cablelib.loads(path.read_text(encoding="utf-8"))
        except Exception:
            continue
        header = cable.header
        for line in header.lines if header is not None else ():
            if isinstance(line, ToLine | InfoLine | XmtLine | AddressLine):
                out.update(line.content.split("\n"))
    return sorted(out)


def _model_items(text: str, *, first: bool) -> list[dict[str, Any]]:
    """What the extractor made of a text line before: the model's parse, then _recipient."""
    from cablelib.extractors import header  # noqa: PLC0415
    from cablelib.model import AddressLine  # noqa: PLC0415

    raw = text if first else "RUEHC/SECSTATE WASHDC\n" + text
    found = AddressLine(raw).recipients[0 if first else 1 :]
    items = [header._recipient(r) for r in found]
    return [
        {"route": i[0], "name": i[1], "precedence": i[2], "mcn": i[3], "excluded": []}
        for i in items
        if i is not None
    ]


def test_text_lines_read_as_the_model_reads_them() -> None:
    from cablelib.extractors import header  # noqa: PLC0415
    from cablelib.model import AddressLine  # noqa: PLC0415

    lines = _TEXT_LINES + _corpus_text_lines()
    assert len(lines) > 1000 or not SHARED_CORPUS.is_dir()
    for text in lines:
        for first in (True, False):
            raw = text if first else "RUEHC/SECSTATE WASHDC\n" + text
            expected = AddressLine(raw).recipients[0 if first else 1 :]
            got = header._parse_text_line(text, first=first)
            assert ([got] if got else []) == list(expected), (text, first)
            out: list[dict[str, Any]] = []
            content = text if first else "\n" + text
            header._add(content, out, None)
            assert out == _model_items(text, first=first), (text, first)


def test_tail_search_skipped_only_where_it_finds_nothing() -> None:
    from cablelib.extractors import header  # noqa: PLC0415

    names = [
        "SECSTATE WASHDC",
        "SECSTATE WASHDC PRIORITY",
        "SECSTATE WASHDC Priority 0123",
        "X NIACT IMMEDIATE",
        "X niact",
        "X immed",
        "X 123456",
        "X PRIOR\u0130TY",
        "X FLA\u017fH",
        "PRIORITY",
        "",
        "A B C D E F",
    ]
    for name in names:
        m = header._TAIL.search(name)
        if m and m.start() > 0 and (m.group(1) or m.group(2)):
            assert header._may_have_tail(name), name


_WORDS = st.sampled_from(
    [
        "RUEHC/",
        "RUEHC",
        "/",
        "TO",
        "INFO",
        "XMT",
        "NIACT",
        "IMMEDIATE",
        "IMMED",
        "PRIORITY",
        "Priority",
        "FLASH",
        "ROUTINE",
        "0123",
        "12",
        "123456",
        "\u0661",
        "X",
        "SECSTATE",
        "-",
        "OCT-01",
        "/136",
        "W",
        "PAGE",
        "\u0131",
        "\u017f",
        ".",
        ",",
    ]
)
_SPACES = st.sampled_from([" ", "  ", "\t", "", " \u00a0"])


@given(st.lists(st.tuples(_WORDS, _SPACES), max_size=7), _SPACES)
@settings(max_examples=3000, deadline=None)
def test_text_lines_read_as_the_model_reads_them_fuzz(
    parts: list[tuple[str, str]], lead: str
) -> None:
    from cablelib.extractors import header  # noqa: PLC0415
    from cablelib.model import AddressLine  # noqa: PLC0415

    text = lead + "".join(w + s for w, s in parts)
    for first in (True, False):
        raw = text if first else "RUEHC/SECSTATE WASHDC\n" + text
        expected = AddressLine(raw).recipients[0 if first else 1 :]
        got = header._parse_text_line(text, first=first)
        assert ([got] if got else []) == list(expected)
        out: list[dict[str, Any]] = []
        header._add(text if first else "\n" + text, out, None)
        assert out == _model_items(text, first=first)
    name = " ".join(text.split())
    m = header._TAIL.search(name)
    if m and m.start() > 0 and (m.group(1) or m.group(2)):
        assert header._may_have_tail(name)


# -- variants of FORMAT.md 4.1: routes, precedences, MCNs, COLLECTIVE + XMT ---------------------

_WASHDC = _rec("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "6866")
VARIANTS = [
    ("route_prec_mcn", "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\n", [_WASHDC], []),
    ("no_route", "TO SECSTATE WASHDC PRIORITY\n", [_rec(None, "SECSTATE WASHDC", "PRIORITY")], []),
    (
        "niact_no_mcn",
        "TO RUEHXX/AMEMBASSY SOMEWHERE NIACT IMMEDIATE\n",
        [_rec("RUEHXX", "AMEMBASSY SOMEWHERE", "NIACT IMMEDIATE")],
        [],
    ),
    (
        "niact_mcn",
        "TO RUEHXX/AMEMBASSY SOMEWHERE NIACT IMMEDIATE 0042\n",
        [_rec("RUEHXX", "AMEMBASSY SOMEWHERE", "NIACT IMMEDIATE", "0042")],
        [],
    ),
    (
        "flash",
        "TO RUEHC/SECSTATE WASHDC FLASH 0001\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "FLASH", "0001")],
        [],
    ),
    (
        "flash_alone",
        "TO RUEHC/SECSTATE WASHDC FLASH\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "FLASH")],
        [],
    ),
    (
        "routine",
        "TO RUEHC/SECSTATE WASHDC ROUTINE 1234\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "ROUTINE", "1234")],
        [],
    ),
    (
        "mcn_alone",
        "TO RUEHC/SECSTATE WASHDC 1234\n",
        [_rec("RUEHC", "SECSTATE WASHDC", None, "1234")],
        [],
    ),
    ("immed", "TO RUEHC/SECSTATE WASHDC IMMED 6866\n", [_WASHDC], []),
    ("spaced_slash", "TO RUEHC / SECSTATE WASHDC IMMEDIATE 6866\n", [_WASHDC], []),
    (
        "collective_xmt",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nINFO RUCNAFG/AFGHANISTAN COLLECTIVE PRIORITY\n"
        "XMT AMCONSUL JOHANNESBURG\n",
        [_WASHDC],
        [_rec("RUCNAFG", "AFGHANISTAN COLLECTIVE", "PRIORITY", excluded=["AMCONSUL JOHANNESBURG"])],
    ),
    (
        "xmt_in_to_then_info",
        "TO RUEHZO/AFRICAN UNION COLLECTIVE PRIORITY\nXMT AMCONSUL JOHANNESBURG\n"
        "INFO RUEHSA/AMEMBASSY PRETORIA 0001\n",
        [
            _rec(
                "RUEHZO", "AFRICAN UNION COLLECTIVE", "PRIORITY", excluded=["AMCONSUL JOHANNESBURG"]
            )
        ],
        [_rec("RUEHSA", "AMEMBASSY PRETORIA", None, "0001")],
    ),
    (
        "two_info_lines",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nINFO RUEHBS/AMEMBASSY BRUSSELS PRIORITY 0001\n"
        "RUEHFR/AMEMBASSY PARIS PRIORITY 0002\nINFO RUEHLO/AMEMBASSY LONDON 0003\n",
        [_WASHDC],
        [
            _rec("RUEHBS", "AMEMBASSY BRUSSELS", "PRIORITY", "0001"),
            _rec("RUEHFR", "AMEMBASSY PARIS", "PRIORITY", "0002"),
            _rec("RUEHLO", "AMEMBASSY LONDON", None, "0003"),
        ],
    ),
    (
        "several_to_and_military",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nRUEKJCS/SECDEF WASHDC IMMEDIATE\n"
        "INFO RUEHFR/AMEMBASSY PARIS\nRHMFISS/CDR USCENTCOM MACDILL AFB FL\n",
        [_WASHDC, _rec("RUEKJCS", "SECDEF WASHDC", "IMMEDIATE")],
        [_rec("RUEHFR", "AMEMBASSY PARIS"), _rec("RHMFISS", "CDR USCENTCOM MACDILL AFB FL")],
    ),
    (
        "plain_addresses",
        "TO SECSTATE WASHDC NIACT IMMEDIATE 1234\nINFO AMEMBASSY ISLAMABAD PRIORITY\n"
        "AMCONSUL PESHAWAR\n",
        [_rec(None, "SECSTATE WASHDC", "NIACT IMMEDIATE", "1234")],
        [_rec(None, "AMEMBASSY ISLAMABAD", "PRIORITY"), _rec(None, "AMCONSUL PESHAWAR")],
    ),
    (
        # multi-section cables give the range of MCNs of their sections (09STATE81957)
        "mcn_range",
        "TO RUEHMO/AMEMBASSY MOSCOW IMMEDIATE 2593-2599\nINFO RUEHBO/AMEMBASSY BOGOTA 3806-3812\n",
        [_rec("RUEHMO", "AMEMBASSY MOSCOW", "IMMEDIATE", "2593-2599")],
        [_rec("RUEHBO", "AMEMBASSY BOGOTA", None, "3806-3812")],
    ),
    (
        # ZEN: delivered by other means, written where a routing indicator stands
        "zen",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nINFO ZEN/AMCONSUL HERAT\n",
        [_WASHDC],
        [_rec("ZEN", "AMCONSUL HERAT")],
    ),
    (
        # a stray stop before the slash (excerpts/131.txt, a 1987 Tokyo telegram)
        "stop_before_slash",
        "TO RUEHC/SECSTATE WASHDC PRIORITY 8896\nINFO RUEHML./AMEMBASSY MANILA PRIORITY 2268\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "PRIORITY", "8896")],
        [_rec("RUEHML", "AMEMBASSY MANILA", "PRIORITY", "2268")],
    ),
    (
        # USUN is a name, not a routing indicator (excerpts/050.txt)
        "usun",
        "TO SECSTATE WASHDC PRIORITY 541\nINFO USUN PRIORITY 411\nAMEMBASSY TOKYO PRIORITY\n",
        [_rec(None, "SECSTATE WASHDC", "PRIORITY", "541")],
        [_rec(None, "USUN", "PRIORITY", "411"), _rec(None, "AMEMBASSY TOKYO", "PRIORITY")],
    ),
    (
        # a telegram page header between INFO lines: the list goes on after it
        "page_header_inside_info",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nINFO RUEHBS/AMEMBASSY BRUSSELS\n"
        "PAGE 02 KABUL 00140 201040Z\nRUEHFR/AMEMBASSY PARIS\n",
        [_WASHDC],
        [_rec("RUEHBS", "AMEMBASSY BRUSSELS"), _rec("RUEHFR", "AMEMBASSY PARIS")],
    ),
    (
        # served by pouch: the delivery instruction is no part of the name (1970s telegrams)
        "pouch",
        "TO SECSTATE WASHDC 5428\nINFO AMCONSUL MARACAIBO POUCH\nAMEMBASSY BOGOTA BY POUCH\n"
        "AMEMBASSY QUITO VIA AIR POUCH\nAmconsul Guayaquil Pouch\nAMEMBASSY LIMA PRIORITY\n",
        [_rec(None, "SECSTATE WASHDC", None, "5428")],
        [
            _rec(None, "AMCONSUL MARACAIBO"),
            _rec(None, "AMEMBASSY BOGOTA"),
            _rec(None, "AMEMBASSY QUITO"),
            _rec(None, "AMCONSUL GUAYAQUIL"),
            _rec(None, "AMEMBASSY LIMA", "PRIORITY"),
        ],
    ),
    (
        # ZEN stays the route (delivered by other means), with a pouch instruction too
        "zen_by_pouch",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6866\nINFO ZEN/AMCONSUL HERAT BY POUCH\n"
        "RUEHFR/AMEMBASSY PARIS\n",
        [_WASHDC],
        [_rec("ZEN", "AMCONSUL HERAT"), _rec("RUEHFR", "AMEMBASSY PARIS")],
    ),
    (
        # the instruction wrapped onto a line of its own is no addressee
        "pouch_wrapped",
        "TO SECSTATE WASHDC 5428\nINFO AMCONSUL MARACAIBO\nBY POUCH\nAMEMBASSY BOGOTA\n",
        [_rec(None, "SECSTATE WASHDC", None, "5428")],
        [_rec(None, "AMCONSUL MARACAIBO"), _rec(None, "AMEMBASSY BOGOTA")],
    ),
]


@pytest.mark.parametrize(
    ("lines", "to", "info"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS]
)
def test_variants(lines: str, to: list[dict[str, Any]], info: list[dict[str, Any]]) -> None:
    cable = cablelib.loads(_HEAD + "FM AMEMBASSY KABUL\n" + lines + "\n" + _BODY)
    assert recipients(cable).value == to
    assert info_recipients(cable).value == info


@pytest.mark.parametrize(
    "office_list",
    [
        "H-03 PA-04 USIE-00 ( ISO ) R",  # excerpts/028.txt: OCR left "( ISO ) R"
        "LOG-09 ACDA-17 AID-01 CIAE-00 C-01 OASY-00 DODE:-00",  # excerpts/086.txt
        "INFO OCT-01 ISO-00 /136 W",
    ],
)
def test_office_lists_are_no_addressees(office_list: str) -> None:
    from cablelib.extractors import header  # noqa: PLC0415

    assert header._is_office_list(office_list)


@pytest.mark.parametrize("name", ["DIA DHP-1 WASHINGTON DC", "JOINT STAFF WASHDC//J-3/J-5//"])
def test_office_like_names_are_addressees(name: str) -> None:
    from cablelib.extractors import header  # noqa: PLC0415

    assert not header._is_office_list(name)


#: Header variants of OCR'd, reformatted and 1970s copies: (id, lines after the FM line, to, info).
COPY_VARIANTS = [
    (
        # a reformatted copy joined the INFO line onto the TO line
        "info_on_the_to_line",
        "TO SECSTATE WASHDC IMMEDIATE 4567 INFO AMEMBASSY LONDON\n",
        [_rec(None, "SECSTATE WASHDC", "IMMEDIATE", "4567")],
        [_rec(None, "AMEMBASSY LONDON")],
    ),
    (
        "several_addressees_on_one_line",
        "TO SECSTATE WASHDC IMMEDIATE 4567 INFO AMEMBASSY LONDON 0123 AMEMBASSY PARIS 0124\n",
        [_rec(None, "SECSTATE WASHDC", "IMMEDIATE", "4567")],
        [_rec(None, "AMEMBASSY LONDON", None, "0123"), _rec(None, "AMEMBASSY PARIS", None, "0124")],
    ),
    (
        "several_routed_addressees_on_one_line",
        "TO RUEHC/SECSTATE WASHDC PRIORITY 1234\n"
        "INFO RUEHLO/AMEMBASSY LONDON 0001 RUEHFR/AMEMBASSY PARIS PRIORITY 0002\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "PRIORITY", "1234")],
        [
            _rec("RUEHLO", "AMEMBASSY LONDON", None, "0001"),
            _rec("RUEHFR", "AMEMBASSY PARIS", "PRIORITY", "0002"),
        ],
    ),
    (
        # OCR: a zero for the O of the keywords, l or 1 for the I
        "ocr_keywords",
        "T0 SECSTATE WASHDC 1234\nINF0 AMEMBASSY LONDON\nAMEMBASSY PARIS\n1NFO AMEMBASSY ROME\n",
        [_rec(None, "SECSTATE WASHDC", None, "1234")],
        [
            _rec(None, "AMEMBASSY LONDON"),
            _rec(None, "AMEMBASSY PARIS"),
            _rec(None, "AMEMBASSY ROME"),
        ],
    ),
    (
        "ocr_precedence_and_keyword_inside_the_to_line",
        "TO  SECSTATE WASHDC PRIORlTY 1234\nlNFO AMEMBASSY LONDON IMMED1ATE\n",
        [_rec(None, "SECSTATE WASHDC", "PRIORITY", "1234")],
        [_rec(None, "AMEMBASSY LONDON", "IMMEDIATE")],
    ),
    (
        "colon_and_mixed_case_keywords",
        "TO: SECSTATE WASHDC 1234\nInfo Amembassy London\n",
        [_rec(None, "SECSTATE WASHDC", None, "1234")],
        [_rec(None, "AMEMBASSY LONDON")],
    ),
    (
        # a line of the precedence alone ends the addressee above it
        "precedence_wrapped",
        "TO RUEHC/SECSTATE WASHDC\nPRIORITY 1234\nINFO AMEMBASSY LONDON\nIMMEDIATE\n",
        [_rec("RUEHC", "SECSTATE WASHDC", "PRIORITY", "1234")],
        [_rec(None, "AMEMBASSY LONDON", "IMMEDIATE")],
    ),
    (
        # the end of a long name on the next line
        "name_wrapped",
        "TO RUEHC/SECSTATE WASHDC 1234\nINFO RUEHNO/USMISSION USNATO\nBRUSSELS PRIORITY 0002\n"
        "RUEHLO/AMEMBASSY LONDON\nALL NATO POST COLLECTIVE\nRUEHXX/AMEMBASSY X\nUSUN NEW YORK\n",
        [_rec("RUEHC", "SECSTATE WASHDC", None, "1234")],
        [
            _rec("RUEHNO", "USMISSION USNATO BRUSSELS", "PRIORITY", "0002"),
            _rec("RUEHLO", "AMEMBASSY LONDON"),
            _rec(None, "ALL NATO POST COLLECTIVE"),
            _rec("RUEHXX", "AMEMBASSY X"),
            _rec(None, "USUN NEW YORK"),
        ],
    ),
    (
        # XMT on the collective's line; a routed line after it is an addressee again
        "xmt_on_the_collective_line",
        "TO RUEHC/SECSTATE WASHDC 1234\n"
        "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE XMT AMEMBASSY PARIS\n"
        "AMEMBASSY ROME\nRUEHLO/AMEMBASSY LONDON\n",
        [_rec("RUEHC", "SECSTATE WASHDC", None, "1234")],
        [
            _rec(
                "RUEHZL",
                "EUROPEAN POLITICAL COLLECTIVE",
                excluded=["AMEMBASSY PARIS", "AMEMBASSY ROME"],
            ),
            _rec("RUEHLO", "AMEMBASSY LONDON"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("lines", "to", "info"), [v[1:] for v in COPY_VARIANTS], ids=[v[0] for v in COPY_VARIANTS]
)
def test_copy_variants(lines: str, to: list[dict[str, Any]], info: list[dict[str, Any]]) -> None:
    text = "R 121030Z MAR 75\nFM AMEMBASSY TEHRAN\n" + lines + "BT\n" + _BODY
    cable = cablelib.loads(text)
    assert recipients(cable).value == to
    assert info_recipients(cable).value == info


def test_fm_line_joined_with_the_addressees() -> None:
    text = (
        "R 121030Z MAR 75\nFM AMEMBASSY TEHRAN TO SECSTATE WASHDC 1234 INFO AMEMBASSY LONDON\nBT\n"
    )
    cable = cablelib.loads(text + _BODY)
    assert recipients(cable).value == [_rec(None, "SECSTATE WASHDC", None, "1234")]
    assert info_recipients(cable).value == [_rec(None, "AMEMBASSY LONDON")]
    assert cablelib.extract(cable, only=["origin"])["origin"] == "Embassy Tehran"


def test_ocr_mcn() -> None:
    text = (
        "R 121030Z MAR 75\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC PRIORITY 12l4\n"
        "INFO AMEMBASSY LONDON 0O12\nAMEMBASSY PARIS 1OOO\nUSCINCEUR VAIHINGEN GE\nBT\n"
    )
    cable = cablelib.loads(text + _BODY)
    assert recipients(cable).value == [_rec(None, "SECSTATE WASHDC", "PRIORITY", "1214")]
    assert info_recipients(cable).value == [
        _rec(None, "AMEMBASSY LONDON", None, "0012"),
        _rec(None, "AMEMBASSY PARIS", None, "1000"),
        _rec(None, "USCINCEUR VAIHINGEN GE"),
    ]

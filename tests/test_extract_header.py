"""Tests of the header extractors: ``recipients`` and ``info_recipients``."""

from __future__ import annotations

from typing import Any

import pytest

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

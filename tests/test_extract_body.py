"""Tests of the signer, paragraph_markings and redactions extractors."""

from __future__ import annotations

import pytest

import cablelib
from _corpus import SHARED_CORPUS
from cablelib.extractors.body import normalize_marking, surnames

HEAD = "C O N F I D E N T I A L USNATO 000383\n\nSIPDIS\n\nSUBJECT: S\n\n"


def _extract(text: str, field: str) -> object:
    return cablelib.extract(cablelib.loads(text), only=[field])[field]


SIGNER_CASES = [
    ("1. (C) Text.\n\nDAALDER\n", ["DAALDER"]),  # 09USNATO383
    ("1. (C) Text.\n\nRicciardone\n", ["RICCIARDONE"]),
    ("1. (C) Text. End Comment and Action Request. DRUCKER\n", ["DRUCKER"]),  # 04BOGOTA8900
    ("1. (C) Text. End Comment. Burns\n", ["BURNS"]),  # 07MOSCOW4599
    ("1. (C) Text.\n\nMCFARLAND\n\nNNNN\n", ["MCFARLAND"]),  # 04CARACAS2200
    ("1. (C) Text.\n\nLAINGEN\n \nCONFIDENTIAL\n", ["LAINGEN"]),  # 79TEHRAN8980
    ("1. (C) Text.\n\nSACCIO\n\nGP-3\n", ["SACCIO"]),  # 66BUENOSAIRES2481
    ("1. (C) Text.\n\nMURRAY \n.\n", ["MURRAY"]),  # 09BRUSSELS536
    ("1. (C) Text.\n\nKEEGANPAAL\n", ["KEEGAN", "PAAL"]),
    ("1. (C) Text.\n\nTIMKEN JR\n", ["TIMKEN"]),
    ("1. (C) Text.\n\nSHANNON SHANNON\n", ["SHANNON"]),
    ("1. (C) Text.\n\nXXXXXXXXXXXX\n", []),  # 04MADRID4687: redacted
    ("1. (C) Text ends without a name.\n", []),
    ("1. (C) Text. ASSISTANCE.\n", []),  # 06BRIDGETOWN2164
    (
        "1. (C) Text.\nJEFFREY\n\nVisit Ankara's Classified Web Site at http://www.intelink.s\n",
        ["JEFFREY"],
    ),  # 10ANKARA126
    ("1. (C) Text. End comment.\nLeach\nT ONE ORDERED RELEASED ON...\n", ["LEACH"]),  # 05PARIS1699
    ("1. (C) Text.\n\nEnd Comment\n", []),
]


@pytest.mark.parametrize(("body", "expected"), SIGNER_CASES)
def test_signer(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + body, "signer") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("LA LIME", ["LA LIME"]),
        ("Thompson-Jones", ["THOMPSON-JONES"]),
        ("JOHNSONKEANE", ["JOHNSON", "KEANE"]),
    ],
)
def test_surnames(name: str, expected: list[str]) -> None:
    assert surnames(name) == expected


@pytest.mark.parametrize(
    ("marking", "expected"),
    [
        ("C", "C"),
        ("c", "C"),
        ("S/NF", "S//NF"),
        ("S//NF", "S//NF"),
        ("S NF", "S//NF"),  # 09KABUL376
        ("S/NOFORN", "S//NF"),
        ("s/nf", "S//NF"),
        ("C/REL NATO", "C//REL NATO"),
        ("C/Rel Aus", "C//REL AUS"),  # 09STATE30049
        ("S//FGI//NF", "S//FGI//NF"),
        ("U//FOUO", "U//FOUO"),
        ("SBU/NF", "SBU//NF"),
        ("C - ENTIRE TEXT", "C"),  # 79TEHRAN8980
        ("S/REL to Pakistan", "S//REL TO PAKISTAN"),
    ],
)
def test_normalize_marking(marking: str, expected: str) -> None:
    assert normalize_marking(marking) == expected


def test_paragraph_markings_in_order() -> None:
    body = "1. (C) One.\n\n2. (S/NF) Two.\n\n3. Three.\n\n4. SBU) Four.\n\n(C) Five.\n"
    assert _extract(HEAD + body, "paragraph_markings") == ["C", "S//NF", None, "SBU", "C"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. (C) XXXXXXXXXXXX met toXXXXXXXXXXXX.\n", 2),
        ("1. (C) xxxxxxxxxxxx said so.\n", 1),  # reformatted cables
        ("1. (C) [NAME REMOVED] and [DETAILS REMOVED] and [SOURCE REMOVED].\n", 3),
        ("1. (C) Pope Pius XII in the year MCMXX; XXX.\n", 0),
    ],
)
def test_redactions(body: str, expected: int) -> None:
    assert _extract(HEAD + body, "redactions") == expected


def test_redactions_skip_routing_lines() -> None:
    header = (
        "VZCZCXXXX0001\nPP RUEHXXXX\nDE RUEHNO #0383 2531627\nZNY CCCCC ZZH\nP 101627Z SEP 09\n"
    )
    header += "FM USMISSION USNATO\nTO RUEHC/SECSTATE WASHDC PRIORITY 3350\n\n"
    assert _extract(header + HEAD + "1. (C) XXXXXXXXXXXX.\n", "redactions") == 1


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_signer_coverage_over_corpus() -> None:
    """Most Cablegate pages are signed; the signer is a plausible upper-case surname."""
    cables = [cablelib.load(p) for p in sorted(SHARED_CORPUS.glob("cablegate-*/**/*.html"))]
    signed = 0
    for cable in cables:
        names = cablelib.extract(cable, only=["signer"])["signer"]
        signed += bool(names)
        for name in names:
            assert name == name.upper()
            assert "X" * 4 not in name
            assert 2 <= len(name) <= 30
    assert signed / len(cables) >= 0.95  # measured 510/523

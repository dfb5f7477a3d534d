"""Tests of the ``references`` extractor."""

from __future__ import annotations

from typing import Any

import pytest

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
        # a page marker inside the REF block is no reference (the model ends the block there)
        ("REF: A. KABUL 65\nKABUL 00000500 001.2 OF 004\n     B. KABUL 71", [("A", "09KABUL65")]),
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

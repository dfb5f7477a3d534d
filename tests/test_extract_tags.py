"""Tests of the ``tags`` and ``tag_kinds`` extractors and of :func:`tag_kind`."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS, all_corpus_files
from cablelib.extractors.tags import normalize_tags, tag_kind

_SEED = VENDORED_CORPUS / "09USNATO383.txt"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # 09BEIRUT818: a typo, and a TAGS line continued on a second line
        (["PREL", "MOPPS", "LE", "PK", "AF"], ["PREL", "MOPS", "LE", "PK", "AF"]),
        # 09PARIS1267: two subject tags run together
        (["ECON", "EINDETRD", "KIPR"], ["ECON", "EIND", "ETRD", "KIPR"]),
        # 06BRUSSELS524: a word made of two-letter codes is not split
        (["EUN", "USEU", "BRUSSELS"], ["EUN", "USEU", "BRUSSELS"]),
        # 06PARIS2242: a tag written twice
        (["KJUS", "FR", "KJUS", "PREL"], ["KJUS", "FR", "PREL"]),
        # 09SANTIAGO324: the Cablegate page split the person tag into links
        (["OVIP", "BIDEN", "JOSEPH", "PREL", "UK"], ["OVIP (BIDEN, JOSEPH)", "PREL", "UK"]),
        # 09STATE30049
        (["OVIP (CLINTON, HILLARY)", "PREL", "AS"], ["OVIP (CLINTON, HILLARY)", "PREL", "AS"]),
        # excerpts (PlusD 1970s): the name in parentheses after a comma
        (["OREP", "(DAVE OBEY, D-WISC.)"], ["OREP (DAVE OBEY, D-WISC.)"]),
        # synthetic (FORMAT.md 4.5 and cablemap's fixes)
        (["prel", "pgov"], ["PREL", "PGOV"]),
        (["PRELPGOV"], ["PREL", "PGOV"]),
        (["KPAONZ"], ["KPAO", "NZ"]),
        (["ESENV", "POGOV"], ["SENV", "PGOV"]),
        (["PHUMPREL", "PREL"], ["PHUM", "PREL"]),
        (["OVIP ( steinberg ,  james b. )"], ["OVIP (STEINBERG, JAMES B.)"]),
        (["PREL."], ["PREL"]),
        (["COUNTERTERRORISM"], ["COUNTERTERRORISM"]),
        ([], []),
    ],
)
def test_normalize_tags(written: list[str], expected: list[str]) -> None:
    assert normalize_tags(written) == expected


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("RS", "geo"),
        ("iz", "geo"),
        ("AL", "geo"),  # Albania, though the organization table also lists AL
        ("UN", "organization"),
        ("NATO", "organization"),
        ("PREL", "subject"),
        ("KPKO", "program"),
        ("KNNP", "program"),
        ("OVIP (CLINTON, HILLARY)", "person"),
        ("COUNTERTERRORISM", "unknown"),
        ("BRUSSELS", "unknown"),
    ],
)
def test_tag_kind(tag: str, kind: str) -> None:
    assert tag_kind(tag) == kind


def test_seed_tags_and_provenance() -> None:
    cable = cablelib.load(_SEED)
    result = cablelib.extract(cable, only=["tags", "tag_kinds"], provenance=True)
    assert result["tags"] == [t.upper() for t in cable.tags]
    assert set(result["tag_kinds"]) == set(result["tags"])
    assert all(kind != "unknown" for kind in result["tag_kinds"].values())
    [span] = result["provenance"]["tags"]
    assert "TAGS" in span["text"]


def test_tags_run_together_with_eo_line() -> None:
    text = (
        "CONFIDENTIAL HARARE 006677\n\nE.O. 12958: DECL: 11/29/10 TAGS: PGOV PRELPGOV ZI\n"
        "SUBJECT: TEST\n\n1. (C) Text.\n"
    )
    cable = cablelib.loads(text)
    result = cablelib.extract(cable, only=["tags"], provenance=True)
    assert result["tags"] == ["PGOV", "PREL", "ZI"]
    assert "E.O. 12958" in result["provenance"]["tags"][0]["text"]


def _pages() -> list[Path]:
    return sorted(SHARED_CORPUS.glob("cablegate-*/*.html"))


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="the shared corpus is absent")
def test_agreement_with_page_tags() -> None:
    """Our tags against the TAG links of the Cablegate pages.

    Measured: 355/382 pages (92.9%) agree; leaving out the 22 pages whose TAGS line
    continues on a line WikiLeaks did not link, 355/360 (98.6%).  The rest are our
    fixes (MOPPS, EINDETRD), a duplicate we drop, and the joined person tag.
    """
    agree = total = agree_linked = total_linked = 0
    for path in _pages():
        cable = cablelib.load(path)
        assert cable.page is not None
        page = [t.upper() for t in cable.page.tags]
        if not page:
            continue
        ours = cablelib.extract(cable, only=["tags"])["tags"]
        total += 1
        agree += ours == page
        continued = len(ours) > len(page) and ours[: len(page)] == page
        if not continued:
            total_linked += 1
            agree_linked += ours == page
    assert total > 0
    assert agree / total >= 0.92
    assert agree_linked / total_linked >= 0.98


def test_written_tags_are_the_cables_tags() -> None:
    """``tags`` reads the TAGS line faster than :attr:`Cable.tags`, with the same result."""
    from cablelib.extractors.tags import written_tags  # noqa: PLC0415

    for path in all_corpus_files():
        cable = cablelib.load(path)
        assert written_tags(cable) == cable.tags

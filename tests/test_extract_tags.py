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

    On a page ``tags`` normalizes the page's links.  Measured: 377/382 pages (98.7%)
    give the links unchanged; the rest are our fixes (MOPPS, EINDETRD), a duplicate
    we drop, and the joined person tag.
    """
    agree = total = 0
    for path in _pages():
        cable = cablelib.load(path)
        assert cable.page is not None
        page = list(cable.page.tags)
        if not page:
            continue
        ours = cablelib.extract(cable, only=["tags"])["tags"]
        assert ours == normalize_tags(page), path.name
        total += 1
        agree += ours == page
    assert total > 0
    assert agree / total >= 0.98


@pytest.mark.parametrize(
    "path",
    [p for p in all_corpus_files() if p.suffix in {".html", ".txt"}],
    ids=lambda p: p.name,
)
def test_text_tags_begin_with_the_page_links(path: Path) -> None:
    """The TAGS line read from the text starts with the tags the page links.

    The text may hold more: a wrapped TAGS line, whose second line no page links.
    """
    cable = cablelib.load(path)
    if cable.page is None or not cable.page.tags:
        return
    assert type(cable.container).__name__ in {"CablegateHtml", "CablegateText", "MirrorText"}
    if type(cable.container).__name__ == "MirrorText":  # its metadata drops duplicates
        assert set(cable.text_tags) >= set(cable.page.tags)
        return
    assert cable.tags == cable.page.tags
    assert cable.text_tags[: len(cable.page.tags)] == cable.page.tags


def test_wrapped_tags_line_on_a_page() -> None:
    cable = cablelib.load(VENDORED_CORPUS / "09MOSCOW405.html")
    linked = ("PREL", "PGOV", "ETTC", "MCAP", "MARR", "MOPS", "PARM", "PINR", "PTER")
    assert cable.tags == linked
    assert cable.text_tags == (*linked, "IR", "RS")
    assert cablelib.extract(cable, only=["tags"])["tags"] == list(linked)
    inner = cablelib.loads(cable.text)  # raw text: no links, the whole TAGS block
    assert inner.tags == inner.text_tags == cable.text_tags
    assert cablelib.extract(inner, only=["tags"])["tags"] == [*linked, "IR", "RS"]


def test_written_tags_are_the_cables_tags() -> None:
    """``tags`` reads the TAGS line faster than :attr:`Cable.tags`, with the same result."""
    from cablelib.extractors.tags import written_tags  # noqa: PLC0415

    for path in all_corpus_files():
        cable = cablelib.load(path)
        assert written_tags(cable) == cable.tags
        inner = cablelib.loads(cable.text)
        assert written_tags(inner) == inner.tags == cable.text_tags


# -- TAGS lines of every spelling, in raw cables and inside Cablegate pages ---------------

_HEAD = "CONFIDENTIAL SECTION 01 OF 02 BEIJING 003662\n\nSIPDIS\n\nE.O. 12958: DECL: 10/01/2018\n"
_TAIL = (
    "\nSUBJECT: CHINA: A SUBJECT\n\nClassified By: Ambassador Clark T. Randt for reasons"
    " 1.4 (b) and (d).\n\n1. (C) Text.\n\nRANDT\n"
)
_PCG = ["PREL", "PGOV", "CH"]

#: (the TAGS line(s) as written below the E.O. line, the tags)
TAGS_LINES = [
    # FORMAT.md 4.5: TAGS: 882, TAGS (no colon) 401, TAG 2 (09BRASILIA952), TAG: 2 (09DOHA214)
    ("TAGS: PREL, PGOV, CH", _PCG),
    ("TAGS PREL, PGOV, CH", _PCG),
    ("TAGS PREL PGOV CH", _PCG),
    ("TAGS:PREL,PGOV,CH", _PCG),
    ("TAGS : PREL, PGOV, CH", _PCG),
    ("Tags: PREL, PGOV, CH", _PCG),
    ("TAG PREL, PGOV, CH", _PCG),
    ("TAG: PREL, PGOV, CH", _PCG),
    # the typos cablemap's _TAGS_PATTERN accepts
    ("TAGE PREL, PGOV, CH", _PCG),
    ("TAS: PREL, PGOV, CH", _PCG),
    ("TABS: PREL, PGOV, CH", _PCG),
    ("TGS: PREL, PGOV, CH", _PCG),
    ("AGS: PREL, PGOV, CH", _PCG),
    # lower case, as in reformatted copies
    ("tags: PREL, PGOV, CH", _PCG),
    # no label at all, right after the E.O. line (08BEIJING3662)
    ("EFIN, ECON, PREL, CH", ["EFIN", "ECON", "PREL", "CH"]),
    ("EFIN ECON PREL CH", ["EFIN", "ECON", "PREL", "CH"]),
    # wrapped over lines, comma- or space-separated, with or without indentation
    (
        "TAGS: PREL, PGOV, ETRD, ECON,\nEFIN, CH",
        ["PREL", "PGOV", "ETRD", "ECON", "EFIN", "CH"],
    ),
    ("TAGS: PREL PGOV ETRD\n      ECON EFIN CH", ["PREL", "PGOV", "ETRD", "ECON", "EFIN", "CH"]),
    ("TAG PREL, PGOV,\nECON, CH", ["PREL", "PGOV", "ECON", "CH"]),
    # person tags
    ("TAGS: OVIP (CLINTON, HILLARY), PREL, AS", ["OVIP (CLINTON, HILLARY)", "PREL", "AS"]),
    ("TAGS OVIP (CLINTON, HILLARY) PREL AS", ["OVIP (CLINTON, HILLARY)", "PREL", "AS"]),
    ("TAGS: OVIP (CLINTON,\nHILLARY) PREL AS", ["OVIP (CLINTON, HILLARY)", "PREL", "AS"]),
    ("TAGS: PREL, OVIP (STEINBERG, JAMES B.)", ["PREL", "OVIP (STEINBERG, JAMES B.)"]),
    # run-together and misspelt tags, duplicates, trailing separators
    ("TAGS: PRELPGOV, CH", _PCG),
    ("TAGS: ESENV, POGOV, CH", ["SENV", "PGOV", "CH"]),
    ("TAGS: PREL, PGOV, CH, ", _PCG),
    ("TAGS: PREL; PGOV; CH", _PCG),
    ("TAGS: PREL PGOV CH PREL", _PCG),
    # stray punctuation, and a SUBJECT run onto the TAGS line
    ("TAGS: - PREL, PGOV, CH", _PCG),
    ("TAGS: PREL, PGOV, CH SUBJECT: CHINA", _PCG),
]


@pytest.mark.parametrize(("written", "expected"), TAGS_LINES)
def test_tags_line_variants(written: str, expected: list[str]) -> None:
    cable = cablelib.loads(_HEAD + written + _TAIL)
    result = cablelib.extract(cable, only=["tags", "tag_kinds"], provenance=True)
    assert result["tags"] == expected
    assert list(result["tag_kinds"]) == expected
    [span] = result["provenance"]["tags"]
    assert expected[-1].split()[-1].rstrip(".)") in span["text"]


@pytest.mark.parametrize(
    ("eo_line", "expected"),
    [
        # 09STOCKHOLM194: TAG without a colon run onto the E.O. line
        (
            "E.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV, ASEC, EFIN, ENRG, KCIP, SW ",
            ["PTER", "PGOV", "ASEC", "EFIN", "ENRG", "KCIP", "SW"],
        ),
        ("E.O. 12958: DECL: 11/29/10 TAGS: PGOV PRELPGOV ZI", ["PGOV", "PREL", "ZI"]),
        ("E.O. 12958: DECL: 11/29/10 TAGS PGOV, ZI", ["PGOV", "ZI"]),
        ("E.O. 12958: N/A TAGS: ECON, EFIN, ZI", ["ECON", "EFIN", "ZI"]),
    ],
)
def test_tags_run_onto_the_eo_line(eo_line: str, expected: list[str]) -> None:
    text = "SECRET STOCKHOLM 000194\n\nSIPDIS\n\n" + eo_line + "\n" + _TAIL
    assert cablelib.extract(cablelib.loads(text), only=["tags"])["tags"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no TAGS at all: a passing line, a subject, and text that only looks like tags
        _HEAD + "\nSUBJECT: PREL AND PGOV\n\n1. (C) TAGS: PREL, PGOV in a paragraph.\n",
        "UNCLAS KABUL 003934\n\nSTATE FOR SA/FO\nNSC FOR HARRIMAN\n ...\n",
        # the line after the E.O. line is text, not tags
        _HEAD + "THE EMBASSY AND CH\n" + _TAIL,
    ],
)
def test_no_tags(text: str) -> None:
    assert cablelib.extract(cablelib.loads(text), only=["tags"])["tags"] == []


_PAGE_TEMPLATE = VENDORED_CORPUS / "10KUWAIT161.html"


def _page(body: str) -> str:
    """A Cablegate page (10KUWAIT161's chrome and header) whose body ``<pre>`` is ``body``."""
    page = _PAGE_TEMPLATE.read_text(encoding="utf-8")
    start = page.rfind("<code><pre>") + len("<code><pre>")
    end = page.find("</pre></code>", start)
    return page[:start] + body.replace("\n", "&#x000A;") + page[end:]


def _link(tag: str) -> str:
    return f"<a href='../../../tag/{tag}_0.html'>{tag}</a>"


@pytest.mark.parametrize(
    ("label", "written", "sep", "expected"),
    [
        ("TAGS: ", ["PREL", "KNNP", "IR", "KU"], " ", ["PREL", "KNNP", "IR", "KU"]),
        ("TAGS ", ["PREL", "KNNP", "IR", "KU"], ", ", ["PREL", "KNNP", "IR", "KU"]),
        ("TAG ", ["PREL", "KNNP", "IR", "KU"], ", ", ["PREL", "KNNP", "IR", "KU"]),
        ("TAGE ", ["PREL", "KNNP", "IR", "KU"], ", ", ["PREL", "KNNP", "IR", "KU"]),
        ("TAGS: ", ["ECON", "EINDETRD", "KIPR"], ", ", ["ECON", "EIND", "ETRD", "KIPR"]),
        # 09SANTIAGO324: WikiLeaks linked the words of a person tag one by one
        ("TAGS: ", ["OVIP", "BIDEN", "JOSEPH", "PREL"], " ", ["OVIP (BIDEN, JOSEPH)", "PREL"]),
    ],
)
def test_tags_in_cablegate_pages(
    label: str, written: list[str], sep: str, expected: list[str]
) -> None:
    tags = sep.join(_link(t) for t in written)
    body = (
        "C O N F I D E N T I A L KUWAIT 000161 \n \nSIPDIS \n \n"
        f"E.O. 12958: DECL: 02/23/2020 \n{label}{tags}\nSUBJECT: GOK QUIETLY CONCERNED \n \n"
        "Classified By: Political Counselor Pete O'Donohue for reasons 1.4 b and d \n \n"
        "<a id='par1' href='#par1'>¶</a>1. (C) Text. \n \nJONES\n"
    )
    cable = cablelib.loads(_page(body))
    assert cable.page is not None
    assert cablelib.extract(cable, only=["tags"])["tags"] == expected


def test_normalize_tags_drops_punctuation_and_stops_at_a_label() -> None:
    assert normalize_tags(["-", "PREL", "--", "CH", "SUBJECT:", "CHINA"]) == ["PREL", "CH"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # run-together tags of the Cablegate tag index with an organization in them
        (["SCULUNESCO"], ["SCUL", "UNESCO"]),
        (["PRELUNSC", "KPKOUNSC"], ["PREL", "UNSC", "KPKO"]),
        (["EFINOECD"], ["EFIN", "OECD"]),
        # more than one country code after subject tags
        (
            ["CASCKFLOMARRPRELPINRAMGTMXJM"],
            ["CASC", "KFLO", "MARR", "PREL", "PINR", "AMGT", "MX", "JM"],
        ),
        (["ECONETRDBESPAR"], ["ECON", "ETRD", "BE", "SP", "AR"]),
        # two country codes run together: the fixes table; no rule splits four letters
        # into two country codes (tags of the index that are words or other tags)
        (["AFPK", "PREL"], ["AF", "PK", "PREL"]),
        (["IRAN", "IRAQ", "CUBA", "GAZA"], ["IRAN", "IRAQ", "CUBA", "GAZA"]),
        (["ISAF", "CSCE", "USEU", "EGEN"], ["ISAF", "CSCE", "USEU", "EGEN"]),
        # a piece missing from the tables: the fixes table
        (["KWMNPHUMPRELKPAOZW"], ["KWMN", "PHUM", "PREL", "KPAO", "ZW"]),
        # joined by a slash or a hyphen; a trailing hyphen
        (["PREL/PGOV", "ECON-ETRD", "KDEM-"], ["PREL", "PGOV", "ECON", "ETRD", "KDEM"]),
        # misspelt tags of the index
        (["PGIV", "KCRIM", "KWOMN", "PRELL"], ["PGOV", "KCRM", "KWMN", "PREL"]),
        # words are not split: neither in two-letter codes after one subject tag nor in
        # organizations after a program-like start, nor hyphenated names
        (["PREFERENCE", "SOCIALISTS", "MASSACRE"], ["PREFERENCE", "SOCIALISTS", "MASSACRE"]),
        (["KASHMIR", "KOLKATA", "KATHMANDU"], ["KASHMIR", "KOLKATA", "KATHMANDU"]),
        (["ZANU-PF", "NATO-EU", "CDU/CSU"], ["ZANU-PF", "NATO-EU", "CDU/CSU"]),
    ],
)
def test_normalize_run_together_and_misspelt(written: list[str], expected: list[str]) -> None:
    assert normalize_tags(written) == expected


def test_country_codes_run_together_give_two_geo_tags() -> None:
    text = "UNCLAS KABUL 500\n\nTAGS: PREL, AFPK\nSUBJECT: A TEST\n\n1. TEXT.\n"
    found = cablelib.extract(cablelib.loads(text), only=["tags", "tag_kinds"])
    assert found["tags"] == ["PREL", "AF", "PK"]
    assert found["tag_kinds"] == {"PREL": "subject", "AF": "geo", "PK": "geo"}


@pytest.mark.parametrize(
    ("line", "tags", "persons"),
    [
        # a portion marking in brackets is no person tag (an OCR'd telegram runs the first
        # paragraph's marking onto the TAGS line)
        ("TAGS: PFOR, US (ENTIRE TEXT)", ["PFOR", "US"], []),
        ("TAGS: PREL, (C)", ["PREL"], []),
        # names stay names, also when a word of theirs could be a marking's level
        ("TAGS: OVIP (STU BROWN), PREL", ["OVIP (STU BROWN)", "PREL"], ["Brown, Stu"]),
        ("TAGS: OVIP (RICE, CONDOLEEZZA)", ["OVIP (RICE, CONDOLEEZZA)"], ["Rice, Condoleezza"]),
    ],
)
def test_a_marking_in_brackets_is_no_person(line: str, tags: list[str], persons: list[str]) -> None:
    facts = cablelib.extract(cablelib.loads(f"{line}\nSUBJECT: X\n"), only=["tags", "persons"])
    assert facts == {"tags": tags, "persons": persons}

"""Tests of cablelib.containers: detection, lossless rendering, edits, page metadata."""

from __future__ import annotations

import difflib
import json
import os
import pickle
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cablelib
from cablelib import containers
from cablelib.containers import (
    CablegateHtml,
    CablegateText,
    Container,
    MirrorText,
    PageInfo,
    PlusdText,
    RawText,
    Slot,
    detect,
    register_container,
)

HERE = Path(__file__).resolve().parent


def _shared_corpus() -> Path | None:
    candidates = [
        os.environ.get("CABLELIB_CORPUS", ""),
        str(HERE.parent.parent / "shared" / "corpus"),
        "/work/shared/corpus",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


SHARED = _shared_corpus()
VENDORED = HERE / "corpus"
ROOTS = [root for root in (SHARED, VENDORED) if root is not None and root.is_dir()]


def _corpus_files() -> list[Path]:
    files: list[Path] = []
    for root in ROOTS:
        files.extend(
            p
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in {".html", ".txt"} and p.name != "README.md"
        )
    return files


FILES = _corpus_files()


def _read(path: Path) -> str:
    with open(path, newline="", encoding="utf-8") as f:
        return f.read()


def _find(relative: str) -> Path | None:
    for root in ROOTS:
        path = root / relative
        if path.is_file():
            return path
    return None


def _need(relative: str) -> str:
    path = _find(relative)
    if path is None:
        pytest.skip(f"corpus file {relative} not available")
    return _read(path)


@cache
def _sample_pages() -> tuple[str, ...]:
    """A few real pages for the splicing properties (empty if no corpus is around)."""
    names = [
        "cablegate-2010-12/04BOGOTA8900.html",
        "cablegate-2010-11/05ABUDHABI2178.html",
        "cablegate-1966-1975/72TEHRAN1164.html",
        "seed/09USNATO383.txt",
    ]
    return tuple(_read(p) for p in (_find(n) for n in names) if p is not None)


EXPECTED_KIND = {
    "cablegate-2010-12": "cablegate-html",
    "cablegate-2010-11": "cablegate-html",
    "cablegate-1966-1975": "cablegate-html",
    "seed": "cablegate-text",
}


# --------------------------------------------------------------------------- corpus


@pytest.mark.skipif(not FILES, reason="no corpus available")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_round_trip_and_kind(path: Path) -> None:
    text = _read(path)
    container, slots = detect(text)
    assert container.render(slots) == text
    expected = EXPECTED_KIND.get(path.parent.name)
    if expected is not None:
        assert container.kind == expected
    if container.kind == "cablegate-html":
        assert isinstance(container, CablegateHtml)
        assert len(slots) == 2
        for slot in slots:
            assert "&#x000A;" not in slot
            assert "¶</a>" not in slot
            assert "_0.html'>" not in slot


@pytest.mark.skipif(not FILES, reason="no corpus available")
def test_corpus_canonical_encoding_reproduces_html_lines() -> None:
    """Every raw line of every corpus HTML page is its canonical encoding: no overrides."""
    pages = 0
    for path in FILES:
        container, _ = detect(_read(path))
        if isinstance(container, CablegateHtml):
            pages += 1
            for slot in container.slots:
                assert slot.lined
                assert slot.overrides == ()
    assert pages > 0


def test_excerpt_containers() -> None:
    assert detect(_need("excerpts/125.txt"))[0].kind == "cablegate-text"
    assert detect(_need("excerpts/129.txt"))[0].kind == "cablegate-text"
    for name in ("015", "039", "097"):
        container, (body,) = detect(_need(f"excerpts/{name}.txt"))
        assert isinstance(container, PlusdText)
        assert not body.startswith("Show Headers")
    for name in ("003", "005", "080", "099"):
        assert detect(_need(f"excerpts/{name}.txt"))[0].kind == "raw"


# --------------------------------------------------------------------------- decoding


def test_html_decoding_of_the_body() -> None:
    container, (header, body) = detect(_need("cablegate-2010-12/04BOGOTA8900.html"))
    assert header.startswith("This record is a partial extract")
    lines = body.split("\n")
    assert lines[0] == "S E C R E T SECTION 01 OF 02 BOGOTA 008900 "
    assert "TAGS: CASC MOPS PGOV PINR PTER FARC" in lines
    assert "SUBJECT: US HOSTAGE STATUS: 18 MONTHS IN FARC CAPTIVITY " in lines
    assert any(line.startswith("1. (S//NF) August 13, 2004") for line in lines)
    assert isinstance(container, CablegateHtml)
    assert container.tag_prefix == "/tag/"


def test_html_relative_tag_prefix_is_learnt() -> None:
    container, _ = detect(_need("cablegate-2010-11/05ABUDHABI2178.html"))
    assert isinstance(container, CablegateHtml)
    assert container.tag_prefix == "../../../tag/"


def test_text_decoding_of_the_seed() -> None:
    container, (body,) = detect(_need("seed/09USNATO383.txt"))
    assert isinstance(container, CablegateText)
    lines = body.split("\n")
    assert lines[0] == "VZCZCXRO2649"
    assert "TAGS: PGOV PINR NATO RS" in lines
    assert any(line.startswith("1. (U) This is an action request.") for line in lines)
    # The saved page turned "¶" into "1": those numbers stay as they are.
    assert any(line.startswith("13. (C) NATO Secretary General") for line in lines)
    assert "¶" not in body


# --------------------------------------------------------------------------- page info


def test_page_info_seed() -> None:
    container, _ = detect(_need("seed/09USNATO383.txt"))
    assert container.page == PageInfo(
        reference_id="09USNATO383",
        created=datetime(2009, 9, 10, 16, 27, tzinfo=UTC),
        released=datetime(2011, 8, 30, 1, 44, tzinfo=UTC),
        classification="CONFIDENTIAL",
        origin="Mission USNATO",
        media_urls=("http://www.aftenposten.no/spesial/wikileaksdokumenter/article4025429.ece",),
        tags=("PGOV", "PINR", "NATO", "RS"),
        subject=None,
        layout="2010-12 (5 columns)",
    )


def test_page_info_five_columns() -> None:
    container, _ = detect(_need("cablegate-2010-12/04BOGOTA8900.html"))
    assert container.page == PageInfo(
        reference_id="04BOGOTA8900",
        created=datetime(2004, 9, 2, 11, 11, tzinfo=UTC),
        released=datetime(2010, 12, 8, 21, 9, tzinfo=UTC),
        classification="SECRET//NOFORN",
        origin="Embassy Bogota",
        media_urls=(),
        tags=("CASC", "MOPS", "PGOV", "PINR", "PTER", "FARC"),
        subject="US HOSTAGE STATUS: 18 MONTHS IN FARC CAPTIVITY",
        layout="2010-12 (5 columns)",
    )


def test_page_info_four_columns() -> None:
    container, _ = detect(_need("cablegate-2010-11/05ABUDHABI2178.html"))
    assert container.page == PageInfo(
        reference_id="05ABUDHABI2178",
        created=datetime(2005, 5, 16, 9, 9, tzinfo=UTC),
        released=None,
        classification="SECRET",
        origin="Embassy Abu Dhabi",
        media_urls=(),
        tags=("PREL", "MASS", "PHUM", "ELAB", "IR", "IZ", "XF", "SA", "PK", "FR", "TC"),
        subject="MBZ ON IRAQ, IRAN, PAKISTAN",
        layout="2010-11 (4 columns)",
    )


def test_page_info_media_links() -> None:
    container, _ = detect(_need("cablegate-2010-12/04OTTAWA3115.html"))
    assert container.page is not None
    assert container.page.media_urls == ("http://nytimes.com",)


def test_page_info_space_separated_row() -> None:
    container, _ = detect(_need("excerpts/125.txt"))
    page = container.page
    assert page is not None
    assert page.reference_id == "09MOSCOW895"
    assert page.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert page.origin == "Embassy Moscow"
    assert page.created == datetime(2009, 4, 8, 7, 55, tzinfo=UTC)
    assert page.released == datetime(2011, 8, 24, 1, 0, tzinfo=UTC)


def test_space_separated_row_with_capitalised_origin() -> None:
    text = (
        "Viewing cable 09USUN1, SOME SUBJECT\n"
        "Reference ID Created Released Classification Origin\n"
        "09USUN1 2009-01-02 03:04 2010-12-01 21:09 SECRET//NOFORN USUN New York\n"
        "\n"
        "C O N F I D E N T I A L USUN NEW YORK 000001\n"
    )
    container, (body,) = detect(text)
    assert container.kind == "cablegate-text"
    assert container.page is not None
    assert container.page.classification == "SECRET//NOFORN"
    assert container.page.origin == "USUN New York"
    assert container.page.subject == "SOME SUBJECT"
    assert body == "C O N F I D E N T I A L USUN NEW YORK 000001\n"


def test_no_page_info_for_raw_and_plusd() -> None:
    assert detect("C O N F I D E N T I A L KABUL 000140\n")[0].page is None
    assert detect("Show Headers\nbody\n")[0].page is None


# --------------------------------------------------------------------------- edits


def _edit_line(text: str, prefix: str, new_line: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[index] = new_line
    return "\n".join(lines)


def test_html_edit_changes_only_the_edited_line() -> None:
    page = _need("cablegate-2010-12/04BOGOTA8900.html")
    container, (header, body) = detect(page)
    edited = _edit_line(body, "SUBJECT:", "SUBJECT: A NEW SUBJECT")
    out = container.render([header, edited])
    before = page.split("&#x000A;")
    after = out.split("&#x000A;")
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert after[changed[0]] == "SUBJECT: A NEW SUBJECT"
    again, texts = detect(out)
    assert texts == (header, edited)
    assert again.page == container.page


def test_html_edit_of_tags_and_paragraph_lines_is_canonical() -> None:
    page = _need("cablegate-2010-12/04BOGOTA8900.html")
    container, (header, body) = detect(page)
    edited = _edit_line(body, "TAGS:", "TAGS: PGOV KNEW")
    edited = edited.replace("\n8. (S//NF) The hostages,", "\n12. (S//NF) The hostages,")
    edited += "\nA. ADDED LINE"
    out = container.render([header, edited])
    assert (
        "TAGS: <a href='/tag/PGOV_0.html'>PGOV</a> <a href='/tag/KNEW_0.html'>KNEW</a>&#x000A;"
    ) in out
    assert "<a id='par12' href='#par12'>¶</a>12. (S//NF) The hostages," in out
    assert "&#x000A;<a id='parA' href='#parA'>¶</a>A. ADDED LINE</pre></code>" in out
    diff = [
        line
        for line in difflib.ndiff(page.split("&#x000A;"), out.split("&#x000A;"))
        if line[:1] in "+-"
    ]
    # the TAGS line, paragraph 8, and the last line (which the new line follows)
    assert len([d for d in diff if d.startswith("-")]) == 3
    assert detect(out)[1] == (header, edited)


def test_html_line_insertion_keeps_other_lines() -> None:
    page = _need("cablegate-2010-11/05ABUDHABI2178.html")
    container, (header, body) = detect(page)
    lines = body.split("\n")
    lines.insert(3, "INSERTED LINE")
    del lines[10]
    out = container.render([header, "\n".join(lines)])
    diff = [
        line
        for line in difflib.ndiff(page.split("&#x000A;"), out.split("&#x000A;"))
        if line[:1] in "+-"
    ]
    assert len(diff) == 2
    assert detect(out)[1] == (header, "\n".join(lines))


def test_text_edit_keeps_override_lines() -> None:
    page = _need("seed/09USNATO383.txt")
    container, (body,) = detect(page)
    assert isinstance(container, CablegateText)
    assert dict(container.slots[0].overrides)  # the 13.-16. lines differ from canonical
    edited = _edit_line(body, "REF: USNATO 348", "REF: USNATO 349")
    out = container.render([edited])
    before, after = page.split("\n"), out.split("\n")
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert [after[i] for i in changed] == ["REF: USNATO 349"]
    assert detect(out)[1] == (edited,)


def test_text_edit_of_a_new_paragraph_gets_a_pilcrow() -> None:
    container, (body,) = detect(_need("seed/09USNATO383.txt"))
    out = container.render([body + "\n7. (U) Added."])
    assert out.endswith("\n¶7. (U) Added.")
    assert detect(out)[1] == (body + "\n7. (U) Added.",)


def test_unlined_html_slot_is_encoded_canonically() -> None:
    page = _need("cablegate-2010-12/04BOGOTA8900.html")
    i = page.rfind("<pre>") + len("<pre>")
    page = page[:i] + "LITERAL\nNEWLINE&#x000A;" + page[i:]
    container, (header, body) = detect(page)
    assert isinstance(container, CablegateHtml)
    assert not container.slots[1].lined
    assert body.startswith("LITERAL\nNEWLINE\nS E C R E T")
    assert container.render([header, body]) == page
    out = container.render([header, body.replace("LITERAL", "CHANGED")])
    assert "<pre>CHANGED&#x000A;NEWLINE&#x000A;S E C R E T" in out
    assert detect(out)[1] == (header, body.replace("LITERAL\n", "CHANGED\n"))


# --------------------------------------------------------------------------- other behaviour


def test_raw_text() -> None:
    container, texts = detect("C O N F I D E N T I A L KABUL 000140\n")
    assert container == RawText()
    assert texts == ("C O N F I D E N T I A L KABUL 000140\n",)
    assert container.render(["edited"]) == "edited"
    with pytest.raises(ValueError, match="slot"):
        container.render(["a", "b"])
    with pytest.raises(TypeError):
        container.render("a")


def test_render_checks_slot_count() -> None:
    container, texts = detect(_need("cablegate-2010-12/04BOGOTA8900.html"))
    with pytest.raises(ValueError, match="slot"):
        container.render(texts[:1])


def test_pickle_and_equality() -> None:
    for page in _sample_pages() or ("plain text",):
        container, texts = detect(page)
        clone = pickle.loads(pickle.dumps(container))
        assert clone == container
        assert hash(clone) == hash(container)
        assert clone.render(texts) == page
        assert detect(page)[0] == container
    assert Slot("a", "a") == Slot("a", "a")
    assert pickle.loads(pickle.dumps(PlusdText(("Show Headers\n", ""), (Slot("x", "x"),)))) == (
        PlusdText(("Show Headers\n", ""), (Slot("x", "x"),))
    )


def test_containers_are_frozen() -> None:
    container, _ = detect("Show Headers\nbody")
    assert isinstance(container, PlusdText)
    with pytest.raises(AttributeError):
        container.chrome = ()  # type: ignore[misc]


def test_raw_cable_is_not_a_page() -> None:
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 USNATO 000383\n"
        "SIPDIS\n"
        "SUBJECT: Reference ID Created Released Classification Origin\n"
        "¶1. (C) Show Headers of the <pre>tables</pre>.\n"
    )
    assert detect(text)[0].kind == "raw"


class _Marked(Container):
    """A test container: texts starting with a marker line."""

    kind = "test-marked"

    @classmethod
    def sniff(cls, text: str) -> tuple[Container, tuple[str, ...]] | None:
        if text.startswith("#MARK\n"):
            return PlusdText(("#MARK\n", ""), (Slot(text[6:], text[6:]),)), (text[6:],)
        if text.startswith("#BROKEN"):
            raise RuntimeError("faulty sniffer")
        if text.startswith("#LIAR"):
            return RawText(), ("not the text",)
        return None


def test_register_container(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "_REGISTRY", [])
    assert register_container(_Marked) is _Marked
    register_container(_Marked)
    assert [_Marked] == containers._REGISTRY
    container, texts = detect("#MARK\nbody")
    assert texts == ("body",)
    assert container.render(texts) == "#MARK\nbody"
    for text in ("#BROKEN page", "#LIAR page"):
        assert detect(text) == (RawText(), (text,))
    with pytest.raises(TypeError):
        register_container(str)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

FRAGMENTS = [
    "<pre>",
    "</pre>",
    "<code><pre>",
    "</pre></code>",
    "&#x000A;",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "¶",
    "<a id='par1' href='#par1'>¶</a>",
    "<a id='parB' href='#par1'>¶</a>",
    "<a href='/tag/PGOV_0.html'>PGOV</a>",
    "<a href='../../../tag/X_0.html'>Y</a>",
    "TAGS: ",
    "[PGOV](#)",
    "1. ",
    "  B. ",
    "Show Headers\n",
    "<table class='cable'>",
    "Reference ID\tCreated\tReleased\tClassification\tOrigin\n",
    "09X1\t2009-09-10 16:27\t2011-08-30 01:44\tSECRET\tEmbassy X\n",
    "Appears in these articles:\n",
    "<http://x.y>\n",
]

splice = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=6).map(
    "".join
)


def _check(text: str) -> None:
    # The sniffers themselves must not raise nor lie (detect() would hide both).
    for cls in (CablegateHtml, CablegateText, PlusdText):
        found = cls.sniff(text)
        if found is not None:
            assert found[0].render(found[1]) == text
    container, texts = detect(text)
    assert isinstance(texts, tuple)
    assert container.render(texts) == text
    assert container.render(list(texts)) == text


@given(st.text())
@example("")
@example("\r\n\x00")
@example("<pre></pre>")
@example("<table class='cable'><pre>1. x&#x000A;2. y</pre>")
@example("Reference ID Created Released Classification Origin\nX 2009-01-01 00:00 SECRET O\n")
def test_round_trip_any_text(text: str) -> None:
    _check(text)


@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=10))).map("".join))
def test_round_trip_fragment_soup(text: str) -> None:
    _check(text)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(st.data())
def test_round_trip_spliced_pages(data: st.DataObject) -> None:
    pages = _sample_pages()
    if not pages:
        pytest.skip("no corpus available")
    page = pages[data.draw(st.integers(0, len(pages) - 1))]
    operation = data.draw(st.sampled_from(["insert", "truncate", "drop-pre", "extra-pre"]))
    if operation == "insert":
        where = data.draw(st.sampled_from(["anywhere", "in-pre"]))
        if where == "in-pre" and "<pre>" in page:
            start = page.rfind("<pre>") + 5
            at = data.draw(st.integers(start, page.find("</pre>", start) % len(page)))
        else:
            at = data.draw(st.integers(0, len(page)))
        page = page[:at] + data.draw(splice) + page[at:]
    elif operation == "truncate":
        page = page[: data.draw(st.integers(0, len(page)))]
    elif operation == "drop-pre" and "<code><pre>" in page:
        start = page.find("<code><pre>")
        end = page.find("</pre></code>", start) + len("</pre></code>")
        page = page[:start] + page[end:]
    elif "<code><pre>" in page:
        start = page.find("<code><pre>")
        end = page.find("</pre></code>", start) + len("</pre></code>")
        page = page[:end] + page[start:end] * data.draw(st.integers(1, 3)) + page[end:]
    _check(page)


safe_text = st.lists(
    st.sampled_from([*"ABCXYZ abc019.:-()/", "\n", "TAGS: ", "1. ", " B. "]), max_size=80
).map("".join)


@settings(max_examples=100)
@given(st.data())
def test_html_edits_survive_re_detection(data: st.DataObject) -> None:
    pages = [p for p in _sample_pages() if p.endswith("</html>\n")]
    if not pages:
        pytest.skip("no corpus available")
    container, texts = detect(pages[data.draw(st.integers(0, len(pages) - 1))])
    new: Sequence[str] = [data.draw(st.one_of(st.just(t), safe_text)) for t in texts]
    out = container.render(new)
    again, new_texts = detect(out)
    assert again.kind == "cablegate-html"
    assert new_texts == tuple(new)
    assert again.page is not None
    assert container.page is not None
    assert again.page.reference_id == container.page.reference_id


# --------------------------------------------------------------------------- mirror pages

MIRROR_LABELLED = (
    "US embassy cable - 02ROME3280\n"
    "\n"
    "SOME TITLE\n"
    "\n"
    "Identifier: 02ROME3280\n"
    "Wikileaks: View 02ROME3280 at Wikileaks.org\n"
    "Origin: Embassy Rome\n"
    "Created: 2002-07-03 15:53:00\n"
    "Classification: SECRET\n"
    "Tags: PARM MARR IT\n"
    "Redacted: This cable was not redacted by Wikileaks.\n"
    "S E C R E T ROME 003280\n"
    "\n"
    "1. (C) BODY.\n"
)
MIRROR_TABLE = (
    "Identifier\nCreated\nClassification\nOrigin\n"
    "07NEWDELHI210\n2007-01-16 11:08:00\nCONFIDENTIAL\nEmbassy New Delhi\n"
    "Cable title:  \n\nA TITLE,\nON TWO LINES\n\n"
    "Tags:  PGOV PREL IN \n"
    "pdf how-to read a cable\n"
    "C O N F I D E N T I A L NEW DELHI 000210\n"
)

MIRROR_EXPECTED = {
    "012": (
        "02ROME3280",
        datetime(2002, 7, 3, 15, 53, tzinfo=UTC),
        "SECRET",
        "Embassy Rome",
        "PARM MARR KTIA MARR KTIA MARR KTIA MARR KTIA IT CWC ITPARM CWC ITPARM CWC ITPARM CWC",
        "CHEMICAL WEAPONS CONVENTION (CWC): AD REF HOST SECRET",
        "mirror (labelled)",
        "S E C R E T SECTION 01 OF 04 ROME 003280 \n",
    ),
    "079": (
        "01STATE198912",
        datetime(2001, 11, 16, 18, 11, tzinfo=UTC),
        "UNCLASSIFIED",
        "Secretary of State",
        "PTER",
        "ANNUAL TERRORISM REPORT",
        "mirror (labelled)",
        "R 161811Z NOV 01\n",
    ),
    "083": (
        "07STATE146856",
        datetime(2007, 10, 19, 23, 36, tzinfo=UTC),
        "UNCLASSIFIED",
        "Secretary of State",
        "PTER ASEC EFIN KCRM KHLS AEMR",
        "2007:COUNTRY REPORTS ON TERRORISM",
        "mirror (table)",
        "VZCZCXRO4783\n",
    ),
    "094": (
        "07NEWDELHI210",
        datetime(2007, 1, 16, 11, 8, tzinfo=UTC),
        "CONFIDENTIAL",
        "Embassy New Delhi",
        "PGOV PREL PHUM PREF PINR KDEM IN PK BT BG",
        "COMMUNISTS COPECETIC WITH UPA REGIONAL APPROACH,",
        "mirror (table)",
        "VZCZCXRO8534\n",
    ),
}


@pytest.mark.parametrize("name", sorted(MIRROR_EXPECTED))
def test_mirror_excerpts(name: str) -> None:
    text = _need(f"excerpts/{name}.txt")
    ref, created, cls, origin, tags, subject, layout, first_line = MIRROR_EXPECTED[name]
    container, (body,) = detect(text)
    assert isinstance(container, MirrorText)
    assert container.kind == "mirror-text"
    assert container.render((body,)) == text
    assert body.startswith(first_line)
    assert container.chrome[0] + body == text
    assert container.page == PageInfo(
        reference_id=ref,
        created=created,
        classification=cls,
        origin=origin,
        tags=tuple(tags.split(" ")),
        subject=subject,
        layout=layout,
    )


def test_mirror_excerpts_load_with_the_index_reference_id() -> None:
    index_path = _find("excerpts/index.jsonl")
    if index_path is None:
        pytest.skip("corpus index not available")
    index = {}
    for line in _read(index_path).splitlines():
        if line.strip():
            record = json.loads(line)
            index[record["file"]] = record["reference_id"]
    for name in MIRROR_EXPECTED:
        cable = cablelib.load(index_path.parent / f"{name}.txt")
        assert cable.reference_id == index[f"{name}.txt"]


def test_mirror_block_cut_mid_way_stays_raw() -> None:
    assert detect(_need("excerpts/042.txt"))[0].kind == "raw"


def test_mirror_synthetic_pages() -> None:
    container, (body,) = detect(MIRROR_LABELLED)
    assert isinstance(container, MirrorText)
    assert body == "S E C R E T ROME 003280\n\n1. (C) BODY.\n"
    assert container.page is not None
    assert container.page.subject == "SOME TITLE"
    assert container.page.tags == ("PARM", "MARR", "IT")
    container, (body,) = detect(MIRROR_TABLE)
    assert isinstance(container, MirrorText)
    assert body == "C O N F I D E N T I A L NEW DELHI 000210\n"
    assert container.page is not None
    assert container.page.subject == "A TITLE, ON TWO LINES"
    assert container.page.layout == "mirror (table)"
    crlf = MIRROR_TABLE.replace("\n", "\r\n")
    container, (body,) = detect(crlf)
    assert isinstance(container, MirrorText)
    assert container.page is not None
    assert container.page.reference_id == "07NEWDELHI210"
    assert container.page.origin == "Embassy New Delhi"
    assert container.render((body,)) == crlf


def test_mirror_edit_keeps_the_chrome() -> None:
    container, (body,) = detect(MIRROR_LABELLED)
    edited = body.replace("BODY", "EDITED BODY")
    out = container.render((edited,))
    assert out == MIRROR_LABELLED.replace("BODY", "EDITED BODY")
    again, (new_body,) = detect(out)
    assert new_body == edited
    assert again.page == container.page


def test_mirror_pickle_and_equality() -> None:
    for page in (MIRROR_LABELLED, MIRROR_TABLE):
        container, texts = detect(page)
        clone = pickle.loads(pickle.dumps(container))
        assert clone == container
        assert hash(clone) == hash(container)
        assert clone.render(texts) == page
        assert detect(page)[0] == container


def test_raw_cable_mentioning_mirror_labels_is_not_a_mirror_page() -> None:
    texts = [
        "C O N F I D E N T I A L KABUL 000140\n"
        "SUBJECT: Identifier: 09KABUL140\n"
        "Identifier: 09KABUL140\nOrigin: Embassy Kabul\nCreated: 2009-01-01 00:00:00\n"
        "Classification: SECRET\nTags: PGOV\nRedacted: no\n",
        "Identifier: 09KABUL140\nTHE CABLE TEXT\n",
        "Identifier\nCreated\nClassification\nOrigin\nnot a cable\n",
        # labels out of order
        MIRROR_LABELLED.replace("Origin: Embassy Rome\n", "").replace(
            "Tags:", "Origin: Embassy Rome\nTags:"
        ),
        MIRROR_TABLE.replace("Created\nClassification", "Classification\nCreated"),
        # no Redacted: / Tags: line
        MIRROR_LABELLED.replace("Redacted:", "Remark:"),
        MIRROR_TABLE.replace("Tags:", "Tagz:"),
    ]
    for text in texts:
        assert MirrorText.sniff(text) is None
        assert detect(text)[0].kind == "raw"


def test_mirror_never_steals_other_containers() -> None:
    assert detect("Show Headers\n" + MIRROR_LABELLED)[0].kind == "plusd-text"
    assert detect(MIRROR_LABELLED + "<table class='cable'><pre>x</pre>")[0].kind == (
        "cablegate-html"
    )


MIRROR_FRAGMENTS = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "US embassy cable - X\n",
    "Identifier: X\n",
    "Identifier\n",
    "Wikileaks: View X\n",
    "Origin: O\n",
    "Created: 2002-07-03 15:53:00\n",
    "Classification: SECRET\n",
    "Cable title: T\n",
    "Tags: A B\n",
    "Redacted: no\n",
    "Disclaimer: x\n",
    "pdf how-to read a cable\n",
]


def _mirror_pages() -> list[str]:
    pages = [MIRROR_LABELLED, MIRROR_TABLE]
    for name in MIRROR_EXPECTED:
        path = _find(f"excerpts/{name}.txt")
        if path is not None:
            pages.append(_read(path))
    return pages


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(st.data())
def test_round_trip_spliced_mirror_pages(data: st.DataObject) -> None:
    pages = _mirror_pages()
    page = pages[data.draw(st.integers(0, len(pages) - 1))]
    # Mostly splice inside the metadata block, where it matters.
    limit = min(len(page), data.draw(st.sampled_from([600, len(page)])))
    at = data.draw(st.integers(0, limit))
    noise = data.draw(
        st.lists(st.one_of(st.sampled_from(MIRROR_FRAGMENTS), st.text(max_size=10)), max_size=5)
    )
    if data.draw(st.booleans()):
        page = page[:at] + "".join(noise) + page[at:]
    else:
        page = page[:at] + "".join(noise) + page[at + data.draw(st.integers(0, 40)) :]
    found = MirrorText.sniff(page)
    if found is not None:
        assert found[0].render(found[1]) == page
    container, texts = detect(page)
    assert container.render(texts) == page


def test_a_comma_after_a_tag_stays_outside_its_link() -> None:
    from cablelib.containers import _encode_tags_lines  # noqa: PLC0415 - private

    def link(tag: str) -> str:
        return f"<a>{tag}</a>"

    assert _encode_tags_lines("TAGS: PGOV, ZI;\nSUBJECT: X", link) == (
        "TAGS: <a>PGOV</a>, <a>ZI</a>;\nSUBJECT: X"
    )
    assert _encode_tags_lines("TAGS: , PGOV", link) == "TAGS: , <a>PGOV</a>"

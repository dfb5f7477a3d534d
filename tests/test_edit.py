"""edit(): change a semantic field, and only its bytes change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

import cablelib
from cablelib import CableError, Recipient

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "09USNATO383.txt"
HTML = CORPUS / "09HARARE51.html"


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]


def test_edit_subject_changes_only_that_line() -> None:
    cable = cablelib.load(SEED)
    title = cablelib.loads("UNCLAS STATE 000001\n\nSUBJECT: OLD\n\n1. (U) Text.\n")
    edited = cablelib.edit(title, subject="NEW SUBJECT")
    assert cablelib.dumps(edited) == "UNCLAS STATE 000001\n\nSUBJECT: NEW SUBJECT\n\n1. (U) Text.\n"
    assert edited.subject == "NEW SUBJECT"
    with pytest.raises(CableError, match="no line"):
        cablelib.edit(cable, subject="X")  # the seed's subject is on its title line


def test_edit_on_an_html_page() -> None:
    cable = cablelib.load(HTML)
    assert cable.subject is not None
    before = cablelib.dumps(cable)
    edited = cablelib.edit(cable, subject="A NEW SUBJECT", tags=["PGOV", "ZI"])
    after = cablelib.dumps(edited)
    changed = _changed_lines(before, after)
    assert len(changed) == 2  # the one physical line of the body <pre>, before and after
    again = cablelib.loads(after)
    assert again.subject == "A NEW SUBJECT"
    assert again.tags == ("PGOV", "ZI")
    assert again.paragraphs == cable.paragraphs
    assert again.header == cable.header


def test_edit_tags_of_a_page_whose_tags_line_wraps() -> None:
    """09MOSCOW405: ``TAGS: PREL ... PTER`` (links) then ``IR, RS`` (text) becomes one line
    of links, written with spaces as the page wrote the first line."""
    cable = cablelib.load(CORPUS / "09MOSCOW405.html")
    edited = cablelib.edit(cable, tags=["PREL", "PGOV", "IR", "RS"])
    assert edited.page is not None
    assert edited.tags == edited.text_tags == edited.page.tags == ("PREL", "PGOV", "IR", "RS")
    assert "TAGS: PREL PGOV IR RS" in edited.text
    assert edited.paragraphs == cable.paragraphs


def test_edit_paragraph_text() -> None:
    cable = cablelib.load(SEED)
    before = cablelib.dumps(cable)
    edited = cablelib.edit(cable, paragraphs={4: "We request guidance."})
    after = cablelib.dumps(edited)
    assert edited.paragraphs[3].text == "We request guidance."
    assert edited.paragraphs[3].marking == "C"
    assert edited.paragraphs[3].number == 4
    assert [p.text for i, p in enumerate(edited.paragraphs) if i != 3] == [
        p.text for i, p in enumerate(cable.paragraphs) if i != 3
    ]
    changed = _changed_lines(before, after)
    assert changed[0].startswith("-14. (C) Should the SecGen")
    # the saved page writes paragraph anchors as a pilcrow: the edited line gets one
    assert changed[1:] == ["+¶14. (C) We request guidance."]
    assert cablelib.loads(after).paragraphs == edited.paragraphs


def test_edit_recipients() -> None:
    cable = cablelib.load(SEED)
    to = (Recipient("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "3351"),)
    info = (Recipient("RUEHBS", "USEU BRUSSELS"), Recipient(None, "AMEMBASSY MOSCOW", "PRIORITY"))
    edited = cablelib.edit(cable, to=to, info=info)
    assert edited.header is not None
    assert edited.header.to == to
    assert edited.header.info == info
    assert edited.header.transmission_id == "VZCZCXRO2649"
    assert edited.subject == cable.subject
    assert cablelib.loads(cablelib.dumps(edited), reference_id="09USNATO383") == edited


def test_edit_refuses_what_would_not_read_back() -> None:
    cable = cablelib.loads("UNCLAS STATE 000001\n\nSUBJECT: OLD\n\n1. (U) Text.\n")
    with pytest.raises(CableError, match="line break"):
        cablelib.edit(cable, subject="TWO\nLINES")
    with pytest.raises(CableError, match="read back"):
        cablelib.edit(cable, paragraphs={1: "Fine.\n2. A new paragraph sneaks in."})


def test_edit_recipients_at_the_end_of_a_page_header_block() -> None:
    """The header <pre> of a Cablegate page ends with the INFO list and no line break."""
    cable = cablelib.load(HTML)
    before = cablelib.dumps(cable)
    assert cable.header is not None
    info = (*cable.header.info[:-1], Recipient("RUEHBS", "USEU BRUSSELS", None, "0001"))
    edited = cablelib.edit(cable, info=info)
    after = cablelib.dumps(edited)
    assert edited.header is not None
    assert edited.header.info == info
    head = before.split("</pre>")[0]
    new_head = after.split("</pre>")[0]
    assert new_head.endswith("RUEHBS/USEU BRUSSELS 0001")
    assert not new_head.endswith("&#x000A;")
    assert after.split("</pre>", 1)[1] == before.split("</pre>", 1)[1]
    assert head.rsplit("&#x000A;", 1)[0] == new_head.rsplit("&#x000A;", 1)[0]

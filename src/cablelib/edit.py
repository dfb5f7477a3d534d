"""Editing a cable: change semantic fields, keep every other byte.

:func:`edit` is the one way to change a cable.  It rewrites only the lines that
hold the edited fields (keeping their labels, spacing and line ends), renders the
result, and reads it back, so the returned cable is exactly what
``loads(dumps(result), reference_id=...)`` gives.  If the new text would not read back as the edit
asked (a subject with a line break in it, say), it raises :class:`CableError`
instead of returning a cable that silently says something else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
from attrs import frozen

from cablelib.errors import CableError
from cablelib.model import (
    AddressLine,
    Cable,
    ClassLine,
    Document,
    EndOfMessageLine,
    Header,
    InfoLine,
    Item,
    Line,
    MarkedParagraphLine,
    PageBreakLine,
    PageMarkerLine,
    Paragraph,
    ParagraphLine,
    Recipient,
    SignatureLine,
    SubjectLine,
    TagsLine,
    ToLine,
    XmtLine,
)

__all__ = ["edit"]


def edit(  # noqa: PLR0913 - one keyword per editable field
    cable: Cable,
    *,
    subject: str | None = None,
    tags: Sequence[str] | None = None,
    paragraphs: Mapping[int, str] | None = None,
    to: Sequence[Recipient] | None = None,
    info: Sequence[Recipient] | None = None,
) -> Cable:
    """Return a copy of ``cable`` with the given fields changed.

    Args:
        cable: The cable to change.
        subject: New subject text for the SUBJECT line.
        tags: New tags for the TAGS line, written with the line's separator.
        paragraphs: New text for paragraphs, by number; the number and marking stay.
        to: New action addressees for the header's TO line.
        info: New information addressees for the header's INFO line.

    Only the lines that carry these fields change; ``dumps`` of the result differs
    from ``dumps(cable)`` only there.

    Raises:
        CableError: the cable has no line for a field, or the edited text would
            not read back as asked.
    """
    changes = _Changes(subject, tags, paragraphs, to, info)
    edited = 0
    documents = list(cable.documents)
    for i, doc in enumerate(documents):
        items = list(doc.items)
        for j, item in enumerate(items):
            new = _edit_item(item, changes)
            if new is not item:
                items[j] = new
                edited += 1
        documents[i] = Document(tuple(items))
    asked = sum(x is not None for x in (subject, tags)) + len(paragraphs or {})
    asked += to is not None or info is not None
    if edited < asked:
        msg = "the cable has no line for one of the edited fields"
        raise CableError(msg)
    result = _reread(cable, tuple(documents))
    _check(result, changes)
    return result


@frozen
class _Changes:
    subject: str | None
    tags: Sequence[str] | None
    paragraphs: Mapping[int, str] | None
    to: Sequence[Recipient] | None
    info: Sequence[Recipient] | None


def _edit_item(item: Item, changes: _Changes) -> Item:
    if changes.subject is not None and isinstance(item, SubjectLine):
        _one_line("subject", changes.subject)
        return item.with_value(changes.subject)
    if changes.tags is not None and isinstance(item, TagsLine):
        for tag in changes.tags:
            _one_line("tag", tag)
        return item.with_tags(tuple(changes.tags))
    paragraphs = changes.paragraphs
    if paragraphs and isinstance(item, Paragraph) and item.number in paragraphs:
        assert item.number is not None
        return _edit_paragraph(item, paragraphs[item.number])
    if (changes.to is not None or changes.info is not None) and isinstance(item, Header):
        return _edit_header(item, changes.to, changes.info)
    return item


def _one_line(what: str, value: str) -> None:
    if "\n" in value or "\r" in value:
        msg = f"a {what} cannot contain a line break: {value!r}"
        raise CableError(msg)


def _edit_paragraph(paragraph: Paragraph, text: str) -> Paragraph:
    first = paragraph.lines[0]
    assert isinstance(first, ParagraphLine | MarkedParagraphLine)
    content = first.content
    prefix = content[: len(content) - len(first.body)] if first.body else content
    if prefix and not prefix[-1].isspace() and text:
        prefix += " "
    # Keep what follows the paragraph's text: signature, end of message, and the
    # page breaks and classification lines after the last text line.
    keep_from = len(paragraph.lines)
    while keep_from > 1 and isinstance(
        paragraph.lines[keep_from - 1],
        SignatureLine | EndOfMessageLine | PageMarkerLine | PageBreakLine | ClassLine,
    ):
        keep_from -= 1
    last_text = paragraph.lines[keep_from - 1]
    head = type(first)(prefix + text + last_text.eol)
    return Paragraph((head, *paragraph.lines[keep_from:]), paragraph.number)


def _addressee_line(
    kind: type[Line], keyword: str, recipients: Iterable[Recipient], eol: str
) -> Line:
    rendered = [r.render() for r in recipients]
    if not rendered:
        msg = f"{keyword} needs at least one recipient"
        raise CableError(msg)
    # the replaced line's end: "" where it ended the text (a Cablegate header block)
    return kind(f"{keyword} " + "\n".join(rendered) + eol)


def _edit_header(
    header: Header, to: Sequence[Recipient] | None, info: Sequence[Recipient] | None
) -> Header:
    lines: list[Line] = []
    skipping = False
    for line in header.lines:
        if isinstance(line, ToLine | InfoLine | XmtLine):
            skipping = False
            if to is not None and isinstance(line, ToLine):
                lines.append(_addressee_line(ToLine, "TO", to, line.eol))
                skipping = True
                continue
            if info is not None and isinstance(line, InfoLine):
                lines.append(_addressee_line(InfoLine, "INFO", info, line.eol))
                skipping = True
                continue
        elif skipping and isinstance(line, AddressLine | PageMarkerLine | PageBreakLine):
            # addressees of the replaced list that continue after a page break
            continue
        else:
            skipping = False
        lines.append(line)
    return attrs.evolve(header, lines=tuple(lines))


def _reread(cable: Cable, documents: tuple[Document, ...]) -> Cable:
    """Render the edited cable and read it back, container and all."""
    from cablelib.api import loads  # noqa: PLC0415 - api imports this module

    text = attrs.evolve(cable, documents=documents).render()
    return loads(text, reference_id=cable.given_reference_id)


def _check(cable: Cable, changes: _Changes) -> None:
    problems = []
    if changes.subject is not None and cable.subject != " ".join(changes.subject.split()):
        problems.append(f"subject reads back as {cable.subject!r}")
    if changes.tags is not None and cable.tags != tuple(changes.tags):
        problems.append(f"tags read back as {cable.tags!r}")
    if changes.paragraphs:
        by_number = {p.number: p for p in cable.paragraphs}
        for number, text in changes.paragraphs.items():
            got = by_number.get(number)
            if got is None or got.text != text.strip():
                problems.append(f"paragraph {number} reads back differently")
    header = cable.header
    if changes.to is not None and (header is None or header.to != tuple(changes.to)):
        problems.append("TO recipients read back differently")
    if changes.info is not None and (header is None or header.info != tuple(changes.info)):
        problems.append("INFO recipients read back differently")
    if problems:
        msg = "the edited cable would not read back as asked: " + "; ".join(problems)
        raise CableError(msg)

"""The json-like API: :func:`loads`, :func:`dumps`, :func:`load`, :func:`dump`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

import lark

from cablelib.containers import detect
from cablelib.errors import CableError, CableSyntaxError
from cablelib.grammar import fallback_document, parse_document
from cablelib.model import (
    BannerLine,
    Cable,
    CaptionLine,
    ClassifiedByLine,
    Document,
    EoLine,
    Header,
    Paragraph,
    SubjectLine,
    TagsLine,
)

__all__ = ["dump", "dumps", "load", "loads"]

_ENCODING = "utf-8"
_ERRORS = "surrogateescape"


def _parse_slot(text: str, *, strict: bool) -> Document:
    try:
        return parse_document(text)
    except lark.exceptions.LarkError as exc:  # the grammar is total; this guards a bug
        if strict:
            offset = getattr(exc, "pos_in_stream", None) or 0
            raise CableSyntaxError(f"internal parse failure: {exc}", text, offset) from exc
        return fallback_document(text)


_CABLE_MARKS = (Header, BannerLine, EoLine, TagsLine, SubjectLine, ClassifiedByLine, CaptionLine)


def _check_is_cable(text: str, documents: tuple[Document, ...]) -> None:
    if not text.strip():
        raise CableSyntaxError("empty text: expected a cable", text, 0)
    for doc in documents:
        for item in doc.items:
            if isinstance(item, _CABLE_MARKS):
                return
            if isinstance(item, Paragraph) and item.marking:
                return
    offset = len(text) - len(text.lstrip())
    raise CableSyntaxError(
        "not a cable: found no transmission header, classification banner, E.O., TAGS, "
        "SUBJECT or Classified By line",
        text,
        offset,
    )


def loads(text: str, *, reference_id: str | None = None, strict: bool = False) -> Cable:
    """Read a cable from a string.

    ``text`` may be raw cable text, a Cablegate page (HTML or saved as text) or a
    PlusD page's text; the container is detected and kept, so
    ``dumps(loads(text)) == text`` for every ``str``.

    Args:
        text: The text to read.
        reference_id: A reference id known from outside the text (a file name, a
            CSV column); used when the page states none.
        strict: Raise :class:`CableSyntaxError` when the text is not a cable at all
            (empty, an unrelated web page, prose).  Without it every ``str`` loads.

    Raises:
        TypeError: ``text`` is not a ``str``.
        CableSyntaxError: with ``strict=True``, the text is not a cable.
    """
    if not isinstance(text, str):
        msg = f"loads() takes a str, not {type(text).__name__}"
        if isinstance(text, bytes | bytearray):
            msg += "; decode it first, or use cablelib.load() on a binary file"
        raise TypeError(msg)
    container, texts = detect(text)
    documents = tuple(_parse_slot(t, strict=strict) for t in texts)
    if strict:
        _check_is_cable(text, documents)
    return Cable(container=container, documents=documents, given_reference_id=reference_id)


def dumps(cable: Cable) -> str:
    """Write a cable back to text: the exact text it was read from, edits applied."""
    if not isinstance(cable, Cable):
        msg = f"dumps() takes a Cable, not {type(cable).__name__}"
        raise TypeError(msg)
    return cable.render()


def load(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    reference_id: str | None = None,
    strict: bool = False,
) -> Cable:
    """Read a cable from a file path or a binary file.

    The bytes are decoded as UTF-8 with ``surrogateescape``, so undecodable bytes
    survive and :func:`dump` writes back the same bytes; line endings are kept as
    they are.  With a path and no ``reference_id``, the file name's stem is used
    when it looks like a reference id and the page states none.

    Raises:
        CableError: the file cannot be read.
        TypeError: ``source`` is a text-mode file.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            msg = f"cannot read {path}: {exc.strerror or exc}"
            raise CableError(msg) from exc
        if reference_id is None and _looks_like_id(path.stem):
            reference_id = path.stem
    else:
        data = source.read()
        if isinstance(data, str):
            msg = "load() needs a binary file (open it with 'rb')"
            raise TypeError(msg)
    return loads(data.decode(_ENCODING, _ERRORS), reference_id=reference_id, strict=strict)


def dump(cable: Cable, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write a cable to a file path or a binary file, byte for byte as it was read."""
    data = dumps(cable).encode(_ENCODING, _ERRORS)
    if isinstance(target, str | os.PathLike):
        try:
            Path(target).write_bytes(data)
        except OSError as exc:
            msg = f"cannot write {target}: {exc.strerror or exc}"
            raise CableError(msg) from exc
    else:
        target.write(data)


def _looks_like_id(stem: str) -> bool:
    shortest = len("01X1")
    if len(stem) < shortest:
        return False
    return stem[:2].isdigit() and stem[2:3].isalpha() and stem[-1].isdigit()

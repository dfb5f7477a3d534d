"""The grammar and the parser built from it.

The formal definition of the cable format is ``grammars/cable.lark``.  It ships
inside the wheel as ``cablelib/grammars/cable.lark``; from a source checkout or an
editable install it is read from the repository's ``grammars/`` folder.

:func:`parser` builds the LALR parser once per process.  It builds the model
objects while it parses (an inline transformer), so no parse tree is kept.
:func:`parse_document` turns one text into a :class:`~cablelib.model.Document`.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Any, cast

import lark

from cablelib.model import (
    LINE_CLASSES,
    Document,
    Header,
    Item,
    Line,
    MarkedParagraphLine,
    Paragraph,
    ParagraphLine,
    TextLine,
    _paragraph_numbers,
)

__all__ = ["grammar_path", "grammar_text", "parse_document", "parser", "uses_lark_cython"]

GRAMMAR_NAME = "cable.lark"


def grammar_path() -> Path:
    """Where the grammar file is: the installed package's copy, else ``<repo>/grammars``."""
    packaged = resources.files("cablelib") / "grammars" / GRAMMAR_NAME
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "grammars" / GRAMMAR_NAME
    if checkout.is_file():
        return checkout
    msg = f"grammar {GRAMMAR_NAME} not found in the package nor in {checkout.parent}"
    raise FileNotFoundError(msg)


@functools.cache
def grammar_text() -> str:
    """The text of ``cable.lark``."""
    return grammar_path().read_text(encoding="utf-8")


def _line(token: Any) -> Line:
    return LINE_CLASSES[token.type](token.value)


class _ToModel(lark.Transformer[Any, Any]):
    """Builds model objects from the rules of ``cable.lark`` as the parser reduces them."""

    def start(self, children: list[Any]) -> tuple[Item, ...]:
        items: list[Item] = []
        for child in children:
            if isinstance(child, tuple):
                items.extend(child)
            else:
                items.append(_line(child))
        return tuple(items)

    def body(self, children: list[Any]) -> tuple[Item, ...]:
        items: list[Item] = [c if isinstance(c, Header | Paragraph) else _line(c) for c in children]
        if len(items) > 1:
            items = _join_wrapped_numbers(items)
        at = [i for i, item in enumerate(items) if isinstance(item, Paragraph)]
        paragraphs = [cast("Paragraph", items[i]) for i in at]
        numbers = _paragraph_numbers([p.number for p in paragraphs])
        for i, paragraph, n in zip(at, paragraphs, numbers, strict=True):
            if paragraph.number != n:
                items[i] = Paragraph(paragraph.lines, n)
        return tuple(items)

    def header(self, children: list[Any]) -> Header:
        return Header(tuple(_line(c) for c in children))

    def paragraph(self, children: list[Any]) -> Paragraph:
        lines = tuple(_line(c) for c in children)
        first = lines[0]
        number = (
            first.written_number if isinstance(first, ParagraphLine | MarkedParagraphLine) else None
        )
        return Paragraph(lines, number)


def _join_wrapped_numbers(items: list[Item]) -> list[Item]:
    """Paragraphs whose "number" is a number of the text wrapped to the start of a line.

    ``... the NATO Response Force (NRF`` / ``14.  We had hoped ...`` (08STOCKHOLM272): a
    numbered line right under a line that ends mid-sentence, with no blank line between,
    no marking, and not the number the paragraph before it leads to, continues that
    paragraph.  Its line becomes a text line of the paragraph above (the bytes stay).
    """
    out: list[Item] = []
    prev_number = 0
    for item in items:
        if isinstance(item, Paragraph):
            first = item.lines[0]
            last = out[-1] if out else None
            if (
                isinstance(last, Paragraph)
                and type(first) is ParagraphLine
                and item.number is not None
                and item.number != prev_number + 1
                and first.head.bracketed is None
                and first.head.bare is None
                and _ends_mid_sentence(last.lines[-1])
            ):
                joined = (*last.lines, TextLine(first.raw), *item.lines[1:])
                out[-1] = Paragraph(joined, last.number)
                continue
            if item.number is not None:
                prev_number = item.number
        out.append(item)
    return out


def _ends_mid_sentence(line: Line) -> bool:
    """Whether ``line`` ends with no line end after it but its own, mid-sentence."""
    if type(line) is not TextLine and type(line) is not ParagraphLine:
        return False
    if line.eol != "\n":  # a blank line follows (or the text ends)
        return False
    content = line.content.rstrip()
    return bool(content) and content[-1].isalpha()


def uses_lark_cython() -> bool:
    """Whether the parser runs on lark-cython: installed, and CABLELIB_PURE_LARK not set."""
    if os.environ.get("CABLELIB_PURE_LARK"):
        return False
    try:
        import lark_cython  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


@functools.cache
def parser() -> lark.Lark:
    """The LALR parser of ``cable.lark``, built once per process."""
    options: dict[str, Any] = {}
    if uses_lark_cython():
        import lark_cython  # noqa: PLC0415

        options["_plugins"] = lark_cython.plugins
    return lark.Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=_ToModel(),
        maybe_placeholders=False,
        **options,
    )


def _strip_added_newline(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """Take off the final newline the parser was given in addition to the text."""
    last = items[-1]
    if isinstance(last, Line):
        return (*items[:-1], type(last)(last.raw[:-1]))
    inner = last.lines[-1]
    lines = (*last.lines[:-1], type(inner)(inner.raw[:-1]))
    if isinstance(last, Header):
        return (*items[:-1], Header(lines))
    return (*items[:-1], Paragraph(lines, last.number))


def parse_document(text: str) -> Document:
    """Parse one cable text into a :class:`~cablelib.model.Document`.

    Accepts every ``str``.  Raises :class:`lark.exceptions.LarkError` only if the
    grammar failed to be total, which the test suite guards against; callers fall
    back to :func:`fallback_document` then.
    """
    if not text:
        return Document(())
    added = not text.endswith("\n")
    items = cast("tuple[Item, ...]", parser().parse(text + "\n" if added else text))
    if added:
        items = _strip_added_newline(items)
    return Document(items)


def fallback_document(text: str) -> Document:
    """A document that holds ``text`` as one text line: what is left when parsing fails."""
    return Document((TextLine(text),) if text else ())

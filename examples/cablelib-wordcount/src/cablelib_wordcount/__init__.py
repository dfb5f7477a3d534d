r"""cablelib-wordcount: an example cablelib plugin.

It implements both extraction hooks:

* :func:`cablelib_register_extractors` registers the named extractor ``word_count``:
  the number of words in the text of the cable's paragraphs, returned as a
  :class:`cablelib.Found` so that ``cablelib.extract(cable, provenance=True)`` shows
  the lines it was counted from;
* :func:`cablelib_extract` adds ``paragraph_count``, the simple way: a dict.

Installed, the entry point ``wordcount`` (see ``pyproject.toml``) makes cablelib load
this module on its own::

    >>> import cablelib
    >>> cable = cablelib.loads("UNCLAS STATE 000001\\n\\nSUBJECT: TEST\\n\\n1. (U) Two words.\\n")
    >>> fields = cablelib.extract(cable)
    >>> fields["word_count"], fields["paragraph_count"]
    (2, 1)
"""

from __future__ import annotations

from itertools import takewhile
from typing import Any

import cablelib
from cablelib.hookspecs import Register
from cablelib.model import EndOfMessageLine, Line, SignatureLine

__all__ = ["cablelib_extract", "cablelib_register_extractors", "paragraph_count", "word_count"]


def word_count(cable: cablelib.Cable) -> cablelib.Found:
    """The number of words in the paragraphs' text, and the paragraphs' lines.

    A word is what :meth:`str.split` splits on whitespace, so ``"trade,"`` is one word.
    Paragraph numbers and markings are not part of :attr:`cablelib.Paragraph.text`, so
    they are not counted, and neither is the signature the last paragraph holds (its
    line is left out of the provenance too).
    """
    paragraphs = cable.paragraphs
    count = sum(len(paragraph.text.split()) for paragraph in paragraphs)
    lines = tuple(line for paragraph in paragraphs for line in _text_lines(paragraph))
    return cablelib.Found(count, lines=lines)


def _text_lines(paragraph: cablelib.Paragraph) -> tuple[Line, ...]:
    """The lines :attr:`cablelib.Paragraph.text` reads: up to the signature, if any."""
    ends = SignatureLine | EndOfMessageLine
    return tuple(takewhile(lambda line: not isinstance(line, ends), paragraph.lines))


def paragraph_count(cable: cablelib.Cable) -> int:
    """The number of paragraphs, numbered or not."""
    return len(cable.paragraphs)


@cablelib.hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register the ``word_count`` extractor."""
    register("word_count", word_count)


@cablelib.hookimpl
def cablelib_extract(cable: cablelib.Cable) -> dict[str, Any] | None:
    """Add ``paragraph_count`` to the fields :func:`cablelib.extract` returns."""
    return {"paragraph_count": paragraph_count(cable)}

"""The raw text of a cable outside its transmission header, shared by extractors.

Made once per cable (with :func:`cablelib.extraction.shared`) for quick looks: which
items hold a word, before any item's text is built.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from cablelib.extraction import shared
from cablelib.model import Cable, Item, Line, Paragraph, _is_marking

__all__ = [
    "LONG_S",
    "REF_WORDS",
    "ItemTypes",
    "RawBody",
    "is_bracketed_marking",
    "item_types",
    "letter_cases",
    "raw_body",
]

#: The long s, which ``re.I`` matches to ``s`` but which has no byte in :attr:`RawBody.lower`.
LONG_S = "\u017f"


class RawBody:
    """The raw text of a cable's items outside the transmission header.

    ``items`` are the items (lines and paragraphs) in order and ``starts`` their
    offsets in the joined raw text (one more at its end).  ``lower`` is that text as
    bytes, one byte per character (``?`` for one outside Latin-1) and ASCII letters in
    lower case, so that an offset in it is an offset in the text.  ``long_s`` tells
    whether the text holds a long s (U+017F), which case-insensitive patterns match
    to ``s``.
    """

    __slots__ = ("items", "long_s", "lower", "starts")

    def __init__(self, cable: Cable) -> None:
        items: list[Line | Paragraph] = []
        raws: list[str] = []  # every line's raw text, in order
        starts = [0]
        pos = 0
        for doc in cable.documents:
            for item in doc.items:
                if isinstance(item, Line):
                    raw = item.raw
                    raws.append(raw)
                    pos += len(raw)
                elif isinstance(item, Paragraph):
                    for line in item.lines:
                        raw = line.raw
                        raws.append(raw)
                        pos += len(raw)
                else:  # the header
                    continue
                items.append(item)
                starts.append(pos)
        text = "".join(raws)
        self.items = items
        self.starts = starts
        self.lower = text.encode("latin-1", "replace").lower()
        self.long_s = LONG_S in text

    def items_with(self, word: bytes) -> Iterator[int]:
        """Indexes of the items where ``word`` (lower case) starts, each once, in order.

        An occurrence running over the end of an item counts for the item it starts in.
        """
        lower = self.lower
        starts = self.starts
        at = lower.find(word)
        while at != -1:
            index = bisect.bisect_right(starts, at) - 1
            yield index
            at = lower.find(word, starts[index + 1])

    def next_item_with(
        self, pattern: re.Pattern[bytes], index: int, prefix: bytes | None = None
    ) -> int:
        """The first item from ``index`` on where a match of ``pattern`` starts, or -1.

        ``prefix`` is what every match of ``pattern`` starts with, if anything: the
        search then goes from one occurrence of it to the next (``bytes.find`` skips
        through the text faster than the regex engine does).
        """
        if index >= len(self.items):
            return -1
        lower = self.lower
        start = self.starts[index]
        if prefix is None:
            m = pattern.search(lower, start)
            if m is None:
                return -1
            start = m.start()
        else:
            start = lower.find(prefix, start)
            while start != -1 and pattern.match(lower, start) is None:
                start = lower.find(prefix, start + 1)
            if start == -1:
                return -1
        return bisect.bisect_right(self.starts, start) - 1


def raw_body(cable: Cable) -> RawBody:
    """The raw text outside the header, made once per cable."""
    return shared(cable, "body:raw", RawBody)


class ItemTypes(NamedTuple):
    """The items of a cable's documents and their classes, for finding items fast."""

    #: The items (lines, headers, paragraphs) of every document, in order.
    items: tuple[Item, ...]
    #: The class of each item.
    types: tuple[type, ...]
    #: The classes of the items.
    present: frozenset[type]


def item_types(cable: Cable) -> ItemTypes:
    """The items of the cable and their classes, once per cable (shared by extractors).

    The grammar puts the REF, TAGS and Classified By lines among the documents' items
    (the preamble), never inside a header or a paragraph: :attr:`Cable.references`
    reads them there too.  The model's classes are not subclassed: ``type(item) is
    RefLine`` is ``isinstance(item, RefLine)``.
    """
    return shared(cable, "text:item-types", _item_types)


def _item_types(cable: Cable) -> ItemTypes:
    items: tuple[Item, ...] = ()
    for doc in cable.documents:  # (a page has two; the first adds no copy)
        items += doc.items
    types = tuple(map(type, items))
    return ItemTypes(items, types, frozenset(types))


#: The words of a REF label, also those the grammar does not read as one (spelt out:
#: ``REFERENCE``; written without a colon), for a pattern of the label.
REF_WORDS = r"(?:REF(?:S|TELS?|ERENCES?)?|RETELS?|Refs?|Reftels?|References?)"


def letter_cases(text: str) -> tuple[int, int]:
    """How many small letters and how many capitals ``text`` holds."""
    return sum(1 for ch in text if ch.islower()), sum(1 for ch in text if ch.isupper())


def is_bracketed_marking(inside: str) -> bool:
    """Whether what stands in brackets is a portion marking, not a name.

    ``S//NF``, ``C``, ``ENTIRE TEXT``, ``C - ENTIRE TEXT``; a marking of several words
    only with ENTIRE TEXT (``(STU BROWN)`` is a person, though its first word could be
    a marking's level).
    """
    text = inside.strip()
    return _is_marking(text) and (" " not in text or "ENTIRE" in text.upper())

"""Built-in extractors of what a cable is about: ``subject``, ``summary``, ``comment``.

* ``subject``: ``str | None``. The SUBJECT line (or a saved page's title), on one
  line, white space folded, without a portion marking at its start or end
  (``(C)``, ``(SBU)``, ``(S//NF)``, a trailing ``(s)``), without HTML debris
  (``<br>``, a stray ``<``) and with WikiLeaks' smart-quote mojibake
  (``&visiting8``) turned back into quotes.
* ``summary``: ``str | None``. The text from a summary label (``SUMMARY:``,
  ``Summary.``, ``BEGIN SUMMARY``, ``SUMMARY AND COMMENT:``, the typo ``Summay``
  ...) to ``END SUMMARY``, over as many paragraphs as it takes, without paragraph
  numbers, markings and page breaks, white space folded.  Without an end marker
  the summary is the rest of the paragraph it starts in; with an ``END SUMMARY``
  but no label, it is the text of the paragraph holding ``END SUMMARY`` up to it.
* ``comment``: ``list[str]``, one string per comment block, in order, empty when
  there is none.  A block runs from a comment label at the start of a paragraph,
  line or sentence (``COMMENT:``, ``(C) Comment: ...``, ``(Comment: ...``,
  ``Summary and comment:``, a ``COMMENT`` heading) to the next ``END COMMENT``;
  when another label comes first, or there is no end, it stops at the end of the
  paragraph its text starts in.  Redaction notes are kept as written
  (``Comment: [DETAILS REMOVED]`` gives ``"[DETAILS REMOVED]"``).

All three read paragraphs through :attr:`cablelib.model.Paragraph.text`, so page
markers and paragraph markers never leak into the text.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from typing import NamedTuple, cast

from cablelib.extraction import Found, shared
from cablelib.extractors._text import LONG_S, REF_WORDS, letter_cases, raw_body
from cablelib.extractors.body import signature_as_written
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    BannerLine,
    Cable,
    CaptionLine,
    ClassifiedByLine,
    ClassLine,
    DateLine,
    EoLine,
    Header,
    Line,
    PageBreakLine,
    PageMarkerLine,
    Paragraph,
    RefLine,
    SubjectLine,
    TagsLine,
    TextLine,
    TitleLine,
    _fold,
)

__all__ = ["comment", "subject", "summary"]

_WS = re.compile(r"\s+")
# a portion marking, in brackets or square brackets ("[U]"), its parts parted by slashes,
# a space or a dash: "(S//NF)", "(C NF)", "(C-NF)", "(C//REL TO USA, GBR)"
_MARK = (
    r"[(\[](?:U|C|S|SBU|TS|LOU|FOUO|(?:SBU|[CSUT]{1,3})\s*(?:/{1,2}|\s|-)\s*[A-Z][A-Z/, ]*"
    r"|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[)\]]"
)
# a marking missing its opening parenthesis, as on malformed paragraphs: "C) ...", "SBU) ..."
_LEADING_MARK = re.compile(rf"^\s*(?:{_MARK}|(?-i:(?:U|C|S|SBU|TS|LOU)\)))\s*", re.I)
# a subject's start marked twice, or labelled twice: "(C) (U) ...", "SUBJECT: SUBJECT: ..."
_LEADING_MARKS = re.compile(rf"^(?:\s*(?:{_MARK}|(?-i:(?:U|C|S|SBU|TS|LOU)\))))+\s*", re.I)
_LEADING_LABEL = re.compile(r"^(?:\s*(?:SUBJ(?:ECT)?)\s*:)+\s*", re.I)
# a REF line run on into the subject: "SUBJECT: TITLE REF: STATE 123"
_RUN_ON_REF = re.compile(r"\s+(?:REFS?|REFTELS?|Refs?|Reftels?)\s*:\s")
# a page marker run on into the subject: "... WASHINGTON BRASILIA 00000351 001.2 OF 003"
_PAGE_NUMBER = re.compile(r"\s+\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\b")
_TRAILING_MARK = re.compile(rf"\s*{_MARK}\s*$", re.I)
_TAG = re.compile(r"<[^<>\n]*>|<\s*$")
#: UTF-8 read as Latin-1 or Windows-1252 (WikiLeaks' pages and their copies): a lead byte
#: (``Ã``, ``Â``, ``â``) and continuation bytes, as Windows-1252 shows them (``â€™`` for
#: a right quote, ``Ã©`` for é) or as Latin-1 controls.
_MOJIBAKE_UTF8 = re.compile(
    "[\u00c2-\u00c3](?:[\u0080-\u00bf]|[\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192])"
    "|\u00e2(?:[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
    "\u0161\u203a\u0153\u017e\u0178]){2}"
)
_BYTE = 256
# WikiLeaks turned smart quotes into "&" before and "8" after a word: &visiting8
_MOJIBAKE_QUOTES = re.compile(r"&([A-Za-z][^&\n]{0,80}?[A-Za-z.,!?])8(?![0-9])")


def _subject_line(
    cable: Cable,
) -> tuple[SubjectLine | TitleLine | None, tuple[Line | Header | Paragraph, ...], int]:
    """The line :attr:`Cable.subject` reads, its document's items and its index there.

    The grammar puts both kinds of line (SUBJECT, a saved page's title) among the items.
    """
    title: TitleLine | None = None
    for doc in cable.documents:
        items = doc.items
        for i, item in enumerate(items):
            kind = type(item)
            if kind is SubjectLine:
                return cast("SubjectLine", item), items, i
            if kind is TitleLine and title is None:
                title = cast("TitleLine", item)
    return title, (), -1


def clean_subject(text: str, station: str | None = None) -> str:
    """A subject as written made clean: one line, no marking, no HTML debris.

    A page marker run on into it goes: ``station`` names the post its page markers
    start with (``BUENOS AIRES``), else the word before the page number goes with it.
    """
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = _MOJIBAKE_QUOTES.sub(r'"\1"', html.unescape(text))
    if "\u00c3" in text or "\u00c2" in text or "\u00e2" in text:
        text = _MOJIBAKE_UTF8.sub(_utf8_again, text)
    text = _fold(text)
    if text[:4].upper() == "SUBJ":  # labelled twice
        text = _LEADING_LABEL.sub("", text, count=1)
    if "REF" in text or "Ref" in text:
        ref = _RUN_ON_REF.search(text)
        if ref is not None:
            text = text[: ref.start()]
    if " OF 0" in text:
        page = _PAGE_NUMBER.search(text)
        if page is not None:
            text = _drop_station(text[: page.start()], station) + text[page.end() :]
    if ")" in text[:64] or "]" in text[:64]:  # a marking ends there (else none is there)
        text = _LEADING_MARKS.sub("", text, count=1)
    if text.endswith((").", "].")):  # a marking before a full stop: "... (U)."
        text = text[:-1]
        kept = _TRAILING_MARK.sub("", text)
        text = kept if kept != text else text + "."
    elif text.endswith((")", "]")):  # else the pattern, tried at every position, finds nothing
        text = _TRAILING_MARK.sub("", text)
    return text.strip()


def _utf8_again(m: re.Match[str]) -> str:
    """The character whose UTF-8 bytes were read as Latin-1 or Windows-1252, or the text."""
    try:
        raw = bytes(ord(ch) if ord(ch) < _BYTE else ch.encode("cp1252")[0] for ch in m.group())
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return m.group()


def _drop_station(text: str, station: str | None) -> str:
    """``text`` without the station name that ends it (a page marker's first words)."""
    if station and text.endswith(" " + station):
        return text[: -len(station) - 1]
    return text.rsplit(" ", 1)[0]


def _page_station(cable: Cable) -> str | None:
    """The words a page marker of ``cable`` starts with (``BUENOS AIRES``), or ``None``."""
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, PageMarkerLine):
                page = _PAGE_NUMBER.search(" " + item.content)
                if page is not None:
                    return _fold(item.content[: page.start()]) or None
    return None


def subject(cable: Cable) -> Found:
    """The subject on one line, without portion marking, or ``None``."""
    # what Cable.subject reads, found once (that property would look for the line again)
    line, items, index = _subject_line(cable)
    if not isinstance(line, SubjectLine):
        inline = _inline_subject(cable)  # "TAGS: PREL, PGOV SUBJECT: THE SUBJECT"
        if inline is not None:
            return inline
    if line is None:
        return Found(None, ())
    lines: tuple[Line, ...] = (line,)
    if isinstance(line, TitleLine):
        value = line.title
    else:
        value = line.value
        content = line.content
        if "\n" in content and _may_end_early(content):
            kept = _subject_lines(content)
            if kept is not content:
                value = _fold(kept[len(line.label) :])
        follower = (
            _continuation(line, items, index)
            if index + 2 < len(items) and type(items[index + 1]) is TextLine
            else None
        )
        if follower is not None:
            value = f"{value} {follower.content.strip()}"
            lines = (line, follower)
    station = _page_station(cable) if " OF 0" in value else None
    cleaned = clean_subject(value, station)
    return Found(cleaned or None, lines)


#: A sentence's end, where running text follows a subject.
_SENTENCE_END = re.compile(r"[.!?][\"')]?(?:\s|$)")


def _subject_lines(content: str) -> str:
    """The lines of a SUBJECT line's ``content`` that hold the subject.

    A telegram's body may start right under a subject wrapped over lines, unindented
    and with no blank line between (1970s telegrams): a line that ends well before the
    width the subject's first line was wrapped at, when the next word would have fit on
    it, ends the subject, if sentences follow.  The first continuation line is the
    subject's (a subject wraps once at any width) unless it cannot be: a REF label
    without its colon (``REF STATE 123``, ``REFERENCE:``), a summary label, a portion
    marking, or a sentence in mixed case under a subject in capitals.
    """
    rows = content.rstrip().split("\n")
    width = len(rows[0].rstrip())
    upper = rows[0].isupper()
    for k in range(1, len(rows)):
        row = rows[k]
        if (row.lstrip().startswith(_ROW_LEADS) and _NOT_SUBJECT_ROW.match(row)) or (
            upper and not row.isupper() and _mixed_case_sentence(row)
        ):
            return "\n".join(rows[:k])
        if k == 1 or row[:1].isspace():  # an indented line continues the subject
            continue
        before = rows[k - 1].rstrip()
        word = row.split(" ", 1)[0]
        if len(before) + 1 + len(word) <= width and _SENTENCE_END.search("\n".join(rows[k:])):
            return "\n".join(rows[:k])
    return content


def _may_end_early(content: str) -> bool:
    """Whether :func:`_subject_lines` may keep less than all of a SUBJECT line's lines.

    Three lines or more, or a second line that may be no continuation (quick checks of
    what :data:`_NOT_SUBJECT_ROW` and :func:`_mixed_case_sentence` look for).
    """
    nl = content.find("\n")
    if content.find("\n", nl + 1) != -1:
        return True
    second = content[nl + 1 :]
    return second.lstrip().startswith(_ROW_LEADS) or (
        not second.isupper() and content[:nl].isupper()
    )


#: A line that never continues a subject: a REF label the grammar did not read as one
#: (no colon, or spelt out), a summary label, a paragraph's portion marking.
_NOT_SUBJECT_ROW = re.compile(
    r"[ \t]*(?:" + REF_WORDS + r"(?:[ \t]*:|[ \t]+(?=\(?[A-Z0-9]))"
    r"|(?:BEGIN[ \t]+SUMM?ARY|Begin[ \t]+[Ss]ummary)\b"
    r"|(?:SUMMARY|Summary)[ \t]*(?:[:.]|--?[ \t])"
    rf"|{_MARK}[ \t]+\S"
    r")"
)
#: The first characters of the lines :data:`_NOT_SUBJECT_ROW` matches.
_ROW_LEADS = ("REF", "Ref", "RETEL", "BEGIN", "Begin", "SUMMARY", "Summary", "(")
#: Text in brackets (``[Source removed]``), left out when counting a line's letters.
_BRACKETED = re.compile(r"\[[^\]\n]*\]")
#: The fewest letters that make a line a sentence rather than a word or two.
_SENTENCE_LETTERS = 10


def _mixed_case_sentence(row: str) -> bool:
    """Whether ``row`` is written in mixed case, more small letters than capitals."""
    if "[" in row:
        row = _BRACKETED.sub(" ", row)
    lower, upper = letter_cases(row)
    return lower + upper >= _SENTENCE_LETTERS and lower > upper


#: A subject written on the TAGS or E.O. line: "TAGS: PREL, PGOV SUBJECT: THE SUBJECT".
_INLINE_SUBJECT = re.compile(r"(?:^|[ \t,;])(?:SUBJECT|SUBJ|Subject|Subj)[ \t]*:")


def _inline_subject(cable: Cable) -> Found | None:
    """The subject written after the tags on the TAGS (or E.O.) line, if any."""
    for doc in cable.documents:
        for item in doc.items:
            kind = type(item)
            if kind is Paragraph:
                return None
            if kind is not TagsLine and kind is not EoLine:
                continue
            content = cast("Line", item).content
            if "SUBJ" not in content and "Subj" not in content:
                continue
            m = _INLINE_SUBJECT.search(content)
            if m is None:
                continue
            rest = content[m.end() :]
            kept = _subject_lines("SUBJECT:" + rest) if "\n" in rest else "SUBJECT:" + rest
            value = clean_subject(kept[len("SUBJECT:") :])
            return Found(value or None, (cast("Line", item),))
    return None


#: Where a subject's line ends, lines of the header that may follow it.
_AFTER_SUBJECT = (RefLine, ClassifiedByLine)
_CONTINUATION = re.compile(r"[^\W_][^:\n]{0,60}[\w,?\"'\u201d\u2019)]")


def _continuation(line: SubjectLine, items: tuple[object, ...], i: int) -> TextLine | None:
    """The line that continues a subject after a blank line, or ``None``.

    A subject's last words sometimes stand alone after a blank line (``... AFTER
    CURRENCY`` / blank / ``REFORM``).  Such a line is taken when it is a single short
    line without a label (also none the grammar does not read: ``REF STATE 123``), in
    the subject's case, and a REF or Classified By line (or
    paragraph) follows it: so it stands in the header, where no running text is.
    """
    follower, after = items[i + 1], items[i + 2]
    assert isinstance(follower, TextLine)
    text = follower.content.strip()
    if not _CONTINUATION.fullmatch(text) or (line.value.isupper() and not text.isupper()):
        return None
    if text.startswith(_ROW_LEADS) and _NOT_SUBJECT_ROW.match(text):
        return None  # a REF label without its colon: "REF STATE 123"
    if isinstance(after, _AFTER_SUBJECT) or (
        isinstance(after, Paragraph) and after.text[:10].lower() == "classified"
    ):
        return follower
    return None


# -- running text -------------------------------------------------------------------


#: A summary label or end holds this, in the lower-case bytes of the raw text.
_SUMMARY_GATE = re.compile(rb"summ?ar?y")
#: ``re.I`` also matches a long s (a ``?`` in those bytes) to ``s``.
_SUMMARY_GATE_LONG_S = re.compile(rb"summ?ar?y|\?")
#: A comment label or end holds this.
_COMMENT_GATE = re.compile(rb"comment")
#: A comment label's key word as a label: followed by the end of a label (a colon, a
#: full stop, a dash, the end of the line).  The raw text of a unit whose running
#: text holds a label holds this (page breaks fall between lines, never inside one).
_COMMENT_LABEL_GATE = re.compile(
    rb"comments?(?:\s+and\s+(?:analysis|action\s+request|recommendations?))?[ \t]*(?:[:.\r\n-]|$)"
)

#: What every match of a gate starts with.
_GATE_PREFIXES = {_SUMMARY_GATE: b"sum", _COMMENT_GATE: b"comment", _COMMENT_LABEL_GATE: b"comment"}


class _Units:
    """The units of running text (paragraphs and free text lines), and where they stand.

    Built on the cable's :class:`~cablelib.extractors._text.RawBody` (which the
    ``redactions`` extractor shares), so that one search of its lower-case bytes tells
    which units can hold a key word.
    """

    __slots__ = ("item_of", "raw", "units")

    def __init__(self, cable: Cable) -> None:
        raw = self.raw = raw_body(cable)
        items = raw.items
        #: For each unit, the index of its item in ``raw.items``.
        self.item_of = [i for i, item in enumerate(items) if type(item) not in _NOT_TEXT_TYPES]
        self.units: list[Paragraph | Line] = [items[i] for i in self.item_of]

    def next_with(self, gate: re.Pattern[bytes], index: int) -> int:
        """The first unit from ``index`` on whose raw text matches ``gate``, or -1."""
        if index >= len(self.units):
            return -1
        raw = self.raw
        if gate is _SUMMARY_GATE and raw.long_s:
            gate = _SUMMARY_GATE_LONG_S
        prefix = _GATE_PREFIXES.get(gate)
        i = raw.next_item_with(gate, self.item_of[index], prefix)
        while i >= 0 and type(raw.items[i]) in _NOT_TEXT_TYPES:  # not running text
            i = raw.next_item_with(gate, i + 1, prefix)
        # the unit of item i
        return -1 if i < 0 else bisect.bisect_left(self.item_of, i)


class _Body:
    """The cable's paragraphs (and free text lines) joined into one searchable text.

    The text starts at unit ``base``, the first unit whose raw text holds the key
    word of the searches it serves (no earlier unit can hold a match), and is built
    lazily from there, unit by unit, as far as the searches need it: most searches
    end in a paragraph or two, and a search that finds nothing stops where no later
    unit holds the search's key word (judged on the units' raw text, so their texts
    are never built).
    """

    __slots__ = (
        "base",
        "complete",
        "gates",
        "lower",
        "lowers",
        "owners",
        "parts",
        "starts",
        "text",
        "unit_finder",
        "units",
    )

    def __init__(self, cable: Cable, gate: re.Pattern[bytes], base: int | None = None) -> None:
        finder = shared(cable, "subject:units", _Units)
        self.units = finder.units
        #: Finds the units whose raw text holds a key word.
        self.unit_finder = finder
        #: For a key-word pattern: (index, first unit from index on whose raw holds it).
        self.gates: dict[re.Pattern[bytes], tuple[int, int]] = {}
        self.starts: list[int] = []
        self.owners: list[Paragraph | Line] = []
        self.parts: list[str] = []
        self.lowers: list[str] = []
        self.text = ""
        self.lower = ""
        if base is None:
            found = self._next_with(gate, 0)
            base = len(self.units) if found < 0 else found
        self.base = base
        self.complete = self.base == len(self.units)

    def _extend(self, index: int) -> None:
        """Build the text through unit ``index``.

        Each extension joins the whole text again: past a few units the text grows to at
        least twice its units, so that a cable of many labelled paragraphs costs linear
        time, not quadratic (building more units changes no search's result).
        """
        owners = self.owners
        units = self.units
        parts = self.parts
        lowers = self.lowers
        if len(owners) >= _EAGER_AFTER:
            index = max(index, self.base + 2 * len(owners))
        i = count = self.base + len(owners)
        pos = len(self.text) + 2 if owners else 0
        long_s = self.unit_finder.raw.long_s
        while i < len(units) and i <= index:
            unit = units[i]
            text = unit.text if isinstance(unit, Paragraph) else unit.content.strip()
            if "\r" in text:  # Windows or old Mac line ends: the patterns read \n
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            # white space at the end of a line tells nothing, and the patterns that look
            # at a line's end look only one character back
            while " \n" in text:
                text = text.replace(" \n", "\n")
            if "\t\n" in text:
                text = _TRAILING_WS.sub("\n", text)
            self.starts.append(pos)
            owners.append(unit)
            parts.append(text)
            low = text.lower()
            if len(low) != len(text):  # İ lowers to two characters: keep the offsets
                low = text.replace("\u0130", "I").lower()
            if long_s:  # the patterns (re.I) read a long s as s: so does the word search
                low = low.replace(LONG_S, "s")
            lowers.append(low)
            pos += len(text) + 2
            i += 1
        if i > count:
            self.text = "\n\n".join(parts)
            self.lower = "\n\n".join(lowers)
            self.complete = i == len(units)

    def grow(self, index: int) -> None:
        """Build the text up to and including unit ``index`` (or to the end)."""
        if index >= self.base + len(self.owners) and not self.complete:
            self._extend(index)

    def _next_with(self, gate: re.Pattern[bytes], index: int) -> int:
        """The first unit from ``index`` on whose raw text matches ``gate``, or -1."""
        known = self.gates.get(gate)
        if known is not None and known[0] <= index and (known[1] < 0 or known[1] >= index):
            return known[1]
        found = self.unit_finder.next_with(gate, index)
        self.gates[gate] = (index, found)
        return found

    def find(self, search: _Search, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of ``search.rx`` in ``start:end``; it runs only near its word.

        Every match of the pattern holds ``search.word`` (lower case) less than
        ``_NEAR`` characters from its ends, so searching near each occurrence of the
        word finds them all; ``search.near`` skips the occurrences that no match can
        hold.  A window ends with the text built so far: a label or an end mark that
        ran on from the end of one paragraph into the next would be missed, and none
        does.  Every match also needs the raw text of its unit to match
        ``search.gate``, a pattern of the raw text's lower-case bytes (the key word,
        or a stricter one): when no unit past the built text matches it, there is
        nothing more to find.
        """
        if not self.owners:
            self.grow(self.base)
        rx, word, gate, near, lead = search
        pos = start
        while True:
            stop = len(self.text) if end is None else end
            text, lower = self.text, self.lower
            at = lower.find(word, pos, stop)
            while at != -1:
                # the window ends with the built text: a label never runs on from one
                # paragraph into the next, so the next one need not be built for it
                lo, reach = max(start, at - _NEAR), min(stop, at + len(word) + _NEAR)
                if near(text, lower, lo, at, reach):
                    # no match starts at or before a character that cannot lead to the
                    # word: the search need not try those positions
                    ahead = lead.match(text, max(lo, at - _LEAD), at)
                    m = rx.search(text, ahead.end() if ahead else lo, reach)
                    while m is not None and reach < stop and m.end() + _CUT_LOOK > reach:
                        # the window's end may have made the match (a word cut there
                        # reads as the end of the text): it holds only where the same
                        # start matches the whole text
                        whole = rx.match(text, m.start(), stop)
                        if whole is not None:
                            return whole
                        m = rx.search(text, m.start() + 1, reach)
                    if m is not None:
                        return m
                at = lower.find(word, at + 1, stop)
            if end is not None or self.complete:
                return None
            pos = max(pos, len(self.text))
            index = self._next_with(gate, self.base + len(self.owners))
            if index < 0:
                # No later unit holds the key word, and every occurrence of it in the
                # built text had its window searched.
                return None
            self.grow(index)

    def slice(self, start: int, end: int) -> tuple[str, str]:
        """The text from ``start`` to ``end``, and its lower case."""
        return self.text[start:end], self.lower[start:end]

    def unit_at(self, offset: int) -> int:
        """Index (among the built units) of the unit holding ``offset``."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def unit_start(self, index: int) -> int:
        """Offset of the start of unit ``index`` (counted from ``base``); builds it."""
        self.grow(self.base + index)
        return self.starts[index]

    def unit_end(self, index: int) -> int:
        """Offset of the end of unit ``index`` (counted from ``base``); builds it.

        The units after it are not built: the text ends with the last unit built.
        """
        self.grow(self.base + index)
        if index + 1 < len(self.starts):
            return self.starts[index + 1] - 2
        return len(self.text)

    def has_next(self, index: int) -> bool:
        """Whether a unit follows unit ``index`` (counted from ``base``)."""
        return self.base + index + 1 < len(self.units)

    def lines(self, start: int, end: int) -> tuple[Line, ...]:
        """The lines of the units that the span ``start:end`` touches."""
        out: list[Line] = []
        for i in range(self.unit_at(start), self.unit_at(max(end - 1, start)) + 1):
            owner = self.owners[i]
            out.extend(owner.lines if isinstance(owner, Paragraph) else (owner,))
        return tuple(out)


#: Lines that never hold running text.
_NOT_TEXT = (
    Header,
    SubjectLine,
    TitleLine,
    RefLine,
    TagsLine,
    EoLine,
    BannerLine,
    CaptionLine,
    PageMarkerLine,
    PageBreakLine,
    ClassLine,
    DateLine,
)
_NOT_TEXT_TYPES = frozenset(_NOT_TEXT)


def _summary_body(cable: Cable) -> _Body:
    """The running text of ``cable`` from its first unit that can hold a summary."""
    return shared(cable, "subject:summary-body", lambda c: _Body(c, _SUMMARY_GATE))


def _comment_body(cable: Cable) -> _Body:
    """The running text of ``cable`` from its first unit that can hold a comment."""
    # the first search is for a label: no match of any search comes before one
    return shared(cable, "subject:comment-body", lambda c: _Body(c, _COMMENT_LABEL_GATE))


# Where a label may stand: at the start of a line or paragraph, after "(", or after
# the end of a sentence; then maybe dashes framing a heading.
_AT = (
    # each lookbehind but \A needs white space or "(" just before: looking at that first
    # fails fast where a label cannot stand (after a letter), as at most positions
    r"(?:\A|(?<=[\s(])(?:(?<=\n\n)|(?<=\n[ \t]\n)"
    # a line start after a line that ends a sentence or a rule (a label at the start of a
    # wrapped line, after a word, is the word: "...constructive\ncomments. Charge said")
    r"|(?<=[.!?;:\"\u201d\u2019)\]*=_-]\n)|(?<=[.!?;:\"\u201d\u2019)\]*=_-][ \t]\n)"
    r"|(?<=\()|(?<=[.!?;\"\u201d\u2019)\]]\s)|(?<=[.!?;\"\u201d\u2019)\]]\s\s)))[ \t\-]*"
)
_LABEL_END = r"[ \t]*(?::|\.(?![\w.])|--|-(?=\s)|\n|$)"
# what else a summary label names: "SUMMARY AND COMMENT", "Summary/Comment", "SUMMARY
# AND ACTION REQUEST"
_SUMMARY_ALSO = r"(?:(?:\s+AND\s+|\s*/\s*)[A-Z]+(?:\s+REQUESTS?)?)?"
#: A summary label's key word and what else it names, from the key word on.
_SUMMARY_WORDS = r"SUMM?AR?Y" + _SUMMARY_ALSO
_SUMMARY_START = re.compile(
    _AT
    + r"(?:(?P<begin>BEGIN\s+)?(?:[A-Z]+\s+AND\s+)?"
    + _SUMMARY_WORDS
    # after BEGIN, a label needs no end: "BEGIN SUMMARY The text"
    + rf"(?:{_LABEL_END}|(?(begin)[ \t]+|(?!))))",
    re.I | re.M,
)
# also in brackets and mistyped: "[End Summary]", "ENDSUMMARY", "End Summmary", "END SUMMAR",
# "Ends Summary"
_SUMMARY_END = re.compile(
    r"[(\[]?\bENDS?\s*(?:OF\s+)?(?:[A-Z]+\s+AND\s+)?(?:SUM{1,3}AR?Y|SUMMAR)"
    + _SUMMARY_ALSO
    + r"\b[.:)\]]*",
    re.I,
)
#: A comment label's key word and what else it names, from the key word on.
_COMMENT_WORDS = r"COMMENTS?(?:\s+AND\s+(?:ANALYSIS|ACTION\s+REQUEST|RECOMMENDATIONS?))?"
_COMMENT_START = re.compile(
    _AT
    + r"(?:BEGIN\s+)?(?:SUMM?AR?Y\s+AND\s+|(?:(?-i:[A-Z][\w'\u2019]*)\s+){1,3}(?=COMMENTS?\s*:))?"
    + _COMMENT_WORDS
    + _LABEL_END,
    re.I | re.M,
)
#: Words that stand before "comment:" without naming whose comment it is: "He comments:"
_NOT_OWNERS = frozenset(
    (
        *("A", "An", "The", "This", "That", "These", "Those", "No", "Any", "Some"),
        *("One", "Another", "He", "She", "It", "I", "We", "They", "His", "Her"),
        *("Its", "Their", "My", "Your"),
    )
)
#: How far from its key word (``sum``, ``comment``) a label can reach.
_NEAR = 60
# "END COMMENT", also naming whose comment: "End Embassy Comment", "END POST COMMENT"
# (also in lower case after "End": "End embassy comment"), and mistyped: "End Commentg"
_COMMENT_END = re.compile(
    r"\(?\bEND\s+(?:(?:OF\s+)?(?:(?!(?:SUMM?AR?Y|AND|OF)\b)(?-i:[A-Z][\w'\u2019]*)\s+){0,2}?"
    r"COMMENT[A-Z]?\b"
    r"|(?<=(?-i:End) )(?!(?:the|a|an|his|her|its|their|this|that|any|no|some)\s)"
    r"(?-i:[a-z]+\s+comments?\b))",
    re.I,
)
# Cheap looks at the characters around an occurrence of a search's key word, each true
# wherever a match of its pattern can hold the occurrence (so that skipping the window
# search where one is false loses no match): a label's key word is followed by the end
# of a label (or, for BEGIN SUMMARY, preceded by BEGIN); an end mark's key word is
# preceded by END and at most a few words.  Each takes the text, its lower case, the
# window ``lo:reach`` and the occurrence ``at``.
_SUMMARY_LABEL_TAIL = re.compile(_SUMMARY_WORDS + _LABEL_END, re.I)
_COMMENT_LABEL_TAIL = re.compile(_COMMENT_WORDS + _LABEL_END, re.I)
_END_SUMMARY_HEAD = re.compile(r"ENDS?\s*(?:OF\s+)?(?:[A-Z]+\s+AND\s+)?", re.I)
_END_COMMENT_HEAD = re.compile(r"END\s+(?:[\w'\u2019]+\s+){0,3}", re.I)


def _after_end(head: re.Pattern[str], text: str, lower: str, lo: int, at: int) -> bool:
    """Whether ``head`` spans from an ``end`` in ``lo:at`` right up to ``at``."""
    e = lower.find("end", lo, at)
    while e != -1:
        if head.fullmatch(text, e, at) is not None:
            return True
        e = lower.find("end", e + 1, at)
    return False


def _near_summary_label(text: str, lower: str, lo: int, at: int, reach: int) -> bool:
    return (
        _SUMMARY_LABEL_TAIL.match(text, at, reach) is not None or lower.find("begin", lo, at) != -1
    )


def _near_comment_label(text: str, lower: str, lo: int, at: int, reach: int) -> bool:
    return _COMMENT_LABEL_TAIL.match(text, at, reach) is not None


def _near_summary_end(text: str, lower: str, lo: int, at: int, reach: int) -> bool:
    return _after_end(_END_SUMMARY_HEAD, text, lower, lo, at)


def _near_comment_end(text: str, lower: str, lo: int, at: int, reach: int) -> bool:
    return _after_end(_END_COMMENT_HEAD, text, lower, lo, at)


class _Search(NamedTuple):
    """A pattern of the running text and what :meth:`_Body.find` needs to find it fast."""

    #: The pattern.
    rx: re.Pattern[str]
    #: A word (lower case) that every match holds less than ``_NEAR`` from its ends.
    word: str
    #: A pattern of a unit's lower-case raw bytes that every unit holding a match matches.
    gate: re.Pattern[bytes]
    #: Whether a match can hold the word at an offset (see the looks above).
    near: Callable[[str, str, int, int, int], bool]
    #: Matches the text up to the last character that cannot stand between a match's
    #: start and the word it holds: no match starts before its end.
    lead: re.Pattern[str]


#: How far before an occurrence of a search's word :attr:`_Search.lead` looks.
_LEAD = 16
#: How far past a match's end its pattern looks (at most): a match ending nearer than this
#: to where a search window was cut may owe itself to the cut.
_CUT_LOOK = 24


def _lead(allowed: str) -> re.Pattern[str]:
    return re.compile(rf"[\s\S]*[^{allowed}]")


# What stands between a match's start and its word: the dashes and spaces before a label,
# BEGIN, a word and AND ("CONCLUSION AND SUMMARY"), whose comment ("Embassy comment:"),
# END, OF, an opening bracket.  (re.I lets [A-Z] match the long s and the Kelvin sign.)
_LETTERS = "A-Za-z\u017f\u212a"
_SUMMARY_LABEL = _Search(
    _SUMMARY_START, "sum", _SUMMARY_GATE, _near_summary_label, _lead(rf"\s\-{_LETTERS}")
)
_END_SUMMARY = _Search(
    _SUMMARY_END, "sum", _SUMMARY_GATE, _near_summary_end, _lead(rf"\s(\[{_LETTERS}")
)
_COMMENT_LABEL = _Search(
    _COMMENT_START, "comment", _COMMENT_LABEL_GATE, _near_comment_label, _lead(r"\s\-\w'\u2019")
)
_END_COMMENT = _Search(
    _COMMENT_END, "comment", _COMMENT_GATE, _near_comment_end, _lead(r"\s(\w'\u2019")
)


# a web-site notice some posts append to the last paragraph: "Visit ... web site", from
# "Visit" (or "Please" before it) to the end; matched at each "visit" (a pattern that
# can start anywhere is tried at every position: slow on long texts)
_VISIT = re.compile(r"visit\b[^.]{0,120}?\bweb\s?site\b", re.I)
_PLEASE = re.compile(r"\bplease\s+$", re.I)
# a label that is a heading: the line ends after it (maybe framed with dashes)
_HEADING_END = re.compile(r"[ \t\-]*\n")
# the next heading framed by dashes: ----\nIRAN\n----
_NEXT_HEADING = re.compile(r"(?:^|\n)[ \t]*-{3,}[ \t]*\n[^\n]{1,80}\n[ \t]*-{3,}")
# a rule standing alone between blanks: "-----", "- - -", "*****", "=====", "_____"; the
# first character leads, so that the regex engine skips to where one stands
_RULE = re.compile(
    r"[-*=_](?<!\S[-*=_])(?:(?<=-)[ \t]?(?:-[ \t]?){2,}|(?<=[*=_])[*=_]{2,})(?=\s|$)"
)
_TITLE_MAX = 80
_TRAILING_WS = re.compile(r"[ \t]+\n")
#: More letters and digits than a title has.
_MORE_THAN_A_TITLE = re.compile(rf"(?:[\W_]*[^\W_]){{{_TITLE_MAX + 1}}}")
#: How many units a :class:`_Body` builds one at a time before it grows geometrically.
_EAGER_AFTER = 8
_TRIM = " \t\n:.-\u2013\u2014"


def _drop_rules(text: str) -> str:
    """Replace rule lines (``-----``, ``****``) by spaces."""
    # a rule holds three dashes, each pair at most a space or tab apart, or a *, = or _
    # (rare in running text, where hyphens and dashes make the pattern slow)
    if (
        "---" in text
        or "- -" in text
        or "-\t-" in text
        or "*" in text
        or "=" in text
        or "_" in text
    ):
        return _RULE.sub(" ", text)
    return text


def _drop_visit(text: str, lowered: str | None = None) -> str:
    """The text before a web-site notice (``Please visit our web site at ...``).

    ``lowered`` is ``text.lower()``, where the caller has it.
    """
    if lowered is None:
        lowered = text.lower()
    if "site" not in lowered:
        return text
    at = lowered.find("visit")
    while at != -1:
        if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and _VISIT.match(text, at):
            please = _PLEASE.search(text, max(at - 40, 0), at)
            return text[: please.start() if please else at]
        at = lowered.find("visit", at + 1)
    return text


_WORD_CHAR = re.compile(r"\w")


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _is_blank(text: str, lowered: str | None = None) -> bool:
    """``not _tidy(text)``, quickly where the text holds a letter or digit.

    Taking out a web-site notice cuts the text at the notice; taking out rules,
    folding white space and trimming punctuation never take out a letter or digit.
    """
    if _LETTER_OR_DIGIT.search(_drop_visit(text, lowered)):
        return False
    return not _tidy(text, lowered)


def _tidy(text: str, lowered: str | None = None) -> str:
    """A block's text made one line, without rules, a web-site notice, a portion marking.

    ``lowered`` is ``text.lower()``, where the caller has it.
    """
    # the regexes are slow on long texts: run them only where they can match
    text = _drop_visit(text, lowered)
    text = _drop_rules(text)
    text = _fold(text)
    text = text.lstrip(_TRIM + ")")
    if text.startswith("("):  # a portion marking after the label: "SUMMARY: (C) THIS ..."
        text = _LEADING_MARK.sub("", text, count=1)
    return text.rstrip(" \t\n:-(")


def summary(cable: Cable) -> Found:
    """The summary text, folded, or ``None`` when the cable has none."""
    body = _summary_body(cable)
    start = body.find(_SUMMARY_LABEL)
    if start is not None:
        begin = start.end()
        end_m = body.find(_END_SUMMARY, begin)
        if end_m is not None:
            end = end_m.start()
        else:
            end = _content_end(body, begin)
            if _HEADING_END.match(body.text, start.end() - 1):
                heading = _next_heading(body, begin)
                if heading is not None and heading > begin:
                    # a summary under a heading runs to the next heading, which may
                    # also stand inside the paragraph it starts in
                    end = heading
        # labelled twice: "Summary. 1. (C) Summary. The text" (the pattern always matches)
        mark = _NUMBER_MARK.match(body.text, begin, end)
        again = _SUMMARY_START.match(body.text, mark.end() if mark else begin, end)
        if again is not None:
            begin = again.end()
        value = _unsigned(cable, body, end, _tidy(*body.slice(begin, end)))
        return Found(value or None, body.lines(start.start(), end))
    above = _summary_above_the_body(cable)
    if above is not None:
        return above
    end_m = body.find(_END_SUMMARY)
    if end_m is None:
        return Found(None, ())
    index = body.unit_at(end_m.start())
    begin = body.starts[index]
    if not body.text[begin : end_m.start()].strip():
        if index == 0 and body.base > 0:
            # the summary is the unit before the first one that names it: start there
            body = _Body(cable, _SUMMARY_GATE, base=body.base - 1)
            end_m = body.find(_END_SUMMARY)
            if end_m is None:  # pragma: no cover - found above, in less of the text
                return Found(None, ())
            index = body.unit_at(end_m.start())
        if index > 0:
            begin = body.starts[index - 1]
    value = _tidy(*body.slice(begin, end_m.start()))
    return Found(value or None, body.lines(begin, end_m.start()))


def _next_heading(body: _Body, begin: int) -> int | None:
    """Where the first heading framed by dashes from ``begin`` on starts, or ``None``.

    A heading stands inside one unit (units are parted by a blank line, which the
    pattern never crosses), and a unit's text holds a heading only if its raw text
    holds two runs of dashes with a line break between: the text is built only as
    far as such a unit, not to the end of the cable.
    """
    finder = body.unit_finder
    raw, item_of = finder.raw, finder.item_of
    lower, starts = raw.lower, raw.starts
    index = body.unit_at(begin)  # among the built units, counted from body.base
    # the raw text of the unit holding begin and of every later unit
    rule = lower.find(b"---", starts[item_of[body.base + index]])
    while rule != -1:
        item = bisect.bisect_right(starts, rule) - 1
        end = starts[item + 1]
        last = lower.rfind(b"---", rule + 3, end)
        unit = bisect.bisect_left(item_of, item)
        if (
            last != -1
            and lower.find(b"\n", rule, last) != -1
            and unit < len(item_of)
            and item_of[unit] == item
        ):
            i = unit - body.base
            body.grow(unit)
            # a match may start at the line break before the unit, where its dashes
            # stand at the unit's start
            heading = _NEXT_HEADING.search(body.text, max(begin, body.starts[i] - 1))
            if heading is not None:
                return heading.start()
        rule = lower.find(b"---", end)
    return None


#: A summary label at the start of a line that the grammar read into the SUBJECT or REF
#: line above it (no blank line between, as in PlusD telegrams): ``BEGIN SUMMARY``, or
#: ``SUMMARY`` with a colon, full stop or dash, maybe after a portion marking.
_SUMMARY_ROW = re.compile(
    rf"[ \t]*(?:{_MARK}[ \t]*)?"
    r"(?:BEGIN[ \t]+SUMM?AR?Y\b|SUMM?AR?Y[ \t]*(?::|\.|--?[ \t]))[ \t:.\-]*",
    re.I,
)


def _summary_above_the_body(cable: Cable) -> Found | None:
    """A summary that starts inside the SUBJECT or REF line, on a line of its own."""
    units = shared(cable, "subject:units", _Units)
    raw = units.raw
    # only the lines above the running text: its first unit ends the search
    first = units.item_of[0] if units.item_of else len(raw.items)
    gate = _SUMMARY_GATE_LONG_S if raw.long_s else _SUMMARY_GATE
    found = gate.search(raw.lower, 0, raw.starts[first])
    if found is None:
        return None
    for i in range(bisect.bisect_right(raw.starts, found.start()) - 1, first):
        item = raw.items[i]
        if type(item) is SubjectLine or type(item) is RefLine:
            line = cast("Line", item)
            content = line.content
            at = content.find("\n")
            while at != -1:
                m = _SUMMARY_ROW.match(content, at + 1)
                if m is not None:
                    text = content[m.end() :]
                    end = _SUMMARY_END.search(text)
                    value = _tidy(text[: end.start()] if end is not None else text)
                    if value:
                        return Found(value, (line,))
                at = content.find("\n", at + 1)
    return None


def _unsigned(cable: Cable, body: _Body, end: int, value: str) -> str:
    """``value`` without the signature glued to its end (``... if nothing else. HOLMSTROM``).

    Only a text that runs to the end of the cable's last paragraph can end in it.
    """
    if end < len(body.text) or not body.complete or not value:
        return value
    name = signature_as_written(cable)  # with a title on its line: CROCKER, AMBASSADOR
    if name and value.endswith(name) and value[-len(name) - 1 : -len(name)].isspace():
        return value[: -len(name)].rstrip()
    return value


# white space, a paragraph number and a marking, as before a label written twice
_NUMBER_MARK = re.compile(r"\s*(?:\d{1,2}\.\s*)?(?:\([A-Z/ ]{1,12}\)\s*)?")


#: A heading under a paragraph's text, after a blank line: a title underlined with dashes
#: (maybe also framed above).  Reflowed pages keep it among the paragraph's lines:
#: ``... our allies.\n\nBerlusconi the Politician\n-------------------------``.
_HEADING_INSIDE = re.compile(r"\n\n(?:[ \t]*-{3,}[ \t]*\n)?[^\n]{1,80}\n[ \t]*-{3,}[ \t]*(?=\n|$)")


def _content_end(body: _Body, begin: int) -> int:
    """End of the paragraph whose text starts at or after ``begin`` (skipping a heading).

    A heading that the paragraph's lines hold under its text ends it there.
    """
    index = body.unit_at(begin)
    end = body.unit_end(index)
    if _is_blank(*body.slice(begin, end)) and body.has_next(index):
        end = body.unit_end(index + 1)
    if body.text.find("---", begin, end) != -1:
        heading = _HEADING_INSIDE.search(body.text, begin, end)
        if heading is not None:
            end = heading.start()
    return end


def _past_heading(body: _Body, begin: int) -> int:
    """Where a comment's text starts: after a heading's title (``Comment: A Title``)."""
    index = body.unit_at(begin)
    end = body.unit_end(index)
    # a title has at most _TITLE_MAX letters and digits (dropping rules keeps them all):
    # looking no further than that keeps many labels in one long paragraph linear
    if _MORE_THAN_A_TITLE.match(body.text, begin, end):
        return begin
    rest = _drop_rules(body.text[begin:end]).strip()
    if (
        rest
        and body.has_next(index)
        and "\n" not in rest
        and len(rest) <= _TITLE_MAX
        and not rest.endswith((".", "!", "?", '"', "\u201d"))
        and not _COMMENT_END.search(rest)  # "Comment: Short. (End Comment)"
    ):
        return body.unit_start(index + 1)
    return begin


_LABEL_LEADS = frozenset(word[0] for word in _NOT_OWNERS)


def _comment_starts(body: _Body) -> list[re.Match[str]]:
    """The comment labels of the running text, in order."""
    out: list[re.Match[str]] = []
    pos = 0
    find = body.find
    while (m := find(_COMMENT_LABEL, pos)) is not None:
        label = m.group()
        if label[0] not in _LABEL_LEADS or label.split(None, 1)[0] not in _NOT_OWNERS:
            out.append(m)
        pos = max(m.end(), m.start() + 1)
    return out


_OPENED_NUMBER = re.compile(r"\s*\(\d")
_OPENED_BEFORE = re.compile(r"\(\d{1,2}\.\s*(?:\([A-Z/ ]{1,12}\)\s*)?$")


def _opened(body: _Body, start: int) -> bool:
    """Whether the label at ``start`` follows an opening parenthesis: ``(Comment: ...``."""
    text = body.text
    if start > 0 and text[start - 1] == "(":
        return True
    if _OPENED_BEFORE.search(text, max(start - 24, 0), start):  # "(11. (C) Comment: ..."
        return True
    index = body.unit_at(start)
    if body.starts[index] != start:
        return False
    # a paragraph opened before its number: "(11. (C) Comment: ..."
    owner = body.owners[index]
    first = owner.lines[0] if isinstance(owner, Paragraph) else owner
    return _OPENED_NUMBER.match(first.content) is not None


def _closing(text: str, begin: int, end: int) -> int:
    """Where the parenthesis open before ``begin`` closes, if before ``end``; else ``end``."""
    depth = 0
    at = text.find(")", begin, end)
    while at != -1:
        # " ) " standing alone is a dash in WikiLeaks' mojibake: "maximum permitted ) bound"
        if not text[at - 1].isspace():
            depth += text.count("(", begin, at) - 1
            if depth < 0:
                return at
            begin = at + 1
        at = text.find(")", at + 1, end)
    return end


def comment(cable: Cable) -> Found:
    """The comment blocks, one string each, in order (empty list when none)."""
    body = _comment_body(cable)
    starts = _comment_starts(body)
    blocks: list[str] = []
    lines: list[Line] = []
    seen: set[int] = set()
    pos = 0
    for i, m in enumerate(starts):
        if m.start() < pos:
            continue
        begin = _past_heading(body, m.end())
        # None: the end of the whole text, which may not be built yet
        limit = starts[i + 1].start() if i + 1 < len(starts) else None
        # an end past the next label is not this block's: search up to that label only
        # (searching on would make many labels cost quadratic time), and a little past it,
        # where the label may stand inside an end mark (END / COMMENT.)
        reach = None if limit is None else limit + _NEAR
        end_m = body.find(_END_COMMENT, begin, reach)
        end_s = body.find(_END_SUMMARY, begin, limit)
        if end_s is not None and (end_m is None or end_s.start() < end_m.start()):
            end_m = end_s
        if end_m is not None and (limit is None or end_m.start() <= limit):
            end, pos = end_m.start(), end_m.end()
        else:
            end = _content_end(body, begin)
            if limit is not None:
                end = min(end, limit)
            pos = end
        if _opened(body, m.start()):  # "(Comment: ...)" ends with its parenthesis
            end = _closing(body.text, begin, end)
        value = _unsigned(cable, body, end, _tidy(*body.slice(begin, end)))
        if value:
            blocks.append(value)
            for line in body.lines(m.start(), end):
                if id(line) not in seen:
                    seen.add(id(line))
                    lines.append(line)
    return Found(blocks, tuple(lines))


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register ``subject``, ``summary`` and ``comment``."""
    register("subject", subject)
    register("summary", summary)
    register("comment", comment)

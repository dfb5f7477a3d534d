"""The references of a cable's REF block, one dict per cited document.

Field ``references``: a list of ``{"letter", "text", "cable_id", "kind", "captions"}``.
The model's :class:`~cablelib.model.Reference` items are split further where one item
cites several documents (``TEHRAN 1091: TEHRAN 263``, ``SANAA 1995 b. SANAA 2079``, the
two-column lists of the 1970s); page markers and run-on text (``Classified By``,
``SUMMARY``, the SBU banner) are cut off, and lettered items go on after a page break.
Serials that OCR damaged are read as digits (``ASTANA l286``).  A station is a known
post, or a word of four letters or more that ``reference-not-stations.txt`` does not
list (historical posts: ``SAIGON``, ``BONN``; not ``DOD``, ``CODEL``, ``CINCPAC``, and
not a name after ``CODEL``: ``reference-name-leads.txt``).
A citation without a year is of the citing cable's year (of its date), or of the year
before for its own station above its own serial.  Tables: ``reference-kinds.csv``,
``reference-captions.txt``, ``reference-not-stations.txt``, ``reference-own-stations.txt``,
``station-fixes.csv`` and the station names of ``route2name.csv``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, cast

from cablelib.extraction import Found
from cablelib.extractors import _data
from cablelib.extractors._text import REF_WORDS, item_types, letter_cases
from cablelib.extractors.identity import canonical_id, dtg, normalize_station
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    Cable,
    ClassLine,
    Item,
    Line,
    PageBreakLine,
    PageMarkerLine,
    Paragraph,
    PassingLine,
    Reference,
    RefLine,
    SubjectLine,
    TextLine,
    _ocr_numbers,
    lettered_references,
)

__all__ = ["cablelib_register_extractors", "cited_cables", "references"]

#: A page marker inside the REF block: ``MADRID 00000869 001.2 OF 004``.
_PAGE_MARKER = re.compile(
    r"(?:[A-Z][A-Za-z ]{0,30}?\s)?\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}|<[^<>]{1,20}>"
)
_EIGHT_DIGITS = re.compile(r"\d{8}")
#: Where the REF block's text runs on into something else: the summary, the Classified
#: By line, paragraph 1, the SBU banner (``(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED``).
_RUN_ON = re.compile(
    r"\b(?:BEGIN\s+SUMMARY|SUMMARY\s*:|SUMMARY\s+AND\s+COMMENT|CLASSIFIED\s+BY|Classified\s+[Bb]y)"
    r"|\s1\.\s+(?:\([A-Z/]+\)\s+)?[A-Z]"
    r"|(?:\([Uu]\)\s+)?(?:(?i:THIS\s+(?:CABLE|MESSAGE)\s+IS)\s+)?"
    r"(?i:SENSITIVE\s+BUT\s+UNCLASSIFIED|NOT\s+FOR\s+INTERNET)"
)
#: A citation: an optional year, up to four words of station name, the serial (zero-padded
#: to eight digits as in the cables' own headers: ``KABUL 00000140``).  Not a serial: the
#: day and time of a date-time group (``SECSTATE 091234Z MAR 09``).  The years are those of
#: the cables, 1960 to 2010 (``NOVEMBER 18 KABUL 4567`` has none).
_CITATION = re.compile(
    r"(?<![A-Z0-9/])(?:(?P<year>(?:19[6-9]\d|200\d|2010)|[06-9]\d|10)\s*)?"
    r"(?P<station>[A-Z][A-Z'-]*(?:\s[A-Z][A-Z'-]*){0,3})\s*"
    r"0{0,2}(?P<serial>\d{1,6})(?![\d/-]|\.\d|,\s?(?:19|20)\d\d\b|Z)"
)
#: A further item mark inside an item: ``b. SANAA 2079``, ``H. CAPE TOWN 195``, ``(C)``.
#: Another serial of the same station; a number before a station name is its year.
_MORE_SERIALS = re.compile(
    r"\s*(?:,|&|/|\bAND\b)\s*0*(\d{1,6})(?![\d/-]|\.\d)"
    r"(?<!\b\d\d)(?<!\b(?:19|20)\d\d)(?:(?=\s+[A-Z])(?<=\d{3})|(?!\s+[A-Z]))"
)
_SUB_MARK = re.compile(r"(?:(?<=\s)|^)¶?\s*(?:\(([A-Za-z])\)|([A-Za-z])[.):])\s+")
_LEAD_MARK = re.compile(r"^\(?([A-Z])[.):]\)?\s+")
_SEPARATORS = " ,;:.-"
_CONJUNCTIONS = frozenset(("AND", "OR", "ALSO"))
#: What a REF line says when it cites nothing (``REF: NONE``).
_NOTHING = frozenset(("NONE", "N/A", "NA", "NIL"))
_TRAILING_AND = re.compile(r"[\s,;]+(?:AND|and)$")
_MAX_STATION_WORDS = 4
_NOT_LETTERS = re.compile(r"[^A-Z]")
_MONTH = (
    r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_DAY_DIGITS = 2
#: A month right before a number that looks like a year: the number is a day
#: (``NOVEMBER 08 KABUL 4567``).
_MONTH_BEFORE = re.compile(rf"(?<![A-Z]){_MONTH}\s*$")
#: A month right after a small number that looks like a serial: the number is a day
#: (``MOSCOW 18 AUG 2008 DAILY REPORT``).
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}(?![A-Z])")
#: A date written right after a citation without a year, which gives its year:
#: ``STATE 42635 DATED MARCH 7, 1973``, ``LISBON 8859 (DTG 271748Z DEC 76)``,
#: ``STATE 29998 OF 03/24/09``, ``PARIS 12 OF 7 MAY 2008``.
_DATE_AFTER = re.compile(
    r"[\s,(]*(?:(?:DATED|OF|ON|SENT)\b[\s,(]*)?(?:DTG\b[\s:]*)?(?:"
    rf"\d{{6}}Z?\s*{_MONTH}\s*(?P<dtg>\d{{2}}(?:\d{{2}})?)"
    rf"|{_MONTH}\s+\d{{1,2}}(?:ST|ND|RD|TH)?,?\s+(?P<mdy>(?:19|20)\d\d)"
    rf"|\d{{1,2}}(?:ST|ND|RD|TH)?\s+{_MONTH},?\s+(?P<dmy>(?:19|20)\d\d|\d\d)"
    r"|\d{1,2}[/.]\d{1,2}[/.](?P<num>(?:19|20)\d\d|\d\d)"
    r")(?![\d/])"
)


@functools.cache
def _known_stations() -> frozenset[str]:
    """Station names (as ids write them) of the posts of ``route2name.csv`` and the fixes."""
    posts = _data.mapping("origin-posts.csv")
    out = {"STATE"}
    for route, name in _data.mapping("route2name.csv").items():
        if not route.startswith("RUEH"):
            continue
        words = name.upper().replace("US MISSION", "USMISSION").split()
        if len(words) > 1 and words[0] in posts:
            words = words[1:]
        out.add("".join(words))
        if len(words) > 1 and len(words[-1]) == len("BE"):
            out.add("".join(words[:-1]))
    fixes = _data.mapping("station-fixes.csv")
    out.update(fixes)
    out.update(fixes.values())
    return frozenset(re.sub(r"[^A-Z]", "", s) for s in out)


@functools.cache
def _not_stations() -> frozenset[str]:
    return frozenset(_data.lines("reference-not-stations.txt"))


@functools.cache
def _name_leads() -> frozenset[str]:
    return frozenset(_data.lines("reference-name-leads.txt"))


@functools.cache
def _own_stations() -> frozenset[str]:
    """Words that cite a telegram of the citing cable's own post (``EMBTEL 1234``)."""
    return frozenset(_data.lines("reference-own-stations.txt"))


def _any_word(words: list[str]) -> re.Pattern[str]:
    """A pattern that matches where any of the patterns of :func:`_word` would match."""
    return re.compile(rf"(?<![A-Z])(?:{'|'.join(map(re.escape, words))})(?![A-Z])")


def _word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Z]){re.escape(word)}(?![A-Z])")


@functools.cache
def _kind_words() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    table = _data.mapping("reference-kinds.csv")
    return tuple((word, _word(word), kind) for word, kind in table.items())


@functools.cache
def _any_kind_word() -> re.Pattern[str]:
    return _any_word(list(_data.mapping("reference-kinds.csv")))


@functools.cache
def _caption_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_word(word), word) for word in _data.lines("reference-captions.txt"))


@functools.cache
def _any_caption() -> re.Pattern[str]:
    return _any_word(list(_data.lines("reference-captions.txt")))


#: Letters that OCR reads for digits, in upper case: ``l`` is ``L`` here.
_OCR_UPPER = frozenset("OIL")


@functools.lru_cache(maxsize=8192)
def _station(written: str) -> tuple[str | None, int, bool]:
    """``(station, skip, ocr)`` of a citation's station part as written (``ABU DHABI``).

    ``station``: what the last words name (``""`` for a word that cites the citing
    cable's own, ``EMBTEL``), ``None`` if none does; ``skip``: how many characters
    come before those words (0: they are all the words, so a year before them is the
    citation's; -1: the last word is a name, as after ``CODEL``, so the number is no
    citation); ``ocr``: whether the last word is made of letters that OCR reads for
    digits alone (``ASTANA L286``).  Read once per text: the stations recur.
    """
    words = written.split()
    ocr = _OCR_UPPER.issuperset(words[-1])
    if len(words) > 1 and words[-2] in _name_leads():
        return None, -1, ocr  # a delegation's leader: CODEL SMITH 1234
    found = _station_of(words)
    if found is None:
        return None, 0, ocr
    k, station = found
    # (the pattern puts one white space character between the words)
    skip = len(" ".join(words[: len(words) - k])) + 1 if k < len(words) else 0
    return station, skip, ocr


def _station_of(words: list[str]) -> tuple[int, str] | None:
    """How many of the last words name a station, and the station; ``None`` if none does.

    The station is ``""`` for a word that cites the citing cable's own (``EMBTEL``).
    """
    known = _known_stations()
    for k in range(min(len(words), _MAX_STATION_WORDS), 0, -1):
        name = _NOT_LETTERS.sub("", "".join(words[-k:]))
        if name in known:
            return k, normalize_station(name)
    last = words[-1]
    if last in _own_stations():
        return 1, ""  # the citing cable's station: _cable_id knows it
    if last in _not_stations() or len(_NOT_LETTERS.sub("", last)) < len("ROME") or "XX" in last:
        # no post's name is shorter than ROME, LIMA or OSLO (DOD 1234, OSD 12, JCS 5 are
        # no cables); "XX": a redacted word (XXXXXXXXXXXX 456)
        return None
    return 1, normalize_station(last)


def _citations(text: str) -> tuple[list[tuple[int, str | None, str, list[int]]], bool]:
    """``(start, year, station, serials)`` of every cable cited in the upper-cased ``text``.

    A citation written without a year takes the year of a date written right after it
    (``STATE 42635 DATED MARCH 7, 1973``).  The flag tells whether a number may be
    damaged by OCR: a serial that an O, I or L goes on (``KABUL 1O2``), or a "station"
    of those letters alone before a number (``ASTANA L286``: L and 286).
    """
    out: list[tuple[int, str | None, str, list[int]]] = []
    damaged = False
    pos = 0
    while True:
        m = _CITATION.search(text, pos)
        if m is None:
            return out, damaged
        station, skip, ocr = _station(m.group("station"))
        end = m.end()
        if ocr or text[end : end + 1] in _OCR_UPPER:
            damaged = True
        if station is None:
            if skip < 0:  # a name and its number: CODEL SMITH 1234
                pos = end
                continue
            # retry from the next word: "AND 08 ALGIERS 0075"
            nxt = text.find(" ", m.start("station"))
            pos = end if nxt == -1 or nxt >= m.start("serial") else nxt + 1
            continue
        if end - m.start("serial") <= _DAY_DIGITS and _MONTH_AFTER.match(text, end):
            pos = end  # a day and month: "MOSCOW 18 AUG 2008"
            continue
        start = m.start("station") + skip if skip else m.start()
        serials = [int(m.group("serial"))]
        pos = end
        # a list of serials of the same station: "SAIGON 4862, 4896, 4956"
        while (more := _MORE_SERIALS.match(text, pos)) is not None:
            serials.append(int(more.group(1)))
            pos = more.end()
        year = None if skip else m.group("year")
        if (
            year is not None
            and len(year) == _DAY_DIGITS
            and _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            year = None  # a day: "NOVEMBER 08 KABUL 4567"
        if year is None:
            year = _year_after(text, pos)
        out.append((start, year, station, serials))


def _year_after(text: str, pos: int) -> str | None:
    """The year of a date written at ``pos`` (right after a citation), if there is one."""
    if len(text) - pos < len(" 1/1/01"):  # the usual case: the citation ends the text
        return None
    date = _DATE_AFTER.match(text, pos)
    if date is None:
        return None
    return date.group("dtg") or date.group("mdy") or date.group("dmy") or date.group("num")


def _cable_id(
    year: str | None, station: str, serial: int, own: tuple[int, str, int] | None
) -> str | None:
    """The canonical id of a citation; an unwritten year is the citing cable's year.

    A citation of the citing cable's own station with a serial above its own,
    and no year written, is of the year before.  ``EMBTEL 1234`` (station ``""``) cites
    the own station.
    """
    if not station:
        if own is None or not own[1]:
            return None
        station = own[1]
    if year is not None:
        yy = int(year[-2:])
    elif own is not None:
        yy = own[0]
        if station == own[1] and serial > own[2]:
            yy = (yy - 1) % 100
    else:
        return None
    cable_id = f"{yy:02d}{station}{serial}"
    if _canonical_station(station) and cable_id not in _data.mapping("malformed-ids.csv"):
        return cable_id  # canonical_id would give it back unchanged
    return canonical_id(cable_id)


@functools.lru_cache(maxsize=4096)
def _canonical_station(station: str) -> bool:
    """Whether ids of this station are canonical as written (year, station, serial).

    :func:`canonical_id` changes such an id only through its station, or through the
    table of malformed ids, which the caller checks, so one id of the station tells.
    """
    probe = f"00{station}1"
    return canonical_id(probe) == probe


def _kind(text: str) -> str:
    if _any_kind_word().search(text) is None:  # the usual case: no pattern matches
        return "other"
    for word, pattern, kind in _kind_words():
        # the word as a substring first: a search per word of the table is slow
        if word in text and pattern.search(text):
            return kind
    return "other"


def _captions(text: str) -> list[str]:
    if _any_caption().search(text) is None:  # the usual case: no pattern matches
        return []
    found = [
        (m.start(), word)
        for pattern, word in _caption_patterns()
        if word in text and (m := pattern.search(text))
    ]
    return [word for _, word in sorted(found)]


def _sub_items(letter: str | None, text: str) -> list[tuple[str | None, str]]:
    """Split an item where a later letter starts a further item (two-column lists)."""
    if "." not in text and ")" not in text and ":" not in text:
        return [(letter, text)]  # the usual case: no mark (each ends in one of these)
    m = _LEAD_MARK.match(text)
    if m and (letter is None or m.group(1) == letter):
        text = text[m.end() :]
        if letter is None and m.group(1) == "A":  # "A: KABUL 65 B: KABUL 71"
            letter = "A"
    out: list[tuple[str | None, str]] = []
    current, start = letter, 0
    for mark in _SUB_MARK.finditer(text):
        found = (mark.group(1) or mark.group(2)).upper()
        if mark.start() == 0 or current is None or found <= current:
            continue
        out.append((current, text[start : mark.start()]))
        current, start = found, mark.end()
    out.append((current, text[start:]))
    return out


_OWN_ID = re.compile(r"(\d{2})([A-Z]+)(\d+)")


def _own(cable: Cable) -> tuple[int, str, int] | None:
    """The citing cable's two-digit year (of its date, else its id), station and serial."""
    rid = cable.reference_id
    m = _OWN_ID.fullmatch(canonical_id(rid)) if rid else None
    moment = dtg(cable)[1]  # Cable.created, shared with the extractor "created"
    if moment is None:
        page = cable.page
        moment = page.created if page is not None else None
    if moment is not None:
        year = moment.year % 100
    elif m is not None:
        year = int(m.group(1))
    else:
        return None
    return (year, m.group(2), int(m.group(3))) if m else (year, "", 0)


def references(cable: Cable) -> Found:
    """Every reference of the REF blocks, one dict per cited document."""
    items, types, present = item_types(cable)
    found = (
        [(i, cast("RefLine", items[i]).value) for i, kind in enumerate(types) if kind is RefLine]
        if RefLine in present
        else []
    )
    if present.isdisjoint(_UNLABELLED_KINDS) and SubjectLine not in present:
        if not found:
            return Found([], ())
    else:
        more = _unlabelled(items, types, present)
        if more:
            found = sorted(found + more, key=lambda pair: pair[0])
        elif not found:
            return Found([], ())
    blocks: list[tuple[Line, tuple[Reference, ...]]] = [
        (cast("Line", items[i]), _items(value)) for i, value in found
    ]
    blocks.extend(_continued(items, types, found[-1][0], blocks[-1][1]))
    own = _own(cable)
    own_id = canonical_id(f"{own[0]:02d}{own[1]}{own[2]}") if own and own[1] else None
    out: list[dict[str, Any]] = []
    for _, refs in blocks:
        start, shared_caption = len(out), False
        for ref in refs:
            text = ref.text
            out.extend(_read_item(ref.letter, text, own, own_id))
            if "BOTH" in text or "ALL " in text or "Both" in text or "All " in text:
                shared_caption = True
        if shared_caption:  # rare: "(BOTH NOTAL)"
            _share_captions(out, start)
    return Found(out, tuple(line for line, _ in blocks))


def _items(value: str) -> tuple[Reference, ...]:
    """The items of a REF block's text, as :attr:`RefLine.references` reads them."""
    items = lettered_references(value)
    if items is None:
        return (Reference(None, value),) if value else ()
    return items


#: A REF label that the grammar does not read as one, at the start of a line: without
#: its colon (``REF STATE 123``, ``REFTEL STATE 123``) or spelt out (``REFERENCE:``).
_REF_LABEL = re.compile(
    rf"[ \t]*{REF_WORDS}"
    r"(?:[ \t]*:|[ \t]+(?=\S))[ \t]*"
)
#: Where the text after a label without its colon must start: a citation (a station
#: and a serial), maybe after an item's letter (``REF A. STATE 123 B. BAKU 45``).
_LETTER = re.compile(r"(?:\([A-Za-z]\)|[A-Za-z][.)])[ \t]*")
_LETTER_ROW = re.compile(r"[ \t]*(?:\([A-Za-z]\)|[A-Za-z][.)])[ \t]")
#: Running text: a sentence's end (after a word, not an item's letter) and another one.
_SENTENCES = re.compile(r"[A-Z]{3}[.!?]\s+[A-Z]{2}")
#: The items the grammar reads such a line as: a line of text, or (with FOR in it) a
#: passing line; the SUBJECT line when no blank line stands between.
_UNLABELLED_KINDS = frozenset((TextLine, PassingLine))


def _unlabelled(
    items: tuple[Item, ...], types: tuple[type, ...], present: frozenset[type]
) -> list[tuple[int, str]]:
    """``(index, text)`` of the REF blocks of the preamble that have no REF line.

    Only above the first paragraph, below the SUBJECT line (the whole preamble if there
    is none): a line that starts with a REF label the grammar did not read (``REF STATE
    123``, ``REFERENCES: A) ...``), also as a row of the SUBJECT line above it.  A label
    without its colon must be followed by a citation of a known post (``REFTEL REPORTED
    THAT ...`` is text), and a line in mixed case is running text.
    """
    end = types.index(Paragraph) if Paragraph in present else len(types)
    start = types.index(SubjectLine) if SubjectLine in present else -1
    if start > end:  # (only below the first paragraph)
        start = -1
    out: list[tuple[int, str]] = []
    if start >= 0:
        content = cast("SubjectLine", items[start]).content
        at = content.find("\nR")
        while at != -1:
            rows = content[at + 1 :].split("\n")
            # the REF row, and the rows under it that go on with its lettered items
            k = 1
            while k < len(rows) and _LETTER_ROW.match(rows[k]):
                k += 1
            value = _unlabelled_value("\n".join(rows[:k]))
            if value is not None:
                out.append((start, value))
                break
            at = content.find("\nR", at + 1)
    for i in range(start + 1, end):
        if types[i] in _UNLABELLED_KINDS:
            line = cast("Line", items[i])
            # (the raw text starts as the content does, which is read only then)
            if line.raw.lstrip()[:2] in ("RE", "Re"):
                value = _unlabelled_value(line.content)
                if value is not None:
                    out.append((i, value))
    return out


def _unlabelled_value(content: str) -> str | None:
    """The text after a REF label the grammar did not read as one, or ``None``."""
    m = _REF_LABEL.match(content)
    if m is None:
        return None
    value = content[m.end() :]
    if ":" not in m.group():
        rest = value.upper()
        mark = _LETTER.match(rest)
        cite = _CITATION.match(rest, mark.end() if mark else 0)
        if cite is None or _mixed_case(value) or _SENTENCES.search(rest):
            return None
        words = tuple(cite.group("station").split())
        name = _NOT_LETTERS.sub("", "".join(words))
        if name not in _known_stations() and words[-1] not in _own_stations():
            return None
    return " ".join(value.split())


def _mixed_case(text: str) -> bool:
    """Whether ``text`` is written in mixed case: more small letters than capitals."""
    lower, upper = letter_cases(text)
    return lower > upper


#: Items of a page break, which a REF block may go on after.
_PAGE_ITEMS = frozenset((PageMarkerLine, PageBreakLine, ClassLine))


def _continued(
    items: tuple[Item, ...], types: tuple[type, ...], at: int, refs: tuple[Reference, ...]
) -> list[tuple[Line, tuple[Reference, ...]]]:
    """Lettered items that go on after a blank line or a page break under the last REF line.

    ``Ref: a. 05 state 201650`` / blank / ``B. 05 berlin 3726`` / ``c. 05 state 211408``
    (08STATE15220): text lines right after it whose letters go on from its last letter.
    A page marker (``KABUL 00000140  002 OF 003``), a telegram page header and the
    classification line repeated at a page's top may stand between.
    """
    out: list[tuple[Line, tuple[Reference, ...]]] = []
    last = refs[-1].letter if refs else None
    i = at + 1
    size = len(items)
    while last is not None and last != "Z" and i < size:
        kind = types[i]
        if kind in _PAGE_ITEMS:
            i += 1
            continue
        if kind is not TextLine:
            break
        line = cast("TextLine", items[i])
        more = lettered_references(" ".join(line.content.split()), chr(ord(last) + 1))
        if not more:
            break
        out.append((line, more))
        last = more[-1].letter
        i += 1
    return out


#: A caption said of several references: ``STATE 5678 AND BAGHDAD 123 (BOTH NOTAL)``.
_SHARED_CAPTION = re.compile(r"\b(BOTH|ALL)\s+(?:ARE\s+)?(?=[A-Z])")


def _share_captions(out: list[dict[str, Any]], start: int) -> None:
    """Give a caption said of both (all) references of a REF line to the one (all) before."""
    for i in range(start + 1, len(out)):
        ref = out[i]
        if not ref["captions"]:  # the usual case
            continue
        m = _SHARED_CAPTION.search(ref["text"].upper())
        if m is None:
            continue
        shared_captions = _captions(ref["text"].upper()[m.end() :])
        if not shared_captions:
            continue
        first = i - 1 if m.group(1) == "BOTH" else start
        for other in out[first:i]:
            if other["text"] == ref["text"]:
                continue  # the same item (STATE 123 AND 456 (BOTH NOTAL))
            other["captions"] = other["captions"] + [
                c for c in shared_captions if c not in other["captions"]
            ]


def _read_item(
    letter: str | None, text: str, own: tuple[int, str, int] | None, own_id: str | None
) -> list[dict[str, Any]]:
    # the patterns only where they can match (both are slow to find nothing)
    if "<" in text or _EIGHT_DIGITS.search(text) is not None:
        text = _PAGE_MARKER.sub(" ", text)
    if (
        "1." in text
        or "SUMMARY" in text
        or "LASSIFIED" in text  # also the SBU banner's UNCLASSIFIED
        or "lassified" in text
        or "NTERNET" in text
        or "nternet" in text
    ):
        run_on = _RUN_ON.search(text)
        if run_on is not None and run_on.start() > 0:
            text = text[: run_on.start()]
    out: list[dict[str, Any]] = []
    for sub_letter, sub_text in _sub_items(letter, text):
        for piece in sub_text.split(";"):
            out.extend(_read_piece(sub_letter, piece, own, own_id))
    return out


def _read_piece(
    letter: str | None, text: str, own: tuple[int, str, int] | None, own_id: str | None
) -> list[dict[str, Any]]:
    upper = text.upper()
    cited, damaged = _citations(upper)
    if damaged:
        # Numbers that OCR damaged (``ASTANA l286``, ``KABUL 1O2``): read again with the
        # O, o, I and l of the numbers read as digits, which the upper-casing above
        # could not tell from an L (same length: the bounds hold in the text as written).
        read = _ocr_numbers(text)
        if read != text:
            upper = read.upper()
            cited = _citations(upper)[0]
    out: list[dict[str, Any]] = []
    if not cited:
        clean = " ".join(text.split()).strip(_SEPARATORS)
        if clean and clean.upper() not in _CONJUNCTIONS and clean.upper() not in _NOTHING:
            out.append(_reference(letter, clean, None, _kind(upper), _captions(upper)))
        return out
    for piece, (_, year, station, serials) in zip(_cited_texts(text, cited), cited, strict=True):
        clean = " ".join(piece.split()).strip(_SEPARATORS)
        if clean.endswith(("AND", "and")):
            clean = _TRAILING_AND.sub("", clean)
        if clean.endswith(("(", ")")):  # "STATE 12345 (TOSEC 230)": a citation in brackets
            if clean[-1] == "(":
                clean = clean.rstrip(" (")
            elif "(" not in clean:
                clean = clean[:-1].rstrip()
        captions = _captions(piece.upper())
        for serial in serials:
            cable_id = _cable_id(year, station, serial, own)
            if cable_id is not None and cable_id == own_id:
                continue
            out.append(_reference(letter, clean, cable_id, "cable", captions))
    return out


def _cited_texts(text: str, cited: list[tuple[int, str | None, str, list[int]]]) -> list[str]:
    """The text of each citation of a piece: from its start to the next one's start."""
    if len(cited) == 1:  # the usual case
        return [text]
    bounds = [0, *(cite[0] for cite in cited[1:]), len(text)]
    return [text[bounds[i] : bounds[i + 1]] for i in range(len(cited))]


def _reference(
    letter: str | None, text: str, cable_id: str | None, kind: str, captions: list[str]
) -> dict[str, Any]:
    return {
        "letter": letter,
        "text": text,
        "cable_id": cable_id,
        "kind": kind,
        "captions": captions,
    }


def cited_cables(cable: Cable) -> list[str]:
    """The canonical ids of the cables the REF blocks cite, in order, each once."""
    out: list[str] = []
    for ref in references(cable).value:
        cid = ref["cable_id"]
        if cid and cid not in out:
            out.append(cid)
    return out


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register the ``references`` field (and read its tables, once, now)."""
    for table in (
        _known_stations,
        _not_stations,
        _name_leads,
        _own_stations,
        _kind_words,
        _any_kind_word,
        _caption_patterns,
        _any_caption,
    ):
        table()
    register("references", references)

"""Built-in extractors of a cable's classification, captions, classifier and declassification.

Fields and the shapes of their values:

* ``classification``: the level only, ``UNCLASSIFIED``, ``LIMITED OFFICIAL USE``,
  ``CONFIDENTIAL``, ``SECRET`` or ``TOP SECRET`` (from the banner, else a
  classification line, else the header's security line), or ``None``.
* ``classification_markings``: the control markings written after the level on the
  banner or a classification line (``SECRET//FGI//NOFORN//MR`` gives
  ``["FGI", "NOFORN", "MR"]``), in order, each once; ``[]`` when there are none.
* ``captions``: the dissemination and handling captions (``SIPDIS``, ``NOFORN``,
  ``EXDIS``, ``EFTO`` ...) of the caption lines, of the banner (``UNCLAS E F T O``) and
  run onto the E.O. line (``E.O. 12958: DECL: 01/01/2019 SIPDIS``), normalized through
  ``captions.csv``, in order, each once.
* ``classified_by``: one ``{"name", "title", "reasons"}`` per distinct Classified By
  line: ``Ambassador Ivo H. Daalder, reasons 1.4 (b/d)`` gives name ``Ivo H. Daalder``,
  title ``Ambassador``, reasons ``["1.4(b)", "1.4(d)"]``.  ``name`` or ``title`` is
  ``None`` when the line does not give it (``Derived from Multiple Sources`` has
  neither); reasons without a section number (``reasons b, d``) are read as 1.4.
  Title words are those of ``classifier-titles.txt``, also run together (``PolChief``)
  or, when eight letters or more, with one letter wrong (``Ambasador``, ``d'Affairs``).
  Where a cable has no Classified By line, the classifier an E.O. 12065 line names
  (1978-1982) is read: ``E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P`` gives name
  ``JOHN A. SMITH`` (given names first, as Classified By lines give names, spelled as
  written; ``(TAYLOR, CARL, JR.)`` gives ``CARL TAYLOR, JR.``), title ``None`` and
  reasons ``[]``.  The ``OR-P`` after the bracket is a code of the classifying office
  (original classification authority, P for the political section), not a person's
  title, so it is not given as one (a title written in the bracket after the given
  names is).  The numbers of ``RDS-1,3`` and ``XDS-1`` are not reasons either: they
  name the grounds for keeping the text classified beyond the six years of the
  general schedule, not the categories of classification that ``reasons`` gives
  (``1.4(b)``), and no table maps one onto the other.  OCR damage is allowed
  (``12O65``, ``0R-P``, ``(SMITH. JOHN A.)``, a lost closing bracket).
* ``declassify_on``: the declassification date of the E.O. line as ISO 8601
  (``2019-09-10``), or ``None``: for ``N/A``, ``OADR``, ``MR``, ``GDS`` without a
  date, redacted dates, a downgrade instruction alone (``DNG: CO 01/26/2021`` says
  when to downgrade, not to declassify) and a record of a past declassification
  (``DECLASSIFIED BY NARA 09/02/2009``).  Of the schedules of E.O. 12065 (1978-1982),
  the date of ``GDS 8/12/85`` (general declassification schedule), ``ADS 1/1/84``
  (automatic declassification on a date) and ``XDS-1 2/1/99`` (declassification
  extended beyond six years, to that date) is the declassification date; that of
  ``RDS-1,3 12/31/98`` (review for declassification) is the date the text is to be
  reviewed, which may keep it classified, so ``RDS`` gives ``None``, as a downgrade
  date does.  Two-digit years run 1966-2065.  Besides what
  :func:`~cablelib.model.parse_date` reads, ``2019-01-15``, ``01-15-2019``,
  ``01.15.2019``, ``15 JAN 2019``, ``15JAN19``, ``20190115`` and OCR damage
  (``0l/15/2019``, ``01//15/2019``) are read.  Where the E.O. line gives no date, a
  ``Declassify on:`` line under the Classified By line gives it.
"""

from __future__ import annotations

import functools
import itertools
import re
from datetime import date
from typing import Any, cast

from cablelib.extraction import Found, shared
from cablelib.extractors._data import lines, mapping
from cablelib.extractors._text import item_types
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    BannerLine,
    Cable,
    CaptionLine,
    ClassifiedByLine,
    ClassLine,
    EoLine,
    Line,
    Paragraph,
    SubjectLine,
    TagsLine,
    TextLine,
    parse_date,
)

__all__ = [
    "cablelib_register_extractors",
    "captions",
    "classification",
    "classification_markings",
    "classified_by",
    "classifier_name",
    "declassify_on",
    "eo_classifier",
    "parse_classifier",
    "parse_reasons",
]

_WS = re.compile(r"\s+")

# -- classification ---------------------------------------------------------------------

#: The level word at the start of a banner or classification line, spaced or not.
_LEVEL = re.compile(
    r"\s*(?:(?:TOP ?|T ?O ?P ?)?S?S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"
    r"|U ?N ?C ?L ?A ?S(?:SIFIED| S I F I E D)?|LIMITED OFFICIAL USE)",
    re.IGNORECASE,
)
_SECTION = re.compile(r"\bSECTION\s+\d", re.IGNORECASE)
#: ``//NOFORN``, ``//REL SAU``, ``//REL TO USA, AUS``, ``//FOR OFFICIAL USE ONLY``, a
#: spaced ``// N O F O R N``: one control marking.
_MARKING = re.compile(
    r"//\s*(REL(?:\s+TO)?(?:[ ,]+[A-Z]{2,4}\b)+|FOR OFFICIAL USE ONLY"
    r"|(?:[A-Z] ){2,}[A-Z](?![A-Z])|[A-Z0-9][A-Z0-9-]*)",
    re.I,
)
#: A marking written with a blank between its letters.
_SPACED = re.compile(r"(?:[A-Z] )+[A-Z]", re.I)


def _preamble(cable: Cable) -> tuple[Line, ...]:
    """The banner, classification and caption lines before the first paragraph (shared)."""
    return shared(cable, "classification:preamble", _read_preamble)


_SKIP, _KEEP, _STOP, _EARLY, _EARLY_EO, _SUBJECT = range(6)
#: What the preamble scan does with an item of each class (filled as classes are met).
_PREAMBLE_KINDS: dict[type, int] = {}
#: The most E.O. and text lines kept for captions run onto them, before the subject.
_EARLY_LINES = 8


def _preamble_kind(cls: type) -> int:
    kind = _PREAMBLE_KINDS.get(cls)
    if kind is None:
        if issubclass(cls, Paragraph):
            kind = _STOP
        elif issubclass(cls, BannerLine | ClassLine | CaptionLine):
            kind = _KEEP
        elif issubclass(cls, EoLine):
            kind = _EARLY_EO  # captions run onto it: kept before the subject only
        elif issubclass(cls, TextLine):
            kind = _EARLY
        elif issubclass(cls, SubjectLine | TagsLine):
            kind = _SUBJECT
        else:
            kind = _SKIP
        _PREAMBLE_KINDS[cls] = kind
    return kind


def _may_hold_captions(line: Line) -> bool:
    """Whether a text line may hold captions: a cheap look at its first word.

    A short text line that starts with one (``SBU``, ``SIPDIS E.O. 12958: ...``).
    """
    raw = line.raw
    if len(raw) > _CAPTION_TEXT or not raw[:1].isupper():
        return False
    words = raw.split(None, 1)
    return bool(words) and _is_caption(words[0])


def _read_preamble(cable: Cable) -> tuple[Line, ...]:
    out: list[Any] = []  # lines: what _KEEP keeps
    early = _EARLY_LINES
    kinds = _PREAMBLE_KINDS
    for doc in cable.documents:
        for item in doc.items:
            kind = kinds.get(type(item))
            if kind is None:
                kind = _preamble_kind(type(item))
            if kind == _SKIP:
                continue
            if kind == _STOP:
                break
            if kind == _KEEP:
                out.append(item)
            elif kind == _EARLY_EO and early:
                early -= 1
                raw = cast("Line", item).raw.rstrip()
                # (most E.O. lines end with their date: skip them at once)
                if raw[-1:].isalpha() and _is_caption(raw.rsplit(None, 1)[-1]):
                    out.append(item)
            elif kind == _EARLY and early:
                early -= 1
                if _may_hold_captions(cast("Line", item)):
                    out.append(item)
            elif kind == _SUBJECT:
                early = 0
    return tuple(out)


def classification(cable: Cable) -> Found:
    """The classification level: banner, else classification line, else security line."""
    level = cable.classification
    if level is None:
        return Found(None)
    source: Line | None = None
    banner = _first_banner(cable)
    if banner is not None:
        source = banner
    else:
        source = next((line for line in _preamble(cable) if isinstance(line, ClassLine)), None)
    if source is None:
        header = cable.header
        source = header.security if header is not None else None
    return Found(level, (source,) if source is not None else ())


def _first_banner(cable: Cable) -> BannerLine | None:
    """The first banner before a paragraph; it comes early, and the scan stops there."""
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, BannerLine):
                return item
            if isinstance(item, Paragraph):
                break
    return None


@functools.lru_cache(maxsize=4096)
def _after_level(content: str) -> str | None:
    """What follows the level on a banner or classification line, up to ``SECTION``.

    ``None`` when the line does not start with a level.
    """
    m = _LEVEL.match(content)
    if m is None:
        return None
    rest = content[m.end() :]
    section = _SECTION.search(rest)
    return rest[: section.start()] if section else rest


def _marking(written: str) -> str:
    """A control marking as written, upper case, blanks folded (``N O F O R N``: none)."""
    if _SPACED.fullmatch(written):
        return written.replace(" ", "").upper()
    return _WS.sub(" ", written.strip(" ,")).upper()


#: The lines that start with a level (a tuple: quicker for isinstance than a union).
_LEVEL_LINES = (BannerLine, ClassLine)


def classification_markings(cable: Cable) -> Found:
    """Control markings after the level: ``SECRET//FGI//NOFORN`` gives ``["FGI", "NOFORN"]``."""
    out: list[str] = []
    used: list[Line] = []
    for line in _preamble(cable):
        if type(line) is CaptionLine or not isinstance(line, _LEVEL_LINES):
            continue
        rest = _after_level(line.content)
        if not rest or "//" not in rest:  # every marking starts with //
            continue
        if isinstance(line, BannerLine):  # SECRET//REL TO USA, GBR ROME 000123
            station = line.station
            at = rest.rfind(" " + station) if station else -1
            if at > 0:
                rest = rest[:at]
        found = [_marking(mk.group(1)) for mk in _MARKING.finditer(rest)]
        if found:
            used.append(line)
            out.extend(f for f in found if f not in out)
    return Found(out, tuple(used))


# -- captions -----------------------------------------------------------------------------


@functools.cache
def _caption_table() -> tuple[dict[str, str], re.Pattern[str]]:
    table = mapping("captions.csv")
    words = sorted((k for k, v in table.items() if v and k[0].isalpha()), key=len, reverse=True)
    # a caption may be followed by a run of slashes that fills the line: STADIS//////
    pattern = re.compile(
        r"(?<![\w/])(?:" + "|".join(map(re.escape, words)) + r")(?:(?![\w/])|(?=///))"
    )
    return table, pattern


def _normal_caption(word: str, table: dict[str, str]) -> str | None:
    word = _WS.sub(" ", word).strip(" .,;:").upper()
    if not word or not any(ch.isalpha() for ch in word):
        return None
    normal = table.get(word, word)
    return normal or None


@functools.lru_cache(maxsize=1024)
def _caption_line(raw: str) -> tuple[str, ...]:
    """The normalized captions of a caption line (they depend on its text alone; few recur)."""
    table, _ = _caption_table()
    found = (_normal_caption(w, table) for w in CaptionLine(raw).captions)
    return tuple(c for c in found if c is not None)


@functools.lru_cache(maxsize=4096)
def _banner_captions(rest: str) -> tuple[str, ...]:
    """The normalized captions written after a banner's level."""
    table, known = _caption_table()
    found = (_normal_caption(w.group(0), table) for w in known.finditer(rest.upper()))
    return tuple(c for c in found if c is not None)


#: The longest text line that is read for captions (a caption line, or one run into the
#: E.O. line, is short).
_CAPTION_TEXT = 120
#: What may stand between captions on a line of them.
_CAPTION_SEPARATORS = " \t\n,/;:-"


def _is_caption(word: str) -> bool:
    """Whether a word is a caption (a cheap gate before the line is read)."""
    return bool(_caption_table()[0].get(word.strip(",;:/-").upper()))


@functools.lru_cache(maxsize=1024)
def _text_captions(content: str) -> tuple[str, ...]:
    """The captions of a text line that holds nothing else, or nothing else before an E.O."""
    eo = _EO_INSIDE.search(content)
    head = content[: eo.start()] if eo is not None else content
    if not head or head.isspace():
        return ()
    _, known = _caption_table()
    if known.sub("", head.upper()).strip(_CAPTION_SEPARATORS):
        return ()  # other words: no line of captions
    return _banner_captions(head)


def captions(cable: Cable) -> Found:
    """Captions of the caption lines and the banner, normalized, in order, each once."""
    out: list[str] = []
    used: list[Line] = []
    for line in _preamble(cable):
        if isinstance(line, CaptionLine):
            kept = _caption_line(line.raw)
        elif isinstance(line, BannerLine):
            rest = _after_level(line.content)
            kept = _banner_captions(rest) if rest and not rest.isspace() else ()
            trailing = line.trailing_captions  # after the serial: "... 000243 SIPDIS NOFORN"
            if trailing and (not rest or trailing not in rest):
                kept += _banner_captions(trailing)
        elif isinstance(line, EoLine):  # E.O. 12958: DECL: 01/01/2019 SIPDIS
            kept = _banner_captions(line.content)
        elif isinstance(line, TextLine):  # SBU, SIPDIS E.O. 12958: ... (no caption line)
            kept = _text_captions(line.content)
        else:
            continue
        if kept:
            used.append(line)
            out.extend(c for c in kept if c not in out)
    return Found(out, tuple(used))


# -- classified by ------------------------------------------------------------------------

#: The first characters of a :data:`_LABEL` match after no white space.
_LABEL_STARTS = frozenset("(CcBb")
_LABEL = re.compile(r"\s*(?:\([A-Z]\)\s*)?(?:CLASSIFIED\s+BY\b|BY\b)\s*:?\s*", re.IGNORECASE)
#: Where the reasons begin: ``for reasons``, ``Reason:``, ``1.4``, ``(b) and (d)``.
_REASONS_AT = re.compile(
    # (the lookahead only skips, quickly, the characters no match can start at)
    r"(?=[,;.:\sfpuFPUrR1eE(])"
    r"(?:[,;.:]?\s*\b(?:for|per|under)\s+)?"
    r"(?:\b(?:R\s?E\s?A\s?S\s?O\s?N\s?S?|REASONS?)\b|\b1(?:\s?[.:/]\s?|,)[45](?!\d)"
    r"|\bE\.\s?O\.|\bEO\s?1\d{4}|\(\s?[a-h]\s?\)(?:\s*(?:,|/|and|&)\s*\(?\s?[a-h]\s?\))+)",
    re.IGNORECASE,
)
#: What :data:`_REASONS_AT` matches after its optional "for", "per" or "under".
_REASONS_CORE = re.compile(
    r"(?=[rR1eE(])"
    r"(?:\b(?:R\s?E\s?A\s?S\s?O\s?N\s?S?|REASONS?)\b|\b1(?:\s?[.:/]\s?|,)[45](?!\d)"
    r"|\bE\.\s?O\.|\bEO\s?1\d{4}|\(\s?[a-h]\s?\)(?:\s*(?:,|/|and|&)\s*\(?\s?[a-h]\s?\))+)",
    re.IGNORECASE,
)
#: More than the longest "for", "per" or "under" :data:`_REASONS_AT` reads in a folded text.
_REASONS_LEAD = 16
_TRAILING = re.compile(
    r"(?:[\s,;:.(\[-]+|\s+(?:for|per|under(?:\s+section)?|and)\b)+$", re.IGNORECASE
)
#: ``1.4``, ``1 .4``, ``1:4``, ``1,4`` and, before a bracketed letter, ``14 (b)``.
_SECTION_NUMBER = re.compile(r"\b1(?:\s?[.:/]\s?|,|(?=[45]\s?\(\s?[a-hA-H]\s?\)))([45])(?!\d)")
#: One reason letter; not the E of ``E.O. 12958`` after the letters.
_ONE_LETTER = r"[a-hA-H](?![A-Za-z]|\.\s?[A-Za-z]\.)"
#: A bracket around a letter, or the 9 and 0 of a bracket typed without the shift key.
_OPEN = r"(?:\(|9(?=[a-hA-H]\s*\)))"
_CLOSE = r"(?:\)|0(?!\d))"
#: A list of reason letters: ``(b) and (d)``, ``b/d``, ``(B,C,D)``, ``b & d``, ``b) and d)``,
#: ``.(b)`` (``1.4.(b)``), ``(b) + (d)``, ``b through d``, ``9b)`` and ``(d0``.
_LETTERS = re.compile(
    rf"\s*[,:.]?\s*(?:{_OPEN}\s*)?{_ONE_LETTER}\s*{_CLOSE}?"
    rf"(?:\s*(?:,|/|&|\+|-|\ba\s?n\s?d\b|\bor\b|\bthr(?:ough|u)\b)?\s*(?:and\s+|or\s+)?{_OPEN}?\s*{_ONE_LETTER}\s*{_CLOSE}?)*",
    re.IGNORECASE,
)
_LETTER = re.compile(r"(?<![A-Za-z])[a-hA-H](?![A-Za-z])")
_REASON_WORD = re.compile(r"\bR\s?E\s?A\s?S\s?O\s?N\s?S?\b\s*:?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2}")
_RANGE = re.compile(r"([a-hA-H])\s*\)?\s*(?:-|\bthr(?:ough|u)\b)\s*\(?\s*([a-hA-H])", re.IGNORECASE)
_REDACTED = re.compile(r"[Xx]{4,}")
_DERIVED = re.compile(r"derived\s+from\b", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?$|a\.\s?i\.?$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
#: Words that a hard wrap at the line's width may have split (``reaso`` / ``ns``).
_PARTS = re.compile(r"[/-]")
_CAMEL = re.compile(r"[A-Z][a-z]*")
#: ``and`` (also split, ``an d``: 05TELAVIV1580) and ``or`` between reason letters.
_AND_OR = re.compile(r"\b(?:a\s?n\s?d|or)\b", re.IGNORECASE)
#: The last words :data:`_TRAILING` can take off (``section`` of ``under section``).
_TRAILING_WORDS = frozenset(("for", "per", "under", "section", "and"))
_SEGMENT_SEPARATOR = re.compile(r"\s*[,;]\s*")
_SPLIT_WORDS = frozenset(("for", "reason", "reasons", "and", "affairs", "economic", "political"))
_WRAP_WIDTH = 66


def _join_wrapped(content: str) -> str:
    """Join a Classified By line's lines, mending words a hard wrap split in two."""
    parts = content.split("\n")
    text = parts[0].rstrip()
    for prev_raw, part in itertools.pairwise(parts):
        nxt = part.strip()
        if not nxt:
            continue
        prev = prev_raw.rstrip()
        glue = " "
        if len(prev) >= _WRAP_WIDTH and prev and prev[-1].isalnum() and nxt[0].isalnum():
            head = prev.split()[-1]
            tail = nxt.split()[0]
            joined = (head + tail).strip(".,;:").lower()
            split_word = joined in _SPLIT_WORDS or (
                nxt[0].islower()
                and head.lower() not in _SPLIT_WORDS
                and tail.strip(".,;:").lower() not in _SPLIT_WORDS
            )
            if split_word or prev[-1].isdigit():
                glue = ""
        elif prev.endswith(("1.", "(")) and nxt[0].isalnum():
            glue = ""
        text += glue + nxt
    return " ".join(text.split())  # white space folded


@functools.lru_cache(maxsize=1024)
def _letters(found: str) -> tuple[str, ...]:
    """The letters of a matched list, ranges (``b-d``) expanded, lower case (few lists recur)."""
    if "-" in found or "hr" in found or "HR" in found:
        found = _RANGE.sub(
            lambda m: " ".join(chr(c) for c in range(ord(m[1].lower()), ord(m[2].lower()) + 1)),
            found,
        )
    return tuple(c.lower() for c in _LETTER.findall(_AND_OR.sub(" ", found)))


def parse_reasons(text: str) -> list[str]:
    """The classification reasons of a text, normalized: ``["1.4(b)", "1.4(d)"]``.

    Reads ``1.4 (b) and (d)``, ``1.4(b/d)``, ``1.5 (B,D)``, ``1.4b,d``, ``1 .4 (b, d)``,
    ``1:4 b,d`` and, after the word *reason(s)*, letters without a section (taken as 1.4).
    """
    return _parse_reasons(text, 0)


@functools.lru_cache(maxsize=4096)
def _reasons_from(text: str, pos: int) -> tuple[str, ...]:
    return tuple(_parse_reasons(text, pos))


def _parse_reasons(text: str, pos: int) -> list[str]:
    """:func:`parse_reasons` of what starts at ``pos`` (the character before is read too)."""
    out: list[str] = []
    for m in _SECTION_NUMBER.finditer(text, pos):
        letters = _LETTERS.match(text, m.end())
        if letters is None:
            continue
        for letter in _letters(letters.group(0)):
            reason = f"1.{m.group(1)}({letter})"
            if reason not in out:
                out.append(reason)
    if not out:
        word = _REASON_WORD.search(text, pos)
        if word:
            letters = _LETTERS.match(text, word.end())
            if letters is not None:
                out = list(dict.fromkeys(f"1.4({c})" for c in _letters(letters.group(0))))
    return out


@functools.cache
def _title_words() -> frozenset[str]:
    words: set[str] = set()
    for phrase in lines("classifier-titles.txt"):
        for word in phrase.translate(_APOSTROPHES).lower().split():
            word = word.strip(",;:")  # noqa: PLW2901 - the bare word
            words.add(word)
            words.add(word.rstrip("."))
            words.update(p for p in _PARTS.split(word.rstrip(".")) if len(p) > 1)
    words.discard("for")
    words.discard("of")
    return frozenset(words)


@functools.lru_cache(maxsize=8192)
def _is_title_word(token: str) -> bool:
    words = _title_words()
    word = token.translate(_APOSTROPHES).lower().strip(",;:")
    bare = word.rstrip(".")
    if word in words or bare in words:
        return True
    if "/" not in bare and "-" not in bare:  # the only part is the bare word
        size = len(bare)
        if size < _RUN_TOGETHER_MIN:  # most words of names: no need to look further
            return False
        plain = token.strip(",;:").rstrip(".")
        if not plain[1:].islower() and _is_run_together(plain, words):
            return True
        return _is_misspelt(bare)
    parts = [p for p in _PARTS.split(bare) if len(p) > 1]
    return bool(parts) and any(p in words for p in parts)


#: Title words at least this long are still read with one letter wrong, missing, extra
#: or swapped (``Ambasador``, ``Counsleor``, ``d'Affairs``): shorter ones would take names.
_MISSPELT_MIN = 8
#: The shortest title words run together: two of two letters (``PolOff`` has more).
_RUN_TOGETHER_MIN = 4


@functools.cache
def _long_title_words() -> dict[tuple[str, int], tuple[str, ...]]:
    """The title words of :data:`_MISSPELT_MIN` letters or more, by first letter and length."""
    table: dict[tuple[str, int], list[str]] = {}
    for word in _title_words():
        if len(word) >= _MISSPELT_MIN and word.replace("'", "").isalpha():
            table.setdefault((word[0], len(word)), []).append(word)
    return {key: tuple(found) for key, found in table.items()}


def _is_misspelt(word: str) -> bool:
    """Whether a lower-case word is a long title word with one letter wrong, missing or swapped."""
    size = len(word)
    if size < _MISSPELT_MIN - 1:
        return False
    table = _long_title_words()
    first = word[0]
    for length in (size - 1, size, size + 1):
        for known in table.get((first, length), ()):
            if _one_edit(word, known):
                return True
    return False


def _one_edit(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` with one letter changed, added, dropped, or two swapped."""
    short, long_ = (word, known) if len(word) <= len(known) else (known, word)
    i = 0
    size = len(short)
    while i < size and short[i] == long_[i]:
        i += 1
    if len(short) < len(long_):
        return short[i:] == long_[i + 1 :]  # one letter added or dropped
    return (
        short[i + 1 :] == long_[i + 1 :]
        or (  # one letter changed, or two swapped
            i + 1 < size
            and short[i] == long_[i + 1]
            and short[i + 1] == long_[i]
            and short[i + 2 :] == long_[i + 2 :]
        )
    )


def _is_run_together(token: str, words: frozenset[str]) -> bool:
    """Whether a word is title words run together in camel case (``PolChief``, ``DepPolCouns``).

    Every capitalized part must be a title word, so ``McGee`` or ``LeBaron`` is none.
    """
    rest = token[1:]  # a capital in it, not all capitals
    if len(token) < _RUN_TOGETHER_MIN or rest.islower() or rest.isupper() or not token.isalpha():
        return False
    parts = _CAMEL.findall(token)
    return (
        len(parts) > 1
        and "".join(parts) == token
        and all(len(p) > 1 and p.lower() in words for p in parts)
    )


def _redacted(text: str) -> bool:
    """Whether the text is ``XXXXX``, spaces aside."""
    text = text.replace(" ", "")
    return text[:1] in ("X", "x") and _REDACTED.fullmatch(text) is not None


def _segments(who: str) -> list[str]:
    """Comma/semicolon segments, with ``Jr.`` and ``a.i.`` kept with what they follow."""
    if "," not in who and ";" not in who:
        return [who] if who else []
    out: list[str] = []
    for piece in _SEGMENT_SEPARATOR.split(who):
        if not piece:
            continue
        if out and _SUFFIX.fullmatch(piece):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return out


def _split_title(segment: str) -> tuple[str, str]:
    """``(title, name)``: the name is the run of non-title words at the end."""
    tokens = segment.split()
    last = len(tokens) - 1  # the last title word, looked for from the end
    while last >= 0 and not _is_title_word(tokens[last]):
        last -= 1
    if last < 0:
        return "", segment
    start = _name_run(tokens, last + 1)
    return " ".join(tokens[:start]), " ".join(tokens[start:])


#: The most words of a segment before the one that holds the name, in a title that
#: lists fields (``Environment, Science, Technology and Health Officer``).
_LISTED_WORDS = 3


def _is_field(segment: str) -> bool:
    """Whether a segment is a field of a listed title: ``Science``, ``Oceans and Environment``.

    One capitalized word, or capitalized words joined by ``and``: never a person's name
    (``Donna A. Phelan``), which is given names and a surname side by side.
    """
    words = segment.split()
    if len(words) == 1:
        return words[0][:1].isupper() and words[0].isalpha()
    return (
        len(words) == _LISTED_WORDS
        and words[1] in ("and", "&")
        and words[0].isalpha()
        and words[2].isalpha()
        and words[0][:1].isupper()
        and words[2][:1].isupper()
    )


def _listed_title(segments: list[str]) -> tuple[str, str] | None:
    """``(title, name)`` of a title that lists fields with commas, before the name.

    The first segments are fields (``Economic``, ``Environment``, ``Science``: see
    :func:`_is_field`); a later segment holds the title's end and the name
    (``Technology and Health Officer Jane Doe``).  ``None`` when the segments are not
    so (``Smith, Ambassador``: a name, then the title).
    """
    for i, segment in enumerate(segments[1:], 1):
        title, name = _split_title(segment)
        if title and name:
            return ", ".join([*segments[:i], title]), name
        if not _is_field(segment):
            return None
    return None


#: Lower-case words that join the words of a title (``Senior Advisor to the Ambassador
#: on Transition``), never a part of a name.
_TITLE_JOINS = frozenset(("on", "to", "the", "of", "for", "in", "at", "and"))


def _name_run(tokens: list[str], first: int) -> int:
    """Where the name starts among ``tokens[first:]``, the words after the last title word.

    A joining word among them (``on Transition David Pearce``) belongs to the title:
    the name is then the last two words, or three with an initial between them.
    """
    joins = [i for i in range(first, len(tokens)) if tokens[i] in _TITLE_JOINS]
    if not joins:
        return first
    after = joins[-1] + 1
    size = len(tokens) - after
    middle = tokens[-2] if size > 2 else ""  # noqa: PLR2004 - given name, initial, surname
    keep = 3 if len(middle.rstrip(".")) == 1 else 2
    return max(after + 1, len(tokens) - keep) if size > 1 else after


def _trim(text: str) -> str:
    """A folded text without what :data:`_TRAILING` matches; the regex runs only if needed.

    Its match is the stops, commas ... at the end and, before them, the words it takes
    off: where the last word left is none of these, the match is the stops alone.
    """
    kept = text.rstrip(" ,;:.([-")
    word = kept[kept.rfind(" ") + 1 :]
    if word.isascii() and word.lower() not in _TRAILING_WORDS:
        return kept
    return _TRAILING.sub("", text)


@functools.lru_cache(maxsize=4096)
def _clean(text: str) -> str | None:
    """The name or title as given, or ``None``: the same titles recur."""
    text = _trim(text).strip(" ,;:.\"'([-") if text else ""
    if text.lower().endswith(("jr", "sr", "a.i")):
        text += "."
    if not (_WORD.search(text) or _is_title_word(text)) or _redacted(text):  # A/S, U/S
        return None
    return text


def parse_classifier(value: str) -> dict[str, Any]:
    """Parse the text after ``Classified By:`` into ``{"name", "title", "reasons"}``.

    The title is what precedes the name (``Ambassador``, ``PolCouns``, ``Charge
    d'Affaires, a.i.``) or, in ``Richard Olson, Ambassador; REASON: ...``, what follows
    it after a comma.
    """
    name, title, reasons = _parse_classifier(_WS.sub(" ", value).strip())
    return {"name": name, "title": title, "reasons": list(reasons)}


_Classifier = tuple[str | None, str | None, tuple[str, ...]]


def _parse_classifier(value: str) -> _Classifier:
    """:func:`parse_classifier` of a folded text, as ``(name, title, reasons)``."""
    value = value.removesuffix("...").removesuffix("\u2026")
    if "ECLASSIFY" in value or "eclassify" in value:  # a Declassify on line below
        on = _DECLASSIFY_ON.search(value)
        if on is not None:
            value = value[: on.start()].rstrip()
    # "Classified By: Classified by Ambassador ...", "By Ambassador ..."
    while value[:1] in _LABEL_STARTS:  # (a folded text: no white space first)
        m = _LABEL.match(value)
        if m is None or m.end() == 0:
            break
        value = value[m.end() :]
    # Every match of a section number or of "reason" is one of _REASONS_AT too: the
    # reasons are read from where it matches first (its text and the character before,
    # for \b; the same text recurs from cable to cable).
    core = _REASONS_CORE.search(value)  # the quick search: it has no optional lead
    at = _REASONS_AT.search(value, max(0, core.start() - _REASONS_LEAD)) if core else None
    reasons: tuple[str, ...] = ()
    if at:
        start = at.start()
        reasons = _reasons_from(value[start - 1 :], 1) if start else _reasons_from(value, 0)
    who = value[: at.start()] if at else value
    return (*_who(who), reasons)


def classifier_name(content: str) -> str | None:
    """The name of the person of a Classified By line's content (as ``classified_by`` reads it)."""
    return _classifier(content)[0]


@functools.lru_cache(maxsize=4096)
def _who(who: str) -> tuple[str | None, str | None]:
    """``(name, title)`` of the text before the reasons."""
    who = _trim(who).strip(" \"'")
    if not who or (who[0] in "dD" and _DERIVED.match(who)) or _redacted(who):
        return None, None
    segments = _segments(who)
    if len(segments) > 1 and _is_field(segments[0]):
        listed = _listed_title(segments)
        if listed is not None:
            # "Environment, Science, Technology and Health Officer Jane Doe": a title
            # that lists fields, with commas
            return _clean(listed[1]), _clean(listed[0])
    title, name = _split_title(segments[0])
    rest = segments[1:]
    if title and not name and rest:
        # "Charge d'Affaires, a.i., John Smith", "Deputy Chief of Mission, Kevin M Johnson",
        # "Director, Office of Regional Affairs, John Doe": the title runs on to the name
        for segment in rest:
            more_title, name = _split_title(segment)
            if more_title:
                title = f"{title}, {more_title}"
            if name:
                break
    elif not title and name and rest:
        # "Richard Olson, Ambassador, State Department": the title follows the name
        next_title, next_name = _split_title(rest[0])
        title = next_title if next_title and not next_name else rest[0]
    return _clean(name), _clean(title)


@functools.lru_cache(maxsize=4096)
def _classifier(content: str) -> _Classifier:
    """The parsed Classified By line of a line's content; the same lines recur."""
    return _parse_classifier(_join_wrapped(content))  # folded


def classified_by(cable: Cable) -> Found:
    """The Classified By lines, parsed: a list of ``{"name", "title", "reasons"}``.

    Where there is none, the classifier an E.O. 12065 line names (see the module
    docstring).
    """
    out: list[dict[str, Any]] = []
    used: list[Line] = []
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, ClassifiedByLine):
                used.append(item)
                name, title, reasons = _classifier(item.content)
                parsed = {"name": name, "title": title, "reasons": list(reasons)}
                if parsed not in out:
                    out.append(parsed)
    if not out:  # run on at the end of a REF line, or the first paragraph
        found = cable.classified_by_line()
        if found is not None:
            name, title, reasons = _classifier(found[0].content)
            out.append({"name": name, "title": title, "reasons": list(reasons)})
            used.append(found[1])
    if not out:  # E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P
        eo = eo_classifier(cable)
        if eo is not None:
            written, line = eo
            name, title = _eo_person(written)
            if name is not None:
                out.append({"name": name, "title": title, "reasons": []})
                used.append(line)
    return Found(out, tuple(used))


# -- the classifier of an E.O. 12065 line ---------------------------------------------

#: The classifier in brackets after an E.O. 12065 schedule and date, and the office code
#: that may follow: ``(SMITH, JOHN A.) OR-P``; OCR may give another bracket, a zero for
#: the O (``0R-P``) or lose the closing bracket before the code.
_EO_PERSON = re.compile(
    r"[(\[{]\s*([A-Za-z][A-Za-z .,'\u2019-]*?)\s*"
    r"(?:[)\]}]\s*(?:[O0]R\s?-\s?[A-Z]{1,2}\b)?|(?=[O0]R\s?-\s?[A-Z]{1,2}\b))"
)
#: The order number 12065, OCR slips allowed (``12O65``, ``l2065``).
_ORDER_12065 = re.compile(r"[1lI]\s?2\s?[0O]\s?6\s?5")
#: The furthest the bracket starts from the E.O. label (``E.O. 12065: RDS-1,2,3 12/31/2009 (``):
#: a bracket further on is in the text a copy ran into the line.
_EO_PERSON_AT = 48
_OFFICE_CODE = re.compile(r"[)\]}]?\s*[O0]R\s?-\s?[A-Z]{1,2}\b")


def eo_classifier(cable: Cable) -> tuple[str, Line] | None:
    """The classifier an E.O. 12065 line names, as written in its brackets, and the line.

    ``E.O. 12065: GDS 12/31/88 (SMITH, JOHN A.) OR-P`` gives ``"SMITH, JOHN A."``;
    ``None`` where the E.O. line names no one (``E.O. 12958: DECL: ...``, ``N/A``).
    """
    line = _eo(cable)
    if line is None or ("(" not in line.content and "[" not in line.content):
        return None
    written = _eo_classifier(line.content)
    return (written, line) if written is not None else None


@functools.lru_cache(maxsize=1024)
def _eo_classifier(content: str) -> str | None:
    m = _EO_INSIDE.search(content)
    text = " ".join((content[m.start() :] if m else content).split())
    tags = text.find("TAGS")  # run together: ... OR-P TAGS PGOV
    if tags > 0:
        text = text[:tags]
    found = _EO_PERSON.search(text)
    if found is None or found.start() > _EO_PERSON_AT:
        return None
    written = found.group(1).strip(" ,'-")
    last = written[max(written.rfind(" "), written.rfind(",")) + 1 :]
    if written.endswith(".") and len(last.replace(".", "")) > 2:  # noqa: PLR2004
        written = written.rstrip(".")  # a stray stop; that of an initial stays: (JONES, R.)
    if not _WORD.search(written) or _redacted(written):
        return None
    if "," not in written:  # (SMITH. JOHN A.): OCR read the comma as a stop
        head, _, rest = written.partition(" ")
        if rest and head.endswith(".") and len(head) > 3:  # noqa: PLR2004 - no initial
            written = f"{head[:-1]}, {rest.strip()}"
    # the office code after the bracket, or the order 12065 before it and a name written
    # surname first, show a classifier
    if _OFFICE_CODE.match(text, found.end(1)) or (
        "," in written and _ORDER_12065.search(text, 0, found.start())
    ):
        return written
    return None


@functools.lru_cache(maxsize=1024)
def _eo_person(written: str) -> tuple[str | None, str | None]:
    """``(name, title)`` of the bracketed classifier: ``SMITH, JOHN A.`` gives ``JOHN A. SMITH``.

    Given names first, as a Classified By line gives a name; the spelling as written.
    A title after the given names (``HUMMEL, ARTHUR W., AMBASSADOR``) is the title.
    """
    parts = [p for p in (p.strip() for p in written.split(",")) if p]
    if not parts:
        return None, None
    surname, given = parts[0], parts[1:2]
    suffix = title = None
    for extra in parts[2:]:
        if _SUFFIX.fullmatch(extra):
            suffix = extra
        elif title is None and all(_is_title_word(w) for w in extra.split()):
            title = extra
    if given and _SUFFIX.fullmatch(given[0]):  # (TAYLOR, JR.)
        suffix, given = given[0], []
    name = " ".join([*given, surname])
    if suffix:
        name += ", " + suffix
    return name, title


# -- declassification ---------------------------------------------------------------------

#: ``E.O. 12958`` inside a line; ``E.0.`` (a zero for the O), ``EO 12958`` and the
#: ``E O 12065`` of a PlusD text run into one line too.
_EO_INSIDE = re.compile(r"\bE\.?\s?[O0]\.?\s*1\d{4}\b")
_EO_LABEL = re.compile(r"\s*(?:E\.?\s?[O0]\.?|EO)\s*:?\s*(?:1\d{4})?\s*:?\s*", re.IGNORECASE)
_DECLASSIFIED = re.compile(r"\bDECLASSIFIED\b", re.IGNORECASE)
_DOWNGRADE = re.compile(r"\bDNG\b|\bDOWNGRADE", re.IGNORECASE)
_DECL = re.compile(r"\bDECL\w*\s*(?:ON)?\s*:?", re.IGNORECASE)
#: The review schedule of E.O. 12065 (``RDS-1,3 12/31/98``), first after the label.
_REVIEW = re.compile(r"\W*R\s?D\s?S\b", re.IGNORECASE)
_TAGS_AT = re.compile(r"\bTAGS?\b", re.IGNORECASE)
#: A date alone, month first: parse_date reads it as such (its other forms cannot match).
_MM_DD_YYYY = re.compile(r"\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*")


def _eo(cable: Cable) -> Line | None:
    """The E.O. line (shared by ``declassify_on``, ``classified_by`` and ``persons``)."""
    return shared(cable, "classification:eo", _eo_line)


def _eo_line(cable: Cable) -> Line | None:
    # The grammar reads an E.O. line only among the documents' items (the preamble),
    # never inside a header or a paragraph: the first such item is the first such line.
    items, types, present = item_types(cable)
    if EoLine in present:
        return cast("EoLine", items[types.index(EoLine)])
    for doc in cable.documents:  # run together with another preamble line
        for item in doc.items:
            if isinstance(item, Paragraph):
                break
            if isinstance(item, Line) and _EO_INSIDE.search(item.content):
                return item
    return None


def declassify_date(text: str) -> str | None:
    """The declassification date an E.O. line's text gives, ISO 8601, or ``None``."""
    return _declassify_date(text)


@functools.lru_cache(maxsize=4096)
def _declassify_date(text: str) -> str | None:
    m = _EO_INSIDE.search(text)
    if m:
        text = text[m.start() :]
    label = _EO_LABEL.match(text)
    rest = text[label.end() :] if label else text
    # An ASCII text shows whether a case-insensitive word may be there: skip the search
    # where it cannot match (most lines have no TAGS, DECLASSIFIED or downgrade).
    low = rest.lower() if rest.isascii() else None
    tags = _TAGS_AT.search(rest) if low is None or "tag" in low else None
    if tags:
        rest = rest[: tags.start()]
        low = low[: tags.start()] if low is not None else None
    if (low is None or "declassified" in low) and _DECLASSIFIED.search(rest):
        return None
    decl = _DECL.search(rest) if low is None or "decl" in low else None
    if decl:
        rest = rest[decl.end() :]
        # a downgrade instruction after the date: DECL: OADR; DNG: CO 1/15/88
        if low is None or "dng" in low or "downgrade" in low:
            dng = _DOWNGRADE.search(rest)
            if dng:
                rest = rest[: dng.start()]
    elif (low is None or "dng" in low or "downgrade" in low) and _DOWNGRADE.search(rest):
        return None
    if (low is None or "rds" in low) and _REVIEW.match(rest):
        return None  # E.O. 12065: RDS-1,3 12/31/98: a date to review, not to declassify
    return _date(rest)


@functools.lru_cache(maxsize=4096)
def _date(text: str) -> str | None:
    """:func:`~cablelib.model.parse_date` in ISO 8601 (every date it reads has digits)."""
    m = _MM_DD_YYYY.fullmatch(text)
    if m:  # the usual "DECL: 09/10/2019": what parse_date reads, without its three searches
        month, day = int(m[1]), int(m[2])
        if month > _LAST_MONTH >= day:  # written day first: DECL: 31/12/2019
            month, day = day, month
        try:
            return date(int(m[3]), month, day).isoformat()
        except ValueError:
            return None  # and parse_date finds no other date either
    if not any(ch.isdecimal() for ch in text):
        return None
    found = parse_date(text)
    if found is None:
        found = _other_date(text)
    return found.isoformat() if found else None


#: Dates :func:`~cablelib.model.parse_date` does not read: ``2019-01-15``, ``01-15-2019``,
#: ``01.15.2019`` (month first, like the slashed form), ``15 JAN 2019``, ``20190115``.
_YMD_OTHER = re.compile(r"(?<![\d.\-])(\d{4})([-.])(\d{1,2})\2(\d{1,2})(?![\d.\-]*\d)")
_MDY_OTHER = re.compile(r"(?<![\d.\-])(\d{1,2})([-.])(\d{1,2})\2(\d{4}|\d{2})(?![\d.\-]*\d)")
_DMY_WORDS = re.compile(r"\b(\d{1,2})(?:\s*|-)([A-Za-z]{3,9})\.?(?:\s*,\s*|\s*|-)(\d{4}|\d{2})\b")
#: A slashed date, month first, with OCR damage: ``0l/15/2019`` (a letter l or O for a
#: digit), ``01//15/2019``.
_MDY_OCR = re.compile(
    r"(?<![\w/])([0-9OolI]{1,2})\s?//?\s?([0-9OolI]{1,2})\s?//?\s?([0-9OolI]{4}|[0-9OolI]{2})(?![\w/])"
)
_OCR_DIGITS = str.maketrans("OolI", "0011")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
#: The month words of ``15 JAN 2019``: names and their abbreviations.
_MONTH_WORDS = {
    **{m: i for m, i in _MONTHS.items()},
    "SEPT": 9,
    **{
        name: i
        for i, name in enumerate(
            (
                *("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST"),
                *("SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"),
            ),
            1,
        )
    },
}
_LAST_MONTH = 12
_CENTURY_SPLIT = 66  # two-digit years run 1966-2065, as parse_date reads them
_OCR_DIGITS_MIN = 3  # a damaged date keeps most of its digits (``3/l/85``)


def _full_year(year: int) -> int:
    """A two-digit year in 1966-2065; a longer one as it is."""
    if year >= 100:  # noqa: PLR2004
        return year
    return year + (1900 if year >= _CENTURY_SPLIT else 2000)


def _other_date(text: str) -> date | None:
    """The first date of ``text`` in a form :func:`~cablelib.model.parse_date` does not read."""
    candidates: list[tuple[int, int, int, int]] = []  # (where, year, month, day)
    m = _YMD_OTHER.search(text)
    if m:
        candidates.append((m.start(), int(m[1]), int(m[3]), int(m[4])))
    m = _MDY_OTHER.search(text)
    if m:
        candidates.append((m.start(), _full_year(int(m[4])), int(m[1]), int(m[3])))
    m = _DMY_WORDS.search(text)
    if m:
        month = _MONTH_WORDS.get(m[2].upper())
        if month is not None:
            candidates.append((m.start(), _full_year(int(m[3])), month, int(m[1])))
    m = _COMPACT.search(text)
    if m:
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    m = _MDY_OCR.search(text)
    if m and sum(ch.isdecimal() for ch in m[0]) >= _OCR_DIGITS_MIN:
        month, day, year = (int(g.translate(_OCR_DIGITS)) for g in m.groups())
        candidates.append((m.start(), _full_year(year), month, day))
    for _, y, mo, d in sorted(candidates):
        try:
            return date(y, mo, d)
        except ValueError:
            continue
    return None


#: ``Declassify on: 01/15/2019`` under a Classified By line (STATE cables of 2008-2010).
_DECLASSIFY_ON = re.compile(r"\bDECLASSIFY\s+ON\b\s*:?", re.IGNORECASE)


def declassify_on(cable: Cable) -> Found:
    """The declassification date of the E.O. line, ISO 8601, or ``None``.

    Where the E.O. line gives no date (``DECL: MR``) or there is none, a ``Declassify
    on:`` line with the Classified By line gives it.
    """
    line = _eo(cable)
    value = declassify_date(line.content) if line is not None else None
    if value is None:
        found = cable.classified_by_line()
        if found is not None:
            on = _declassify_on_line(found[0].content)
            if on is not None:
                return Found(on, (found[1],))
    return Found(value, (line,) if line is not None else ())


def _declassify_on_line(content: str) -> str | None:
    """The date of a ``Declassify on:`` line in a Classified By line's text, or ``None``."""
    if "ECLASSIFY" not in content and "eclassify" not in content:
        return None
    m = _DECLASSIFY_ON.search(content)
    if m is None:
        return None
    end = content.find("\n", m.end())
    return _date(content[m.end() : end if end != -1 else len(content)])


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register the classification fields."""
    register("classification", classification)
    register("classification_markings", classification_markings)
    register("captions", captions)
    register("classified_by", classified_by)
    register("declassify_on", declassify_on)

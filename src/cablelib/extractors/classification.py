"""Built-in extractors of a cable's classification, captions, classifier and declassification.

Fields and the shapes of their values:

* ``classification``: the level only, ``UNCLASSIFIED``, ``LIMITED OFFICIAL USE``,
  ``CONFIDENTIAL``, ``SECRET`` or ``TOP SECRET`` (from the banner, else a
  classification line, else the header's security line), or ``None``.
* ``classification_markings``: the control markings written after the level on the
  banner or a classification line (``SECRET//FGI//NOFORN//MR`` gives
  ``["FGI", "NOFORN", "MR"]``), in order, each once; ``[]`` when there are none.
* ``captions``: the dissemination and handling captions (``SIPDIS``, ``NOFORN``,
  ``EXDIS``, ``EFTO`` ...) of the caption lines and of the banner (``UNCLAS E F T O``),
  normalized through ``captions.csv``, in order, each once.
* ``classified_by``: one ``{"name", "title", "reasons"}`` per distinct Classified By
  line: ``Ambassador Ivo H. Daalder, reasons 1.4 (b/d)`` gives name ``Ivo H. Daalder``,
  title ``Ambassador``, reasons ``["1.4(b)", "1.4(d)"]``.  ``name`` or ``title`` is
  ``None`` when the line does not give it (``Derived from Multiple Sources`` has
  neither); reasons without a section number (``reasons b, d``) are read as 1.4.
* ``declassify_on``: the declassification date of the E.O. line as ISO 8601
  (``2019-09-10``), or ``None``: for ``N/A``, ``OADR``, ``MR``, ``GDS`` without a
  date, redacted dates, a downgrade instruction alone (``DNG: CO 01/26/2021`` says
  when to downgrade, not to declassify) and a record of a past declassification
  (``DECLASSIFIED BY NARA 09/02/2009``).  A ``GDS 8/12/85`` date of E.O. 12065 is the
  declassification date; two-digit years run 1966-2065.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

from cablelib.extraction import Found
from cablelib.extractors._data import lines, mapping
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
    parse_date,
)

__all__ = [
    "cablelib_register_extractors",
    "captions",
    "classification",
    "classification_markings",
    "classified_by",
    "declassify_on",
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
#: ``//NOFORN``, ``//REL SAU``, ``//REL TO USA, AUS``: one control marking.
_MARKING = re.compile(r"//\s*(REL(?:\s+TO)?(?:[ ,]+[A-Z]{2,4}\b)+|[A-Z0-9][A-Z0-9-]*)", re.I)


def _class_lines(cable: Cable) -> Iterator[Line]:
    """The banner and the classification lines before the first paragraph."""
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, Paragraph):
                break
            if isinstance(item, BannerLine | ClassLine):
                yield item


def classification(cable: Cable) -> Found:
    """The classification level: banner, else classification line, else security line."""
    level = cable.classification
    if level is None:
        return Found(None)
    source: Line | None = next(
        (line for line in _class_lines(cable) if isinstance(line, BannerLine)), None
    )
    if source is None:
        source = next(iter(_class_lines(cable)), None)
    if source is None:
        header = cable.header
        source = header.security if header is not None else None
    return Found(level, (source,) if source is not None else ())


def classification_markings(cable: Cable) -> Found:
    """Control markings after the level: ``SECRET//FGI//NOFORN`` gives ``["FGI", "NOFORN"]``."""
    out: list[str] = []
    used: list[Line] = []
    for line in _class_lines(cable):
        content = line.content
        m = _LEVEL.match(content)
        if m is None:
            continue
        rest = content[m.end() :]
        section = _SECTION.search(rest)
        if section:
            rest = rest[: section.start()]
        found = [_WS.sub(" ", mk.group(1).strip(" ,")).upper() for mk in _MARKING.finditer(rest)]
        if found:
            used.append(line)
            out.extend(f for f in found if f not in out)
    return Found(out, tuple(used))


# -- captions -----------------------------------------------------------------------------


@functools.cache
def _caption_table() -> tuple[dict[str, str], re.Pattern[str]]:
    table = mapping("captions.csv")
    words = sorted((k for k, v in table.items() if v and k[0].isalpha()), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w/])(?:" + "|".join(map(re.escape, words)) + r")(?![\w/])")
    return table, pattern


def _normal_caption(word: str, table: dict[str, str]) -> str | None:
    word = _WS.sub(" ", word).strip(" .,;:").upper()
    if not word or not any(ch.isalpha() for ch in word):
        return None
    normal = table.get(word, word)
    return normal or None


def captions(cable: Cable) -> Found:
    """Captions of the caption lines and the banner, normalized, in order, each once."""
    table, known = _caption_table()
    out: list[str] = []
    used: list[Line] = []
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, Paragraph):
                break
            found: list[str | None] = []
            if isinstance(item, CaptionLine):
                found = [_normal_caption(w, table) for w in item.captions]
            elif isinstance(item, BannerLine):
                m = _LEVEL.match(item.content)
                rest = item.content[m.end() :] if m else ""
                section = _SECTION.search(rest)
                rest = rest[: section.start()] if section else rest
                found = [_normal_caption(w.group(0), table) for w in known.finditer(rest.upper())]
            kept = [c for c in found if c is not None]
            if kept and isinstance(item, Line):
                used.append(item)
                out.extend(c for c in kept if c not in out)
    return Found(out, tuple(used))


# -- classified by ------------------------------------------------------------------------

_LABEL = re.compile(r"\s*(?:\([A-Z]\)\s*)?(?:CLASSIFIED\s+BY\b|BY\b)\s*:?\s*", re.IGNORECASE)
#: Where the reasons begin: ``for reasons``, ``Reason:``, ``1.4``, ``(b) and (d)``.
_REASONS_AT = re.compile(
    r"(?:[,;.:]?\s*\b(?:for|per|under)\s+)?"
    r"(?:\b(?:R\s?E\s?A\s?S\s?O\s?N\s?S?|REASONS?)\b|\b1\s?[.:/]\s?[45](?!\d)"
    r"|\bE\.\s?O\.|\(\s?[a-h]\s?\)(?:\s*(?:,|/|and|&)\s*\(?\s?[a-h]\s?\))+)",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:[\s,;:.]+|\s+(?:for|per|under(?:\s+section)?|and)\b)+$", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"\b1\s?[.:/]\s?([45])(?![\d])")
#: A list of reason letters: ``(b) and (d)``, ``b/d``, ``(B,C,D)``, ``b & d``, ``b) and d)``.
_LETTERS = re.compile(
    r"\s*[,:]?\s*(?:\(\s*)?[a-hA-H](?![A-Za-z])\s*\)?"
    r"(?:\s*(?:,|/|&|-|\band\b|\bor\b)?\s*(?:and\s+|or\s+)?\(?\s*[a-hA-H](?![A-Za-z])\s*\)?)*",
    re.IGNORECASE,
)
_LETTER = re.compile(r"(?<![A-Za-z])[a-hA-H](?![A-Za-z])")
_REASON_WORD = re.compile(r"\bR\s?E\s?A\s?S\s?O\s?N\s?S?\b\s*:?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2}")
_RANGE = re.compile(r"([a-hA-H])\s*-\s*([a-hA-H])")
_REDACTED = re.compile(r"[Xx]{4,}")
_DERIVED = re.compile(r"derived\s+from\b", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?$|a\.\s?i\.?$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
#: Words that a hard wrap at the line's width may have split (``reaso`` / ``ns``).
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
    return _WS.sub(" ", text).strip()


def _letters(found: str) -> list[str]:
    """The letters of a matched list, ranges (``b-d``) expanded, lower case."""
    found = _RANGE.sub(
        lambda m: " ".join(chr(c) for c in range(ord(m[1].lower()), ord(m[2].lower()) + 1)),
        found,
    )
    return [c.lower() for c in _LETTER.findall(re.sub(r"\b(?:and|or)\b", " ", found, flags=re.I))]


def parse_reasons(text: str) -> list[str]:
    """The classification reasons of a text, normalized: ``["1.4(b)", "1.4(d)"]``.

    Reads ``1.4 (b) and (d)``, ``1.4(b/d)``, ``1.5 (B,D)``, ``1.4b,d``, ``1 .4 (b, d)``,
    ``1:4 b,d`` and, after the word *reason(s)*, letters without a section (taken as 1.4).
    """
    out: list[str] = []
    for m in _SECTION_NUMBER.finditer(text):
        letters = _LETTERS.match(text, m.end())
        if letters is None:
            continue
        for letter in _letters(letters.group(0)):
            reason = f"1.{m.group(1)}({letter})"
            if reason not in out:
                out.append(reason)
    if not out:
        word = _REASON_WORD.search(text)
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
            words.update(p for p in re.split(r"[/-]", word.rstrip(".")) if len(p) > 1)
    words.discard("for")
    words.discard("of")
    return frozenset(words)


def _is_title_word(token: str, words: frozenset[str]) -> bool:
    word = token.translate(_APOSTROPHES).lower().strip(",;:")
    if word in words or word.rstrip(".") in words:
        return True
    parts = [p for p in re.split(r"[/-]", word.rstrip(".")) if len(p) > 1]
    return bool(parts) and any(p in words for p in parts)


def _segments(who: str) -> list[str]:
    """Comma/semicolon segments, with ``Jr.`` and ``a.i.`` kept with what they follow."""
    out: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", who):
        if not piece:
            continue
        if out and _SUFFIX.fullmatch(piece):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return out


def _split_title(segment: str, words: frozenset[str]) -> tuple[str, str]:
    """``(title, name)``: the name is the run of non-title words at the end."""
    tokens = segment.split()
    last = -1
    for i, token in enumerate(tokens):
        if _is_title_word(token, words):
            last = i
    return " ".join(tokens[: last + 1]), " ".join(tokens[last + 1 :])


def _clean(text: str) -> str | None:
    text = _TRAILING.sub("", text).strip(" ,;:.\"'") if text else ""
    if text.lower().endswith(("jr", "sr", "a.i")):
        text += "."
    if not _WORD.search(text) or _REDACTED.fullmatch(text.replace(" ", "")):
        return None
    return text


def parse_classifier(value: str) -> dict[str, Any]:
    """Parse the text after ``Classified By:`` into ``{"name", "title", "reasons"}``.

    The title is what precedes the name (``Ambassador``, ``PolCouns``, ``Charge
    d'Affaires, a.i.``) or, in ``Richard Olson, Ambassador; REASON: ...``, what follows
    it after a comma.
    """
    value = _WS.sub(" ", value).strip()
    value = value.removesuffix("...").removesuffix("\u2026")
    while True:  # "Classified By: Classified by Ambassador ...", "By Ambassador ..."
        m = _LABEL.match(value)
        if m is None or m.end() == 0:
            break
        value = value[m.end() :]
    reasons = parse_reasons(value)
    at = _REASONS_AT.search(value)
    who = value[: at.start()] if at else value
    who = _TRAILING.sub("", who).strip(" \"'")
    if not who or _DERIVED.match(who) or _REDACTED.fullmatch(who.replace(" ", "")):
        return {"name": None, "title": None, "reasons": reasons}
    words = _title_words()
    segments = _segments(who)
    title, name = _split_title(segments[0], words)
    rest = segments[1:]
    if title and not name and rest:
        # "Charge d'Affaires, a.i., John Smith", "Deputy Chief of Mission, Kevin M Johnson"
        more_title, name = _split_title(rest[0], words)
        if more_title:
            title = f"{title}, {more_title}"
    elif not title and name and rest:
        # "Richard Olson, Ambassador, State Department": the title follows the name
        next_title, next_name = _split_title(rest[0], words)
        title = next_title if next_title and not next_name else rest[0]
    return {"name": _clean(name), "title": _clean(title), "reasons": reasons}


def classified_by(cable: Cable) -> Found:
    """The Classified By lines, parsed: a list of ``{"name", "title", "reasons"}``."""
    out: list[dict[str, Any]] = []
    used: list[Line] = []
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, ClassifiedByLine):
                parsed = parse_classifier(_join_wrapped(item.content))
                used.append(item)
                if parsed not in out:
                    out.append(parsed)
    return Found(out, tuple(used))


# -- declassification ---------------------------------------------------------------------

_EO_INSIDE = re.compile(r"\bE\.\s?O\.\s*1\d{4}\b")
_EO_LABEL = re.compile(r"\s*(?:E\.\s?O\.?|EO)\s*:?\s*(?:1\d{4})?\s*:?\s*", re.IGNORECASE)
_DECLASSIFIED = re.compile(r"\bDECLASSIFIED\b", re.IGNORECASE)
_DOWNGRADE = re.compile(r"\bDNG\b|\bDOWNGRADE", re.IGNORECASE)
_DECL = re.compile(r"\bDECL\w*\s*(?:ON)?\s*:?", re.IGNORECASE)
_TAGS_AT = re.compile(r"\bTAGS?\b", re.IGNORECASE)


def _eo_line(cable: Cable) -> Line | None:
    for line in cable.lines():
        if isinstance(line, EoLine):
            return line
    for doc in cable.documents:  # run together with another preamble line
        for item in doc.items:
            if isinstance(item, Paragraph):
                break
            if isinstance(item, Line) and _EO_INSIDE.search(item.content):
                return item
    return None


def declassify_date(text: str) -> str | None:
    """The declassification date an E.O. line's text gives, ISO 8601, or ``None``."""
    m = _EO_INSIDE.search(text)
    if m:
        text = text[m.start() :]
    label = _EO_LABEL.match(text)
    rest = text[label.end() :] if label else text
    tags = _TAGS_AT.search(rest)
    if tags:
        rest = rest[: tags.start()]
    if _DECLASSIFIED.search(rest):
        return None
    decl = _DECL.search(rest)
    if decl:
        rest = rest[decl.end() :]
    elif _DOWNGRADE.search(rest):
        return None
    found = parse_date(rest)
    return found.isoformat() if found else None


def declassify_on(cable: Cable) -> Found:
    """The declassification date of the E.O. line, ISO 8601, or ``None``."""
    line = _eo_line(cable)
    if line is None:
        return Found(None)
    return Found(declassify_date(line.content), (line,))


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register the classification fields."""
    register("classification", classification)
    register("classification_markings", classification_markings)
    register("captions", captions)
    register("classified_by", classified_by)
    register("declassify_on", declassify_on)

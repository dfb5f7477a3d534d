"""Built-in extractor ``persons``: the people a cable names in its structured lines.

Read, in this order: the classifier (``Classified By: Ambassador Ivo H. Daalder``, or
the bracketed name of an E.O. 12065 line, ``(SMITH, JOHN A.) OR-P``: ``Smith, John A.``),
person TAGS (``OVIP (CLINTON, HILLARY)``; ``(BAKER, JAMES A. III)`` gives
``Baker, James A., III``, ``(ZIA UL-HAQ, MOHAMMAD)`` gives ``Zia Ul-Haq, Mohammad``),
the drafters and approvers of PlusD telegrams (``DRAFTED BY AF/W:D V KILLION:JWM``)
and the signer (``DAALDER``).

Each person is one string ``Last, First M.`` (``Daalder, Ivo H.``), or the surname
alone when that is all the line gives (``Daalder``); names written in capitals are
capitalized by rule (``MCFARLAND`` → ``McFarland``, ``O'BRIEN`` → ``O'Brien``) and by
``data/name-case.txt`` (``LEBARON`` → ``LeBaron``).  A surname alone merges into a
fuller name with the same surname, so the signer ``DAALDER`` and the classifier
``Daalder, Ivo H.`` are one person.

PlusD drafting lines run initials and surname together (``IO/UNA:BJSHARP``): the
initials are split off as the shortest prefix (one to three letters) after which the
surname starts like an English word (a vowel or a consonant cluster that can begin
one), giving ``Sharp, B. J.``; this is a best guess.

The signer is the one the ``signer`` extractor finds (computed once per cable for
both): ``KEEGANPAAL`` gives ``Keegan`` and ``Paal``, ``MCCONNELL, JR.`` gives
``McConnell, Jr.``, ``End comment. SOBEL`` gives ``Sobel``.
"""

from __future__ import annotations

import functools
import re
from typing import cast

from cablelib.extraction import Found
from cablelib.extractors._data import lines
from cablelib.extractors._text import ItemTypes, is_bracketed_marking, item_types
from cablelib.extractors.body import signature, surnames
from cablelib.extractors.classification import classifier_name, eo_classifier
from cablelib.extractors.tags import written_tags
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    _REASONS_AT,  # the classifier's text ends where it matches
    Cable,
    ClassifiedByLine,
    DraftingLine,
    Header,
    Line,
    TagsLine,
)

__all__ = ["format_name", "name_from_classifier", "name_from_drafting", "names_from_tag"]

#: Words that may end a name: ``Clark T. Randt, Jr``.
_SUFFIXES = {"JR": "Jr.", "JR.": "Jr.", "SR": "Sr.", "SR.": "Sr.", "II": "II", "III": "III"}
#: Where the reasons (or other text) after the classifier's name begin.
_CUT = re.compile(
    r"(?i)(?:\s|^)(?:f\s?o\s?r|p\s?e\s?r|under|r\s?e\s?a\s?s\s?o\s?n\s?s?)(?=[\s:.,]|$)|;|\be\.\s?o\.",
)
_NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'\u2019-]*\Z")
_INITIAL = re.compile(r"[A-Za-z]\.?\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+\Z")  # N.S.
_GLUED_DOT = re.compile(r"\b([A-Z])\.(?=[A-Za-z]{2})")  # C.GREENE
#: A title glued to the name after it: Dr.Jane Doe, AMB.DAALDER.
_GLUED_TITLE = re.compile(r"\b((?i:dr|mrs?|ms|amb|prof|gen|col|capt|lt))\.(?=[A-Za-z])")
_FUNCTION_WORDS = frozenset(("from", "of", "and", "the", "to", "in", "on", "at", "by"))
_NO_PERSON = re.compile(r"(?i)\s*derived\b|\s*multiple\s+sources")
_GLUED_INITIAL = re.compile(r"([A-Z])([A-Z][a-z]+)\Z")  # RBlau
_DRAFTER = re.compile(r":\s*([A-Z][A-Z .'-]*?)\s*(?::[A-Z]{1,4})?\s*(?:--.*)?\Z")
_DRAFTER_TITLE = re.compile(r"(?:MR|MRS|MS|DR|AMB)\.[ ]*")
_DRAFTING_LABEL = re.compile(r"\s*(?:DRAFTED|APPROVED)\s+BY\s*:?\s*(.*)", re.IGNORECASE)
_OFFICE_NAME = re.compile(r"[A-Z0-9/-]+:\s*([A-Z][A-Z .'-]*?)(?=\s+[A-Z0-9-]+/[A-Z0-9/-]*:|\s*:|$)")
_PERSON_TAG = re.compile(r"\(([^()]*)\)")
#: Consonant clusters that can begin an English surname.
_ONSETS = frozenset(
    (
        *("BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "KL", "KN", "KR", "PH"),
        *("PL", "PR", "SC", "SCH", "SCHR", "SH", "SK", "SL", "SM", "SN", "SP", "SPR", "ST"),
        *("STR", "SW", "TH", "THR", "TR", "TW", "WH", "WR"),
    )
)
_VOWELS = frozenset("AEIOUY")
_MAX_INITIALS = 3


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(t.lower() for t in lines("person-titles.txt"))


@functools.cache
def _name_case() -> dict[str, str]:
    return {n.lower(): n for n in lines("name-case.txt")}


def _cap_part(part: str) -> str:
    low = part.lower()
    if len(low) > 2 and low.startswith("mc"):  # noqa: PLR2004 - "Mc" + a name
        return "Mc" + low[2:].capitalize()
    return low.capitalize()


@functools.lru_cache(maxsize=8192)
def _case(word: str) -> str:
    """A word of a name, capitalized if it was written in one case."""
    known = _name_case().get(word.lower())
    if known is not None:
        return known
    if not (word.isupper() or word.islower()):
        return word
    if _INITIALS.match(word):
        return word.upper()
    out = re.sub(r"[^'\u2019-]+", lambda m: _cap_part(m.group(0)), word)
    # O'Brien, D'Elia: the letter before the apostrophe stays a capital, so does the next.
    return re.sub(
        r"\b([A-Za-z])(['\u2019])([a-z])", lambda m: m[1].upper() + m[2] + m[3].upper(), out
    )


def format_name(given: list[str], surname: str, suffix: str | None = None) -> str:
    """``Last, First M.`` (``Last, First, Jr.``; ``Last`` alone) from the parts of a name."""
    firsts = []
    for g in given:
        w = _case(g)
        if _INITIAL.match(w):
            w = w[0].upper() + "."
        firsts.append(w)
    surname = surname.rstrip(".")
    out = " ".join(map(_case, surname.split(" "))) if " " in surname else _case(surname)
    if firsts:
        out += ", " + " ".join(firsts)
    if suffix:
        out += ", " + suffix
    return out


def _join_broken(tokens: list[str]) -> list[str]:
    """``Andrew Y oung`` → ``Andrew Young``: a lower-case piece joins the word before it."""
    out: list[str] = []
    titles = _titles()
    for t in tokens:
        if (
            out
            and t[:1].islower()
            and t not in _FUNCTION_WORDS
            and t.lower() not in titles
            and out[-1][-1:].isalpha()
        ):
            out[-1] += t
        else:
            out.append(t)
    return out


def _trailing_name(segment: str, *, mixed: bool) -> list[str]:
    """The words at the end of ``segment`` that are not titles: the name."""
    tokens = _join_broken(segment.split())
    name: list[str] = []
    for t in reversed(tokens):
        bare = _name_word(t, mixed=mixed)
        if bare is None:
            break
        name.append(bare)
    name.reverse()
    return name


@functools.lru_cache(maxsize=8192)
def _name_word(token: str, *, mixed: bool) -> str | None:
    """The token without ``,:`` if it may be a word of a name (not a title ...), else None."""
    bare = token.strip(",:")
    if not bare:
        return None
    low = bare.lower()
    titles = _titles()
    if (
        not _NAME_TOKEN.match(bare)
        or low.rstrip(".") in titles
        or low in titles
        or "/" in bare
        or (mixed and len(bare) > 1 and bare.isupper() and not bare.endswith("."))
    ):
        return None
    return bare


def _name_of(words: list[str], suffix: str | None) -> str | None:
    words = [w for w in words if w]
    if words and len(words) == 1:
        m = _GLUED_INITIAL.match(words[0])
        if m:
            words = [m.group(1), m.group(2)]
    if not words:
        return None
    surname = words[-1].rstrip(".")
    if len(surname) < 2:  # noqa: PLR2004 - an initial is not a surname
        return None
    return format_name(words[:-1], surname, suffix)


def name_from_classifier(by: str) -> str | None:
    """The person in a classifier: ``Ambassador Ivo H. Daalder`` → ``Daalder, Ivo H.``.

    Titles before or after the name (``data/person-titles.txt``), office names and the
    reasons that follow (``for reasons``, ``per``) are dropped; ``None`` if no name is
    left (``Derived from Multiple Sources``).
    """
    return _name_from_classifier(by)


@functools.lru_cache(maxsize=4096)
def _name_from_classifier(by: str) -> str | None:
    if _NO_PERSON.match(by):
        return None
    if "." in by:
        if _GLUED_DOT.search(by) is not None:
            by = _GLUED_DOT.sub(r"\1. ", by)
        if _GLUED_TITLE.search(by) is not None:
            by = _GLUED_TITLE.sub(r"\1. ", by)
    mixed = not by.isupper()
    segments = [s.strip() for s in by.split(",")]
    for i, segment in enumerate(segments):
        chunks = _CUT.split(segment)
        for chunk in reversed(chunks):
            words = _trailing_name(chunk.strip(" .:"), mixed=mixed)
            if words:
                nxt = segments[i + 1].upper().strip(" .") if i + 1 < len(segments) else ""
                return _name_of(words, _SUFFIXES.get(nxt))
    return None


def _split_initials(run: str) -> tuple[list[str], str]:
    """``BJSHARP`` → ``(["B", "J"], "SHARP")``: see the module docstring."""
    for k in range(1, _MAX_INITIALS + 1):
        rest = run[k:]
        if len(rest) < 2:  # noqa: PLR2004 - a surname has two letters at least
            break
        if rest[0] in _VOWELS or rest[1] in _VOWELS or any(rest.startswith(o) for o in _ONSETS):
            return list(run[:k]), rest
    return [], run


def name_from_drafting(text: str) -> list[str]:
    """The people of a PlusD ``DRAFTED BY``/``APPROVED BY`` line, as ``Last, F. M.``.

    ``DRAFTED BY AF/W:D V KILLION:JWM`` → ``["Killion, D. V."]`` (the typist's initials
    after the second colon are dropped); ``APPROVED BY AF/W:R G HOUDEK AF/W:E G KRYZA``
    → two people; ``IO/UNA:BJSHARP`` → ``["Sharp, B. J."]``.
    """
    return list(_names_from_drafting(text))


@functools.lru_cache(maxsize=4096)
def _names_from_drafting(text: str) -> tuple[str, ...]:
    m = _DRAFTING_LABEL.match(text)
    if m is None:
        return ()
    body = re.sub(r"\s*--.*\Z", "", m.group(1)).strip()
    out: list[str] = []
    for found in _OFFICE_NAME.finditer(body):
        text = found.group(1)
        titled = _DRAFTER_TITLE.match(text)  # MR.LOCHMILLER: a surname, no initials
        if titled:
            text = text[titled.end() :]
        words = text.split()
        if not words:
            continue
        if len(words) == 1:
            initials, surname = ([], words[0]) if titled else _split_initials(words[0])
        else:
            initials, surname = words[:-1], words[-1]
        name = _name_of([*initials, surname], None)
        if name is not None:
            out.append(name)
    return tuple(out)


def names_from_tag(tag: str) -> list[str]:
    """The person of a person tag: ``OVIP (CLINTON, HILLARY)`` → ``["Clinton, Hillary"]``.

    ``(DAVE OBEY, D-WISC.)`` (given name first, then party and state) gives
    ``["Obey, Dave"]``.
    """
    return list(_names_from_tag(tag))


@functools.lru_cache(maxsize=4096)
def _names_from_tag(tag: str) -> tuple[str, ...]:
    m = _PERSON_TAG.search(tag)
    if m is None or is_bracketed_marking(m.group(1)):  # a portion marking: (ENTIRE TEXT)
        return ()
    parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
    if not parts:
        return ()
    first = parts[0].split()
    if len(parts) > 1 and (len(first) == 1 or _surname_first(parts[1])):
        given = parts[1].split()
        suffix = _SUFFIXES.get(parts[2].upper().strip(" .")) if len(parts) > 2 else None  # noqa: PLR2004
        if suffix is None and len(given) > 1:  # (BAKER, JAMES A. III)
            suffix = _SUFFIXES.get(given[-1].upper())
            if suffix is not None:
                given = given[:-1]
        if len(first) == 1:
            name = _name_of([*given, first[0]], suffix)
        else:  # a surname of words: (ZIA UL-HAQ, MOHAMMAD), (VAN DEN BROEK, HANS)
            name = format_name(given, " ".join(first), suffix)
    else:
        name = _name_of(first, None)
    return (name,) if name else ()


#: A party and state after a congressman's name: ``(DAVE OBEY, D-WISC.)``.
_PARTY = re.compile(r"[DRI]\s?-")


def _surname_first(after: str) -> bool:
    """Whether what follows the comma of a person tag are given names.

    Then the words before the comma are a surname (``ZIA UL-HAQ, MOHAMMAD``); a party
    and state (``DAVE OBEY, D-WISC.``) or a title follows a name written given name first.
    """
    words = after.split()
    return bool(words) and not _PARTY.match(after) and words[0].lower().strip(".") not in _titles()


def signer_names(written: str) -> list[str]:
    """The people of a signature as written: ``TIMKEN JR`` → ``["Timken, Jr."]``.

    The surnames are those of the ``signer`` extractor (``KEEGANPAAL`` → ``Keegan``,
    ``Paal``; ``SHANNON SHANNON`` → ``Shannon``; ``LA LIME`` → ``La Lime``); a name
    written in mixed case keeps its spelling (``McFarland``).
    """
    return list(_signer_names(written))


@functools.lru_cache(maxsize=4096)
def _signer_names(written: str) -> tuple[str, ...]:
    words = written.replace(",", " ").split()
    suffix = _SUFFIXES.get(words[-1].upper()) if len(words) > 1 else None
    spelled = {w.upper(): w for w in words if not w.isupper()}
    names = []
    for surname in surnames(written):
        name = " ".join(spelled.get(part) or _case(part) for part in surname.split())
        names.append(name)
    if suffix and len(names) == 1:
        names[0] += ", " + suffix
    return tuple(names)


def _add(out: list[str], name: str | None) -> None:
    """Add a name, merging a bare surname with a fuller name of the same surname."""
    if not name:
        return
    low = name.lower()
    key = low.split(",", 1)[0]  # the surname, in lower case
    for i, known in enumerate(out):
        known_low = known.lower()
        if known_low == low:
            return
        if known_low.split(",", 1)[0] == key and ("," not in known or "," not in name):
            if "," not in known:
                out[i] = name
            return
    out.append(name)


def extract_persons(cable: Cable) -> Found:
    """The people the cable names in its structured lines (see the module docstring)."""
    out: list[str] = []
    read: list[Line] = []
    classifier, tags_line, drafting = _scan(item_types(cable))
    name, source = _classifier_of(cable, classifier)
    if name and source is not None:
        _add(out, name)
        read.append(source)
    people = [n for tag in written_tags(cable) if "(" in tag for n in _names_from_tag(tag)]
    for n in people:
        _add(out, n)
    if people and tags_line is not None:
        read.append(tags_line)
    for line in drafting:
        names = _names_from_drafting(line.text)
        for n in names:
            _add(out, n)
        if names:
            read.append(line)
    written, sig_line = signature(cable)
    if written and sig_line is not None:
        names = _signer_names(written)
        for n in names:
            _add(out, n)
        if names:
            read.append(sig_line)
    return Found(out, lines=tuple(read))


def _classifier_of(
    cable: Cable, classifier: ClassifiedByLine | None
) -> tuple[str | None, Line | None]:
    """The classifier's name and the line that gives it.

    The first Classified By line; else one run on at the end of a REF line or the first
    paragraph; else the bracketed name of an E.O. 12065 line, ``(SMITH, JOHN A.) OR-P``.
    """
    source: Line | None = classifier
    if classifier is None:
        found = cable.classified_by_line()
        if found is not None:
            classifier, source = found
    if classifier is not None and source is not None:
        return _classifier_name(classifier), source
    eo = eo_classifier(cable)
    if eo is not None:
        names = _names_from_tag(f"({eo[0]})")
        if names:
            return names[0], eo[1]
    return None, None


def _scan(
    found: ItemTypes,
) -> tuple[ClassifiedByLine | None, TagsLine | None, list[DraftingLine]]:
    """The first Classified By and TAGS lines, and the drafting lines.

    The grammar reads the first two only among the documents' items (see
    :func:`~cablelib.extractors._text.item_types`), drafting lines only in headers.
    """
    items, types, present = found
    classifier = tags_line = None
    if ClassifiedByLine in present:
        classifier = cast("ClassifiedByLine", items[types.index(ClassifiedByLine)])
    if TagsLine in present:
        tags_line = cast("TagsLine", items[types.index(TagsLine)])
    drafting: list[DraftingLine] = []
    if Header in present:
        if types.count(Header) == 1:  # the usual case
            headers = [cast("Header", items[types.index(Header)])]
        else:
            headers = [
                cast("Header", item)
                for item, kind in zip(items, types, strict=True)
                if kind is Header
            ]
        for header in headers:
            if DraftingLine in map(type, header.lines):
                drafting.extend(line for line in header.lines if type(line) is DraftingLine)
    return classifier, tags_line, drafting


def _classifier_name(line: ClassifiedByLine) -> str | None:
    """The person of a Classified By line.

    The name is read from what ``classified_by`` takes for the name, which knows the
    titles that hold commas or joining words (``Environment, Science, Technology and
    Health Officer Jane Doe``, ``Senior Advisor to the Ambassador on Transition David
    Pearce``); from the whole text where that gives none.
    """
    name = classifier_name(line.content)  # read by classified_by already: cached
    if name is not None:
        found = _name_from_classifier(name)
        if found is not None:
            return found
    return _name_from_classifier(classifier_by(line))


#: What every match of ``_REASONS_AT`` contains.
_REASON_WORDS = ("reason", "Reason", "REASON", "1.4", "1.5")


def _reasons_at(text: str) -> re.Match[str] | None:
    """``_REASONS_AT.search(text)``, searching only from where a match can start."""
    found = [i for i in map(text.find, _REASON_WORDS) if i >= 0]
    if not found:
        return None
    # a match starts at the earliest of the words, or before it at what the pattern
    # allows there: ",?\s*\b(?:(?:for|FOR|For)\s+)?"
    start = min(found)
    while start > 0 and (text[start - 1] in ",forFOR" or text[start - 1].isspace()):
        start -= 1
    return _REASONS_AT.search(text, start)


_BY = re.compile(r"^(?:By|BY)\s+")


def classifier_by(line: ClassifiedByLine) -> str:
    """``line.classified_by.by``, without reading the reasons (which take longer)."""
    text = line.value
    m = _reasons_at(text)
    by = text[: m.start()] if m else text
    if by.startswith(("By", "BY")):
        by = _BY.sub("", by)
    return by.strip(" ,.;")


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register ``persons`` (and read its tables, once, now)."""
    _titles()
    _name_case()
    register("persons", extract_persons)

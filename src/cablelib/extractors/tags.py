"""Built-in extractors ``tags`` and ``tag_kinds``, and :func:`tag_kind`.

``tags`` is the TAGS line upper-cased, with typos and run-together tags fixed
(``data/tag-fixes.csv``, and any unknown tag that splits wholly into known tags, as
``PRELPGOV``), in order and without duplicates.  A person tag stays one tag,
``OVIP (CLINTON, HILLARY)``; the Cablegate form that split it into words,
``OVIP BIDEN JOSEPH``, is joined back into ``OVIP (BIDEN, JOSEPH)``.

``tag_kinds`` maps each of those tags to its kind, as :func:`tag_kind` tells it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, cast

from cablelib.extraction import Found, shared
from cablelib.extractors._data import lines, mapping
from cablelib.extractors._text import is_bracketed_marking, item_types
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import Cable, EoLine, Line, Paragraph, TagsLine

__all__ = ["normalize_tags", "tag_kind"]

#: The kinds :func:`tag_kind` returns.
KINDS = ("geo", "subject", "program", "person", "organization", "unknown")

#: Tags that introduce a person: ``OVIP (CLINTON, HILLARY)``, ``OREP (ALBERT, CARL)``.
_PERSON_PREFIXES = frozenset(("OVIP", "OREP", "OTRA", "CODEL"))
#: The most words of a person's name that the Cablegate split form spreads over tags.
_MAX_NAME_WORDS = 3
#: Run-together tags are split into pieces of these lengths (geo, subject or program).
_PIECE_LENGTHS = (4, 2)
_PROGRAM = re.compile(r"K[A-Z]{3}\Z")
_GEO = re.compile(r"[A-Z]{2}\Z")
_WORD = re.compile(r"[A-Z]{2,}\Z")
_TAGS_INSIDE = re.compile(r"\bTAGS?\s*:\s*")
_PERSON_PARTS = re.compile(r"\s*([^()]*?)\s*\(\s*(.*?)\s*\)\s*\Z")
#: Labels the TAGS terminal of the grammar does not lex: at the start of a line ...
_LABEL = re.compile(
    r"[ \t]*(?:TAGS?|TAGE|TAS|TABS|TGS|AGS|TAGSL?)(?:[ \t]*:[ \t]*|[ \t]+(?=[A-Z]{2}))"
    r"|[ \t]*(?i:tags?)[ \t]*:[ \t]*"
)
#: ... or after the date of the E.O. line: E.O. 12958: DECL: 03/20/2019 TAG PTER, PGOV
_LABEL_IN_EO = re.compile(r"[ \t](?:TAGS?|TAGE|TAS|TABS|TGS)(?:[ \t]*:[ \t]*|[ \t]+(?=[A-Z]{2}))")
_SEPARATORS = re.compile(r"[\s,;]+")
#: A hyphen or slash between tags written as one: PREL/PGOV, PREL-PGOV.
_JOINERS = re.compile(r"[-/]+")
_HAS_ALNUM = re.compile(r"[A-Za-z0-9]")
#: Labels run onto the end of a TAGS line: TAGS: PREL, PGOV SUBJECT: ...
_STOPS = frozenset(("SUBJECT:", "SUBJ:", "SUBJECT", "REF:", "REFS:"))


@functools.cache
def _geo() -> frozenset[str]:
    return frozenset(code for row in lines("geo-tags.txt") for code in row.split())


@functools.cache
def _subjects() -> frozenset[str]:
    return frozenset(t.upper() for t in lines("subject-tags.txt"))


@functools.cache
def _organizations() -> frozenset[str]:
    return frozenset(t.upper() for t in lines("organization-tags.txt"))


@functools.cache
def _piece_tags() -> frozenset[str]:
    return _geo() | _subjects()


@functools.cache
def _fixes() -> dict[str, tuple[str, ...]]:
    return {k.upper(): tuple(v.upper().split()) for k, v in mapping("tag-fixes.csv").items()}


def tag_kind(tag: str) -> str:
    """The kind of a tag: geo, subject, program, person, organization or unknown.

    A tag with a comma or parentheses names a person (``OVIP (CLINTON, HILLARY)``).
    A two-letter code of the State Department's country list is geographic (``RS``,
    ``IZ``); the subject and organization tables come next (``PREL``; ``NATO``, ``UN``);
    any other two letters count as geographic too, and ``K`` plus three letters as a
    program (``KPKO``).  Case does not matter.
    """
    return _tag_kind(tag)


@functools.lru_cache(maxsize=8192)
def _tag_kind(tag: str) -> str:
    t = tag.strip().upper()
    if "(" in t or "," in t:
        return "person"
    for kind, table in (
        ("geo", _geo()),
        ("subject", _subjects()),
        ("organization", _organizations()),
    ):
        if t in table:
            return kind
    if _GEO.match(t):
        return "geo"
    return "program" if _PROGRAM.match(t) else "unknown"


def _known(tag: str) -> bool:
    return _tag_kind(tag) != "unknown"


def _split_run_together(tag: str) -> tuple[str, ...] | None:
    """``PRELPGOV`` → ``(PREL, PGOV)`` when every piece is a known tag, else ``None``.

    Subject and program tags joined by a hyphen or slash are split too (``PREL/PGOV``); an
    organization is a piece too when a subject tag stands beside it
    (``SCULUNESCO``, ``PRELNATO``).
    """
    if "-" in tag or "/" in tag:
        parts = [p for p in _JOINERS.split(tag) if p]
        if len(parts) > 1 and all(
            p in _subjects() or p in _fixes() or _PROGRAM.match(p) for p in parts
        ):
            return tuple(t for p in parts for t in _fixes().get(p, (p,)))
        return None
    if not tag.isalpha() or len(tag) < 6:  # noqa: PLR2004 - the shortest is 4 + 2 letters
        return None
    pieces = _pieces(tag)
    if pieces is None:
        pieces = _pieces_with_organizations(tag)
    # Pieces of two letters alone would split words (BRUSSELS = BR US SE LS, PREFERENCE =
    # PREF ER EN CE): allow one, or more when a subject tag comes first and another tag
    # of four letters follows (CASCKFLOMARRPRELPINRAMGTMXJM).
    if pieces is None or (
        sum(len(p) == 2 for p in pieces) > 1  # noqa: PLR2004
        and not (pieces[0] in _subjects() and sum(len(p) == 4 for p in pieces) > 1)  # noqa: PLR2004
    ):
        return None
    return pieces


@functools.cache
def _pieces(rest: str, organizations: bool = False) -> tuple[str, ...] | None:
    """``rest`` cut into known tags (4 or 2 letters), and organizations if asked, or ``None``."""
    if not rest:
        return ()
    lengths = (*_PIECE_LENGTHS, *_organization_lengths()) if organizations else _PIECE_LENGTHS
    for n in lengths:
        head = rest[:n]
        if len(head) == n and (
            head in _piece_tags()
            or _PROGRAM.match(head)  # (four letters only)
            or (organizations and n > 2 and head in _organizations())  # noqa: PLR2004
        ):
            tail = _pieces(rest[n:], organizations)
            if tail is not None:
                return (head, *tail)
    return None


def _pieces_with_organizations(tag: str) -> tuple[str, ...] | None:
    """:func:`_pieces` with organizations (3 letters or more) as pieces too.

    At least one piece must be a tag of the subject table: ``PRELNATO``, not words such
    as ``KASHMIR`` (KASH, MIR) or ``MASKING`` (MAS, KING).
    """
    pieces = _pieces(tag, organizations=True)
    if pieces is None or not any(p in _subjects() for p in pieces):
        return None
    return pieces


@functools.cache
def _organization_lengths() -> tuple[int, ...]:
    """The lengths of the organization tags that are letters alone, 3 or more, longest first."""
    return tuple(
        sorted({len(t) for t in _organizations() if t.isalpha() and len(t) > 2}, reverse=True)  # noqa: PLR2004
    )


def _person(prefix: str, inside: str) -> str:
    name = ", ".join(p.strip() for p in inside.split(","))
    return f"{prefix} ({name})" if prefix else f"({name})"


def normalize_tags(tags: tuple[str, ...] | list[str]) -> list[str]:
    """Tags as written → upper case, typos fixed, run-together tags split, no duplicates.

    Person tags keep their name in parentheses, white space normalized; a bare
    ``(NAME)`` after a person prefix (``OREP, (DAVE OBEY, D-WISC.)``) joins it, and the
    split form ``OVIP BIDEN JOSEPH`` becomes ``OVIP (BIDEN, JOSEPH)``.
    """
    return list(_normalize(tuple(tags)))


@functools.lru_cache(maxsize=4096)
def _read_tag(raw: str) -> tuple[str, ...] | tuple[None, str, str]:
    """One tag as written → the tags it stands for, or ``(None, prefix, name)`` for a person."""
    tag = " ".join(raw.upper().split()).strip(" .,;:-")
    if not _HAS_ALNUM.search(tag):  # empty, or bare punctuation: TAGS: - PREL
        return ()
    m = _PERSON_PARTS.match(tag)
    if m and is_bracketed_marking(m.group(2)):  # no person: US (ENTIRE TEXT)
        tag = m.group(1).strip(" .,;:-")
        if not tag:
            return ()
    elif m:
        return (None, m.group(1), m.group(2))
    fixed = _fixes().get(tag)
    if fixed is None and not _known(tag):
        fixed = _split_run_together(tag)
    return fixed or (tag,)


@functools.lru_cache(maxsize=4096)
def _normalize(tags: tuple[str, ...]) -> tuple[str, ...]:
    flat: list[str] = []
    for raw in tags:
        if raw.upper() in _STOPS:  # a label run onto the TAGS line: ... CH SUBJECT: ...
            break
        read = _read_tag(raw)
        if read and read[0] is None:
            prefix, inside = read[1], read[2]
            if not prefix and flat and flat[-1] in _PERSON_PREFIXES:
                prefix = flat.pop()
            flat.append(_person(prefix, inside))
            continue
        flat.extend(read)
    out: list[str] = []
    i = 0
    while i < len(flat):
        tag = flat[i]
        i += 1
        if tag in _PERSON_PREFIXES:
            words: list[str] = []
            while (
                i < len(flat)
                and len(words) < _MAX_NAME_WORDS
                and _WORD.match(flat[i])
                and not _known(flat[i])
            ):
                words.append(flat[i])
                i += 1
            if words:
                tag = _person(tag, ", ".join((words[0], " ".join(words[1:]))).rstrip(", "))
        if tag not in out:
            out.append(tag)
    return tuple(out)


def _tags_line(cable: Cable) -> Line | None:
    """The line the cable's TAGS are read from (as :attr:`Cable.tags` reads them)."""
    items, types, present = item_types(cable)  # (shared: no scan of the items here)
    if TagsLine in present:
        return cast("TagsLine", items[types.index(TagsLine)])
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, Paragraph):
                break
            if isinstance(item, Line) and _TAGS_INSIDE.search(item.content):
                return item
    return None


class _Tags(NamedTuple):
    """What the TAGS extractors read, once per cable."""

    #: The normalized tags.
    normalized: tuple[str, ...]
    #: The line they are read from, as ``Found.lines``.
    lines: tuple[Line, ...]
    #: The tags as written: :attr:`Cable.tags`.
    written: tuple[str, ...]


def written_tags(cable: Cable) -> tuple[str, ...]:
    """:attr:`Cable.tags`, read (faster) once per cable and shared with ``tags``."""
    return shared(cable, "tags:normalized", _read).written


def _read(cable: Cable) -> _Tags:
    tags, line = _read_written(cable)
    found = tags
    if not tags:
        found, line = _read_unlabelled(cable)
    lines: tuple[Line, ...] = (line,) if line is not None else ()
    return _Tags(_normalize(found), lines, tags)


def _clean(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The tags up to a SUBJECT or REF label run onto the line, without bare punctuation."""
    out: list[str] = []
    for tag in tags:
        if tag.upper() in _STOPS:
            break
        if _HAS_ALNUM.search(tag):
            out.append(tag)
    return tuple(out)


def _preamble(cable: Cable) -> list[Line]:
    out: list[Line] = []
    for doc in cable.documents:
        for item in doc.items:
            if isinstance(item, Paragraph):
                return out
            if isinstance(item, Line):
                out.append(item)
    return out


def _read_unlabelled(cable: Cable) -> tuple[tuple[str, ...], Line | None]:
    """TAGS the grammar did not lex as a TAGS line, from the preamble's physical lines.

    A label the TAGS terminal does not know (``TAG PTER``, ``TAGE``, ``tags:``) at the
    start of a line or after the E.O. line's date on the same line, or no label at
    all: a line right after the E.O. line that holds nothing but known tags
    (``EFIN, ECON, PREL, CH``, 08BEIJING3662).  A tag list continues on the lines
    below it that hold nothing but known tags.
    """
    after_eo = False
    for item in _preamble(cable):
        is_eo = isinstance(item, EoLine)
        rows = item.content.split("\n")
        for i, row in enumerate(rows):
            m = (_LABEL_IN_EO.search(row) if is_eo and i == 0 else None) or _LABEL.match(row)
            if m is not None:
                rest = row[m.end() :]
            elif after_eo and _only_tags(row):
                rest = row
            else:
                after_eo = is_eo and i == 0
                continue
            for more in rows[i + 1 :]:
                if not _only_tags(more):
                    break
                rest += " " + more
            tags = _clean(TagsLine("TAGS: " + rest).tags)
            if tags:
                return tags, item
            after_eo = False
        if not is_eo:
            after_eo = False
        elif len(rows) == 1:
            after_eo = True
    return (), None


def _only_tags(row: str) -> bool:
    """Whether a line holds two or more tags and nothing else, one of them a subject tag."""
    words = [w for w in _SEPARATORS.split(row.strip().upper().strip(".")) if w]
    if len(words) < 2 or not all(_known(w) or w in _fixes() for w in words):  # noqa: PLR2004
        return False
    return any(w in _subjects() or w in _organizations() or _PROGRAM.match(w) for w in words)


def _read_written(cable: Cable) -> tuple[tuple[str, ...], Line | None]:
    """:attr:`Cable.tags` and the line they are read from."""
    page = cable.page
    if page is not None and page.tags:  # the tags the release linked
        return page.tags, _tags_line(cable)
    items, types, present = item_types(cable)
    if TagsLine in present:
        item = cast("TagsLine", items[types.index(TagsLine)])
        value = item.value
        if "(" in value:
            return cable.text_tags, item
        # Cable.tags without person tags, faster: split at blanks, commas and
        # semicolons (str.split's white space is the \s of the model's regex).
        words = value.replace(",", " ").replace(";", " ").split()
        if "." in value:
            words = [t for t in (w.strip(".") for w in words) if t]
        return tuple(words), item
    return cable.text_tags, _tags_line(cable)


def extract_tags(cable: Cable) -> Found:
    """The cable's tags, normalized (see :func:`normalize_tags`)."""
    read = shared(cable, "tags:normalized", _read)
    return Found(list(read.normalized), lines=read.lines)


def extract_tag_kinds(cable: Cable) -> Found:
    """``{tag: kind}`` for the cable's normalized tags (see :func:`tag_kind`)."""
    read = shared(cable, "tags:normalized", _read)
    kinds = {tag: _tag_kind(tag) for tag in read.normalized}
    return Found(kinds, lines=read.lines)


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register ``tags`` and ``tag_kinds`` (and read their tables, once, now)."""
    _piece_tags()
    _organizations()
    _fixes()
    register("tags", extract_tags)
    register("tag_kinds", extract_tag_kinds)

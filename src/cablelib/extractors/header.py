"""Built-in extractors of the transmission header: the action and information addressees.

``recipients`` and ``info_recipients`` are lists of::

    {"route": "RUEHC" | None, "name": "SECSTATE WASHDC" | None,
     "precedence": "PRIORITY" | None, "mcn": "3350" | None, "excluded": ["AMCONSUL ..."]}

* ``name`` is the plain-language address, white space folded and upper-cased; when
  only a routing indicator is written (a line ``RUEHC`` alone) the name comes from
  the routing-indicator table ``route2name.csv`` (``None`` if the route is unknown).
* ``precedence`` is FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY, ROUTINE or ``None``.
* ``mcn`` is the message control number as written (digits; a range ``2593-2599``
  for the sections of a multi-section cable), or ``None``.
* ``route`` is the routing indicator, or ``ZEN`` where that pseudo indicator (delivered
  by other means) is written in its place: ``ZEN/AMCONSUL HERAT``.
* ``excluded`` lists the names of an ``XMT`` line (members excluded from a
  collective, 5 FAH-1 H-230), attached to the collective it follows.

PlusD office distribution lists (``INFO OCT-01 ISO-00 ... /136 W``), PlusD separators
and telegram page headers that share the addressee lines are not addressees and are
left out.  A cable without a header has no addressees (empty lists).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from cablelib.extraction import Found, shared
from cablelib.extractors._data import mapping
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    AddressLine,
    Cable,
    InfoLine,
    Line,
    PageBreakLine,
    PageMarkerLine,
    Recipient,
    ToLine,
    XmtLine,
)

__all__ = ["cablelib_register_extractors", "info_recipients", "recipients"]

_WS = re.compile(r"\s+")
#: A routing indicator (ACP-117; cable2graph's pattern, 4 to 7 letters).
_ROUTE = re.compile(r"[QRU][A-IK-QS-UW-Z][A-Z]{2,5}")
#: ``RUEHC/SECSTATE WASHDC`` written in mixed case, with spaces around the slash or a stray
#: stop before it (``RUEHML./AMEMBASSY MANILA``); ``ZEN/AMCONSUL HERAT``: the ACP-127
#: pseudo routing indicator ZEN (delivered by other means) in the route's place.
_ROUTE_PREFIX = re.compile(r"([QRUqru][A-Za-z]{3,6}|ZEN)\.?\s*/\s*(?!/)")
#: A trailing precedence and message control number, in any case.
_TAIL = re.compile(
    r"(?:\s+(FLASH|NIACT\s+IMMEDIATE|NIACT|IMMEDIATE|IMMED|PRIORITY|ROUTINE))?"
    r"(?:\s+(\d{1,5}(?:-\d{1,5})?))?\s*$",
    re.IGNORECASE,
)
#: Tokens of a PlusD office list: ``OCT-01``, ``INR0-08``, ``/136 W``, ``/012W``, ``/007 R``.
_OFFICE_TOKEN = re.compile(r"[A-Z][A-Z0-9/]{0,7}-\d{1,3}|/\s?\d{1,3}\s?[A-Z]?\b")
#: A whole word that is an office of such a list, OCR slips allowed (``DODE:-00``).
_OFFICE_WORD = re.compile(r"[A-Z][A-Z0-9]{0,5}:?-\d{2}")
#: Office words that make a line an office list, whatever else OCR left on it
#: (``H-03 PA-04 USIE-00 ( ISO ) R``); one alone may be part of a name (``DIA DHP-1``).
_OFFICE_WORDS = 2
#: A PlusD separator (``------------------093930 150229Z /14``) or telegram page header.
_NOT_ADDRESS = re.compile(r"-{5,}|PAGE\s+\d{1,3}\b", re.IGNORECASE)
_PRECEDENCES = {
    "FLASH": "FLASH",
    "NIACT IMMEDIATE": "NIACT IMMEDIATE",
    "NIACT": "NIACT IMMEDIATE",
    "IMMEDIATE": "IMMEDIATE",
    "IMMED": "IMMEDIATE",
    "PRIORITY": "PRIORITY",
    "ROUTINE": "ROUTINE",
}
_BREAKS = (PageMarkerLine, PageBreakLine)


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _is_office_list(name: str) -> bool:
    """Whether a name is (part of) a PlusD office distribution list, not an addressee."""
    if _NOT_ADDRESS.match(name):
        return True
    if "-" in name or "/" in name:  # else no office token to take out
        if (
            "-" in name
            and sum(map(bool, map(_OFFICE_WORD.fullmatch, name.split()))) >= _OFFICE_WORDS
        ):
            return True
        name = _OFFICE_TOKEN.sub(" ", name)
    return not any(ch.isalpha() for ch in name)


#: ``(route, name, precedence, mcn)`` of one addressee.
_Item = tuple[str | None, str | None, str | None, str | None]


#: The last words of the precedences :data:`_TAIL` reads.
_TAIL_WORDS = frozenset(("FLASH", "NIACT", "IMMEDIATE", "IMMED", "PRIORITY", "ROUTINE"))


def _may_have_tail(name: str) -> bool:
    """Whether :data:`_TAIL` may find a precedence or mcn at the end of a folded name.

    Only when the last word is one of the precedences' or digits (or not ASCII, where
    case-insensitive matching has its special cases): most names are left alone
    without running the search, which tries every character.
    """
    last = name[name.rfind(" ") + 1 :]
    if "-" in last:  # an mcn range of a multi-section cable: "2593-2599"
        last = last.replace("-", "")
    return not last.isascii() or last.isdecimal() or last.upper() in _TAIL_WORDS


def _recipient(found: Recipient) -> _Item | None:
    """One addressee as ``(route, name, precedence, mcn)``, or ``None`` when it is no addressee."""
    name = _fold(found.name)
    route = found.route
    precedence = found.precedence
    mcn = found.mcn
    if _is_office_list(name):
        return None
    if route is None:
        m = _ROUTE_PREFIX.match(name)
        if m:
            route, name = m.group(1).upper(), name[m.end() :]
    if precedence is None or mcn is None:  # mixed-case cables: "Secstate Washdc Priority 0123"
        m = _TAIL.search(name) if _may_have_tail(name) else None
        if m and m.start() > 0 and (m.group(1) or m.group(2)):
            precedence = precedence or m.group(1)
            mcn = mcn or m.group(2)
            name = name[: m.start()]
    name = name.upper().strip(" ,.;")
    routes = mapping("route2name.csv")
    # A word alone is a routing indicator if it is a known one or an R... one: US
    # indicators start with R (ACP-117); USUN is an addressee's name.
    if route is None and _ROUTE.fullmatch(name) and (name[0] == "R" or name in routes):
        route, name = name, ""
    if not name:
        name = routes.get(route or "", "")
    if not name and route is None:
        return None
    prec = _PRECEDENCES.get(_fold(precedence).upper()) if precedence else None
    return (route, name or None, prec, mcn)


#: What the model's addressee parser drops from the first text line of an element.
_KEYWORD = re.compile(r"\s*(?:TO|INFO|XMT)\s")
#: The precedences an addressee line may end with, as the model reads them.
_MODEL_PRECEDENCES = frozenset(("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"))
_ROUTE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ROUTE_MAX = 8
_MCN_MAX = 5
#: Stands for the message control number cut off a text line before it is looked up.
_SOME_MCN = "0"


def _parse(text: str, *, mcn_follows: bool) -> Recipient | None:
    """The addressee of one text line (its keyword dropped), as the model reads it.

    ``mcn_follows``: ``text`` is the head that :func:`_add` cut an mcn from;
    the result's ``mcn`` is then :data:`_SOME_MCN`.
    """
    folded = " ".join(text.split())
    route = None
    slash = folded.find("/")
    if (
        len("ROUT") <= slash <= _ROUTE_MAX
        and "A" <= folded[0] <= "Z"
        and all(ch in _ROUTE_CHARS for ch in folded[1:slash])
    ):
        route, folded = folded[:slash], folded[slash + 1 :]
    # the shortest name the rest of the line leaves: "<name>[ <precedence>][ <mcn>]"
    tokens = folded.split(" ")
    mcn = precedence = None
    if mcn_follows:  # (the tokens before it are those of the head)
        mcn = _SOME_MCN
    elif len(tokens) > 1 and len(tokens[-1]) <= _MCN_MAX and tokens[-1].isdecimal():
        mcn = tokens.pop()
    if len(tokens) > 1 and tokens[-1] in _MODEL_PRECEDENCES:
        if len(tokens) > 2 and tokens[-1] == "IMMEDIATE" and tokens[-2] == "NIACT":  # noqa: PLR2004
            precedence = "NIACT IMMEDIATE"
            del tokens[-2:]
        else:
            precedence = tokens.pop()
    name = " ".join(" ".join(tokens).split())
    if not name:
        return None
    return Recipient(route=route, name=name, precedence=precedence, mcn=mcn)


def _parse_text_line(text: str, *, first: bool) -> Recipient | None:
    """The addressee of one text line of a TO, INFO, XMT or address line, or ``None``.

    The same result as the model's :attr:`~cablelib.model.ToLine.recipients` gives
    for that text line (``first``: the element's first text line, where a ``TO``,
    ``INFO`` or ``XMT`` keyword is dropped), without the model's regular expression,
    which tries the rest of the line at each character of the name.
    """
    if first:
        m = _KEYWORD.match(text)
        if m:
            text = text[m.end() :]
    return _parse(text, mcn_follows=False)


@functools.lru_cache(maxsize=8192)
def _item(text: str, mcn_follows: bool) -> _Item | None:
    """The addressee of a text line (see :func:`_parse`), in JSON values; looked up once."""
    found = _parse(text, mcn_follows=mcn_follows)
    return _recipient(found) if found is not None else None


def _addressees(cable: Cable) -> tuple[Found, Found]:
    """The action and information addressees, each with the lines they were read from."""
    return shared(cable, "header:addressees", _read_addressees)


_TO, _INFO, _XMT, _ADDRESS, _BREAK, _OTHER = range(6)
#: What each kind of header line is to the addressee lists (subclasses: :func:`_kind`).
_KINDS: dict[type, int] = {
    ToLine: _TO,
    InfoLine: _INFO,
    XmtLine: _XMT,
    AddressLine: _ADDRESS,
    PageMarkerLine: _BREAK,
    PageBreakLine: _BREAK,
}


#: The kind of each line class met so far, subclasses included (filled by :func:`_kind`).
_KIND_OF: dict[type, int] = dict(_KINDS)


def _kind(line: Line) -> int:
    cls = type(line)
    kind = _KIND_OF.get(cls)
    if kind is None:  # a class met for the first time: most header lines are of none
        kind = next((k for base, k in _KINDS.items() if issubclass(cls, base)), _OTHER)
        _KIND_OF[cls] = kind
    return kind


def _read_addressees(cable: Cable) -> tuple[Found, Found]:
    header = cable.header
    to: list[dict[str, Any]] = []
    info: list[dict[str, Any]] = []
    to_lines: list[Line] = []
    info_lines: list[Line] = []
    if header is None:
        return Found([]), Found([])
    current: list[dict[str, Any]] | None = None
    current_lines: list[Line] = []
    excluding: dict[str, Any] | None = None
    for line in header.lines:
        kind = _kind(line)
        if kind == _TO:
            current, current_lines, excluding = to, to_lines, None
        elif kind == _INFO:
            current, current_lines, excluding = info, info_lines, None
        elif kind == _XMT:
            excluding = _collective(current)
            if excluding is None:
                current = None
                continue
        elif kind != _ADDRESS:
            if kind != _BREAK:
                current = None
                excluding = None
            continue
        if current is not None and _add(line.content, current, excluding):
            current_lines.append(line)
    return Found(to, tuple(to_lines)), Found(info, tuple(info_lines))


def _add(content: str, current: list[dict[str, Any]], excluding: dict[str, Any] | None) -> bool:
    """Add the addressees of a line's content to ``current`` (or to ``excluding``'s XMT list)."""
    used = False
    texts = content.split("\n")
    m = _KEYWORD.match(texts[0])
    if m:
        texts[0] = texts[0][m.end() :]
    for raw in texts:
        # An mcn (digits at the very end, something before them, as the model's parser
        # reads it) changes from cable to cable, the rest of the line much less: the
        # head is what is looked up.
        head, _, last = raw.rpartition(" ")
        if last.isdecimal() and len(last) <= _MCN_MAX and head and not head.isspace():
            item, mcn = _item(head, True), last
        else:
            item, mcn = _item(raw, False), None
        if item is None:
            continue
        used = True
        if excluding is None:
            route, name, precedence, item_mcn = item
            current.append(
                {
                    "route": route,
                    "name": name,
                    "precedence": precedence,
                    "mcn": mcn or item_mcn,  # (item_mcn is _SOME_MCN when mcn is cut off)
                    "excluded": [],
                }
            )
        elif item[1]:
            excluding["excluded"].append(item[1])
    return used


def _collective(current: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    """The addressee an XMT line belongs to: the last collective, else the last addressee."""
    if not current:
        return None
    found: dict[str, Any] = current[-1]
    for item in reversed(current):
        if "COLLECTIVE" in (item["name"] or ""):
            found = item
            break
    return found


def recipients(cable: Cable) -> Found:
    """The action addressees (TO) as ``{route, name, precedence, mcn, excluded}`` dicts."""
    return _addressees(cable)[0]


def info_recipients(cable: Cable) -> Found:
    """The information addressees (INFO) as ``{route, name, precedence, mcn, excluded}`` dicts."""
    return _addressees(cable)[1]


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register ``recipients`` and ``info_recipients``."""
    register("recipients", recipients)
    register("info_recipients", info_recipients)

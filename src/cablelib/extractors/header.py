"""Built-in extractors of the transmission header: the action and information addressees.

``recipients`` and ``info_recipients`` are lists of::

    {"route": "RUEHC" | None, "name": "SECSTATE WASHDC" | None,
     "precedence": "PRIORITY" | None, "mcn": "3350" | None, "excluded": ["AMCONSUL ..."]}

* ``name`` is the plain-language address, white space folded and upper-cased; when
  only a routing indicator is written (a line ``RUEHC`` alone) the name comes from
  the routing-indicator table ``route2name.csv`` (``None`` if the route is unknown).
* ``precedence`` is FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY, ROUTINE or ``None``.
* ``mcn`` is the message control number as written (digits), or ``None``.
* ``excluded`` lists the names of an ``XMT`` line (members excluded from a
  collective, 5 FAH-1 H-230), attached to the collective it follows.

PlusD office distribution lists (``INFO OCT-01 ISO-00 ... /136 W``), PlusD separators
and telegram page headers that share the addressee lines are not addressees and are
left out.  A cable without a header has no addressees (empty lists).
"""

from __future__ import annotations

import re
from typing import Any

from cablelib.extraction import Found
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
#: ``RUEHC/SECSTATE WASHDC`` written in mixed case or with spaces around the slash.
_ROUTE_PREFIX = re.compile(r"([QRUqru][A-Za-z]{3,6})\s*/\s*(?!/)")
#: A trailing precedence and message control number, in any case.
_TAIL = re.compile(
    r"(?:\s+(FLASH|NIACT\s+IMMEDIATE|NIACT|IMMEDIATE|IMMED|PRIORITY|ROUTINE))?"
    r"(?:\s+(\d{1,5}))?\s*$",
    re.IGNORECASE,
)
#: Tokens of a PlusD office list: ``OCT-01``, ``INR0-08``, ``/136 W``, ``/012W``, ``/007 R``.
_OFFICE_TOKEN = re.compile(r"[A-Z][A-Z0-9/]{0,7}-\d{1,3}|/\s?\d{1,3}\s?[A-Z]?\b")
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
_AddresseeLines = ToLine | InfoLine | XmtLine | AddressLine


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _is_office_list(name: str) -> bool:
    """Whether a name is (part of) a PlusD office distribution list, not an addressee."""
    if _NOT_ADDRESS.match(name):
        return True
    return not any(ch.isalpha() for ch in _OFFICE_TOKEN.sub(" ", name))


def _recipient(found: Recipient) -> dict[str, Any] | None:
    """The JSON form of one addressee, or ``None`` when it is no addressee."""
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
        m = _TAIL.search(name)
        if m and m.start() > 0 and (m.group(1) or m.group(2)):
            precedence = precedence or m.group(1)
            mcn = mcn or m.group(2)
            name = name[: m.start()]
    name = name.upper().strip(" ,.;")
    if route is None and _ROUTE.fullmatch(name):
        route, name = name, ""
    if not name:
        name = mapping("route2name.csv").get(route or "", "")
    if not name and route is None:
        return None
    prec = _PRECEDENCES.get(_fold(precedence).upper()) if precedence else None
    return {
        "route": route,
        "name": name or None,
        "precedence": prec,
        "mcn": mcn,
        "excluded": [],
    }


#: The last cable read and its addressees: both extractors share one pass over the header.
_last: list[tuple[Cable, tuple[Found, Found]]] = []


def _addressees(cable: Cable) -> tuple[Found, Found]:
    """The action and information addressees, each with the lines they were read from."""
    if _last and _last[0][0] is cable:
        return _last[0][1]
    result = _read_addressees(cable)
    _last[:] = [(cable, result)]
    return result


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
        if isinstance(line, ToLine | InfoLine):
            current, current_lines = (
                (to, to_lines) if isinstance(line, ToLine) else (info, info_lines)
            )
            excluding = None
        elif isinstance(line, XmtLine):
            excluding = _collective(current)
            if excluding is None:
                current = None
                continue
        elif not isinstance(line, AddressLine):
            if not isinstance(line, _BREAKS):
                current = None
                excluding = None
            continue
        if current is not None and _add(line, current, excluding):
            current_lines.append(line)
    return Found(to, tuple(to_lines)), Found(info, tuple(info_lines))


def _add(line: Line, current: list[dict[str, Any]], excluding: dict[str, Any] | None) -> bool:
    """Add a line's addressees to ``current`` (or to the XMT list of ``excluding``)."""
    used = False
    for found in line.recipients if isinstance(line, _AddresseeLines) else ():
        item = _recipient(found)
        if item is None:
            continue
        used = True
        if excluding is None:
            current.append(item)
        elif item["name"]:
            excluding["excluded"].append(item["name"])
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

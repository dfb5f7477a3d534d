"""Built-in extractors of the transmission header: the action and information addressees.

``recipients`` and ``info_recipients`` are lists of::

    {"route": "RUEHC" | None, "name": "SECSTATE WASHDC" | None,
     "precedence": "PRIORITY" | None, "mcn": "3350" | None, "excluded": ["AMCONSUL ..."]}

* ``name`` is the plain-language address, white space folded and upper-cased; when
  only a routing indicator is written (a line ``RUEHC`` alone) the name comes from
  the routing-indicator table ``route2name.csv`` (``None`` if the route is unknown).
  The delivery instruction of an addressee served by pouch is no part of its name:
  ``AMCONSUL MARACAIBO POUCH``, ``AMEMBASSY BOGOTA BY POUCH`` give ``AMCONSUL
  MARACAIBO``, ``AMEMBASSY BOGOTA``.
* ``precedence`` is FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY, ROUTINE or ``None``.
* ``mcn`` is the message control number as written (digits; a range ``2593-2599``
  for the sections of a multi-section cable), or ``None``.
* ``route`` is the routing indicator, or ``ZEN`` where that pseudo indicator (delivered
  by other means) is written in its place: ``ZEN/AMCONSUL HERAT``.  It is kept as the
  route, not dropped to ``None``: it is what stands in the indicator's place, and it
  tells an addressee this transmission did not reach from one written without any.
* ``excluded`` lists the names of an ``XMT`` line (members excluded from a
  collective, 5 FAH-1 H-230), attached to the collective it follows.

PlusD office distribution lists (``INFO OCT-01 ISO-00 ... /136 W``), PlusD separators
and telegram page headers that share the addressee lines are not addressees and are
left out.  A text without a header the grammar read (a copy of the TO and INFO lines
alone, maybe under the FM line) is read from its first line while that holds addressee
lines; any other text without a header has no addressees (empty lists).  A copy that
stops on an addressee (no BT under it) keeps that last line in its list, though the
grammar reads it as a signature.

Copies that OCR damaged or reformatted are read too: keywords as OCR reads them
(``T0``, ``INF0``, ``lNFO``), with a colon or in mixed case; INFO or XMT inside a line
(``TO SECSTATE WASHDC IMMEDIATE 4567 INFO AMEMBASSY LONDON``) and an FM line joined with
the addressees; several addressees on one line; precedences misread (``PRIORlTY``); and a
line wrapped in the middle of an addressee (a precedence alone on the next line, or
``RUEHNO/USMISSION USNATO`` then ``BRUSSELS 0002``).
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
    FromLine,
    Header,
    InfoLine,
    LeadingBlank,
    Line,
    PageBreakLine,
    PageMarkerLine,
    Recipient,
    SignatureLine,
    TextLine,
    ToLine,
    XmtLine,
    _fold,
)

__all__ = ["cablelib_register_extractors", "info_recipients", "recipients"]

#: A routing indicator (ACP-117; cable2graph's pattern, 4 to 7 letters).
_ROUTE = re.compile(r"[QRU][A-IK-QS-UW-Z][A-Z]{2,5}")
#: ``RUEHC/SECSTATE WASHDC`` written in mixed case, with spaces around the slash or a stray
#: stop before it (``RUEHML./AMEMBASSY MANILA``); ``ZEN/AMCONSUL HERAT``: the ACP-127
#: pseudo routing indicator ZEN (delivered by other means) in the route's place.
_ROUTE_PREFIX = re.compile(r"([QRUqru][A-Za-z]{3,6}|ZEN)\.?\s*/\s*(?!/)")
#: A trailing precedence and message control number, in any case, OCR slips allowed
#: (``PRIORlTY``, ``IMMED1ATE``, ``R0UTINE``: see :data:`_OCR_LETTERS`).
_TAIL = re.compile(
    r"(?:\s+(FLASH|N[I1l]ACT\s+[I1l]MMED[I1l]ATE|N[I1l]ACT|[I1l]MMED[I1l]ATE|[I1l]MMED"
    r"|PR[I1l][O0]R[I1l]TY|R[O0]UT[I1l]NE))?"
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
#: What OCR reads for the letters of a precedence: 1 or l for I, 0 for O (upper case).
_OCR_LETTERS = str.maketrans("1L0", "IIO")
_BREAKS = (PageMarkerLine, PageBreakLine)


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


#: A delivery instruction after an addressee served by pouch, not part of its name:
#: ``AMCONSUL MARACAIBO POUCH``, ``AMEMBASSY BOGOTA BY POUCH``, ``VIA AIR POUCH``.
_POUCH = re.compile(r"(?:^|\s+|(?<=[,;]))(?:(?:BY|VIA)\s+)?(?:AIR\s?)?P[O0]UCH$")
_POUCH_ENDS = ("POUCH", "P0UCH")

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
    if not last.isascii() or last.isdecimal():
        return True
    last = last.upper()
    return last in _TAIL_WORDS or last.translate(_OCR_LETTERS) in _TAIL_WORDS


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
    if name.endswith(_POUCH_ENDS):  # AMCONSUL MARACAIBO POUCH: a delivery instruction
        name = _POUCH.sub("", name)
    routes = mapping("route2name.csv")
    # A word alone is a routing indicator if it is a known one or an R... one: US
    # indicators start with R (ACP-117); USUN is an addressee's name.
    if route is None and _ROUTE.fullmatch(name) and (name[0] == "R" or name in routes):
        route, name = name, ""
    if not name:
        name = routes.get(route or "", "")
    if not name and route is None:
        return None
    prec = _precedence(precedence) if precedence else None
    return (route, name or None, prec, mcn)


def _precedence(written: str) -> str | None:
    """A precedence as written → FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE."""
    key = _fold(written).upper()
    found = _PRECEDENCES.get(key)
    return found if found is not None else _PRECEDENCES.get(key.translate(_OCR_LETTERS))


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


#: What OCR reads for the digits of an mcn: O or o for 0, l or I for 1.
_OCR_DIGITS = str.maketrans("OolI", "0011")


def _ocr_mcn(word: str) -> str:
    """``0O12`` → ``0012``: an mcn with letters OCR read for digits; other words unchanged."""
    fixed = word.translate(_OCR_DIGITS)
    return fixed if fixed.isdecimal() and fixed.isascii() else word


#: What :func:`_row_item` returns for a text line to cut first (compared by identity).
_SPECIAL: _Item = ("", "", "", "")


@functools.lru_cache(maxsize=8192)
def _row_item(text: str, mcn_follows: bool) -> _Item | None:
    """:func:`_item`, or :data:`_SPECIAL` for a text line to cut first.

    Those hold a keyword (OCR, mixed case or a colon at their start; INFO or XMT inside)
    or several addressees.
    """
    if (
        _ROW_KEYWORD.match(text)
        or (("INFO" in text or "XMT" in text) and _INNER_KEYWORD.search(text))
        or _NEXT_ADDRESSEE.search(text)
    ):
        return _SPECIAL
    return _item(text, mcn_follows)


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


#: A keyword at the start of a text line that the grammar did not read as one: OCR
#: (``T0``, ``INF0``, ``lNFO``), a colon (``INFO:``) or mixed case (``Info Amembassy X``).
_ROW_KEYWORD = re.compile(r"[ \t]*(?:(T[O0])|([I1l]NF[O0])|(XMT))(?:[ \t]*:[ \t]*|[ \t]+)", re.I)
#: INFO or XMT inside a text line, where a reformatted copy joined the lines:
#: ``TO SECSTATE WASHDC IMMEDIATE 4567 INFO AMEMBASSY LONDON``.
_INNER_KEYWORD = re.compile(r"[ \t]+(INFO|XMT)(?:[ \t]*:[ \t]*|[ \t]+)(?=\S)")
#: TO inside an FM line that a reformatted copy joined with the next lines.
#: (not the TO of a name: USDEL TO THE CSCE)
_FM_TO = re.compile(
    r"[ \t]+TO(?:[ \t]*:[ \t]*|[ \t]+)(?=\S.*(?:SECSTATE|AMEMBASSY|AMCONSUL|USMISSION|/|\d))"
)
#: Where one text line holds several addressees: before a routing indicator and its
#: slash, or before a kind of post (``AMEMBASSY LONDON 0123 AMEMBASSY PARIS 0124``).
_NEXT_ADDRESSEE = re.compile(
    r"(?<![/\s])[ \t]+"
    r"(?=[QRU][A-IK-QS-UW-Z][A-Z]{2,5}/[A-Z]|(?:AMEMBASSY|AMCONSUL|USMISSION|SECSTATE)[ \t])"
)
#: A text line that starts with a routing indicator and its slash.
_ROUTED = re.compile(r"\s*[QRU][A-IK-QS-UW-Z][A-Z]{2,5}\s*/")
#: First words of an addressee written without its routing indicator in a routed
#: list; a line without a route that starts otherwise continues the name above it.
_NEW_ADDRESSEE_WORDS = frozenset(
    ("AMEMBASSY", "AMEMB", "AMCONSUL", "AMCONGEN", "USMISSION", "SECSTATE", "SECDEF", "ALL", "ZEN")
)
#: How names end that are whole (no line continues them).
_WHOLE_NAME_ENDS = (" WASHDC", " DC", "COLLECTIVE", "//")
#: The most words the continuation of a wrapped addressee line has.
_WRAP_WORDS = 3


class _Lists:
    """The addressee lists being read, and where the reading is."""

    __slots__ = (
        "collectives",
        "current",
        "current_lines",
        "excluding",
        "info",
        "info_lines",
        "to",
        "to_lines",
    )

    def __init__(self) -> None:
        self.to: list[dict[str, Any]] = []
        self.info: list[dict[str, Any]] = []
        self.to_lines: list[Line] = []
        self.info_lines: list[Line] = []
        self.current: list[dict[str, Any]] | None = None
        self.current_lines: list[Line] = []
        self.excluding: dict[str, Any] | None = None
        #: Per list (by id): how many addressees were looked at for a collective, and the
        #: last collective among them; so that many XMT lines cost linear time.
        self.collectives: dict[int, tuple[int, dict[str, Any] | None]] = {}

    def switch(self, kind: int) -> None:
        """Go on with the list a TO, INFO or XMT keyword starts."""
        if kind == _TO:
            self.current, self.current_lines, self.excluding = self.to, self.to_lines, None
        elif kind == _INFO:
            self.current, self.current_lines, self.excluding = self.info, self.info_lines, None
        else:
            self.excluding = self._collective()
            if self.excluding is None:
                self.current = None

    def _collective(self) -> dict[str, Any] | None:
        """The addressee an XMT line belongs to: the last collective, else the last addressee."""
        current = self.current
        if not current:
            return None
        checked, last = self.collectives.get(id(current), (0, None))
        for item in current[checked:]:
            if "COLLECTIVE" in (item["name"] or ""):
                last = item
        self.collectives[id(current)] = (len(current), last)
        return last if last is not None else current[-1]

    def add_rows(self, rows: list[str], line: Line) -> None:
        """Add the addressees of a line's text lines (its keyword dropped).

        As :func:`_add` reads them, but a text line that holds a keyword or several
        addressees is cut first (:data:`_SPECIAL`), a wrapped line joins the addressee
        above it, and a line with a routing indicator ends an XMT list.
        """
        used = False
        current, excluding = self.current, self.excluding
        for raw in rows:
            head, _, last = raw.rpartition(" ")
            if (
                not last.isdecimal()
                and 2 < len(last) <= _MCN_MAX  # noqa: PLR2004
                and any(ch.isdigit() for ch in last)
            ):
                last = _ocr_mcn(last)  # OCR: 0O12, 12l4
            if last.isdecimal() and len(last) <= _MCN_MAX and head and not head.isspace():
                item, mcn = _row_item(head, True), last
            else:
                item, mcn = _row_item(raw, False), None
            if item is _SPECIAL:
                if used:
                    self.used(line)
                    used = False
                self.cut(raw, line)
                current, excluding = self.current, self.excluding
                continue
            if item is None or current is None:
                continue
            if excluding is not None:
                if self.exclude(item, raw):
                    used = True
                    continue
                excluding = None
            route, name, precedence, item_mcn = item
            found: dict[str, Any] = {
                "route": route,
                "name": name,
                "precedence": precedence,
                "mcn": mcn or item_mcn,  # (item_mcn is _SOME_MCN when mcn is cut off)
                "excluded": [],
            }
            if (
                route is None
                and current
                and (current[-1]["route"] is not None or " " not in (name or " "))
                and _continues(current[-1], found)
            ):
                continue
            current.append(found)
            used = True
        if used:
            lines = self.current_lines
            if not lines or lines[-1] is not line:
                lines.append(line)

    def exclude(self, item: _Item, raw: str) -> bool:
        """Add an addressee of an XMT list to it; ``False`` if a routed line ends the list."""
        excluding = self.excluding
        route, name = item[0], item[1]
        if route is None or route == "ZEN" or "/" not in raw:
            if name and excluding is not None:
                excluding["excluded"].append(name)
            return True
        self.excluding = None  # XMT names have no routing indicator: the list goes on
        return False

    def cut(self, raw: str, line: Line) -> None:
        """Add the addressees of a text line that holds keywords or several addressees."""
        for switch, text in _segments(raw):
            if switch is not None:
                self.switch(switch)
            for one in _several(text):
                self.add(one, line)

    def used(self, line: Line) -> None:
        """Note that the current list was read from ``line``."""
        if not self.current_lines or self.current_lines[-1] is not line:
            self.current_lines.append(line)

    def add(self, text: str, line: Line) -> None:
        """Add the addressees of one text (no keyword at its start) to the current list."""
        current = self.current
        if current is None:
            return
        if self.excluding is not None and "/" in text and _ROUTED.match(text):
            self.excluding = None  # XMT names have no routing indicator: the list goes on
        n = len(current)
        if _add(text, current, self.excluding):
            self.used(line)
            if self.excluding is None and len(current) > 1:
                _join_wrapped(current, n)


def _join_wrapped(current: list[dict[str, Any]], start: int) -> None:
    """Join the lines from ``start`` on that continue the addressee above them to it."""
    i = max(start, 1)
    while i < len(current):
        if current[i]["route"] is None and _continues(current[i - 1], current[i]):
            del current[i]
        else:
            i += 1


def _continues(prev: dict[str, Any], last: dict[str, Any]) -> bool:
    """Whether ``last`` (no routing indicator) continues ``prev`` (a wrapped line); join them.

    A line of a precedence alone (and mcn) ends the addressee above it. Else
    ``RUEHNO/USMISSION USNATO`` then ``BRUSSELS 0002``: the line above has a routing
    indicator and neither precedence nor mcn (those end an addressee line) nor a name
    that ends like a whole one, this one does not start like an addressee.
    """
    name = last["name"]
    if not name or prev["precedence"] is not None or prev["mcn"] is not None or prev["excluded"]:
        return False
    if last["precedence"] is None and (" " not in name or name == "NIACT IMMEDIATE"):
        precedence = _PRECEDENCES.get(name) or _PRECEDENCES.get(name.translate(_OCR_LETTERS))
        if precedence is not None:
            prev["precedence"], prev["mcn"] = precedence, last["mcn"]
            return True
    if prev["route"] is None or prev["route"] == "ZEN":
        return False
    above = prev["name"] or ""
    if (
        "COLLECTIVE" in name
        or name.count(" ") >= _WRAP_WORDS
        or above.endswith(_WHOLE_NAME_ENDS)
        or _starts_addressee(name)
    ):
        return False
    prev["name"] = f"{above} {name}" if above else name
    prev["precedence"] = last["precedence"]
    prev["mcn"] = last["mcn"]
    return True


@functools.cache
def _addressee_first_words() -> frozenset[str]:
    """The first words of addressees' names: those of ``route2name.csv`` and more."""
    names = mapping("route2name.csv").values()
    return _NEW_ADDRESSEE_WORDS | frozenset(name.split(" ", 1)[0] for name in names if name)


def _starts_addressee(name: str) -> bool:
    """Whether a name starts like an addressee's (``AMEMBASSY``, ``CDR``, ``USUN`` ...)."""
    first = name.split(" ", 1)[0]
    return first in _addressee_first_words() or (first.startswith("US") and len(first) > 3)  # noqa: PLR2004


def _segments(row: str) -> list[tuple[int | None, str]]:
    """A text line cut at the keywords in it: ``(kind or None, text)`` pairs."""
    out: list[tuple[int | None, str]] = []
    kind: int | None = None
    m = _ROW_KEYWORD.match(row)
    if m is not None:
        kind = _TO if m.group(1) else _INFO if m.group(2) else _XMT
        row = row[m.end() :]
    if "INFO" in row or "XMT" in row:
        start = 0
        for inner in _INNER_KEYWORD.finditer(row):
            out.append((kind, row[start : inner.start()]))
            kind = _INFO if inner.group(1) == "INFO" else _XMT
            start = inner.end()
        row = row[start:]
    out.append((kind, row))
    return out


def _several(text: str) -> list[str]:
    """A text line that holds several addressees, cut into one text per addressee."""
    return [t for t in _NEXT_ADDRESSEE.split(text) if t.strip()]


def _read_addressees(cable: Cable) -> tuple[Found, Found]:
    header = cable.header
    if header is None:
        return _headless(cable)
    lists: _Lists | None = None
    kind_of = _KIND_OF.get
    for line in header.lines:
        kind = kind_of(type(line))
        if kind is None:  # (a class met for the first time)
            kind = _kind(line)
        if kind == _OTHER:
            content = _joined_to(line) if type(line) is FromLine else None
            if content is None:
                if lists is not None:
                    lists.current = lists.excluding = None
                continue
            kind = _TO
        elif kind == _BREAK:
            continue
        else:
            # the raw text: its content's rows, then the blank rows after it, which
            # read as no addressee (so the content is not split off)
            content = line.raw
        if lists is None:
            lists = _Lists()
        rows = content.split("\n")
        if kind != _ADDRESS:
            lists.switch(kind)
            m = _KEYWORD.match(rows[0])
            if m:
                rows[0] = rows[0][m.end() :]
        lists.add_rows(rows, line)
    if lists is None:
        return Found([]), Found([])
    _add_header_end(cable, header, lists)
    return Found(lists.to, tuple(lists.to_lines)), Found(lists.info, tuple(lists.info_lines))


def _add_header_end(cable: Cable, header: Header, lists: _Lists) -> None:
    """Add the text's last line to the list being read when it ends the header.

    A copy of the header alone that stops on an addressee (no BT, no text below):
    the grammar reads its last line as the signature.  It must stand right under
    the header, no blank line between.
    """
    items = cable.documents[-1].items
    if len(items) < 2:  # noqa: PLR2004
        return
    end = items[-1]
    if (
        type(end) is SignatureLine
        and lists.current is not None
        and items[-2] is header
        and header.lines
        and header.lines[-1].eol.count("\n") == 1
    ):
        lists.add_rows(end.content.split("\n"), end)


#: An FM line the grammar did not read as one (no header around it).
_FM_ROW = re.compile(r"[ \t]*F'?M[ \t]+\S")
#: A line that ends the addressees of a text without a header: the BT prosign.
_BT_ROW = re.compile(r"[ \t]*BT[ \t]*\Z")


def _headless(cable: Cable) -> tuple[Found, Found]:
    """The addressees of a text that starts with them but has no header the grammar read.

    A copy of the addressee lines alone (``TO SECSTATE WASHDC 7561`` / ``INFO SECDEF``),
    maybe under the FM line, without the format lines or the date-time group around
    them: the grammar reads them as text (a last short line as a signature).  Read
    from the text's first line on, as long as the lines are addressee lines: an FM
    line, a TO, INFO or XMT keyword, then lines in capitals (or with a routing
    indicator) up to BT or the first other line.
    """
    lists: _Lists | None = None
    sender = False  # an FM line was read
    line_end = ""  # the end of the line read last, blank lines after it included
    for line in cable.lines():
        kind = type(line)
        if kind is LeadingBlank or (lists is not None and _kind(line) == _BREAK):
            continue  # a telegram's page break inside the lists
        if kind is not TextLine and kind is not SignatureLine:
            break
        rows: list[str] = []
        ended = False
        after_blank = lists is not None and line_end.count("\n") > 1
        for row in line.content.split("\n"):
            if not row or row.isspace():
                continue
            if lists is None and not rows and not sender and _FM_ROW.match(row):
                sender = True
                joined = _FM_TO.search(row) if " TO" in row else None
                if joined is not None:
                    rows.append("TO " + row[joined.end() :])
                continue
            if _BT_ROW.match(row) or not _addressee_row(
                row, first=lists is None and not rows, keyword=after_blank
            ):
                ended = True
                break
            after_blank = False
            rows.append(row)
        if rows:
            if lists is None:
                lists = _Lists()
            lists.add_rows(rows, line)
        if ended or (lists is None and not sender):
            break
        line_end = line.eol
    if lists is None:
        return Found([]), Found([])
    return Found(lists.to, tuple(lists.to_lines)), Found(lists.info, tuple(lists.info_lines))


def _addressee_row(row: str, *, first: bool, keyword: bool) -> bool:
    """Whether a text line of a text without a header is an addressee line.

    ``first``: the text's first one, which starts with a TO, INFO or XMT keyword or an
    addressee (a copy that starts inside a list: ``RUEHC/SECSTATE WASHDC 8138``,
    then ``INFO ...``); what follows the keyword must start like an addressee, end
    in a precedence or mcn, or look like a name (not ``TO THE MINISTER, ...``).
    ``keyword``: a line after a blank line, which must start with a keyword (else the
    header's end is past: a banner OCR damaged, ``E C R E T``).
    A keyword in mixed case (``To``, ``Info``) must be followed by a routing indicator
    or the name of a post, as is any line in mixed case.
    """
    m = _ROW_KEYWORD.match(row)
    if keyword and m is None:
        return False
    rest = (row[m.end() :] if m is not None else row).lstrip()
    if first:  # no list yet: running text in capitals may start with TO
        upper = rest.upper()
        return (m is not None or not any(ch.islower() for ch in row)) and (
            bool(_ROUTE_PREFIX.match(rest))
            or _starts_addressee(upper)
            or (m is not None and (_may_have_tail(" ".join(upper.split())) or _name_like(rest)))
        )
    if not any(ch.islower() for ch in row):
        return True
    return bool(_ROUTE_PREFIX.match(rest)) or _starts_addressee(rest.upper())


#: The most words of an addressee's name (``WHITE HOUSE NATIONAL SECURITY COUNCIL ...``).
_NAME_WORDS = 10


def _name_like(text: str) -> bool:
    """Whether ``text`` may be an addressee's name: capitals, no sentence's punctuation."""
    text = text.rstrip()
    return (
        not any(ch.islower() for ch in text)
        and "," not in text
        and ";" not in text
        and not text.endswith(".")
        and len(text.split()) <= _NAME_WORDS
    )


def _joined_to(line: Line) -> str | None:
    """What follows TO on an FM line that a copy joined with the addressee lines, if any.

    ``FM AMEMBASSY X TO SECSTATE WASHDC 1234 INFO AMEMBASSY Y``.
    """
    content = line.content
    if " TO" not in content:
        return None
    m = _FM_TO.search(content)
    return content[m.end() :] if m is not None else None


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

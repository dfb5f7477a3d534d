"""Who sent a cable, when, and under which id.

Fields: ``reference_id``, ``canonical_id``, ``created``, ``origin``, ``transmission_id``
and ``precedence``.  :func:`canonical_id` repairs the reference ids of the real corpus
(``08SCTION02OF02SAOPAULO335`` is ``08SAOPAULO335``) by rules; the tables it reads are
``station-fixes.csv``, ``id-prefixes.txt`` and, for what no rule repairs,
``malformed-ids.csv``.  :func:`origin_name` names a sending post the way the Cablegate
pages' Origin column does (``FM AMEMBASSY TEL AVIV`` is ``Embassy Tel Aviv``).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

from cablelib.extraction import Found, shared
from cablelib.extractors import _data
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    _MONTHS,  # the date-time group's own tables, for a DTG the parser left as text
    _PRECEDENCE_SIGNS,
    BannerLine,
    Cable,
    DeLine,
    DtgLine,
    EoLine,
    FromLine,
    Line,
    Paragraph,
    SubjectLine,
    TagsLine,
    TextLine,
    VzczcLine,
    _two_digit_year,
)

__all__ = ["cablelib_register_extractors", "canonical_id", "iso_utc", "origin_name"]

_NOT_ID_CHARS = re.compile(r"[^A-Z0-9]")
_NOT_LETTERS = re.compile(r"[^A-Z]")
#: year (2 or 4 digits), what stands before the station (SECTION blocks, captions), the
#: station, the serial.
_ID_RE = re.compile(r"(?P<year>(?:19|20)\d{2}|\d{2})(?P<station>[A-Z0-9]*?[A-Z])(?P<serial>\d+)")
#: A SECTION n OF m block before the station (typos allowed: SCTION, SQCTION, 01GF02,
#: the letter O for a zero: SECTIONO1OF02).
_SECTION = re.compile(
    r"(?:FINAL)?S[A-Z]{0,4}?(?:ION|TON|TIN|IN)[\dO]{1,2}[A-Z0-9]{1,2}?[\dO]{1,2}(?=[A-Z])"
)
#: OCR misreadings of digits: O (or o) for 0, l, I or | for 1, in a run of digits.
_OCR_DIGITS = re.compile(r"^[Oo](?=\d)|(?<=\d)[Oo]|(?<=\d)[lI|]|(?<=[A-Z\d])[l|](?=\d)")
#: Lower-case letters of an id: an upper-case id with a lower-case l or o in a number
#: (09KABULl40) has an OCR misreading.
_LOWER = re.compile(r"[a-z]")
_OCR_TABLE = str.maketrans("OolI|", "00111")
_HAS_DIGIT = re.compile(r"\d")
#: The letter PlusD writes after a cable's id: ``1975STATE099768_b``, ``10SHANGHAI60_a``.
_PLUSD_SUFFIX = re.compile(r"(?<=\d)\s*_[A-Za-z]\s*$")
_US_MISSION = re.compile(r"^US MISSION\b")
#: The addressees a copy joined onto an FM line: FM AMEMBASSY X TO SECSTATE WASHDC 1234
#: (not the TO of a name: USDEL TO THE CSCE)
_ADDRESSEES = re.compile(r" (?:TO|INFO) (?=.*(?:SECSTATE|AMEMBASSY|AMCONSUL|USMISSION|/|\d)).*")
#: Numbers at the end of a sender: the message control number of a copied TO line.
_TRAILING_NUMBER = re.compile(r"(?: \d+)+$")
#: A zero in a word of letters, which OCR read for the letter O (LAG0S, 0SLO).
_OCR_ZERO = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])")
_TWO_LETTERS = 2
_FOUR_DIGITS = 1000


@functools.cache
def _id_prefixes() -> tuple[str, ...]:
    return tuple(sorted(_data.lines("id-prefixes.txt"), key=len, reverse=True))


def normalize_station(station: str) -> str:
    """A station as Cablegate ids write it: ``RIO DE JAN`` → ``RIODEJANEIRO``."""
    return _normalize_station(station)


@functools.lru_cache(maxsize=4096)
def _normalize_station(station: str) -> str:
    name = _NOT_LETTERS.sub("", station.upper())
    return _data.mapping("station-fixes.csv").get(name, name)


#: PlusD ids cut station names to this many characters (spaces included).
_PLUSD_CUT = 6


def canonical_id(reference_id: str) -> str:
    """The canonical form of a reference id.

    Upper case, without blanks, a two-digit year, the station as Cablegate ids write it
    and the serial without leading zeros: ``08SCTION02OF02SAOPAULO335`` → ``08SAOPAULO335``,
    ``06EFTOBAKU1165`` → ``06BAKU1165``, ``1975STATE099768`` → ``75STATE99768``, and a
    PlusD id's cut station in full: ``1977ADDIS02512`` → ``77ADDISABABA2512``, without
    PlusD's letter after it (``1975STATE099768_b`` → ``75STATE99768``).  An id
    that does not have the shape year, station, serial is returned upper-cased and
    without blanks.
    """
    return _canonical_id(reference_id)


@functools.lru_cache(maxsize=8192)
def _canonical_id(reference_id: str) -> str:
    if "_" in reference_id:  # PlusD's letter after the id: 1975STATE099768_b, 10SHANGHAI60_a
        reference_id = _PLUSD_SUFFIX.sub("", reference_id)
    if _LOWER.search(reference_id) is not None:
        reference_id = _lower_ocr(reference_id)
    text = _NOT_ID_CHARS.sub("", reference_id.upper())
    fixed = _data.mapping("malformed-ids.csv").get(text)
    if fixed is not None:
        return fixed
    m = _ID_RE.fullmatch(text)
    if m is None or _strip_prefixes(m.group("station")) is None:
        # OCR: O9KABUL140, 09KABULl40, 09KABUL1O4, 08SECTIONO1OF02KABUL1
        ocr = _NOT_ID_CHARS.sub("", _ocr(reference_id).upper())
        m = _ID_RE.fullmatch(ocr) if ocr != text else None
        if m is None:
            return text
    station = _strip_prefixes(m.group("station"))
    if station is None:
        return text
    year = m.group("year")
    name = _normalize_station(station)
    if len(year) == len("1977") and len(name) <= _PLUSD_CUT:  # PlusD: 1977ADDIS02512
        name = _data.mapping("plusd-stations.csv").get(name, name)
    return f"{year[-2:]}{name}{int(m.group('serial'))}"


def _ocr(text: str) -> str:
    return _OCR_DIGITS.sub(lambda d: d.group().translate(_OCR_TABLE), text)


def _lower_ocr(reference_id: str) -> str:
    """``09KABULl40`` → ``09KABUL140``: a lower-case l or o in a number is a misread digit.

    Only in an id otherwise in upper case; an id all in lower case is left alone.
    """
    lower = len(_LOWER.findall(reference_id))
    misread = [d for d in _OCR_DIGITS.finditer(reference_id) if d.group().islower()]
    if lower == len(misread) and reference_id.lower() != reference_id:
        return _ocr(reference_id)
    return reference_id


def _strip_prefixes(station: str) -> str | None:
    """The station without the SECTION blocks and captions before it.

    ``None`` if what is left is not a station (digits in it).
    """
    prefixes = _id_prefixes()
    # the usual case: nothing to strip
    stripped = station.startswith(prefixes) or _HAS_DIGIT.search(station) is not None
    while stripped:
        stripped = False
        section = _SECTION.match(station)
        if section is not None:
            station = station[section.end() :]
            stripped = True
        for prefix in prefixes:
            if station.startswith(prefix) and len(station) > len(prefix) + 1:
                station = station[len(prefix) :]
                stripped = True
    if _HAS_DIGIT.search(station) is not None:
        return None
    return station


def iso_utc(moment: datetime) -> str:
    """A datetime as an ISO 8601 UTC string: ``2009-09-10T16:27:00Z``."""
    if moment.tzinfo is not None and moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    if moment.year < _FOUR_DIGITS:  # strftime's own way of writing such years
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (  # noqa: UP031 - the fastest way
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )


# -- origin -----------------------------------------------------------------------------


def _title(words: list[str] | tuple[str, ...]) -> str:
    keep = _data.lines("origin-acronyms.txt")
    return " ".join(w if w in keep else w.title() for w in words)


def origin_name(sender: str) -> str | None:
    """The Cablegate Origin name of a sender: ``AMEMBASSY KABUL`` → ``Embassy Kabul``.

    ``None`` for an empty sender.
    """
    return _origin_name(sender)


@functools.lru_cache(maxsize=4096)
def _origin_name(sender: str) -> str | None:
    written = " ".join(sender.upper().split())
    if " TO " in written or " INFO " in written:  # FM, TO and INFO lines joined in a copy
        written = _ADDRESSEES.sub("", written)
    written = written.rstrip(" .,;:")
    if written[-1:].isdigit():  # a message control number: FM SECSTATE WASHDC 1234
        written = _TRAILING_NUMBER.sub("", written)
    if "." in written or "'" in written:  # AMCONSUL ST. PETERSBURG, AMEMBASSY N'DJAMENA
        written = written.replace(".", "").replace("'", "")
    if "0" in written:  # OCR: a zero for the letter O, AMEMBASSY LAG0S
        written = _OCR_ZERO.sub("O", written)
    text = _US_MISSION.sub("USMISSION", written)
    if not text:
        return None
    fixes = _data.mapping("origin-fixes.csv")
    fixed = fixes.get(written) or fixes.get(text)
    if fixed is not None:
        return fixed
    words = text.split()
    if words[0] == "USDEL" and len(words) > 2:  # noqa: PLR2004 - more than a name
        # a travelling delegation, named without where it is: USDEL SECRETARY IN TEHRAN,
        # USDEL SECRETARY AIRCRAFT are the Cablegate Origin "US Delegation, Secretary"
        for k in range(len(words) - 1, 1, -1):
            fixed = fixes.get(" ".join(words[:k]).rstrip(","))
            if fixed is not None:
                return fixed
    post = _data.mapping("origin-posts.csv").get(words[0])
    if post is not None and len(words) > 1:
        # a post the Cablegate pages name without its kind: USMISSION USEU BRUSSELS
        fixed = fixes.get(" ".join(words[1:]))
        if fixed is not None and words[0] == "USMISSION":
            return fixed
        return f"{post} {_title(words[1:])}"
    return _title(words)


def _without_country(name: str) -> str:
    """``USMISSION USOSCE VIENNA AU`` → ``USMISSION USOSCE VIENNA``."""
    words = name.split()
    if len(words) > _TWO_LETTERS and len(words[-1]) == _TWO_LETTERS:
        words = words[:-1]
    return " ".join(words)


@functools.cache
def _posts_by_station() -> dict[str, str]:
    """Station (as ids write it) → the post's name in ``route2name.csv``."""
    posts = _data.mapping("origin-posts.csv")
    out: dict[str, str] = {}
    for route, name in _data.mapping("route2name.csv").items():
        if not route.startswith("RUEH"):
            continue
        words = _US_MISSION.sub("USMISSION", name.upper()).split()
        if len(words) < _TWO_LETTERS or words[0] not in posts:
            continue
        place = _without_country(" ".join(words[1:])).split()
        for key in (_NOT_LETTERS.sub("", "".join(place)), place[0]):
            out.setdefault(key, name)
    return out


@functools.lru_cache(maxsize=4096)
def _origin_of_station(station: str) -> str | None:
    key = _normalize_station(station)
    if not key:
        return None
    if key == "STATE":
        return origin_name("SECSTATE WASHDC")
    name = _posts_by_station().get(key)
    if name is not None:
        return origin_name(name)
    return origin_name(f"AMEMBASSY {station}")


def _header_line(cable: Cable, cls: type[Line]) -> Line | None:
    """The header's first line of class ``cls`` (a class the model does not subclass)."""
    header = cable.header
    if header is None:
        return None
    for line in header.lines:
        if type(line) is cls:
            return line
    return None


@functools.lru_cache(maxsize=4096)
def _origin_of_route(station: str) -> str | None:
    """The origin named by a DE line's routing indicator, or ``None`` if it is unknown."""
    name = _data.mapping("route2name.csv").get(station.upper())
    if name is None:
        return None
    fixed = _data.mapping("origin-fixes.csv").get(name.upper())
    return fixed or _origin_name(_without_country(name))


def origin(cable: Cable) -> Found:
    """The sending post, named as the Cablegate Origin column names it.

    From the FM line, else the DE line's routing indicator (``route2name.csv``), else
    the banner's station.
    """
    fm = _header_line(cable, FromLine)
    if isinstance(fm, FromLine):
        sender = fm.sender  # (read once: the property is not cached)
        if sender:
            return Found(_origin_name(sender), (fm,))
    de = _header_line(cable, DeLine)
    if isinstance(de, DeLine):
        station = de.station
        if station and _data.mapping("route2name.csv").get(station.upper()) is not None:
            return Found(_origin_of_route(station), (de,))
    loose = _loose_header(cable)
    if loose is not None and loose.sender:
        return Found(_origin_name(loose.sender), (loose.line,))
    banner = cable.banner
    if banner is not None:
        named = banner.station  # (read once: the property is not cached)
        if named:
            return Found(_origin_of_station(named), (banner,))
    return Found(None)


# -- the other fields -------------------------------------------------------------------


def _id_lines(cable: Cable) -> tuple[Line, ...]:
    """The lines a reference id derived from the text comes from."""
    return shared(cable, "identity:id-lines", _read_id_lines)


def _read_id_lines(cable: Cable) -> tuple[Line, ...]:
    page = cable.page
    if (page is not None and page.reference_id) or cable.given_reference_id:
        return ()
    found: list[Line] = []
    banner = cable.banner
    if isinstance(banner, BannerLine):
        found.append(banner)
    for cls in (FromLine, DeLine, DtgLine):
        line = _header_line(cable, cls)
        if line is not None:
            found.append(line)
    return tuple(found)


def reference_id(cable: Cable) -> Found:
    """The cable's reference id (the page's, the given one, else derived from the text)."""
    return Found(cable.reference_id, _id_lines(cable))


def canonical(cable: Cable) -> Found:
    """The canonical form of the cable's reference id."""
    rid = cable.reference_id
    return Found(canonical_id(rid) if rid else None, _id_lines(cable))


def dtg(cable: Cable) -> tuple[DtgLine | None, datetime | None]:
    """The header's date-time group line and its moment, read once per cable."""
    return shared(cable, "identity:dtg", _read_dtg)


def _read_dtg(cable: Cable) -> tuple[DtgLine | None, datetime | None]:
    line = _header_line(cable, DtgLine)
    if isinstance(line, DtgLine):
        return line, line.datetime
    return None, None


def _precedence(cable: Cable) -> tuple[DtgLine, str] | None:
    line = dtg(cable)[0]
    if line is not None:
        found = line.precedence
        if found:
            return line, found
    return None


def created(cable: Cable) -> Found:
    """When the cable was sent: the date-time group, else the page's date (ISO 8601 UTC)."""
    line, moment = dtg(cable)
    if line is not None and moment is not None:
        return Found(iso_utc(moment), (line,))
    page = cable.page
    if page is not None and page.created is not None:
        return Found(iso_utc(page.created))
    if line is None:
        loose = _loose_header(cable)
        if loose is not None and loose.created:
            return Found(loose.created, (loose.line,))
    return Found(None)


def transmission_id(cable: Cable) -> Found:
    """The transmission identification of the VZCZC line (``VZCZCXRO2649``)."""
    line = _header_line(cable, VzczcLine)
    if isinstance(line, VzczcLine):
        found = line.transmission_id  # (read once: the property is not cached)
        if found:
            return Found(found, (line,))
    return Found(None)


def precedence(cable: Cable) -> Found:
    """The precedence of the date-time group: FLASH, IMMEDIATE, PRIORITY or ROUTINE."""
    found = _precedence(cable)
    if found is not None:
        return Found(found[1], (found[0],))
    if dtg(cable)[0] is None:
        loose = _loose_header(cable)
        if loose is not None and loose.precedence:
            return Found(loose.precedence, (loose.line,))
    return Found(None)


# -- a header the parser did not read ---------------------------------------------------

#: A date-time group written the way the parser does not read it: a doubled prosign
#: (``OO 101627Z SEP 09``), a weekday, blanks inside (``10 1627Z``, ``101627 Z``), a
#: long month (``SEPT``), nothing between the parts (``101627ZSEP09``), a precedence in
#: words (``NIACT IMMEDIATE 101627Z SEP 09``), or run into one line with the rest of the
#: header (a flattened or OCR'd copy).
_LOOSE_DTG = re.compile(
    r"(?<![A-Za-z0-9])(FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|[ZOPR](?:[ \t]?[ZOPR])?)"
    r"[ \t]+(?:(?:MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]{0,6},?[ \t]+)?"
    r"([0-3]\d)[ \t]?([0-2]\d)([0-5]\d)[ \t]?Z[ \t]*"
    r"([A-Za-z]{3})[A-Za-z]{0,6}\.?[ \t]*((?:19|20)?\d\d)(?![\d:])"
)
#: The FM line of such a header, or FM after its date-time group (and operating signals:
#: ``ZFF4``) on the same line.
_LOOSE_FM = re.compile(r"(?:^|\n)[ \t]*FM[ \t]+([^\n]+)")
_LOOSE_FM_AFTER = re.compile(r"[ \t]*(?:Z[A-Z]{2}-?\d?[ \t]+)*FM[ \t]+([A-Z][^\n]*)")
#: Where the sender of a flattened header ends: its TO or INFO, else the line's end.
_SENDER_END = re.compile(r"[ \t]+(?:TO|INFO)[ \t]")
#: How much text before the subject the fallback reads (a flattened header is one line).
_LOOSE_CHARS = 3000
_LOOSE_ITEMS = 6
_LOOSE_STOP = (SubjectLine, TagsLine, EoLine, Paragraph)


class _LooseHeader:
    """What a header the parser did not read gives: date, precedence, sender."""

    __slots__ = ("created", "line", "precedence", "sender")

    def __init__(
        self, line: Line, created: str | None, precedence: str | None, sender: str | None
    ) -> None:
        self.line = line
        self.created = created
        self.precedence = precedence
        self.sender = sender


def _loose_header(cable: Cable) -> _LooseHeader | None:
    """The date-time group and FM of a header left as text (shared, read once)."""
    return shared(cable, "identity:loose-header", _read_loose_header)


def _read_loose_header(cable: Cable) -> _LooseHeader | None:
    """Only where the parser found no date-time group and no FM line."""
    if _header_line(cable, DtgLine) is not None or _header_line(cable, FromLine) is not None:
        return None
    for doc in cable.documents[:1]:
        for item in doc.items[:_LOOSE_ITEMS]:
            if isinstance(item, _LOOSE_STOP):
                return None
            if type(item) is not TextLine:
                continue
            found = _loose_in(item)
            if found is not None:
                return found
    return None


def _loose_in(line: TextLine) -> _LooseHeader | None:
    text = line.raw[:_LOOSE_CHARS]
    if "Z" not in text and "FM" not in text:
        return None
    created = precedence = None
    m = _LOOSE_DTG.search(text)
    fm_from = 0
    if m is not None:
        month = _MONTHS.get(m.group(5).upper())
        year = int(m.group(6))
        if year < 100:  # noqa: PLR2004
            year = _two_digit_year(year)
        try:
            moment = datetime(
                year, month or 0, int(m.group(2)), int(m.group(3)), int(m.group(4)), tzinfo=UTC
            )
        except ValueError:
            moment = None
        if moment is not None:
            created = iso_utc(moment)
            signs = m.group(1)
            precedence = _PRECEDENCE_SIGNS.get(signs[0]) if len(signs) <= 3 else signs  # noqa: PLR2004
            fm_from = m.end()
    sender = None
    if "FM" in text:
        after = _LOOSE_FM_AFTER.match(text, fm_from) if fm_from else None
        fm = after or _LOOSE_FM.search(text)
        if fm is not None:
            sender = _SENDER_END.split(fm.group(1), maxsplit=1)[0].strip() or None
            if sender is not None and not _is_post(sender):
                sender = None  # FM GROMYKO SAID: the Foreign Minister of a text line
    if created is None and sender is None:
        return None
    return _LooseHeader(line, created, precedence, sender)


def _is_post(sender: str) -> bool:
    """Whether a sender names a post (``AMEMBASSY ...``, ``SECSTATE WASHDC``, ``USDEL ...``)."""
    words = sender.upper().split()
    return bool(words) and (
        words[0] in _data.mapping("origin-posts.csv")
        or words[0].startswith(("US", "SEC", "AM"))
        or " ".join(words) in _data.mapping("origin-fixes.csv")
    )


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register the identity fields (and read their tables, once, now)."""
    _id_prefixes()
    _posts_by_station()
    for table in ("station-fixes.csv", "malformed-ids.csv", "origin-fixes.csv"):
        _data.mapping(table)
    _data.lines("origin-acronyms.txt")
    register("reference_id", reference_id)
    register("canonical_id", canonical)
    register("created", created)
    register("origin", origin)
    register("transmission_id", transmission_id)
    register("precedence", precedence)

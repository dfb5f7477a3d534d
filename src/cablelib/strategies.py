"""Hypothesis strategies that build valid cables from semantic fields.

:func:`cables` draws the semantic content of a cable (routing header, banner,
captions, E.O. line, TAGS, SUBJECT, references, Classified By line, numbered
paragraphs, page markers, signature) and builds the model objects for it
directly: each :class:`~cablelib.model.Line` gets the exact text of its element,
so ``loads(dumps(cable)) == cable`` tests that the parser recovers the structure
the strategy meant, not merely that it reproduces the text.  :func:`texts` is the
rendered text of such cables.

The generated text keeps clear of the grammar's boundary rules: continuation
lines never look like a keyword line, a paragraph number, a page break or a
classification line, and the signature is always the last line.

>>> from hypothesis import given
>>> from cablelib import dumps, loads
>>> from cablelib.strategies import cables
>>> @given(cables())
... def test_round_trip(cable):
...     assert loads(dumps(cable)) == cable

:func:`cable_specs` draws the same cables together with the fields they were made
from (a :class:`CableSpec`), for tests that read the fields back.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from attrs import frozen
from hypothesis import strategies as st

from cablelib.api import dumps
from cablelib.containers import RawText
from cablelib.model import (
    BannerLine,
    Cable,
    CaptionLine,
    ClassifiedByLine,
    DeLine,
    Document,
    DtgLine,
    EoLine,
    FromLine,
    Header,
    InfoLine,
    Item,
    LeadingBlank,
    Line,
    PageMarkerLine,
    Paragraph,
    ParagraphLine,
    PrecedenceLine,
    Recipient,
    Reference,
    RefLine,
    SecurityLine,
    SignatureLine,
    SubjectLine,
    TagsLine,
    TextLine,
    ToLine,
    VzczcLine,
)

__all__ = [
    "CLASSIFICATIONS",
    "MARKINGS",
    "STATIONS",
    "TAG_NAMES",
    "CableSpec",
    "HeaderSpec",
    "ParagraphSpec",
    "cable_specs",
    "cables",
    "texts",
]

# --------------------------------------------------------------------------------------
# Vocabularies.  None of these words is a grammar keyword (SUBJECT, TAGS, REF, PAGE,
# SIPDIS, NOFORN, a classification ...), has a digit, a colon or a parenthesis, so a
# wrapped line made of them can never start an element of its own.
# --------------------------------------------------------------------------------------

#: Banner classifications, as the banner writes them.
CLASSIFICATIONS: tuple[str, ...] = ("CONFIDENTIAL", "SECRET", "UNCLAS")
_NORMALIZED = {"CONFIDENTIAL": "CONFIDENTIAL", "SECRET": "SECRET", "UNCLAS": "UNCLASSIFIED"}
_SECURITY = {"CONFIDENTIAL": "ZNY CCCCC ZZH", "SECRET": "ZNY SSSSS ZZH", "UNCLAS": "ZNR UUUUU ZZZ"}

#: Stations: banner name, routing indicator and the sender of the FM line.
STATIONS: tuple[tuple[str, str, str], ...] = (
    ("USNATO", "RUEHNO", "USMISSION USNATO"),
    ("KABUL", "RUEHBUL", "AMEMBASSY KABUL"),
    ("BAGHDAD", "RUEHGB", "AMEMBASSY BAGHDAD"),
    ("ABU DHABI", "RUEHAD", "AMEMBASSY ABU DHABI"),
    ("NEW DELHI", "RUEHNE", "AMEMBASSY NEW DELHI"),
    ("PARIS", "RUEHFR", "AMEMBASSY PARIS"),
    ("MOSCOW", "RUEHMO", "AMEMBASSY MOSCOW"),
    ("TEHRAN", "RUQMTH", "AMEMBASSY TEHRAN"),
    ("HARARE", "RUEHSB", "AMEMBASSY HARARE"),
    ("MADRID", "RUEHMD", "AMEMBASSY MADRID"),
    ("ASHGABAT", "RUEHAH", "AMEMBASSY ASHGABAT"),
    ("KUWAIT", "RUEHKU", "AMEMBASSY KUWAIT"),
    ("STATE", "RUEHC", "SECSTATE WASHDC"),
    ("TEL AVIV", "RUEHTV", "AMEMBASSY TEL AVIV"),
)

_ADDRESSEES: tuple[tuple[str, str], ...] = (
    ("RUEHC", "SECSTATE WASHDC"),
    ("RUEHBS", "AMEMBASSY BRUSSELS"),
    ("RUEHFR", "AMEMBASSY PARIS"),
    ("RUEHLO", "AMEMBASSY LONDON"),
    ("RUEHMO", "AMEMBASSY MOSCOW"),
    ("RUEHNO", "USMISSION USNATO"),
    ("RUCNCIS", "CIS COLLECTIVE"),
    ("RUEHZG", "NATO EU COLLECTIVE"),
    ("RHEFDIA", "DIA WASHDC"),
    ("RUEAIIA", "CIA WASHDC"),
    ("RHEHNSC", "NSC WASHDC"),
    ("RUEKJCS", "JOINT STAFF WASHDC"),
    ("RUEHGV", "USMISSION GENEVA"),
    ("RUEHJO", "AMCONSUL JOHANNESBURG"),
)
_RECIPIENT_PRECEDENCES = ("PRIORITY", "IMMEDIATE", "ROUTINE", "NIACT IMMEDIATE")

#: TAGS the strategy draws from.
TAG_NAMES: tuple[str, ...] = (
    "PGOV",
    "PREL",
    "PINR",
    "NATO",
    "RS",
    "AF",
    "IZ",
    "IR",
    "MARR",
    "MOPS",
    "ECON",
    "EFIN",
    "ENRG",
    "ETRD",
    "KDEM",
    "PHUM",
    "PTER",
    "SNAR",
    "KNNP",
    "ASEC",
    "OVIP",
    "CASC",
    "EAID",
)

#: Paragraph markings, as written between the parentheses.
MARKINGS: tuple[str, ...] = ("U", "C", "S//NF", "SBU")

_CAPTIONS = ("SIPDIS", "NOFORN")
_SUBJECT_WORDS = (
    "NATO",
    "GENERAL",
    "READY",
    "TO",
    "REACH",
    "OUT",
    "MINISTER",
    "ELECTION",
    "REFORM",
    "TALKS",
    "VISIT",
    "DEFENSE",
    "ENERGY",
    "TRADE",
    "BORDER",
    "CRISIS",
    "UPDATE",
    "PARLIAMENT",
    "PRESIDENT",
    "OPPOSITION",
    "AID",
    "CSTO",
    "RUSSIA",
    "IRAN",
    "AFGHANISTAN",
    "ON",
    "THE",
    "OF",
    "AND",
    "NEW",
    "PLAN",
    "FOR",
    "WITH",
    "AMBASSADOR",
    "MEETS",
    "PRIME",
    "FOREIGN",
)
_WORDS = (
    "the",
    "minister",
    "embassy",
    "government",
    "said",
    "would",
    "support",
    "talks",
    "officials",
    "noted",
    "that",
    "new",
    "plan",
    "regional",
    "security",
    "border",
    "election",
    "policy",
    "meeting",
    "ambassador",
    "press",
    "reform",
    "budget",
    "party",
    "leaders",
    "agreed",
    "to",
    "review",
    "aid",
    "program",
    "on",
    "with",
    "in",
    "and",
    "of",
    "a",
    "NATO",
    "Russia",
    "Kabul",
    "contacts",
    "expect",
    "delay",
    "approval",
    "draft",
    "proposal",
    "partners",
    "told",
    "us",
    "he",
    "she",
    "they",
    "week",
    "next",
    "cooperation",
)
_SURNAMES = (
    "DAALDER",
    "EIKENBERRY",
    "CROCKER",
    "PATTERSON",
    "RICE",
    "CLINTON",
    "HILL",
    "MCFAUL",
    "O'NEILL",
    "BEYRLE",
    "SOLOMONT",
    "DEWITT",
    "JONES",
    "RYAN",
)
_CLASSIFIERS = (
    "Ambassador Ivo H. Daalder",
    "Charge d'Affaires Anne Smith",
    "Political Counselor John Doe",
    "DCM Mary Jones",
    "PolOff A. Brown",
)
_REASON_LETTERS = ("b", "c", "d", "b/d", "b, d", "b and d")


# --------------------------------------------------------------------------------------
# Specs: the semantic fields a cable is built from
# --------------------------------------------------------------------------------------


@frozen
class HeaderSpec:
    """The fields of a routing header."""

    #: Transmission id of the VZCZC line.
    transmission_id: str
    #: Precedence prosigns of format line 2, e.g. ``PP``.
    prosigns: str
    #: Routing indicators of format line 2.
    routing_indicators: tuple[str, ...]
    #: The originating station's routing indicator.
    station_route: str
    #: The date-time group.
    dtg: datetime
    #: The DTG's precedence prosign (``P``, ``O`` ...).
    dtg_prosign: str
    #: The sender of the FM line.
    sender: str
    #: Action addressees (1 to 3).
    to: tuple[Recipient, ...]
    #: Information addressees (0 to 8).
    info: tuple[Recipient, ...]


@frozen
class ParagraphSpec:
    """The fields of a numbered paragraph."""

    #: The paragraph number.
    number: int
    #: The marking between parentheses, e.g. ``C``.
    marking: str
    #: The paragraph's text blocks (the first follows the marking).
    blocks: tuple[str, ...]
    #: Column to hard-wrap at, or 0 for one line per block.
    width: int
    #: Whether a blank line ends the paragraph.
    blank_after: bool
    #: Page marker ``(page, pages)`` after the paragraph, or ``None``.
    page_marker: tuple[int, int] | None = None


@frozen
class CableSpec:
    """The semantic fields of a generated cable, and the cable built from them."""

    header: HeaderSpec | None
    classification: str
    spaced: bool
    section: tuple[int, int] | None
    station: str
    serial: int
    captions: tuple[str, ...]
    eo_date: date
    tags: tuple[str, ...]
    subject: str
    references: tuple[Reference, ...]
    classified_by: str | None
    reasons: tuple[str, ...]
    paragraphs: tuple[ParagraphSpec, ...]
    signature: str
    leading_blank: bool
    final_newline: bool
    #: Whether a blank line follows each preamble element, in order.
    blanks: tuple[bool, ...]
    #: Column the SUBJECT line wraps at (0: one line); the Classified By line wraps too.
    subject_width: int
    #: Whether lettered references go one to a line.
    ref_multiline: bool
    #: The reasons as the Classified By line writes them (``b/d``).
    reasons_text: str

    @property
    def cable(self) -> Cable:
        """The cable built from these fields, as model objects."""
        return _build(self)

    @property
    def text(self) -> str:
        """The cable's text."""
        return dumps(self.cable)


# --------------------------------------------------------------------------------------
# Building lines from fields
# --------------------------------------------------------------------------------------


def _eol(blank: bool) -> str:
    return "\n\n" if blank else "\n"


def _spaced(word: str) -> str:
    return " ".join(word)


def _wrap(text: str, width: int, indent: str = "") -> str:
    if width <= 0:
        return text
    lines = textwrap.wrap(
        text,
        width=width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines)


def _build_header(h: HeaderSpec, classification: str, serial: int, blank_after: bool) -> Header:
    dtg = h.dtg
    month = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")[
        dtg.month - 1
    ]
    julian = dtg.timetuple().tm_yday
    lines: list[Line] = [
        VzczcLine(h.transmission_id + "\n"),
        PrecedenceLine(f"{h.prosigns} {' '.join(h.routing_indicators)}\n"),
        DeLine(f"DE {h.station_route} #{serial % 10000:04d} {julian:03d}{dtg:%H%M}\n"),
        SecurityLine(_SECURITY[classification] + "\n"),
        DtgLine(f"{h.dtg_prosign} {dtg:%d%H%M}Z {month} {dtg.year % 100:02d}\n"),
        FromLine(f"FM {h.sender}\n"),
    ]
    to = "\n".join(r.render() for r in h.to)
    lines.append(ToLine(f"TO {to}\n"))
    if h.info:
        info = "\n".join(r.render() for r in h.info)
        lines.append(InfoLine(f"INFO {info}\n"))
    last = lines[-1]
    lines[-1] = type(last)(last.raw + ("\n" if blank_after else ""))
    return Header(tuple(lines))


def _paragraph(p: ParagraphSpec, station: str, serial: int) -> Paragraph:
    first = _wrap(f"{p.number}. ({p.marking}) {p.blocks[0]}", p.width)
    lines: list[Line] = [ParagraphLine(first + "\n\n")]
    for block in p.blocks[1:]:
        lines.append(
            TextLine(_wrap(block, p.width, "   " if block.startswith("--") else "") + "\n\n")
        )
    if not p.blank_after:
        last = lines[-1]
        lines[-1] = type(last)(last.raw[:-1])
    if p.page_marker is not None:
        page, pages = p.page_marker
        lines.append(PageMarkerLine(f"{station} {serial:08d} {page:03d} OF {pages:03d}\n\n"))
    return Paragraph(tuple(lines), p.number)


def _build(spec: CableSpec) -> Cable:
    """Build the model objects of ``spec``'s cable, each line with its exact text."""
    header, classification, station, serial = (
        spec.header,
        spec.classification,
        spec.station,
        spec.serial,
    )
    captions, references, subject_width = spec.captions, spec.references, spec.subject_width
    classified_by = spec.classified_by
    blank = iter(spec.blanks)
    items: list[Item] = []
    if spec.leading_blank:
        items.append(LeadingBlank("\n"))
    if header is not None:
        items.append(_build_header(header, classification, serial, next(blank)))
    word = _spaced(classification) if spec.spaced else classification
    sect = f" SECTION {spec.section[0]:02d} OF {spec.section[1]:02d}" if spec.section else ""
    items.append(BannerLine(f"{word}{sect} {station} {serial:06d}" + _eol(next(blank))))
    items.extend(CaptionLine(c + _eol(next(blank))) for c in captions)
    decl = f"DECL: {spec.eo_date:%m/%d/%Y}" if classification != "UNCLAS" else "N/A"
    items.append(EoLine(f"E.O. 12958: {decl}" + _eol(next(blank))))
    items.append(TagsLine(f"TAGS: {' '.join(spec.tags)}" + _eol(next(blank))))
    items.append(SubjectLine(_wrap(f"SUBJECT: {spec.subject}", subject_width) + _eol(next(blank))))
    if references:
        if references[0].letter is None:
            ref = f"REF: {references[0].text}"
        else:
            sep = "\n     " if spec.ref_multiline else " "
            ref = "REF: " + sep.join(f"{r.letter}. {r.text}" for r in references)
        items.append(RefLine(ref + _eol(next(blank))))
    if classified_by is not None:
        sep = "\n" if subject_width else " "  # wrap it when the subject is wrapped
        text = f"Classified By: {classified_by}{sep}for reasons 1.4 ({spec.reasons_text})."
        items.append(ClassifiedByLine(text + _eol(next(blank))))
    built = [_paragraph(p, station, serial) for p in spec.paragraphs]
    last = built[-1]
    tail = SignatureLine(spec.signature + ("\n" if spec.final_newline else ""))
    built[-1] = Paragraph((*last.lines, tail), last.number)
    items.extend(built)
    return Cable(RawText(), (Document(tuple(items)),))


# --------------------------------------------------------------------------------------
# Field strategies
# --------------------------------------------------------------------------------------


def _dates(lo: int, hi: int) -> st.SearchStrategy[date]:
    return st.dates(min_value=date(lo, 1, 1), max_value=date(hi, 12, 31))


def _recipients(min_size: int, max_size: int) -> st.SearchStrategy[tuple[Recipient, ...]]:
    one = st.builds(
        lambda addr, prec, mcn: Recipient(addr[0], addr[1], prec, mcn),
        st.sampled_from(_ADDRESSEES),
        st.none() | st.sampled_from(_RECIPIENT_PRECEDENCES),
        st.none() | st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    )
    return st.lists(one, min_size=min_size, max_size=max_size).map(tuple)


@st.composite
def _header_specs(draw: st.DrawFn, station_route: str, sender: str) -> HeaderSpec:
    dtg = draw(
        st.datetimes(min_value=datetime(1966, 1, 1), max_value=datetime(2010, 12, 31, 23, 59))
    ).replace(second=0, microsecond=0, tzinfo=UTC)
    return HeaderSpec(
        transmission_id="VZCZC" + draw(st.from_regex(r"[A-Z]{3}[0-9]{4}", fullmatch=True)),
        prosigns=draw(st.sampled_from(("PP", "OO", "RR", "ZZ", "P", "O", "R"))),
        routing_indicators=tuple(
            draw(st.lists(st.sampled_from([a[0] for a in _ADDRESSEES]), min_size=1, max_size=3))
        ),
        station_route=station_route,
        dtg=dtg,
        dtg_prosign=draw(st.sampled_from(("P", "O", "R", "Z", "P R", "O R"))),
        sender=sender,
        to=draw(_recipients(1, 3)),
        info=draw(_recipients(0, 8)),
    )


def _sentences() -> st.SearchStrategy[str]:
    sentence = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14).map(
        lambda ws: " ".join(ws)[0].upper() + " ".join(ws)[1:] + "."
    )
    return st.lists(sentence, min_size=1, max_size=5).map(" ".join)


_DEFAULTS: dict[str, st.SearchStrategy[Any]] = {
    "header": st.booleans(),
    "classification": st.sampled_from(CLASSIFICATIONS),
    "spaced": st.booleans(),
    "section": st.none()
    | st.integers(1, 4).flatmap(lambda m: st.tuples(st.integers(1, m), st.just(m))),
    "station": st.sampled_from(STATIONS),
    "serial": st.integers(1, 999_999),
    "captions": st.lists(st.sampled_from(_CAPTIONS), max_size=2, unique=True).map(tuple),
    "eo_date": _dates(1976, 2035),
    "tags": st.lists(st.sampled_from(TAG_NAMES), min_size=2, max_size=8, unique=True).map(tuple),
    "subject": st.lists(st.sampled_from(_SUBJECT_WORDS), min_size=1, max_size=16).map(" ".join),
    "references": st.integers(0, 4),
    "classified_by": st.booleans(),
    "paragraphs": st.integers(1, 8),
    "signature": st.sampled_from(_SURNAMES),
    "leading_blank": st.booleans(),
    "final_newline": st.booleans(),
}


def _field(draw: st.DrawFn, overrides: Mapping[str, object], name: str) -> Any:
    value = overrides.get(name, _DEFAULTS[name])
    if isinstance(value, st.SearchStrategy):
        return draw(value)
    return value


@st.composite
def _paragraph_specs(draw: st.DrawFn, count: int) -> tuple[ParagraphSpec, ...]:
    width = draw(st.sampled_from((0, 50, 60, 60, 70)))
    bullet = _sentences().map(lambda s: "-- " + s)
    out = []
    for number in range(1, count + 1):
        blocks = (draw(_sentences()), *draw(st.lists(_sentences() | bullet, max_size=2)))
        out.append(
            ParagraphSpec(
                number=number,
                marking=draw(st.sampled_from(MARKINGS)),
                blocks=blocks,
                width=width,
                blank_after=number < count or draw(st.booleans()),
            )
        )
    # page markers go between paragraphs, never after the last one
    gaps = draw(st.sets(st.integers(1, count - 1), max_size=2)) if count > 1 else set()
    pages = len(gaps) + 1
    for page, n in enumerate(sorted(gaps), start=2):
        out[n - 1] = ParagraphSpec(
            out[n - 1].number,
            out[n - 1].marking,
            out[n - 1].blocks,
            out[n - 1].width,
            True,
            (page, pages),
        )
    return tuple(out)


@st.composite
def cable_specs(draw: st.DrawFn, /, **overrides: object) -> CableSpec:
    """Draw the fields of a valid cable and the cable built from them.

    Every keyword overrides one field with a value or a strategy: ``header`` (bool),
    ``classification`` (one of :data:`CLASSIFICATIONS`), ``spaced`` (bool),
    ``section`` (``(n, m)`` or ``None``), ``station`` (an item of :data:`STATIONS`),
    ``serial`` (int), ``captions``, ``eo_date``, ``tags``, ``subject`` (upper-case
    words), ``references`` (how many: 0 for none, 1 unlettered, more lettered),
    ``classified_by`` (bool), ``paragraphs`` (how many), ``signature`` (an
    upper-case surname), ``leading_blank`` and ``final_newline`` (bool).
    """
    unknown = set(overrides) - set(_DEFAULTS)
    if unknown:
        msg = f"unknown cable fields: {', '.join(sorted(unknown))}"
        raise TypeError(msg)

    def field(name: str) -> Any:
        return _field(draw, overrides, name)

    station_name, route, sender = field("station")
    classification: str = field("classification")
    header = draw(_header_specs(route, sender)) if field("header") else None
    n_refs: int = field("references")
    ref_texts = draw(
        st.lists(
            st.tuples(st.sampled_from(STATIONS), st.integers(1, 999_999)).map(
                lambda t: f"{t[0][0]} {t[1]}"
            ),
            min_size=n_refs,
            max_size=n_refs,
        )
    )
    if n_refs == 1:
        references: tuple[Reference, ...] = (Reference(None, ref_texts[0]),)
    else:
        references = tuple(Reference(chr(ord("A") + i), t) for i, t in enumerate(ref_texts))
    has_classified_by = classification != "UNCLAS" and field("classified_by")
    classified_by = draw(st.sampled_from(_CLASSIFIERS)) if has_classified_by else None
    reasons_text = draw(st.sampled_from(_REASON_LETTERS))
    reasons = tuple(f"1.4({c})" for c in "bcd" if c in reasons_text.replace("and", ""))
    captions: tuple[str, ...] = field("captions")
    n_preamble = (header is not None) + 4 + len(captions) + bool(references) + has_classified_by
    blanks = tuple(draw(st.lists(st.booleans(), min_size=n_preamble, max_size=n_preamble)))
    paragraphs = draw(_paragraph_specs(field("paragraphs")))
    values: dict[str, Any] = {
        "header": header,
        "classification": classification,
        "spaced": field("spaced"),
        "section": field("section"),
        "station": station_name,
        "serial": field("serial"),
        "captions": captions,
        "eo_date": field("eo_date"),
        "tags": field("tags"),
        "subject": field("subject"),
        "references": references,
        "classified_by": classified_by,
        "paragraphs": paragraphs,
        "signature": field("signature"),
        "leading_blank": field("leading_blank"),
        "final_newline": field("final_newline"),
        "blanks": blanks,
    }
    return CableSpec(
        **values,
        reasons=reasons if classified_by else (),
        subject_width=draw(st.sampled_from((0, 40, 60))),
        ref_multiline=draw(st.booleans()),
        reasons_text=reasons_text,
    )


def _spec_cable(spec: CableSpec) -> Cable:
    return spec.cable


def cables(**overrides: object) -> st.SearchStrategy[Cable]:
    """Valid cables built as model objects; keywords override fields (see :func:`cable_specs`)."""
    return cable_specs(**overrides).map(_spec_cable)


def texts(**overrides: object) -> st.SearchStrategy[str]:
    """The text of valid cables: ``cables(**overrides).map(cablelib.dumps)``."""
    return cables(**overrides).map(dumps)

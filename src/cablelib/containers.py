"""Containers: what a cable is published in, and how to get the cable text out and back.

A cable reaches us wrapped in something: a WikiLeaks Cablegate HTML page, that page saved
as text, a PlusD web page's text, a mirror site's page text with a metadata block above the
cable, or nothing at all (raw cable text).  :func:`detect` finds
the container of a text and splits the text into *chrome*, kept verbatim, and one or more
*slots* of embedded cable text, each decoded into plain cable text::

    container, texts = detect(page)
    assert container.render(texts) == page          # for every str

Rendering puts (possibly edited) slot texts back.  A slot whose text is unchanged renders
its exact original bytes.  An edited slot is encoded with the container's canonical rules,
except that lines whose decoded text is unchanged keep their original raw form (a per-line
override table and a line diff), so an edit changes only the edited lines of the page.

The set of containers is open: :func:`register_container` adds a :class:`Container`
subclass whose ``sniff`` classmethod recognises its texts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import ClassVar

from attrs import frozen

__all__ = [
    "CablegateHtml",
    "CablegateText",
    "Container",
    "MirrorText",
    "PageInfo",
    "PlusdText",
    "RawText",
    "Slot",
    "detect",
    "register_container",
]

Sniffed = tuple["Container", tuple[str, ...]]
"""What a ``sniff`` classmethod returns: the container and the decoded text of each slot."""


# --------------------------------------------------------------------------- page info


@frozen
class PageInfo:
    """What a container page states about its cable, outside the cable text itself.

    Attributes:
        reference_id: The reference id of the metadata table, e.g. ``"09USNATO383"``.
        created: When the cable was created (tz-aware UTC).
        released: When WikiLeaks released it (tz-aware UTC); None in the 4-column layout.
        classification: As the page states it, e.g. ``"SECRET//NOFORN"``.
        origin: The sender as the page names it, e.g. ``"Embassy Bogota"``.
        media_urls: The "Appears in these articles" links, in page order.
        tags: The TAG links of the page's TAGS line, in page order (duplicates kept).
        subject: The subject of the page title ("Viewing cable ID, SUBJECT"), if any.
        layout: The metadata table layout, ``"2010-12 (5 columns)"`` or
            ``"2010-11 (4 columns)"`` (Cablegate pages), ``"mirror (labelled)"`` or
            ``"mirror (table)"`` (mirror pages).
    """

    reference_id: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    media_urls: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    subject: str | None = None
    layout: str | None = None


_LAYOUT_5 = "2010-12 (5 columns)"
_LAYOUT_4 = "2010-11 (4 columns)"
_DATETIME_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*\Z")


def _parse_datetime(value: str | None) -> datetime | None:
    """Parse ``2009-09-10 16:27`` (seconds optional) as UTC; None if it is not one."""
    if value is None:
        return None
    m = _DATETIME_RE.match(value)
    if m is None:
        return None
    try:
        return datetime(
            int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=UTC
        )
    except ValueError:
        return None


def _none_if_empty(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


# --------------------------------------------------------------------------- slots and codecs


@frozen
class Slot:
    """One region of embedded cable text.

    Attributes:
        raw: The exact container text of the region.
        text: The decoded cable text.
        overrides: ``(decoded line, raw line)`` pairs for the lines whose canonical encoding
            differs from their raw form (first occurrence wins).
        lined: Whether the raw lines correspond one to one to the decoded lines.  When
            False (e.g. a literal newline inside an HTML ``<pre>``), an edited text is
            encoded canonically as a whole.
    """

    raw: str
    text: str
    overrides: tuple[tuple[str, str], ...] = ()
    lined: bool = True


class _Codec:
    r"""Turns a slot's raw text into cable text and back (mixin of the slot containers).

    Subclasses define :attr:`_SEP` (how the raw text separates lines), :meth:`_decode_lined`
    (raw text whose lines are already split by ``"\n"`` to decoded text, line by line) and
    :meth:`_encode_lines` (decoded text to canonical raw lines, still ``"\n"``-separated).
    Both must keep the number of ``"\n"`` unchanged, so that lines correspond one to one.
    """

    __slots__ = ()
    _SEP: ClassVar[str] = "\n"

    def _decode_lined(self, lined: str) -> str:
        return lined

    def _encode_lines(self, text: str) -> str:
        return text

    def _is_lined(self, raw: str) -> bool:
        return True

    def _decode_slot(self, raw: str) -> Slot:
        """Decode one raw region into a :class:`Slot`, with its line override table."""
        sep = self._SEP
        if not self._is_lined(raw):
            return Slot(raw, self._decode_lined(raw.replace(sep, "\n")), (), False)
        lined = raw.replace(sep, "\n") if sep != "\n" else raw
        text = self._decode_lined(lined)
        canonical = self._encode_lines(text)
        if canonical == lined:
            return Slot(raw, text)
        seen: dict[str, str] = {}
        for dec, enc, rawline in zip(
            text.split("\n"), canonical.split("\n"), lined.split("\n"), strict=True
        ):
            if enc != rawline and dec not in seen:
                seen[dec] = rawline
        return Slot(raw, text, tuple(seen.items()))

    def _encode_slot(self, slot: Slot, text: str) -> str:
        """Encode `text` for `slot`: its raw form if unchanged, else canonical plus overrides."""
        if text == slot.text:
            return slot.raw
        sep = self._SEP
        canonical = self._encode_lines(text).split("\n")
        if not slot.lined:
            return sep.join(canonical)
        old = slot.text.split("\n")
        new = text.split("\n")
        raw_lines = slot.raw.split(sep)
        table = dict(slot.overrides)
        out: list[str] = []
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                out.extend(raw_lines[i1:i2])
            else:
                out.extend(table.get(new[j], canonical[j]) for j in range(j1, j2))
        return sep.join(out)


# --------------------------------------------------------------------------- containers


@frozen
class Container:
    """A kind of wrapper around cable text (abstract base).

    Subclasses set :attr:`kind`, implement :meth:`render` and the classmethod
    ``sniff(text)``, which returns ``(container, slot texts)`` when `text` is in this
    container and None otherwise.  It must never raise, and the container it returns must
    render the slot texts back to `text` exactly.
    """

    kind: ClassVar[str] = "abstract"
    #: Whether the container always holds a whole cable (a Cablegate page), so that
    #: its text ends where the cable ends; copies on other sites are often cut short.
    whole_cable: ClassVar[bool] = False

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Return ``(container, slot texts)`` if `text` is in this container, else None."""
        raise NotImplementedError

    def render(self, texts: Sequence[str]) -> str:
        """Put slot texts back: ``render(detect(t)[1]) == t`` exactly, for every str t."""
        raise NotImplementedError

    @property
    def page(self) -> PageInfo | None:
        """What the container states about the cable, or None if it states nothing."""
        return None


def _check_count(texts: Sequence[str], expected: int) -> None:
    if isinstance(texts, str):
        raise TypeError("render() takes a sequence of slot texts, not a str")
    if len(texts) != expected:
        raise ValueError(f"expected {expected} slot text(s), got {len(texts)}")


@frozen
class RawText(Container):
    """No container: the whole text is the one slot."""

    kind: ClassVar[str] = "raw"

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Always matches: one slot, the whole text."""
        return cls(), (text,)

    def render(self, texts: Sequence[str]) -> str:
        """Return the one slot text."""
        _check_count(texts, 1)
        return texts[0]


@frozen
class _Wrapped(_Codec, Container):
    """A container of chrome pieces and slots interleaved: c0 s0 c1 s1 ... cN."""

    chrome: tuple[str, ...]
    slots: tuple[Slot, ...]
    info: PageInfo | None = None

    @property
    def page(self) -> PageInfo | None:
        """What the page states about the cable."""
        return self.info

    @property
    def texts(self) -> tuple[str, ...]:
        """The decoded text of each slot."""
        return tuple(s.text for s in self.slots)

    def render(self, texts: Sequence[str]) -> str:
        """Put slot texts back between the chrome pieces."""
        _check_count(texts, len(self.slots))
        chrome = self.chrome
        parts = [chrome[0]]
        for i, (slot, text) in enumerate(zip(self.slots, texts, strict=True)):
            parts.append(self._encode_slot(slot, text))
            parts.append(chrome[i + 1])
        return "".join(parts)


# ----------------------------------------------------------------- Cablegate HTML page

_NL = "&#x000A;"
_PRE_OPEN = "<pre>"
_PRE_CLOSE = "</pre>"
_HTML_MARKERS = ("<table class='cable'>", "<h3>Viewing cable ", "<title>Cable Viewer</title>")
# A paragraph anchor at line start (after optional spaces); the id and the href agree.  The
# patterns that work on line starts begin with a literal "\n" (the text gets one prepended)
# rather than ^ with re.M, so that the regex engine can skip ahead to candidate positions.
_HTML_ANCHOR_DEC = re.compile(r"(\n *)<a id='par([^'<>\n]*)' href='#par\2'>¶</a>")
# The canonical anchor rule, checked against the whole corpus: line start, optional spaces,
# a number or one capital letter, a dot and a space.
_PAR_START = re.compile(r"\n( *)([0-9]+|[A-Z])\. ")
_HTML_TAG_DEC = re.compile(r"<a href='([^'<>\n]*?)tag/([^'<>\n]*)_0\.html'>([^<>\n]*)</a>")
_TAG_TOKEN = re.compile(r"[^\s'<>&\[\]()]+")
_TABLE_OPEN = "<table class='cable'>"
_TH_RE = re.compile(r"<th>([^<]*)</th>")
_TD_RE = re.compile(r"<td>\s*(?:<a [^>]*>([^<]*)</a>)?\s*</td>")
_H3_RE = re.compile(r"<h3>Viewing cable ([^,<]*),?[ ]?([^<]*)</h3>")
_MEDIA_HTML_RE = re.compile(r"<a href='([^']*)'>([^<]*)</a><br />")
_CHROME_TAG_RE = re.compile(r"<a href='([^'<>]*?)tag/[^'<>]*_0\.html'>")


def _at_line_starts(
    pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str
) -> str:
    """Substitute `pattern`, which starts with a newline, at every line start of `text`."""
    return pattern.sub(repl, "\n" + text)[1:]


def _html_anchor(m: re.Match[str]) -> str:
    n = m[2]
    return f"\n{m[1]}<a id='par{n}' href='#par{n}'>¶</a>{n}. "


def _encode_tags_lines(text: str, link: Callable[[str], str]) -> str:
    """Turn each tag of every TAGS line into a link.

    On each line holding ``TAGS: ``, the rest of the line after its first ``TAGS: `` is split
    on single spaces and every token that looks like a tag becomes ``link(token)``; spaces
    are kept as they are, so decoding the links gives the line back.
    """
    i = text.find("TAGS: ")
    if i < 0:
        return text
    parts: list[str] = []
    pos = 0
    while i >= 0:
        start = i + 6
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        parts.append(text[pos:start])
        tokens = text[start:end].split(" ")
        parts.append(" ".join(_link_token(t, link) for t in tokens))
        pos = end
        i = text.find("TAGS: ", end)
    parts.append(text[pos:])
    return "".join(parts)


def _link_token(token: str, link: Callable[[str], str]) -> str:
    """A token of a TAGS line with its tag as a link.

    A comma or semicolon after the tag stays outside the link: ``PREL,`` gives
    ``<a ...>PREL</a>,``.
    """
    tag = token.rstrip(",;")
    if tag and _TAG_TOKEN.fullmatch(tag):
        return link(tag) + token[len(tag) :]
    return token


def _media_url(href: str, text: str) -> str:
    """The URL a media link shows; its href when the text is not a URL."""
    return text if text.startswith(("http://", "https://")) else href


@frozen
class CablegateHtml(_Wrapped):
    """A WikiLeaks Cablegate HTML page (both the 5-column and the 4-column layout).

    Chrome is everything outside the ``<pre>…</pre>`` blocks; each block is a slot.  In a
    slot ``&#x000A;`` stands for a newline, TAGS are links (``<a href='/tag/PGOV_0.html'>``,
    the href prefix is learnt from the page and kept in :attr:`tag_prefix`) and paragraph
    anchors ``<a id='par3' href='#par3'>¶</a>`` precede line-initial ``3.`` / ``B.``.
    """

    kind: ClassVar[str] = "cablegate-html"
    whole_cable: ClassVar[bool] = True
    _SEP: ClassVar[str] = _NL
    tag_prefix: str = "/tag/"

    def _is_lined(self, raw: str) -> bool:
        return "\n" not in raw and "\r" not in raw

    def _decode_lined(self, lined: str) -> str:
        text = _HTML_ANCHOR_DEC.sub(r"\1", "\n" + lined)[1:] if "¶</a>" in lined else lined
        if "tag/" in text:
            text = _HTML_TAG_DEC.sub(r"\3", text)
        return text

    def _link(self, tag: str) -> str:
        return f"<a href='{self.tag_prefix}{tag}_0.html'>{tag}</a>"

    def _encode_lines(self, text: str) -> str:
        return _encode_tags_lines(_at_line_starts(_PAR_START, _html_anchor, text), self._link)

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Recognise a Cablegate page: a Cablegate marker and at least one ``<pre>`` block."""
        # The metadata table sits just above the pre blocks, near the end of a long page:
        # rfind finds it cheaply, and the pre blocks are searched for from there.
        table = text.rfind(_TABLE_OPEN)
        if table >= 0:
            first = text.find(_PRE_OPEN, table)
        elif any(marker in text for marker in _HTML_MARKERS):
            first = text.find(_PRE_OPEN)
        else:
            return None
        if first < 0:
            return None
        bounds: list[tuple[int, int]] = []
        start = first
        while start >= 0:
            begin = start + len(_PRE_OPEN)
            end = text.find(_PRE_CLOSE, begin)
            if end < 0:
                break
            bounds.append((begin, end))
            start = text.find(_PRE_OPEN, end + len(_PRE_CLOSE))
        if not bounds:
            return None
        chrome: list[str] = []
        raws: list[str] = []
        pos = 0
        for begin, end in bounds:
            chrome.append(text[pos:begin])
            raws.append(text[begin:end])
            pos = end
        chrome.append(text[pos:])
        prefix, info = _html_page_info(chrome[0], table, raws)
        codec = cls((), (), None, prefix)
        slots = tuple(codec._decode_slot(raw) for raw in raws)
        return cls(tuple(chrome), slots, info, prefix), tuple(s.text for s in slots)


def _html_page_info(head: str, t0: int, raws: Sequence[str]) -> tuple[str, PageInfo]:
    """Read the metadata table, title and TAGS of a Cablegate page; learn the tag href prefix."""
    tags: list[str] = []
    prefix: str | None = None
    for raw in raws:
        if "tag/" in raw:
            for m in _HTML_TAG_DEC.finditer(raw):
                if prefix is None:
                    prefix = m[1] + "tag/"
                tags.append(m[3])
    values: dict[str, str] = {}
    media: list[str] = []
    ncols = 0
    if t0 >= 0:
        t1 = head.find("</table>", t0)
        table = head[t0 : t1 if t1 >= 0 else len(head)]
        headers = _TH_RE.findall(table)
        ncols = len(headers)
        cells = _TD_RE.findall(table)
        for name, value in zip(headers, cells, strict=False):
            values[name.strip()] = value.strip()
        a = table.find("Appears in these articles")
        if a >= 0:
            media = [_media_url(h, t) for h, t in _MEDIA_HTML_RE.findall(table, a)]
    if prefix is None:
        chrome_tag = _CHROME_TAG_RE.search(head)
        if chrome_tag is not None:
            prefix = chrome_tag[1] + "tag/"
        elif ncols == 4:  # noqa: PLR2004 - the 4-column layout links relatively
            prefix = "../../../tag/"
        else:
            prefix = "/tag/"
    subject: str | None = None
    h3_at = head.rfind("<h3>Viewing cable ", 0, t0 if t0 >= 0 else len(head))
    h3 = _H3_RE.match(head, h3_at) if h3_at >= 0 else None
    if h3 is not None:
        subject = _none_if_empty(h3[2])
    layout = {5: _LAYOUT_5, 4: _LAYOUT_4}.get(ncols)
    info = PageInfo(
        reference_id=_none_if_empty(values.get("Reference ID")),
        created=_parse_datetime(values.get("Created", values.get("Date"))),
        released=_parse_datetime(values.get("Released")),
        classification=_none_if_empty(values.get("Classification")),
        origin=_none_if_empty(values.get("Origin")),
        media_urls=tuple(media),
        tags=tuple(tags),
        subject=subject,
        layout=layout,
    )
    return prefix, info


# ----------------------------------------------------------------- Cablegate page saved as text

_TEXT_HEADER_RE = re.compile(
    r"^Reference ID[ \t]+(?:Created[ \t]+Released|Date)[ \t]+Classification[ \t]+Origin[ \t]*\r?\n"
    r"(?P<row>[^\n]*)(?:\n|\Z)",
    re.M,
)
_TS = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?"
_CLASSIFICATION = (
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?://(?:FOR OFFICIAL USE ONLY|[A-Z]+))*"
)
_TEXT_ROW_RE = re.compile(
    rf"(?P<id>[0-9A-Z][0-9A-Za-z-]*)[ \t]+(?P<created>{_TS})(?:[ \t]+(?P<released>{_TS}))?"
    rf"[ \t]+(?P<cls>{_CLASSIFICATION})[ \t]+(?P<origin>[^\t\n]*?)[ \t]*\r?\Z"
)
_TEXT_ROW_TAB_RE = re.compile(
    rf"(?P<id>[0-9A-Z][0-9A-Za-z-]*)\t(?P<created>{_TS})(?:\t(?P<released>{_TS}))?"
    r"\t(?P<cls>[^\t\n]+?)\t(?P<origin>[^\t\n]*?)[ \t]*\r?\Z"
)
_TEXT_BLANK_RE = re.compile(r"(?:[ \t]*\r?\n)*")
_TEXT_MEDIA_RE = re.compile(
    r"Appears in these articles:[ \t]*\r?\n"
    r"(?:(?:[ \t]*\r?\n)|(?:[ \t]*<?https?://[^\s<>]*>?[ \t]*\r?(?:\n|\Z)))*"
)
_TEXT_URL_RE = re.compile(r"<?(https?://[^\s<>]*)>?")
_TEXT_VIEWING_RE = re.compile(r"^Viewing cable ([^,\n]*),[ \t]?([^\n]*)$", re.M)
_TEXT_PILCROW_DEC = re.compile(r"(\n *)¶(?=(?:[0-9]+|[A-Z])\.)")
_TEXT_TAG_LINK_RE = re.compile(r"\[([^\[\]()\n]+)\]\(#\)")


def _find_text_row(text: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """Find the metadata header line and its values row (tab- or space-separated)."""
    for m in _TEXT_HEADER_RE.finditer(text):
        line = m["row"]
        row = _TEXT_ROW_TAB_RE.match(line) if "\t" in line else None
        if row is None:
            row = _TEXT_ROW_RE.match(line)
        if row is not None:
            return m, row
    return None


def _lines_with(text: str, needle: str) -> list[tuple[int, int]]:
    """The (start, end) bounds of the lines of `text` that contain `needle`, in order."""
    bounds: list[tuple[int, int]] = []
    i = text.find(needle)
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        if end < 0:
            end = len(text)
        bounds.append((start, end))
        i = text.find(needle, end)
    return bounds


def _text_link(tag: str) -> str:
    return f"[{tag}](#)"


def _text_pilcrow(m: re.Match[str]) -> str:
    return f"\n{m[1]}¶{m[2]}. "


@frozen
class CablegateText(_Wrapped):
    """A Cablegate page saved as text (as a browser's "save as text" or a copy-paste gives).

    Chrome is everything through the metadata row (``Reference ID  Created  Released
    Classification  Origin`` and its values row), plus the "Appears in these articles:"
    block and the blank lines that follow; the one slot is the rest.  In the slot, TAGS
    links ``[PGOV](#)`` decode to ``PGOV`` and a line-initial ``¶`` before ``N.``/``X.``
    decodes to nothing.  Whether the page has pilcrows and tag links at all is learnt from
    the page (:attr:`pilcrows`, :attr:`tag_links`) and used when re-encoding an edit.
    """

    kind: ClassVar[str] = "cablegate-text"
    whole_cable: ClassVar[bool] = True
    pilcrows: bool = True
    tag_links: bool = True

    def _decode_lined(self, lined: str) -> str:
        text = _TEXT_PILCROW_DEC.sub(r"\1", "\n" + lined)[1:] if "¶" in lined else lined
        if "](#)" in text:
            parts: list[str] = []
            pos = 0
            for start, end in _lines_with(text, "TAGS:"):
                parts.append(text[pos:start])
                parts.append(_TEXT_TAG_LINK_RE.sub(r"\1", text[start:end]))
                pos = end
            parts.append(text[pos:])
            text = "".join(parts)
        return text

    def _encode_lines(self, text: str) -> str:
        if self.pilcrows:
            text = _at_line_starts(_PAR_START, _text_pilcrow, text)
        if self.tag_links:
            text = _encode_tags_lines(text, _text_link)
        return text

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Recognise the metadata header line and a well-formed values row below it."""
        if "Reference ID" not in text:
            return None
        found = _find_text_row(text)
        if found is None:
            return None
        m, row = found
        end = _TEXT_BLANK_RE.match(text, m.end()).end()  # type: ignore[union-attr]
        media: list[str] = []
        media_m = _TEXT_MEDIA_RE.match(text, end)
        if media_m is not None:
            media = _TEXT_URL_RE.findall(media_m[0])
            end = media_m.end()
        head, raw = text[:end], text[end:]
        pilcrows = "¶" in raw and _TEXT_PILCROW_DEC.search("\n" + raw) is not None
        tags: list[str] = []
        if "](#)" in raw:
            for start, end in _lines_with(raw, "TAGS:"):
                tags.extend(_TEXT_TAG_LINK_RE.findall(raw, start, end))
        codec = cls((), (), None, pilcrows, bool(tags))
        slot = codec._decode_slot(raw)
        viewing = _TEXT_VIEWING_RE.search(head, 0, m.start())
        info = PageInfo(
            reference_id=row["id"],
            created=_parse_datetime(row["created"]),
            released=_parse_datetime(row["released"]),
            classification=row["cls"],
            origin=_none_if_empty(row["origin"]),
            media_urls=tuple(media),
            tags=tuple(tags),
            subject=_none_if_empty(viewing[2]) if viewing is not None else None,
            layout=_LAYOUT_5 if row["released"] is not None else _LAYOUT_4,
        )
        return cls((head, ""), (slot,), info, pilcrows, bool(tags)), (slot.text,)


# ----------------------------------------------------------------- PlusD page text

# Lines a PlusD page shows above the cable, as copied from a browser; the chrome ends with
# the "Show Headers" toggle.
_PLUSD_CHROME_RE = re.compile(
    r"(?:(?:Main About Donate[^\n]*|WikiLeaks|Press release About PlusD|Content|[ \t]*)"
    r"[ \t]*\r?\n){0,12}?"
    r"Show Headers[ \t]*\r?(?:\n|\Z)"
)


@frozen
class PlusdText(_Wrapped):
    """A PlusD web page copied as text: a few chrome lines ending with ``Show Headers``.

    Only the leading chrome lines are recognised (``Main About Donate …``, ``WikiLeaks``,
    ``Press release About PlusD``, ``Content``, blank lines), and only when they run
    straight into a ``Show Headers`` line; the rest is one slot, not decoded.
    """

    kind: ClassVar[str] = "plusd-text"

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Recognise leading PlusD chrome lines ending in ``Show Headers``."""
        if "Show Headers" not in text:
            return None
        m = _PLUSD_CHROME_RE.match(text)
        if m is None:
            return None
        raw = text[m.end() :]
        return cls((m[0], ""), (Slot(raw, raw),)), (raw,)


# ----------------------------------------------------------------- mirror page text

_LAYOUT_LABELLED = "mirror (labelled)"
_LAYOUT_TABLE = "mirror (table)"
_EOL = r"[ \t]*\r?\n"
_LEAD = r"\A(?:[ \t]*\r?\n)*"
_VALUE = r"[ \t]*(?P<{}>[^\n]*?)" + _EOL
# Layout A ("labelled", e.g. cables.mrkva.eu): a "US embassy cable - ID" line, a few lines
# (the title, a disclaimer, blank lines), then "Label: value" lines in a fixed order ending
# with "Redacted:", optionally followed by the site's note on partial extracts.
_MIRROR_LABELLED_RE = re.compile(
    _LEAD
    + r"US embassy cable - (?P<ref>[^\n]*?)"
    + _EOL
    + r"(?P<pre>(?:[^\n]*\n){0,8}?)"
    + r"Identifier:"
    + _VALUE.format("id")
    + r"(?:Wikileaks:[^\n]*\n)?"
    + r"Origin:"
    + _VALUE.format("origin")
    + r"Created:"
    + _VALUE.format("created")
    + r"Classification:"
    + _VALUE.format("cls")
    + r"Tags:"
    + _VALUE.format("tags")
    + r"Redacted:[^\n]*(?:\n|\Z)"
    + r"(?:(?:This record is a partial extract|Disclaimer:)[^\n]*(?:\n|\Z)){0,2}"
)
# Layout B ("table", e.g. wikileaks.jcvignoli.com): the four labels one per line, their four
# values one per line, "Cable title:" (the title on that line or on the next lines), "Tags:"
# and optionally the "pdf how-to read a cable" link line.
_MIRROR_TABLE_RE = re.compile(
    _LEAD
    + r"Identifier"
    + _EOL
    + r"Created"
    + _EOL
    + r"Classification"
    + _EOL
    + r"Origin"
    + _EOL
    + r"[ \t]*(?P<id>[0-9A-Z][0-9A-Za-z-]*)"
    + _EOL
    + rf"[ \t]*(?P<created>{_TS})"
    + _EOL
    + _VALUE.format("cls")
    + _VALUE.format("origin")
    + r"Cable title:"
    + _VALUE.format("title")
    + r"(?P<more>(?:(?!Tags:)[^\n]*\n){0,6}?)"
    + r"Tags:"
    + _VALUE.format("tags")
    + r"(?:pdf how-to read a cable[ \t]*\r?(?:\n|\Z))?"
)
_MIRROR_PREFILTER = ("US embassy cable - ", "Identifier")


def _title(lines: str, skip: str = "") -> str | None:
    """The non-blank lines of `lines` (except those starting with `skip`), joined by spaces."""
    kept = [
        line.strip()
        for line in lines.split("\n")
        if line.strip() and not (skip and line.lstrip().startswith(skip))
    ]
    return " ".join(kept) or None


@frozen
class MirrorText(_Wrapped):
    """The text of a cable mirror page: a metadata block, then the cable text.

    Two layouts are recognised, both only at the start of the text and only with all their
    labels in order: the *labelled* one (``US embassy cable - ID``, the title, then
    ``Identifier:`` / ``Wikileaks:`` / ``Origin:`` / ``Created:`` / ``Classification:`` /
    ``Tags:`` / ``Redacted:`` lines) and the *table* one (the labels ``Identifier``,
    ``Created``, ``Classification``, ``Origin`` one per line, their values one per line,
    ``Cable title:``, ``Tags:`` and ``pdf how-to read a cable``).  Chrome is the block and
    the blank lines after it; the one slot is the rest, not decoded.
    """

    kind: ClassVar[str] = "mirror-text"

    @classmethod
    def sniff(cls, text: str) -> Sniffed | None:
        """Recognise a mirror page's metadata block at the start of the text."""
        head = text[:64].lstrip()
        if not head.startswith(_MIRROR_PREFILTER):
            return None
        m = _MIRROR_LABELLED_RE.match(text)
        if m is not None:
            subject = _title(m["pre"], "Disclaimer:")
            ref = _none_if_empty(m["id"]) or _none_if_empty(m["ref"])
            layout = _LAYOUT_LABELLED
        else:
            m = _MIRROR_TABLE_RE.match(text)
            if m is None:
                return None
            subject = _title(m["title"] + "\n" + m["more"])
            ref = m["id"]
            layout = _LAYOUT_TABLE
        end = _TEXT_BLANK_RE.match(text, m.end()).end()  # type: ignore[union-attr]
        info = PageInfo(
            reference_id=ref,
            created=_parse_datetime(m["created"]),
            classification=_none_if_empty(m["cls"]),
            origin=_none_if_empty(m["origin"]),
            tags=tuple(m["tags"].split()),
            subject=subject,
            layout=layout,
        )
        raw = text[end:]
        return cls((text[:end], ""), (Slot(raw, raw),), info), (raw,)


# --------------------------------------------------------------------------- registry

_REGISTRY: list[type[Container]] = []


def register_container(cls: type[Container]) -> type[Container]:
    """Register a :class:`Container` subclass for :func:`detect` (usable as a decorator).

    Registered classes are tried in registration order (register the most specific first);
    :class:`RawText` is always the fallback.  Registering a class twice has no effect.
    """
    candidate: object = cls
    if not (isinstance(candidate, type) and issubclass(candidate, Container)):
        raise TypeError(f"not a Container subclass: {cls!r}")
    if cls not in _REGISTRY:
        _REGISTRY.append(cls)
    return cls


register_container(CablegateHtml)
register_container(CablegateText)
register_container(PlusdText)
register_container(MirrorText)


def detect(text: str) -> tuple[Container, tuple[str, ...]]:
    """Return the container of `text` and the decoded cable text of each of its slots.

    Never raises for any str: a container whose sniffer fails, or whose result would not
    render back to `text` exactly, is skipped, and :class:`RawText` (one slot: the whole
    text) is the fallback.
    """
    for cls in _REGISTRY:
        try:
            found = cls.sniff(text)
            if found is not None and found[0].render(found[1]) == text:
                return found
        except Exception:  # a faulty sniffer must not break detect()
            continue
    return RawText(), (text,)

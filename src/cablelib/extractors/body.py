"""Built-in extractors of the cable body: ``signer``, ``paragraph_markings``, ``redactions``.

* ``signer``: ``list[str]``, the surnames of the signer(s), upper case, in order,
  each once (``["DAALDER"]``; ``Ricciardone`` gives ``["RICCIARDONE"]``;
  ``KEEGANPAAL`` gives ``["KEEGAN", "PAAL"]`` by the table
  ``signature-splits.csv``; ``TIMKEN JR`` gives ``["TIMKEN"]``; ``LA LIME``,
  ``ST. JOHN``, ``VAN VOORST`` stay one name; given names and initials are dropped,
  ``Ryan C. Crocker`` gives ``["CROCKER"]``; two signers joined by a slash,
  ``LYNCH/DYKSTRA``, give both).  A title on a line of its own next to the name
  (``AMBASSADOR``, ``Charge d'Affaires, a.i.``: ``signature-titles.txt``) is stepped
  over.  Empty when no signature is found, when the signature is redacted, or
  when a copy cut short ends mid-sentence with no line end (its last words are not
  a signature; pages that hold a whole cable are exempt), or when the text is a
  middle section alone (its first banner says ``SECTION 02 OF 03`` and none says the
  last section: the signature ends the last section).  The
  signature is the last name-only line of the cable, looking past ``NNNN``, repeated
  classification lines, ``GP-3``, ``Declassified/Released ...``, web-site notices,
  truncation marks, PlusD markers (``NNN``, ``ADP000``) and HTML debris, or a name
  glued to the end of the last sentence (``... End Comment. DRUCKER``) or to an end
  mark (``UNQUOTE KISSINGER``, ``End of Part One LA LIME``).  In a copy cut short, a
  word after a page header that follows unfinished text is no signature either.
* ``paragraph_markings``: ``list[str | None]``, one entry per paragraph in order:
  the normalized marking (``C``, ``S``, ``SBU``, ``U``, ``S//NF`` from ``(S/NF)``,
  ``(S NF)``, ``(S/NOFORN)``; ``C//REL NATO`` from ``(C/Rel NATO)``; ``U//FOUO``;
  ``(c)`` gives ``C``; the whole-text marking of older telegrams, ``1. CONFIDENTIAL -
  ENTIRE TEXT.``, ``1. C - ENTIRE TEXT.``, ``1. (S - ENTIRE TEXT.)``, gives the level),
  ``None`` for an unmarked paragraph.
* ``redactions``: ``int``, the number of redactions outside the transmission
  header: runs of four or more ``X`` or ``x`` (also glued to a word,
  ``toXXXXXXXXXXXX``) and bracketed notes ``[NAME REMOVED]``, ``[DETAILS REMOVED]``,
  ``[... REMOVED]``.
"""

from __future__ import annotations

import functools
import re
from typing import cast

from cablelib.extraction import Found, shared
from cablelib.extractors._data import lines as table_lines
from cablelib.extractors._data import mapping
from cablelib.extractors._text import item_types, raw_body
from cablelib.hookspecs import Register, hookimpl
from cablelib.model import (
    _SECTION_RE,
    AddressLine,
    BannerLine,
    Cable,
    ClassLine,
    EndOfMessageLine,
    Header,
    InfoLine,
    Line,
    MarkedParagraphLine,
    PageBreakLine,
    PageMarkerLine,
    Paragraph,
    ParagraphLine,
    SignatureLine,
    TextLine,
    ToLine,
    XmtLine,
    _is_marking,
)

__all__ = ["paragraph_markings", "redactions", "signer"]

# -- signer -------------------------------------------------------------------------

#: Lines the signature search reads through.
_TAIL_LINES = (TextLine, ParagraphLine, MarkedParagraphLine, SignatureLine)
#: Lines of running text.
_TEXT_LINES = (TextLine, ParagraphLine, MarkedParagraphLine)
#: A telegram's page break, which may fall inside the header's addressee lists.
_PAGE_BREAKS = frozenset((PageMarkerLine, PageBreakLine))
#: The header's addressee lines, which a copy of the header alone may stop in.
_ADDRESSEE_LINES = frozenset((ToLine, InfoLine, XmtLine, AddressLine))
#: Lines the signature search steps over.
_TAIL_SKIP = (EndOfMessageLine, ClassLine, PageMarkerLine, PageBreakLine)
#: How many elements from the end the search reads at most.
_TAIL_DEPTH = 8

_HTML_TAG = re.compile(r"<[^<>\n]*>")
#: Junk lines that start with what marks them (anchored: quick to fail on a long line).
_JUNK_START = re.compile(
    r"""
    [\W_]*                                              # blank, ".", "...", "*****"
    | (?:NNNN?|Nnnn|End\ Cable\ Text|END\ CABLE\ TEXT|BT)\b.*  # NNN: the end cut short
    | ADP\d+                                            # PlusD: ADP000
    | \#\d{3,5}                                         # station serial after BT: #0140
    | NOTE\b.*
    | (?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED\ OFFICIAL\ USE|UNCLAS)\b[^a-z]*
    | GP-\d.*
    | (?:Declassified|DECLASSIFIED)\b.*
    | SELECT\ .*\ FROM\ .*                              # SQL debris
    | \d{4}[A-Z]+\d+\s+-\s+[A-Z ]+                      # 2004CARACA02200 - CONFIDENTIAL
    """,
    re.X,
)
#: Web addresses and notices: junk wherever they stand in the line
#: in upper case too, as all-capitals cables write them (every match holds http, www., .gov
#: or web in some case: ``_is_junk`` tests these first, on the line in lower case).
_WEB = re.compile(
    r"https?:|HTTPS?:|www\.|WWW\.|\.gov\b|\.GOV\b|\bWeb\s?site\b|\bWeb\ Site\b|\bWEB\s?SITE\b"
)


def _is_junk(text: str) -> bool:
    """Whether a physical line (no line break in it) is debris, not a signature.

    Also junk: e-mail and Lotus Notes debris (an ``@`` anywhere), a truncated record
    (``...`` at the end) and web addresses or notices anywhere in the line.  These are
    tested with ``in`` first: a pattern such as ``.*@.*`` reads a long line several
    times over to find nothing.
    """
    return (
        _JUNK_START.fullmatch(text) is not None
        or "@" in text
        or text.endswith("...")
        or (
            ("http" in (low := text.lower()) or "www." in low or ".gov" in low or "web" in low)
            and _WEB.search(text) is not None
        )
    )


_URL_LINE = re.compile(r"https?:|www\.|\.gov\b", re.I)
_NAME_WORD = r"[A-Z][A-Za-z'-]*[A-Za-z]"
# A person: a surname after at most two given names, initials (``C.``) or particles
# (``ST.``): ``DAALDER``, ``Ryan C. Crocker``, ``ST. JOHN``, ``VAN VOORST``
_PERSON = rf"(?:(?:[A-Z]\.|S[Tt]\.)[ \t]*|{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD}"
# one person, or several joined by slashes (``LYNCH/DYKSTRA``)
_NAME_LINE_MORE = re.compile(rf"{_PERSON}(?:[ \t]*/[ \t]*{_PERSON})*")
#: The usual names, without initials or slashes (a quicker pattern), or in lower case.
_NAME_LINE_PLAIN = re.compile(rf"(?:{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}|[a-z][a-z'-]*[a-z])")


def _is_name_line(text: str) -> bool:
    """Whether a stripped physical line is a name alone (``DAALDER``, ``LYNCH/DYKSTRA``)."""
    return _NAME_LINE_PLAIN.fullmatch(text) is not None or (
        ("." in text or "/" in text) and _NAME_LINE_MORE.fullmatch(text) is not None
    )


# A name with its suffix after a comma: "MCCONNELL, JR.", "Timken, Jr."
_SUFFIXED = re.compile(
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,1}}),?[ \t]+(?:JR|SR|Jr|Sr|II|III|IV)\.?"
)
# A name glued to the last sentence: "... End Comment. DRUCKER", "... politics. Burns"
# (not a paragraph number's full stop: "2. PSD"), or to an end mark without a full stop:
# "END COMMENT MILES", "UNQUOTE KISSINGER", "End of Part One LA LIME"
_GLUED = re.compile(
    r"(?:(?<!^\d)(?<!^\d\d)(?<!^\d\d\d)[.!?][\"\u201d\u2019)\]]*|[\"\u201d\u2019)\]*]"
    r"|\b(?:END|End|end)(?:[ \t]+(?:OF|of|Of))?[ \t]+"
    r"(?:COMMENTS?|NOTE|TEXT|QUOTE|SUMMARY|PART|SECTION|CABLE|MESSAGE"
    r"|[Cc]omments?|[Nn]ote|[Tt]ext|[Qq]uote|[Ss]ummary|[Pp]art|[Ss]ection|[Cc]able|[Mm]essage)"
    r"(?:[ \t]+(?:ONE|TWO|THREE|FOUR|FIVE|One|Two|Three|Four|Five|[IV]{1,3}|\d{1,2}))?"
    r"|\b(?:UNQUOTE|Unquote|ENDQUOTE))"
    r"[.:)-]*[ \t]+\.?(?!(?:UNQUOTE|ENDQUOTE|END)\b)"
    r"((?:[A-Z][A-Z'-]*[A-Z])(?:[ \t]+[A-Z][A-Z'-]*[A-Z])?|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"[ \t]*$"
)
#: The most words a match of ``_GLUED`` spans ("END OF PART ONE" and a name of two words).
_GLUED_WORDS = 6
# A name after a web-site notice whose address WikiLeaks split: ".../index.c fm STAPLETON"
_AFTER_URL = re.compile(r"[ \t]([A-Z][A-Z'-]*[A-Z])[ \t]*$")
_REDACTED_NAME = re.compile(r"[Xx]{4,}")
_SUFFIXES = frozenset(("JR", "SR", "II", "III", "IV"))
_PARTICLES = frozenset(
    ("LA", "LE", "DE", "DI", "DEL", "DELLA", "VAN", "VON", "DA", "DU", "ST", "MC")
)


def _last_words_start(text: str, count: int) -> int:
    """Where the white space before the last ``count`` words of ``text`` starts (or 0).

    A search for a pattern anchored at the end that spans at most ``count`` words
    can start there rather than at every position of a long line.
    """
    words = text.rsplit(None, count)
    return len(words[0]) if len(words) > count else 0


def _name_from_line(text: str) -> str | None:
    """The name on a physical line, if the line is or ends with a signature."""
    if _is_name_line(text):
        if not _is_stop(text):
            return text
        # UNQUOTE KISSINGER, END COMMENT MILES: a name after an end mark
        m = _GLUED.search(text)
        return m.group(1) if m else text
    m = _SUFFIXED.fullmatch(text)
    if m:
        return text
    m = _GLUED.search(text, _last_words_start(text, _GLUED_WORDS))
    if m:
        return m.group(1)
    if _URL_LINE.search(text):
        m = _AFTER_URL.search(text)
        if m:
            return m.group(1)
    return None


def surnames(name: str) -> list[str]:
    """The surnames a signature stands for, upper case, each once."""
    return list(_surnames(name))


@functools.lru_cache(maxsize=4096)
def _surnames(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for person in name.upper().replace(",", " ").split("/"):
        for surname in _person_surnames(person):
            if surname not in out:
                out.append(surname)
    return tuple(out)


def _person_surnames(person: str) -> list[str]:
    """The surname(s) of one person as written: ``RYAN C. CROCKER`` → ``["CROCKER"]``.

    A person's last word is the surname, with the particles before it (``LA LIME``,
    ``ST. JOHN``, ``VAN VOORST``); the words before are given names and initials.  A
    surname that the table ``signature-splits.csv`` knows stands for two people run
    together (``KEEGANPAAL``); a name written twice (``SHANNON SHANNON``) is one.
    """
    words = [w for w in person.split() if w.rstrip(".") not in _SUFFIXES]
    if not words:
        return []
    # the surname: the last word and the particles before it
    start = len(words) - 1
    while start > 0 and words[start - 1].rstrip(".") in _PARTICLES:
        start -= 1
    surname = [w if w.rstrip(".") in _PARTICLES else w.rstrip(".") for w in words[start:]]
    if len(surname) == 1:
        return mapping("signature-splits.csv").get(surname[0], surname[0]).split()
    return [" ".join(surname)]


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(table_lines("signature-words.txt"))


#: More than the longest line ``_is_title`` takes for a title.
_TITLE_LENGTH = 40


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(table_lines("signature-titles.txt"))


@functools.cache
def _title_heads() -> frozenset[str]:
    """The first two letters of the titles: most lines are told apart by them alone."""
    return frozenset(title[:2] for title in _titles())


def _is_title(text: str) -> bool:
    """Whether a line is a signer's title alone (``AMBASSADOR``, ``Charge d'Affaires, a.i.``)."""
    if len(text) > _TITLE_LENGTH or text[:2].upper() not in _title_heads():
        return False
    return " ".join(text.upper().replace(".", "").replace(",", " ").split()) in _titles()


#: A name and a title after it: ``CROCKER, AMBASSADOR``, ``SMITH (ACTING)``.
_TITLE_AFTER = re.compile(r"([^,(]+?)[ \t]*(?:,|\()[ \t]*([^,()]+?)[ \t]*\)?")
#: The most words of a title before a name (``CHARGE D'AFFAIRES A.I.``).
_TITLE_WORDS = 3


def _without_title(text: str) -> str | None:
    """The name of a line that is a name with a title before or after it, else ``None``.

    ``AMBASSADOR GRAY`` and ``CROCKER, AMBASSADOR`` give the name; the title is one of
    ``signature-titles.txt``.
    """
    if len(text) > 2 * _TITLE_LENGTH:
        return None
    m = _TITLE_AFTER.fullmatch(text)
    if m is not None:
        return m.group(1) if _is_title(m.group(2)) else None
    words = text.split()
    for k in range(min(_TITLE_WORDS, len(words) - 1), 0, -1):
        if _is_title(" ".join(words[:k])):
            return " ".join(words[k:])
    return None


def _is_stop(name: str) -> bool:
    words = name.upper().split() if "/" not in name else name.upper().replace("/", " ").split()
    return not _stop_words().isdisjoint(words)


#: Items made of lines.
_BLOCKS = frozenset((Paragraph, Header))


def _tail(cable: Cable) -> list[Line]:
    out: list[Line] = []
    for doc in reversed(cable.documents):
        for item in reversed(doc.items):
            if type(item) in _BLOCKS:  # the model's classes are not subclassed
                out.extend(reversed(cast("Paragraph | Header", item).lines))
            else:
                out.append(cast("Line", item))
            if len(out) >= _TAIL_DEPTH:
                return out[:_TAIL_DEPTH]
    return out


def signature(cable: Cable) -> tuple[str | None, Line | None]:
    """The signature as written (``TIMKEN JR``, ``LA LIME``, ``Burns``) and its line.

    Computed once per cable and shared with ``persons``.  The name is ``None`` when
    the cable is unsigned; the line is then the one that showed it (``None`` if none
    was read).
    """
    return shared(cable, "body:signature", _signature)


def signature_as_written(cable: Cable) -> str | None:
    """The signature with the title written on its line (``CROCKER, AMBASSADOR``).

    The name alone (as :func:`signature` gives it) where its line holds other words
    too, such as the end of a sentence the name is glued to.
    """
    name, line = signature(cable)
    if name is None or line is None:
        return name
    for physical in reversed(line.content.split("\n")):
        text = physical.strip()
        if name in text:
            return text if _without_title(text) == name else name
    return name


#: What :func:`_signature_name` gives for a line that is a title alone.
_TITLE_LINE = "\x00title"


def _signature_name(text: str) -> str | None:
    """The name on the last line that is not debris, ``None`` if it is no signature.

    :data:`_TITLE_LINE` for a title alone (the name may stand on the line before); a
    title on the name's line is dropped (``AMBASSADOR GRAY``, ``CROCKER, AMBASSADOR``).
    """
    name = _name_from_line(text)
    if name is None or _is_stop(name):
        if _is_title(text):
            return _TITLE_LINE
        bare = _without_title(text)
        name = _name_from_line(bare) if bare else None
        if name is None or _is_stop(name):
            return None
    elif name is text and text.upper() in _titles():
        # DCM, CONSUL GENERAL: titles that the name pattern takes
        return _TITLE_LINE
    return None if _REDACTED_NAME.fullmatch(name) else name


#: What :func:`_line_name` gives for a line of debris, which the search reads past.
_JUNK_LINE = "\x00junk"


@functools.lru_cache(maxsize=4096)
def _line_name(text: str) -> str | None:
    """:func:`_signature_name` of a stripped physical line, :data:`_JUNK_LINE` for debris.

    Read once per text: the same signatures (and the same debris) recur from cable to cable.
    """
    if _is_junk(text) and not (_URL_LINE.search(text) and _AFTER_URL.search(text)):
        return _JUNK_LINE
    return _signature_name(text)


def _continues_above(tail: list[Line]) -> bool:
    """Whether the text's last line, read as a signature, is the header's last addressee.

    A copy of the header alone (no BT, no text under it) that stops in the addressee
    lists, maybe after a telegram's page break: ``header``'s extractors read that line.
    """
    if type(tail[0]) is not SignatureLine or len(tail) < 2:  # noqa: PLR2004
        return False
    j = 1
    while type(tail[j]) in _PAGE_BREAKS and j < len(tail) - 1:
        j += 1
    return type(tail[j]) in _ADDRESSEE_LINES and tail[1].eol.count("\n") == 1


def _middle_section(banner: BannerLine, cable: Cable) -> bool:
    """Whether the text is a middle section alone: its first banner says ``SECTION 02 OF 03``.

    A middle section ends where the next begins, unsigned.  A copy of the first
    section (Cablegate joins all the sections under it) or of sections that run to the
    last one (a later banner says ``SECTION 03 OF 03``) ends with the signature.
    """
    section = banner.section
    if section is None or not 1 < section[0] < section[1]:
        return False
    return not _reaches_last_section(cable.text, section[1])


def _reaches_last_section(text: str, count: int) -> bool:
    """Whether a banner in ``text`` says ``SECTION m OF m`` (``count`` is ``m``).

    Read only for a middle section's copy; the later banners may stand inside the text,
    after a BT the grammar reads as text.
    """
    for word in ("SECTION", "Section"):
        at = text.find(word)
        while at != -1:
            m = _SECTION_RE.match(text, at)
            if m is not None and int(m[1]) >= int(m[2]) == count:
                return True
            at = text.find(word, at + len(word))
    return False


def _signature(cable: Cable) -> tuple[str | None, Line | None]:
    found = _signature_at_end(cable)
    if found[0] is None:
        return found
    banner = cable.banner  # (cached: the classification and identity fields read it)
    if banner is not None and _middle_section(banner, cable):
        return None, banner  # unsigned: its last words are running text
    return found


def _signature_at_end(cable: Cable) -> tuple[str | None, Line | None]:
    """The name of the last line that is a signature, read from the text's end up."""
    tail = _tail(cable)
    if tail and _continues_above(tail):
        return None, None
    # What follows the end of the message (NNNN, End Cable Text) is debris of the
    # copy, never the signature: read from the last end of message up.
    for i, line in enumerate(tail):
        if isinstance(line, EndOfMessageLine):
            tail = tail[i:]
            break
    for n, line in enumerate(tail):
        if isinstance(line, _TAIL_SKIP):
            continue
        if not isinstance(line, _TAIL_LINES):
            break
        # the content's rows, from the raw text without its end (the content is not split
        # off); the last row loses the white space at its end, and each row is read stripped
        physicals = line.raw.rstrip().split("\n")
        for k in range(len(physicals) - 1, -1, -1):
            text = physicals[k]
            if "<" in text:
                text = _HTML_TAG.sub(" ", text)
            name = _line_name(text.strip())
            if name is _JUNK_LINE or name is _TITLE_LINE:  # a title: CROCKER, then AMBASSADOR
                continue
            if name is None:
                return None, line
            if (
                n == 0
                and k == len(physicals) - 1
                and not cable.container.whole_cable
                and _cut_off(line, physicals, k, tail, name)
            ):
                return None, line
            return name, line
    return None, None


def signer(cable: Cable) -> Found:
    """Surnames of whoever signed the cable, upper case; empty when unsigned."""
    name, line = signature(cable)
    return Found(surnames(name) if name else [], (line,) if line is not None else ())


#: How a line that a signature may follow ends: a sentence, a quotation, a heading.
_CLEAN_END = (".", "!", "?", ":", ";", '"', "'", ")", "]", "\u201d", "\u2019", "*", "-", "=", "_")
#: A line that ends a part of the text: END COMMENT, End Talking Points, ... END NOTE
_END_MARK = re.compile(r"^\(?\s*(?:END|End)\b|\b(?:END|End)(?:[ \t]+[A-Za-z]+){1,2}[ \t]*\.?$")


def _cut_off(line: Line, physicals: list[str], k: int, tail: list[Line], name: str) -> bool:
    """Whether the text ends, with no line end, in the middle of a sentence.

    A copy cut short (most excerpts on other sites) ends in a word or two of running
    text, which can look like a signature: ``... FOREIGN`` then ``AFFAIR``.  A real
    signature stands after a blank line, a finished sentence or a web address, and is
    a name of one or two words.
    """
    if line.raw.endswith(("\n", "\r")) or not _is_name_line(physicals[k].strip()):
        return False  # a line end after it, or a name glued to a finished sentence
    if len(name.split()) > 2:  # noqa: PLR2004 - a surname, or two run together
        return True
    if k > 0:
        before = physicals[k - 1].rstrip()
    else:
        previous = tail[1] if len(tail) > 1 else None
        if isinstance(previous, PageMarkerLine | PageBreakLine):
            # a word after a page header: the text before the page goes on there
            # (page markers stand between blank lines, mid-sentence as often as not)
            i = 2
            while i < len(tail) and isinstance(tail[i], _TAIL_SKIP):
                i += 1
            previous = tail[i] if i < len(tail) else None
            if previous is None or not isinstance(previous, _TEXT_LINES):
                return False
        elif previous is None or previous.eol.count("\n") > 1:  # after a blank line
            return False
        if not isinstance(previous, _TEXT_LINES):
            return False  # after a page marker, a classification line ...
        before = previous.content.rsplit("\n", 1)[-1].rstrip()
    # running text that stops mid-sentence: not a finished sentence, a rule, a web
    # address, an end mark (END COMMENT), words that are never running text alone
    # (MINIMIZE CONSIDERED) or a redaction
    return (
        bool(before)
        and not before.endswith(_CLEAN_END)
        and not _URL_LINE.search(before)
        and not _END_MARK.search(before)
        and not _REDACTED_NAME.search(before)
        and not _stop_words().issuperset(before.upper().split())
    )


# -- paragraph markings ---------------------------------------------------------------

# (SBU/NF), which the model's marking pattern misses (it allows C, S, U, T before a slash)
_SBU_MARKING = re.compile(
    r"[^\S\n]*(?:¶[^\S\n]*)?\d{1,3}[^\S\n]?\.[^\S\n]*\((SBU[ /]{1,2}[A-Z][A-Z/ ]*)\)"
)
#: The whole-text marking of an older telegram's first paragraph, the level in words or
#: letters, with or without a dash, no brackets or one round the whole: ``1. CONFIDENTIAL -
#: ENTIRE TEXT.``, ``1. C - ENTIRE TEXT.``, ``1. SECRET ENTIRE TEXT.``, ``1. (S - ENTIRE
#: TEXT.)`` (telegrams of 1966-2002).
_WHOLE_TEXT = re.compile(
    r"[^\S\n]*(?:¶[^\S\n]*)?\d{1,3}[^\S\n]?\.[^\S\n]*\(?[^\S\n]*"
    r"(UNCLASSIFIED|UNCLAS|LIMITED[ \t]+OFFICIAL[ \t]+USE|CONFIDENTIAL|SECRET|TOP[ \t]+SECRET"
    r"|LOU|TS|U|C|S)"
    r"[ \t]*(?:-+[ \t]*)?ENTIRE[ \t]+TEXT\b",
    re.IGNORECASE,
)
_WHOLE_LEVELS = {
    "UNCLASSIFIED": "U",
    "UNCLAS": "U",
    "LIMITED OFFICIAL USE": "LOU",
    "CONFIDENTIAL": "C",
    "SECRET": "S",
    "TOP SECRET": "TS",
    "LOU": "LOU",
    "TS": "TS",
    "U": "U",
    "C": "C",
    "S": "S",
}
_MARK_SPLIT = re.compile(r"\s*(?:/+|\s-\s|\s+)\s*")
_CLASS_WORDS = {
    "CONFIDENTIAL": "C",
    "SECRET": "S",
    "UNCLASSIFIED": "U",
    "UNCLAS": "U",
    "TOP SECRET": "TS",
}
_CONTROLS = {"NOFORN": "NF", "NF": "NF", "FOUO": "FOUO", "FGI": "FGI", "ORCON": "ORCON"}


@functools.lru_cache(maxsize=1024)
def normalize_marking(marking: str) -> str:
    """A paragraph marking normalized: ``(S/NOFORN)`` → ``S//NF``, ``c`` → ``C``."""
    words = [w for w in _MARK_SPLIT.split(marking.strip().upper()) if w]
    if not words:
        return marking.strip().upper()
    if words[0] == "FOUO":
        words.insert(0, "U")
    parts = [_CLASS_WORDS.get(words[0], words[0])]
    rel: list[str] = []
    for word in words[1:]:
        if rel and word not in _CONTROLS:
            rel.append(word)
        elif word == "REL":
            rel = ["REL"]
            parts.append("")
        elif word in {"ENTIRE", "TEXT"}:
            continue
        else:
            if rel:
                parts[parts.index("")] = " ".join(rel)
                rel = []
            parts.append(_CONTROLS.get(word, word))
    if rel:
        parts[parts.index("")] = " ".join(rel)
    return "//".join(p for p in parts if p)


@functools.lru_cache(maxsize=1024)
def _bracketed(marking: str) -> str | None:
    """The normalized marking of ``(marking)`` after a number, ``None`` if it is no marking.

    What :attr:`ParagraphLine.marking <cablelib.model.ParagraphLine.marking>` keeps of
    its bracketed group, normalized; the same few markings recur in every cable.
    """
    return normalize_marking(marking.strip()) if _is_marking(marking) else None


def _numbered_marking(line: ParagraphLine) -> str | None:
    """The normalized marking of a numbered paragraph's first line, or ``None``.

    ``normalize_marking(line.marking)`` from the marker the parser read, plus the
    ``(SBU/NF)`` form that the property misses.
    """
    head = line.head  # read by the parser already, for the paragraph's number
    if head.number is not None:
        bracketed, bare = head.bracketed, head.bare
        if bracketed is not None:
            found = _bracketed(bracketed)
            if found is not None:
                return found
        elif bare:
            return normalize_marking(bare)
    raw = line.raw
    if "SBU" in raw[:24]:
        sbu = _SBU_MARKING.match(raw)
        if sbu is not None:
            return normalize_marking(sbu.group(1))
    if "ENTIRE" in raw[:48]:
        whole = _WHOLE_TEXT.match(raw)
        if whole is not None:
            return _WHOLE_LEVELS[" ".join(whole.group(1).upper().split())]
    return None


def paragraph_markings(cable: Cable) -> Found:
    """The normalized markings of the paragraphs in order, ``None`` where unmarked."""
    out: list[str | None] = []
    lines: list[Line] = []
    # the paragraphs among the shared items (rather than Cable.paragraphs, built anew)
    # (type(...) is: the model's classes are not subclassed; no cast() call in the loop)
    items, types, present = item_types(cable)
    start = types.index(Paragraph) if Paragraph in present else len(types)
    for item in items[start:]:
        if type(item) is not Paragraph:
            continue
        first = item.lines[0]
        if type(first) is ParagraphLine:  # the usual case
            marking = _numbered_marking(first)
        elif isinstance(first, ParagraphLine | MarkedParagraphLine):
            raw_marking = first.marking
            marking = normalize_marking(raw_marking) if raw_marking else None
        else:
            marking = None
        out.append(marking)
        if marking is not None:
            lines.append(first)
    return Found(out, tuple(lines))


# -- redactions -------------------------------------------------------------------------

# Every branch starts with a literal, so that the regex engine skips to the places
# where one of X, x, [ stands (as X{4,} it tries every position: five times slower).
_REDACTION = re.compile(r"XXXX+|xxxx+|\[[A-Za-z][A-Za-z' ]{0,40}\b(?:REMOVED|Removed|removed)\]")


def redactions(cable: Cable) -> Found:
    """The number of redactions outside the transmission header."""
    raw = raw_body(cable)
    lower = raw.lower
    # every mark lowers to one of these; most cables have none ("]" is rare: look first).
    # (rfind: CPython's search from the end is twice as quick as ``in`` for this word)
    marks = [b"xxxx"] if lower.rfind(b"xxxx") != -1 else []
    if b"]" in lower and b"emoved]" in lower:
        marks.append(b"emoved]")
    if not marks:
        return Found(0, ())
    # a line holding a mark is in an item where a lowered mark starts
    candidates = sorted({index for mark in marks for index in raw.items_with(mark)})
    count = 0
    lines: list[Line] = []
    for index in candidates:
        item = raw.items[index]
        block = item.lines if isinstance(item, Paragraph) else (item,)
        for line in block:
            text = line.raw
            n = len(_REDACTION.findall(text))
            if n:
                count += n
                lines.append(line)
    return Found(count, tuple(lines))


@hookimpl
def cablelib_register_extractors(register: Register) -> None:
    """Register ``signer``, ``paragraph_markings`` and ``redactions``."""
    register("signer", signer)
    register("paragraph_markings", paragraph_markings)
    register("redactions", redactions)

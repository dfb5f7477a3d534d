"""Turn a :class:`~cablelib.model.Cable` into plain data (and, losslessly, back).

Two views:

* the **semantic view**, :func:`to_dict` / :func:`to_json`: what the cable says
  (reference id, header, banner, E.O., tags, subject, paragraphs ...) as JSON-ready
  values: ``str``, ``int``, ``bool``, ``None``, lists and dicts, with dates and
  datetimes as ISO 8601 strings.  It cannot be turned back into a cable.
* the **lossless view**, :func:`to_lossless_dict` / :func:`from_lossless_dict`: every
  item of every document with a type tag and its exact text, plus the container's
  page, so that ``from_lossless_dict(to_lossless_dict(cable)) == cable``.

Both are built with a `cattrs <https://catt.rs>`_ JSON converter, :data:`converter`,
whose hooks write :class:`~datetime.datetime` and :class:`~datetime.date` as ISO 8601
strings.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from cattrs.preconf.json import make_converter

from cablelib.containers import detect
from cablelib.model import (
    LINE_CLASSES,
    Cable,
    ClassifiedBy,
    Document,
    ExecutiveOrder,
    Header,
    Item,
    Line,
    Paragraph,
    Recipient,
    Reference,
)

__all__ = [
    "LOSSLESS_FORMAT",
    "converter",
    "from_lossless_dict",
    "to_dict",
    "to_json",
    "to_lossless_dict",
]

#: Version tag written into (and required by) the lossless view.
LOSSLESS_FORMAT = "cablelib-lossless/1"

#: The cattrs converter of both views (datetimes and dates become ISO 8601 strings).
converter = make_converter()
converter.register_unstructure_hook(datetime, lambda value: value.isoformat())
converter.register_unstructure_hook(date, lambda value: value.isoformat())
converter.register_structure_hook(datetime, lambda value, _: datetime.fromisoformat(value))
converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))

_HEADER = "header"
_PARAGRAPH = "paragraph"


# --------------------------------------------------------------------------- semantic view


def _recipients(recipients: tuple[Recipient, ...]) -> list[dict[str, Any]]:
    return [converter.unstructure(r, Recipient) for r in recipients]


def _header_dict(header: Header | None) -> dict[str, Any] | None:
    if header is None:
        return None
    de = header.de
    security = header.security
    return {
        "transmission_id": header.transmission_id,
        "precedence": header.precedence,
        "dtg": converter.unstructure(header.dtg),
        "sender": header.sender,
        "to": _recipients(header.to),
        "info": _recipients(header.info),
        "excluded": _recipients(header.excluded),
        "de": None
        if de is None
        else {
            "station": de.station,
            "serial": de.serial,
            "part": de.part,
            "time_of_transmission": de.time_of_transmission,
        },
        "security": security.text if security is not None else None,
        "partial": header.partial,
    }


def to_dict(cable: Cable) -> dict[str, Any]:
    """The semantic view of a cable as a JSON-ready dict.

    Keys: ``reference_id``, ``derived_reference_id``, ``container`` (the container's
    kind), ``page`` (what a Cablegate page states, or ``None``), ``header`` (or
    ``None``), ``classification``, ``section``, ``section_count``, ``captions``,
    ``eo``, ``tags``, ``subject``, ``references``, ``classified_by``, ``paragraphs``
    (``number``, ``marking``, ``text``) and ``signature``.  Dates and datetimes are
    ISO 8601 strings; tuples are lists.
    """
    page = cable.page
    eo = cable.eo
    classified_by = cable.classified_by
    return {
        "reference_id": cable.reference_id,
        "derived_reference_id": cable.derived_reference_id,
        "container": cable.container.kind,
        "page": None if page is None else converter.unstructure(page),
        "header": _header_dict(cable.header),
        "classification": cable.classification,
        "section": cable.section,
        "section_count": cable.section_count,
        "captions": list(cable.captions),
        "eo": None if eo is None else converter.unstructure(eo, ExecutiveOrder),
        "tags": list(cable.tags),
        "text_tags": list(cable.text_tags),
        "subject": cable.subject,
        "references": [converter.unstructure(r, Reference) for r in cable.references],
        "classified_by": None
        if classified_by is None
        else converter.unstructure(classified_by, ClassifiedBy),
        "paragraphs": [
            {"number": p.number, "marking": p.marking, "text": p.text} for p in cable.paragraphs
        ],
        "signature": cable.signature,
    }


def to_json(cable: Cable, indent: int | None = 2) -> str:
    """The semantic view (:func:`to_dict`) as a JSON string, non-ASCII kept as is."""
    return json.dumps(to_dict(cable), indent=indent, ensure_ascii=False)


# --------------------------------------------------------------------------- lossless view


def _line_dict(line: Line) -> dict[str, Any]:
    return {"type": line.terminal, "raw": line.raw}


def _item_dict(item: Item) -> dict[str, Any]:
    if isinstance(item, Header):
        return {
            "type": _HEADER,
            "raw": item.render(),
            "lines": [_line_dict(line) for line in item.lines],
        }
    if isinstance(item, Paragraph):
        return {
            "type": _PARAGRAPH,
            "raw": item.render(),
            "number": item.number,
            "lines": [_line_dict(line) for line in item.lines],
        }
    return _line_dict(item)


def _container_source(cable: Cable) -> str:
    """The text the container was read from (its original slot texts, edits left out)."""
    container = cable.container
    texts = getattr(container, "texts", None)
    if isinstance(texts, tuple) and all(isinstance(t, str) for t in texts):
        return container.render(texts)
    return container.render([doc.render() for doc in cable.documents])


def to_lossless_dict(cable: Cable) -> dict[str, Any]:
    """A JSON-ready dict that records the cable completely.

    Every item of every document is written with a type tag (the grammar terminal
    name of a line, ``"header"`` or ``"paragraph"``) and its exact text (``raw``);
    headers and paragraphs also list their lines, and paragraphs their number.  The
    container is recorded by its kind and the text it was read from.  The page
    metadata and the reference id are included too, for readers of the dict.
    """
    return {
        "format": LOSSLESS_FORMAT,
        "given_reference_id": cable.given_reference_id,
        "container": {
            "kind": cable.container.kind,
            "source": _container_source(cable),
            "page": None if cable.page is None else converter.unstructure(cable.page),
        },
        "documents": [[_item_dict(item) for item in doc.items] for doc in cable.documents],
    }


def _line_from(data: dict[str, Any]) -> Line:
    kind = data["type"]
    cls = LINE_CLASSES.get(kind)
    if cls is None:
        raise ValueError(f"unknown line type {kind!r}")
    raw = data["raw"]
    if not isinstance(raw, str):
        raise ValueError(f"raw text of a {kind} line is not a str")
    return cls(raw)


def _item_from(data: dict[str, Any]) -> Item:
    kind = data["type"]
    if kind == _HEADER:
        return Header(tuple(_line_from(d) for d in data["lines"]))
    if kind == _PARAGRAPH:
        number = data["number"]
        if number is not None and not isinstance(number, int):
            raise ValueError("paragraph number is not an int")
        return Paragraph(tuple(_line_from(d) for d in data["lines"]), number)
    return _line_from(data)


def from_lossless_dict(data: dict[str, Any]) -> Cable:
    """Rebuild the cable that :func:`to_lossless_dict` recorded.

    The documents are rebuilt item by item from the recorded lines; the container is
    rebuilt by detecting it again in its recorded source text
    (:func:`cablelib.detect`).

    Raises:
        ValueError: ``data`` is not a lossless view (wrong format tag, unknown line
            type, a container that reads back as another kind).
    """
    if data.get("format") != LOSSLESS_FORMAT:
        raise ValueError(f"not a {LOSSLESS_FORMAT} dict")
    try:
        spec = data["container"]
        container = detect(spec["source"])[0]
        if container.kind != spec["kind"]:
            raise ValueError(
                f"container source reads as {container.kind!r}, expected {spec['kind']!r}"
            )
        documents = tuple(
            Document(tuple(_item_from(item) for item in doc)) for doc in data["documents"]
        )
        given = data.get("given_reference_id")
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed lossless dict: {exc!r}") from exc
    return Cable(container=container, documents=documents, given_reference_id=given)

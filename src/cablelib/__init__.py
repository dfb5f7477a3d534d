r"""cablelib: read US diplomatic cables into typed objects and write them back byte for byte.

>>> import cablelib
>>> cable = cablelib.loads("UNCLAS STATE 000001\n\nSUBJECT: TEST\n\n1. (U) Text.\n")
>>> cable.subject
'TEST'
>>> cablelib.dumps(cable) == "UNCLAS STATE 000001\n\nSUBJECT: TEST\n\n1. (U) Text.\n"
True
"""

from __future__ import annotations

from cablelib.api import dump, dumps, load, loads
from cablelib.containers import Container, PageInfo, detect, register_container
from cablelib.edit import edit
from cablelib.errors import CableError, CableSyntaxError, ExtractorError
from cablelib.extraction import Found, extract, plugin_manager, plugins
from cablelib.extractors.identity import canonical_id
from cablelib.extractors.tags import tag_kind
from cablelib.hookspecs import hookimpl
from cablelib.model import (
    Cable,
    ClassifiedBy,
    Document,
    ExecutiveOrder,
    Header,
    Line,
    Paragraph,
    Recipient,
    Reference,
)

__version__ = "0.1.0"

#: The same function as :func:`loads`, for those who think of it as parsing.
parse = loads

__all__ = [
    "Cable",
    "CableError",
    "CableSyntaxError",
    "ClassifiedBy",
    "Container",
    "Document",
    "ExecutiveOrder",
    "ExtractorError",
    "Found",
    "Header",
    "Line",
    "PageInfo",
    "Paragraph",
    "Recipient",
    "Reference",
    "__version__",
    "canonical_id",
    "detect",
    "dump",
    "dumps",
    "edit",
    "extract",
    "hookimpl",
    "load",
    "loads",
    "parse",
    "plugin_manager",
    "plugins",
    "register_container",
    "tag_kind",
]

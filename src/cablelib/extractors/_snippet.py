"""The last line of a cut-off copy that the grammar read as a signature.

A copy that stops on a wrapped labelled line (a snippet of the preamble, as in a test
suite: ``SUBJECT: ... MEETING WITH`` / ``CODEL LEVIN``, ``TAGS: PREL ... KTIA`` / ``GM``,
``REF: A. BAKU 91`` / ``B. BAKU 30``) ends in a short line in capitals, which the
grammar reads as the cable's signature (or, with FOR in it, as a passing line:
``DETAINEES FOR RESETTLEMENT``).  Right under the labelled line, with no blank
line between, and the text's last item, it is that line's last line: the extractors
of SUBJECT, TAGS and REF read it so, and the signature reader leaves it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from cablelib.model import (
    AddressLine,
    ClassifiedByLine,
    InfoLine,
    Line,
    PassingLine,
    RefLine,
    SignatureLine,
    SubjectLine,
    TagsLine,
    ToLine,
    XmtLine,
)

__all__ = ["CONTINUED", "LABELLED", "wrapped_end"]

#: The labelled lines whose last line a snippet's end may be.
LABELLED = (SubjectLine, TagsLine, RefLine, ClassifiedByLine)
#: Those and the header's addressee lines (a copy of the header alone, without BT).
CONTINUED = (*LABELLED, ToLine, InfoLine, XmtLine, AddressLine)


#: What the grammar reads the last line of such a snippet as.
_ENDS = (SignatureLine, PassingLine)


def wrapped_end(items: Sequence[object], index: int) -> SignatureLine | PassingLine | None:
    """The signature (or passing) line that ends the text right under ``items[index]``.

    ``items[index]`` is a line; the signature line must be the next and last item,
    with no blank line between them.  ``None`` if there is none.
    """
    if index + 2 != len(items):
        return None
    last = items[index + 1]
    if type(last) not in _ENDS:  # the model's classes are not subclassed
        return None
    line = items[index]
    if not isinstance(line, Line) or line.eol.count("\n") != 1:
        return None
    return cast("SignatureLine | PassingLine", last)

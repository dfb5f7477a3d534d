"""Exceptions raised by cablelib.

Every error cablelib raises on purpose derives from :class:`CableError`, so a
caller can catch one class and be sure nothing of ours escapes.
"""

from __future__ import annotations

__all__ = ["CableError", "CableSyntaxError", "ExtractorError"]


class CableError(Exception):
    """Base class of every error cablelib raises: the input cannot be used."""


class CableSyntaxError(CableError, ValueError):
    """The text is not a cable at all (raised only with ``strict=True``).

    Carries the 1-based :attr:`line` and :attr:`column` of the offending spot,
    its character :attr:`offset`, and a :attr:`snippet` (the line with a caret
    under the column), computed lazily so that building the error stays cheap
    on large inputs.  It is a :class:`ValueError` too, like
    :class:`json.JSONDecodeError`, and it pickles.
    """

    def __init__(self, message: str, text: str, offset: int) -> None:
        self.message = message
        self.text = text
        self.offset = max(0, min(offset, len(text)))
        start = text.rfind("\n", 0, self.offset) + 1
        self.line = text.count("\n", 0, self.offset) + 1
        self.column = self.offset - start + 1
        super().__init__(message, text, offset)

    @property
    def snippet(self) -> str:
        """The offending line, cut to 120 characters, and a caret under the column."""
        start = self.text.rfind("\n", 0, self.offset) + 1
        end = self.text.find("\n", self.offset)
        line = self.text[start : end if end != -1 else len(self.text)].rstrip("\r")
        col = self.column - 1
        lo = max(0, col - 60)
        shown = line[lo : lo + 120]
        return f"{shown}\n{' ' * (col - lo)}^"

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}\n{self.snippet}"

    def __repr__(self) -> str:
        return f"CableSyntaxError({self.message!r}, line={self.line}, column={self.column})"


class ExtractorError(CableError):
    """An extractor plugin failed on a cable.

    :attr:`plugin` names the plugin, :attr:`reference_id` the cable.
    """

    def __init__(self, message: str, *, plugin: str, reference_id: str | None) -> None:
        self.plugin = plugin
        self.reference_id = reference_id
        where = f" on {reference_id}" if reference_id else ""
        super().__init__(f"plugin {plugin!r} failed{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_extractor_error, (self.args[0], self.plugin, self.reference_id))


def _rebuild_extractor_error(text: str, plugin: str, reference_id: str | None) -> ExtractorError:
    err = ExtractorError.__new__(ExtractorError)
    err.plugin = plugin
    err.reference_id = reference_id
    Exception.__init__(err, text)
    return err

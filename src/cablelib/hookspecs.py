"""Hook specifications: how a plugin adds extractors to cablelib.

A plugin is a module or object with functions marked :data:`hookimpl`, installed
under the entry-point group ``cablelib``::

    # pyproject.toml of the plugin's package
    [project.entry-points.cablelib]
    my_fields = "my_package.plugin"

cablelib's own extractors are plugins of exactly this kind (``cablelib.extractors.*``).

Two hooks, from the simplest to the most capable:

* :func:`cablelib_extract` returns a dict of fields for a cable; its keys are merged
  into the result of :func:`cablelib.extract`.
* :func:`cablelib_register_extractors` registers named extractors, one function per
  field, which :func:`cablelib.extract` can run selectively (``only=``), can report
  the text they read (``provenance=True``), and which another plugin can replace by
  name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pluggy

if TYPE_CHECKING:
    from cablelib.model import Cable

__all__ = [
    "PROJECT",
    "Register",
    "cablelib_extract",
    "cablelib_register_extractors",
    "hookimpl",
    "hookspec",
]

#: The project name: of the markers, of the plugin manager and of the entry-point group.
PROJECT = "cablelib"

_F = TypeVar("_F", bound=Callable[..., Any])

_spec_marker = pluggy.HookspecMarker(PROJECT)
_impl_marker = pluggy.HookimplMarker(PROJECT)


def hookspec(function: _F) -> _F:
    """Mark a function as a cablelib hook specification (keeps its type for mypy)."""
    return _spec_marker(function)


#: Mark a function as an implementation of a cablelib hook::
#:
#:     @cablelib.hookimpl
#:     def cablelib_register_extractors(register):
#:         register("word_count", lambda cable: len(cable.text.split()))
hookimpl = _impl_marker


class Register(Protocol):
    """What :func:`cablelib_register_extractors` receives: call it once per extractor."""

    def __call__(
        self,
        name: str,
        function: Callable[[Cable], Any],
        *,
        replace: bool = False,
    ) -> None:
        """Register ``function`` as the extractor of the field ``name``.

        Args:
            name: The key of the field in :func:`cablelib.extract`'s result.
            function: Called with the cable; returns a JSON-ready value, or a
                :class:`cablelib.extract.Found` holding the value and the lines it read.
            replace: Replace an extractor already registered under ``name`` (a
                built-in one, say).  Without it, a second extractor of the same name
                is an error.
        """


# -- extraction -------------------------------------------------------------------


@hookspec
def cablelib_register_extractors(register: Register) -> None:
    """Register named extractors.

    Called once, when the plugins are loaded; built-in plugins first, then installed
    ones in entry-point order.  Call ``register(name, function)`` for every field the
    plugin extracts, with ``replace=True`` to take the place of an extractor another
    plugin registered under that name.

    :param register: The function to call; see :class:`Register`.
    """


@hookspec
def cablelib_extract(cable: Cable) -> dict[str, Any] | None:
    """Extract fields from a cable, the simple way.

    Called by :func:`cablelib.extract` after the named extractors.  Return a dict
    of JSON-ready values, or ``None``; the keys are merged into the result (a key a
    named extractor already set is overwritten).

    :param cable: The cable, as :func:`cablelib.loads` returns it.
    """

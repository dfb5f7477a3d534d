"""Extraction: the plugin manager, the extractor registry and :func:`extract`.

Plugins load lazily and once, on the first call that needs them: first the
built-in extractor modules (``cablelib.extractors.*``), then every installed entry
point of the group ``cablelib``.  The environment variable ``CABLELIB_LOAD_PLUGINS``
(a comma-separated list of entry-point names, possibly empty) limits which installed
plugins load; ``CABLELIB_TRACE_PLUGINS=1`` prints every hook call to stderr.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from typing import Any, Literal, TypeVar, cast

import attrs
import pluggy
from attrs import frozen

from cablelib import hookspecs
from cablelib.errors import ExtractorError
from cablelib.hookspecs import PROJECT
from cablelib.model import Cable, Line

__all__ = [
    "BUILTIN_EXTRACTORS",
    "Extractor",
    "Found",
    "PluginInfo",
    "extract",
    "extractors",
    "plugin_manager",
    "plugins",
    "shared",
]

#: Modules of the built-in extractors, registered like any plugin, in this order.
BUILTIN_EXTRACTORS = (
    "cablelib.extractors.identity",
    "cablelib.extractors.header",
    "cablelib.extractors.tags",
    "cablelib.extractors.subject",
    "cablelib.extractors.references",
    "cablelib.extractors.classification",
    "cablelib.extractors.body",
    "cablelib.extractors.persons",
)


@attrs.define
class Found:
    """An extractor's value together with the lines of the cable it read.

    Return it instead of a bare value to make the extractor auditable: with
    ``extract(cable, provenance=True)`` the lines become spans of ``cable.text``.
    """

    # Not frozen, unlike the model: a Found is a return value that extract() reads once,
    # and a cable's extraction makes some 25 of them (a frozen one takes twice as long
    # to make, 0.27 against 0.12 µs).

    #: The extracted, JSON-ready value.
    value: Any
    #: The lines the value was read from.
    lines: tuple[Line, ...] = ()


@frozen
class Extractor:
    """A named extractor and the plugin that registered it."""

    #: The key of the field in the result of :func:`extract`.
    name: str
    #: The function: ``function(cable)`` returns a value or a :class:`Found`.
    function: Callable[[Cable], Any]
    #: The name of the plugin that registered it.
    plugin: str


@frozen
class PluginInfo:
    """A loaded plugin: its name, where it comes from, and the hooks it implements."""

    #: The plugin's name (a module name for built-ins, the entry-point name otherwise).
    name: str
    #: The distribution and version it was installed from, or ``None`` for built-ins.
    distribution: str | None
    #: The hooks it implements.
    hooks: tuple[str, ...]


class _PluginManager(pluggy.PluginManager):
    """A plugin manager that counts the changes to its set of plugins.

    :func:`extractors` keeps its table until the count changes, so that a call of
    :func:`extract` does not ask pluggy for the plugins again.
    """

    #: Bumped by every register, unregister and block.
    changes = 0

    def register(self, plugin: object, name: str | None = None) -> str | None:
        """Register ``plugin`` (see :meth:`pluggy.PluginManager.register`)."""
        self.changes += 1
        return super().register(plugin, name)

    def unregister(self, plugin: object | None = None, name: str | None = None) -> Any:
        """Unregister ``plugin`` (see :meth:`pluggy.PluginManager.unregister`)."""
        self.changes += 1
        return super().unregister(plugin, name)

    def set_blocked(self, name: str) -> None:
        """Block ``name`` (see :meth:`pluggy.PluginManager.set_blocked`)."""
        self.changes += 1
        super().set_blocked(name)


_manager: _PluginManager | None = None
#: The extractor table, and the manager's change count it was made at.
_table: tuple[int, dict[str, Extractor]] | None = None
#: Where CABLELIB_TRACE_PLUGINS writes, or None: extractors are called directly, not
#: through pluggy's hook calls, so pluggy's own tracing would not see them.
_trace: Callable[[str], object] | None = None


def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, with the built-ins and installed plugins loaded (once)."""
    return _manager if _manager is not None else _load()


def _load() -> _PluginManager:
    """Make the plugin manager and load the plugins into it, once."""
    global _manager, _trace  # noqa: PLW0603 - one manager per process, made on first use
    if _manager is None:
        pm = _PluginManager(PROJECT)
        pm.add_hookspecs(hookspecs)
        for module in BUILTIN_EXTRACTORS:
            pm.register(importlib.import_module(module), name=module)
        _load_entry_points(pm)
        pm.check_pending()
        if os.environ.get("CABLELIB_TRACE_PLUGINS"):
            _trace = sys.stderr.write
            pm.trace.root.setwriter(sys.stderr.write)
            pm.enable_tracing()
        _manager = pm
    return _manager


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    allowed = os.environ.get("CABLELIB_LOAD_PLUGINS")
    names = None if allowed is None else {n.strip() for n in allowed.split(",") if n.strip()}
    for ep in metadata.entry_points(group=PROJECT):
        if names is not None and ep.name not in names:
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:
            msg = f"cannot load: {exc}"
            raise ExtractorError(msg, plugin=ep.name, reference_id=None) from exc
        pm.register(plugin, name=ep.name)
        dist = ep.dist
        if dist is not None:
            _distributions[ep.name] = f"{dist.metadata['Name']} {dist.version}"


_distributions: dict[str, str] = {}


def plugins() -> list[PluginInfo]:
    """The loaded plugins, built-ins first."""
    pm = plugin_manager()
    out = []
    for name, plugin in pm.list_name_plugin():
        hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ()))
        out.append(PluginInfo(name=name, distribution=_distributions.get(name), hooks=hooks))
    return out


def extractors() -> dict[str, Extractor]:
    """The named extractors of all loaded plugins, in registration order."""
    global _table  # noqa: PLW0603 - cache of the registry, rebuilt when plugins change
    pm = _manager if _manager is not None else _load()
    key = pm.changes
    if _table is not None and _table[0] == key:
        return _table[1]
    table: dict[str, Extractor] = {}
    # in registration order: built-ins first, so that plugins can replace them
    for impl in pm.hook.cablelib_register_extractors.get_hookimpls():
        plugin_name = impl.plugin_name

        def register(
            name: str,
            function: Callable[[Cable], Any],
            *,
            replace: bool = False,
            _plugin: str = plugin_name,
        ) -> None:
            if name in table and not replace:
                msg = (
                    f"extractor {name!r} is already registered by {table[name].plugin!r};"
                    " pass replace=True to replace it"
                )
                raise ExtractorError(msg, plugin=_plugin, reference_id=None)
            table[name] = Extractor(name=name, function=function, plugin=_plugin)

        if _trace is not None:
            _trace(f"cablelib: {plugin_name}: cablelib_register_extractors\n")
        impl.function(register=register)
    _table = (key, table)
    return table


_T = TypeVar("_T")
_MISSING = object()


#: The key under which a cable's ``_cache`` holds the values :func:`shared` computed.
_SHARED = "extraction:shared"


def shared(cable: Cable, key: str, compute: Callable[[Cable], _T]) -> _T:
    """Compute a value once per cable and share it between extractors.

    For work that several extractors need (one pass over the header that gives both
    ``recipients`` and ``info_recipients``, say).  Choose a key that names your plugin,
    e.g. ``"header:addressees"``.  The value is kept with the cable for as long as the
    :func:`extract` call that asked for it runs (it is scratch: kept longer, it would
    add about 40% to the memory of every cable a corpus run holds); an extractor called
    on its own, outside :func:`extract`, keeps it with the cable.
    """
    cache: dict[str, Any] = cable._cache
    values = cache.get(_SHARED)
    if values is None:
        values = cache[_SHARED] = {}
    value = values.get(key, _MISSING)
    if value is _MISSING:
        value = values[key] = compute(cable)
    return cast("_T", value)


def _spans(cable: Cable, lines: Iterable[Line]) -> list[dict[str, Any]]:
    wanted = {id(line) for line in lines}
    if not wanted:
        return []
    text = cable.text
    return [
        {"start": start, "end": end, "text": text[start:end]}
        for line, start, end in cable.line_spans()
        if id(line) in wanted
    ]


def extract(
    cable: Cable,
    *,
    only: Sequence[str] | None = None,
    errors: Literal["raise", "collect"] = "raise",
    provenance: bool = False,
) -> dict[str, Any]:
    """The facts of a cable as JSON-ready values, from every loaded extractor.

    Args:
        cable: The cable, as :func:`cablelib.loads` returns it.
        only: Run only the named extractors (and skip the ``cablelib_extract`` hook).
        errors: ``"raise"`` raises :class:`ExtractorError` on the first failing
            extractor; ``"collect"`` records each failure under the key ``"errors"``
            (a list of ``{"extractor", "plugin", "error"}``) and keeps every other field.
        provenance: Add the key ``"provenance"``: for each field whose extractor
            reports the lines it read, a list of ``{"start", "end", "text"}`` spans of
            ``cable.text``.

    Raises:
        ExtractorError: an extractor failed (with ``errors="raise"``), or ``only``
            names an extractor that does not exist.
        ValueError: ``errors`` is neither ``"raise"`` nor ``"collect"``.
    """
    if errors not in ("raise", "collect"):
        msg = f"errors must be 'raise' or 'collect', not {errors!r}"
        raise ValueError(msg)
    # The values the extractors share live as long as this call, unless they were there
    # before it (an extractor called on its own, or an extract() inside an extractor).
    scratch = _SHARED not in cable._cache
    try:
        return _extract(cable, only, errors, provenance)
    finally:
        if scratch:
            cable._cache.pop(_SHARED, None)


def _extract(
    cable: Cable,
    only: Sequence[str] | None,
    errors: Literal["raise", "collect"],
    provenance: bool,
) -> dict[str, Any]:
    table = extractors()
    if only is not None:
        unknown = [name for name in only if name not in table]
        if unknown:
            msg = f"no extractor named {', '.join(map(repr, unknown))}"
            raise ExtractorError(msg, plugin="cablelib", reference_id=cable.reference_id)
        chosen = [table[name] for name in only]
    else:
        chosen = list(table.values())
    result: dict[str, Any] = {}
    failures: list[dict[str, str]] = []
    spans: dict[str, list[dict[str, Any]]] = {}
    for extractor in chosen:
        if _trace is not None:
            _trace(f"cablelib: {extractor.plugin}: {extractor.name}({cable.reference_id})\n")
        try:
            value = extractor.function(cable)
        except Exception as exc:  # a plugin's failure, whatever it is
            _fail(exc, extractor.name, extractor.plugin, cable, errors=errors, failures=failures)
            continue
        if isinstance(value, Found):
            if provenance:
                spans[extractor.name] = _spans(cable, value.lines)
            value = value.value
        result[extractor.name] = value
    if only is None:
        _simple_hook(cable, result, errors, failures)
    if provenance:
        result["provenance"] = spans
    if errors == "collect":
        result["errors"] = failures
    return result


def _simple_hook(
    cable: Cable,
    result: dict[str, Any],
    errors: str,
    failures: list[dict[str, str]],
) -> None:
    hook = plugin_manager().hook.cablelib_extract
    for impl in hook.get_hookimpls():
        if _trace is not None:
            _trace(f"cablelib: {impl.plugin_name}: cablelib_extract({cable.reference_id})\n")
        try:
            extra = impl.function(cable=cable)
            if extra is not None and not isinstance(extra, dict):
                msg = f"cablelib_extract returned {type(extra).__name__}, not a dict"
                raise TypeError(msg)
        except Exception as exc:  # a plugin's failure, whatever it is
            name = impl.plugin_name
            _fail(exc, "cablelib_extract", name, cable, errors=errors, failures=failures)
            continue
        if extra:
            result.update(extra)


def _fail(  # noqa: PLR0913 - everything a failure report names
    exc: Exception,
    name: str,
    plugin: str,
    cable: Cable,
    *,
    errors: str,
    failures: list[dict[str, str]],
) -> None:
    if errors == "raise":
        msg = f"{name}: {type(exc).__name__}: {exc}"
        raise ExtractorError(msg, plugin=plugin, reference_id=cable.reference_id) from exc
    failures.append({"extractor": name, "plugin": plugin, "error": f"{type(exc).__name__}: {exc}"})

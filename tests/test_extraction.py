"""The extraction machinery: plugins, the extractor registry and ``cablelib.extract``.

These tests are about the plugin system, not about the built-in fields: every plugin
here is a small object registered for one test with ``cablelib.plugin_manager()`` and
unregistered afterwards (the ``register_plugin`` fixture), so the process-wide manager
is left as it was found.  The last test installs ``examples/cablelib-wordcount`` into a
throwaway venv and checks that cablelib loads it through its entry point.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import site
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pluggy
import pytest
from hypothesis import HealthCheck, given, settings

import cablelib
from _corpus import REPO_ROOT, VENDORED_CORPUS
from cablelib import hookspecs
from cablelib.extraction import BUILTIN_EXTRACTORS, PluginInfo, extractors, shared
from cablelib.hookspecs import PROJECT, Register
from cablelib.model import Cable, Line
from cablelib.strategies import cables

CABLE_TEXT = """\
UNCLAS SECTION 01 OF 01 STATE 000123

SIPDIS

E.O. 12958: DECL: 01/16/2019
TAGS: PREL PGOV
SUBJECT: WORD COUNT TEST

1. (U) The ambassador met the minister on Monday.

2. (U) They discussed trade,
energy and the border.

RICE
"""

RegisterPlugin = Callable[[object, str], object]


@pytest.fixture
def cable() -> Cable:
    cable = cablelib.loads(CABLE_TEXT)
    assert cable.reference_id == "09STATE123"
    return cable


@pytest.fixture
def register_plugin() -> Iterator[RegisterPlugin]:
    """Register plugin objects for one test; unregister them all afterwards."""
    pm = cablelib.plugin_manager()
    names: list[str] = []

    def register(plugin: object, name: str) -> object:
        assert name.startswith("test-")
        pm.register(plugin, name=name)
        names.append(name)
        return plugin

    yield register
    for name in reversed(names):
        if pm.get_plugin(name) is not None:  # a test may have unregistered it already
            pm.unregister(name=name)


def extractor_plugin(**functions: Callable[[Cable], Any]) -> object:
    """A plugin object that registers each keyword as a named extractor."""

    class Plugin:
        @cablelib.hookimpl
        def cablelib_register_extractors(self, register: Register) -> None:
            for name, function in functions.items():
                register(name, function)

    return Plugin()


def simple_plugin(function: Callable[[Cable], Any]) -> object:
    """A plugin object whose ``cablelib_extract`` hook is ``function``."""

    class Plugin:
        @cablelib.hookimpl
        def cablelib_extract(self, cable: Cable) -> Any:
            return function(cable)

    return Plugin()


def boom(cable: Cable) -> object:
    msg = f"cannot read {cable.reference_id}"
    raise RuntimeError(msg)


# -- registry and extract --------------------------------------------------------------


def test_a_registered_extractor_shows_up(cable: Cable, register_plugin: RegisterPlugin) -> None:
    before = cablelib.extract(cable, errors="collect")
    assert "test_length" not in before
    register_plugin(extractor_plugin(test_length=lambda c: len(c.text)), "test-length")
    after = cablelib.extract(cable, errors="collect")
    assert after["test_length"] == len(CABLE_TEXT)
    assert extractors()["test_length"].plugin == "test-length"
    # and it goes away with its plugin (the fixture unregisters it; do it early here)
    cablelib.plugin_manager().unregister(name="test-length")
    assert "test_length" not in cablelib.extract(cable, errors="collect")


def test_only_runs_the_named_extractors(cable: Cable, register_plugin: RegisterPlugin) -> None:
    calls: list[str] = []

    def make(name: str) -> Callable[[Cable], str]:
        def function(cable: Cable) -> str:
            calls.append(name)
            return name.upper()

        return function

    register_plugin(extractor_plugin(test_a=make("a"), test_b=make("b")), "test-only")
    register_plugin(simple_plugin(lambda c: {"test_simple": 1}), "test-simple")
    assert cablelib.extract(cable, only=["test_b"]) == {"test_b": "B"}
    assert calls == ["b"]
    # in the order asked for, and the cablelib_extract hook does not run
    assert list(cablelib.extract(cable, only=["test_b", "test_a"])) == ["test_b", "test_a"]
    assert cablelib.extract(cable, only=[]) == {}


def test_only_with_an_unknown_name_raises(cable: Cable) -> None:
    with pytest.raises(cablelib.ExtractorError, match="no extractor named 'test_nope'") as info:
        cablelib.extract(cable, only=["test_nope"])
    assert info.value.reference_id == "09STATE123"


@pytest.fixture
def builtin(register_plugin: RegisterPlugin) -> tuple[str, str]:
    """The name of a built-in extractor and the built-in plugin that registers it.

    While the built-in modules are still empty, a stand-in plugin registered before the
    test's plugins takes their place.
    """
    for extractor in extractors().values():
        if extractor.plugin in BUILTIN_EXTRACTORS:
            return extractor.name, extractor.plugin
    register_plugin(extractor_plugin(test_field=lambda c: "builtin"), "test-stand-in")
    return "test_field", "test-stand-in"


def test_replace_a_builtin_by_name(
    cable: Cable, register_plugin: RegisterPlugin, builtin: tuple[str, str]
) -> None:
    name, owner = builtin
    original = extractors()[name].function

    class Replacer:
        @cablelib.hookimpl
        def cablelib_register_extractors(self, register: Register) -> None:
            register(name, lambda c: "replaced", replace=True)

    register_plugin(Replacer(), "test-replacer")
    assert extractors()[name].plugin == "test-replacer"
    assert cablelib.extract(cable, only=[name]) == {name: "replaced"}
    assert list(extractors()).count(name) == 1
    cablelib.plugin_manager().unregister(name="test-replacer")
    assert extractors()[name].plugin == owner
    assert extractors()[name].function is original


def test_a_second_extractor_of_the_same_name_is_an_error(
    cable: Cable, register_plugin: RegisterPlugin, builtin: tuple[str, str]
) -> None:
    name, owner = builtin
    register_plugin(extractor_plugin(**{name: lambda c: "clash"}), "test-clash")
    with pytest.raises(cablelib.ExtractorError) as info:
        extractors()
    assert info.value.plugin == "test-clash"
    assert "test-clash" in str(info.value)
    assert repr(owner) in str(info.value)
    assert "replace=True" in str(info.value)
    with pytest.raises(cablelib.ExtractorError):
        cablelib.extract(cable)


# -- failures --------------------------------------------------------------------------


def test_a_failing_extractor_names_plugin_and_cable(
    cable: Cable, register_plugin: RegisterPlugin
) -> None:
    register_plugin(extractor_plugin(test_boom=boom), "test-boom")
    with pytest.raises(cablelib.ExtractorError) as info:
        cablelib.extract(cable)
    error = info.value
    assert error.plugin == "test-boom"
    assert error.reference_id == "09STATE123"
    assert "'test-boom'" in str(error)
    assert "09STATE123" in str(error)
    assert "test_boom: RuntimeError: cannot read 09STATE123" in str(error)
    assert isinstance(error.__cause__, RuntimeError)


def test_collect_records_the_failure_and_keeps_every_other_field(
    cable: Cable, register_plugin: RegisterPlugin
) -> None:
    baseline = cablelib.extract(cable, errors="collect")
    register_plugin(
        extractor_plugin(test_before=lambda c: 1, test_boom=boom, test_after=lambda c: 2),
        "test-collect",
    )
    result = cablelib.extract(cable, errors="collect")
    assert result["errors"] == [
        *baseline["errors"],
        {
            "extractor": "test_boom",
            "plugin": "test-collect",
            "error": "RuntimeError: cannot read 09STATE123",
        },
    ]
    assert "test_boom" not in result
    assert result["test_before"] == 1
    assert result["test_after"] == 2
    for key, value in baseline.items():
        if key != "errors":
            assert result[key] == value, key


def test_errors_must_be_raise_or_collect(cable: Cable) -> None:
    with pytest.raises(ValueError, match="bogus"):
        cablelib.extract(cable, errors="bogus")  # type: ignore[arg-type]


# -- the cablelib_extract hook -----------------------------------------------------------


def test_the_simple_hook_is_merged(cable: Cable, register_plugin: RegisterPlugin) -> None:
    register_plugin(simple_plugin(lambda c: {"test_subject": c.subject}), "test-dict")
    register_plugin(simple_plugin(lambda c: None), "test-none")
    result = cablelib.extract(cable)
    assert result["test_subject"] == "WORD COUNT TEST"


def test_the_simple_hook_overrides_a_named_extractor(
    cable: Cable, register_plugin: RegisterPlugin
) -> None:
    register_plugin(extractor_plugin(test_field=lambda c: "named"), "test-named")
    register_plugin(simple_plugin(lambda c: {"test_field": "simple"}), "test-simple")
    assert cablelib.extract(cable)["test_field"] == "simple"
    assert cablelib.extract(cable, only=["test_field"]) == {"test_field": "named"}


def test_the_simple_hook_must_return_a_dict(cable: Cable, register_plugin: RegisterPlugin) -> None:
    register_plugin(simple_plugin(lambda c: ["not", "a", "dict"]), "test-list")
    with pytest.raises(cablelib.ExtractorError, match="returned list, not a dict") as info:
        cablelib.extract(cable)
    assert info.value.plugin == "test-list"
    assert info.value.reference_id == "09STATE123"
    errors = cablelib.extract(cable, errors="collect")["errors"]
    assert {
        "extractor": "cablelib_extract",
        "plugin": "test-list",
        "error": "TypeError: cablelib_extract returned list, not a dict",
    } in errors


# -- provenance --------------------------------------------------------------------------


def paragraph_lines(cable: Cable) -> tuple[Line, ...]:
    return tuple(line for paragraph in cable.paragraphs for line in paragraph.lines)


def subject_and_paragraphs(cable: Cable) -> cablelib.Found:
    return cablelib.Found(len(cable.paragraphs), lines=paragraph_lines(cable))


@pytest.fixture
def provenance_plugin(register_plugin: RegisterPlugin) -> None:
    register_plugin(
        extractor_plugin(
            test_found=subject_and_paragraphs,
            test_found_nothing=lambda c: cablelib.Found("x"),
            test_plain=lambda c: "plain",
        ),
        "test-provenance",
    )


@pytest.mark.usefixtures("provenance_plugin")
def test_provenance_spans_point_into_the_text(cable: Cable) -> None:
    names = ["test_found", "test_found_nothing", "test_plain"]
    result = cablelib.extract(cable, only=names, provenance=True)
    assert result["test_found"] == 2
    assert result["test_found_nothing"] == "x"
    assert result["test_plain"] == "plain"
    spans = result["provenance"]
    assert set(spans) == {"test_found", "test_found_nothing"}
    assert spans["test_found_nothing"] == []
    texts = [span["text"] for span in spans["test_found"]]
    assert texts[:2] == [
        "1. (U) The ambassador met the minister on Monday.\n\n",
        "2. (U) They discussed trade,\nenergy and the border.\n\n",
    ]
    for span in spans["test_found"]:
        assert cable.text[span["start"] : span["end"]] == span["text"]
    # without provenance=True the value is unwrapped all the same
    assert cablelib.extract(cable, only=names) == {
        "test_found": 2,
        "test_found_nothing": "x",
        "test_plain": "plain",
    }


@pytest.mark.usefixtures("provenance_plugin")
@pytest.mark.parametrize("path", sorted(VENDORED_CORPUS.glob("*.html")), ids=lambda p: p.stem)
def test_provenance_of_a_page_points_into_its_cable_text(path: Path) -> None:
    page = cablelib.loads(path.read_bytes().decode("utf-8", "surrogateescape"))
    spans = cablelib.extract(page, only=["test_found"], provenance=True)["provenance"]
    assert len(spans["test_found"]) == len(paragraph_lines(page))
    for span in spans["test_found"]:
        assert page.text[span["start"] : span["end"]] == span["text"]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cables())
def test_provenance_property(cable: Cable) -> None:
    pm = cablelib.plugin_manager()
    pm.register(extractor_plugin(test_found=subject_and_paragraphs), name="test-property")
    try:
        result = cablelib.extract(cable, only=["test_found"], provenance=True)
    finally:
        pm.unregister(name="test-property")
    spans = result["provenance"]["test_found"]
    assert [span["text"] for span in spans] == [line.raw for line in paragraph_lines(cable)]
    for span in spans:
        assert cable.text[span["start"] : span["end"]] == span["text"]


# -- plugins() and the manager ---------------------------------------------------------


def test_plugins_lists_builtins_first_then_the_test_plugin(
    register_plugin: RegisterPlugin,
) -> None:
    class Both:
        @cablelib.hookimpl
        def cablelib_register_extractors(self, register: Register) -> None:
            register("test_both", lambda c: 0)

        @cablelib.hookimpl
        def cablelib_extract(self, cable: Cable) -> dict[str, Any]:
            return {}

    register_plugin(Both(), "test-both")
    infos = cablelib.plugins()
    names = [info.name for info in infos]
    assert names[: len(BUILTIN_EXTRACTORS)] == list(BUILTIN_EXTRACTORS)
    assert all(info.distribution is None for info in infos[: len(BUILTIN_EXTRACTORS)])
    mine = infos[names.index("test-both")]
    assert mine == PluginInfo(
        name="test-both",
        distribution=None,
        hooks=("cablelib_extract", "cablelib_register_extractors"),
    )


def test_the_manager_is_made_once() -> None:
    assert cablelib.plugin_manager() is cablelib.plugin_manager()


def test_check_pending_rejects_a_misspelt_hook() -> None:
    """A hookimpl whose name matches no spec is a typo: ``check_pending`` says so.

    ``plugin_manager()`` runs ``check_pending()`` once, after loading the built-ins and
    the installed plugins; a plugin registered later is not checked.  So this builds a
    fresh manager the same way, rather than touching the process-wide one.
    """

    class Typo:
        @cablelib.hookimpl
        def cablelib_register_extractor(self, register: Register) -> None:  # no "s"
            register("never", lambda c: None)

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(Typo(), name="test-typo")
    with pytest.raises(pluggy.PluginValidationError, match="cablelib_register_extractor"):
        pm.check_pending()


def test_a_hookimpl_with_a_wrong_argument_is_rejected_on_register() -> None:
    class Wrong:
        @cablelib.hookimpl
        def cablelib_extract(self, document: Cable) -> None:
            return None

    with pytest.raises(pluggy.PluginValidationError, match="document"):
        cablelib.plugin_manager().register(Wrong(), name="test-wrong")
    assert cablelib.plugin_manager().get_plugin("test-wrong") is None


# -- an installed plugin -----------------------------------------------------------------

EXAMPLE = REPO_ROOT / "examples" / "cablelib-wordcount"

SCRIPT = """\
import json, sys
import cablelib
cable = cablelib.loads(sys.stdin.read())
fields = cablelib.extract(cable, provenance=True)
print(json.dumps({
    "word_count": fields.get("word_count"),
    "paragraph_count": fields.get("paragraph_count"),
    "spans": fields["provenance"].get("word_count"),
    "text": cable.text,
    "plugins": [[p.name, p.distribution, list(p.hooks)] for p in cablelib.plugins()],
}))
"""


def _site_listing() -> dict[str, list[str]]:
    return {path: sorted(os.listdir(path)) for path in site.getsitepackages()}


@pytest.fixture(scope="module")
def plugin_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A venv that sees this environment's packages and has cablelib-wordcount installed.

    ``venv --system-site-packages`` would expose the *base* interpreter's packages, not
    this venv's, so the new venv gets a ``.pth`` file that adds this environment's
    site-packages (with their own ``.pth`` files: the editable cablelib, pip, hatchling)
    after its own.  pip then installs the example offline, without build isolation,
    into the new venv only.
    """
    before = _site_listing()
    root = tmp_path_factory.mktemp("installed")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    pth = "".join(f"import site; site.addsitedir({path!r})\n" for path in site.getsitepackages())
    (Path(purelib) / "_cablelib_test_parent.pth").write_text(pth, encoding="utf-8")
    source = root / "cablelib-wordcount"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("__pycache__", ".*_cache"))
    subprocess.run(
        [
            *(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"),
            *("--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir", source),
        ],
        check=True,
        env=_clean_env(),
    )
    yield python
    assert _site_listing() == before, "the project's environment was modified"


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CABLELIB_", "PIP_", "PYTHON"))
    }
    env.update(extra)
    return env


def _run(python: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, "-c", SCRIPT],
        input=CABLE_TEXT,
        check=True,
        capture_output=True,
        text=True,
        env=_clean_env(**env),
    )


@pytest.mark.slow
def test_an_installed_plugin_is_loaded_from_its_entry_point(plugin_venv: Path) -> None:
    out = json.loads(_run(plugin_venv).stdout)
    assert out["word_count"] == 8 + 6
    assert out["paragraph_count"] == 2
    for span in out["spans"]:
        assert out["text"][span["start"] : span["end"]] == span["text"]
    assert ["wordcount", "cablelib-wordcount 0.1.0"] in [p[:2] for p in out["plugins"]]
    hooks = dict((p[0], p[2]) for p in out["plugins"])["wordcount"]
    assert hooks == ["cablelib_extract", "cablelib_register_extractors"]
    # installed plugins come after the built-ins
    assert [p[0] for p in out["plugins"]][: len(BUILTIN_EXTRACTORS)] == list(BUILTIN_EXTRACTORS)


@pytest.mark.slow
@pytest.mark.parametrize(("allowed", "loaded"), [("", False), ("wordcount", True), ("x", False)])
def test_load_plugins_limits_the_entry_points(
    plugin_venv: Path, allowed: str, loaded: bool
) -> None:
    out = json.loads(_run(plugin_venv, CABLELIB_LOAD_PLUGINS=allowed).stdout)
    assert ("wordcount" in [p[0] for p in out["plugins"]]) is loaded
    assert (out["word_count"] == 14) is loaded
    # the built-ins load whatever the variable says
    assert [p[0] for p in out["plugins"]][: len(BUILTIN_EXTRACTORS)] == list(BUILTIN_EXTRACTORS)


@pytest.mark.slow
def test_trace_plugins_writes_the_extractor_calls(plugin_venv: Path) -> None:
    run = _run(plugin_venv, CABLELIB_TRACE_PLUGINS="1")
    assert "cablelib: wordcount: word_count(" in run.stderr
    assert "cablelib: wordcount: cablelib_extract(" in run.stderr


@pytest.mark.slow
def test_the_example_tests_pass_when_installed(plugin_venv: Path, tmp_path: Path) -> None:
    tests = tmp_path / "tests"
    shutil.copytree(EXAMPLE / "tests", tests, ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run(
        [plugin_venv, "-m", "pytest", "-q", "-p", "no:cacheprovider", tests],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_clean_env(),
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 passed" in run.stdout


@pytest.mark.parametrize(
    "path",
    sorted(p for p in VENDORED_CORPUS.iterdir() if p.suffix in (".html", ".txt")),
    ids=lambda p: p.name,
)
def test_a_cable_pickles_after_extract(path: Path) -> None:
    # what the extractors keep with a cable (its caches) must not stop it from pickling,
    # as multiprocessing does with the cables a worker returns
    cable = cablelib.load(path)
    result = cablelib.extract(cable)
    clone = pickle.loads(pickle.dumps(cable))
    assert cablelib.dumps(clone) == cablelib.dumps(cable)
    assert cablelib.extract(clone) == result


# -- shared values ----------------------------------------------------------------------


def _counting(counts: list[str]) -> Callable[[Cable], Any]:
    def compute(cable: Cable) -> list[str]:
        counts.append("computed")
        return ["value"]

    return compute


def test_shared_values_are_computed_once_per_extract(
    cable: Cable, register_plugin: RegisterPlugin
) -> None:
    counts: list[str] = []
    compute = _counting(counts)

    def first(c: Cable) -> int:
        return len(shared(c, "test:value", compute))

    def second(c: Cable) -> int:
        return len(shared(c, "test:value", compute))

    register_plugin(extractor_plugin(test_first=first, test_second=second), "test-shared")
    result = cablelib.extract(cable, only=["test_first", "test_second"])
    assert result == {"test_first": 1, "test_second": 1}
    assert counts == ["computed"]
    # scratch: the next extract() computes it again, and the cable keeps nothing of it
    cablelib.extract(cable, only=["test_first"])
    assert counts == ["computed", "computed"]


def test_a_result_changed_by_its_user_does_not_change_the_next(cable: Cable) -> None:
    first = cablelib.extract(cable)
    kept = json.loads(json.dumps(first))
    for value in first.values():
        if isinstance(value, list):
            value.append("changed")
        elif isinstance(value, dict):
            value["changed"] = 1
    assert cablelib.extract(cable) == kept


def test_an_extractor_called_on_its_own_keeps_its_shared_values(cable: Cable) -> None:
    counts: list[str] = []
    compute = _counting(counts)
    shared(cable, "test:alone", compute)
    shared(cable, "test:alone", compute)
    assert counts == ["computed"]
    # an extract() that finds shared values there leaves them (it did not make them)
    cablelib.extract(cable, only=["subject"])
    shared(cable, "test:alone", compute)
    assert counts == ["computed"]


def test_extract_inside_an_extractor(cable: Cable, register_plugin: RegisterPlugin) -> None:
    def outer(c: Cable) -> object:
        inner = cablelib.extract(c, only=["subject"])["subject"]
        return [inner, len(shared(c, "test:outer", lambda _: "abc"))]

    register_plugin(extractor_plugin(test_outer=outer), "test-nested")
    result = cablelib.extract(cable, only=["test_outer", "subject"])
    assert result["test_outer"] == [result["subject"], 3]

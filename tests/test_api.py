"""The json-like API: types, errors, strict mode, and inputs that are not cables."""

from __future__ import annotations

import io
import pickle
import time
from pathlib import Path

import pytest

import cablelib
from cablelib import CableError, CableSyntaxError

SEED = Path(__file__).parent / "corpus" / "09USNATO383.txt"


@pytest.mark.parametrize("value", [b"UNCLAS STATE 1", 42, None, ["x"]])
def test_loads_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError, match="loads\\(\\) takes a str"):
        cablelib.loads(value)  # type: ignore[arg-type]


def test_loads_bytes_hint() -> None:
    with pytest.raises(TypeError, match=r"cablelib\.load"):
        cablelib.loads(b"x")  # type: ignore[arg-type]


def test_dumps_rejects_non_cable() -> None:
    with pytest.raises(TypeError, match="Cable"):
        cablelib.dumps("text")  # type: ignore[arg-type]


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CableError, match="cannot read"):
        cablelib.load(tmp_path / "nope.txt")


def test_load_text_mode_file() -> None:
    with SEED.open(encoding="utf-8") as fh, pytest.raises(TypeError, match="binary"):
        cablelib.load(fh)  # type: ignore[arg-type]


def test_load_takes_reference_id_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "08STATE1234.txt"
    path.write_bytes(b"UNCLAS STATE 001234\n\nSUBJECT: X\n")
    cable = cablelib.load(path)
    assert cable.given_reference_id == "08STATE1234"
    assert cable.reference_id == "08STATE1234"
    assert cablelib.loads("x", reference_id="99X1").reference_id == "99X1"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "<!DOCTYPE html><html><head><title>Weather</title></head><body><p>Sunny.</p></body></html>",
        "It was a bright cold day in April, and the clocks were striking thirteen.\n",
    ],
    ids=["empty", "blank", "web-page", "prose"],
)
def test_strict_rejects_what_is_not_a_cable(text: str) -> None:
    with pytest.raises(CableSyntaxError) as info:
        cablelib.loads(text, strict=True)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.line >= 1
    assert err.column >= 1
    assert "^" in err.snippet
    assert f"line {err.line}, column {err.column}" in str(err)
    # without strict, the same text loads and round-trips
    assert cablelib.dumps(cablelib.loads(text)) == text


def test_syntax_error_position_and_pickle() -> None:
    text = "\n\n   Nothing here but words.\n"
    with pytest.raises(CableSyntaxError) as info:
        cablelib.loads(text, strict=True)
    err = info.value
    assert (err.line, err.column) == (3, 4)
    assert err.snippet.splitlines() == ["   Nothing here but words.", "   ^"]
    again = pickle.loads(pickle.dumps(err))
    assert (again.line, again.column, again.message) == (err.line, err.column, err.message)


def test_strict_accepts_cables() -> None:
    assert cablelib.load(SEED, strict=True).subject is not None
    assert cablelib.loads("UNCLAS STATE 000001\n", strict=True).classification == "UNCLASSIFIED"


def _time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        cable = cablelib.loads(text)
        best = min(best, time.perf_counter() - start)
    assert cablelib.dumps(cable) == text
    return best


@pytest.mark.parametrize(
    "unit",
    ["x" * 1000, "TAGS: PGOV\n", "\n", " \n", "1. (C) x\n", "PAGE 02 STATE 1\n", "INFO X\n", "A\n"],
    ids=["long-line", "tags", "blank", "space-blank", "paragraphs", "page", "info", "short-lines"],
)
def test_adversarial_inputs_load_in_linear_time(unit: str) -> None:
    big = unit * (1_000_000 // len(unit))
    quarter = unit * (250_000 // len(unit))
    t_big, t_quarter = _time(big), _time(quarter)
    # Linear growth: four times the input takes about four times the time; quadratic
    # growth would take sixteen.  The margin absorbs a noisy machine.
    assert t_big < 8.0 * t_quarter + 0.05, (t_quarter, t_big)


def test_one_megabyte_line_round_trips() -> None:
    text = "VZCZC" + "Q" * 1_000_000
    assert cablelib.dumps(cablelib.loads(text)) == text
    out = io.StringIO()
    out.write(cablelib.dumps(cablelib.loads(text + "\n")))
    assert out.getvalue() == text + "\n"


PATHOLOGICAL = {
    "long-banner": "SECRET " + "A B " * 25_000,
    "long-banner-digits": "SECRET " + "A 1 " * 25_000,
    "long-spaced-class": "C O N F I D E N T I A L " + "X " * 50_000,
    "long-tags": "TAGS: " + "PGOV " * 20_000,
    "long-page-marker": "A" * 100_000 + " 00000140 002 OF 003",
    "long-passing": "ABC " * 25_000 + "FOR X",
    "long-ref": "REF: " + "A. X " * 20_000,
    "spaces-in-to": "DE RUEHC #1 1234567\nTO A" + " " * 100_000 + "B",
    "trailers": "1. x\n" + "SECRET X\n" * 12_000,
    "signatures": "1. x\n" + "Ab\nNNNN\n" * 10_000,
    "classified-by": "Classified By: " + "1.4 (b) and (d) " * 6_000,
    "eo-dates": "E.O. 12958: DECL: " + "1/1/" * 25_000,
    "addresses": "P 101627Z SEP 09\nINFO X\n" + "RUEHC/A B C D\n" * 10_000,
}


def _time_fields(text: str) -> float:
    start = time.perf_counter()
    cable = cablelib.loads(text)
    for paragraph in cable.paragraphs:
        _ = (paragraph.text, paragraph.marking)
    header = cable.header
    _ = (cable.tags, cable.references, cable.subject, cable.classification, cable.eo)
    _ = (cable.derived_reference_id, cable.classified_by, cable.signature)
    _ = (header.to, header.info) if header is not None else None
    elapsed = time.perf_counter() - start
    assert cablelib.dumps(cable) == text
    return elapsed


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_long_lines_of_every_kind_stay_linear(text: str) -> None:
    """No regex of the grammar or the model backtracks quadratically on a long line."""
    once = min(_time_fields(text) for _ in range(2))
    four = min(_time_fields(text * 4) for _ in range(2))
    assert once < 2.0
    # linear: about four times the time; quadratic would be sixteen
    assert four < 8.0 * once + 0.1, (once, four)

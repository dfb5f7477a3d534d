"""Tests of the ``cablelib`` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cablelib
from _corpus import VENDORED_CORPUS
from cablelib.cli import main
from cablelib.hookspecs import Register

SEED = VENDORED_CORPUS / "09USNATO383.txt"


def test_show_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    for needle in ("09USNATO383", "VZCZCXRO2649", "SECSTATE WASHDC", "DAALDER"):
        assert needle in out
    assert "cablegate-text" in out
    assert "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?" in out
    assert "Section:        1 of 2" in out
    numbers = [
        int(line.split()[0].rstrip("."))
        for line in out.splitlines()
        if line.startswith("    ") and line.split()[0].rstrip(".").isdigit()
    ]
    assert numbers == [1, 2, 3, 4, 5, 6]


def test_show_lists_each_recipient_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "    RUEHC/SECSTATE WASHDC (PRIORITY 3350)" in lines
    assert "    RUEKJCS/JOINT STAFF WASHDC" in lines


def test_show_wrapped_tags(capsys: pytest.CaptureFixture[str]) -> None:
    """A page whose TAGS line wraps shows the linked tags and, apart, the text's."""
    assert main(["show", str(VENDORED_CORPUS / "09MOSCOW405.html")]) == 0
    lines = capsys.readouterr().out.splitlines()
    [tags] = [line for line in lines if line.lstrip().startswith("Tags:")]
    [text_tags] = [line for line in lines if line.lstrip().startswith("Text tags:")]
    assert tags.split()[-1] == "PTER"
    assert text_tags.split()[-2:] == ["IR", "RS"]
    assert main(["show", "--json", str(VENDORED_CORPUS / "09MOSCOW405.html")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text_tags"] == [*data["tags"], "IR", "RS"]


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["subject"] == "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?"
    assert len(data["paragraphs"]) == 6
    assert data["reference_id"] == "09USNATO383"


def test_show_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class _Stdin:
        buffer = SEED.open("rb")

    monkeypatch.setattr(sys, "stdin", _Stdin)
    try:
        assert main(["show", "-"]) == 0
    finally:
        _Stdin.buffer.close()
    assert "VZCZCXRO2649" in capsys.readouterr().out


def test_show_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "nope.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("cablelib: error: ")
    assert "nope.txt" in captured.err
    assert "Traceback" not in captured.err


def test_show_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("cablelib: error: ")


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["check"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_check_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VENDORED_CORPUS)]) == 0
    out = capsys.readouterr().out
    n = len([p for p in VENDORED_CORPUS.rglob("*") if p.suffix in {".html", ".txt"}])
    assert out.strip().splitlines()[-1] == f"{n} files, {n} byte-exact, 0 failed"


def _fail_to_load(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's ``load`` raise for files called ``name`` (an unreadable record)."""
    real_load = cablelib.load

    def flaky_load(path: Path) -> cablelib.Cable:
        if Path(path).name == name:
            raise RuntimeError("boom")
        return real_load(path)

    monkeypatch.setattr("cablelib.cli.load", flaky_load)


def test_check_reports_failures_and_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    bad = tmp_path / "sub" / "bad.html"
    bad.parent.mkdir()
    bad.write_bytes(b"UNCLAS STATE 000001\n")
    (tmp_path / "ignored.md").write_text("not a cable")

    _fail_to_load("bad.html", monkeypatch)
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith("FAIL ") and "bad.html" in out[0] and "boom" in out[0]
    assert out[1] == "2 files, 1 byte-exact, 1 failed"


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_extract_writes_one_record_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(VENDORED_CORPUS)]) == 0
    captured = capsys.readouterr()
    records = _records(captured.out)
    files = sorted(p for p in VENDORED_CORPUS.rglob("*") if p.suffix in {".html", ".txt"})
    assert [r["file"] for r in records] == [str(p) for p in files]
    seed = next(r for r in records if str(r["file"]).endswith("09USNATO383.txt"))
    assert seed == {"file": str(SEED), **cablelib.extract(cablelib.load(SEED), errors="collect")}
    assert captured.err.strip().splitlines()[-1] == (
        f"{len(files)} files, {len(files)} read, 0 unreadable, 0 with extractor errors"
    )


def test_extract_only_some_fields_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "facts.jsonl"
    args = ["extract", str(SEED), "--only", "subject, signer", "--provenance", "-o", str(target)]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    (record,) = _records(target.read_text(encoding="utf-8"))
    assert set(record) == {"file", "subject", "signer", "provenance", "errors"}
    assert record["signer"] == ["DAALDER"]
    assert set(record["provenance"]) == {"subject", "signer"}


def test_extract_reports_bad_records_and_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "bad.html").write_bytes(b"UNCLAS STATE 000001\n")
    _fail_to_load("bad.html", monkeypatch)
    assert main(["extract", str(tmp_path), "--only", "subject"]) == 1
    captured = capsys.readouterr()
    bad, good = _records(captured.out)
    assert bad == {"file": str(tmp_path / "bad.html"), "error": "unexpected RuntimeError: boom"}
    assert good["subject"] == "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?"
    assert "FAIL " in captured.err and "boom" in captured.err
    assert captured.err.strip().splitlines()[-1] == (
        "2 files, 1 read, 1 unreadable, 0 with extractor errors"
    )


def test_extract_reports_a_failing_extractor_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Broken:
        @cablelib.hookimpl
        def cablelib_register_extractors(self, register: Register) -> None:
            register("broken", lambda cable: 1 / 0)

    pm = cablelib.plugin_manager()
    pm.register(Broken(), name="test-broken")
    try:
        assert main(["extract", str(SEED), "--only", "subject,broken"]) == 1
    finally:
        pm.unregister(name="test-broken")
    captured = capsys.readouterr()
    (record,) = _records(captured.out)
    assert record["subject"] == "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?"
    assert record["errors"] == [
        {
            "extractor": "broken",
            "plugin": "test-broken",
            "error": "ZeroDivisionError: division by zero",
        }
    ]
    assert "FAIL " in captured.err and "broken (test-broken)" in captured.err
    assert captured.err.strip().splitlines()[-1].endswith("1 with extractor errors")


def test_extract_unknown_field_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--only", "subject,nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cablelib: error: no extractor named nope")
    assert "signer" in err  # the known fields are listed


def test_check_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert capsys.readouterr().err.startswith("cablelib: error: ")


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cablelib", "show", str(SEED)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "VZCZCXRO2649" in proc.stdout
    assert "DAALDER" in proc.stdout

"""Tests of the ``cablelib`` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cablelib
from _corpus import VENDORED_CORPUS
from cablelib.cli import main

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


def test_check_reports_failures_and_carries_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    bad = tmp_path / "sub" / "bad.html"
    bad.parent.mkdir()
    bad.write_bytes(b"UNCLAS STATE 000001\n")
    (tmp_path / "ignored.md").write_text("not a cable")

    real_load = cablelib.load

    def flaky_load(path: Path) -> cablelib.Cable:
        if Path(path).name == "bad.html":
            raise RuntimeError("boom")
        return real_load(path)

    monkeypatch.setattr("cablelib.cli.load", flaky_load)
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith("FAIL ") and "bad.html" in out[0] and "boom" in out[0]
    assert out[1] == "2 files, 1 byte-exact, 1 failed"


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

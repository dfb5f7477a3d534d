"""Every real cable loads and dumps back byte for byte, and its cable text loads again."""

from __future__ import annotations

import io
import pickle
from typing import TYPE_CHECKING

import pytest

import cablelib
from _corpus import all_corpus_files, corpus_id

if TYPE_CHECKING:
    from pathlib import Path

FILES = all_corpus_files()


@pytest.mark.parametrize("path", FILES, ids=corpus_id)
def test_file_round_trip(path: Path) -> None:
    data = path.read_bytes()
    cable = cablelib.load(io.BytesIO(data))
    out = io.BytesIO()
    cablelib.dump(cable, out)
    assert out.getvalue() == data


@pytest.mark.parametrize("path", FILES, ids=corpus_id)
def test_cable_text_is_a_cable(path: Path) -> None:
    """``cable.text`` is raw cable text that loads into the same cable, less its container."""
    cable = cablelib.load(path)
    inner = cablelib.loads(cable.text)
    assert type(inner.container).__name__ == "RawText"
    assert cablelib.dumps(inner) == cable.text
    assert inner.subject == cable.subject
    assert inner.tags == cable.text_tags
    assert [p.number for p in inner.paragraphs] == [p.number for p in cable.paragraphs]
    assert inner.header == cable.header or (inner.header is not None and cable.header is not None)


def test_pickle_keeps_the_cable() -> None:
    path = next(p for p in FILES if p.name == "09USNATO383.txt")
    cable = cablelib.load(path)
    again = pickle.loads(pickle.dumps(cable))
    assert again == cable
    assert cablelib.dumps(again) == cablelib.dumps(cable)


def test_line_endings_and_undecodable_bytes_survive(tmp_path: Path) -> None:
    data = b"UNCLAS STATE 000001\r\n\r\nSUBJECT: CAFE \xe9\xff\r\n\r\n1. (U) Text.\r\nRICE"
    path = tmp_path / "cable.txt"
    path.write_bytes(data)
    cable = cablelib.load(path)
    assert cable.subject == "CAFE \udce9\udcff"
    out = tmp_path / "out.txt"
    cablelib.dump(cable, out)
    assert out.read_bytes() == data
    assert [p.number for p in cable.paragraphs] == [1]
    assert cable.signature == "RICE"

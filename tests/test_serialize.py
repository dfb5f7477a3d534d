"""Tests of the semantic (JSON) and lossless views of a cable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cablelib
from _corpus import VENDORED_CORPUS, all_corpus_files, corpus_id
from cablelib.serialize import from_lossless_dict, to_dict, to_json, to_lossless_dict

SEED = VENDORED_CORPUS / "09USNATO383.txt"


@pytest.fixture(scope="module")
def seed() -> dict[str, object]:
    data: dict[str, object] = json.loads(to_json(cablelib.load(SEED)))
    return data


def test_semantic_view_identity(seed: dict[str, object]) -> None:
    assert seed["reference_id"] == "09USNATO383"
    assert seed["derived_reference_id"] == "09USNATO383"
    assert seed["container"] == "cablegate-text"
    assert seed["page"] == {
        "reference_id": "09USNATO383",
        "created": "2009-09-10T16:27:00+00:00",
        "released": "2011-08-30T01:44:00+00:00",
        "classification": "CONFIDENTIAL",
        "origin": "Mission USNATO",
        "media_urls": ["http://www.aftenposten.no/spesial/wikileaksdokumenter/article4025429.ece"],
        "tags": ["PGOV", "PINR", "NATO", "RS"],
        "subject": None,
        "layout": "2010-12 (5 columns)",
    }


def test_semantic_view_header(seed: dict[str, object]) -> None:
    header = seed["header"]
    assert isinstance(header, dict)
    assert header["transmission_id"] == "VZCZCXRO2649"
    assert header["precedence"] == "PRIORITY"
    assert header["dtg"] == "2009-09-10T16:27:00+00:00"
    assert header["sender"] == "USMISSION USNATO"
    assert header["to"] == [
        {"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": "PRIORITY", "mcn": "3350"}
    ]
    assert len(header["info"]) == 8
    assert header["info"][0] == {
        "route": "RUCNCIS",
        "name": "CIS COLLECTIVE",
        "precedence": None,
        "mcn": None,
    }
    assert header["info"][-1]["name"] == "JOINT STAFF WASHDC"
    assert header["excluded"] == []
    assert header["de"] == {
        "station": "RUEHNO",
        "serial": 383,
        "part": 1,
        "time_of_transmission": "2531627",
    }
    assert header["security"] == "ZNY CCCCC ZZH"
    assert header["partial"] is False


def test_semantic_view_preamble(seed: dict[str, object]) -> None:
    assert seed["classification"] == "CONFIDENTIAL"
    assert seed["section"] == 1
    assert seed["section_count"] == 2
    assert seed["captions"] == ["SIPDIS"]
    assert seed["eo"] == {"order": "12958", "date": "2019-09-10", "text": "12958: DECL: 09/10/2019"}
    assert seed["tags"] == ["PGOV", "PINR", "NATO", "RS"]
    assert seed["subject"] == "NATO SECRETARY GENERAL READY TO REACH OUT TO CSTO?"
    assert seed["references"] == [{"letter": None, "text": "USNATO 348"}]
    assert seed["classified_by"] == {
        "text": "Ambassador Ivo H. Daalder for reasons 1.4 (b/d).",
        "by": "Ambassador Ivo H. Daalder",
        "reasons": ["1.4(b)", "1.4(d)"],
    }


def test_semantic_view_body(seed: dict[str, object]) -> None:
    paragraphs = seed["paragraphs"]
    assert isinstance(paragraphs, list)
    assert [p["number"] for p in paragraphs] == [1, 2, 3, 4, 5, 6]
    assert [p["marking"] for p in paragraphs] == ["U", "C", "C", "C", "C", "C"]
    assert paragraphs[0]["text"] == "This is an action request. See paragraph 4."
    assert seed["signature"] == "DAALDER"


def test_to_dict_is_plain_json_data() -> None:
    data = to_dict(cablelib.load(SEED))

    def walk(value: object) -> None:
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            assert value is None or isinstance(value, str | int | bool)

    walk(data)
    assert json.loads(to_json(cablelib.load(SEED), indent=None)) == data


def test_semantic_view_without_page_or_header() -> None:
    data = to_dict(cablelib.loads("UNCLAS STATE 000001\n\nSUBJECT: TEST\n\n1. (U) Text.\n"))
    assert data["container"] == "raw"
    assert data["page"] is None
    assert data["header"] is None
    assert data["eo"] is None
    assert data["classified_by"] is None
    assert data["subject"] == "TEST"
    assert data["paragraphs"] == [{"number": 1, "marking": "U", "text": "Text."}]


def test_lossless_view_records_items() -> None:
    data = to_lossless_dict(cablelib.load(SEED))
    assert data["container"]["kind"] == "cablegate-text"
    (doc,) = data["documents"]
    types = [item["type"] for item in doc]
    assert types[0] == "header"
    assert {"BANNER", "CAPTION", "EO", "TAGS", "REF", "CLASSIFIED_BY"} <= set(types)
    assert types.count("paragraph") == 6
    assert "".join(item["raw"] for item in doc) == cablelib.load(SEED).documents[0].render()


def test_lossless_view_rejects_other_dicts() -> None:
    with pytest.raises(ValueError, match="lossless"):
        from_lossless_dict({"format": "something else"})
    data = to_lossless_dict(cablelib.load(SEED))
    data["documents"][0][1]["type"] = "NO_SUCH_TERMINAL"
    with pytest.raises(ValueError, match="unknown line type"):
        from_lossless_dict(data)


def test_lossless_round_trip_keeps_given_reference_id_and_edits() -> None:
    cable = cablelib.loads(
        "UNCLAS STATE 000001\n\nSUBJECT: TEST\n\n1. (U) Text.\n", reference_id="X1"
    )
    assert from_lossless_dict(to_lossless_dict(cable)) == cable
    edited = cablelib.edit(cablelib.load(SEED), tags=["PREL", "NATO"])
    again = from_lossless_dict(json.loads(json.dumps(to_lossless_dict(edited))))
    assert again == edited
    assert cablelib.dumps(again) == cablelib.dumps(edited)


@pytest.mark.parametrize("path", all_corpus_files(), ids=corpus_id)
def test_lossless_round_trip(path: Path) -> None:
    cable = cablelib.load(path)
    data = json.loads(json.dumps(to_lossless_dict(cable)))
    again = from_lossless_dict(data)
    assert again == cable
    assert cablelib.dumps(again) == cablelib.dumps(cable)
    json.loads(to_json(cable))

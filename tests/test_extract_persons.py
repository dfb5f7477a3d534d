"""Tests of the ``persons`` extractor."""

from __future__ import annotations

import pytest

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS, all_corpus_files
from cablelib.extractors.persons import (
    format_name,
    name_from_classifier,
    name_from_drafting,
    names_from_tag,
)


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("Ambassador Ivo H. Daalder", "Daalder, Ivo H."),  # 09USNATO383
        ("A/DCM Gary A. Grappo", "Grappo, Gary A."),
        ("Acting Minister Counselor for Political Affairs Andrew Y oung", "Young, Andrew"),
        ("Alan Eyre, Director, DOS, IRPO", "Eyre, Alan"),
        ("Deputy Chief of Mission, Kevin M Johnson", "Johnson, Kevin M."),
        ("Ambassador Clark T. Randt, Jr", "Randt, Clark T., Jr."),
        ("RBlau, CDA, DOS", "Blau, R."),
        ("CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR", "Kang, Eliot"),
        ("MINISTER COUNSELOR FOR POLITICAL AFFAIRS GEORGE GLASS FO R", "Glass, George"),
        ("Acting Economic Minister Counselor Robert W. Forden. Rea sons", "Forden, Robert W."),
        ("CDA Robert Deutsch; E.O. 12958", "Deutsch, Robert"),
        ("Charge d\u2019Affaires, a.i. Richard LeBaron", "LeBaron, Richard"),
        ("Political Counselor Pete O'Donohue", "O'Donohue, Pete"),
        ("ISN PATRICIA A. MCNERNEY", "McNerney, Patricia A."),
        ("CHARGE D'AFFAIRES DOUGLAS C.GREENE FOR", "Greene, Douglas C."),
        ("Ambassador Christopher W. Dell under Section", "Dell, Christopher W."),
        ("Political Counselor Walter N.S. Pflaumer", "Pflaumer, Walter N.S."),
        ("Ambassador Cellucci", "Cellucci"),
        ("ACTING POL MC GARY ROBBINS", "Robbins, Gary"),  # excerpt 012 (02ROME3280)
        ("USEU EconMinCouns Peter Chase", "Chase, Peter"),  # 09BRUSSELS536
        ("Derived from Multiple Sources", None),  # 08STATE116943
        ("Ambassador", None),
        # a courtesy title or a rank before the name, glued to it or not
        ("Dr. Jane Doe, Political Counselor", "Doe, Jane"),
        ("Amb. Ivo H. Daalder", "Daalder, Ivo H."),
        ("Dr.Jane Doe", "Doe, Jane"),
        ("AMB.IVO DAALDER", "Daalder, Ivo"),
        ("Prof. Jane Doe", "Doe, Jane"),
        ("COL John Smith, DATT", "Smith, John"),
        ("Capt. John Smith", "Smith, John"),
    ],
)
def test_name_from_classifier(by: str, expected: str | None) -> None:
    assert name_from_classifier(by) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("DRAFTED BY IO/UNA:BJSHARP", ["Sharp, B. J."]),  # 78STATE205458
        ("APPROVED BY IO/UNA:JFTEFFT", ["Tefft, J. F."]),
        ("DRAFTED BY AF/W:D V KILLION:JWM", ["Killion, D. V."]),  # 77STATE268085
        ("APPROVED BY AF/W:R G HOUDEK AF/W:E G KRYZA", ["Houdek, R. G.", "Kryza, E. G."]),
        ("DRAFTED BY: DS/DSS/CC:JBACIGALUPO -- 06/19/2009", ["Bacigalupo, J."]),  # 09STATE63860
        ("APPROVED BY A/OC-AF:MR.LOCHMILLER", ["Lochmiller"]),  # excerpt 091
        ("APPROVED BY AF/C:MR. J. SMITH", ["Smith, J."]),
        ("APPROVED BY P:AMB. R G HOUDEK", ["Houdek, R. G."]),
        ("APPROVED BY S/S:AMB.LOCHMILLER", ["Lochmiller"]),
        ("DRAFTED BY AF/W:DR. J DOE", ["Doe, J."]),
        ("CLEARED: NONE", []),
    ],
)
def test_name_from_drafting(line: str, expected: list[str]) -> None:
    assert name_from_drafting(line) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("OVIP (CLINTON, HILLARY)", ["Clinton, Hillary"]),
        ("OVIP (STEINBERG, JAMES B.)", ["Steinberg, James B."]),
        ("OVIP (BIDEN, JOSEPH)", ["Biden, Joseph"]),
        ("OREP (DAVE OBEY, D-WISC.)", ["Obey, Dave"]),
        ("PREL", []),
    ],
)
def test_names_from_tag(tag: str, expected: list[str]) -> None:
    assert names_from_tag(tag) == expected


@pytest.mark.parametrize(
    ("given", "surname", "expected"),
    [
        (["JAMES", "D."], "MCGEE", "McGee, James D."),
        ([], "LEBARON", "LeBaron"),
        (["GREG"], "D'ELIA", "D'Elia, Greg"),
        (["MARY"], "THOMPSON-JONES", "Thompson-Jones, Mary"),
        (["Ivo"], "Daalder", "Daalder, Ivo"),
    ],
)
def test_format_name(given: list[str], surname: str, expected: str) -> None:
    assert format_name(given, surname) == expected


def _persons(text: str) -> list[str]:
    return list(cablelib.extract(cablelib.loads(text), only=["persons"])["persons"])


def test_seed_signer_merges_with_classifier() -> None:
    cable = cablelib.load(VENDORED_CORPUS / "09USNATO383.txt")
    result = cablelib.extract(cable, only=["persons"], provenance=True)
    assert result["persons"] == ["Daalder, Ivo H."]
    texts = [s["text"] for s in result["provenance"]["persons"]]
    assert any("Classified By" in t for t in texts)
    assert any(t.strip() == "DAALDER" for t in texts)


_BODY = (
    "CONFIDENTIAL KABUL 000140\n\nSIPDIS\n\nE.O. 12958: DECL: 01/15/2019\n"
    "TAGS: OVIP (CLINTON, HILLARY), PREL, AF\nSUBJECT: TEST\n\n"
    "Classified By: Ambassador Karl W. Eikenberry for reasons 1.4 (b) and (d)\n\n"
    "1. (C) Text of the cable.\n\n{end}"
)


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("EIKENBERRY\n", ["Eikenberry, Karl W.", "Clinton, Hillary"]),
        ("SHANNON SHANNON\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "Shannon"]),
        ("TIMKEN JR\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "Timken, Jr."]),
        ("XXXXXXXXXXXX\n", ["Eikenberry, Karl W.", "Clinton, Hillary"]),
        # the signer as the signer extractor reads it: glued to the last sentence,
        # after an end mark, two surnames run together, a particle
        ("End comment. SOBEL\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "Sobel"]),
        ("END COMMENT. MILES", ["Eikenberry, Karl W.", "Clinton, Hillary", "Miles"]),
        ("KEEGANPAAL\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "Keegan", "Paal"]),
        ("VAN VOORST\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "Van Voorst"]),
        ("McFarland\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "McFarland"]),
        ("MCCONNELL, JR.\n", ["Eikenberry, Karl W.", "Clinton, Hillary", "McConnell, Jr."]),
        ("Eikenberry\n\nNNNN\n", ["Eikenberry, Karl W.", "Clinton, Hillary"]),
        ("AMBASSADOR\n", ["Eikenberry, Karl W.", "Clinton, Hillary"]),
    ],
)
def test_persons_of_a_cable(end: str, expected: list[str]) -> None:
    assert _persons(_BODY.format(end=end)) == expected


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="the shared corpus is absent")
def test_corpus_classifiers_give_names() -> None:
    """Nearly every Classified By line of the corpus names someone (measured 99%+)."""
    named = total = 0
    for path in sorted(SHARED_CORPUS.glob("cablegate-*/*.html")):
        cable = cablelib.load(path)
        cb = cable.classified_by
        if cb is None or len(cb.by) < 3:
            continue
        total += 1
        named += name_from_classifier(cb.by) is not None
    assert total > 0
    assert named / total >= 0.97


def test_fast_paths_agree_with_the_patterns() -> None:
    """The shortcuts persons takes give what the patterns and the model give."""
    from cablelib.extractors import persons  # noqa: PLC0415 - the private helpers
    from cablelib.model import _REASONS_AT, ClassifiedByLine  # noqa: PLC0415

    texts = ["", " ", "a.", "a. \n", "x)\u2003", "x\u201d", "end:", "word", "for reasons 1.4 (b)"]
    texts += ["Amb X, for reasons", "CDA Y; 1.5(d)", "by reaso ns", "for  Reasons", "REASON"]
    for path in all_corpus_files():
        for line in cablelib.load(path).lines():
            texts.append(line.content)
            if isinstance(line, ClassifiedByLine):
                assert persons.classifier_by(line) == line.classified_by.by
    for text in texts:
        fast, slow = persons._reasons_at(text), _REASONS_AT.search(text)
        assert (fast and fast.span()) == (slow and slow.span())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CLASSIFIED BY: AMBASSADOR JOHN SMITH. REASONS: 1.4 (B) AND (D).", ["Smith, John"]),
        ("Classified By: Charge d'Affaires a.i. Jane Doe for reason 1.4(d)", ["Doe, Jane"]),
        (
            "Classified by DCM Robert X. Brown, E.O. 12958, reasons 1.4 b and d",
            ["Brown, Robert X."],
        ),
        ("Classified By: Derived from Multiple Sources", []),
        ("CLASSIFIED BY: POLOFF J. SMITH FOR REASONS 1.4 (B) AND (D)", ["Smith, J."]),
        ("Classified By: Pol Off Jane Doe, Reason 1.4(B)", ["Doe, Jane"]),
        ("Classified By: Econoff Jane Doe, reasons 1.4(b)", ["Doe, Jane"]),
        ("CLASSIFIED BY: USEU POLOFF TODD HUIZINGA, REASONS 1.4 (B/D)", ["Huizinga, Todd"]),
        ("Classified By: John Smith, Political Officer, for reasons 1.4 b and d", ["Smith, John"]),
        ("Classified By: DEPUTY CHIEF OF MISSION JANE DOE, REASON 1.4 (B) AND (D)", ["Doe, Jane"]),
        (
            "Classified By: Political Counselor\nMark Jones for reasons 1.4 (b) and (d)",
            ["Jones, Mark"],
        ),
        (
            "Classified By: Deputy Chief of Mission Mary Ann Peters for\nreasons 1.4 (b) and (d).",
            ["Peters, Mary Ann"],
        ),
        ("Classified By: Ambassador Clifford Sobel. \nReason: 1.5 d ", ["Sobel, Clifford"]),
        # a courtesy title before the name
        ("Classified By: Dr. Jane Doe, Political Counselor, 1.4 (b)", ["Doe, Jane"]),
        ("Classified By: Amb. Ivo H. Daalder for reasons 1.4 (b)", ["Daalder, Ivo H."]),
        ("Classified By: Dr.Jane Doe, reasons 1.4 (b)", ["Doe, Jane"]),
        ("Classified By: Capt. John Smith, USN, DATT, reasons 1.4 (b)", ["Smith, John"]),
        # titles with commas or joining words: the name is the person's, not a field's
        (
            "Classified By: Environment, Science, Technology and Health Officer Jane Doe, "
            "reasons 1.4 (b) and (d)",
            ["Doe, Jane"],
        ),
        (
            "Classified By: Senior Advisor to the Ambassador on Transition David Pearce "
            "for reasons 1.4 (b) and (d)",
            ["Pearce, David"],
        ),
        # 09MEXICO3101, 10BERLIN180
        (
            "Classified By: Charge d' Affaires John Feeley for reasons 1.4 (b), (d)",
            ["Feeley, John"],
        ),
        (
            "Classified By: ROBERT A. POLLARD, Minister-Counselor for Economics Affa\n"
            "irs, for Reasons 1.4 (b and d).",
            ["Pollard, Robert A."],
        ),
    ],
)
def test_persons_of_classifier_variants(line: str, expected: list[str]) -> None:
    text = (
        "C O N F I D E N T I A L KABUL 000140\n\nSIPDIS\n\nE.O. 12958: DECL: 01/15/2019\n"
        "TAGS: PREL, AF\nSUBJECT: TEST\n\n" + line + "\n\n1. (C) Text of the cable.\n"
    )
    assert _persons(text) == expected


def test_persons_of_plusd_drafting_and_tags() -> None:
    text = (
        "R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n"
        "DRAFTED BY AF/W:D V KILLION:JWM\nAPPROVED BY AF/W:R G HOUDEK\n\n"
        "CONFIDENTIAL BUENOS AIRES 2481\n\nTAGS: OVIP (STEINBERG, JAMES B.), PREL\n"
        "SUBJECT: TEST\n\n1. Text of the cable.\n"
    )
    got = _persons(text)
    assert "Steinberg, James B." in got

"""Tests of the identity extractors: ids, date, origin, transmission id, precedence."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablelib
from _corpus import SHARED_CORPUS
from cablelib.extractors.identity import canonical_id, origin_name

FIELDS = ["reference_id", "canonical_id", "created", "origin", "transmission_id", "precedence"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),  # 08SAOPAULO335
        ("09SQCTION02OF02DUSHANBE143", "09DUSHANBE143"),  # 09DUSHANBE143
        ("08SECTION01GF02BISHIEK21", "08BISHKEK21"),  # 08BISHKEK21
        ("05RIODEJAN123", "05RIODEJANEIRO123"),
        ("06EFTOBAKU1165", "06BAKU1165"),
        ("1975STATE099768", "75STATE99768"),  # PlusD 1975STATE099768
        # PlusD ids cut the station to six characters, spaces included
        ("1977ADDIS02512", "77ADDISABABA2512"),
        ("1974BUENOS08260", "74BUENOSAIRES8260"),
        ("1976USUNN01234", "76USUNNEWYORK1234"),
        ("1974TEHRAN01234", "74TEHRAN1234"),
        ("77ADDIS2512", "77ADDIS2512"),  # a two-digit year: not a PlusD id, left alone
        ("09usnato0383", "09USNATO383"),
        ("2007 MANAGUA 2135", "07MANAGUA2135"),
        ("09USNATO383", "09USNATO383"),
        ("10SECSTATE12", "10STATE12"),
        ("not an id", "NOTANID"),
    ],
)
def test_canonical_id(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        ("AMEMBASSY KABUL", "Embassy Kabul"),
        ("AMEMBASSY TEL AVIV", "Embassy Tel Aviv"),
        ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("USMISSION GENEVA", "Mission Geneva"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("USINT HAVANA", "US Interests Section Havana"),
        ("RPO DUBAI", "Iran RPO Dubai"),
        ("REO BASRAH", "REO Basrah"),
        ("Amembassy  Paris", "Embassy Paris"),
        ("", None),
    ],
)
def test_origin_name(sender: str, origin: str | None) -> None:
    assert origin_name(sender) == origin


HEADER = """VZCZCXRO2649
PP RUEHDBU
DE RUEHBUL #0140/01 0191040
ZNY CCCCC ZZH
P 191040Z JAN 09
FM AMEMBASSY KABUL
TO RUEHC/SECSTATE WASHDC PRIORITY 7155
BT
C O N F I D E N T I A L SECTION 01 OF 02 KABUL 000140

SIPDIS

E.O. 12958: DECL: 01/18/2019
TAGS: PGOV, AF
SUBJECT: A TEST

1. (C) Text.
"""


def test_header_fields() -> None:
    cable = cablelib.loads(HEADER)
    got = cablelib.extract(cable, only=FIELDS, provenance=True)
    assert got["reference_id"] == "09KABUL140"
    assert got["canonical_id"] == "09KABUL140"
    assert got["created"] == "2009-01-19T10:40:00Z"
    assert got["origin"] == "Embassy Kabul"
    assert got["transmission_id"] == "VZCZCXRO2649"
    assert got["precedence"] == "PRIORITY"
    assert got["provenance"]["origin"][0]["text"].startswith("FM AMEMBASSY KABUL")


def test_origin_falls_back_to_de_line_and_banner() -> None:
    no_fm = HEADER.replace("FM AMEMBASSY KABUL\n", "")
    assert cablelib.extract(cablelib.loads(no_fm), only=["origin"])["origin"] == "Embassy Kabul"
    body = HEADER[HEADER.index("C O N F") :].replace("KABUL 000140", "USNATO 000140")
    assert cablelib.extract(cablelib.loads(body), only=["origin"])["origin"] == "Mission USNATO"


def test_no_header() -> None:
    got = cablelib.extract(cablelib.loads("SUBJECT: NOTHING\n"), only=FIELDS)
    assert got["created"] is None
    assert got["transmission_id"] is None
    assert got["precedence"] is None


def test_seed() -> None:
    cable = cablelib.load("tests/corpus/09USNATO383.txt")
    got = cablelib.extract(cable, only=FIELDS)
    assert got["canonical_id"] == "09USNATO383"
    assert got["origin"] == "Mission USNATO"
    assert got["created"].startswith("2009-09-10")


def _pages() -> list[cablelib.Cable]:
    return [cablelib.load(str(p)) for p in sorted(SHARED_CORPUS.rglob("*.html"))]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_corpus_accuracy() -> None:
    """Measured on 523 pages: ids, origins (FM or not) and dates all match (100%)."""
    pages = _pages()
    with_fm = [c for c in pages if c.header is not None and c.header.sender]
    ids = dates = origins = 0
    for cable in pages:
        page = cable.page
        assert page is not None
        got = cablelib.extract(cable, only=FIELDS)
        ids += got["canonical_id"] == canonical_id(page.reference_id or "")
        origins += cable in with_fm and got["origin"] == page.origin
        if page.created is not None and got["created"] is not None:
            moment = datetime.fromisoformat(got["created"].replace("Z", "+00:00"))
            dates += abs((moment - page.created).total_seconds()) <= 86400
    assert ids / len(pages) >= 0.99
    assert dates / len(pages) >= 0.99
    assert origins / len(with_fm) >= 0.99


# -- malformed ids (FORMAT.md 4.9, cablemap's MALFORMED_CABLE_IDS) and OCR misreadings ----


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("09SECTION01OF02KABUL140", "09KABUL140"),
        ("08SECTION1OF2KABUL1", "08KABUL1"),
        ("08SECTON01OF02KABUL1", "08KABUL1"),
        ("08SECTIN01OF02KABUL1", "08KABUL1"),
        ("08SECTIONO1OF02KABUL1", "08KABUL1"),  # the letter O for a zero
        ("08FINALSECTIONOF02KABUL1", "08KABUL1"),
        ("09SECTION02OF02OSLO12", "09OSLO12"),  # a station beginning with O
        ("09SECRETSECTION01OF02KABUL1", "09KABUL1"),  # a caption, then the section
        ("09SIPDISSECTION01OF03KABUL2", "09KABUL2"),
        ("09CONFIDENTIALKABUL1", "09KABUL1"),
        ("09UNCLASKABUL1", "09KABUL1"),
        ("2009KABUL140", "09KABUL140"),
        ("1966BUENOSAIRES02481", "66BUENOSAIRES2481"),
        ("09KABUL000140", "09KABUL140"),
        ("09 KABUL 140", "09KABUL140"),
        ("09-KABUL-140", "09KABUL140"),
        ("09KABUL140.", "09KABUL140"),
        ("09 kabul 140", "09KABUL140"),
        ("O9KABUL140", "09KABUL140"),  # OCR: O for 0
        ("09KABUL1O4", "09KABUL104"),
        ("09TOKYO1O2", "09TOKYO102"),  # the station's own O stays
        ("09KABULl40", "09KABUL140"),  # OCR: l for 1
        ("09KABUL14o", "09KABUL140"),
        ("09RIODEJANIERO12", "09RIODEJANEIRO12"),
        ("09HOCHIMINH12", "09HOCHIMINHCITY12"),
        ("09MEXICOCITY1", "09MEXICO1"),
        ("09USNATOBRUSSELS1", "09USNATO1"),
        ("09USUN12", "09USUNNEWYORK12"),
        ("09USUNNY1", "09USUNNEWYORK1"),
        ("09STATEWASHDC1", "09STATE1"),
        ("09TALLIN1", "09TALLINN1"),
        ("09SANAA12", "09SANAA12"),
        ("IIR 6 809 0156 10", "IIR6809015610"),
    ],
)
def test_canonical_id_variants(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        ("AMEMBASSY ABU DHABI", "Embassy Abu Dhabi"),
        ("AMEMBASSY THE HAGUE", "Embassy The Hague"),
        ("AMCONSUL HO CHI MINH CITY", "Consulate Ho Chi Minh City"),
        ("AMCONGEN HONG KONG", "Consulate Hong Kong"),
        ("USMISSION USUN NEW YORK", "USUN New York"),
        ("USUN NEW YORK", "USUN New York"),
        ("USEU BRUSSELS", "USEU Brussels"),
        ("USMISSION USEU BRUSSELS", "USEU Brussels"),
        ("US MISSION USNATO", "Mission USNATO"),
        ("USMISSION USOSCE", "Mission USOSCE"),
        # the Cablegate pages' own names (their list of every Origin)
        ("USMISSION UNVIE VIENNA", "UNVIE"),
        ("USMISSION UNESCO PARIS", "Mission UNESCO"),
        ("USMISSION USAU ADDIS ABABA", "Mission USAU Addis Ababa"),
        ("USMISSION CD GENEVA", "US Mission CD Geneva"),
        ("USMISSION USTR GENEVA", "USMISSION USTR GENEVA"),
        ("USDEL SECRETARY", "US Delegation, Secretary"),
        # the Secretary's delegation wherever it travels: one Origin
        ("USDEL SECRETARY IN TEHRAN", "US Delegation, Secretary"),
        ("USDEL SECRETARY IN NEW DELHI", "US Delegation, Secretary"),
        ("USDEL SECRETARY AIRCRAFT", "US Delegation, Secretary"),
        ("USDEL SECRETARY, RIYADH", "US Delegation, Secretary"),
        ("USDEL FEST TWO IN BAGHDAD", "US Delegation FEST TWO"),
        ("USDEL SECRETARY IN TEHRAN TO SECSTATE WASHDC 1234", "US Delegation, Secretary"),
        ("AMCONSUL HYDERABAD", "American Consulate Hyderabad"),
        ("AMEMBASSY BONN", "Embasy Bonn"),
        ("USINT HAVANA", "US Interests Section Havana"),
        ("USLO TRIPOLI", "US Liaison Office Tripoli"),
        ("USOFFICE PRISTINA", "US Office Pristina"),
        ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
        ("REO KIRKUK", "REO Kirkuk"),
        ("SECSTATE WASHDC", "Secretary of State"),
    ],
)
def test_origin_name_variants(sender: str, origin: str) -> None:
    assert origin_name(sender) == origin


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # a caption of the banner taken into the id: UNCLAS SENSITIVE BAKU 001165
        ("06SENSITIVEBAKU1165", "06BAKU1165"),
        ("06UNCLASSIFIEDSENSITIVEBAKU1165", "06BAKU1165"),
        ("75LIMITEDOFFICIALUSETEHRAN1234", "75TEHRAN1234"),
        ("06SBUBAKU1", "06BAKU1"),
        # PlusD's letter after the id
        ("1975STATE099768_b", "75STATE99768"),
        ("10SHANGHAI60_a", "10SHANGHAI60"),
        ("1977ADDIS02512_c", "77ADDISABABA2512"),
    ],
)
def test_canonical_id_captions(written: str, canonical: str) -> None:
    assert canonical_id(written) == canonical


@pytest.mark.parametrize(
    ("sender", "origin"),
    [
        # a copy that joined the FM, TO and INFO lines, or left a stop at the end
        ("AMEMBASSY TEHRAN TO SECSTATE WASHDC 1234 INFO AMEMBASSY LONDON", "Embassy Tehran"),
        ("AMEMBASSY KABUL INFO RUEHIL/AMEMBASSY ISLAMABAD", "Embassy Kabul"),
        ("AMEMBASSY KABUL.", "Embassy Kabul"),
        # the message control number of a copied TO line; stops and apostrophes, which
        # the Origin column drops; OCR's zero for the letter O
        ("SECSTATE WASHDC 1234", "Secretary of State"),
        ("AMCONSUL ST. PETERSBURG", "Consulate St Petersburg"),
        ("AMEMBASSY N'DJAMENA", "Embassy Ndjamena"),
        ("AMEMBASSY LAG0S", "Embassy Lagos"),
        ("AMEMBASSY 0SLO", "Embassy Oslo"),
        # TO in a name is no addressee
        ("USDEL TO THE CSCE VIENNA", "US Delegation To The Csce Vienna"),
    ],
)
def test_origin_name_of_joined_lines(sender: str, origin: str) -> None:
    assert origin_name(sender) == origin


@pytest.mark.parametrize(
    ("dtg", "created", "precedence"),
    [
        ("P 271234Z MAR 09", "2009-03-27T12:34:00Z", "PRIORITY"),
        # scanned telegrams: O or l for a digit, 2 for the Z (excerpts 086 and 131)
        ("P 271234Z MAR O9", "2009-03-27T12:34:00Z", "PRIORITY"),
        ("P 2715122 AUG 93", "1993-08-27T15:12:00Z", "PRIORITY"),
        ("O 0l1234Z JAN 75", "1975-01-01T12:34:00Z", "IMMEDIATE"),
        # not a date-time group at all: the header has none
        ("P 27 MAR 09", None, None),
    ],
)
def test_ocr_damaged_dtg(dtg: str, created: str | None, precedence: str | None) -> None:
    text = (
        f"{dtg}\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 1234\nBT\n"
        "CONFIDENTIAL TEHRAN 1234\n\nSUBJECT: TEST\n\n1. Text.\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["created", "precedence"])
    assert got == {"created": created, "precedence": precedence}


def test_ocr_damaged_numbers_of_the_header_and_preamble() -> None:
    """O, I or l read for digits by OCR, in the banner's serial, the E.O. line and an mcn."""
    text = (
        "P 271234Z MAR 05\nFM AMEMBASSY ANKARA\nTO RUEHC/SECSTATE WASHDC PRIORITY 1234\n"
        "INFO RUEHUL/AMEMBASSY SEOUL PRIORITY O44l\nBT\n"
        "CONFIDENTIAL ANKARA OOl73O\n\nE.O. l2958: DECL: O3/19/2015\nTAGS: PREL, TU\n"
        "SUBJECT: TEST\n\n1. (C) Text.\n\nANKARA 00OO1730 002 OF 002\n\n2. (C) More.\n"
    )
    cable = cablelib.loads(text)
    got = cablelib.extract(cable, only=["reference_id", "declassify_on", "info_recipients"])
    assert got["reference_id"] == "05ANKARA1730"
    assert got["declassify_on"] == "2015-03-19"
    assert got["info_recipients"][0]["mcn"] == "0441"
    assert cable.eo is not None and cable.eo.order == "12958"
    assert len(cable.paragraphs) == 2  # the page marker is one, not text of paragraph 1
    assert "ANKARA" not in cable.paragraphs[0].text


@pytest.mark.parametrize(
    ("written", "transmission_id"),
    [
        ("VZCZCXRO0510", "VZCZCXRO0510"),
        # a copy that joined the next format line on, or put a blank after VZCZC
        ("VZCZCXRO0510 PP RUEHPW", "VZCZCXRO0510"),
        ("VZCZC XRO0510", "VZCZCXRO0510"),
    ],
)
def test_transmission_id_variants(written: str, transmission_id: str) -> None:
    text = (
        f"{written}\nDE RUEHBUL #0140/01 0201040\nZNY CCCCC ZZH\nP 201040Z JAN 09\n"
        "FM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC PRIORITY 6866\nBT\n"
        "CONFIDENTIAL KABUL 000140\n\nSUBJECT: TEST\n\n1. (C) Text.\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["transmission_id"])
    assert got["transmission_id"] == transmission_id


@pytest.mark.parametrize(
    ("dtg", "created", "precedence"),
    [
        # date-time groups the parser does not take as one: the header stays text
        ("O 101627Z SEPT 09", "2009-09-10T16:27:00Z", "IMMEDIATE"),
        ("O THU 101627Z SEP 09", "2009-09-10T16:27:00Z", "IMMEDIATE"),
        ("P 10 1627Z SEP 09", "2009-09-10T16:27:00Z", "PRIORITY"),
        ("R 101627 Z SEP 09", "2009-09-10T16:27:00Z", "ROUTINE"),
        ("Z 101627ZSEP09", "2009-09-10T16:27:00Z", "FLASH"),
        ("OO 101627Z SEP 09", "2009-09-10T16:27:00Z", "IMMEDIATE"),
        ("NIACT IMMEDIATE 101627Z SEP 09", "2009-09-10T16:27:00Z", "NIACT IMMEDIATE"),
        ("O 311627Z SEPT 09", None, None),  # no such day
    ],
)
def test_dtg_the_parser_leaves_as_text(
    dtg: str, created: str | None, precedence: str | None
) -> None:
    text = (
        f"{dtg}\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC IMMEDIATE 1234\nBT\n"
        "CONFIDENTIAL STATE 1234\n\nSUBJECT: TEST\n\n1. Text.\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["created", "precedence", "origin"])
    assert got == {"created": created, "precedence": precedence, "origin": "Embassy Tehran"}


def test_flattened_header() -> None:
    """A scanned telegram whose header and preamble OCR ran into one line (excerpt 025)."""
    text = (
        "Message Text PAGE 01 STATE 181655 TOSEC 080234 61 ORIGIN NODS-00 INFO OCT-01 "
        "ISO-00 001 R DRAFTED BY S S-S DSKINNEY --------------------- 028968 O 010027Z AUG 75 "
        "ZFF4 FM SECSTATE WASHDC TO USDEL SECRETARY IMMEDIATE S E C R E T STATE 181655 "
        "TOSEC 080234 NODIS E O 11652 GDS TAGS PFOR SUBJECT DAILY ACTIVITY REPORTS\n"
    )
    got = cablelib.extract(cablelib.loads(text), only=["created", "precedence", "origin"])
    assert got == {
        "created": "1975-08-01T00:27:00Z",
        "precedence": "IMMEDIATE",
        "origin": "Secretary of State",
    }


def test_fm_of_a_text_line_is_no_sender() -> None:
    """FM for the Foreign Minister at the start of a line of text is no FM line."""
    text = "CONFIDENTIAL\n\nFM GROMYKO SAID THE TALKS WENT WELL.\nSUBJECT: TEST\n\n1. Text.\n"
    got = cablelib.extract(cablelib.loads(text), only=["created", "origin"])
    assert got == {"created": None, "origin": None}


def test_origin_of_the_secretarys_delegation_abroad() -> None:
    text = (
        "R 121530Z MAY 76\nFM USDEL SECRETARY IN TEHRAN\nTO SECSTATE WASHDC IMMEDIATE 1234\n"
        "BT\nS E C R E T SECTO 12034\n\nSUBJECT: TEST\n\n1. TEXT.\n"
    )
    found = cablelib.extract(cablelib.loads(text), only=["origin"])
    assert found["origin"] == "US Delegation, Secretary"

"""Tests of the signer, paragraph_markings and redactions extractors."""

from __future__ import annotations

import pytest

import cablelib
from _corpus import SHARED_CORPUS, VENDORED_CORPUS
from cablelib.extractors.body import normalize_marking, surnames

HEAD = "C O N F I D E N T I A L USNATO 000383\n\nSIPDIS\n\nSUBJECT: S\n\n"


def _extract(text: str, field: str) -> object:
    return cablelib.extract(cablelib.loads(text), only=[field])[field]


SIGNER_CASES = [
    ("1. (C) Text.\n\nDAALDER\n", ["DAALDER"]),  # 09USNATO383
    ("1. (C) Text.\n\nRicciardone\n", ["RICCIARDONE"]),
    ("1. (C) Text. End Comment and Action Request. DRUCKER\n", ["DRUCKER"]),  # 04BOGOTA8900
    ("1. (C) Text. End Comment. Burns\n", ["BURNS"]),  # 07MOSCOW4599
    ("1. (C) Text.\n\nMCFARLAND\n\nNNNN\n", ["MCFARLAND"]),  # 04CARACAS2200
    ("1. (C) Text.\n\nLAINGEN\n \nCONFIDENTIAL\n", ["LAINGEN"]),  # 79TEHRAN8980
    ("1. (C) Text.\n\nSACCIO\n\nGP-3\n", ["SACCIO"]),  # 66BUENOSAIRES2481
    ("1. (C) Text.\n\nMURRAY \n.\n", ["MURRAY"]),  # 09BRUSSELS536
    ("1. (C) Text.\n\nKEEGANPAAL\n", ["KEEGAN", "PAAL"]),
    ("1. (C) Text.\n\nTIMKEN JR\n", ["TIMKEN"]),
    ("1. (C) Text.\n\nSHANNON SHANNON\n", ["SHANNON"]),
    ("1. (C) Text.\n\nXXXXXXXXXXXX\n", []),  # 04MADRID4687: redacted
    ("1. (C) Text ends without a name.\n", []),
    ("1. (C) Text. ASSISTANCE.\n", []),  # 06BRIDGETOWN2164
    (
        "1. (C) Text.\nJEFFREY\n\nVisit Ankara's Classified Web Site at http://www.intelink.s\n",
        ["JEFFREY"],
    ),  # 10ANKARA126
    ("1. (C) Text. End comment.\nLeach\nT ONE ORDERED RELEASED ON...\n", ["LEACH"]),  # 05PARIS1699
    ("1. (C) Text.\n\nEnd Comment\n", []),
    # a copy cut short, with no line end: the last words of running text (excerpts 010,
    # 079, 086, 047, 021)
    ("1. (C) DIRECT LIAISON WITH MINISTRIES OF DEFENSE, HEALTH, FOREIGN\nAFFAIR", []),
    ("1. (U) THIS YEARS PATTERNS IN VIEW OF THE ATTACKS. THIS \nYE", []),
    ("1. (C) FINDINGS POINT TOWARD A WHOLLY UN,\nPHASED PEACEKEEPIN", []),
    ("1. (C) ON ASSISTANCE TO PALESTINIANS.\nPOLOFF PRESENTED AIDE", []),
    ("1. (C) A FAVORABLE VOTE WOULD NOT BE NECESSARY.\n2. PSD ", []),
    # ... but a signature without a line end after it is still one
    ("1. (C) Text.\n\nDAALDER", ["DAALDER"]),
    ("1. (C) Text ends here.\nKISSINGER", ["KISSINGER"]),
    ("1. (C) Text. END COMMENT\ncurran", ["CURRAN"]),  # 10ASHGABAT245
    ("1. (C) Text.\nKABUL 00001132 004 OF 004\nNEUMANN", ["NEUMANN"]),  # 07KABUL1132
    ("1. (C) Text.\n\nXXXXXXXXXXXX\nSOLOMONT", ["SOLOMONT"]),  # 10MADRID87
    ("1. (C) Text.\nhttp://www.intelink.sgov.gov/wiki/Portal:Kuwait\nWILLIAMS", ["WILLIAMS"]),
    # excerpt 012: the first word of a page cut short after a 1970s page header
    (
        "1. (C) TEAM LEADER: MR. ALESSANDRO CEVESE, HEAD OF DISARMAMENT\n"
        "                          SECRET\n\nPAGE 03        ROME  03280  01 OF 04  031539Z\nOFF",
        [],
    ),
    # ... but a page marker after a finished sentence may stand before the signature
    ("1. (C) Text.\n\nKABUL 00000140  003 OF 003\n\nWOOD", ["WOOD"]),
    # given names and initials before the surname: the surname alone
    ("1. (C) Text.\n\nJOHN DOE\n", ["DOE"]),
    ("1. (C) Text.\n\nMary Smith\n", ["SMITH"]),
    ("1. (C) Text.\n\nRyan C. Crocker\n", ["CROCKER"]),
    # two signers joined by a slash
    ("1. (C) Text.\n\nLYNCH/DYKSTRA\n", ["LYNCH", "DYKSTRA"]),
    ("1. (C) Text.\nLYNCH / DYKSTRA\n", ["LYNCH", "DYKSTRA"]),
    # particles, Mc-, O'- and hyphenated names are one surname
    ("1. (C) Text.\n\nST. JOHN\n", ["ST. JOHN"]),
    ("1. (C) Text.\n\nMACK/ST. JOHN\n", ["MACK", "ST. JOHN"]),
    ("1. (C) Text.\n\nVAN VOORST\n", ["VAN VOORST"]),
    ("1. TEXT.\n\nMC CORMICK\n", ["MC CORMICK"]),  # a 1980s telegram's spacing
    ("1. (C) Text.\n\nMcCARTHY\n", ["MCCARTHY"]),
    ("1. (C) Text.\n\nO'NEILL\n", ["O'NEILL"]),
    # the usual endings of telegrams
    ("1. (C) Text.\n\nKISSINGER\n\nBT\n#1234\n\nNNNN\n", ["KISSINGER"]),
    ("1. (C) Text.\n\nLIMBERT\n\n\nNNNN\n", ["LIMBERT"]),
    ("1. (C) Text.\nBT\n#1234\n\nNNNN\n", []),
    # a title on the line after the name
    ("1. (C) Text.\n\nCROCKER\nAMBASSADOR\n", ["CROCKER"]),
    ("1. (C) Text.\n\nRyan C. Crocker\nAmbassador\n", ["CROCKER"]),
    ("1. (C) Text.\n\nBUTENIS\nCharge d'Affaires, a.i.\n", ["BUTENIS"]),
    ("1. (C) Text.\n\nAMBASSADOR\n", []),
    ("1. (C) Text.\n\nSMITH\nDCM\n", ["SMITH"]),
    ("1. (C) Text.\n\nSMITH\nCONSUL GENERAL\n", ["SMITH"]),
    # ... or on the signature's own line
    ("1. (C) Text.\n\nAMBASSADOR GRAY\n", ["GRAY"]),
    ("1. (C) Text.\n\nCROCKER, AMBASSADOR\n", ["CROCKER"]),
    ("1. (C) Text.\n\nSMITH (ACTING)\n", ["SMITH"]),
    ("1. (C) Text.\n\nSMITH, REGARDS\n", []),
    # PlusD telegrams: the signature before BT, the classification and the end of document
    (
        "1. (C) Text.\nKISSINGER\n\n\nCONFIDENTIAL\n\n<< END OF DOCUMENT >>\n",
        ["KISSINGER"],
    ),
    ("1. TEXT.\nINGERSOLL\nBT\n", ["INGERSOLL"]),
]


@pytest.mark.parametrize(("body", "expected"), SIGNER_CASES)
def test_signer(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + body, "signer") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("LA LIME", ["LA LIME"]),
        ("Thompson-Jones", ["THOMPSON-JONES"]),
        ("JOHNSONKEANE", ["JOHNSON", "KEANE"]),
        ("JOHN F. DOE", ["DOE"]),
        ("JOHN VAN VOORST", ["VAN VOORST"]),
        ("DE LA SIERRA", ["DE LA SIERRA"]),
        ("LYNCH/DYKSTRA", ["LYNCH", "DYKSTRA"]),
        ("MCCONNELL, JR.", ["MCCONNELL"]),
    ],
)
def test_surnames(name: str, expected: list[str]) -> None:
    assert surnames(name) == expected


@pytest.mark.parametrize(
    ("marking", "expected"),
    [
        ("C", "C"),
        ("c", "C"),
        ("S/NF", "S//NF"),
        ("S//NF", "S//NF"),
        ("S NF", "S//NF"),  # 09KABUL376
        ("S/NOFORN", "S//NF"),
        ("s/nf", "S//NF"),
        ("C/REL NATO", "C//REL NATO"),
        ("C/Rel Aus", "C//REL AUS"),  # 09STATE30049
        ("S//FGI//NF", "S//FGI//NF"),
        ("U//FOUO", "U//FOUO"),
        ("SBU/NF", "SBU//NF"),
        ("C - ENTIRE TEXT", "C"),  # 79TEHRAN8980
        ("S/REL to Pakistan", "S//REL TO PAKISTAN"),
    ],
)
def test_normalize_marking(marking: str, expected: str) -> None:
    assert normalize_marking(marking) == expected


def test_paragraph_markings_in_order() -> None:
    body = "1. (C) One.\n\n2. (S/NF) Two.\n\n3. Three.\n\n4. SBU) Four.\n\n(C) Five.\n"
    assert _extract(HEAD + body, "paragraph_markings") == ["C", "S//NF", None, "SBU", "C"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. (C) XXXXXXXXXXXX met toXXXXXXXXXXXX.\n", 2),
        ("1. (C) xxxxxxxxxxxx said so.\n", 1),  # reformatted cables
        ("1. (C) [NAME REMOVED] and [DETAILS REMOVED] and [SOURCE REMOVED].\n", 3),
        ("1. (C) Pope Pius XII in the year MCMXX; XXX.\n", 0),
        ("1. (C) [Source removed] told [Name removed] so.\n", 2),  # 09ASHGABAT757
    ],
)
def test_redactions(body: str, expected: int) -> None:
    assert _extract(HEAD + body, "redactions") == expected


def test_redactions_skip_routing_lines() -> None:
    header = (
        "VZCZCXXXX0001\nPP RUEHXXXX\nDE RUEHNO #0383 2531627\nZNY CCCCC ZZH\nP 101627Z SEP 09\n"
    )
    header += "FM USMISSION USNATO\nTO RUEHC/SECSTATE WASHDC PRIORITY 3350\n\n"
    assert _extract(header + HEAD + "1. (C) XXXXXXXXXXXX.\n", "redactions") == 1


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared corpus absent")
def test_signer_coverage_over_corpus() -> None:
    """Most Cablegate pages are signed; the signer is a plausible upper-case surname."""
    cables = [cablelib.load(p) for p in sorted(SHARED_CORPUS.glob("cablegate-*/**/*.html"))]
    signed = 0
    for cable in cables:
        names = cablelib.extract(cable, only=["signer"])["signer"]
        signed += bool(names)
        for name in names:
            assert name == name.upper()
            assert "X" * 4 not in name
            assert 2 <= len(name) <= 30
    assert signed / len(cables) >= 0.95  # measured 510/523


# -- signatures as FORMAT.md 4.9 describes them, in raw cables and Cablegate pages ---------

#: (the end of the cable, the signer)
SIGNER_TAILS = [
    ("1. (C) Text.\n\nDAALDER\n\nNNNN\n", ["DAALDER"]),
    ("1. (C) Text.\nKEEGANPAAL\n", ["KEEGAN", "PAAL"]),
    ("1. (C) Text.\n\nBURNS\n\nCONFIDENTIAL\n\nNNNN\n", ["BURNS"]),
    ("1. (C) Text.\n\nRICE\n\nSECRET\n", ["RICE"]),
    ("1. (C) Text.\n\nCLINTON\n\nUNCLASSIFIED\n", ["CLINTON"]),
    ("1. (C) Text.\n\nVOLKER\n\nLIMITED OFFICIAL USE\n", ["VOLKER"]),
    ("1. (C) Text.\n\nEIKENBERRY\n\nC O N F I D E N T I A L\n", ["EIKENBERRY"]),
    ("1. (C) Text.\n\nSTEPHENS\n\nSECRET//NOFORN\n", ["STEPHENS"]),
    ("1. (C) Text.\n\nFARLAND\n\nGP-1\n", ["FARLAND"]),
    ("1. (C) Text.\n\nSTAPLETON\n\nSECRET\n\nGP-1\n", ["STAPLETON"]),
    ("1. (C) Text.\n\nMcFarland\n", ["MCFARLAND"]),
    ("1. (C) Text.\n\nO'NEILL\n", ["O'NEILL"]),
    ("1. (C) Text.\n\nKABUL 00000140  002 OF 002\n\nEIKENBERRY\n", ["EIKENBERRY"]),
    ("1. (C) Text.\n\nMinimize considered.\nEIKENBERRY\n", ["EIKENBERRY"]),
    (
        "1. (C) Text.\n\nSTAPLETON\n\n"
        "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005\n",
        ["STAPLETON"],
    ),
    # cablemap's NOTE BY alternative, and other notes of the communications center
    ("1. (C) Text.\n\nRICE\n\nNOTE BY OC/T: NOT PASSED.\n", ["RICE"]),
    ("1. (C) Text.\n\nFARLAND\n\nNOTE: NOT PASSED TO USUN.\n", ["FARLAND"]),
    # the end of a raw telegram: break and station serial after the signature
    ("1. (C) Text.\n\nEIKENBERRY\nBT\n#0140\n\nNNNN\n", ["EIKENBERRY"]),
    ("1. (C) Text.\n\nEIKENBERRY\n\nBT\n#0140\n", ["EIKENBERRY"]),
    # a suffix after a comma
    ("1. (C) Text.\n\nMCCONNELL, JR.\n", ["MCCONNELL"]),
    ("1. (C) Text.\n\nTimken, Jr.\n", ["TIMKEN"]),
    # 10BRUSSELS183: mail debris after End Cable Text
    (
        "1. (U) This cable has been cleared by Michael Froman.\nMURRAY\nEnd Cable Text\n"
        "Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS\n.\n",
        ["MURRAY"],
    ),
    # 10BOGOTA13: Lotus Notes debris after the signature
    ("1. (C) Text. End comment.\nBROWNFIELD\n\nEPET @ EL P\n", ["BROWNFIELD"]),
    # a name after an end mark without a full stop (09PRETORIA939, 1970s telegrams)
    ("1. (C) Text.\n\nEnd of Part One LA LIME", ["LA LIME"]),
    ("1. (C) Text. END OF PART 1 OF 2. LA LIME\n", ["LA LIME"]),
    ("1. TEXT OF THE MESSAGE.\nUNQUOTE KISSINGER\nBT\n#1234\nNNNN\n", ["KISSINGER"]),
    ("1. QUOTE THE GOVERNMENT WILL ACT. UNQUOTE INGERSOLL\n", ["INGERSOLL"]),
    ("1. QUOTE THE GOVERNMENT WILL ACT. END QUOTE KISSINGER\n", ["KISSINGER"]),
    ("1. (C) Text. END COMMENT MILES\n", ["MILES"]),
    ("1. (C) Text. --END COMMENT-- GREENLEE\n", ["GREENLEE"]),
    ("1. (C) Text.\n\nMINIMIZE CONSIDERED\nBOLTON", ["BOLTON"]),
    ("1. (C) Text.\n\nVAN VOORST\n", ["VAN VOORST"]),
    # the end of a 1970s telegram cut short, and a PlusD record marker
    ("1. TEXT OF THE MESSAGE.\n\nKISSINGER\n\nNNN\n", ["KISSINGER"]),
    ("1. TEXT OF THE MESSAGE.\n\nRICE\nADP000\n", ["RICE"]),
    (
        "1. TEXT OF THE MESSAGE.\n\nKISSINGER\n\nCONFIDENTIAL\n\n<< END OF DOCUMENT >>\n",
        ["KISSINGER"],
    ),
    # no signature
    ("1. (C) Text.\n\nAMBASSADOR\n", []),
    ("1. (C) Text.\n\nSMITH\nDCM\n", ["SMITH"]),
    ("1. (C) Text.\n\nSMITH\nCONSUL GENERAL\n", ["SMITH"]),
    ("1. (C) Text.\n\nFYI\n", []),
    ("1. (C) Text.\n\nENDS\n", []),
    ("1. (C) Text.\n\nEnd Summary\n", []),
    ("1. (C) Text. End Summary.\n", []),
    ("1. (C) He said the text will end soon. END TEXT.\n", []),
    ("1. (C) Text.\n\nNNNN\n", []),
    ("1. (C) Text.\n\nXXXXXXXXXXXX\n\nNNNN\n", []),
    ("1. (C) The last line is a sentence.\n\nCONFIDENTIAL\n", []),
    # all-capitals cables: the web-site notice and the end of the cable text in capitals
    (
        "1. (C) TEXT.\n\nVISIT ANKARA'S CLASSIFIED WEB SITE AT HTTP://WWW.INTELINK.S\n",
        [],
    ),
    ("1. (C) TEXT.\n\nJEFFREY\n\nEND CABLE TEXT\n", ["JEFFREY"]),
    # a title and a word at the end of a copy: no signer (excerpt 014)
    ("1. (C) IT WAS ACTED UPON.\n\nCHARGE ALSO\n", []),
]


@pytest.mark.parametrize(("body", "expected"), SIGNER_TAILS)
def test_signer_tails(body: str, expected: list[str]) -> None:
    assert _extract(HEAD + body, "signer") == expected


def _page(body: str) -> str:
    """A Cablegate page (10KUWAIT161's chrome and header) whose body ``<pre>`` is ``body``."""
    page = (VENDORED_CORPUS / "10KUWAIT161.html").read_text(encoding="utf-8")
    start = page.rfind("<code><pre>") + len("<code><pre>")
    end = page.find("</pre></code>", start)
    return page[:start] + body.replace("\n", "&#x000A;") + page[end:]


_PAGE_HEAD = (
    "C O N F I D E N T I A L KUWAIT 000161 \n \nSIPDIS \n \nE.O. 12958: DECL: 02/23/2020 \n"
    "TAGS: PREL \nSUBJECT: GOK CONCERNED \n \n"
    "Classified By: Political Counselor Pete O'Donohue for reasons 1.4 b and d \n \n"
)


def _par(n: int, text: str) -> str:
    return f"<a id='par{n}' href='#par{n}'>¶</a>{n}. {text}"


@pytest.mark.parametrize(
    ("body", "field", "expected"),
    [
        (_par(1, "(C) Text. \n \nJONES\n"), "signer", ["JONES"]),
        (_par(1, "(C) Text. \n \nKEEGANPAAL \n"), "signer", ["KEEGAN", "PAAL"]),
        (_par(1, "(C) Text. End Comment. \nRicciardone\n"), "signer", ["RICCIARDONE"]),
        (
            _par(1, "(C) One. \n \n") + _par(2, "(S/NF) Two. \n \n") + _par(3, "Three. \n"),
            "paragraph_markings",
            ["C", "S//NF", None],
        ),
        (_par(1, "(C) XXXXXXXXXXXX told [NAME REMOVED]. \n \nJONES\n"), "redactions", 2),
    ],
)
def test_in_cablegate_pages(body: str, field: str, expected: object) -> None:
    cable = cablelib.loads(_page(_PAGE_HEAD + body))
    assert cable.page is not None
    assert cablelib.extract(cable, only=[field])[field] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1.(C) One.\n\n2. (S) Two.\n", ["C", "S"]),  # no space after the number
        ("1. (S//NF) One.\n\n2. (C//NF) Two.\n", ["S//NF", "C//NF"]),
        ("1. (S/REL NATO) One.\n\n2. (C//REL ISAF) Two.\n", ["S//REL NATO", "C//REL ISAF"]),
        ("1. (SBU/NF) One.\n\n2. (U//FOUO) Two.\n", ["SBU//NF", "U//FOUO"]),
        ("1. (C NF) One.\n\n2. (C/NOFORN) Two.\n", ["C//NF", "C//NF"]),
        ("1. C) One.\n\n2. SBU) Two.\n", ["C", "SBU"]),  # malformed
        ("1. (c) One.\n\n2. (sbu) Two.\n", ["C", "SBU"]),  # reformatted
        ("1. PRESS REPORTS.\n\n2. (U) Two.\n", [None, "U"]),
        # a REL list with commas; the whole-text marking of an older telegram (excerpt 086)
        ("1. (S/REL TO USA, AUS) One.\n\n2. (C) Two.\n", ["S//REL TO USA, AUS", "C"]),
        ("1. CONFIDENTIAL - ENTIRE TEXT.\n\n2. SUMMARY. Two.\n", ["C", None]),
        ("1. SECRET -- ENTIRE TEXT.\n\n2. Two.\n", ["S", None]),
    ],
)
def test_paragraph_marking_variants(body: str, expected: list[str | None]) -> None:
    assert _extract(HEAD + body, "paragraph_markings") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. (C) XXXXXXXXXXX and XXXXXXXXXXXXX and XXXXXXXXXX.\n", 3),  # 11, 13, 10 X's
        ("1. (C) businessmanXXXXXXXXXXXX said.\n", 1),
        ("1. (C) [Name Removed] said.\n", 1),
        ("1. (C) One XXXXXXXXXXXX.\n\nKABUL 00000140  002 OF 002\n\nTwo XXXXXXXXXXXX.\n", 2),
        ("1. (C) No redaction: XXX, XX, the 20th century (XX).\n", 0),
        # a note holding X's is one redaction; mixed case is none; later paragraphs count
        ("1. (C) [XXXXXX REMOVED] and XxXx.\n\n2. (C) Text.\n\n3. (S) xxxxx, XXXX.\n", 3),
        ("1. (C) Text.\n\n2. (C) [DETAILS REMOVED] and [Name Removed].\n", 2),
    ],
)
def test_redaction_variants(body: str, expected: int) -> None:
    assert _extract(HEAD + body, "redactions") == expected


_SECTION_COPY = (
    "O 121212Z MAR 09\nFM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 1234\nBT\n"
    "{banner}\n\nSIPDIS\n\nE.O. 12958: DECL: 03/12/2019\nTAGS: PREL, AF\n"
    "SUBJECT: TALKS WITH THE MINISTER\n\n4. (C) THE TALKS WENT ON AND ON, AND THE MINISTER\n"
    "{end}\nBT\n{after}#0140\nNNNN\n"
)


@pytest.mark.parametrize("end", ["SAID", "WASHINGTON", "EIKENBERRY", "BT"])
@pytest.mark.parametrize(
    "banner",
    [
        "C O N F I D E N T I A L SECTION 02 OF 03 KABUL 000140",
        "CONFIDENTIAL SECTION 2 OF 4 KABUL 140",
        "SECRET SECTION 03 OF 04 STATE 012345",
        "UNCLAS Section 02 of 03 KABUL 000140",
    ],
)
def test_a_middle_section_alone_is_unsigned(banner: str, end: str) -> None:
    """A raw copy of a middle section ends where the next section begins: no signature."""
    text = _SECTION_COPY.format(banner=banner, end=end, after="")
    facts = cablelib.extract(cablelib.loads(text), only=["signer", "persons"])
    assert facts == {"signer": [], "persons": []}


@pytest.mark.parametrize(
    ("banner", "after"),
    [
        # the first section: Cablegate joins all the sections under its banner
        ("C O N F I D E N T I A L SECTION 01 OF 03 KABUL 000140", ""),
        # the last section alone
        ("C O N F I D E N T I A L SECTION 03 OF 03 KABUL 000140", ""),
        # a middle section and the last one after it
        (
            "C O N F I D E N T I A L SECTION 02 OF 03 KABUL 000140",
            "C O N F I D E N T I A L SECTION 03 OF 03 KABUL 000140\n\n5. (C) MORE.\n\n"
            "EIKENBERRY\nBT\n",
        ),
        ("CONFIDENTIAL KABUL 000140", ""),
    ],
)
def test_sections_that_end_the_cable_are_signed(banner: str, after: str) -> None:
    text = _SECTION_COPY.format(banner=banner, end="SAID.\n\nEIKENBERRY", after=after)
    assert _extract(text, "signer") == ["EIKENBERRY"]

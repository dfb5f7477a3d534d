"""The ``cablelib`` command line: ``show``, ``check`` and ``extract``.

``show`` prints a cable, ``check`` tells whether files round-trip byte for byte, and
``extract`` writes the facts of many cables as JSON Lines.

Exit codes: 0 when all went well, 1 when ``check`` found files that do not
round-trip byte for byte or ``extract`` met files or fields it could not read (they
are reported, and the run goes on), 2 for a usage error or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from cablelib.api import dumps, load
from cablelib.errors import CableError
from cablelib.extraction import extract, extractors
from cablelib.model import Cable, Recipient
from cablelib.serialize import to_json

__all__ = ["main"]

_PROG = "cablelib"
_EXIT_OK = 0
_EXIT_FAILURES = 1
_EXIT_USAGE = 2
_SUFFIXES = frozenset({".html", ".txt"})
_PREVIEW = 70
_ENCODING = "utf-8"
_ERRORS = "surrogateescape"


class _UsageError(Exception):
    """A problem reported as ``cablelib: error: ...`` with exit code 2."""


# --------------------------------------------------------------------------- show


def _read_cable(path: str) -> Cable:
    if path == "-":
        return load(sys.stdin.buffer)
    if Path(path).is_dir():
        raise _UsageError(f"{path} is a directory, not a cable file")
    try:
        return load(path)
    except CableError as exc:
        raise _UsageError(str(exc)) from exc


def _preview(text: str, width: int = _PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _recipient(r: Recipient) -> str:
    out = f"{r.route}/{r.name}" if r.route else r.name
    extra = " ".join(x for x in (r.precedence, r.mcn) if x)
    return f"{out} ({extra})" if extra else out


def _field(label: str, value: object) -> str:
    return f"  {label + ':':<16}{'-' if value is None or value == '' else value}"


def _recipients(label: str, recipients: Sequence[Recipient]) -> list[str]:
    if not recipients:
        return []
    return [f"  {label}:"] + [f"    {_recipient(r)}" for r in recipients]


def outline(cable: Cable) -> str:
    """A readable, multi-line outline of a cable (what ``cablelib show`` prints)."""
    out = [f"Cable {cable.reference_id or '(no reference id)'}"]
    out.append(_field("Container", cable.container.kind))
    page = cable.page
    if page is not None:
        out.append("Page:")
        out.append(_field("Reference ID", page.reference_id))
        out.append(_field("Created", page.created.isoformat() if page.created else None))
        out.append(_field("Released", page.released.isoformat() if page.released else None))
        out.append(_field("Classification", page.classification))
        out.append(_field("Origin", page.origin))
        out.extend(f"  Media URL:      {url}" for url in page.media_urls)
    header = cable.header
    if header is not None:
        out.append("Header:")
        out.append(_field("Transmission", header.transmission_id))
        out.append(_field("DTG", header.dtg.isoformat() if header.dtg else None))
        out.append(_field("Precedence", header.precedence))
        out.append(_field("From", header.sender))
        out.extend(_recipients("To", header.to))
        out.extend(_recipients("Info", header.info))
        out.extend(_recipients("Excluded", header.excluded))
        if header.partial:
            out.append("  (partial record)")
    out.append("Banner:")
    out.append(_field("Classification", cable.classification))
    if cable.section is not None:
        out.append(_field("Section", f"{cable.section} of {cable.section_count}"))
    out.append("Preamble:")
    out.append(_field("Captions", " ".join(cable.captions) or None))
    eo = cable.eo
    if eo is not None:
        decl = eo.date.isoformat() if eo.date else "-"
        out.append(_field("E.O.", f"{eo.order or '-'} (declassify {decl})"))
    out.append(_field("Tags", " ".join(cable.tags) or None))
    if cable.text_tags != cable.tags:
        out.append(_field("Text tags", " ".join(cable.text_tags) or None))
    out.append(_field("Subject", cable.subject))
    for ref in cable.references:
        out.append(_field("Ref", f"{ref.letter}. {ref.text}" if ref.letter else ref.text))
    cb = cable.classified_by
    if cb is not None:
        reasons = ", ".join(cb.reasons)
        out.append(_field("Classified by", f"{cb.by} ({reasons})" if reasons else cb.by))
    paragraphs = cable.paragraphs
    out.append(f"Paragraphs: {len(paragraphs)}")
    for p in paragraphs:
        number = f"{p.number}." if p.number is not None else "-"
        marking = f"({p.marking})" if p.marking else ""
        out.append(f"  {number:>4} {marking:<6} {_preview(p.text)}")
    out.append(_field("Signature", cable.signature))
    return "\n".join(out)


def _show(args: argparse.Namespace) -> int:
    cable = _read_cable(args.path)
    text = to_json(cable) if args.json else outline(cable)
    sys.stdout.write(text + "\n")
    return _EXIT_OK


# --------------------------------------------------------------------------- check


def _cable_files(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES
            )
        elif path.exists():
            yield path
        else:
            raise _UsageError(f"cannot read {path}: No such file or directory")


def _check_one(path: Path) -> str | None:
    """None when ``path`` round-trips byte for byte, else the reason it does not."""
    try:
        data = path.read_bytes()
        cable = load(path)
        again = dumps(cable).encode(_ENCODING, _ERRORS)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    except CableError as exc:
        return f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # report a bad record and carry on
        return f"unexpected {type(exc).__name__}: {exc}"
    if again == data:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(again, data, strict=False)) if a != b),
        min(len(again), len(data)),
    )
    return f"not byte-exact: first difference at byte {at} ({len(data)} bytes in, {len(again)} out)"


def _progress(files: list[Path], stream: IO[str], desc: str = "check") -> Iterable[Path]:
    if not stream.isatty():
        return files
    from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415 (only when shown)

    bar: Iterable[Path] = tqdm(files, file=stream, unit="file", desc=desc)
    return bar


def _check(args: argparse.Namespace) -> int:
    files = list(_cable_files(args.paths))
    failed = 0
    for path in _progress(files, sys.stderr, "check"):
        problem = _check_one(path)
        if problem is not None:
            failed += 1
            sys.stdout.write(f"FAIL {path}: {problem}\n")
    exact = len(files) - failed
    sys.stdout.write(f"{len(files)} files, {exact} byte-exact, {failed} failed\n")
    return _EXIT_FAILURES if failed else _EXIT_OK


# --------------------------------------------------------------------------- extract


def _extract_one(path: Path, only: list[str] | None, *, provenance: bool) -> dict[str, Any]:
    """One JSON Lines record: the file and its facts, or the file and why it was unreadable."""
    record: dict[str, Any] = {"file": str(path)}
    try:
        cable = load(path)
    except OSError as exc:
        record["error"] = f"cannot read: {exc.strerror or exc}"
        return record
    except CableError as exc:
        record["error"] = f"{type(exc).__name__}: {exc}"
        return record
    except Exception as exc:  # report a bad record and carry on
        record["error"] = f"unexpected {type(exc).__name__}: {exc}"
        return record
    record.update(extract(cable, only=only, errors="collect", provenance=provenance))
    return record


def _extract(args: argparse.Namespace) -> int:
    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    if only is not None:
        unknown = [name for name in only if name not in extractors()]
        if unknown:
            known = ", ".join(extractors())
            raise _UsageError(f"no extractor named {', '.join(unknown)} (there are: {known})")
    files = list(_cable_files(args.paths))
    out: IO[str] = sys.stdout
    if args.output is not None:
        try:
            out = open(args.output, "w", encoding=_ENCODING)  # noqa: SIM115 - closed below
        except OSError as exc:
            raise _UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    unreadable = with_errors = 0
    try:
        for path in _progress(files, sys.stderr, "extract"):
            record = _extract_one(path, only, provenance=args.provenance)
            if "error" in record:
                unreadable += 1
                sys.stderr.write(f"FAIL {path}: {record['error']}\n")
            elif record.get("errors"):
                with_errors += 1
                for failure in record["errors"]:
                    sys.stderr.write(
                        f"FAIL {path}: {failure['extractor']} ({failure['plugin']}): "
                        f"{failure['error']}\n"
                    )
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    sys.stderr.write(
        f"{len(files)} files, {len(files) - unreadable} read, {unreadable} unreadable,"
        f" {with_errors} with extractor errors\n"
    )
    return _EXIT_FAILURES if unreadable or with_errors else _EXIT_OK


# --------------------------------------------------------------------------- main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG, description="Read US diplomatic cables and write them back byte for byte."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = sub.add_parser("show", help="print a readable outline of a cable")
    show.add_argument("path", metavar="PATH", help="a cable file, or - for standard input")
    show.add_argument("--json", action="store_true", help="print the semantic view as JSON")
    show.set_defaults(func=_show)
    check = sub.add_parser("check", help="check that files round-trip byte for byte")
    check.add_argument(
        "paths", metavar="PATH", nargs="+", help="cable files or directories (*.html, *.txt)"
    )
    check.set_defaults(func=_check)
    facts = sub.add_parser(
        "extract",
        help="write the facts of cables as JSON Lines, one record per file",
        description=(
            'Write one JSON object per cable file: its path under "file" and the fields of'
            ' cablelib.extract. A file that cannot be read gets an "error" instead; a field'
            ' whose extractor fails is listed under "errors". Both are reported on standard'
            " error, and the run goes on."
        ),
    )
    facts.add_argument(
        "paths", metavar="PATH", nargs="+", help="cable files or directories (*.html, *.txt)"
    )
    facts.add_argument(
        "--only", metavar="FIELDS", help="comma-separated fields to extract (default: all)"
    )
    facts.add_argument(
        "--provenance", action="store_true", help="add the spans of text each field was read from"
    )
    facts.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the records to FILE (default: standard output)",
    )
    facts.set_defaults(func=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else _EXIT_USAGE
    try:
        code: int = args.func(args)
    except _UsageError as exc:
        sys.stderr.write(f"{_PROG}: error: {exc}\n")
        return _EXIT_USAGE
    except CableError as exc:
        sys.stderr.write(f"{_PROG}: error: {exc}\n")
        return _EXIT_USAGE
    except BrokenPipeError:
        return _EXIT_OK
    return code

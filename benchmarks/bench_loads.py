"""Throughput and memory benchmark for ``cablelib.loads`` / ``cablelib.dumps``.

Not a test: it prints numbers.  Usage::

    python benchmarks/bench_loads.py [--corpus DIR] [--repeat N] [--pure] [--profile]

``--pure`` sets ``CABLELIB_PURE_LARK=1`` before cablelib is imported, so the
parser runs on plain lark instead of lark-cython.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pickle
import platform
import pstats
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000


def default_corpus() -> Path:
    shared = (REPO / ".." / "shared" / "corpus").resolve()
    return shared if shared.is_dir() else REPO / "tests" / "corpus"


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


def utf8_len(texts: Sequence[str]) -> int:
    return sum(len(t.encode("utf-8", "surrogateescape")) for t in texts)


@dataclass
class Row:
    name: str
    items: int
    nbytes: int
    seconds: list[float]

    def cells(self) -> list[str]:
        med = statistics.median(self.seconds)
        lo, hi = min(self.seconds), max(self.seconds)
        return [
            self.name,
            f"{self.items}",
            f"{self.nbytes / MB:.2f}",
            f"{med * 1000:.0f}",
            f"{self.nbytes / MB / med:.2f}",
            f"{self.nbytes / MB / hi:.2f}-{self.nbytes / MB / lo:.2f}",
            f"{self.items / med:,.0f}",
            f"{self.items / hi:,.0f}-{self.items / lo:,.0f}",
        ]


def time_passes(fn: Callable[[Any], object], items: Sequence[Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        out.append(time.perf_counter() - t0)
    return out


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(r: list[str]) -> str:
        first = r[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    print(fmt(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(fmt(r))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus directory (default: ../shared/corpus or tests/corpus)",
    )
    ap.add_argument(
        "--repeat", type=int, default=5, help="timed passes per measurement (default 5)"
    )
    ap.add_argument(
        "--pure", action="store_true", help="disable lark-cython (CABLELIB_PURE_LARK=1)"
    )
    ap.add_argument("--profile", action="store_true", help="cProfile one loads pass over all pages")
    args = ap.parse_args(argv)

    if args.pure:
        os.environ["CABLELIB_PURE_LARK"] = "1"
    # Imported here so --pure takes effect before cablelib reads the environment.
    import lark  # noqa: PLC0415

    import cablelib  # noqa: PLC0415
    from cablelib.containers import detect  # noqa: PLC0415
    from cablelib.grammar import parse_document, parser, uses_lark_cython  # noqa: PLC0415

    corpus: Path = args.corpus or default_corpus()
    page_paths = sorted(corpus.rglob("*.html"))
    excerpt_paths = (
        sorted((corpus / "excerpts").glob("*.txt")) if (corpus / "excerpts").is_dir() else []
    )
    if not page_paths:
        print(f"no .html pages under {corpus}", file=sys.stderr)
        return 1

    # -- untimed set-up ------------------------------------------------------------
    pages = [read_text(p) for p in page_paths]
    t0 = time.perf_counter()
    parser()  # build the LALR tables
    build_s = time.perf_counter() - t0
    for p in pages[:20]:  # warm up
        cablelib.loads(p)
    cables = [cablelib.loads(p) for p in pages]
    raws = [c.text for c in cables] + [read_text(p) for p in excerpt_paths]
    bad_round_trip = sum(cablelib.dumps(c) != p for c, p in zip(cables, pages, strict=True))

    pages_b, raws_b = utf8_len(pages), utf8_len(raws)
    print("machine")
    print(
        f"  python      {platform.python_version()} ({platform.python_implementation()})"
        f" on {platform.platform()}"
    )
    print(f"  lark        {lark.__version__}; lark-cython used: {uses_lark_cython()}")
    print(f"  cpu count   {os.cpu_count()} (this benchmark uses one core)")
    print(f"  corpus      {corpus}")
    print(
        f"  pages       {len(pages)} .html, {pages_b / MB:.2f} MB"
        f" ({pages_b // len(pages):,} B mean)"
    )
    print(
        f"  raw texts   {len(raws)} ({len(cables)} decoded pages + {len(excerpt_paths)} excerpts), "
        f"{raws_b / MB:.2f} MB ({raws_b // len(raws):,} B mean)"
    )
    print(f"  parser build {build_s * 1000:.0f} ms; round-trip failures on pages: {bad_round_trip}")
    print(f"  repeat      {args.repeat} passes, median reported, [slowest-fastest] ranges")
    print()

    if args.profile:
        profile_loads(cablelib.loads, pages)

    r = args.repeat
    rows = [
        Row("loads(page)", len(pages), pages_b, time_passes(cablelib.loads, pages, r)),
        Row("  detect(page) only", len(pages), pages_b, time_passes(detect, pages, r)),
        Row("dumps(cable) of pages", len(cables), pages_b, time_passes(cablelib.dumps, cables, r)),
        Row("loads(raw text)", len(raws), raws_b, time_passes(cablelib.loads, raws, r)),
        Row("  parse_document(raw) only", len(raws), raws_b, time_passes(parse_document, raws, r)),
    ]
    print(
        "throughput (one core; MB = 10^6 bytes of UTF-8 input;"
        " items/s = cables or pages per second)"
    )
    header = [
        "operation",
        "items",
        "MB",
        "median ms",
        "MB/s",
        "MB/s range",
        "items/s",
        "items/s range",
    ]
    print_table(header, [row.cells() for row in rows])
    print()

    del cables
    measure_memory(cablelib.loads, pages, pages_b)
    return 0


def profile_loads(loads: Callable[[str], object], pages: Sequence[str]) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for p in pages:
        loads(p)
    prof.disable()
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(25)
        print(f"== cProfile: one loads pass over {len(pages)} pages, top 25 by {key} ==")
        print(buf.getvalue().strip("\n"))
        print()


def measure_memory(loads: Callable[[str], object], pages: Sequence[str], pages_b: int) -> None:
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    held = [loads(p) for p in pages]
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(held)
    pickled = sum(len(pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL)) for c in held)
    str_size = sum(sys.getsizeof(p) for p in pages)
    print(
        f"memory per loaded page ({n} Cable objects held; tracemalloc, input strings not counted)"
    )
    mem_rows = [
        [
            "Cable objects (traced current)",
            f"{(current - base) / n:,.0f}",
            f"{(current - base) / pages_b:.1f}x",
        ],
        [
            "peak while loading (traced)",
            f"{(peak - base) / n:,.0f}",
            f"{(peak - base) / pages_b:.1f}x",
        ],
        ["input, UTF-8 bytes", f"{pages_b / n:,.0f}", "1.0x"],
        ["input, as Python str (getsizeof)", f"{str_size / n:,.0f}", f"{str_size / pages_b:.1f}x"],
        ["pickle (protocol 5)", f"{pickled / n:,.0f}", f"{pickled / pages_b:.1f}x"],
    ]
    print_table(["measure", "bytes/cable", "vs input"], mem_rows)


if __name__ == "__main__":
    sys.exit(main())

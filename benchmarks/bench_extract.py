"""Cost of ``cablelib.extract`` relative to ``cablelib.loads``, per extractor.

Not a test: it prints numbers.  Usage::

    python benchmarks/bench_extract.py [--corpus DIR] [--repeat N] [--load-plugins NAMES] [--pure]

The pages are loaded once; then each pass times ``loads`` over all pages, ``extract``
(every loaded extractor and the ``cablelib_extract`` hook) over all loaded cables, and
each named extractor on its own (``extractors()[name].function``).  The overhead is
extraction time as a percentage of ``loads`` time; the target is at most 50%.  See
``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TARGET = 50.0


def default_corpus() -> Path:
    shared = (REPO / ".." / "shared" / "corpus").resolve()
    return shared if shared.is_dir() else REPO / "tests" / "corpus"


def time_pass(fn: Callable[[Any], object], items: Sequence[Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="default: ../shared/corpus or tests/corpus")
    parser.add_argument("--repeat", type=int, default=5, help="passes per measure (median)")
    parser.add_argument(
        "--load-plugins",
        metavar="NAMES",
        default="",
        help="installed plugins to load, comma-separated (default: none, built-ins only)",
    )
    parser.add_argument(
        "--pure", action="store_true", help="disable lark-cython (CABLELIB_PURE_LARK=1)"
    )
    args = parser.parse_args(argv)
    # only the built-ins unless asked: whatever else is installed must not skew the numbers
    os.environ["CABLELIB_LOAD_PLUGINS"] = args.load_plugins
    if args.pure:  # before cablelib is imported, which reads it when it builds the parser
        os.environ["CABLELIB_PURE_LARK"] = "1"

    import cablelib  # noqa: PLC0415 - after the environment is set
    from cablelib.extraction import extractors  # noqa: PLC0415

    corpus: Path = args.corpus or default_corpus()
    paths = sorted(corpus.rglob("*.html"))
    if not paths:
        print(f"no .html pages under {corpus}", file=sys.stderr)
        return 1
    all_pages = [p.read_bytes().decode("utf-8", "surrogateescape") for p in paths]
    # Warm up on every other page, time on the rest: the extractors' per-string caches
    # then start cold for the timed pages, as they do for new cables in a corpus run.
    warm, pages = all_pages[::2], all_pages[1::2] or all_pages
    table = extractors()

    # warm-up: data tables, regexes and caches the extractors build on first use
    failures: dict[str, int] = {}
    for cable in [cablelib.loads(page) for page in warm]:
        for failure in cablelib.extract(cable, errors="collect")["errors"]:
            key = f"{failure['plugin']}:{failure['extractor']}"
            failures[key] = failures.get(key, 0) + 1

    def run_all(cable: cablelib.Cable) -> object:
        return cablelib.extract(cable, errors="collect")

    def guarded(function: Callable[[cablelib.Cable], object]) -> Callable[[Any], object]:
        def call(cable: cablelib.Cable) -> object:
            try:
                return function(cable)
            except Exception as exc:  # counted in the warm-up, timed here all the same
                return exc

        return call

    # Every pass extracts from freshly loaded cables: a cable caches what it derives, so a
    # second extract() on the same objects would measure the caches, not the work.
    functions = [guarded(extractor.function) for extractor in table.values()]

    def every_extractor(cable: cablelib.Cable) -> object:
        for function in functions:
            function(cable)
        return None

    loads_s: list[float] = []
    extract_s: list[float] = []
    bare_s: list[float] = []
    stream: list[tuple[float, float]] = []
    per: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(args.repeat):
        loads_s.append(time_pass(cablelib.loads, pages))
        extract_s.append(time_pass(run_all, [cablelib.loads(page) for page in pages]))
        # the same work without extract(): what the registry and the hook cost
        bare_s.append(time_pass(every_extractor, [cablelib.loads(page) for page in pages]))
        stream.append(corpus_run(pages))
        # in registration order on one fresh set: work two extractors share counts once,
        # for the first of them
        fresh = [cablelib.loads(page) for page in pages]
        for name, extractor in table.items():
            per[name].append(time_pass(guarded(extractor.function), fresh))

    report(corpus, args.repeat, len(pages), loads_s, extract_s, per, failures)
    print_extra(len(pages), median_ms(loads_s), median_ms(bare_s), stream)
    return 0


def corpus_run(pages: Sequence[str]) -> tuple[float, float]:
    """Seconds in ``loads`` and in ``extract`` when each page is loaded, then extracted."""
    import cablelib  # noqa: PLC0415 - main() has set the environment

    gc.collect()
    in_loads = in_extract = 0.0
    clock = time.perf_counter
    for page in pages:
        start = clock()
        cable = cablelib.loads(page)
        middle = clock()
        cablelib.extract(cable, errors="collect")
        in_loads += middle - start
        in_extract += clock() - middle
    return in_loads, in_extract


def print_extra(n: int, loads_ms: float, bare_ms: float, stream: list[tuple[float, float]]) -> None:
    """The rows that explain the gap between the sum of the extractors and extract."""
    print()
    print("Each cable through every extractor in turn, without extract(): ", end="")
    print(f"{bare_ms * 1000 / n:.1f} µs/cable ({100 * bare_ms / loads_ms:.1f}% of loads)")
    ratios = sorted(e / lo for lo, e in stream)
    loads_us = statistics.median(lo for lo, _ in stream) * 1e6 / n
    extract_us = statistics.median(e for _, e in stream) * 1e6 / n
    print(
        f"Corpus run (loads, then extract, page by page): loads {loads_us:.0f} µs, "
        f"extract {extract_us:.0f} µs per page = {100 * statistics.median(ratios):.1f}%"
    )


def row(name: str, plugin: str, ms: float, n: int, loads_ms: float) -> str:
    return (
        f"| {name:<24} | {plugin:<34} | {ms:8.1f} | {ms * 1000 / n:9.1f} |"
        f" {100 * ms / loads_ms:7.1f}% |"
    )


def report(  # noqa: PLR0913, PLR0917 - everything the table shows
    corpus: Path,
    repeat: int,
    n: int,
    loads_s: list[float],
    extract_s: list[float],
    per: dict[str, list[float]],
    failures: dict[str, int],
) -> None:
    import cablelib  # noqa: PLC0415 - main() has set the environment
    from cablelib.extraction import extractors  # noqa: PLC0415
    from cablelib.grammar import uses_lark_cython  # noqa: PLC0415

    loads_ms = median_ms(loads_s)
    extract_ms = median_ms(extract_s)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"cablelib.extract benchmark ({python})")
    print(f"  corpus   {corpus}: {n} pages, median of {repeat} passes")
    print(f"  parser   {'lark-cython' if uses_lark_cython() else 'plain Lark (lark-cython off)'}")
    print(f"  plugins  {', '.join(p.name for p in cablelib.plugins())}")
    print()
    print(f"| {'extractor':<24} | {'plugin':<34} | {'ms':>8} | {'µs/cable':>9} | {'% loads':>8} |")
    print(f"|{'-' * 26}|{'-' * 36}|{'-' * 9}:|{'-' * 10}:|{'-' * 9}:|")
    total_ms = 0.0
    for name, extractor in extractors().items():
        ms = median_ms(per[name])
        total_ms += ms
        print(row(name, extractor.plugin, ms, n, loads_ms))
    print(row("sum of the extractors", "", total_ms, n, loads_ms))
    print(row("extract(cable)", "all, with the dict hook", extract_ms, n, loads_ms))
    print(row("loads(page)", "", loads_ms, n, loads_ms))
    print()
    overhead = 100 * extract_ms / loads_ms
    verdict = "met" if overhead <= TARGET else "NOT met"
    print(f"extract overhead: {overhead:.1f}% of loads (target <= {TARGET:.0f}%: {verdict})")
    if failures:
        print("extractor failures on this corpus (errors='collect'):")
        for key, count in sorted(failures.items()):
            print(f"  {key}: {count} of {n} cables")


if __name__ == "__main__":
    sys.exit(main())

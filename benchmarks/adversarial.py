"""Time ``cablelib.loads`` on adversarial inputs of growing size, to show linear growth.

Not a test: it prints numbers.  Usage::

    python benchmarks/adversarial.py [--repeat N] [--pure] [--budget SECONDS]

For each input kind it times sizes 125 KB, 250 KB, 500 KB and 1 MB (KB = 1000 bytes)
and prints the time per size, the time per MB and the ratio to the previous size;
linear growth gives a ratio of about 2 at each doubling.  A kind whose time at one
size exceeds ``--budget`` seconds is not run at larger sizes (marked "skipped").
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import string
import sys
import time
from collections.abc import Callable, Sequence

SIZES = (125_000, 250_000, 500_000, 1_000_000)


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def random_printable(size: int) -> str:
    rng = random.Random(20261127)
    return "".join(rng.choices(string.printable, k=size))


KINDS: dict[str, Callable[[int], str]] = {
    "one long line": lambda n: repeat_to("x", n),
    "TAGS: lines": lambda n: repeat_to("TAGS: PREL PGOV\n", n),
    "blank lines": lambda n: repeat_to("\n", n),
    "1. (C) x lines": lambda n: repeat_to("1. (C) x\n", n),
    "random printable": random_printable,
}


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs per size; the fastest is reported (default 3)"
    )
    ap.add_argument(
        "--pure", action="store_true", help="disable lark-cython (CABLELIB_PURE_LARK=1)"
    )
    ap.add_argument(
        "--budget", type=float, default=30.0, help="skip larger sizes once one takes longer (s)"
    )
    args = ap.parse_args(argv)
    if args.pure:
        os.environ["CABLELIB_PURE_LARK"] = "1"
    import cablelib  # noqa: PLC0415
    from cablelib.grammar import uses_lark_cython  # noqa: PLC0415

    cablelib.loads("UNCLAS STATE 000001\n\nSUBJECT: WARM UP\n\n1. (U) Text.\n")
    print(
        f"python {sys.version.split()[0]}; lark-cython used: {uses_lark_cython()};"
        f" best of {args.repeat}"
    )
    header = f"{'input':<18}" + "".join(f"{s // 1000:>8} KB" for s in SIZES)
    header += "   ratios (each size / previous)   s per MB at 1 MB"
    print(header)
    print("-" * len(header))
    for name, make in KINDS.items():
        times: list[float | None] = []
        for size in SIZES:
            if times and (times[-1] is None or times[-1] > args.budget):
                times.append(None)
                continue
            text = make(size)
            assert len(text.encode()) == size
            cable = cablelib.loads(text)  # also checks the round trip once
            assert cablelib.dumps(cable) == text, f"round trip failed for {name} at {size}"
            times.append(best_of(lambda t=text: cablelib.loads(t), args.repeat))
        cells = "".join(
            f"{t * 1000:>9.0f}ms" if t is not None else f"{'skipped':>11}" for t in times
        )
        ratios = [f"{b / a:.2f}" if a and b else "-" for a, b in itertools.pairwise(times)]
        last = times[-1]
        per_mb = f"{last:.3f}" if last is not None else "-"
        print(f"{name:<18}{cells}   {' / '.join(ratios):<31}   {per_mb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

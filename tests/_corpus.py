"""Where the test cables are.

Two sources, read at import time so that ``pytest.mark.parametrize`` can use the list:

* ``tests/corpus/``: the small sample vendored into the repository (always there);
* ``<repo>/../shared/corpus/``: the full shared corpus, when this checkout sits next to it.

Only ``*.html`` and ``*.txt`` files count. README files and ``index.jsonl`` describe the
cables and are not cables themselves.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["REPO_ROOT", "SHARED_CORPUS", "VENDORED_CORPUS", "all_corpus_files", "corpus_id"]

REPO_ROOT = Path(__file__).resolve().parent.parent
VENDORED_CORPUS = REPO_ROOT / "tests" / "corpus"
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

_SUFFIXES = frozenset({".html", ".txt"})
_NOT_CABLES = frozenset({"README.md", "README.txt", "index.jsonl"})


def _cables_under(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and path.suffix in _SUFFIXES and path.name not in _NOT_CABLES
    )


def all_corpus_files() -> list[Path]:
    """Every cable file to test against: the vendored sample, then the shared corpus if present.

    Raises:
        AssertionError: if no file was found, so that a broken path can never make the
            round-trip tests pass by testing nothing.
    """
    files = _cables_under(VENDORED_CORPUS)
    if SHARED_CORPUS.is_dir():
        files += _cables_under(SHARED_CORPUS)
    assert files, f"no cable files found under {VENDORED_CORPUS} or {SHARED_CORPUS}"
    return files


def corpus_id(path: Path) -> str:
    """A short, stable test id for a corpus file.

    For example ``vendored/09USNATO383.txt`` or ``shared/cablegate-2010-12/09KABUL140.html``.
    """
    for label, root in (("vendored", VENDORED_CORPUS), ("shared", SHARED_CORPUS)):
        if path.is_relative_to(root):
            return f"{label}/{path.relative_to(root).as_posix()}"
    return path.as_posix()

"""Sphinx configuration for the cablelib documentation.

Build with ``sphinx-build -W -b html docs docs/_build/html`` from the repository root. The
package is imported from ``src/`` so that the build also works before ``pip install``, as long
as the dependencies are installed. Nothing here reaches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

project = "cablelib"
author = "the cablelib authors"
copyright = "the cablelib authors"
release = "0.1.0"
version = "0.1"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]

# Documentation strings follow the Google convention (see [tool.ruff.lint.pydocstyle]).
napoleon_google_docstring = True
napoleon_numpy_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"

# MyST: ``{directive}`` fences plus ``:::`` fences for admonitions; headings get anchors.
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "cablelib"

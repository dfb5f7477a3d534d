"""The built distributions carry the grammar, and an installed wheel can parse on its own.

The grammar lives in the top-level ``grammars/`` folder and reaches the wheel only through
hatchling's ``force-include``, which has known gaps (for example when the wheel is built from the
sdist). So this test builds both, the way a release does, and then installs the wheel into a
fresh virtual environment and parses a cable from a directory outside the repository, where the
source-checkout fallback cannot help.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from typing import TYPE_CHECKING

import pytest

from _corpus import REPO_ROOT, VENDORED_CORPUS

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

BUILD_TIMEOUT = 300
INSTALL_TIMEOUT = 600
SAMPLE = VENDORED_CORPUS / "09USNATO383.txt"

# Run inside the fresh environment, with the sample's path as argv[1].
CHECK_SCRIPT = """\
import pathlib, sys
import cablelib

package_dir = pathlib.Path(cablelib.__file__).resolve().parent
assert pathlib.Path(sys.prefix).resolve() in package_dir.parents, package_dir
assert (package_dir / "grammars" / "cable.lark").is_file(), "grammar not installed"
assert (package_dir / "py.typed").is_file(), "py.typed not installed"

with open(sys.argv[1], encoding="utf-8", newline="") as fp:
    text = fp.read()
assert cablelib.dumps(cablelib.loads(text)) == text, "round trip differs"
print("ok", package_dir)
"""


def _run(args: list[str], *, cwd: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    # check=False: each caller inspects the return code and shows the output on failure.
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _output(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit code {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build the sdist, then the wheel from it, as ``python -m build`` does for a release."""
    outdir = tmp_path_factory.mktemp("dist")
    proc = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(REPO_ROOT)],
        cwd=outdir,
        timeout=BUILD_TIMEOUT,
    )
    assert proc.returncode == 0, _output(proc)
    (sdist,) = outdir.glob("cablelib-*.tar.gz")
    (wheel,) = outdir.glob("cablelib-*.whl")
    return sdist, wheel


def test_sdist_keeps_grammar_and_tests(dists: tuple[Path, Path]) -> None:
    sdist, _ = dists
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert "grammars/cable.lark" in names
    assert "src/cablelib/py.typed" in names
    assert "tests/corpus/09USNATO383.txt" in names
    assert "pyproject.toml" in names


def test_wheel_contains_grammar_and_marker(dists: tuple[Path, Path]) -> None:
    _, wheel = dists
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "cablelib/grammars/cable.lark" in names
    assert "cablelib/py.typed" in names
    assert "cablelib/__init__.py" in names
    assert not any(name.startswith(("tests/", "grammars/")) for name in names), sorted(names)


def _runtime_requirements(wheel: Path) -> list[str]:
    """The wheel's own ``Requires-Dist`` lines, without the optional extras."""
    with zipfile.ZipFile(wheel) as zf:
        (meta_name,) = (n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    return [req for req in meta.get_all("Requires-Dist", []) if "extra ==" not in req]


def test_installed_wheel_parses_outside_the_repo(dists: tuple[Path, Path], tmp_path: Path) -> None:
    _, wheel = dists
    venv = tmp_path / "venv"
    proc = _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, _output(proc)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

    # The dependencies come from the package index; without a network there is nothing to test.
    requirements = _runtime_requirements(wheel)
    assert requirements, "the wheel declares no dependencies"
    proc = _run(
        [str(python), "-m", "pip", "install", "-q", *requirements],
        cwd=tmp_path,
        timeout=INSTALL_TIMEOUT,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot install the dependencies from the package index:\n{_output(proc)}")

    # The wheel itself installs offline; a failure here is a real failure.
    proc = _run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)],
        cwd=tmp_path,
        timeout=INSTALL_TIMEOUT,
    )
    assert proc.returncode == 0, _output(proc)
    proc = _run([str(python), "-m", "pip", "check"], cwd=tmp_path, timeout=INSTALL_TIMEOUT)
    assert proc.returncode == 0, _output(proc)

    # -I: ignore PYTHON* variables and the user site, and keep the current directory off
    # sys.path, so only the installed copy of cablelib can be imported.
    proc = _run(
        [str(python), "-I", "-c", CHECK_SCRIPT, str(SAMPLE)], cwd=tmp_path, timeout=BUILD_TIMEOUT
    )
    assert proc.returncode == 0, _output(proc)
    assert proc.stdout.startswith("ok "), _output(proc)

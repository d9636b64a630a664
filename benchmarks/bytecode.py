"""Time the program as it is installed: its modules already compiled to bytecode.

An installed program never compiles its source at start: pip compiles a
package when it installs it and the PyInstaller bundle carries bytecode. A
source checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (as on the build
machines) would compile every module of ``aict_desktop`` on every start and
time that instead. The start-up benchmarks call ``compile_package()`` first.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "aict_desktop"


def compile_package() -> None:
    if not compileall.compile_dir(str(PACKAGE), quiet=1):
        raise SystemExit(f"could not compile {PACKAGE} to bytecode")

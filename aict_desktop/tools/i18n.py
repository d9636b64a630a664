"""Extract, update and compile the message catalogs with Babel.

    python -m aict_desktop.tools.i18n            # extract + update + compile
    python -m aict_desktop.tools.i18n --check    # fail if a Korean translation is missing

The mapping (which files, which keywords) is read from ``pyproject.toml``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib

from aict_desktop.i18n import CATALOGS
from aict_desktop.resources import i18n_dir, root

LOCALES = CATALOGS  # English is the msgids themselves (i18n.install("en") uses no catalog)


def _babel_options() -> tuple[list[str], str]:
    data = tomllib.loads((root() / "pyproject.toml").read_text(encoding="utf-8"))
    keywords = data["tool"]["babel"]["extract"]["keywords"]
    return keywords, "aict_desktop"


def extract() -> None:
    keywords, source = _babel_options()
    cmd = [sys.executable, "-m", "babel.messages.frontend", "extract", "--no-location", "--sort-output",
           "--project=aict-desktop", "-o", str(i18n_dir() / "messages.pot"), "--no-default-keywords"]
    for kw in keywords:
        cmd += ["-k", kw]
    subprocess.run(cmd + [source], check=True, cwd=root())


def update() -> None:
    for loc in LOCALES:
        po = i18n_dir() / loc / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        cmd = [sys.executable, "-m", "babel.messages.frontend", action, "-i", str(i18n_dir() / "messages.pot"),
               "-d", str(i18n_dir()), "-l", loc]
        if action == "update":
            cmd += ["--no-fuzzy-matching", "--ignore-obsolete"]
        subprocess.run(cmd, check=True, cwd=root())


def compile_catalogs() -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(i18n_dir()),
                    "--use-fuzzy"], check=True, cwd=root())


def missing(locale: str = "ko") -> list[str]:
    from babel.messages.pofile import read_po

    with (i18n_dir() / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    out = []
    for msg in catalog:
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if not all(strings):
            out.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--no-compile", action="store_true")
    args = ap.parse_args(argv)
    if args.check:
        gaps = missing("ko")
        for m in gaps:
            print("untranslated:", m)
        return 1 if gaps else 0
    extract()
    update()
    if not args.no_compile:
        compile_catalogs()
    return 0


if __name__ == "__main__":
    sys.exit(main())

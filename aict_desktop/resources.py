"""Where the program's files are, from a source checkout or a PyInstaller bundle.

One helper for every lookup so fonts, catalogs, demo data and migrations are
found the same way in both cases.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` and ``i18n/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def i18n_dir() -> Path:
    return root() / "i18n"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "store" / "migrations"

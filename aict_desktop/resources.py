"""Where the program's files are, from a source checkout or a PyInstaller bundle.

One helper for every lookup so fonts, catalogs, demo data and migrations are
found the same way in both cases. From source, ``root()`` is the checkout
(the folder holding ``resources/``, ``i18n/`` and ``aict_desktop/``); in a
bundle it is PyInstaller's ``sys._MEIPASS`` (the ``_internal`` folder beside
the program), laid out the same way by ``build_installer.spec``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_bundled() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "_MEIPASS", None))


def root() -> Path:
    """The folder that holds ``resources/``, ``i18n/`` and the migration scripts."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def i18n_dir() -> Path:
    return root() / "i18n"


def migrations_dir() -> Path:
    """Alembic's script folder (``env.py``, ``script.py.mako``, ``versions/``)."""
    return root() / "aict_desktop" / "store" / "migrations"

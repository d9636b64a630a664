"""Persistence: engine and sessions, migrations, backup/restore, integrity.

``Store`` and ``open_store`` are loaded on first use (PEP 562), so that importing a light
submodule (the instance lock, the file identity) does not import SQLAlchemy: the program asks
whether its data file is already open before its window is first on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aict_desktop.store.engine import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str):
    if name in __all__:
        from aict_desktop.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

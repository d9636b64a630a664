"""Persistence: engine and sessions, migrations, backup/restore, integrity."""

from aict_desktop.store.engine import Store, open_store

__all__ = ["Store", "open_store"]

"""The data file's identity: a random id (for its keyring entry) and the app marker."""

from __future__ import annotations

import uuid

from aict_desktop.domain.models import Setting

APP_MARKER = "aict-desktop"


def get_setting(store, key: str, default: str = "") -> str:
    with store.session() as s:
        row = s.get(Setting, key)
        return row.value if row else default


def set_setting(store, key: str, value: str) -> None:
    with store.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def ensure_identity(store) -> str:
    """Give the database an id once; return it."""
    with store.write() as s:
        if s.get(Setting, "app") is None:
            s.add(Setting(key="app", value=APP_MARKER))
        row = s.get(Setting, "database_id")
        if row is None:
            row = Setting(key="database_id", value=uuid.uuid4().hex)
            s.add(row)
        return row.value

"""Shared fixtures: offscreen Qt, a fresh data file per test, an in-memory keyring."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
os.environ.setdefault("AICT_LANG", "ko")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# PostgreSQL fixtures (pg_cluster, pg_database, pg_store): one private cluster per session.
pytest_plugins = ["tests.postgres.plugin"]


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory (tests only)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own data folder and an empty in-memory keyring."""
    monkeypatch.setenv("AICT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("AICT_DB", raising=False)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    from aict_desktop import i18n

    i18n.install("ko")
    yield ring


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "aict.sqlite"


@pytest.fixture
def store(db_path):
    from aict_desktop.store import open_store

    st = open_store(db_path, create=True)
    yield st
    st.dispose()


@pytest.fixture
def services(store):
    from aict_desktop.services.container import Services

    return Services(store)

"""The migrations and the table models describe one schema (issue 20 §2).

A model changed without a migration (a new column, a new table, a changed
type or nullability) shows up here as a difference, on SQLite and on
PostgreSQL; so does a migration that changes what the models do not.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _differences(store) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import aict_desktop.domain.models  # noqa: F401  (registers every table)

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": False})
        return compare_metadata(ctx, SQLModel.metadata)


def test_the_migrations_build_exactly_the_models(store):
    """``store`` is an empty database brought to head by the migrations."""
    assert _differences(store) == []


def test_a_model_change_without_a_migration_is_seen(store):
    """The check itself can fail: a column the migrations never made is reported."""
    from sqlalchemy import Column, MetaData, String, Table
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import aict_desktop.domain.models  # noqa: F401

    changed = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        copy = table.to_metadata(changed)
        if table.name == "person":
            copy.append_column(Column("nickname", String, nullable=True))
    extra = Table("unmigrated", changed, Column("id", String, primary_key=True))
    assert extra is not None
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), changed)
    kinds = {(d[0], getattr(d[-1], "name", None) if d[0] == "add_column" else getattr(d[1], "name", None))
             for d in diff if isinstance(d, tuple)}
    assert ("add_column", "nickname") in kinds and ("add_table", "unmigrated") in kinds


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("db_*.sqlite"))


def test_there_is_a_fixture_for_every_released_revision():
    """One committed database per schema revision a user may have, made when the revision is added."""
    from aict_desktop.store import migrate

    have = {p.stem.removeprefix("db_") for p in _fixtures()}
    missing = sorted(migrate.known_revisions() - have)
    assert not missing, f"no fixture for {missing}: run python tests/fixtures/make_fixtures.py REV and commit it"


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda p: p.stem)
def test_every_released_fixture_upgrades_to_the_models(fixture, tmp_path):
    """A file from each released version opens, upgrades to head, keeps its rows and matches the models."""
    from aict_desktop.store import migrate, open_store
    from aict_desktop.store.migrate import current_revision

    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    with sqlite3.connect(copy) as conn:
        before = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed names)
                  for t in ("body", "institution", "person", "appointment")}
    st = open_store(copy)
    try:
        assert current_revision(st) == migrate.HEAD_REVISION
        assert _differences(st) == []
        with st.engine.connect() as conn:
            after = {t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar() for t in before}
    finally:
        st.dispose()
    assert after == before and all(before.values())

"""Schema creation and upgrades with Alembic; a backup before any upgrade."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from sqlalchemy import inspect

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.resources import migrations_dir


# The newest revision in migrations/versions. Opening a file already at this
# revision skips loading Alembic altogether (start-up time); a test keeps this
# equal to the script directory's head.
HEAD_REVISION = "0006"


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def head_revision() -> str:
    return script_directory().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _sqlite_tables(path: Path) -> tuple[set[str], str | None]:
    """Tables and revision of a SQLite file, read-only (the file is not touched)."""
    if not path.exists() or path.stat().st_size == 0:
        return set(), None
    from aict_desktop.store.sqlite_files import connect

    with contextlib.closing(connect(path, "ro")) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rev = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = row[0] if row else None
    return tables, rev


def check_ownership(store) -> None:
    """Refuse a database of another program, or one from a newer version of this one.

    A SQLite file is inspected read-only first, so a refused file is left
    byte-for-byte as it was (not even switched to WAL).
    """
    try:
        if store.path is not None:
            tables, rev = _sqlite_tables(store.path)
        else:
            from alembic.runtime.migration import MigrationContext

            with store.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                rev = MigrationContext.configure(conn).get_current_revision() if "alembic_version" in tables else None
    except StoreError:
        raise
    except Exception as exc:  # a corrupt file, a locked file, a refused server
        from aict_desktop.store.sqlite_files import DamagedFile, is_damage

        if store.path is not None and is_damage(exc):
            raise DamagedFile(store.path, _reason(exc)) from exc
        raise StoreError(
            _("The data store {name} cannot be opened: {reason}").format(name=store.display_name, reason=_reason(exc))
        ) from exc
    if not tables:
        store.revision = None
        return
    if "alembic_version" not in tables or rev is None:
        raise StoreError(
            _("{name} is a database of another program (it has no AICT schema). Nothing was changed.").format(
                name=store.display_name
            )
        )
    store.revision = rev
    if rev != HEAD_REVISION and rev not in known_revisions():
        raise StoreError(
            _("{name} was written by a newer version of this program (schema {rev}). Please update the program.").format(
                name=store.display_name, rev=rev
            )
        )


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else type(exc).__name__


def backup_before_upgrade(store, rev: str) -> Path | None:
    """Copy the file aside before its schema changes."""
    from aict_desktop.store.backup import backup_to

    if store.path is None or not store.path.exists() or store.path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.path.parent / "backups" / f"{store.path.stem}-before-upgrade-{rev}-{stamp}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    backup_to(store, target)
    return target


def upgrade(store) -> str | None:
    """Bring the schema to head. Returns the backup's path if one was made."""
    if getattr(store, "revision", None) == HEAD_REVISION:
        return None
    from alembic import command

    current = current_revision(store)
    head = head_revision()
    if current == head:
        return None
    made = backup_before_upgrade(store, current) if current is not None else None
    cfg = alembic_config(store.url)
    try:
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise StoreError(
            _("The data store {name} could not be upgraded: {reason}").format(name=store.display_name, reason=_reason(exc))
        ) from exc
    from aict_desktop.store.identity import ensure_identity

    ensure_identity(store)
    return str(made) if made else None

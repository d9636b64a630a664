"""The engine, its SQLite pragmas, and short sessions.

A SQLite file runs in WAL mode with foreign keys on and a busy timeout; its
transactions start with an explicit ``BEGIN`` (``BEGIN IMMEDIATE`` for a
writing session) so two processes never interleave a read-then-write.
A local file is watched (``store.watchdog``): before every write the program
checks it still holds its locks and the file is the one it opened.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session, create_engine

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store.failures import write_failure

if TYPE_CHECKING:
    from aict_desktop.store.watchdog import Watchdog

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_url(path: Path) -> str:
    """The engine URL of a SQLite file, with ``#``, ``%`` and ``?`` in folder names escaped (Windows allows
    them): ``f"sqlite:///{path}"`` cut ``C:\\업무#2\\aict.sqlite`` at the ``#`` and opened another file."""
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def check_sqlite_file(path: Path, *, must_exist: bool) -> None:
    """Refuse a file that is not a SQLite database, before anything touches it."""
    if not path.exists():
        if must_exist:
            raise StoreError(
                _("There is no data file at {path}. Create it with 'aict init'.").format(path=path)
            )
        if not path.parent.exists():
            raise StoreError(_("The folder {folder} does not exist.").format(folder=path.parent))
        return
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not a data file.").format(path=path))
    # through SQLite, never Python's open(): closing a descriptor of the file would release the locks this
    # process may already hold on it (store/sqlite_files.py). An empty (0-byte) file is refused too.
    from aict_desktop.store.sqlite_files import probe

    probe(path)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
    cur.execute("PRAGMA synchronous = FULL")  # minutes must survive a power cut
    cur.close()
    if mode and str(mode[0]).lower() != "wal":  # e.g. a read-only folder
        pass


def _begin(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    from aict_desktop.store import server  # PostgreSQL: keyring password, plain connection errors

    engine = create_engine(url, echo=echo, pool_pre_ping=True)
    server.install(engine)
    return engine


class Store:
    """The open data store: an engine plus where it lives."""

    def __init__(self, url: str):
        self.url = url
        u = make_url(url)
        self.is_sqlite = u.get_backend_name() == "sqlite"
        self.path: Path | None = Path(u.database) if self.is_sqlite and u.database else None
        self.engine = make_engine(url)
        self.revision: str | None = None  # schema revision found when opened (store.migrate)
        self._writer = self.engine.execution_options(sqlite_immediate=True) if self.is_sqlite else self.engine
        self.watchdog: Watchdog | None = None  # a local file's Watchdog, from watch() (open_store starts it)

    def watch(self) -> None:
        """Start watching the local data file (its locks, and that it stays the file that was opened)."""
        if self.path is None or self.watchdog is not None:
            return
        from aict_desktop.store.watchdog import Watchdog

        dog = Watchdog(self)
        try:
            dog.start()
        except sqlite3.Error as exc:  # e.g. a read-only folder: the store still works, unwatched
            import logging

            logging.getLogger(__name__).warning("cannot watch %s: %s", self.path, exc)
            return
        self.watchdog = dog

    def problem(self) -> str | None:
        """What is wrong with the open data file right now (deleted, replaced, locks lost), or None."""
        return self.watchdog.check() if self.watchdog is not None else None

    def lost(self) -> str | None:
        """Why the data file can no longer be used (deleted, moved, replaced, journal deleted), or None."""
        if self.watchdog is None:
            return None
        self.watchdog.check()
        return self.watchdog.lost

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short read session."""
        with Session(self.engine, expire_on_commit=False) as s:
            try:
                yield s
            except DatabaseError as exc:
                self._raise_if_damaged(exc)
                raise

    def _raise_if_damaged(self, exc: DatabaseError) -> None:
        """A damaged file is a plain message (what happened, what to do), not a traceback."""
        from aict_desktop.store.sqlite_files import DamagedFile, is_damage

        if self.is_sqlite and self.path is not None and is_damage(exc):
            raise DamagedFile(self.path, str(getattr(exc, "orig", None) or exc)) from exc

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A short writing session, committed on success, rolled back on error.

        Refused, before anything is written, when the data file is no longer safe to write
        (see ``problem``): a write the program would report as saved must reach the file.
        """
        problem = self.problem()
        if problem is not None:
            raise StoreError(problem)
        with Session(self._writer, expire_on_commit=False) as s:
            try:
                yield s
                s.commit()
            except OperationalError as exc:  # full disk, read-only or busy file: a clear message
                with contextlib.suppress(OperationalError):
                    s.rollback()
                raise write_failure(exc, self.display_name) from exc
            except DatabaseError as exc:
                with contextlib.suppress(DatabaseError):
                    s.rollback()
                self._raise_if_damaged(exc)
                raise
            except BaseException:
                s.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()
        if self.watchdog is not None:  # last: the sentinel keeps the -wal until every connection is closed
            self.watchdog.close()
            self.watchdog = None


def resolve_target(target: str | Path) -> str:
    """A path or a database URL → a SQLAlchemy URL."""
    t = str(target)
    if is_url(t):
        from aict_desktop.store.server import is_server_url, normalise_url

        return normalise_url(t) if is_server_url(t) else t
    return sqlite_url(Path(t).expanduser().resolve())


def _upgrade_lock(store: Store):
    """PostgreSQL: PCs starting at once upgrade one after another. SQLite needs no more than its write lock,
    and so never imports the server module (and the keyring it brings, ~40 ms)."""
    if store.is_sqlite:
        return contextlib.nullcontext()
    from aict_desktop.store.server import upgrade_lock

    return upgrade_lock(store)


def open_store(target: str | Path, *, create: bool = False, upgrade: bool = True) -> Store:
    """Open (and by default create/upgrade) the data store at a path or URL.

    Refuses clearly, changing nothing, a file that is not a SQLite database,
    a database of another program, or one made by a newer version.
    """
    from aict_desktop.store import migrate

    url = resolve_target(target)
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database:
        check_sqlite_file(Path(u.database), must_exist=not create)
    store = Store(url)  # creates no connection until first use
    try:
        migrate.check_ownership(store)
        if upgrade:
            with _upgrade_lock(store):
                migrate.upgrade(store)
        store.watch()
        if store.path is not None:  # what an interrupted restore left beside the data file
            from aict_desktop.store.backup import clean_leftovers

            clean_leftovers(store.path)
    except BaseException:
        store.dispose()
        raise
    return store

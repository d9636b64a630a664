"""Looking at a SQLite file without opening it outside SQLite.

On POSIX, closing *any* descriptor of a file releases every lock the process holds on it, so
the program never ``open()``s a database file itself (its header is not read with Python's
``open``): it asks SQLite, which shares one set of descriptors and locks per file among all
the connections of the process. These helpers connect with a URI that never creates a
missing file, and run ``PRAGMA quick_check``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from urllib.parse import quote

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _

QUICK_CHECK_ROWS = 5


class DamagedFile(StoreError):
    """SQLite finds the data file damaged ("database disk image is malformed")."""

    def __init__(self, path: Path, detail: str):
        super().__init__(damaged_message(path, detail))
        self.detail = detail


def uri(path: str | Path, mode: str = "ro") -> str:
    """``file:`` URI for ``sqlite3.connect(..., uri=True)``; ``ro`` and ``rw`` never create a file.

    Always an empty authority (SQLite refuses ``file://server/…``): ``/tmp/a`` → ``file:///tmp/a``,
    ``C:/a`` → ``file:///C:/a``, a network path ``//server/share/a`` → ``file:////server/share/a``.
    """
    text = Path(path).resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text
    return f"file://{quote(text, safe='/:')}?mode={mode}"


def connect(path: str | Path, mode: str = "ro", timeout: float = 10) -> sqlite3.Connection:
    return sqlite3.connect(uri(path, mode), uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)


def damaged_message(path: Path, detail: str) -> str:
    return _("The data file {path} is damaged ({detail}). Nothing was changed and no backup was replaced. "
             "Restore the latest good backup (with 'aict restore FILE', or ask your IT staff).").format(
        path=path, detail=detail)


def empty_message(path: Path) -> str:
    return _("The data file {path} is empty (0 bytes): its contents were lost, for example by a full disk, a "
             "sync tool or an interrupted copy. Nothing was changed. Restore the latest backup (with 'aict "
             "restore FILE', or ask your IT staff); if this is a new installation with no data yet, delete the "
             "empty file and start again.").format(path=path)


def not_sqlite_message(path: Path) -> str:
    return _("{path} is not a database of this program (it is not a SQLite file). Nothing was changed.").format(
        path=path)


def is_damage(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "malformed" in text or "corrupt" in text


def probe(path: Path) -> None:
    """Refuse an empty file, a file that is not SQLite and one whose header SQLite rejects as damaged.

    Reads through SQLite (read-only), never with Python's ``open``. A file SQLite cannot open for another
    reason (locked, permissions) is left to the caller's own connection to report.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(_("The data file {path} cannot be read: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    if size == 0:
        raise StoreError(empty_message(path))
    try:
        with contextlib.closing(connect(path, "ro")) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text:
            raise StoreError(not_sqlite_message(path)) from exc
        if is_damage(exc):
            raise DamagedFile(path, str(exc)) from exc


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check: [] when sound, else the first problems it names."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def app_marker(conn: sqlite3.Connection) -> str | None:
    """The program's marker in the file ('aict-desktop'), or None when the file holds no data of this program."""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = 'app'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None

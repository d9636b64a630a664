"""Shared office server mode: a PostgreSQL URL, its password in the OS keyring.

The settings file keeps only the URL (``postgresql+psycopg://user@host:port/db``),
never a password. The password lives in the OS keyring under the service
"AICT Secretariat" and the account ``db:<user>@<host>[:<port>]/<db>``; the
engine fills it in at connect time (``install``). Where no password is saved,
libpq's own ways still work (``PGPASSWORD``, ``~/.pgpass``, trust or peer
authentication), which is what scripts and servers use.

Connection failures become a ``StoreError`` in plain words: the server cannot
be reached, the password is wrong, the database does not exist.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


from aict_desktop import system_keyring
from keyring.errors import KeyringError
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _

KEYRING_SERVICE = "AICT Secretariat"
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10
_PG_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2")


# --- URLs ---------------------------------------------------------------------------


def is_server_url(target: str) -> bool:
    return str(target).split("://", 1)[0].lower() in _PG_SCHEMES if "://" in str(target) else False


def parse_url(url: str) -> URL:
    """A PostgreSQL URL with our driver (``postgres://`` and ``postgresql://`` are accepted)."""
    text = str(url).strip()
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme not in _PG_SCHEMES:
        raise StoreError(
            _("'{url}' is not a PostgreSQL address. Write it like postgresql+psycopg://user@server/database.").format(
                url=_hide(text))
        )
    try:
        u = make_url(DRIVER + text[len(scheme):])
    except (ArgumentError, ValueError) as exc:
        raise StoreError(_("The server address '{url}' cannot be read: {reason}").format(
            url=_hide(text), reason=exc)) from exc
    if not u.host or not u.database:
        raise StoreError(
            _("The server address must name the server and the database, like "
              "postgresql+psycopg://user@server:5432/database.")
        )
    return u


def normalise_url(url: str) -> str:
    """The URL with our driver, its password (if any) kept as given."""
    return parse_url(url).render_as_string(hide_password=False)


def url_without_password(url: str) -> str:
    """What the settings file may keep."""
    return parse_url(url)._replace(password=None).render_as_string(hide_password=False)


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password written in it or None)."""
    u = parse_url(url)
    return u._replace(password=None).render_as_string(hide_password=False), u.password


def _hide(text: str) -> str:
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return text


def keyring_account(url: str) -> str:
    u = parse_url(url)
    return _account(u.username, u.host, u.port, u.database)


def _account(user, host, port, dbname) -> str:
    where = f"{host}:{port}" if port else f"{host}"
    return f"db:{user or ''}@{where}/{dbname}"


# --- the password in the keyring ------------------------------------------------------


def save_password(url: str, password: str) -> None:
    """Keep the server password in the OS keyring (never in the settings file)."""
    account = keyring_account(url)
    if not password:
        raise StoreError(_("Enter the password to save."))
    if not system_keyring.usable():
        raise StoreError(
            _("This computer has no secure system keyring, so the password cannot be saved. Ask IT to set up a "
              "~/.pgpass file (or the PGPASSWORD variable) for this account instead.")
        )
    try:
        system_keyring.set_password(KEYRING_SERVICE, account, password)
    except KeyringError as exc:
        raise StoreError(_("The system keyring could not save the password ({reason}).").format(reason=exc)) from exc


def saved_password(url: str) -> str | None:
    u = parse_url(url)
    return _lookup(u.username, u.host, u.port, u.database)


def _lookup(user, host, port, dbname) -> str | None:
    """The saved password, or None (also when the keyring cannot be read: libpq may still find one)."""
    try:
        return system_keyring.get_password(KEYRING_SERVICE, _account(user, host, port, dbname))
    except KeyringError:
        return None
    except Exception:  # a backend that cannot reach its daemon (D-Bus): no saved password then
        return None


# --- connecting ------------------------------------------------------------------------


def explain(exc: Exception, *, server: str = "", database: str = "", user: str = "") -> str:
    """A psycopg connection error in plain words."""
    text = str(exc)
    low = text.lower()
    if "password authentication failed" in low or "authentication failed" in low:
        return _("The server refused the password for user '{user}'. Check the password in Settings → Database.").format(
            user=user)
    if "no password supplied" in low:
        return _("The server asks for a password for user '{user}' and none is saved. Enter it in Settings → "
                 "Database.").format(user=user)
    if "database" in low and "does not exist" in low:
        return _("The database '{database}' does not exist on the server {server}. Ask IT to create it (an empty "
                 "database), then run 'aict init'.").format(database=database, server=server)
    if "role" in low and "does not exist" in low:
        return _("The server {server} has no user '{user}'.").format(server=server, user=user)
    if "no pg_hba.conf entry" in low:
        return _("The server {server} does not accept connections from this computer for user '{user}' "
                 "(pg_hba.conf). Ask IT to allow it.").format(server=server, user=user)
    if any(k in low for k in ("connection refused", "failed to resolve host", "could not translate host",
                              "timeout expired", "no route to host", "network is unreachable",
                              "name or service not known", "server closed the connection")):
        return _("The database server {server} cannot be reached. Check the network and the server address, "
                 "or ask IT whether the server is running.").format(server=server)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return _("The database server {server} refused the connection: {reason}").format(server=server, reason=first)


def _where(host, port) -> str:
    return f"{host}:{port}" if port else str(host)


def _connect_with_keyring(dialect, conn_rec, cargs, cparams):
    """SQLAlchemy ``do_connect``: the saved password in, plain errors out."""
    import psycopg

    host, port, dbname, user = cparams.get("host"), cparams.get("port"), cparams.get("dbname"), cparams.get("user")
    if not cparams.get("password"):
        password = _lookup(user, host, port, dbname)
        if password:
            cparams["password"] = password
    cparams.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    try:
        return dialect.connect(*cargs, **cparams)
    except psycopg.OperationalError as exc:
        raise StoreError(explain(exc, server=_where(host, port), database=dbname or "", user=user or "")) from exc


def install(engine: Engine) -> None:
    """Hook the keyring lookup and the plain connection errors into a PostgreSQL engine."""
    event.listen(engine, "do_connect", _connect_with_keyring)


def _value(conn: Any, sql: str) -> Any:
    """The first column of the one row a query such as count(*) always returns."""
    row = conn.execute(sql).fetchone()
    assert row is not None, sql
    return row[0]


def test_connection(url: str, password: str | None = None) -> str:
    """Try the server with this URL (and password, else the saved one): a plain result, or StoreError."""
    import psycopg

    u = parse_url(url)
    pw = password or u.password or _lookup(u.username, u.host, u.port, u.database)
    params: dict[str, Any] = {"host": u.host, "dbname": u.database, "connect_timeout": CONNECT_TIMEOUT_S}
    if u.port:
        params["port"] = u.port
    if u.username:
        params["user"] = u.username
    if pw:
        params["password"] = pw
    server = _where(u.host, u.port)
    try:
        with psycopg.connect(**params) as conn:
            version = conn.info.server_version
            who = _value(conn, "SELECT current_user")
            tables = _value(conn, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
            rev = None
            if _value(conn, "SELECT to_regclass('alembic_version')") is not None:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                rev = row[0] if row else None
    except psycopg.OperationalError as exc:
        raise StoreError(explain(exc, server=server, database=u.database or "", user=u.username or "")) from exc
    except psycopg.Error as exc:
        raise StoreError(_("The database server {server} answered with an error: {reason}").format(
            server=server, reason=str(exc).strip().splitlines()[0])) from exc
    pg = f"{version // 10000}.{version % 100}" if version >= 100000 else str(version)
    head = _("Connected to PostgreSQL {version} on {server} as '{user}'.").format(version=pg, server=server, user=who)
    if tables == 0:
        return head + " " + _("The database '{database}' is empty; it will be set up the first time the program "
                              "opens it.").format(database=u.database)
    if rev is None:
        raise StoreError(_("The database '{database}' on {server} belongs to another program (it has no AICT "
                           "schema); choose another database.").format(database=u.database, server=server))
    return head + " " + _("The database '{database}' holds this program's data (schema {rev}).").format(
        database=u.database, rev=rev)


UPGRADE_LOCK = 0x41494355  # PostgreSQL advisory lock id held while one PC creates or upgrades the schema


@contextlib.contextmanager
def upgrade_lock(store) -> Iterator[None]:
    """Hold a server-wide lock while the schema is created/upgraded (no-op on SQLite).

    Several PCs starting at once on a new (or newly updated) program would
    otherwise all run the same migration and all but one fail; with the lock
    the others wait, then find the schema already current.
    """
    if store.is_sqlite:
        yield
        return
    with store.engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({UPGRADE_LOCK})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({UPGRADE_LOCK})")
            conn.commit()

"""A portable archive of a whole database: the backup format of server mode.

``dump`` writes a zip holding ``manifest.json`` (format, schema revision,
row count and SHA-256 of every table) and one JSON-lines file per table,
tables in foreign-key order. ``load`` reads it into a NEW, empty database
(PostgreSQL or a new SQLite file), migrated first to the archive's schema
revision, all in one transaction, then upgrades it to this program's schema;
on PostgreSQL the id sequences are moved past the restored rows. A damaged or
foreign archive, or a target that already holds data, is refused with nothing
changed.

The database's own id (``setting.database_id``) travels with the data, so the
key of encrypted personal data in the OS keyring still fits after a restore.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import MetaData

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _

FORMAT = "aict-portable"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SKIP_TABLES = {"alembic_version"}
IDENTITY_KEYS = {"app", "database_id"}  # written by open_store into a new database
BATCH = 500


def is_archive(path: Path) -> bool:
    """True for a zip that says it is a portable archive of this program."""
    try:
        with zipfile.ZipFile(path) as zf:
            return json.loads(zf.read(MANIFEST)).get("format") == FORMAT
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False


def archive_identity(path: Path):
    """The database id kept in the portable archive at ``path`` (None if none), or backup._NOT_OURS."""
    from aict_desktop.store.backup import _NOT_OURS

    if not is_archive(path):
        return _NOT_OURS
    try:
        with zipfile.ZipFile(path) as zf:
            info = next(t for t in json.loads(zf.read(MANIFEST))["tables"] if t["name"] == "setting")
            key, value = info["columns"].index("key"), info["columns"].index("value")
            with zf.open(info["file"]) as fh:
                for line in io.TextIOWrapper(fh, encoding="utf-8"):
                    row = json.loads(line)
                    if row[key] == "database_id":
                        return row[value]
    except (OSError, KeyError, ValueError, StopIteration, zipfile.BadZipFile, IndexError, TypeError):
        return _NOT_OURS
    return None


# --- values to and from JSON ----------------------------------------------------------


def _to_json(value):
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "value") and not isinstance(value, (int, float, str, bool)):  # an enum
        return value.value
    return value


def _decoder(col_type):
    if isinstance(col_type, sa.DateTime):
        return dt.datetime.fromisoformat
    if isinstance(col_type, sa.Date):
        return dt.date.fromisoformat
    if isinstance(col_type, sa.Time):
        return dt.time.fromisoformat
    if isinstance(col_type, sa.LargeBinary):
        return lambda v: base64.b64decode(v.encode("ascii"), validate=True)
    return None


def _reflect(conn) -> list[sa.Table]:
    md = MetaData()
    md.reflect(bind=conn)
    return [t for t in md.sorted_tables if t.name not in SKIP_TABLES]


def _revision(conn) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


# --- writing -----------------------------------------------------------------------------


def dump(store, out: Path) -> Path:
    """Write the whole database to ``out`` (a zip), in one consistent snapshot. Returns where it went."""
    out = Path(out).expanduser().resolve()
    if not out.parent.exists():
        raise StoreError(_("The folder {folder} does not exist.").format(folder=out.parent))
    if store.path is not None and out == store.path:
        raise StoreError(_("The backup cannot overwrite the data file itself."))
    from aict_desktop.store.backup import refuse_foreign_target
    from aict_desktop.store.identity import get_setting

    refuse_foreign_target(out, get_setting(store, "database_id") or None, identity=archive_identity)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)  # left by an interrupted backup
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": dt.datetime.now().isoformat(timespec="seconds"),
                "source": store.display_name, "dialect": store.dialect, "tables": []}
    try:
        with store.engine.connect() as conn, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            if store.dialect == "postgresql":  # one snapshot for every table
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            manifest["revision"] = _revision(conn)
            if manifest["revision"] is None:
                raise StoreError(_("{name} holds no data of this program.").format(name=store.display_name))
            for table in _reflect(conn):
                manifest["tables"].append(_dump_table(conn, zf, table))
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(_("The backup could not be written to {path}: {reason}").format(
            path=out, reason=exc.strerror or exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _dump_table(conn, zf: zipfile.ZipFile, table: sa.Table) -> dict:
    cols = [c.name for c in table.columns]
    pk = list(table.primary_key.columns) or list(table.columns)
    digest, count = hashlib.sha256(), 0
    name = f"tables/{table.name}.jsonl"
    with zf.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as fh:
        for row in conn.execute(sa.select(table).order_by(*pk)).yield_per(BATCH):
            line = json.dumps([_to_json(v) for v in row], ensure_ascii=False) + "\n"
            fh.write(line)
            digest.update(line.encode("utf-8"))
            count += 1
    return {"name": table.name, "file": name, "columns": cols, "rows": count, "sha256": digest.hexdigest()}


# --- reading -------------------------------------------------------------------------------


def read_manifest(path: Path) -> dict:
    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError(_("There is no file at {path}.").format(path=path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise StoreError(_("{path} is not a backup of this program.").format(path=path)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(_("{path} is not a backup of this program.").format(path=path))
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION or not manifest.get("revision"):
        raise StoreError(_("{path} was written by a newer version of this program; update the program first.").format(
            path=path))
    return manifest


def load(target: str, archive: Path) -> dict:
    """Restore ``archive`` into the empty database at ``target`` (a URL or a new file path). Returns the manifest."""
    from aict_desktop.store import migrate
    from aict_desktop.store.audit import log_access
    from aict_desktop.store.engine import Store, check_sqlite_file, resolve_target

    archive = Path(archive).expanduser().resolve()
    manifest = read_manifest(archive)
    if manifest["revision"] not in migrate.known_revisions():
        raise StoreError(_("{path} was written by a newer version of this program; update the program first.").format(
            path=archive))
    _verify(archive, manifest)
    url = resolve_target(target)
    store = Store(url)
    new_file = store.path is not None and not store.path.exists()
    try:
        if store.path is not None:
            check_sqlite_file(store.path, must_exist=False)
        migrate.check_ownership(store)
        _require_empty(store)
        _migrate_to(store, manifest["revision"])
        with store.write() as s:
            conn = s.connection()
            tables = {t.name: t for t in _reflect(conn)}
            conn.execute(tables["setting"].delete().where(tables["setting"].c.key.in_(IDENTITY_KEYS)))
            with zipfile.ZipFile(archive) as zf:
                deferred = []
                for info in manifest["tables"]:
                    if info["name"] not in tables:
                        raise StoreError(_("{path} holds a table this program does not know ({table}).").format(
                            path=archive, table=info["name"]))
                    deferred += _load_table(conn, zf, tables[info["name"]], info)
                for table, pk, col, rows in deferred:  # references within one table, set once all rows exist
                    for key, value in rows:
                        conn.execute(table.update().where(table.c[pk] == key).values({col: value}))
            if store.dialect == "postgresql":
                _reset_sequences(conn, tables.values())
        store.revision = manifest["revision"]
        migrate.upgrade(store)
        with store.write() as s:
            log_access(s, "backup.restore", target=archive.name,
                       detail=_("restored from a portable archive of {source}").format(source=manifest.get("source", "")),
                       adopt_seal=True)
    except (sa.exc.SQLAlchemyError, ValueError, TypeError, KeyError) as exc:
        _discard(store, new_file)
        raise StoreError(_("{path} could not be restored: {reason}. Nothing was restored.").format(
            path=archive, reason=str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])) from exc
    except BaseException:
        _discard(store, new_file)
        raise
    store.dispose()
    return manifest


def _discard(store, new_file: bool) -> None:
    """After a failed restore: close, and remove a data file this restore created."""
    store.dispose()
    if new_file and store.path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(store.path) + suffix).unlink(missing_ok=True)


def _verify(archive: Path, manifest: dict) -> None:
    """Every table file is there, whole, with the rows the manifest counted."""
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in manifest["tables"]:
                digest, count = hashlib.sha256(), 0
                with zf.open(info["file"]) as fh:
                    for line in fh:
                        digest.update(line)
                        count += 1
                if count != info["rows"] or digest.hexdigest() != info["sha256"]:
                    raise StoreError(_("{path} is damaged (table {table}). Nothing was restored.").format(
                        path=archive, table=info["name"]))
    except (KeyError, zipfile.BadZipFile, OSError, TypeError) as exc:
        raise StoreError(_("{path} is damaged. Nothing was restored.").format(path=archive)) from exc


def _require_empty(store) -> None:
    if store.revision is None:
        return  # no tables at all
    with store.engine.connect() as conn:
        for table in _reflect(conn):
            q = sa.select(sa.func.count()).select_from(table)
            if table.name == "setting":
                q = q.where(table.c.key.not_in(IDENTITY_KEYS))
            if conn.execute(q).scalar_one():
                raise StoreError(
                    _("{name} already holds data. Restore into a new, empty database (or a new file); "
                      "nothing was changed.").format(name=store.display_name))


def _migrate_to(store, revision: str) -> None:
    from alembic import command

    from aict_desktop.store import migrate

    cfg = migrate.alembic_config(store.url)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _load_table(conn, zf: zipfile.ZipFile, table: sa.Table, info: dict) -> list:
    cols = info["columns"]
    unknown = [c for c in cols if c not in table.c]
    if unknown:
        raise StoreError(_("The backup's table {table} has columns this program does not know: {cols}.").format(
            table=table.name, cols=", ".join(unknown)))
    decoders = {i: _decoder(table.c[c].type) for i, c in enumerate(cols)}
    pk_cols = [c.name for c in table.primary_key.columns]
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == table.name]
    deferred_rows: dict[str, list] = {c: [] for c in self_refs}
    batch = []
    with zf.open(info["file"]) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            values = json.loads(line)
            row = {}
            for i, c in enumerate(cols):
                v = values[i]
                if v is not None and decoders[i] is not None:
                    v = decoders[i](v)
                row[c] = v
            for c in self_refs:
                if row[c] is not None:
                    deferred_rows[c].append((row[pk_cols[0]], row[c]))
                    row[c] = None
            batch.append(row)
            if len(batch) >= BATCH:
                conn.execute(table.insert(), batch)
                batch = []
    if batch:
        conn.execute(table.insert(), batch)
    return [(table, pk_cols[0], c, rows) for c, rows in deferred_rows.items() if rows]


def _reset_sequences(conn, tables) -> None:
    """setval each id sequence past the restored rows (the next insert must not reuse an id)."""
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        for col in table.primary_key.columns:
            seq = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": quote(table.name), "c": col.name}).scalar()
            if seq:
                c, t = quote(col.name), quote(table.name)
                conn.execute(sa.text(f"SELECT setval(CAST(:s AS regclass), COALESCE(MAX({c}), 1), "
                                     f"MAX({c}) IS NOT NULL) FROM {t}"), {"s": seq})


def display(target: str) -> str:
    """A target as shown to the user (a server URL without its password)."""
    from aict_desktop.store.engine import resolve_target

    return sa.engine.make_url(resolve_target(target)).render_as_string(hide_password=True)

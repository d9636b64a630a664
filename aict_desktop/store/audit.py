"""접속기록: the append-only, hash-chained access log.

Each entry's hash covers its own fields and the previous entry's hash, so an
edited or deleted entry breaks the chain from that point; ``aict check``
names the first broken entry. An anchor in the Setting table (entry count,
last id and last hash), updated in the same transaction as each append,
shows when entries were removed from the END of the log, where no later
entry's chain would notice.

Retention: entries are kept at least two years (개인정보의 안전성 확보조치
기준 제8조); ``prune`` refuses anything younger, archives what it removes to
a file first, and records where the chain now starts.

Where a system keyring works, each append also moves a keyed seal (``audit_mac``)
so the chain cannot be recomputed by hand; ``audit_verify`` does the checking.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import sys
from typing import Any

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog, Setting
from aict_desktop.i18n import N_, _

GENESIS = "0" * 64
ANCHOR_KEY = "audit.anchor"  # {"count", "last_id", "last_hash"[, "gap_before"]}
BASE_KEY = "audit.base"  # after pruning: {"through_id", "hash", "count", "at"}
RETENTION_YEARS = 2

# Display labels of the action codes written by the services (the code itself is stored).
ACTION_LABELS = {
    "personal.reveal_rrn": N_("Viewed resident registration number"),
    "personal.reveal_bank": N_("Viewed bank account"),
    "personal.set_rrn": N_("Entered resident registration number"),
    "personal.set_bank": N_("Entered bank account"),
    "personal.clear_rrn": N_("Deleted resident registration number"),
    "personal.clear_bank": N_("Deleted bank account"),
    "personal.export": N_("Exported personal data"),
    "personal.print": N_("Printed personal data"),
    "personal.import": N_("Imported personal data"),
    "personal.reset_key": N_("Reset the encryption key"),
    "certificate.issue": N_("Issued certificate"),
    "certificate.reprint": N_("Reprinted certificate"),
    "certificate.void": N_("Voided certificate"),
    "minutes.confirm": N_("Confirmed minutes"),
    "minutes.unconfirm": N_("Cancelled minutes confirmation"),
    "import.people": N_("Imported people"),
    "import.institutions": N_("Imported institutions"),
    "export.roster": N_("Exported the roster"),
    "export.people": N_("Exported the list of people"),
    "export.attendance_sheet": N_("Printed the attendance sheet"),
    "export.minutes": N_("Exported minutes"),
    "export.allowances": N_("Exported the allowance list"),
    "export": N_("Exported a report"),
    "log.export": N_("Exported the access log"),
    "log.prune": N_("Archived old access log entries"),
    "backup.restore": N_("Restored a backup"),
    "notice.send": N_("Sent meeting notices by e-mail"),
    "notice.eml": N_("Saved meeting notices as e-mail files"),
    "notice.sms": N_("Exported text messages of a notice"),
    "notice.per_recipient": N_("Printed notices per recipient"),
}


def action_label(code: str) -> str:
    label = ACTION_LABELS.get(code)
    return _(label) if label else code


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some services)
        return os.environ.get("USERNAME", "unknown")


def program_name() -> str:
    """Which program wrote the entry: ``aict 0.1.0``, ``aict-desktop 0.1.0``, ``aict_desktop.cli 0.1.0``."""
    from aict_desktop import __version__

    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "python"
    name = os.path.basename(argv0)
    if name == "__main__.py":  # python -m package
        parent = os.path.dirname(os.path.abspath(argv0))
        name = os.path.basename(parent)
        if os.path.basename(os.path.dirname(parent)) == "aict_desktop":
            name = "aict_desktop." + name
    name = name.removesuffix(".exe").removesuffix(".py")
    return f"{name} {__version__}"


def entry_hash(e: AccessLog, prev_hash: str) -> str:
    fields = [
        str(e.id),
        e.at.isoformat(timespec="seconds"),
        e.os_user,
        e.db_user,
        e.program,
        e.action,
        e.target,
        e.subject,
        e.detail,
        prev_hash,
    ]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def _read_json(session: Session, key: str, *, lock: bool = False) -> tuple[Setting | None, dict]:
    q = select(Setting).where(Setting.key == key)
    if lock:
        q = q.with_for_update()  # PostgreSQL: one appender at a time; SQLite: BEGIN IMMEDIATE already
    row = session.exec(q).first()
    if row is None or not row.value:
        return row, {}
    try:
        data = json.loads(row.value)
    except ValueError:
        data = {"damaged": True}
    return row, data if isinstance(data, dict) else {"damaged": True}


APPEND_LOCK = 0x41494354  # "AICT": PostgreSQL advisory lock id for appending to this log


def _lock_appends(session: Session) -> None:
    """PostgreSQL: one appender at a time until commit, even before the anchor row exists.

    (SQLite's BEGIN IMMEDIATE already serialises writers.) Without it two staff
    appending at once could both read the same last entry and fork the chain.
    """
    bind = session.get_bind()
    if bind is not None and bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK})


def log_access(
    session: Session,
    action: str,
    *,
    target: str = "",
    subject: str = "",
    detail: str = "",
    program: str | None = None,
    at: dt.datetime | None = None,
    adopt_seal: bool = False,
) -> AccessLog:
    """Append one entry in the caller's (writing) session, and move the anchor (and seal) with it.

    ``at`` defaults to now (it exists for carrying over entries recorded elsewhere).
    ``adopt_seal``: the program itself just restored this file (see ``audit_mac.sealing_key``).
    """
    return log_accesses(session, [(action, target, subject, detail)], program=program, at=at,
                        adopt_seal=adopt_seal)[0]


def log_accesses(
    session: Session,
    entries: list[tuple[str, str, str, str]],
    *,
    program: str | None = None,
    at: dt.datetime | None = None,
    adopt_seal: bool = False,
) -> list[AccessLog]:
    """Append several entries (action, target, subject, detail) at once: the anchor, the last entry and the
    seal are read and moved once, the entries inserted in one flush and chained in order — the same log
    as that many ``log_access`` calls, in a fixed number of statements plus one insert and hash per entry."""
    from aict_desktop.store import audit_mac

    if not entries:
        return []
    _lock_appends(session)
    anchor_row, anchor = _read_json(session, ANCHOR_KEY, lock=True)
    last = session.exec(select(AccessLog).order_by(col(AccessLog.id).desc()).limit(1)).first()
    base = _read_json(session, BASE_KEY)[1]
    prev = last.hash if last is not None else base.get("hash", GENESIS)
    db_user = ""
    bind = session.get_bind()
    if bind is not None and bind.dialect.name != "sqlite":
        db_user = bind.engine.url.username or ""
    who, prog = os_user(), program or program_name()
    rows = []
    for action, target, subject, detail in entries:
        entry = AccessLog(os_user=who, db_user=db_user, program=prog, action=action, target=target,
                          subject=subject, detail=detail, prev_hash=prev)
        if at is not None:
            entry.at = at.replace(microsecond=0)
        rows.append(entry)
    session.add_all(rows)
    session.flush()  # assigns the ids, which the hashes cover
    for entry in rows:
        entry.hash = entry_hash(entry, prev)
        entry.prev_hash = prev
        prev = entry.hash
    entry = rows[-1]
    assert entry.id is not None  # the flush assigned it
    new_anchor: dict[str, Any] = {"count": int(anchor.get("count", 0)) + len(rows), "last_id": entry.id,
                                  "last_hash": entry.hash}
    db_id, key = audit_mac.sealing_key(session, adopt=adopt_seal)
    if key is not None:
        new_anchor["seal"] = audit_mac.make_seal(key, db_id, base, entry.id, entry.hash)
    elif isinstance(anchor.get("seal"), dict):
        new_anchor["seal"] = anchor["seal"]  # written without the key: the seal stays where it was
    if "gap_before" in anchor:
        new_anchor["gap_before"] = anchor["gap_before"]
    elif last is not None and (anchor_row is None or anchor.get("damaged")):
        # entries exist but their anchor is gone: say so for ever, never heal it silently
        new_anchor["gap_before"] = rows[0].id
        new_anchor["count"] = _count(session)
    if anchor_row is None:
        anchor_row = Setting(key=ANCHOR_KEY)
    anchor_row.value = json.dumps(new_anchor)
    session.add(anchor_row)
    return rows


def _count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(AccessLog)).one()


def verify_chain(store) -> str | None:
    """None if the log is intact, else a message naming the first problem (see ``audit_verify``)."""
    from aict_desktop.store.audit_verify import check_log

    problems = check_log(store).problems
    return problems[0] if problems else None


# --- reading and retention ---------------------------------------------------------


def entries(store, *, search: str = "", since: dt.date | None = None, until: dt.date | None = None,
            limit: int | None = None) -> list[AccessLog]:
    """Entries newest first, optionally filtered by text (who, what, whose) and dates."""
    with store.session() as s:
        q = select(AccessLog).order_by(col(AccessLog.id).desc())
        if since is not None:
            q = q.where(AccessLog.at >= dt.datetime.combine(since, dt.time.min))
        if until is not None:
            q = q.where(AccessLog.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
        if search:
            like = f"%{search}%"
            q = q.where(
                col(AccessLog.subject).like(like) | col(AccessLog.target).like(like) | col(AccessLog.os_user).like(like)
                | col(AccessLog.action).like(like) | col(AccessLog.detail).like(like)
            )
        if limit is not None:
            q = q.limit(limit)
        return list(s.exec(q))


def retention_cutoff(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year - RETENTION_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - RETENTION_YEARS, day=28)


def prune(store, before: dt.date, archive, *, today: dt.date | None = None) -> int:
    """Move entries older than ``before`` to an archive file, then delete them.

    Refuses a date less than two years ago. The chain stays verifiable: the
    Setting table records the last removed entry's hash, where it now starts.
    """
    from aict_desktop.store.audit_export import export_entries

    if before > retention_cutoff(today):
        raise ValidationError(
            _("Access log entries are kept for at least {years} years; only entries before {date} can be archived.")
            .format(years=RETENTION_YEARS, date=retention_cutoff(today).isoformat())
        )
    from aict_desktop.store import audit_mac

    if verify_chain(store):
        raise ValidationError(_("The access log is damaged; it is not archived until the damage is examined."))
    with store.session() as s:
        if audit_mac.mac_info(s) is not None and audit_mac.file_key(s, audit_mac.database_id(s)) is None:
            raise ValidationError(_("The access log is sealed with a key that is not on this computer; archive it on "
                                    "the computer that holds the key."))
    old = []
    for e in reversed(entries(store)):  # oldest first; the archived part is always the start of the chain
        if e.at.date() >= before:
            break
        old.append(e)
    if not old:
        return 0
    export_entries(old, archive)
    with store.write() as s:
        base_row, base = _read_json(s, BASE_KEY, lock=True)
        for e in old:
            s.delete(s.get(AccessLog, e.id))
        s.flush()
        info = {"through_id": old[-1].id, "hash": old[-1].hash, "count": int(base.get("count", 0)) + len(old),
                "at": dt.datetime.now().isoformat(timespec="seconds")}
        base_row = base_row or Setting(key=BASE_KEY)
        base_row.value = json.dumps(info)
        s.add(base_row)
        anchor_row, anchor = _read_json(s, ANCHOR_KEY, lock=True)
        anchor["count"] = int(anchor.get("count", 0)) - len(old)
        assert anchor_row is not None  # a log with entries to archive has its anchor
        anchor_row.value = json.dumps(anchor)
        s.add(anchor_row)
        s.flush()
        # the subject names the archived entries: 'aict check' accepts a base only with this entry
        log_access(s, "log.prune", target=str(archive), subject=f"#{old[0].id}-#{old[-1].id}",
                   detail=_("{n} entries up to {date} archived").format(n=len(old), date=before.isoformat()))
    return len(old)

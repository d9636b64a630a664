"""접속기록: the append-only, hash-chained access log.

Each entry's hash covers its own fields and the previous entry's hash, so an
edited or deleted entry breaks the chain from that point; ``aict check``
names the first broken entry.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys

from sqlmodel import Session, select

from aict_desktop.domain.models import AccessLog
from aict_desktop.i18n import _

GENESIS = "0" * 64


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some services)
        return os.environ.get("USERNAME", "unknown")


def program_name() -> str:
    return os.path.basename(sys.argv[0]) or "python"


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


def log_access(
    session: Session,
    action: str,
    *,
    target: str = "",
    subject: str = "",
    detail: str = "",
    program: str | None = None,
) -> AccessLog:
    """Append one entry in the caller's (writing) session."""
    last = session.exec(select(AccessLog).order_by(AccessLog.id.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    db_user = ""
    bind = session.get_bind()
    if bind is not None and bind.dialect.name != "sqlite":
        db_user = bind.url.username or ""
    entry = AccessLog(
        os_user=os_user(),
        db_user=db_user,
        program=program or program_name(),
        action=action,
        target=target,
        subject=subject,
        detail=detail,
        prev_hash=prev,
    )
    session.add(entry)
    session.flush()  # assigns the id, which the hash covers
    entry.hash = entry_hash(entry, prev)
    session.add(entry)
    return entry


def verify_chain(store) -> str | None:
    """None if the chain is intact, else a message naming the first broken entry."""
    prev = GENESIS
    with store.session() as s:
        for e in s.exec(select(AccessLog).order_by(AccessLog.id)):
            if e.prev_hash != prev or entry_hash(e, prev) != e.hash:
                return _(
                    "Access log entry {id} ({at}, {action}) has been altered or an entry before it was removed."
                ).format(id=e.id, at=e.at.isoformat(sep=" ", timespec="seconds"), action=e.action)
            prev = e.hash
    return None

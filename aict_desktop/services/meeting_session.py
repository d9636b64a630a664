"""Meeting mode's session: which meeting is running, and where it was.

A meeting taken in meeting mode is 진행중 from the moment it opens until it is
closed. If the program or the PC dies meanwhile, the status is still 진행중 on
the next start, so the program offers to reopen that meeting — on the agenda
item that was open (kept in the Setting table, written on every move).

A meeting is held in meeting mode by one window at a time: the
window takes a lease (``MeetingLease``: user, host, process, heartbeat) and
refreshes it while open. Another PC or process opening the meeting sees who holds
it and opens read-only or takes the lease over; the first window notices it lost
the lease at its next heartbeat. A lease not refreshed for ``LEASE_STALE`` (or held
by a process of this PC that no longer runs) is free. A held (개최) or cancelled
meeting is never put back to 진행중 by opening it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import socket
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from aict_desktop.domain.enums import MeetingStatus, MinutesStatus
from aict_desktop.domain.errors import ConflictError, NotFound, ValidationError
from aict_desktop.domain.models import AgendaItem, Meeting, MeetingLease, Setting
from aict_desktop.i18n import _, fmt_date

_ITEM_KEY = "meeting_mode.current_item.{id}"
LEASE_STALE = dt.timedelta(minutes=3)  # a window refreshes its lease every HEARTBEAT (30 s)
HEARTBEAT = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class LeaseHolder:
    """Who has meeting mode open on a meeting."""

    holder: str
    host: str
    pid: int
    heartbeat_at: dt.datetime

    def describe(self) -> str:
        when = f"{fmt_date(self.heartbeat_at.date())} {self.heartbeat_at:%H:%M:%S}"
        return _("{user} on {host} (process {pid}, last seen {when})").format(
            user=self.holder or "?", host=self.host or "?", pid=self.pid, when=when)


class MeetingOpenElsewhere(ConflictError):
    """Meeting mode is open on this meeting in another window, process or PC."""

    def __init__(self, holder: LeaseHolder):
        super().__init__(_("Meeting mode is already open on this meeting: {holder}.").format(holder=holder.describe()))
        self.holder = holder


def this_host() -> str:
    return socket.gethostname()[:255]


def _pid_alive(pid: int) -> bool:
    """Is process ``pid`` of this PC still running? (A dead holder's lease is free at once.)"""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lease_is_live(lease: MeetingLease, now: dt.datetime) -> bool:
    if now - lease.heartbeat_at > LEASE_STALE:
        return False
    if lease.host == this_host() and lease.pid != os.getpid():
        return _pid_alive(lease.pid)
    return True


def is_held(meeting: Meeting) -> bool:
    """Held (개최) or with confirmed minutes: meeting mode shows it read-only and leaves its status."""
    return meeting.status is MeetingStatus.HELD or meeting.minutes_status is MinutesStatus.CONFIRMED


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class MeetingSessionService:
    def __init__(self, store):
        self.store = store

    def get(self, meeting_id: int) -> Meeting:
        with self.store.session() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            return m

    def start(self, meeting_id: int) -> Meeting:
        """Open meeting mode: the meeting becomes 진행중 (its first opening time is kept).

        A held meeting (개최, or minutes confirmed) is left as it is: meeting mode shows it read-only.
        """
        with self.store.write() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            if m.status is MeetingStatus.CANCELLED:
                raise ValidationError(_("This meeting was cancelled; it cannot be held."))
            if is_held(m):
                return m
            m.status = MeetingStatus.IN_PROGRESS
            if m.opened_at is None:
                m.opened_at = _now()
            m.closed_at = None
            s.add(m)
            s.flush()
            return m

    def finish(self, meeting_id: int) -> Meeting:
        """Close the meeting (개최): meeting mode will not offer to reopen it."""
        with self.store.write() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            m.status = MeetingStatus.HELD
            m.closed_at = _now()
            s.add(m)
            s.flush()
            return m

    def in_progress(self) -> list[Meeting]:
        """Meetings left 진행중 (normally none; one after a crash mid-meeting)."""
        with self.store.session() as s:
            return list(s.exec(select(Meeting).where(Meeting.status == MeetingStatus.IN_PROGRESS)
                               .order_by(col(Meeting.opened_at).desc(), col(Meeting.id).desc())))

    def elapsed(self, meeting: Meeting, now: dt.datetime | None = None) -> dt.timedelta:
        """Time since the meeting was opened (to its close when closed)."""
        if meeting.opened_at is None:
            return dt.timedelta(0)
        end = meeting.closed_at or now or dt.datetime.now()
        return max(dt.timedelta(0), end - meeting.opened_at)

    def set_current_item(self, meeting_id: int, item_id: int | None) -> None:
        key = _ITEM_KEY.format(id=meeting_id)
        with self.store.write() as s:
            row = s.get(Setting, key) or Setting(key=key)
            row.value = "" if item_id is None else str(int(item_id))
            s.add(row)

    def current_item(self, meeting_id: int) -> int | None:
        """The agenda item meeting mode had open, if it still exists."""
        with self.store.session() as s:
            row = s.get(Setting, _ITEM_KEY.format(id=meeting_id))
            if row is None or not row.value.isdigit():
                return None
            item = s.get(AgendaItem, int(row.value))
            return item.id if item is not None and item.meeting_id == meeting_id else None

    # --- the lease: one meeting-mode window per meeting -----------------------------

    @staticmethod
    def new_token() -> str:
        return uuid.uuid4().hex

    def _db_now(self, s) -> dt.datetime:
        """The database's clock (one clock for every PC on a server), as a naive local time."""
        if s.get_bind().dialect.name == "postgresql":
            from sqlalchemy import text

            return s.execute(text("SELECT LOCALTIMESTAMP(0)")).scalar_one()
        return _now()

    def holder(self, meeting_id: int, token: str | None = None) -> LeaseHolder | None:
        """Who else has meeting mode open on the meeting now (None: nobody, or only ``token``)."""
        with self.store.session() as s:
            lease = s.get(MeetingLease, meeting_id)
            if lease is None or lease.token == token or not lease_is_live(lease, self._db_now(s)):
                return None
            return LeaseHolder(lease.holder, lease.host, lease.pid, lease.heartbeat_at)

    def acquire(self, meeting_id: int, token: str, *, take_over: bool = False) -> None:
        """Hold the meeting for the window ``token``; ``MeetingOpenElsewhere`` if someone else holds it."""
        from aict_desktop.store.audit import os_user

        for _attempt in range(3):
            try:
                with self.store.write() as s:
                    m = s.get(Meeting, meeting_id)
                    if m is None:
                        raise NotFound(_("The meeting no longer exists."))
                    now = self._db_now(s)
                    lease = s.get(MeetingLease, meeting_id, with_for_update=True)
                    if lease is not None and lease.token != token and lease_is_live(lease, now):
                        if not take_over:
                            raise MeetingOpenElsewhere(LeaseHolder(lease.holder, lease.host, lease.pid,
                                                                   lease.heartbeat_at))
                    if lease is None:
                        lease = MeetingLease(meeting_id=meeting_id, token=token, started_at=now)
                    lease.token, lease.holder, lease.host, lease.pid = token, os_user()[:100], this_host(), os.getpid()
                    lease.heartbeat_at = now
                    s.add(lease)
                return
            except IntegrityError:  # another PC inserted the lease at the same moment: look again
                continue
        raise MeetingOpenElsewhere(self.holder(meeting_id, token) or LeaseHolder("?", "?", 0, _now()))

    def heartbeat(self, meeting_id: int, token: str) -> bool:
        """Refresh the lease; False when it was taken over (the window must stop editing)."""
        with self.store.write() as s:
            result = s.execute(update(MeetingLease).where(col(MeetingLease.meeting_id) == meeting_id,
                                                          col(MeetingLease.token) == token)
                               .values(heartbeat_at=self._db_now(s)))
            return result.rowcount == 1

    def still_held(self, meeting_id: int, token: str) -> bool:
        with self.store.session() as s:
            lease = s.get(MeetingLease, meeting_id)
            return lease is not None and lease.token == token

    def release(self, meeting_id: int, token: str) -> None:
        with self.store.write() as s:
            s.execute(delete(MeetingLease).where(col(MeetingLease.meeting_id) == meeting_id,
                                      col(MeetingLease.token) == token))

"""The dashboard's first paint: its figures read from the SQLite data file with the standard library.

Importing the data layer (SQLModel, the table classes, the schema check) takes most of a second; the
standard library's ``sqlite3`` reads what the dashboard shows in milliseconds. ``read_dashboard(target)``
reads it once and returns a ``Snapshot`` that answers the few service calls the dashboard makes
(``snapshot.meetings.list(upcoming_only=True)``, ...) from those rows, with the same rules the services
call (``domain.terms``, ``domain.rules``): the page fills itself from the snapshot exactly as it does from
the services, which replace it in place once the data file is open.

``None`` — the dashboard waits for the services, as before — whenever the snapshot could differ from what
they will show: a server (PostgreSQL) URL, a missing file, a file that is not plain SQLite (encrypted or
unknown), a file another connection has open or left unfinished (``-wal``, ``-shm`` or ``-journal``
beside it), a locked file, a schema revision other than ``SCHEMA_REVISION``, or any error.

It never writes: the file is opened through a read-only URI (``mode=ro``). A WAL-mode file is read as
``immutable=1`` (only when no connection has it open, see above), since a read-only WAL reader would
otherwise create ``-wal`` and ``-shm`` files beside it. Nothing is kept: the rows live in this process's
memory until the services replace them (no cache on disk, personal or not).

Only the standard library, the domain and ``services.rows`` are imported here (no data layer).
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import logging
import sqlite3
from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from aict_desktop.domain.enums import AppointmentStatus, BodyKind, MeetingStatus, Sector, TaskStatus
from aict_desktop.domain.rules.membership import serves_on, takes_part_on
from aict_desktop.domain.rules.tasks import group_progress, is_overdue
from aict_desktop.domain.terms import days_left, expires_within, term_status
from aict_desktop.i18n import _
from aict_desktop.services.rows import AppointmentRow, BodyRow, InstitutionRow, MeetingRow, PersonRow, TaskRow

log = logging.getLogger(__name__)

# The migration revision whose tables and columns the queries below know (store.migrate.HEAD_REVISION:
# tests/unit/test_first_paint.py fails when a new revision is added, so this module is looked at again).
SCHEMA_REVISION = "0006"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_MS = 100  # a file locked longer than this is left to the services
SIDE_FILES = ("-wal", "-shm", "-journal")


def read_dashboard(target: str, today: dt.date | None = None) -> Snapshot | None:
    """The dashboard's rows read from ``target``, or ``None`` when the services must be waited for."""
    try:
        return _read(target, today or dt.date.today())
    except Exception as err:  # noqa: BLE001 — any doubt: the normal path shows the data (and any error)
        log.info("first paint skipped: %s", err)
        return None


def _read(target: str, today: dt.date) -> Snapshot | None:
    if "://" in target:  # a server (PostgreSQL): only through the services
        return None
    path = Path(target).expanduser()
    if not path.is_file():
        return None  # opening creates it: the services' work
    path = path.resolve()
    with open(path, "rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None  # encrypted, damaged or not a database
    if any(path.with_name(path.name + s).exists() for s in SIDE_FILES):
        return None  # open elsewhere, or a crash left work the services' open will finish first
    wal = header[18] == 2 or header[19] == 2  # file format versions: 2 = WAL
    uri = path.as_uri() + ("?mode=ro&immutable=1" if wal else "?mode=ro")
    con = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, check_same_thread=False)
    try:
        revisions = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
        if revisions != [SCHEMA_REVISION]:
            return None  # the services upgrade it (or refuse it) first
        return Snapshot(_Rows(con), today)
    finally:
        con.close()


@functools.lru_cache(maxsize=4096)  # the members of a body share their dates: each parsed once
def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


# one appointment with its person's, body's and institution's names (the columns services.appointments reads)
_Appointment = namedtuple("_Appointment", "id person_id body_id role kind term_start term_end ended_on end_reason "
                                          "position_title partial_term previous_id person position body institution")
_Membership = namedtuple("_Membership", "institution_id body_id joined_on left_on")


class _Rows:
    """Every row the dashboard's figures come from, read in one go (the columns the services read)."""

    def __init__(self, con: sqlite3.Connection):
        q = con.execute
        self.bodies = [SimpleNamespace(id=i, name=n, kind=BodyKind(k), parent_id=p, issuer=iss,
                                       default_term_months=m, sort_order=o)
                       for i, n, k, p, iss, m, o in q("SELECT id, name, kind, parent_id, issuer, default_term_months,"
                                                      " sort_order FROM body")]
        self.institutions = [(i, n, Sector(s)) for i, n, s in q("SELECT id, name, sector FROM institution")]
        self.memberships = [_Membership(i, b, _date(joined), _date(left)) for i, b, joined, left in
                            q("SELECT institution_id, body_id, joined_on, left_on FROM institutionmembership")]
        self.appointments = [
            _Appointment(i, pid, bid, role, kind, _date(ts), _date(te), _date(eo), er, pt, bool(partial), prev,
                         pname, pposition, bname, iname)
            for i, pid, bid, role, kind, ts, te, eo, er, pt, partial, prev, pname, pposition, bname, iname in q(
                "SELECT a.id, a.person_id, a.body_id, a.role, a.kind, a.term_start, a.term_end, a.ended_on,"
                " a.end_reason, a.position_title, a.partial_term, a.previous_id, p.name, p.position, b.name, i.name"
                " FROM appointment a JOIN person p ON a.person_id = p.id JOIN body b ON a.body_id = b.id"
                " LEFT OUTER JOIN institution i ON p.institution_id = i.id"
                " ORDER BY b.id, a.term_start, p.name")  # the order of services.appointments.list
        ]
        self.meetings = [
            (SimpleNamespace(id=i, body_id=bid, number=num, title=title, starts_at=dt.datetime.fromisoformat(at),
                             status=MeetingStatus(st), kind=kind, place=place, minutes_status=ms), bname)
            for i, bid, num, title, at, st, kind, place, ms, bname in q(
                "SELECT m.id, m.body_id, m.number, m.title, m.starts_at, m.status, m.kind, m.place,"
                " m.minutes_status, b.name FROM meeting m JOIN body b ON m.body_id = b.id"
                " ORDER BY m.starts_at, m.id")
        ]
        self.tasks = [
            SimpleNamespace(id=i, title=t, body_id=bid, owner_person_id=op, owner_institution_id=oi, due_on=_date(d),
                            status=TaskStatus(st), progress=pr, priority=prio, origin_meeting_id=om)
            for i, t, bid, op, oi, d, st, pr, prio, om in q(
                "SELECT id, title, body_id, owner_person_id, owner_institution_id, due_on, status, progress,"
                " priority, origin_meeting_id FROM task ORDER BY due_on, id")
        ]
        self.owners = dict(q("SELECT id, name FROM person WHERE id IN"
                             " (SELECT owner_person_id FROM task WHERE owner_person_id IS NOT NULL)"))
        # the people only when no one is appointed: the dashboard's 처음 할 일 counts them only then (an
        # appointment names a person, domain.rules.first_steps), and a file with appointments reads no more
        self.people = None if self.appointments else [
            PersonRow(id=i, name=n, institution=iname, position=pos or "", institution_id=iid)
            for i, n, iname, pos, iid in q(
                "SELECT p.id, p.name, i.name, p.position, p.institution_id FROM person p"
                " LEFT OUTER JOIN institution i ON p.institution_id = i.id ORDER BY p.name, p.id")]


@dataclass
class GroupLine:
    """The part of ``services.working_groups.GroupSummary`` the dashboard's progress bars show."""

    id: int
    name: str
    tasks_total: int
    tasks_done: int
    tasks_overdue: int
    progress: int


class Snapshot:
    """Answers the dashboard's service calls (and only those) from the rows read at start."""

    def __init__(self, rows: _Rows, today: dt.date):
        self.today = today
        self.bodies = _Bodies(rows, today)
        self.roster = _Roster(rows, today)
        self.appointments = _Appointments(rows, today)
        self.meetings = _Meetings(rows, today)
        self.tasks = _Tasks(rows, today)
        self.groups = _Groups(rows, today)


class _Area:
    def __init__(self, rows: _Rows, today: dt.date):
        self.rows = rows
        self._today = today

    def today(self) -> dt.date:
        return self._today


class _Bodies(_Area):
    def list_bodies(self) -> list[BodyRow]:
        """As ``BodyService.list_bodies`` (its ``rules`` left empty: the dashboard does not show them)."""
        by_id = {b.id: b for b in self.rows.bodies}
        members: Counter[int] = Counter(a.body_id for a in self.rows.appointments if serves_on(a, self._today))

        def order_key(b):
            chain, node = [], b
            while node is not None:
                chain.append((node.sort_order, node.id))
                node = by_id.get(node.parent_id) if node.parent_id else None
            return list(reversed(chain))

        return [BodyRow(id=b.id, name=b.name, kind=b.kind.value,
                        parent=by_id[b.parent_id].name if b.parent_id in by_id else None, issuer=b.issuer,
                        parent_id=b.parent_id, default_term_months=b.default_term_months, members=members[b.id])
                for b in sorted(self.rows.bodies, key=order_key)]


class _Roster(_Area):
    def list_institutions(self, *, body_id: int | None = None) -> list[InstitutionRow]:
        """As ``RosterService.list_institutions`` (current members of ``body_id``; no people or body counts)."""
        insts = self.rows.institutions
        if body_id is not None:
            ids = {m.institution_id for m in self.rows.memberships
                   if m.body_id == body_id and takes_part_on(m, self._today)}
            insts = [r for r in insts if r[0] in ids]
        return [InstitutionRow(id=i, name=n, sector=s.value, sector_group=s.group.value)
                for i, n, s in sorted(insts, key=lambda r: r[1])]

    def list_people(self) -> list[PersonRow]:
        """As ``RosterService.list_people()`` (no filter; names, institutions and positions only), read only when
        there is no appointment (see ``_Rows``): asked otherwise, it fails and the services paint the page."""
        if self.rows.people is None:
            raise LookupError("the quick read has no people: there are appointments")
        return list(self.rows.people)


class _Appointments(_Area):
    def list(self, *, current_only: bool = False, expiring_within: int | None = None) -> list[AppointmentRow]:
        """As ``AppointmentService.list`` with these two filters."""
        today, out = self._today, []
        for a in self.rows.appointments:
            st = term_status(a.term_end, a.end_reason, today, a.ended_on)
            if current_only and not serves_on(a, today):
                continue
            if expiring_within is not None and not (
                st is AppointmentStatus.SERVING and expires_within(a.term_end, today, expiring_within)
            ):
                continue
            out.append(AppointmentRow(
                id=a.id, person=a.person, institution=a.institution, body=a.body, role=a.role, kind=a.kind,
                term_start=a.term_start, term_end=a.term_end, status=st.value, person_id=a.person_id,
                body_id=a.body_id, position=a.position_title or a.position, partial_term=a.partial_term,
                previous_id=a.previous_id, days_left=days_left(a.term_end, today)))
        return out


class _Meetings(_Area):
    def list(self, *, upcoming_only: bool = False) -> list[MeetingRow]:
        """As ``MeetingService.list``: from today on and not cancelled when ``upcoming_only``."""
        start = dt.datetime.combine(self._today, dt.time())
        return [MeetingRow(id=m.id, body=bname, number=m.number, title=m.title, date=m.starts_at.date(),
                           status=m.status.value, body_id=m.body_id, kind=m.kind,
                           time=f"{m.starts_at.hour:02d}:{m.starts_at.minute:02d}", place=m.place,
                           minutes_status=m.minutes_status)
                for m, bname in self.rows.meetings
                if not upcoming_only or (m.starts_at >= start and m.status is not MeetingStatus.CANCELLED)]


class _Tasks(_Area):
    def list(self, *, overdue_only: bool = False) -> list[TaskRow]:
        """As ``TaskService.list`` with ``overdue_only``."""
        bodies = {b.id: b.name for b in self.rows.bodies}
        insts = {i: n for i, n, _s in self.rows.institutions}
        out = []
        for t in self.rows.tasks:
            overdue = is_overdue(t.status, t.due_on, self._today)
            if overdue_only and not overdue:
                continue
            out.append(TaskRow(
                id=t.id, title=t.title, body=bodies.get(t.body_id), owner=self.rows.owners.get(t.owner_person_id)
                or insts.get(t.owner_institution_id), due=t.due_on, status=t.status.value, progress=t.progress,
                body_id=t.body_id, priority=t.priority, overdue=overdue, origin_meeting_id=t.origin_meeting_id))
        return out

    def overdue_by_owner(self) -> dict[str, builtins.list[TaskRow]]:  # builtins: ``list`` is the method above
        """As ``TaskService.overdue_by_owner``: by owner name, most first; unowned under "(no owner)"."""
        groups: dict[str, builtins.list[TaskRow]] = defaultdict(builtins.list)
        for row in self.list(overdue_only=True):
            groups[row.owner or _("(no owner)")].append(row)
        return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


class _Groups(_Area):
    def summaries(self) -> list[GroupLine]:
        """As ``WorkingGroupService.summaries()``: every body with a parent, 분과 first, with its tasks' figures."""
        groups = sorted((b for b in self.rows.bodies if b.parent_id is not None),
                        key=lambda b: (b.parent_id, b.sort_order, b.id))
        groups.sort(key=lambda b: (b.parent_id, b.kind is not BodyKind.WORKING_GROUP))
        out = []
        for b in groups:
            tasks = [t for t in self.rows.tasks if t.body_id == b.id]
            out.append(GroupLine(
                id=b.id, name=b.name, tasks_total=len(tasks),
                tasks_done=sum(1 for t in tasks if t.status is TaskStatus.DONE),
                tasks_overdue=sum(1 for t in tasks if is_overdue(t.status, t.due_on, self._today)),
                progress=group_progress(tasks)))
        return out

"""Preparing a meeting: the proposal (next 제N차, invitees) and open items carried forward.

Open action items — tasks created at earlier meetings of the same body that
are not done — are offered for the new agenda as one 보고 item, linked through
``AgendaTask`` so the minutes show what was reported on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AgendaKind, MeetingKind, TaskStatus
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AgendaItem, AgendaTask, Attendance, Institution, Meeting, Person, Task
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.meetings import meeting_title
from aict_desktop.services.lookup import require_body

if TYPE_CHECKING:
    from aict_desktop.services.meetings import MeetingService
    from aict_desktop.store.engine import Store

NOT_DONE = (TaskStatus.PLANNED, TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD)


@dataclass
class InviteeRow:
    appointment_id: int
    person_id: int
    name: str
    institution: str
    role: str
    kind: str


@dataclass
class OpenItemRow:
    task_id: int
    title: str
    owner: str
    due: dt.date | None
    status: str
    meeting: str  # where it was decided, e.g. "제2차"
    overdue: bool = False


@dataclass
class MeetingProposal:
    body_id: int
    body_name: str
    number: int
    kind: str
    title: str
    invitees: list[InviteeRow] = field(default_factory=list)
    open_items: list[OpenItemRow] = field(default_factory=list)


class MeetingPrepService:
    def __init__(self, store: Store, meetings: MeetingService) -> None:
        self.store = store
        self.meetings = meetings

    def propose(self, body_id: int, on: dt.date | None = None,
                kind: MeetingKind = MeetingKind.REGULAR) -> MeetingProposal:
        on = on or dt.date.today()
        with self.store.session() as s:
            body = require_body(s, body_id)
            n = self.meetings.next_number(body_id, s)
            return MeetingProposal(
                body_id=body_id, body_name=body.name, number=n, kind=kind.value,
                title=meeting_title(body.name, n, kind),
                invitees=self._invitees(s, body_id, on), open_items=self._open_items(s, body_id, None, on),
            )

    def invitees(self, body_id: int, on: dt.date) -> list[InviteeRow]:
        """The body's current appointees on that day (the default invitation list)."""
        with self.store.session() as s:
            return self._invitees(s, body_id, on)

    def _invitees(self, s: Session, body_id: int, on: dt.date) -> list[InviteeRow]:
        rows = []
        for a in self.meetings.current_appointments(body_id, on, s):
            p = s.get(Person, a.person_id)
            assert p is not None and p.id is not None and a.id is not None  # a stored appointment and its person
            inst = s.get(Institution, p.institution_id) if p.institution_id else None
            rows.append(InviteeRow(appointment_id=a.id, person_id=p.id, name=p.name,
                                   institution=inst.name if inst else "", role=a.role.value, kind=a.kind.value))
        return rows

    def open_items(self, body_id: int, meeting_id: int | None = None, today: dt.date | None = None) -> list[OpenItemRow]:
        """Not-done tasks from meetings of this body held before ``meeting_id`` (all earlier ones if None)."""
        with self.store.session() as s:
            return self._open_items(s, body_id, meeting_id, today or dt.date.today())

    def _open_items(self, s: Session, body_id: int, meeting_id: int | None, today: dt.date) -> list[OpenItemRow]:
        meetings = {m.id: m for m in s.exec(select(Meeting).where(Meeting.body_id == body_id))}
        current = meetings.get(meeting_id) if meeting_id else None
        earlier = {mid for mid, m in meetings.items()
                   if current is None or (mid != current.id and (m.starts_at, m.id) < (current.starts_at, current.id))}
        if not earlier:
            return []
        rows = []
        q = select(Task).where(col(Task.origin_meeting_id).in_(earlier), col(Task.status).in_(NOT_DONE))
        for t in s.exec(q.order_by(col(Task.due_on), col(Task.id))):
            owner = s.get(Person, t.owner_person_id) if t.owner_person_id else None
            inst = s.get(Institution, t.owner_institution_id) if t.owner_institution_id else None
            origin = meetings[t.origin_meeting_id]
            assert t.id is not None
            rows.append(OpenItemRow(
                task_id=t.id, title=t.title, owner=owner.name if owner else inst.name if inst else "",
                due=t.due_on, status=t.status.value, meeting=f"제{origin.number}차",
                overdue=t.due_on is not None and t.due_on < today and t.status is not TaskStatus.ON_HOLD,
            ))
        return rows

    def carried_task_ids(self, meeting_id: int) -> set[int]:
        with self.store.session() as s:
            q = select(AgendaTask.task_id).join(AgendaItem, col(AgendaItem.id) == AgendaTask.agenda_item_id).where(
                AgendaItem.meeting_id == meeting_id)
            return set(s.exec(q))

    def carry_forward(self, meeting_id: int, task_ids: list[int]) -> AgendaItem | None:
        """Put open items on the agenda as one 보고 item (reused if the meeting has one already)."""
        with self.store.write() as s:
            return self._carry(s, meeting_id, task_ids)

    def _carry(self, s: Session, meeting_id: int, task_ids: list[int]) -> AgendaItem | None:
        m = self.meetings._get(s, meeting_id)
        self.meetings._require_draft(m)
        if not task_ids:
            return None
        allowed = {r.task_id for r in self._open_items(s, m.body_id, meeting_id, dt.date.today())}
        bad = [t for t in task_ids if t not in allowed]
        if bad:
            raise ValidationError(_("Only open action items from earlier meetings of this body can be carried forward."))
        links = s.exec(select(AgendaTask, AgendaItem).join(AgendaItem, col(AgendaItem.id) == AgendaTask.agenda_item_id)
                       .where(AgendaItem.meeting_id == meeting_id)).all()
        already = {link.task_id for link, _item in links}
        item = links[0][1] if links else None
        if item is None:
            item = self.meetings.add_item(meeting_id, _("Progress report on action items from earlier meetings"),
                                          kind=AgendaKind.REPORT, presenter=_("Secretary"), session=s)
        assert item.id is not None
        for tid in task_ids:
            if tid not in already:
                s.add(AgendaTask(agenda_item_id=item.id, task_id=tid))
                already.add(tid)
        s.flush()
        item.description = self._describe(s, sorted(already))
        s.add(item)
        return item

    def _describe(self, s: Session, task_ids: list[int]) -> str:
        lines = []
        for t in s.exec(select(Task).where(col(Task.id).in_(task_ids)).order_by(col(Task.due_on), col(Task.id))):
            owner = s.get(Person, t.owner_person_id) if t.owner_person_id else None
            bits = [b for b in (owner.name if owner else "", fmt_date(t.due_on) if t.due_on else "", t.status.value) if b]
            lines.append(f"· {t.title} ({', '.join(bits)})")
        return "\n".join(lines)

    def prepare(self, body_id: int, *, starts_at: dt.datetime, kind: MeetingKind | str = MeetingKind.REGULAR,
                number: int | None = None, place: str = "", ends_at: dt.datetime | None = None,
                appointment_ids: list[int] | None = None, agenda: Sequence[tuple[str, str, str]] = (),
                carry_task_ids: Sequence[int] = ()) -> Meeting:
        """Create a meeting in one transaction: invitees (default: current appointees),
        agenda ``(kind, title, presenter)`` and carried-forward open items."""
        with self.store.write() as s:
            m = self.meetings.create(body_id, starts_at=starts_at, kind=kind, number=number, place=place,
                                     ends_at=ends_at, invite_members=appointment_ids is None, session=s)
            assert m.id is not None  # create() flushed it
            if appointment_ids is not None:
                current = {a.id: a for a in self.meetings.current_appointments(body_id, starts_at.date(), s)}
                for aid in appointment_ids:
                    if aid not in current:
                        raise ValidationError(_("An invitee is not a current member of the body."))
                    s.add(Attendance(meeting_id=m.id, person_id=current[aid].person_id, appointment_id=aid))
            s.flush()
            if carry_task_ids:
                self._carry(s, m.id, list(carry_task_ids))
            for kind_, title, presenter in agenda:
                self.meetings.add_item(m.id, title, kind=kind_, presenter=presenter, session=s)
            s.flush()
            return m

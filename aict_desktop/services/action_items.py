"""Action items (조치사항) taken during a meeting: tasks linked to their origin.

An action item is a ``Task`` made through ``TaskService.create`` with
``origin_meeting_id``, ``origin_agenda_item_id`` and — when the item was
decided — ``origin_decision_id``, so the task list can show where each one
came from and the next meeting can carry open ones forward.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import col, select

from aict_desktop.domain.enums import TaskStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AgendaItem, Attendance, Decision, Institution, Meeting, Person, Task
from aict_desktop.i18n import _

if TYPE_CHECKING:
    from aict_desktop.services.meetings import MeetingService
    from aict_desktop.services.tasks import TaskService
    from aict_desktop.store.engine import Store


@dataclass
class ActionItemRow:
    id: int
    title: str
    owner: str
    due: dt.date | None
    status: str
    agenda_item_id: int | None
    agenda_title: str
    decision_id: int | None
    owner_person_id: int | None = None


class ActionItemService:
    def __init__(self, store: Store, meetings: MeetingService, tasks: TaskService) -> None:
        self.store = store
        self.meetings = meetings
        self.tasks = tasks

    def add(self, meeting_id: int, title: str, *, agenda_item_id: int | None = None,
            owner_person_id: int | None = None, owner_institution_id: int | None = None,
            due_on: dt.date | None = None, description: str = "") -> Task:
        """Create the task from the meeting (and the agenda item being discussed)."""
        with self.store.write() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(_("The meeting no longer exists."))
            self.meetings._require_draft(m)
            decision_id = None
            if agenda_item_id is not None:
                item = s.get(AgendaItem, agenda_item_id)
                if item is None or item.meeting_id != meeting_id:
                    raise ValidationError(_("The agenda item is not part of this meeting."))
                d = s.exec(select(Decision).where(Decision.agenda_item_id == agenda_item_id)).first()
                decision_id = d.id if d else None
            if due_on is not None and due_on < m.starts_at.date():
                raise ValidationError(_("The due date is before the meeting."))
            return self.tasks.create(
                session=s, title=title, description=description, body_id=m.body_id,
                owner_person_id=owner_person_id, owner_institution_id=owner_institution_id, due_on=due_on,
                origin_meeting_id=meeting_id, origin_agenda_item_id=agenda_item_id, origin_decision_id=decision_id,
            )

    def remove(self, task_id: int) -> None:
        """Take back an action item added by mistake (only while the minutes are a draft)."""
        with self.store.session() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise NotFound(_("The task no longer exists."))
            m = s.get(Meeting, task.origin_meeting_id) if task.origin_meeting_id else None
        if m is None:
            raise ValidationError(_("This task was not created at a meeting."))
        self.meetings._require_draft(m)
        if task.status is not TaskStatus.PLANNED or task.progress:
            raise ValidationError(_("Work on this task has started; change its status in the task list instead."))
        self.tasks.delete(task_id)

    def for_meeting(self, meeting_id: int) -> list[ActionItemRow]:
        with self.store.session() as s:
            items = {it.id: it for it in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id))}
            rows = []
            for t in s.exec(select(Task).where(col(Task.origin_meeting_id) == meeting_id).order_by(col(Task.id))):
                assert t.id is not None
                rows.append(ActionItemRow(
                    id=t.id, title=t.title, owner=owner_name(s, t), due=t.due_on, status=t.status.value,
                    agenda_item_id=t.origin_agenda_item_id,
                    agenda_title=items[t.origin_agenda_item_id].title if t.origin_agenda_item_id in items else "",
                    decision_id=t.origin_decision_id, owner_person_id=t.owner_person_id,
                ))
            return rows

    def owner_choices(self, meeting_id: int) -> list[tuple[int, str]]:
        """People who can own an action item: the meeting's members (person id, "name (institution)")."""
        with self.store.session() as s:
            out, seen = [], set()
            for att in s.exec(select(Attendance).where(col(Attendance.meeting_id) == meeting_id).order_by(col(Attendance.id))):
                if not att.person_id or att.person_id in seen:
                    continue
                p = s.get(Person, att.person_id)
                assert p is not None  # an attendance's person (foreign key)
                inst = s.get(Institution, p.institution_id) if p and p.institution_id else None
                seen.add(att.person_id)
                out.append((att.person_id, f"{p.name} ({inst.name})" if inst else p.name))
            return sorted(out, key=lambda pn: pn[1])


def owner_name(s, t: Task) -> str:
    """Who carries a task out: the person's name, else the institution's."""
    if t.owner_person_id:
        p = s.get(Person, t.owner_person_id)
        return p.name if p else ""
    if t.owner_institution_id:
        i = s.get(Institution, t.owner_institution_id)
        return i.name if i else ""
    return ""

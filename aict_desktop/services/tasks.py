"""Tasks (과제) and action items, with their update log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from aict_desktop.domain.enums import Priority, TaskStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Body, Institution, Person, Task, TaskUpdate
from aict_desktop.i18n import _
from aict_desktop.services.rows import TaskRow
from aict_desktop.services.validation import clean_text, parse_enum
from aict_desktop.store.audit import os_user
from aict_desktop.store.optimistic import save_versioned


def is_overdue(status: TaskStatus, due: dt.date | None, today: dt.date) -> bool:
    """Past due and not finished; a 보류 (on hold) task is never overdue."""
    return due is not None and due < today and status in (TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)


def normalise_progress(status: TaskStatus, progress: int) -> int:
    """Completing a task sets its progress to 100."""
    if not 0 <= progress <= 100:
        raise ValidationError(_("Progress must be between 0 and 100."), field="progress")
    return 100 if status is TaskStatus.DONE else progress


class TaskService:
    def __init__(self, store, today=dt.date.today):
        self.store = store
        self._today = today

    def _values(self, data: dict[str, Any], s: Session, current: Task | None) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "title" in data or current is None:
            v["title"] = clean_text(data.get("title"), _("Task title"), required=True, max_len=300, field="title")
        if "description" in data:
            v["description"] = clean_text(data["description"], _("Description"), max_len=20_000, field="description")
        if "body_id" in data and data["body_id"] is not None and s.get(Body, int(data["body_id"])) is None:
            raise ValidationError(_("The working group does not exist."), field="body_id")
        if "owner_person_id" in data and data["owner_person_id"] is not None and s.get(Person, int(data["owner_person_id"])) is None:
            raise ValidationError(_("The owner does not exist."), field="owner_person_id")
        if "owner_institution_id" in data and data["owner_institution_id"] is not None and s.get(
            Institution, int(data["owner_institution_id"])
        ) is None:
            raise ValidationError(_("The owner institution does not exist."), field="owner_institution_id")
        for key in ("body_id", "owner_person_id", "owner_institution_id", "due_on", "origin_meeting_id",
                    "origin_agenda_item_id", "origin_decision_id", "milestone_id"):
            if key in data:
                v[key] = data[key]
        if "status" in data:
            v["status"] = parse_enum(TaskStatus, data["status"], _("Status"), field="status")
        if "priority" in data:
            v["priority"] = parse_enum(Priority, data["priority"], _("Priority"), default=Priority.NORMAL, field="priority")
        status = v.get("status", current.status if current else TaskStatus.PLANNED)
        if "progress" in data or "status" in v:
            try:
                progress = int(data.get("progress", current.progress if current else 0))
            except (TypeError, ValueError):
                raise ValidationError(_("Progress must be a whole number."), field="progress") from None
            v["progress"] = normalise_progress(status, progress)
        if "status" in v:
            done_before = current is not None and current.status is TaskStatus.DONE
            if status is TaskStatus.DONE and not done_before:
                v["completed_on"] = self._today()
            elif status is not TaskStatus.DONE:
                v["completed_on"] = None
        return v

    def create(self, session: Session | None = None, author: str | None = None, **data) -> Task:
        if session is None:
            with self.store.write() as s:
                return self.create(session=s, author=author, **data)
        task = Task(**self._values(data, session, None))
        session.add(task)
        session.flush()
        session.add(TaskUpdate(task_id=task.id, author=author or os_user(), change=_("Created")))
        return task

    def update(self, task_id: int, changes: dict[str, Any], *, comment: str = "", author: str | None = None,
               expected_version: int | None = None, original: dict[str, Any] | None = None) -> Task:
        """Change a task and log what changed (a move between groups keeps the history)."""
        with self.store.write() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise NotFound(_("The task no longer exists."))
            v = self._values(changes, s, task)
            described = []
            for key, new in v.items():
                old = getattr(task, key)
                if old != new and key != "completed_on":
                    described.append(f"{key}: {self._show(s, key, old)} → {self._show(s, key, new)}")
            saved = save_versioned(s, Task, task_id, v, expected_version=expected_version, original=original)
            if described or comment:
                s.add(TaskUpdate(task_id=task_id, author=author or os_user(), change="; ".join(described),
                                 comment=clean_text(comment, _("Comment"), max_len=5000)))
            return saved

    def _show(self, s: Session, key: str, value) -> str:
        if value is None:
            return "-"
        if key == "body_id":
            b = s.get(Body, value)
            return b.name if b else str(value)
        if key == "owner_person_id":
            p = s.get(Person, value)
            return p.name if p else str(value)
        if key == "owner_institution_id":
            i = s.get(Institution, value)
            return i.name if i else str(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(getattr(value, "value", value))

    def add_comment(self, task_id: int, comment: str, author: str | None = None) -> TaskUpdate:
        with self.store.write() as s:
            if s.get(Task, task_id) is None:
                raise NotFound(_("The task no longer exists."))
            u = TaskUpdate(task_id=task_id, author=author or os_user(),
                           comment=clean_text(comment, _("Comment"), required=True, max_len=5000))
            s.add(u)
            s.flush()
            return u

    def delete(self, task_id: int) -> None:
        from aict_desktop.domain.models import AgendaTask

        with self.store.write() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise NotFound(_("The task no longer exists."))
            for row in s.exec(select(TaskUpdate).where(TaskUpdate.task_id == task_id)):
                s.delete(row)
            for row in s.exec(select(AgendaTask).where(AgendaTask.task_id == task_id)):
                s.delete(row)
            s.delete(task)

    def get(self, task_id: int) -> Task:
        with self.store.session() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise NotFound(_("The task no longer exists."))
            return task

    def updates(self, task_id: int) -> list[TaskUpdate]:
        with self.store.session() as s:
            return list(s.exec(select(TaskUpdate).where(TaskUpdate.task_id == task_id).order_by(TaskUpdate.at, TaskUpdate.id)))

    def list(self, *, body_id: int | None = None, include_subgroups: bool = False, status: TaskStatus | None = None,
             owner_person_id: int | None = None, owner_institution_id: int | None = None, overdue_only: bool = False,
             due_within: int | None = None) -> list[TaskRow]:
        today = self._today()
        with self.store.session() as s:
            bodies = {b.id: b for b in s.exec(select(Body))}
            q = select(Task)
            if body_id is not None:
                ids = {body_id}
                if include_subgroups:
                    ids |= {b.id for b in bodies.values() if b.parent_id == body_id}
                q = q.where(Task.body_id.in_(ids))
            if status is not None:
                q = q.where(Task.status == status)
            if owner_person_id is not None:
                q = q.where(Task.owner_person_id == owner_person_id)
            if owner_institution_id is not None:
                q = q.where(Task.owner_institution_id == owner_institution_id)
            tasks = s.exec(q.order_by(Task.due_on, Task.id)).all()
            person_ids = {t.owner_person_id for t in tasks if t.owner_person_id}
            inst_ids = {t.owner_institution_id for t in tasks if t.owner_institution_id}
            people = {p.id: p.name for p in s.exec(select(Person).where(Person.id.in_(person_ids)))}
            insts = {i.id: i.name for i in s.exec(select(Institution).where(Institution.id.in_(inst_ids)))}
            rows = []
            for t in tasks:
                overdue = is_overdue(t.status, t.due_on, today)
                if overdue_only and not overdue:
                    continue
                if due_within is not None and not (
                    t.due_on and t.status in (TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)
                    and 0 <= (t.due_on - today).days <= due_within
                ):
                    continue
                owner = people.get(t.owner_person_id) or insts.get(t.owner_institution_id)
                rows.append(TaskRow(
                    id=t.id, title=t.title, body=bodies[t.body_id].name if t.body_id in bodies else None,
                    owner=owner, due=t.due_on, status=t.status.value, progress=t.progress, body_id=t.body_id,
                    priority=t.priority.value, overdue=overdue, origin_meeting_id=t.origin_meeting_id,
                ))
            return rows

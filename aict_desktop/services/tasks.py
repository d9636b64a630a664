"""Tasks (과제) and action items, with their update log.

Rules (DESIGN §2 item 6): completing a task sets its progress to 100 and
``completed_on``; overdue means due before today while 계획 or 진행 (a 보류
task is never overdue); every change is logged as a ``TaskUpdate`` (who,
what changed, comment), and moving a task to another group keeps its log and
records the move as ``body_id: A → B`` with the groups' names.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel, col, select

from aict_desktop.domain.enums import Priority, TaskStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Body, Institution, Milestone, Person, Task, TaskUpdate
from aict_desktop.domain.rules.tasks import (  # noqa: F401 (re-exported: reports, due lists)
    OPEN_STATUSES, is_due_this_week, is_overdue, week_end,
)
from aict_desktop.i18n import N_, _
from aict_desktop.services.rows import TaskRow
from aict_desktop.services.validation import clean_text, parse_enum
from aict_desktop.store.audit import os_user
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.store.engine import Store

# how the log's field keys read on screen (the stored text keeps the keys)
CHANGE_LABELS = {
    "title": N_("Title"),
    "description": N_("Description"),
    "body_id": N_("Working group"),
    "owner_person_id": N_("Owner"),
    "owner_institution_id": N_("Owner institution"),
    "due_on": N_("Due"),
    "status": N_("Status"),
    "progress": N_("Progress"),
    "priority": N_("Priority"),
    "milestone_id": N_("Milestone"),
    "origin_meeting_id": N_("Origin meeting"),
    "origin_agenda_item_id": N_("Origin agenda item"),
    "origin_decision_id": N_("Origin decision"),
}
_KEY = re.compile(r"(^|; )([a-z_]+): ")


def normalise_progress(status: TaskStatus, progress: int) -> int:
    """Completing a task sets its progress to 100."""
    if not 0 <= progress <= 100:
        raise ValidationError(_("Progress must be between 0 and 100."), field="progress")
    return 100 if status is TaskStatus.DONE else progress


def describe_change(change: str) -> str:
    """``status: 계획 → 완료; body_id: A → B`` with the keys shown as translated labels."""
    def label(m: re.Match) -> str:
        key = m.group(2)
        return f"{m.group(1)}{_(CHANGE_LABELS[key]) if key in CHANGE_LABELS else key}: "

    return _KEY.sub(label, change or "")


def parse_date(value: Any, label: str, field: str) -> dt.date | None:
    """A date from a date, an ISO ``YYYY-MM-DD`` text, or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            _("{label}: '{value}' is not a date (write it as 2025-06-05).").format(label=label, value=value), field=field
        ) from None


class TaskService:
    def __init__(self, store: Store, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    # --- validation ----------------------------------------------------------

    def _check_refs(self, data: dict[str, Any], s: Session) -> None:
        for key, model, message in (
            ("body_id", Body, N_("The working group does not exist.")),
            ("owner_person_id", Person, N_("The owner does not exist.")),
            ("owner_institution_id", Institution, N_("The owner institution does not exist.")),
            ("milestone_id", Milestone, N_("The milestone does not exist.")),
        ):
            if data.get(key) not in (None, ""):
                try:
                    ok = s.get(model, int(data[key])) is not None
                except (TypeError, ValueError):
                    ok = False
                if not ok:
                    raise ValidationError(_(message), field=key)

    def _values(self, data: dict[str, Any], s: Session, current: Task | None) -> dict[str, Any]:
        self._check_refs(data, s)
        v: dict[str, Any] = {}
        if "title" in data or current is None:
            v["title"] = clean_text(data.get("title"), _("Task title"), required=True, max_len=300, field="title")
        if "description" in data:
            v["description"] = clean_text(data["description"], _("Description"), max_len=20_000, field="description")
        for key in ("body_id", "owner_person_id", "owner_institution_id", "origin_meeting_id",
                    "origin_agenda_item_id", "origin_decision_id", "milestone_id"):
            if key in data:
                try:
                    v[key] = None if data[key] in (None, "") else int(data[key])
                except (TypeError, ValueError):
                    raise ValidationError(_("{field} must be a whole number.").format(field=key), field=key) from None
        if "due_on" in data:
            v["due_on"] = parse_date(data["due_on"], _("Due"), "due_on")
        body_id = v.get("body_id", current.body_id if current else None)
        milestone_id = v.get("milestone_id", current.milestone_id if current else None)
        if milestone_id is not None:
            ms = s.get(Milestone, milestone_id)
            if ms is not None and ms.body_id != body_id:
                if "milestone_id" in data:
                    raise ValidationError(_("The milestone belongs to another working group."), field="milestone_id")
                v["milestone_id"] = None  # moved to another group: the old group's milestone no longer applies
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

    # --- writing -------------------------------------------------------------

    def create(self, session: Session | None = None, author: str | None = None, **data: Any) -> Task:
        if session is None:
            with self.store.write() as s:
                return self.create(session=s, author=author, **data)
        task = Task(**self._values(data, session, None))
        session.add(task)
        session.flush()
        assert task.id is not None
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
            note = clean_text(comment, _("Comment"), max_len=5000)
            described = []
            for key, new in v.items():
                old = getattr(task, key)
                if old != new and key != "completed_on":
                    described.append(f"{key}: {self._show(s, key, old)} → {self._show(s, key, new)}")
            saved = save_versioned(s, Task, task_id, v, expected_version=expected_version, original=original)
            if described or note:
                s.add(TaskUpdate(task_id=task_id, author=author or os_user(), change="; ".join(described), comment=note))
            return saved

    def move(self, task_id: int, body_id: int, *, comment: str = "", author: str | None = None) -> Task:
        """Move a task to another working group; its update log goes with it."""
        return self.update(task_id, {"body_id": body_id}, comment=comment, author=author)

    def complete(self, task_id: int, *, comment: str = "", author: str | None = None) -> Task:
        return self.update(task_id, {"status": TaskStatus.DONE}, comment=comment, author=author)

    def _show(self, s: Session, key: str, value) -> str:
        if value is None:
            return "-"
        names: dict[str, tuple[type[SQLModel], str]] = {"body_id": (Body, "name"), "owner_person_id": (Person, "name"),
                 "owner_institution_id": (Institution, "name"), "milestone_id": (Milestone, "title")}
        if key in names:
            model, attr = names[key]
            row = s.get(model, value)
            return getattr(row, attr) if row else str(value)
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
            for link in s.exec(select(AgendaTask).where(AgendaTask.task_id == task_id)):
                s.delete(link)
            s.flush()
            s.delete(task)

    # --- reading -------------------------------------------------------------

    def get(self, task_id: int) -> Task:
        with self.store.session() as s:
            task = s.get(Task, task_id)
            if task is None:
                raise NotFound(_("The task no longer exists."))
            return task

    def updates(self, task_id: int) -> list[TaskUpdate]:
        with self.store.session() as s:
            q = select(TaskUpdate).where(col(TaskUpdate.task_id) == task_id)
            return list(s.exec(q.order_by(col(TaskUpdate.at), col(TaskUpdate.id))))

    def list(self, *, body_id: int | None = None, include_subgroups: bool = False, status: TaskStatus | None = None,
             owner_person_id: int | None = None, owner_institution_id: int | None = None, overdue_only: bool = False,
             due_within: int | None = None, due_this_week: bool = False, milestone_id: int | None = None) -> list[TaskRow]:
        """Tasks filtered by group (optionally with its 분과), status, owner (person or institution), due."""
        today = self._today()
        with self.store.session() as s:
            bodies = {b.id: b for b in s.exec(select(Body))}
            q = select(Task)
            if body_id is not None:
                ids = {body_id}
                if include_subgroups:
                    ids |= {b.id for b in bodies.values() if b.parent_id == body_id and b.id is not None}
                q = q.where(col(Task.body_id).in_(ids))
            if status is not None:
                q = q.where(Task.status == parse_enum(TaskStatus, status, _("Status")))
            if owner_person_id is not None:
                q = q.where(Task.owner_person_id == owner_person_id)
            if owner_institution_id is not None:
                q = q.where(Task.owner_institution_id == owner_institution_id)
            if milestone_id is not None:
                q = q.where(Task.milestone_id == milestone_id)
            tasks = s.exec(q.order_by(col(Task.due_on), col(Task.id))).all()
            person_ids = {t.owner_person_id for t in tasks if t.owner_person_id}
            inst_ids = {t.owner_institution_id for t in tasks if t.owner_institution_id}
            people = {p.id: p.name for p in s.exec(select(Person).where(col(Person.id).in_(person_ids)))}
            insts = {i.id: i.name for i in s.exec(select(Institution).where(col(Institution.id).in_(inst_ids)))}
            rows = []
            for t in tasks:
                overdue = is_overdue(t.status, t.due_on, today)
                if overdue_only and not overdue:
                    continue
                if due_this_week and not is_due_this_week(t.status, t.due_on, today):
                    continue
                if due_within is not None and not (
                    t.due_on and t.status in OPEN_STATUSES and 0 <= (t.due_on - today).days <= due_within
                ):
                    continue
                owner = people.get(t.owner_person_id) or insts.get(t.owner_institution_id)
                assert t.id is not None
                rows.append(TaskRow(
                    id=t.id, title=t.title, body=bodies[t.body_id].name if t.body_id in bodies else None,
                    owner=owner, due=t.due_on, status=t.status.value, progress=t.progress, body_id=t.body_id,
                    priority=t.priority.value, overdue=overdue, origin_meeting_id=t.origin_meeting_id,
                ))
            return rows

    def overdue(self, **filters: Any) -> builtins.list[TaskRow]:
        return self.list(overdue_only=True, **filters)

    def due_this_week(self, **filters: Any) -> builtins.list[TaskRow]:
        return self.list(due_this_week=True, **filters)

    def overdue_by_owner(self, **filters: Any) -> dict[str, builtins.list[TaskRow]]:
        """Overdue tasks grouped by owner name (most first); unowned tasks under "(no owner)"."""
        groups: dict[str, list[TaskRow]] = defaultdict(list)
        for row in self.overdue(**filters):
            groups[row.owner or _("(no owner)")].append(row)
        return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))

"""Working groups (분과): members, lead, goals and plan, milestones, programmes.

A working group is a Body with a parent (e.g. a 분과 of the 서초 AI 혁신
네트워크). Its people are its current appointees (the 분과장 is the
appointment with role 분과장), its institutions are its current memberships.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import BodyKind, ProgramKind, Role, TaskStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import (
    Appointment,
    Body,
    Institution,
    InstitutionMembership,
    Milestone,
    Person,
    Program,
    Task,
)
from aict_desktop.domain.rules import printed_position, role_sort_key, serves_on, takes_part_on
from aict_desktop.domain.rules.tasks import group_progress  # noqa: F401 (re-exported: services.reports)
from aict_desktop.i18n import _
from aict_desktop.services.tasks import is_overdue, parse_date
from aict_desktop.services.validation import check_range, clean_text, parse_enum
from aict_desktop.services.lookup import require_body
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.store.engine import Store


@dataclass
class GroupMember:
    kind: str  # "person" | "institution"
    id: int
    name: str
    role: str  # Role or MembershipRole value
    institution: str | None = None
    position: str = ""
    since: dt.date | None = None


@dataclass
class GroupSummary:
    id: int
    name: str
    parent: str | None
    lead: str | None
    goals: str
    plan: str
    people: int
    institutions: int
    tasks_total: int
    tasks_done: int
    tasks_open: int
    tasks_overdue: int
    tasks_on_hold: int
    progress: int  # mean progress of the tasks not on hold, percent
    milestones_total: int
    milestones_done: int


@dataclass
class ProgramRow:
    id: int
    kind: str
    title: str
    held_on: dt.date | None
    ends_on: dt.date | None
    place: str
    participants: int
    body: str | None
    body_id: int | None
    note: str = ""


def period_of(day: dt.date, *, half: bool = False) -> str:
    """``2025 3분기`` (quarter) or ``2025 하반기`` (half year)."""
    if half:
        return f"{day.year} {'상' if day.month <= 6 else '하'}반기"
    return f"{day.year} {(day.month - 1) // 3 + 1}분기"


class WorkingGroupService:
    def __init__(self, store: Store, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today

    # --- groups --------------------------------------------------------------

    def _body(self, s: Session, body_id: int) -> Body:
        return require_body(s, body_id)

    def groups(self, parent_id: int | None = None) -> list[Body]:
        """Working groups (bodies with a parent), optionally of one parent: 분과 first, then other child bodies."""
        with self.store.session() as s:
            q = select(Body).where(col(Body.parent_id).is_not(None))
            if parent_id is not None:
                q = q.where(Body.parent_id == parent_id)
            bodies = list(s.exec(q.order_by(col(Body.parent_id), col(Body.sort_order), col(Body.id))))
        # 분과 first; other child bodies (e.g. a network's 운영협의회) after them
        return sorted(bodies, key=lambda b: (b.parent_id, b.kind is not BodyKind.WORKING_GROUP))

    def report_scope(self, body_id: int) -> list[Body]:
        """The groups a review of ``body_id`` covers: a 분과 itself, or a network's own work plus each 분과."""
        with self.store.session() as s:
            body = self._body(s, body_id)
            children = list(s.exec(select(Body).where(col(Body.parent_id) == body_id).order_by(col(Body.sort_order), col(Body.id))))
            if not children:
                return [body]
            has_own = any(
                s.exec(select(func.count()).select_from(model).where(model.body_id == body_id)).one()
                for model in (Task, Milestone, Program)
            ) or bool(body.goals or body.plan)
            return ([body] if has_own else []) + children

    def set_goals(self, body_id: int, *, goals: str | None = None, plan: str | None = None,
                  expected_version: int | None = None) -> Body:
        """Save a group's 목표 and 실행 계획 (optimistic: a concurrent edit is refused)."""
        values: dict[str, Any] = {}
        if goals is not None:
            values["goals"] = clean_text(goals, _("Goals"), max_len=20_000, field="goals")
        if plan is not None:
            values["plan"] = clean_text(plan, _("Execution plan"), max_len=20_000, field="plan")
        with self.store.write() as s:
            self._body(s, body_id)
            return save_versioned(s, Body, body_id, values, expected_version=expected_version)

    def members(self, body_id: int, on: dt.date | None = None) -> list[GroupMember]:
        """Current people (appointments, 분과장 first) and institutions (memberships) of a group."""
        on = on or self._today()
        with self.store.session() as s:
            self._body(s, body_id)
            people = []
            q = (select(Appointment, Person, Institution.name)
                 .join(Person, col(Appointment.person_id) == Person.id)
                 .join(Institution, col(Person.institution_id) == Institution.id, isouter=True)
                 .where(Appointment.body_id == body_id))
            for a, p, inst in s.exec(q).all():
                if not serves_on(a, on):
                    continue
                assert a.id is not None and p.id is not None
                people.append((role_sort_key(a.role, a.kind, p.name, a.id), GroupMember(
                    kind="person", id=p.id, name=p.name, role=a.role.value, institution=inst,
                    position=printed_position(a.position_title, p.position), since=a.term_start)))
            insts = []
            q2 = (select(InstitutionMembership, Institution)
                  .join(Institution, col(InstitutionMembership.institution_id) == Institution.id)
                  .where(InstitutionMembership.body_id == body_id))
            for m, i in s.exec(q2).all():
                if not takes_part_on(m, on):
                    continue
                assert i.id is not None
                insts.append((m.role.value != "참여기관", i.name, GroupMember(
                    kind="institution", id=i.id, name=i.name, role=m.role.value, since=m.joined_on)))
            people.sort(key=lambda t: t[0])
            insts.sort(key=lambda t: (not t[0], t[1]))
            return [m for *_k, m in people] + [m for *_k, m in insts]

    def lead(self, body_id: int, on: dt.date | None = None) -> GroupMember | None:
        """The 분과장 (or, failing one, the 위원장) serving today."""
        return _lead_of(self.members(body_id, on))

    def summary(self, body_id: int) -> GroupSummary:
        return self._summaries([body_id])[0]

    def summaries(self, parent_id: int | None = None) -> list[GroupSummary]:
        """One line per working group: lead, members, task counts and progress, milestones."""
        return self._summaries([g.id for g in self.groups(parent_id) if g.id is not None])

    def _summaries(self, ids: list[int]) -> list[GroupSummary]:
        today = self._today()
        out = []
        for body_id in ids:
            members = self.members(body_id, today)
            lead = _lead_of(members)
            with self.store.session() as s:
                body = self._body(s, body_id)
                parent = s.get(Body, body.parent_id) if body.parent_id else None
                tasks = list(s.exec(select(Task).where(Task.body_id == body_id)))
                milestones = list(s.exec(select(Milestone).where(Milestone.body_id == body_id)))
            out.append(GroupSummary(
                id=body_id, name=body.name, parent=parent.name if parent else None,
                lead=lead.name if lead else None, goals=body.goals, plan=body.plan,
                people=sum(1 for m in members if m.kind == "person"),
                institutions=sum(1 for m in members if m.kind == "institution"),
                tasks_total=len(tasks),
                tasks_done=sum(1 for t in tasks if t.status is TaskStatus.DONE),
                tasks_open=sum(1 for t in tasks if t.status in (TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)),
                tasks_overdue=sum(1 for t in tasks if is_overdue(t.status, t.due_on, today)),
                tasks_on_hold=sum(1 for t in tasks if t.status is TaskStatus.ON_HOLD),
                progress=group_progress(tasks),
                milestones_total=len(milestones),
                milestones_done=sum(1 for m in milestones if m.status is TaskStatus.DONE),
            ))
        return out

    # --- milestones (실행 계획) -------------------------------------------------

    def _milestone_values(self, data: dict[str, Any], creating: bool) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "title" in data or creating:
            v["title"] = clean_text(data.get("title"), _("Milestone"), required=True, max_len=300, field="title")
        if "period" in data:
            v["period"] = clean_text(data["period"], _("Period"), max_len=40, field="period")
        if "note" in data:
            v["note"] = clean_text(data["note"], _("Note"), max_len=5000, field="note")
        if "due_on" in data:
            v["due_on"] = parse_date(data["due_on"], _("Due"), "due_on")
        if "status" in data:
            v["status"] = parse_enum(TaskStatus, data["status"], _("Status"), default=TaskStatus.PLANNED, field="status")
        return v

    def milestones(self, body_id: int) -> list[Milestone]:
        with self.store.session() as s:
            return list(s.exec(select(Milestone).where(Milestone.body_id == body_id)
                               .order_by(col(Milestone.position), col(Milestone.due_on), col(Milestone.id))))

    def add_milestone(self, body_id: int, title: str, *, period: str = "", due_on: dt.date | str | None = None,
                      status: TaskStatus | str = TaskStatus.PLANNED, note: str = "",
                      session: Session | None = None) -> Milestone:
        if session is None:
            with self.store.write() as s:
                return self.add_milestone(body_id, title, period=period, due_on=due_on, status=status, note=note, session=s)
        s = session
        self._body(s, body_id)
        v = self._milestone_values({"title": title, "period": period, "due_on": due_on, "status": status, "note": note}, True)
        if not v["period"] and v["due_on"]:
            v["period"] = period_of(v["due_on"])
        pos = (s.exec(select(func.max(Milestone.position)).where(Milestone.body_id == body_id)).one() or 0) + 1
        ms = Milestone(body_id=body_id, position=pos, **v)
        s.add(ms)
        s.flush()
        return ms

    def update_milestone(self, milestone_id: int, changes: dict[str, Any]) -> Milestone:
        with self.store.write() as s:
            ms = s.get(Milestone, milestone_id)
            if ms is None:
                raise NotFound(_("The milestone no longer exists."))
            for key, value in self._milestone_values(changes, False).items():
                setattr(ms, key, value)
            s.add(ms)
            s.flush()
            return ms

    def delete_milestone(self, milestone_id: int) -> None:
        """Delete a milestone; its tasks stay, unlinked."""
        with self.store.write() as s:
            ms = s.get(Milestone, milestone_id)
            if ms is None:
                raise NotFound(_("The milestone no longer exists."))
            for t in s.exec(select(Task).where(Task.milestone_id == milestone_id)):
                t.milestone_id = None
                s.add(t)
            s.flush()
            s.delete(ms)

    # --- programmes (공모, 교육과정, 특강, 해커톤, 페스타) ----------------------------

    def _program_values(self, data: dict[str, Any], s: Session, creating: bool) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if "title" in data or creating:
            v["title"] = clean_text(data.get("title"), _("Programme name"), required=True, max_len=300, field="title")
        if "kind" in data or creating:
            v["kind"] = parse_enum(ProgramKind, data.get("kind"), _("Programme kind"), default=ProgramKind.OTHER, field="kind")
        for key, label, max_len in (("place", _("Place"), 300), ("note", _("Note"), 5000)):
            if key in data:
                v[key] = clean_text(data[key], label, max_len=max_len, field=key)
        for key, label in (("held_on", _("Date")), ("ends_on", _("End date"))):
            if key in data:
                v[key] = parse_date(data[key], label, key)
        if "participants" in data:
            try:
                n = int(data["participants"] or 0)
            except (TypeError, ValueError):
                raise ValidationError(_("Participants must be a whole number."), field="participants") from None
            if n < 0:
                raise ValidationError(_("Participants cannot be negative."), field="participants")
            v["participants"] = n
        if "body_id" in data:
            if data["body_id"] is not None:
                self._body(s, int(data["body_id"]))
            v["body_id"] = None if data["body_id"] is None else int(data["body_id"])
        return v

    def add_program(self, session: Session | None = None, **data: Any) -> Program:
        if session is None:
            with self.store.write() as s:
                return self.add_program(session=s, **data)
        v = self._program_values(data, session, True)
        check_range(v.get("held_on"), v.get("ends_on"), _("Programme"))
        p = Program(**v)
        session.add(p)
        session.flush()
        return p

    def update_program(self, program_id: int, changes: dict[str, Any]) -> Program:
        with self.store.write() as s:
            p = s.get(Program, program_id)
            if p is None:
                raise NotFound(_("The programme no longer exists."))
            for key, value in self._program_values(changes, s, False).items():
                setattr(p, key, value)
            check_range(p.held_on, p.ends_on, _("Programme"))
            s.add(p)
            s.flush()
            return p

    def delete_program(self, program_id: int) -> None:
        with self.store.write() as s:
            p = s.get(Program, program_id)
            if p is None:
                raise NotFound(_("The programme no longer exists."))
            s.delete(p)

    def programs(self, *, body_id: int | None = None, include_subgroups: bool = False,
                 start: dt.date | None = None, end: dt.date | None = None) -> list[ProgramRow]:
        """Programmes by organising group and date (a programme counts if it starts in the period)."""
        with self.store.session() as s:
            bodies = {b.id: b for b in s.exec(select(Body))}
            q = select(Program)
            if body_id is not None:
                ids = {body_id}
                if include_subgroups:
                    ids |= {b.id for b in bodies.values() if b.parent_id == body_id and b.id is not None}
                q = q.where(col(Program.body_id).in_(ids))
            if start is not None:
                q = q.where(col(Program.held_on) >= start)
            if end is not None:
                q = q.where(col(Program.held_on) <= end)
            return [
                ProgramRow(id=p.id, kind=p.kind.value, title=p.title, held_on=p.held_on, ends_on=p.ends_on,
                           place=p.place, participants=p.participants,
                           body=bodies[p.body_id].name if p.body_id in bodies else None, body_id=p.body_id, note=p.note)
                for p in s.exec(q.order_by(col(Program.held_on), col(Program.id)))
                if p.id is not None  # (always: stored rows)
            ]


def _lead_of(members: list[GroupMember]) -> GroupMember | None:
    """The first 분과장 or 위원장 of a members list (``members`` puts them first)."""
    return next((m for m in members
                 if m.kind == "person" and m.role in (Role.GROUP_LEAD.value, Role.CHAIR.value)), None)

"""The demo data set (``aict demo``, offered by the GUI on first start).

The data lives in ``resources/demo/demo.json`` (derived from the seed
articles; people are fictional). Everything is written in one transaction
through the same services the GUI uses, so the demo obeys every rule; dates
are fixed except ``today+N``, which keeps upcoming meetings, expiring terms
and due tasks meaningful whenever the demo is loaded.

The year 2026 is one worth a 운영현황 report: the 운영위원회 meets 대면 twice
(a 가결 and a 부결 among its 의결 안건, a member under the 출석률 threshold,
a 참석수당 budget in ``budgets``), and the 운영협의회 holds a 서면 임시회의. A 서면
meeting is what the report counts as one: every member in 재적 who took part did
so in writing (``attendance_default: 서면``); it carries no vote (서면 is not
presence), its reason in the minutes' summary.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func
from sqlmodel import col, select

from aict_desktop.domain.enums import (
    AgendaKind, AppointmentKind, AttendanceStatus, BodyKind, MeetingKind, MeetingStatus, MembershipRole,
    MinutesStatus, ProgramKind, Sector, TaskStatus,
)
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import (
    AgendaTask, Appointment, Attendance, Body, BodyBudget, Decision, Institution, Meeting, Milestone, Person,
    Program, Task, TaskUpdate,
)
from aict_desktop.domain.rules import vote_basis, voting
from aict_desktop.i18n import _
from aict_desktop.resources import resource
from aict_desktop.services.composition import Appointee
from aict_desktop.services.attendees import meeting_count
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from sqlmodel import Session

    from aict_desktop.services.container import Services


def demo_file():
    return resource("demo", "demo.json")


def can_load_demo(services: Services) -> bool:
    """True while the data file has no bodies (the GUI offers the demo only then)."""
    with services.store.session() as s:
        return s.exec(select(Body)).first() is None


def load_demo(services: Services, today: dt.date | None = None) -> str:
    """Load the demo into a data file that has no bodies yet; return a one-line summary."""
    data = json.loads(demo_file().read_text(encoding="utf-8"))
    with services.store.write() as s:
        if s.exec(select(Body)).first() is not None:
            raise ValidationError(_(
                "This data file already has bodies; the demo data can only be loaded into a new, empty data file."))
        _Loader(services, s, today or dt.date.today()).load(data)
    with services.store.session() as s:
        def count(model):
            return s.exec(select(func.count()).select_from(model)).one()

        groups = s.exec(select(func.count()).select_from(Body).where(col(Body.parent_id).is_not(None))).one()
        return _(
            "Demo data loaded: {bodies} bodies ({groups} of them working groups), {institutions} institutions, "
            "{people} people, {appointments} appointments, {meetings} meetings, {tasks} tasks."
        ).format(bodies=count(Body), groups=groups, institutions=count(Institution), people=count(Person),
                 appointments=count(Appointment), meetings=count(Meeting), tasks=count(Task))


class _Stored(Protocol):
    id: int | None


def _id(row: _Stored) -> int:
    """The id the flush gave a new row (its type says Optional until then)."""
    assert row.id is not None
    return row.id


class _Loader:
    def __init__(self, services: Services, session: Session, today: dt.date) -> None:
        self.sv, self.s, self.today = services, session, today
        self.inst: dict[str, int] = {}
        self.bodies: dict[str, Body] = {}
        self.people: dict[str, int] = {}
        self.meetings: dict[str, tuple[Meeting, list]] = {}
        self.tasks: dict[str, int] = {}

    # --- dates: fixed, or "today+N" ---------------------------------------------------------

    def date(self, text: str | None) -> dt.date | None:
        if not text:
            return None
        if text.startswith("today"):
            return self.today + dt.timedelta(days=int(text[5:] or 0))
        return dt.date.fromisoformat(text)

    def when(self, text: str | None) -> dt.datetime | None:
        if not text:
            return None
        day, _sep, clock = text.partition(" ")
        date = self.date(day)
        assert date is not None, text  # a time has its day
        while day.startswith("today") and date.weekday() >= 5:  # an upcoming meeting falls on a weekday
            date += dt.timedelta(days=1)
        return dt.datetime.combine(date, dt.time.fromisoformat(clock or "00:00"))

    # --- loading ----------------------------------------------------------------------------------

    def load(self, data: dict) -> None:
        roster = self.sv.roster
        for d in data["institutions"]:
            inst = roster.create_institution(
                session=self.s, name=d["name"], sector=Sector(d["sector"]), address=d.get("address", ""),
                homepage=d.get("homepage", ""), note=d.get("note", "") or (_("Sample institution (demo)")
                                                                           if d.get("sample") else ""),
                is_sample=d.get("sample", False))
            self.inst[d["name"]] = _id(inst)
        for d in data["bodies"]:
            self._body(d)
        for i, p in enumerate(data["people"], start=1):
            name, gender, inst, dept, position, mail, official = (p + [False])[:7]
            person = roster.create_person(
                session=self.s, name=name, gender=gender, institution_id=self.inst[inst], department=dept,
                position=position, email=f"{mail}@example.com" if mail else "", mobile=f"010-0000-{1000 + i:04d}",
                is_public_official=official)
            self.people[name] = _id(person)
        for key, group in data["appointments"].items():
            self._appoint(key, group["term_start"], group["people"])
        for d in data["meetings"]:
            self._meeting(d)
        for key, rows in data["milestones"].items():
            body_id = self.bodies[key].id
            assert body_id is not None
            for pos, (title, period, due, status) in enumerate(rows, start=1):
                self.s.add(Milestone(body_id=body_id, title=title, period=period, due_on=self.date(due),
                                     status=TaskStatus(status), position=pos))
        self.s.flush()
        for d in data["tasks"]:
            self._task(d)
        for d in data["meetings"]:
            meeting, items = self.meetings[d["key"]]
            for item, spec in zip(items, d["agenda"]):
                for title in spec.get("carry", []):
                    self.s.add(AgendaTask(agenda_item_id=item.id, task_id=self.tasks[title]))
        network = self.bodies["network"].id
        for kind, title, start, end, place, participants, note in data["programs"]:
            self.s.add(Program(body_id=network, kind=ProgramKind(kind), title=title, held_on=self.date(start),
                               ends_on=self.date(end), place=place, participants=participants, note=note))
        for key, year, amount, note in data.get("budgets", []):  # 참석수당 예산 (the 운영현황 report's 집행률)
            self.s.add(BodyBudget(body_id=_id(self.bodies[key]), year=year, allowance=amount, note=note))
        self.s.flush()

    def _body(self, d: dict) -> None:
        fields = {k: d[k] for k in ("name", "short_name", "issuer", "description", "goals", "plan", "contact",
                                    "sort_order", "default_term_months", "allowance_rate", "allowance_long_extra",
                                    "allowance_written_rate") if k in d}
        parent = self.bodies[d["parent"]].id if d.get("parent") else None
        body = Body(kind=BodyKind(d["kind"]), parent_id=parent, **fields)
        self.s.add(body)
        self.s.flush()
        self.bodies[d["key"]] = body
        for member in d.get("members", []):
            name, role = member if isinstance(member, list) else (member, MembershipRole.MEMBER.value)
            self.sv.roster.add_membership(self.inst[name], _id(body), role=role, joined_on=self.date(d["joined_on"]),
                                          session=self.s)

    def _appoint(self, body_key: str, term_start: str, entries: list) -> None:
        """A body's members appointed together (as at a 위촉식), under the body's rules."""
        specs = []
        for entry in entries:  # [성명, 직책 (위원), {term_start, term_end, kind, …}]
            name, role, extra = (list(entry) + [None, None])[:3]
            role, extra = role or "위원", extra or {}
            specs.append((Appointee(
                self.people[name], role=role, kind=extra.get("kind", AppointmentKind.APPOINTED.value),
                term_start=self.date(extra.get("term_start", term_start)), term_end=self.date(extra.get("term_end")),
                partial_term=extra.get("partial_term", False), note=extra.get("note", "")), extra))
        made = self.sv.appointments.appoint_all([a for a, _e in specs], _id(self.bodies[body_key]), session=self.s)
        for appt, (_a, extra) in zip(made, specs):
            if extra.get("end_reason"):
                appt.end_reason, appt.ended_on = extra["end_reason"], self.date(extra["ended_on"])
                appt.end_note = extra.get("end_note", "")
                self.s.add(appt)

    def _meeting(self, d: dict) -> None:
        body = self.bodies[d["body"]]
        starts = self.when(d["starts_at"])
        assert starts is not None  # every demo meeting has its time
        m = self.sv.meetings.create(_id(body), starts_at=starts, ends_at=self.when(d.get("ends_at")),
                                    number=d["number"], place=d["place"], kind=MeetingKind(d.get("kind", "정기")),
                                    session=self.s)
        held = d.get("status") == MeetingStatus.HELD.value
        members = list(self.s.exec(select(Attendance).where(Attendance.meeting_id == m.id)))
        if held:
            names: dict[int | None, str] = {pid: name for name, pid in self.people.items()}
            default = AttendanceStatus(d.get("attendance_default", AttendanceStatus.PRESENT.value))  # 서면: a 서면 meeting
            for n, att in enumerate(members):
                arrival = (starts - dt.timedelta(minutes=3 + (n * 7) % 17)).time()
                status, arrived, proxy = (d.get("attendance", {}).get(names[att.person_id], []) + ["", "", ""])[:3]
                att.status = AttendanceStatus(status) if status else default
                if att.status in (AttendanceStatus.PRESENT, AttendanceStatus.PROXY):
                    att.arrived_at = dt.time.fromisoformat(arrived) if arrived else arrival
                att.proxy_name = proxy
                self.s.add(att)
            m.status = MeetingStatus.HELD
            m.notice_sent_on = starts.date() - dt.timedelta(days=10)  # a compliant body: notices in time
            m.opened_at = self.when(f"{d['starts_at'].split()[0]} {d['opened']}")
            m.closed_at = self.when(f"{d['starts_at'].split()[0]} {d['closed']}")
        m.observers, m.minutes_summary = d.get("observers", ""), d.get("summary", "")
        self.s.flush()
        count = meeting_count(self.s, _id(m))  # decisions counted as meeting mode counts them
        items = []
        for spec in d["agenda"]:
            item = self.sv.meetings.add_item(_id(m), spec["title"], kind=AgendaKind(spec["kind"]),
                                             presenter=spec.get("presenter", ""), session=self.s)
            item.notes = spec.get("notes", "")
            self.s.add(item)
            if "decision" in spec:
                yes, no, abstain, text = spec["decision"]
                result = voting.result(count.rules, vote_basis(count.tally, 0), yes, no, abstain)
                self.s.add(Decision(agenda_item_id=_id(item), yes=yes, no=no, abstain=abstain, result=result, text=text,
                                    updated_at=m.closed_at or starts))
            items.append(item)
        if d.get("confirmed_by"):
            m.minutes_status = MinutesStatus.CONFIRMED
            m.minutes_confirmed_by = d["confirmed_by"]
            m.minutes_confirmed_at = self.when(d["confirmed_at"])
            log_access(self.s, "minutes.confirm", target=m.title, detail=d["confirmed_by"])
        self.s.add(m)
        self.s.flush()
        self.meetings[d["key"]] = (m, items)

    def _task(self, d: dict) -> None:
        origin = {}
        if "origin" in d:
            meeting, items = self.meetings[d["origin"][0]]
            item = items[d["origin"][1] - 1]
            decision = self.s.exec(select(Decision).where(Decision.agenda_item_id == item.id)).first()
            origin = {"origin_meeting_id": meeting.id, "origin_agenda_item_id": item.id,
                      "origin_decision_id": decision.id if decision else None}
        milestone = None
        if "milestone" in d:
            milestone = self.s.exec(select(Milestone).where(Milestone.title == d["milestone"])).one().id
        created = self.date(d["created"])
        assert created is not None
        task = self.sv.tasks.create(
            session=self.s, author=d.get("owner") or _("Secretariat"), title=d["title"],
            body_id=self.bodies[d["body"]].id, owner_person_id=self.people.get(d.get("owner") or ""),
            owner_institution_id=self.inst.get(d.get("owner_institution") or ""), due_on=self.date(d["due"]),
            status=TaskStatus(d["status"]), progress=d.get("progress", 0), priority=d.get("priority", "보통"),
            milestone_id=milestone, **origin)
        task.completed_on = self.date(d.get("completed_on"))
        task.created_at = dt.datetime.combine(created, dt.time(9, 0))
        self.s.add(task)
        for log in self.s.exec(select(TaskUpdate).where(TaskUpdate.task_id == task.id)):
            log.at = task.created_at  # the "created" entry dates from when the task was set
            self.s.add(log)
        for day, author, change, comment in d["updates"]:
            on = self.date(day)
            assert on is not None
            self.s.add(TaskUpdate(task_id=_id(task), at=dt.datetime.combine(on, dt.time(17, 0)),
                                  author=author, change=change, comment=comment))
        self.tasks[d["title"]] = _id(task)

"""The yearly 운영현황 report (지방자치법 제130조⑤; RULES.md 12): per body, or for every body.

Per body: 위원 구성 on the last day of the year (or today, for the current year)
— 위촉직/당연직, 성별 with the body's cap and the recorded exceptions, 산·학·연·관,
roles, 해촉·사임 in the year, terms ending next year; the meetings held (개최) in
the year — 정기/임시, 대면/서면/화상, 안건 by kind, 가결/부결; each member's
출석률 and the 해촉 검토 list (``MeetingService.attendance_rates``); 참석수당 paid
and withheld (``AllowanceService.year``) against the body's budget when one is
set; 과제 done, open and overdue and the programmes held (the body and its 분과).

Every count comes from ``domain.rules`` (composition, who is present, who is
paid, the review threshold); this module only reads the store.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from aict_desktop.documents.annual_report_data import (
    AnnualReport, BodyYear, ExpiringTerm, MeetingYearLine, MemberRate,
)
from aict_desktop.domain.enums import AgendaKind, AttendanceStatus, MeetingStatus, Sector, TaskStatus, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import (
    AgendaItem, Appointment, Body, CompositionException, Decision, Institution, Meeting, Person, Program, Task,
)
from aict_desktop.domain.rules import composition, enrolled, rules_of, serves_on, vacancies
from aict_desktop.domain.rules.attendance import took_part
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.attendees import MeetingCount, meeting_count
from aict_desktop.services.lookup import require_body
from aict_desktop.services.tasks import is_overdue
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.services.allowances import AllowanceService
    from aict_desktop.services.meetings import MeetingService
    from aict_desktop.store.engine import Store

S = AttendanceStatus
EXPORT_ACTION = "export"  # "Exported a report" (store.audit.ACTION_LABELS)
ENDED = ("해촉", "사임")


def meeting_form(mc: MeetingCount) -> str:
    """대면, 서면 or 화상, from how the members in 재적 took part: all in writing is a 서면 meeting,
    online with nobody in the room a 화상 meeting, anything else 대면. A 간사 outside 재적 who ran a
    서면 심의 from the office does not make it 대면."""
    kinds = {a.status for a in mc.attendees if enrolled(a, mc.rules) and took_part(a)}
    if kinds and kinds <= {S.WRITTEN}:
        return "서면"
    if S.ONLINE in kinds and not kinds & {S.PRESENT, S.PROXY}:
        return "화상"
    return "대면"


class AnnualReportService:
    def __init__(self, store: Store, allowances: AllowanceService, meetings: MeetingService | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self.allowances = allowances
        self.meetings = meetings  # MeetingService (its yearly 출석률); built here when not given
        self._today = today

    def _rates_of(self):
        if self.meetings is None:
            from aict_desktop.services.meetings import MeetingService

            self.meetings = MeetingService(self.store)
        return self.meetings

    def report(self, year: int, body_id: int | None = None) -> AnnualReport:
        """Every body (sort order, 분과 after their parent) or one body with its 분과."""
        as_of = min(dt.date(year, 12, 31), self._today())
        with self.store.session() as s:
            bodies = list(s.exec(select(Body).order_by(col(Body.sort_order), col(Body.id))))
            if body_id is not None:
                top = require_body(s, body_id)
                assert top.id is not None
                keep = {top.id} | _descendants(bodies, top.id)
                bodies = [b for b in bodies if b.id in keep]
                scope = top.name
            else:
                scope = "전체 기구"
            bodies = _tree_order(bodies)
            names = {b.id: b.name for b in bodies}
            out = AnnualReport(year=year, as_of=as_of, scope=scope, made_on=self._today())
            for b in bodies:
                out.bodies.append(self._body_year(s, b, year, as_of, names))
        for by, b in zip(out.bodies, bodies):
            self._fill_rates_and_money(by, b, year)
        return out

    def _body_year(self, s: Session, b: Body, year: int, as_of: dt.date, names: dict) -> BodyYear:
        rules = rules_of(b)
        by = BodyYear(name=b.name, kind=b.kind.value, parent=names.get(b.parent_id, "") if b.parent_id else "",
                      issuer=b.issuer, gender_cap=rules.gender_cap_percent,
                      review_percent=rules.attendance_review_percent)
        self._members(s, b, by, year, as_of, rules)
        self._meetings(s, b, by, year)
        self._work(s, b, by, year, as_of)
        return by

    def _members(self, s: Session, b: Body, by: BodyYear, year: int, as_of: dt.date, rules) -> None:
        q = (select(Appointment, Person, Institution).join(Person, col(Appointment.person_id) == Person.id)
             .outerjoin(Institution, col(Person.institution_id) == Institution.id).where(col(Appointment.body_id) == b.id))
        rows = list(s.exec(q))
        serving = [(a, p, i) for a, p, i in rows if serves_on(a, as_of)]
        comp = composition([(a.kind, p.gender) for a, p, _i in serving])
        by.commissioned, by.ex_officio, by.by_gender = comp.commissioned, comp.ex_officio, dict(comp.by_gender)
        by.gender_cap_ok = comp.cap_ok(rules)
        by.seats, by.vacancies = b.seats, vacancies(b.seats, by.members)
        for a, p, i in serving:
            group = (i.sector if i else Sector.OTHER).group.value
            by.by_sector[group] = by.by_sector.get(group, 0) + 1
            by.by_role[a.role.value] = by.by_role.get(a.role.value, 0) + 1
            if a.term_end is not None and a.term_end.year == year + 1:
                by.expiring.append(ExpiringTerm(p.name, a.role.value, a.kind.value, a.term_end))
        by.expiring.sort(key=lambda e: (e.term_end, e.name))
        by.ended = [f"{p.name}({a.end_reason}, {fmt_date(a.ended_on)})"
                    for a, p, _i in sorted(rows, key=lambda r: (r[0].ended_on or as_of, r[1].name))
                    if a.end_reason in ENDED and a.ended_on is not None and a.ended_on.year == year]
        for e, name in s.exec(select(CompositionException, Person.name)
                              .outerjoin(Appointment, col(CompositionException.appointment_id) == Appointment.id)
                              .outerjoin(Person, col(Appointment.person_id) == Person.id)
                              .where(col(CompositionException.body_id) == b.id).order_by(col(CompositionException.at))):
            if e.at.date() <= as_of:
                by.exceptions.append(f"{fmt_date(e.at.date())} {e.rule}: {e.reason}" + (f" ({name})" if name else ""))

    def _meetings(self, s: Session, b: Body, by: BodyYear, year: int) -> None:
        start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        held = list(s.exec(select(Meeting).where(Meeting.body_id == b.id, Meeting.status == MeetingStatus.HELD,
                                                 Meeting.starts_at >= start, Meeting.starts_at < end)
                           .order_by(col(Meeting.starts_at), col(Meeting.id))))
        items: dict[int, list] = {}
        if held:
            q = (select(AgendaItem.meeting_id, AgendaItem.kind, Decision.result)
                 .outerjoin(Decision, col(Decision.agenda_item_id) == AgendaItem.id)
                 .where(col(AgendaItem.meeting_id).in_([m.id for m in held])))
            for mid, kind, result in s.exec(q):
                assert isinstance(kind, AgendaKind)
                items.setdefault(mid, []).append((kind.value, result))
        for m in held:
            assert m.id is not None
            mc = meeting_count(s, m.id)
            line = MeetingYearLine(held_on=m.starts_at.date(), number=m.number, title=m.title, kind=m.kind.value,
                                   form=meeting_form(mc), enrolled=mc.tally.enrolled, present=mc.tally.present)
            for kind, result in items.get(m.id, []):
                line.agenda[kind] = line.agenda.get(kind, 0) + 1
                line.passed += result is VoteResult.PASSED
                line.rejected += result is VoteResult.REJECTED
            by.meetings.append(line)

    def _work(self, s: Session, b: Body, by: BodyYear, year: int, as_of: dt.date) -> None:
        scope = [b.id] + list(s.exec(select(Body.id).where(Body.parent_id == b.id)))
        for t in s.exec(select(Task).where(col(Task.body_id).in_(scope))):
            if t.status is TaskStatus.DONE:
                by.tasks_done += bool(t.completed_on and t.completed_on.year == year)
            else:
                by.tasks_open += t.status is not TaskStatus.ON_HOLD
                by.tasks_overdue += is_overdue(t.status, t.due_on, as_of)
        for p in s.exec(select(Program).where(col(Program.body_id).in_(scope)).order_by(col(Program.held_on), col(Program.id))):
            if p.held_on is not None and p.held_on.year == year:
                by.programs.append((p.held_on, p.kind.value, p.title, p.participants))

    def _fill_rates_and_money(self, by: BodyYear, b: Body, year: int) -> None:
        assert b.id is not None
        by.rates = [MemberRate(r.person, r.invited, r.attended, r.rate, r.review)
                    for r in self._rates_of().attendance_rates(b.id, year)]
        money = self.allowances.year(year, b.id)
        by.paid = sum(p.amount for p in money.people)
        by.withheld = sum(p.withheld for p in money.people)
        by.payments = len(money.payments)
        by.budget = self.allowances.budget(b.id, year)

    def export(self, year: int, body_id: int | None = None, fmt: str = "pdf") -> bytes:
        """The report as pdf, xlsx or hwpx (한글, to edit), logged (it names members and their attendance)."""
        from aict_desktop.documents import annual_report, annual_report_hwpx, annual_report_xlsx

        renderers = {"pdf": annual_report.render_pdf, "xlsx": annual_report_xlsx.render_xlsx,
                     "hwpx": annual_report_hwpx.render_hwpx}
        if fmt not in renderers:
            raise ValidationError(_("The annual report can be written as {formats}, not '{fmt}'.").format(
                formats=", ".join(renderers), fmt=fmt))
        data = self.report(year, body_id)
        out = renderers[fmt](data)
        with self.store.write() as s:
            log_access(s, EXPORT_ACTION, target=f"{year}년 운영현황", subject=data.scope, detail=fmt)
        return out


def _descendants(bodies: list[Body], top: int) -> set[int]:
    out: set[int] = set()
    frontier = {top}
    while frontier:
        frontier = {b.id for b in bodies if b.parent_id in frontier and b.id is not None} - out
        out |= frontier
    return out


def _tree_order(bodies: list[Body]) -> list[Body]:
    """Parents before their 분과, each level in sort order."""
    ids = {b.id for b in bodies}
    out: list[Body] = []

    def walk(parent):
        for b in bodies:
            if (b.parent_id if b.parent_id in ids else None) == parent:
                out.append(b)
                walk(b.id)

    walk(None)
    return out

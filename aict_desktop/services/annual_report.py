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

from sqlmodel import Session, select

from aict_desktop.documents.annual_report_data import (
    AnnualReport, BodyYear, ExpiringTerm, MeetingYearLine, MemberRate,
)
from aict_desktop.domain.enums import AttendanceStatus, MeetingStatus, Sector, TaskStatus, VoteResult
from aict_desktop.domain.models import (
    AgendaItem, Appointment, Body, CompositionException, Decision, Institution, Meeting, Person, Program, Task,
)
from aict_desktop.domain.rules import composition, rules_of, serves_on
from aict_desktop.domain.rules.attendance import took_part
from aict_desktop.i18n import fmt_date
from aict_desktop.services.attendees import MeetingCount, meeting_count
from aict_desktop.services.lookup import require_body
from aict_desktop.services.tasks import is_overdue
from aict_desktop.store.audit import log_access

S = AttendanceStatus
EXPORT_ACTION = "export"  # "Exported a report" (store.audit.ACTION_LABELS)
ENDED = ("해촉", "사임")


def meeting_form(mc: MeetingCount) -> str:
    """대면, 서면 or 화상, from how the members took part: all in writing is a 서면 meeting,
    online with nobody in the room a 화상 meeting, anything else 대면."""
    kinds = {a.status for a in mc.attendees if a.is_member and took_part(a)}
    if kinds and kinds <= {S.WRITTEN}:
        return "서면"
    if S.ONLINE in kinds and not kinds & {S.PRESENT, S.PROXY}:
        return "화상"
    return "대면"


class AnnualReportService:
    def __init__(self, store, allowances, meetings=None, today=dt.date.today):
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
            bodies = list(s.exec(select(Body).order_by(Body.sort_order, Body.id)))
            if body_id is not None:
                top = require_body(s, body_id)
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
        q = (select(Appointment, Person, Institution).join(Person, Appointment.person_id == Person.id)
             .outerjoin(Institution, Person.institution_id == Institution.id).where(Appointment.body_id == b.id))
        rows = list(s.exec(q))
        serving = [(a, p, i) for a, p, i in rows if serves_on(a, as_of)]
        comp = composition([(a.kind, p.gender) for a, p, _i in serving])
        by.commissioned, by.ex_officio, by.by_gender = comp.commissioned, comp.ex_officio, dict(comp.by_gender)
        by.gender_cap_ok = comp.cap_ok(rules)
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
                              .outerjoin(Appointment, CompositionException.appointment_id == Appointment.id)
                              .outerjoin(Person, Appointment.person_id == Person.id)
                              .where(CompositionException.body_id == b.id).order_by(CompositionException.at)):
            if e.at.date() <= as_of:
                by.exceptions.append(f"{fmt_date(e.at.date())} {e.rule}: {e.reason}" + (f" ({name})" if name else ""))

    def _meetings(self, s: Session, b: Body, by: BodyYear, year: int) -> None:
        start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        held = list(s.exec(select(Meeting).where(Meeting.body_id == b.id, Meeting.status == MeetingStatus.HELD,
                                                 Meeting.starts_at >= start, Meeting.starts_at < end)
                           .order_by(Meeting.starts_at, Meeting.id)))
        items: dict[int, list] = {}
        if held:
            q = (select(AgendaItem.meeting_id, AgendaItem.kind, Decision.result)
                 .outerjoin(Decision, Decision.agenda_item_id == AgendaItem.id)
                 .where(AgendaItem.meeting_id.in_([m.id for m in held])))
            for mid, kind, result in s.exec(q):
                items.setdefault(mid, []).append((kind.value, result))
        for m in held:
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
        for t in s.exec(select(Task).where(Task.body_id.in_(scope))):
            if t.status is TaskStatus.DONE:
                by.tasks_done += bool(t.completed_on and t.completed_on.year == year)
            else:
                by.tasks_open += t.status is not TaskStatus.ON_HOLD
                by.tasks_overdue += is_overdue(t.status, t.due_on, as_of)
        for p in s.exec(select(Program).where(Program.body_id.in_(scope)).order_by(Program.held_on, Program.id)):
            if p.held_on is not None and p.held_on.year == year:
                by.programs.append((p.held_on, p.kind.value, p.title, p.participants))

    def _fill_rates_and_money(self, by: BodyYear, b: Body, year: int) -> None:
        by.rates = [MemberRate(r.person, r.invited, r.attended, r.rate, r.review)
                    for r in self._rates_of().attendance_rates(b.id, year)]
        money = self.allowances.year(year, b.id)
        by.paid = sum(p.amount for p in money.people)
        by.withheld = sum(p.withheld for p in money.people)
        by.payments = len(money.payments)
        by.budget = self.allowances.budget(b.id, year)

    def export(self, year: int, body_id: int | None = None, fmt: str = "pdf") -> bytes:
        """The report as pdf or xlsx, logged (it names members and their attendance)."""
        from aict_desktop.documents import annual_report, annual_report_xlsx

        data = self.report(year, body_id)
        out = annual_report.render_pdf(data) if fmt == "pdf" else annual_report_xlsx.render_xlsx(data)
        with self.store.write() as s:
            log_access(s, EXPORT_ACTION, target=f"{year}년 운영현황", subject=data.scope, detail=fmt)
        return out


def _descendants(bodies: list[Body], top: int) -> set[int]:
    out, frontier = set(), {top}
    while frontier:
        frontier = {b.id for b in bodies if b.parent_id in frontier} - out
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

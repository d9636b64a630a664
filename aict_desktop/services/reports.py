"""성과 점검 보고서: the progress review of working groups over a period.

The service gathers plain data (``ProgressReview``) for the document
renderers: per group its goals and plan, milestones with status, tasks done /
open / overdue, programmes held and decisions taken in its meetings. For a
network the review covers the network's own work (if any) and each 분과.

Period rules: a task counts as done in the period if it was completed in it;
open and on-hold tasks are those in that state on the day of the review,
when overdue is judged too (a review reports where the group stands now). Milestones are those due in the
period (or undated); programmes and decisions those held in it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlmodel import col, select

from aict_desktop.documents.task_report_data import (
    DecisionLine,
    GroupReview,
    MilestoneLine,
    ProgramLine,
    ProgressReview,
    TaskLine,
)
from aict_desktop.domain.enums import TaskStatus, VoteResult
from aict_desktop.domain.models import (
    AgendaItem,
    Body,
    Decision,
    Institution,
    Meeting,
    Milestone,
    Person,
    Task,
)
from aict_desktop.i18n import _
from aict_desktop.services.tasks import OPEN_STATUSES, is_overdue
from aict_desktop.services.validation import check_range
from aict_desktop.services.working_groups import WorkingGroupService, group_progress
from aict_desktop.services.lookup import require_body
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.store.engine import Store


def _in(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


class ReportService:
    def __init__(self, store: Store, groups: WorkingGroupService | None = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self._today = today
        self.groups = groups or WorkingGroupService(store, today=today)

    def review(self, body_id: int, start: dt.date | None = None, end: dt.date | None = None) -> ProgressReview:
        """The review of one working group, or of a network and each of its 분과."""
        check_range(start, end, _("Review period"))
        today = self._today()
        scope = self.groups.report_scope(body_id)
        with self.store.session() as s:
            body = require_body(s, body_id)
            review = ProgressReview(body=body.name, start=start, end=end, as_of=today)
        for group in scope:
            review.groups.append(self._group(group, start, end, today))
        return review

    def _group(self, group: Body, start, end, today) -> GroupReview:
        assert group.id is not None
        lead = self.groups.lead(group.id, today)
        members = self.groups.members(group.id, today)
        with self.store.session() as s:
            tasks = list(s.exec(select(Task).where(col(Task.body_id) == group.id).order_by(col(Task.due_on), col(Task.id))))
            people = {p.id: p.name for p in s.exec(select(Person))}
            insts = {i.id: i.name for i in s.exec(select(Institution))}
            milestones = [
                m for m in s.exec(select(Milestone).where(Milestone.body_id == group.id)
                                  .order_by(col(Milestone.position), col(Milestone.due_on), col(Milestone.id)))
                if m.due_on is None or _in(m.due_on, start, end)
            ]
            decisions = []
            q = (select(Meeting, AgendaItem, Decision)
                 .join(AgendaItem, col(AgendaItem.meeting_id) == Meeting.id)
                 .join(Decision, col(Decision.agenda_item_id) == AgendaItem.id)
                 .where(Meeting.body_id == group.id)
                 .order_by(col(Meeting.starts_at), col(AgendaItem.position)))
            for m, item, d in s.exec(q).all():
                if d.result is VoteResult.PENDING or not _in(m.starts_at.date(), start, end):
                    continue
                decisions.append(DecisionLine(meeting=m.title, date=m.starts_at.date(), item=item.title,
                                              result=d.result.value, text=d.text, yes=d.yes, no=d.no, abstain=d.abstain))

        def line(t: Task) -> TaskLine:
            owner = people.get(t.owner_person_id) or insts.get(t.owner_institution_id) or ""
            return TaskLine(title=t.title, owner=owner, due_on=t.due_on, status=t.status.value, progress=t.progress,
                            overdue=is_overdue(t.status, t.due_on, today), completed_on=t.completed_on)

        done = [t for t in tasks if t.status is TaskStatus.DONE and (
            (start is None and end is None) or _in(t.completed_on, start, end))]
        open_ = [t for t in tasks if t.status in OPEN_STATUSES]
        held = [t for t in tasks if t.status is TaskStatus.ON_HOLD]
        return GroupReview(
            name=group.name, lead=lead.name if lead else "",
            people=sum(1 for m in members if m.kind == "person"),
            institutions=sum(1 for m in members if m.kind == "institution"),
            goals=group.goals, plan=group.plan, progress=group_progress(tasks),
            milestones=[MilestoneLine(title=m.title, period=m.period, due_on=m.due_on, status=m.status.value, note=m.note)
                        for m in milestones],
            done=[line(t) for t in done], open=[line(t) for t in open_], on_hold=[line(t) for t in held],
            programs=[ProgramLine(kind=p.kind, title=p.title, held_on=p.held_on, ends_on=p.ends_on, place=p.place,
                                  participants=p.participants)
                      for p in self.groups.programs(body_id=group.id, start=start, end=end)],
            decisions=decisions,
        )

    # --- files ---------------------------------------------------------------

    def _log(self, body_id: int, kind: str, start, end) -> None:
        with self.store.write() as s:
            body = s.get(Body, body_id)
            log_access(s, "export", target=f"task-report {kind}",
                       subject=body.name if body else str(body_id),
                       detail=f"{start.isoformat() if start else ''}~{end.isoformat() if end else ''}")

    def task_report_pdf(self, body_id: int, start: dt.date | None = None, end: dt.date | None = None) -> bytes:
        """The 성과 점검 보고서 as PDF bytes (A4, fonts embedded)."""
        from aict_desktop.documents.task_report import render_pdf

        data = render_pdf(self.review(body_id, start, end))
        self._log(body_id, "pdf", start, end)
        return data

    def task_report_xlsx(self, body_id: int, start: dt.date | None = None, end: dt.date | None = None) -> bytes:
        """The same review as an .xlsx workbook (a summary sheet and one sheet of tasks)."""
        from aict_desktop.documents.task_report_xlsx import render_xlsx

        data = render_xlsx(self.review(body_id, start, end))
        self._log(body_id, "xlsx", start, end)
        return data

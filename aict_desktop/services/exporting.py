"""Exports: assemble plain data from the store and hand it to the renderers.

Each export of personal data (names on a roster, an attendance sheet, minutes,
an allowance list) is written to the access log (접속기록).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import MeetingStatus, MinutesStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import (
    AgendaItem,
    Appointment,
    Body,
    Institution,
    Meeting,
    Person,
)
from aict_desktop.domain.rules import (
    dated_after_meeting,
    notice_deadline,
    notice_is_late,
    printed_position,
    role_sort_key,
    rules_of,
    serves_on,
)
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.attendees import meeting_count
from aict_desktop.services.lookup import require_body
from aict_desktop.services.validation import clean_text
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from collections.abc import Callable

    from aict_desktop.documents.data import AttendanceSheetData, MinutesData, NoticeData, RosterData
    from aict_desktop.services.allowances import AllowanceService
    from aict_desktop.store.engine import Store

MINUTES_FORMATS = ("pdf", "docx", "hwpx")


def _role_key(appt: Appointment, name: str):
    assert appt.id is not None  # a stored appointment
    return role_sort_key(appt.role, appt.kind, name, appt.id)


def _late(sent: dt.date, day: dt.date, rules) -> str | None:
    """The message for a notice sent later than the body's notice days (``None`` when in time)."""
    if not notice_is_late(sent, day, rules):
        return None
    return _("The notice goes out on {sent}, later than {days} days before the meeting on {day} "
             "(deadline {deadline}; 행정기관위원회법 제9조①). Give the reason for urgency (긴급 사유).").format(
        sent=fmt_date(sent), days=rules.notice_days, day=fmt_date(day), deadline=fmt_date(notice_deadline(day, rules)))


def notice_renderer(fmt: str):
    """``render(data, recipients=None) -> bytes`` of the notice in ``fmt``."""
    fmt = (fmt or "pdf").lower()
    if fmt == "pdf":
        from aict_desktop.documents.notice import render_pdf as render
    elif fmt == "docx":
        from aict_desktop.documents.notice_docx import render_docx as render
    elif fmt == "hwpx":
        from aict_desktop.documents.notice_hwpx import render_hwpx as render
    else:
        raise ValidationError(_("A notice can be saved as pdf, docx or hwpx, not '{fmt}'.").format(fmt=fmt))
    return render


class NoticeLate(ValidationError):
    """A notice later than the body's notice days, without a 긴급 사유."""


class ExportService:
    def __init__(self, store: Store, allowances: AllowanceService, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self.allowances = allowances
        self._today = today

    # --- helpers ---------------------------------------------------------------

    def _log(self, action: str, target: str, detail: str = "") -> None:
        with self.store.write() as s:
            log_access(s, action, target=target, detail=detail)

    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("There is no meeting {id}.").format(id=meeting_id))
        return m

    @staticmethod
    def _person(s: Session, person_id: int | None) -> tuple[Person | None, str]:
        p = s.get(Person, person_id) if person_id else None
        inst = s.get(Institution, p.institution_id) if p and p.institution_id else None
        return p, inst.name if inst else ""

    def _current(self, s: Session, body_id: int, on: dt.date) -> list[Appointment]:
        return [a for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
                if serves_on(a, on)]

    # --- roster --------------------------------------------------------------------

    def roster_data(self, body_id: int) -> RosterData:
        from aict_desktop.documents.data import RosterData, RosterLine

        today = self._today()
        with self.store.session() as s:
            body = require_body(s, body_id)
            lines = []
            for a in self._current(s, body_id, today):
                p, inst = self._person(s, a.person_id)
                assert p is not None  # an appointment's person (foreign key)
                lines.append((_role_key(a, p.name), RosterLine(
                    role=a.role.value, name=p.name, institution=inst, position=printed_position(a.position_title, p.position),
                    kind=a.kind.value, term_start=a.term_start, term_end=a.term_end)))
            return RosterData(body_name=body.name, as_of=today, lines=[ln for _k, ln in sorted(lines, key=lambda t: t[0])])

    def _roster(self, body_id: int, fmt: str, render) -> bytes:
        data = self.roster_data(body_id)
        out = render(data)
        self._log("export.roster", data.body_name, fmt)
        return out

    def roster_pdf(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "pdf", roster.render_pdf)

    def roster_xlsx(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "xlsx", roster.render_xlsx)

    def roster_csv(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "csv", roster.render_csv)

    # --- meeting documents ------------------------------------------------------------

    def notice_data(self, meeting_id: int, *, urgent_reason: str | None = None,
                    issued_on: dt.date | None = None) -> NoticeData:
        """The notice as of ``issued_on`` (the date it first went out, else today).

        Later than the body's notice days before the meeting (행정기관위원회법 제9조①) it
        needs a 긴급 사유: given here or recorded before; it is kept and printed.
        """
        from aict_desktop.documents.data import AgendaLine, NoticeData

        with self.store.write() as s:
            m = self._meeting(s, meeting_id)
            body = s.get(Body, m.body_id)
            assert body is not None  # a meeting's body (foreign key)
            sent = issued_on or m.notice_sent_on or self._today()
            reason = clean_text(urgent_reason, _("Reason for urgency"), max_len=500) if urgent_reason else ""
            reason = reason or m.urgent_reason
            cancelled = m.status is MeetingStatus.CANCELLED  # a cancellation is no late notice
            late = None if reason or cancelled else _late(sent, m.starts_at.date(), rules_of(body))
            if late:
                raise NoticeLate(late)
            if m.minutes_status is not MinutesStatus.CONFIRMED and not cancelled:
                m.notice_sent_on, m.urgent_reason = m.notice_sent_on or sent, reason
                s.add(m)
            items = s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == m.id).order_by(col(AgendaItem.position)))
            return NoticeData(
                body_name=body.name, title=m.title, starts_at=m.starts_at, ends_at=m.ends_at, place=m.place,
                agenda=[AgendaLine(kind=i.kind.value, title=i.title, presenter=i.presenter) for i in items],
                contact=m.contact or body.contact, issuer=body.name, issued_on=sent, note=m.note,
                urgent_reason=reason,
            )

    def notice_after_meeting(self, meeting_id: int, issued_on: dt.date | None = None) -> str | None:
        """The warning when the notice would be dated after its meeting (``None``: dated on or before it)."""
        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            sent = issued_on or m.notice_sent_on or self._today()
            if m.status is MeetingStatus.CANCELLED or not dated_after_meeting(sent, m.starts_at.date()):
                return None
            return _("The notice would be dated {sent}, after the meeting on {day}: a notice sent afterwards "
                     "called nobody.").format(
                sent=fmt_date(sent), day=fmt_date(m.starts_at.date()))

    def notice_lateness(self, meeting_id: int) -> str | None:
        """Why the notice would need a 긴급 사유 now (``None`` when it is in time or a reason is recorded)."""
        try:
            with self.store.session() as s:
                m = self._meeting(s, meeting_id)
                sent = m.notice_sent_on or self._today()
                if m.urgent_reason or m.status is MeetingStatus.CANCELLED:
                    return None
                return _late(sent, m.starts_at.date(), rules_of(s.get(Body, m.body_id)))
        except NotFound:
            return None

    def notice_pdf(self, meeting_id: int, *, urgent_reason: str | None = None) -> bytes:
        return self.notice(meeting_id, "pdf", urgent_reason=urgent_reason)

    def notice(self, meeting_id: int, fmt: str = "pdf", *, urgent_reason: str | None = None,
               issued_on: dt.date | None = None) -> bytes:
        """The notice to 위원 제위 as pdf, docx or hwpx (the 공문 to edit in 한글 or Word), dated ``issued_on``."""
        render = notice_renderer(fmt)
        return render(self.notice_data(meeting_id, urgent_reason=urgent_reason, issued_on=issued_on))

    def attendance_sheet_data(self, meeting_id: int) -> AttendanceSheetData:
        from aict_desktop.documents.data import AttendanceSheetData, SheetLine
        from aict_desktop.services.invitations import gaps_of, invitee_label

        with self.store.session() as s:
            mc = meeting_count(s, meeting_id)
            lines = [SheetLine(institution=a.institution, position=a.position, name=a.name,
                               role=a.role.value if a.role else "")
                     for a in mc.attendees if a.is_member]
            m = mc.meeting
            blank = max(5, 12 - len(lines))
            missing, _gone = gaps_of(s, m)  # a meeting not yet held: current members not on the list
            not_invited = [invitee_label(s, a.person_id) for a in missing]
            return AttendanceSheetData(title=m.title, starts_at=m.starts_at, place=m.place, lines=lines, blank_rows=blank,
                                       not_invited=not_invited)

    def attendance_sheet_pdf(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import attendance_sheet

        data = self.attendance_sheet_data(meeting_id)
        out = attendance_sheet.render_pdf(data)
        self._log("export.attendance_sheet", data.title, "pdf")
        return out

    def minutes_data(self, meeting_id: int, *, public: bool = False) -> MinutesData:
        from aict_desktop.services.minutes_data import minutes_data

        with self.store.session() as s:
            return minutes_data(s, meeting_count(s, meeting_id), self._current, public=public)

    def minutes(self, meeting_id: int, fmt: str = "pdf", *, public: bool = False) -> bytes:
        """회의록 as pdf, docx or hwpx; ``public``: the 공개용 version a 구청 posts (no 비공개 items, no personal data)."""
        from aict_desktop.services.minutes_data import render

        fmt = (fmt or "pdf").lower()
        if fmt not in MINUTES_FORMATS:
            raise ValidationError(_("Minutes can be saved as pdf, docx or hwpx, not '{fmt}'.").format(fmt=fmt))
        data = self.minutes_data(meeting_id, public=public)
        out = render(data, fmt)
        self._log("export.minutes", data.title, f"{fmt} public" if public else fmt)
        return out

    # --- allowances ----------------------------------------------------------------------

    def allowances_pdf(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import allowances

        data = self.allowances.sheet(meeting_id)
        out = allowances.render_pdf(data)
        self._log("export.allowances", data.title, "pdf")
        return out

    def allowances_xlsx(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import allowances

        data = self.allowances.sheet(meeting_id)
        out = allowances.render_xlsx(data)
        self._log("export.allowances", data.title, "xlsx")
        return out

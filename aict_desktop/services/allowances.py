"""참석수당 (attendance allowance) per meeting, computed from attendance.

- who is paid, and at which rate, is the body's rule (``domain.rules.pay_basis``:
  by default 출석 and 온라인 at the rate, 서면 at the written rate, a 대리출석
  not paid, a 당연직 public official not paid unless the body pays them);
- the long-meeting extra when the meeting lasted over two hours (closed_at −
  opened_at when recorded, else the planned ends_at − starts_at);
- a manual override (amount and reason) on the attendance wins over all of it;
- 배석자 (not members) appear only when an amount was set for them by hand.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from aict_desktop.documents.data import AllowanceLine, AllowanceSheetData
from aict_desktop.domain.enums import AppointmentKind
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Attendance, Body, Meeting
from aict_desktop.domain.rules.attendance import FULL, WRITTEN_RATE, pay_basis, took_part
from aict_desktop.i18n import _, fmt_won
from aict_desktop.services.attendees import meeting_count
from aict_desktop.services.validation import clean_text

LONG_MEETING = dt.timedelta(hours=2)

__all__ = ["AllowanceLine", "AllowanceService", "meeting_duration"]


def meeting_duration(m: Meeting) -> dt.timedelta | None:
    if m.opened_at is not None and m.closed_at is not None:
        return m.closed_at - m.opened_at
    if m.ends_at is not None:
        return m.ends_at - m.starts_at
    return None


class AllowanceService:
    def __init__(self, store):
        self.store = store

    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("There is no meeting {id}.").format(id=meeting_id))
        return m

    def _lines(self, s: Session, m: Meeting) -> list[AllowanceLine]:
        mc = meeting_count(s, m.id)
        body, rules = mc.body, mc.rules
        duration = meeting_duration(m)
        long = duration is not None and duration > LONG_MEETING
        overrides = {a.id: a for a in s.exec(select(Attendance).where(Attendance.meeting_id == m.id,
                                                                        Attendance.allowance_override.is_not(None)))}
        lines = []
        for a in mc.attendees:
            basis, note = pay_basis(a, rules)
            line = AllowanceLine(
                attendance_id=a.id, person_id=a.person_id, name=a.name, institution=a.institution,
                position=a.position, category=(a.kind or AppointmentKind.APPOINTED).value if a.is_member else "배석",
                attendance=a.status.value, amount=0, attended=took_part(a), note=note,
            )
            if a.id in overrides:
                att = overrides[a.id]
                line.amount, line.note, line.overridden = att.allowance_override, att.allowance_reason, True
            elif not a.is_member:
                continue  # 배석자: listed only when set by hand
            elif basis == WRITTEN_RATE:
                line.amount = body.allowance_written_rate
            elif basis == FULL:
                line.amount = body.allowance_rate
                if long and body.allowance_long_extra:
                    line.amount += body.allowance_long_extra
                    extra = f"2시간 초과 +{fmt_won(body.allowance_long_extra)}"
                    line.note = f"{line.note}, {extra}" if line.note else extra
            lines.append(line)
        return lines

    def compute(self, meeting_id: int) -> list[AllowanceLine]:
        """One line per invited member (absent: 0) and per 배석자 with a manual amount."""
        with self.store.session() as s:
            return self._lines(s, self._meeting(s, meeting_id))

    def sheet(self, meeting_id: int) -> AllowanceSheetData:
        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            body = s.get(Body, m.body_id)
            return AllowanceSheetData(title=m.title, starts_at=m.starts_at, place=m.place,
                                      rate=body.allowance_rate, lines=self._lines(s, m))

    def set_override(self, attendance_id: int, amount: int | None, reason: str = "") -> None:
        """Set (or with ``None`` clear) a manual amount; a reason is required when setting one."""
        with self.store.write() as s:
            att = s.get(Attendance, attendance_id)
            if att is None:
                raise NotFound(_("The attendance record no longer exists."))
            if amount is None:
                att.allowance_override, att.allowance_reason = None, ""
            else:
                try:
                    value = int(amount)
                except (TypeError, ValueError):
                    raise ValidationError(_("The allowance must be a whole number of won."), field="amount") from None
                if value < 0:
                    raise ValidationError(_("The allowance cannot be negative."), field="amount")
                att.allowance_override = value
                att.allowance_reason = clean_text(reason, _("Reason"), required=True, max_len=200, field="reason")
            s.add(att)

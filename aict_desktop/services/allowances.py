"""참석수당 (attendance allowance) per meeting, computed from attendance.

- a member who attended (출석, 온라인, 대리출석) gets the body's rate, plus the
  long-meeting extra when the meeting lasted over two hours (closed_at −
  opened_at when recorded, else the planned ends_at − starts_at);
- 서면 gets the written rate;
- a 당연직 appointee who is a public official gets nothing unless the body
  pays ex-officio members (``allowance_ex_officio``);
- absent or not recorded: nothing;
- a manual override (amount and reason) on the attendance wins over all of it;
- 배석자 (not members) appear only when an amount was set for them by hand.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from aict_desktop.documents.data import AllowanceLine, AllowanceSheetData
from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Appointment, Attendance, Body, Institution, Meeting, Person
from aict_desktop.i18n import _, fmt_won
from aict_desktop.services.validation import clean_text

LONG_MEETING = dt.timedelta(hours=2)
_ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.ONLINE, AttendanceStatus.PROXY, AttendanceStatus.WRITTEN)

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
        body = s.get(Body, m.body_id)
        duration = meeting_duration(m)
        long = duration is not None and duration > LONG_MEETING
        lines = []
        for att in s.exec(select(Attendance).where(Attendance.meeting_id == m.id).order_by(Attendance.id)):
            person = s.get(Person, att.person_id) if att.person_id else None
            appt = s.get(Appointment, att.appointment_id) if att.appointment_id else None
            inst = s.get(Institution, person.institution_id) if person and person.institution_id else None
            attended = att.status in _ATTENDED
            if att.is_member:
                category = appt.kind.value if appt else AppointmentKind.APPOINTED.value
            else:
                category = "배석"
            line = AllowanceLine(
                attendance_id=att.id, person_id=att.person_id,
                name=person.name if person else att.name,
                institution=inst.name if inst else att.affiliation,
                position=(appt.position_title if appt and appt.position_title else (person.position if person else "")),
                category=category, attendance=att.status.value, amount=0, attended=attended,
            )
            if att.allowance_override is not None:
                line.amount, line.note, line.overridden = att.allowance_override, att.allowance_reason, True
            elif not att.is_member:
                continue  # 배석자: listed only when set by hand
            elif not attended:
                pass
            elif (appt is not None and appt.kind is AppointmentKind.EX_OFFICIO and person is not None
                  and person.is_public_official and not body.allowance_ex_officio):
                line.note = "당연직 공무원 미지급"
            elif att.status is AttendanceStatus.WRITTEN:
                line.amount, line.note = body.allowance_written_rate, "서면 참석"
            else:
                line.amount = body.allowance_rate
                if long and body.allowance_long_extra:
                    line.amount += body.allowance_long_extra
                    line.note = f"2시간 초과 +{fmt_won(body.allowance_long_extra)}"
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

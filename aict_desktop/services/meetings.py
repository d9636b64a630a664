"""Meetings (회의): 제N차 numbering, agenda, attendance, decisions, minutes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from aict_desktop.domain.enums import (
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
)
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import (
    AgendaItem,
    Appointment,
    Attendance,
    Body,
    Meeting,
)
from aict_desktop.domain.rules import serves_on
from aict_desktop.i18n import _
from aict_desktop.services.agenda import AgendaMixin
from aict_desktop.services.attendance import AttendanceMixin
from aict_desktop.services.attendance_review import AttendanceReviewMixin
from aict_desktop.services.decisions import DecisionMixin, delete_item_rows
from aict_desktop.services.invitations import InvitationMixin
from aict_desktop.services.lookup import require_body
from aict_desktop.services.minutes import MinutesMixin
from aict_desktop.services.rows import MeetingRow
from aict_desktop.services.validation import clean_text, parse_enum
from aict_desktop.store.optimistic import save_versioned

if TYPE_CHECKING:
    from aict_desktop.store.engine import Store


def meeting_title(body_name: str, number: int, kind: MeetingKind) -> str:
    """``서초AICT 운영위원회 제3차 정기회의``"""
    return f"{body_name} 제{number}차 {kind.value}회의"


class MeetingService(AgendaMixin, DecisionMixin, AttendanceMixin, AttendanceReviewMixin, MinutesMixin, InvitationMixin):
    """Meetings; agenda, attendance and minutes methods come from the mixins."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- meetings --------------------------------------------------------------

    def next_number(self, body_id: int, session: Session | None = None) -> int:
        def _n(s: Session) -> int:
            return (s.exec(select(func.max(Meeting.number)).where(Meeting.body_id == body_id)).one() or 0) + 1

        if session is not None:
            return _n(session)
        with self.store.session() as s:
            return _n(s)

    def create(self, body_id: int, *, starts_at: dt.datetime, kind: MeetingKind | str = MeetingKind.REGULAR,
               number: int | None = None, title: str = "", place: str = "", ends_at: dt.datetime | None = None,
               invite_members: bool = True, session: Session | None = None) -> Meeting:
        """A meeting with the next 제N차 number; invitees default to the body's current appointees."""
        if session is None:
            with self.store.write() as s:
                return self.create(body_id, starts_at=starts_at, kind=kind, number=number, title=title, place=place,
                                   ends_at=ends_at, invite_members=invite_members, session=s)
        s = session
        body = require_body(s, body_id)
        meeting_kind: MeetingKind = parse_enum(MeetingKind, kind, _("Meeting kind"), default=MeetingKind.REGULAR)
        n = number if number is not None else self.next_number(body_id, s)
        if n < 1:
            raise ValidationError(_("The meeting number must be 1 or more."), field="number")
        if s.exec(select(Meeting).where(Meeting.body_id == body_id, Meeting.number == n)).first():
            raise ValidationError(_("{body} already has a meeting no. {n}.").format(body=body.name, n=n), field="number")
        if ends_at is not None and ends_at <= starts_at:
            raise ValidationError(_("The meeting ends before it starts."), field="ends_at")
        m = Meeting(
            body_id=body_id, number=n, kind=meeting_kind, starts_at=starts_at, ends_at=ends_at,
            title=clean_text(title, _("Title"), max_len=300) or meeting_title(body.name, n, meeting_kind),
            place=clean_text(place, _("Place"), max_len=300),
            contact=body.contact,
        )
        s.add(m)
        s.flush()
        assert m.id is not None
        if invite_members:
            for a in self.current_appointments(body_id, starts_at.date(), s):
                s.add(Attendance(meeting_id=m.id, person_id=a.person_id, appointment_id=a.id, is_member=True))
        return m

    def current_appointments(self, body_id: int, on: dt.date, s: Session) -> list[Appointment]:
        return [
            a
            for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
            if serves_on(a, on)
        ]

    def update(self, meeting_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
               original: dict[str, Any] | None = None) -> Meeting:
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            v: dict[str, Any] = {}
            for key, label, max_len in (("title", _("Title"), 300), ("place", _("Place"), 300),
                                        ("observers", _("Observers"), 2000), ("contact", _("Contact"), 500),
                                        ("note", _("Note"), 5000), ("minutes_summary", _("Minutes"), 200_000)):
                if key in changes:
                    v[key] = clean_text(changes[key], label, max_len=max_len, field=key)
            if set(v) - {"status", "note", "opened_at", "closed_at", "contact"}:
                self._require_draft(m)  # the minutes print these; confirmed minutes are locked
            if "kind" in changes:
                v["kind"] = parse_enum(MeetingKind, changes["kind"], _("Meeting kind"))
            if "status" in changes:
                v["status"] = parse_enum(MeetingStatus, changes["status"], _("Meeting status"))
            for key in ("starts_at", "ends_at", "opened_at", "closed_at"):
                if key in changes:
                    v[key] = changes[key]
            if "number" in changes and changes["number"] != m.number:
                n = int(changes["number"])
                if s.exec(select(Meeting).where(Meeting.body_id == m.body_id, Meeting.number == n)).first():
                    raise ValidationError(_("This body already has a meeting no. {n}.").format(n=n), field="number")
                v["number"] = n
            start, end = v.get("starts_at", m.starts_at), v.get("ends_at", m.ends_at)
            if end is not None and end <= start:
                raise ValidationError(_("The meeting ends before it starts."), field="ends_at")
            return save_versioned(s, Meeting, meeting_id, v, expected_version=expected_version, original=original)

    def delete(self, meeting_id: int) -> None:
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            if m.minutes_status is MinutesStatus.CONFIRMED:
                raise ValidationError(_("A meeting with confirmed minutes cannot be deleted."))
            from aict_desktop.domain.models import Task

            if s.exec(select(Task).where(Task.origin_meeting_id == m.id)).first():
                raise ValidationError(_("Tasks were created at this meeting; it cannot be deleted."))
            for item in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id)):
                assert item.id is not None
                delete_item_rows(s, item.id)
                s.delete(item)
            for att in s.exec(select(Attendance).where(Attendance.meeting_id == m.id)):
                s.delete(att)
            from aict_desktop.domain.models import MeetingLease

            lease = s.get(MeetingLease, m.id)
            if lease is not None:
                s.delete(lease)
            s.flush()
            s.delete(m)

    def _get(self, s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("The meeting no longer exists."))
        return m

    def get(self, meeting_id: int) -> Meeting:
        with self.store.session() as s:
            return self._get(s, meeting_id)

    def list(self, *, body_id: int | None = None, upcoming_only: bool = False, today: dt.date | None = None) -> list[MeetingRow]:
        today = today or dt.date.today()
        with self.store.session() as s:
            q = select(Meeting, Body.name).join(Body, col(Meeting.body_id) == Body.id)
            if body_id is not None:
                q = q.where(Meeting.body_id == body_id)
            if upcoming_only:
                q = q.where(Meeting.starts_at >= dt.datetime.combine(today, dt.time()))
                q = q.where(Meeting.status != MeetingStatus.CANCELLED)
            return [
                MeetingRow(
                    id=m.id, body=name, number=m.number, title=m.title, date=m.starts_at.date(),
                    status=m.status.value, body_id=m.body_id, kind=m.kind.value,
                    time=f"{m.starts_at.hour:02d}:{m.starts_at.minute:02d}", place=m.place,
                    minutes_status=m.minutes_status.value,
                )
                for m, name in s.exec(q.order_by(col(Meeting.starts_at), col(Meeting.id))).all()
                if m.id is not None  # (always: stored rows)
            ]

"""Meetings (회의): 제N차 numbering, agenda, attendance, decisions, minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from aict_desktop.domain.enums import (
    AgendaKind,
    AppointmentStatus,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
)
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AgendaItem, Appointment, Attendance, Body, Decision, Meeting
from aict_desktop.domain.quorum import decide, open_quorum
from aict_desktop.domain.terms import term_status
from aict_desktop.i18n import _
from aict_desktop.services.rows import MeetingRow
from aict_desktop.services.validation import clean_text, parse_enum
from aict_desktop.store.optimistic import save_versioned


def meeting_title(body_name: str, number: int, kind: MeetingKind) -> str:
    """``서초AICT 운영위원회 제3차 정기회의``"""
    return f"{body_name} 제{number}차 {kind.value}회의"


class MeetingService:
    def __init__(self, store):
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
        body = s.get(Body, body_id)
        if body is None:
            raise NotFound(_("The body no longer exists."))
        kind = parse_enum(MeetingKind, kind, _("Meeting kind"), default=MeetingKind.REGULAR)
        n = number if number is not None else self.next_number(body_id, s)
        if n < 1:
            raise ValidationError(_("The meeting number must be 1 or more."), field="number")
        if s.exec(select(Meeting).where(Meeting.body_id == body_id, Meeting.number == n)).first():
            raise ValidationError(_("{body} already has a meeting no. {n}.").format(body=body.name, n=n), field="number")
        if ends_at is not None and ends_at <= starts_at:
            raise ValidationError(_("The meeting ends before it starts."), field="ends_at")
        m = Meeting(
            body_id=body_id, number=n, kind=kind, starts_at=starts_at, ends_at=ends_at,
            title=clean_text(title, _("Title"), max_len=300) or meeting_title(body.name, n, kind),
            place=clean_text(place, _("Place"), max_len=300),
            contact=body.contact,
        )
        s.add(m)
        s.flush()
        if invite_members:
            for a in self.current_appointments(body_id, starts_at.date(), s):
                s.add(Attendance(meeting_id=m.id, person_id=a.person_id, appointment_id=a.id, is_member=True))
        return m

    def current_appointments(self, body_id: int, on: dt.date, s: Session) -> list[Appointment]:
        return [
            a
            for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
            if a.term_start <= on and term_status(a.term_end, a.end_reason, on, a.ended_on) is AppointmentStatus.SERVING
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
            if "minutes_summary" in v:
                self._require_draft(m)
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
            from aict_desktop.domain.models import AgendaTask, Task

            if s.exec(select(Task).where(Task.origin_meeting_id == m.id)).first():
                raise ValidationError(_("Tasks were created at this meeting; it cannot be deleted."))
            for item in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id)):
                for link in s.exec(select(AgendaTask).where(AgendaTask.agenda_item_id == item.id)):
                    s.delete(link)
                for d in s.exec(select(Decision).where(Decision.agenda_item_id == item.id)):
                    s.delete(d)
                s.delete(item)
            for att in s.exec(select(Attendance).where(Attendance.meeting_id == m.id)):
                s.delete(att)
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

    def _require_draft(self, m: Meeting) -> None:
        if m.minutes_status is MinutesStatus.CONFIRMED:
            raise ValidationError(
                _("The minutes were confirmed by {who} on {when} and are locked. Cancel the confirmation to edit them.").format(
                    who=m.minutes_confirmed_by, when=m.minutes_confirmed_at.isoformat(sep=" ", timespec="minutes")
                    if m.minutes_confirmed_at else ""
                )
            )

    def list(self, *, body_id: int | None = None, upcoming_only: bool = False, today: dt.date | None = None) -> list[MeetingRow]:
        today = today or dt.date.today()
        with self.store.session() as s:
            q = select(Meeting, Body.name).join(Body, Meeting.body_id == Body.id)
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
                for m, name in s.exec(q.order_by(Meeting.starts_at, Meeting.id)).all()
            ]

    # --- agenda ------------------------------------------------------------------

    def add_item(self, meeting_id: int, title: str, *, kind: AgendaKind | str = AgendaKind.REPORT,
                 presenter: str = "", description: str = "", session: Session | None = None) -> AgendaItem:
        if session is None:
            with self.store.write() as s:
                return self.add_item(meeting_id, title, kind=kind, presenter=presenter, description=description, session=s)
        s = session
        m = self._get(s, meeting_id)
        self._require_draft(m)
        pos = (s.exec(select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)).one() or 0) + 1
        item = AgendaItem(
            meeting_id=meeting_id, position=pos,
            kind=parse_enum(AgendaKind, kind, _("Agenda kind"), default=AgendaKind.REPORT),
            title=clean_text(title, _("Agenda title"), required=True, max_len=300),
            presenter=clean_text(presenter, _("Presenter"), max_len=200),
            description=clean_text(description, _("Description"), max_len=20_000),
        )
        s.add(item)
        s.flush()
        return item

    def items(self, meeting_id: int) -> list[AgendaItem]:
        with self.store.session() as s:
            return list(s.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)))

    def move_item(self, item_id: int, delta: int) -> None:
        """Move an agenda item up (-1) or down (+1)."""
        with self.store.write() as s:
            item = s.get(AgendaItem, item_id)
            if item is None:
                raise NotFound(_("The agenda item no longer exists."))
            self._require_draft(self._get(s, item.meeting_id))
            items = list(s.exec(select(AgendaItem).where(AgendaItem.meeting_id == item.meeting_id).order_by(AgendaItem.position)))
            i = next(k for k, it in enumerate(items) if it.id == item_id)
            j = max(0, min(len(items) - 1, i + delta))
            items.insert(j, items.pop(i))
            for pos, it in enumerate(items, start=1):
                it.position = pos
                s.add(it)

    def save_notes(self, item_id: int, notes: str) -> None:
        """Save 발언 요지 of one agenda item (committed before returning)."""
        with self.store.write() as s:
            item = s.get(AgendaItem, item_id)
            if item is None:
                raise NotFound(_("The agenda item no longer exists."))
            self._require_draft(self._get(s, item.meeting_id))
            item.notes = clean_text(notes, _("Notes"), max_len=200_000)
            item.updated_at = dt.datetime.now().replace(microsecond=0)
            s.add(item)

    # --- attendance and quorum -----------------------------------------------

    def attendance(self, meeting_id: int) -> list[Attendance]:
        with self.store.session() as s:
            return list(s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)))

    def set_attendance(self, attendance_id: int, status: AttendanceStatus | str, *, arrived_at: dt.time | None = None,
                       proxy_name: str | None = None) -> Attendance:
        with self.store.write() as s:
            att = s.get(Attendance, attendance_id)
            if att is None:
                raise NotFound(_("The attendance record no longer exists."))
            att.status = parse_enum(AttendanceStatus, status, _("Attendance"))
            if arrived_at is not None:
                att.arrived_at = arrived_at
            if proxy_name is not None:
                att.proxy_name = clean_text(proxy_name, _("Proxy"), max_len=100)
            s.add(att)
            return att

    def add_walk_in(self, meeting_id: int, name: str, affiliation: str = "") -> Attendance:
        """A 배석자 added on the spot (not counted for quorum)."""
        with self.store.write() as s:
            self._get(s, meeting_id)
            att = Attendance(
                meeting_id=meeting_id, is_member=False,
                name=clean_text(name, _("Name"), required=True, max_len=100),
                affiliation=clean_text(affiliation, _("Affiliation"), max_len=200),
                status=AttendanceStatus.PRESENT,
                arrived_at=dt.datetime.now().time().replace(second=0, microsecond=0),
            )
            s.add(att)
            s.flush()
            return att

    def counts(self, meeting_id: int) -> tuple[int, int]:
        """(enrolled, present) members of a meeting."""
        with self.store.session() as s:
            rows = s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.is_member)).all()
            return len(rows), sum(1 for a in rows if a.status.counts_for_quorum)

    def quorum(self, meeting_id: int):
        m = self.get(meeting_id)
        with self.store.session() as s:
            body = s.get(Body, m.body_id)
        enrolled, present = self.counts(meeting_id)
        return open_quorum(body.open_quorum, enrolled, present)

    # --- decisions ---------------------------------------------------------------

    def record_decision(self, item_id: int, *, yes: int, no: int, abstain: int = 0,
                        chair_vote: bool | None = None, text: str = "") -> Decision:
        """Record the vote on an 의결 item; the result follows the body's rule."""
        with self.store.write() as s:
            item = s.get(AgendaItem, item_id)
            if item is None:
                raise NotFound(_("The agenda item no longer exists."))
            m = self._get(s, item.meeting_id)
            self._require_draft(m)
            body = s.get(Body, m.body_id)
            members = s.exec(select(Attendance).where(Attendance.meeting_id == m.id, Attendance.is_member)).all()
            present = sum(1 for a in members if a.status.counts_for_quorum)
            result = decide(body.decision_quorum, body.tie_rule, enrolled=len(members), present=present,
                            yes=yes, no=no, abstain=abstain, chair_vote=chair_vote)
            d = s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first() or Decision(agenda_item_id=item_id)
            d.yes, d.no, d.abstain, d.chair_vote, d.result = yes, no, abstain, chair_vote, result
            d.text = clean_text(text, _("Decision"), max_len=2000)
            d.updated_at = dt.datetime.now().replace(microsecond=0)
            s.add(d)
            s.flush()
            return d

    def decision(self, item_id: int) -> Decision | None:
        with self.store.session() as s:
            return s.exec(select(Decision).where(Decision.agenda_item_id == item_id)).first()

    # --- minutes -------------------------------------------------------------------

    def confirm_minutes(self, meeting_id: int, by: str) -> Meeting:
        from aict_desktop.store.audit import log_access

        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            who = clean_text(by, _("Confirmed by"), required=True, max_len=100)
            now = dt.datetime.now().replace(microsecond=0)
            log_access(s, "minutes.confirm", target=m.title, detail=who)
            return save_versioned(s, Meeting, m.id, {
                "minutes_status": MinutesStatus.CONFIRMED, "minutes_confirmed_by": who, "minutes_confirmed_at": now,
            }, expected_version=m.version)

    def unconfirm_minutes(self, meeting_id: int, by: str, reason: str) -> Meeting:
        """확정 취소: explicit, with a reason, and itself recorded."""
        from aict_desktop.store.audit import log_access

        with self.store.write() as s:
            m = self._get(s, meeting_id)
            if m.minutes_status is not MinutesStatus.CONFIRMED:
                raise ValidationError(_("The minutes are not confirmed."))
            who = clean_text(by, _("Name"), required=True, max_len=100)
            why = clean_text(reason, _("Reason"), required=True, max_len=1000)
            log_access(s, "minutes.unconfirm", target=m.title, detail=f"{who}: {why}")
            return save_versioned(s, Meeting, m.id, {
                "minutes_status": MinutesStatus.DRAFT, "minutes_confirmed_by": "", "minutes_confirmed_at": None,
            }, expected_version=m.version)

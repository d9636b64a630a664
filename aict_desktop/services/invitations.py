"""The invitation list of a meeting not yet held follows the body's current members — part of ``MeetingService``.

A meeting's invitees are fixed when it is created (the body's appointees on its day). A member
appointed or 해촉 afterwards would otherwise be missing from, or wrongly on, the 참석자 명부 and
the notices. :meth:`invitation_gaps` says who differs; :meth:`update_invitations` invites the
missing and takes off those who no longer serve (never someone whose attendance is recorded).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from aict_desktop.domain.enums import AttendanceStatus, MeetingStatus
from aict_desktop.domain.models import Appointment, Attendance, Institution, Meeting, Person
from aict_desktop.domain.rules import serves_on
from aict_desktop.services.meeting_host import MeetingHost


@dataclass(frozen=True)
class InvitationGaps:
    not_invited: list[str] = field(default_factory=list)  # current members missing from the list: "홍길동(기관)"
    not_serving: list[str] = field(default_factory=list)  # invited, but their appointment does not cover the day

    def __bool__(self) -> bool:
        return bool(self.not_invited or self.not_serving)


def invitee_label(s: Session, person_id: int) -> str:
    p = s.get(Person, person_id)
    if p is None:
        return ""
    inst = s.get(Institution, p.institution_id) if p.institution_id else None
    return f"{p.name}({inst.name})" if inst else p.name


def gaps_of(s: Session, m: Meeting) -> tuple[list[Appointment], list[Attendance]]:
    """(appointments to invite, member rows to take off) for a meeting still 예정; nothing for any other."""
    if m.status is not MeetingStatus.PLANNED:
        return [], []
    on = m.starts_at.date()
    serving = [a for a in s.exec(select(Appointment).where(Appointment.body_id == m.body_id)) if serves_on(a, on)]
    rows = list(s.exec(select(Attendance).where(Attendance.meeting_id == m.id, Attendance.is_member)))
    invited = {r.person_id for r in rows}
    missing, seen = [], set()
    for a in sorted(serving, key=lambda a: a.id or 0):
        if a.person_id not in invited and a.person_id not in seen:
            seen.add(a.person_id)
            missing.append(a)
    serving_people = {a.person_id for a in serving}
    gone = [r for r in rows if r.person_id not in serving_people]
    return missing, gone


class InvitationMixin(MeetingHost):
    """Invitation-list methods of ``MeetingService`` (needs ``store``, ``_get`` and ``_require_draft``)."""

    def invitation_gaps(self, meeting_id: int) -> InvitationGaps:
        with self.store.session() as s:
            missing, gone = gaps_of(s, self._get(s, meeting_id))
            return InvitationGaps(not_invited=[invitee_label(s, a.person_id) for a in missing],
                                  not_serving=[invitee_label(s, r.person_id) for r in gone if r.person_id])

    def update_invitations(self, meeting_id: int) -> InvitationGaps:
        """Invite the current members missing from the list and take off those who no longer serve.

        Returns what changed. A row whose attendance is already recorded stays (it is history).
        """
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            missing, gone = gaps_of(s, m)
            for a in missing:
                s.add(Attendance(meeting_id=meeting_id, person_id=a.person_id, appointment_id=a.id, is_member=True))
            removed = [r for r in gone if r.status is AttendanceStatus.UNKNOWN]
            labels = [invitee_label(s, r.person_id) for r in removed if r.person_id]
            for r in removed:
                s.delete(r)
            return InvitationGaps(not_invited=[invitee_label(s, a.person_id) for a in missing], not_serving=labels)

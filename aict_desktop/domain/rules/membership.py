"""Who serves, who presides, who keeps the record, in what order, under which title.

Every list and paper (roster, attendance sheet, minutes, allowances,
certificates, meeting mode, dashboard) sorts and titles people with these.
"""

from __future__ import annotations

import datetime as dt

from aict_desktop.domain.enums import AppointmentKind, AppointmentStatus, BodyKind, Role
from aict_desktop.domain.rules.settings import BodyRules
from aict_desktop.domain.terms import term_status

# 위원장, 부위원장, 분과장, 위원, 간사 — the order of every list and paper
ROLE_ORDER = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.GROUP_LEAD: 2, Role.MEMBER: 3, Role.SECRETARY: 4}


def serves_on(appt, on: dt.date) -> bool:
    """The appointment is in force on ``on``: started, not expired, not ended by 해촉/사임."""
    return appt.term_start <= on and term_status(
        appt.term_end, appt.end_reason, on, appt.ended_on) is AppointmentStatus.SERVING


def takes_part_on(membership, on: dt.date) -> bool:
    """An institution is a member of the body on ``on``: joined by then, and not yet left (``left_on`` is
    the first day it is out, as 해촉 ends an appointment on its day)."""
    joined, left = membership.joined_on, membership.left_on
    return (joined is None or joined <= on) and (left is None or left > on)


def is_commissioned(kind: AppointmentKind | None) -> bool:
    """위촉직 (appointed by the 위촉권자), as opposed to 당연직 (a member by office)."""
    return kind is not AppointmentKind.EX_OFFICIO


def presiding_role(body_kind: BodyKind) -> Role:
    """Who presides and signs first: 분과장 for a 분과, otherwise 위원장."""
    return Role.GROUP_LEAD if body_kind is BodyKind.WORKING_GROUP else Role.CHAIR


RECORD_KEEPER = Role.SECRETARY  # 간사 keeps the minutes and signs them


def role_rank(role: Role | None) -> int:
    return ROLE_ORDER.get(role, len(ROLE_ORDER)) if role is not None else len(ROLE_ORDER) + 1


def role_sort_key(role: Role | None, kind: AppointmentKind | None, name: str, tie: int = 0) -> tuple:
    """위원장, 부위원장, 분과장, 위원, 간사; within a role 당연직 first, then by name."""
    return (role_rank(role), is_commissioned(kind), name, tie)


def printed_position(position_title: str | None, person_position: str | None) -> str:
    """직위 as printed: the appointment's own title, else the person's 직위."""
    return (position_title or "").strip() or (person_position or "").strip()


def in_enrolment(role: Role | None, kind: AppointmentKind | None, rules: BodyRules) -> bool:
    """Counted in 재적: every member except a 당연직 간사 (a non-voting official) unless the body says so."""
    if role is Role.SECRETARY and not is_commissioned(kind):
        return rules.secretary_in_enrolment
    return True


def gets_certificate(kind: AppointmentKind | None, rules: BodyRules, *, chosen: bool = False) -> bool:
    """A 위촉장 goes to 위촉직 members; 당연직 only when chosen explicitly or the body says so."""
    return is_commissioned(kind) or chosen or rules.certificate_ex_officio


def signer_roles(body_kind: BodyKind) -> list[Role]:
    """The roles that sign the minutes: the presiding role and the record keeper."""
    return [presiding_role(body_kind), RECORD_KEEPER]

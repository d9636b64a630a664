"""The plain data of a 회의록, counted with the body's rules (the same tally as the quorum panel).

``참석위원(N명)`` lists exactly the members who count as 출석 under the body's
rules, so N is the N of the generated line ``재적위원 16명 중 N명 출석``;
대리출석, 서면 and 온라인 each get their own line; a 간사 outside 재적 is listed
among the 배석자 (never under 불참위원); each item carries its 제척·기피·회피
and named votes; losses of 의사정족수 are printed with their time.
"""

from __future__ import annotations

from sqlmodel import Session, select

from aict_desktop.documents.data import (
    ActionData,
    DecisionData,
    MinutesData,
    MinutesItem,
)
from aict_desktop.domain.enums import AttendanceStatus, MinutesStatus
from aict_desktop.domain.enums import MembershipRole
from aict_desktop.domain.models import (
    AgendaItem, Decision, Institution, InstitutionMembership, Person, Recusal, Task, Vote,
)
from aict_desktop.domain.rules.minutes_record import RecordItem, missing_fields, order_text
from aict_desktop.i18n import fmt_time
from aict_desktop.domain.rules import (
    Attendee,
    counts_for_quorum,
    enrolled,
    quorum_changes,
    signer_roles,
)
from aict_desktop.domain.rules.voting import VoteChoice
from aict_desktop.services.action_items import owner_name
from aict_desktop.services.attendees import MeetingCount

S = AttendanceStatus


def label(a: Attendee) -> str:
    """``홍길동(기관)``"""
    return f"{a.name}({a.institution})" if a.institution else a.name


def member_title(a: Attendee) -> str:
    """``홍길동 위원`` (``홍길동 위원장``): how the minutes name a member."""
    return f"{a.name} {a.role.value if a.role else '위원'}"


def _present_label(a: Attendee) -> str:
    tag = {S.ONLINE: "온라인", S.PROXY: "대리출석", S.WRITTEN: "서면"}.get(a.status)
    if a.status is S.PROXY and a.proxy_name:
        tag += f", 대리인 {a.proxy_name}"
    text = label(a) + (f"[{tag}]" if tag else "")
    return text + (f"[{a.left_at:%H:%M} 퇴장]" if a.left_at else "")


def attendance_lists(mc: MeetingCount) -> dict[str, list[str]]:
    """Who goes on which line of the header, by the body's rules."""
    out = {"present": [], "proxies": [], "written": [], "absent": [], "officials": []}
    for a in mc.attendees:
        if not a.is_member:
            continue
        if not enrolled(a, mc.rules):
            role = a.role.value if a.role else ""
            out["officials"].append(f"{a.name}({', '.join(x for x in (role, a.institution) if x)})")
        elif counts_for_quorum(a, mc.rules):
            out["present"].append(_present_label(a))
        elif a.status is S.PROXY:
            out["proxies"].append(_present_label(a))
        elif a.status is S.WRITTEN:
            out["written"].append(label(a))
        else:
            out["absent"].append(label(a))
    return out


def _votes_text(s: Session, item_id: int, names: dict[int, str]) -> str:
    """``찬성 8명(김가, 이나 …), 반대 1명(박다), 기권 0명`` from named votes; "" without them."""
    votes = s.exec(select(Vote).where(Vote.agenda_item_id == item_id)).all()
    if not votes:
        return ""
    parts = []
    for choice in VoteChoice:
        who = sorted(names.get(v.person_id, "") for v in votes if v.choice is choice)
        parts.append(f"{choice.value} {len(who)}명" + (f"({', '.join(who)})" if who else ""))
    return ", ".join(parts)


def _recusal_lines(s: Session, item_id: int, names: dict[int, str]) -> list[str]:
    return [f"{names.get(r.person_id, '')} — {r.kind.value}" + (f" ({r.reason})" if r.reason else "")
            for r in s.exec(select(Recusal).where(Recusal.agenda_item_id == item_id).order_by(Recusal.id))]


def organiser(s: Session, body) -> str:
    """개최기관: the body's 주관기관 or 간사기관, else its 위촉권자, else the body itself."""
    q = (select(Institution.name, InstitutionMembership.role)
         .join(InstitutionMembership, InstitutionMembership.institution_id == Institution.id)
         .where(InstitutionMembership.body_id == body.id, InstitutionMembership.left_on.is_(None),
                InstitutionMembership.role.in_([MembershipRole.HOST, MembershipRole.SECRETARIAT])))
    hosts = sorted(s.exec(q).all(), key=lambda r: r[1] is not MembershipRole.HOST)
    return hosts[0][0] if hosts else (body.issuer or body.name)


def missing_record(s: Session, mc: MeetingCount) -> list[str]:
    """The fields the law requires that this meeting's minutes still lack (none: it may be confirmed)."""
    items = []
    for it in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == mc.meeting.id).order_by(AgendaItem.position)):
        decided = s.exec(select(Decision).where(Decision.agenda_item_id == it.id)).first() is not None
        items.append(RecordItem(kind=it.kind, notes=it.notes, decided=decided))
    recorded = any(a.status is not S.UNKNOWN for a in mc.attendees if a.is_member)
    return missing_fields(title=mc.meeting.title, organiser=organiser(s, mc.body), place=mc.meeting.place,
                          attendance_recorded=recorded, items=items)


def minutes_data(s: Session, mc: MeetingCount, current) -> MinutesData:
    m, t = mc.meeting, mc.tally
    lists = attendance_lists(mc)
    names = {a.person_id: member_title(a) for a in mc.attendees if a.person_id}
    observers = [f"{a.name}({a.institution})" if a.institution else a.name for a in mc.attendees if not a.is_member]
    observers = lists["officials"] + observers
    observers += [x.strip() for x in m.observers.replace("\n", ",").split(",") if x.strip()]
    actions: dict[int | None, list[ActionData]] = {}  # 후속 조치 by agenda item
    for task in s.exec(select(Task).where(Task.origin_meeting_id == m.id).order_by(Task.id)):
        actions.setdefault(task.origin_agenda_item_id, []).append(
            ActionData(title=task.title, owner=owner_name(s, task), due_on=task.due_on))
    items = []
    for it in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id).order_by(AgendaItem.position)):
        d = s.exec(select(Decision).where(Decision.agenda_item_id == it.id)).first()
        dec = DecisionData(result=d.result.value, yes=d.yes, no=d.no, abstain=d.abstain, text=d.text,
                           chair_vote=d.chair_vote) if d else None
        items.append(MinutesItem(number=len(items) + 1, kind=it.kind.value, title=it.title, presenter=it.presenter,
                                 notes=it.notes, decision=dec, actions=actions.pop(it.id, []),
                                 recusals=_recusal_lines(s, it.id, names), votes=_votes_text(s, it.id, names)))
    signers = []
    serving = current(s, m.body_id, m.starts_at.date())
    for n, role in enumerate(signer_roles(mc.body.kind)):
        held = sorted((a for a in serving if a.role is role), key=lambda a: a.id)
        if held or n == 0:  # the presiding role always signs; a record keeper only where one is appointed
            signers.append((role.value, s.get(Person, held[0].person_id).name if held else ""))
    signers += [("위원", "")] * mc.rules.signing_members
    return MinutesData(
        title=m.title, starts_at=m.starts_at, ends_at=m.closed_at or m.ends_at, place=m.place,
        present=lists["present"], absent=lists["absent"], proxies=lists["proxies"], written=lists["written"],
        observers=observers, items=items, actions=[a for rest in actions.values() for a in rest],
        summary=m.minutes_summary, draft=m.minutes_status is not MinutesStatus.CONFIRMED,
        confirmed_by=m.minutes_confirmed_by, confirmed_at=m.minutes_confirmed_at, signers=signers,
        quorum_line=t.line(), quorum_details=t.detail_lines(),
        quorum_changes=[c.text(t.enrolled) for c in quorum_changes(mc.attendees, mc.rules)],
        organiser=organiser(s, mc.body),
        order=order_text(fmt_time(m.opened_at), fmt_time(m.closed_at), len(items)),
    )

"""The plain data of a 회의록, counted with the body's rules (the same tally as the quorum panel).

``참석위원(N명)`` lists exactly the members who count as 출석 under the body's
rules, so N is the N of the generated line ``재적위원 16명 중 N명 출석``;
대리출석, 서면 and 온라인 each get their own line; a 간사 outside 재적 is listed
among the 배석자 (never under 불참위원); each item carries its 제척·기피·회피
and named votes; losses of 의사정족수 are printed with their time.
"""

from __future__ import annotations

import dataclasses
import re

from sqlmodel import Session, col, select

from aict_desktop.documents.data import (
    ActionData,
    DecisionData,
    MinutesData,
    MinutesItem,
)
from aict_desktop.documents.minutes import bracket
from aict_desktop.domain.enums import AttendanceStatus, MinutesStatus
from aict_desktop.domain.enums import MembershipRole
from aict_desktop.domain.models import (
    AgendaItem, Decision, Institution, InstitutionMembership, Person, Recusal, Task, Vote,
)
from aict_desktop.domain.rules.minutes_record import RecordItem, attendance_recorded, missing_fields, order_text
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
    return f"{a.name}{bracket(a.institution)}" if a.institution else a.name


def member_title(a: Attendee) -> str:
    """``홍길동 위원`` (``홍길동 위원장``): how the minutes name a member."""
    return f"{a.name} {a.role.value if a.role else '위원'}"


def _present_label(a: Attendee) -> str:
    tag = {S.ONLINE: "온라인", S.PROXY: "대리출석", S.WRITTEN: "서면"}.get(a.status, "")
    if a.status is S.PROXY and a.proxy_name:
        tag += f", 대리인 {a.proxy_name}"
    text = label(a) + (f"[{tag}]" if tag else "")
    return text + (f"[{a.left_at:%H:%M} 퇴장]" if a.left_at else "")


def attendance_lists(mc: MeetingCount) -> dict[str, list[str]]:
    """Who goes on which line of the header, by the body's rules."""
    out: dict[str, list[str]] = {"present": [], "proxies": [], "written": [], "absent": [], "officials": []}
    for a in mc.attendees:
        if not a.is_member:
            continue
        if not enrolled(a, mc.rules):
            role = a.role.value if a.role else ""
            out["officials"].append(a.name + bracket(", ".join(x for x in (role, a.institution) if x)))
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
    return [f"{names.get(r.person_id, '')} — {r.kind.value}" + (" " + bracket(r.reason) if r.reason else "")
            for r in s.exec(select(Recusal).where(col(Recusal.agenda_item_id) == item_id).order_by(col(Recusal.id)))]


def organiser(s: Session, body) -> str:
    """개최기관: the body's 주관기관 or 간사기관, else its 위촉권자, else the body itself."""
    q = (select(Institution.name, InstitutionMembership.role)
         .join(InstitutionMembership, col(InstitutionMembership.institution_id) == Institution.id)
         .where(InstitutionMembership.body_id == body.id, col(InstitutionMembership.left_on).is_(None),
                col(InstitutionMembership.role).in_([MembershipRole.HOST, MembershipRole.SECRETARIAT])))
    hosts = sorted(s.exec(q).all(), key=lambda r: r[1] is not MembershipRole.HOST)
    return hosts[0][0] if hosts else (body.issuer or body.name)


def missing_record(s: Session, mc: MeetingCount) -> list[str]:
    """The fields the law requires that this meeting's minutes still lack (none: it may be confirmed)."""
    items = []
    for it in s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == mc.meeting.id).order_by(col(AgendaItem.position))):
        decided = s.exec(select(Decision).where(Decision.agenda_item_id == it.id)).first() is not None
        items.append(RecordItem(kind=it.kind, notes=it.notes, decided=decided))
    return missing_fields(title=mc.meeting.title, organiser=organiser(s, mc.body), place=mc.meeting.place,
                          attendance_recorded=attendance_recorded(mc.attendees), items=items)


def minutes_data(s: Session, mc: MeetingCount, current, public: bool = False) -> MinutesData:
    """The minutes of the meeting; ``public``: the version posted on the website (see :func:`public_version`)."""
    d = _minutes_data(s, mc, current)
    if not public:
        return d
    assert mc.meeting.id is not None
    closed = {n for n, it in enumerate(_agenda(s, mc.meeting.id), 1) if is_closed(it)}
    members = [a.name for a in mc.attendees if a.is_member and a.name]
    return public_version(d, closed, members, pseudonymise=mc.rules.pseudonymise_public_minutes)


def _agenda(s: Session, meeting_id: int) -> list[AgendaItem]:
    return list(s.exec(select(AgendaItem).where(col(AgendaItem.meeting_id) == meeting_id).order_by(col(AgendaItem.position))))


def _minutes_data(s: Session, mc: MeetingCount, current) -> MinutesData:
    m, t = mc.meeting, mc.tally
    lists = attendance_lists(mc)
    names = {a.person_id: member_title(a) for a in mc.attendees if a.person_id}
    observers = [label(a) for a in mc.attendees if not a.is_member]
    observers = lists["officials"] + observers
    observers += [x.strip() for x in m.observers.replace("\n", ",").split(",") if x.strip()]
    actions: dict[int | None, list[ActionData]] = {}  # 후속 조치 by agenda item
    for task in s.exec(select(Task).where(col(Task.origin_meeting_id) == m.id).order_by(col(Task.id))):
        actions.setdefault(task.origin_agenda_item_id, []).append(
            ActionData(title=task.title, owner=owner_name(s, task), due_on=task.due_on))
    items: list[MinutesItem] = []
    assert m.id is not None
    for it in _agenda(s, m.id):
        assert it.id is not None
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
            person = s.get(Person, held[0].person_id) if held else None
            signers.append((role.value, person.name if person else ""))
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


# --- the public version (공개용): what a 구청 posts on its website ---------------------------------

CLOSED_MARKS = ("[비공개]", "(비공개)", "<비공개>", "비공개:", "비공개 -")
CLOSED_TITLE = "비공개 안건"
CLOSED_NOTE = "비공개 안건으로 공개본에서 제외함 (공공기관의 정보공개에 관한 법률 제9조①)"
REMOVED = "(개인정보 삭제)"
PSEUDONYM = "○○○"
_ROLE_WORDS = ("부위원장", "위원장", "분과장", "간사", "위원")
_PERSONAL = [
    re.compile(r"\b\d{6}\s*-\s*[1-8]\d{6}\b"),  # 주민등록번호 / 외국인등록번호
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"(?<!\d)(?:\+82[-. ]?)?0\d{1,2}[-. )]\s?\d{3,4}[-. ]\d{4}(?!\d)"),  # 010-1234-5678, 02-2155-0000
    re.compile(r"(?<!\d)01[016789]\d{7,8}(?!\d)"),  # 01012345678
]


def is_closed(item: AgendaItem) -> bool:
    """비공개: marked so (the 비공개 box of the agenda editor), or written so (see :func:`is_closed_item`)."""
    return item.closed or is_closed_item(item.title, item.description)


def is_closed_item(title: str, description: str = "") -> bool:
    """Written as 비공개: the title starts with a 비공개 mark (``[비공개] 위원 해촉 심의``) or the description's
    first line is 비공개 (how items were marked before the flag; migration 0006 set the flag on those)."""
    head = (title or "").strip()
    first = ((description or "").strip().splitlines() or [""])[0].strip()
    return head.startswith(CLOSED_MARKS) or first.startswith(("비공개",) + CLOSED_MARKS)


def remove_personal(text: str) -> str:
    """Phone numbers, e-mail addresses and 주민등록번호 replaced by ``(개인정보 삭제)``."""
    for pattern in _PERSONAL:
        text = pattern.sub(REMOVED, text)
    return text


def pseudonymise_names(text: str, names: list[str]) -> str:
    """Each member's name as ``○○○ 위원`` (``○○○ 위원장`` where the text gives the role)."""
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        role = "|".join(_ROLE_WORDS)
        text = re.sub(rf"{re.escape(name)}(?:\s*({role})|(?![가-힣]))",
                      lambda m: f"{PSEUDONYM} {m.group(1) or '위원'}", text)
    return text


def public_version(d: MinutesData, closed: set[int], members: list[str], *, pseudonymise: bool) -> MinutesData:
    """The minutes without the 비공개 items and personal data; speakers as ``○○○ 위원`` when ``pseudonymise``.

    A closed item keeps its number and kind (the agenda stays complete) but not its title, notes, votes,
    decision text or actions. The attendance lists and the signature block keep their names (위원 명단
    are public); who said what is what the body's setting hides.
    """
    def clean(text: str) -> str:
        text = remove_personal(text or "")
        return pseudonymise_names(text, members) if pseudonymise else text

    items = []
    for it in d.items:
        if it.number in closed:
            items.append(dataclasses.replace(it, title=CLOSED_TITLE, presenter="", notes=CLOSED_NOTE,
                                             decision=None, actions=[], recusals=[], votes="", closed=True))
            continue
        dec = it.decision and dataclasses.replace(it.decision, text=clean(it.decision.text))
        votes = re.sub(r"\([^)]*\)", "", it.votes) if pseudonymise else it.votes  # counts, not names
        items.append(dataclasses.replace(
            it, title=clean(it.title), presenter=remove_personal(it.presenter), notes=clean(it.notes), decision=dec,
            votes=remove_personal(votes), recusals=[clean(r) for r in it.recusals],
            actions=[dataclasses.replace(a, title=clean(a.title), owner=remove_personal(a.owner)) for a in it.actions]))
    return dataclasses.replace(
        d, items=items, summary=clean(d.summary), public=True,
        actions=[dataclasses.replace(a, title=clean(a.title), owner=remove_personal(a.owner)) for a in d.actions],
        observers=[remove_personal(o) for o in d.observers], place=remove_personal(d.place))


def render(d: MinutesData, fmt: str) -> bytes:
    """The minutes in ``fmt`` (pdf, docx or hwpx)."""
    if fmt == "docx":
        from aict_desktop.documents.minutes_docx import render_docx as write
    elif fmt == "hwpx":
        from aict_desktop.documents.minutes_hwpx import render_hwpx as write
    else:
        from aict_desktop.documents.minutes import render_pdf as write
    return write(d)

"""What a 회의록 must hold before it is confirmed (공공기록물 관리에 관한 법률 시행령 제18조②).

회의의 명칭, 개최기관, 일시 및 장소, 참석자 및 배석자 명단, 진행 순서, 상정 안건,
발언 요지, 결정 사항 및 표결 내용: the minutes print these labels, and 확정 is
refused while one of them would be empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aict_desktop.domain.enums import AgendaKind, AttendanceStatus
from aict_desktop.domain.rules.attendance import Attendee

LABELS = ("회의의 명칭", "개최기관", "일시 및 장소", "참석자 및 배석자 명단", "진행 순서", "상정 안건", "발언 요지",
          "결정 사항 및 표결 내용")


@dataclass(frozen=True)
class RecordItem:
    kind: AgendaKind
    notes: str
    decided: bool  # a 의결 item has its vote recorded


def unrecorded_members(attendees: Iterable[Attendee]) -> list[str]:
    """Members whose attendance is still 미정, in the given order.

    확정 warns about them (the minutes would print them as 미정) but refuses only when no
    member's attendance is recorded at all (then the 참석자 명단 is empty).
    """
    return [a.name for a in attendees if a.is_member and a.status is AttendanceStatus.UNKNOWN]


def attendance_recorded(attendees: Iterable[Attendee]) -> bool:
    """The 참석자 명단 exists: at least one member's attendance is recorded."""
    return any(a.is_member and a.status is not AttendanceStatus.UNKNOWN for a in attendees)


def missing_fields(*, title: str, organiser: str, place: str, attendance_recorded: bool,
                   items: list[RecordItem]) -> list[str]:
    """The required fields that are still empty, with the agenda item number where it is one item's."""
    missing = [label for label, value in (("회의의 명칭", title), ("개최기관", organiser), ("일시 및 장소", place))
               if not (value or "").strip()]
    if not attendance_recorded:
        missing.append("참석자 및 배석자 명단")
    if not items:
        missing += ["진행 순서", "상정 안건"]
    for n, it in enumerate(items, start=1):
        if not it.notes.strip():
            missing.append(f"발언 요지(안건 {n})")
        if it.kind is AgendaKind.RESOLUTION and not it.decided:
            missing.append(f"결정 사항 및 표결 내용(안건 {n})")
    return missing


def order_text(opened: str, closed: str, items: int) -> str:
    """진행 순서: ``15:02 개회 → 성원 보고 → 안건 1~4 보고·심의·의결 → 16:48 폐회``."""
    parts = [f"{opened} 개회".strip(), "성원 보고"]
    if items:
        parts.append(f"안건 1~{items} 보고·심의·의결" if items > 1 else "안건 1 보고·심의·의결")
    parts.append(f"{closed} 폐회".strip())
    return " → ".join(parts)

"""Enumerations of the domain.

Values are the Korean terms a secretariat writes in its own files (so imports
and ``aict list --json`` speak the office's language); ``label()`` gives the
display text in the active UI language.
"""

from __future__ import annotations

from enum import StrEnum

from aict_desktop.i18n import N_, _


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry an English label (translated via gettext)."""

    english: str  # set by __new__ on each member

    def __new__(cls, value: str, english: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.english = english or value
        return obj

    def label(self) -> str:
        return _(self.english)

    @classmethod
    def parse(cls, text: str):
        """Accept the Korean value, the member name or the English label."""
        t = (text or "").strip()
        for m in cls:
            if t in (m.value, m.name, m.english) or t.lower() in (m.name.lower(), m.english.lower()):
                return m
        raise ValueError(t)


class BodyKind(LabelledEnum):
    COMMITTEE = "위원회", N_("Committee")
    NETWORK = "네트워크", N_("Network")
    COUNCIL = "협의회", N_("Council")
    WORKING_GROUP = "분과", N_("Working group")


class OpenQuorumRule(LabelledEnum):
    """의사정족수: who must be present to open the meeting."""

    MAJORITY_OF_ENROLLED = "재적위원 과반수 출석", N_("Majority of enrolled members present")
    ONE_THIRD_OF_ENROLLED = "재적위원 3분의 1 이상 출석", N_("At least one third of enrolled members present")
    NONE = "정족수 없음", N_("No quorum")


class DecisionQuorumRule(LabelledEnum):
    """의결정족수: how a motion passes."""

    MAJORITY_OF_PRESENT = "출석위원 과반수 찬성", N_("Majority of members present in favour")
    TWO_THIRDS_OF_PRESENT = "출석위원 3분의 2 이상 찬성", N_("Two thirds of members present in favour")
    MAJORITY_OF_ENROLLED = "재적위원 과반수 찬성", N_("Majority of enrolled members in favour")


class TieRule(LabelledEnum):
    """가부동수: what happens when yes equals no."""

    REJECTED = "부결", N_("Tie is rejected")
    CHAIR_DECIDES = "위원장 결정", N_("Chair decides a tie")


class Sector(LabelledEnum):
    LARGE_COMPANY = "대기업", N_("Large company")
    SME = "중소기업", N_("Small or medium company")
    STARTUP = "스타트업", N_("Startup")
    UNIVERSITY = "대학", N_("University")
    RESEARCH = "연구기관", N_("Research institute")
    PUBLIC = "공공기관", N_("Public agency")
    ASSOCIATION = "협회", N_("Association")
    OTHER = "기타", N_("Other")

    @property
    def group(self) -> "SectorGroup":
        return _SECTOR_GROUP[self]


class SectorGroup(LabelledEnum):
    """산·학·연·관."""

    INDUSTRY = "산", N_("Industry")
    ACADEMIA = "학", N_("Academia")
    RESEARCH = "연", N_("Research")
    GOVERNMENT = "관", N_("Government")
    OTHER = "기타", N_("Other")


_SECTOR_GROUP = {
    Sector.LARGE_COMPANY: SectorGroup.INDUSTRY,
    Sector.SME: SectorGroup.INDUSTRY,
    Sector.STARTUP: SectorGroup.INDUSTRY,
    Sector.ASSOCIATION: SectorGroup.INDUSTRY,
    Sector.UNIVERSITY: SectorGroup.ACADEMIA,
    Sector.RESEARCH: SectorGroup.RESEARCH,
    Sector.PUBLIC: SectorGroup.GOVERNMENT,
    Sector.OTHER: SectorGroup.OTHER,
}


class MembershipRole(LabelledEnum):
    MEMBER = "참여기관", N_("Member institution")
    SECRETARIAT = "간사기관", N_("Secretariat institution")
    HOST = "주관기관", N_("Host institution")


class Role(LabelledEnum):
    CHAIR = "위원장", N_("Chair")
    VICE_CHAIR = "부위원장", N_("Vice chair")
    MEMBER = "위원", N_("Member")
    SECRETARY = "간사", N_("Secretary")
    GROUP_LEAD = "분과장", N_("Working group lead")


class AppointmentKind(LabelledEnum):
    APPOINTED = "위촉직", N_("Appointed")
    EX_OFFICIO = "당연직", N_("Ex officio")


class AppointmentStatus(LabelledEnum):
    SERVING = "재임", N_("Serving")
    EXPIRED = "임기만료", N_("Term expired")
    DISMISSED = "해촉", N_("Dismissed")
    RESIGNED = "사임", N_("Resigned")


class MeetingKind(LabelledEnum):
    REGULAR = "정기", N_("Regular")
    EXTRAORDINARY = "임시", N_("Extraordinary")


class MeetingStatus(LabelledEnum):
    PLANNED = "예정", N_("Scheduled")
    IN_PROGRESS = "진행중", N_("Meeting in progress")
    HELD = "개최", N_("Held")
    CANCELLED = "취소", N_("Cancelled")


class AgendaKind(LabelledEnum):
    REPORT = "보고", N_("Report")
    DELIBERATION = "심의", N_("Deliberation")
    RESOLUTION = "의결", N_("Resolution")


class AttendanceStatus(LabelledEnum):
    UNKNOWN = "미정", N_("Not recorded")
    PRESENT = "출석", N_("Present")
    ABSENT = "불참", N_("Absent")
    PROXY = "대리출석", N_("Present by proxy")
    WRITTEN = "서면", N_("Written participation")
    ONLINE = "온라인", N_("Online")  # 화상; what each kind counts for is the body's rule (domain.rules)


class VoteResult(LabelledEnum):
    PENDING = "미결", N_("Not decided")
    PASSED = "가결", N_("Passed")
    REJECTED = "부결", N_("Rejected")


class MinutesStatus(LabelledEnum):
    DRAFT = "초안", N_("Draft")
    CONFIRMED = "확정", N_("Confirmed")


class TaskStatus(LabelledEnum):
    PLANNED = "계획", N_("Planned")
    IN_PROGRESS = "진행", N_("In progress")
    DONE = "완료", N_("Done")
    ON_HOLD = "보류", N_("On hold")


class Priority(LabelledEnum):
    HIGH = "높음", N_("High")
    NORMAL = "보통", N_("Normal")
    LOW = "낮음", N_("Low")


class ProgramKind(LabelledEnum):
    CONTEST = "공모", N_("Open call")
    COURSE = "교육과정", N_("Training course")
    LECTURE = "특강", N_("Lecture")
    HACKATHON = "해커톤", N_("Hackathon")
    FESTA = "페스타", N_("Festival")
    OTHER = "기타", N_("Other")


class CertificateStatus(LabelledEnum):
    VALID = "유효", N_("Valid")
    VOID = "폐기", N_("Void")


class PrintKind(LabelledEnum):
    ISSUE = "발급", N_("Issued")
    REPRINT = "재발급", N_("Reprinted")

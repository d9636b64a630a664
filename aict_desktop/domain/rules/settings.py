"""The per-body rule set: one typed record with the legal default of every rule and its source.

A 구청's committees follow 지방자치법 and its 시행령 plus the 구's own 조례, which
usually copy 행정기관위원회법; so every number here is a setting of the body,
with the default the law gives (../shared/RULES.md). A 조례 change is one
setting in 설정 → 기구별 설정; a rule the program does not know yet is one
field here, its use in this package and one test.

The quorum rules (``open_quorum``, ``decision_quorum``, ``tie_rule``) and the
allowance switch for ex-officio officials are columns of the body; the rest
is kept as JSON in ``body.rules``. Unknown keys in stored JSON are ignored and
missing keys take their default, so an older or newer program reads the same file.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, fields

from aict_desktop.domain.enums import AttendanceStatus, DecisionQuorumRule, OpenQuorumRule, TieRule
from aict_desktop.i18n import N_

S = AttendanceStatus

# which attendance kinds count, by default: 출석 and 화상 are present (행정기관위원회법 제9조②);
# a proxy is not the member (시행령 제4조③); a 서면 opinion is not presence
DEFAULT_QUORUM = frozenset({S.PRESENT, S.ONLINE})
DEFAULT_VOTE = frozenset({S.PRESENT, S.ONLINE})
DEFAULT_PAID = frozenset({S.PRESENT, S.ONLINE, S.WRITTEN})
SIGNER_ROLES = ("presiding", "secretary")  # 위원장 (분과장 for a 분과) and 간사


@dataclass(frozen=True)
class BodyRules:
    """Every committee rule of one body. Build with :func:`rules_of`; change with :meth:`replace`."""

    open_quorum: OpenQuorumRule = OpenQuorumRule.MAJORITY_OF_ENROLLED
    decision_quorum: DecisionQuorumRule = DecisionQuorumRule.MAJORITY_OF_PRESENT
    tie_rule: TieRule = TieRule.REJECTED
    pay_ex_officio: bool = False
    quorum_statuses: frozenset[AttendanceStatus] = DEFAULT_QUORUM
    vote_statuses: frozenset[AttendanceStatus] = DEFAULT_VOTE
    paid_statuses: frozenset[AttendanceStatus] = DEFAULT_PAID
    secretary_in_enrolment: bool = False
    max_term_months: int = 36
    reappointment_limit: int | None = None
    multi_body_limit: int = 3
    gender_cap_percent: int = 60
    notice_days: int = 7
    attendance_review_percent: int = 50
    certificate_ex_officio: bool = False
    certificate_serial_prefix: str = ""  # printed before the serial: "운영위 제2026-001호"; "" = "제2026-001호"
    signing_members: int = 0
    pseudonymise_public_minutes: bool = True

    def replace(self, **changes) -> "BodyRules":
        return dataclasses.replace(self, **changes)

    # --- storage ---------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The rule set as plain JSON values (``aict list bodies --json`` prints this as ``rules``)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, frozenset):
                v = sorted(s.value for s in v)
            elif hasattr(v, "value"):
                v = v.value
            out[f.name] = v
        return out

    def stored_json(self) -> str:
        """What ``body.rules`` keeps: everything except the body's own columns."""
        d = self.to_dict()
        for key in COLUMN_KEYS:
            d.pop(key)
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict | None, **columns) -> "BodyRules":
        """Read a stored rule set; bad or missing values take the default (never fail to open a body)."""
        base = cls(**columns)
        changes = {}
        for f in fields(cls):
            if f.name in COLUMN_KEYS or not data or f.name not in data:
                continue
            try:
                changes[f.name] = _coerce(f.name, data[f.name], getattr(base, f.name))
            except (TypeError, ValueError):
                continue
        return base.replace(**changes)


COLUMN_KEYS = ("open_quorum", "decision_quorum", "tie_rule", "pay_ex_officio")


def _coerce(name: str, value, default):
    if isinstance(default, frozenset) or name.endswith("_statuses"):
        return frozenset(AttendanceStatus(v) for v in value)
    if name == "reappointment_limit":
        return None if value is None or value == "" else max(0, int(value))
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    if isinstance(default, str):
        return clean_serial_prefix(value)
    if isinstance(default, int):
        n = int(value)
        if n < 0:
            raise ValueError(n)
        return n
    return value


SERIAL_PREFIX_MAX = 12


def clean_serial_prefix(value) -> str:
    """A body's serial prefix as kept: spaces trimmed and single; ValueError when it cannot stand before a serial.

    Up to 12 printable characters, no "제…호" of its own (the serial supplies that), so every serial
    reads ``{prefix} 제2026-001호`` and is found again by its number.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(value)
    text = " ".join(value.split())
    if len(text) > SERIAL_PREFIX_MAX or not text.isprintable() or "호" in text or text.endswith("제"):
        raise ValueError(text)
    return text


def rules_of(body) -> BodyRules:
    """The rule set of a body (any object with the body's columns; ``None`` gives the defaults)."""
    if body is None:
        return BodyRules()
    try:
        data = json.loads(getattr(body, "rules", "") or "{}")
    except (TypeError, ValueError):
        data = {}
    return BodyRules.from_dict(
        data if isinstance(data, dict) else {},
        open_quorum=body.open_quorum, decision_quorum=body.decision_quorum, tie_rule=body.tie_rule,
        pay_ex_officio=bool(body.allowance_ex_officio),
    )


@dataclass(frozen=True)
class RuleInfo:
    key: str
    label: str  # English msgid (N_); the settings page translates it
    source: str  # the law or 조례 it comes from, shown as a tooltip


SOURCES = (
    RuleInfo("open_quorum", N_("Quorum to open"), "각 조례; 지방자치법 제72조 (의회 준용)"),
    RuleInfo("decision_quorum", N_("Quorum to decide"), "각 조례; 지방자치법 제73조 (의회 준용)"),
    RuleInfo("tie_rule", N_("Tie"), "각 조례 (가부동수는 부결이 일반적)"),
    RuleInfo("quorum_statuses", N_("Counts as present (opening quorum)"),
             "행정기관위원회법 제9조② (화상회의 출석 인정), 시행령 제4조③ (대리출석은 위원 아님)"),
    RuleInfo("vote_statuses", N_("Counts as present (deciding)"), "행정기관위원회법 제9조②; 각 조례"),
    RuleInfo("paid_statuses", N_("Paid attendance kinds"), "행정기관위원회법 제12조; 지방자치법 시행령 제93조"),
    RuleInfo("secretary_in_enrolment", N_("Ex officio secretary counts in 재적"),
             "각 조례 (간사는 보통 위원이 아닌 소속 공무원)"),
    RuleInfo("pay_ex_officio", N_("Pay ex officio public officials"),
             "행정기관위원회법 제12조 (소관 업무로 출석한 공무원 제외)"),
    RuleInfo("max_term_months", N_("Longest term of appointed members (months)"),
             "지방자치법 시행령 제79조②; 행정기관위원회법 제8조②"),
    RuleInfo("reappointment_limit", N_("Renewals allowed (empty: no limit)"), "각 조례 (예: 연임은 한 차례)"),
    RuleInfo("multi_body_limit", N_("Bodies one person may serve on"),
             "행정기관위원회법 제8조⑤; 지자체 위원회 인력풀 운영 지침"),
    RuleInfo("gender_cap_percent", N_("Largest share of one gender among appointed members (%)"),
             "양성평등기본법 제21조②"),
    RuleInfo("notice_days", N_("Notice days before a meeting"), "행정기관위원회법 제9조①, 시행령 제5조①"),
    RuleInfo("attendance_review_percent", N_("Yearly attendance below which a member is reviewed (%)"),
             "서울특별시 위원회 조례 일괄 개정 (2023)"),
    RuleInfo("certificate_ex_officio", N_("Certificates for ex officio members in a batch"),
             "위촉장은 위촉직에게 수여 (당연직은 직위로 위원)"),
    RuleInfo("certificate_serial_prefix", N_("Certificate serial prefix (e.g. 운영위; empty: none)"),
             "발급번호는 기구별로 매겨지므로, 위촉권자가 같은 기구끼리는 접두어로 구분 (예: 운영위 제2026-001호)"),
    RuleInfo("signing_members", N_("Members who sign the minutes"), "각 조례 (서명위원)"),
    RuleInfo("pseudonymise_public_minutes", N_("Public minutes name speakers as ○○○ 위원"),
             "공공기관의 정보공개에 관한 법률 제9조①6; 각 조례"),
)


def source_of(key: str) -> str:
    for info in SOURCES:
        if info.key == key:
            return info.source
    raise KeyError(key)

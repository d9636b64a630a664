"""참석수당 (attendance allowance) per meeting, computed from attendance, with 원천징수.

- who is paid, and at which rate, is the body's rule (``domain.rules.pay_basis``:
  by default 출석 and 온라인 at the rate, 서면 at the written rate, a 대리출석
  not paid, a 당연직 public official not paid unless the body pays them);
- the long-meeting extra when the meeting lasted over two hours (closed_at −
  opened_at when recorded, else the planned ends_at − starts_at);
- a manual override (amount and reason) on the attendance wins over all of it,
  except a person whose tax kind is 미지급 or 공무원 제외, who is paid nothing;
- the tax withheld from each payment is ``domain.rules.withholding`` under the
  person's tax kind (기타소득 by default; one meeting's payment is one 건);
- 배석자 (not members) appear only when an amount was set for them by hand.

The 지급 조서 (:meth:`AllowanceService.statement`) is refused for a meeting not
held and for a body without a rate; it shows each paid person's bank account
masked, decrypted only to print and logged in the 접속기록.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from aict_desktop.documents.data import AllowanceLine, AllowanceSheetData
from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus, MeetingStatus
from aict_desktop.domain.errors import DomainError, NotFound, ValidationError
from aict_desktop.domain.models import Attendance, Body, BodyBudget, Meeting, Person
from aict_desktop.domain.rules import TaxKind, is_payable, tax_kind_of, withholding
from aict_desktop.domain.rules.attendance import FULL, KIND_WORDS, WRITTEN_RATE, pay_basis, took_part
from aict_desktop.i18n import _, fmt_won
from aict_desktop.security.fields import mask_account
from aict_desktop.services.attendees import MeetingCount, meeting_count
from aict_desktop.services.personal import PRINT
from aict_desktop.services.validation import clean_text
from aict_desktop.store.audit import log_access

if TYPE_CHECKING:
    from aict_desktop.documents.data import AllowanceYearData
    from aict_desktop.services.personal import PersonalDataService
    from aict_desktop.store.engine import Store

LONG_MEETING = dt.timedelta(hours=2)
S = AttendanceStatus
EXPORT_ACTION = "export.allowances"
# the 조서 is signed for receipt at the end of the meeting, so a meeting in progress has one too;
# one still 예정 or 취소 has none. The yearly figures count meetings held (개최) only.
PAYABLE_STATUSES = frozenset({MeetingStatus.IN_PROGRESS, MeetingStatus.HELD})

__all__ = ["AllowanceLine", "AllowanceService", "meeting_duration"]


def meeting_duration(m: Meeting) -> dt.timedelta | None:
    if m.opened_at is not None and m.closed_at is not None:
        return m.closed_at - m.opened_at
    if m.ends_at is not None:
        return m.ends_at - m.starts_at
    return None


def _tax(line: AllowanceLine, kind: TaxKind) -> None:
    w = withholding(line.amount, kind)
    line.tax_kind, line.amount = kind.value, w.amount
    line.taxable_income, line.income_tax, line.local_tax, line.tax_note = (
        w.taxable_income, w.income_tax, w.local_tax, w.reason)


class AllowanceService:
    def __init__(self, store: Store, personal: PersonalDataService | None = None) -> None:
        self.store = store
        self.personal = personal  # PersonalDataService: bank accounts on the 지급 조서 (masked when None)

    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("There is no meeting {id}.").format(id=meeting_id))
        return m

    def _lines(self, s: Session, m: Meeting, mc: MeetingCount | None = None) -> list[AllowanceLine]:
        assert m.id is not None
        mc = mc or meeting_count(s, m.id)
        body, rules = mc.body, mc.rules
        duration = meeting_duration(m)
        long = duration is not None and duration > LONG_MEETING
        overrides = {a.id: a for a in s.exec(select(Attendance).where(Attendance.meeting_id == m.id,
                                                                        col(Attendance.allowance_override).is_not(None)))}
        ids = [a.person_id for a in mc.attendees if a.person_id]
        kinds = {pid: tax_kind_of(k) for pid, k in s.exec(
            select(Person.id, Person.tax_kind).where(col(Person.id).in_(ids)))} if ids else {}
        lines = []
        for a in mc.attendees:
            basis, note = pay_basis(a, rules)
            line = AllowanceLine(
                attendance_id=a.id, person_id=a.person_id, name=a.name, institution=a.institution,
                position=a.position, category=(a.kind or AppointmentKind.APPOINTED).value if a.is_member else "배석",
                attendance=a.status.value, amount=0, attended=took_part(a), note=note,
                role=a.role.value if a.role else "",
            )
            kind = kinds.get(a.person_id, TaxKind.OTHER_INCOME)
            if a.id in overrides:
                att = overrides[a.id]
                assert att.allowance_override is not None  # only those with an override were read
                line.amount, line.note, line.overridden = att.allowance_override, att.allowance_reason, True
            elif not a.is_member:
                continue  # 배석자: listed only when set by hand
            elif basis == WRITTEN_RATE:
                line.amount = body.allowance_written_rate
            elif basis == FULL:
                line.amount = body.allowance_rate
                if long and body.allowance_long_extra:
                    line.amount += body.allowance_long_extra
                    extra = f"2시간 초과 +{fmt_won(body.allowance_long_extra)}"
                    line.note = f"{line.note}, {extra}" if line.note else extra
            if not is_payable(kind) and (line.amount or basis):
                line.note = kind.value  # the person's setting: paid nothing, whatever the rate
            _tax(line, kind)
            lines.append(line)
        return lines

    def compute(self, meeting_id: int) -> list[AllowanceLine]:
        """One line per invited member (absent: 0) and per 배석자 with a manual amount, tax computed."""
        with self.store.session() as s:
            return self._lines(s, self._meeting(s, meeting_id))

    # --- the 지급 조서 ------------------------------------------------------------------

    @staticmethod
    def _refuse_unpayable(m: Meeting, body: Body, lines: list[AllowanceLine]) -> None:
        if m.status not in PAYABLE_STATUSES:
            raise ValidationError(_(
                "'{title}' has not been held (status: {status}); allowances are paid only for a meeting held "
                "(개최). Record the meeting as held first."
            ).format(title=m.title, status=m.status.value))
        if body.allowance_rate <= 0 and not any(ln.overridden and ln.amount for ln in lines):
            raise ValidationError(_(
                "'{body}' has no allowance rate (참석수당 단가 0원); set the rate in the body's settings first."
            ).format(body=body.name))

    def payments(self, meeting_id: int) -> list[AllowanceLine]:
        """The lines of a meeting held, for ``aict list allowances`` (refused like the 지급 조서)."""
        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            lines = self._lines(s, m)
            body = s.get(Body, m.body_id)
            assert body is not None  # a meeting's body (foreign key)
            self._refuse_unpayable(m, body, lines)
            return lines

    def statement(self, meeting_id: int, *, prepared_by: str = "", checked_by: str = "",
                  prepared_on: dt.date | None = None) -> AllowanceSheetData:
        """The 참석수당 지급 조서 of a meeting held: paid people in role order with tax and account."""
        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            mc = meeting_count(s, meeting_id)
            body = mc.body
            lines = self._lines(s, m, mc)
            self._refuse_unpayable(m, body, lines)
            has_bank: set[int | None] = set(s.exec(select(Person.id).where(
                col(Person.id).in_([ln.person_id for ln in lines if ln.person_id and ln.amount]),
                col(Person.bank_enc).is_not(None))))
            data = AllowanceSheetData(
                title=m.title, starts_at=m.starts_at, place=m.place, rate=body.allowance_rate, lines=lines,
                body_name=body.name, written_rate=body.allowance_written_rate, long_extra=body.allowance_long_extra,
                basis=_basis_lines(mc, body, meeting_duration(m)), unpaid=_unpaid(lines),
                prepared_by=(prepared_by or "").strip(), checked_by=(checked_by or "").strip(),
                prepared_on=prepared_on or dt.date.today())
        data.account_note = self._accounts(data, has_bank)
        return data

    def sheet(self, meeting_id: int) -> AllowanceSheetData:
        """What ``ExportService.allowances_pdf/xlsx`` print: the 지급 조서."""
        return self.statement(meeting_id)

    def _accounts(self, data: AllowanceSheetData, has_bank: set[int | None]) -> str:
        """Fill each paid line's masked account; decrypt only here, logged. A missing key leaves them blank."""
        paid = [ln for ln in data.paid_lines if ln.person_id in has_bank]
        if not paid:
            return ""
        problem = _("The bank accounts are kept encrypted and this program was given no access to them.")
        if self.personal is not None:
            try:
                accounts = self.personal.bank_accounts([ln.person_id for ln in paid if ln.person_id is not None],
                                                       purpose=f"{data.title} 참석수당 지급 조서", action=PRINT)
                for ln in paid:
                    acct = accounts.get(ln.person_id) if ln.person_id is not None else None
                    if acct is not None:
                        holder = f" (예금주 {acct.holder})" if acct.holder and acct.holder != ln.name else ""
                        ln.account = f"{acct.bank} {mask_account(acct.account)}{holder}"
                return ""
            except DomainError as err:
                problem = err.message
        for ln in paid:
            ln.account = "(확인 불가)"
        return problem

    def export(self, meeting_id: int, fmt: str = "pdf", **names: Any) -> bytes:
        """The 지급 조서 as pdf or xlsx, logged in the 접속기록."""
        from aict_desktop.documents import allowances

        data = self.statement(meeting_id, **names)
        out = allowances.render_pdf(data) if fmt == "pdf" else allowances.render_xlsx(data)
        with self.store.write() as s:
            log_access(s, EXPORT_ACTION, target=data.title, detail=fmt)
        return out

    # --- the year, for the 원천징수 담당 ------------------------------------------------------

    def year(self, year: int, body_id: int | None = None) -> AllowanceYearData:
        """Every payment of ``year`` (meetings held) and per person and body the totals."""
        from aict_desktop.documents.data import AllowancePayment, AllowanceYearData, AllowanceYearLine

        start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        with self.store.session() as s:
            q = select(Meeting).where(Meeting.status == MeetingStatus.HELD, Meeting.starts_at >= start,
                                      Meeting.starts_at < end)
            body_name = ""
            if body_id is not None:
                q = q.where(Meeting.body_id == body_id)
                chosen = s.get(Body, body_id)
                assert chosen is not None, body_id
                body_name = chosen.name
            data = AllowanceYearData(year=year, body_name=body_name)
            people: dict[tuple, AllowanceYearLine] = {}
            for m in s.exec(q.order_by(col(Meeting.starts_at), col(Meeting.id))).all():
                body = s.get(Body, m.body_id)
                assert body is not None  # a meeting's body (foreign key)
                for ln in self._lines(s, m):
                    if ln.amount <= 0:
                        continue
                    data.payments.append(AllowancePayment(
                        m.starts_at.date(), body.name, m.title, ln.name, ln.institution, ln.tax_kind, ln.amount,
                        ln.taxable_income, ln.income_tax, ln.local_tax, ln.tax_note or ln.note))
                    key = (ln.person_id or ln.name, body.id, ln.tax_kind)
                    p = people.setdefault(key, AllowanceYearLine(ln.person_id, ln.name, ln.institution, body.name,
                                                                 ln.tax_kind))
                    p.payments += 1
                    p.amount += ln.amount
                    p.taxable_income += ln.taxable_income
                    p.income_tax += ln.income_tax
                    p.local_tax += ln.local_tax
            ids = [p.person_id for p in people.values() if p.person_id]
            with_rrn = set(s.exec(select(Person.id).where(col(Person.id).in_(ids), col(Person.rrn_enc).is_not(None))))
        for p in people.values():
            p.has_rrn = p.person_id in with_rrn
        data.people = sorted(people.values(), key=lambda p: (p.name, p.body_name, p.person_id or 0))
        return data

    def year_xlsx(self, year: int, body_id: int | None = None) -> bytes:
        from aict_desktop.documents import allowances

        data = self.year(year, body_id)
        out = allowances.render_year_xlsx(data)
        with self.store.write() as s:
            log_access(s, EXPORT_ACTION, target=f"{year}년 참석수당 지급 현황", subject=data.body_name,
                       detail=f"xlsx, {len(data.people)} people")
        return out

    # --- settings this needs --------------------------------------------------------------

    def set_tax_kind(self, person_id: int, kind: TaxKind | str) -> TaxKind:
        try:
            value = kind if isinstance(kind, TaxKind) else TaxKind.parse(kind)
        except ValueError:
            raise ValidationError(_("'{value}' is not a tax kind ({kinds}).").format(
                value=kind, kinds=", ".join(k.value for k in TaxKind)), field="tax_kind") from None
        with self.store.write() as s:
            p = s.get(Person, person_id)
            if p is None:
                raise NotFound(_("The person no longer exists."))
            p.tax_kind = value
            p.version += 1
            s.add(p)
        return value

    def budget(self, body_id: int, year: int) -> int | None:
        """The body's 참석수당 budget for the year (``None``: not set)."""
        with self.store.session() as s:
            row = s.exec(select(BodyBudget).where(BodyBudget.body_id == body_id, BodyBudget.year == year)).first()
            return row.allowance if row else None

    def set_budget(self, body_id: int, year: int, amount: int | None, note: str = "") -> None:
        """Set (or with ``None`` clear) a body's 참석수당 budget for one year."""
        if amount is not None and (not isinstance(amount, int) or amount < 0):
            raise ValidationError(_("The budget must be a whole number of won, 0 or more."), field="budget")
        with self.store.write() as s:
            if s.get(Body, body_id) is None:
                raise NotFound(_("The body no longer exists."))
            row = s.exec(select(BodyBudget).where(BodyBudget.body_id == body_id, BodyBudget.year == year)).first()
            if amount is None:
                if row is not None:
                    s.delete(row)
                return
            row = row or BodyBudget(body_id=body_id, year=year)
            row.allowance, row.note = amount, clean_text(note, _("Note"), max_len=200)
            s.add(row)

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


def _basis_lines(mc: MeetingCount, body: Body, duration: dt.timedelta | None) -> list[str]:
    """A line per attendance kind that occurred: how many, and how the body's rules pay them."""
    rules = mc.rules
    counts: dict = {}
    for a in mc.attendees:
        if a.is_member and took_part(a):
            counts[a.status] = counts.get(a.status, 0) + 1
    long = duration is not None and duration > LONG_MEETING and body.allowance_long_extra
    out = []
    for st in (S.PRESENT, S.ONLINE, S.WRITTEN, S.PROXY):
        n = counts.get(st, 0)
        if not n:
            continue
        word = KIND_WORDS.get(st, "출석")
        if st not in rules.paid_statuses:
            how = "지급하지 않음 (기구 설정" + ("; 대리인은 위원이 아님, 행정기관위원회법 시행령 제4조③)"
                                           if st is S.PROXY else ")")
        elif st is S.WRITTEN:
            how = f"서면 단가 {fmt_won(body.allowance_written_rate)}"
        else:
            how = f"1인 {fmt_won(body.allowance_rate)}" + (
                f" (2시간 초과 회의 +{fmt_won(body.allowance_long_extra)})" if long else "")
            if st is S.PROXY:
                how += ", 위원 본인 앞으로 지급 (대리인은 비고)"
        out.append(f"{word} {n}명 — {how}")
    return out


def _unpaid(lines: list[AllowanceLine]) -> list[str]:
    """Those who took part and are paid nothing, with the reason."""
    return [f"{ln.name}({ln.institution}) — {ln.note or _kind_note(ln)}" for ln in lines
            if ln.attended and ln.amount <= 0]


def _kind_note(ln: AllowanceLine) -> str:
    return ln.tax_kind if ln.tax_kind in (TaxKind.UNPAID.value, TaxKind.OFFICIAL.value) else (
        f"{ln.attendance} 미지급")

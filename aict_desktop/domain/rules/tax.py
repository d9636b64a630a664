"""참석수당 원천징수: the tax treatment of one payment to one person (RULES.md 15).

Each person has a tax kind (default 기타소득); the 구's tax officer decides which
kind a member's payment is, and what one "건" (payment) is, so the program
keeps it per person and computes one meeting's payment as one 건:

- 기타소득 (소득세법 제21조): 필요경비 60 % (시행령 제87조), so 기타소득금액 = 지급액 × 40 %;
  소득세 20 % of it (제129조①6); 지방소득세 10 % of the 소득세 (지방세법 제103조의13);
  together 8.8 % of the payment. 과세최저한 (제84조): no tax when the 기타소득금액 of
  the payment is 50,000원 or less, i.e. a payment up to 125,000원.
- 사업소득 (제129조①3): 3 % + 지방소득세 0.3 % of the payment.
- 비과세: paid without tax. 미지급 / 공무원 제외: not paid at all (a member who declines;
  a public official attending on their own work, 행정기관위원회법 제12조).
- 소액부징수 (제86조): no tax when the 소득세 would be under 1,000원.
- 국고금 관리법 제47조: amounts under 10원 are dropped (each tax truncated to 10원).

These are national law, not 조례: :class:`TaxRates` holds them with their source
so a change of law is one number, never a constant spread through the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from aict_desktop.domain.enums import LabelledEnum
from aict_desktop.i18n import N_


class TaxKind(LabelledEnum):
    """How one person's 참석수당 is taxed (a per-person setting; default 기타소득)."""

    OTHER_INCOME = "기타소득", N_("Other income (8.8 %)")
    BUSINESS_INCOME = "사업소득", N_("Business income (3.3 %)")
    TAX_FREE = "비과세", N_("Tax free")
    UNPAID = "미지급", N_("Not paid")
    OFFICIAL = "공무원 제외", N_("Public official (not paid)")


DEFAULT_TAX_KIND = TaxKind.OTHER_INCOME
NOT_PAID = frozenset({TaxKind.UNPAID, TaxKind.OFFICIAL})

# why no tax was withheld (printed in 비고)
MINIMUM_TAXABLE = "과세최저한"
SMALL_AMOUNT = "소액부징수"
TAX_FREE_NOTE = "비과세"


@dataclass(frozen=True)
class TaxRates:
    """The withholding rates and limits, with the legal default of each."""

    other_expense_percent: int = 60  # 기타소득 필요경비 (소득세법 시행령 제87조)
    other_income_tax_percent: int = 20  # 기타소득 원천징수세율 (소득세법 제129조①6)
    business_income_tax_percent: int = 3  # 사업소득 원천징수세율 (소득세법 제129조①3)
    local_tax_percent: int = 10  # 지방소득세 = 소득세의 10 % (지방세법 제103조의13)
    minimum_taxable_income: int = 50_000  # 과세최저한: 건별 기타소득금액 5만원 이하 (소득세법 제84조)
    minimum_tax: int = 1_000  # 소액부징수: 1,000원 미만 (소득세법 제86조)
    unit: int = 10  # 10원 미만 절사 (국고금 관리법 제47조)


TAX_RATES = TaxRates()

SOURCES = {
    TaxKind.OTHER_INCOME: "소득세법 제21조, 제84조, 제86조, 제129조①6, 시행령 제87조; 지방세법 제103조의13",
    TaxKind.BUSINESS_INCOME: "소득세법 제129조①3, 제86조; 지방세법 제103조의13",
    TaxKind.TAX_FREE: "소득세법 제12조 (비과세소득)",
    TaxKind.UNPAID: "본인 수령 거부 등 (지급하지 않음)",
    TaxKind.OFFICIAL: "행정기관위원회법 제12조 (소관 업무로 출석한 공무원 제외)",
}


def truncate(amount: int, unit: int = 10) -> int:
    """Drop what is under ``unit`` won (국고금 관리법 제47조): 10,408 → 10,400."""
    return (int(amount) // unit) * unit if amount > 0 else 0


def tax_kind_of(value) -> TaxKind:
    """A stored or typed tax kind; blank or unknown is the default (기타소득)."""
    if isinstance(value, TaxKind):
        return value
    try:
        return TaxKind.parse(str(value or ""))
    except ValueError:
        return DEFAULT_TAX_KIND


def is_payable(kind: TaxKind) -> bool:
    """False for 미지급 and 공무원 제외: the person is listed, but paid nothing."""
    return kind not in NOT_PAID


class Withheld:
    """원천징수 합계 and 실지급액 of anything with ``amount``, ``income_tax`` and ``local_tax`` (won)."""

    amount: int
    income_tax: int
    local_tax: int

    @property
    def withheld(self) -> int:
        """원천징수 합계."""
        return self.income_tax + self.local_tax

    @property
    def net(self) -> int:
        """실지급액."""
        return self.amount - self.withheld


@dataclass(frozen=True)
class Withholding(Withheld):
    """One payment and the tax withheld from it (all in won)."""

    kind: TaxKind
    amount: int  # 지급액
    taxable_income: int  # 기타소득금액 (기타소득 only; 사업소득 is taxed on the payment itself, 비과세 not at all)
    income_tax: int  # 소득세
    local_tax: int  # 지방소득세
    reason: str = ""  # 과세최저한 / 소액부징수 / 비과세 when no tax was withheld

    @property
    def expense(self) -> int:
        """필요경비 (기타소득)."""
        return self.amount - self.taxable_income if self.kind is TaxKind.OTHER_INCOME else 0


def withholding(amount: int, kind: TaxKind | str = DEFAULT_TAX_KIND, rates: TaxRates = TAX_RATES) -> Withholding:
    """The tax withheld from one payment of ``amount`` won to a person of tax kind ``kind``.

    >>> w = withholding(150_000)
    >>> (w.taxable_income, w.income_tax, w.local_tax, w.net)
    (60000, 12000, 1200, 136800)
    """
    kind = tax_kind_of(kind)
    amount = max(0, int(amount or 0))
    if not is_payable(kind):
        return Withholding(kind, 0, 0, 0, 0)
    if kind is TaxKind.TAX_FREE:
        return Withholding(kind, amount, 0, 0, 0, TAX_FREE_NOTE if amount else "")
    if kind is TaxKind.OTHER_INCOME:
        # 필요경비 in whole won (원 미만 절사), so the 기타소득금액 is what remains of the payment
        # 기타소득금액 = 지급액 × 40 % in whole won (the 필요경비 rounded up: never a won more than 40 %)
        taxable = amount * (100 - rates.other_expense_percent) // 100
        if taxable <= rates.minimum_taxable_income:
            return Withholding(kind, amount, taxable, 0, 0, MINIMUM_TAXABLE if amount else "")
        raw_tax = taxable * rates.other_income_tax_percent // 100
    else:  # 사업소득: on the whole payment (no 기타소득금액)
        taxable = 0
        raw_tax = amount * rates.business_income_tax_percent // 100
    if raw_tax < rates.minimum_tax:
        return Withholding(kind, amount, taxable, 0, 0, SMALL_AMOUNT if amount else "")
    income_tax = truncate(raw_tax, rates.unit)
    local_tax = truncate(income_tax * rates.local_tax_percent // 100, rates.unit)
    return Withholding(kind, amount, taxable, income_tax, local_tax)

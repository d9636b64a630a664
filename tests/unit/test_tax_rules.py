"""참석수당 원천징수 (domain.rules.tax, RULES.md 15): every boundary, by hand.

기타소득: 기타소득금액 = 지급액 − 필요경비 60 %; 소득세 20 %; 지방소득세 10 % of it;
과세최저한 기타소득금액 ≤ 50,000원; 소액부징수 소득세 < 1,000원; 10원 미만 절사.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aict_desktop.domain.rules import TaxKind, TaxRates, is_payable, tax_kind_of, truncate, withholding
from aict_desktop.i18n import fmt_won_words, won_in_words


def figures(amount, kind=TaxKind.OTHER_INCOME, rates=TaxRates()):
    w = withholding(amount, kind, rates)
    return w.taxable_income, w.income_tax, w.local_tax, w.withheld, w.net, w.reason


@pytest.mark.parametrize("amount, expected", [
    # the worked examples of RULES.md
    (150_000, (60_000, 12_000, 1_200, 13_200, 136_800, "")),
    (130_000, (52_000, 10_400, 1_040, 11_440, 118_560, "")),
    (125_000, (50_000, 0, 0, 0, 125_000, "과세최저한")),  # 기타소득금액 exactly 50,000: no tax
    # one step over the 과세최저한: 50,004 → 10,000.8 → 10,000 (10원 미만 절사) → 1,000
    (125_010, (50_004, 10_000, 1_000, 11_000, 114_010, "")),
    # one won over: the 필요경비 75,000.6 is cut to 75,000, so 기타소득금액 50,001 > 50,000 → taxed
    (125_002, (50_000, 0, 0, 0, 125_002, "과세최저한")),  # 50,000.8 → 50,000원: still 과세최저한
    (125_003, (50_001, 10_000, 1_000, 11_000, 114_003, "")),
    (124_990, (49_996, 0, 0, 0, 124_990, "과세최저한")),
    # 200,000 × 40 % = 80,000 → 16,000 + 1,600
    (200_000, (80_000, 16_000, 1_600, 17_600, 182_400, "")),
    # both taxes cut to 10원: 128,730 → 51,492 → 10,298.4 → 10,290 → 1,029 → 1,020
    (128_730, (51_492, 10_290, 1_020, 11_310, 117_420, "")),
    (0, (0, 0, 0, 0, 0, "")),
])
def test_other_income_boundaries(amount, expected):
    assert figures(amount) == expected


def test_small_amount_is_not_collected_business_income():
    """사업소득 3 %: 33,333원 → 999.99원 < 1,000원 (소액부징수); 33,334원 → 1,000원 + 100원."""
    assert figures(33_333, TaxKind.BUSINESS_INCOME) == (0, 0, 0, 0, 33_333, "소액부징수")
    assert figures(33_334, TaxKind.BUSINESS_INCOME) == (0, 1_000, 100, 1_100, 32_234, "")
    # 150,000 × 3 % = 4,500 + 450 (3.3 %); no 기타소득금액
    assert figures(150_000, TaxKind.BUSINESS_INCOME) == (0, 4_500, 450, 4_950, 145_050, "")
    # 33,340 × 3 % = 1,000.2 → 1,000; 지방소득세 100
    assert figures(33_340, TaxKind.BUSINESS_INCOME)[1:3] == (1_000, 100)


def test_small_amount_is_not_collected_other_income_without_the_minimum():
    """With no 과세최저한 the 소액부징수 boundary shows for 기타소득: 소득세 999원 is not collected, 1,000원 is."""
    rates = TaxRates(minimum_taxable_income=0)
    assert figures(12_490, rates=rates) == (4_996, 0, 0, 0, 12_490, "소액부징수")  # 4,996 × 20 % = 999.2
    assert figures(12_500, rates=rates) == (5_000, 1_000, 100, 1_100, 11_400, "")


def test_tax_free_and_unpaid_kinds():
    assert figures(150_000, TaxKind.TAX_FREE) == (0, 0, 0, 0, 150_000, "비과세")
    for kind in (TaxKind.UNPAID, TaxKind.OFFICIAL):
        w = withholding(150_000, kind)
        assert (w.amount, w.withheld, w.net) == (0, 0, 0) and not is_payable(kind)
    assert is_payable(TaxKind.OTHER_INCOME) and is_payable(TaxKind.TAX_FREE)


def test_tax_kind_parsing_defaults_to_other_income():
    assert tax_kind_of("사업소득") is TaxKind.BUSINESS_INCOME
    assert tax_kind_of("BUSINESS_INCOME") is TaxKind.BUSINESS_INCOME
    assert tax_kind_of("") is TaxKind.OTHER_INCOME and tax_kind_of(None) is TaxKind.OTHER_INCOME
    assert tax_kind_of("모름") is TaxKind.OTHER_INCOME


def test_truncate_to_ten_won():
    assert [truncate(x) for x in (0, 9, 10, 10_408, 1_040, -5)] == [0, 0, 10, 10_400, 1_040, 0]


@given(st.integers(min_value=0, max_value=50_000_000), st.sampled_from(list(TaxKind)))
def test_figures_always_add_up(amount, kind):
    w = withholding(amount, kind)
    assert w.net + w.withheld == w.amount
    assert w.income_tax % 10 == 0 and w.local_tax % 10 == 0
    assert w.local_tax <= w.income_tax // 10
    if kind is TaxKind.OTHER_INCOME:
        assert (w.income_tax > 0) == (amount > 125_000)  # 과세최저한: a payment up to 125,000원
        assert w.income_tax <= amount * 8 // 100  # never more than 8 % (+0.8 %)
        assert w.taxable_income == amount * 40 // 100


@pytest.mark.parametrize("amount, words", [
    (1_950_000, "금1,950,000원(금일백구십오만원)"),
    (113_560, "금113,560원(금일십일만삼천오백육십원)"),
    (0, "금0원(금영원)"),
    (100_010_001, "금100,010,001원(금일억일만일원)"),
])
def test_amounts_in_words(amount, words):
    assert fmt_won_words(amount) == words


def test_words_of_big_units():
    assert won_in_words(10_000) == "일만"
    assert won_in_words(1_000_000_000_000) == "일조"

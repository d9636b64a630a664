import datetime as dt

import pytest

from aict_desktop.domain.enums import AppointmentStatus as S
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.hangul import initials, matches, particle_euro
from aict_desktop.domain.serials import format_serial, next_seq, parse_serial
from aict_desktop.domain.terms import add_months, default_term_end, expires_within, term_status

D = dt.date


def test_two_year_term_ends_the_day_before():
    assert default_term_end(D(2025, 6, 12), 24) == D(2027, 6, 11)
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_term_status():
    end = D(2027, 6, 11)
    assert term_status(end, None, D(2027, 6, 11)) is S.SERVING
    assert term_status(end, None, D(2027, 6, 12)) is S.EXPIRED
    assert term_status(end, "해촉", D(2026, 1, 1), ended_on=D(2025, 12, 1)) is S.DISMISSED
    assert term_status(end, "사임", D(2026, 1, 1), ended_on=D(2026, 3, 1)) is S.SERVING  # not yet effective
    assert term_status(None, None, D(2040, 1, 1)) is S.SERVING  # 당연직 without a fixed term


def test_expires_within():
    today = D(2026, 11, 22)
    assert expires_within(D(2027, 1, 21), today, 60)
    assert not expires_within(D(2027, 1, 22), today, 60)
    assert expires_within(today, today, 60)
    assert not expires_within(D(2026, 11, 21), today, 60)  # already over
    assert not expires_within(None, today, 60)


def test_serial_format_and_parse():
    assert format_serial(2025, 1) == "제2025-001호"
    assert format_serial(2025, 1234) == "제2025-1234호"
    assert parse_serial("제2025-007호") == (2025, 7)
    assert parse_serial("2025-007") == (2025, 7)
    with pytest.raises(ValidationError):
        parse_serial("2025/7")
    with pytest.raises(ValidationError):
        format_serial(2025, 0)
    assert next_seq({1, 2, 5}) == 6  # a voided 5 is never reused
    assert next_seq([]) == 1


def test_initials_and_search():
    assert initials("홍길동") == "ㅎㄱㄷ"
    assert initials("KT 홍길동") == "KT ㅎㄱㄷ"
    for q in ("ㅎㄱㄷ", "홍ㄱ", "홍길", "길동", "ㄱㄷ", "홍길동", ""):
        assert matches(q, "홍길동"), q
    for q in ("ㅎㄷ", "김", "홍ㄴ", "ㄱㅎ"):
        assert not matches(q, "홍길동"), q
    assert matches("kt", "KT") and matches("ㅋㅇㅌ", "케이티")


@pytest.mark.parametrize(
    "word,expected",
    [("위원", "으로"), ("위원장", "으로"), ("간사", "로"), ("분과장", "으로"), ("자문위원", "으로"), ("서울", "로"), ("고문", "으로")],
)
def test_particle(word, expected):
    assert particle_euro(word) == expected

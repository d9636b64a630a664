"""Korean messages keep the particle that fits the value put into them (은/는, 이/가, 을/를, 과/와, 으로/로)."""

from __future__ import annotations

import pytest

from aict_desktop import i18n
from aict_desktop.domain.hangul import attach_particles


@pytest.mark.parametrize("text, expected", [
    ("홍세아이(가) 없습니다", "홍세아가 없습니다"), ("김민준이(가) 없습니다", "김민준이 없습니다"),
    ("위원회은(는)", "위원회는"), ("'대기엄'은(는) 올바른 구분이(가) 아닙니다", "'대기엄'은 올바른 구분이 아닙니다"),
    ("서울(으)로", "서울로"), ("위원장(으)로", "위원장으로"), ("/tmp/백업 2026.sqlite(으)로", "/tmp/백업 2026.sqlite로"),
    ("2건을(를)", "2건을"), ("제3을(를)", "제3을"), ("10을(를)", "10을"), ("KT와(과)", "KT와"),
    ("해커톤 계획(안)을(를)", "해커톤 계획(안)을"),
    ("★을(를)", "★을(를)"), ("(는) 시작", "(는) 시작"), ("'¹'은(는)", "'¹'은(는)"), ("٣이(가)", "٣이(가)"),
])
def test_attach_particles(text, expected):
    assert attach_particles(text) == expected


def test_korean_messages_choose_after_format():
    try:
        i18n.install("ko")
        msg = i18n._("{label} is required.")
        assert "(는)" in msg  # the catalog writes both forms
        assert msg.format(label="성명") == "성명은 필수 항목입니다."
        assert msg.format(label="이메일") == "이메일은 필수 항목입니다."
        assert msg.format(label="소속 기관") == "소속 기관은 필수 항목입니다."
        assert i18n._("{label} is required.").format(label="주소") == "주소는 필수 항목입니다."
    finally:
        i18n.install(None)


def test_any_character_before_a_pair_is_read_or_left():
    for code in list(range(0x20, 0x3400)) + list(range(0xAC00, 0xAC40)) + [0x1F600, 0xFF11]:
        out = attach_particles(chr(code) + "을(를)")
        assert out.startswith(chr(code)) and out[1:] in ("을", "를", "을(를)")

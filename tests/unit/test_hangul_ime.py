"""초성 search as the Microsoft Korean IME delivers it (issue 21 item 2): ㄱ+ㅅ → ㄳ, 이+ㅅ → 잇."""

import pytest

from aict_desktop.domain.hangul import matches, query_variants


def found(query: str, name: str) -> bool:
    return any(matches(v, name) for v in query_variants(query))


@pytest.mark.parametrize("typed, name", [
    ("ㄳㅇ", "김서연"),  # ㄱ ㅅ ㅇ typed: the IME joined ㄱㅅ into ㄳ
    ("ㄺㅎ", "류기현"),  # ㄹ ㄱ ㅎ
    ("ㅄㅁ", "백시민"),
    ("잇", "이서민"),  # 이 then ㅅ: the IME made it the 받침
    ("잇ㅁ", "이서민"),
    ("읽ㅁ", "이라기민"),  # 이 ㄹ ㄱ ㅁ
    ("김ㅅ", "김서연"),  # a real syllable is still itself
    ("김서연", "김서연"),
])
def test_what_the_ime_made_still_finds_the_person(typed, name):
    assert found(typed, name)


@pytest.mark.parametrize("typed, name", [("ㄳㅇ", "김민수"), ("잇ㅁ", "이서연"), ("김ㅅ", "박서연")])
def test_and_nobody_else(typed, name):
    assert not found(typed, name)


def test_the_query_itself_comes_first():
    assert query_variants("ㄳㅁ") == ["ㄳㅁ", "ㄱㅅㅁ"]
    assert query_variants("홍ㄱㄷ")[0] == "홍ㄱㄷ" and query_variants("ㅎㄱㄷ") == ["ㅎㄱㄷ"]

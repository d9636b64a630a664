"""Search as you type: 초성 (ㅎㄱㄷ → 홍길동), mixed (홍ㄱ), institutions too."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aict_desktop.domain.hangul import matches, query_variants
from aict_desktop.ui.widgets.search_box import text_matcher


def type_text(line, text: str) -> None:
    """Type one character at a time, as an input method commits Hangul (keyClicks is ASCII-only)."""
    for ch in text:
        line.insert(ch)


@pytest.fixture
def hong(demo_services):
    inst = demo_services.roster.create_institution(name="한빛정보대학교", sector="대학")
    return demo_services.roster.create_person(name="홍길동", institution_id=inst.id, position="교수")


@pytest.mark.parametrize("query", ["ㅎㄱㄷ", "홍ㄱ", "길동", "홍길동", "ㄱㄷ"])
def test_people_search_finds_hong(main_window, hong, qtbot, query):
    page = main_window.show_page("people").people
    type_text(page.filters.search, query)
    names = [r.name for r in page.model.rows()]
    assert "홍길동" in names
    assert all(found(query, r.name) or found(query, r.institution or "") for r in page.model.rows())
    assert page.model.rowCount() < len(page.model.all_rows())


def test_people_search_by_institution_initials(main_window, hong, qtbot):
    page = main_window.show_page("people").people
    type_text(page.filters.search, "ㅎㅂㅈㅂ")
    assert [r.name for r in page.model.rows()] == ["홍길동"]
    page.filters.search.clear()
    assert page.model.rowCount() == len(page.model.all_rows())


def test_institution_search_with_initials(main_window, hong, qtbot):
    page = main_window.show_page("institutions")
    type_text(page.filters.search, "ㅎㅂ")
    assert "한빛정보대학교" in [r.name for r in page.model.rows()]
    assert all(found("ㅎㅂ", r.name) for r in page.model.rows())


hangul = st.text(alphabet=st.sampled_from(list("홍길동김이박서초ㅎㄱㄷㅅㅊabcA 1")), max_size=6)


@settings(max_examples=400, deadline=None)
@given(query=hangul, name=hangul)
def test_fast_matcher_agrees_with_the_domain_rule(query, name):
    m = text_matcher(query)
    if m is None:
        assert matches(query, name)
    elif name:
        assert m(name) == found(query, name)


def found(query: str, name: str) -> bool:
    """The domain rule, with what the Korean IME may have made of the query's consonants."""
    return any(matches(v, name) for v in query_variants(query.strip()))


def _compose(line, preedit: str, commit: str = "") -> None:
    """What the Microsoft Korean IME sends: the syllable being composed as preedit, finished ones committed."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(line, event)


def test_the_syllable_being_composed_is_searched_too(main_window, hong, qtbot):
    """Issue 21 item 2: typing 홍 with the IME shows 홍길동 before the syllable is finished."""
    page = main_window.show_page("people").people
    line = page.filters.search
    line.setFocus()
    _compose(line, "호")
    _compose(line, "홍")
    assert line.text() == "" and "홍길동" in [r.name for r in page.model.rows()]
    assert page.model.rowCount() < len(page.model.all_rows())


def test_consonants_the_ime_joined_still_find_the_person(main_window, demo_services, qtbot):
    """ㄱ then ㅅ: the IME shows ㄳ (one compound jamo); 이 then ㅅ: it shows 잇."""
    inst = demo_services.roster.create_institution(name="검색시험연구소")
    demo_services.roster.create_person(name="김서연", institution_id=inst.id)
    demo_services.roster.create_person(name="이서민", institution_id=inst.id)
    page = main_window.show_page("people").people
    line = page.filters.search
    line.setFocus()
    _compose(line, "ㄳ")
    assert "김서연" in [r.name for r in page.model.rows()]
    _compose(line, "", commit="ㄳ")
    _compose(line, "ㅇ")  # ㄱㅅㅇ: 김서연
    assert "김서연" in [r.name for r in page.model.rows()]
    _compose(line, "", commit="ㅇ")
    line.clear()
    _compose(line, "잇")
    assert "이서민" in [r.name for r in page.model.rows()]

"""Search as you type: 초성 (ㅎㄱㄷ → 홍길동), mixed (홍ㄱ), institutions too."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aict_desktop.domain.hangul import matches
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
    assert all(matches(query, r.name) or matches(query, r.institution or "") for r in page.model.rows())
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
    assert all(matches("ㅎㅂ", r.name) for r in page.model.rows())


hangul = st.text(alphabet=st.sampled_from(list("홍길동김이박서초ㅎㄱㄷㅅㅊabcA 1")), max_size=6)


@settings(max_examples=400, deadline=None)
@given(query=hangul, name=hangul)
def test_fast_matcher_agrees_with_the_domain_rule(query, name):
    m = text_matcher(query)
    if m is None:
        assert matches(query, name)
    elif name:
        assert m(name) == matches(query, name)

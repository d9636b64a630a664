"""Search as you type, with 초성 (ㅎㄱㄷ → 홍길동) and mixed (홍ㄱ) input."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from aict_desktop.domain.hangul import initials, matches, query_variants
from aict_desktop.i18n import _

_JAMO = set("ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
_INITIALS: dict[str, str] = {}


def _initials_of(text: str) -> str:
    ini = _INITIALS.get(text)
    if ini is None:
        ini = _INITIALS[text] = initials(text)
    return ini


def text_matcher(query: str) -> Callable[[str | None], bool] | None:
    """A test of each text against the query as typed and as the Korean IME may have joined its consonants
    (``ㄳㅁ`` → ``ㄱㅅㅁ``, ``잇`` → ``이ㅅ``: ``hangul.query_variants``); None for an empty query."""
    tests = [t for t in (_one_matcher(v) for v in query_variants(query.strip())) if t is not None]
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda text: any(t(text) for t in tests)


def _one_matcher(query: str) -> Callable[[str | None], bool] | None:
    """A fast test equivalent to ``hangul.matches(query, text)``; None for an empty query.

    Plain text is a substring test; all-초성 input compares against the cached
    초성 of the text; mixed input is pre-screened by 초성 and then checked
    with ``matches``.
    """
    q = query.strip().lower()
    if not q:
        return None
    if not any(c in _JAMO for c in q):
        return lambda text: bool(text) and q in text.lower()
    qi = initials(q)
    if all(c in _JAMO for c in q):
        return lambda text: bool(text) and qi in _initials_of(text.lower())
    return lambda text: bool(text) and qi in _initials_of(text.lower()) and matches(q, text)


class SearchBox(QLineEdit):
    """A line edit that emits ``search_changed`` on every keystroke, the syllable still being composed by
    the Korean IME included (Qt keeps it out of ``text()`` as preedit until it is finished)."""

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, placeholder: str | None = None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder or _("Search (초성 too, e.g. ㅎㄱㄷ)"))
        self.setMinimumWidth(220)
        self.textChanged.connect(self._typed)
        self._searched = ""

    def _typed(self, text: str) -> None:
        self._searched = text
        self.search_changed.emit(text)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().inputMethodEvent(event)
        text = self.text()
        preedit = event.preeditString()
        if preedit:
            at = self.cursorPosition()
            text = text[:at] + preedit + text[at:]
        if text != self._searched:
            self._searched = text
            self.search_changed.emit(text)

    def query(self) -> str:
        """What is searched for: the text with the syllable being composed."""
        return self._searched

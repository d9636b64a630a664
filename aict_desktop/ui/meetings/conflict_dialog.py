"""When a note was saved on another PC meanwhile: show both texts, let the user choose.

내 내용으로 저장 · 상대 내용 사용 · 합친 내용 저장 (the merged text is proposed and can be edited). Closing
the dialog decides nothing: the field stays unsaved (in red) and the next change asks again. Whatever is
chosen, the text typed here is also kept in ``unsaved/`` by the autosave.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.i18n import _


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    ops = SequenceMatcher(None, base, other, autojunk=False).get_opcodes()
    return [(i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _apply(base: list[str], start: int, end: int, changes) -> list[str]:
    out, pos = [], start
    for i1, i2, lines in changes:
        out += base[pos:i1] + lines
        pos = i2
    return out + base[pos:end]


def _joined(parts: list[list[str]]) -> list[str]:
    """Both sides' versions of a region one after the other, each ending its last line."""
    out: list[str] = []
    for lines in parts:
        if lines and out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        out += lines
    return out


def merge_texts(base: str, mine: str, theirs: str) -> str:
    """A three-way merge by lines: what each side changed from ``base``; where both changed, theirs then mine.

    Nothing either side typed is dropped (a line both sides edited appears in both versions).
    """
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if mine.startswith(theirs):
        return mine
    if theirs.startswith(mine):
        return theirs
    b, m, t = (x.splitlines(keepends=True) for x in (base, mine, theirs))
    events = sorted([(i1, i2, lines, 0) for i1, i2, lines in _changes(b, t)]
                    + [(i1, i2, lines, 1) for i1, i2, lines in _changes(b, m)], key=lambda e: (e[0], e[1], e[3]))
    out: list[str] = []
    pos = k = 0
    while k < len(events):
        start, end = events[k][0], events[k][1]
        group = [events[k]]
        k += 1
        while k < len(events) and (events[k][0] < end or events[k][0] == start or events[k][0] == end == start):
            end = max(end, events[k][1])
            group.append(events[k])
            k += 1
        sides = []
        for side in (0, 1):
            own = [(i1, i2, lines) for i1, i2, lines, s in group if s == side]
            if own:
                sides.append(_apply(b, start, end, own))
        if len(sides) == 2 and sides[0] == sides[1]:
            sides = sides[:1]
        elif len(sides) == 2:  # both changed here: what both have at the start and the end, once
            t_side, m_side = sides
            p = 0
            while p < min(len(t_side), len(m_side)) and t_side[p] == m_side[p] and t_side[p].endswith("\n"):
                p += 1
            q = 0
            while q < min(len(t_side), len(m_side)) - p and t_side[-1 - q] == m_side[-1 - q]:
                q += 1
            tail = t_side[len(t_side) - q:] if q else []
            sides = [t_side[:p] + t_side[p:len(t_side) - q], m_side[p:len(m_side) - q] + tail]
        out = _joined([out, b[pos:start], *sides])
        pos = end
    return "".join(_joined([out, b[pos:]]))


class TextConflictDialog(QDialog):
    """내 내용으로 저장 / 상대 내용 사용 / 합친 내용 저장; ``choice`` is the text to save (or theirs)."""

    def __init__(self, label: str, base: str, mine: str, theirs: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Saved on another PC meanwhile"))
        self.setObjectName("text_conflict")
        self.theirs_text, self.mine_text = theirs, mine
        self.choice: str | None = None
        intro = QLabel(_("{label} were changed on another PC while you were typing. Nothing was overwritten. "
                         "Choose what to keep; what you typed is also kept in the unsaved folder.").format(label=label))
        intro.setWordWrap(True)
        self.theirs = QPlainTextEdit(theirs, readOnly=True, objectName="theirs")
        self.mine = QPlainTextEdit(mine, readOnly=True, objectName="mine")
        self.merged = QPlainTextEdit(merge_texts(base, mine, theirs), objectName="merged")
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Saved on the other PC")), 0, 0)
        grid.addWidget(QLabel(_("Yours")), 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.mine, 1, 1)
        self.keep_mine_button = QPushButton(_("Save mine"), objectName="keep_mine")
        self.use_theirs_button = QPushButton(_("Use theirs"), objectName="use_theirs")
        self.merged_button = QPushButton(_("Save the merged text"), objectName="save_merged")
        self.later_button = QPushButton(_("Decide later"), objectName="later")
        self.merged_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        for b in (self.use_theirs_button, self.keep_mine_button, self.merged_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid, 2)
        lay.addWidget(QLabel(_("Merged (you can edit it)")))
        lay.addWidget(self.merged, 2)
        lay.addLayout(buttons)
        self.keep_mine_button.clicked.connect(lambda: self._choose(self.mine_text))
        self.use_theirs_button.clicked.connect(lambda: self._choose(self.theirs_text))
        self.merged_button.clicked.connect(lambda: self._choose(self.merged.toPlainText()))
        self.later_button.clicked.connect(self.reject)
        self.resize(860, 560)

    def _choose(self, text: str) -> None:
        self.choice = text
        self.accept()


def ask_conflict(parent: QWidget | None, label: str):
    """An ``on_conflict`` for ``DebouncedSaver``: the dialog, modal, its answer (None: decide later)."""

    def ask(base: str, mine: str, theirs: str):
        dlg = TextConflictDialog(label, base, mine, theirs, parent)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.choice is None:
                return None
            return (dlg.choice,)
        finally:
            dlg.deleteLater()

    return ask

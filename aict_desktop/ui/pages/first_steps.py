"""처음 할 일: the dashboard's panel listing a secretariat's first-day steps while one is not done.

Each step shows whether it is done (``domain.rules.first_steps`` decides) and has a button that takes the user
there: the page, and for a step not done yet its first command (a new body, the import wizard, ...). The panel
is hidden when every step is done, or for good once the user chose "Don't show again" (kept in the window
state file, ``ui.state``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.rules.first_steps import (
    APPOINTMENT, BODY, INSTITUTIONS, MEETING, PEOPLE, STEP_KEYS, Step, next_step, setup_complete,
)
from aict_desktop.i18n import N_, _
from aict_desktop.ui.state import ui_settings

HIDDEN_KEY = "dashboard/first_steps_hidden"
# step → (title, hint, the button of a step to do, the page it opens)
STEPS = {
    BODY: (N_("Create the committee or council"), N_("Its name and appointing authority."), N_("Create"),
           "bodies"),
    INSTITUTIONS: (N_("Import the participating institutions"), N_("From an Excel or CSV list of names and sectors."),
                   N_("Import…"), "institutions"),
    PEOPLE: (N_("Import the member list"), N_("From an Excel or CSV list of names and institutions."), N_("Import…"),
             "people"),
    APPOINTMENT: (N_("Appoint the members"), N_("Select the people, then press Appoint…."), N_("Choose people"),
                  "people"),
    MEETING: (N_("Prepare the first meeting"), N_("Its date, place and agenda."), N_("New meeting"), "meetings"),
}
STYLE = """
QFrame#first_steps { background: #f7f9fc; border: 1px solid #d9dde3; border-radius: 6px; }
QFrame#first_steps QLabel { background: transparent; border: none; }
QFrame[step] { background: white; border: 1px solid #e1e5ea; border-radius: 5px; }
QFrame[step="next"] { border: 1px solid #1f4e8c; }
QLabel[role="number"] { color: #1f4e8c; font-weight: bold; }
QLabel[role="hint"] { color: #666; }
QLabel[state="done"] { color: #2e7d32; font-weight: bold; }
QLabel[state="todo"] { color: #888; }
QPushButton[primary="true"] { background: #1f4e8c; color: white; border: 1px solid #1f4e8c; border-radius: 4px;
    padding: 3px 12px; }
"""


def take_step(window: QWidget | None, key: str, done: bool) -> bool:
    """Show the step's page in ``window`` (the main window); a step not done also starts its first command."""
    show = getattr(window, "show_page", None)
    if show is None:
        return False
    page = show(STEPS[key][3])
    if page is None or window.current_page() is not page:  # type: ignore[union-attr]  # a main window here
        return False
    if key in (PEOPLE, APPOINTMENT):  # 위원·위촉: 위촉… is on the people tab, the appointments on the other
        tab = page.show_appointments if key == APPOINTMENT and done else page.show_people
        tab()
    if done:
        return True
    if key in (BODY, MEETING):
        page.new_record()  # a blank form, its first field focused
    elif key in (INSTITUTIONS, PEOPLE):
        window.open_import()  # type: ignore[union-attr]  # the wizard for the page shown
    return True


class StepCard(QFrame):
    """One step: its number and title, a hint, its button and its state (✓ done, or to do)."""

    def __init__(self, number: int, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.done = False
        title, hint, _action, _page = STEPS[key]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(5)
        number_label = QLabel(f"{number}.")
        number_label.setProperty("role", "number")
        head.addWidget(number_label, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(_(title))
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        lay.addLayout(head)
        self.hint = QLabel(_(hint))
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        lay.addStretch(1)
        foot = QHBoxLayout()
        self.button = QPushButton()
        self.button.setObjectName(f"first_step_{key}")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        foot.addWidget(self.button)
        foot.addStretch(1)
        self.state = QLabel()
        self.state.setObjectName(f"first_step_{key}_state")
        foot.addWidget(self.state)
        lay.addLayout(foot)

    def set_state(self, done: bool, is_next: bool) -> None:
        self.done = done
        self.setProperty("step", "done" if done else "next" if is_next else "todo")
        self.state.setProperty("state", "done" if done else "todo")
        self.state.setText(_("✓ Done") if done else _("To do"))
        self.button.setText(_("Open") if done else _(STEPS[self.key][2]))
        self.button.setProperty("primary", is_next)
        for w in (self, self.state, self.button):
            w.style().unpolish(w)
            w.style().polish(w)


class FirstStepsPanel(QFrame):
    """The steps in a row under a heading with how many are done; hidden once all are (or for good)."""

    step_chosen = Signal(str, bool)  # the step's key, whether it is done

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_steps")
        self.setStyleSheet(STYLE)
        self.hidden_for_good = bool(ui_settings().value(HIDDEN_KEY, False, type=bool))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 8)
        lay.setSpacing(4)
        head = QHBoxLayout()
        title = QLabel(_("What to do first"))
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        title.setFont(f)
        head.addWidget(title)
        self.progress = QLabel()
        self.progress.setObjectName("first_steps_progress")
        self.progress.setProperty("role", "hint")
        head.addWidget(self.progress)
        head.addStretch(1)
        self.hide_button = QPushButton(_("Don't show again"))
        self.hide_button.setObjectName("first_steps_hide")
        self.hide_button.setFlat(True)
        self.hide_button.setToolTip(_("The dashboard no longer lists these steps; every page stays in the list on the left."))
        head.addWidget(self.hide_button)
        lay.addLayout(head)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.cards: dict[str, StepCard] = {}
        for n, key in enumerate(STEP_KEYS, start=1):
            card = StepCard(n, key)
            card.button.clicked.connect(lambda _c=False, card=card: self.step_chosen.emit(card.key, card.done))
            self.cards[key] = card
            row.addWidget(card, 1)
        lay.addLayout(row)
        self.hide_button.clicked.connect(self.hide_for_good)
        self.hide()  # shown by set_steps while a step is to do: a file set up never shows it

    def set_steps(self, steps: list[Step]) -> None:
        first = next_step(steps)
        for step in steps:
            self.cards[step.key].set_state(step.done, first is not None and step.key == first.key)
        done = sum(s.done for s in steps)
        self.progress.setText(_("{done} of {total} done").format(done=done, total=len(steps)))
        self.setVisible(not self.hidden_for_good and not setup_complete(steps))

    def hasHeightForWidth(self) -> bool:
        """No: a height-for-width child would make the dashboard's scroll area size every panel by its hint (the
        page would scroll); the panel keeps the height its wrapped texts need itself (``resizeEvent``)."""
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        need = self.layout().totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def hide_for_good(self) -> None:
        self.hidden_for_good = True
        ui_settings().setValue(HIDDEN_KEY, True)
        self.hide()

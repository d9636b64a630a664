"""위원·위촉: people and their appointments, two tabs of one page."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.pages.appointments import AppointmentsTab
from aict_desktop.ui.pages.people import PeopleTab


class PeopleAppointmentsPage(QWidget):
    page_key = "people_appointments"

    def __init__(self, services, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(self.page_key)
        self.tabs = QTabWidget(self)
        self.people = PeopleTab(services, settings)
        self.appointments = AppointmentsTab(services, settings)
        self.tabs.addTab(self.people, _("People"))
        self.tabs.addTab(self.appointments, _("Appointments"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.tabs)
        self._tab = self.tabs.currentIndex()
        self.tabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, index: int) -> None:
        """Leaving a tab whose editor holds typed changes asks first; 취소 stays on it."""
        previous = self.tabs.widget(self._tab)
        if previous is not None and previous is not self.tabs.widget(index) and not previous.confirm_leave():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._tab)
            self.tabs.blockSignals(False)
            return
        self._tab = index
        self.current().activate()

    def has_unsaved_changes(self) -> bool:
        return self.people.has_unsaved_changes() or self.appointments.has_unsaved_changes()

    def confirm_leave(self) -> bool:
        for tab in (self.people, self.appointments):
            if tab.has_unsaved_changes():
                self.tabs.setCurrentWidget(tab)  # the user sees what is asked about
                if not tab.confirm_leave():
                    return False
        return True

    def current(self):
        return self.tabs.currentWidget()

    def show_people(self) -> None:
        self.tabs.setCurrentWidget(self.people)
        self.people.focus_search()

    def show_appointments(self) -> None:
        self.tabs.setCurrentWidget(self.appointments)

    # the main window's actions go to the visible tab
    def activate(self) -> None:
        self.current().activate()

    def refresh(self) -> None:
        self.current().refresh()

    def new_record(self) -> None:
        self.current().new_record()

    def save_record(self) -> bool:
        return self.current().save_record()

    def delete_record(self, **kw) -> bool:
        return self.current().delete_record(**kw)

    def focus_search(self) -> None:
        self.current().focus_search()

    def print_current(self) -> None:
        self.current().print_current()

    def save_state(self) -> None:
        self.people.save_state()
        self.appointments.save_state()

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
        self.tabs.currentChanged.connect(lambda _i: self.current().activate())

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

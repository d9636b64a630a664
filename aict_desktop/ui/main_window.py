"""The main window: navigation list, one page per area, menus and toolbar from the action registry.

Pages are built the first time they are shown (a 주무관 opening the program
sees the dashboard at once; the other pages cost nothing until visited).
The window can be shown before the data file is open (``attach_services``
completes it), so start-up feels immediate. Once it is open, the window checks
it every two seconds (deleted, replaced, its journal deleted, the program's
locks lost) and shows a red banner, and says it once in a message, while it is not safe.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aict_desktop import __version__
from aict_desktop.i18n import N_, _
from aict_desktop.ui.actions import MENUS, ActionRegistry
from aict_desktop.ui.feedback import error_text, show_error, status
from aict_desktop.ui.state import restore_geometry, save_geometry


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English msgid
    module: str
    cls: str


PAGES = (
    PageSpec("dashboard", N_("Dashboard"), "aict_desktop.ui.pages.dashboard", "DashboardPage"),
    PageSpec("bodies", N_("Bodies"), "aict_desktop.ui.pages.bodies", "BodiesPage"),
    PageSpec("institutions", N_("Institutions"), "aict_desktop.ui.pages.institutions", "InstitutionsPage"),
    PageSpec("people", N_("Members & appointments"), "aict_desktop.ui.pages.people_appointments",
             "PeopleAppointmentsPage"),
    PageSpec("meetings", N_("Meetings"), "aict_desktop.ui.pages.meetings", "MeetingsPage"),
    PageSpec("tasks", N_("Tasks"), "aict_desktop.ui.pages.tasks", "TasksPage"),
    PageSpec("groups", N_("Working groups"), "aict_desktop.ui.working_groups.group_panel", "WorkingGroupPanel"),
    PageSpec("certificates", N_("Certificates"), "aict_desktop.ui.pages.certificates", "CertificatesPage"),
    PageSpec("settings", N_("Settings"), "aict_desktop.ui.pages.settings", "SettingsPage"),
)

STYLE = """
QListWidget#navigation { background: #f3f5f8; border: none; border-right: 1px solid #d9dde3; outline: 0; }
QListWidget#navigation::item { padding: 9px 14px; color: #222; }
QListWidget#navigation::item:selected { background: #1f4e8c; color: white; }
QFrame#editor { background: #fbfbfc; }
QToolBar { spacing: 4px; qproperty-toolButtonStyle: ToolButtonTextBesideIcon; }
QLabel#loading { qproperty-alignment: AlignCenter; }
QLabel#store_banner { background: #b3261e; color: white; font-weight: bold; padding: 8px 12px; }
"""
STORE_CHECK_MS = 2000
# Enum-valued properties are set here, by name, rather than with Qt.* in Python: the first use of PySide6's
# Qt namespace builds its ~90 Python enums (≈20 ms), which would otherwise come before the window is on screen.


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, settings, services=None, *, data_label: str = ""):
        super().__init__()
        self.settings = settings
        self.services = None
        self.pages: dict[str, QWidget] = {}
        self.setObjectName("main_window")
        self.setWindowTitle(_("AICT Secretariat"))
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))
        self.setStyleSheet(STYLE)

        self.registry = ActionRegistry(self)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        f = self.nav.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.nav.setFont(f)
        for spec in PAGES:
            self.nav.addItem(QListWidgetItem(_(spec.title)))  # row n is PAGES[n]
        widest = max(self.nav.fontMetrics().horizontalAdvance(_(s.title)) for s in PAGES)
        self.nav.setFixedWidth(max(170, widest + 40))
        self.stack = QStackedWidget()
        self.loading = QLabel(_("Opening the data file…"))
        self.loading.setObjectName("loading")
        self.stack.addWidget(self.loading)
        self.store_banner = QLabel()  # the data file is no longer safe: said here until it is
        self.store_banner.setObjectName("store_banner")
        self.store_banner.setWordWrap(True)
        self.store_banner.hide()
        self._store_problem: str | None = None
        self._store_timer = QTimer(self, interval=STORE_CHECK_MS)
        self._store_timer.timeout.connect(self.check_store)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.store_banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)
        self.data_label = QLabel(data_label)
        self.data_label.setStyleSheet("color: #555; padding-right: 8px;")
        self.statusBar().addPermanentWidget(self.data_label)
        self._build_menus()
        restore_geometry("main_window", self)
        self._connect_signals()
        self.set_enabled_actions(False)
        if services is not None:
            self.attach_services(services)

    # --- building -----------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = {key: self.menuBar().addMenu(_(title)) for key, title in MENUS}
        toolbar = QToolBar(_("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        for spec in self.registry.specs():
            act = self.registry[spec.key]
            if spec.key == "quit":
                menus["file"].addSeparator()
            menus[spec.menu].addAction(act)
            if spec.toolbar:
                toolbar.addAction(act)
        for n, spec in enumerate(PAGES, start=1):
            act = self.registry.add_page_action(f"go_{spec.key}", _(spec.title), f"Ctrl+{n}")
            act.triggered.connect(lambda _c=False, key=spec.key: self.show_page(key))
            menus["go"].addAction(act)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._nav_changed)
        r = self.registry
        r.connect("new", lambda: self._on_page("new_record"))
        r.connect("save", lambda: self._on_page("save_record"))
        r.connect("delete", lambda: self._on_page("delete_record"))
        r.connect("search", lambda: self._on_page("focus_search"))
        r.connect("refresh", lambda: self._on_page("refresh"))
        r.connect("print", lambda: self._on_page("print_current"))
        r.connect("import", self.open_import)
        r.connect("backup", self.backup_now)
        r.connect("quit", self.close)
        r.connect("about", self.about)

    # --- services and pages ---------------------------------------------------------

    def attach_services(self, services) -> None:
        """The data file is open: build the first page."""
        self.services = services
        self.set_enabled_actions(True)
        self.show_page("dashboard")
        self._store_timer.start()

    def check_store(self) -> str | None:
        """The banner follows ``store.problem()``; a new problem is also told once in a message."""
        store = getattr(self.services, "store", None)
        problem = store.problem() if hasattr(store, "problem") else None
        if problem == self._store_problem:
            return problem
        self._store_problem = problem
        self.store_banner.setText(problem or "")
        self.store_banner.setVisible(problem is not None)
        if problem is not None:
            show_error(self, problem, _("The data file is not safe"))
        return problem

    def set_enabled_actions(self, enabled: bool) -> None:
        for act in self.registry.actions.values():
            act.setEnabled(enabled or act.objectName() in ("action_quit", "action_about"))

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            spec = next(s for s in PAGES if s.key == key)
            cls = getattr(importlib.import_module(spec.module), spec.cls)
            page = cls(self.services, self.settings)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget | None:
        if self.services is None:
            return None
        row = next(i for i, s in enumerate(PAGES) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _nav_changed
        elif self.stack.currentWidget() is not self.pages.get(key):
            self._nav_changed(row)
        return self.pages.get(key)

    def _nav_changed(self, row: int) -> None:
        if self.services is None or row < 0:
            return
        page = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(page)
        activate = getattr(page, "activate", None)
        if activate is not None:
            activate()

    def current_page(self) -> QWidget | None:
        w = self.stack.currentWidget()
        return w if w is not self.loading else None

    def _on_page(self, method: str) -> None:
        page = self.current_page()
        fn = getattr(page, method, None) if page is not None else None
        if fn is None:
            status(self, _("This page has no such command."))
            return
        fn()

    # --- commands -------------------------------------------------------------------------

    def open_import(self) -> None:
        if self.services is None:
            return
        from aict_desktop.ui.dialogs.import_wizard import ImportWizard

        kind = "people" if self.current_page() is self.pages.get("people") else "institutions"
        if ImportWizard.ask(self.services, kind, self):
            page = self.current_page()
            if page is not None and hasattr(page, "refresh"):
                page.refresh()

    def backup_now(self) -> None:
        if self.services is None:
            return
        from aict_desktop.ui.dialogs.backup import BackupDialog

        BackupDialog.ask(self.services, self.settings, self)

    def about(self) -> None:
        QMessageBox.about(self, _("About AICT Secretariat"), _(
            "AICT Secretariat {version}\nRosters, appointment certificates, meetings and minutes, tasks — "
            "for the secretariats of Korean public–private committees."
        ).format(version=__version__))

    def closeEvent(self, event) -> None:
        save_geometry("main_window", self)
        for page in self.pages.values():
            saver = getattr(page, "save_state", None)
            if saver is not None:
                saver()
        self.closing.emit()
        super().closeEvent(event)

    def fail(self, err: BaseException) -> None:
        """The data file could not be opened: say why (the app then quits)."""
        self.loading.setText(_("The data file could not be opened."))
        QMessageBox.critical(self, _("The data file could not be opened"), error_text(err))  # waits: the app quits next

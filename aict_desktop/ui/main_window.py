"""The main window: navigation list, one page per area, menus and toolbar from the action registry.

Pages are built the first time they are shown (a 주무관 opening the program
sees the dashboard at once; the other pages cost nothing until visited).
The window can be shown before the data file is open (``attach_services``
completes it), so start-up feels immediate; meanwhile ``show_first_paint`` can fill
the dashboard from a quick read of the file (``services.first_paint``), refilled in
place by the services. Once the file is open, the window checks it every two seconds (deleted, replaced, its journal deleted, the program's
locks lost) and shows a red banner, and says it once in a message, while it is not safe.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.i18n import N_, _
from aict_desktop.ui.actions import MENUS, ActionRegistry
from aict_desktop.ui.feedback import status
from aict_desktop.ui.state import restore_geometry, save_geometry
from aict_desktop.ui.window_commands import WindowCommands
from aict_desktop.ui.window_file_state import DataFileBanners

log = logging.getLogger(__name__)

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
QLabel#read_only_banner { background: #f9e2a8; color: #4a3500; font-weight: bold; padding: 8px 12px; }
"""
DEFAULT_SIZE = QSize(1280, 800)
FRAME_ALLOWANCE = QSize(16, 40)  # the window frame and title bar around the client area
# Enum-valued properties are set here, by name, rather than with Qt.* in Python: the first use of PySide6's
# Qt namespace builds its ~90 Python enums (≈20 ms), which would otherwise come before the window is on screen.


class MainWindow(DataFileBanners, WindowCommands, QMainWindow):
    closing = Signal()

    def __init__(self, settings, services=None, *, data_label: str = ""):
        super().__init__()
        self.settings = settings
        self.services = None
        self.restore_handler = None  # set by app.py for a local data file: replaces it with a backup, reopens it
        self.pages: dict[str, QWidget] = {}
        self.setObjectName("main_window")
        self.setWindowTitle(_("AICT Secretariat"))
        self.setMinimumSize(QSize(960, 600).boundedTo(self._available().size() - FRAME_ALLOWANCE))
        self.resize(DEFAULT_SIZE.boundedTo(self._available().size() - FRAME_ALLOWANCE))
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
        self._build_banners()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.store_banner)
        outer.addWidget(self.read_only_banner)
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
        self._restore_window()
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
        r.connect("refresh", self.refresh_page)
        r.connect("print", lambda: self._on_page("print_current"))
        r.connect("import", self.open_import)
        r.connect("backup", self.backup_now)
        r.connect("restore", self.restore_backup)
        r.connect("quit", self.quit_requested)
        r.connect("about", self.about)
        r.connect("help", self.show_help)

    def _available(self):
        """The screen's area free of task bars (the screen the window is on, or the primary one)."""
        handle = self.windowHandle()
        screen = handle.screen() if handle is not None else None
        screen = screen or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _restore_window(self) -> None:
        """The saved size and place (maximised too), kept within the screen; first time: fits the screen."""
        restored = restore_geometry("main_window", self)
        area = self._available()
        if restored and self.isMaximized():
            return
        size = self.size().boundedTo(area.size() - FRAME_ALLOWANCE) if restored \
            else DEFAULT_SIZE.boundedTo(area.size() - FRAME_ALLOWANCE)
        self.resize(size)
        frame = self.frameGeometry()
        if not restored or not area.contains(frame):
            x = area.x() + max(0, (area.width() - size.width() - FRAME_ALLOWANCE.width()) // 2)
            y = area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)
            self.move(x, y)

    # --- services and pages ---------------------------------------------------------

    def show_first_paint(self, snapshot) -> bool:
        """Before the data file is open: the dashboard filled from ``snapshot`` (``services.first_paint``), which
        the services refill in place when they attach. False (the loading text stays) if it cannot be built."""
        if self.services is not None or "dashboard" in self.pages:
            return False
        spec = next(s for s in PAGES if s.key == "dashboard")
        page = None
        try:
            page = getattr(importlib.import_module(spec.module), spec.cls)(snapshot, self.settings)
            page.refresh()
        except Exception:  # noqa: BLE001 — only a head start: the services fill the page as before
            log.exception("the dashboard's first paint failed")
            if page is not None:
                page.deleteLater()
            return False
        self.pages[spec.key] = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._select_nav(page)
        return True

    def attach_services(self, services) -> None:
        """The data file is open: build the first page (or refill the first paint's, in place)."""
        self.services = services
        self.set_enabled_actions(True)
        painted = self.pages.get("dashboard")
        if painted is not None and painted.services is not services:
            painted.attach_services(services)  # same page, same figures: no jump
            self.stack.setCurrentWidget(painted)
            self._select_nav(painted)
        else:
            self.show_page("dashboard")
        self._store_timer.start()

    def set_enabled_actions(self, enabled: bool) -> None:
        for act in self.registry.actions.values():
            act.setEnabled(enabled or act.objectName() in ("action_quit", "action_about", "action_help"))

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
        leaving = self.current_page()
        if leaving is not None and leaving is not self.pages.get(PAGES[row].key) and not self._may_leave(leaving):
            self._select_nav(leaving)  # 취소: stay on the page with the typed changes
            return
        page = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(page)
        activate = getattr(page, "activate", None)
        if activate is not None:
            activate()

    @staticmethod
    def _may_leave(page) -> bool:
        confirm_leave = getattr(page, "confirm_leave", None)
        return confirm_leave() if confirm_leave is not None else True

    def _select_nav(self, page) -> None:
        key = next((k for k, p in self.pages.items() if p is page), None)
        row = next((i for i, s in enumerate(PAGES) if s.key == key), -1)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def unsaved_pages(self) -> list:
        return [p for p in self.pages.values() if getattr(p, "has_unsaved_changes", lambda: False)()]

    def confirm_close(self) -> bool:
        """Before quitting: each page holding typed changes is shown and asks 저장 / 저장 안 함 / 취소."""
        for page in self.unsaved_pages():
            self.stack.setCurrentWidget(page)
            self._select_nav(page)
            if not self._may_leave(page):
                return False
        return True

    def refresh_page(self) -> None:
        page = self.current_page()
        if page is not None and self._may_leave(page):
            self._on_page("refresh")

    def open_record(self, key: str, record_id: int) -> bool:
        """Show page ``key`` with record ``record_id`` in its editor (a double-click on the dashboard)."""
        page = self.show_page(key)
        if page is None or self.current_page() is not page:
            return False
        if key == "people":  # 위원·위촉: the record is an appointment
            page.show_appointments()
            page = page.appointments
        select = getattr(page, "select_id", None)
        return bool(select is not None and select(record_id))

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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self.registry.icons_loaded:  # the toolbar's icons once the window is on screen (ActionRegistry)
            QTimer.singleShot(0, self.registry.load_icons)

    def closeEvent(self, event) -> None:
        # the window's close box asks about typed changes (a close by the program itself does not)
        if event.spontaneous() and not getattr(self, "_asked_to_close", False) and not self.confirm_close():
            event.ignore()
            return
        self._asked_to_close = False
        save_geometry("main_window", self)
        for page in self.pages.values():
            saver = getattr(page, "save_state", None)
            if saver is not None:
                saver()
        self.closing.emit()
        super().closeEvent(event)

"""The row over the preview's QPdfView: 쪽 맞춤 / 폭 맞춤, zoom out / in / 100 %, and ◀ page / n ▶.

Keys (anywhere in the preview window): Ctrl++ / Ctrl+- / Ctrl+0 (100 %), Ctrl+wheel over the page,
PageUp / PageDown (previous / next page), Home / End (first / last page). The page field follows
scrolling (the view's page navigator says which page is in view). The last fit the user chose
(width or whole page) is remembered in ``window.ini``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.state import ui_settings

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
FIT_WIDTH, WHOLE_PAGE = "fit_width", "whole_page"
FIT_MODES = {FIT_WIDTH: QPdfView.ZoomMode.FitToWidth, WHOLE_PAGE: QPdfView.ZoomMode.FitInView}


def next_zoom(current: float, direction: int) -> float:
    """The next step of ZOOM_STEPS above (direction > 0) or below ``current``, held at the ends."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < current / 1.01), ZOOM_STEPS[0])


class _PageSpin(QSpinBox):
    """The page field: Enter goes to the page and stops there (else the dialog's default button, 인쇄, fires)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class PreviewControls(QWidget):
    """Zoom, fit and page controls bound to ``view`` (its document already set)."""

    def __init__(self, view: QPdfView, parent: QWidget | None = None, state_key: str = "preview"):
        super().__init__(parent)
        self.view = view
        self.navigator = view.pageNavigator()
        self._settings_key = f"{state_key}/zoom_mode"

        def tool(text: str, tip: str, keys: str = "", checkable: bool = False) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip("{} ({})".format(tip, keys) if keys else tip)
            b.setCheckable(checkable)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            return b

        self.whole_page_button = tool(_("Whole page"), _("Show the whole page"), checkable=True)
        self.fit_width_button = tool(_("Fit width"), _("Fit the page to the window's width"), checkable=True)
        self.zoom_out_button = tool("−", _("Zoom out"), "Ctrl+-")
        self.zoom_label = QLabel(self)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setToolTip(_("Zoom (Ctrl+wheel over the page)"))
        self.zoom_in_button = tool("+", _("Zoom in"), "Ctrl++")
        self.actual_size_button = tool("100 %", _("Actual size"), "Ctrl+0")
        self.prev_button = tool("◀", _("Previous page"), "PageUp")
        self.page_spin = _PageSpin(self)
        self.page_spin.setKeyboardTracking(False)  # typing "12" goes to 12, not to 1 first
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setToolTip(_("Go to page (Home: first, End: last)"))
        self.page_spin.setAccessibleName(_("Page"))
        self.of_label = QLabel(self)
        self.next_button = tool("▶", _("Next page"), "PageDown")

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.whole_page_button, self.fit_width_button, self.zoom_out_button, self.zoom_label,
                  self.zoom_in_button, self.actual_size_button):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.prev_button, self.page_spin, self.of_label, self.next_button):
            row.addWidget(w)

        self._connect_signals()
        self._sync_page_count()
        saved = ui_settings().value(self._settings_key)
        self.view.setZoomMode(FIT_MODES.get(saved if isinstance(saved, str) else "", view.zoomMode()))
        self._show_zoom()

    def _connect_signals(self) -> None:
        self.whole_page_button.clicked.connect(lambda: self.fit(WHOLE_PAGE))
        self.fit_width_button.clicked.connect(lambda: self.fit(FIT_WIDTH))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_step(-1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_step(+1))
        self.actual_size_button.clicked.connect(lambda: self.zoom_to(1.0))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.navigator.currentPageChanged.connect(self._show_page)  # scrolled, or a jump
        self.view.zoomModeChanged.connect(lambda _mode: self._show_zoom())
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.view.documentChanged.connect(lambda _doc: self._sync_page_count())
        self.view.viewport().installEventFilter(self)  # Ctrl+wheel; a resize changes a fit's zoom

        keys = (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_step(+1)),
            ("Ctrl+=", lambda: self.zoom_step(+1)),  # the + key without Shift
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_step(-1)),
            ("Ctrl+0", lambda: self.zoom_to(1.0)),
            ("PgDown", lambda: self.go_to(self.current_page() + 1)),
            ("PgUp", lambda: self.go_to(self.current_page() - 1)),
            ("Home", lambda: self.go_to(0)),
            ("Ctrl+Home", lambda: self.go_to(0)),
            ("End", lambda: self.go_to(self.page_count() - 1)),
            ("Ctrl+End", lambda: self.go_to(self.page_count() - 1)),
        )
        self.shortcuts = []
        for key, slot in keys:
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)

    # -- pages -------------------------------------------------------------------------------------
    def page_count(self) -> int:
        doc = self.view.document()
        return doc.pageCount() if doc is not None else 0

    def current_page(self) -> int:
        """The page in view, from 0."""
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        """Scroll page ``page`` (from 0, held to the document) to the top of the view."""
        count = self.page_count()
        if count < 1:
            return
        page = max(0, min(count - 1, page))
        if page == self.current_page():
            self._show_page()  # a refused step (past the last page) puts the field back
            return
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())  # the view scrolls to its top
        if self.current_page() != page:
            # near the end the view cannot scroll a page's top up to the top and calls the page above the
            # current one; the page is in view all the same, so it is the current page
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._show_page()

    def _align_page(self, page: int) -> None:
        """Put the top of ``page`` at the top again after the layout changed (the view scrolls on a page change)."""
        if self.page_count() > 1:
            self.navigator.jump(page + 1 if page == 0 else page - 1, QPointF(), self.navigator.currentZoom())
            self.go_to(page)
        else:
            self.view.verticalScrollBar().setValue(0)

    def _sync_page_count(self) -> None:
        self._count = count = self.page_count()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(1, count))
        self.page_spin.blockSignals(False)
        self.page_spin.setMinimumWidth(self.page_spin.fontMetrics().horizontalAdvance("0" * len(str(count))) + 36)
        self.of_label.setText(_("of {n}").format(n=count))
        self._show_page()

    def _show_page(self, page: int | None = None) -> None:
        # the page comes with the signal: the navigator also signals while the view is being destroyed
        page, count = self.current_page() if page is None else page, self._count
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    # -- zoom --------------------------------------------------------------------------------------
    def effective_zoom(self) -> float:
        """The zoom the pages are shown at (QPdfView's zoomFactor is only used in Custom mode)."""
        view, mode = self.view, self.view.zoomMode()
        doc = view.document()
        if mode == QPdfView.ZoomMode.Custom or doc is None or self.page_count() < 1:
            return view.zoomFactor()
        screen = QGuiApplication.primaryScreen()
        res = (screen.logicalDotsPerInch() if screen is not None else 96.0) / 72.0  # as QPdfView sizes pages
        size = doc.pagePointSize(max(0, self.current_page()))
        if size.width() <= 0 or size.height() <= 0:
            return view.zoomFactor()
        margins, viewport = view.documentMargins(), view.viewport().size()
        by_width = (viewport.width() - margins.left() - margins.right()) / (size.width() * res)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return max(0.01, by_width)
        return max(0.01, min(by_width, (viewport.height() - view.pageSpacing()) / (size.height() * res)))

    def zoom_step(self, direction: int) -> None:
        self.zoom_to(next_zoom(self.effective_zoom(), direction))

    def zoom_to(self, factor: float) -> None:
        """Custom zoom at ``factor`` (held to ZOOM_STEPS' range), keeping the middle of the view where it was."""
        factor = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        bars = (self.view.horizontalScrollBar(), self.view.verticalScrollBar())
        middles = [(b.value() + b.pageStep() / 2) / max(1, b.maximum() + b.pageStep()) for b in bars]
        self.view.setZoomFactor(factor)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        for bar, middle in zip(bars, middles, strict=True):
            bar.setValue(round(middle * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))
        self._show_zoom()

    def fit(self, key: str) -> None:
        """Fit the width (FIT_WIDTH) or the whole page (WHOLE_PAGE) into the view; remembered for next time."""
        page = self.current_page()
        self.view.setZoomMode(FIT_MODES[key])
        ui_settings().setValue(self._settings_key, key)
        self._align_page(page)
        self._show_zoom()

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.whole_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        zoom = self.effective_zoom()
        self.zoom_label.setText("{} %".format(round(zoom * 100)))
        self.zoom_out_button.setEnabled(zoom > ZOOM_STEPS[0] * 1.01)
        self.zoom_in_button.setEnabled(zoom < ZOOM_STEPS[-1] / 1.01)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            dy = event.angleDelta().y()
            if dy:
                self.zoom_step(1 if dy > 0 else -1)
            return True  # else the scroll bar turns Ctrl+wheel into page-sized jumps
        if event.type() == QEvent.Type.Resize and self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            self._show_zoom()
        return super().eventFilter(watched, event)

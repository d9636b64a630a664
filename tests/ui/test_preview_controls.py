"""The preview's zoom, fit and page controls (issue 15 item 12): a 주무관 checking 31 위촉장 fits the whole page or
the width, zooms with the buttons, Ctrl++ / Ctrl+- / Ctrl+0 and Ctrl+wheel, and goes to a page with the page field,
◀ ▶, PageUp / PageDown and Home / End; the page field follows scrolling; the last fit is remembered."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from aict_desktop.i18n import _

PAGES = 5


def _pdf(pages: int = PAGES) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        c.drawString(100, 700, f"page {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _open(qtbot, pages: int = PAGES):
    from aict_desktop.ui.preview import PreviewDialog

    dlg = PreviewDialog.show_pdf(_pdf(pages), "위촉장", "위촉장.pdf")
    assert dlg is not None
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    with qtbot.waitActive(dlg):
        dlg.activateWindow()
    return dlg


@pytest.fixture
def preview(qtbot):
    return _open(qtbot)  # qtbot closes it (and Qt deletes it) after the test


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wheel(view: QPdfView, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A mouse wheel notch over the page, as the window system delivers it."""
    vp = view.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    event = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, event)


def _type_page(qtbot, spin, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_zoom_buttons_and_fits(qtbot, preview):
    c, view = preview.controls, preview.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and c.fit_width_button.isChecked()
    fitted = c.effective_zoom()
    assert c.zoom_label.text() == "{} %".format(round(fitted * 100))

    _click(qtbot, c.zoom_in_button)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and not c.fit_width_button.isChecked()
    bigger = view.zoomFactor()
    assert bigger > fitted
    assert c.zoom_label.text() == "{} %".format(round(bigger * 100))
    _click(qtbot, c.zoom_out_button)
    _click(qtbot, c.zoom_out_button)
    assert view.zoomFactor() < bigger and view.zoomFactor() < fitted
    _click(qtbot, c.actual_size_button)
    assert view.zoomFactor() == 1.0 and c.zoom_label.text() == "100 %"

    _click(qtbot, c.whole_page_button)
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert c.whole_page_button.isChecked() and not c.fit_width_button.isChecked()
    # the whole A4 page is in the view: its height at the shown zoom is within the viewport
    page_px = A4[1] * view.logicalDpiY() / 72 * c.effective_zoom()
    assert page_px <= view.viewport().height()
    _click(qtbot, c.fit_width_button)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_zoom_is_held_at_its_limits(qtbot, preview):
    from aict_desktop.ui.preview_controls import ZOOM_STEPS

    c, view = preview.controls, preview.view
    for _n in range(len(ZOOM_STEPS) + 2):
        if c.zoom_out_button.isEnabled():
            _click(qtbot, c.zoom_out_button)
    assert view.zoomFactor() == ZOOM_STEPS[0] and not c.zoom_out_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == ZOOM_STEPS[0]
    for _n in range(len(ZOOM_STEPS) + 2):
        qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == ZOOM_STEPS[-1] and not c.zoom_in_button.isEnabled()


def test_zoom_keys_and_ctrl_wheel(qtbot, preview):
    c, view = preview.controls, preview.view
    fitted = c.effective_zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > fitted
    once = view.zoomFactor()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # the + key without Shift
    assert view.zoomFactor() > once
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == once
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == 1.0 and c.zoom_label.text() == "100 %"

    top = view.verticalScrollBar().value()
    _wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() > 1.0
    _wheel(view, -120, Qt.KeyboardModifier.ControlModifier)
    _wheel(view, -120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() < 1.0
    assert c.current_page() == 0 and view.verticalScrollBar().value() <= top + 1  # zooming did not scroll away


def test_pages_by_field_buttons_and_keys(qtbot, preview, monkeypatch):
    from aict_desktop.ui import preview as preview_module

    printed = []
    monkeypatch.setattr(preview_module, "QPrintDialog", lambda *a: printed.append(a))  # Enter must not print
    c, nav, view = preview.controls, preview.view.pageNavigator(), preview.view
    assert c.page_spin.value() == 1 and c.of_label.text() == _("of {n}").format(n=PAGES)
    assert not c.prev_button.isEnabled() and c.next_button.isEnabled()

    _type_page(qtbot, c.page_spin, "3")
    assert nav.currentPage() == 2 and c.page_spin.value() == 3
    assert printed == []  # Enter in the page field went to the page, not to the default button 인쇄
    top = view.verticalScrollBar().value()
    assert top > 0

    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert nav.currentPage() == 3 and c.page_spin.value() == 4
    assert view.verticalScrollBar().value() > top
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert nav.currentPage() == 2 and c.page_spin.value() == 3

    qtbot.keyClick(view, Qt.Key.Key_End)
    assert nav.currentPage() == PAGES - 1 and c.page_spin.value() == PAGES
    assert not c.next_button.isEnabled() and c.prev_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # past the last page: stays there
    assert nav.currentPage() == PAGES - 1 and c.page_spin.value() == PAGES
    _type_page(qtbot, c.page_spin, "9")  # no page 9: the field keeps 5
    assert nav.currentPage() == PAGES - 1 and c.page_spin.value() == PAGES
    assert c.page_spin.maximum() == PAGES

    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert nav.currentPage() == 0 and c.page_spin.value() == 1
    assert view.verticalScrollBar().value() == view.documentMargins().top()  # the first page's top at the top
    _click(qtbot, c.next_button)
    _click(qtbot, c.next_button)
    assert nav.currentPage() == 2 and c.page_spin.value() == 3
    _click(qtbot, c.prev_button)
    assert nav.currentPage() == 1 and c.page_spin.value() == 2
    qtbot.keyClick(c.page_spin, Qt.Key.Key_Up)  # the field's arrows go to the page at once
    assert nav.currentPage() == 2
    assert printed == []


def test_last_page_is_current_at_a_small_zoom(qtbot, preview):
    """Several pages fit the view: End cannot scroll the last page's top to the top, the last page is current all
    the same (Qt would call the page above it current)."""
    from aict_desktop.ui.preview_controls import ZOOM_STEPS

    c, nav, view = preview.controls, preview.view.pageNavigator(), preview.view
    while view.zoomFactor() != ZOOM_STEPS[0]:
        _click(qtbot, c.zoom_out_button)
    assert view.verticalScrollBar().maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert nav.currentPage() == PAGES - 1 and c.page_spin.value() == PAGES
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()


def test_page_field_follows_scrolling(qtbot, preview):
    c, nav, view = preview.controls, preview.view.pageNavigator(), preview.view
    for _n in range(400):
        if nav.currentPage() >= 2:
            break
        _wheel(view, -120)  # scroll down with the wheel
    assert nav.currentPage() == 2
    assert c.page_spin.value() == 3 and c.prev_button.isEnabled()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the scroll bar dragged to the end
    assert c.page_spin.value() == PAGES and not c.next_button.isEnabled()


def test_the_last_fit_is_remembered(qtbot):
    dlg = _open(qtbot)
    assert dlg.view.zoomMode() == QPdfView.ZoomMode.FitToWidth  # the first time: fit the width
    _click(qtbot, dlg.controls.whole_page_button)
    dlg.close()
    again = _open(qtbot)
    assert again.view.zoomMode() == QPdfView.ZoomMode.FitInView and again.controls.whole_page_button.isChecked()
    _click(qtbot, again.controls.zoom_in_button)  # a custom zoom is not remembered
    again.close()
    third = _open(qtbot)
    assert third.view.zoomMode() == QPdfView.ZoomMode.FitInView
    _click(qtbot, third.controls.fit_width_button)
    third.close()
    assert _open(qtbot).view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_one_page_document(qtbot):
    dlg = _open(qtbot, pages=1)
    c = dlg.controls
    assert c.page_spin.maximum() == 1 and c.of_label.text() == _("of {n}").format(n=1)
    assert not c.prev_button.isEnabled() and not c.next_button.isEnabled()
    qtbot.keyClick(dlg.view, Qt.Key.Key_End)
    _click(qtbot, c.whole_page_button)
    assert dlg.view.pageNavigator().currentPage() == 0 and c.page_spin.value() == 1


def test_controls_fit_and_print_stays_default(qtbot, preview):
    from PySide6.QtCore import QRect

    from aict_desktop.ui.preview import fitted_size

    c = preview.controls
    assert preview.print_button.isDefault()
    laptop = fitted_size(QRect(0, 0, 1366, 768))  # the dialog on a 1366×768 screen
    preview.resize(laptop)
    qtbot.waitUntil(lambda: preview.size() == laptop)
    assert c.minimumSizeHint().width() <= laptop.width() - 2 * preview.layout().contentsMargins().left()
    for b in (preview.print_button, preview.save_button, preview.close_button, c.next_button, c.whole_page_button):
        assert b.isVisible() and preview.rect().contains(QRect(b.mapTo(preview, QPoint(0, 0)), b.size()))

"""``python -m aict_desktop.tools.screenshots OUTDIR [--db PATH] [--size 1366x768]``: one PNG per window.

Opens every page of the main window on the current data file (or ``--db``)
and saves ``<n>_<page>.png``, then the import wizard, 회의 준비, the 위촉장
preview and meeting mode (``tools.screenshot_windows``: on a copy of the file,
nothing of the user's changes). No picture is larger than the size given. Runs
without a display (offscreen) when there is none.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SIZE = "1366x768"


def screen_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1366x768: {text}") from None
    return w, h


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aict_desktop.tools.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--db", metavar="PATH", help="data file (default: the program's data file)")
    parser.add_argument("--lang", choices=("ko", "en"), default=None)
    parser.add_argument("--size", type=screen_size, default=screen_size(SIZE),
                        help="the screen to fit, e.g. 1366x768 (no picture is larger)")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from aict_desktop import i18n
    from aict_desktop.app import build_app, open_data
    from aict_desktop.config import Settings

    settings = Settings.load()
    i18n.install(args.lang or settings.language)
    app = build_app([sys.argv[0]], settings)
    from aict_desktop.tools import screenshot_windows as more
    from aict_desktop.ui.main_window import PAGES, MainWindow

    opened = open_data(args.db or settings.database_target())
    args.outdir.mkdir(parents=True, exist_ok=True)
    try:
        window = MainWindow(settings, opened.services,
                            data_label=i18n._("Data file: {path}").format(path=opened.services.store.display_name))
        width, height = args.size
        window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height - more.TASK_BAR))
        window.resize(width, height - more.TASK_BAR)
        window.show()
        for n, spec in enumerate(PAGES, start=1):
            window.show_page(spec.key)
            for _ in range(10):
                app.processEvents()
            path = args.outdir / f"{n:02d}_{spec.key}.png"
            window.grab().save(str(path))
            print(path)
        people = window.show_page("people")
        if people is not None:
            people.show_appointments()
            for _ in range(10):
                app.processEvents()
            path = args.outdir / f"{len(PAGES) + 1:02d}_appointments.png"
            window.grab().save(str(path))
            print(path)
        n = len(PAGES) + 2
        sv = opened.services
        for name, make in more.WINDOWS:
            dialog = make(sv, window)
            if dialog is None:
                print(f"({name}: nothing to show in this data file)")
                continue
            print(more.save_window(app, dialog, args.outdir / f"{n:02d}_{name}.png", args.size))
            dialog.close()
            dialog.deleteLater()
            n += 1
        with more.meeting_mode(sv) as mode:
            if mode is None:
                print("(meeting mode: no meeting to hold in this data file)")
            else:
                print(more.save_window(app, mode, args.outdir / f"{n:02d}_meeting_mode.png", args.size))
        window.close()
    finally:
        opened.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

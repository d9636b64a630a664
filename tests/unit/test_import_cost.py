"""What a start does not load: the heavy libraries stay out of the paths that do not need them.

Start-up speed rests on these (benchmarks/bench_startup.py, bench_documents.py
measure the time); a stray top-level import would silently undo them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(code: str, tmp_path: Path) -> set[str]:
    """Run ``code`` in a fresh interpreter; the top-level packages it left in sys.modules."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules} | "\
                    "{m for m in sys.modules if m.startswith('aict_desktop')})))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AICT_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_main_window_module_loads_no_database_print_or_date_library(tmp_path):
    mods = loaded_after("import aict_desktop.app, aict_desktop.ui.main_window, aict_desktop.ui.worker", tmp_path)
    assert "PySide6" in mods  # the check itself works
    for heavy in ("sqlalchemy", "sqlmodel", "pydantic", "reportlab", "babel", "keyring", "cryptography"):
        assert heavy not in mods, f"{heavy} is imported before the main window is shown"


def test_a_local_data_file_never_loads_the_keyring_or_the_server_module(tmp_path):
    db = tmp_path / "x.sqlite"
    mods = loaded_after(
        "from aict_desktop.store import open_store\n"
        "from aict_desktop.services.container import Services\n"
        f"sv = Services(open_store({str(db)!r}, create=True))\n"
        "assert sv.bodies.list_bodies() == []\n",
        tmp_path,
    )
    assert "sqlalchemy" in mods
    assert "keyring" not in mods
    assert "aict_desktop.store.server" not in mods


def test_the_shell_is_shown_without_building_the_qt_namespace_enums(tmp_path):
    """PySide6 builds ~90 Python enums (≈20 ms) on the first use of ``Qt``; the window appears before that."""
    mods = loaded_after(
        "import PySide6.QtCore as core\n"
        "from aict_desktop.app import build_app\n"
        "from aict_desktop.config import Settings\n"
        "from aict_desktop.ui.main_window import MainWindow\n"
        "settings = Settings.load()\n"
        "app = build_app([], settings)\n"
        "window = MainWindow(settings, data_label='x')\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert 'Qt' not in vars(core), 'the Qt namespace was built before the first paint'\n"
        "assert window.toolbar.toolButtonStyle() == core.Qt.ToolButtonStyle.ToolButtonTextBesideIcon\n"
        "assert window.loading.alignment() == core.Qt.AlignmentFlag.AlignCenter\n",
        tmp_path,
    )
    assert "aict_desktop.ui.main_window" in mods


def test_aict_help_and_version_load_no_database_layer(tmp_path):
    """`aict --help`, `--version` and a mistyped verb answer without loading SQLAlchemy (most of a second)."""
    mods = loaded_after("from aict_desktop.cli import build_parser\nbuild_parser().format_help()\n", tmp_path)
    assert "aict_desktop.cli.certificates" in mods and "aict_desktop.cli.store_cmds" in mods  # every verb registered
    for heavy in ("sqlalchemy", "sqlmodel", "reportlab", "keyring", "cryptography", "openpyxl"):
        assert heavy not in mods, f"{heavy} is imported just to build aict's argument parser"

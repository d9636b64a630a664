"""The installer bundle builds from build_installer.spec and works without the checkout (slow: ~2 minutes).

Runs scripts/build_bundle.sh with build/ and dist/ in a temporary folder: PyInstaller,
then the bundle's own ``--self-test`` and a round of the bundled ``aict`` command,
the excluded-Qt-modules check and the size limit. A broken spec fails here.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_bundle_builds_and_passes_its_checks(tmp_path):
    source_mo = ROOT / "i18n" / "ko" / "LC_MESSAGES" / "messages.mo"
    had_mo = source_mo.exists()
    env = {**os.environ, "AICT_BUILD_DIR": str(tmp_path / "build"), "AICT_DIST_DIR": str(tmp_path / "dist")}
    env.pop("QT_QPA_PLATFORM", None)  # the bundle must pick offscreen itself when there is no display
    r = subprocess.run(["bash", str(ROOT / "scripts" / "build_bundle.sh")], capture_output=True, text=True,
                       encoding="utf-8", env=env, timeout=1700, cwd=tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out[-6000:]
    assert "== bundle OK" in out and "Traceback" not in out
    assert "자체 점검 통과: 10개 항목." in out or "Self-test passed: 10 checks." in out

    app = tmp_path / "dist" / "aict-desktop"
    internal = app / "_internal"
    assert os.access(app / "aict-desktop", os.X_OK) and os.access(app / "aict", os.X_OK)
    for rel in ("resources/fonts/NanumGothic.ttf", "resources/fonts/OFL.txt", "resources/fonts/BAEKMUK-LICENSE.txt",
                "docx/templates/default-footer.xml", "resources/icons/app.png",
                "resources/seal/sample_seal.png", "resources/demo/demo.json",
                "i18n/ko/LC_MESSAGES/messages.mo",
                "aict_desktop/store/migrations/env.py", "aict_desktop/store/migrations/script.py.mako"):
        assert (internal / rel).is_file(), rel
    assert list((internal / "aict_desktop" / "store" / "migrations" / "versions").glob("0001_*.py"))
    assert not list(internal.glob("i18n/*/LC_MESSAGES/*.po"))  # compiled catalogs only
    assert source_mo.exists() == had_mo  # the build compiles catalogs into build/, not into the checkout
    if importlib.util.find_spec("_rl_accel") is not None:  # ReportLab's accelerator travels with the bundle
        assert list(internal.glob("_rl_accel*"))
    # each program carries its module archive, as PyInstaller documents (no patched private importer)
    assert all((app / exe).stat().st_size > 5 * 2**20 for exe in ("aict-desktop", "aict"))
    if sys.platform.startswith("linux"):
        # desktop libraries come from the host (as AppImages take them), with what only they needed
        for lib in ("libstdc++.so.6", "libglib-2.0.so.0", "libX11.so.6", "libfontconfig.so.1", "libcups.so.2",
                    "libgnutls.so.30", "libreadline.so.8"):
            assert not (internal / lib).exists(), lib
        # Qt's ICU data cut to the root, Korean and English locales (the full data is 30 MB)
        assert all(p.stat().st_size < 8 * 2**20 for p in internal.rglob("libicudata.so.*"))
    qms = sorted(p.name for p in internal.rglob("*.qm"))
    assert "qtbase_ko.qm" in qms and all(("_ko" in n or "_en" in n) for n in qms)

    # the bundled aict is a real console program: usage errors exit 2, bad input 1, with a message
    aict = str(app / "aict")
    bad = subprocess.run([aict, "--db", str(tmp_path / "x.sqlite"), "list", "nothing"], capture_output=True,
                         text=True, encoding="utf-8", env={**env, "AICT_DATA_DIR": str(tmp_path / "d")})
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    (tmp_path / "text.sqlite").write_text("not a database", encoding="utf-8")
    bad = subprocess.run([aict, "--db", str(tmp_path / "text.sqlite"), "check"], capture_output=True, text=True,
                         encoding="utf-8", env={**env, "AICT_DATA_DIR": str(tmp_path / "d")})
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and bad.stderr.strip()

"""LibreOffice for the tests that render a DOCX: the program's bundled Korean fonts given to it through
fontconfig, as a 구청 PC has its own Korean fonts (a machine without any renders Hangul as wrong glyphs)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def soffice() -> str | None:
    return shutil.which("soffice")


def convert_to_pdf(src: Path, outdir: Path, *, timeout: int = 180) -> Path:
    conf = outdir / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{FONTS}</dir>
  <cachedir>{outdir / "fc-cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    cmd = [soffice() or "soffice", "--headless", f"-env:UserInstallation=file://{outdir}/lo", "--convert-to", "pdf",
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env)
    return outdir / (src.stem + ".pdf")

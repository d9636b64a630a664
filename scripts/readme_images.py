"""Make the README's pictures from the demo data: a 위촉장 as issued, the first page of the 회의록 PDF,
and the 회의록 HWPX's page preview (its PrvImage layout, drawn larger).

    python scripts/readme_images.py        (writes docs/images/*.png; needs pdftoppm)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"


def aict(db: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), *args], check=True, cwd=ROOT,
                   capture_output=True)


def page_png(pdf: Path, target: Path, dpi: int = 70) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from aict_desktop.documents.office_hwpx import preview_png

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        db = d / "demo.sqlite"
        aict(db, "init")
        aict(db, "demo")
        aict(db, "certificates", "issue", "--body", "1", "--out", str(d / "cert.pdf"))
        page_png(d / "cert.pdf", OUT / "certificate.png")
        aict(db, "export", "minutes", "--meeting", "1", "--out", str(d / "minutes.pdf"))
        page_png(d / "minutes.pdf", OUT / "minutes.png")
        aict(db, "export", "minutes", "--meeting", "1", "--format", "hwpx", "--out", str(d / "minutes.hwpx"))
        text = zipfile.ZipFile(d / "minutes.hwpx").read("Preview/PrvText.txt").decode("utf-8")
        (OUT / "minutes_hwpx.png").write_bytes(preview_png(text.splitlines()[0], text, scale=2.5) or b"")
    for name in ("certificate.png", "minutes.png", "minutes_hwpx.png"):
        print(OUT / name)


if __name__ == "__main__":
    main()

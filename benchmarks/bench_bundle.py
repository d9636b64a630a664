"""Figures for the installer bundle: what its megabytes are, and how long it takes to start.

    python benchmarks/bench_bundle.py [dist/aict-desktop] [--start]

Reads a folder built by ``scripts/build_bundle.sh`` (PyInstaller, build_installer.spec)
and prints its size by part. Parts marked "Linux only" are not in a Windows
bundle: Qt's ICU (Qt on Windows uses the system's; on Linux the spec cuts its
data to the root, Korean and English locales) and the distribution libraries
the bundle still carries (xcb extensions, D-Bus, Kerberos … which Windows
provides itself; the C++ runtime, glib, X11, fontconfig and CUPS are taken from
the host). ``--start`` also times the bundled ``aict --version`` and
``aict-desktop --self-test`` (median of three).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# (label, Linux only?, test on the path relative to _internal/)
PARTS = (
    ("Qt ICU (libraries and reduced data)", True, lambda p: "libicu" in p.name),
    ("Qt libraries and plugins", False, lambda p: p.parts[:2] == ("PySide6", "Qt")),
    ("Qt Python bindings", False, lambda p: p.parts[0] in ("PySide6", "shiboken6") or "pyside6" in p.name
     or "shiboken6" in p.name),
    ("Korean fonts", False, lambda p: p.parts[:2] == ("resources", "fonts")),
    ("Python runtime", False, lambda p: p.name.startswith("libpython") or p.parts[0] in ("python3.11", "base_library.zip")),
    ("server-mode driver (psycopg, libpq)", False, lambda p: p.parts[0].startswith("psycopg")
     or any(k in p.name for k in ("libpq-", "libldap-", "liblber-", "libsasl2-", "libkrb5-", "libk5crypto-",
                                  "libgssapi_krb5-", "libcom_err-", "libkeyutils-", "libcrypt-", "libssl-",
                                  "libcrypto-3a"))),
    ("sqlite, ffi, OpenSSL (Windows has its own copies)", False,
     lambda p: p.parts[0] == p.name and p.name.split(".so")[0] in ("libsqlite3", "libcrypto", "libssl", "libffi")),
    ("distribution libraries", True, lambda p: p.parts[0] == p.name and ".so" in p.name and ".cpython-" not in p.name),
    ("other Python packages", False, lambda p: True),
)


def sizes(app: Path) -> tuple[dict[str, int], int]:
    internal = app / "_internal"
    parts = dict.fromkeys((label for label, _l, _t in PARTS), 0)
    programs = 0
    for path in app.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        if path.parent == app:
            programs += size
            continue
        rel = path.relative_to(internal)
        for label, _linux, test in PARTS:
            if test(rel):
                parts[label] += size
                break
    return parts, programs


def timed(cmd: list[str], env: dict) -> float:
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("app", nargs="?", default=str(ROOT / "dist" / "aict-desktop"))
    ap.add_argument("--start", action="store_true", help="also time the bundled programs")
    args = ap.parse_args()
    app = Path(args.app)
    if not (app / "_internal").is_dir():
        print(f"no bundle at {app}; build it with scripts/build_bundle.sh", file=sys.stderr)
        return 1
    parts, programs = sizes(app)
    total = programs + sum(parts.values())
    linux_only = sum(parts[label] for label, linux, _t in PARTS if linux)
    print(f"bundle {app}: {total / MB:.1f} MB in {sum(1 for _ in app.rglob('*'))} files")
    print(f"  {'the two programs (each with its Python module archive)':52s} {programs / MB:7.1f} MB")
    for label, linux, _t in PARTS:
        print(f"  {label + (' [Linux only]' if linux else ''):52s} {parts[label] / MB:7.1f} MB")
    print(f"  {'without the Linux-only parts':52s} {(total - linux_only) / MB:7.1f} MB")
    if args.start:
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        print(f"  aict --version: {timed([str(app / 'aict'), '--version'], env):.2f} s")
        print(f"  aict-desktop --self-test: {timed([str(app / 'aict-desktop'), '--self-test'], env):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run ``aict`` as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def aict(*args: str, db: Path | None = None, lang: str = "ko", env: dict | None = None, timeout: int = 120):
    cmd = [sys.executable, "-m", "aict_desktop.cli"]
    if db is not None:
        cmd += ["--db", str(db)]
    full_env = {**os.environ, "AICT_LANG": lang, "PYTHONPATH": str(ROOT)}
    full_env.pop("AICT_DB", None)
    full_env.update(env or {})
    return subprocess.run(cmd + list(args), capture_output=True, text=True, encoding="utf-8", env=full_env,
                          timeout=timeout, cwd=ROOT)


def aict_json(*args: str, db: Path):
    r = aict(*args, "--json", db=db)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)

"""A private PostgreSQL cluster for tests and benchmarks (no pytest in here).

``initdb`` + ``pg_ctl`` on a free TCP port on 127.0.0.1, trust authentication,
the socket and data in a temporary folder. As root the binaries run as the
``postgres`` OS user (PostgreSQL refuses to run as root), with a data folder
that user owns. Durability settings are relaxed (fsync off): the cluster is
thrown away at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

TEMPLATE = "aict_tmpl"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl (or $AICT_PG_BIN)."""
    override = os.environ.get("AICT_PG_BIN")
    candidates = [override] if override else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    )
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="aict-pg-"))
        self.data = self.root / "data"
        self.as_root = os.geteuid() == 0
        self._n = 0
        self._admin = None

    # --- running the server binaries ----------------------------------------------

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")

    def start(self) -> "Cluster":
        if self.as_root:
            shutil.chown(self.root, user="postgres", group="postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "server.log"), "-w", "start")
        return self

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    # --- databases --------------------------------------------------------------

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{dbname}"

    def admin(self):
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                               autocommit=True)

    def execute(self, statement, params=None) -> None:
        if self._admin is None or self._admin.closed:
            self._admin = self.admin()
        self._admin.execute(statement, params)

    def create_database(self, name: str, template: str | None = None) -> str:
        q = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            q = sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(template))
        self.execute(q)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def make_template(self) -> str:
        """One migrated database that every test database is cloned from."""
        from aict_desktop.store import open_store

        url = self.create_database(TEMPLATE)
        st = open_store(url, create=True)
        st.dispose()
        return url

    def clone(self) -> tuple[str, str]:
        """A fresh migrated database: (name, url)."""
        self._n += 1
        name = f"t{os.getpid()}_{self._n}"
        return name, self.create_database(name, template=TEMPLATE)

    def create_role(self, name: str, password: str) -> None:
        self.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(name), sql.Literal(password)))

    def set_password_auth(self) -> None:
        """Require passwords on TCP (scram) from now on; the superuser keeps trust on the socket."""
        hba = self.data / "pg_hba.conf"
        lines = ["local all all trust", "host all postgres 127.0.0.1/32 trust",
                 "host all all 127.0.0.1/32 scram-sha-256"]
        tmp = self.root / "hba.tmp"
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shutil.copyfile(tmp, hba)
        if self.as_root:
            shutil.chown(hba, user="postgres", group="postgres")
        self.execute("SELECT pg_reload_conf()")

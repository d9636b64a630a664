"""Folder names Windows allows and URLs mangle (issue 21 item 7): ``#``, ``%41``, ``?``, spaces, Hangul.

``f"sqlite:///{path}"`` read ``#…`` as a fragment and ``%41`` as ``A``, so the program opened a
different, truncated path read-write: a foreign database there was not refused and got the schema.
"""

from __future__ import annotations

import sqlite3

import pytest

from aict_desktop.domain.errors import DomainError
from aict_desktop.store import open_store

FOLDERS = ["업무#2", "예산%41자료", "회의 자료?", "a#b%20c"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_data_file_in_such_a_folder_opens_where_it_is(tmp_path, folder):
    where = tmp_path / folder
    where.mkdir()
    st = open_store(where / "aict.sqlite", create=True)
    try:
        assert st.path == where / "aict.sqlite"
        with st.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('probe', 'here')")
    finally:
        st.dispose()
    with sqlite3.connect(where / "aict.sqlite") as conn:
        assert conn.execute("SELECT value FROM setting WHERE key = 'probe'").fetchone() == ("here",)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside the folder


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_foreign_database_in_such_a_folder_is_refused_and_unchanged(tmp_path, folder):
    where = tmp_path / folder
    where.mkdir()
    foreign = where / "other.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER)")
    before = foreign.read_bytes()
    with pytest.raises(DomainError):
        open_store(foreign)
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]

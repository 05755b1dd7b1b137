"""The write stamp: each bump a value never read before; where each database keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mosaic.store.generation import WriteStamp, stamp_for


def test_generation_bump_gives_a_new_value_each_time(tmp_path: Path) -> None:
    stamp = WriteStamp(tmp_path / "kb.db-writes")
    seen = {stamp.read()}
    for _ in range(20):
        stamp.bump()
        seen.add(stamp.read())
    assert len(seen) == 21


def test_generation_is_empty_before_the_first_write(tmp_path: Path) -> None:
    assert WriteStamp(tmp_path / "kb.db-writes").read() == b""


def test_generation_read_by_another_stamp_on_the_same_file(tmp_path: Path) -> None:
    writer, reader = WriteStamp(tmp_path / "s"), WriteStamp(tmp_path / "s")
    before = reader.read()
    writer.bump()
    assert reader.read() != before
    assert reader.read() == writer.read()


def test_generation_unreadable_never_repeats(tmp_path: Path) -> None:
    """A directory where the file should be cannot be read: no two reads agree, so no
    cache serves an answer kept under one of them."""
    (tmp_path / "s").mkdir()
    stamp = WriteStamp(tmp_path / "s")
    assert stamp.read() != stamp.read()
    stamp.bump()  # logs a warning, raises nothing: the write it marks is already stored


def test_generation_of_a_sqlite_file_lies_beside_it(tmp_path: Path) -> None:
    stamp = stamp_for(f"sqlite:///{tmp_path / 'kb.db'}")
    assert stamp is not None and stamp.path == tmp_path / "kb.db-writes"
    bare = stamp_for(str(tmp_path / "kb.db"))
    assert bare is not None and bare.path == stamp.path


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_generation_none_for_an_in_memory_database(url: str) -> None:
    assert stamp_for(url) is None


def test_generation_of_a_server_database_names_no_password() -> None:
    stamp = stamp_for("postgresql+psycopg://mosaic:secret@db.example/kb")
    other = stamp_for("postgresql+psycopg://mosaic:secret@db.example/other")
    same = stamp_for("postgresql+psycopg://mosaic:changed@db.example/kb")
    assert stamp is not None and other is not None and same is not None
    assert "secret" not in str(stamp.path)
    assert stamp.path != other.path
    assert stamp.path == same.path

"""`mosaic org|user|token|group|release|audit` end to end, on a real SQLite file.

Tampering is done the way an intruder with the file would: plain SQL on it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from support.cli import Mosaic, mosaic_command, read_json

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TOKEN = re.compile(r"^mosaic_[0-9a-f]{16}_\S+$", re.MULTILINE)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Two organisations, an admin and a sharing group, set up once; and the admin's token."""
    db = tmp_path_factory.mktemp("sharing") / "kb.db"
    steps = [
        ("org", "add", "org-a"),
        ("org", "add", "org-b"),
        ("user", "add", "ana", "--org", "org-a", "--role", "admin"),
        ("group", "add", "partners", "--owner", "org-a"),
        ("group", "member", "add", "partners", "org-b"),
        ("group", "member", "add", "partners", "cert-c", "--instance", "https://c.example"),
    ]
    outputs = [
        subprocess.run([*mosaic_command(db), *step], check=True, capture_output=True, text=True)
        for step in steps
    ]
    found = TOKEN.search(outputs[2].stdout)
    assert found is not None, outputs[2].stdout
    return db, found.group(0)


@pytest.fixture
def token(shared_db: tuple[Path, str], tmp_path: Path) -> str:
    """The set-up database copied to this test's `kb.db`, which `mosaic` runs on."""
    shutil.copy(shared_db[0], tmp_path / "kb.db")
    return shared_db[1]


def _sql(db: Path, statement: str) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(statement)
    connection.close()


def test_cli_sharing_users_groups_and_tokens(mosaic: Mosaic, tmp_path: Path, token: str) -> None:
    users = read_json(mosaic("user", "list", "--json"))
    token_id = token.split("_")[1]
    assert users == [
        {"name": "ana", "organisation": "org-a", "role": "admin", "active_tokens": [token_id]}
    ]
    stored = sqlite3.connect(tmp_path / "kb.db").execute("SELECT secret_hash FROM api_tokens")
    (secret_hash,) = stored.fetchone()
    assert secret_hash.startswith("$argon2id$") and token.split("_", 2)[2] not in secret_hash
    groups = read_json(mosaic("group", "list", "--json"))
    assert groups == [
        {"name": "partners", "owner": "org-a", "members": ["cert-c@https://c.example", "org-b"]}
    ]
    assert "revoked 1 token(s)" in mosaic("token", "revoke", token_id).stdout
    assert read_json(mosaic("user", "list", "--json"))[0]["active_tokens"] == []
    again = mosaic("token", "revoke", token_id, check=False)
    assert again.returncode == 1 and "revoked already" in again.stderr


def test_cli_sharing_refuses_unknown_organisation_and_role(mosaic: Mosaic) -> None:
    unknown = mosaic("user", "add", "bob", "--org", "nowhere", check=False)
    assert unknown.returncode == 1 and "no such organisation" in unknown.stderr
    mosaic("org", "add", "org-a")
    bad_role = mosaic("user", "add", "bob", "--org", "org-a", "--role", "root", check=False)
    assert bad_role.returncode == 2


def test_cli_sharing_ingest_marks_and_release_is_audited(
    mosaic: Mosaic, tmp_path: Path, token: str
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Gunmen attacked a police post in Quetta on 3 May 2019, killing 4 officers.\n"
    )
    mosaic("ingest", str(report), "--org", "org-a", "--tlp", "amber", "--distribution", "partners")
    db = sqlite3.connect(tmp_path / "kb.db")
    report_id, *marking = db.execute(
        "SELECT id, owner, tlp, distribution, sharing_group FROM reports"
    ).fetchone()
    assert marking == ["org-a", "TLP:AMBER", "group", "partners"]
    statement_markings = set(db.execute("SELECT owner, tlp, sharing_group FROM statements"))
    assert statement_markings <= {("org-a", "TLP:AMBER", "partners")}
    no_reason = mosaic(
        "release", "report", report_id, "--tlp", "green", "--reason", " ", check=False
    )
    assert no_reason.returncode == 1 and "needs a reason" in no_reason.stderr
    mosaic("release", "report", report_id, "--tlp", "green", "--reason", "cleared by ana")
    assert db.execute("SELECT tlp FROM reports").fetchone() == ("TLP:GREEN",)
    entries = read_json(mosaic("audit", "list"))
    actions = [entry["action"] for entry in entries]
    assert actions[-2:] == ["report.ingest", "marking.release"]
    assert entries[-1]["details"]["reason"] == "cleared by ana"
    assert entries[-2]["organisation"] == "org-a"


def test_cli_sharing_audit_verify_detects_an_edited_entry(
    mosaic: Mosaic, tmp_path: Path, token: str
) -> None:
    intact = mosaic("audit", "verify")
    assert "audit log intact: 6 entries" in intact.stdout
    _sql(tmp_path / "kb.db", "UPDATE audit_log SET actor = 'someone else' WHERE sequence = 3")
    broken = mosaic("audit", "verify", check=False)
    assert broken.returncode == 1
    assert "entry 3: its content does not match its hash (edited)" in broken.stderr


def test_cli_sharing_audit_verify_detects_a_deleted_entry(
    mosaic: Mosaic, tmp_path: Path, token: str
) -> None:
    _sql(tmp_path / "kb.db", "DELETE FROM audit_log WHERE sequence = 2")
    broken = mosaic("audit", "verify", check=False)
    assert broken.returncode == 1
    assert "entry 3: expected entry 2 (entries missing)" in broken.stderr


def test_cli_sharing_audit_verify_detects_the_newest_entry_deleted_against_a_noted_head(
    mosaic: Mosaic, tmp_path: Path, token: str
) -> None:
    head = mosaic("audit", "verify").stdout.split("head ")[1].strip()
    _sql(tmp_path / "kb.db", "DELETE FROM audit_log WHERE sequence = 6")
    assert mosaic("audit", "verify").returncode == 0
    broken = mosaic("audit", "verify", "--head", head, check=False)
    assert broken.returncode == 1 and "no longer in the log" in broken.stderr


def test_cli_sharing_serve_refuses_a_public_address_without_an_admin(mosaic: Mosaic) -> None:
    refused = mosaic("serve", "--host", "0.0.0.0", check=False)
    assert refused.returncode == 1 and "add an admin first" in refused.stderr


def test_cli_sharing_graphml_export_is_audited(mosaic: Mosaic, tmp_path: Path, token: str) -> None:
    target = tmp_path / "net.graphml"
    mosaic("network", "--as-of", "2015-06-01", "--graphml", str(target))
    entry = read_json(mosaic("audit", "list", "--after", "6"))[-1]
    assert (entry["action"], entry["target"]) == ("export", "graphml")
    assert entry["details"]["file"] == str(target)


def test_cli_sharing_export_is_audited(mosaic: Mosaic, tmp_path: Path, token: str) -> None:
    target = tmp_path / "events.csv"
    mosaic("export", "--format", "csv-gtd", "--out", str(target), "--country", "af")
    entry = read_json(mosaic("audit", "list", "--after", "6"))[-1]
    assert (entry["action"], entry["target"]) == ("export", "csv-gtd")
    assert entry["details"]["file"] == str(target) and entry["details"]["country"] == "AF"

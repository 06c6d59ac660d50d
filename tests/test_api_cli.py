"""`marsad serve`: options, errors as one line with exit 2, and seeding before serving."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")

from marsad.cli import cli  # noqa: E402


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Capture what ``uvicorn.run`` would serve instead of serving it."""
    calls: dict = {}

    def fake_run(app, host: str, port: int, log_level: str) -> None:
        calls.update(app=app, host=host, port=port, log_level=log_level)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_help() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--seed" in result.output and "MARSAD_API_TOKEN" in result.output


def test_seed_then_serve(tmp_path: Path, served: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from marsad.web import SEED

    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    n_articles = sum(1 for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    db = tmp_path / "served.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--seed", "--port", "8123", "--private"])
    assert result.exit_code == 0, result.output
    assert f"ingested {n_articles}" in result.output and "writes disabled" in result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    client = TestClient(served["app"])
    assert client.get("/events").status_code == 403  # --private with no token: nothing can read
    assert client.get("/health").json()["status"] == "ok"
    again = CliRunner().invoke(cli, ["serve", "--db", str(db), "--seed"])
    assert f"unchanged {n_articles}" in again.output  # seeding is idempotent
    assert TestClient(served["app"]).get("/stats").json()["articles"] == n_articles


def test_ingest_a_file_before_serving(tmp_path: Path, served: dict) -> None:
    article = tmp_path / "story.txt"
    article.write_text("درعا - اختطف مسلحون مجهولون اليوم الخميس مدنيا في مدينة درعا، بحسب ناشطين.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--ingest", str(article),
                                      "--published", "2025-08-21"])
    assert result.exit_code == 0, result.output
    assert "ingested 1" in result.output


@pytest.mark.parametrize("args, message", [
    (["--published", "2025-02-30"], "invalid publication date"),
    (["--ingest", "/no/such/file.txt"], "no such file or folder"),
    (["--db", "/no/such/folder/x.db"], "does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, served: dict, args: list, message: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "y.db"), *args])
    assert result.exit_code == 2 and message in result.output
    assert result.output.strip().count("\n") == 0 and not served

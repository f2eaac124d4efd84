"""The write API and `serve --allow-ingest` (issue 15 rows 1, 3 through the API, 11)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from unfog.store import Store
from unfog.web.app import create_app
from unfog.web.routes.ingest import host_allowed, origin_allowed

TOKEN = "t0ken-for-the-tests-only-0123456789"
BASE = "http://127.0.0.1:8000"
GOOD = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
TEXT = "Officials in the port city said on Tuesday that shelling damaged a school and two houses."


@pytest.fixture
def app(tmp_path, monkeypatch):
    from unfog.model import ArticleRecords

    def extract_stream(articles, **kw):  # the endpoint's own checks are under test, not the extractors
        for a in articles:
            yield ArticleRecords(article=a)

    monkeypatch.setattr("unfog.api.extract_stream", extract_stream)
    db = tmp_path / "w.duckdb"
    Store(str(db)).close()
    application = create_app(str(db), allow_ingest=True, tiles=False, max_body=4000, ingest_token=TOKEN,
                             served_host="127.0.0.1", served_port=8000)
    yield application
    application.state.store.close()


@pytest.fixture
def client(app):
    with TestClient(app, base_url=BASE) as c:
        yield c


def post(client, body=None, headers=None, content=None):
    h = {**GOOD, **(headers or {})}
    h = {k: v for k, v in h.items() if v is not None}
    if content is None:
        import json

        content = json.dumps(body if body is not None else {"articles": [{"text": TEXT}]})
    return client.post("/api/ingest", content=content, headers=h)


def test_a_good_request_is_stored(client):
    r = post(client)
    assert r.status_code == 200, r.text
    assert r.json()["added"]["articles"] == 1


@pytest.mark.parametrize("item", [{"path": "/etc/passwd"}, {"path": "/dev/zero"}, {"path": "/proc/self/status"},
                                  {"text": TEXT, "path": "../../etc/hostname"}, {"text": TEXT, "file": "/etc/passwd"}])
def test_never_a_path(client, item):
    r = post(client, {"articles": [item]})
    assert r.status_code == 422
    assert client.get("/api/articles").json()["total"] == 0


def test_token_required(client):
    assert post(client, headers={"Authorization": None}).status_code == 401
    assert post(client, headers={"Authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    assert post(client, headers={"Authorization": None, "X-Unfog-Token": TOKEN}).status_code == 200


def test_only_json(client):
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
        assert post(client, headers={"Content-Type": ctype}).status_code == 415, ctype
    assert post(client, headers={"Content-Type": "application/json; charset=utf-8"}).status_code == 200


def test_dns_rebinding_host_and_foreign_origin_refused(client):
    assert post(client, headers={"Host": "attacker.example:8000"}).status_code == 403
    assert post(client, headers={"Host": "127.0.0.1:9999"}).status_code == 403
    assert post(client, headers={"Origin": "http://attacker.example"}).status_code == 403
    assert post(client, headers={"Origin": "null"}).status_code == 403
    assert post(client, headers={"Origin": "http://127.0.0.1:8000"}).status_code == 200
    assert post(client, headers={"Host": "localhost:8000", "Origin": "http://localhost:8000"}).status_code == 200


def test_host_and_origin_rules():
    assert host_allowed("127.0.0.1:8000", "127.0.0.1", 8000) and host_allowed("localhost:8000", "127.0.0.1", 8000)
    assert host_allowed("[::1]:8000", "127.0.0.1", 8000)
    assert not host_allowed("evil.test:8000", "127.0.0.1", 8000) and not host_allowed("", "127.0.0.1", 8000)
    assert not host_allowed("127.0.0.1:8000@evil", "127.0.0.1", 8000)
    assert host_allowed("desk.lan:8000", "desk.lan", 8000) and not host_allowed("evil.lan:8000", "desk.lan", 8000)
    assert origin_allowed(None, "127.0.0.1:8000") and not origin_allowed("http://127.0.0.1:8001", "127.0.0.1:8000")


def test_chunked_body_over_the_limit_is_413(client):
    def chunks():
        yield b'{"articles": [{"text": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}]}'

    r = client.post("/api/ingest", content=chunks(), headers=GOOD)
    assert r.status_code == 413


def test_hostile_line_through_the_api_is_one_failed_article(client):
    r = post(client, content='{"articles": [{"id": "h1", "text": "", "html": "\\ud800", "url": true}, {"text": "%s"}]}' % TEXT)
    assert r.status_code == 200, r.text
    assert r.json()["failed"] == 1 and len(r.json()["article_ids"]) == 2


def test_python_api_default_token_is_random(tmp_path):
    db = tmp_path / "x.duckdb"
    Store(str(db)).close()
    a, b = create_app(str(db), allow_ingest=True), None
    token = a.state.ingest_token
    a.state.store.close()
    b = create_app(str(db), allow_ingest=True)
    assert token and len(token) >= 32 and token != b.state.ingest_token
    b.state.store.close()


def test_serve_refuses_ingest_on_a_public_host_without_token(tmp_path):
    r = subprocess.run([sys.executable, "-m", "unfog.cli", "serve", "--db", str(tmp_path / "s.duckdb"), "--host", "0.0.0.0",
                        "--allow-ingest"], capture_output=True, text=True, timeout=120,
                       env={**__import__("os").environ, "UNFOG_INGEST_TOKEN": ""})
    assert r.returncode == 2 and "--ingest-token" in r.stderr


def test_served_desk_refuses_a_foreign_host_on_reads_too(app):
    from unfog.web.routes.ingest import HostGuard

    app.add_middleware(HostGuard, served_host="127.0.0.1", served_port=8000)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/api/articles").status_code == 200
        assert c.get("/api/articles", headers={"Host": "rebound.example:8000"}).status_code == 403
        assert c.get("/", headers={"Host": "rebound.example:8000"}).status_code == 403

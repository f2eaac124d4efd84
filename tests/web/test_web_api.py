"""The REST API and the server-rendered pages, through FastAPI's TestClient."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from unfog.web.app import create_app
from unfog.store.queries import Filters, like, where_clause

from desk_fixtures import desk_db  # noqa: F401  (fixture)
from desk_fixtures import HOSTILE_TEXT, HOSTILE_TITLE, hand_made_results, hostile_results


@pytest.fixture(scope="module")
def client(desk_db):
    app = create_app(str(desk_db), tiles=False)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture(scope="module")
def ids():
    results, relations = hand_made_results()
    return {
        "a1": results[0].article.id, "a2": results[1].article.id, "a3": results[2].article.id,
        "hostile": hostile_results().article.id,
        "contradicts": [r for r in relations if r.type == "contradicts"][0],
    }


def test_list_endpoints_page_and_count(client):
    for table, total in (("articles", 4), ("statements", 3), ("figures", 5), ("events", 3), ("relations", 2)):
        body = client.get(f"/api/{table}").json()
        assert body["total"] == total, table
        assert len(body["items"]) == total
        assert body["limit"] == 50 and body["offset"] == 0
    page = client.get("/api/figures", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and len(page["items"]) == 2
    rest = client.get("/api/figures", params={"limit": 2, "offset": 4}).json()
    assert len(rest["items"]) == 1
    all_ids = [f["id"] for f in client.get("/api/figures").json()["items"]]
    assert [f["id"] for f in page["items"]] == all_ids[2:4]


def test_article_list_leaves_out_text(client):
    item = client.get("/api/articles").json()["items"][0]
    assert "text" not in item and item["text_length"] > 0


def test_filters(client, ids):
    killed = client.get("/api/figures", params={"category": "killed"}).json()
    assert killed["total"] == 3 and {f["category"] for f in killed["items"]} == {"killed"}
    rus = client.get("/api/figures", params={"side": "rus"}).json()  # sides match case-insensitively
    assert [f["claimant"] for f in rus["items"]] == ["defence ministry"]
    contested = client.get("/api/figures", params={"contested": "true"}).json()
    rel = ids["contradicts"]
    assert {f["id"] for f in contested["items"]} == {rel.a, rel.b}
    assert client.get("/api/figures", params={"contested": "false"}).json()["total"] == 3
    since = client.get("/api/events", params={"since": "2022-03-15"}).json()
    assert since["total"] == 2 and all(e["date"] >= "2022-03-15" for e in since["items"])
    window = client.get("/api/articles", params={"since": "2022-03-15", "until": "2022-03-16"}).json()
    assert {a["published"] for a in window["items"]} == {"2022-03-15", "2022-03-16"}
    battles = client.get("/api/events", params={"type": "Battles"}).json()
    assert battles["total"] == 1
    places = client.get("/api/places", params={"place": "zapori"}).json()
    assert [p["canonical"] for p in places["items"]] == ["Zaporizhzhia"]
    by_article = client.get("/api/statements", params={"article": ids["a1"]}).json()
    assert by_article["total"] == 1 and by_article["items"][0]["article_id"] == ids["a1"]
    assert client.get("/api/relations", params={"type": "updates"}).json()["total"] == 1
    q = client.get("/api/articles", params={"q": "disputes"}).json()
    assert [a["id"] for a in q["items"]] == [ids["a2"]]


def test_wildcards_in_search_are_literal(client):
    assert client.get("/api/articles", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "Mar_upol"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "Mariupol"}).json()["total"] == 4
    assert like("a%b_c") == "%a\\%b\\_c%"


def test_injection_attempts_are_just_values(client):
    for value in ("' OR 1=1 --", "x'); DROP TABLE figures; --", "Mariupol' OR '1'='1"):
        assert client.get("/api/figures", params={"place": value}).json()["total"] == 0
    assert client.get("/api/figures").json()["total"] == 5  # still there


def test_where_clause_is_parameterised():
    sql, params = where_clause("figures", Filters(place="x' OR 1=1", category="killed", contested=True))
    assert "x'" not in sql and "killed" not in sql
    assert params == ["%x' OR 1=1%"] * 3 + ["killed"]


def test_article_detail(client, ids):
    doc = client.get(f"/api/articles/{ids['a1']}").json()
    assert doc["article"]["id"] == ids["a1"]
    assert doc["article"]["text"].startswith("Town officials")
    assert len(doc["records"]["figures"]) == 1 and len(doc["records"]["events"]) == 1
    assert {r["type"] for r in doc["relations"]} == {"contradicts", "updates"}
    fig_id = doc["records"]["figures"][0]["id"]
    assert client.get(f"/api/figures/{fig_id}").json()["value"] == 40


@pytest.mark.parametrize("path,status", [
    ("/api/articles/art_0000000000000000", 404),
    ("/api/figures/fig_0000000000000000", 404),
    ("/api/articles/not-an-id", 422),
    ("/api/articles/..%2F..%2Fetc%2Fpasswd", (404, 422)),  # the router sees a longer path: no route
    ("/api/articles/art_00000000000000000000000000000000000000000000", 422),
    ("/articles/art_0000000000000000", 404),
    ("/articles/..%2Fstore", (404, 422)),
    ("/api/articles/art_0593116e20642923.json", 422),
    ("/api/figures?limit=0", 422),
    ("/api/figures?limit=501", 422),
    ("/api/figures?offset=-1", 422),
    ("/api/events?since=2022-13-40", 422),
    ("/api/events?since=yesterday", 422),
    ("/api/events?since=2022-03-20&until=2022-03-01", 422),
    ("/api/events?contested=maybe", 422),
    ("/api/relations?place=Mariupol", 422),
    ("/api/places?side=UKR", 422),
    ("/api/figures?article=../x", 422),
    ("/api/figures?category=" + "x" * 65, 422),
    ("/api/nothing", 404),
])
def test_errors(client, path, status):
    assert client.get(path).status_code in (status if isinstance(status, tuple) else (status,))


def test_static_path_traversal_is_refused(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        r = client.get(path)
        assert r.status_code == 404 or "create_app" not in r.text


def test_openapi(client):
    spec = client.get("/openapi.json").json()
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/statements", "/api/figures", "/api/places",
              "/api/events", "/api/relations", "/api/ingest"):
        assert p in spec["paths"], p
    names = {p["name"] for p in spec["paths"]["/api/figures"]["get"]["parameters"]}
    assert {"place", "since", "until", "type", "category", "side", "contested", "limit", "offset"} <= names
    assert not any(p.startswith("/articles") or p == "/" for p in spec["paths"])  # pages stay out of the API


def test_read_only_by_default(client):
    r = client.post("/api/ingest", json={"articles": [{"text": "Shelling hit Kharkiv on Monday."}]})
    assert r.status_code == 403
    assert client.get("/api/articles").json()["total"] == 4


def test_request_body_limit(desk_db, tmp_path):
    import shutil

    db = tmp_path / "rw.duckdb"
    shutil.copy(desk_db, db)
    app = create_app(str(db), allow_ingest=True, tiles=False, max_body=1000)
    with TestClient(app, base_url="http://127.0.0.1:8000", headers={"Authorization": f"Bearer {app.state.ingest_token}"}) as c:
        r = c.post("/api/ingest", content=b'{"articles": [{"text": "' + b"x" * 5000 + b'"}]}',
                   headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/ingest", json={"nope": 1}).status_code == 422
        assert c.post("/api/ingest", json={"articles": [{"text": "y"}] * 101}).status_code in (413,)
    app.state.store.close()


def test_ingest_when_allowed(desk_db, tmp_path, monkeypatch):
    """The endpoint's own work (parse, skip known, store); extraction itself is tested elsewhere."""
    import shutil

    from unfog.model import ArticleRecords

    def extract_stream(articles, **kw):  # stand-in for the extractors: keeps this test fast and independent
        for a in articles:
            yield ArticleRecords(article=a)

    monkeypatch.setattr("unfog.api.extract_stream", extract_stream)

    db = tmp_path / "rw.duckdb"
    shutil.copy(desk_db, db)
    app = create_app(str(db), allow_ingest=True, tiles=False)
    with TestClient(app, base_url="http://127.0.0.1:8000", headers={"Authorization": f"Bearer {app.state.ingest_token}"}) as c:
        text = "Ukrainian officials said on Tuesday that shelling killed 4 civilians in Kharkiv."
        r = c.post("/api/ingest", json={"articles": [{"id": "new-1", "text": text, "published": "2022-03-22"}]})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["received"] == 1 and body["added"]["articles"] == 1
        new_id = body["article_ids"][0]
        assert c.get(f"/api/articles/{new_id}").json()["article"]["text"] == text
        again = c.post("/api/ingest", json={"articles": [{"id": "new-1", "text": text, "published": "2022-03-22"}]}).json()
        assert again["skipped"] == 1
        assert c.get("/api/articles").json()["total"] == 5
    app.state.store.close()


def test_security_headers(client):
    for path in ("/", "/api/articles"):
        h = client.get(path).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert "unsafe-inline" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/map", "/timeline", "/ledger", "/articles"])
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<nav>" in r.text


def test_hostile_article_is_escaped(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert HOSTILE_TITLE not in html and "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = &#34;title&#34;&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<svg onload" not in html and "<b onmouseover" not in html
    assert 'href="javascript:' not in html.lower()
    assert "javascript:window.__pwned" in html  # shown as text, not as a link
    # The highlighted figure sits in escaped text, and the text round-trips.
    assert 'class="hl k-figure"' in html
    text_block = re.search(r'<div class="article-text">(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", text_block)
    import html as html_mod

    assert html_mod.unescape(plain) == HOSTILE_TEXT
    # Only our own script tags on every page (the JSON block is data, not script).
    for path in ("/", "/map", "/ledger", "/articles", f"/articles/{ids['hostile']}"):
        page = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", page):
            assert tag in ('<script type="application/json" id="desk-data">', '<script src="/static/vendor/leaflet/leaflet.js">',
                           '<script src="/static/desk.js">'), (path, tag)
        block = re.search(r'<script type="application/json" id="desk-data">(.*?)</script>', page, re.S)
        if block:
            assert "<" not in block.group(1)


def test_article_highlight_links_records(client, ids):
    doc = client.get(f"/api/articles/{ids['a1']}").json()
    html = client.get(f"/articles/{ids['a1']}").text
    fig = doc["records"]["figures"][0]
    assert f'href="#rec-{fig["id"]}"' in html and f'id="rec-{fig["id"]}"' in html and f'id="at-{fig["id"]}"' in html
    assert ">40 civilians</a>" in html


def test_ledger_page_shows_contradiction(client):
    html = client.get("/ledger").text
    assert 'data-status="contradicts"' in html
    first = re.search(r'<tr class="ledger-row status-(\w+)"', html).group(1)
    assert first == "contradicts"  # contested rows come first


def test_timeline_and_ledger_api(client):
    tl = client.get("/api/timeline").json()
    assert tl["days"] == sorted(tl["days"]) and tl["days"][0] == "2022-03-14"
    killed = [s for s in tl["series"] if s["kind"] == "figure" and s["type"] == "killed"][0]
    assert killed["total"] == 3
    rows = client.get("/api/ledger").json()["rows"]
    assert rows[0]["status"] == "contradicts" and len(rows[0]["figures"]) >= 2
    assert client.get("/api/ledger", params={"category": "evacuated"}).json()["rows"][0]["figures"][0]["low"] == 100


def test_missing_store_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "none.duckdb"))

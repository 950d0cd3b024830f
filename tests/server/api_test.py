#!/usr/bin/env python3
"""treaty-serve's JSON API: the contract (the same JSON as treaty-search), every bad request, the
limits at N and N+1, path traversal, escaping, security headers, and concurrent clients while
treaty-index updates the index.

usage: api_test.py TREATY_INDEX TREATY_SERVE TREATY_SEARCH CORPUS
"""
import json
import os
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, fail, query  # noqa: E402

SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy"]


def check(condition, message):
    if not condition:
        fail(message)


def expect_error(server, path, status, words):
    """A 4xx with {"error": ...} naming the problem (every word of `words` in it)."""
    got, headers, body = server.get(path)
    check(got == status, "GET %s: status %d, expected %d: %s" % (path[:120], got, status, body[:200]))
    try:
        message = json.loads(body)["error"]
    except (ValueError, KeyError):
        fail("GET %s: no JSON error: %r" % (path[:120], body[:200]))
    for word in words:
        check(word in message, "GET %s: error %r does not say %r" % (path[:120], message, word))
    for name in SECURITY_HEADERS:
        check(name in headers, "GET %s: no %s header on an error" % (path[:120], name))


def raw_request(server, data, timeout=5):
    """Sends bytes on a fresh connection; returns the status line (or '' when closed)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        s.sendall(data)
        reply = b""
        try:
            while b"\r\n" not in reply:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
        except socket.timeout:
            return "timeout"
        return reply.split(b"\r\n")[0].decode("latin-1")


def test_contract(server, search_tool):
    """/api/search answers with treaty-search --format json's object, value for value."""
    for params, cli in [
        (dict(q="hate speech", facets="1"), ["--facets", "hate speech"]),
        (dict(q="discrimination", committee=["CERD", "CRPD"], n="5", offset="5", sort="-date"),
         ["--committee", "CERD", "--committee", "CRPD", "-n", "5", "--offset", "5", "--sort",
          "-date", "discrimination"]),
        (dict(cites="CERD/C/KAZ/CO/8-10, para. 18 (b)"),
         ["--cites", "CERD/C/KAZ/CO/8-10, para. 18 (b)"]),
        (dict(q="article", lang="ru", parallel="1", group="1"),
         ["--lang", "ru", "--parallel", "--group", "article"]),
    ]:
        api = server.get_json(query("/api/search", **params))
        result = subprocess.run([search_tool, "--index", server.index, "--json", *cli],
                                capture_output=True, text=True)
        check(result.returncode in (0, 1), "treaty-search failed: " + result.stderr)
        check(api == json.loads(result.stdout), "/api/search %s differs from treaty-search" % params)
    found = server.get_json(query("/api/search", q="hate speech", n="3"))
    check(len(found["hits"]) == 3 and found["total"] > 3, "n=3 gives 3 of more hits")
    citations = [h["citation"] for h in server.get_json(
        query("/api/search", q='"racist hate speech"', n="100"))["hits"]]
    check("CERD/C/BRA/CO/18-20, para. 31 (e)" in citations, "a known citation: %s" % citations)


def test_views(server):
    shown = server.get_json(query("/api/show", citation="CERD/C/BRA/CO/18-20, para. 31 (e)",
                                  context="1"))
    check(shown["passage"]["citation"] == "CERD/C/BRA/CO/18-20, para. 31 (e)", "show")
    check(len(shown["before"]) == 1 and len(shown["after"]) == 1, "show with context 1")
    like = server.get_json(query("/api/like", citation=shown["passage"]["id"], n="5"))
    check(like["query"] == "like:" + shown["passage"]["id"] and len(like["hits"]) == 5, "like")
    check(all(h["id"] != shown["passage"]["id"] for h in like["hits"]), "like leaves itself out")
    history = server.get_json(query("/api/history",
                                    citation="CERD/C/KAZ/CO/8-10, para. 18 (b)"))
    relations = [e["relation"] for e in history["history"]]
    check("follow-up-letter" in relations, "history has the letter: %s" % relations)
    graded = server.get_json(query("/api/search", grade="partially satisfactory"))
    check(graded["total"] > 0, "grade filter")
    udhr = server.get_json(query("/api/search", q='"security of person"', lang="en",
                                 parallel="true"))
    check(len(udhr["hits"][0]["parallel"]) == 6, "the Declaration's article in six languages")
    # Filters narrow: every hit of committee=CRPD is CRPD's, and fewer than without it.
    everything = server.get_json(query("/api/search", q="discrimination"))
    crpd = server.get_json(query("/api/search", q="discrimination", committee="CRPD"))
    check(0 < crpd["total"] < everything["total"], "a filter narrows")
    check(all(h["document"]["committee"] == "CRPD" for h in crpd["hits"]), "only CRPD's")
    spanish = server.get_json(query("/api/search", q="discriminación", lang="es", year="2019"))
    check(spanish["total"] > 0 and all(h["language"] == "es" for h in spanish["hits"]),
          "lang and year")


def test_bad_requests(server):
    e = expect_error
    e(server, query("/api/search", q="x", bogus="1"), 400, ["unknown parameter 'bogus'"])
    e(server, query("/api/search", q="x", n="0"), 400, ["n '0'", "from 1 to 100"])
    e(server, query("/api/search", q="x", n="101"), 400, ["n '101'"])
    e(server, query("/api/search", q="x", n="-1"), 400, ["n '-1'"])
    e(server, query("/api/search", q="x", n="1e3"), 400, ["n '1e3'"])
    e(server, query("/api/search", q="x", offset="10000"), 400, ["offset"])
    e(server, query("/api/search", q="x", offset="9991"), 400, ["over the maximum of 10000"])
    e(server, query("/api/search", q="x", sort="newest"), 400, ["sort 'newest'"])
    e(server, query("/api/search", q="x", year="20"), 400, ["year '20'"])
    e(server, query("/api/search", q="x", year="2023..2020"), 400, ["year"])
    e(server, query("/api/search", q="x", facets="yes"), 400, ["facets 'yes'"])
    e(server, query("/api/search", q="x", committee="CRED"), 400, ["CRED", "CERD"])
    e(server, query("/api/search", q="x", type="memo"), 400, ["memo"])
    e(server, query("/api/search", q="x", state="Atlantis"), 400, ["Atlantis"])
    e(server, query("/api/search", cites="nothing"), 400, ["nothing"])
    e(server, "/api/search", 400, ["empty query"])
    e(server, query("/api/search", q="(a"), 400, ["parenthesis"])
    e(server, "/api/search?q=caf%C3", 400, ["not valid UTF-8"])
    e(server, "/api/search?q=%ZZ", 400, ["malformed %-escape"])
    e(server, "/api/search?q=%4", 400, ["malformed %-escape"])
    e(server, "/api/show", 400, ["'citation' is required"])
    e(server, query("/api/show", citation="CERD/C/BRA/CO/18-20, para. 31 (e)", context="21"), 400,
      ["context '21'"])
    e(server, query("/api/show", citation="CERD/C/NOWHERE/1, para. 1"), 404, ["no passage"])
    e(server, query("/api/like", citation="CERD/C/NOWHERE/1, para. 1"), 404, [])
    e(server, query("/api/history", citation="no symbol here"), 400, [])
    e(server, "/api/nothing", 404, ["no API at /api/nothing"])
    e(server, "/nothing.html", 404, ["nothing at"])
    # The index's folder is not in messages a client sees.
    _, _, body = server.get(query("/api/show", citation="CERD/C/NOWHERE/1, para. 1"))
    check(server.index.encode() not in body, "an error names the index folder: %r" % body)
    # Not GET.
    check(raw_request(server, b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
          .startswith("HTTP/1.1 405"), "POST gets 405")
    check(raw_request(server, b"NONSENSE\r\n\r\n").startswith("HTTP/1.1 400"), "garbage gets 400")


def test_limits(server):
    """Each limit at N (answered) and N+1 (refused with its status)."""
    # Query length: the library's QueryLimits::kMaxQueryBytes (4096).
    words = ("rights " * 700)[:4096]
    check(server.get(query("/api/search", q=words[:4096]))[0] in (200, 400), "4096-byte query")
    status, _, body = server.get(query("/api/search", q="a" * 4097))
    check(status == 400 and b"4096" in body, "4097-byte query: %d %r" % (status, body[:200]))
    # Page size.
    check(server.get(query("/api/search", q="rights", n="100"))[0] == 200, "n=100")
    # Parameters: 64 answered, 65 refused.
    many = "&".join(["committee=CERD"] * 63)
    check(server.get("/api/search?q=rights&" + many)[0] == 200, "64 parameters")
    status, _, body = server.get("/api/search?q=rights&committee=CERD&" + many)
    check(status == 400 and b"more than 64 parameters" in body, "65 parameters: %r" % body[:200])
    # Request line: 8192 bytes of target answered (as a query too long), 8193 refused with 414.
    prefix = "/api/search?q="
    target = prefix + "a" * (8192 - len(prefix))
    check(server.get(target)[0] == 400, "an 8192-byte target reaches the API")
    check(server.get(target + "a")[0] == 414, "an 8193-byte target gets 414")
    # Header fields: 16 KiB of head in all; 431 beyond (the request line alone being short).
    check(server.get("/", headers={"X-Pad": "a" * 15000})[0] == 200, "a 15 kB header")
    check(server.get("/", headers={"X-Pad": "a" * 17000})[0] == 431, "a 17 kB header")
    # A body (a GET needs none): 1024 bytes accepted, 1025 refused with 413.
    head = "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
    check(raw_request(server, (head % 1024).encode() + b"a" * 1024).startswith("HTTP/1.1 200"),
          "a 1024-byte body")
    check(raw_request(server, (head % 1025).encode() + b"a" * 1025).startswith("HTTP/1.1 413"),
          "a 1025-byte body gets 413")


def test_slow_client(server):
    """A request head that trickles in is cut at --header-seconds (2 here) with 408."""
    start = time.time()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\n")
        reply = b""
        try:
            for _ in range(20):
                s.sendall(b"X: y\r\n")
                time.sleep(0.3)
        except OSError:
            pass
        try:
            reply = s.recv(4096)
        except OSError:
            pass
    took = time.time() - start
    check(reply.startswith(b"HTTP/1.1 408") or reply == b"", "slow head: %r" % reply[:40])
    check(took < 8, "a slow client was cut after %.1f s" % took)
    # Meanwhile and after, a normal request is answered.
    check(server.get(query("/api/search", q="rights"))[0] == 200, "answers after a slow client")


def test_traversal(server):
    """No request reads a file: the page's files are looked up by exact name among those built
    in. A sentinel planted beside the index never comes back."""
    sentinel = "SENTINEL-%d" % os.getpid()
    with open(os.path.join(server.work, "secret.txt"), "w") as f:
        f.write(sentinel)
    payloads = [
        "/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
        "/%252e%252e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
        "/%2e%2e%5csecret.txt", "/.%2e/secret.txt", "/%2e./secret.txt", "/....//secret.txt",
        "/app.js/../../secret.txt", "/app.js%00.html", "/index.html%00", "/%00", "//etc/passwd",
        "/" + server.work + "/secret.txt", "/file:" + server.work + "/secret.txt",
        "/%2f" + server.work.replace("/", "%2f") + "%2fsecret.txt", "/api/../../secret.txt",
        "/api/%2e%2e/%2e%2e/secret.txt", "/api/search/../../../secret.txt",
        "/" + "../" * 40 + "etc/passwd", "/static/../../secret.txt", "/./././secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/..;/secret.txt",
        "/app.js?../../secret.txt", "/style.css/..%2f..%2fsecret.txt", "/~/secret.txt",
        "/api/show?citation=../../secret.txt", "/api/show?citation=" + server.work + "/secret.txt",
    ]
    check(len(payloads) >= 30, "at least 30 payloads")
    for path in payloads:
        status, _, body = server.get(path)
        check(sentinel.encode() not in body and b"root:" not in body,
              "%s leaked a file" % path)
        # Only a built-in file is ever 200 ("/app.js?../x" is /app.js with a query).
        check(status in (400, 404) or (status == 200 and path.startswith("/app.js?")),
              "%s: status %d" % (path, status))


def test_escaping_and_headers(server):
    found = server.get_json(query("/api/search", q="xenophobic propaganda", n="10"))
    texts = " ".join(h["text"] for h in found["hits"])
    check("<script>" in texts and "javascript:" in texts,
          "the hostile document is returned as text (escaped by JSON, inert in the page)")
    for path in ["/", "/app.js", "/style.css", query("/api/search", q="rights"), "/nothing"]:
        status, headers, body = server.get(path)
        for name in SECURITY_HEADERS:
            check(name in headers, "%s: no %s" % (path, name))
        check("script-src 'self'" in headers["content-security-policy"] and
              "frame-ancestors 'none'" in headers["content-security-policy"], "CSP of " + path)
        check(headers["x-content-type-options"] == "nosniff", "nosniff on " + path)
    # The page is static: no document text, nothing fetched from elsewhere.
    _, headers, page = server.get("/")
    check(headers["content-type"].startswith("text/html"), "the page is HTML")
    check(b"http://" not in page and b"https://" not in page, "the page fetches nothing outside")
    check(b"<script>" not in page and b"style=" not in page, "no inline script or style")
    _, _, script = server.get("/app.js")
    check(b"innerHTML" not in script and b"eval(" not in script, "no HTML parsing of data")


def test_concurrent_reindexing(server, seconds=8):
    """8 clients query while treaty-index updates the index: every request answered, 0 errors."""
    errors = []
    answered = [0]
    stop = threading.Event()
    lock = threading.Lock()

    def client(k):
        queries = ["hate speech", "discrimination", "xenophobic propaganda", "rights",
                   '"State party"', "police w/5 torture"]
        i = k
        while not stop.is_set():
            q = queries[i % len(queries)]
            i += 1
            try:
                status, _, body = server.get(query("/api/search", q=q, n="5", facets="1"))
                if status != 200:
                    with lock:
                        errors.append("%s: %d %r" % (q, status, body[:120]))
                else:
                    json.loads(body)
                    with lock:
                        answered[0] += 1
            except Exception as e:  # noqa: BLE001 - any failure is an error of the run
                with lock:
                    errors.append("%s: %r" % (q, e))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    deadline = time.time() + seconds
    hostile = os.path.join(server.extra, "hostile-markup.txt")
    round_ = 0
    while time.time() < deadline:
        round_ += 1
        with open(hostile, "a", encoding="utf-8") as f:
            f.write("\n%d. A further paragraph on xenophobic propaganda, round %d.\n"
                    % (3 + round_, round_))
        server.index_files(server.corpus, server.extra)
    stop.set()
    for t in threads:
        t.join()
    check(not errors, "%d errors during re-indexing, e.g. %s" % (len(errors), errors[:3]))
    check(answered[0] > 50, "only %d requests answered" % answered[0])
    check(round_ >= 2, "the index was updated %d times" % round_)
    latest = server.get_json(query("/api/search", q='"round %d"' % round_))
    check(latest["total"] == 1, "the latest commit is searched")


def main():
    index_tool, serve_tool, search_tool, corpus = sys.argv[1:5]
    server = Server(index_tool, serve_tool, corpus, extra_args=["--header-seconds", "2"])
    try:
        test_contract(server, search_tool)
        test_views(server)
        test_bad_requests(server)
        test_limits(server)
        test_slow_client(server)
        test_traversal(server)
        test_escaping_and_headers(server)
        test_concurrent_reindexing(server)
        check(server.process.poll() is None, "the server is still running")
    finally:
        server.stop()
    print("api_test: all passed")


if __name__ == "__main__":
    main()

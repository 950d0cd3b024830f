"""A treaty-serve under test: an index of the bundled corpus plus test documents, the server on a
free port of 127.0.0.1, and small HTTP helpers. Standard library only.

Used by api_test.py and page_test.py (ctest runs both; see tests/CMakeLists.txt).
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

# A document whose text holds markup and script: the page and the API must keep it inert.
HOSTILE_TEXT = """1. The Committee notes the submission <script>window.__pwned = 1;</script> of the
State party on xenophobic propaganda and the pamphlet <img src="x" onerror="window.__pwned = 2">
quoted in it.

2. The complainant's website [link](javascript:window.__pwned=3) and the address
javascript:window.__pwned=4 were cited as evidence of xenophobic propaganda.

3. The Committee recommends a review of xenophobic propaganda on the Internet.
"""

HOSTILE_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<treatysearch-manifest version="1">
  <document file="hostile-markup.txt" symbol="CERD/C/XSS/CO/1" type="concluding-observations"
            committee="CERD" state="Kazakhstan" date="2024-01-01" language="en"/>
</treatysearch-manifest>
"""


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class Server:
    """Builds the index in a temporary folder and runs treaty-serve on it until stop()."""

    def __init__(self, index_tool, serve_tool, corpus, extra_args=()):
        self.index_tool = index_tool
        self.serve_tool = serve_tool
        self.work = tempfile.mkdtemp(prefix="treaty-serve-test-")
        self.index = os.path.join(self.work, "index")
        self.extra = os.path.join(self.work, "extra")
        os.makedirs(self.extra)
        with open(os.path.join(self.extra, "hostile-markup.txt"), "w", encoding="utf-8") as f:
            f.write(HOSTILE_TEXT)
        with open(os.path.join(self.extra, "manifest.xml"), "w", encoding="utf-8") as f:
            f.write(HOSTILE_MANIFEST)
        self.corpus = corpus
        self.index_files(corpus, self.extra)
        self.process = subprocess.Popen(
            [serve_tool, "--index", self.index, "--listen", "127.0.0.1:0", *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.stop()
            fail("treaty-serve printed no address: %r %s" % (line, self.process.stderr.read()))
        self.port = int(match.group(1))
        self.base = "http://127.0.0.1:%d" % self.port

    def index_files(self, *paths):
        result = subprocess.run([self.index_tool, "--index", self.index, "--quiet", *paths],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail("treaty-index failed: " + result.stderr)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                fail("treaty-serve did not stop on SIGTERM")
        shutil.rmtree(self.work, ignore_errors=True)

    def get(self, path, headers=None, timeout=30):
        """(status, headers as a dict with lower-case names, body bytes) of GET path."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return (response.status, {k.lower(): v for k, v in response.getheaders()},
                    response.read())
        finally:
            connection.close()

    def get_json(self, path, expect=200):
        status, headers, body = self.get(path)
        if status != expect:
            fail("GET %s: status %d, expected %d: %s" % (path, status, expect, body[:300]))
        if not headers.get("content-type", "").startswith("application/json"):
            fail("GET %s: content type %s" % (path, headers.get("content-type")))
        return json.loads(body)


def query(path, **params):
    """path?params, repeated values given as lists."""
    return path + "?" + urllib.parse.urlencode(params, doseq=True)


def wait_until(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    fail("timed out waiting for " + what)

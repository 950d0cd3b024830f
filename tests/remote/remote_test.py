#!/usr/bin/env python3
"""Remote shards on Xapian's own server: a 4-shard index of the quick corpus, each shard served
as it is by a stock xapian-tcpsrv on 127.0.0.1, searched with treaty-search --remote and
treaty-serve --remote. Standard library only; ctest runs it (tests/CMakeLists.txt).

  remote_test.py TREATY_INDEX TREATY_SEARCH TREATY_SERVE XAPIAN_TCPSRV CORPUS

Checks: every kind of query (words, phrases, connectors, truncation, fields, facets, groups,
sorting, paging, similar passages, a passage in context, a paragraph's history, suggestions,
translations) gives the JSON the same index gives locally, value for value; shards given
wrongly are refused naming the shard; a shard that is down, stopped (slow) or restarted gives a
clear error within the time-out, or an answer after reconnecting, never a hang.
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

SHARDS = 4


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ShardServer:
    """One xapian-tcpsrv serving one shard folder."""

    def __init__(self, tcpsrv, folder):
        self.tcpsrv, self.folder, self.port = tcpsrv, folder, free_port()
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [self.tcpsrv, "--quiet", "--interface", "127.0.0.1", "--port", str(self.port),
             self.folder], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)  # its own group: the children serving connections too
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    fail("xapian-tcpsrv exited: " + self.process.stderr.read().decode())
                time.sleep(0.05)
        fail("xapian-tcpsrv did not listen on %d" % self.port)

    def signal(self, number):
        """To the server and the children it forked for each connection."""
        try:
            os.killpg(self.process.pid, number)
        except ProcessLookupError:
            pass

    def stop(self):
        """A crash: the server and every connection it serves go at once."""
        self.signal(signal.SIGCONT)
        self.signal(signal.SIGKILL)
        self.process.wait()

    @property
    def address(self):
        return "127.0.0.1:%d" % self.port


def run(tool, *args, timeout=60):
    started = time.time()
    result = subprocess.run([tool, *args], capture_output=True, text=True, timeout=timeout)
    return result, time.time() - started


# Each query as treaty-search arguments; those marked True must find something (a comparison
# of two empty answers would prove nothing).
QUERIES = [
    (["discrimination"], True),
    (['"State party"'], True),
    (['"hate speech"', "--facets"], True),
    (["racial w/5 discrimination"], True),
    (["racial pre/3 discrimination", "--facets"], True),
    (["discrimination /s women"], True),
    (["discrimination /p disabilities"], True),
    (["discriminat*"], True),
    (["committee:CERD state:Kazakhstan torture"], True),
    (["--committee", "CRPD", "--year", "2010..2030", "persons"], True),
    (['"State party"', "--group"], True),
    (["rights", "--sort", "date", "-n", "20"], True),
    (["rights", "--sort", "-date", "--offset", "15", "-n", "10"], True),
    (["persons with disabilities", "--facets", "-n", "20", "--offset", "5"], True),
    (['"persons with disabilities" -women', "--facets"], True),
    (["everyone", "--parallel", "--group"], True),
    (["everyone", "--lang", "ru", "--parallel"], False),
    (["--cites", "CERD/C/KAZ/CO/8-10, para. 18 (b)"], True),
    (["discrimnation"], False),  # the suggestion must agree
    (["zzzunknownword"], False),
]


def search_json(tool, where, args):
    result, _ = run(tool, *where, "--json", *args)
    check(result.returncode in (0, 1),
          "treaty-search %s %s failed: %s" % (where[0], args, result.stderr))
    return result.returncode, json.loads(result.stdout)


def test_same_answers(search_tool, index, remote):
    local_where, remote_where = ["--index", index], ["--remote", remote]
    for args, must_find in QUERIES:
        local_code, local = search_json(search_tool, local_where, args)
        remote_code, served = search_json(search_tool, remote_where, args)
        check(not must_find or local_code == 0, "%s finds nothing locally" % args)
        check(local_code == remote_code, "%s: exit %d locally, %d remote" %
              (args, local_code, remote_code))
        if local != served:
            fail("%s: remote answer differs from local:\nlocal:  %s\nremote: %s" %
                 (args, json.dumps(local)[:1500], json.dumps(served)[:1500]))
    # A passage's neighbours, its similar passages and a paragraph's history.
    _, found = search_json(search_tool, local_where, ["discrimination", "-n", "1"])
    citation = found["hits"][0]["citation"]
    for args in (["--show", citation, "--context", "2"], ["--like", citation],
                 ["--history", "CERD/C/KAZ/CO/8-10, para. 18 (b)"]):
        local = search_json(search_tool, local_where, args)
        served = search_json(search_tool, remote_where, args)
        check(local[0] == 0, "%s finds nothing locally" % args)
        check(local == served, "%s: remote answer differs from local" % args)


def expect_refusal(search_tool, remote, words, what, timeout_ms=None, within=10):
    args = ["--remote", remote, "discrimination"]
    if timeout_ms:
        args += ["--remote-timeout", str(timeout_ms)]
    result, seconds = run(search_tool, *args)
    check(result.returncode == 2, "%s: exit %d, expected 2" % (what, result.returncode))
    message = result.stderr.strip()
    check(len(message.splitlines()) == 1, "%s: one line expected: %r" % (what, message))
    for word in words:
        check(word in message, "%s: %r does not say %r" % (what, message, word))
    check(seconds < within, "%s: took %.1f s" % (what, seconds))


def test_shards_given_wrongly(search_tool, servers):
    addresses = [s.address for s in servers]
    expect_refusal(search_tool, ",".join(reversed(addresses)),
                   [addresses[-1], "serves shard 3 of 4", "given as shard 0"], "shards reversed")
    expect_refusal(search_tool, ",".join(addresses[:3]),
                   ["has 4 shards but 3 were given"], "a shard missing")
    expect_refusal(search_tool, "127.0.0.1", ["no port"], "no port")
    expect_refusal(search_tool, addresses[0] + ",[::1", ["unclosed ["], "bad IPv6 address")


def test_shards_without_term_lists(index_tool, search_tool, tcpsrv, work):
    """An index built without term lists (the default) is refused remotely, saying what to do:
    xapian-tcpsrv needs them to send a passage."""
    folder = os.path.join(work, "one-file")
    os.makedirs(folder)
    with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as out:
        out.write("1. The Committee recommends that the State party combat discrimination.\n")
    index = os.path.join(work, "index-without-term-lists")
    result, _ = run(index_tool, "--quiet", "--shards", "1", "--index", index, folder)
    check(result.returncode == 0, "treaty-index failed: " + result.stderr)
    server = ShardServer(tcpsrv, os.path.join(index, "shard0"))
    try:
        expect_refusal(search_tool, server.address,
                       ["built without term lists", "treaty-index --term-lists"],
                       "shards without term lists")
    finally:
        server.stop()


def test_shard_down_and_slow(search_tool, servers):
    remote = ",".join(s.address for s in servers)
    down = servers[2]
    down.stop()
    expect_refusal(search_tool, remote, ["remote shard " + down.address, "cannot be reached"],
                   "a shard down")
    down.start()
    slow = servers[1]
    slow.signal(signal.SIGSTOP)  # the kernel still accepts connections: no answer comes
    try:
        expect_refusal(search_tool, remote, ["remote shard " + slow.address,
                                             "did not answer in time"],
                       "a stopped shard", timeout_ms=1000, within=8)
    finally:
        slow.signal(signal.SIGCONT)
    result, _ = run(search_tool, "--remote", remote, "discrimination")
    check(result.returncode == 0, "the shards answer again: " + result.stderr)


def get_json(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_serve_and_restart(serve_tool, search_tool, servers):
    """treaty-serve --remote answers as treaty-search does, and survives a shard's restart."""
    remote = ",".join(s.address for s in servers)
    serve = subprocess.Popen([serve_tool, "--remote", remote, "--listen", "127.0.0.1:0",
                              "--remote-timeout", "3000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = serve.stdout.readline()
        check("http://127.0.0.1:" in line, "treaty-serve printed no address: %r" % line)
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        path = "/api/search?" + urllib.parse.urlencode({"q": '"hate speech"', "facets": "1"})
        status, before = get_json(port, path)
        check(status == 200, "/api/search: %d %s" % (status, before))
        _, cli = search_json(search_tool, ["--remote", remote], ['"hate speech"', "--facets"])
        check(before == cli, "/api/search over remote shards differs from treaty-search")
        servers[0].stop()
        status, answer = get_json(port, path)
        check(status == 502 and "cannot be reached" in answer.get("error", ""),
              "a shard down: status %d %s" % (status, str(answer)[:300]))
        servers[0].start()
        status, after = get_json(port, path)
        check(status == 200 and after == before,
              "after the shard restarted: status %d, same answer: %s" % (status, after == before))
    finally:
        serve.terminate()
        serve.wait(timeout=10)


def main():
    if len(sys.argv) != 6:
        fail("usage: remote_test.py TREATY_INDEX TREATY_SEARCH TREATY_SERVE XAPIAN_TCPSRV CORPUS")
    index_tool, search_tool, serve_tool, tcpsrv, corpus = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="treaty-remote-test-") as work:
        index = os.path.join(work, "index")
        result, _ = run(index_tool, "--quiet", "--term-lists", "--shards", str(SHARDS),
                        "--index", index, corpus, timeout=600)
        check(result.returncode == 0, "treaty-index failed: " + result.stderr)
        servers = [ShardServer(tcpsrv, os.path.join(index, "shard%d" % k))
                   for k in range(SHARDS)]
        try:
            remote = ",".join(s.address for s in servers)
            test_same_answers(search_tool, index, remote)
            test_shards_given_wrongly(search_tool, servers)
            test_shards_without_term_lists(index_tool, search_tool, tcpsrv, work)
            test_shard_down_and_slow(search_tool, servers)
            test_serve_and_restart(serve_tool, search_tool, servers)
        finally:
            for server in servers:
                server.stop()
    print("remote shard tests passed")


if __name__ == "__main__":
    main()

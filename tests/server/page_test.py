#!/usr/bin/env python3
"""The search page in a real browser: Debian's headless Chromium driven over the DevTools
protocol on a pipe (--remote-debugging-pipe: no port, no third-party module). Keys are typed and
the mouse clicks as a user's would (Input.* events), not by calling the page's functions.

usage: page_test.py TREATY_INDEX TREATY_SERVE CORPUS CHROMIUM [SCREENSHOT.png]
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, fail  # noqa: E402


def replaced_page(error):
    """The error Chromium gives an evaluation whose page is being replaced by another."""
    message = error.get("message", "")
    return "navigated or closed" in message or "context was destroyed" in message


class Browser:
    """One headless Chromium with one page, spoken to in DevTools protocol messages."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="treaty-page-test-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def give_pipes():  # the protocol's pipes are the child's fds 3 (in) and 4 (out)
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--remote-debugging-pipe", "--mute-audio",
             "--user-data-dir=" + self.profile, "--window-size=1200,1600", "about:blank"],
            preexec_fn=give_pipes, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime"):
            self.call(domain + ".enable", session=True)
        self.call("Browser.grantPermissions", {
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                fail("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                fail("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False, timeout=30, tolerate=None):
        """tolerate: a predicate on an error reply that makes the call return None instead of
        failing."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    if tolerate and tolerate(reply["error"]):
                        return None
                    fail("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, method, params=None, tolerate=None):
        return self.call(method, params, session=True, tolerate=tolerate)

    def evaluate(self, expression, during_navigation=False):
        """during_navigation: an evaluation that meets the page being replaced (a navigation or a
        form's submission under way) gives None instead of failing, for wait_for to ask again."""
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True},
                           tolerate=replaced_page if during_navigation else None)
        if result is None:
            return None
        if "exceptionDetails" in result:
            fail("script failed: %s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def wait_for(self, expression, what, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(expression, during_navigation=True)
            if value:
                return value
            time.sleep(0.05)
        fail("timed out waiting for " + what)

    def navigate(self, url):
        self.page("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && !!document.getElementById('q')",
                      "the page to load " + url)

    def type_text(self, text):
        self.page("Input.insertText", {"text": text})

    def press(self, key, code, key_code, text=None, modifiers=0):
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code,
                "modifiers": modifiers}
        if text:
            down["text"] = text
        self.page("Input.dispatchKeyEvent", down)
        self.page("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code,
                                             "windowsVirtualKeyCode": key_code,
                                             "modifiers": modifiers})

    def click(self, selector):
        """A mouse click in the middle of the element (scrolled into view first)."""
        box = self.evaluate("""(() => {
            const e = document.querySelector(%s);
            if (!e) return null;
            e.scrollIntoView({block: 'center'});
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
        })()""" % json.dumps(selector))
        if not box:
            fail("nothing to click at " + selector)
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def screenshot(self, path):
        data = self.page("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def check(condition, message):
    if not condition:
        fail(message)


def citations(browser):
    return browser.evaluate("[...document.querySelectorAll('.hit a.citation')]"
                            ".map(a => a.textContent)")


def search_by_typing(browser, server, text,
                     answered="document.querySelectorAll('.hit').length > 0"):
    browser.navigate(server.base + "/")
    browser.click("#q")
    browser.type_text(text)
    browser.press("Enter", "Enter", 13, "\r")
    browser.wait_for(answered, "the answer to " + text)


def test_typed_query_shows_cited_hits(browser, server, screenshot):
    search_by_typing(browser, server, "hate speech")
    found = citations(browser)
    check(len(found) == 10, "a page of 10 hits: %s" % found)
    check("CERD/C/BRA/CO/18-20, para. 31 (e)" in found, "a known citation: %s" % found)
    check(browser.evaluate("location.search") == "?q=hate+speech", "the URL holds the query")
    marks = browser.evaluate("[...document.querySelectorAll('.hit mark')].map(m => m.textContent"
                             ".toLowerCase())")
    check("hate" in marks and "speech" in marks, "matched words marked: %s" % marks[:5])
    check(browser.evaluate("/\\d+ passages found/.test(document.getElementById('status')"
                           ".textContent)"), "the count is shown")
    if screenshot:
        browser.screenshot(screenshot)


def test_filter_narrows(browser, server):
    search_by_typing(browser, server, "discrimination")
    total = int(browser.evaluate("document.getElementById('status').textContent.split(' ')[0]"))
    option = browser.evaluate("[...document.getElementById('committee').options]"
                              ".find(o => o.value === 'CRPD').textContent")
    check(option.startswith("CRPD (") and option.endswith(")"), "facet count beside CRPD: %s" % option)
    expected = int(option[len("CRPD ("):-1])
    # Choose CRPD with the keyboard: focus the select, then type its name (type-ahead).
    browser.evaluate("document.getElementById('committee').focus()")
    for letter in "CRPD":
        browser.press(letter, "Key" + letter, ord(letter), letter)
    # Each letter typed selects a committee and searches; only the last search may be shown,
    # whatever order the answers arrive in.
    browser.wait_for("location.search.includes('committee=CRPD') && "
                     "document.getElementById('status').textContent === '%d passages found.'"
                     % expected, "the count the facet gave (%d)" % expected)
    check(expected < total, "CRPD's %d of %d" % (expected, total))
    committees = browser.evaluate("[...document.querySelectorAll('.hit .document')]"
                                  ".map(d => d.textContent.includes('CRPD'))")
    check(all(committees), "every hit is CRPD's")


def test_year_range_from_the_url(browser, server):
    browser.navigate(server.base + "/?q=discrimination")
    browser.wait_for("document.querySelectorAll('#year-list option').length > 0", "year counts")
    label = browser.evaluate("[...document.querySelectorAll('#year-list option')]"
                             ".find(o => o.value === '2019').textContent")
    check(label.startswith("2019 ("), "the count of 2019 beside it: %s" % label)
    browser.navigate(server.base + "/?q=discrimination&year=2019")
    browser.wait_for("document.querySelectorAll('.hit').length > 0", "the 2019 results")
    check(browser.evaluate("document.getElementById('year-from').value") == "2019" and
          browser.evaluate("document.getElementById('year-to').value") == "2019",
          "the form shows the URL's years")
    dates = browser.evaluate("[...document.querySelectorAll('.hit .document')]"
                             ".map(d => /2019/.test(d.textContent))")
    check(all(dates), "only 2019's documents")


def test_click_opens_passage_and_copy(browser, server):
    search_by_typing(browser, server, '"racist hate speech"')
    first = citations(browser)[0]
    browser.click(".hit a.citation")
    browser.wait_for("!!document.getElementById('shown-passage')", "the passage view")
    check(browser.evaluate("document.querySelector('h2.citation').textContent") == first,
          "the passage view shows the clicked citation")
    check(browser.evaluate("location.search.startsWith('?show=')"), "the URL names the passage")
    check(browser.evaluate("document.querySelectorAll('.neighbour').length") >= 2,
          "the passages around it")
    browser.click(".passage-view button.copy")
    browser.wait_for("document.getElementById('copied').value !== ''", "the copied citation")
    check(browser.evaluate("document.getElementById('copied').value") == first,
          "the copy button gives the citation")
    clipboard = browser.evaluate("navigator.clipboard.readText().catch(() => null)")
    check(clipboard in (None, first), "the clipboard holds the citation: %r" % clipboard)
    # Back returns to the results.
    browser.evaluate("history.back()")
    browser.wait_for("document.querySelectorAll('.hit').length > 0", "the results after Back")


def test_translations_and_right_to_left(browser, server):
    browser.navigate(server.base + "/?q=%22security+of+person%22&lang=en")
    browser.wait_for("document.querySelectorAll('.hit').length > 0", "the Declaration's article")
    browser.click(".hit a.citation")
    browser.wait_for("!!document.getElementById('shown-passage')", "the passage view")
    languages = browser.evaluate("[...document.querySelectorAll('.translation p')]"
                                 ".map(p => p.lang)")
    check(sorted(languages) == ["ar", "es", "fr", "kk", "ru", "zh"], "six translations: %s"
          % languages)
    # Chinese and Cyrillic arrive as written (UTF-8 end to end, no mojibake).
    chinese = browser.evaluate("document.querySelector('.translation p[lang=zh]').textContent")
    russian = browser.evaluate("document.querySelector('.translation p[lang=ru]').textContent")
    check(chinese == "人人有权享有生命、自由和人身安全。", "the Chinese text: %r" % chinese)
    check(russian.startswith("Каждый человек имеет право на жизнь"), "the Russian text: %r" % russian)
    arabic = browser.evaluate("getComputedStyle(document.querySelector('.translation p[lang=ar]'))"
                              ".direction")
    check(arabic == "rtl", "Arabic runs right to left: %s" % arabic)
    english = browser.evaluate("getComputedStyle(document.querySelector('#shown-passage span[lang]'))"
                               ".direction")
    check(english == "ltr", "English left to right")


def test_hostile_text_stays_inert(browser, server):
    search_by_typing(browser, server, "xenophobic propaganda")
    check(browser.evaluate("window.__pwned === undefined"), "no script from a document ran")
    check(browser.evaluate("document.querySelectorAll('.hit script, .hit img').length") == 0,
          "no element from a document's text")
    text = browser.evaluate("document.getElementById('results').textContent")
    check("<script>" in text, "the markup is shown as text")
    check(browser.evaluate("[...document.querySelectorAll('a')].every(a => "
                           "!a.getAttribute('href') || !a.getAttribute('href').startsWith('javascript:'))"),
          "no javascript: link")


def test_keyboard_and_phone_width(browser, server):
    browser.navigate(server.base + "/")
    browser.evaluate("document.getElementById('q').focus()")
    browser.press("Tab", "Tab", 9)
    check(browser.evaluate("document.activeElement.id") == "search-button",
          "Tab goes from the box to the Search button")
    browser.press("Tab", "Tab", 9)
    check(browser.evaluate("document.activeElement.tagName") in ("SUMMARY", "DETAILS"),
          "then to the syntax help")
    browser.page("Emulation.setDeviceMetricsOverride",
                 {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.navigate(server.base + "/?q=hate+speech")
        browser.wait_for("document.querySelectorAll('.hit').length > 0", "results on a phone")
        width = browser.evaluate("document.documentElement.scrollWidth")
        check(width <= 375, "no sideways scrolling at phone width: %d px" % width)
    finally:
        browser.page("Emulation.clearDeviceMetricsOverride")


def test_bad_query_is_named(browser, server):
    search_by_typing(browser, server, "(asylum OR refugees",
                     answered="!!document.querySelector('#results .error')")
    message = browser.evaluate("document.querySelector('#results .error').textContent")
    check("parenthesis" in message, "the query's problem is shown: %s" % message)


def main():
    index_tool, serve_tool, corpus, chromium = sys.argv[1:5]
    screenshot = sys.argv[5] if len(sys.argv) > 5 else None
    server = Server(index_tool, serve_tool, corpus)
    browser = None
    try:
        browser = Browser(chromium)
        test_typed_query_shows_cited_hits(browser, server, screenshot)
        test_filter_narrows(browser, server)
        test_year_range_from_the_url(browser, server)
        test_click_opens_passage_and_copy(browser, server)
        test_translations_and_right_to_left(browser, server)
        test_hostile_text_stays_inert(browser, server)
        test_keyboard_and_phone_width(browser, server)
        test_bad_query_is_named(browser, server)
    finally:
        if browser:
            browser.close()
        server.stop()
    print("page_test: all passed")


if __name__ == "__main__":
    main()

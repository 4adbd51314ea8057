"""An open page in real Chromium reloads by itself after an edit under `xxgk serve`."""

from __future__ import annotations

import pytest

from generator.serve.server import DevServer

pytestmark = pytest.mark.browser
REPORT = "content/townships/demo-town/2021.md"


def test_open_page_reloads_after_edit_and_after_fixing_an_error(browser, f2021_root):
    with DevServer(f2021_root, "127.0.0.1", 0) as server:
        page = browser.new_page()
        page.goto(server.url + "townships/demo-town/2021/")
        page.wait_for_function("document.body.textContent.includes('本测试报告为虚构示例')")
        page.evaluate("window.notReloaded = true")  # gone once the page really reloads
        path = f2021_root / REPORT
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("本测试报告为虚构示例", "浏览器里刷新出来的新句子"), encoding="utf-8")
        page.wait_for_function("document.body.textContent.includes('浏览器里刷新出来的新句子')", timeout=15000)
        assert page.evaluate("window.notReloaded === undefined")
        path.write_text(good.replace("licensing: [120]", "licensing: [abc]"), encoding="utf-8")
        page.wait_for_function("document.body.textContent.includes('table.cell_type')", timeout=15000)
        path.write_text(good, encoding="utf-8")
        page.wait_for_function("document.body.textContent.includes('本测试报告为虚构示例')", timeout=15000)
        page.close()

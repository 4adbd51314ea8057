"""Leftovers of web pages and Word files in report text, each with what it is. One list: `xxgk
import` drops a line that holds one, and `xxgk check` reports one that an editor pasted in."""

from __future__ import annotations

import re

LEFTOVERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), what)
    for pattern, what in (
        # to the next "[" at most: each of many unclosed "[bookmark:" would else scan to the end
        (r"\[bookmark:[^\[\]]*\]", "Word 转换留下的书签标记"),
        (r"点击(?:数|量|率)\s*[:：]", "网页上的点击计数"),
        (r"(?:浏览|阅读|访问)(?:次数|量)\s*[:：]", "网页上的浏览计数"),
        (r"登录\s*[|｜/]\s*注册", "网站的“登录|注册”导航"),
        (r"【\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|字体|字号|大|中|小|收藏)\s*】", "网页上的按钮文字"),
        (r"打印本页|关闭窗口", "网页上的按钮文字"),
        (r"分享到\s*[:：]", "网页上的“分享到”按钮"),
        (r"发布(?:日期|时间)\s*[:：]\s*\d{4}", "网页的发布信息栏（发布日期应写在 published: 字段）"),
        (r"(?:上一篇|下一篇)\s*[:：]", "网页的上一篇/下一篇导航"),
        (r"^\s*(?:首页\s*[>›»]|当前位置|您现在的位置|您的位置)", "网页的位置导航"),
        (r"扫一扫|^\s*网站地图|^\s*主办单位\s*[:：]|版权所有|ICP备", "网页页脚"),
    )
)
BOOKMARK = LEFTOVERS[0][0]


def is_leftover(line: str) -> bool:
    return any(pattern.search(line) for pattern, _ in LEFTOVERS)

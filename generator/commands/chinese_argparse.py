"""argparse with its own words in Chinese: "usage:", "options:", the help option's text and the
error messages ("the following arguments are required: …").

argparse looks these words up with gettext, but Python ships no Chinese catalogue for them, and
installing one means changing the process's global text domain and locale. So the parser below
gives argparse its Chinese words where argparse takes them from a subclass (the usage prefix,
the section titles, the help option), and translates its error messages, which argparse formats
from the msgids in MESSAGES, when they reach `error`.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import partial
from typing import NoReturn

# argparse's msgids (Python 3.11–3.14) → Chinese. Placeholders keep their names.
MESSAGES = {
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”不是可选的值（可选：%(choices)s）",
    "invalid choice: %(value)s (choose from %(choices)s)": "“%(value)s”不是可选的值（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "one of the arguments %s is required": "参数 %s 中须给出一个",
    "unexpected option string: %s": "意外的选项：%s",
}
TYPES = {"int": "整数", "float": "数", "Path": "路径", "str": "文字"}
USAGE = "用法："
POSITIONALS = "位置参数"
OPTIONALS = "选项"
HELP = "显示本帮助并退出"


def _pattern(msgid: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """A regex that matches what argparse formats from `msgid`, and the names filled with repr()."""
    regex, quoted = [], set()
    for part in re.split(r"(%\(\w+\)[sr]|%[sr])", msgid):
        placeholder = re.fullmatch(r"%(?:\((\w+)\))?([sr])", part)
        if placeholder:
            name = placeholder.group(1) or "arg"
            regex.append(f"(?P<{name}>.*?)")
            if placeholder.group(2) == "r":
                quoted.add(name)
        else:
            regex.append(re.escape(part))
    return re.compile("".join(regex), re.S), frozenset(quoted)


_PATTERNS = [(*_pattern(msgid), zh) for msgid, zh in MESSAGES.items()]


def translate(message: str) -> str:
    """An argparse error message in Chinese (as it is when no msgid matches)."""
    for pattern, quoted, zh in _PATTERNS:
        found = pattern.fullmatch(message)
        if not found:
            continue
        values = {k: _plain(v) if k in quoted else v for k, v in found.groupdict().items()}
        if "message" in values:
            values["message"] = translate(values["message"])
        if "type" in values:
            values["type"] = TYPES.get(values["type"], values["type"])
        return re.sub(r"%\((\w+)\)[sr]|%[sr]", partial(_fill, values), zh)
    return message


def _fill(values: dict[str, str], match: re.Match[str]) -> str:
    return values[match.group(1) or "arg"]


def _plain(value: str) -> str:
    """'x' → x: argparse quotes values with repr."""
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" else value


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose frame and errors are in Chinese; subcommands inherit it."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}\n")

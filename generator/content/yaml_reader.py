"""Content YAML → values, key lines and problems, by one bounded pass over the parser's events.

PyYAML's composer and constructor walk every alias (an alias bomb never ends, a recursive alias
raises RecursionError), build a dict from any key (`? [a, b]` raised TypeError) and convert an
integer of any length (5,000 digits raised ValueError). Content has no use for anchors, aliases,
tags or keys other than plain names, so this reader builds values from the events itself and
refuses what it does not need, each a problem at its line:

- `&anchor` and `*alias`: `yaml.alias` (an alias's value is left empty);
- a list or mapping as a key, or a key of more than MAX_KEY characters: `yaml.key`;
- more than MAX_DEPTH levels of nesting: `yaml.depth` (and the reading stops, as at a syntax error:
  the parser's time on a deep unclosed `[[[[…` grows with its depth);
- a tag other than the core scalar ones (`!!str`, `!!int`, …): `yaml.syntax`;
- a double-quoted escape that makes a control or direction character: `text.control`/`text.bidi`.

An integer literal of more than MAX_DIGITS digits is read as infinity, which the field checks
report as out of range (no count has 40 digits); so no value is too large to print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.content.characters import escaped_problem
from generator.model.problems import ERROR, Problem
from generator.model.source import _CELLS as CELLS
from generator.model.source import KeyPath

MAX_DEPTH = 20  # a report's deepest value, a table row, is at depth 4
MAX_KEY = 200  # characters; field names and row ids are a few words
MAX_DIGITS = 40
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null")}
_NO_KEY = object()  # a key that was refused: its value is read (for its problems) and dropped
_WAITING = object()  # a mapping waits for a key, not a value


@dataclass
class _Frame:
    """A sequence or mapping being read."""

    key: KeyPath
    value: Any  # the dict or list
    mark: Any  # where it starts
    sequence: bool
    pending: Any = _WAITING  # a mapping's key that waits for its value
    seen: dict[str, int] = field(default_factory=dict)  # a mapping's keys → their lines
    items: list[tuple[int, int, bool]] = field(default_factory=list)  # a sequence's (line, column, scalar)


@dataclass
class Read:
    data: Any = None
    lines: dict[KeyPath, int] = field(default_factory=dict)
    columns: dict[KeyPath, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    literals: dict[KeyPath, str] = field(default_factory=dict)  # see Source.literals
    error: yaml.MarkedYAMLError | None = None  # the syntax error that stopped the reading


class _Composer:
    """The state of one pass: the open collections, and what has been read."""

    def __init__(self, path: str, first: int, loader: Any) -> None:
        self.path, self.first, self.loader = path, first, loader
        self.stack: list[_Frame] = []
        self.documents = 0
        self.read = Read()
        self.handlers = {
            yaml.ScalarEvent: self.scalar_event,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceEndEvent: self.end,
            yaml.MappingEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }

    def problem(self, mark: Any, code: str, message: str) -> None:
        self.read.problems.append(Problem(self.path, self.first + mark.line, code, message, ERROR, mark.column + 1))

    def event(self, event: Any) -> bool:
        """Takes one event; False when the rest of the stream is to be ignored."""
        handler = self.handlers.get(type(event))
        return handler(event) if handler else True

    def document(self, event: Any) -> bool:
        self.documents += 1
        if self.documents == 1:
            return True
        self.problem(event.start_mark, "yaml.syntax", "YAML 语法错误：文件里有第二份文档（--- 或 ... 行之后），请删去")
        return False

    def alias(self, event: Any) -> bool:
        message = f"“*{event.anchor}”是 YAML 引用，这里不能用；请直接写出值，或把值用引号括起来"
        self.problem(event.start_mark, "yaml.alias", message)
        self.add(None, event.start_mark, True)
        return True

    def anchor(self, event: Any) -> None:
        if event.anchor is not None:
            message = f"“&{event.anchor}”是 YAML 锚点，这里不能用；请删去它，或把整个值用引号括起来"
            self.problem(event.start_mark, "yaml.alias", message)

    def start(self, event: Any) -> bool:
        self.anchor(event)
        mapping = type(event) is yaml.MappingStartEvent
        if event.tag not in (None, "!", f"{_CORE}{'map' if mapping else 'seq'}"):
            self.problem(event.start_mark, "yaml.syntax", f"YAML 语法错误：不支持标签“{event.tag}”，请删去")
        if len(self.stack) >= MAX_DEPTH:
            message = f"嵌套超过 {MAX_DEPTH} 层（多半是多打了括号或缩进），从这里起没有读取；请改正"
            self.problem(event.start_mark, "yaml.depth", message)
            return False
        self.stack.append(_Frame(self.child_key(), {} if mapping else [], event.start_mark, not mapping))
        return True

    def child_key(self) -> KeyPath:
        """The key path of the value that comes next."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        return (*top.key, len(top.value) if top.sequence else top.pending)

    def end(self, event: Any) -> bool:
        frame = self.stack.pop()
        if frame.sequence:
            self.place_items(frame)
        self.add(frame.value, frame.mark, False)
        return True

    def place_items(self, frame: _Frame) -> None:
        # A table row such as [0, 1, 2] on one line: its cells share the row's line, so only
        # their columns are kept, packed (a key per cell was most of a parsed site's memory).
        row = frame.mark.line
        if all(scalar and line == row for line, _, scalar in frame.items):
            self.read.columns[(*frame.key, CELLS)] = tuple(column + 1 for _, column, _ in frame.items)
            return
        for index, (line, column, _) in enumerate(frame.items):
            self.read.lines[(*frame.key, index)] = self.first + line
            self.read.columns[(*frame.key, index)] = column + 1

    def scalar_event(self, event: Any) -> bool:
        if event.anchor is not None:
            self.anchor(event)
        self.add(self.scalar(event), event.start_mark, True, event.value)
        return True

    def add(self, value: Any, mark: Any, scalar: bool, literal: str = "") -> None:
        """A value read: the document, an item of the open sequence, or a key or value of the open mapping."""
        if not self.stack:
            self.read.data = value
            return
        top = self.stack[-1]
        if top.sequence:
            top.items.append((mark.line, mark.column, scalar))
            top.value.append(value)
        elif top.pending is _WAITING:
            top.pending = self.key(top, value, mark, scalar, literal)
        else:
            if top.pending is not _NO_KEY:
                top.value[top.pending] = value
                if literal and type(value) is not str and _reads_as_other(value, literal):
                    self.read.literals[(*top.key, top.pending)] = literal
            top.pending = _WAITING

    def key(self, top: _Frame, value: Any, mark: Any, scalar: bool, literal: str) -> Any:
        if not scalar:
            self.problem(mark, "yaml.key", "字段名不能是列表或映射（“? ”或 [..]、{..} 写在了冒号前），请改成一个名称")
            return _NO_KEY
        if len(literal) > MAX_KEY:
            message = f"字段名有 {len(literal)} 个字，过长（上限 {MAX_KEY}），多半是冒号位置不对；请改正"
            self.problem(mark, "yaml.key", message)
            return _NO_KEY
        line = self.first + mark.line
        if literal in top.seen:
            message = f"键“{literal}”重复出现（第一次在第 {top.seen[literal]} 行），请删去一处"
            self.read.problems.append(Problem(self.path, line, "yaml.duplicate_key", message, ERROR))
        top.seen[literal] = line
        item = (*top.key, value)
        self.read.lines[item] = line
        self.read.columns[item] = mark.column + 1
        return value

    def scalar(self, event: Any) -> Any:
        text, tag = event.value, event.tag
        # The common case, a count: a plain (style None or "") decimal without a leading 0 (octal)
        plain_count = tag is None and not event.style and text.isascii() and text.isdigit()
        if plain_count and len(text) <= MAX_DIGITS and (text[0] != "0" or text == "0"):
            return int(text)
        if event.style == '"':
            found = escaped_problem(self.path, self.first + event.start_mark.line, event.start_mark.column + 1, text)
            if found:
                self.read.problems.append(found)
        if tag in (None, "!"):
            tag = self.loader.resolve(yaml.ScalarNode, text, event.implicit)
        if tag not in _SCALAR_TAGS:
            self.problem(event.start_mark, "yaml.syntax", f"YAML 语法错误：不支持标签“{tag}”，请删去它（值按文字读取）")
            return text
        try:
            return _construct(self.loader, tag, text)
        except (ValueError, KeyError, yaml.YAMLError):
            self.problem(event.start_mark, "yaml.syntax", f"YAML 语法错误：“{text[:40]}”不能按标签“{event.tag}”读取")
            return text


def _reads_as_other(value: Any, literal: str) -> bool:
    """Whether a scalar's value, as text, differs from what was written (`0123` is octal 83)."""
    return str(value) != literal


def _construct(loader: Any, tag: str, text: str) -> Any:
    """A plain or quoted scalar as PyYAML's safe constructor reads it, integers bounded."""
    if tag.endswith(":int") and len(text.lstrip("+-").replace("_", "").lstrip("0")) > MAX_DIGITS:
        return -math.inf if text.startswith("-") else math.inf
    return SafeConstructor.yaml_constructors[tag](loader, yaml.ScalarNode(tag, text))


def compose(path: str, text: str, first_line: int, loader_class: type) -> Read:
    """Reads `text` (which starts at `first_line` of the file). A syntax error stops the reading
    and is kept as PyYAML raised it (`error`), for the caller to explain."""
    loader = loader_class(text)
    composer = _Composer(path, first_line, loader)
    try:
        event = loader.get_event()
        while event is not None and composer.event(event):
            event = loader.get_event()
    except yaml.MarkedYAMLError as exc:
        composer.read.error = exc
    finally:
        loader.dispose()
    return composer.read

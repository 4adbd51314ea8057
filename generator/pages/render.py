"""A page to bytes: a Jinja template and its context, or a download's writer (pages/kinds.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from generator.content.markup import new_converter
from generator.model.pages import Page, View
from generator.pages.contexts import common_context
from generator.pages.kinds import BY_NAME

DEFAULTS_PREFIX = "xxgk"  # {% extends "xxgk/base.html" %}: the default template, even where the site has its own


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled before, by name and source checksum (Jinja checks both): the engine keeps
    the dict in its memo, so a rebuild does not compile them again."""

    def __init__(self, known: dict[str, bytes]) -> None:
        self.known = known

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.known.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.known[bucket.key] = bucket.bytecode_to_string()


def make_environment(templates: Sequence[Path], compiled: dict[str, bytes] | None = None) -> jinja2.Environment:
    """Templates are looked up in `templates` in order (a site's own folder before the defaults,
    file by file, as MkDocs' custom_dir does); the last folder, xxgk's own, is also reachable as
    "xxgk/<name>", so that a site's base.html can extend the default one and replace one block.
    Templates fail loudly on a missing variable and escape everything by default."""
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(t) for t in templates]),
        jinja2.PrefixLoader({DEFAULTS_PREFIX: jinja2.FileSystemLoader(str(templates[-1]))}),
    ])
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=CompiledTemplates(compiled) if compiled is not None else None,
    )


class Renderer:
    """Renders the pages of one view: a Jinja environment and a Markdown converter, made once
    (per worker process) and used for many pages."""

    def __init__(self, view: View, templates: Sequence[Path], compiled: dict[str, bytes] | None = None) -> None:
        self.view = view
        self.env = make_environment(templates, compiled)
        self.converter = new_converter()

    def render(self, page: Page) -> bytes:
        kind, view = BY_NAME[page.kind], self.view
        if kind.writer is not None:
            return kind.writer(page, view)
        context = {**common_context(page, view.site, view.index, view.urls), **kind.context(page, view, self.converter)}
        return self.env.get_template(kind.template).render(context).encode("utf-8")

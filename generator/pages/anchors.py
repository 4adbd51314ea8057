"""The #fragments a link in a body may point at: `xxgk check` reads them here, so that a link the
build would refuse (`link.broken`, after rendering) is reported at its own line before anything is
rendered. (Static files are among the site's known paths: engine/load.py.)

A report page's ids come from its content through the renderer's own functions
(report_page.report_anchors, contexts.content_page_html); the ids its template writes as they are
(`id="main"`, `id="downloads-title"`, …) are those of the templates xxgk ships with: an id that
only a site's own templates/ writes is left to the build's link check.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from markdown import Markdown

from generator.content.markup import new_converter
from generator.model.site import ContentPage, Report, Site
from generator.pages.contexts import content_page_html
from generator.pages.report_page import report_anchors
from generator.publish.links import text_ids

_PACKAGE = Path(__file__).resolve().parent.parent
# as engine.project.default_templates (a stage does not import the engine): installed, or in a checkout
TEMPLATES = _PACKAGE / "templates" if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent / "templates"
_LITERAL_ID = re.compile(r"""\sid="([^"{}]+)\"""")


def template_ids(templates: Path = TEMPLATES) -> frozenset[str]:
    """The ids the templates write as they are (not made from a value)."""
    return frozenset(i for path in templates.glob("*.html") for i in _LITERAL_ID.findall(path.read_text("utf-8")))


class Anchors:
    """The #fragment targets of a site's report and content pages, each page's made when first
    asked for (most bodies link to no fragment at all)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.made: dict[str, frozenset[str] | None] = {}
        self.converter: Markdown | None = None

    @cached_property
    def pages(self) -> dict[str, Report | ContentPage]:
        pages: dict[str, Report | ContentPage] = {f"townships/{r.township}/{r.year}/": r for r in self.site.reports}
        pages.update({f"{p.name}/": p for p in self.site.pages})
        return pages

    @cached_property
    def fixed(self) -> frozenset[str]:
        return template_ids()

    def of(self, url: str) -> frozenset[str] | None:
        """The ids of the page at `url` (relative to the site root); None for a page of another kind,
        whose ids are the templates' alone and not checked here."""
        if url not in self.made:
            self.made[url] = self._make(url)
        return self.made[url]

    def _make(self, url: str) -> frozenset[str] | None:
        page = self.pages.get(url)
        if page is None:
            return None
        self.converter = self.converter or new_converter()
        if isinstance(page, Report):
            return self.fixed | report_anchors(self.site, page, self.converter)
        return self.fixed | text_ids(content_page_html(page, self.converter))

"""Where a site's parts are: its content, its own templates before the ones xxgk ships with,
the static files, and the digests that say when the code or the templates changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.safe_files import walk
from generator.engine.keys import PACKAGE, code_digest, digest, tree_digest
from generator.model.problems import Problem
from generator.model.schema import SCHEMA_DIR

CACHE_DIR = ".xxgk-cache"


def default_templates() -> Path:
    """The templates xxgk ships with: inside the installed package, or beside it in a checkout."""
    installed = PACKAGE / "templates"
    return installed if installed.is_dir() else PACKAGE.parent / "templates"


@dataclass(frozen=True)
class Project:
    root: Path
    templates: tuple[Path, ...]  # looked up in order: the site's own templates/, then the defaults
    code: str  # digest of the generator and the schemas
    look: str  # digest of every template and static file
    schema_dir: Path = SCHEMA_DIR

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR

    def static_files(self) -> list[tuple[Path, str]]:
        return static_files(self.templates)

    def assets(self) -> tuple[tuple[str, str], ...]:
        """Static file name → digest of its bytes (the URLs carry it: a changed file is fetched anew)."""
        return tuple((rel.removeprefix("static/"), tree_digest(path)) for path, rel in self.static_files())


def static_files(templates: tuple[Path, ...]) -> list[tuple[Path, str]]:
    """(source, output path) of each static file: a site's own file hides the default one of
    the same name. Links are left out (template_problems reports them)."""
    found: dict[str, Path] = {}
    for folder in reversed(templates):
        static = folder / "static"
        if static.is_dir():
            found.update({f"static/{e.rel}": static / e.rel for e in walk(static) if e.kind == "file"})
    return [(found[rel], rel) for rel in sorted(found)]


def template_folders(root: Path) -> tuple[Path, ...]:
    """The site's own templates/ (if it has one), then the ones xxgk ships with."""
    own = root / "templates"
    defaults = default_templates()
    return (own, defaults) if own.is_dir() and own.resolve() != defaults.resolve() else (defaults,)


def open_project(root: Path, schema_dir: Path = SCHEMA_DIR) -> Project:
    templates = template_folders(root)
    return Project(root, templates, code_digest(schema_dir), digest(*(tree_digest(t) for t in templates)), schema_dir)


def template_problems(root: Path) -> list[Problem]:
    """Links and special files in the site's own templates/ are never read or published."""
    own = root / "templates"
    if not own.is_dir():
        return []
    return [
        Problem(f"templates/{e.rel}", 0, "file.symlink" if e.kind == "symlink" else "file.special",
                "templates/ 中不能有符号链接或特殊文件：xxgk 不会读取或发布它，请换成文件本身")
        for e in walk(own) if e.kind != "file"
    ]

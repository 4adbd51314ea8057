"""site.yaml → the site's configuration, with its problems: title, base URL, the official-site
fields of the footer (《政府网站发展指引》), the data licence and the content repository."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlparse

from generator.content.fields import FieldReader
from generator.model.problems import WARNING, Problem
from generator.model.site import SiteConfig
from generator.model.source import Source

CONFIG_FIELDS = (
    "title", "base_url", "publisher", "contact", "language", "description",
    "sponsor", "operator", "site_code", "icp", "icp_link", "police_record", "police_link", "license", "repository",
)  # fmt: skip
ICP_LINK = "https://beian.miit.gov.cn/"  # 工业和信息化部 ICP/IP地址/域名信息备案管理系统
POLICE_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"  # 全国互联网安全管理服务平台
# The content repository, where the editors' form sends new reports: https://github.com/<owner>/<repo>,
# optionally /tree/<branch> (default main); owner/repo alone is read as that.
GITHUB_REPOSITORY = re.compile(
    r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?(?:/tree/([A-Za-z0-9._/-]+?))?/?", re.ASCII
)
GITHUB = "https://github.com/{owner}"
OWNER_REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+", re.ASCII)


def assemble_config(source: Source | None) -> tuple[SiteConfig | None, list[Problem]]:
    problems: list[Problem] = []
    return _config(source, problems), problems


def _config(source: Source | None, problems: list[Problem]) -> SiteConfig | None:
    if source is None:
        return None
    reader = FieldReader(source)
    reader.unknown(CONFIG_FIELDS, "站点配置")
    title = reader.text("title", "站点名称", required=True)
    base_url = reader.text("base_url", "站点地址", required=True, default="/")
    if not valid_base_url(base_url):
        reader.problem(
            ("base_url",), "config.base_url", f"base_url 应为 / 、/路径/ 或 https://域名/路径/，实为“{base_url}”"
        )
    config = SiteConfig(
        title,
        base_url,
        base_path_of(base_url),
        reader.text("publisher", "发布者"),
        reader.text("contact", "联系方式"),
        reader.text("language", "语言", default="zh-CN"),
        reader.text("description", "站点简介"),
        source.digest,
        **_official(reader),
    )
    problems += reader.problems
    return config


def _official(reader: FieldReader) -> dict[str, str]:
    """The footer's official-site fields, and the data licence and repository (all optional)."""
    icp = reader.text("icp", "ICP备案号")
    police = reader.text("police_record", "公安机关备案号")
    digits = "".join(re.findall(r"\d", police))
    return {
        "sponsor": reader.text("sponsor", "主办单位"),
        "operator": reader.text("operator", "承办单位"),
        "site_code": reader.text("site_code", "网站标识码"),
        "icp": icp,
        "icp_link": reader.text("icp_link", "ICP备案号链接", default=ICP_LINK if icp else ""),
        "police_record": police,
        "police_link": reader.text(
            "police_link", "公安机关备案号链接", default=POLICE_LINK.format(code=digits) if digits else ""
        ),
        "license": reader.text("license", "开放数据许可"),
        "repository": _repository(reader),
    }


def _repository(reader: FieldReader) -> str:
    repository = reader.text("repository", "内容仓库")
    if OWNER_REPO.fullmatch(repository):
        repository = GITHUB.format(owner=repository)
    if repository and not GITHUB_REPOSITORY.fullmatch(repository):
        reader.problem(
            ("repository",),
            "config.repository",
            f"repository 应为 GitHub 仓库地址，如 https://github.com/组织名/仓库名"
            f"（可加 /tree/分支名），实为“{repository}”",
        )
        return ""
    return repository


def relative_base_url(config: SiteConfig, source: Source) -> list[Problem]:
    """The sitemap and the Atom feeds need absolute URLs: a build for a base_url of "/" (and no
    --base-url) writes ones that search engines and feed readers reject."""
    if urlparse(config.base_url).scheme:
        return []
    message = (
        f"base_url “{config.base_url}” 不是完整网址：sitemap.xml 和订阅（Atom）中的链接将是相对地址，搜索引擎和"
        "阅读器不认。请写成网站的正式地址，如 https://xxgk.example.gov.cn/；用 GitHub Pages 发布时由发布工作流的 "
        "--base-url 传入"
    )
    line = source.line_of("base_url") if "base_url" in source.meta else 0
    return [Problem(source.path, line, "config.base_url_relative", message, WARNING)]


def base_path_of(base_url: str) -> str:
    """The path part of a base URL, always starting and ending in "/"."""
    path = urlparse(base_url).path.strip("/")
    return f"/{path}/" if path else "/"


def valid_base_url(base_url: str) -> bool:
    parsed = urlparse(base_url)
    return parsed.scheme in ("", "http", "https") and bool(not parsed.scheme or parsed.netloc)


def with_base_url(config: SiteConfig, base_url: str) -> SiteConfig:
    """site.yaml's base_url replaced, e.g. by the GitHub Pages URL that the deploy workflow is given."""
    return replace(config, base_url=base_url, base_path=base_path_of(base_url))

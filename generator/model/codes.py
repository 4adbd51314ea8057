"""Every problem code xxgk reports: default severity, a short Chinese title, and an explanation
for editors (township staff) of what it means and how to fix it. The editors' guide is
generated from this catalogue, so a code is documented the moment it exists (tests enforce it)."""

from __future__ import annotations

from dataclasses import dataclass

# Same values as problems.ERROR/WARNING/NOTICE; spelled out here so problems.py can import us.
_E, _W, _N = "error", "warning", "notice"


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str  # the default; a schema rule may set its own (table.sum, table.cross_year, …)
    group: str  # 文件 | 字段 | 乡镇 | 表格 | 跨报告 | 正文
    title: str
    explanation: str


_CATALOGUE: tuple[tuple[str, str, str, str, str], ...] = (
    # 文件
    ("file.encoding", _E, "文件", "文件不是 UTF-8 编码",
     "文件用了 GBK/GB18030 等旧编码保存（记事本、WPS 的默认设置常这样），xxgk 读不懂。用编辑器“另存为”，"
     "编码选“UTF-8”后保存即可；在 GitHub 网页上直接编辑的文件不会有这个问题。"),
    ("file.bom", _W, "文件", "文件开头有 BOM",
     "文件开头多了一个看不见的“字节顺序标记”（BOM），Windows 记事本常会加上。内容仍能读取，但请另存为"
     "“UTF-8 无 BOM”，以免其他工具出错。"),
    ("file.binary", _E, "文件", "不是文本文件",
     "content/ 里的 .md 或 .yaml 文件必须是纯文本。可能是把 Word、PDF 文件改了扩展名。原始文件请保留原来的"
     "扩展名（如 2019.docx）作为附件，报告正文另写在 <年份>.md 中。"),
    ("file.too_large", _E, "文件", "文件过大",
     "一份报告通常只有几十 KB。文件过大多半是误把图片或附件内容粘贴进了文本，请检查并删去。"),
    ("file.symlink", _E, "文件", "符号链接",
     "content/ 中有符号链接（快捷方式）。xxgk 不读取链接：它可能指向仓库以外的文件，发布出去就泄露了。"
     "请把链接换成文件本身；乡镇目录也不能是链接。"),
    ("file.special", _E, "文件", "不是普通文件",
     "content/ 中有管道、设备或套接字这类特殊文件，xxgk 不读取它们。请删除。"),
    ("file.unreadable", _E, "文件", "无法读取文件",
     "文件存在但读不出来，多半是权限不对（只有别的用户能读）。请检查文件权限后重试。"),
    ("file.unknown_type", _E, "文件", "不认识的文件",
     "content/ 只能放：site.yaml、pages/<名称>.md、townships/<乡镇>/township.yaml、townships/<乡镇>/<年份>.md "
     "和与报告同目录的附件（docx、pdf 等）。请把文件改成这些名称之一，或移出 content/。"),
    ("frontmatter.missing", _E, "文件", "缺少元数据",
     "报告文件必须以一行 --- 开头，接着写 year: 等字段，再以一行 --- 结束，然后才是正文。可用 xxgk new 生成模板。"),
    ("frontmatter.unclosed", _E, "文件", "元数据没有结束",
     "元数据开头有 ---，但没有结束的 ---。请在最后一个字段之后、正文之前加一行 ---。"),
    ("frontmatter.not_mapping", _E, "文件", "元数据格式不对",
     "两行 --- 之间应是一行一个“字段: 值”，例如 year: 2019。请对照其他报告的写法改正。"),
    ("yaml.syntax", _E, "文件", "YAML 语法错误",
     "元数据或 .yaml 文件的写法有误，xxgk 会指出出错的行并说明原因。最常见的是：冒号后缺空格、缩进没对齐、"
     "引号或方括号没有成对。"),
    ("yaml.tab", _E, "文件", "YAML 中用了 Tab 缩进",
     "YAML 只能用空格缩进。请把这一行开头的 Tab 换成空格（通常每级两个空格）。"),
    ("yaml.duplicate_key", _E, "文件", "字段重复",
     "同一层级里同一个字段写了两次，只有一处会生效。请删去多余的一处（消息里给出了第一次出现的行）。"),
    ("yaml.not_mapping", _E, "文件", ".yaml 文件格式不对",
     "site.yaml 和 township.yaml 应是一行一个“字段: 值”，例如 name: 景芝镇。"),
    ("yaml.alias", _E, "文件", "YAML 锚点或引用",
     "YAML 中以 & 开头的值是“锚点”，以 * 开头的是对锚点的“引用”。报告和配置用不到它们，而层层引用可以让检查"
     "卡住，所以一律不接受。多半是值本身以 & 或 * 开头（如“*注：…”）：请把整个值用引号括起来。"),
    ("yaml.key", _E, "文件", "字段名写法不对",
     "冒号前面应是一个字段名，如 year 或 proactive_items。以“? ”开头的写法，或把 [..]、{..} 写在冒号前，会让"
     "字段名变成列表或映射；字段名长达几百字多半是冒号位置不对。按消息提示改正。"),
    ("yaml.depth", _E, "文件", "嵌套层数过多",
     "元数据最深只有几层（如 tables → 表 → 行 → [各格]）。嵌套超过 20 层多半是多打了方括号、花括号或缩进，"
     "更深的内容 xxgk 不再读取。请对照 xxgk new 生成的模板改正。"),
    ("text.control", _E, "文件", "看不见的控制字符",
     "文件里有看不见的控制字符（如 U+0001）、行分隔符（U+2028、U+2029、U+0085）、单独的回车符或文中的 BOM，"
     "多由从网页、Word 或 PDF 复制粘贴带入。它们会使订阅源（feed.xml）等发布文件无效，还会让行号错位。"
     "按消息给出的行和列找到并删去；编辑器里看不见时，可删去这一行后重新输入。"),
    ("text.bidi", _E, "文件", "文字方向控制字符",
     "文件里有 RLO（U+202E）等文字方向控制字符。它们看不见，却能让文字显示成与实际不同的顺序，例如让一个"
     "可执行文件的名字看起来像 PDF，可用来伪装标题、附件名或链接。年度报告用不到这类字符：请按消息给出的行和列删去。"),
    ("config.missing", _E, "文件", "缺少站点配置",
     "站点需要 content/site.yaml，至少写 title:（站点名称）和 base_url:（站点地址，如 /）。"),
    ("config.base_url", _E, "字段", "站点地址写法不对",
     "site.yaml 中的 base_url 应为 /、/路径/ 或 https://域名/路径/ 的形式。"),
    ("config.base_url_relative", _W, "字段", "站点地址不是完整网址",
     "sitemap.xml 和订阅（Atom）里的链接必须是完整网址（https://…）。site.yaml 的 base_url 写的是 / 这样的相对地址时，"
     "生成的站点仍可浏览，但搜索引擎和订阅阅读器不认这些链接。请把 base_url 写成网站的正式地址，如 "
     "https://xxgk.example.gov.cn/；用 GitHub Pages 发布时，发布工作流会用 --base-url 传入 Pages 地址，"
     "本地预览时可不理会。"),
    ("config.repository", _E, "字段", "内容仓库地址写法不对",
     "site.yaml 中的 repository 是在线填报页面提交报告的去处，应为 GitHub 仓库的地址，如 "
     "https://github.com/组织名/仓库名；默认分支不是 main 时写成 https://github.com/组织名/仓库名/tree/分支名。"),
    # 字段
    ("field.required", _E, "字段", "缺少必填字段",
     "报告必须写 year:（报告年度）；township.yaml 必须写 name、county、city、province；site.yaml 必须写 title。"
     "按消息提示加上这一行即可。"),
    ("field.type", _E, "字段", "字段的值类型不对",
     "字段的值应是数字的地方写成了文字，或应是一段文字的地方写成了列表等。按消息提示改正。"),
    ("field.unknown", _E, "字段", "不认识的字段",
     "这个字段名 xxgk 不认识，多半是拼写错误。消息中会给出最接近的正确写法（“是否想写…”）。"),
    ("date.format", _E, "字段", "日期写法不对",
     "日期一律写成 年-月-日，如 published: 2020-01-20。不要写“2020年1月20日”或“2020.1.20”。"),
    ("date.invalid", _E, "字段", "日期不存在",
     "日期写法对，但日历上没有这一天（如 2019-02-30）。请对照原件改正。"),
    ("date.future", _E, "字段", "日期在未来",
     "发布日期晚于今天一个多月，多半是年份写错了。请对照原件改正。"),
    ("date.before_year_end", _E, "字段", "发布日期早于年度结束",
     "年度报告总结整年工作，应在次年发布（通常次年 1 月至 3 月）。发布日期早于报告年度的 12 月 31 日，"
     "多半是 year 或 published 的年份写错了。"),
    ("date.year_end", _W, "字段", "发布日期是年度最后一天",
     "发布日期是报告年度的 12 月 31 日，这时全年统计还没结束，可能写的是落款日期或写错了。请对照原件核对；"
     "确实如此可以保留。"),
    ("year.range", _E, "字段", "报告年度超出范围",
     "报告年度应在 2008 年（《条例》施行）到今年之间。请核对 year: 的值。"),
    ("report.year_mismatch", _E, "字段", "年度与文件名不一致",
     "文件名是报告年度（如 2019.md），year: 也必须是同一年。改正其中错的一处。"),
    ("format.unknown", _E, "字段", "不认识的报告格式",
     "format: 只能是 pre2019（2018 年及以前，无统一表格）、f2019（2019、2020 年）或 f2021（2021 年起）。"
     "不写时按年度自动选择。"),
    ("format.year_mismatch", _W, "字段", "报告格式与年度不符",
     "这一年通常用另一种格式。有的乡镇确实沿用了旧表格，这时可以保留；否则请删去 format: 让 xxgk 按年度选择。"),
    ("attachment.missing", _E, "字段", "附件不存在",
     "source: 写的附件文件找不到。请把原始文件（如 2019.docx）上传到报告所在的目录，或删去 source: 这一行。"),
    ("attachment.outside", _E, "字段", "附件不在报告目录",
     "source: 只能写与报告同一目录的文件名（如 2019.pdf），不能含“/”或“..”等路径。"),
    ("figure.unknown", _E, "字段", "不认识的关键数字",
     "figures: 下只能用这些名称：proactive_items（主动公开条数）、applications_new（本年新收申请）、"
     "applications_carried_over（上年结转）、applications_carried_forward（结转下年度）、reviews_total（行政复议）、"
     "lawsuits_total（行政诉讼）、fees（收费，元）。"),
    ("figure.type", _E, "字段", "关键数字不是数字",
     "figures: 下的值应是不小于 0 的数字，如 proactive_items: 228。不要带“条”“件”等单位。"),
    ("figure.range", _E, "字段", "关键数字超出范围",
     "关键数字大得不可能（超过 1 亿，收费超过 1 万亿元），或写成了 .inf（无穷大）。多半是多打了几位数字，或把"
     "别的编号粘贴了进来。请对照原件改正。"),
    ("figure.duplicate", _E, "字段", "关键数字录入了两次",
     "这个数字已经能从统计表得出，不要在 figures: 下再写一遍，以免两处不一致。请删去 figures: 中的这一行。"),
    ("page.name", _E, "字段", "页面文件名不对",
     "content/pages/ 下的文件名只能用小写字母、数字和连字符（如 about.md），且不能与 townships、years 等栏目同名。"),
    # 乡镇
    ("township.slug", _E, "乡镇", "乡镇目录名不对",
     "乡镇目录名只能用小写字母、数字和连字符，写成“县-乡镇”的拼音，如 anqiu-jingzhi。"),
    ("township.missing_yaml", _E, "乡镇", "乡镇目录缺少 township.yaml",
     "每个乡镇目录都要有 township.yaml，写明 name（乡镇名）、county（县市区）、city（市州）、province（省区市）。"),
    ("township.duplicate", _E, "乡镇", "乡镇重复登记",
     "两个目录登记了同一个乡镇（同县同名，或同一个行政区划代码）。一个乡镇只能有一个目录，请合并。"),
    ("township.code", _E, "乡镇", "行政区划代码写法不对",
     "code: 是统计用行政区划代码，应为 9 位或 12 位数字。不清楚可以不写。"),
    # 表格
    ("table.not_in_format", _E, "表格", "这种格式没有统计表",
     "2018 年及以前的报告没有统一表格。请删去 tables:，把正文中的关键数字写在 figures: 下。"),
    ("table.format", _W, "表格", "表格格式与报告不同",
     "这张表写了 format:，按另一种格式填写（有的报告确实混用了两种表格，如 2021 年的报告仍用 2019 年版表一）。"
     "请对照原件核对；原件确实如此就保留，否则删去表下的 format: 一行。"),
    ("table.unknown", _E, "表格", "不认识的表",
     "tables: 下只能有 proactive（表一）、applications（表二）、review（表三）。请检查拼写。"),
    ("table.unknown_row", _E, "表格", "不认识的行",
     "表中有一行的名称 xxgk 不认识，多半是拼写错误。请对照 xxgk new 生成的模板（每行后的注释是官方行名）改正。"),
    ("table.missing_row", _E, "表格", "表中缺少一行",
     "统计表必须完整：官方表格的每一行都要写，没有数据的格填 0。请按消息补上缺少的行。"),
    ("table.cells", _E, "表格", "一行的格数不对",
     "每一行的格数必须与官方表格的列数相同（消息中列出了各列名称），按原表从左到右填写，合计列也要填。"),
    ("table.cell_type", _E, "表格", "格中不是数字",
     "表格的每一格只能填数字；件数只能是整数。没有数据请填 0，不要填“无”“-”或留文字。"),
    ("table.range", _E, "表格", "格中数字超出范围",
     "件数超过 1 亿、金额超过 1 万亿，或写成了 .inf（无穷大），不可能是真实的数字。多半是多打了几位数字，"
     "或把别的编号粘贴进了表格。请对照原表改正。"),
    ("table.negative", _E, "表格", "格中是负数",
     "件数不能是负数（只有“本年增/减”一列可以为负）。请对照原表改正。"),
    ("table.blank", _N, "表格", "格为空白",
     "这一格写的是 null（原表空白），计算勾稽关系时按 0 处理。原表确实空白可以保留；有数字请填上。"),
    ("table.sum", _E, "表格", "勾稽关系不符",
     "官方表格规定了各格之间的关系（如“总计”等于各分项之和，“新收 + 上年结转 = 办理结果总计 + 结转下年度”）。"
     "消息给出了规则和各格的数字：请对照原表找出录错的格。如果原表本身就算错了，请向发布机关核实后更正。"),
    ("table.cross_year", _W, "表格", "与上年报告不衔接",
     "本年的“上年结转”等数字应等于上年报告中的“结转下年度继续办理”等数字。请核对两份报告中的这一格。"),
    ("table.plausibility", _W, "表格", "数字不合常理",
     "这个数字对乡镇来说不大可能（例如乡镇、街道不制定规章，规章一行应为 0）。请对照原表核对。"),
    # 跨报告与正文
    ("report.copy_paste", _W, "跨报告", "与上年报告的数字完全相同",
     "本年报告的统计表（或关键数字）与上年的一模一样，常见原因是复制上年报告后忘了更新。请逐项核对。"),
    ("report.year_gap", _N, "跨报告", "缺少某年度的报告",
     "这个乡镇前后年度都有报告，中间却缺了一年或几年。年度页面会注明缺报；如有该年报告，请补录。"),
    ("prose.figure_mismatch", _W, "正文", "正文数字与表格不一致",
     "正文里写的数字（如“收到公民申请公开政府信息0件”）与统计表或 figures: 中的同一数字不一致。"
     "消息指出了两处的位置：请对照原件改正错的一处。原件本身就不一致时，保留原文并向发布机关核实。"),
    ("body.garbled_date", _W, "正文", "日期残缺或错误",
     "正文中的日期有缺字或不存在，如“二O一年”（少了一位）、“20171月1日”（缺“年”字）、“2019年2月30日”。"
     "请对照原件补全。"),
    ("body.leftover", _W, "正文", "网页或 Word 残留",
     "从网页或 Word 复制时带进了不属于报告的文字，如“点击数:”“登录|注册”“[bookmark: _GoBack]”。请删去。"),
    ("body.empty_section", _W, "正文", "空章节",
     "这个标题下面什么也没写。请补写内容（确实没有可写“无”），或删去这个标题。"),
    ("body.html_removed", _W, "正文", "HTML 会被删除",
     "为了安全，正文中的 HTML 标签和属性只保留少数几种，其余在发布时删除。消息说明了会删掉什么。"
     "请改用 Markdown 写法：## 标题、**加粗**、[文字](链接)。"),
    ("body.long_line", _E, "正文", "一行过长",
     "正文的一行超过 1 万个字符。真实报告的一段只有几百字；这样长的一行多半是粘贴了图片数据、乱码或整篇文字"
     "没有分段。请删去多余的内容，或在段落之间空一行分开。"),
    ("body.too_complex", _E, "正文", "正文结构过于复杂",
     "正文中的 Markdown 符号（[ ] * _ `）、HTML 标签、标题或列表和引用的嵌套层数多得不像报告，生成页面会极慢"
     "或失败，所以不予发布。多半是粘贴了乱码、程序文本或网页源代码：请按消息给出的行删去或改正。"),
    ("body.broken_link", _E, "正文", "链接指向不存在的页面",
     "正文中的站内链接指向的页面或文件不存在，或“#”后的位置（标题、表格）在该页上没有。请检查地址"
     "（如 /townships/anqiu-jingzhi/2019/#一总体情况：标题去掉标点即是位置名），或删去链接。"),
    ("link.broken", _E, "正文", "生成的页面有断链",
     "生成站点后发现某页的站内链接或 # 锚点指向不存在的页面或位置，本次不发布。多因正文链接写错，"
     "或删除了仍被链接的报告；请按提示的文件改正链接。"),
)

CODES: dict[str, ProblemCode] = {row[0]: ProblemCode(*row) for row in _CATALOGUE}
GROUPS: tuple[str, ...] = ("文件", "字段", "乡镇", "表格", "跨报告", "正文")


def title_of(code: str) -> str:
    """The short Chinese title of a code (the code itself if it is not catalogued)."""
    entry = CODES.get(code)
    return entry.title if entry else code

"""Synthetic Chinese prose and place names for the benchmark corpus, from word lists written for it.

Everything is drawn from a `random.Random` the caller seeds, so the same seed gives the same text."""

from __future__ import annotations

import random

SYLLABLES = [
    "an",
    "bai",
    "bei",
    "chang",
    "cheng",
    "dong",
    "feng",
    "fu",
    "gao",
    "guang",
    "he",
    "hong",
    "hua",
    "huang",
    "jia",
    "jin",
    "jing",
    "kang",
    "lan",
    "le",
    "li",
    "lian",
    "lin",
    "long",
    "lu",
    "ma",
    "ming",
    "nan",
    "ning",
    "ping",
    "qing",
    "quan",
    "rong",
    "shan",
    "shi",
    "shui",
    "song",
    "tai",
    "tian",
    "tong",
    "wan",
    "wei",
    "wen",
    "xi",
    "xia",
    "xin",
    "xing",
    "yang",
    "yi",
    "yong",
    "yu",
    "yuan",
    "yun",
    "ze",
    "zhang",
    "zhen",
    "zhong",
    "zhou",
]
HANZI = (
    "安白北长城东丰富高广和红华黄嘉金井康兰乐李莲林龙芦马明南宁平青泉荣山石水"
    "松泰田桐万卫文西霞新兴阳义永玉元云泽章珍中舟"
)
PROVINCES = ("江北省", "河西省", "山南省", "湖东省", "海滨省", "云岭省")
TOWNSHIP_SUFFIX = ("镇", "乡", "镇", "镇", "街道")

SUBJECTS = (
    "镇党委、镇政府",
    "我镇",
    "本机关",
    "镇政务公开领导小组",
    "镇党政办公室",
    "各村（社区）",
    "镇便民服务中心",
    "镇政务公开工作人员",
)
VERBS = (
    "坚持以人民为中心的发展思想，认真贯彻落实",
    "严格按照上级部署，扎实推进",
    "进一步健全完善",
    "持续深化",
    "围绕中心工作，统筹做好",
    "对照年度工作要点，全面落实",
    "主动适应新形势新要求，不断规范",
    "结合乡村振兴工作实际，稳步推进",
)
OBJECTS = (
    "《中华人民共和国政府信息公开条例》",
    "政府信息主动公开工作",
    "依申请公开办理流程",
    "政务公开标准化规范化建设",
    "基层政务公开目录的编制和动态更新",
    "政府网站和政务新媒体的日常管理",
    "重点领域信息公开",
    "财政预决算和“三公”经费公开",
    "惠民惠农财政补贴资金公开",
    "村务公开和党务公开的衔接",
    "政策解读和回应关切",
    "公开内容的保密审查",
)
RESULTS = (
    "群众的知情权、参与权和监督权得到有效保障",
    "政府工作透明度进一步提高",
    "公开的及时性和准确性明显提升",
    "办事群众的满意度稳步上升",
    "基层治理能力得到增强",
    "公开工作的制度化水平不断提高",
    "各类信息做到应公开尽公开",
)
DETAILS = (
    "通过镇政府门户网站、政务公开栏、微信公众号等渠道发布各类信息",
    "在便民服务大厅设置政府信息查阅点，配备专人负责解答群众咨询",
    "组织开展政务公开业务培训两次，参训人员覆盖各站所和村（社区）",
    "将政务公开工作纳入年度目标考核，实行月调度、季通报",
    "对涉及群众切身利益的事项，坚持事前公示、事中公开、事后反馈",
    "定期对已公开信息进行梳理，及时更新过时信息、纠正错误信息",
    "围绕低保、特困供养、临时救助等民生事项公开办理结果",
    "建立健全信息发布协调机制，做到发布前审核、发布后跟踪",
    "及时公开防汛抗旱、疫情防控、安全生产等突发事件应对信息",
    "推进涉农补贴资金“一卡通”公开，接受群众监督",
)
PROBLEMS = (
    "公开内容的深度和广度还不够，部分信息更新不够及时",
    "工作人员业务能力有待提升，对新条例的理解还不够深入",
    "政策解读形式较为单一，图解、视频等形式运用不多",
    "村级公开栏管理不够规范，个别村存在内容陈旧的情况",
    "依申请公开的答复文书格式有待进一步统一",
)
IMPROVEMENTS = (
    "加强业务培训，提高工作人员的政策水平和业务能力",
    "丰富解读形式，提高政策解读的针对性和可读性",
    "完善考核机制，把政务公开工作纳入日常督查",
    "规范村级公开栏的设置和管理，做到及时更新",
    "拓宽公开渠道，更好地方便群众获取政府信息",
)
OTHERS = (
    "本年度未收取信息处理费。",
    "本机关无其他需要报告的事项。",
    "本年度认真办理人大代表建议和政协委员提案，办理结果均已按要求公开。",
    "本年度按照上级年度政务公开工作要点，逐项落实了各项任务。",
)
F_HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
OLD_HEADINGS = (
    "一、主动公开政府信息的情况",
    "二、依申请公开政府信息和不予公开政府信息的情况",
    "三、政府信息公开的收费及减免情况",
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
SUBHEADS = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障")


def pinyin(rng: random.Random, syllables: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def hanzi(rng: random.Random, count: int = 2) -> str:
    return "".join(rng.choice(HANZI) for _ in range(count))


def sentence(rng: random.Random) -> str:
    head = f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"
    return f"{head}，{rng.choice(DETAILS)}，{rng.choice(RESULTS)}。"


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def numbered(rng: random.Random, items: tuple[str, ...], count: int) -> str:
    picked = rng.sample(items, count)
    return "".join(f"{n}.{text}。" for n, text in enumerate(picked, 1))


def body(rng: random.Random, year: int, name: str, proactive: int, tables: bool) -> str:
    """A report body of roughly 1,300-2,600 characters (4-8 KB of UTF-8)."""
    headings = F_HEADINGS if tables else OLD_HEADINGS
    size = rng.randint(1, 3) if tables else rng.randint(3, 5)
    parts = [
        f"本报告根据《中华人民共和国政府信息公开条例》要求，由{name}人民政府编制。"
        f"全文包括总体情况、主动公开政府信息情况、存在的主要问题及改进情况等内容。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        f"## {headings[0]}",
    ]
    for subhead in SUBHEADS[: 1 + size]:
        parts += [f"### {subhead}", paragraph(rng, 1 + size // 2)]
    parts += [f"## {headings[1]}", f"{year}年，{name}共主动公开政府信息{proactive}条。{paragraph(rng, 1 + size // 2)}"]
    parts += [f"## {headings[2]}", paragraph(rng, 1 + size // 3)]
    parts += [f"## {headings[3]}", paragraph(rng, 1)]
    parts += [
        f"## {headings[4]}",
        f"存在的问题：{numbered(rng, PROBLEMS, 2 + size // 2)}",
        f"改进措施：{numbered(rng, IMPROVEMENTS, 2 + size // 2)}",
        paragraph(rng, 1),
    ]
    parts += [f"## {headings[5]}", rng.choice(OTHERS)]
    return "\n\n".join(parts) + "\n"

"""When a number in a sentence is not the figure itself but a part of it or another count: a round
number, a count over all years, a change from last year, one way of applying, one channel or one
kind of information (prose_figures.py takes it only with the reason, and leaves the figure out)."""

from __future__ import annotations

import re

from generator.checks.prose_patterns import (
    APPLICATION_WAYS,
    APPROX,
    CHANGE,
    CHANNEL,
    CHANNELS,
    CUMULATIVE,
    KINDS,
    MANY_CHANNELS,
    NEW_MEDIA,
    NEW_THEN_TOTAL,
    PUBLISHED_WORDS,
    THIS_YEAR,
    TO_DATE,
    WITH_CARRIED,
    Pattern,
)

_APPROX_AFTER = re.compile(rf"(?<!\s)\s*{APPROX}")  # matched where a number ends: linear anywhere
ROUND = "是约数"


def clause(sentence: str, match: re.Match, within: str = "[，,]") -> str:
    """The clause that holds the number: from the comma before the match to its end."""
    return re.split(within, sentence[: match.start()])[-1] + match.group(0)


def part_of(pattern: Pattern, sentence: str, match: re.Match) -> str:
    """Why the number is not the figure itself, or "": a round number ("260余条"), a count over all
    years ("历年累计318条"), one way applications came ("当面申请1件"), and for the proactive count one
    channel ("通过网站主动公开…"), posts on new media that do not say 主动公开, or one kind of
    information ("…政策文件41条")."""
    if not pattern.row and _APPROX_AFTER.match(sentence, match.end(1)):
        return ROUND
    if pattern.row:
        return ""
    to_date = TO_DATE.search(sentence[: match.start()]) and not THIS_YEAR.search(clause(sentence, match))
    if to_date or CUMULATIVE.search(sentence[: match.end()]) or (
        "累计" in clause(sentence, match) and NEW_THEN_TOTAL.search(sentence[: match.end()])
    ):
        return "是历年累计的数字"
    if CHANGE.search(sentence[: match.start(1)]):
        return "是与上年相比的增减数"
    if pattern.figure == "applications_new" and not pattern.zero:
        return _application_part(sentence, match)
    if pattern.figure == "proactive_items":
        return _proactive_part(pattern, sentence, match)
    return ""


def _application_part(sentence: str, match: re.Match) -> str:
    if WITH_CARRIED.search(sentence[match.end() :]):
        return "含上年结转的申请，不只是本年新收"
    counted = re.split(r"共计|合计|总计|共", sentence[match.start() : match.start(1)])[-1]
    before = re.split(r"[，,；;]", sentence[: match.start()])[-1]
    if APPLICATION_WAYS.search(counted) or (
        counted == sentence[match.start() : match.start(1)] and APPLICATION_WAYS.search(before)
    ):
        return "只是一种申请方式的数字"
    return ""


def _proactive_part(pattern: Pattern, sentence: str, match: re.Match) -> str:
    # what qualifies the number: its clause, or for a stated total ("…、共计569条") only the words
    # after 共计 (the items listed before it are what it adds up) and before it in its own clause
    # ("通过政务新媒体共发布…": a total of that channel)
    if pattern.priority == 1:
        lead = sentence[match.start() : match.start(1)]
        words = re.sub(r"^(?:共计|合计|总计|累计|总共|一共|共)|[：:\s]", "", lead)
        if re.search(r"[\u4e00-\u9fff]", words) and not PUBLISHED_WORDS.search(words):
            return "不是主动公开的数字"  # "共发文96件": documents issued
        before = re.split(r"[，,；;]", sentence[: match.start()])[-1]
        if not re.search(r"\d", before):  # no items listed before 共 in its clause: what it totals
            lead = before + lead
    elif pattern.priority == 3 and "主动" not in sentence[: match.end()]:
        lead = sentence[: match.end()]  # a loose mention: its channel may be named earlier in the sentence
    else:
        lead = clause(sentence, match)
    channels = {CHANNELS[c] for c in CHANNEL.findall(lead)}
    if "主动" not in lead and NEW_MEDIA.search(lead):
        return "是政务新媒体的发布数，不是主动公开的数字"
    if len(channels) == 1 and not MANY_CHANNELS.search(lead):
        return f"只是“{channels.pop()}”一个渠道的数字"
    said = re.sub(
        r"主动|公开|发布|推送|更新|公布|政府|政务|信息|各类|共计|合计|累计|总计|共|了|数量?|为|[：:\s]",
        "",
        lead if pattern.priority == 3 else match.group(0),  # a loose mention: what its clause names
    )
    if KINDS.search(said):
        return "只是一类信息的数字"
    return ""

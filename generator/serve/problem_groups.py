"""The dev server's problem list, kept per report file between rebuilds.

At 20,000 reports a site may carry 80,000 warnings; sorting and de-duplicating all of them after
every edit would cost more than the rest of the rebuild. Each report file's problems (from parsing,
assembling and checking it) are sorted once, when one of those changes, and the list is put
together from the groups in file order, with the few problems of other files slotted in.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Mapping
from itertools import chain

from generator.model.problems import Problem, problem_order, sort_problems

# path → (parse problems, assembly problems, check problems, the three sorted and de-duplicated)
Groups = dict[str, tuple[tuple[Problem, ...], tuple[Problem, ...], tuple[Problem, ...], tuple[Problem, ...]]]


def report_groups(
    parsed: Mapping[str, tuple[Problem, ...]],
    assembled: Mapping[str, tuple[Problem, ...]],
    checked: Mapping[str, tuple[Problem, ...]],
    previous: Groups,
) -> Groups:
    """One group per report file; a group whose three parts are the very tuples of last time is
    taken over as it is."""
    groups: Groups = {}
    for path, found in assembled.items():
        parse, check = parsed.get(path, ()), checked.get(path, ())
        hit = previous.get(path)
        if hit is not None and hit[0] is parse and hit[1] is found and hit[2] is check:
            groups[path] = hit
        else:
            groups[path] = (parse, found, check, tuple(sort_problems((*parse, *found, *check))))
    return groups


def merged(groups: Groups, others: Iterable[Problem]) -> list[Problem]:
    """What sort_problems gives for all of them; `others` must not share a path with a group."""
    ordered = list(chain.from_iterable(groups[path][3] for path in sorted(groups)))
    for problem in sort_problems(others):
        insort(ordered, problem, key=problem_order)
    return ordered

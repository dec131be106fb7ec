"""model/names.py ``listed`` and ``list_items``: a list of names, joined, splits back into the same names, whatever
they hold, which the Chinese translation of an English message relies on to join them again with 、."""

from __future__ import annotations

import pytest

from aigc_roi.model.names import list_items, listed, listed_name


@pytest.mark.parametrize(("names", "written"), [
    (["A", "B"], "A, B"),
    (["Douyin, KOL", "B"], "'Douyin, KOL', B"),
    (["抖音、快手", "B"], "'抖音、快手', B"),
    (["O'Brien", "B"], "O'Brien, B"),  # a quote inside a name is no quoting
    (["'quoted'", "B"], "\"'quoted'\", B"),  # one that starts a name would read as one
    (["'a", "b'"], "\"'a\", b'"),
    (["it's, theirs", "x"], "\"it's, theirs\", x"),
])
def test_names_joined_split_back_whole(names: list[str], written: str) -> None:
    assert listed(names) == written
    assert list_items(written) == [listed_name(name) for name in names]
    assert list_items(listed(names, "、"), "、") == [listed_name(name) for name in names]


def test_words_and_month_runs_split_at_each_separator() -> None:
    assert list_items("1-3, 7") == ["1-3", "7"]
    assert list_items("cpa, cpm, kol") == ["cpa", "cpm", "kol"]
    assert list_items("") == [""]

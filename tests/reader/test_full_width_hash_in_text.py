"""A full-width ＃ in a plain text (a name): `name: 抖音CPA ＃ 主力渠道` meant a comment, which an IME's ＃ never starts,
so the channel was named `抖音CPA ＃ 主力渠道` without a word (a Chinese founder's file). A name is any text, so the file
stays valid; the text is warned of, at the ＃. A quoted text holds what it says."""

from __future__ import annotations

import pytest

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """name: 方案
retention: {{monthly_churn: 0.3}}
acquisition:
  - name: {name}
    type: cpa
    bid: 12
    budget: 30_000
"""


def test_a_full_width_hash_after_a_space_in_a_name_is_warned_of() -> None:
    loaded = load_text(PLAN.format(name="抖音CPA ＃ 主力渠道"), "p.yaml")
    assert loaded.scenario.acquisition[0].name == "抖音CPA ＃ 主力渠道"
    (warning,) = loaded.warnings
    # `  - name: ` is 10 characters, `抖音CPA ` 6 more: the ＃ is the 17th.
    assert (warning.line, warning.column, warning.path) == (4, 17, "acquisition[0].name")
    assert warning.message == ("full-width '＃' (IME input) starts no comment: the text reads '抖音CPA ＃ 主力渠道'; "
                               "write 抖音CPA # ... for a comment")
    assert translate(warning.message) == ("全角字符 '＃'（输入法输入）不能开始注释：该文本读作 '抖音CPA ＃ 主力渠道'；"
                                          "若要写注释，请写 抖音CPA # ...")


@pytest.mark.parametrize("name", ["'抖音CPA ＃ 主力渠道'", "抖音CPA＃1"])
def test_a_quoted_text_or_a_hash_inside_a_word_is_what_it_says(name: str) -> None:
    assert load_text(PLAN.format(name=name), "p.yaml").warnings == ()

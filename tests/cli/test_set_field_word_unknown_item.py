"""A Chinese field word on an item the file does not have (``--set '激火.出价=1'`` where the file's channel is 激活) is
told what the key's path is told, no item named so and the path to write, where it got the generic 'expected
PATH=VALUE such as acquisition[0].bid=25'; in ``check`` each file its own answer. The path offered is followed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

FILE = ("version: 1\nname: words\nhorizon_months: 12\n"
        "acquisition:\n  - {{name: {name}, type: cpa, bid: 20, budget: 10000}}\n"
        "retention:\n  points: {{1: 0.35, 12: 0.10}}\n"
        "monetization:\n  plans:\n    - {{name: M, price: 30, period: month, conversion: 4%, renewal: 0.6}}\n")
NONE = "no channel, plan, purchase, order or fixed cost is named '激火'"
NONE_ZH = "没有名为 '激火' 的渠道、会员方案、单次购买、订单或固定成本"


def _file(tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(FILE.format(name=name), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("lang", "told"), [
    ("en", f"'激火.出价' writes a field in Chinese, and a path takes its key, but '激火.bid' is refused too: {NONE}; "
           "write a field path such as acquisition[激活].bid"),
    ("zh", f"'激火.出价' 用中文写了字段名，而路径只认英文字段名，但 '激火.bid' 同样不能设置：{NONE_ZH}；"
           "请写字段路径，如 acquisition[激活].bid"),
])
def test_a_field_word_on_an_item_not_in_the_file(tmp_path: Path, lang: str, told: str) -> None:
    path = _file(tmp_path, "激活")
    result = invoke(["run", path, "--set", "激火.出价=1", "--lang", lang])
    assert result.exit_code == 2 and result.stderr == f"--set 激火.出价=1:1:1: {told}\n"
    # The key's own path is told the same.
    english = invoke(["run", path, "--set", "激火.bid=1", "--lang", lang]).stderr
    assert told.rpartition("：" if lang == "zh" else ": ")[2] in english
    # Followed: a bid of 1 buys 10000 users a month.
    followed = invoke(["run", path, "-f", "json", "--set", "acquisition[激活].bid=1"])
    assert followed.exit_code == 0, followed.stderr
    assert json.loads(followed.stdout)["months"][0]["new_users"] == pytest.approx(10000)


def test_check_tells_each_file_its_own(tmp_path: Path) -> None:
    """Of three files, one names its channel 激火 (the path meant), the others 激活 and 其他 (each offered its own)."""
    files = [_file(tmp_path, name) for name in ("激活", "激火", "其他")]
    result = invoke(["check", *files, "--set", "激火.出价=25"])
    assert result.exit_code == 2
    head = "--set 激火.出价=25:1:1: '激火.出价' writes a field in Chinese, and a path takes its key"
    lines = result.stdout.splitlines()
    assert f"{files[0]}: {head}, but '激火.bid' is refused too: {NONE}; write a field path such as acquisition[激活].bid" \
        in lines
    assert f"{files[1]}: {head}: did you mean '激火.bid'?" in lines
    assert f"{files[2]}: {head}, but '激火.bid' is refused too: {NONE}; write a field path such as acquisition[其他].bid" \
        in lines

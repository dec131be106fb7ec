"""What a Chinese IME types into a plan, beyond rounds 1-3 (tests/reader/test_ime_slips_round3.py): a dash's look-alike
in a span of months (3－12), full-width brackets and braces (［…］, ｛…｝), a full-width '＃' that starts no comment, and
a number written with a Chinese unit the grammar does not read (6月 for a month, 3千 for an amount). Each is one line
pointing at the character itself, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"
DASHES = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d"]


def _slip(tmp_path: Path, old: str, new: str) -> tuple[Path, int, str]:
    """The starter with ``old`` replaced by ``new`` once: its path, and the line number and text of the change's
    first line."""
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new, 1)
    path = tmp_path / "slip.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1, lines[at].splitlines()[0]


def _errors(path: Path, lang: str) -> list[str]:
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()


@pytest.mark.parametrize("dash", DASHES, ids=[f"U+{ord(dash):04X}" for dash in DASHES])
def test_a_span_of_months_written_with_a_dashs_look_alike(tmp_path: Path, dash: str) -> None:
    path, line, text = _slip(tmp_path, "months: 1-6", f"months: 1{dash}6")
    column = text.index(dash) + 1
    assert _errors(path, "en") == [
        f"{path}:{line}:{column}: acquisition[0].months: expected all, a month, a span 'a-b' or a list of months "
        f"within 1..24, found '1{dash}6'; a span of months is written first-last: 1-6"]


def test_a_span_of_months_written_with_a_full_width_hyphen_in_chinese(tmp_path: Path) -> None:
    path, line, text = _slip(tmp_path, "months: 1-6", 'months: "3－12"')
    assert _errors(path, "zh") == [
        f"{path}:{line}:{text.index('－') + 1}: acquisition[0].months: 应为 all、单个月份、区间 'a-b' 或 1..24 之内的"
        "月份列表，实际为 '3－12'；月份区间写作 起-止：3-12"]


def test_a_range_of_numbers_written_with_a_full_width_hyphen(tmp_path: Path) -> None:
    """A number's range (low..high) is told as a span of months is: the look-alike is a dash."""
    path, line, text = _slip(tmp_path, "bid: 12", "bid: 10－15")
    assert _errors(path, "en") == [
        f"{path}:{line}:{text.index('－') + 1}: acquisition[0].bid: expected a number >= 0, found '10－15'; "
        "a range is written low..high: 10..15"]


HASH_AFTER = ("virality: expected a number >= 0 and < 1, found '0.06   ＃ 裂变系数'; full-width '＃' (IME input) "
              "starts no comment: write 0.06 # 裂变系数",
              "virality: 应为 ≥ 0 且 < 1 的数字，实际为 '0.06   ＃ 裂变系数'；全角字符 '＃'（输入法输入）不能开始注释："
              "请写 0.06 # 裂变系数")
HASH_LINE = ("invalid YAML: full-width '＃' (IME input) starts no comment in YAML; write an ASCII '#'",
             "YAML 语法错误：全角字符 '＃'（输入法输入）在 YAML 中不能开始注释；请改成英文 '#'")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_width_hash_after_a_value(tmp_path: Path, lang: str) -> None:
    path, line, text = _slip(tmp_path, "virality: 0 ", "virality: 0.06   ＃ 裂变系数 ")
    assert _errors(path, lang) == [f"{path}:{line}:{text.index('＃') + 1}: {HASH_AFTER[lang == 'zh']}"]


def test_a_full_width_hash_ending_a_value(tmp_path: Path) -> None:
    """Nothing after it: the fix is the value and the ASCII '#', no space left dangling."""
    path, line, text = _slip(tmp_path, "virality: 0 ", "virality: 0.06＃ ")
    assert _errors(path, "en") == [
        f"{path}:{line}:{text.index('＃') + 1}: virality: expected a number >= 0 and < 1, found '0.06＃'; "
        "full-width '＃' (IME input) starts no comment: write 0.06 #"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_width_hash_opening_a_line(tmp_path: Path, lang: str) -> None:
    path, line, _ = _slip(tmp_path, "organic_users: 0", "＃ 自然流量\norganic_users: 0")
    assert _errors(path, lang) == [f"{path}:{line}:1: {HASH_LINE[lang == 'zh']}"]


BRACES = ("invalid YAML: full-width '｛', '｝' (IME input) open no list or mapping in YAML; "
          "write points: {1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}",
          "YAML 语法错误：全角字符 '｛'、'｝'（输入法输入）在 YAML 中不能开始列表或映射；"
          "请写 points: {1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_width_braces_around_a_mapping(tmp_path: Path, lang: str) -> None:
    """YAML reads ｛1: 0.35, …｝ as text holding ': ', an error: the braces are what to fix, not quotes."""
    path, line, text = _slip(tmp_path, "{1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}", "｛1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10｝")
    assert _errors(path, lang) == [f"{path}:{line}:{text.index('｛') + 1}: {BRACES[lang == 'zh']}"]


def test_full_width_brackets_around_a_list_of_mappings(tmp_path: Path) -> None:
    path, line, text = _slip(tmp_path, "purchases: []", "purchases: ［{name: 提示词包, price: 19.9, rate: 0.02}］")
    assert _errors(path, "en") == [
        f"{path}:{line}:{text.index('［') + 1}: invalid YAML: full-width '［', '］' (IME input) open no list or mapping "
        "in YAML; write purchases: [{name: 提示词包, price: 19.9, rate: 0.02}]"]


LIST = ("gates[0].channels: expected a list, found '［抖音 CPA］'; full-width '［', '］' (IME input): write [抖音 CPA]",
        "gates[0].channels: 应为列表，实际为 '［抖音 CPA］'；全角字符 '［'、'］'（输入法输入）：请写 [抖音 CPA]")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_width_brackets_around_a_list_of_names(tmp_path: Path, lang: str) -> None:
    """Not 'a list is written in brackets: [［抖音 CPA］]': the brackets are there, full-width."""
    gate = "gates:\n  - name: 验证\n    after_month: 2\n    channels: ［抖音 CPA］\n    min_roas: 0.5\ntargets:"
    path, line, _ = _slip(tmp_path, "targets:", gate)
    column = len("    channels: ") + 1
    assert _errors(path, lang) == [f"{path}:{line + 3}:{column}: {LIST[lang == 'zh']}"]


def _milestone(tmp_path: Path, milestone: str, start: str | None = None) -> tuple[Path, int, str]:
    """The starter with one milestone (and a start, given one): its path, the milestone's line and text."""
    path, line, _ = _slip(tmp_path, "min_ltv_to_cac: 1.0", f"min_ltv_to_cac: 1.0\n  milestones: [{milestone}]")
    if start is not None:
        path.write_text(path.read_text(encoding="utf-8").replace("# start: 2025-01", f"start: {start}"), encoding="utf-8")
    return path, line + 1, f"  milestones: [{milestone}]"


@pytest.mark.parametrize(("written", "meant"), [("6月", 6), ("6月份", 6), ("第6个月", 6), ("６月", 6)])
def test_a_month_written_with_the_word_for_month(tmp_path: Path, written: str, meant: int) -> None:
    path, line, text = _milestone(tmp_path, f"{{month: {written}, subscribers: 3000}}")
    column = text.index(written) + 1
    assert _errors(path, "en") == [
        f"{path}:{line}:{column}: targets.milestones[0].month: expected a month within 1..24, found '{written}'; "
        f"a month of the plan is its number alone: write {meant}"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_calendar_month_in_a_plan_starting_after_january(tmp_path: Path, lang: str) -> None:
    """June is the plan's fourth month from March: both readings are told, as either may be meant."""
    path, line, text = _milestone(tmp_path, "{month: 6月, subscribers: 3000}", start="2026-03")
    expected = {
        "en": "expected a month within 1..24, found '6月'; a month of the plan is its number alone: write 6 if it means "
              "the plan's month 6, or 4 if it means calendar month 6 (start 2026-03 is month 1)",
        "zh": "应为 1..24 之内的月份，实际为 '6月'；方案的月份只写数字：若指方案的第 6 个月，请写 6；"
              "若指日历上的 6 月，请写 4（start 2026-03 为第 1 月）",
    }[lang]
    assert _errors(path, lang) == [f"{path}:{line}:{text.index('6月') + 1}: targets.milestones[0].month: {expected}"]


@pytest.mark.parametrize(("written", "meant"), [("3千", "3_000"), ("1.5千", "1_500"), ("5百", "500"),
                                                ("2百万", "2_000_000"), ("1千万", "10_000_000")])
def test_an_amount_written_with_a_chinese_unit_the_grammar_does_not_read(tmp_path: Path, written: str, meant: str) -> None:
    """万 and 亿 are suffixes; 百, 千, 百万 and 千万 are not, and the amount is told written out (3千 = 3 x 1000)."""
    path, line, text = _slip(tmp_path, "budget: 30_000", f"budget: {written}")
    unit = written.lstrip("0123456789.")
    column = text.index(written) + len(written) - len(unit) + 1
    assert _errors(path, "en") == [
        f"{path}:{line}:{column}: acquisition[0].budget: expected a number >= 0, found '{written}'; "
        f"'{unit}' is not a suffix: write {meant}"]


def test_an_amount_written_with_a_chinese_unit_in_chinese(tmp_path: Path) -> None:
    path, line, text = _milestone(tmp_path, "{month: 6, subscribers: 3千}")
    assert _errors(path, "zh") == [
        f"{path}:{line}:{text.index('千') + 1}: targets.milestones[0].subscribers: 应为 ≥ 0 的数字，实际为 '3千'；"
        "'千' 不是数字后缀：请写 3_000"]

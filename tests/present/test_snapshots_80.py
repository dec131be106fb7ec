"""Every command at 80 columns, in English and Chinese, on a plan whose channels carry the names a Chinese
team gives them (小红书KOC, B站注册CPA, 抖音激活CPA): golden files for the eye (tests/snapshots/huajing.*),
and the promises of present/layout.py checked on each: nothing wider than the terminal, no name, header,
file name or target key broken across lines, no number split. The figures in them are checked by hand
elsewhere (test_names_people_use.py, test_engine.py, ...); rewrite with ``UPDATE_SNAPSHOTS=1`` after a
deliberate change of layout, and review the diff.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import in_terminal
from test_narrow import WHOLE, broken_numbers
from test_snapshots import assert_snapshot

from aigc_roi.present.labels import label, short_label

ROOT = Path(__file__).resolve().parents[2]

HUAJING = """\
version: 1
name: 画镜 AI写真
currency: CNY
horizon_months: 24
start: 2025-03
discount_rate: 0.10
acquisition:
  - name: 小红书KOC
    type: kol
    posts: 30
    fee: 600..1200
    views: 30_000
    view_to_user: 0.6%
    views_decay: 0.03
    months: 1-6
  - {name: B站注册CPA, type: cpa, bid: 25, budget: 5万, months: 1-6}
  - {name: 抖音激活CPA, type: cpa, bid: 10..15, budget: 8万, months: 1-12}
organic_users: 300
retention:
  points: {1: 0.30, 3: 0.18, 6: 0.12, 12: 0.08, 24: 0.06}
monetization:
  plans:
    - {name: 月度会员, price: 29, period: month, conversion: 3%, renewal: 0.7}
    - {name: 年度会员, price: 199, period: year, conversion: 2%, renewal: 0.5}
  purchases:
    - {name: 写真套餐, price: 9.9, rate: 0.01}
costs:
  serving_per_active_user: 0.5
  fixed:
    - {name: 工具和算力, monthly: 300..1000}
targets:
  max_payback_months: 18
  min_payback_probability: 0.5
  min_roi: 0.1
"""
CHEAPER = HUAJING.replace("name: 画镜 AI写真", "name: 画镜 降价版").replace("bid: 10..15", "bid: 9").replace("price: 29", "price: 25")
BROKEN = "version: 1\nname: 坏文件\nhorizon_months: 24\nacquisition:\n  - {name: 小红书KOC, type: koc}\n"


def write_plans(folder: Path) -> Path:
    """``folder`` holding huajing.yaml, cheaper.yaml and broken.yaml, the plans every command's 80-column view reads."""
    for name, text in (("huajing.yaml", HUAJING), ("cheaper.yaml", CHEAPER), ("broken.yaml", BROKEN)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder

NAMES = ("小红书KOC", "B站注册CPA", "抖音激活CPA", "工具和算力", "huajing.yaml", "min_payback_probability")
HEADERS = ("type", "users", "cac", "max_unit_cost", "contribution", "gross_revenue", "unit_cost")
"""Header words of the tables above (their short Chinese labels), which a squeezed column once split (类/型)."""

COMMANDS: dict[str, list[str]] = {
    "run": ["run", "huajing.yaml"],
    "compare": ["compare", "huajing.yaml", "cheaper.yaml", "--explain"],
    "variant": ["compare", "huajing.yaml", "--variant", "降价: 抖音激活CPA.bid=9, 月度会员.price=25"],
    "risk": ["compare", "huajing.yaml", "cheaper.yaml", "--samples", "300"],
    "breakeven": ["breakeven", "huajing.yaml"],
    "sensitivity": ["sensitivity", "huajing.yaml"],
    "grid": ["sensitivity", "huajing.yaml", "--grid", "抖音激活CPA.bid,月度会员.price", "--grid-steps", "3"],
    "curves": ["curves", "huajing.yaml"],
    "simulate": ["simulate", "huajing.yaml", "--samples", "500"],
    "allocate": ["allocate", "huajing.yaml", "--budget", "20万"],
    "check": ["check", "huajing.yaml", "cheaper.yaml"],
    "validate": ["validate", "broken.yaml"],
    "actuals": ["actuals", "chat-assistant-cpa.yaml", "douyin-ocean-engine.csv", "bilibili.csv",
                "--map", "抖音激活 CPA=dy_*", "--map", "B站 CPA（注册用户）=bili_*"],
    "init": ["init", "--list"],
}


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_plans(tmp_path)
    shutil.copy(ROOT / "scenarios" / "zh" / "chat-assistant-cpa.yaml", tmp_path)
    for export in ("douyin-ocean-engine.csv", "bilibili.csv"):
        shutil.copy(ROOT / "examples" / "actuals" / export, tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cut_words(text: str, words: list[str]) -> list[str]:
    """A word broken across two lines of a table: a cell ending in its start above the cell holding its rest."""
    rows = [[part.strip() for part in line.replace("┃", "│").split("│")] for line in text.splitlines()]
    return [f"{upper[j]} / {lower[j]}"
            for upper, lower in zip(rows, rows[1:], strict=False) if len(upper) == len(lower) > 1
            for j in range(len(upper)) for word in words for k in range(1, len(word))
            if upper[j].endswith(word[:k]) and lower[j].startswith(word[k:])]


def split_numbers(text: str) -> list[str]:
    """test_narrow's broken_numbers, with a number that follows Chinese text ("（24 个月）") read on its own."""
    spaced = re.sub(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])(?=[-+\d])", " ", text)
    # A percentile (P95) and the marks of actuals (2,611! beyond the plan's range, 2025-04* a partial month, 2025-03‡
    # a month a row left a cell unreported in).
    return [piece for piece in broken_numbers(spaced) if not PATH.search(piece)
            and not re.fullmatch(r"P\d+!?", piece) and not WHOLE.match(piece.rstrip("!*†‡"))]


PATH = re.compile(r"[a-z_]\[[^\]]+\]")
"""A field path such as acquisition[2].bid, whose digits are no amount."""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_at_80_columns(plans: Path, command: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A terminal's layout: a log writes each title whole on one line, however wide (tests/cli/test_log_titles.py).
    in_terminal(monkeypatch, 80)
    result = invoke([*COMMANDS[command], "--lang", lang])
    assert result.exit_code in (0, 1, 2), result.stderr
    text = result.stdout + result.stderr
    # Findings are one located line each (FILE:LINE:COL: ...), for editors and grep: never wrapped.
    laid_out = [line for line in result.stdout.splitlines() if not re.match(r"\S+:\d+:\d+: ", line)]
    assert max((cell_len(line) for line in laid_out), default=0) <= 80, result.stdout
    # A header may wrap between its words, never inside one.
    words = [*NAMES, *(word for key in HEADERS for word in short_label(key, lang).split()), label("type", lang)]
    assert cut_words(result.stdout, words) == [], result.stdout
    rows = "\n".join(line for line in result.stdout.splitlines() if line.startswith(("│", "┃")))
    assert split_numbers(rows) == [], result.stdout
    assert "…" not in result.stdout  # a label wraps; it never loses its end
    # A table cropped at the terminal's edge loses its right border (and what was beyond it).
    assert all(line.rstrip().endswith(("┓", "┃", "┩", "┤", "│", "┘")) for line in result.stdout.splitlines()
               if line.startswith(("┏", "┃", "┡", "├", "└"))), result.stdout
    assert_snapshot(f"huajing.{command}.{lang}.80.txt", text)


def test_a_chinese_caption_wraps_inside_its_sentence_and_keeps_names_whole() -> None:
    from aigc_roi.present.layout import prose_lines

    lines = prose_lines("★ 每行最优：越高越好，获客成本和回本月份除外（越低越好）；广告支出不参与排名。", 20).plain.splitlines()
    # The sentence goes on after the star (Rich alone once moved it to a line of its own), and no line starts
    # with the punctuation that closes the one above.
    assert lines[0].startswith("★ 每行最优") and all(cell_len(line) <= 20 for line in lines)
    assert not any(line.startswith(("，", "。", "；", "）")) for line in lines)
    named = prose_lines("Max bid, by kind of channel: Max fee (小红书KOC), Max CPM (Feed ads (信息流)).", 30).plain
    assert "小红书KOC" in named and "(信息流))." in named


@pytest.mark.parametrize("width", [50, 60, 80])
def test_the_risk_table_fits_long_names(width: int) -> None:
    # An order named "Custom LoRA training (for businesses)": by name its path is 64 characters, wider than the
    # terminal beside two bars; the name wraps between its words (or each input becomes a block), nothing is cut.
    template = ROOT / "aigc_roi" / "templates" / "prompt-community.yaml"
    result = invoke(["simulate", str(template), "--samples", "200"], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    risk = result.stdout[result.stdout.index("Which guess drives the risk"):]
    # Where each input is a block (no table fits), its path heads it on one whole line in a log, as a title does
    # (present/console.py).
    headings = [line for line in risk.splitlines() if line.startswith(("monetization.", "costs."))]
    assert not headings or "monetization.orders[Custom LoRA training (for businesses)].price" in headings, risk
    assert max(cell_len(line) for line in risk.splitlines() if line not in headings) <= width, risk
    assert "…" not in risk and "monetization.purchases[Bootcamp" in risk and "(训练营)].price" in risk

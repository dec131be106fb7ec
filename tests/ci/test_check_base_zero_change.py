"""`check --base`: a figure as it was reads a change of 0 in its unit's format, as the column's other changes and
`compare` read it (``0.00`` of money and ratios, ``0.00 pp`` of a percentage, ``0`` of users and months), not a bare
``0`` beside ``-339,641.87``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import write

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml").read_text(encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plan.yaml committed, then its fixed cost raised: what it spends on ads and buys is as it was, so are CAC, ROAS
    and ROI (before fixed costs); its cash is not."""
    write(tmp_path, {"plan.yaml": TEMPLATE})
    commit_all(tmp_path, monkeypatch)
    assert "monthly: 300..1000}" in TEMPLATE
    write(tmp_path, {"plan.yaml": TEMPLATE.replace("monthly: 300..1000}", "monthly: 400..1000}", 1)})
    return tmp_path


# figure key, its zh label, its change in a terminal and markdown (en, zh)
UNCHANGED = [
    ("ad_spend", "广告支出", "0.00", "0.00"),
    ("paid_users", "买量用户", "0", "0"),
    ("cac", "获客成本（CAC）", "0.00", "0.00"),
    ("roas", "ROAS（投放ROI = 买量收入 / 广告支出）", "0.00", "0.00"),
    ("roi", "ROI（买量，扣除变动成本，未扣固定成本）", "0.00 pp", "0.00 百分点"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unchanged_figure_reads_zero_in_its_unit(repo: Path, lang: str) -> None:
    # 120 columns: at 80 the Chinese labels leave the numbers too little room and each figure is a block.
    table = invoke(["check", "plan.yaml", "--base", "HEAD", "--lang", lang], env={"COLUMNS": "120"}).stdout
    markdown = invoke(["check", "plan.yaml", "--base", "HEAD", "--lang", lang, "--format", "markdown"]).stdout
    for key, zh, en_change, zh_change in UNCHANGED:
        name, change = (key, en_change) if lang == "en" else (zh, zh_change)
        assert re.search(rf"^│ {re.escape(name)} +│[^│]+│[^│]+│ +{re.escape(change)} │$", table, re.M), (name, table)
        assert re.search(rf"^\| {re.escape(name)} \| [^|]+ \| [^|]+ \| {re.escape(change)} \|$", markdown, re.M), \
            (name, markdown)
    # The fixed cost moved net cash: a change there still has its share of the old value.
    assert re.search(r"^\| (net_cash|净现金流) \| [^|]+ \| [^|]+ \| -[0-9.,万]+ \(-[0-9.]+%\) \|$", markdown, re.M), markdown

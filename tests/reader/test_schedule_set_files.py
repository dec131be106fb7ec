"""A month set into a schedule by one ``--set`` read into several files names the file each warning is of (QA: ``compare
s1.yaml s4.yaml --set acquisition[0].bid.by_month.15=30`` printed two warnings both located at the --set alone, the
keys offered for one file moving months in the other). compare follows its errors (``(in FILE)``, ``(in --variant
'LABEL' of FILE)``), report --base `check`'s (``FILE: --set ...``); a location naming several options lists them with
", ", which needs no language."""

from __future__ import annotations

from pathlib import Path

from cli_runner import invoke

PLAN = """version: 1
name: Schedule
horizon_months: 24
acquisition:
  - {{name: Feed, type: cpa, bid: {bid}, users: 100}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
"""
SET = "acquisition[0].bid.by_month.15=30"


def _files(tmp_path: Path) -> tuple[Path, Path]:
    # held.yaml: 10 in month 1 up 2 a month to 28 at month 10, held after. ranged.yaml: the same to month 10, then on
    # toward a range 30..40 at month 20.
    held, ranged = tmp_path / "held.yaml", tmp_path / "ranged.yaml"
    held.write_text(PLAN.format(bid="{by_month: {1: 10, 10: 28}}"), encoding="utf-8")
    ranged.write_text(PLAN.format(bid="{by_month: {1: 10, 10: 28, 20: 30..40}}"), encoding="utf-8")
    return held, ranged


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "moved too" in line or "随之改变" in line]


def test_compare_names_the_file_of_each_warning(tmp_path: Path) -> None:
    held, ranged = _files(tmp_path)
    result = invoke(["compare", str(held), str(ranged), "--set", SET])
    assert result.exit_code == 0, result.stderr
    first, second = _warnings(result.stderr)
    # held: key 15 at 30 between 10: 28 and nothing after, so 11-14 climb to 30 and 16-24 hold 30 (were 28); months 14
    # and 16 as written are 28 (held past month 10), the keys that set 15 alone.
    assert "months 11-14, 16-24 moved too" in first
    assert first.endswith(f"also set acquisition[0].bid.by_month.14=28 and acquisition[0].bid.by_month.16=28 (in {held})")
    # ranged: 11-14 and 16-19 (20 is a key); months 14 and 16 are shares of the range, so no key is offered.
    assert "months 11-14, 16-19 moved too" in second and second.endswith(f"this sets the key at month 15 (in {ranged})")
    zh = _warnings(invoke(["compare", str(held), str(ranged), "--set", SET, "--lang", "zh"]).stderr)
    assert zh[0].endswith(f"acquisition[0].bid.by_month.16=28（位于 {held}）")
    assert zh[1].endswith(f"此设置给出第 15 月的取值（位于 {ranged}）")


def test_each_variant_is_named_by_its_label(tmp_path: Path) -> None:
    held, _ = _files(tmp_path)
    for lang, joined, hot, cold in [
            ("en", "--set acquisition[0].bid.by_month.3=5, --variant acquisition[0].bid.by_month.6=30:1:1: ",
             f"(in --variant 'hot' of {held})", f"(in --variant 'cold' of {held})"),
            ("zh", "--set acquisition[0].bid.by_month.3=5, --variant acquisition[0].bid.by_month.6=30:1:1: ",
             f"（位于 {held} 的 --variant 'hot'）", f"（位于 {held} 的 --variant 'cold'）")]:
        result = invoke(["compare", str(held), "--lang", lang, "--set", "acquisition[0].bid.by_month.3=5",
                         "--variant", "hot: acquisition[0].bid.by_month.6=30",
                         "--variant", "cold: acquisition[0].bid.by_month.6=30", "--variant", "plain: acquisition[0].users=100"])
        assert result.exit_code == 0, result.stderr
        lines = _warnings(result.stderr)
        # The base column's (and the plain variant's, the same --set alone: said once), then one per labelled variant,
        # located at both options with no English "and" in Chinese.
        assert len(lines) == 3
        assert lines[0].startswith("--set acquisition[0].bid.by_month.3=5:1:1: ") and " and --variant" not in lines[1]
        assert lines[1].startswith(joined) and lines[1].endswith(hot)
        assert lines[2].startswith(joined) and lines[2].endswith(cold)


def test_report_base_names_both_files(tmp_path: Path) -> None:
    held, ranged = _files(tmp_path)
    result = invoke(["report", str(ranged), "--base", str(held), "--set", SET, "--samples", "10",
                     "--output", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.stderr
    lines = _warnings(result.stderr)
    # FILE's warning as before, now named; BASE's, said nowhere before, with the keys it alone is offered.
    assert lines[0].startswith(f"{ranged}: --set {SET}:1:1: ") and "months 11-14, 16-19 moved too" in lines[0]
    assert lines[1].startswith(f"{held}: --set {SET}:1:1: ") and "months 11-14, 16-24 moved too" in lines[1]
    assert lines[1].endswith("acquisition[0].bid.by_month.16=28")
    # Without --base the one file needs no name.
    alone = invoke(["report", str(ranged), "--set", SET, "--samples", "10", "--output", str(tmp_path / "s.html")])
    assert _warnings(alone.stderr)[0].startswith(f"--set {SET}:1:1: ")

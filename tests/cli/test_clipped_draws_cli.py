"""Every command that samples says how many of a range's draws were clipped to its field's domain (issue F2).

``bid: -5..10`` with a budget is valid (its median 2.5 lies in the domain, spec 1.2), but about 29% of its draws are
below 0 and are clipped to a bid of 1e-6, each buying 30 billion users a month with 30,000. The figures are what the
file asks for; the warning on stderr says so, with the share counted from the draws. The expected count is derived
here from docs/formulas.md §9: the range is Normal(mean 2.5, sd 15 / (2 x z95)) drawn from PCG64 seeded by
SeedSequence(seed, spawn_key=(0x72616E67, *path)).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pytest
from cli_runner import invoke

WIDE_BID = """\
name: Wide bid
horizon_months: 12
acquisition:
  - name: Feed
    type: cpa
    bid: -5..10
    budget: 30000
retention: {monthly_churn: 0.2}
monetization:
  plans:
    - {name: p, price: 30, period: month, conversion: 0.05, renewal: 0.7}
"""
BID_LINE, BID_COLUMN = 6, 10
"""Where ``-5..10`` is written in WIDE_BID."""


def clipped_bids(samples: int, seed: int = 0, path: str = "acquisition[0].bid") -> int:
    """How many draws of WIDE_BID's bid (of the range ``-5..10`` at ``path``) fall below 1e-6, from the documented
    stream and distribution."""
    stream = np.random.SeedSequence(seed, spawn_key=(0x72616E67, *path.encode()))
    sd = 15 / (2 * NormalDist().inv_cdf(0.95))
    return int(np.count_nonzero(np.random.Generator(np.random.PCG64(stream)).normal(2.5, sd, samples) < 1e-6))


def warning(path: Path, samples: int, where: tuple[int, int] = (BID_LINE, BID_COLUMN),
            field: str = "acquisition[0].bid") -> str:
    count = clipped_bids(samples, path=field)
    return (f"{path}:{where[0]}:{where[1]}: {field}: {100 * count / samples:.2f}% of the draws "
            f"({count:,} of {samples:,}) fell below 1e-06 and were clipped to it; the figures include them\n")


def write(tmp_path: Path, text: str, name: str = "wide.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_simulate_warns_once_per_clipped_field_with_the_exact_share(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE_BID)
    result = invoke(["simulate", str(path), "--samples", "5000", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == warning(path, 5000)
    assert 0.25 < clipped_bids(5000) / 5000 < 0.33  # about P(Normal < 0) = 29%: the warning is no rounding artefact
    json.loads(result.stdout)  # stdout stays the result alone


@pytest.mark.parametrize(("stream_from", "jobs"), [(1_000, "1"), (1_000_000, "2")])
def test_the_share_does_not_depend_on_threads_or_streaming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            stream_from: int, jobs: str) -> None:
    from aigc_roi.whatif import simulate

    # Past 1,000 samples the 3,000 are drawn slice by slice; else, on two threads, the ranges side by side.
    monkeypatch.setattr(simulate, "STREAM_SAMPLES", stream_from)
    path = write(tmp_path, WIDE_BID.replace("conversion: 0.05", "conversion: 0.02..0.08"))
    result = invoke(["simulate", str(path), "--samples", "3000", "--jobs", jobs, "--format", "json"])
    assert result.stderr == warning(path, 3000)


def test_the_warning_is_in_chinese_names_a_set_and_is_dropped_by_quiet(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE_BID)
    zh = invoke(["simulate", str(path), "--samples", "2000", "--lang", "zh", "--format", "json",
                 "--set", "retention.monthly_churn={dist: normal, mean: 0.9, sd: 0.2}"])
    count = clipped_bids(2000)
    lines = zh.stderr.splitlines()
    assert f"{path}:6:10: acquisition[0].bid: {100 * count / 2000:.2f}% 的抽样值（2,000 个中的 {count:,} 个）低于 1e-06，" \
           "已截断为 1e-06；各项指标已计入这些抽样" in lines
    # Normal(0.9, 0.2) is above 1 in P(Z > 0.5) = 31% of the draws, located at the --set that wrote it.
    [churn] = [line for line in lines if "monthly_churn" in line]
    assert churn.startswith("--set retention.monthly_churn={dist: normal, mean: 0.9, sd: 0.2}:1:1: retention.monthly_churn: ")
    assert "高于 1，已截断为 1" in churn
    quiet = invoke(["simulate", str(path), "--samples", "2000", "-q", "--format", "json"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_no_warning_when_no_draw_leaves_the_domain(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE_BID.replace("-5..10", "5..10"))
    result = invoke(["simulate", str(path), "--samples", "2000", "--format", "json"])
    assert result.exit_code == 0 and result.stderr == ""


def test_compare_on_risk_warns_for_each_file(tmp_path: Path) -> None:
    wide = write(tmp_path, WIDE_BID)
    narrow = write(tmp_path, WIDE_BID.replace("-5..10", "5..10"), "narrow.yaml")
    result = invoke(["compare", str(narrow), str(wide), "--samples", "2000", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == warning(wide, 2000)


def test_check_warns_for_the_simulated_chance_of_payback(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE_BID + "targets: {min_payback_probability: 0.1}\n")
    result = invoke(["check", str(path), "--samples", "2000", "--format", "json"])
    assert result.stderr.splitlines()[0] + "\n" == warning(path, 2000)


def test_allocate_on_risk_adds_the_warning_to_its_json(tmp_path: Path) -> None:
    path = write(tmp_path, WIDE_BID)
    result = invoke(["allocate", str(path), "--budget", "30000", "--objective", "p10_npv", "--samples", "2000",
                     "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == warning(path, 2000)
    [clipped] = [item for item in json.loads(result.stdout)["warnings"] if item["code"] == "draws_clipped"]
    assert clipped["field"] == "acquisition[0].bid"
    assert clipped["message"] == warning(path, 2000).split(": ", 1)[1].rstrip("\n")


PAST_JANUARY = "date,campaign,spend,new_users\n2025-01-01,feed_a,15000,600\n2025-01-31,feed_b,15000,600\n"
"""January complete for WIDE_BID's channel: 30,000 for 1,200 users, a bid of 25."""
REFORECAST_BID = "    bid: {by_month: {1: 25, 2: -5..10}}"
"""WIDE_BID's bid line in its re-forecast: January as it happened, the plan's range from February on."""
REFORECAST_RANGE = (7, 32)
"""Where ``-5..10`` is written in the re-forecast: the writer's header line comes first, then WIDE_BID's lines."""


def actuals_files(tmp_path: Path, plan_text: str = WIDE_BID) -> tuple[Path, Path, Path]:
    # start at the end keeps the bid at BID_LINE.
    plan = write(tmp_path, plan_text + "start: 2025-01\n")
    export = tmp_path / "export.csv"
    export.write_text(PAST_JANUARY, encoding="utf-8")
    return plan, export, tmp_path / "reforecast.yaml"


def test_actuals_reforecast_warns_for_the_draws_of_the_reforecast(tmp_path: Path) -> None:
    plan, export, out = actuals_files(tmp_path)
    result = invoke(["actuals", str(plan), str(export), "--map", "Feed=feed_*", "--reforecast", str(out),
                     "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[REFORECAST_RANGE[0] - 1] == REFORECAST_BID
    # The plan's draws (its percentiles and its P(payback)), then the re-forecast's: February's range is a range of
    # its own, drawn from the stream of its own path, so its share is counted apart.
    warnings = [line + "\n" for line in result.stderr.splitlines() if "were clipped" in line]
    assert warnings == [warning(plan, 2000),
                        warning(out, 2000, REFORECAST_RANGE, "acquisition[0].bid.by_month.2")]
    assert clipped_bids(2000, path="acquisition[0].bid.by_month.2") != clipped_bids(2000)
    json.loads(result.stdout)


def test_actuals_reforecast_warns_as_simulate_does_on_it_in_both_languages(tmp_path: Path) -> None:
    # A second range, left as planned in the re-forecast, is warned for in each file its draws were made for.
    plan, export, out = actuals_files(tmp_path, WIDE_BID.replace("monthly_churn: 0.2", "monthly_churn: -0.1..0.5"))
    for lang in ("en", "zh"):
        args = ["--samples", "3000", "--seed", "7", "--lang", lang, "--format", "json"]
        result = invoke(["actuals", str(plan), str(export), "--map", "Feed=feed_*", "--reforecast", str(out),
                         "--force", *args])
        assert result.exit_code == 0, result.stderr
        simulated = invoke(["simulate", str(out), *args])
        lines = [line for line in result.stderr.splitlines() if line.startswith(f"{out}:")]
        assert len(lines) == 2 and lines == simulated.stderr.splitlines()
    quiet = invoke(["actuals", str(plan), str(export), "--map", "Feed=feed_*", "--reforecast", str(out), "--force",
                    "-q", "--format", "json"])
    assert quiet.exit_code == 0 and quiet.stderr == ""

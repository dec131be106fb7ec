"""The input limits of docs/limits.md: each enforced with exit 2 and a located message."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.kinds import MAX_CHANNELS, MAX_HORIZON_MONTHS
from aigc_roi.reader.load import MAX_FILE_BYTES
from aigc_roi.reader.yamltree import MAX_DEPTH, parse

BASE = "name: Limits\nretention: {monthly_churn: 0.1}\n"


def _run(tmp_path: Path, content: str | bytes, *args: str) -> tuple[Path, object]:
    path = tmp_path / "s.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = invoke(["run", str(path), "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return path, result


def _fails(tmp_path: Path, content: str | bytes, location: str, message: str, *args: str) -> None:
    path, result = _run(tmp_path, content, *args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert f"{path}:{location}: {message}" in result.stderr, result.stderr


def _passes(tmp_path: Path, content: str | bytes) -> None:
    _, result = _run(tmp_path, content)
    assert result.exit_code == 0, result.stderr


def test_documented_values() -> None:
    assert (MAX_FILE_BYTES, MAX_CHANNELS, MAX_HORIZON_MONTHS, MAX_DEPTH) == (1024 * 1024, 50, 120, 32)


def _padded(size: int) -> bytes:
    data = BASE.encode("utf-8") + b"#"
    return data + b"x" * (size - len(data) - 1) + b"\n"


def test_file_of_exactly_1_mib_passes(tmp_path: Path) -> None:
    content = _padded(MAX_FILE_BYTES)
    assert len(content) == MAX_FILE_BYTES
    _passes(tmp_path, content)


def test_file_one_byte_over_1_mib_fails(tmp_path: Path) -> None:
    _fails(tmp_path, _padded(MAX_FILE_BYTES + 1), "1:1",
           "file is 1,048,577 bytes; the limit is 1,048,576 (1 MiB)")


def _channels(count: int) -> str:
    items = "".join(f"  - {{name: c{i}, type: flat, cost: 1, users: 1}}\n" for i in range(count))
    return BASE + "acquisition:\n" + items


def test_50_channels_pass(tmp_path: Path) -> None:
    _passes(tmp_path, _channels(50))


def test_51_channels_fail(tmp_path: Path) -> None:
    _fails(tmp_path, _channels(51), "4:3", "acquisition: expected at most 50 items, found 51")


def _items(key: str, count: int) -> str:
    item = "{name: p%d, price: 1, period: month, conversion: 0.01}" if key == "plans" else "{name: p%d, price: 1, rate: 0.1}"
    lines = "".join("    - " + item % i + "\n" for i in range(count))
    return BASE + f"monetization:\n  {key}:\n" + lines


@pytest.mark.parametrize("key", ["plans", "purchases"])
def test_50_plans_and_purchases_pass_51_fail(tmp_path: Path, key: str) -> None:
    _passes(tmp_path, _items(key, 50))
    _fails(tmp_path, _items(key, 51), "5:5", f"monetization.{key}: expected at most 50 items, found 51")


def test_horizon_120_passes(tmp_path: Path) -> None:
    _passes(tmp_path, BASE + "horizon_months: 120\n")


def test_horizon_121_fails(tmp_path: Path) -> None:
    _fails(tmp_path, BASE + "horizon_months: 121\n", "3:17",
           "horizon_months: expected a whole number from 1 to 120, found 121")


def test_horizon_121_by_set_fails_naming_the_option(tmp_path: Path) -> None:
    _, result = _run(tmp_path, BASE, "--set", "horizon_months=121")
    assert result.exit_code == 2
    assert "--set horizon_months=121" in result.stderr
    assert "expected a whole number from 1 to 120, found 121" in result.stderr


def _nested(depth: int) -> str:
    # `extra:` sits in the top-level mapping (depth 1); the flow lists add depth - 1 levels.
    inner = depth - 1
    return BASE + "extra: " + "[" * inner + "]" * inner + "\n"


def test_nesting_of_32_levels_is_parsed() -> None:
    tree, errors = parse(_nested(MAX_DEPTH), "s.yaml")
    assert tree is not None
    assert not any("nesting" in error.message for error in errors)


def test_nesting_of_32_levels_fails_only_for_the_unknown_key(tmp_path: Path) -> None:
    _fails(tmp_path, _nested(MAX_DEPTH), "3:1", "extra: unknown key 'extra'")
    _, result = _run(tmp_path, _nested(MAX_DEPTH))
    assert "nesting deeper" not in result.stderr


def test_nesting_of_33_levels_fails(tmp_path: Path) -> None:
    _fails(tmp_path, _nested(MAX_DEPTH + 1), "3:39", "nesting deeper than 32 levels")


def test_deep_nesting_far_beyond_the_limit_fails_the_same_way(tmp_path: Path) -> None:
    _fails(tmp_path, BASE + "extra: " + "[" * 100_000 + "]" * 100_000 + "\n", "3:39", "nesting deeper than 32 levels")


def test_documented_values_of_the_size_limits() -> None:
    from aigc_roi.reader.kinds import MAX_FIXED_COSTS, MAX_PLANS, MAX_PURCHASES, MAX_RETENTION_POINTS
    from aigc_roi.reader.yamltree import MAX_MAPPING_KEYS, MAX_SCALARS

    assert (MAX_PLANS, MAX_PURCHASES, MAX_FIXED_COSTS, MAX_RETENTION_POINTS) == (50, 50, 50, 120)
    assert (MAX_MAPPING_KEYS, MAX_SCALARS) == (3653, 25_000)


def _list_of(key: str, count: int) -> str:
    item = {"plans": "{name: P, price: 9, period: month, conversion: 0.001}",
            "purchases": "{name: U, price: 1, rate: 0.001}", "fixed": "{name: F, monthly: 10}"}[key]
    parent = "costs" if key == "fixed" else "monetization"
    return BASE + f"{parent}:\n  {key}:\n" + "".join(f"    - {item}\n" for _ in range(count))


def test_50_plans_purchases_and_fixed_costs_pass_51_fail(tmp_path: Path) -> None:
    for key, path in (("plans", "monetization.plans"), ("purchases", "monetization.purchases"), ("fixed", "costs.fixed")):
        _passes(tmp_path, _list_of(key, 50))
        _fails(tmp_path, _list_of(key, 51), "5:5", f"{path}: expected at most 50 items, found 51")


def test_3653_keys_in_a_mapping_are_parsed_3654_stop_parsing(tmp_path: Path) -> None:
    keys = "".join(f"  k{i}: 1\n" for i in range(3654))
    tree, errors = parse("m:\n" + keys[: keys.index("  k3653")], "s.yaml")
    assert tree is not None and len(tree.value["m"].value.value) == 3653 and errors == []
    _fails(tmp_path, BASE + "m:\n" + keys, "3657:3", "m: expected at most 3653 keys in a mapping, found more")


def test_a_daily_export_of_ten_years_is_a_retention_days_mapping(tmp_path: Path) -> None:
    # One share a day for 3653 days, 0.5 x d^-0.4: a power law through every point, so u = ln 0.5 and b = 0.4.
    days = ", ".join(f"{day}: {0.5 * day ** -0.4!r}" for day in range(1, 3654))
    path = tmp_path / "daily.yaml"
    path.write_text(f"name: Daily\nhorizon_months: 120\nretention:\n  days: {{{days}}}\n", encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    fit = json.loads(result.stdout)["fits"][0]
    assert len(fit["points"]) == 3653
    assert fit["parameters"]["b"] == pytest.approx(0.4, abs=1e-9)
    assert fit["parameters"]["u"] == pytest.approx(math.log(0.5), abs=1e-9)


def test_25000_scalars_are_parsed_one_more_stops_parsing() -> None:
    # The file's mapping, its key "l" and the list are three values, the list's items the other 24,997.
    tree, errors = parse("l: [" + ",".join(["1"] * 24_997) + "]\n", "s.yaml")
    assert tree is not None and errors == []
    tree, errors = parse("l: [" + ",".join(["1"] * 24_998) + "]\n", "s.yaml")
    assert tree is None and [error.message for error in errors] == ["expected at most 25,000 keys and values in a file, found more"]


@pytest.mark.parametrize("item", ["[]", "{}", "!a []", "*x"])
def test_lists_mappings_and_aliases_count_as_values_towards_the_25000(item: str) -> None:
    # QA hostile F1/F2: none of these is a scalar, so a 1 MiB file of them parsed on past the limit.
    # The mapping, "a", "&x 1", "l" and the list are 5 values: the 24,995th item is the 25,000th, the next one more.
    prefix = "a: &x 1\nl: ["
    tree, errors = parse(prefix + ",".join([item] * 24_995) + "]\n", "s.yaml")
    assert tree is not None and "at most" not in errors[-1].message
    tree, errors = parse(prefix + ",".join([item] * 30_000) + "]\n", "s.yaml")
    assert tree is None and errors[-1].message == "expected at most 25,000 keys and values in a file, found more"
    assert errors[-1].path == "l[24995]" and len(errors) <= 25_000


def test_a_file_of_tags_is_refused_in_time_linear_in_its_length() -> None:
    # QA hostile F1: each tag's text was sliced from the rest of the file, 14 s for 1 MiB of tags.
    # 5,000 tags before 900 KB of comment copied 9 GB that way; read in place they take milliseconds.
    text = "l: [" + ", ".join(["!a 1"] * 5000) + "]\n" + "#" * 900_000 + "\n"
    started = time.perf_counter()
    _, errors = parse(text, "s.yaml")
    assert time.perf_counter() - started < 0.5
    assert len(errors) == 5000 and errors[0].message == "YAML tags are not allowed, found '!a'"

"""One line per problem for what the YAML tree builder refuses: an alias, an anchor, a key that is not text.

The builder refuses each at its place and reads on with a stand-in (an alias as a value nobody wrote, a list key as
the key ``?``), so the rest of the file is still checked. The stand-in is no problem of its own: what the field reader
would say of it (not a number, an unknown key ``?``, an age ``?``, a duplicate ``?``) is not told, in any format or
language, and a key that is not text is located at its mapping's path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

HEAD = "version: 1\nname: A\n"
CHURN = "retention: {monthly_churn: 0.1}\n"


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    return [str(error) for error in caught.value.errors]


ANCHOR = "YAML anchors and aliases are not allowed, found"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "virality: *v\n" + CHURN, [f"s.yaml:3:11: virality: {ANCHOR} '*v'"]),
        # One anchor, one alias: two problems, two lines; the alias's value is no third.
        (HEAD + "organic_users: &o 0\nvirality: *o\n" + CHURN,
         [f"s.yaml:3:16: organic_users: {ANCHOR} '&o'", f"s.yaml:4:11: virality: {ANCHOR} '*o'"]),
        (HEAD + "retention: *r\n", [f"s.yaml:3:12: retention: {ANCHOR} '*r'"]),
        (HEAD + CHURN + "acquisition: [*ch]\n", [f"s.yaml:4:15: acquisition[0]: {ANCHOR} '*ch'"]),
        (HEAD + "virality: {low: *a, high: 0.2}\n" + CHURN, [f"s.yaml:3:17: virality.low: {ANCHOR} '*a'"]),
        # An alias as a key: no unknown key '*v', and two of them are no key written twice.
        (HEAD + CHURN + "*v : 1\n*v : 2\n", [f"s.yaml:4:1: {ANCHOR} '*v'", f"s.yaml:5:1: {ANCHOR} '*v'"]),
        ("*x\n", [f"s.yaml:1:1: {ANCHOR} '*x'"]),
        (HEAD + "? [a]\n: 1\n" + CHURN, ["s.yaml:3:3: expected a plain key, found a list"]),
        (HEAD + "retention: {points: {1: 0.35, [3]: 0.22}}\n",
         ["s.yaml:3:31: retention.points: expected a plain key, found a list"]),
        (HEAD + "retention: {points: {[1]: 0.35, {a: 1}: 0.22}}\n",
         ["s.yaml:3:22: retention.points: expected a plain key, found a list",
          "s.yaml:3:33: retention.points: expected a plain key, found a mapping"]),
        (HEAD + "retention: {days: {[1]: 0.4, 30: 0.1}}\n", ["s.yaml:3:20: retention.days: expected a plain key, found a list"]),
    ],
)
def test_one_line_per_problem(text: str, expected: list[str]) -> None:
    assert errors_of(text) == expected


def test_a_real_problem_beside_a_refusal_is_still_told() -> None:
    """A tag is refused, and the value it tags still read: 'x' is a problem of its own."""
    assert errors_of(HEAD + "virality: &v x\n" + CHURN) == [
        f"s.yaml:3:11: virality: {ANCHOR} '&v'", "s.yaml:3:11: virality: expected a number >= 0 and < 1, found 'x'"]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    alias, key = tmp_path / "alias.yaml", tmp_path / "key.yaml"
    alias.write_text(HEAD + "virality: *v\n" + CHURN, encoding="utf-8")
    key.write_text(HEAD + "retention: {points: {1: 0.35, [3]: 0.22}}\n", encoding="utf-8")
    return alias, key


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize(("lang", "anchor", "plain_key"), [
    ("en", f"{ANCHOR} '*v'", "expected a plain key, found a list"),
    ("zh", "不允许使用 YAML 锚点和别名，发现 '*v'", "应为普通键，实际为列表"),
])
def test_text(files: tuple[Path, Path], command: str, lang: str, anchor: str, plain_key: str) -> None:
    alias, key = files
    result = invoke(["--lang", lang, command, str(alias), str(key)])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(alias.parent))]
    assert lines == [f"{alias}:3:11: virality: {anchor}", f"{key}:3:31: retention.points: {plain_key}"]


def test_json(files: tuple[Path, Path]) -> None:
    result = invoke(["check", "--format", "json", *map(str, files)])
    document = json.loads(result.stdout)
    assert [(item["line"], item["column"], item["path"], item["rule"], item["message"]) for item in document["invalid"]] == [
        (3, 11, "virality", "yaml-anchor", f"{ANCHOR} '*v'"),
        (3, 31, "retention.points", "yaml-syntax", "expected a plain key, found a list"),
    ]
    assert document["summary"]["errors"] == 2


def test_github(files: tuple[Path, Path]) -> None:
    alias, key = files
    result = invoke(["check", "--format", "github", str(alias), str(key)])
    assert [line for line in result.stdout.splitlines() if line.startswith("::error")] == [
        f"::error file={alias},line=3,col=11,title=aigc-roi%3A yaml-anchor::virality: {ANCHOR} '*v'",
        f"::error file={key},line=3,col=31,title=aigc-roi%3A yaml-syntax::retention.points: expected a plain key, found a list",
    ]


MERGE = "YAML merge keys ('<<') are not supported; write each key out here"
CHANNEL = "  - &ch {name: A, type: cpa, bid: 10, budget: 1000}\n"
"""A channel other items merge (line 5): its anchor is a problem of its own, told at the '&'."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The merge key and the alias it merges are one problem: told once, at the key, whatever the alias would
        # have supplied (B's type) not missing either.
        (HEAD + CHURN + "acquisition:\n" + CHANNEL + "  - {<<: *ch, name: B}\n",
         [f"s.yaml:5:5: acquisition[0]: {ANCHOR} '&ch'", f"s.yaml:6:6: acquisition[1].<<: {MERGE}"]),
        (HEAD + CHURN + "acquisition:\n" + CHANNEL + "  - <<: *ch\n    name: B\n",
         [f"s.yaml:5:5: acquisition[0]: {ANCHOR} '&ch'", f"s.yaml:6:5: acquisition[1].<<: {MERGE}"]),
        # A list of aliases merged: still the one merge key.
        (HEAD + CHURN + "acquisition:\n  - {<<: [*a, *b], name: B}\n", [f"s.yaml:5:6: acquisition[0].<<: {MERGE}"]),
        (HEAD + CHURN + "acquisition:\n  - <<:\n      - *a\n      - *b\n    name: B\n",
         [f"s.yaml:5:5: acquisition[0].<<: {MERGE}"]),
        # A quoted '<<' is refused as the merge key it is read as.
        (HEAD + CHURN + "monetization: {'<<': *m}\n", [f"s.yaml:4:16: monetization.<<: {MERGE}"]),
        # In a mapping keyed by months, the key is no age '<<' besides.
        (HEAD + "retention: {points: {<<: *p, 3: 0.2}}\n", [f"s.yaml:3:22: retention.points[<<]: {MERGE}"]),
        # An alias beside a merge key, not in it, is its own problem.
        (HEAD + CHURN + "acquisition:\n  - {<<: *ch, name: *n}\n",
         [f"s.yaml:5:6: acquisition[0].<<: {MERGE}", f"s.yaml:5:21: acquisition[0].name: {ANCHOR} '*n'"]),
    ],
)
def test_a_merged_alias_is_one_line(text: str, expected: list[str]) -> None:
    assert errors_of(text) == expected


@pytest.mark.parametrize(("lang", "merge", "anchor"), [
    ("en", MERGE, f"{ANCHOR} '&ch'"),
    ("zh", "不支持 YAML 合并键（'<<'）；请在此处逐个写出各字段", "不允许使用 YAML 锚点和别名，发现 '&ch'"),
])
def test_validate_tells_a_merged_alias_once(tmp_path: Path, lang: str, merge: str, anchor: str) -> None:
    path = tmp_path / "merged.yaml"
    path.write_text(HEAD + CHURN + "acquisition:\n" + CHANNEL + "  - {<<: *ch, name: B}\n  - {<<: [*ch], name: C}\n",
                    encoding="utf-8")
    result = invoke(["--lang", lang, "validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:5:5: acquisition[0]: {anchor}", f"{path}:6:6: acquisition[1].<<: {merge}",
                                          f"{path}:7:6: acquisition[2].<<: {merge}"]

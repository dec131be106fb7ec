"""`check --base` read in a CI log: each file's title on one line a grep finds whole, why its version at REF is
invalid right under its own table (as markdown puts it), and markdown without a targets section when no file was
checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import commit_all, in_terminal
from test_validate_and_check import BROKEN, LOSING, example, write

# BROKEN's errors: line 2 "retention: {monthly_churn: 1.5}" (1.5 at column 28), line 3 an unknown key at column 1.
BROKEN_AT_HEAD = ("at HEAD, line 2, column 28: retention.monthly_churn:", "at HEAD, line 3, column 1: unknown_key:")
LONG_NAME = "Chat assistant for video sites, paid by CPA on three networks, with a yearly plan and a monthly plan"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a.yaml and c.yaml invalid at HEAD, valid now; b.yaml valid at both, its price changed."""
    write(tmp_path, {"scenarios/a.yaml": BROKEN, "scenarios/b.yaml": LOSING, "scenarios/c.yaml": BROKEN})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/a.yaml": example(), "scenarios/b.yaml": example(price=20), "scenarios/c.yaml": example()})
    return tmp_path


@pytest.mark.parametrize("format_", ["text", "table", "github"])
def test_why_a_version_at_ref_is_invalid_follows_its_own_table(repo: Path, format_: str) -> None:
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", format_])
    lines = result.stdout.splitlines()

    def under_table(file: str) -> list[str]:
        """The lines right after the table titled with ``file``, up to the next title."""
        title = lines.index(f"scenarios/{file} (Spec example): modified")
        end = next(i for i in range(title, len(lines)) if lines[i].startswith("└"))
        following = lines[end + 1:]
        return following[:next((i for i, line in enumerate(following) if line.startswith("scenarios/")
                                and " at HEAD, " not in line), len(following))]

    assert under_table("a.yaml") == [line for line in under_table("a.yaml") if line.startswith("scenarios/a.yaml ")]
    assert [line[len("scenarios/a.yaml "):][:len(start)] for line, start in zip(under_table("a.yaml"), BROKEN_AT_HEAD,
                                                                               strict=True)] == list(BROKEN_AT_HEAD)
    assert under_table("b.yaml") == []
    assert [line[len("scenarios/c.yaml "):][:len(start)] for line, start in zip(under_table("c.yaml"), BROKEN_AT_HEAD,
                                                                               strict=True)] == list(BROKEN_AT_HEAD)


@pytest.mark.parametrize("format_", ["text", "github"])
def test_a_title_is_one_unpadded_line_in_a_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_: str) -> None:
    # The before side invalid: a narrow table, under a title longer than it, which Rich wrapped to the table's width.
    write(tmp_path, {"scenarios/plan.yaml": BROKEN, "scenarios/short.yaml": LOSING})
    commit_all(tmp_path, monkeypatch)
    # Added since HEAD, one line longer than the 160 columns of a log, which Rich wrapped there.
    added = "Added " + "x" * 160
    write(tmp_path, {"scenarios/plan.yaml": example(name=LONG_NAME), "scenarios/short.yaml": example(price=20),
                     "scenarios/zz.yaml": example(name=added)})
    lines = invoke(["check", "scenarios", "--base", "HEAD", "--format", format_]).stdout.splitlines()
    assert f"scenarios/plan.yaml ({LONG_NAME}): modified" in lines
    assert "scenarios/short.yaml (Spec example): modified" in lines  # not padded to its table's width
    assert f"scenarios/zz.yaml ({added}): new since HEAD" in lines
    assert [line for line in lines if line.endswith(" ")] == []


def test_a_title_in_a_terminal_fits_its_width(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"scenarios/plan.yaml": BROKEN})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/plan.yaml": example(name=LONG_NAME)})
    in_terminal(monkeypatch, 80)
    out = invoke(["check", "scenarios", "--base", "HEAD"]).stdout
    # Its title and table; the lines of the errors at HEAD under them are a log's, whole for a grep there too.
    table = out[:out.index("scenarios/plan.yaml at HEAD, line 2")]
    assert max(cell_len(line) for line in table.splitlines()) <= 80, out
    assert " ".join(out[:out.index("┏")].split()) == f"scenarios/plan.yaml ({LONG_NAME}): modified"


def test_markdown_has_no_targets_section_when_no_file_was_checked(tmp_path: Path) -> None:
    plan = write(tmp_path, {"plan.yaml": LOSING}) / "plan.yaml"
    result = invoke(["check", str(plan), "--set", "Nowhere.bid=13", "--format", "markdown"])
    assert result.exit_code == 2, result.stderr
    assert "Targets" not in result.stdout
    assert result.stdout.startswith("### Invalid files\n"), result.stdout
    # A file checked keeps its section, as text's table does.
    checked = invoke(["check", str(plan), "--set", "CPA.bid=13", "--format", "markdown"]).stdout
    assert "### Targets" in checked

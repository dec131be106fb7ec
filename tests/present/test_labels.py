"""present/labels.py: every label in both languages, a loud error for a key it lacks, no key left unused, no key
in two modules of present/label_catalogue/."""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from aigc_roi.model.figures import MONTH_COLUMNS
from aigc_roi.present import label_catalogue
from aigc_roi.present.label_catalogue import Label
from aigc_roi.present.labels import (
    LABELS,
    LabelDefinedTwice,
    UnknownLabel,
    bracketed,
    header_label,
    label,
    merged,
    short_label,
    unqualified,
)

PACKAGE = Path(__file__).resolve().parents[2] / "aigc_roi"
LABELS_MODULE = PACKAGE / "present" / "labels.py"
CATALOGUE = PACKAGE / "present" / "label_catalogue"
LOOKUPS = {"filled", "label", "short_label", "header_label"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@functools.cache
def _modules() -> list[tuple[Path, ast.Module]]:
    """The modules that use labels: not the ones that define them, where every key is written once."""
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))
            if path != LABELS_MODULE and CATALOGUE not in path.parents]


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_reads_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = LABELS[key]
    assert entry.en.strip() and entry.zh.strip()
    assert _fields(entry.zh) == _fields(entry.en)
    if entry.short is not None:
        english, chinese = entry.short
        assert english.strip() and chinese.strip() and (english, chinese) != (entry.en, entry.zh)
        # A short label is what a header or a sentence shows: no parenthetical left to cut off.
        assert "(" not in english + chinese and "（" not in chinese


def test_an_unknown_key_raises_instead_of_showing_the_key() -> None:
    # Markdown headers once read "recognised_revenue_short": a missing label must stop the program, not print.
    for lookup in (label, short_label, header_label):
        with pytest.raises(UnknownLabel, match="no label 'recognised_revenue_short'"):
            lookup("recognised_revenue_short", "zh")


def test_short_labels_and_languages() -> None:
    assert (label("roi", "en"), short_label("roi", "en")) == ("ROI (paid, after variable, before fixed)", "ROI")
    assert (label("npv", "zh"), short_label("npv", "zh")) == ("净现值（NPV）", "净现值")
    assert short_label("ltv", "zh") == label("ltv", "zh") == "单个新增用户 LTV"  # short already
    # Spec 1.2: the payback figures say what they measure; their short form is the plain name.
    assert (label("payback_month", "zh"), short_label("payback_month", "zh")) == ("回本月份（全盘现金）", "回本月份")
    assert label("ad_spend", "fr") == "Ad spend"  # a language without labels reads English


def test_chinese_writes_its_brackets_full_width_and_a_label_loses_its_qualifier_in_either() -> None:
    assert label("irr", "zh") == "内部收益率（IRR，年化）" and label("irr", "en") == "IRR (annual)"
    assert (bracketed("CNY", "en"), bracketed("CNY", "zh")) == (" (CNY)", "（CNY）")
    # A sheet's money header and explain's title: the label without what it qualifies, in either language's brackets.
    assert (unqualified(label("irr", "en")), unqualified(label("irr", "zh"))) == ("IRR", "内部收益率")
    assert unqualified("测试期 ROAS（第 1..T 月）") == "测试期 ROAS" and unqualified("广告支出") == "广告支出"
    # A qualifier that does not end the label is part of its name.
    assert unqualified("LTV (per user) of a channel") == "LTV (per user) of a channel"


@pytest.mark.parametrize("key", ["month", *MONTH_COLUMNS])
def test_chinese_month_headers_are_their_short_labels_with_break_marks(key: str) -> None:
    marked = header_label(key, "zh")
    assert "\u200b" in marked
    assert marked.replace("\u200b", "") == short_label(key, "zh")
    assert header_label(key, "en") == short_label(key, "en")


def test_a_key_two_catalogue_modules_define_is_refused() -> None:
    # Merged with update alone, the second module's label would silently replace the first's.
    first, second = {"a": Label("A", "甲"), "b": Label("B", "乙")}, {"c": Label("C", "丙"), "a": Label("A", "甲")}
    with pytest.raises(LabelDefinedTwice, match="present/label_catalogue/: a$"):
        merged(first, second)
    assert list(merged(first, {"c": Label("C", "丙")})) == ["a", "b", "c"]


def test_every_catalogue_module_is_merged() -> None:
    modules = [importlib.import_module(f"{label_catalogue.__name__}.{info.name}")
               for info in pkgutil.iter_modules(label_catalogue.__path__)]
    assert len(modules) > 1 and sum(len(module.LABELS) for module in modules) == len(LABELS)
    assert all(LABELS[key] is entry for module in modules for key, entry in module.LABELS.items())


def test_no_label_is_unused() -> None:
    # Keys are written out where they are used (never assembled from pieces), so a key that appears in no
    # module is dead.
    literals = {node.value for _, tree in _modules() for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert sorted(set(LABELS) - literals) == []


def test_every_key_looked_up_by_name_has_a_label() -> None:
    missing, assembled = [], []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in LOOKUPS and node.args:
                key, where = node.args[0], f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                if isinstance(key, ast.Constant) and key.value not in LABELS:
                    missing.append(f"{where}: {key.value}")
                elif isinstance(key, ast.JoinedStr | ast.BinOp):
                    assembled.append(where)
    assert missing == []
    assert assembled == [], "a label key built from pieces: write it out in a table beside the lookup"


NAMED_PROBLEM = re.compile(r"(--[\w-]+|\{option\}|\{name\}): ")


@pytest.mark.parametrize("key", sorted(key for key, entry in LABELS.items() if NAMED_PROBLEM.match(entry.en)))
def test_a_name_before_its_problem_takes_a_full_width_colon_in_chinese(key: str) -> None:
    """``--plot：应为...`` as ``--budget：应为...`` (present/messages_zh.py) and click's refusals (cli/edge.py):
    an option, or a name, then its problem. A location keeps its ASCII colons (``file:3:5: path:``), a file's name
    alone among them (below)."""
    name = NAMED_PROBLEM.match(LABELS[key].en)
    assert name is not None and LABELS[key].zh.startswith(name[1] + "："), LABELS[key].zh


@pytest.mark.parametrize("key", sorted(key for key, entry in LABELS.items() if entry.en.startswith("{path}: ")))
def test_a_file_before_its_problem_keeps_an_ascii_colon_in_chinese(key: str) -> None:
    """``aigc-roi: r.html: 文件已存在``: a file's name is a location, as ``file:3:5:`` is (README)."""
    assert LABELS[key].zh.startswith("{path}: "), LABELS[key].zh

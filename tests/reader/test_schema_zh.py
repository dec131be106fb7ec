"""`aigc-roi schema` in Chinese: every title and description translated, nothing else changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from cli_runner import invoke

from aigc_roi.model.targets import TARGET_FIGURES
from aigc_roi.present.labels import label
from aigc_roi.present.schema_zh import SCHEMA_ZH, translate_schema
from aigc_roi.reader.fields import field_title, json_schema

CJK = range(0x4E00, 0xA000)


def _strings(node: Any) -> Iterator[tuple[str, str]]:
    """Every (keyword, text) of a title or description anywhere in the schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield key, value
            else:
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _differences(en: Any, zh: Any, where: str = "#") -> Iterator[str]:
    """Walk both trees side by side: where they differ other than in the text of a title or description."""
    if type(en) is not type(zh):
        yield f"{where}: {type(en).__name__} vs {type(zh).__name__}"
    elif isinstance(en, dict):
        if list(en) != list(zh):
            yield f"{where}: keys {list(en)} vs {list(zh)}"
            return
        for key in en:
            if key in ("title", "description") and isinstance(en[key], str):
                if zh[key] != SCHEMA_ZH.get(en[key]):
                    yield f"{where}/{key}: {zh[key]!r} is not the translation of {en[key]!r}"
            else:
                yield from _differences(en[key], zh[key], f"{where}/{key}")
    elif isinstance(en, list):
        if len(en) != len(zh):
            yield f"{where}: {len(en)} vs {len(zh)} items"
            return
        for i, (a, b) in enumerate(zip(en, zh, strict=True)):
            yield from _differences(a, b, f"{where}/{i}")
    elif en != zh:
        yield f"{where}: {en!r} vs {zh!r}"


def test_every_title_and_description_has_a_chinese_translation() -> None:
    # A new field, or a reworded description, without its Chinese text fails here.
    missing = sorted({text for _, text in _strings(json_schema()) if text not in SCHEMA_ZH})
    assert missing == []


def test_every_translation_is_of_a_text_the_schema_has() -> None:
    # A translation whose English text is gone is stale: the table says only what the schema says.
    used = {text for _, text in _strings(json_schema())}
    assert sorted(set(SCHEMA_ZH) - used) == []


def test_translations_are_chinese() -> None:
    untranslated = [text for text, zh in SCHEMA_ZH.items() if not any(ord(char) in CJK for char in zh)]
    assert untranslated == []


def test_the_chinese_schema_differs_only_in_titles_and_descriptions() -> None:
    en = json_schema()
    zh = translate_schema(en)
    assert list(_differences(en, zh)) == []
    # The walk above compares every leaf; count that it met the translated strings at all.
    assert sum(1 for _ in _strings(zh)) == sum(1 for _ in _strings(en)) > 100
    assert zh["properties"]["targets"]["properties"]["min_roi"]["title"] == "ROI 下限"
    assert en == json_schema()  # translating builds a copy: the English schema is untouched


def test_the_chinese_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(translate_schema(json_schema()))


def test_target_titles_match_the_check_table() -> None:
    # check --lang zh shows a target as "KEY words"; the words are the schema's title of that key.
    for key in TARGET_FIGURES:
        assert label(f"target_{key}", "zh") == f"{key} {SCHEMA_ZH[field_title(key)]}"


@pytest.mark.parametrize("args", [["schema", "--lang", "zh"], ["schema"]], ids=["flag", "locale"])
def test_schema_command_in_chinese(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == translate_schema(json_schema())
    assert '"title": "获客成本上限"' in result.stdout  # written as UTF-8, not \\u escapes


def test_schema_command_in_english_is_the_reader_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # the flag wins over the locale
    result = invoke(["schema", "--lang", "en"])
    assert result.stdout == json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(("value", "valid"), [("150%", False), ("'1.5'", False), ("100.5%", False),
                                              ("0%", True), ("100%", True), ("12.5%", True)])
def test_the_chinese_schema_bounds_shares_as_the_english_one(value: str, valid: bool) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = {"name": "X", "retention": {"monthly_churn": 0.1}, "monetization": {"revenue_fee": yaml.safe_load(value)}}
    errors = list(jsonschema.Draft202012Validator(translate_schema(json_schema())).iter_errors(document))
    assert (errors == []) == valid

"""`init --lang zh` names the next command to run, `aigc-roi run FILE`; under a locale that is not Chinese, that
command printed English, as the locale decides where no --lang is given. The next command now carries the --lang
that the locale would not give (the English line for an ASCII stderr too); where the locale gives it, it is as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke


@pytest.mark.parametrize("argv", [["init", "-t", "starter", "s6.yaml", "--lang", "zh"],
                                  ["--lang", "zh", "init", "-t", "starter", "s6.yaml"]])
def test_chinese_asked_under_an_english_locale_is_asked_of_the_next_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = invoke(argv)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "已根据模板 starter 写入 s6.yaml。下一步：aigc-roi run s6.yaml --lang zh\n"
    # Followed as printed, the next command speaks Chinese: its first figure's label is 广告支出, not Ad spend.
    followed = invoke(["run", "s6.yaml", "--lang", "zh"])
    assert followed.exit_code == 0 and "广告支出" in followed.stdout


@pytest.mark.parametrize(("locale", "lang", "said"), [
    ("zh_CN.UTF-8", "zh", "已根据模板 starter 写入 s6.yaml。下一步：aigc-roi run s6.yaml\n"),
    ("en_US.UTF-8", "en", "Wrote s6.yaml from template starter. Next: aigc-roi run s6.yaml\n"),
    ("en_US.UTF-8", None, "Wrote s6.yaml from template starter. Next: aigc-roi run s6.yaml\n"),
    ("zh_CN.UTF-8", None, "已根据模板 starter 写入 s6.yaml。下一步：aigc-roi run s6.yaml\n"),
])
def test_the_locales_own_language_needs_no_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: str,
                                                  lang: str | None, said: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", locale)
    result = invoke(["init", "-t", "starter", "s6.yaml", *(["--lang", lang] if lang else [])])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == said

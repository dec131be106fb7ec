"""`aigc-roi init [FILE]`: write a bundled, commented scenario to start from."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi.cli.files import is_folder
from aigc_roi.cli.options import FileToWrite, ForceOption, LangOption, QuietOption
from aigc_roi.cli.output import given, open_command, refuse_idle, refuse_other_format
from aigc_roi.cli.streams import STDOUT, Localized, emit, fail_with, note, show
from aigc_roi.present.labels import bracketed, label
from aigc_roi.present.language import default_lang

if TYPE_CHECKING:
    from aigc_roi.present.layout import Fitted

TEMPLATES: Traversable = resources.files("aigc_roi") / "templates"
"""Bundled scenarios; every ``*.yaml`` here is a template named by its stem. A file of the
same name in ``templates/zh/`` is that template with Chinese comments and Chinese names, the plan's and each
item's (B站 CPA（注册用户）; the same values otherwise), written and listed under ``--lang zh`` or a Chinese
locale; tests/cli/test_init.py requires one for every template."""
DEFAULT_TEMPLATE = "starter"


def bundled_templates() -> dict[str, Traversable]:
    """Template name -> file, sorted by name."""
    if not TEMPLATES.is_dir():
        return {}
    files = [entry for entry in TEMPLATES.iterdir() if entry.is_file() and entry.name.endswith(".yaml")]
    return {entry.name.removesuffix(".yaml"): entry for entry in sorted(files, key=lambda entry: entry.name)}


def init(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", click_type=FileToWrite(), help="Where to write the scenario; - writes it to standard output.")
    ] = Path("scenario.yaml"),
    template: Annotated[
        str, typer.Option("--template", "-t", metavar="NAME", help="Bundled scenario to start from (see --list).")
    ] = DEFAULT_TEMPLATE,
    list_: Annotated[bool, typer.Option("--list", help="List the bundled templates and exit.")] = False,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write a commented starter scenario (or any bundled template) to edit."""
    language = open_command(lang, quiet, evaluates=False)
    # --list writes no file, so a file, a template to write or leave to replace is a request it would drop.
    refuse_idle([(name, "not --list", list_ and given(parameter))
                  for name, parameter in (("FILE", "file"), ("--template", "template"), ("--force", "force"))],
                 None, language)
    refuse_other_format(file, "yaml", language)
    templates = bundled_templates()
    if list_:
        show(lambda: [_template_table(templates, language)])
        return
    source = templates.get(template)
    if source is None:
        from aigc_roi.model.names import resembling  # on a typo's path only

        # A prefix ("chat" for "chat-assistant-cpa") is the commonest slip, which the rule takes as a name held.
        close = resembling(template, templates)
        fail_with("init_unknown_template", language, name=template,
                  names=Localized(lambda lang: label("list_separator", lang).join(templates) or "—"),
                  hint=Localized(lambda lang: label("did_you_mean", lang).format(
                      names=label("or_separator", lang).join(map(repr, close))) if close else ""))
    text = _in_language(template, source, language).read_text(encoding="utf-8")
    if str(file) == STDOUT:
        emit(text)
        return
    if is_folder(file):
        # files.write_atomically would rename over a folder with --force and fail untidily.
        fail_with("is_a_folder", language, of_command_line=True, path=file)
    emit(text, file, force)
    # The next command runs in the locale's language unless told: --lang zh given under an English locale is said in
    # it, or following it prints English (the English line, for a stderr that cannot write Chinese, says it too).
    option = f" --lang {language}" if language != default_lang() else ""
    note(*(label("init_wrote", lang).format(path=file, template=template, lang=option) for lang in (language, "en")))


def _template_table(templates: dict[str, Traversable], lang: str) -> Fitted:
    """The templates and what each models, laid out as every table is (present/layout.py): Rich kept a Chinese name
    and the word after it as one run and cut it at 45 columns ("图片社区 Imag…"); narrower, a block per template."""
    from rich.text import Text

    from aigc_roi.present.blocks import table_or_blocks
    from aigc_roi.present.layout import Column

    names = [name + (bracketed(label("default_marker", lang), lang) if name == DEFAULT_TEMPLATE else "") for name in templates]
    described = [_scenario_name(_in_language(name, source, lang)) for name, source in templates.items()]
    return table_or_blocks([Column(label("template", lang), [Text(name) for name in names], numeric=False),
                            Column(label("description", lang), [Text(text) for text in described], numeric=False)],
                           label("templates", lang), "")


def _in_language(name: str, source: Traversable, lang: str) -> Traversable:
    """The template ``name`` as written for ``lang``: its translation (Chinese comments and name) where there is one."""
    translated = TEMPLATES / lang / f"{name}.yaml"
    return translated if lang != "en" and translated.is_file() else source


def _scenario_name(source: Traversable) -> str:
    """The template's ``name:``, which says what it models; blank if it does not load."""
    from aigc_roi.model.errors import ScenarioInvalid
    from aigc_roi.reader.load import load_text

    try:
        return load_text(source.read_text(encoding="utf-8"), source.name).scenario.name
    except ScenarioInvalid:
        return ""

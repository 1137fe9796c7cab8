"""Finding and loading config and content together: what `run`, `check` and `screenshot` all need first."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.config import SiteConfig, find_config_file, language_enabled_at, load_config
from kiosk.content import Content, load_content
from kiosk.problems import Problem, internal_error


@dataclass(frozen=True)
class Loaded:
    config: SiteConfig
    content: Content | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems and self.content is not None


def load_everything(config_arg: str | None = None, content_arg: str | None = None,
                    environ=os.environ) -> Loaded:
    """Config first (it names the languages and may move the content), then the content it points to.
    Never raises: `kiosk run` must reach its error screen whatever the files hold (under systemd's
    Restart=always a crash at startup is a crash loop), and `kiosk check` must print a list."""
    config_file = find_config_file(config_arg, environ)
    try:
        config, problems = load_config(config_file)
    except Exception as error:  # noqa: BLE001 - the last safety net; readers have their own
        return Loaded(SiteConfig(source=config_file), None, [internal_error(str(config_file), error)])
    folder = Path(content_arg) if content_arg else config.content_folder()
    try:
        content, content_problems = load_content(folder, config.languages, paths.assets_dir(),
                                                 lambda language: language_enabled_at(config, language))
    except Exception as error:  # noqa: BLE001
        content, content_problems = None, [internal_error(str(folder), error)]
    return Loaded(config, content, problems + content_problems)

"""Finding and loading config and content together: what `run`, `check` and `screenshot` all need first."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.config import SiteConfig, find_config_file, load_config
from kiosk.content import Content, load_content
from kiosk.problems import Problem


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
    """Config first (it names the languages and may move the content), then the content it points to."""
    config, problems = load_config(find_config_file(config_arg, environ))
    folder = Path(content_arg) if content_arg else config.content_folder()
    content, content_problems = load_content(folder, config.languages, paths.assets_dir())
    return Loaded(config, content, problems + content_problems)

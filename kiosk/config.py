"""Site configuration: one YAML file per kiosk, read strictly, with defaults that just work.

Found by --config, else $KIOSK_CONFIG, else the per-user then machine-wide config folder, else the
built-in defaults. Relative paths in the file are relative to the file's own folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from kiosk import paths
from kiosk.fields import Fields
from kiosk.problems import Problem, internal_error
from kiosk.yamldoc import YamlDoc, load_yaml_file

PRINTER_KINDS = ("cups", "qt", "folder")
PAPER_SIZES = ("letter", "a4")
DISPLAY_MODES = ("auto", "fullscreen", "windowed")
TEXT_SIZES = (100, 125, 150)
# A language is a code like "es" or "zh-Hant": which ones exist is content's to say (ui.yaml's languages); the
# kiosk checks each enabled one against the content it loads (kiosk/startup.py).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Clinic:
    name: str = "Demo Pain Clinic"
    phone: str = "555-0100"
    address: str = "100 Example Street, Springfield"
    website: str = "https://example.org"
    logo: Path | None = None


def clinic_values(clinic: Clinic) -> dict[str, str]:
    """The clinic's details under the {placeholder} names content text uses."""
    return {"clinic_name": clinic.name, "clinic_phone": clinic.phone, "clinic_address": clinic.address,
            "clinic_website": clinic.website}


@dataclass(frozen=True)
class IdleTimes:
    """Seconds without a touch before the kiosk acts (spec §6)."""

    survey_seconds: int = 60
    countdown_seconds: int = 30
    explainer_seconds: int = 180
    done_seconds: int = 20
    staff_seconds: int = 120


@dataclass(frozen=True)
class PrinterSpec:
    """`cups:QUEUE`, `qt:NAME` (an empty target = the system's default printer) or `folder:PATH` (empty = the
    default folder)."""

    kind: str
    target: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind


@dataclass(frozen=True)
class SiteConfig:
    source: Path | None = None
    kiosk_name: str = "Lobby kiosk"
    clinic: Clinic = field(default_factory=Clinic)
    languages: tuple[str, ...] = ("en", "es")
    default_language: str = "en"
    language_lines: Mapping[str, int | None] = field(default_factory=dict)   # where this file enables each
    idle: IdleTimes = field(default_factory=IdleTimes)
    printer: PrinterSpec = field(default_factory=lambda: PrinterSpec("folder"))
    paper: str = "letter"
    spool_dir: Path = field(default_factory=paths.default_spool_dir)
    spool_retention_hours: int = 24
    reprint_grace_minutes: int = 10  # a printed document is kept this long for "Print again", then deleted
    staff_pin_hash: str | None = None
    content_dir: Path | None = None
    display: str = "auto"
    hide_cursor: bool = False
    text_size: int = 100
    high_contrast: bool = False
    screen_dpi: float | None = None
    log_dir: Path = field(default_factory=paths.default_log_dir)

    @property
    def is_builtin(self) -> bool:
        return self.source is None

    def content_folder(self) -> Path:
        return self.content_dir or paths.builtin_content_dir()


def find_config_file(cli_path: str | os.PathLike | None,
                     environ: Mapping[str, str] = os.environ) -> Path | None:
    """The config file to use, by the documented order; None means the built-in defaults."""
    if cli_path:
        return Path(cli_path)
    if environ.get("KIOSK_CONFIG"):
        return Path(environ["KIOSK_CONFIG"])
    for candidate in (paths.user_config_file(), paths.site_config_file()):
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> tuple[SiteConfig, list[Problem]]:
    """Read and check the file; with problems, the returned config holds defaults for the bad values."""
    if path is None:
        return SiteConfig(), []
    doc = load_yaml_file(path)
    if doc.problems:
        return SiteConfig(source=path), doc.problems
    if doc.data is None:
        return SiteConfig(source=path), []
    try:
        config = _read(doc, Fields(doc), path)
    except Exception as error:  # noqa: BLE001 - the safety net; the fuzzer counts every catch as a bug
        return SiteConfig(source=path), doc.problems + [internal_error(doc.label, error)]
    return config, doc.problems


TOP_KEYS = ("kiosk_name", "clinic", "languages", "default_language", "idle", "printer", "paper", "spool_dir",
            "spool_retention_hours", "reprint_grace_minutes", "staff_pin_hash", "content_dir", "display",
            "hide_cursor", "text_size", "high_contrast", "screen_dpi", "log_dir")


def _read(doc: YamlDoc, fields: Fields, path: Path) -> SiteConfig:
    base = path.parent
    data = fields.mapping(doc.data, (), optional=TOP_KEYS, what="the config file")
    if data is None:
        return SiteConfig(source=path)
    values: dict[str, Any] = {"source": path}

    def take(key: str, reader) -> None:
        if key in data and data[key] is not None:
            result = reader(data[key], (key,))
            if result is not None:
                values[key] = result

    take("kiosk_name", lambda v, p: fields.string(v, p, what="kiosk_name"))
    take("clinic", lambda v, p: _read_clinic(fields, v, p, base))
    take("languages", lambda v, p: _read_languages(fields, v, p))
    take("default_language", lambda v, p: _read_language_code(fields, v, p, what="default_language"))
    take("idle", lambda v, p: _read_idle(fields, v, p))
    take("printer", lambda v, p: _read_printer(fields, v, p, base))
    take("paper", lambda v, p: fields.choice(v, p, PAPER_SIZES, what="paper"))
    take("spool_dir", lambda v, p: _read_path(fields, v, p, base))
    take("spool_retention_hours", lambda v, p: fields.integer(v, p, what="spool_retention_hours", low=1, high=720))
    take("reprint_grace_minutes", lambda v, p: fields.integer(v, p, what="reprint_grace_minutes", low=0, high=60))
    take("staff_pin_hash", lambda v, p: _read_pin_hash(fields, v, p))
    take("content_dir", lambda v, p: _read_folder(fields, v, p, base))
    take("display", lambda v, p: fields.choice(v, p, DISPLAY_MODES, what="display"))
    take("hide_cursor", lambda v, p: fields.boolean(v, p, what="hide_cursor"))
    take("text_size", lambda v, p: _read_text_size(fields, v, p))
    take("high_contrast", lambda v, p: fields.boolean(v, p, what="high_contrast"))
    take("screen_dpi", lambda v, p: fields.number(v, p, what="screen_dpi", low=50, high=600))
    take("log_dir", lambda v, p: _read_path(fields, v, p, base))
    if "languages" in values:
        values["language_lines"] = {language: doc.line_of(("languages", index))
                                    for index, language in enumerate(values["languages"])}
    config = replace(SiteConfig(), **values)
    languages = config.languages
    if config.default_language not in languages:
        where = ("default_language",) if "default_language" in data else ("languages",)
        fields.problem(where, f"the default language '{config.default_language}' is not in languages "
                              f"({', '.join(languages)})", "Add it to languages, or pick one of them as default.")
    return config


def language_enabled_at(config: SiteConfig, language: str) -> tuple[str, str, int | None] | None:
    """Where the config file enables `language` (file, path, line), or None (the built-in defaults)."""
    if config.source is None or language not in config.language_lines:
        return None
    return str(config.source), f"languages[{config.languages.index(language)}]", config.language_lines[language]


def _read_clinic(fields: Fields, value: Any, path, base: Path) -> Clinic | None:
    data = fields.mapping(value, path, optional=("name", "phone", "address", "website", "logo"), what="clinic")
    if data is None:
        return None
    found: dict[str, Any] = {}
    for key in ("name", "phone", "address", "website"):
        if key in data:
            text = fields.string(data[key], path + (key,), what=f"clinic {key}", allow_empty=key != "name")
            if text is not None and _printable(fields, text, path + (key,)):
                found[key] = text.strip()
    if "website" in found and found["website"] and not found["website"].startswith(("http://", "https://")):
        fields.problem(path + ("website",), f"the website '{found['website']}' does not start with https://",
                       "Write the full address, like https://www.example.org")
    if data.get("logo") is not None:
        logo = _read_path(fields, data["logo"], path + ("logo",), base)
        if logo is not None:
            if not logo.is_file():
                fields.problem(path + ("logo",), f"the logo file '{logo}' does not exist",
                               "Check the file name, or remove the logo line.")
            elif logo.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
                fields.problem(path + ("logo",), f"the logo '{logo.name}' is not a PNG, JPEG or SVG file",
                               "Use a .png, .jpg or .svg file.")
            else:
                found["logo"] = logo
    return Clinic(**found)


def _printable(fields: Fields, text: str, path) -> bool:
    """The clinic's details are printed on every handout: a character the bundled font lacks prints as a box."""
    from kiosk.content.check_glyphs import GLYPH_FIX, describe_missing, handout_fonts, printable_characters, unprintable

    missing = unprintable(text, printable_characters(handout_fonts()))
    if missing:
        fields.problem(path, describe_missing(missing), GLYPH_FIX)
    return not missing


def _read_languages(fields: Fields, value: Any, path) -> tuple[str, ...] | None:
    items = fields.sequence(value, path, what="languages", min_items=1)
    if not items:
        return None
    languages = []
    for index, item in enumerate(items):
        language = _read_language_code(fields, item, path + (index,), what="this language")
        if language in languages:
            fields.problem(path + (index,), f"'{language}' is listed twice", "Delete one of them.")
        elif language:
            languages.append(language)
    return tuple(languages) if len(languages) == len(items) else None


def _read_language_code(fields: Fields, value: Any, path, *, what: str) -> str | None:
    text = fields.string(value, path, what=what)
    if text is not None and not LANGUAGE_CODE.fullmatch(text):
        fields.problem(path, f"{what} is '{text}', which is not a language code",
                       "Write the code of a language the content has, in lower case, like en or es.")
        return None
    return text


def _read_idle(fields: Fields, value: Any, path) -> IdleTimes | None:
    limits = {"survey_seconds": (15, 600), "countdown_seconds": (20, 120), "explainer_seconds": (30, 1800),
              "done_seconds": (5, 300), "staff_seconds": (30, 1800)}
    data = fields.mapping(value, path, optional=limits, what="idle")
    if data is None:
        return None
    found = {}
    for key, (low, high) in limits.items():
        if key in data:
            number = fields.integer(data[key], path + (key,), what=f"idle {key}", low=low, high=high)
            if number is not None:
                found[key] = number
    return IdleTimes(**found)


class PrinterSpecError(ValueError):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message, self.fix = message, fix


def parse_printer(text: str, base: Path) -> PrinterSpec:
    """`cups:QUEUE`, `cups` (the default destination), `qt:NAME`, `qt`, `folder:PATH` or `folder`.
    A relative folder is taken from `base`. Raises PrinterSpecError with a fix."""
    kind, _, target = text.partition(":")
    kind, target = kind.strip().lower(), target.strip()
    if kind not in PRINTER_KINDS:
        raise PrinterSpecError(f"'{text}' does not start with a printer kind the kiosk knows",
                               "Write cups:QUEUE_NAME (Linux), qt:PRINTER_NAME (Windows) or folder:PATH.")
    if kind == "folder" and target:
        target = str(_resolve(base, target))
    return PrinterSpec(kind, target)


def _read_printer(fields: Fields, value: Any, path, base: Path) -> PrinterSpec | None:
    text = fields.string(value, path, what="printer")
    if text is None:
        return None
    try:
        return parse_printer(text, base)
    except PrinterSpecError as error:
        fields.problem(path, error.message, error.fix)
        return None


def _read_path(fields: Fields, value: Any, path, base: Path) -> Path | None:
    text = fields.string(value, path, what=str(path[-1]))
    return _resolve(base, text) if text is not None else None


def _read_folder(fields: Fields, value: Any, path, base: Path) -> Path | None:
    folder = _read_path(fields, value, path, base)
    if folder is not None and not folder.is_dir():
        fields.problem(path, f"the folder '{folder}' does not exist", "Check the path, or remove the line.")
        return None
    return folder


def _read_pin_hash(fields: Fields, value: Any, path) -> str | None:
    from kiosk.staff_pin import SET_PIN_FIX, pin_hash_problem

    text = fields.string(value, path, what="staff_pin_hash")
    reason = pin_hash_problem(text) if text is not None else None
    if reason:
        fields.problem(path, reason, SET_PIN_FIX)
        return None
    return text


def _read_text_size(fields: Fields, value: Any, path) -> int | None:
    size = fields.integer(value, path, what="text_size")
    if size is not None and size not in TEXT_SIZES:
        fields.problem(path, f"text_size is {size}, but the kiosk offers 100, 125 or 150", "Use 100, 125 or 150.")
        return None
    return size


def _resolve(base: Path, text: str) -> Path:
    expanded = Path(os.path.expandvars(os.path.expanduser(text)))
    return expanded if expanded.is_absolute() else base / expanded

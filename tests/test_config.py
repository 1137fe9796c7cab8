from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import PrinterSpec, SiteConfig, find_config_file, load_config
from kiosk.config_example import EXAMPLE, example_config
from kiosk.printing.printer import default_printer_spec


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults_that_work():
    config, problems = load_config(None)
    assert problems == []
    assert config.is_builtin
    assert config.languages == ("en", "es")
    assert config.printer == PrinterSpec("folder")
    assert config.idle.countdown_seconds >= 20


def test_lookup_order_cli_then_env_then_user_then_site(tmp_path, private_platform_dirs):
    user, site = paths.user_config_file(), paths.site_config_file()
    assert find_config_file(None, {}) is None
    site.parent.mkdir(parents=True)
    site.write_text("kiosk_name: site\n")
    assert find_config_file(None, {}) == site
    user.parent.mkdir(parents=True)
    user.write_text("kiosk_name: user\n")
    assert find_config_file(None, {}) == user
    assert find_config_file(None, {"KIOSK_CONFIG": "/env.yaml"}) == Path("/env.yaml")
    assert find_config_file("/cli.yaml", {"KIOSK_CONFIG": "/env.yaml"}) == Path("/cli.yaml")


def test_values_are_read_and_paths_resolved_against_the_file(tmp_path):
    (tmp_path / "printed").mkdir()
    path = write(tmp_path, 'kiosk_name: "Lobby 2"\nprinter: "folder:printed"\npaper: a4\nlanguages: [es]\n'
                           'default_language: es\nspool_dir: spool\nidle:\n  survey_seconds: 90\n')
    config, problems = load_config(path)
    assert problems == []
    assert config.kiosk_name == "Lobby 2"
    assert config.printer == PrinterSpec("folder", str(tmp_path / "printed"))
    assert config.paper == "a4"
    assert config.languages == ("es",)
    assert config.spool_dir == tmp_path / "spool"
    assert config.idle.survey_seconds == 90
    assert config.idle.countdown_seconds == SiteConfig().idle.countdown_seconds


def test_the_printed_example_is_a_valid_config_equal_to_the_defaults_but_for_the_printer(tmp_path):
    config, problems = load_config(write(tmp_path, EXAMPLE))
    assert problems == []
    defaults = SiteConfig()
    for name in ("kiosk_name", "clinic", "languages", "default_language", "idle", "paper",
                 "spool_retention_hours", "display", "hide_cursor", "text_size", "high_contrast"):
        assert getattr(config, name) == getattr(defaults, name), name
    # A real kiosk prints on paper: the example proposes this platform's default printer, where the built-in
    # demo settings (no config file at all) write PDF files into a folder.
    assert config.printer == default_printer_spec() and defaults.printer == PrinterSpec("folder")


@pytest.mark.parametrize("platform,printer", [("linux", "cups"), ("darwin", "cups"), ("win32", "qt")])
def test_the_example_proposes_each_platforms_default_printer(tmp_path, platform, printer):
    config, problems = load_config(write(tmp_path, example_config(platform)))
    assert problems == [] and config.printer == PrinterSpec(printer)


@pytest.mark.parametrize("text,spec", [("cups", PrinterSpec("cups")), ("cups:FrontDesk", PrinterSpec("cups", "FrontDesk")),
                                       ("qt", PrinterSpec("qt")), ("QT: Front desk HP ", PrinterSpec("qt", "Front desk HP"))])
def test_printer_strings(tmp_path, text, spec):
    config, problems = load_config(write(tmp_path, f'printer: "{text}"\n'))
    assert problems == [] and config.printer == spec


@pytest.mark.parametrize("text,path,line,words", [
    ("kiosk_nam: x\n", "kiosk_nam", 1, "did you mean 'kiosk_name'"),
    ("idle:\n  countdown_seconds: 5\n", "idle.countdown_seconds", 2, "from 20 to 120"),
    ("printer: lpr:desk\n", "printer", 1, "printer kind"),
    ("paper: legal\n", "paper", 1, "not one of the choices"),
    ("languages: [en, English]\n", "languages[1]", 1, "not a language code"),
    ("languages: [en]\ndefault_language: es\n", "default_language", 2, "not in languages"),
    ("hide_cursor: maybe\n", "hide_cursor", 1, "true or false"),
    ("text_size: 110\n", "text_size", 1, "100, 125 or 150"),
    ("staff_pin_hash: '1234'\n", "staff_pin_hash", 1, "never write the PIN itself"),
    ("clinic:\n  name: X\n  website: example.org\n", "clinic.website", 3, "https://"),
    ("content_dir: /no/such/folder\n", "content_dir", 1, "does not exist"),
    ("kiosk_name: 12\n", "kiosk_name", 1, "read as a number"),
])
def test_each_broken_config_is_located_exactly(tmp_path, text, path, line, words):
    _, problems = load_config(write(tmp_path, text))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.path, problem.line) == (str(tmp_path / "config.yaml"), path, line)
    assert words in str(problem)
    assert problem.fix


def test_all_problems_are_reported_at_once(tmp_path):
    _, problems = load_config(write(tmp_path, "paper: legal\ntext_size: 7\nbogus: 1\n"))
    assert sorted(p.path for p in problems) == ["bogus", "paper", "text_size"]


def test_missing_config_file_is_a_problem(tmp_path):
    _, problems = load_config(tmp_path / "nope.yaml")
    assert "does not exist" in problems[0].message


def test_the_machine_config_is_found_in_any_xdg_config_dir_and_in_etc_xdg(monkeypatch, tmp_path):
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CONFIG_DIRS is a Linux convention")
    session_dir, second = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{session_dir}:{second}")
    candidates = paths.site_config_candidates()
    assert candidates == [session_dir / "clinic-kiosk" / "config.yaml", second / "clinic-kiosk" / "config.yaml",
                          Path("/etc/xdg/clinic-kiosk/config.yaml")]


def test_a_language_the_content_lacks_is_located_in_the_config_file(tmp_path):
    """Which languages exist is content's to say (issue 19): the config may enable any language code, and one the
    content does not have is reported at the config's line that enables it."""
    from kiosk.startup import load_everything

    config_file = write(tmp_path, "languages: [en, fr]\n")
    loaded = load_everything(str(config_file))
    assert loaded.content is None
    assert [(p.file, p.path, p.line) for p in loaded.problems] == [(str(config_file), "languages[1]", 1)]
    assert "the content" in loaded.problems[0].message and "ui.yaml" in loaded.problems[0].fix

"""The commented example printed by `kiosk config --example` (a test checks that it loads cleanly)."""

import sys

TEMPLATE = """\
# Clinic kiosk site configuration. Every setting is optional; the comments show the built-in default.
# Where the kiosk looks for this file: --config FILE, else $KIOSK_CONFIG, else
#   Linux:   ~/.config/clinic-kiosk/config.yaml, then /etc/xdg/clinic-kiosk/config.yaml
#   Windows: %LOCALAPPDATA%\\clinic-kiosk\\config.yaml, then C:\\ProgramData\\clinic-kiosk\\config.yaml
# Check it with: kiosk check --config THIS_FILE
# Relative paths are relative to this file's folder.

kiosk_name: "Lobby kiosk"          # printed on staff alert slips and shown in the staff panel

clinic:                            # printed on handouts and shown in the explainer's last chapter
  name: "Demo Pain Clinic"
  phone: "555-0100"
  address: "100 Example Street, Springfield"
  website: "https://example.org"   # printed as a QR code
  # logo: "logo.png"               # PNG, JPEG or SVG

languages: ["en", "es"]            # enabled languages; the content must have text for each
default_language: "en"

idle:
  survey_seconds: 60               # survey and review: "Still there?" after this long without a touch
  countdown_seconds: 30            # how long "Still there?" counts down before clearing (20 or more)
  explainer_seconds: 180           # explainer: back to the welcome screen
  done_seconds: 20                 # "your handout is printing" screen: back to welcome
  staff_seconds: 120               # staff screens close after this long without a touch

@PRINTER@# this platform's default printer. Or cups:QUEUE (Linux, macOS; see
                                   # `kiosk printers`), qt:PRINTER_NAME (Windows), folder:PATH (PDF files into
                                   # a folder). Without a config file the kiosk prints PDFs into a folder.
paper: "letter"                    # letter or a4
# spool_dir: "/var/lib/clinic-kiosk/spool"   # default: the per-user data folder
spool_retention_hours: 24          # printed jobs' records are deleted after this long (never an unprinted one)
reprint_grace_minutes: 10          # a printed document is kept this long for "Print again" (0 to 60)

# staff_pin_hash: "scrypt$..."    # set with `kiosk set-pin`; until then the PIN is 0000
# content_dir: "content"           # a folder of content YAML that replaces the built-in content

display: "auto"                    # auto (full screen on a touch screen, else a window), fullscreen, windowed
hide_cursor: false                 # true on a touch-only kiosk
text_size: 100                     # 100, 125 or 150 (percent): the starting text size for every patient
high_contrast: false               # start every session in the high-contrast colours
# screen_dpi: 141                  # the panel's real dots per inch, if the screen reports it wrongly
# log_dir: "/var/log/clinic-kiosk" # default: the per-user log folder
"""


def example_config(platform: str = sys.platform) -> str:
    """The example with this platform's sensible printer: Qt's default printer on Windows, CUPS's elsewhere."""
    from kiosk.printing.printer import default_printer_spec

    printer = str(default_printer_spec(platform))
    return TEMPLATE.replace("@PRINTER@", f'printer: "{printer}"'.ljust(35))


EXAMPLE = example_config()

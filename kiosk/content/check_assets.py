"""Where a picture named in content may live: a plain relative file name under assets/, nothing else.

Content is often edited by hand and copied between kiosks; a picture named by an absolute path, one that climbs
out with '..', or a symbolic link would show (or print) whatever that path holds on this machine, or nothing on
the next one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path, PurePosixPath

WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
FIX = "Put the picture in the assets folder and name it from there, like illustrations/calf-stretch.svg."


def asset_problem(assets: Path, name: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a picture named `name`, or None when it is a file under `assets`."""
    if name.startswith(("/", "\\")) or WINDOWS_DRIVE.match(name):
        return f"the picture '{name}' is an absolute path; pictures are named from the assets folder", FIX
    if "\\" in name:
        return f"the picture '{name}' uses '\\' between folders", "Use '/' between folder names, on every system."
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return f"the picture '{name}' points out of the assets folder ('..')", FIX
    place = assets
    for part in parts:
        place = place / part
        if place.is_symlink():
            return (f"the picture 'assets/{name}' is (or sits in) a symbolic link", "Copy the picture itself into "
                    "the assets folder: a link may point anywhere, or nowhere on the next kiosk.")
    try:
        inside = (assets / name).resolve().is_relative_to(assets.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        return f"the picture '{name}' is outside the assets folder", FIX
    if not (assets / name).is_file():
        return (f"the picture 'assets/{name}' does not exist",
                "Check the spelling; file names are case-sensitive. Pictures live under assets/.")
    if name.lower().endswith(".svg"):
        try:
            ElementTree.parse(assets / name)
        except ElementTree.ParseError as error:   # the screen would show nothing, the handout leave it out
            return (f"the picture 'assets/{name}' is not a readable SVG ({error})",
                    "Open it in a drawing program and save it again as plain SVG, or replace it.")
    return None

"""`python -m kiosk` runs the same command line as the `kiosk` script (and is the bundle's entry point)."""

import multiprocessing
import sys

from kiosk.cli import main

if __name__ == "__main__":
    # The render process (kiosk/handout/render_process.py) is started with "spawn": in the PyInstaller bundle that
    # runs this executable again, which must then become the render process, not a second kiosk.
    multiprocessing.freeze_support()
    sys.exit(main())

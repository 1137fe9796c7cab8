"""Waiting-room kiosk: leg cramps and neuropathy explainer, intake survey, printed handout."""

__version__ = "0.1.0"
APP_NAME = "clinic-kiosk"

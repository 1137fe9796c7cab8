"""Clinic-editable content: YAML in `content/` read into frozen dataclasses, checked strictly. No Qt here."""

from kiosk.content.loader import load_content
from kiosk.content.model import Content

__all__ = ["Content", "load_content"]

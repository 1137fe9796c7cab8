"""One call from a finished visit to the PDFs the front desk prints: the kiosk's worker thread, the CLI and the
self-test all come through here, so they make the same documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from kiosk.config import SiteConfig
from kiosk.content.model import Content
from kiosk.handout.builder import build_general_handout, build_handout
from kiosk.handout.render import render_handout, render_summary
from kiosk.handout.summary import build_summary
from kiosk.survey.outcome import compute_outcome


@dataclass(frozen=True)
class Documents:
    handout: bytes
    summary: bytes | None  # None for the general handout

    def __repr__(self) -> str:  # PDFs hold answers: never spill them into a log or traceback
        return f"Documents(handout={len(self.handout)} bytes, summary={len(self.summary or b'')} bytes)"


def make_documents(content: Content, config: SiteConfig, answers: Mapping[str, Any], language: str,
                   now: datetime, name: str | None = None, with_summary: bool = True) -> Documents:
    outcome = compute_outcome(content.survey, answers)
    handout = build_handout(content, answers, outcome, language=language, clinic=config.clinic, today=now.date(),
                            paper=config.paper, name=name)
    summary = build_summary(content, answers, outcome, kiosk_name=config.kiosk_name, when=now,
                            patient_language=language, paper=config.paper) if with_summary else None
    return Documents(render_handout(handout), render_summary(summary) if summary else None)


def make_general_handout(content: Content, config: SiteConfig, language: str, now: datetime) -> bytes:
    return render_handout(build_general_handout(content, language=language, clinic=config.clinic, today=now.date(),
                                                paper=config.paper))

"""One call from a finished visit to the PDFs the front desk prints: the kiosk's worker thread, the CLI and the
self-test all come through here, so they make the same documents.

The handout number ("Handout 17" on every page, and on the clinician summary) is the day's number, given when the
job is spooled. The kiosk makes the documents first (for the preview), without a number; when the patient taps
Print, the desk worker takes the day's next number and renders both again with it (`numbered`), on its own
thread, before spooling them. So a number is never used up by a patient who does not print.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Mapping

from kiosk.config import SiteConfig
from kiosk.content.model import Content
from kiosk.handout.builder import build_general_handout, build_handout
from kiosk.handout.render import render_handout, render_handout_with_layout, render_summary
from kiosk.handout.spec import HandoutSpec, SummarySpec
from kiosk.handout.summary import build_summary
from kiosk.survey.outcome import compute_outcome


@dataclass(frozen=True)
class Documents:
    handout: bytes
    summary: bytes | None  # None for the general handout
    number: int | None = None  # the day's handout number printed on them, once numbered
    # What they were rendered from, so they can be rendered again with a number (plain strings, no answers)
    handout_spec: HandoutSpec | None = field(default=None, repr=False, compare=False)
    summary_spec: SummarySpec | None = field(default=None, repr=False, compare=False)
    number_format: str = field(default="{number}", repr=False, compare=False)
    look: int | None = field(default=None, repr=False, compare=False)  # the layout look the handout got

    def __repr__(self) -> str:  # PDFs hold answers: never spill them into a log or traceback
        return f"Documents(handout={len(self.handout)} bytes, summary={len(self.summary or b'')} bytes)"

    def numbered(self, number: int) -> "Documents":
        """The same documents with the day's handout number on every page (rendered again: call on a worker)."""
        if self.handout_spec is None:
            return replace(self, number=number)
        handout = self.handout_spec.numbered(self.number_format.format(number=number))
        summary = _with_number(self.summary_spec, number) if self.summary_spec is not None else None
        return replace(self, handout=render_handout(handout, self.look), number=number, handout_spec=handout,
                       summary=render_summary(summary) if summary is not None else None, summary_spec=summary)


def _with_number(spec: SummarySpec, number: int) -> SummarySpec:
    """The summary's first row is the handout number (summary.build_summary puts it there)."""
    name, rows = spec.groups[0]
    first = replace(rows[0], value=str(number), emphasis=True)
    return replace(spec, groups=((name, (first,) + rows[1:]),) + spec.groups[1:])


def make_documents(content: Content, config: SiteConfig, answers: Mapping[str, Any], language: str,
                   now: datetime, name: str | None = None, with_summary: bool = True,
                   number: int | None = None) -> Documents:
    outcome = compute_outcome(content.survey, answers)
    handout = build_handout(content, answers, outcome, language=language, clinic=config.clinic, today=now.date(),
                            paper=config.paper, name=name, number=number)
    summary = build_summary(content, answers, outcome, kiosk_name=config.kiosk_name, when=now,
                            patient_language=language, paper=config.paper, number=number) if with_summary else None
    pdf, fill = render_handout_with_layout(handout)
    return Documents(pdf, render_summary(summary) if summary else None, number, handout, summary,
                     content.handout.text("handout_number", language), fill.look)


def make_general_handout(content: Content, config: SiteConfig, language: str, now: datetime) -> bytes:
    return render_handout(build_general_handout(content, language=language, clinic=config.clinic, today=now.date(),
                                                paper=config.paper))

"""One patient's visit: their language, reading comfort and survey. Memory only, one visit long.

A visit is never cleaned in place: when it ends (finish, Start over, idle timeout, an error) the shell
drops the object and makes a new one, so nothing of the last patient can linger in a field we forgot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import SiteConfig
from kiosk.content.model import KIND_TEXT
from kiosk.survey.session import SurveySession


@dataclass
class Visit:
    language: str
    text_percent: int
    high_contrast: bool
    survey: SurveySession | None = None
    alert_key: str | None = None   # this visit's staff alert (later red flags update it, spec §2.1)
    prepared: Any = None   # the PreparedHandout (PDF bytes and preview) once the worker has made it
    ticket: int = 0        # names the latest handout request, so stale worker results are dropped
    handout_number: int | None = None   # today's number of the printed handout ("your number is 17")

    @classmethod
    def fresh(cls, config: SiteConfig) -> "Visit":
        return cls(config.default_language, config.text_size, config.high_contrast)

    def typed_words(self) -> tuple[str, ...]:
        """What the patient typed (the first name): shown to them, never spoken (spec §7)."""
        if self.survey is None:
            return ()
        typed = (self.survey.answer_of(question.id) for question in self.survey.survey.questions
                 if question.kind == KIND_TEXT)
        return tuple(str(value) for value in typed if value)

    @property
    def answers(self) -> dict[str, Any]:
        """The answers that count so far (empty before the survey starts)."""
        return self.survey.finish() if self.survey else {}

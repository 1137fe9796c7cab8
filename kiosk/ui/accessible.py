"""What a screen reader is given for the kiosk's choice buttons (spec §7).

Qt describes a checkable button with one accessible action, "Toggle", which calls `toggle()`: the button's
tick changes but `clicked` never fires. Every kiosk choice (a language, a text size, an answer card) acts on
`clicked`, so a blind patient who chose "Español" with a screen reader saw, or rather heard, it ticked while the
kiosk stayed in English (found reading the AT-SPI tree). The kiosk's own accessible interface for checkable
buttons offers "Press", which clicks, exactly like a tap; it also gives the role a screen reader should say
(a radio button for one-of choices, a check box for any-of) and the checked state.

A button in an exclusive QButtonGroup (or auto-exclusive, or marked with `mark_one_of`: a row of numbers, the
cards of a one-answer question, which keep their own ticks) is a one-of choice: a radio button; any other
checkable button is a check box.

Qt makes a widget's accessible interface at its first accessibility event and keeps it: a button must be
checkable before that event (before its text is set, while a screen reader listens), or it keeps Qt's own
interface, whose first action is "Toggle".
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget

ONE_OF = "accessible_one_of"
_installed = False


class ChoiceButtonAccessible(QAccessibleWidget):
    def __init__(self, button: QAbstractButton):
        super().__init__(button, QAccessible.Role.CheckBox, "")

    @property
    def _button(self) -> QAbstractButton:
        # Asked of Qt each time rather than kept: a Python reference from the interface would keep the button alive.
        return self.widget()

    def role(self):  # noqa: D102 (Qt override): asked each time, so a group joined later counts
        button = self._button
        group = button.group()
        one_of = button.autoExclusive() or (group is not None and group.exclusive()) or bool(button.property(ONE_OF))
        return QAccessible.Role.RadioButton if one_of else QAccessible.Role.CheckBox

    def text(self, kind):  # noqa: D102 (Qt override)
        if kind == QAccessible.Text.Name:
            return self._button.accessibleName() or self._button.text()
        return super().text(kind)

    def state(self):  # noqa: D102 (Qt override)
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state

    def actionNames(self):  # noqa: N802 (Qt override)
        return [QAccessibleActionInterface.pressAction()] if self._button.isEnabled() else []

    def doAction(self, name):  # noqa: N802 (Qt override)
        if name == QAccessibleActionInterface.pressAction() and self._button.isEnabled() \
                and _deliberate(self._button):
            self._button.click()


def _deliberate(button: QAbstractButton) -> bool:
    """The deliberate-answer rule (spec §2.2) for a screen reader's activate, as for a tap or a key: an answer on
    a question just shown waits (the window's answer gate, where it has one, decides)."""
    gate = getattr(button.window(), "answer_gate", None)
    return gate is None or not gate.covers(button) or gate.take_choice()


def _factory(class_name: str, obj):
    # Lifetime: PySide's installFactory keeps a reference to every interface it returns, and Qt's accessibility
    # cache deletes the interface with its button (the wrapper then tells Python), so nothing here holds or frees
    # one (checked with 3,000 buttons made, queried, collected and deleted).
    if not isinstance(obj, QAbstractButton) or not obj.isCheckable():
        return None
    return ChoiceButtonAccessible(obj)


def mark_one_of(button: QAbstractButton, one_of: bool = True) -> None:
    """A checkable button that is one of several answers (a radio button to a screen reader), though not in an
    exclusive group (or, `one_of=False`, no longer: a button that answers each question in turn)."""
    button.setProperty(ONE_OF, one_of)


def name_scroll(area, name: str) -> None:
    """A scroll area and its bar (a screen reader can act on it: Increase, Decrease) say what they scroll."""
    area.setAccessibleName(name)
    area.verticalScrollBar().setAccessibleName(name)


def install() -> None:
    """Before any window is shown; once per process (a second call does nothing)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget, text: str, urgent: bool = False) -> None:
    """Tell a screen reader something new that has no focus of its own: a new screen, the idle warning, an
    emergency (assertive: it interrupts). Nothing is sent while no assistive technology listens."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)

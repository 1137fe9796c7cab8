"""Every patient-facing UI string the code uses, with the {placeholders} each one may contain.

content/ui.yaml must define exactly these keys, in every enabled language. Staff-only screens are English
in code (see docs/decisions/003-staff-screens-in-english.md).
"""

UI_KEYS: dict[str, tuple[str, ...]] = {
    # Welcome / attract screen
    "welcome.title": (),
    "welcome.subtitle": (),
    "welcome.learn": (),
    "welcome.start_check": (),
    "welcome.choose_language": (),
    "welcome.touch_to_begin": (),
    # Everywhere
    "common.start_over": (),
    "common.back": (),
    "common.next": (),
    "common.done": (),
    "common.more_below": (),
    # Speech and keys (spec §7): the Listen control, how a control's state is said, the Help key
    "speech.listen": (),
    "speech.selected": (),
    "speech.not_selected": (),
    "speech.position": ("current", "total"),
    "speech.unavailable": (),
    "speech.help": (),
    # "Start over" asks first (spec §6); keeping the answers is the default
    "confirm.start_over.title": (),
    "confirm.start_over.keep": (),
    "confirm.start_over.erase": (),
    # Reading comfort controls
    "comfort.text_size": (),
    "comfort.high_contrast": (),
    "comfort.text_size_percent": ("percent",),
    # Explainer
    "explainer.chapters": (),
    "explainer.menu_title": (),
    "explainer.page_of": ("current", "total"),
    # Survey
    "survey.question_of": ("current", "total"),
    "survey.skip_not_sure": (),
    "survey.skip_prefer_not": (),
    "survey.pick_all": (),
    "survey.choices_page": ("current", "total"),
    "survey.more_choices": (),
    "choice.yes": (),
    "choice.no": (),
    "bodymap.front": (),
    "bodymap.back": (),
    "bodymap.left": (),
    "bodymap.right": (),
    "bodymap.chosen": (),
    "bodymap.none_chosen": (),
    "bodymap.picture": (),
    "keyboard.space": (),
    "keyboard.delete": (),
    "keyboard.done": (),
    # Safety
    "alert.emergency.title": (),
    "alert.emergency.message": (),
    "alert.emergency.staff": (),
    "alert.emergency.desk_told": (),
    "alert.emergency.picture": (),
    "alert.urgent.title": (),
    "alert.urgent.message": (),
    "alert.urgent.continue": (),
    # Review and end
    "review.title": (),
    "review.hint": (),
    "review.no_answer": (),
    "review.finish": (),
    "handout.title": (),
    "handout.hint": (),
    "handout.preparing": (),
    "handout.preview_alt": (),
    "handout.previous_page": (),
    "handout.next_page": (),
    "handout.print": (),
    "handout.change": (),
    "handout.failed": (),
    "done.title": (),
    "done.message": (),
    "done.printing": ("number",),
    "done.print_failed": (),
    "done.print_failed_number": ("number",),
    # The idle "Still there?" overlay
    "idle.title": (),
    "idle.message": ("seconds",),
    "idle.more_time": (),
}

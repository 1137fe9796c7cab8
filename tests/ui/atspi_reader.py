"""Reads the kiosk the way a screen reader does: over the AT-SPI bus, with pyatspi (Debian's python3-pyatspi, so
this file runs under the system's Python, not the venv). Started by tests/ui/atspi_session.py.

    /usr/bin/python3 atspi_reader.py APP_NAME COMMAND...

Commands, run in order, each printing one JSON line:
    tree             every showing object: role, name, locale, actionable, states
    press NAME       activates the showing push button (or check box) whose name is NAME, like Orca's Enter
    wait SECONDS     lets the kiosk react (events keep being collected meanwhile)
    events           the accessibility events received so far: type, source role and name, detail
"""

import json
import sys
import time

import pyatspi
from gi.repository import GLib

ACTIONABLE = {"push button", "check box", "radio button", "toggle button", "menu item", "link", "entry",
              "text", "spin button", "slider", "page tab", "list item"}
EVENTS = ["object:announcement", "window:activate", "object:state-changed:focused",
          "object:state-changed:showing", "object:children-changed", "object:property-change:accessible-name"]
received = []


def find_app(name, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    raise SystemExit(f"no application named {name!r} on the AT-SPI bus")


def showing_objects(node, depth=0):
    try:
        states = node.getState()
        if not states.contains(pyatspi.STATE_SHOWING) and depth > 0:
            return
        role = node.getRoleName()
        yield {"role": role, "name": node.name or "", "actionable": role in ACTIONABLE,
               "locale": _locale(node), "depth": depth,
               "checked": states.contains(pyatspi.STATE_CHECKED),
               "focused": states.contains(pyatspi.STATE_FOCUSED),
               "focusable": states.contains(pyatspi.STATE_FOCUSABLE)}
        for child in node:
            if child is not None:
                yield from showing_objects(child, depth + 1)
    except Exception:  # an object that went away while we read it (a screen changing)
        return


def _locale(node):
    try:
        return node.get_object_locale()
    except Exception:
        return ""


def pump(seconds):
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        context.iteration(False)
        time.sleep(0.01)


def press(app, name):
    for node in _walk(app):
        try:
            if node.name == name and node.getRoleName() in ACTIONABLE and \
                    node.getState().contains(pyatspi.STATE_SHOWING):
                action = node.queryAction()
                action.doAction(0)
                return {"pressed": name}
        except Exception:
            continue
    return {"pressed": None, "missing": name}


def _walk(node):
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from _walk(child)


def on_event(event):
    try:
        source = event.source
        received.append({"type": event.type, "role": source.getRoleName() if source else "",
                         "name": (source.name if source else "") or "", "detail": str(event.any_data or "")})
    except Exception:
        received.append({"type": event.type, "role": "", "name": "", "detail": ""})


def main(argv):
    app_name, commands = argv[1], argv[2:]
    for event_type in EVENTS:
        pyatspi.Registry.registerEventListener(on_event, event_type)
    app = find_app(app_name)
    index = 0
    while index < len(commands):
        command = commands[index]
        if command == "tree":
            pump(0.3)
            print(json.dumps({"tree": list(showing_objects(app))}), flush=True)
        elif command == "press":
            index += 1
            print(json.dumps(press(app, commands[index])), flush=True)
        elif command == "wait":
            index += 1
            pump(float(commands[index]))
        elif command == "events":
            pump(0.3)
            print(json.dumps({"events": received}), flush=True)
        index += 1


if __name__ == "__main__":
    main(sys.argv)

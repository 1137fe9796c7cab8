"""Reads the kiosk the way a screen reader does: over the AT-SPI bus, with pyatspi (Debian's python3-pyatspi, so
this file runs under the system's Python, not the venv). Started by tests/ui/atspi_session.py.

    /usr/bin/python3 atspi_reader.py APP_NAME COMMAND...

Commands, run in order, each printing one JSON line:
    tree             every showing object: role, name, locale, actionable, states
    press NAME       activates the showing push button (or check box) whose name is NAME, like Orca's Enter
    wait SECONDS     lets the kiosk react (events keep being collected meanwhile)
    events           the accessibility events received so far: type, source role and name, detail
    serve            from then on, one command a line on stdin, each a JSON list (["press", "Next"]), each
                     answered by one JSON line on stdout; besides the commands above (`tree` reads afresh, with
                     no cache), `announced TEXT SECONDS` waits until an announcement of TEXT arrives (or the
                     time is up) and `showing NAME SECONDS` waits until an object named NAME shows (enabled, if
                     it is actionable)
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
        actions = _actions(node)
        yield {"role": role, "name": node.name or "", "actionable": role in ACTIONABLE or bool(actions),
               "actions": actions, "description": node.description or "",
               "locale": _locale(node), "depth": depth,
               "checked": states.contains(pyatspi.STATE_CHECKED),
               "enabled": states.contains(pyatspi.STATE_ENABLED),
               "leaf": node.childCount == 0,
               "focused": states.contains(pyatspi.STATE_FOCUSED),
               "focusable": states.contains(pyatspi.STATE_FOCUSABLE)}
        for child in node:
            if child is not None:
                yield from showing_objects(child, depth + 1)
    except Exception:  # an object that went away while we read it (a screen changing)
        return


def _actions(node):
    try:
        action = node.queryAction()
    except Exception:   # no Action interface
        return []
    try:
        return [action.getName(index) for index in range(action.nActions)]
    except Exception:
        return []


_a11y_bus = None


def _locale(node):
    """The object's locale as the kiosk says it now: asked over the bus, since libatspi keeps the first answer
    for the object's life (clear_cache does not drop it), and a language change keeps the objects."""
    global _a11y_bus
    try:
        from gi.repository import Gio
        if _a11y_bus is None:
            session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                                        GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
            _a11y_bus = Gio.DBusConnection.new_for_address_sync(
                address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
                None, None)
        reply = _a11y_bus.call_sync(node.app.bus_name, node.path, "org.freedesktop.DBus.Properties", "Get",
                                    GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "Locale")), None,
                                    Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]
    except Exception:
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
    """The first showing object named NAME that has an action (or an actionable role): its first action."""
    for node in _walk_showing(app):
        try:
            if node.name == name and (node.getRoleName() in ACTIONABLE or _actions(node)):
                action = node.queryAction()
                action.doAction(0)
                return {"pressed": name}
        except Exception:
            continue
    return {"pressed": None, "missing": name}


def _walk_showing(node, depth=0):
    try:
        if depth and not node.getState().contains(pyatspi.STATE_SHOWING):
            return
        children = list(node)
    except Exception:
        return
    yield node
    for child in children:
        if child is not None:
            yield from _walk_showing(child, depth + 1)


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


def announcements_of(text, since):
    return [event for event in received[since:]
            if event["type"].startswith("object:announcement") and text in event["detail"]]


def wait_for(check, seconds):
    """Pumps events until check() gives something, or the time is up (then None)."""
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found or None
        pump(0.05)


def fresh_tree(app):
    app.clear_cache()   # names, states and children as they are now, not as first read
    pump(0.05)
    return list(showing_objects(app))


_nudges = 0


def nudge():
    """A small real pointer move (XTest): a patient is there, for the kiosk's idle clock, which a screen reader's
    activate (no input event) does not restart."""
    global _nudges
    _nudges += 1
    from gi.repository import Atspi
    return bool(Atspi.generate_mouse_event(300 + _nudges % 2, 300, "abs"))


def serve(app):
    """One JSON command a line in, one JSON answer a line out, until stdin ends."""
    for line in sys.stdin:
        if not line.strip():
            continue
        command, *args = json.loads(line)
        if command == "tree":
            answer = {"tree": fresh_tree(app)}
        elif command == "press":
            app.clear_cache()
            answer = press(app, args[0])
        elif command == "announced":
            text, seconds, since = args[0], float(args[1]), int(args[2]) if len(args) > 2 else 0
            found = wait_for(lambda text=text, since=since: announcements_of(text, since), seconds)
            answer = {"announced": found, "count": len(received)}
        elif command == "showing":
            name, seconds = args[0], float(args[1])
            found = wait_for(lambda name=name: [node for node in fresh_tree(app) if node["name"] == name
                                                and (node["enabled"] or not node["actionable"])], seconds)
            answer = {"showing": found}
        elif command == "nudge":
            answer = {"nudged": nudge()}
        elif command == "mark":
            pump(0.05)
            answer = {"count": len(received)}
        elif command == "events":
            pump(0.3)
            answer = {"events": received}
        else:
            answer = {"error": f"unknown command {command!r}"}
        print(json.dumps(answer), flush=True)


def main(argv):
    app_name, commands = argv[1], argv[2:]
    for event_type in EVENTS:
        pyatspi.Registry.registerEventListener(on_event, event_type)
    app = find_app(app_name)
    if commands == ["serve"]:
        serve(app)
        return
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

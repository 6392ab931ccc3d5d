"""White Ribbon accreditation's entries in Wagtail's history (loaded by champions/wagtail_hooks.py)."""

from wagtail import hooks


@hooks.register("register_log_actions")
def register_white_ribbon_log_actions(actions):
    for action, label in {
        "champions.whiteribbon.stage": "White Ribbon stage changed",
        "champions.whiteribbon.track": "White Ribbon track changed",
        "champions.whiteribbon.import": "White Ribbon record imported",
        "champions.whiteribbon.item": "Action plan item changed",
        "champions.whiteribbon.update": "Action plan progress recorded",
        "champions.whiteribbon.evidence": "Action plan evidence added",
        "champions.whiteribbon.evidence_removed": "Action plan evidence removed",
    }.items():
        actions.register_action(action, label, label)

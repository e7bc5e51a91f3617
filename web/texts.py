"""Every text the web pages show, as msgids: the templates receive them translated
(`t.key`), so `pybabel extract` finds them here and no template tests a language."""

from __future__ import annotations

from functools import cache

from shared.i18n import N_, tr
from shared.specs import outcome_label

TEXTS = {
    "home_title": N_("Citizen dialogue: results and follow-up"),
    "home_lookup": N_("Look up your ticket with the code printed on it"),
    "home_display": N_("Hall display"),
    "not_found_title": N_("Not found"),
    "not_found_body": N_(
        "There is nothing at this address. Check the code on your ticket, or ask the commune office."
    ),
    "error_title": N_("Something went wrong"),
    "error_body": N_("The page could not be shown. Please try again later."),
    "busy_title": N_("The server is busy"),
    "busy_body": N_("Too many connections are open. Please try again in a minute."),
    "too_many_title": N_("Too many tries"),
    "too_many_body": N_("Please wait {seconds} seconds, then try again."),
    "lookup_title": N_("Look up your ticket"),
    "lookup_label": N_("The code printed on your ticket, e.g. K7QM-2D"),
    "lookup_button": N_("Look up"),
    "lookup_not_found": N_("No ticket has this code. Check it and try again."),
    "ticket": N_("Ticket number"),
    "your_items": N_("Your opinions"),
    "no_items": N_("No opinion of yours has been recorded yet."),
    "outcome_title": N_("Outcome"),
    "body": N_("Responsible body"),
    "deadline": N_("Deadline"),
    "followup": N_("Follow-up"),
    "answer": N_("Answer"),
    "answered_on": N_("Answered on"),
    "results_title": N_("Results of the meeting"),
    "results_summary": N_("Opinions by outcome"),
    "village": N_("Village"),
    "no_field": N_("Other matters"),
    "no_results": N_("No opinion was recorded at this meeting."),
    "published_on": N_("Published on"),
    "now": N_("NOW SPEAKING"),
    "next": N_("NEXT"),
    "called": N_("CALLED"),
    "speaking": N_("SPEAKING"),
    "paused": N_("PAUSED"),
    "updating": N_("Updating…"),
    "no_meeting": N_("No meeting is open."),
    "nobody": N_("Waiting for the next speaker"),
}

# The name of a language in itself ("Tiếng Việt" in the vi catalogue): the switch to
# another language is written in that language, tr(LANGUAGE_NAME, other).
LANGUAGE_NAME = N_("English")

FOLLOWUP_STATES = {
    "open": N_("being followed up"),
    "closed": N_("closed"),
    "in_progress": N_("in progress"),
    "answered": N_("answered"),
    "extended": N_("deadline extended"),
    "transferred": N_("transferred"),
}


class Texts:
    """The page texts in one language, for a template: `t.not_found_title`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        for key, msgid in TEXTS.items():
            setattr(self, key, tr(msgid, lang))

    def outcome(self, key: str) -> str:
        return tr(outcome_label(key), self.lang)

    def followup_state(self, status: str, progress: str) -> str:
        if not status:
            return ""
        if status == "open" and progress in FOLLOWUP_STATES:
            return tr(FOLLOWUP_STATES[progress], self.lang)
        return tr(FOLLOWUP_STATES[status], self.lang)

    def label(self, msgid: str) -> str:
        return tr(msgid, self.lang)

    def fill(self, key: str, **params: object) -> str:
        return tr(TEXTS[key], self.lang, **params)


@cache
def texts(lang: str) -> Texts:
    """Built once per language: catalogues do not change while the server runs."""
    return Texts(lang)

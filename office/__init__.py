"""The office: the work before and after the meeting (preparation, follow-up, reports)."""

from session_console.console.dialogs.form import Field, FormDialog

__all__ = ["Field", "FormDialog"]

from session_console.console.dialogs.form import AskFirst, Field, FormDialog

__all__ = ["AskFirst", "Field", "FormDialog"]

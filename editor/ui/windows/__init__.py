"""Top-level windows: the main window (form and preview), the contact book, the template
manager. The template editor, a window of several parts, is the package beside this one."""

"""Parts of the main window that observe its release session: the preview with its Checks and
Channels tabs, the embargo bar, the recent-files menu."""

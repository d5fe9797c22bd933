"""What the main window's commands do, prompts included: new, open, save (``file_flows``),
export and copy (``export_flow``, ``export``), the template and contact tools
(``library_flows``)."""

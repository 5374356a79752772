"""The desktop app (the only package that imports PySide6).

``launch`` starts it; ``app_context`` holds the open shop and the one ``data_changed`` signal;
``ops`` is the one path for writes and ``workers`` the one way to run work off the UI thread;
``window``, ``pages``, ``dialogs``, ``models`` and ``widgets`` are what a person sees.
"""

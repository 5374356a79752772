"""The accountant's Excel pack: a month (or any period) in one .xlsx, streamed and styled.

openpyxl is imported by the modules here, so import this package only when exporting.
"""

"""Importing and exporting organisations and White Ribbon accreditation records (django-import-export),
with a dry run first."""

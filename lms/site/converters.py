"""Path converters shared by every app's URLs."""

from django.urls import register_converter


class IdConverter:
    """A database id: at most 9 digits, so a huge number is a 404, not an overflow error (page ids
    are 32-bit integers on PostgreSQL)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

"""Personal data in the Wagtail admin (loaded by Wagtail from this module)."""

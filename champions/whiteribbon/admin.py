"""White Ribbon accreditation in the Wagtail admin: the coordinators' pipeline, targets,
cycles, action plans, ambassadors and champions."""

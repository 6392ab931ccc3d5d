"""Who may see lesson feedback, in one place.

- Administrators: everything, including the comment as written and who wrote it (only to act
  on abuse of the form).
- Content moderators: the screening queue (masked comments only); release and withhold.
- The co-production panel (Co-production reviewers), moderators and editors: the panel's page
  and the lesson editor's feedback tab, with released, masked comments only. Marking as
  considered is the panel's (and administrators').
- Nobody else: not learners, champions, organisation leads or coordinators.

Every answer needs staff powers in this request (`wagtailadmin.access_admin`), which a session
without its second factor never holds (lms.accounts.staff_mfa), so a role held on a password
alone counts for nothing. Roles are read once per request and kept on the user object.
"""

from lms.site.roles import Role

_ROLES_ATTR = "_feedback_roles"


def _roles(user) -> frozenset[str]:
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return frozenset()
    roles = getattr(user, _ROLES_ATTR, None)
    if roles is None:
        roles = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _ROLES_ATTR, roles)
    return roles


def is_administrator(user) -> bool:
    # Lowered for the request when the session skipped two-factor (staff_mfa).
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def may_see_original(user) -> bool:
    """The comment as written and its author: administrators only."""
    return is_administrator(user)


def may_screen(user) -> bool:
    return is_administrator(user) or Role.MODERATOR in _roles(user)


def may_read_panel_feedback(user) -> bool:
    return is_administrator(user) or bool({Role.REVIEWER, Role.MODERATOR, Role.EDITOR} & _roles(user))


def may_mark_considered(user) -> bool:
    return is_administrator(user) or Role.REVIEWER in _roles(user)

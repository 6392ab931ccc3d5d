"""The roles people hold, as Django groups, and what each may do.

`sync_roles` is idempotent and runs after every `migrate`, so a permission added by a later
migration reaches its role without a hand edit. Groups are matched by name; permissions the
code no longer grants are removed from the group, so this file is the single source of truth.
The admin shows these groups read-only and refuses changes (lms.accounts.admin_roles): a change
made there would be undone at the next `migrate`.
"""

from django.contrib.auth.models import Group, Permission


class Role:
    LEARNER = "Learner"
    CHAMPION = "Champion"
    ORGANISATION_LEAD = "Organisation lead"
    COORDINATOR = "Coordinator"
    EDITOR = "Editor"
    MODERATOR = "Content moderator"
    REVIEWER = "Co-production reviewer"

    ALL = (LEARNER, CHAMPION, ORGANISATION_LEAD, COORDINATOR, EDITOR, MODERATOR, REVIEWER)
    # Roles that reach staff pages, and so must set up two-factor authentication first.
    STAFF = (COORDINATOR, EDITOR, MODERATOR, REVIEWER)


_ADMIN = ["wagtailadmin.access_admin"]


_MEDIA = [
    "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
]


# Model and admin permissions, as "app_label.codename".
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.LEARNER: [],
    Role.CHAMPION: [],
    Role.ORGANISATION_LEAD: [],
    Role.COORDINATOR: [
        *_ADMIN,
        "organisations.view_organisation", "organisations.add_organisation", "organisations.change_organisation",
        "accounts.view_district", "certificates.view_certificate", "certificates.change_certificate",
        # The champions network: applications, champions, their history, sessions and briefings.
        # The relay log (who wrote to whom, never what) is for handling complaints.
        "champions.view_champion", "champions.change_champion", "champions.add_champion",
        "champions.view_statuschange", "champions.view_championtier", "champions.view_language",
        "champions.add_networksession", "champions.change_networksession", "champions.view_networksession",
        "champions.view_sessionbooking", "champions.change_sessionbooking",
        "champions.view_briefing", "champions.view_relaymessage",
        # White Ribbon accreditation: the pipeline, cycles and their stages, action plans (items,
        # progress, evidence), ambassadors and champions, imports, and the target.
        "champions.view_accreditationcycle", "champions.add_accreditationcycle",
        "champions.change_accreditationcycle", "champions.view_stagechange",
        "champions.view_actionitem", "champions.add_actionitem", "champions.change_actionitem",
        "champions.delete_actionitem", "champions.view_actionupdate", "champions.add_actionupdate",
        "champions.view_evidence", "champions.add_evidence", "champions.delete_evidence",
        "champions.view_whiteribbonperson", "champions.add_whiteribbonperson",
        "champions.change_whiteribbonperson", "champions.delete_whiteribbonperson",
        "champions.change_whiteribbonsettings",
        # Guidance updates: how many holders were told, completed, or are outstanding, per update.
        "updates.view_update_take_up",
    ],
    Role.EDITOR: [
        *_ADMIN, *_MEDIA,
        "content.add_sector", "content.change_sector", "content.view_sector",
        "content.add_topic", "content.change_topic", "content.view_topic",
        # Support services go live only through the review workflow: no publish_supportservice
        # (nor lock/unlock) for anyone but administrators.
        "content.add_supportservice", "content.change_supportservice", "content.view_supportservice",
        "content.add_learningpath", "content.change_learningpath", "content.view_learningpath",
        "learning.add_quiz", "learning.change_quiz", "learning.view_quiz",
        "learning.add_question", "learning.change_question", "learning.view_question",
        "learning.add_quizcase", "learning.change_quizcase", "learning.view_quizcase",
        # Champion tiers (what each asks, and the modules that open it) and the languages list.
        "champions.add_championtier", "champions.change_championtier", "champions.view_championtier",
        "champions.add_language", "champions.change_language", "champions.view_language",
    ],
    Role.MODERATOR: [
        *_ADMIN, "content.view_sector", "content.view_topic", "content.view_supportservice",
        # Screening what learners wrote in their follow-up before the training team reads it.
        "followup.screen_followup",
    ],
    Role.REVIEWER: [*_ADMIN],
}


# Wagtail page permissions on the whole tree, and collection permissions for media. Nobody but
# an administrator may publish directly: pages go live through the review workflow, whose last
# step (moderator approval) publishes them.
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    Role.EDITOR: ["add_page", "change_page"],
    Role.MODERATOR: ["change_page"],
    Role.REVIEWER: [],
}


ROLE_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    Role.EDITOR: ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
                  "wagtaildocs.add_document", "wagtaildocs.change_document",
                  "wagtaildocs.choose_document"],
}


def _permission(dotted: str, using: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)


def sync_roles(using: str = "default") -> dict[str, Group]:
    """Create the role groups and give each exactly its permissions. Safe to run repeatedly."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    groups = {}
    for name in Role.ALL:
        group, _ = Group.objects.using(using).get_or_create(name=name)
        wanted = [_permission(p, using) for p in ROLE_PERMISSIONS[name]]
        group.permissions.set(wanted)
        groups[name] = group

    root_page = Page.objects.using(using).filter(depth=1).first()
    for name, codenames in ROLE_PAGE_PERMISSIONS.items():
        if root_page is None:
            break
        group = groups[name]
        wanted = set(Permission.objects.using(using).filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ))
        existing = GroupPagePermission.objects.using(using).filter(group=group, page=root_page)
        existing.exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupPagePermission.objects.using(using).get_or_create(
                group=group, page=root_page, permission=permission
            )

    root_collection = Collection.objects.using(using).filter(depth=1).first()
    for name, dotted in ROLE_COLLECTION_PERMISSIONS.items():
        if root_collection is None:
            break
        group = groups[name]
        wanted = {_permission(p, using) for p in dotted}
        existing = GroupCollectionPermission.objects.using(using).filter(
            group=group, collection=root_collection
        )
        existing.exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.using(using).get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return groups


def has_staff_role(user) -> bool:
    """Whether the account reaches staff pages (and so needs two-factor authentication).

    Judged by what the account can do, not by group names, so a group added by hand in the
    admin that grants admin access is covered too.
    """
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")

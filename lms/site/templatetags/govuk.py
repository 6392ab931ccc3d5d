"""Render Django form fields with GOV.UK Frontend's markup and classes; the service navigation;
the stylesheets of the GOV.UK components a page uses."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from lms.site.page_styles import stylesheet_paths

register = template.Library()


_WIDGET_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "password": "govuk-input",
    "number": "govuk-input",
    "url": "govuk-input",
    "tel": "govuk-input",
    "date": "govuk-input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}


def described_by(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field, extra_attrs: str = ""):
    """The field's widget with GOV.UK classes, its hint and error wired to it for screen readers."""
    css = _WIDGET_CLASSES.get(field.widget_type, "")
    if field.errors and css:
        css += f" {css}--error"
    # Placeholders vanish as people type and fail contrast: GOV.UK uses labels and hints instead.
    attrs = {
        "class": " ".join(filter(None, [css, field.field.widget.attrs.get("class", "")])),
        "placeholder": False,
    }
    if described_by(field):
        attrs["aria-describedby"] = described_by(field)
    for pair in filter(None, (extra_attrs or "").split(";")):
        key, _, value = pair.partition("=")
        attrs[key.strip()] = value.strip()
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_describedby(field) -> str:
    return described_by(field)


@register.filter
def first_input_id(field) -> str:
    """Where an error summary link should take focus: the first radio or checkbox of a group."""
    if field.widget_type in {"radioselect", "checkboxselectmultiple"}:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


NAVIGATION_HOOK = "site_navigation_items"


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The service navigation's links for this visitor, with the current one marked."""
    from django.urls import reverse

    from lms.site.roles import has_staff_role

    request = context["request"]
    user = context.get("user")
    items = [("/", "Home"), ("/modules/", "Training modules")]
    if user is not None and user.is_authenticated:
        items += [
            (reverse("my_learning"), "Your learning"),
            (reverse("profile"), "Your profile"),
            # Apps above this one add their sections here (the champions network), through a
            # Wagtail hook: functions taking the request and returning (href, label) pairs.
            *(item for function in hooks.get_hooks(NAVIGATION_HOOK) for item in function(request)),
            ("/support/", "Get support"),
        ]
        # Staff land here after signing in: the way into their work. Asked of this request's
        # powers, so a session that has not passed the second factor is not offered it (and a
        # learner's check makes no query: their powers are withheld before any lookup).
        if has_staff_role(user):
            items.append((reverse("wagtailadmin_home"), "Admin"))
        items.append((reverse("account_logout"), "Sign out"))
    else:
        items += [
            ("/support/", "Get support"),
            (reverse("account_login"), "Sign in"),
            (reverse("account_signup"), "Create an account"),
        ]
    path = request.path
    return [
        {"href": href, "label": label, "current": path == href or (href != "/" and path.startswith(href))}
        for href, label in items
    ]


@register.simple_tag
def module_progress(progress, module_id):
    """A module's progress for its learner: "2 of 6 lessons complete" (or "Completed") and a
    native <progress> labelled by it, so no inline style is needed; nothing when the module has
    no lessons or there is no progress. `progress` is anything with `done`, `total`, `percent`
    and `is_completed` (content.learning.ModuleProgress, a catalogue card). A tag, not an
    include: the catalogue and Your learning show one a module, and an include cost more than
    the rest of a card."""
    if not progress or not progress.total:
        return ""
    label = "Completed" if progress.is_completed else f"{progress.done} of {progress.total} lessons complete"
    return format_html(
        '<p class="govuk-body-s govuk-!-margin-bottom-1" id="progress-{id}">{label}</p>\n'
        '<progress class="progress-bar" max="{total}" value="{done}" aria-labelledby="progress-{id}">'
        '{percent}%</progress>',
        id=module_id, label=label, total=progress.total, done=progress.done, percent=progress.percent,
    )


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None: for dictionaries keyed by id in templates."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def training_contact(plain: bool = False):
    """Who to ask for help with an account or a certificate: the partnership's training coordinator,
    with the address in TRAINING_CONTACT_EMAIL when one is set (as a link, or as text for emails)."""
    who = "the partnership’s training coordinator" if not plain else "the partnership's training coordinator"
    address = settings.TRAINING_CONTACT_EMAIL
    if not address:
        return who
    if plain:
        return f"{who} ({address})"
    return format_html('{} (<a class="govuk-link" href="mailto:{}">{}</a>)', who, address, address)


COMPONENT_STYLESHEETS_MARKER = "<!-- component stylesheets -->"


class ComponentStylesheetsNode(template.Node):
    """Renders the page, then links the component stylesheets its HTML uses where the page said."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        paths = stylesheet_paths(html)
        links = "".join(format_html('<link rel="stylesheet" href="{}">', static(path)) for path in paths)
        return mark_safe(html.replace(COMPONENT_STYLESHEETS_MARKER, links, 1))  # noqa: S308 - our own rendered page


@register.tag
def with_component_stylesheets(parser, token):
    """`{% with_component_stylesheets %}…{% component_stylesheets %}…{% endwith_component_stylesheets %}`
    around the whole page (base.html): each GOV.UK component the page uses gets its stylesheet
    linked at `{% component_stylesheets %}` (lms/site/page_styles.py)."""
    nodelist = parser.parse(("endwith_component_stylesheets",))
    parser.delete_first_token()
    return ComponentStylesheetsNode(nodelist)


@register.simple_tag
def component_stylesheets():
    """Where `with_component_stylesheets` puts the page's component stylesheets."""
    return mark_safe(COMPONENT_STYLESHEETS_MARKER)  # noqa: S308 - a fixed comment

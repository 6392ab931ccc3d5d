"""The coordinators' reports in the admin (*Reports* menu): training activity, certificates, the
champions network and confidence before and after, each with filters, a chart drawn on the
server with a table of the same figures, and CSV and Excel downloads (each one logged for the
audit trail). Registered by wagtail_hooks.py."""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.text import slugify
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.followup.models import UsedInWork
from lms.reports import figures as reports
from lms.reports.forms import ReportFilterForm
from lms.reports.permissions import may_read_reports
from lms.site.audit import log_export
from lms.site.charts import Bar, Compared, Series, bar_chart, comparison_chart
from lms.site.tables import Table, csv_response, xlsx_response

EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}
# The filters that narrow who is counted, in the order a title names them (the period comes last).
NARROWING = ("module", "sector", "district", "organisation")
TOO_FEW = f"Fewer than {reports.FEWEST_PEOPLE} people"


def _number(value) -> object:
    return "" if value is None else value


def _withheld(value, too_few: bool) -> object:
    """A confidence figure, or TOO_FEW in its place when it is over fewer than FEWEST_PEOPLE."""
    return TOO_FEW if too_few else _number(value)


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report for coordinators and administrators: filters (refused with a message when not
    valid), a chart of one measure, a table of every measure, and downloads of that table."""

    template_name = "reports/report.html"
    header_icon = "table"
    groups: tuple = ReportFilterForm.GROUPS
    slug = ""
    chart_measure = ""
    introduction = ""
    omit: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not may_read_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.page_title}]

    def table(self, form) -> tuple[Table, list, str]:
        """(the table, what the chart draws, the chart's measure) for a valid form: by default
        the chart's bars."""
        raise NotImplementedError

    def chart(self, drawn: list[Bar], title: str, label_heading: str):
        return bar_chart(self.slug, title, label_heading, drawn)

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET or None, groups=self.groups, omit=self.omit)
        valid = not form.is_bound or form.is_valid()
        if not form.is_bound:
            form.cleaned_data = {"group_by": self.groups[0][0]}
        context = {"form": form, "table": None, "empty": ""}
        if valid:
            table, drawn, measure = self.table(form)
            export = request.GET.get("export")
            if export in EXPORTS:
                log_export(request.user, what=f"{self.page_title} report", file_format=export, rows=len(table.rows),
                           filters=chosen_filters(form))
                return EXPORTS[export](table, self.file_name(form))
            label_heading = dict(self.groups)[form.cleaned_data["group_by"]]
            query = request.GET.copy()
            query.pop("export", None)
            context.update(
                table=table,
                chart=self.chart(drawn, f"{measure} by {label_heading.lower()}", label_heading),
                empty=empty_message(form.cleaned_data),
                downloads=[(kind, "?" + _with(query, export=kind)) for kind in ("csv", "xlsx")],
            )
        return self.render_to_response(self.get_context_data(introduction=self.introduction, **context))

    def file_name(self, form) -> str:
        """certificates-organisation-health-from-2025-01-01: the report, its grouping, a short
        slug of each filter chosen and the period, so a file saved away says what it holds."""
        cleaned = form.cleaned_data
        chosen = [_slug(cleaned[name]) for name in NARROWING if name in form.fields and cleaned.get(name) is not None]
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until:
            period = [since.isoformat(), "to", until.isoformat()]
        elif since or until:
            period = ["from", since.isoformat()] if since else ["to", until.isoformat()]
        else:
            period = []
        return "-".join([self.slug, cleaned["group_by"], *chosen, *period])

    @staticmethod
    def period(form) -> str:
        """Every filter chosen and the period, in words, for the title row of a download and the
        table's caption: "Sector: Health; From 1 January 2025 to today"."""
        cleaned = form.cleaned_data
        chosen = [f"{form[name].label}: {cleaned[name]}" for name in NARROWING
                  if name in form.fields and cleaned.get(name) is not None]
        since, until = cleaned.get("since"), cleaned.get("until")
        chosen.append(f"From {_day(since) if since else 'the start'} to {_day(until) if until else 'today'}")
        return "; ".join(chosen)


def _slug(chosen) -> str:
    """A short slug of a chosen module, sector, district or organisation (its id when its name
    has no letters or digits)."""
    return slugify(str(chosen))[:30].strip("-") or str(chosen.pk)


def empty_message(cleaned: dict) -> str:
    """What a table with no lines says, naming only what was chosen."""
    in_period = bool(cleaned.get("since") or cleaned.get("until"))
    narrowed = any(cleaned.get(name) is not None for name in NARROWING)
    if in_period and narrowed:
        return "Nothing in this period for these filters."
    if in_period:
        return "Nothing in this period."
    if narrowed:
        return "Nothing for these filters."
    return "Nothing to report yet."


def chosen_filters(form) -> dict[str, str]:
    """The filters a valid form was narrowed by, as a person reads them: {"Module": its title,
    "From": "2026-03-01", "Group by": "Sector"}."""
    chosen = {}
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        if name == "group_by":
            value = dict(field.choices).get(value, value)
        chosen[str(form[name].label)] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return chosen


def _with(query, **values) -> str:
    query = query.copy()
    for name, value in values.items():
        query[name] = value
    return query.urlencode()


class TrainingReportView(ReportView):
    page_title = "Training activity"
    slug = "training"
    introduction = (
        "Learners: people who started a module in the period. Starts and completions: modules started "
        "and completed in the period. Pass rate: quiz attempts passed out of those submitted. Median "
        "time to complete: from starting a module to completing it, for modules completed in the period. "
        "People are counted under the sector, district and organisation their profile gives today."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        activity = reports.training_activity(reports.Filters.from_form(cleaned), cleaned["group_by"])

        def cells(line):
            return [line.learners, line.starts, line.completions, line.attempts, line.passes,
                    _number(line.pass_rate), _number(line.attempts_per_pass), _number(line.median_days)]

        table = Table(
            title=self.page_title,
            period=self.period(form),
            headings=[dict(self.groups)[cleaned["group_by"]], "Learners", "Starts", "Completions", "Quiz attempts",
                      "Passes", "Pass rate (%)", "Attempts per pass", "Median days to complete"],
            rows=[[line.label, *cells(line)] for line in activity.lines],
            total=["In all", *cells(activity.total)],
        )
        return table, [Bar(label=line.label, count=line.completions) for line in activity.lines], "Completions"


class CertificatesReportView(ReportView):
    page_title = "Certificates"
    slug = "certificates"
    groups = reports.CERTIFICATE_GROUPS
    introduction = (
        "Certificates issued in the period, as they stand today. Valid includes those expiring within "
        "60 days; a certificate replaced by its renewal is not counted (the renewal is). People are "
        "counted under the sector, district and organisation their profile gives today."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        result = reports.certificate_figures(reports.Filters.from_form(cleaned), cleaned["group_by"])

        def cells(line):
            return [line.valid, line.expiring, line.expired, line.revoked]

        table = Table(
            title=self.page_title,
            period=self.period(form) + f", as on {_day(result.day)}",
            headings=[dict(self.groups)[cleaned["group_by"]], "Valid", "Expiring within 60 days", "Expired",
                      "Revoked"],
            rows=[[line.label, *cells(line)] for line in result.lines],
            total=["In all", *cells(result.total)],
        )
        return table, [Bar(label=line.label, count=line.valid) for line in result.lines], "Valid certificates"


class NetworkReportView(ReportView):
    page_title = "Champions network"
    slug = "network"
    groups = reports.NETWORK_GROUPS
    omit = ("module",)
    introduction = (
        "Champions in the network today (active, or with a refresher due), with the briefings they gave and "
        "the people those reached in the period, and the network sessions they attended in the period. A "
        "champion who covers two districts, knows two forms of VAWG or speaks two languages counts under "
        "each, so those lines add up to more than the total. Champions' briefings (in this menu) breaks "
        "the cascade down further."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        result = reports.network_figures(reports.Filters.from_form(cleaned), cleaned["group_by"])

        def cells(line):
            return [line.champions, line.briefings, line.people_briefed, line.sessions_attended]

        table = Table(
            title=self.page_title,
            period=self.period(form),
            headings=[dict(self.groups)[cleaned["group_by"]], "Champions", "Briefings given", "People briefed",
                      "Network sessions attended"],
            rows=[[line.label, *cells(line)] for line in result.lines],
            total=["In all", *cells(result.total)],
        )
        return table, [Bar(label=line.label, count=line.champions) for line in result.lines], "Champions"


class ConfidenceReportView(ReportView):
    page_title = "Confidence before and after"
    slug = "confidence"
    introduction = (
        "Learners rate their confidence on each of a module's learning outcomes from 1 to 5 before its first "
        "lesson, again after passing its quiz, and three months after completing it, when they are invited to a "
        "short follow-up; a rating's mean is the mean of its outcomes. Rated: people who "
        "gave a rating in the period; chose not to rate: people who skipped it. Rated before and after: people "
        "who rated the same module both times, whose after was given in the period; the mean change and the "
        "share who improved (whose after is higher than their before) are over those pairs; the same for before "
        "and three months after. Follow-up invitations: sent in the period, and of those how many were answered "
        "and declined so far, and how many are still open (a follow-up can be answered for 30 days); the response "
        "rate is answered out of those no longer open. Follow-ups count one per person and module, so in the "
        "\"In all\" line someone invited for two modules counts twice, where \"Rated\" counts people. "
        "People are counted "
        "under the sector, district and organisation their profile gives today; a person who rated two modules "
        "counts once in a line, and each of their ratings counts in its means. Learners are told that only "
        f"they see their own ratings: a mean, change or share over fewer than {reports.FEWEST_PEOPLE} people reads "
        f"\"{TOO_FEW.lower()}\", and the chart draws no marker for it, so that no one's rating can be read from it."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        result = reports.confidence_figures(reports.Filters.from_form(cleaned), cleaned["group_by"])
        later = reports.LATER_STAGES
        first = reports.stage_name(reports.FIRST_STAGE)

        def cells(line):
            stages = [cell for stage in reports.STAGES for cell in (
                line.stages[stage].rated, line.stages[stage].skipped,
                _withheld(line.stages[stage].mean, line.stages[stage].too_few))]
            changes = [cell for stage in later for cell in (
                line.changes[stage].people,
                _withheld(line.changes[stage].mean_change, line.changes[stage].too_few),
                _withheld(line.changes[stage].improved_share, line.changes[stage].too_few))]
            invitations = line.invitations
            return stages + changes + [invitations.invited, invitations.answered, invitations.declined,
                                       invitations.awaiting, _number(invitations.response_rate)]

        headings = [dict(self.groups)[cleaned["group_by"]]]
        column_groups = []
        for stage in reports.STAGES:
            name = reports.stage_name(stage)
            headings += [f"Rated {name}", f"Chose not to rate {name}", f"Mean {name} (1 to 5)"]
            column_groups.append((name.capitalize(), ["Rated", "Chose not to rate", "Mean (1 to 5)"]))
        for stage in later:
            name = reports.stage_name(stage)
            headings += [f"Rated {first} and {name}", f"Mean change, {first} to {name}",
                         f"Improved {first} to {name} (%)"]
            column_groups.append((f"{first.capitalize()} and {name}", ["Rated both", "Mean change", "Improved (%)"]))
        headings += ["Follow-ups sent", "Follow-ups answered", "Follow-ups declined", "Follow-ups still open",
                     "Follow-up response rate (%)"]
        column_groups.append(("Follow-up invitations", ["Sent", "Answered", "Declined", "Still open",
                                                        "Response rate (%)"]))
        table = Table(
            column_groups=column_groups,
            title=self.page_title,
            period=self.period(form),
            headings=headings,
            rows=[[line.label, *cells(line)] for line in result.lines],
            total=["In all", *cells(result.total)],
        )
        drawn = [[line.stages[stage] for stage in reports.STAGES] for line in result.lines]
        return table, list(zip((line.label for line in result.lines), drawn, strict=True)), "Mean confidence"

    def chart(self, drawn: list[tuple[str, list]], title: str, label_heading: str):
        """A marker for each stage's mean over enough people; none for a mean over fewer (the
        description says why, and the values at the line's end read "<5" there)."""
        series = [Series(name=reports.stage_name(stage).capitalize()) for stage in reports.STAGES]
        compared = [Compared(label=label, values=tuple(None if one.too_few else one.mean for one in stages))
                    for label, stages in drawn]
        chart = comparison_chart(self.slug, f"{title}, from 1 to 5", label_heading, series, compared, low=1, high=5)

        def value(one, short: bool) -> str:
            if one.too_few:
                return f"<{reports.FEWEST_PEOPLE}" if short else f"not shown ({TOO_FEW.lower()})"
            if one.mean is None:
                return "–" if short else "none"
            return str(one.mean)

        rows = [dataclasses.replace(row, values=" → ".join(value(one, True) for one in stages))
                for row, (_label, stages) in zip(chart.rows, drawn, strict=True)]
        description = "; ".join(
            f"{label}: " + ", ".join(f"{one_series.name.lower()} {value(one, False)}"
                                     for one_series, one in zip(series, stages, strict=True))
            for label, stages in drawn
        ) + "."
        if any(one.too_few for _label, stages in drawn for one in stages):
            description += (f" A mean over fewer than {reports.FEWEST_PEOPLE} people is not drawn, so that no one's "
                            "own rating can be read from the chart.")
        return dataclasses.replace(chart, rows=rows, description=description)


class FollowUpReportView(ReportView):
    """Use in work three months on, from the follow-up (lms.followup): counts and shares of the
    answers, response rates, and what happened in the learners' words as a moderator released
    them (personal details masked, no names, no module or answer beside them). Coordinators and
    administrators only, like every report here; the leads' reports never read follow-ups."""

    page_title = "Use in work after three months"
    slug = "follow-up"
    template_name = "reports/follow_up_report.html"
    introduction = (
        "About three months after completing a module, learners are invited once to a short follow-up: their "
        "confidence again, and whether they have used the training in their work. Sent: follow-ups sent in the "
        "period; answered and declined: of those, so far; still open: not answered yet and still within the 30 "
        "days a follow-up can be answered; the response rate is answered out of those no longer open. Not yet, "
        "once and several times count the answers. People are counted under the sector, district and "
        "organisation their profile gives today. Learners are told that nobody at their organisation sees their "
        f"answers and that they are counted with everyone else's: counts and shares over fewer than "
        f"{reports.FEWEST_PEOPLE} answers read \"{TOO_FEW.lower()}\". What people wrote about what happened is "
        "masked (emails, phone numbers and names), then read by a content moderator, who removes anything else that "
        "could identify someone before releasing it; only released accounts are listed, without the module or the "
        f"answer, from every period whatever the dates chosen, and only when {reports.FEWEST_PEOPLE} or more are "
        "released for the other filters."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        result = reports.use_in_work_figures(reports.Filters.from_form(cleaned), cleaned["group_by"])
        self.accounts = result.accounts
        self.accounts_withheld = result.accounts_too_few
        answers = UsedInWork

        def cells(line):
            invitations = line.invitations
            used = [cell for answer in answers.values for cell in (
                _withheld(line.used[answer], line.too_few), _withheld(line.share(answer), line.too_few))]
            return [invitations.invited, invitations.answered, invitations.declined, invitations.awaiting,
                    _number(invitations.response_rate), *used]

        headings = [dict(self.groups)[cleaned["group_by"]], "Follow-ups sent", "Answered", "Declined", "Still open",
                    "Response rate (%)"]
        column_groups = [("Follow-ups", ["Sent", "Answered", "Declined", "Still open", "Response rate (%)"])]
        for answer in answers:
            headings += [f"Used in work: {answer.label.lower()}", f"Used in work: {answer.label.lower()} (%)"]
            column_groups.append((f"Used in work: {answer.label.lower()}", ["People", "Share (%)"]))
        table = Table(
            column_groups=column_groups,
            title=self.page_title,
            period=self.period(form),
            headings=headings,
            rows=[[line.label, *cells(line)] for line in result.lines],
            total=["In all", *cells(result.total)],
        )
        return table, [Bar(label=line.label, count=line.invitations.answered) for line in result.lines], \
            "Follow-ups answered"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["accounts"] = getattr(self, "accounts", [])
        context["accounts_withheld"] = getattr(self, "accounts_withheld", False)
        context["too_few"] = TOO_FEW
        return context

"""The coordinators' reports in the admin (*Reports* menu): training activity, certificates, the
champions network and confidence before and after, each with filters, a chart drawn on the
server with a table of the same figures, and CSV and Excel downloads (each one logged for the
audit trail). Registered by wagtail_hooks.py."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.reports import figures as reports
from lms.reports.exports import Table, csv_response, xlsx_response
from lms.reports.forms import ReportFilterForm
from lms.reports.permissions import may_read_reports
from lms.site.audit import log_export
from lms.site.charts import Bar, Compared, Series, bar_chart, comparison_chart

EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


def _number(value) -> object:
    return "" if value is None else value


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
        context = {"form": form, "table": None}
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
                downloads=[(kind, "?" + _with(query, export=kind)) for kind in ("csv", "xlsx")],
            )
        return self.render_to_response(self.get_context_data(introduction=self.introduction, **context))

    def file_name(self, form) -> str:
        cleaned = form.cleaned_data
        days = [day.isoformat() for day in (cleaned.get("since"), cleaned.get("until")) if day]
        return "-".join([self.slug, cleaned["group_by"], *days])

    @staticmethod
    def period(cleaned: dict) -> str:
        since, until = cleaned.get("since"), cleaned.get("until")
        return ("From " + (since.isoformat() if since else "the start") + " to "
                + (until.isoformat() if until else "today"))


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
            period=self.period(cleaned),
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
            period=self.period(cleaned) + f", as on {result.day.isoformat()}",
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
            period=self.period(cleaned),
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
        "lesson and again after passing its quiz; a rating's mean is the mean of its outcomes. Rated: people who "
        "gave a rating in the period; chose not to rate: people who skipped it. Rated before and after: people "
        "who rated the same module both times, whose after was given in the period; the mean change and the "
        "share who improved (whose after is higher than their before) are over those pairs. People are counted "
        "under the sector, district and organisation their profile gives today; a person who rated two modules "
        "counts once in a line, and each of their ratings counts in its means."
    )

    def table(self, form):
        cleaned = form.cleaned_data
        result = reports.confidence_figures(reports.Filters.from_form(cleaned), cleaned["group_by"])
        later = reports.LATER_STAGES
        first = reports.stage_name(reports.FIRST_STAGE)

        def cells(line):
            stages = [cell for stage in reports.STAGES for cell in (
                line.stages[stage].rated, line.stages[stage].skipped, _number(line.stages[stage].mean))]
            changes = [cell for stage in later for cell in (
                line.changes[stage].people, _number(line.changes[stage].mean_change),
                _number(line.changes[stage].improved_share))]
            return stages + changes

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
        table = Table(
            column_groups=column_groups,
            title=self.page_title,
            period=self.period(cleaned),
            headings=headings,
            rows=[[line.label, *cells(line)] for line in result.lines],
            total=["In all", *cells(result.total)],
        )
        compared = [Compared(label=line.label, values=tuple(line.stages[stage].mean for stage in reports.STAGES))
                    for line in result.lines]
        return table, compared, "Mean confidence"

    def chart(self, drawn: list[Compared], title: str, label_heading: str):
        series = [Series(name=reports.stage_name(stage).capitalize()) for stage in reports.STAGES]
        return comparison_chart(self.slug, f"{title}, from 1 to 5", label_heading, series, drawn, low=1, high=5)

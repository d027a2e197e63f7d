"""ITA evidence this app answers: the public forms (e-service, questions, complaint channels)."""

from django.utils.translation import gettext_lazy as _

from tambon.infocenter.ita.finders import finds, site_path_suggestion
from tambon.infocenter.ita.topics import ItaTopic

FORM_PATH = "/cases/new/{kind}/"


def form(label, kind):
    return lambda site, fiscal_year, current_only: [
        site_path_suggestion(str(label), site, FORM_PATH.format(kind=kind))
    ]


finds(ItaTopic.CORRUPTION_CHANNEL)(form(_("Corruption complaint form"), "corruption"))
finds(ItaTopic.E_SERVICE)(form(_("E-Service requests"), "eservice"))
finds(ItaTopic.QA)(form(_("Ask a question"), "question"))
finds(ItaTopic.FEEDBACK_CHANNEL)(form(_("Complaint and opinion form"), "complaint"))

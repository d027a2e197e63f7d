"""What an ITA item asks for, independent of its code.

Item codes move every year (news is O7 in FY 2564 and O4 in FY 2568), so each item names a topic,
and the evidence finders (core/ita/evidence.py) work by topic. The CSV lists carry the topic
in a column; an administrator picks it when adding an item by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItaTopic(models.TextChoices):
    STRUCTURE = "structure", _("Organization structure")
    AUTHORITY = "authority", _("Powers and duties")
    EXECUTIVES = "executives", _("Executives")
    CONTACT = "contact", _("Contact information")
    LAWS = "laws", _("Related laws")
    NEWS = "news", _("News of the fiscal year")
    QA = "qa", _("Questions and answers")
    SOCIAL = "social", _("Social network")
    DEVELOPMENT_PLAN = "development-plan", _("Development plan")
    OPERATIONS_PLAN = "operations-plan", _("Annual operations plan")
    OPERATIONS_REPORT_HALF = "operations-report-half", _("Six-month operations report")
    OPERATIONS_REPORT = "operations-report", _("Annual operations report")
    STAFF_MANUAL = "staff-manual", _("Staff manual")
    SERVICE_MANUAL = "service-manual", _("Service manual")
    SERVICE_STATISTICS = "service-statistics", _("Service statistics")
    SATISFACTION = "satisfaction", _("Satisfaction survey results")
    E_SERVICE = "e-service", _("E-Service")
    BUDGET_PLAN = "budget-plan", _("Annual budget spending plan")
    BUDGET_REPORT_HALF = "budget-report-half", _("Six-month budget report")
    BUDGET_REPORT = "budget-report", _("Annual budget report")
    PROCUREMENT_PLAN = "procurement-plan", _("Procurement plan")
    PROCUREMENT_ANNOUNCEMENTS = "procurement-announcements", _("Procurement announcements")
    PROCUREMENT_MONTHLY = "procurement-monthly", _("Monthly procurement summary")
    PROCUREMENT_REPORT = "procurement-report", _("Annual procurement report")
    HR_POLICY = "hr-policy", _("Human resources policy and plan")
    HR_ACTIONS = "hr-actions", _("Human resources actions")
    HR_RULES = "hr-rules", _("Human resources rules")
    HR_REPORT = "hr-report", _("Annual human resources report")
    CORRUPTION_GUIDELINE = "corruption-guideline", _("Corruption complaint guideline")
    CORRUPTION_CHANNEL = "corruption-channel", _("Corruption complaint channel")
    CORRUPTION_STATISTICS = "corruption-statistics", _("Corruption complaint statistics")
    FEEDBACK_CHANNEL = "feedback-channel", _("Channel for opinions")
    PARTICIPATION = "participation", _("Public participation")
    INTEGRITY_PLEDGE = "integrity-pledge", _("Executive's integrity pledge")
    EXECUTIVE_PARTICIPATION = "executive-participation", _("Executives' participation")
    RISK_ASSESSMENT = "risk-assessment", _("Corruption risk assessment")
    RISK_ACTIONS = "risk-actions", _("Corruption risk management")
    CULTURE = "culture", _("Organizational culture")
    ANTI_CORRUPTION_PLAN = "anti-corruption-plan", _("Anti-corruption plan")
    ANTI_CORRUPTION_REPORT_HALF = (
        "anti-corruption-report-half",
        _("Six-month anti-corruption report"),
    )
    ANTI_CORRUPTION_REPORT = "anti-corruption-report", _("Annual anti-corruption report")
    INTEGRITY_MEASURES = "integrity-measures", _("Integrity and transparency measures")
    INTEGRITY_ACTIONS = "integrity-actions", _("Integrity measures carried out")
    ETHICS = "ethics", _("Code of ethics")
    NO_GIFT = "no-gift", _("No Gift Policy")
    GIFT_REPORT = "gift-report", _("Gift register report")

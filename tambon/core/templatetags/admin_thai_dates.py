"""{{ value|admin_date }}: a date or time as a clerk reads it in the admin: in Thai with the
Buddhist-Era year (4 ธันวาคม 2569 เวลา 14:30 น.) when the admin speaks Thai, in Django's own
format otherwise (staff may choose English in their account)."""

import datetime

from django import template
from django.template.defaultfilters import date as django_date
from django.utils import timezone
from django.utils.translation import get_language

from tambon.thai.dates import format_thai_date

register = template.Library()


@register.filter
def admin_date(value):
    if not isinstance(value, datetime.date):
        return value
    is_moment = isinstance(value, datetime.datetime)
    if (get_language() or "").startswith("th"):
        return format_thai_date(value, style="datetime" if is_moment else "long")
    if is_moment:
        return django_date(timezone.localtime(value), "DATETIME_FORMAT")
    return django_date(value, "DATE_FORMAT")

"""Template filters for Thai dates, digits, numbers and phone numbers.

Load with {% load thai %}.

    {{ page.date|thai_date }}               14 มีนาคม 2565
    {{ page.date|thai_date:"short" }}       5/03/2563
    {{ page.date|thai_date:"long,thai" }}   ๑๔ มีนาคม ๒๕๖๕  (",thai" adds Thai digits)
    {{ value|thai_digits }}                 2565 -> ๒๕๖๕
    {{ amount|thai_number }}                1296 -> 1,296
    {{ amount|thai_number:2 }}              1234.5 -> 1,234.50
    {{ amount|thai_number|thai_digits }}    ๑,๒๙๖
    {{ phone|thai_phone }}                  0812345678 -> 081-234-5678
    {{ page.title|thai_word_breaks }}       Thai words kept whole, <wbr> between them
    {% filter thai_word_breaks %}{% include_block block %}{% endfilter %}   the same in HTML
    {% current_fiscal_year %}               2566  (or {% current_fiscal_year as fy %})

The date styles are those of tambon.thai.dates.format_thai_date: long, short,
abbr, full and datetime.

A filter never raises: a broken page is worse than an unformatted value. None
renders as "", and anything the filter cannot handle is returned unchanged.
"""

from django import template

from tambon.thai.dates import format_thai_date
from tambon.thai.digits import format_number, to_thai_digits
from tambon.thai.fiscal import fiscal_year
from tambon.thai.line_breaks import with_word_breaks
from tambon.thai.validators import format_thai_phone

register = template.Library()


@register.filter
def thai_date(value, arg="long"):
    """Format a date; arg is a style, optionally followed by ",thai" for Thai digits."""
    if value is None:
        return ""
    style, _, digits = str(arg).partition(",")
    try:
        return format_thai_date(
            value, style=style.strip() or "long", thai_digits=digits.strip() == "thai"
        )
    except (TypeError, ValueError):
        return value


@register.filter
def thai_digits(value):
    """Replace 0-9 with Thai digits."""
    if value is None:
        return ""
    return to_thai_digits(value)


@register.filter
def thai_number(value, decimals=0):
    """Group thousands with commas; the optional arg is the number of decimals."""
    if value is None:
        return ""
    try:
        return format_number(value, decimals=int(decimals))
    except (TypeError, ValueError):
        return value


@register.filter
def thai_phone(value):
    """Show a phone number as 081-234-5678; an invalid number is shown as given."""
    if value is None:
        return ""
    try:
        return format_thai_phone(value)
    except ValueError:
        return value


@register.filter
def thai_word_breaks(value):
    """Safe HTML where a line breaks only between Thai words (tambon.thai.line_breaks); plain
    text is escaped first, safe HTML (rich text) keeps its tags."""
    return with_word_breaks(value)


@register.simple_tag
def current_fiscal_year():
    """The Buddhist Era fiscal year of today in Bangkok, e.g. 2566."""
    return fiscal_year()

"""The visitor-statistics report in the Wagtail admin, by what each part does:

periods.py  the period of a download, chosen in a form (Buddhist Era dates, Thai errors)
figures.py  the daily, monthly and top-page figures read from the daily rows, and the charts
exports.py  the CSV and Excel downloads of the daily figures
views.py    the admin view that puts them on one page, and who may see it
"""

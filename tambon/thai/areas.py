"""Thailand's provinces, districts and subdistricts by their official (DOPA) codes.

The names come from the geothai package, which reads the data it ships with on first use
(no download). A code is a string of digits: province 2, district 4, subdistrict 6; a
district's code starts with its province's, a subdistrict's with its district's.
"""

import geothai


def province_name(code: str) -> str:
    """The Thai name of the province with this code, or "" for an empty or unknown code."""
    area = geothai.province(code) if code else None
    return area.name_th if area else ""


def district_name(code: str) -> str:
    area = geothai.district(code) if code else None
    return area.name_th if area else ""


def subdistrict_name(code: str) -> str:
    area = geothai.subdistrict(code) if code else None
    return area.name_th if area else ""


def province_exists(code: str) -> bool:
    return geothai.province(code) is not None


def district_exists(code: str) -> bool:
    return geothai.district(code) is not None


def subdistrict_exists(code: str) -> bool:
    return geothai.subdistrict(code) is not None

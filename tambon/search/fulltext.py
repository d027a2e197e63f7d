"""The full-text query of each database: SQLite FTS5 and PostgreSQL tsquery, same meaning.

A term (a chunk typed without spaces, or a quoted phrase) matches a document when its words
stand in that order among the document's words, or when their syllables stand in that order
among its syllables: a part of a compound or a short word, never a piece of one syllable.
Every word reaching here is made of letters, digits and Thai marks only (tambon.thai.
search_query), and is quoted anyway, so nothing typed can be read as an operator.
"""

import datetime

from django.db import connections

from tambon.thai.search_query import is_thai
from tambon.thai.search_text import syllables

# bm25 weights of title words, body words, title syllables, body syllables (SQLite), and the
# same order of importance as ts_rank's weights {D, C, B, A} (PostgreSQL).
SQLITE_WEIGHTS = "8.0, 2.0, 3.0, 1.0"
POSTGRESQL_WEIGHTS = "{0.1, 0.3, 0.35, 1.0}"
# Recent content a little higher: up to 30% for today's, 15% a year old, 10% two years old.
RECENCY = "(1.0 + 0.3 / (1.0 + {age_days} / 365.0))"
PREFIX_MIN_CHARS = 3  # "covid" finds "covid19"; Thai words never match by prefix


def term_syllables(words):
    return [syllable for word in words for syllable in syllables(word)]


def latin_prefix(words):
    last = words[-1]
    return not is_thai(last) and len(last) >= PREFIX_MIN_CHARS and not last.isdigit()


def sqlite_expression(terms, any_term=False):
    """terms: sequences of words, each a phrase; all must match, or any (FTS5 syntax)."""
    parts = []
    for words in terms:
        phrase = " ".join(words)
        options = [f'{{title_words body_words}} : "{phrase}"']
        if latin_prefix(words):
            options.append(f'{{title_words body_words}} : "{phrase}" *')
        options.append(f'{{title_syllables body_syllables}} : "{" ".join(term_syllables(words))}"')
        parts.append("(" + " OR ".join(options) + ")")
    return (" OR " if any_term else " AND ").join(parts)


def _lexeme(word, weights, prefix=False):
    return f"'{word}':{'*' if prefix else ''}{weights}"


def postgresql_expression(terms, any_term=False):
    """The same as sqlite_expression, as a tsquery (A/C: words, B/D: syllables)."""
    parts = []
    for words in terms:
        options = [" <-> ".join(_lexeme(w, "AC") for w in words)]
        if latin_prefix(words):
            *head, last = words
            options.append(
                " <-> ".join([*(_lexeme(w, "AC") for w in head), _lexeme(last, "AC", True)])
            )
        options.append(" <-> ".join(_lexeme(s, "BD") for s in term_syllables(words)))
        parts.append("(" + " | ".join(f"({option})" for option in options) + ")")
    return (" | " if any_term else " & ").join(parts)


def _filters(kinds, fiscal_year):
    sql, params = "", []
    if kinds:
        sql += f" AND e.kind IN ({', '.join(['%s'] * len(kinds))})"
        params.extend(kinds)
    if fiscal_year is not None:
        sql += " AND e.fiscal_year = %s"
        params.append(fiscal_year)
    return sql, params


COLUMNS = "e.id, e.key, e.kind, e.title, e.url, e.body, e.date, e.fiscal_year"


def run(alias, organization_id, terms, *, any_term=False, kinds, fiscal_year, offset, limit):
    """(total, rows) of one page: rows are (id, key, kind, title, url, body, date, fiscal_year,
    score), best first."""
    connection = connections[alias]
    filters, filter_params = _filters(kinds, fiscal_year)
    if connection.vendor == "sqlite":
        recency = RECENCY.format(age_days="max(0, julianday('now') - julianday(e.date))")
        # bm25() works only where the FTS table is queried alone, and the full-text match must
        # run once, first (left to itself the planner runs it again for every row of the
        # organization): a materialised CTE.
        sql = (  # constants and placeholders only: what was typed is a parameter
            "WITH f AS MATERIALIZED (SELECT rowid AS id,"  # noqa: S608
            f" -bm25(search_fts, {SQLITE_WEIGHTS}) AS rank FROM search_fts"
            " WHERE search_fts MATCH %s)"
            f" SELECT e.id, f.rank * COALESCE({recency}, 1.0) AS score, count(*) OVER ()"
            " FROM f JOIN search_searchentry e ON e.id = f.id"
            f" WHERE e.organization_id = %s{filters}"
            " ORDER BY score DESC, e.id LIMIT %s OFFSET %s"
        )
        expression = sqlite_expression(terms, any_term)
    else:
        recency = RECENCY.format(age_days="GREATEST(0, CURRENT_DATE - e.date)")
        sql = (
            f"SELECT e.id, ts_rank('{POSTGRESQL_WEIGHTS}', e.search_vector, q, 1)"  # noqa: S608
            f" * COALESCE({recency}, 1.0) AS score, count(*) OVER ()"
            " FROM search_searchentry e, to_tsquery('simple', %s) q"
            f" WHERE e.search_vector @@ q AND e.organization_id = %s{filters}"
            " ORDER BY score DESC, e.id LIMIT %s OFFSET %s"
        )
        expression = postgresql_expression(terms, any_term)
    params = [expression, organization_id, *filter_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows and offset:
        total = count(alias, organization_id, terms, any_term, kinds=kinds, fiscal_year=fiscal_year)
        return total, []
    total = rows[0][-1] if rows else 0
    return total, _page_rows(connection, rows)


def _page_rows(connection, ranked):
    """The columns of one page's rows, read after ranking: the sort of every match then
    carries ids and scores only, not bodies."""
    if not ranked:
        return []
    ids = [row[0] for row in ranked]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} FROM search_searchentry e"  # noqa: S608 (placeholders only)
            f" WHERE e.id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        by_id = {row[0]: row for row in cursor.fetchall()}
    return [(*by_id[i][:6], _date(by_id[i][6]), by_id[i][7], score) for i, score, _n in ranked]


def count(alias, organization_id, terms, any_term=False, *, kinds=(), fiscal_year=None):
    total, _rows = run(
        alias, organization_id, terms, any_term=any_term,
        kinds=kinds, fiscal_year=fiscal_year, offset=0, limit=1,
    )  # fmt: skip
    return total


def _date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value


def size_bytes(alias):
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM"
                " sqlite_master WHERE tbl_name IN ('search_searchentry', 'search_searchword')"
                " OR tbl_name LIKE 'search_fts%%')"
            )
        else:
            cursor.execute(
                "SELECT COALESCE(SUM(pg_total_relation_size(oid)), 0) FROM pg_class"
                " WHERE relname IN ('search_searchentry', 'search_searchword')"
            )
        return int(cursor.fetchone()[0])

"""Reading the monthly procurement list that staff export from other systems (e-GP, Excel).

The file is read twice: once for the preview (every row checked, nothing saved) and again,
a chunk at a time, while importing. A row that cannot be used is reported with its line
number and the reason in Thai; the other rows are still imported. The same e-GP project
number updates the existing project instead of adding a second one.

The columns are documented in docs/procurement.md and on the upload page (columns.py).

columns.py   the columns and the method names staff write
reading.py   the file: encoding, separator, headings, rows (each checked, nothing saved)
checking.py  one row: amounts, method, bids, dates, fiscal year, with reasons in Thai
saving.py    creating or updating projects, a chunk of rows at a time
"""

from .checking import check_row, parse_bids, parse_method, parse_money
from .columns import COLUMNS, Column
from .reading import (
    MAX_FILE_BYTES,
    PREVIEW_ROWS,
    ImportFileError,
    ParsedFile,
    ParsedRow,
    parse_file,
)
from .saving import CHUNK_SIZE, run_chunk, save_row

__all__ = [
    "CHUNK_SIZE",
    "COLUMNS",
    "MAX_FILE_BYTES",
    "PREVIEW_ROWS",
    "Column",
    "ImportFileError",
    "ParsedFile",
    "ParsedRow",
    "check_row",
    "parse_bids",
    "parse_file",
    "parse_method",
    "parse_money",
    "run_chunk",
    "save_row",
]

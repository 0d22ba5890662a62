"""Keep English library chatter off the user's console.

pdfminer logs warnings such as "Data-loss while decompressing corrupted data" or "Could not get
FontBBox" through ``logging``; with no handler configured Python prints them to stderr through
its last-resort handler. jieba installs its own stderr handler ("Building prefix dict ...").
The reviewer must see one Chinese line per problem, so:

* a ``NullHandler`` on the root logger stops the last-resort printing while leaving every logger
  and level alone (code that wants these records -- e.g. an importer collecting pdfminer's
  warnings to name damaged pages -- still receives them through its own handler);
* jieba's logger is set to ERROR;
* Python ``warnings`` (DeprecationWarning, openpyxl/pdfplumber UserWarnings) are not printed.
"""
from __future__ import annotations

import logging
import warnings

_done = False


def quiet_libraries() -> None:
    global _done
    if _done:
        return
    _done = True
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    logging.getLogger("jieba").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")

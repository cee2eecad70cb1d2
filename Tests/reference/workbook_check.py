#!/usr/bin/env python3
"""Reads an .xlsx that ropg wrote back with openpyxl and checks it against ropg's JSON document
of the same report (`REPORT > FILE.json`, docs/OUTPUT.md): every figure equal to the cent (as the
table shows it), its number format (money #,##0.00, rates 0.0%/0.00%, counts #,##0), the header
row bold and frozen, total rows bold, notes below the table, and the sheet's native charts.

    workbook_check.py BOOK.xlsx SHEET=DOC.json[:TABLE] [--charts SHEET=N] ...

Prints one line per sheet checked; exits 1 with the differences when anything is off.
"""
import json
import sys
from decimal import Decimal

import openpyxl

FORMATS = {"money": "#,##0.00", "count": "#,##0"}


def fail(problems, text):
    problems.append(text)


def check_sheet(book, sheet_name, doc_path, table_name, problems):
    if sheet_name not in book.sheetnames:
        fail(problems, f"no sheet {sheet_name!r}; the workbook has {book.sheetnames}")
        return
    sheet = book[sheet_name]
    with open(doc_path, encoding="utf-8") as f:
        document = json.load(f)
    tables = document["tables"]
    table = tables[table_name] if table_name else next(iter(tables.values()))
    columns = table["columns"]
    labels = [c["label"] for c in columns]
    rows = list(sheet.iter_rows())
    header = next((i for i, r in enumerate(rows) if [c.value for c in r[:len(labels)]] == labels), None)
    if header is None:
        fail(problems, f"{sheet_name}: no header row {labels}")
        return
    if not all(c.font.b for c in rows[header][:len(labels)]):
        fail(problems, f"{sheet_name}: header row not bold")
    if sheet.freeze_panes != f"A{header + 2}":
        fail(problems, f"{sheet_name}: frozen at {sheet.freeze_panes}, expected A{header + 2}")
    body = table["rows"]
    totals = table.get("total") or []
    if isinstance(totals, dict):
        totals = [totals]
    expected = [(r, False) for r in body] + [(r, True) for r in totals]
    for offset, (want, bold) in enumerate(expected):
        row = rows[header + 1 + offset]
        for index, column in enumerate(columns):
            cell = row[index]
            value = want.get(column["key"])
            kind = column["type"]
            where = f"{sheet_name}!{cell.coordinate} ({column['key']})"
            if value is None or value == "":
                if cell.value not in (None, ""):
                    fail(problems, f"{where}: {cell.value!r}, expected blank")
                continue
            if kind in ("money", "rate", "count"):
                if not isinstance(cell.value, (int, float)):
                    fail(problems, f"{where}: {cell.value!r} is not a number (expected {value})")
                    continue
                if Decimal(repr(cell.value)) != Decimal(str(value)):
                    fail(problems, f"{where}: {cell.value!r} != {value}")
                if kind in FORMATS and cell.number_format != FORMATS[kind] and not (kind == "count" and "." in str(value)):
                    fail(problems, f"{where}: format {cell.number_format!r}, expected {FORMATS[kind]!r}")
                if kind == "rate" and not cell.number_format.endswith("%"):
                    fail(problems, f"{where}: format {cell.number_format!r}, expected a percent format")
            elif kind in ("text", "date"):
                shown = cell.value.strftime("%Y-%m-%d") if hasattr(cell.value, "strftime") else cell.value
                if str(shown) != str(value):
                    fail(problems, f"{where}: {shown!r} != {value!r}")
            if bold and not cell.font.b:
                fail(problems, f"{where}: total row not bold")
    notes = table.get("notes", [])
    after = [r[0].value for r in rows[header + 1 + len(expected):] if r[0].value]
    for note in notes:
        if note not in after:
            fail(problems, f"{sheet_name}: note {note!r} not below the table")
    print(f"{sheet_name}: {len(expected)} rows × {len(columns)} columns checked")


def main(argv):
    book_path = argv[1]
    book = openpyxl.load_workbook(book_path)
    problems = []
    args = argv[2:]
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--charts":
            sheet, count = args[i + 1].rsplit("=", 1)
            found = len(book[sheet]._charts) if sheet in book.sheetnames else 0
            if found != int(count):
                fail(problems, f"{sheet}: {found} charts, expected {count}")
            else:
                print(f"{sheet}: {found} chart(s)")
            i += 2
            continue
        if arg == "--sheets":
            wanted = args[i + 1].split(",")
            if book.sheetnames != wanted:
                fail(problems, f"sheets {book.sheetnames}, expected {wanted}")
            i += 2
            continue
        sheet, spec = arg.split("=", 1)
        path, _, table = spec.partition(":")
        check_sheet(book, sheet, path, table or None, problems)
        i += 1
    for problem in problems:
        print("FAIL " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

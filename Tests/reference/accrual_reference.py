#!/usr/bin/env python3
"""An exact reference for how ropg accrues calendar cost entries and rounds the figures it shows.

Independent of the Swift code: Python's fractions.Fraction, standard library only (Python 3.11).
The rules are those of ropg's rounding scheme (the decided rounding-scheme.md), in short:

  * accrual of a calendar entry (once, recurring, amortized, cpc, cpm, cpt) over days is exact;
  * a figure is shown through cumulative cents within each calendar year: the total cost
    S_T(x) = round_half_up(C_T(x)) with C(x) the exact sum from Jan 1 of x's year through x;
    categories (R, O, P, G) share S_T(x) by largest remainder of their exact C_c(x); the lines
    (entries, in workspace order) of a category share S_c(x) the same way;
  * a period shows, for each calendar year it touches, S(last day of the part) - S(day before
    its first day), where S before Jan 1 is 0.

Differential test: for each seed it writes a random workspace (no products, no goals, so only
calendar entries count), asks ropg for `costs PERIOD by=entry` and `costs PERIOD` (by category)
for periods of every kind, and compares every figure to the cent.

    python3 Tests/reference/accrual_reference.py --binary .build/debug/ropg --seeds 40 [--start 1]
    python3 Tests/reference/accrual_reference.py --self-test

Exit status 0 when everything agrees, 1 on a mismatch (or a self-test failure), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from fractions import Fraction

CATEGORIES = ("R", "O", "P", "G")
TIME_UNITS = ("day", "week", "month", "quarter", "year")
MONTHS_IN_UNIT = {"month": 1, "quarter": 3, "year": 12}
ONE_DAY = dt.timedelta(days=1)
TODAY = "2026-06-15"


# ---------------------------------------------------------------------------------------------
# Money helpers (all exact)

def round_half_up_cents(value: Fraction) -> int:
    """`value` in cents, rounded half away from zero."""
    cents = abs(value) * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return whole if value >= 0 else -whole


def floor_cents(value: Fraction) -> int:
    cents = value * 100
    return cents.numerator // cents.denominator  # floor division rounds toward -infinity


def apportion(total_cents: int, parts: list[Fraction]) -> list[int]:
    """Largest-remainder apportionment of `total_cents` among `parts` (exact values): floor each
    part to cents, then one cent each to the largest fractional remainders, ties to the earlier
    part. The scheme guarantees 0 <= cents left <= number of parts for costs (never negative)."""
    floors = [floor_cents(part) for part in parts]
    left = total_cents - sum(floors)
    if left == 0:
        return floors
    if left < 0 or left > len(parts):
        raise AssertionError(f"apportioning {total_cents} cents among {parts}: {left} cents left")
    remainders = [part * 100 - floor for part, floor in zip(parts, floors)]
    order = sorted(range(len(parts)), key=lambda index: (-remainders[index], index))
    for index in order[:left]:
        floors[index] += 1
    return floors


def cents_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def exact_text(value: Fraction) -> str:
    """An exact value readably: 19178.665, or 6.4516129…(=200/31)."""
    denominator = value.denominator
    for places in range(0, 13):
        if (10 ** places) % denominator == 0:
            scaled = abs(value) * 10 ** places
            digits = str(scaled.numerator).rjust(places + 1, "0")
            text = digits if places == 0 else f"{digits[:-places]}.{digits[-places:]}"
            return ("-" if value < 0 else "") + text
    scaled = abs(value) * 10 ** 7
    digits = str(scaled.numerator // scaled.denominator).rjust(8, "0")
    return f"{'-' if value < 0 else ''}{digits[:-7]}.{digits[-7:]}…(={value})"


def decimal_text(value: Fraction) -> str:
    """The shortest exact decimal text, as ropg's workspace writer writes it ("0.1", "1", "76714.66")."""
    text = exact_text(value)
    assert "…" not in text, value
    return text


# ---------------------------------------------------------------------------------------------
# Calendar

def days_in_month(year: int, month: int) -> int:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (following - dt.date(year, month, 1)).days


def iso_weeks(year: int) -> int:
    return dt.date(year, 12, 28).isocalendar().week


def each_month(first: dt.date, last: dt.date):
    """(year, month, days of [first, last] in that month, days in the month) for each month touched."""
    day = first
    while day <= last:
        length = days_in_month(day.year, day.month)
        month_end = dt.date(day.year, day.month, length)
        end = min(month_end, last)
        yield day.year, day.month, (end - day).days + 1, length
        day = end + ONE_DAY


@dataclass(frozen=True)
class Period:
    """A period as ropg's grammar names it; `text` is what is typed."""
    text: str
    first: dt.date
    last: dt.date
    kind: str

    @staticmethod
    def day(d: dt.date) -> "Period":
        return Period(d.isoformat(), d, d, "day")

    @staticmethod
    def week(year: int, week: int) -> "Period":
        monday = dt.date.fromisocalendar(year, week, 1)
        return Period(f"{year:04d}-W{week:02d}", monday, monday + 6 * ONE_DAY, "week")

    @staticmethod
    def month(year: int, month: int) -> "Period":
        return Period(f"{year:04d}-{month:02d}", dt.date(year, month, 1),
                      dt.date(year, month, days_in_month(year, month)), "month")

    @staticmethod
    def quarter(year: int, quarter: int) -> "Period":
        last_month = quarter * 3
        return Period(f"{year:04d}-Q{quarter}", dt.date(year, last_month - 2, 1),
                      dt.date(year, last_month, days_in_month(year, last_month)), "quarter")

    @staticmethod
    def year(year: int) -> "Period":
        return Period(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @staticmethod
    def range(start: "Period", end: "Period") -> "Period":
        assert start.first <= end.last
        return Period(f"{start.text}..{end.text}", start.first, end.last, "range")


# ---------------------------------------------------------------------------------------------
# Cost entries and their exact accrual

@dataclass
class Entry:
    id: str                      # "R1"
    name: str
    basis: str                   # once, recurring, amortized, cpc, cpm, cpt
    amount: Fraction
    qty: Fraction = Fraction(1)
    per: str | None = None       # recurring, cpc, cpm, cpt
    date: dt.date | None = None  # once
    months: int | None = None    # amortized
    volume: Fraction | None = None  # cpc clicks, cpm impressions
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def category(self) -> str:
        return self.id[0]

    def json_line(self) -> str:
        """The entry as ropg's workspace writer writes it: fixed key order, decimals as strings."""
        def s(value: str) -> str:
            return json.dumps(value, ensure_ascii=False)
        parts = [f'"id": {s(self.id)}', f'"category": {s(self.category)}', f'"name": {s(self.name)}',
                 f'"basis": {s(self.basis)}', f'"amount": {s(decimal_text(self.amount))}']
        if self.basis == "once":
            parts.append(f'"date": {s(self.date.isoformat())}')
        elif self.basis in ("recurring", "cpt"):
            parts.append(f'"per": {s(self.per)}')
        elif self.basis == "amortized":
            parts.append(f'"months": {self.months}')
        elif self.basis == "cpc":
            parts += [f'"clicks": {s(decimal_text(self.volume))}', f'"per": {s(self.per)}']
        elif self.basis == "cpm":
            parts += [f'"impressions": {s(decimal_text(self.volume))}', f'"per": {s(self.per)}']
        if self.qty != 1:
            parts.append(f'"qty": {s(decimal_text(self.qty))}')
        if self.start:
            parts.append(f'"start": {s(self.start.isoformat())}')
        if self.end:
            parts.append(f'"end": {s(self.end.isoformat())}')
        return "{" + ", ".join(parts) + "}"

    def describe(self) -> str:
        what = {"once": lambda: f"once on {self.date}",
                "recurring": lambda: f"/{self.per}",
                "amortized": lambda: f"amortized over {self.months} months",
                "cpc": lambda: f"cpc × {exact_text(self.volume)} clicks/{self.per}",
                "cpm": lambda: f"cpm × {exact_text(self.volume)} impressions/{self.per}",
                "cpt": lambda: f"cpt/{self.per}"}[self.basis]()
        text = f"{self.id} {exact_text(self.amount)} {what}"
        if self.qty != 1:
            text += f" qty={exact_text(self.qty)}"
        if self.start:
            text += f" start={self.start}"
        if self.end:
            text += f" end={self.end}"
        return text


def spread(amount: Fraction, per: str, first: dt.date, last: dt.date) -> Fraction:
    """An amount per day/week/month/quarter/year over the days first..last, exactly."""
    days = (last - first).days + 1
    if per == "day":
        return amount * days
    if per == "week":
        return amount * days / 7
    months = MONTHS_IN_UNIT[per]
    return sum((amount * covered / (months * length) for _, _, covered, length in each_month(first, last)), Fraction(0))


def accrue(entry: Entry, first: dt.date, last: dt.date) -> Fraction:
    """What `entry` costs over the days first..last (inclusive), exactly (accrual view)."""
    if entry.start and entry.start > first:
        first = entry.start
    if entry.end and entry.end < last:
        last = entry.end
    if first > last:
        return Fraction(0)
    amount = entry.amount * entry.qty
    if entry.basis == "once":
        return amount if first <= entry.date <= last else Fraction(0)
    if entry.basis in ("recurring", "cpt"):
        return spread(amount, entry.per, first, last)
    if entry.basis == "cpc":
        return spread(entry.amount * entry.volume * entry.qty, entry.per, first, last)
    if entry.basis == "cpm":
        return spread(entry.amount * entry.volume * entry.qty / 1000, entry.per, first, last)
    if entry.basis == "amortized":
        if entry.start is None or entry.months < 1:
            return Fraction(0)
        n = entry.months
        monthly = Fraction(round_half_up_cents(amount / n), 100)
        final = amount - monthly * (n - 1)
        start_index = entry.start.year * 12 + entry.start.month - 1
        total = Fraction(0)
        for year, month, covered, length in each_month(first, last):
            index = year * 12 + month - 1 - start_index
            if 0 <= index < n:
                total += (final if index == n - 1 else monthly) * covered / length
        return total
    raise ValueError(f"not a calendar basis: {entry.basis}")


# ---------------------------------------------------------------------------------------------
# Shown figures: cumulative cents within each calendar year

@dataclass
class Figures:
    """Shown cents of a period (or the cumulative shown cents at a day)."""
    total: int = 0
    categories: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    entries: dict[str, int] = field(default_factory=dict)

    def add(self, other: "Figures", sign: int = 1) -> None:
        self.total += sign * other.total
        for category in CATEGORIES:
            self.categories[category] += sign * other.categories[category]
        for key, value in other.entries.items():
            self.entries[key] = self.entries.get(key, 0) + sign * value


def cumulative(entries: list[Entry], day: dt.date) -> Figures:
    """S(day): shown cents cumulated from Jan 1 of day's year through day."""
    jan1 = dt.date(day.year, 1, 1)
    exact = [accrue(entry, jan1, day) for entry in entries]
    by_category = {c: [i for i, e in enumerate(entries) if e.category == c] for c in CATEGORIES}
    category_exact = [sum((exact[i] for i in by_category[c]), Fraction(0)) for c in CATEGORIES]
    total = round_half_up_cents(sum(category_exact, Fraction(0)))
    shown_categories = apportion(total, category_exact)
    figures = Figures(total=total, categories=dict(zip(CATEGORIES, shown_categories)))
    for category, shown in zip(CATEGORIES, shown_categories):
        members = by_category[category]
        for index, cents in zip(members, apportion(shown, [exact[i] for i in members])):
            figures.entries[entries[index].id] = cents
    return figures


def shown(entries: list[Entry], first: dt.date, last: dt.date) -> Figures:
    """The figures ropg shows for first..last: per calendar year, S(last of part) - S(day before)."""
    result = Figures(entries={e.id: 0 for e in entries})
    for year in range(first.year, last.year + 1):
        part_first = max(first, dt.date(year, 1, 1))
        part_last = min(last, dt.date(year, 12, 31))
        result.add(cumulative(entries, part_last))
        if part_first != dt.date(year, 1, 1):
            result.add(cumulative(entries, part_first - ONE_DAY), sign=-1)
    return result


def exact_figures(entries: list[Entry], first: dt.date, last: dt.date):
    """The exact values (total, {category: value}, {id: value}) over first..last."""
    per_entry = {e.id: accrue(e, first, last) for e in entries}
    per_category = {c: sum((v for e, v in zip(entries, per_entry.values()) if e.category == c), Fraction(0)) for c in CATEGORIES}
    return sum(per_category.values(), Fraction(0)), per_category, per_entry


# ---------------------------------------------------------------------------------------------
# Random workspaces and periods

# Amounts that make trouble: half cents after /3, /7, /12, /31 (also with qty 0.5), tiny ones.
AWKWARD_AMOUNTS = ["76714.66", "0.10", "1", "100.01", "0.01", "0.03", "1200.06", "12.06", "62.31", "14.07",
                   "6.03", "373.86", "3.015", "31.155", "0.07", "99999.99", "2000", "4500", "0.5"]
QUANTITIES = ["1", "1", "1", "2", "3", "0.5", "0.5", "1.5", "0.25", "0.1", "7"]
NAMES = ["仓库", "ERP", "客服工资", "直通车", "booth", "rent", "打包兼职", "license", "钻展", "CRM"]


def random_day(rng: random.Random, first=dt.date(2025, 1, 1), last=dt.date(2027, 12, 31)) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def random_amount(rng: random.Random) -> Fraction:
    roll = rng.random()
    if roll < 0.45:
        return Fraction(rng.choice(AWKWARD_AMOUNTS))
    if roll < 0.85:
        return Fraction(rng.randint(1, rng.choice([100, 10_000, 1_000_000, 10_000_000])), 100)
    return Fraction(rng.randint(1, 1_000_000), 1000)  # a third decimal


def random_entries(rng: random.Random) -> list[Entry]:
    count = rng.randint(1, 12)
    numbers = {c: 0 for c in CATEGORIES}
    entries: list[Entry] = []
    for position in range(count):
        category = rng.choice(CATEGORIES)
        numbers[category] += 1
        basis = rng.choice(["once", "recurring", "recurring", "recurring", "amortized", "cpc", "cpm", "cpt"])
        entry = Entry(id=f"{category}{numbers[category]}", name=f"{rng.choice(NAMES)} {position + 1}", basis=basis,
                      amount=random_amount(rng), qty=Fraction(rng.choice(QUANTITIES)))
        if basis == "once":
            entry.date = random_day(rng)
        elif basis in ("recurring", "cpt"):
            entry.per = rng.choice(TIME_UNITS)
        elif basis == "amortized":
            entry.months = rng.choice([1, 2, 3, 5, 7, 12, 12, 24, 36])
            entry.start = rng.choice([dt.date(2026, 1, 1), random_day(rng), random_day(rng).replace(day=1)])
        elif basis == "cpc":
            entry.amount = Fraction(rng.choice(["0.8", "0.35", "1.23", "0.05", "2"]))
            entry.volume = Fraction(rng.choice(["10000", "3333", "1234.5", "777", "20000"]))
            entry.per = rng.choice(TIME_UNITS)
        elif basis == "cpm":
            entry.amount = Fraction(rng.choice(["25", "18.5", "9.99", "33.33"]))
            entry.volume = Fraction(rng.choice(["400000", "123457", "1000", "55555"]))
            entry.per = rng.choice(TIME_UNITS)
        if entry.start is None and rng.random() < 0.35:
            entry.start = random_day(rng)
        if rng.random() < 0.3:
            end = random_day(rng)
            if entry.start and end < entry.start:
                end = entry.start + dt.timedelta(days=rng.randint(0, 400))
            entry.end = end
        entries.append(entry)
    return entries


def workspace_json(name: str, entries: list[Entry]) -> str:
    """A workspace file as ropg writes it (schemaVersion first, fixed key order, one entry a line)."""
    last_ids = {}
    for entry in entries:
        last_ids[entry.category] = max(last_ids.get(entry.category, 0), int(entry.id[1:]))
    costs = ",\n".join(f"    {entry.json_line()}" for entry in entries)
    ids = ", ".join(f'"{c}": {last_ids[c]}' for c in CATEGORIES if c in last_ids)
    return ("{\n"
            '  "schemaVersion": 1,\n'
            f'  "name": {json.dumps(name, ensure_ascii=False)},\n'
            '  "settings": {},\n'
            '  "overrides": [],\n'
            '  "products": [],\n'
            f'  "costs": [\n{costs}\n  ],\n'
            '  "profiles": [],\n'
            '  "goals": [],\n'
            '  "splits": [],\n'
            '  "actuals": [],\n'
            f'  "lastCostIds": {{{ids}}}\n'
            "}\n")


def random_single(rng: random.Random, kind: str, year: int | None = None) -> Period:
    year = year or rng.choice([2025, 2026, 2026, 2027])
    if kind == "day":
        return Period.day(random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if kind == "week":
        return Period.week(year, rng.randint(1, iso_weeks(year)))
    if kind == "month":
        return Period.month(year, rng.randint(1, 12))
    if kind == "quarter":
        return Period.quarter(year, rng.randint(1, 4))
    return Period.year(year)


def straddling_week(rng: random.Random) -> Period:
    """An ISO week across a month end (and often a year end)."""
    while True:
        year = rng.choice([2025, 2026, 2027])
        week = rng.randint(1, iso_weeks(year))
        period = Period.week(year, week)
        if period.first.month != period.last.month:
            return period


def random_periods(rng: random.Random) -> list[Period]:
    """Every kind of period, with the awkward ones always present."""
    periods = [
        random_single(rng, "day"),
        Period.day(rng.choice([dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 3, 1), dt.date(2027, 2, 28), dt.date(2025, 7, 31)])),
        random_single(rng, "week"),
        straddling_week(rng),
        rng.choice([Period.week(2026, 53), Period.week(2027, 1), Period.week(2025, 1), Period.week(2026, 1)]),
        random_single(rng, "month"),
        random_single(rng, "quarter"),
        random_single(rng, "year"),
    ]
    # Ranges: months within a year, months across a year end, and mixed kinds.
    year = rng.choice([2025, 2026, 2027])
    a, b = sorted(rng.sample(range(1, 13), 2))
    periods.append(Period.range(Period.month(year, a), Period.month(year, b)))
    year = rng.choice([2025, 2026])
    periods.append(Period.range(Period.month(year, rng.randint(8, 12)), Period.month(year + 1, rng.randint(1, 5))))
    while True:
        start = random_single(rng, rng.choice(["day", "week", "month", "quarter"]))
        end = random_single(rng, rng.choice(["day", "week", "month", "quarter", "year"]))
        if start.first <= end.last and (end.last - start.first).days < 800:
            periods.append(Period.range(start, end))
            break
    return periods


# ---------------------------------------------------------------------------------------------
# Reading ropg's JSON output (today: one array of rows per table, footer rows last;
# soon: one document per command, {"tables": {"costs": {"rows": [...], "total": {...}, "columns": [...]}}})

def table_rows(document) -> tuple[list[dict], dict | None]:
    """The data rows and the total row of the (first) table in one JSON document."""
    if isinstance(document, dict) and "tables" in document:
        tables = document["tables"]
        table = tables.get("costs") if isinstance(tables, dict) else None
        if table is None:
            table = next(iter(tables.values())) if isinstance(tables, dict) else tables[0]
        rows = list(table.get("rows", []))
        total = table.get("total", table.get("footer", table.get("footerRows")))
        if isinstance(total, list):  # several footer rows: the first is the total
            total = total[0] if total else None
        return rows, total
    if isinstance(document, dict) and "rows" in document:
        return table_rows({"tables": {"costs": document}})
    if isinstance(document, list):
        rows = [row for row in document if not is_total_row(row)]
        totals = [row for row in document if is_total_row(row)]
        return rows, (totals[0] if totals else None)
    raise ValueError(f"unexpected JSON document: {str(document)[:200]}")


def is_total_row(row: dict) -> bool:
    label = row.get("name") if row.get("name") is not None else row.get("category")
    return isinstance(label, str) and label.startswith("total") and not row.get("id")


def json_documents(text: str) -> list:
    """The JSON documents printed one after another."""
    decoder = json.JSONDecoder()
    documents, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return documents
        document, position = decoder.raw_decode(text, position)
        documents.append(document)


def cents_of(value) -> int | None:
    if value is None:
        return None
    number = Fraction(str(value).replace(",", ""))
    if (number * 100).denominator != 1:
        raise ValueError(f"{value} is not whole cents")
    return int(number * 100)


@dataclass
class Shown:
    total: int | None = None
    categories: dict[str, int] = field(default_factory=dict)  # by=category rows or by=entry subtotals
    entries: dict[str, int] = field(default_factory=dict)


def read_by_entry(document) -> Shown:
    rows, total = table_rows(document)
    result = Shown(total=cents_of(total.get("amount")) if total else None)
    for row in rows:
        if row.get("id"):
            result.entries[row["id"]] = cents_of(row.get("amount"))
        elif row.get("category"):
            result.categories[str(row["category"]).strip()[:1]] = cents_of(row.get("amount"))
    return result


def read_by_category(document) -> Shown:
    rows, total = table_rows(document)
    result = Shown(total=cents_of(total.get("amount")) if total else None)
    for row in rows:
        letter = str(row.get("category") or "").strip()[:1]
        if letter in CATEGORIES:
            result.categories[letter] = cents_of(row.get("amount"))
    return result


# ---------------------------------------------------------------------------------------------
# Running ropg and comparing

def run_ropg(binary: str, workspace: str, commands: list[str], folder: str) -> tuple[str, str, int]:
    environment = dict(os.environ, ROPG_TODAY=TODAY, NO_COLOR="1", LANG="C.UTF-8")
    completed = subprocess.run([binary, workspace, "-c", "; ".join(commands), "--format", "json"],
                               cwd=folder, env=environment, capture_output=True, text=True, timeout=120)
    return completed.stdout, completed.stderr, completed.returncode


def ropg_documents(binary: str, workspace: str, commands: list[str], folder: str) -> tuple[list, str]:
    """One JSON document per command, or (documents so far, problem)."""
    stdout, stderr, status = run_ropg(binary, workspace, commands, folder)
    try:
        documents = json_documents(stdout)
    except ValueError as error:
        documents, problem = [], f"output is not JSON ({error})"
    else:
        problem = "" if status == 0 and len(documents) == len(commands) else \
            f"exit {status}, {len(documents)} JSON documents for {len(commands)} commands"
    if problem:
        # Run the commands one by one to say which one fails.
        documents = []
        for command in commands:
            out, err, code = run_ropg(binary, workspace, [command], folder)
            try:
                parsed = json_documents(out)
            except ValueError:
                parsed = []
            if code != 0 or len(parsed) != 1:
                return documents, f"`{command}` gave exit {code}: {(err or out).strip()[:400]}"
            documents.append(parsed[0])
    return documents, ""


@dataclass
class Mismatch:
    seed: int
    period: str
    what: str
    expected: int
    got: int | None
    exact: Fraction

    def line(self) -> str:
        got = "missing" if self.got is None else cents_text(self.got)
        return (f"seed {self.seed:<4} {self.period:<24} {self.what:<26} expected {cents_text(self.expected):>14}"
                f"   got {got:>14}   exact {exact_text(self.exact)}")


def compare_seed(seed: int, binary: str, folder: str, keep: str | None) -> tuple[list[Mismatch], int, str]:
    """Mismatches, the number of figures compared, and a problem running ropg (or "")."""
    rng = random.Random(seed)
    entries = random_entries(rng)
    periods = random_periods(rng)
    path = os.path.join(keep or folder, f"seed-{seed}.json")
    with open(path, "w", encoding="utf-8") as file:
        file.write(workspace_json(f"reference seed {seed}", entries))
    commands = []
    for period in periods:
        commands += [f"costs {period.text} by=entry", f"costs {period.text}"]
    documents, problem = ropg_documents(binary, path, commands, folder)
    if problem:
        return [], 0, f"seed {seed}: {problem}"
    mismatches, compared = [], 0
    for index, period in enumerate(periods):
        expected = shown(entries, period.first, period.last)
        exact_total, exact_categories, exact_entries = exact_figures(entries, period.first, period.last)
        by_entry = read_by_entry(documents[2 * index])
        by_category = read_by_category(documents[2 * index + 1])

        def check(what, want, got, exact, missing_is_zero=False):
            nonlocal compared
            compared += 1
            if got is None and missing_is_zero:
                got = 0 if want == 0 else None
            if got != want:
                mismatches.append(Mismatch(seed, period.text, what, want, got, exact))

        for entry in entries:
            check(f"entry {entry.id} (by=entry)", expected.entries[entry.id], by_entry.entries.get(entry.id),
                  exact_entries[entry.id], missing_is_zero=True)
        for category in CATEGORIES:
            check(f"subtotal {category} (by=entry)", expected.categories[category], by_entry.categories.get(category),
                  exact_categories[category], missing_is_zero=True)
            check(f"category {category} (by=category)", expected.categories[category],
                  by_category.categories.get(category), exact_categories[category])
        check("total (by=entry)", expected.total, by_entry.total, exact_total)
        check("total (by=category)", expected.total, by_category.total, exact_total)
        unexpected = set(by_entry.entries) - {e.id for e in entries}
        for entry_id in sorted(unexpected):
            check(f"entry {entry_id} (by=entry)", 0, by_entry.entries[entry_id], Fraction(0))
    return mismatches, compared, ""


def differential(binary: str, seeds: int, start: int, keep: str | None, limit: int) -> int:
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        print(f"accrual_reference: no executable ropg at {binary}", file=sys.stderr)
        return 2
    if keep:
        os.makedirs(keep, exist_ok=True)
    began = time.monotonic()
    mismatches: list[Mismatch] = []
    problems: list[str] = []
    compared = 0
    with tempfile.TemporaryDirectory(prefix="ropg-reference-") as folder:
        for seed in range(start, start + seeds):
            found, count, problem = compare_seed(seed, binary, folder, keep)
            mismatches += found
            compared += count
            if problem:
                problems.append(problem)
    elapsed = time.monotonic() - began
    for problem in problems:
        print(f"ERROR {problem}")
    if mismatches:
        print(f"{len(mismatches)} mismatches (showing {min(limit, len(mismatches))}); expected is the rounding scheme's "
              f"figure, got is ropg's, exact is the unrounded accrual:")
        for mismatch in mismatches[:limit]:
            print("  " + mismatch.line())
        seeds_hit = sorted({m.seed for m in mismatches})
        print(f"seeds with mismatches: {', '.join(map(str, seeds_hit[:30]))}{' …' if len(seeds_hit) > 30 else ''}")
        first = seeds_hit[0]
        print(f"reproduce: python3 {sys.argv[0]} --binary {binary} --seeds 1 --start {first} --keep /tmp/ropg-ref "
              f"--explain; the workspace is /tmp/ropg-ref/seed-{first}.json")
    print(f"seeds {start}..{start + seeds - 1}: {compared} figures compared, {len(mismatches)} mismatches, "
          f"{len(problems)} errors, {elapsed:.2f}s")
    return 1 if mismatches or problems else 0


def explain(seeds: int, start: int) -> None:
    """Prints each seed's entries and periods (to read a mismatch against)."""
    for seed in range(start, start + seeds):
        rng = random.Random(seed)
        entries = random_entries(rng)
        periods = random_periods(rng)
        print(f"seed {seed}:")
        for entry in entries:
            print(f"  {entry.describe()}")
        print(f"  periods: {', '.join(p.text for p in periods)}")


# ---------------------------------------------------------------------------------------------
# Self-test: the worked cases of the rounding scheme, and the consequences it promises

def self_test() -> int:
    failures: list[str] = []

    def expect(label: str, got, want) -> None:
        if got != want:
            failures.append(f"{label}: expected {want}, got {got}")

    def cents(text: str) -> int:
        return cents_of(text)

    d = dt.date
    q1 = Period.quarter(2026, 1)

    # 76714.66/year in R: 2026-Q1 = 19,178.67 (exact 19,178.665).
    ws = [Entry("R1", "a", "recurring", Fraction("76714.66"), per="year")]
    figures = shown(ws, q1.first, q1.last)
    expect("76714.66/year Q1 total", figures.total, cents("19178.67"))
    expect("76714.66/year Q1 R", figures.categories["R"], cents("19178.67"))
    expect("76714.66/year Q1 exact", exact_figures(ws, q1.first, q1.last)[0], Fraction("19178.665"))

    # 0.10/year: 2026-Q1 = 0.03 (exact 0.025).
    ws = [Entry("R1", "b", "recurring", Fraction("0.10"), per="year")]
    expect("0.10/year Q1", shown(ws, q1.first, q1.last).total, 3)
    expect("0.10/year Q1 exact", exact_figures(ws, q1.first, q1.last)[0], Fraction("0.025"))

    # 100.01/month qty=0.5: 2026-04 plainly and by=day agree (50.00).
    ws = [Entry("O1", "c", "recurring", Fraction("100.01"), qty=Fraction("0.5"), per="month")]
    april = Period.month(2026, 4)
    expect("100.01/month×0.5 C(Mar31)", round_half_up_cents(accrue(ws[0], d(2026, 1, 1), d(2026, 3, 31))), cents("150.02"))
    expect("100.01/month×0.5 2026-04", shown(ws, april.first, april.last).total, cents("50.00"))
    by_day = sum(shown(ws, april.first + i * ONE_DAY, april.first + i * ONE_DAY).total for i in range(30))
    expect("100.01/month×0.5 2026-04 by=day total", by_day, cents("50.00"))

    # 1/year and 0.10/year: 2026-Q1 total 0.28 (exact 0.275); entries 0.25 and 0.03.
    ws = [Entry("R1", "a", "recurring", Fraction(1), per="year"),
          Entry("R2", "b", "recurring", Fraction("0.10"), per="year")]
    figures = shown(ws, q1.first, q1.last)
    expect("1/year+0.10/year Q1 total", figures.total, 28)
    expect("1/year+0.10/year Q1 R", figures.categories["R"], 28)
    expect("1/year+0.10/year Q1 entries", (figures.entries["R1"], figures.entries["R2"]), (25, 3))
    expect("1/year+0.10/year Q1 exact", exact_figures(ws, q1.first, q1.last)[0], Fraction("0.275"))

    # R 100/month and O 100/month: 2026-03-01 total 6.45 (R 3.23, O 3.22).
    ws = [Entry("R1", "r", "recurring", Fraction(100), per="month"),
          Entry("O1", "o", "recurring", Fraction(100), per="month")]
    figures = shown(ws, d(2026, 3, 1), d(2026, 3, 1))
    expect("R+O 100/month 2026-03-01 total", figures.total, 645)
    expect("R+O 100/month 2026-03-01 R, O", (figures.categories["R"], figures.categories["O"]), (323, 322))
    expect("R+O 100/month exact", exact_figures(ws, d(2026, 3, 1), d(2026, 3, 1))[0], Fraction(200, 31))

    # Accrual rules on small cases.
    expect("amortized 100/3 from 2026-01-15, Jan", accrue(Entry("O1", "x", "amortized", Fraction(100), months=3, start=d(2026, 1, 15)),
                                                           d(2026, 1, 1), d(2026, 1, 31)), Fraction("33.33") * 17 / 31)
    expect("amortized 100/3, last month takes the rest", accrue(Entry("O1", "x", "amortized", Fraction(100), months=3, start=d(2026, 1, 1)),
                                                                 d(2026, 3, 1), d(2026, 3, 31)), Fraction("33.34"))
    expect("amortized 0.05/2 rounds half up", accrue(Entry("O1", "x", "amortized", Fraction("0.05"), months=2, start=d(2026, 1, 1)),
                                                      d(2026, 1, 1), d(2026, 1, 31)), Fraction("0.03"))
    expect("weekly over 3 days", accrue(Entry("G1", "x", "recurring", Fraction(70), per="week"), d(2026, 3, 1), d(2026, 3, 3)), Fraction(30))
    expect("quarterly over a month", accrue(Entry("G1", "x", "recurring", Fraction(300), per="quarter"), d(2026, 2, 1), d(2026, 2, 28)), Fraction(100))
    expect("cpm", accrue(Entry("O1", "x", "cpm", Fraction(25), volume=Fraction(400000), per="month"), d(2026, 4, 1), d(2026, 4, 30)), Fraction(10000))
    expect("cpc with qty", accrue(Entry("O1", "x", "cpc", Fraction("0.5"), qty=Fraction(2), volume=Fraction(10), per="day"),
                                  d(2026, 4, 1), d(2026, 4, 2)), Fraction(20))
    expect("once within bounds", accrue(Entry("O1", "x", "once", Fraction(9), date=d(2026, 5, 5), end=d(2026, 5, 4)),
                                        d(2026, 1, 1), d(2026, 12, 31)), Fraction(0))
    expect("2026-W53", (Period.week(2026, 53).first, Period.week(2026, 53).last), (d(2026, 12, 28), d(2027, 1, 3)))
    expect("2025-W01 starts in 2024", Period.week(2025, 1).first, d(2024, 12, 30))

    # The promised consequences, over random workspaces: telescoping (a period is the sum of its
    # days and of its months), a year is its exact value rounded once, lines add up to categories
    # and categories to the total, and no figure is more than a few cents from its exact value.
    for seed in range(1, 21):
        rng = random.Random(10_000 + seed)
        ws = random_entries(rng)
        year = rng.choice([2025, 2026, 2027])
        figures = shown(ws, d(year, 1, 1), d(year, 12, 31))
        expect(f"seed {seed}: year {year} = exact rounded once", figures.total,
               round_half_up_cents(exact_figures(ws, d(year, 1, 1), d(year, 12, 31))[0]))
        for period in random_periods(rng):
            whole = shown(ws, period.first, period.last)
            expect(f"seed {seed} {period.text}: entries add up to categories",
                   [sum(v for k, v in whole.entries.items() if k[0] == c) for c in CATEGORIES],
                   [whole.categories[c] for c in CATEGORIES])
            expect(f"seed {seed} {period.text}: categories add up to the total", sum(whole.categories.values()), whole.total)
            exact = exact_figures(ws, period.first, period.last)
            years = period.last.year - period.first.year + 1
            if abs(whole.total - exact[0] * 100) > 2 * years:
                failures.append(f"seed {seed} {period.text}: total {whole.total} cents is far from exact {exact_text(exact[0])}")
            if period.kind in ("week", "month") or (period.last - period.first).days < 45:
                days = Figures(entries={e.id: 0 for e in ws})
                day = period.first
                while day <= period.last:
                    days.add(shown(ws, day, day))
                    day += ONE_DAY
                expect(f"seed {seed} {period.text}: sum of days", (days.total, days.categories, days.entries),
                       (whole.total, whole.categories, whole.entries))
            elif period.first.day == 1:
                months = Figures(entries={e.id: 0 for e in ws})
                for year_, month, _, _ in each_month(period.first, period.last):
                    m = Period.month(year_, month)
                    months.add(shown(ws, m.first, min(m.last, period.last)))
                expect(f"seed {seed} {period.text}: sum of months", (months.total, months.categories),
                       (whole.total, whole.categories))
        # The generated file is the writer's format and parses as JSON.
        document = json.loads(workspace_json("x", ws))
        expect(f"seed {seed}: file keys", list(document), ["schemaVersion", "name", "settings", "overrides", "products",
                                                           "costs", "profiles", "goals", "splits", "actuals", "lastCostIds"])

    # The output reader takes today's shape and the coming one alike.
    today = [{"id": "R1", "category": "R", "name": "a", "amount": "1.00"},
             {"id": None, "category": "R", "name": "subtotal platform", "amount": "1.00"},
             {"id": None, "category": None, "name": "total cost", "amount": "1.00"}]
    coming = {"tables": {"costs": {"rows": today[:2], "total": today[2], "columns": []}}}
    for label, document in (("today's JSON", today), ("tables JSON", coming)):
        parsed = read_by_entry(document)
        expect(label, (parsed.entries, parsed.categories, parsed.total), ({"R1": 100}, {"R": 100}, 100))
    categories = [{"category": "R platform 平台固定成本", "amount": "2.50"}, {"category": "O operating 运营成本", "amount": "0.00"},
                  {"category": "total cost", "amount": "2.50"}]
    for label, document in (("today's JSON by category", categories),
                            ("tables JSON by category", {"tables": {"costs": {"rows": categories[:2], "total": categories[2]}}})):
        parsed = read_by_category(document)
        expect(label, (parsed.categories, parsed.total), ({"R": 250, "O": 0}, 250))

    for failure in failures:
        print(f"FAIL {failure}")
    print(f"self-test: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="the ropg executable (default: .build/debug/ropg in the repository)")
    parser.add_argument("--seeds", type=int, default=40, help="how many random workspaces (default 40)")
    parser.add_argument("--start", type=int, default=1, help="the first seed (default 1)")
    parser.add_argument("--keep", metavar="DIR", help="write the workspaces to DIR (seed-N.json) and keep them")
    parser.add_argument("--limit", type=int, default=60, help="mismatches to print (default 60)")
    parser.add_argument("--explain", action="store_true", help="also print each seed's entries and periods")
    parser.add_argument("--self-test", action="store_true", help="check the reference against the scheme's worked cases")
    arguments = parser.parse_args(argv)
    if arguments.self_test:
        return self_test()
    binary = arguments.binary or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build", "debug", "ropg")
    if arguments.explain:
        explain(arguments.seeds, arguments.start)
    return differential(os.path.abspath(binary), arguments.seeds, arguments.start, arguments.keep, arguments.limit)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

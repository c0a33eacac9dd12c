"""German formatting of dates, numbers and figures (CLDR data through Babel).

These functions are the Jinja filters (registered once in
:mod:`briefing.render.environment`) and are also called by the plain-text
renderer, so every output format writes "40 Mrd. €", "20 %" and
"Donnerstag, 4. September 2025" the same way.  Spaces that must not break
("40 Mrd. €", "4. September") are U+00A0.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_compact_decimal, format_decimal

from briefing.lang.de import split_rate

LOCALE = "de_DE"
NBSP = "\u00a0"

# Units that mean a currency (ISO code for Babel) or a percentage.  Anything else
# is a counted noun ("Länder", "Brigaden") written after the number.
CURRENCY_UNITS = {
    "eur": "EUR", "euro": "EUR", "€": "EUR",
    "usd": "USD", "dollar": "USD", "us-dollar": "USD", "$": "USD",
    "gbp": "GBP", "pfund": "GBP", "£": "GBP",
    "chf": "CHF", "franken": "CHF",
    "rub": "RUB", "rubel": "RUB",
    "uah": "UAH", "hrywnja": "UAH", "griwna": "UAH",
}
PERCENT_UNITS = {"prozent", "%", "percent", "pct"}
# From one million on, "40 Mrd. €" reads better than "40.000.000.000 €"; below it
# the full number is short enough and exact.
COMPACT_FROM = 1_000_000
# Compact numbers keep at most one decimal ("1,5 Mio."): more is false precision.
COMPACT_FRACTION_DIGITS = 1

# Control characters (except tab and newline) and bidirectional overrides carry no
# meaning in an article and can hide or reorder text ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


def clean_text(value: str | None) -> str:
    """Untrusted article text as one clean line: control characters removed, spaces collapsed.

    Escaping is not done here: Jinja's autoescape does it for HTML, and the plain
    text needs none.
    """
    if not value:
        return ""
    kept = "".join(
        ch for ch in value
        if ch in "\t\n" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )
    return _SPACE_RUN.sub(" ", kept).strip()


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def long_date(value: date | str) -> str:
    """'Donnerstag, 4. September 2025'."""
    text = format_date(_as_date(value), format="full", locale=LOCALE)
    return _nbsp_after_day(text)


def day_month(value: date | str) -> str:
    """'4. September' (no year)."""
    return format_date(_as_date(value), format="d.\u00a0MMMM", locale=LOCALE)


def medium_date(value: date | str) -> str:
    """'4. September 2025'."""
    return _nbsp_after_day(format_date(_as_date(value), format="long", locale=LOCALE))


def month_year(value: str) -> str:
    """'März 2025' from '2025-03' (a source that names only the month)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if not match:
        raise ValueError(f"not a year and month: {value!r}")
    return format_date(date(int(match[1]), int(match[2]), 1), format="MMMM y", locale=LOCALE)


def _nbsp_after_day(text: str) -> str:
    # "4. September": the day number must not end a line on its own.
    return re.sub(r"(\d{1,2}\.) ", "\\1" + NBSP, text, count=1)


def number(value: float) -> str:
    """A German number: '1.234,5', '26'; whole floats lose their '.0'."""
    if float(value).is_integer():
        return format_decimal(int(value), locale=LOCALE)
    return format_decimal(value, locale=LOCALE)


def money(value: float) -> str:
    """An amount of money below a million: whole amounts without cents ('12', '1.250'), others with both
    digits of the cents ('4,50', not '4,5': a price is written to the cent)."""
    if float(value).is_integer():
        return number(value)
    return format_decimal(value, format="#,##0.00", locale=LOCALE)


def figure(value: float, unit: str, qualifier: str | None = None, whole: float | None = None) -> str:
    """A figure for reading: 'rund 40 Mrd. €', '20 %', '26 Länder', '4 Brigaden', '3 € pro Liter', and a
    part with its whole: 'fast 4 von 10 Wählern' (four voters alone would be a false figure)."""
    head, per = split_rate(unit)
    if per is not None:  # a rate: the amount as any other, then what it is counted per
        return f"{figure(value, head, qualifier)}{NBSP}{unit.split()[-2]}{NBSP}{clean_text(per)}"
    key = unit.strip().lower()
    if key in CURRENCY_UNITS:
        code = CURRENCY_UNITS[key]
        if abs(value) >= COMPACT_FROM:
            text = format_compact_currency(
                value, code, locale=LOCALE, fraction_digits=COMPACT_FRACTION_DIGITS
            )
        else:
            text = f"{money(value)}{NBSP}{_currency_symbol(code)}"
    elif key in PERCENT_UNITS:
        text = f"{number(value)}{NBSP}%"
    else:
        if abs(value) >= COMPACT_FROM:
            amount = format_compact_decimal(value, locale=LOCALE, fraction_digits=COMPACT_FRACTION_DIGITS)
        else:
            amount = number(value)
        if whole is not None:
            amount = f"{amount} von {number(whole)}"
        text = f"{amount}{NBSP}{clean_text(unit)}" if unit.strip() else amount
    text = text.replace(" ", NBSP)
    qualifier = clean_text(qualifier)
    # A qualifier is a function word ("rund", "mehr als", "zwischen 230 und"), capitalised only where it opened
    # its sentence ("Rund 250.000 Haushalte heizen …"); beside the number it reads in lower case.
    qualifier = qualifier[:1].lower() + qualifier[1:]
    return f"{qualifier} {text}" if qualifier else text


def _currency_symbol(code: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale=LOCALE)


FILTERS = {
    "long_date": long_date,
    "day_month": day_month,
    "medium_date": medium_date,
    "month_year": month_year,
    "number": number,
}

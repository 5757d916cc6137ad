#!/usr/bin/env python3
"""The Excel workbook read back: `cbec reg ... -o t.xlsx` must hold, cell for cell, what the same
command prints as CSV: its title (Chinese here), the table, then the notes; the plain numbers as numbers
(shown by their number format with the printed digits), the rest as text; the sheet named by the title.
Reads the Office Open XML with the standard library only (zipfile + ElementTree).

usage: check_workbook.py CBEC SOURCE_DIR WORK_DIR"""
import csv
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def shown(value, code):
    """A number cell's text as Excel shows it with format `code` ("0", "0.000", "0.00E+00")."""
    decimals = len(code.split(".")[1].split("E")[0]) if "." in code else 0
    if "E+" in code:
        mantissa, exponent = f"{float(value):.{decimals}e}".split("e")
        return f"{mantissa}e{exponent}"
    return f"{float(value):.{decimals}f}"


def number_formats(z):
    """The number format code of each cell style index (cellXfs order)."""
    styles = ET.fromstring(z.read("xl/styles.xml"))
    codes = {0: "General", 1: "0", 2: "0.00"}
    for f in styles.iter("{%s}numFmt" % NS["m"]):
        codes[int(f.get("numFmtId"))] = f.get("formatCode")
    xfs = styles.find("m:cellXfs", NS)
    return [codes.get(int(x.get("numFmtId", "0")), "General") for x in xfs.findall("m:xf", NS)]


def read_sheet(path):
    """The first sheet's name, its rows of shown text, and how many cells are numbers."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        name = book.find("m:sheets/m:sheet", NS).get("name")
        formats = number_formats(z)
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows, numbers = [], 0
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            inline = c.find("m:is", NS)
            if c.get("t") == "s":
                text = shared[int(v.text)]
            elif inline is not None:
                text = "".join(t.text or "" for t in inline.iter("{%s}t" % NS["m"]))
            elif v is not None:
                text = shown(v.text, formats[int(c.get("s", "0"))])
                numbers += 1
            else:
                text = ""
            cells[column_index(c.get("r"))] = text
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return name, rows, numbers


def main():
    cbec, src, work = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    os.makedirs(work, exist_ok=True)
    data = os.path.join(src, "tests", "data", "grunfeld.csv")
    args = [cbec, "reg", data, "inv ~ value + capital", "inv ~ value + capital | firm + year", "--vcov", "cluster:firm",
            "--title", "投资方程 Investment"]
    book = os.path.join(work, "tables.xlsx")
    subprocess.run(args + ["-o", book], check=True)
    printed = subprocess.run(args + ["--format", "csv"], check=True, capture_output=True, text=True).stdout
    expected = [r for r in csv.reader(io.StringIO(printed)) if any(cell.strip() for cell in r)]
    name, rows, numbers = read_sheet(book)
    got = [r for r in rows if any(cell.strip() for cell in r)]
    width = max(len(r) for r in expected + got)
    pad = lambda rows: [r + [""] * (width - len(r)) for r in rows]
    cells_csv = [c for r in pad(expected) for c in r if c.strip()]
    cells_xlsx = [c for r in pad(got) for c in r if c.strip()]
    # Both hold the title, then the table, then the notes under it.
    notes = cells_csv[-3:]
    if cells_xlsx != cells_csv or cells_csv[0] != "投资方程 Investment" or not any("Standard errors" in n for n in notes):
        print("the workbook differs from the CSV output")
        for a, b in zip(cells_csv, cells_xlsx):
            if a != b:
                print(f"  csv {a!r} vs xlsx {b!r}")
                break
        print(f"  {len(cells_csv)} CSV cells, {len(cells_xlsx)} workbook cells")
        return 1
    # The observation counts and R-squared are numbers; starred coefficients and (SE) stay text.
    if numbers < 4 or name != "投资方程 Investment":
        print(f"expected the sheet named by the title and numbers as numbers: sheet {name!r}, {numbers} number cells")
        return 1
    # A title Excel cannot take as a sheet name: its forbidden characters left out, cut to 31.
    long_book = os.path.join(work, "long.xlsx")
    subprocess.run(args[:-1] + ["Table 2: effects [robust] / by firm, 1935-1954 *", "-o", long_book], check=True)
    long_name = read_sheet(long_book)[0]
    if long_name != "Table 2 effects robust  by firm":
        print(f"the sheet name of a long title with []:/* is {long_name!r}")
        return 1
    print(f"ok: {len(cells_xlsx)} cells of the workbook equal the CSV output, {numbers} of them numbers; sheet {name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The Excel workbook read back: `cbec reg ... -o t.xlsx` must hold, cell for cell, what the same
command prints as CSV: its title (Chinese here), the table, then the notes. Reads the Office Open XML with the standard
library only (zipfile + ElementTree).

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


def read_sheet(path):
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            inline = c.find("m:is", NS)
            if c.get("t") == "s":
                text = shared[int(v.text)]
            elif inline is not None:
                text = "".join(t.text or "" for t in inline.iter("{%s}t" % NS["m"]))
            else:
                text = v.text if v is not None else ""
            cells[column_index(c.get("r"))] = text
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


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
    got = [r for r in read_sheet(book) if any(cell.strip() for cell in r)]
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
    print(f"ok: {len(cells_xlsx)} cells of the workbook equal the CSV output")
    return 0


if __name__ == "__main__":
    sys.exit(main())

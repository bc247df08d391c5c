#!/usr/bin/env python3
"""Checks executed notebooks: no error output, no log lines in any cell's output, tables with rows,
and charts that are real pictures: each PNG is decoded (8-bit RGB/RGBA/grey, as Java's ImageIO
writes them) and must have at least 8 distinct colours and more than 1% of its pixels off the
background colour, which an empty XChart canvas does not."""
import base64, json, re, struct, sys, zlib
from collections import Counter

LOG_LINE = re.compile(r"^\d\d:\d\d:\d\d \w+ |\b(INFO|WARN) [\w.$]+:", re.M)


def pixels(png):
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw, stride, prev, rows = zlib.decompress(idat), width * channels, bytearray(width * channels), []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, Counter(bytes(row[x:x + channels]) for row in rows for x in range(0, stride, channels))


failures = []
for path in sys.argv[1:]:
    nb = json.load(open(path))
    charts = tables = 0
    for i, cell in enumerate(nb["cells"], 1):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                failures.append(f"{path} cell {i}: {out.get('ename')}: {out.get('evalue')}")
            if out["output_type"] == "stream" and LOG_LINE.search("".join(out["text"])):
                failures.append(f"{path} cell {i}: log lines in the output: {''.join(out['text'])[:200]}")
            data = out.get("data", {})
            if "image/png" in data:
                try:
                    width, height, colours = pixels(base64.b64decode(data["image/png"]))
                except ValueError as e:
                    failures.append(f"{path} cell {i}: {e}")
                    continue
                inked = 1 - colours.most_common(1)[0][1] / (width * height)
                if len(colours) < 8 or inked < 0.01:
                    failures.append(f"{path} cell {i}: a blank chart ({len(colours)} colours, {inked:.3f} inked)")
                charts += 1
            if "text/html" in data and "<tbody>\n<tr>" in "".join(data["text/html"]):
                tables += 1
    print(f"{path}: {charts} charts, {tables} tables with rows")
    if charts == 0 or tables == 0:
        failures.append(f"{path}: expected charts and tables, found {charts} charts and {tables} tables")
for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures else 0)

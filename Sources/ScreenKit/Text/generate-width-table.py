#!/usr/bin/env python3
"""Generates WidthTable.swift beside this script: the code-point ranges that
take two terminal columns or none, from the Unicode Character Database that
ships with Python (unicodedata.east_asian_width and unicodedata.category).

    python3 Sources/ScreenKit/Text/generate-width-table.py

Width 2: East Asian Width W (wide) and F (fullwidth). Python reports unassigned
code points as F, so for those the defaults of EastAsianWidth.txt apply
instead: W in the CJK ideograph blocks and planes 2 and 3, N elsewhere.
Width 0: controls (Cc), nonspacing and enclosing marks (Mn, Me), format
characters (Cf) except the soft hyphen, U+200B..U+200F, the variation
selectors, and the Hangul jamo medials and finals U+1160..U+11FF.
Width 0 wins where both apply (a few combining marks are W).
Everything else is 1.
"""
import os
import sys
import unicodedata

# EastAsianWidth.txt: unassigned code points in these ranges default to W.
UNASSIGNED_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]
EXTRA_ZERO = [(0x200B, 0x200F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x1160, 0x11FF)]
SOFT_HYPHEN = 0x00AD


def width(cp):
    ch = chr(cp)
    category = unicodedata.category(ch)
    if any(lo <= cp <= hi for lo, hi in EXTRA_ZERO):
        return 0
    if category == "Cc" or category in ("Mn", "Me") or (category == "Cf" and cp != SOFT_HYPHEN):
        return 0
    if category == "Cn":
        return 2 if any(lo <= cp <= hi for lo, hi in UNASSIGNED_WIDE) else 1
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def ranges(target):
    """Sorted, merged inclusive ranges of the code points of width `target`."""
    out = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or width(cp) != target:
            continue
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def swift_array(name, doc, table):
    lines = [f"    /// {doc}", f"    static let {name}: [UInt32] = ["]
    for i in range(0, len(table), 4):
        chunk = table[i:i + 4]
        lines.append("        " + " ".join(f"0x{lo:05X}, 0x{hi:05X}," for lo, hi in chunk))
    lines.append("    ]")
    return "\n".join(lines)


def main():
    version = unicodedata.unidata_version
    wide, zero = ranges(2), ranges(0)
    text = f"""// GENERATED FILE, do not edit. Source: the Unicode Character Database {version}
// (EastAsianWidth and General Category) as shipped with Python {sys.version.split()[0]}'s unicodedata.
// Regenerate with: python3 Sources/ScreenKit/Text/generate-width-table.py
// Rules are in that script; DisplayWidth looks these ranges up.

/// Code-point ranges of display width 2 and 0, as flat arrays of inclusive
/// (first, last) pairs, sorted and merged. Code points in neither are 1 wide.
enum WidthTable {{
    /// The Unicode version the ranges come from.
    static let unicodeVersion = "{version}"

{swift_array("wide", f"Width 2: East Asian Wide and Fullwidth ({len(wide)} ranges).", wide)}

{swift_array("zero", f"Width 0: controls, combining and format characters, variation selectors, jamo medials and finals ({len(zero)} ranges).", zero)}
}}
"""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "WidthTable.swift")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path}: Unicode {version}, {len(wide)} wide and {len(zero)} zero-width ranges")


if __name__ == "__main__":
    main()

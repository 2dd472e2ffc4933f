#!/usr/bin/env python3
# Builds dvdash.ico (Windows icon resource) from resources/icons/dvdash.svg: rsvg-convert renders
# each size, the PNGs are stored as they are (Windows Vista and later read PNG icon entries).
# Run by hand when the icon changes; the .ico is committed so a Windows build needs no renderer.
import os
import struct
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
svg = os.path.join(here, '..', '..', 'resources', 'icons', 'dvdash.svg')
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'dvdash.ico')
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [subprocess.run(['rsvg-convert', '-w', str(s), '-h', str(s), svg],
                         check=True, capture_output=True).stdout for s in sizes]
header = struct.pack('<HHH', 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
entries = b''
for size, png in zip(sizes, images):
    dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
    entries += struct.pack('<BBBBHHII', dim, dim, 0, 0, 1, 32, len(png), offset)
    offset += len(png)
with open(out, 'wb') as f:
    f.write(header + entries + b''.join(images))

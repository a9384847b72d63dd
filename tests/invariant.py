#!/usr/bin/env python3
"""Check the stream contract on stdin: every record has at least 8 fields,
records of a document follow its doc record, and for every record
unescape(text) == document[start:end], the document being the doc record's
text (so it works for stdin, --lines and CSV input too). Exit 1 on the first
violation; print the number of records checked."""
import sys

ESC = {b't': b'\t', b'n': b'\n', b'r': b'\r', b'\\': b'\\'}


def unescape(s):
    out, i = bytearray(), 0
    while i < len(s):
        if s[i:i + 1] == b'\\' and i + 1 < len(s):
            out += ESC.get(s[i + 1:i + 2], s[i + 1:i + 2])
            i += 2
        else:
            out += s[i:i + 1]
            i += 1
    return bytes(out)


docs, doc, docid, n = {}, None, None, 0
for i, line in enumerate(sys.stdin.buffer, 1):
    if not line.endswith(b'\n'):
        sys.exit(f'line {i}: no final newline')
    f = line[:-1].split(b'\t')
    if len(f) < 8:
        sys.exit(f'line {i}: {len(f)} fields')
    if f[2] == b'doc':
        doc, docid = unescape(f[5]), f[0]
        docs[docid] = doc
        if int(f[3]) != 0 or int(f[4]) != len(doc):
            sys.exit(f'line {i}: doc record spans {f[3]}..{f[4]}, text has {len(doc)} bytes')
        n += 1
        continue
    if f[2] == b'summary' and f[0] in docs:
        d = docs[f[0]]  # summary records follow their story, not their document
    elif doc is None or f[0] != docid:
        sys.exit(f'line {i}: record of {f[0]!r} outside its document')
    else:
        d = doc
    s, e = int(f[3]), int(f[4])
    if not (0 <= s <= e <= len(d)) or unescape(f[5]) != d[s:e]:
        sys.exit(f'line {i}: text {unescape(f[5])[:50]!r} != document[{s}:{e}] {d[s:e][:50]!r}')
    n += 1
if n == 0:
    sys.exit('no records')
print(f'{n} records hold the invariant')

#include "escape.h"

#include <string.h>

void news_escape(struct nbuf *out, const char *s, size_t n)
{
	/* Copy runs of plain bytes in one go: most text has no byte to escape. */
	nbuf_reserve(out, n);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		char e;
		switch (s[i]) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: continue;
		}
		nbuf_add(out, s + run, i - run);
		char pair[2] = {'\\', e};
		nbuf_add(out, pair, 2);
		run = i + 1;
	}
	nbuf_add(out, s + run, n - run);
}

static char unescape_char(char c)
{
	switch (c) {
	case 't': return '\t';
	case 'n': return '\n';
	case 'r': return '\r';
	default: return c;
	}
}

void news_unescape(struct nbuf *out, const char *s, size_t n)
{
	nbuf_reserve(out, n);
	size_t i = 0;
	while (i < n) {
		const char *bs = memchr(s + i, '\\', n - i);
		size_t stop = bs ? (size_t)(bs - s) : n;
		nbuf_add(out, s + i, stop - i);
		if (stop >= n)
			break;
		if (stop + 1 < n) {
			nbuf_addc(out, unescape_char(s[stop + 1]));
			i = stop + 2;
		} else {
			nbuf_addc(out, '\\');
			i = stop + 1;
		}
	}
}

int news_unescaped_equals(const char *s, size_t n, const char *want, size_t wn)
{
	size_t i = 0, j = 0;
	while (i < n) {
		char c = s[i++];
		if (c == '\\' && i < n)
			c = unescape_char(s[i++]);
		if (j >= wn || want[j++] != c)
			return 0;
	}
	return j == wn;
}

#include "escape.h"

#include <string.h>

void news_escape(struct nbuf *out, const char *s, size_t n)
{
	/* Most text has no byte to escape: copy it straight into the buffer,
	 * a block at a time while none of its bytes can need escaping, and make
	 * room for the second byte of an escape only when one comes. */
	nbuf_reserve(out, n);
	char *o = out->data + out->len;
	size_t i = 0;
	while (i < n) {
#ifdef __SSE2__
		if (i + 16 <= n && !news_may_escape16(s + i)) {
			memcpy(o, s + i, 16);
			o += 16;
			i += 16;
			continue;
		}
#endif
		if (i + 8 <= n && !news_may_escape8(s + i)) {
			memcpy(o, s + i, 8);
			o += 8;
			i += 8;
			continue;
		}
		char c = s[i++], e;
		switch (c) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: *o++ = c; continue;
		}
		out->len = (size_t)(o - out->data);
		nbuf_reserve(out, n - i + 2);
		o = out->data + out->len;
		*o++ = '\\';
		*o++ = e;
	}
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
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

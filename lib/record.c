#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

void news_fields_split(struct news_fields *fs, const char *line, size_t len)
{
	fs->n = 0;
	size_t i = 0;
	for (;;) {
		const char *tab = memchr(line + i, '\t', len - i);
		size_t stop = tab ? (size_t)(tab - line) : len;
		NEWS_GROW(fs->f, fs->cap, fs->n + 1);
		fs->f[fs->n].p = line + i;
		fs->f[fs->n].len = stop - i;
		fs->n++;
		if (!tab)
			break;
		i = stop + 1;
	}
}

void news_fields_free(struct news_fields *fs)
{
	free(fs->f);
	fs->f = NULL;
	fs->n = fs->cap = 0;
}

struct news_field news_field_get(const struct news_fields *fs, size_t i)
{
	if (i < fs->n)
		return fs->f[i];
	return (struct news_field){"", 0};
}

int news_field_is(struct news_field f, const char *s)
{
	size_t n = strlen(s);
	return f.len == n && memcmp(f.p, s, n) == 0;
}

long long news_field_num(struct news_field f)
{
	if (f.len == 0 || f.len > 18)
		return -1;
	long long v = 0;
	for (size_t i = 0; i < f.len; i++) {
		if (f.p[i] < '0' || f.p[i] > '9')
			return -1;
		v = v * 10 + (f.p[i] - '0');
	}
	return v;
}

void news_field_unescape(struct news_field f, struct nbuf *out)
{
	news_unescape(out, f.p, f.len);
}

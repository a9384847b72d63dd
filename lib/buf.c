#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void out_of_memory(size_t n)
{
	fprintf(stderr, "newsutils: out of memory (%zu bytes)\n", n);
	abort();
}

void *news_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *news_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *news_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void news_grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / elem)
			out_of_memory(need * elem);
		n *= 2;
	}
	*p = news_xrealloc(*p, n * elem);
	*cap = n;
}

char *news_xstrndup(const char *s, size_t n)
{
	char *d = news_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void nbuf_reserve(struct nbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t need = b->len + extra + 1;
	news_grow((void **)&b->data, &b->cap, need, 1);
}

void nbuf_add(struct nbuf *b, const void *p, size_t n)
{
	nbuf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void nbuf_addc(struct nbuf *b, char c)
{
	nbuf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void nbuf_adds(struct nbuf *b, const char *s)
{
	nbuf_add(b, s, strlen(s));
}

char *news_utoa(unsigned long long v, char out[24])
{
	/* two digits per division: every record carries several numbers */
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	char *p = out + 24;
	while (v >= 100) {
		unsigned d = (unsigned)(v % 100) * 2;
		v /= 100;
		*--p = pairs[d + 1];
		*--p = pairs[d];
	}
	if (v >= 10) {
		*--p = pairs[v * 2 + 1];
		*--p = pairs[v * 2];
	} else {
		*--p = (char)('0' + v);
	}
	return p;
}

void nbuf_addu(struct nbuf *b, unsigned long long v)
{
	char tmp[24];
	char *p = news_utoa(v, tmp);
	nbuf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

void nbuf_set(struct nbuf *b, const void *p, size_t n)
{
	b->len = 0;
	nbuf_add(b, p, n);
}

void nbuf_clear(struct nbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void nbuf_free(struct nbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

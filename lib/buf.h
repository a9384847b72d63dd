/* buf: growable byte buffers and arrays.
 *
 * Every piece of text newsutils handles carries an explicit length, so NUL
 * bytes inside documents never truncate anything. A buffer owns its memory;
 * nbuf_free() releases it. Allocation failure is fatal (there is nothing
 * sensible a text filter can do without memory), so callers never check. */
#ifndef NEWS_BUF_H
#define NEWS_BUF_H

#include <stddef.h>

struct nbuf {
	char *data;     /* always NUL-terminated after any nbuf_* call */
	size_t len;
	size_t cap;
};

void *news_xmalloc(size_t n);
void *news_xcalloc(size_t n, size_t size);
void *news_xrealloc(void *p, size_t n);
/* Grow *p (an array of *cap elements of size elem) to hold at least need. */
void news_grow(void **p, size_t *cap, size_t need, size_t elem);
#define NEWS_GROW(arr, cap, need) \
	news_grow((void **)&(arr), &(cap), (need), sizeof *(arr))
char *news_xstrndup(const char *s, size_t n);

/* Write v in decimal so that it ends at out + 24; returns where it starts. */
char *news_utoa(unsigned long long v, char out[24]);

void nbuf_reserve(struct nbuf *b, size_t extra);
void nbuf_add(struct nbuf *b, const void *p, size_t n);
void nbuf_addc(struct nbuf *b, char c);
void nbuf_adds(struct nbuf *b, const char *s);
void nbuf_addu(struct nbuf *b, unsigned long long v);  /* decimal */
void nbuf_set(struct nbuf *b, const void *p, size_t n);
void nbuf_clear(struct nbuf *b);
void nbuf_free(struct nbuf *b);

#endif

#include "wordlist.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

struct entry {
	size_t key_off, key_len, val_off, val_len;
	uint64_t hash;
	int used;
};

struct news_wordset {
	struct entry *slots;
	size_t nslots, count;
	struct nbuf store;     /* keys and values, NUL-separated */
	struct nbuf fold_tmp;  /* scratch for folding a lookup key: not shared
	                        * across threads, like a pcre2 match block */
	int flags;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void fold(struct nbuf *out, const char *s, size_t n)
{
	nbuf_clear(out);
	news_lower_utf8(out, s, n);
}

static struct entry *find_slot(const struct news_wordset *ws, const char *k, size_t n, uint64_t h)
{
	size_t mask = ws->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct entry *e = &ws->slots[i];
		if (!e->used)
			return e;
		if (e->hash == h && e->key_len == n && memcmp(ws->store.data + e->key_off, k, n) == 0)
			return e;
	}
}

static void rehash(struct news_wordset *ws)
{
	size_t old_n = ws->nslots;
	struct entry *old = ws->slots;
	ws->nslots = old_n ? old_n * 2 : 64;
	ws->slots = news_xcalloc(ws->nslots, sizeof *ws->slots);
	for (size_t i = 0; i < old_n; i++) {
		if (!old[i].used)
			continue;
		struct entry *e = find_slot(ws, ws->store.data + old[i].key_off, old[i].key_len, old[i].hash);
		*e = old[i];
	}
	free(old);
}

void news_wordset_put(struct news_wordset *ws, const char *key, size_t klen,
                      const char *value, size_t vlen)
{
	if (ws->flags & NEWS_WS_FOLD) {
		fold(&ws->fold_tmp, key, klen);
		key = ws->fold_tmp.data;
		klen = ws->fold_tmp.len;
	}
	if ((ws->count + 1) * 2 > ws->nslots)
		rehash(ws);
	uint64_t h = hash_bytes(key, klen);
	struct entry *e = find_slot(ws, key, klen, h);
	if (!e->used) {
		e->used = 1;
		e->hash = h;
		e->key_off = ws->store.len;
		e->key_len = klen;
		nbuf_add(&ws->store, key, klen);
		nbuf_addc(&ws->store, '\0');
		ws->count++;
	}
	e->val_off = ws->store.len;
	e->val_len = value ? vlen : 0;
	if (value)
		nbuf_add(&ws->store, value, vlen);
	nbuf_addc(&ws->store, '\0');
}

struct news_wordset *news_wordset_new(const char *data, size_t len, int flags)
{
	struct news_wordset *ws = news_xcalloc(1, sizeof *ws);
	ws->flags = flags;
	rehash(ws);
	size_t i = 0;
	while (data && i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len;
		size_t e = end;
		if (e > i && data[e - 1] == '\r')
			e--;
		if (e > i && data[i] != '#') {
			const char *tab = memchr(data + i, '\t', e - i);
			if (tab)
				news_wordset_put(ws, data + i, (size_t)(tab - (data + i)),
				                 tab + 1, (size_t)(data + e - tab - 1));
			else
				news_wordset_put(ws, data + i, e - i, NULL, 0);
		}
		i = end + 1;
	}
	return ws;
}

void news_wordset_free(struct news_wordset *ws)
{
	if (!ws)
		return;
	free(ws->slots);
	nbuf_free(&ws->store);
	nbuf_free(&ws->fold_tmp);
	free(ws);
}

static const struct entry *lookup(const struct news_wordset *ws, const char *s, size_t n)
{
	if (ws->flags & NEWS_WS_FOLD) {
		/* The scratch buffer is logically part of the lookup, not of the
		 * set's contents. */
		struct nbuf *tmp = (struct nbuf *)&ws->fold_tmp;
		fold(tmp, s, n);
		s = tmp->data;
		n = tmp->len;
	}
	const struct entry *e = find_slot(ws, s, n, hash_bytes(s, n));
	return e->used ? e : NULL;
}

int news_wordset_has(const struct news_wordset *ws, const char *s, size_t n)
{
	return lookup(ws, s, n) != NULL;
}

const char *news_wordset_get(const struct news_wordset *ws, const char *s,
                             size_t n, size_t *vlen)
{
	const struct entry *e = lookup(ws, s, n);
	if (!e)
		return NULL;
	if (vlen)
		*vlen = e->val_len;
	return ws->store.data + e->val_off;
}

size_t news_wordset_size(const struct news_wordset *ws)
{
	return ws->count;
}

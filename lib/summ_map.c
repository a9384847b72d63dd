#include "summ_map.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;   /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;   /* splitmix64 finaliser: packed ids differ in few bits */
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	x ^= x >> 31;
	return x;
}

static void smap_grow(struct summ_smap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 1024;
	struct summ_smap_slot *ns = news_xmalloc(ncap * sizeof *ns);
	for (size_t i = 0; i < ncap; i++)
		ns[i].id = UINT32_MAX;
	for (size_t i = 0; i < m->cap; i++) {
		if (m->slots[i].id == UINT32_MAX)
			continue;
		size_t j = m->slots[i].hash & (ncap - 1);
		while (ns[j].id != UINT32_MAX)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
}

static struct summ_smap_slot *smap_slot(const struct summ_smap *m, const char *s,
                                        size_t n, uint64_t h)
{
	size_t j = h & (m->cap - 1);
	for (;;) {
		struct summ_smap_slot *e = &m->slots[j];
		if (e->id == UINT32_MAX)
			return e;
		if (e->hash == h && e->key_len == n &&
		    memcmp(m->keys.data + e->key_off, s, n) == 0)
			return e;
		j = (j + 1) & (m->cap - 1);
	}
}

uint32_t summ_smap_intern(struct summ_smap *m, const char *s, size_t n, int *added)
{
	if ((m->n + 1) * 2 > m->cap)
		smap_grow(m);
	uint64_t h = hash_bytes(s, n);
	struct summ_smap_slot *e = smap_slot(m, s, n, h);
	if (added)
		*added = e->id == UINT32_MAX;
	if (e->id == UINT32_MAX) {
		e->hash = h;
		e->key_off = m->keys.len;
		e->key_len = (uint32_t)n;
		e->id = (uint32_t)m->n++;
		nbuf_add(&m->keys, s, n);
	}
	return e->id;
}

uint32_t summ_smap_find(const struct summ_smap *m, const char *s, size_t n)
{
	if (!m->cap)
		return UINT32_MAX;
	return smap_slot(m, s, n, hash_bytes(s, n))->id;
}

/* A table far larger than its last use (a huge story before small ones) is
 * dropped rather than swept, so that clearing costs what the story did. */
static int oversized(size_t n, size_t cap)
{
	return cap > 4096 && n * 16 < cap;
}

void summ_smap_clear(struct summ_smap *m)
{
	if (oversized(m->n, m->cap)) {
		free(m->slots);
		m->slots = NULL;
		m->cap = 0;
	}
	for (size_t i = 0; i < m->cap; i++)
		m->slots[i].id = UINT32_MAX;
	m->n = 0;
	nbuf_clear(&m->keys);
}

void summ_smap_free(struct summ_smap *m)
{
	free(m->slots);
	nbuf_free(&m->keys);
	memset(m, 0, sizeof *m);
}

static void umap_grow(struct summ_umap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 1024;
	struct summ_umap_slot *ns = news_xcalloc(ncap, sizeof *ns);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t j = mix64(m->slots[i].key) & (ncap - 1);
		while (ns[j].key)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
}

uint32_t summ_umap_intern(struct summ_umap *m, uint64_t key, int *added)
{
	if ((m->n + 1) * 2 > m->cap)
		umap_grow(m);
	size_t j = mix64(key) & (m->cap - 1);
	while (m->slots[j].key && m->slots[j].key != key)
		j = (j + 1) & (m->cap - 1);
	if (added)
		*added = !m->slots[j].key;
	if (!m->slots[j].key) {
		m->slots[j].key = key;
		m->slots[j].id = (uint32_t)m->n++;
	}
	return m->slots[j].id;
}

void summ_umap_clear(struct summ_umap *m)
{
	if (oversized(m->n, m->cap)) {
		free(m->slots);
		m->slots = NULL;
		m->cap = 0;
	}
	if (m->slots)
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	m->n = 0;
}

void summ_umap_free(struct summ_umap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

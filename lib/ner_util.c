/* ner_util: see ner_util.h. */
#include "ner_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p)
{
	if (!p) {
		fputs("out of memory\n", stderr);
		abort();
	}
	return p;
}

void *ner_xmalloc(size_t n) { return check(malloc(n ? n : 1)); }
void *ner_xcalloc(size_t n, size_t size) { return check(calloc(n ? n : 1, size ? size : 1)); }
void *ner_xrealloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }

char *ner_xstrndup(const char *s, size_t n)
{
	char *p = ner_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void ner_map_init(struct ner_map *m)
{
	m->slots = NULL;
	m->n = m->cap = 0;
}

void ner_map_free(struct ner_map *m)
{
	free(m->slots);
	ner_map_init(m);
}

static size_t slot(const struct ner_map *m, uint64_t key)
{
	size_t mask = m->cap - 1, i = (size_t)ner_mix(key) & mask;
	while (m->slots[i].key && m->slots[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static void grow(struct ner_map *m)
{
	struct ner_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = ner_xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			m->slots[slot(m, old.slots[i].key)] = old.slots[i];
	free(old.slots);
}

void ner_map_reserve(struct ner_map *m, size_t n)
{
	while ((n + 1) * 2 > m->cap)
		grow(m);
}

uint32_t *ner_map_put(struct ner_map *m, uint64_t key)
{
	if (!key)
		key = 1;
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot(m, key);
	if (!m->slots[i].key) {
		m->slots[i].key = key;
		m->slots[i].val = 0;
		m->n++;
	}
	return &m->slots[i].val;
}

uint32_t *ner_map_get(const struct ner_map *m, uint64_t key)
{
	if (!key)
		key = 1;
	if (!m->cap)
		return NULL;
	size_t i = slot(m, key);
	return m->slots[i].key ? &m->slots[i].val : NULL;
}

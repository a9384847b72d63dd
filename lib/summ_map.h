/* summ_map: the hash maps news-summarize counts its words and concepts with.
 *
 * Two open-addressing maps, both cleared per story without freeing:
 * summ_smap maps byte strings (words, stems, entity names) to dense ids
 * 0, 1, 2, ... in order of first insertion; summ_umap maps non-zero 64-bit
 * keys (packed pairs of ids) to dense ids the same way. Keys are copied into
 * the map's own arena, so callers may pass transient buffers. */
#ifndef NEWS_SUMM_MAP_H
#define NEWS_SUMM_MAP_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

struct summ_smap_slot {
	uint64_t hash;
	size_t key_off;
	uint32_t key_len;
	uint32_t id;        /* UINT32_MAX: empty slot */
};

struct summ_smap {
	struct summ_smap_slot *slots;
	size_t cap, n;      /* cap is a power of two */
	struct nbuf keys;
};

/* The id of s[0..n), adding it with the next id when new (*added set to 1). */
uint32_t summ_smap_intern(struct summ_smap *m, const char *s, size_t n, int *added);
/* The id of s[0..n), or UINT32_MAX. */
uint32_t summ_smap_find(const struct summ_smap *m, const char *s, size_t n);
void summ_smap_clear(struct summ_smap *m);
void summ_smap_free(struct summ_smap *m);

struct summ_umap_slot {
	uint64_t key;       /* 0: empty slot */
	uint32_t id;
};

struct summ_umap {
	struct summ_umap_slot *slots;
	size_t cap, n;
};

/* The id of key (non-zero), added with the next id when new. */
uint32_t summ_umap_intern(struct summ_umap *m, uint64_t key, int *added);
void summ_umap_clear(struct summ_umap *m);
void summ_umap_free(struct summ_umap *m);

#endif

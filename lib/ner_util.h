/* ner_util: allocation and hashing shared by the entity modules.
 *
 * The entity modules do not depend on the rest of lib/ beyond the stream
 * API, so the trainer (tools/ner-train.c) links them alone. Allocation
 * failure is fatal, as everywhere in newsutils. */
#ifndef NEWS_NER_UTIL_H
#define NEWS_NER_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *ner_xmalloc(size_t n);
void *ner_xcalloc(size_t n, size_t size);
void *ner_xrealloc(void *p, size_t n);
char *ner_xstrndup(const char *s, size_t n);

/* Is p[0..n) one of the strings of the NULL-terminated list? */
static inline int ner_in_list(const char *const *list, const char *p, size_t n)
{
	if (!n)
		return 0;
	for (const char *const *x = list; *x; x++)
		if ((*x)[0] == p[0] && !strncmp(*x, p, n) && (*x)[n] == '\0')
			return 1;
	return 0;
}

/* FNV-1a, 64 bits, continuing from h (start with NER_HASH_INIT). */
#define NER_HASH_INIT 0xcbf29ce484222325ULL
static inline uint64_t ner_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
/* Mix the bits of a hash (FNV's low bits are weak for table indexing). */
static inline uint64_t ner_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* A hash map from 64-bit keys to 32-bit values (open addressing). Key 0 is
 * reserved; callers' keys are hashes, so one is nudged if it is 0. */
struct ner_map_slot {
	uint64_t key;
	uint32_t val;
};
struct ner_map {
	struct ner_map_slot *slots;   /* key and value together: one cache line a probe */
	size_t n, cap;
};
void ner_map_init(struct ner_map *m);
void ner_map_free(struct ner_map *m);
/* Make room for n keys in all (sparing the rehashing as it fills). */
void ner_map_reserve(struct ner_map *m, size_t n);
/* Pointer to the value of key, inserting it with value 0 if absent. */
uint32_t *ner_map_put(struct ner_map *m, uint64_t key);
/* Pointer to the value of key, or NULL. */
uint32_t *ner_map_get(const struct ner_map *m, uint64_t key);

#endif

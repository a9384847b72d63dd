/* wordlist: the word lists and tables compiled into the binaries.
 *
 * lib/data/NAME.txt becomes the byte array news_data_NAME (the build embeds
 * it; no install-path lookups). A list is one entry a line, `#` starts a
 * comment line; a table is KEY<TAB>VALUE lines. news_wordset is a hash set
 * (or map) built from such a list at startup, optionally case-folded. */
#ifndef NEWS_WORDLIST_H
#define NEWS_WORDLIST_H

#include <stddef.h>

/* Declare an embedded data file: NEWS_DATA(abbrev) gives news_data_abbrev
 * and news_data_abbrev_len. */
#define NEWS_DATA(name) \
	extern const char news_data_##name[]; \
	extern const size_t news_data_##name##_len

enum { NEWS_WS_FOLD = 1 };   /* fold case on insert and lookup (ASCII+Latin) */

struct news_wordset;

/* Build from list text (one entry a line; with a TAB, the rest is the value). */
struct news_wordset *news_wordset_new(const char *data, size_t len, int flags);
void news_wordset_free(struct news_wordset *ws);
/* Add one entry (value may be NULL). Keys and values are copied. */
void news_wordset_put(struct news_wordset *ws, const char *key, size_t klen,
                      const char *value, size_t vlen);
int news_wordset_has(const struct news_wordset *ws, const char *s, size_t n);
/* The value stored with s, or NULL; *vlen gets its length. */
const char *news_wordset_get(const struct news_wordset *ws, const char *s,
                             size_t n, size_t *vlen);
size_t news_wordset_size(const struct news_wordset *ws);

#endif

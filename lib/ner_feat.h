/* ner_feat: the features and weights of the entity tagger.
 *
 * An averaged-perceptron tagger over BIO labels, decoded by Viterbi over
 * the label of the token and the one before it (the label two back, for
 * the features that use it, is the one on the best path to the previous
 * label), and trained with the same decoder (a structured perceptron). The features of a token are hashed (word, shape, affixes, context
 * words and shapes, sentence-initial capitalisation, gazetteer matches of
 * the token and of the phrase it sits in, the previous labels) into a fixed
 * table of weight rows, one weight per label. The trainer and the runtime
 * share this module, so a model always sees the features it was trained on.
 *
 * Lower-case tokens after an O label are O without scoring (except name
 * particles such as `de`, `van`, `al`, and places and first names of the
 * gazetteer), and after a name they are O unless they are connectors (`of`,
 * `de`): entities start with a capital in edited news, and the shortcut is
 * most of the tagger's speed. */
#ifndef NEWS_NER_FEAT_H
#define NEWS_NER_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "ner_tok.h"
#include "ner_util.h"

enum ner_type { NER_PER, NER_ORG, NER_LOC, NER_MISC, NER_NTYPES };
/* Labels: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type. */
enum { NER_O = 0, NER_NLABELS = 1 + 2 * NER_NTYPES };
#define NER_B(type) (1 + 2 * (type))
#define NER_I(type) (2 + 2 * (type))
#define NER_TYPE(label) (((label) - 1) / 2)
#define NER_IS_I(label) ((label) > 0 && (label) % 2 == 0)

extern const char *const ner_type_names[NER_NTYPES];   /* PERSON, ORG, LOC, MISC */

/* Gazetteer list letters (tools/ner-gazetteers.sh) as bits. */
enum {
	NER_G_GIVEN = 1 << 0, NER_G_PNAME = 1 << 1, NER_G_PERSON = 1 << 2,
	NER_G_COUNTRY = 1 << 3, NER_G_CITY = 1 << 4, NER_G_REGION = 1 << 5,
	NER_G_LOCATION = 1 << 6, NER_G_DEMONYM = 1 << 7, NER_G_ORG = 1 << 8,
	NER_G_MISC = 1 << 9, NER_G_CAPWORD = 1 << 10, NER_G_COMPANY = 1 << 11,
	NER_G_TITLE = 1 << 12, NER_G_ORGWORD = 1 << 13,
	NER_G_FOLDED = 1 << 14,   /* matched a lower-cased entry */
	NER_G_NBITS = 15,
	NER_G_TITLE_RULE = 1 << 15   /* a title for the span rules only, not a feature */
};
#define NER_G_ENTRY (1u << 30)    /* a whole entry ends here */
#define NER_G_PREFIX (1u << 31)   /* a longer entry continues */

/* Phrase gazetteer: token sequences (joined by one space) -> list bits. */
#define NER_GAZ_FILTER_BITS (1u << 21)
struct ner_gaz {
	struct ner_map map;
	uint64_t *first;            /* bit filter over first-token hashes: most words miss */
	uint64_t *phrases;          /* the same over the hashes of longer prefixes */
	unsigned maxlen;            /* most tokens in an entry */
};
void ner_gaz_init(struct ner_gaz *g);
/* Add lines "NAME<TAB>letters" (or "NAME" with the bits given) from data. */
void ner_gaz_add_tsv(struct ner_gaz *g, const char *data, size_t len);
void ner_gaz_add_list(struct ner_gaz *g, const char *data, size_t len, uint32_t bits);
void ner_gaz_free(struct ner_gaz *g);
/* Bits of the entry made of tokens t[i..j) of text (0 if none). */
uint32_t ner_gaz_phrase(const struct ner_gaz *g, const char *text,
                        const struct ner_tok *t, size_t i, size_t j);

struct ner_sent;
/* The same through the memo of s (the answers are the same). */
uint32_t ner_gaz_phrase_memo(struct ner_sent *s, const struct ner_gaz *g, const char *text,
                             const struct ner_tok *t, size_t i, size_t j);

/* The per-sentence working state: token hashes and gazetteer matches. */
struct ner_sent {
	const char *text;
	const struct ner_tok *t;
	size_t n, cap;
	uint64_t *word, *shape, *affix;   /* affix: 7 per token (3 prefixes, 4 suffixes) */
	uint32_t *gaz_b, *gaz_i, *gaz_1;  /* phrase starts, phrase insides, single token */
	size_t *gaz_end;                  /* end of the longest phrase starting here */
	unsigned char *init;              /* first word of the sentence */
	unsigned char *cand;              /* worth scoring after an O */
	unsigned char *hashed;            /* word, shape, affix computed */
	unsigned char *cont;              /* may continue a name (not a plain lower-case word) */
	unsigned char *lowcand;           /* a lower-case word made a candidate by the gazetteer */
	int *label;
	unsigned char *bp;                /* Viterbi back pointers, NER_NLABELS a token */
	uint64_t *probe;                  /* hash of the token for the gazetteer, 0 if not looked up */
	/* The gazetteer's answers for recent tokens and phrases (hash -> map
	 * value, 0 for none), direct-mapped: common words repeat, and the
	 * filter and the table they would probe are too big for the cache. */
	struct ner_gaz_memo { uint64_t key; uint32_t val; } *memo;
	const struct ner_gaz *memo_gaz;
	/* The runtime's memo of token types (hash of the token's text -> its
	 * word and shape hashes and the summed weights of its own features,
	 * its length feature and the bias),
	 * direct-mapped: scoring a word is mostly scoring a word seen before. */
	struct ner_type_memo {
		uint64_t key, word, shape;
		int32_t self[NER_NLABELS - 1];
		uint32_t has_self;
	} *types;
	const void *types_model;
	/* The runtime's memo of the label features of token types (the
	 * previous label with the word, the shape, the gazetteer bits: all
	 * fixed by the token's text), a row of sums for each previous label,
	 * made when first needed (have: a bit for each). */
	struct ner_lab_memo {
		uint64_t key;
		uint32_t have;
		int32_t w[NER_NLABELS][NER_NLABELS - 1];
	} *labs;
	const void *labs_model;
};
#define NER_TYPES_SIZE 4096
#define NER_LABS_SIZE 1024
#define NER_MEMO_SIZE 16384
void ner_sent_init(struct ner_sent *s);
void ner_sent_free(struct ner_sent *s);
/* Prepare tokens t[0..n) of text for tagging. */
void ner_sent_prepare(struct ner_sent *s, const struct ner_gaz *g, const char *text,
                      const struct ner_tok *t, size_t n);

#define NER_MAXFEATS 128
/* The bucket numbers of token i's features given the two previous labels;
 * mask is the table size - 1. Returns how many. The features that do not
 * depend on the labels and those that do, apart (the decoder scores the
 * first once a token and the second once for each previous label), and
 * both. The label features need the static ones computed first. */
size_t ner_features_static(struct ner_sent *s, size_t i, uint32_t mask, uint32_t *out);
size_t ner_features_label(const struct ner_sent *s, size_t i, int prev, int prev2,
                          uint32_t mask, uint32_t *out);
size_t ner_features(struct ner_sent *s, size_t i, int prev, int prev2,
                    uint32_t mask, uint32_t *out);
/* Is token i scored after label prev? Otherwise it is O: a lower-case word
 * after O (unless a candidate), or one that cannot continue the name before. */
static inline int ner_scored(const struct ner_sent *s, size_t i, int prev)
{
	return s->cand[i] || (prev != 0 && s->cont[i]);
}
#define NER_DEAD INT64_MIN   /* no path reaches this label */
/* May label l follow label prev? (I-X only after B-X or I-X.) */
static inline int ner_label_ok(int prev, int l)
{
	return !NER_IS_I(l) || (prev != NER_O && NER_TYPE(prev) == NER_TYPE(l));
}

/* A trained model: int16 weights, a row for each feature bucket that has
 * any, with the weights of labels 1..8 minus the weight of O (only
 * differences decide, and 8 lanes make one 16-byte row). */
#define NER_ROW (NER_NLABELS - 1)
struct ner_model {
	uint32_t mask;
	float scale;
	/* Only about a tenth of the buckets have weights: the rows are stored
	 * densely in bucket order and found by rank (rows before a block of 64
	 * buckets plus the set bits below in its mask), so the table is a tenth
	 * of the size and mostly stays in cache. */
	struct ner_model_block { uint64_t used; uint32_t before; } *blocks;
	int16_t *w;
	int hw_popcnt;     /* the CPU counts bits in one instruction */
	/* The sums of the label features that need no token text (the
	 * previous label; it and the one before; the run of capitals with
	 * the previous label), made at load: the decoder adds them for each
	 * previous label of each token. */
	int32_t (*lab)[NER_ROW];
};
/* Set bits of x (the portable builds have no popcnt instruction, and
 * libgcc's call costs more than this). */
static inline unsigned ner_popcount(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}
/* The row of bucket b in m->w, or NULL if b has no weights. */
static inline const int16_t *ner_model_row(const struct ner_model *m, uint32_t b)
{
	const struct ner_model_block *bl = &m->blocks[b / 64];
	uint64_t bit = 1ULL << (b % 64);
	if (!(bl->used & bit))
		return NULL;
	return m->w + (size_t)(bl->before + ner_popcount(bl->used & (bit - 1))) * NER_ROW;
}
/* Load the binary model (magic "NERM2"); 0 on success, -1 if malformed. */
int ner_model_load(struct ner_model *m, const unsigned char *data, size_t len);
void ner_model_free(struct ner_model *m);
/* Tag a prepared sentence into s->label[] (the best path). */
void ner_model_tag(const struct ner_model *m, struct ner_sent *s);

#endif

/* ner_tok: the tokenizer of the entity tagger.
 *
 * The tagger needs its own token boundaries, the same at training and at
 * run time: hyphens split words (`French-led`, `U.S.-led`: gold marks the
 * name alone), clitics split off (`NATO` + `'s`), abbreviations keep their
 * periods (`U.S.`, `Gen.`, `W.`). The trainer re-tokenises every corpus
 * token with the same function, so features never see a boundary the
 * runtime would not produce. Offsets are byte offsets into the text. */
#ifndef NEWS_NER_TOK_H
#define NEWS_NER_TOK_H

#include <stddef.h>

enum {
	NER_TF_CAP = 1,       /* starts with an upper-case letter */
	NER_TF_ALLCAPS = 2,   /* letters all upper case, at least one */
	NER_TF_LOWER = 4,     /* letters all lower case, at least one */
	NER_TF_DIGIT = 8,     /* holds a digit */
	NER_TF_ALPHA = 16,    /* holds a letter */
	NER_TF_PERIOD = 32,   /* ends in a period (abbreviation, initial) */
	NER_TF_CLITIC = 64,   /* 's, n't ... split off the previous word */
	NER_TF_SPACE = 128,   /* white space before the token */
	NER_TF_PLAIN = 256    /* letters and digits only (one run of word characters) */
};

struct ner_tok {
	size_t start, end;
	unsigned flags;
};

struct ner_toks {
	struct ner_tok *t;
	size_t n, cap;
};

/* Append the tokens of s[start..end) to out. */
void ner_tokenize(const char *s, size_t start, size_t end, struct ner_toks *out);
/* The same, stopping after max tokens. */
void ner_tokenize_max(const char *s, size_t start, size_t end, struct ner_toks *out, size_t max);
void ner_toks_free(struct ner_toks *tv);
/* Is code point cp a letter or digit (part of a word)? */
int ner_is_word_char(unsigned cp);

/* Decode one UTF-8 character at s[i..n): returns its length (1 for an
 * invalid byte, *cp then 0xFFFD). */
size_t ner_utf8_next(const char *s, size_t n, size_t i, unsigned *cp);
/* The same, inline for the common ASCII byte. */
static inline size_t ner_utf8_step(const char *s, size_t n, size_t i, unsigned *cp)
{
	if ((unsigned char)s[i] < 0x80) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	return ner_utf8_next(s, n, i, cp);
}

#endif

/* token: word tokens with byte offsets, for the rules and models.
 *
 * Tokens follow Penn Treebank habits closely enough for tagging: words
 * (letters, digits, internal hyphens and apostrophes: `US-led`, `O'Brien`),
 * abbreviations with their periods (`U.S.`, `Gen.` when followed by a
 * period directly), numbers with separators (`1,000.50`), clitics split off
 * (`NATO` + `'s`, `do` + `n't`), and every other non-space character as a
 * one-character token. Offsets are byte offsets into the text. */
#ifndef NEWS_TOKEN_H
#define NEWS_TOKEN_H

#include <stddef.h>

enum news_tok_type { NEWS_TOK_WORD = 1, NEWS_TOK_NUM, NEWS_TOK_PUNCT, NEWS_TOK_SYM };

enum {
	NEWS_TF_CAP = 1,        /* first letter upper case */
	NEWS_TF_ALLCAPS = 2,    /* every letter upper case (and at least 2 letters, or 1 with a period) */
	NEWS_TF_LOWER = 4,      /* every letter lower case */
	NEWS_TF_DIGIT = 8,      /* holds a digit */
	NEWS_TF_PERIOD = 16,    /* ends in a period (abbreviation) */
	NEWS_TF_HYPHEN = 32,    /* holds a hyphen */
	NEWS_TF_QUOTE = 64,     /* a quotation mark */
	NEWS_TF_CLITIC = 128    /* 's, n't, 're ... split off the previous word */
};

struct news_token {
	size_t start, end;
	unsigned char type;
	unsigned char flags;
};

struct news_tokens {
	struct news_token *t;
	size_t n, cap;
};

/* Append the tokens of text[start..end) to out. */
void news_tokenize(const char *text, size_t start, size_t end, struct news_tokens *out);
void news_tokens_free(struct news_tokens *tv);

#endif

/* record: one line of the stream, split into fields.
 *
 * A record is one LF-terminated line of TAB-separated, linear-TSV escaped
 * fields; the first eight are fixed (doc, sent, kind, start, end, text, label,
 * value), kinds may add more (man newsutils.7). Fields point into the line
 * and stay escaped; news_field_unescape() decodes one when a program needs it. */
#ifndef NEWS_RECORD_H
#define NEWS_RECORD_H

#include <stddef.h>
#include "buf.h"

enum {
	NEWS_F_DOC, NEWS_F_SENT, NEWS_F_KIND, NEWS_F_START, NEWS_F_END,
	NEWS_F_TEXT, NEWS_F_LABEL, NEWS_F_VALUE, NEWS_F_EXTRA   /* first extra */
};
#define NEWS_NFIXED 8

struct news_field {
	const char *p;   /* escaped bytes, not NUL-terminated */
	size_t len;
};

struct news_fields {
	struct news_field *f;
	size_t n, cap;
};

/* Split line[0..len) (no LF) at TABs. Never fails; n may be < 8. */
void news_fields_split(struct news_fields *fs, const char *line, size_t len);
void news_fields_free(struct news_fields *fs);
/* Field i or an empty field when the record has fewer. */
struct news_field news_field_get(const struct news_fields *fs, size_t i);
/* Whether field equals the NUL-terminated string s (compared escaped). */
int news_field_is(struct news_field f, const char *s);
/* Parse a non-negative decimal field; -1 when it is not one. */
long long news_field_num(struct news_field f);
/* Append the unescaped field to out (out is not cleared). */
void news_field_unescape(struct news_field f, struct nbuf *out);

/* The header line --header prints (no LF). */
#define NEWS_HEADER "doc\tsent\tkind\tstart\tend\ttext\tlabel\tvalue"

#endif

/* doc: one document of the stream with all its records.
 *
 * Programs work a document at a time: the reader fills a news_doc (the text,
 * the doc record's fields, the sentences, every record that followed the doc
 * record), the program adds its own records with news_doc_add(), and
 * news_doc_write() prints the doc record and all records in one canonical
 * order: by sentence (its sentence record first), start, end descending (an
 * enclosing span before what it encloses), kind, then arrival. The order does
 * not depend on which program added a record, so filters commute and are
 * idempotent. Records a program
 * does not own pass through byte for byte. */
#ifndef NEWS_DOC_H
#define NEWS_DOC_H

#include <stddef.h>
#include <stdio.h>
#include "buf.h"

struct news_sentence {
	size_t start, end;   /* byte offsets into the document */
	long para;           /* paragraph number, from 1 */
};

/* A record after the doc record. line is the escaped record without LF; it
 * lives in the document's arena (index into arena, so the arena may grow).
 * Sentence records made by the segmenter have no stored line (line_len 0):
 * they are rendered from d->sents when written, which halves the memory of a
 * large document. Read sentences from d->sents, not from their records. */
struct news_record {
	long sent;
	size_t start, end;
	size_t line_off, line_len;
	unsigned char is_sentence;
	unsigned char added;      /* added by this program rather than read */
	unsigned char rendered;   /* a segmenter sentence: no stored line */
	unsigned char loose;      /* names another document (a story-level
	                           * record such as a summary): written after
	                           * all of this document's records, unchecked */
	size_t seq;               /* order of arrival, for stable ordering */
};

struct news_doc {
	struct nbuf id;          /* document id (unescaped) */
	struct nbuf text;        /* the document's bytes */
	struct nbuf cluster;     /* doc label: story key, may be empty */
	struct nbuf date;        /* doc value: YYYY-MM-DD[THH:MM] or empty */
	struct nbuf title;       /* doc extra 1 */
	struct nbuf source;      /* doc extra 2 */
	struct nbuf doc_extra;   /* doc record fields after source, escaped, TAB-joined */
	int has_doc_extra;

	struct news_sentence *sents;
	size_t nsents, sents_cap;

	struct news_record *recs;
	size_t nrecs, recs_cap;
	struct nbuf arena;       /* record lines */

	/* Where the document came from, for messages: file name and line. */
	struct nbuf origin;
	long origin_line;
};

void news_doc_init(struct news_doc *d);
/* Forget the document but keep the memory for the next one. */
void news_doc_reset(struct news_doc *d);
void news_doc_free(struct news_doc *d);

/* Add a record of this program. sent is the 1-based sentence number (0 for a
 * document-level record); text is taken from the document's bytes start..end.
 * label, value and the nextra extra fields are plain strings (NUL-terminated,
 * escaped on output); NULL stands for an empty field. */
void news_doc_add(struct news_doc *d, long sent, const char *kind,
                  size_t start, size_t end, const char *label,
                  const char *value, const char *const *extra, size_t nextra);
/* Same with explicit lengths for label and value (they may hold any byte). */
void news_doc_addn(struct news_doc *d, long sent, const char *kind,
                   size_t start, size_t end, const char *label, size_t label_len,
                   const char *value, size_t value_len,
                   const char *const *extra, size_t nextra);
/* Same with explicit lengths for the extra fields too (extra_len[i]). */
void news_doc_addv(struct news_doc *d, long sent, const char *kind,
                   size_t start, size_t end, const char *label, size_t label_len,
                   const char *value, size_t value_len,
                   const char *const *extra, const size_t *extra_len, size_t nextra);
/* Add a record line as read from a stream (escaped, without LF). */
void news_doc_add_line(struct news_doc *d, const char *line, size_t len,
                       long sent, size_t start, size_t end, int is_sentence);
/* Add a line that names another document, kept after this one's records. */
void news_doc_add_loose_line(struct news_doc *d, const char *line, size_t len);
/* Add a sentence (both to sents and as a sentence record). */
void news_doc_add_sentence(struct news_doc *d, size_t start, size_t end, long para);

/* The escaped line of record r. */
static inline const char *news_record_line(const struct news_doc *d,
                                           const struct news_record *r)
{
	return d->arena.data + r->line_off;
}

/* The sentence (1-based number) containing byte offset pos, or 0. */
long news_doc_sentence_at(const struct news_doc *d, size_t pos);

/* Write the doc record and every record, ordered (see above). */
void news_doc_write(const struct news_doc *d, FILE *out);

/* A record that belongs to no document being written, such as a summary
 * record after its story: every field given, escaped on output. NULL strings
 * are empty fields. */
struct news_loose_record {
	const char *doc; size_t doc_len;
	long sent;
	const char *kind;
	size_t start, end;
	const char *text; size_t text_len;     /* the document's bytes start..end */
	const char *label; size_t label_len;
	const char *value; size_t value_len;
	const char *const *extra; size_t nextra;
};
void news_record_write(const struct news_loose_record *r, FILE *out);

#endif

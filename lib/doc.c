#include "doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "record.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

void news_doc_init(struct news_doc *d)
{
	memset(d, 0, sizeof *d);
	/* Text fields always hold a buffer, so d->text.data + start is valid
	 * for an empty document too. */
	struct nbuf *fields[] = {&d->id, &d->text, &d->cluster, &d->date, &d->title,
	                         &d->source, &d->doc_extra, &d->arena, &d->origin};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		nbuf_reserve(fields[i], 0);
}

void news_doc_reset(struct news_doc *d)
{
	nbuf_clear(&d->id);
	nbuf_clear(&d->text);
	nbuf_clear(&d->cluster);
	nbuf_clear(&d->date);
	nbuf_clear(&d->title);
	nbuf_clear(&d->source);
	nbuf_clear(&d->doc_extra);
	d->has_doc_extra = 0;
	d->nsents = 0;
	d->nrecs = 0;
	nbuf_clear(&d->arena);
	nbuf_clear(&d->origin);
	d->origin_line = 0;
}

void news_doc_free(struct news_doc *d)
{
	nbuf_free(&d->id);
	nbuf_free(&d->text);
	nbuf_free(&d->cluster);
	nbuf_free(&d->date);
	nbuf_free(&d->title);
	nbuf_free(&d->source);
	nbuf_free(&d->doc_extra);
	nbuf_free(&d->arena);
	nbuf_free(&d->origin);
	free(d->sents);
	free(d->recs);
	memset(d, 0, sizeof *d);
}

static struct news_record *new_record(struct news_doc *d)
{
	NEWS_GROW(d->recs, d->recs_cap, d->nrecs + 1);
	struct news_record *r = &d->recs[d->nrecs];
	memset(r, 0, sizeof *r);
	r->seq = d->nrecs++;
	return r;
}

void news_doc_addn(struct news_doc *d, long sent, const char *kind,
                   size_t start, size_t end, const char *label, size_t label_len,
                   const char *value, size_t value_len,
                   const char *const *extra, size_t nextra)
{
	news_doc_addv(d, sent, kind, start, end, label, label_len, value, value_len,
	              extra, NULL, nextra);
}

/* Bytes that need escaping; 0 for all others. */
static const char escape_of[256] = {['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'};

/* Whether any byte of the word w may need escaping: a control byte below
 * 0x0E (TAB, LF and CR among them) or a backslash. Checking eight bytes at a
 * time lets plain text go by at memcpy speed. */
static inline int word_may_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t low = (w - ones * 0x0E) & ~w & highs;
	uint64_t bs = w ^ (ones * '\\');
	return ((low | ((bs - ones) & ~bs & highs))) != 0;
}

/* Write s[0..n) escaped at o (room for 2 * n bytes); returns the new end. */
static char *put_escaped(char *o, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!word_may_escape(w)) {
				memcpy(o, &w, 8);
				o += 8;
				i += 8;
				continue;
			}
		}
		size_t stop = i + 8 < n ? i + 8 : n;
		for (; i < stop; i++) {
			char e = escape_of[(unsigned char)s[i]];
			if (e) {
				*o++ = '\\';
				*o++ = e;
			} else {
				*o++ = s[i];
			}
		}
	}
	return o;
}

/* Write "\t" and s[0..n) escaped at o; returns the new end. */
static char *put_field(char *o, const char *s, size_t n)
{
	*o++ = '\t';
	return put_escaped(o, s, n);
}

/* Append "\t<v>" at o; returns the new end. */
static char *put_num(char *o, unsigned long long v)
{
	char tmp[24];
	char *q = news_utoa(v, tmp);
	size_t n = (size_t)(tmp + sizeof tmp - q);
	*o++ = '\t';
	memcpy(o, q, n);
	return o + n;
}

void news_doc_addv(struct news_doc *d, long sent, const char *kind,
                   size_t start, size_t end, const char *label, size_t label_len,
                   const char *value, size_t value_len,
                   const char *const *extra, const size_t *extra_len, size_t nextra)
{
	if (end > d->text.len)
		end = d->text.len;
	if (start > end)
		start = end;
	struct news_record *r = new_record(d);
	r->sent = sent;
	r->start = start;
	r->end = end;
	r->added = 1;
	r->is_sentence = strcmp(kind, "sentence") == 0;
	if (sent < 0)
		sent = 0;
	if (!label)
		label_len = 0;
	if (!value)
		value_len = 0;
	/* The line is written in place: room for every field escaped (at most
	 * twice its length), its TAB and three numbers, reserved at once. */
	size_t kind_len = strlen(kind);
	size_t room = 2 * (d->id.len + (end - start) + label_len + value_len) + kind_len
	              + 3 * 24 + 8 + nextra;
	for (size_t i = 0; i < nextra; i++)
		room += 2 * (!extra[i] ? 0 : extra_len ? extra_len[i] : strlen(extra[i]));
	struct nbuf *a = &d->arena;
	nbuf_reserve(a, room);
	r->line_off = a->len;
	char *o = put_escaped(a->data + a->len, d->id.data ? d->id.data : "", d->id.len);
	o = put_num(o, (unsigned long long)sent);
	*o++ = '\t';
	memcpy(o, kind, kind_len);
	o = put_num(put_num(o + kind_len, start), end);
	o = put_field(o, d->text.data + start, end - start);
	o = put_field(o, label ? label : "", label_len);
	o = put_field(o, value ? value : "", value_len);
	for (size_t i = 0; i < nextra; i++) {
		size_t n = !extra[i] ? 0 : extra_len ? extra_len[i] : strlen(extra[i]);
		o = put_field(o, extra[i] ? extra[i] : "", n);
	}
	a->len = (size_t)(o - a->data);
	a->data[a->len] = '\0';
	r->line_len = a->len - r->line_off;
}

void news_doc_add(struct news_doc *d, long sent, const char *kind,
                  size_t start, size_t end, const char *label,
                  const char *value, const char *const *extra, size_t nextra)
{
	news_doc_addn(d, sent, kind, start, end, label, label ? strlen(label) : 0,
	              value, value ? strlen(value) : 0, extra, nextra);
}

void news_doc_add_line(struct news_doc *d, const char *line, size_t len,
                       long sent, size_t start, size_t end, int is_sentence)
{
	struct news_record *r = new_record(d);
	r->sent = sent;
	r->start = start;
	r->end = end;
	r->is_sentence = (unsigned char)is_sentence;
	r->line_off = d->arena.len;
	r->line_len = len;
	nbuf_add(&d->arena, line, len);
}

void news_doc_add_loose_line(struct news_doc *d, const char *line, size_t len)
{
	news_doc_add_line(d, line, len, 0, 0, 0, 0);
	d->recs[d->nrecs - 1].loose = 1;
}

void news_doc_add_sentence(struct news_doc *d, size_t start, size_t end, long para)
{
	if (end > d->text.len)
		end = d->text.len;
	if (start > end)
		start = end;
	NEWS_GROW(d->sents, d->sents_cap, d->nsents + 1);
	d->sents[d->nsents++] = (struct news_sentence){start, end, para};
	struct news_record *r = new_record(d);
	r->sent = (long)d->nsents;
	r->start = start;
	r->end = end;
	r->is_sentence = 1;
	r->added = 1;
	r->rendered = 1;
	r->line_off = d->arena.len;
}

long news_doc_sentence_at(const struct news_doc *d, size_t pos)
{
	size_t lo = 0, hi = d->nsents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->sents[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->nsents && d->sents[lo].start <= pos && pos < d->sents[lo].end)
		return (long)lo + 1;
	return 0;
}

/* Records sort by sentence, then sentence records first, then start, then
 * arrival; so a program's records land after the sentence they belong to,
 * and records already in the stream keep their order. */
/* The kind field (the third) of a stored record line. */
static struct news_field kind_of(const struct news_doc *d, const struct news_record *r)
{
	const char *line = news_record_line(d, r), *end = line + r->line_len;
	const char *k = memchr(line, '\t', r->line_len);
	k = k ? memchr(k + 1, '\t', (size_t)(end - k - 1)) : NULL;
	if (!k)
		return (struct news_field){"", 0};
	k++;
	const char *stop = memchr(k, '\t', (size_t)(end - k));
	return (struct news_field){k, (size_t)((stop ? stop : end) - k)};
}

static int kind_cmp(const struct news_doc *d, const struct news_record *a,
                    const struct news_record *b)
{
	struct news_field ka = kind_of(d, a), kb = kind_of(d, b);
	size_t n = ka.len < kb.len ? ka.len : kb.len;
	int c = memcmp(ka.p, kb.p, n);
	if (c)
		return c < 0 ? -1 : 1;
	return ka.len < kb.len ? -1 : ka.len > kb.len;
}

static int record_cmp_direct(const struct news_doc *d, const struct news_record *a,
                             const struct news_record *b)
{
	if (a->loose != b->loose)
		return a->loose ? 1 : -1;
	if (a->loose)
		return a->seq < b->seq ? -1 : a->seq > b->seq;
	if (a->sent != b->sent)
		return a->sent < b->sent ? -1 : 1;
	if (a->is_sentence != b->is_sentence)
		return a->is_sentence ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;   /* the enclosing span first */
	int k = kind_cmp(d, a, b);
	if (k)
		return k;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* qsort has no context argument: sort an array of (record, doc) pairs. */
struct sort_item {
	const struct news_record *r;
	const struct news_doc *d;
};

static int record_cmp(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	return record_cmp_direct(a->d, a->r, b->r);
}

/* Single-threaded writers: skip stdio's per-call locking where glibc
 * offers that. */
#ifdef __GLIBC__
#define out_write(p, n, f) fwrite_unlocked((p), 1, (n), (f))
#define out_putc(c, f) putc_unlocked((c), (f))
#else
#define out_write(p, n, f) fwrite((p), 1, (n), (f))
#define out_putc(c, f) putc((c), (f))
#endif


/* The first i' >= i with s[i'] to escape, or n. Sixteen bytes at a time
 * where SSE2 is there, else eight. */
static size_t next_escape(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
	const __m128i cr = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\');
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
		                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, bs)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
#endif
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (word_may_escape(w))
			break;
		i += 8;
	}
	while (i < n && !escape_of[(unsigned char)s[i]])
		i++;
	return i;
}

/* Write s[0..n) escaped, in runs between the bytes that need escaping,
 * without copying the text. */
static void write_escaped(FILE *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = next_escape(s, 0, n); i < n; i = next_escape(s, i + 1, n)) {
		char pair[2] = {'\\', escape_of[(unsigned char)s[i]]};
		out_write(s + run, i - run, out);
		out_write(pair, 2, out);
		run = i + 1;
	}
	if (n > run)
		out_write(s + run, n - run, out);
}

/* Write "\t<v>" for a number. */
static void write_num(FILE *out, unsigned long long v)
{
	char tmp[25];
	char *p = news_utoa(v, tmp + 1);
	*--p = '\t';
	out_write(p, (size_t)(tmp + sizeof tmp - p), out);
}

/* Sentences are most of the records: the fields around the text go out in
 * one write each. */
static void write_sentence(const struct news_doc *d, const struct news_record *r, FILE *out)
{
	const struct news_sentence *st = &d->sents[r->sent - 1];
	char head[4 * 25 + 16], *p = head;
	write_escaped(out, d->id.data, d->id.len);
	p = put_num(p, (unsigned long long)r->sent);
	memcpy(p, "\tsentence", 9);
	p = put_num(put_num(p + 9, st->start), st->end);
	*p++ = '\t';
	out_write(head, (size_t)(p - head), out);
	write_escaped(out, d->text.data + st->start, st->end - st->start);
	p = put_num(head, st->para > 0 ? (unsigned long long)st->para : 0);
	*p++ = '\t';
	*p++ = '\n';
	out_write(head, (size_t)(p - head), out);
}

void news_doc_write(const struct news_doc *d, FILE *out)
{
	write_escaped(out, d->id.data, d->id.len);
	out_write("\t0\tdoc\t0", 8, out);
	write_num(out, d->text.len);
	out_putc('\t', out);
	write_escaped(out, d->text.data, d->text.len);
	putc('\t', out);
	write_escaped(out, d->cluster.data, d->cluster.len);
	putc('\t', out);
	write_escaped(out, d->date.data, d->date.len);
	putc('\t', out);
	write_escaped(out, d->title.data, d->title.len);
	putc('\t', out);
	write_escaped(out, d->source.data, d->source.len);
	if (d->has_doc_extra) {
		putc('\t', out);
		fwrite(d->doc_extra.data, 1, d->doc_extra.len, out);
	}
	putc('\n', out);

	/* Already in order, or two runs in order, in the common cases: the
	 * records as read, then a program's own records appended in order
	 * (a filter adds its records after all the sentences). Two runs are
	 * merged; more are sorted. The order is total (arrival breaks ties),
	 * so merging and sorting give the same sequence. */
	size_t descents = 0, second = 0;
	for (size_t i = 1; i < d->nrecs && descents < 2; i++)
		if (record_cmp_direct(d, &d->recs[i - 1], &d->recs[i]) > 0) {
			descents++;
			second = i;
		}
	struct sort_item *order = NULL;
	if (descents == 1) {
		order = news_xmalloc(d->nrecs * sizeof *order);
		size_t a = 0, b = second, k = 0;
		while (a < second && b < d->nrecs) {
			if (record_cmp_direct(d, &d->recs[a], &d->recs[b]) <= 0)
				order[k++] = (struct sort_item){&d->recs[a++], d};
			else
				order[k++] = (struct sort_item){&d->recs[b++], d};
		}
		while (a < second)
			order[k++] = (struct sort_item){&d->recs[a++], d};
		while (b < d->nrecs)
			order[k++] = (struct sort_item){&d->recs[b++], d};
	} else if (descents > 1) {
		order = news_xmalloc(d->nrecs * sizeof *order);
		for (size_t i = 0; i < d->nrecs; i++)
			order[i] = (struct sort_item){&d->recs[i], d};
		qsort(order, d->nrecs, sizeof *order, record_cmp);
	}
	for (size_t i = 0; i < d->nrecs; i++) {
		const struct news_record *r = order ? order[i].r : &d->recs[i];
		if (r->rendered) {
			write_sentence(d, r, out);
			continue;
		}
		out_write(news_record_line(d, r), r->line_len, out);
		out_putc('\n', out);
	}
	free(order);
}

void news_record_write(const struct news_loose_record *r, FILE *out)
{
	write_escaped(out, r->doc, r->doc_len);
	write_num(out, r->sent > 0 ? (unsigned long long)r->sent : 0);
	out_putc('\t', out);
	out_write(r->kind, strlen(r->kind), out);
	write_num(out, r->start);
	write_num(out, r->end);
	out_putc('\t', out);
	write_escaped(out, r->text, r->text_len);
	out_putc('\t', out);
	write_escaped(out, r->label, r->label_len);
	out_putc('\t', out);
	write_escaped(out, r->value, r->value_len);
	for (size_t i = 0; i < r->nextra; i++) {
		out_putc('\t', out);
		if (r->extra[i])
			write_escaped(out, r->extra[i], strlen(r->extra[i]));
	}
	out_putc('\n', out);
}

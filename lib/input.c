#include "input.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "escape.h"
#include "record.h"
#include "split.h"

/* A document parsed from a CSV or TSV row, waiting to be handed out: libcsv
 * pushes whole chunks, which may hold many rows. */
struct pending_row {
	struct nbuf id, text, date, cluster, title;
	long line;
};

enum { COL_ID, COL_TEXT, COL_DATE, COL_CLUSTER, COL_TITLE, NCOLS };

struct news_reader {
	const char *prog;
	struct news_input_opts o;
	char *const *files;
	int nfiles, next_file;

	FILE *fp;
	const char *name;          /* current input as named by the user */
	enum news_in_format fmt;   /* format of the current input */
	long lineno;
	int status;

	char *line;                /* getline buffer */
	size_t line_cap;
	size_t line_len;
	int line_had_nl;           /* the line ended in LF */
	int have_line;             /* line holds a read-ahead record */

	/* CSV/TSV */
	int col[NCOLS];            /* field index of each column, -1 if absent */
	int header_done;
	long row;                  /* data row number */
	struct nbuf *cells;        /* the current row's fields */
	size_t ncells, cells_init, cells_cap;
	struct pending_row *rows;
	size_t nrows, rows_init, rows_cap, row_head;
	struct csv_parser csv;
	int csv_ready;

	struct news_fields fields;
	struct nbuf tmp;
	struct news_splitter *splitter;
};

void news_input_opts_init(struct news_input_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = NEWS_IN_AUTO;
	o->id_col = "id";
	o->text_col = "text";
	o->date_col = "date";
	o->cluster_col = "cluster";
	o->title_col = "title";
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int news_date_valid(const char *s)
{
	size_t n = strlen(s);
	if (n != 10 && n != 16)
		return 0;
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return 0;
	int mon = (s[5] - '0') * 10 + s[6] - '0', day = (s[8] - '0') * 10 + s[9] - '0';
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	if (n == 16) {
		if (s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2))
			return 0;
		if ((s[11] - '0') * 10 + s[12] - '0' > 23 || (s[14] - '0') * 10 + s[15] - '0' > 59)
			return 0;
	}
	return 1;
}

struct news_reader *news_reader_open(const char *prog, const struct news_input_opts *o,
                                     char *const *files, int nfiles)
{
	struct news_reader *r = news_xcalloc(1, sizeof *r);
	r->prog = prog;
	r->o = *o;
	r->files = files;
	r->nfiles = nfiles;
	r->splitter = news_splitter_new();
	return r;
}

static void bad(struct news_reader *r, long line, const char *fmt, const char *detail)
{
	char where[64];
	snprintf(where, sizeof where, "%ld", line);
	news_warn(r->prog, "%s:%s: %s%s", r->name, where, fmt, detail ? detail : "");
	r->status = 1;
}

static void close_input(struct news_reader *r)
{
	if (r->fp) {
		if (ferror(r->fp)) {
			news_warn(r->prog, "%s: read error", r->name);
			r->status = 1;
		}
		if (r->fp != stdin)
			fclose(r->fp);
		else
			clearerr(stdin);
	}
	r->fp = NULL;
	r->have_line = 0;
	if (r->csv_ready) {
		csv_free(&r->csv);
		r->csv_ready = 0;
	}
}

/* Open the next operand; 0 when there is none left. */
static int open_next(struct news_reader *r)
{
	for (;;) {
		if (r->next_file >= (r->nfiles ? r->nfiles : 1))
			return 0;
		const char *name = r->nfiles ? r->files[r->next_file] : "-";
		r->next_file++;
		r->name = name;
		r->lineno = 0;
		r->header_done = 0;
		r->row = 0;
		if (strcmp(name, "-") == 0) {
			r->fp = stdin;
		} else {
			r->fp = fopen(name, "rb");
			if (!r->fp) {
				news_warn(r->prog, "%s:", name);
				r->status = 1;
				continue;
			}
			struct stat st;
			if (fstat(fileno(r->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
				news_warn(r->prog, "%s: is a directory", name);
				r->status = 1;
				fclose(r->fp);
				r->fp = NULL;
				continue;
			}
		}
		r->fmt = r->o.format;
		return 1;
	}
}

/* Read one line into r->line without its LF; 0 at end of input. */
static int read_line(struct news_reader *r)
{
	ssize_t n = getline(&r->line, &r->line_cap, r->fp);
	if (n < 0)
		return 0;
	r->lineno++;
	r->line_had_nl = n > 0 && r->line[n - 1] == '\n';
	if (r->line_had_nl)
		n--;
	r->line_len = (size_t)n;
	return 1;
}

static int is_doc_record(struct news_reader *r, const char *line, size_t len)
{
	news_fields_split(&r->fields, line, len);
	return r->fields.n >= NEWS_NFIXED && news_field_is(r->fields.f[NEWS_F_KIND], "doc") &&
	       news_field_num(r->fields.f[NEWS_F_START]) >= 0 &&
	       news_field_num(r->fields.f[NEWS_F_END]) >= 0;
}

static int is_header(const char *line, size_t len)
{
	size_t n = strlen(NEWS_HEADER);
	return len >= n && memcmp(line, NEWS_HEADER, n) == 0 && (len == n || line[n] == '\t');
}

static void apply_overrides(struct news_reader *r, struct news_doc *d)
{
	if (r->o.date)
		nbuf_set(&d->date, r->o.date, strlen(r->o.date));
	if (r->o.cluster)
		nbuf_set(&d->cluster, r->o.cluster, strlen(r->o.cluster));
	nbuf_set(&d->origin, r->name, strlen(r->name));
}

/* ---- plain text ---- */

static void read_rest(struct news_reader *r, struct nbuf *out)
{
	/* A regular file's size is known: read it straight into place. */
	struct stat st;
	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		nbuf_reserve(out, (size_t)st.st_size);
	for (;;) {
		nbuf_reserve(out, 1 << 16);
		size_t n = fread(out->data + out->len, 1, out->cap - out->len - 1, r->fp);
		if (n == 0)
			break;
		out->len += n;
		out->data[out->len] = '\0';
	}
}

static void text_doc(struct news_reader *r, struct news_doc *d)
{
	nbuf_set(&d->id, r->name, strlen(r->name));
	d->origin_line = 1;
	apply_overrides(r, d);
	news_split_doc(r->splitter, d);
}

/* ---- stream ---- */

static void unescape_field(struct news_field f, struct nbuf *out)
{
	nbuf_clear(out);
	news_field_unescape(f, out);
}

/* Parse the doc record in r->line into d. */
static void stream_doc_record(struct news_reader *r, struct news_doc *d)
{
	news_fields_split(&r->fields, r->line, r->line_len);
	const struct news_fields *fs = &r->fields;
	unescape_field(fs->f[NEWS_F_DOC], &d->id);
	unescape_field(fs->f[NEWS_F_TEXT], &d->text);
	unescape_field(fs->f[NEWS_F_LABEL], &d->cluster);
	unescape_field(fs->f[NEWS_F_VALUE], &d->date);
	unescape_field(news_field_get(fs, 8), &d->title);
	unescape_field(news_field_get(fs, 9), &d->source);
	if (fs->n > 10) {
		const char *from = fs->f[10].p;
		nbuf_set(&d->doc_extra, from, (size_t)(r->line + r->line_len - from));
		d->has_doc_extra = 1;
	}
	long long end = news_field_num(fs->f[NEWS_F_END]);
	if (d->text.len && (size_t)end != d->text.len)
		bad(r, r->lineno, "doc record's end does not match its text length", NULL);
	d->origin_line = r->lineno;
	apply_overrides(r, d);
}

/* Read the records after a doc record, up to the next doc record (kept in
 * r->line for the next call). */
static void stream_records(struct news_reader *r, struct news_doc *d)
{
	r->have_line = 0;
	while (read_line(r)) {
		if (r->line_len == 0) {
			bad(r, r->lineno, "empty line in the stream", NULL);
			continue;
		}
		if (is_header(r->line, r->line_len))
			continue;
		news_fields_split(&r->fields, r->line, r->line_len);
		const struct news_fields *fs = &r->fields;
		if (fs->n < NEWS_NFIXED) {
			char msg[64];
			snprintf(msg, sizeof msg, "malformed record: %zu fields, expected at least %d",
			         fs->n, NEWS_NFIXED);
			bad(r, r->lineno, msg, NULL);
			continue;
		}
		if (news_field_is(fs->f[NEWS_F_KIND], "doc")) {
			if (news_field_num(fs->f[NEWS_F_END]) < 0) {
				bad(r, r->lineno, "malformed doc record: end is not a number", NULL);
				continue;
			}
			r->have_line = 1;
			return;
		}
		long long sent = news_field_num(fs->f[NEWS_F_SENT]);
		long long start = news_field_num(fs->f[NEWS_F_START]);
		long long end = news_field_num(fs->f[NEWS_F_END]);
		if (sent < 0 || start < 0 || end < 0 || start > end) {
			bad(r, r->lineno, "malformed record: sent, start and end must be numbers, start <= end", NULL);
			continue;
		}
		if (r->o.owned_kind && news_field_is(fs->f[NEWS_F_KIND], r->o.owned_kind))
			continue;
		nbuf_clear(&r->tmp);
		news_field_unescape(fs->f[NEWS_F_DOC], &r->tmp);
		if (news_field_is(fs->f[NEWS_F_KIND], "summary") || r->tmp.len != d->id.len ||
		    memcmp(r->tmp.data, d->id.data, d->id.len) != 0) {
			/* A story-level record (a summary, which names the document
			 * its sentence comes from, often one that went by earlier):
			 * pass it on where it stands. */
			news_doc_add_loose_line(d, r->line, r->line_len);
			continue;
		}
		/* A record whose text is not the document's bytes would make every
		 * program downstream wrong: refuse it here, where the line is known. */
		if ((size_t)end > d->text.len ||
		    !news_unescaped_equals(fs->f[NEWS_F_TEXT].p, fs->f[NEWS_F_TEXT].len,
		                           d->text.data + start, (size_t)(end - start))) {
			bad(r, r->lineno, (size_t)end > d->text.len
			    ? "record span lies outside its document"
			    : "record text differs from the document's bytes start..end", NULL);
			continue;
		}
		int is_sentence = news_field_is(fs->f[NEWS_F_KIND], "sentence");
		if (is_sentence) {
			NEWS_GROW(d->sents, d->sents_cap, d->nsents + 1);
			long para = (long)news_field_num(fs->f[NEWS_F_LABEL]);
			d->sents[d->nsents++] = (struct news_sentence){(size_t)start, (size_t)end, para};
		}
		news_doc_add_line(d, r->line, r->line_len, (long)sent, (size_t)start, (size_t)end, is_sentence);
	}
}

static int stream_next(struct news_reader *r, struct news_doc *d)
{
	while (!r->have_line) {
		if (!read_line(r))
			return 0;
		if (r->line_len == 0 || is_header(r->line, r->line_len))
			continue;
		if (is_doc_record(r, r->line, r->line_len))
			break;
		bad(r, r->lineno, r->fields.n < NEWS_NFIXED ? "malformed record: fewer than 8 fields"
		                                             : "record before any doc record", NULL);
	}
	stream_doc_record(r, d);
	stream_records(r, d);
	/* A document that arrives without sentences gets them here, so every
	 * program downstream can rely on sentence records. */
	if (d->nsents == 0 && d->text.len)
		news_split_doc(r->splitter, d);
	return 1;
}

/* ---- CSV and TSV ---- */

static void find_columns(struct news_reader *r)
{
	const char *want[NCOLS] = {r->o.id_col, r->o.text_col, r->o.date_col,
	                           r->o.cluster_col, r->o.title_col};
	for (int c = 0; c < NCOLS; c++) {
		r->col[c] = -1;
		for (size_t i = 0; i < r->ncells; i++) {
			const char *name = r->cells[i].data ? r->cells[i].data : "";
			size_t len = r->cells[i].len;
			if (i == 0 && len >= 3 && memcmp(name, "\xEF\xBB\xBF", 3) == 0) {
				name += 3;  /* a BOM before the first column name */
				len -= 3;
			}
			if (len == strlen(want[c]) && memcmp(name, want[c], len) == 0) {
				r->col[c] = (int)i;
				break;
			}
		}
	}
	if (r->col[COL_TEXT] < 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "no column '%s' in the header (see --text-column)", r->o.text_col);
		bad(r, r->lineno ? r->lineno : 1, msg, NULL);
	}
}

static void take_cell(struct news_reader *r, int c, struct nbuf *out)
{
	nbuf_clear(out);
	if (r->col[c] >= 0 && (size_t)r->col[c] < r->ncells)
		nbuf_add(out, r->cells[r->col[c]].data, r->cells[r->col[c]].len);
}

/* The current row of cells is complete: the header, or a document. */
static void end_row(struct news_reader *r, long line)
{
	if (!r->header_done) {
		find_columns(r);
		r->header_done = 1;
		r->ncells = 0;
		return;
	}
	r->row++;
	if (r->col[COL_TEXT] < 0) {
		r->ncells = 0;
		return;
	}
	NEWS_GROW(r->rows, r->rows_cap, r->nrows + 1);
	if (r->nrows == r->rows_init)
		memset(&r->rows[r->rows_init++], 0, sizeof *r->rows);
	struct pending_row *p = &r->rows[r->nrows++];
	p->line = line;
	take_cell(r, COL_ID, &p->id);
	if (r->col[COL_ID] < 0 || p->id.len == 0) {
		nbuf_set(&p->id, r->name, strlen(r->name));
		nbuf_addc(&p->id, ':');
		nbuf_addu(&p->id, (unsigned long long)r->row);
	}
	take_cell(r, COL_TEXT, &p->text);
	take_cell(r, COL_DATE, &p->date);
	take_cell(r, COL_CLUSTER, &p->cluster);
	take_cell(r, COL_TITLE, &p->title);
	if (p->date.len && !news_date_valid(p->date.data)) {
		bad(r, line, "invalid date (want YYYY-MM-DD or YYYY-MM-DDTHH:MM): ", p->date.data);
		nbuf_clear(&p->date);
	}
	r->ncells = 0;
}

static struct nbuf *new_cell(struct news_reader *r)
{
	NEWS_GROW(r->cells, r->cells_cap, r->ncells + 1);
	if (r->ncells == r->cells_init)   /* buffers are kept for the next rows */
		memset(&r->cells[r->cells_init++], 0, sizeof *r->cells);
	struct nbuf *b = &r->cells[r->ncells++];
	nbuf_clear(b);
	return b;
}

static void csv_field_cb(void *field, size_t len, void *data)
{
	struct news_reader *r = data;
	nbuf_add(new_cell(r), field ? field : "", field ? len : 0);
}

static void csv_row_cb(int term, void *data)
{
	(void)term;
	struct news_reader *r = data;
	end_row(r, r->lineno);
}

static int keep_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void csv_fill(struct news_reader *r)
{
	if (!r->csv_ready) {
		if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0) {
			news_warn(r->prog, "cannot start the CSV parser");
			exit(1);
		}
		csv_set_space_func(&r->csv, keep_space);
		r->csv_ready = 1;
	}
	/* Feed line by line so messages can name a line. */
	while (r->nrows == r->row_head) {
		if (!read_line(r)) {
			if (csv_fini(&r->csv, csv_field_cb, csv_row_cb, r) != 0)
				bad(r, r->lineno, "malformed CSV: ", csv_strerror(csv_error(&r->csv)));
			return;
		}
		nbuf_set(&r->tmp, r->line, r->line_len);
		nbuf_addc(&r->tmp, '\n');
		if (csv_parse(&r->csv, r->tmp.data, r->tmp.len, csv_field_cb, csv_row_cb, r) != r->tmp.len) {
			bad(r, r->lineno, "malformed CSV: ", csv_strerror(csv_error(&r->csv)));
			/* start afresh on the next line rather than lose the rest */
			csv_free(&r->csv);
			r->csv_ready = 0;
			r->ncells = 0;
			return;
		}
	}
}

static void tsv_fill(struct news_reader *r)
{
	while (r->nrows == r->row_head && read_line(r)) {
		size_t len = r->line_len;
		if (len && r->line[len - 1] == '\r')
			len--;
		if (len == 0 && r->header_done)
			continue;
		news_fields_split(&r->fields, r->line, len);
		r->ncells = 0;
		for (size_t i = 0; i < r->fields.n; i++) {
			struct nbuf *b = new_cell(r);
			news_field_unescape(r->fields.f[i], b);
		}
		end_row(r, r->lineno);
	}
}

static int table_next(struct news_reader *r, struct news_doc *d)
{
	if (r->nrows == r->row_head) {
		r->nrows = r->row_head = 0;
		/* a malformed CSV line resets the parser; go on with the rest */
		while (r->nrows == 0 && !feof(r->fp) && !ferror(r->fp)) {
			if (r->fmt == NEWS_IN_CSV)
				csv_fill(r);
			else
				tsv_fill(r);
		}
		if (r->nrows == 0)
			return 0;
	}
	struct pending_row *p = &r->rows[r->row_head++];
	nbuf_set(&d->id, p->id.data, p->id.len);
	nbuf_set(&d->text, p->text.data, p->text.len);
	nbuf_set(&d->date, p->date.data, p->date.len);
	nbuf_set(&d->cluster, p->cluster.data, p->cluster.len);
	nbuf_set(&d->title, p->title.data, p->title.len);
	d->origin_line = p->line;
	apply_overrides(r, d);
	news_split_doc(r->splitter, d);
	return 1;
}

/* ---- dispatch ---- */

int news_reader_next(struct news_reader *r, struct news_doc *d)
{
	news_doc_reset(d);
	for (;;) {
		if (!r->fp && !open_next(r))
			return 0;
		switch (r->fmt) {
		case NEWS_IN_AUTO:
		case NEWS_IN_TEXT:
			if (r->fmt == NEWS_IN_AUTO) {
				/* The first line decides: a doc record (or the header)
				 * means a stream, anything else a text document. */
				if (read_line(r) && (is_header(r->line, r->line_len) ||
				                     is_doc_record(r, r->line, r->line_len))) {
					r->fmt = NEWS_IN_STREAM;
					r->have_line = !is_header(r->line, r->line_len);
					continue;
				}
				if (r->lineno > 0) {
					nbuf_add(&d->text, r->line, r->line_len);
					if (r->line_had_nl)
						nbuf_addc(&d->text, '\n');
				}
			}
			read_rest(r, &d->text);
			text_doc(r, d);
			close_input(r);
			return 1;
		case NEWS_IN_STREAM:
			if (stream_next(r, d))
				return 1;
			close_input(r);
			continue;
		case NEWS_IN_LINES:
			if (read_line(r)) {
				size_t len = r->line_len;
				if (len && r->line[len - 1] == '\r')
					len--;
				nbuf_set(&d->text, r->line, len);
				nbuf_set(&d->id, r->name, strlen(r->name));
				nbuf_addc(&d->id, ':');
				nbuf_addu(&d->id, (unsigned long long)r->lineno);
				d->origin_line = r->lineno;
				apply_overrides(r, d);
				news_split_doc(r->splitter, d);
				return 1;
			}
			close_input(r);
			continue;
		case NEWS_IN_CSV:
		case NEWS_IN_TSV:
			if (table_next(r, d))
				return 1;
			close_input(r);
			continue;
		}
	}
}

int news_reader_status(const struct news_reader *r)
{
	return r->status;
}

void news_reader_close(struct news_reader *r)
{
	if (!r)
		return;
	close_input(r);
	free(r->line);
	for (size_t i = 0; i < r->cells_init; i++)
		nbuf_free(&r->cells[i]);
	free(r->cells);
	for (size_t i = 0; i < r->rows_init; i++) {
		nbuf_free(&r->rows[i].id);
		nbuf_free(&r->rows[i].text);
		nbuf_free(&r->rows[i].date);
		nbuf_free(&r->rows[i].cluster);
		nbuf_free(&r->rows[i].title);
	}
	free(r->rows);
	news_fields_free(&r->fields);
	nbuf_free(&r->tmp);
	news_splitter_free(r->splitter);
	free(r);
}

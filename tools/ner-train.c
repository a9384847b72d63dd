/* ner-train: train the entity tagger's averaged perceptron.
 *
 * usage: ner-train [-e EPOCHS] [-r RUNS] [-p PRUNE] [-b BITS] [-h HOLDOUT] [-s SEED] -g GAZ [-l BITS:LIST]...
 *                  -o MODEL CORPUS[:WEIGHT]...
 * CORPUS files are CoNLL two-column BIO2 (token TAB tag, blank line between
 * sentences, types PER ORG LOC MISC). WEIGHT scales the corpus's updates.
 * Every corpus token is re-tokenised with the runtime tokenizer (hyphens and
 * clitics split), its tag carried to the pieces that continue the name.
 * With -h N every Nth sentence is held out and scored after each epoch.
 * -p drops weight rows whose largest weight is at most PRUNE (of 32000).
 * With -r N, N runs in different sentence orders are averaged into one model.
 * Training decodes as the runtime does (Viterbi, ner_model_tag) and updates
 * where the best path differs from the gold one (a structured perceptron).
 * Deterministic: a fixed seed orders the sentences of each epoch. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner_feat.h"

struct sent {
	size_t ntok, tok_off;   /* tokens c->tok[tok_off..tok_off+ntok) */
	float weight;
};

struct corpus {
	char *text;
	size_t text_len, text_cap;
	struct ner_tok *tok;
	int *gold;
	size_t ntok, tok_cap;
	struct sent *s;
	size_t ns, s_cap;
};

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "ner-train: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(strerror(errno), path);
	size_t cap = 1 << 20, n = 0;
	char *buf = ner_xmalloc(cap);
	size_t k;
	while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			buf = ner_xrealloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

static int parse_tag(const char *t, size_t n)
{
	if (n == 1 && t[0] == 'O')
		return NER_O;
	if (n < 3 || t[1] != '-' || (t[0] != 'B' && t[0] != 'I'))
		return -1;
	static const char *const names[NER_NTYPES] = {"PER", "ORG", "LOC", "MISC"};
	for (int ty = 0; ty < NER_NTYPES; ty++)
		if (strlen(names[ty]) == n - 2 && !memcmp(names[ty], t + 2, n - 2))
			return t[0] == 'B' ? NER_B(ty) : NER_I(ty);
	return -1;
}

static void add_tok(struct corpus *c, struct ner_tok t, int gold)
{
	if (c->ntok == c->tok_cap) {
		c->tok_cap = c->tok_cap ? c->tok_cap * 2 : 4096;
		c->tok = ner_xrealloc(c->tok, c->tok_cap * sizeof *c->tok);
		c->gold = ner_xrealloc(c->gold, c->tok_cap * sizeof *c->gold);
	}
	c->tok[c->ntok] = t;
	c->gold[c->ntok++] = gold;
}

static void text_add(struct corpus *c, const char *p, size_t n)
{
	if (c->text_len + n + 1 > c->text_cap) {
		c->text_cap = (c->text_len + n + 1) * 2;
		c->text = ner_xrealloc(c->text, c->text_cap);
	}
	memcpy(c->text + c->text_len, p, n);
	c->text_len += n;
}

/* Close the sentence begun at token t0. */
static void end_sent(struct corpus *c, size_t t0, float weight)
{
	if (c->ntok == t0)
		return;
	if (c->ns == c->s_cap) {
		c->s_cap = c->s_cap ? c->s_cap * 2 : 1024;
		c->s = ner_xrealloc(c->s, c->s_cap * sizeof *c->s);
	}
	c->s[c->ns++] = (struct sent){c->ntok - t0, t0, weight};
}

static void read_conll(struct corpus *c, const char *path, float weight)
{
	size_t len;
	char *data = slurp(path, &len);
	struct ner_toks tv = {0};
	size_t t0 = c->ntok, line_no = 0;
	int prev_gold = NER_O, cut = 0;   /* cut: the last name ended inside a token */
	for (size_t i = 0; i < len;) {
		char *nl = memchr(data + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - data) : len;
		char *line = data + i;
		size_t ll = e - i;
		i = e + 1;
		line_no++;
		if (ll && line[ll - 1] == '\r')
			ll--;
		if (!ll) {
			end_sent(c, t0, weight);
			t0 = c->ntok;
			prev_gold = NER_O;
			continue;
		}
		char *tab = memchr(line, '\t', ll);
		if (!tab)
			continue;
		size_t wl = (size_t)(tab - line);
		int g = parse_tag(tab + 1, ll - wl - 1);
		if (g < 0) {
			fprintf(stderr, "ner-train: %s:%zu: bad tag\n", path, line_no);
			exit(1);
		}
		if (NER_IS_I(g) && (cut || prev_gold == NER_O || NER_TYPE(prev_gold) != NER_TYPE(g)))
			g = NER_B(NER_TYPE(g));
		cut = 0;
		size_t off = c->text_len;
		text_add(c, " ", 1);
		off++;
		text_add(c, line, wl);
		tv.n = 0;
		ner_tokenize(c->text, off, off + wl, &tv);
		int cont = 1;
		for (size_t k = 0; k < tv.n; k++) {
			int lab = g;
			if (k > 0 && g != NER_O) {
				/* a piece continues the name unless it and what follows are lower case */
				int low = (tv.t[k].flags & NER_TF_LOWER) ||
				          (tv.t[k].end - tv.t[k].start == 1 && k + 1 < tv.n &&
				           (tv.t[k + 1].flags & NER_TF_LOWER));
				if (low)
					cont = 0;
				lab = cont ? NER_I(NER_TYPE(g)) : NER_O;
			}
			struct ner_tok t = tv.t[k];
			if (k == 0)
				t.flags |= NER_TF_SPACE;
			add_tok(c, t, lab);
		}
		if (!cont)
			cut = 1;
		prev_gold = tv.n ? c->gold[c->ntok - 1] : prev_gold;
	}
	end_sent(c, t0, weight);
	text_add(c, "", 0);
	c->text[c->text_len] = '\0';
	ner_toks_free(&tv);
	free(data);
}

/* ------------------------------------------------------------ perceptron */

struct avgp {
	uint32_t mask;
	float *w;
	double *acc;
	uint32_t *ts;
	uint32_t clock;
};

static void upd(struct avgp *p, uint32_t b, int l, float d)
{
	size_t k = (size_t)b * NER_NLABELS + (size_t)l;
	p->acc[k] += (double)(p->clock - p->ts[k]) * p->w[k];
	p->ts[k] = p->clock;
	p->w[k] += d;
}

static void add_rows(const float *w, const uint32_t *f, size_t nf, float *score)
{
	for (size_t k = 0; k < nf; k++) {
		const float *row = w + (size_t)f[k] * NER_NLABELS;
		for (int l = 1; l < NER_NLABELS; l++)
			score[l] += row[l];
	}
}

/* Viterbi decode with float weights w (training or averaged), as
 * ner_model_tag does with the quantised ones: the weights of O stay 0.
 * Returns the labels in s->label. */
static void decode(const float *w, uint32_t mask, struct ner_sent *s)
{
	uint32_t f[NER_MAXFEATS];
	double delta[NER_NLABELS], next[NER_NLABELS];
	for (int l = 0; l < NER_NLABELS; l++)
		delta[l] = -INFINITY;
	delta[NER_O] = 0;
	for (size_t i = 0; i < s->n; i++) {
		unsigned char *bpi = s->bp + i * NER_NLABELS;
		for (int l = 0; l < NER_NLABELS; l++) {
			next[l] = -INFINITY;
			bpi[l] = NER_O;
		}
		float base[NER_NLABELS];
		int have_base = 0;
		for (int p = 0; p < NER_NLABELS; p++) {
			if (delta[p] == -INFINITY)
				continue;
			if (delta[p] > next[NER_O]) {
				next[NER_O] = delta[p];
				bpi[NER_O] = (unsigned char)p;
			}
			if (!ner_scored(s, i, p))
				continue;
			if (!have_base) {
				memset(base, 0, sizeof base);
				add_rows(w, f, ner_features_static(s, i, mask, f), base);
				have_base = 1;
			}
			float score[NER_NLABELS];
			memcpy(score, base, sizeof score);
			int p2 = i > 0 ? s->bp[(i - 1) * NER_NLABELS + p] : NER_O;
			add_rows(w, f, ner_features_label(s, i, p, p2, mask, f), score);
			for (int l = 1; l < NER_NLABELS; l++) {
				double v = delta[p] + score[l];
				if (v > next[l] && ner_label_ok(p, l)) {
					next[l] = v;
					bpi[l] = (unsigned char)p;
				}
			}
		}
		memcpy(delta, next, sizeof delta);
	}
	int best = NER_O;
	for (int l = 1; l < NER_NLABELS; l++)
		if (delta[l] > delta[best])
			best = l;
	for (size_t i = s->n; i-- > 0;) {
		s->label[i] = best;
		best = s->bp[i * NER_NLABELS + best];
	}
}

/* Add d to the weights of label lab[i] for the features of token i on the
 * label path lab (nothing for O, whose weights stay 0). */
static void update_at(struct avgp *p, struct ner_sent *s, size_t i, const int *lab, float d)
{
	if (lab[i] == NER_O)
		return;
	uint32_t f[NER_MAXFEATS];
	int prev = i > 0 ? lab[i - 1] : NER_O, prev2 = i > 1 ? lab[i - 2] : NER_O;
	size_t nf = ner_features(s, i, prev, prev2, p->mask, f);
	for (size_t k = 0; k < nf; k++)
		upd(p, f[k], lab[i], d);
}

/* Decode, and with gold, update on the tokens where the best path and the
 * gold path differ (in the label or the two before it). Gold labels the
 * decoder cannot produce (a name at a lower-case word it never scores)
 * become O, and an I- they leave without a head a B-. */
static void run(struct avgp *p, const float *w, struct ner_sent *s, const int *gold, float weight,
                int *oracle)
{
	decode(w, p->mask, s);
	if (!gold)
		return;
	p->clock++;   /* the average is over every sentence seen (Collins 2002) */
	for (size_t i = 0; i < s->n; i++) {
		int prev = i > 0 ? oracle[i - 1] : NER_O, g = gold[i];
		if (!ner_scored(s, i, prev))
			g = NER_O;
		else if (!ner_label_ok(prev, g))
			g = NER_B(NER_TYPE(g));
		oracle[i] = g;
	}
	int differ = 0;
	for (size_t i = 0; i < s->n && !differ; i++)
		differ = s->label[i] != oracle[i];
	if (!differ)
		return;
	for (size_t i = 0; i < s->n; i++) {
		int same = 1;
		for (size_t k = i >= 2 ? i - 2 : 0; k <= i; k++)
			same &= s->label[k] == oracle[k];
		if (same)
			continue;
		update_at(p, s, i, oracle, weight);
		update_at(p, s, i, s->label, -weight);
	}
}

/* Entity spans of a label sequence, as (start, end, type) triples. */
static size_t spans(const int *lab, size_t n, size_t *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (lab[i] == NER_O) { i++; continue; }
		int ty = NER_TYPE(lab[i]);
		size_t j = i + 1;
		while (j < n && lab[j] == NER_I(ty))
			j++;
		out[k++] = i; out[k++] = j; out[k++] = (size_t)ty;
		i = j;
	}
	return k / 3;
}

static void score(struct avgp *p, const float *w, struct corpus *c, struct ner_gaz *g,
                  size_t holdout, const char *what)
{
	struct ner_sent s;
	ner_sent_init(&s);
	size_t tp = 0, np = 0, ng = 0;
	size_t *a = NULL, *b = NULL, cap = 0;
	for (size_t si = 0; si < c->ns; si++) {
		if (si % holdout != 0)
			continue;
		struct sent *st = &c->s[si];
		ner_sent_prepare(&s, g, c->text, c->tok + st->tok_off, st->ntok);
		run(p, w, &s, NULL, 0, NULL);
		if (3 * st->ntok > cap) {
			cap = 3 * st->ntok;
			a = ner_xrealloc(a, cap * sizeof *a);
			b = ner_xrealloc(b, cap * sizeof *b);
		}
		size_t na = spans(s.label, st->ntok, a), nb = spans(c->gold + st->tok_off, st->ntok, b);
		np += na;
		ng += nb;
		for (size_t x = 0; x < na; x++)
			for (size_t y = 0; y < nb; y++)
				if (!memcmp(a + 3 * x, b + 3 * y, 3 * sizeof *a))
					tp++;
	}
	double pr = np ? (double)tp / np : 0, rc = ng ? (double)tp / ng : 0;
	fprintf(stderr, "ner-train: %s held-out P %.3f R %.3f F1 %.3f\n", what, pr, rc,
	        pr + rc ? 2 * pr * rc / (pr + rc) : 0);
	free(a);
	free(b);
	ner_sent_free(&s);
}

static uint64_t rng_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static void usage(void)
{
	fputs("usage: ner-train [-e EPOCHS] [-r RUNS] [-p PRUNE] [-b BITS] [-h HOLDOUT] [-s SEED] -g GAZ [-l BITNO:LIST]...\n"
	      "                 -o MODEL CORPUS[:WEIGHT]...\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int epochs = 8, bits = 20, runs = 1, prune = 0, opt;
	size_t holdout = 0;
	uint64_t seed = 1;
	const char *out = NULL;
	struct ner_gaz gaz;
	ner_gaz_init(&gaz);
	int have_gaz = 0;
	while ((opt = getopt(argc, argv, "e:r:p:b:h:s:g:l:o:")) != -1) {
		switch (opt) {
		case 'e': epochs = atoi(optarg); break;
		case 'r': runs = atoi(optarg); break;
		case 'p': prune = atoi(optarg); break;
		case 'b': bits = atoi(optarg); break;
		case 'h': holdout = (size_t)atol(optarg); break;
		case 's': seed = (uint64_t)atoll(optarg) | 1; break;
		case 'o': out = optarg; break;
		case 'g': case 'l': {
			const char *path = optarg;
			uint32_t b = 0;
			if (opt == 'l') {
				char *colon = strchr(optarg, ':');
				if (!colon)
					usage();
				b = 1u << atoi(optarg);
				path = colon + 1;
			}
			size_t len;
			char *data = slurp(path, &len);
			if (opt == 'g')
				ner_gaz_add_tsv(&gaz, data, len);
			else
				ner_gaz_add_list(&gaz, data, len, b);
			free(data);
			have_gaz = 1;
			break;
		}
		default: usage();
		}
	}
	if (!out || !have_gaz || optind >= argc || epochs < 1 || runs < 1 || bits < 10 || bits > 24)
		usage();
	struct corpus c = {0};
	for (int i = optind; i < argc; i++) {
		char *arg = argv[i], *colon = strrchr(arg, ':');
		float wt = 1;
		if (colon) {
			*colon = '\0';
			wt = (float)atof(colon + 1);
		}
		size_t before = c.ns;
		read_conll(&c, arg, wt);
		fprintf(stderr, "ner-train: %s: %zu sentences, weight %.2f\n", arg, c.ns - before, wt);
	}
	struct avgp p = {0};
	p.mask = (1u << bits) - 1;
	size_t nw = (size_t)NER_NLABELS << bits;
	p.w = ner_xcalloc(nw, sizeof *p.w);
	p.acc = ner_xcalloc(nw, sizeof *p.acc);
	p.ts = ner_xcalloc(nw, sizeof *p.ts);
	size_t *order = ner_xmalloc(c.ns * sizeof *order);
	size_t norder = 0;
	for (size_t i = 0; i < c.ns; i++)
		if (!holdout || i % holdout != 0)
			order[norder++] = i;
	struct ner_sent s;
	ner_sent_init(&s);
	int *oracle = NULL;
	size_t oracle_cap = 0;
	size_t *order0 = ner_xmalloc((norder ? norder : 1) * sizeof *order0);
	memcpy(order0, order, norder * sizeof *order);
	float *avg = ner_xmalloc(nw * sizeof *avg);
	float *sum = ner_xcalloc(nw, sizeof *sum);
	/* Several runs with different sentence orders, their averaged weights
	 * averaged again: one model, less dependent on the order. */
	for (int run_no = 0; run_no < runs; run_no++) {
		uint64_t rng = (seed + 2 * (uint64_t)run_no) * 0x9e3779b97f4a7c15ULL | 1;
		memset(p.w, 0, nw * sizeof *p.w);
		memset(p.acc, 0, nw * sizeof *p.acc);
		memset(p.ts, 0, nw * sizeof *p.ts);
		p.clock = 0;
		memcpy(order, order0, norder * sizeof *order);
		for (int e = 0; e < epochs; e++) {
			for (size_t i = norder; i > 1; i--) {
				size_t j = (size_t)(rng_next(&rng) % i), t = order[i - 1];
				order[i - 1] = order[j];
				order[j] = t;
			}
			for (size_t k = 0; k < norder; k++) {
				struct sent *st = &c.s[order[k]];
				ner_sent_prepare(&s, &gaz, c.text, c.tok + st->tok_off, st->ntok);
				if (st->ntok > oracle_cap) {
					oracle_cap = st->ntok;
					oracle = ner_xrealloc(oracle, oracle_cap * sizeof *oracle);
				}
				run(&p, p.w, &s, c.gold + st->tok_off, st->weight, oracle);
			}
			fprintf(stderr, "ner-train: run %d epoch %d done (%u sentences)\n", run_no + 1, e + 1, p.clock);
		}
		for (size_t k = 0; k < nw; k++)
			sum[k] += (float)((p.acc[k] + (double)(p.clock - p.ts[k]) * p.w[k]) / (p.clock ? p.clock : 1));
		if (holdout) {
			for (size_t k = 0; k < nw; k++)
				avg[k] = sum[k] / (float)(run_no + 1);
			char what[32];
			snprintf(what, sizeof what, "%d runs", run_no + 1);
			score(&p, avg, &c, &gaz, holdout, what);
		}
	}
	for (size_t k = 0; k < nw; k++)
		avg[k] = sum[k] / (float)runs;
	free(sum);
	free(order0);
	/* Quantise the differences to O to int16; keep the rows not all zero. */
	float mx = 0;
	for (size_t b = 0; b <= p.mask; b++)
		for (int l = 1; l < NER_NLABELS; l++) {
			float d = avg[b * NER_NLABELS + (size_t)l] - avg[b * NER_NLABELS];
			if (fabsf(d) > mx)
				mx = fabsf(d);
		}
	float scale = mx > 0 ? mx / 32000.0f : 1.0f;
	FILE *f = fopen(out, "wb");
	if (!f)
		die(strerror(errno), out);
	uint32_t rows = 0, ubits = (uint32_t)bits;
	fwrite("NERM2\0\0\0", 1, 8, f);
	fwrite(&ubits, 4, 1, f);
	fwrite(&scale, 4, 1, f);
	fwrite(&rows, 4, 1, f);
	for (uint32_t b = 0; b <= p.mask; b++) {
		int16_t q[NER_ROW];
		int any = 0;
		const float *row = avg + (size_t)b * NER_NLABELS;
		for (int l = 1; l < NER_NLABELS; l++) {
			q[l - 1] = (int16_t)lrintf((row[l] - row[0]) / scale);
			any |= abs(q[l - 1]) > prune;
		}
		if (!any)
			continue;
		fwrite(&b, 4, 1, f);
		fwrite(q, 2, NER_ROW, f);
		rows++;
	}
	fseek(f, 16, SEEK_SET);
	fwrite(&rows, 4, 1, f);
	if (fclose(f) != 0)
		die(strerror(errno), out);
	fprintf(stderr, "ner-train: wrote %s: %u rows of %u\n", out, rows, p.mask + 1);
	free(avg);
	free(oracle);
	free(order);
	free(p.w);
	free(p.acc);
	free(p.ts);
	ner_sent_free(&s);
	free(c.text);
	free(c.tok);
	free(c.gold);
	free(c.s);
	ner_gaz_free(&gaz);
	return 0;
}

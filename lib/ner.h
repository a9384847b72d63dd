/* ner: named entities of a story, each with one canonical name.
 *
 * A story is the documents that share a cluster key. Its sentences are
 * tagged when it is resolved, on several threads if asked (the perceptron
 * of ner_feat over the ner_tok tokens, then span rules: titles cut off and kept apart, possessives and stray
 * punctuation trimmed). ner_story_resolve() then works on the whole story:
 * names tagged somewhere are found again where the tagger missed them, each
 * surface form gets the type most of its mentions have, and forms are
 * grouped into entities (surname = full name, nicknames, middle initials,
 * acronyms and their expansions, known aliases such as U.S. = United States,
 * demonym plurals, one-letter spelling slips), whose longest proper form is
 * the canonical name. Memory is bounded by the story. */
#ifndef NEWS_NER_H
#define NEWS_NER_H

#include <stddef.h>

struct ner;         /* model and tables, read-only once built */
struct ner_story;   /* mentions of the story being read */

struct ner_mention {
	size_t doc;                  /* index given to ner_story_add_doc */
	size_t start, end;           /* byte span of the name */
	size_t title_start, title_end;   /* title before it (`Adm.`), empty if none */
	int type;                    /* enum ner_type of ner_feat.h */
	size_t form;                 /* internal: the surface form */
	unsigned char initial;       /* internal: first word of its sentence */
};

/* Build from the embedded model and lists; NULL with a message in err (a
 * static string) if the embedded model is malformed. */
struct ner *ner_new(const char **err);
void ner_free(struct ner *n);

struct ner_story *ner_story_new(void);
void ner_story_free(struct ner_story *s);
/* Tag the units (sentences) of the story with up to nthreads threads (1:
 * none, the default); the output is the same whatever the number. */
#define NER_MAX_THREADS 64
void ner_story_set_threads(struct ner_story *s, unsigned nthreads);
/* Forget every document and mention (memory is kept). */
void ner_story_reset(struct ner_story *s);

/* Add document doc of the story (tagged by ner_story_resolve): text[0..len) with its sentences given as
 * nsent pairs of byte offsets sents[2*i], sents[2*i+1] (none: the whole text
 * is one sentence). The text must stay alive until the story is reset. */
void ner_story_add_doc(const struct ner *n, struct ner_story *s, size_t doc,
                       const char *text, size_t len, const size_t *sents, size_t nsent);

/* Recover missed mentions, settle types and assign canonical names. */
void ner_story_resolve(const struct ner *n, struct ner_story *s);

/* The mentions, ordered by document then start. */
size_t ner_story_count(const struct ner_story *s);
const struct ner_mention *ner_story_mention(const struct ner_story *s, size_t i);
/* The canonical name of mention i (after resolve), NUL-terminated. */
const char *ner_story_canon(const struct ner_story *s, size_t i);
/* The type name of a mention: PERSON, ORG, LOC or MISC. */
const char *ner_type_name(int type);

#endif

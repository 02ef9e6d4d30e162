/* corpus_stops.c: stop words and question words read off a language's
 * entries (see corpus_stops.h). */
#include "corpus_stops.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "fold.h"
#include "limits.h"

typedef struct word_count {
    char *word;           /* case-folded, accents kept: as a list is written */
    size_t entries;       /* entries that hold it */
    size_t openings;      /* entries whose question (or a phrasing) it opens */
    size_t last_entry;    /* the entry that last counted it, from 1 */
    size_t last_opened;   /* the entry whose opening last counted it, from 1 */
} word_count;

struct corpus_stops {
    word_count *slots;    /* open addressing; word NULL is empty */
    size_t cap, used;
    size_t n_entries;
};

corpus_stops *corpus_stops_new(void)
{
    corpus_stops *cs = calloc(1, sizeof *cs);
    if (cs && !(cs->slots = calloc(cs->cap = 256, sizeof *cs->slots))) {
        free(cs);
        return NULL;
    }
    return cs;
}

void corpus_stops_free(corpus_stops *cs)
{
    if (!cs)
        return;
    for (size_t i = 0; i < cs->cap; i++)
        free(cs->slots[i].word);
    free(cs->slots);
    free(cs);
}

static uint64_t hash_of(const char *w, size_t n)
{
    uint64_t h = 1469598103934665603u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return h;
}

static word_count *slot_of(word_count *slots, size_t cap, const char *w, size_t n)
{
    size_t i = (size_t)hash_of(w, n) & (cap - 1);
    while (slots[i].word && (strlen(slots[i].word) != n || memcmp(slots[i].word, w, n) != 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int table_grow(corpus_stops *cs)
{
    size_t cap = cs->cap * 2;
    word_count *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < cs->cap; i++)
        if (cs->slots[i].word)
            *slot_of(slots, cap, cs->slots[i].word, strlen(cs->slots[i].word)) = cs->slots[i];
    free(cs->slots);
    cs->slots = slots;
    cs->cap = cap;
    return 0;
}

/* The count of word w (n bytes, folded), made on first sight; NULL when out
 * of memory. */
static word_count *count_of(corpus_stops *cs, const char *w, size_t n)
{
    if ((cs->used + 1) * 2 > cs->cap && table_grow(cs) != 0)
        return NULL;
    word_count *c = slot_of(cs->slots, cs->cap, w, n);
    if (!c->word) {
        if (!(c->word = strndup(w, n)))
            return NULL;
        cs->used++;
    }
    return c;
}

/* Calls count on each word (a run of letters and digits) of text, case-
 * folded; opening: the first word only. 0, or -1 when out of memory. */
static int each_word(corpus_stops *cs, const char *text, int opening)
{
    size_t len = strlen(text);
    char *low = malloc(len * 3 + 16);
    if (!low)
        return -1;
    long n = fold_case(text, len, low, len * 3 + 16);
    if (n < 0) {   /* not UTF-8: the reading tells it; nothing to count */
        free(low);
        return 0;
    }
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)low, *end = p + n;
    const utf8proc_uint8_t *start = NULL;
    int rc = 0;
    while (p <= end && rc == 0) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t k = p < end ? utf8proc_iterate(p, end - p, &cp) : 0;
        utf8proc_category_t cat = k > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
        int in_word = k > 0 && ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ND));
        if (in_word && !start)
            start = p;
        if (!in_word && start) {
            word_count *c = count_of(cs, (const char *)start, (size_t)(p - start));
            if (!c)
                rc = -1;
            else if (opening && c->last_opened != cs->n_entries) {
                c->last_opened = cs->n_entries;
                c->openings++;
            } else if (!opening && c->last_entry != cs->n_entries) {
                c->last_entry = cs->n_entries;
                c->entries++;
            }
            start = NULL;
            if (opening)
                break;
        }
        p += k > 0 ? k : 1;
    }
    free(low);
    return rc;
}

int corpus_stops_add(corpus_stops *cs, const corpus_entry *e)
{
    if (e->kind != ENTRY_FAQ)
        return 0;
    cs->n_entries++;
    if (each_word(cs, e->question, 1) != 0 || each_word(cs, e->question, 0) != 0 ||
        each_word(cs, e->answer, 0) != 0)
        return -1;
    for (size_t i = 0; i < e->n_alts; i++)
        if (each_word(cs, e->alts[i], 1) != 0 || each_word(cs, e->alts[i], 0) != 0)
            return -1;
    return 0;
}

static int has_digit(const char *w)
{
    return strpbrk(w, "0123456789") != NULL;
}

int corpus_stops_text(const corpus_stops *cs, char **text)
{
    *text = NULL;
    if (cs->n_entries < CORPUS_STOPS_MIN_ENTRIES)
        return 0;
    buf b = BUF_INIT(FAQ_MAX_FILE_BYTES);   /* as a stopwords.txt may be */
    int rc = buf_printf(&b,
                        "# read off this FAQ's entries (no pack, no stopwords.txt; %d entries or "
                        "more): words in at least %g of them; \"?\" words open the questions of "
                        "%d or more\n",
                        CORPUS_STOPS_MIN_ENTRIES, CORPUS_STOPS_SHARE, CORPUS_STOPS_OPENINGS);
    for (size_t i = 0; i < cs->cap && rc == 0; i++) {
        const word_count *c = &cs->slots[i];
        if (!c->word || has_digit(c->word))
            continue;
        if ((double)c->entries >= CORPUS_STOPS_SHARE * (double)cs->n_entries)
            rc = buf_printf(&b, "%s\n", c->word);
        else if (c->openings >= CORPUS_STOPS_OPENINGS)
            rc = buf_printf(&b, "?%s\n", c->word);
    }
    if (rc != 0) {
        buf_free(&b);
        return -1;
    }
    *text = buf_take(&b);
    return *text ? 0 : -1;
}

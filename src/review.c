/* review.c: from the logs of what users asked to proposed alternate
 * questions (see review.h). */
#include "review.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "buf.h"
#include "fold.h"
#include "corpus.h"
#include "corpus_stops.h"
#include "hash.h"
#include "limits.h"
#include "search.h"

#define GROUP_MIN_DICE 0.4   /* two questions are one group from this overlap of their
                                terms (Dice, each term weighted by its rarity in the FAQ) */

typedef struct question {
    char *text;              /* one line, as asked */
    char *key;               /* folded text: the same question asked again */
    char **terms;            /* its analysed terms, sorted, distinct */
    int n_terms;
    uint32_t lang;           /* UINT32_MAX until known */
    uint32_t voted_down;     /* translation group a 👎 was given to, or UINT32_MAX */
    int times;
    int parent;              /* union-find over groups */
} question;

typedef struct review {
    const faq_index *ix;
    searcher *s;
    question *q;
    int n;
    size_t cap;
    int *slots;              /* open addressing on key: index into q, or -1 */
    size_t n_slots;
    /* how many FAQ entries of a language hold a term in their questions,
     * "L:term" sorted: a word every entry asks about ("iniciativa") says
     * little of which questions belong together */
    char **df_terms;
    int *df;
    int n_df;
    /* the same of the words that open an entry's questions: a proposal
     * whose only evidence is a word opening the questions of several
     * ("serve...?", "is there...?": the kind of question, not its topic,
     * by corpus_stops.h's rule) rests on nothing */
    char **open_terms;
    int *open_df;
    int n_open;
    uint32_t *lang_entries;  /* FAQ entries per language */
    unsigned char *led;      /* per translation group, propose()'s: 1 led to on
                                common words only, 2 on an uncommon one too */
    review_counts *counts;
} review;

static uint64_t hash(const char *s)
{
    return hash_bytes(HASH_SEED, s, strlen(s));
}

static int *slot_of(review *r, const char *key)
{
    size_t i = hash(key) & (r->n_slots - 1);
    while (r->slots[i] >= 0 && strcmp(r->q[r->slots[i]].key, key) != 0)
        i = (i + 1) & (r->n_slots - 1);
    return &r->slots[i];
}

/* Is id one of the list's ("a, b, c")? */
static int listed_id(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && memcmp(p, id, n) == 0)
            return 1;
        p += k;
        p += strspn(p, ", ");
    }
    return 0;
}

/* Adds one asking of text (len bytes, valid UTF-8, one line); lang is the
 * logged code or NULL. Returns 0, 1 when the log holds too many distinct
 * questions (ignored), -1 out of memory. */
static int add_question(review *r, const char *text, size_t len, const char *lang, const char *down_id)
{
    while (len && (*text == ' ' || *text == '\t'))
        text++, len--;
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (!len || len > FAQ_MAX_QUESTION_BYTES)
        return 0;
    char key[FAQ_MAX_QUESTION_BYTES * 2 + 1];
    if (fold_text(text, len, key, sizeof key) < 0)
        return 0;
    int *slot = slot_of(r, key);
    question *q;
    if (*slot >= 0) {
        q = &r->q[*slot];
    } else {
        if (r->n >= FAQ_REVIEW_MAX_QUESTIONS)
            return 1;
        if (grow(&r->q, &r->cap, (size_t)r->n + 1, sizeof *r->q, 64) != 0)
            return -1;
        q = &r->q[r->n];
        memset(q, 0, sizeof *q);
        q->lang = q->voted_down = UINT32_MAX;
        q->parent = r->n;
        q->text = strndup(text, len);
        q->key = strdup(key);
        if (!q->text || !q->key) {
            free(q->text);
            free(q->key);
            return -1;
        }
        *slot = r->n++;
    }
    q->times++;
    int l = lang ? faq_index_lang_find(r->ix, lang) : -1;
    if (l >= 0 && q->lang == UINT32_MAX)
        q->lang = (uint32_t)l;
    if (down_id) {
        uint32_t e = faq_index_find_id(r->ix, down_id, strlen(down_id), l >= 0 ? (uint32_t)l : 0);
        for (uint32_t k = 0; e == UINT32_MAX && k < faq_index_lang_count(r->ix); k++)
            e = faq_index_find_id(r->ix, down_id, strlen(down_id), k);
        if (e != UINT32_MAX) {
            faq_entry fe;
            faq_index_entry(r->ix, e, &fe);
            q->voted_down = fe.group;
        } else {
            /* a vote on an id renamed or deleted since: its question is
             * reviewed as asked, and the editor told which ids are gone */
            review_counts *c = r->counts;
            size_t at = strlen(c->gone_ids), n = strlen(down_id);
            c->gone++;
            if (!listed_id(c->gone_ids, down_id) && !strstr(c->gone_ids, "..."))
                /* room kept for a last ", ..." */
                snprintf(c->gone_ids + at, sizeof c->gone_ids - at, "%s%s", at ? ", " : "",
                         at + n + 2 + 6 < sizeof c->gone_ids ? down_id : "...");
        }
    }
    return 0;
}

/* A line of --unanswered: TIME<TAB>LANG<TAB>QUESTION, escapes undone and
 * control bytes made spaces (an alternate question is one line). */
static int add_unanswered(review *r, char *line)
{
    char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    if (!t2)
        return 2;
    *t2 = '\0';
    const char *lang = t1 + 1;
    char *in = t2 + 1, *out = in;
    while (*in) {
        char ch = *in++;
        if (ch == '\\' && *in) {
            char e = *in++;
            if (e == 'x' && in[0] && in[1]) {
                char hex[3] = {in[0], in[1], 0};
                ch = (char)strtol(hex, NULL, 16);
                in += 2;
            } else {
                ch = e == 'n' || e == 'r' || e == 't' ? ' ' : e;
            }
        }
        *out++ = (unsigned char)ch < 0x20 || ch == 0x7f ? ' ' : ch;
    }
    return add_question(r, t2 + 1, (size_t)(out - (t2 + 1)), strcmp(lang, "-") ? lang : NULL, NULL);
}

/* A line of --feedback-log: {"q", "id", "lang", "vote"}; 👎 only. */
static int add_feedback(review *r, const char *line)
{
    json_t *j = json_loads(line, 0, NULL);
    const char *q = json_string_value(json_object_get(j, "q"));
    const char *vote = json_string_value(json_object_get(j, "vote"));
    int rc = 2;
    if (q && vote) {
        rc = strcmp(vote, "down") != 0 ? 0
           : add_question(r, q, strlen(q), json_string_value(json_object_get(j, "lang")),
                          json_string_value(json_object_get(j, "id")));
    }
    json_decref(j);
    return rc;
}

static int read_log(review *r, const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (rc >= 0 && (n = getline(&line, &cap, fp)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (!utf8_valid(line, (size_t)n)) {
            r->counts->skipped++;
            continue;
        }
        rc = line[0] == '{' ? add_feedback(r, line) : add_unanswered(r, line);
        if (rc > 0)
            r->counts->skipped++;
    }
    free(line);
    /* a folder opens, and its first read fails: told, not an empty log */
    int bad = rc >= 0 && ferror(fp), why = errno;
    fclose(fp);
    if (bad)
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(why));
    else if (rc < 0)
        snprintf(err, errlen, "out of memory");
    return rc < 0 || bad ? -1 : 0;
}

/* ---- terms and groups ---- */

typedef struct term_list {
    char **t;
    int n;
    size_t cap;
    int from;                /* distinct from here on (one entry's terms) */
    int first_only;          /* the text's first word alone (stops the walk after it) */
    uint32_t lang;           /* its code prefixes each term ("es:dur") */
    const faq_index *ix;
} term_list;

static int collect_term(void *ctx, const token *t)
{
    term_list *l = ctx;
    if (l->first_only && t->pos != 0)
        return 1;
    if (t->is_qword || t->is_stop)
        return 0;
    char term[FAQ_MAX_LANG_CODE + FAQ_MAX_TERM_BYTES + 8];
    int n = snprintf(term, sizeof term, "%s:%.*s", faq_index_lang_code(l->ix, l->lang),
                     (int)t->term_len, t->term);
    if (n < 0 || (size_t)n >= sizeof term)
        return 0;
    for (int i = l->from; i < l->n; i++)
        if (strcmp(l->t[i], term) == 0)
            return 0;
    if (grow(&l->t, &l->cap, (size_t)l->n + 1, sizeof *l->t, 8) != 0)
        return -1;
    if (!(l->t[l->n] = strdup(term)))
        return -1;
    l->n++;
    return 0;
}

static void free_terms(term_list *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->t[i]);
    free(l->t);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The question's language (the logged one, else detected) and terms. */
static int analyse(review *r, question *q)
{
    if (q->lang == UINT32_MAX) {
        faq_query_opts o = {0};
        o.threshold = -1;
        faq_answer a;
        if (searcher_ask(r->s, q->text, strlen(q->text), &o, &a) != 0)
            return -1;
        int l = a.query_lang ? faq_index_lang_find(r->ix, a.query_lang) : -1;
        q->lang = l >= 0 ? (uint32_t)l : 0;
    }
    struct analyzer *an = searcher_analyzer(r->s, q->lang);
    term_list l = {0};
    l.lang = q->lang;
    l.ix = r->ix;
    int rc = an ? analyzer_run(an, q->text, strlen(q->text), collect_term, &l) : 0;
    if (l.n)
        qsort(l.t, (size_t)l.n, sizeof *l.t, cmp_str);
    q->terms = l.t;     /* freed with the question, even after a failure */
    q->n_terms = l.n;
    return rc != 0 ? -1 : 0;
}

/* The sorted terms of l counted: each distinct term into *terms with how
 * many times l holds it (once an entry: the entries that hold it) into
 * *counts. l's strings are taken over. */
static int tally(term_list *l, char ***terms, int **counts, int *n)
{
    if (l->n)
        qsort(l->t, (size_t)l->n, sizeof *l->t, cmp_str);
    *terms = malloc((size_t)(l->n + 1) * sizeof **terms);
    *counts = malloc((size_t)(l->n + 1) * sizeof **counts);
    if (!*terms || !*counts) {
        free_terms(l);
        return -1;
    }
    for (int i = 0; i < l->n; i++) {
        if (*n && strcmp((*terms)[*n - 1], l->t[i]) == 0) {
            (*counts)[*n - 1]++;
            free(l->t[i]);
            continue;
        }
        (*terms)[*n] = l->t[i];
        (*counts)[(*n)++] = 1;
    }
    free(l->t);
    return 0;
}

/* How many entries term is counted for in a tally, 0 when none. */
static int tallied(char *const *terms, const int *counts, int n, const char *term)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2, c = strcmp(terms[mid], term);
        if (c == 0)
            return counts[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* The first word of each line of text (a question, or the alternates one
 * a line) into l. */
static int collect_openings(struct analyzer *an, faq_str text, term_list *l)
{
    l->first_only = 1;
    for (size_t at = 0; at < text.len;) {
        const char *nl = memchr(text.s + at, '\n', text.len - at);
        size_t end = nl ? (size_t)(nl - text.s) : text.len;
        if (analyzer_run(an, text.s + at, end - at, collect_term, l) < 0)
            return -1;
        at = end + 1;
    }
    l->first_only = 0;
    return 0;
}

/* The terms of every FAQ entry's questions (heading and alternates), and
 * of their first words, each counted once an entry. */
static int build_df(review *r)
{
    uint32_t n = faq_index_entry_count(r->ix);
    term_list l = {0}, open = {0};
    l.ix = open.ix = r->ix;
    r->lang_entries = calloc(faq_index_lang_count(r->ix) + 1, sizeof *r->lang_entries);
    if (!r->lang_entries)
        return -1;
    for (uint32_t e = 0; e < n; e++) {
        faq_entry fe;
        faq_index_entry(r->ix, e, &fe);
        struct analyzer *an = searcher_analyzer(r->s, fe.lang);
        if (fe.kind != ENTRY_FAQ || !an)
            continue;
        r->lang_entries[fe.lang]++;
        l.from = l.n;
        open.from = open.n;
        l.lang = open.lang = fe.lang;
        if (analyzer_run(an, fe.question.s, fe.question.len, collect_term, &l) < 0 ||
            (fe.alts.len && analyzer_run(an, fe.alts.s, fe.alts.len, collect_term, &l) < 0) ||
            collect_openings(an, fe.question, &open) < 0 || collect_openings(an, fe.alts, &open) < 0) {
            free_terms(&l);
            free_terms(&open);
            return -1;
        }
    }
    int rc = tally(&l, &r->df_terms, &r->df, &r->n_df);
    if (tally(&open, &r->open_terms, &r->open_df, &r->n_open) != 0)
        rc = -1;
    return rc;
}

/* Rarer in the FAQ's questions, stronger evidence (an idf). */
static double weight(const review *r, const question *q, const char *term)
{
    int df = tallied(r->df_terms, r->df, r->n_df, term);
    return log(1.0 + (r->lang_entries[q->lang] + 1.0) / (df + 1.0));
}

static double weighted_dice(const review *r, const question *a, const question *b)
{
    double shared = 0, all = 0;
    int i = 0, j = 0;
    for (int k = 0; k < a->n_terms; k++)
        all += weight(r, a, a->terms[k]);
    for (int k = 0; k < b->n_terms; k++)
        all += weight(r, b, b->terms[k]);
    while (i < a->n_terms && j < b->n_terms) {
        int c = strcmp(a->terms[i], b->terms[j]);
        if (c == 0)
            shared += 2 * weight(r, a, a->terms[i]);
        i += c <= 0;
        j += c >= 0;
    }
    return all > 0 ? shared / all : 0;
}

static int find(question *q, int i)
{
    while (q[i].parent != i)
        i = q[i].parent = q[q[i].parent].parent;
    return i;
}

/* Questions of one language whose terms overlap enough join one group. */
static void group(review *r)
{
    for (int i = 0; i < r->n; i++)
        for (int j = i + 1; j < r->n; j++) {
            question *a = &r->q[i], *b = &r->q[j];
            if (a->lang != b->lang || !a->n_terms || !b->n_terms)
                continue;
            if (weighted_dice(r, a, b) >= GROUP_MIN_DICE)
                r->q[find(r->q, i)].parent = find(r->q, j);
        }
}

/* ---- proposals ---- */

typedef struct proposal {
    int root;                /* the group's representative question */
    uint32_t entry, lang;
    uint32_t voted_down;     /* no entry: the entry most of its 👎 votes were on */
    double confidence;
    int n, times;
} proposal;

static void credit(const faq_index *ix, double *score, uint32_t entry, uint32_t refused, double w)
{
    if (entry == UINT32_MAX || w <= 0)
        return;
    faq_entry fe;
    faq_index_entry(ix, entry, &fe);
    if (fe.kind == ENTRY_FAQ && fe.group != refused)
        score[fe.group] += w;
}

/* The translation group's entry in lang, else in the first language that
 * has one. */
static uint32_t group_entry(const faq_index *ix, uint32_t group, uint32_t lang)
{
    uint32_t e = faq_index_group_entry(ix, group, lang);
    for (uint32_t l = 0; e == UINT32_MAX && l < faq_index_lang_count(ix); l++)
        e = faq_index_group_entry(ix, group, l);
    return e;
}

/* Is term (lang's) common: a word opening the questions of
 * CORPUS_STOPS_OPENINGS entries (corpus_stops.h's question words,
 * measured on this FAQ: "serve...?", "is there...?" tell the kind of
 * question, not its topic)? Stop and question words of the packs are no
 * terms here (collect_term). A word in most of the language's entries is
 * not one: it is the FAQ's own subject ("precursores"), and a question
 * naming it asks of it (as outcome.c reads it). */
static int common_term(const review *r, const char *term)
{
    return tallied(r->open_terms, r->open_df, r->n_open, term) >= CORPUS_STOPS_OPENINGS;
}

/* Does an answer's match rest on more than common words: one of the words
 * of its entry the question matched (a->matched) an uncommon term? 1 yes,
 * 0 no, -1 out of memory. */
static int matched_uncommon(review *r, const faq_answer *a)
{
    faq_entry fe;
    faq_index_entry(r->ix, a->best.entry, &fe);
    struct analyzer *an = searcher_analyzer(r->s, fe.lang);
    if (!an)
        return 1;
    term_list l = {0};
    l.ix = r->ix;
    l.lang = fe.lang;
    int rc = 0;
    for (int i = 0; i < a->n_matched && rc == 0; i++)
        if (analyzer_run(an, a->matched[i], a->matched_len[i], collect_term, &l) < 0)
            rc = -1;
    for (int i = 0; i < l.n && rc == 0; i++)
        if (!common_term(r, l.t[i]))
            rc = 1;
    free_terms(&l);
    return rc;
}

/* Each question credits the entries the searcher ranks for it, by its
 * confidence in the best (scaled by score for the others); the group's
 * proposal is the translation group with the most credit, in the group's
 * language when it has it. */
static int propose(review *r, int root, double *score, double threshold, proposal *p)
{
    uint32_t ng = faq_index_group_count(r->ix);
    memset(score, 0, ng * sizeof *score);
    memset(p, 0, sizeof *p);
    p->root = root;
    p->lang = r->q[root].lang;
    /* the questions led to each group, and whether one of them matched its
     * entry on more than common words: a proposal only ever led to on
     * common words ("serve" of "serve la mascherina" under "Serve
     * l'impegnativa?") is none */
    if (!r->led && !(r->led = calloc(ng + 1, sizeof *r->led)))
        return -1;
    memset(r->led, 0, ng * sizeof *r->led);
    for (int i = 0; i < r->n; i++) {
        question *q = &r->q[i];
        if (find(r->q, i) != root)
            continue;
        p->n++;
        p->times += q->times;
        faq_query_opts o = {0};
        o.prev_lang = faq_index_lang_code(r->ix, q->lang);
        o.threshold = 0;
        o.highlight = 1;
        faq_answer a;
        if (searcher_ask(r->s, q->text, strlen(q->text), &o, &a) != 0)
            return -1;
        if (a.best.entry != UINT32_MAX && a.outcome != OUTCOME_SMALLTALK) {
            faq_entry fe;
            faq_index_entry(r->ix, a.best.entry, &fe);
            int u = fe.kind == ENTRY_FAQ ? matched_uncommon(r, &a) : 0;
            if (u < 0)
                return -1;
            if (fe.kind == ENTRY_FAQ)
                r->led[fe.group] |= u ? 2 : 1;
        }
        double best = a.best.score > 0 ? a.best.score : 1;
        credit(r->ix, score, a.best.entry, q->voted_down, a.confidence);
        for (int k = 0; k < a.n_alts; k++)
            credit(r->ix, score, a.alts[k].entry, q->voted_down, a.confidence * a.alts[k].score / best);
    }
    p->voted_down = UINT32_MAX;
    uint32_t top = UINT32_MAX;
    for (uint32_t g = 0; g < ng; g++)
        if (score[g] > 0 && (top == UINT32_MAX || score[g] > score[top]))
            top = g;
    p->entry = UINT32_MAX;
    if (top != UINT32_MAX && score[top] / p->n >= threshold && r->led[top] != 1) {
        p->confidence = score[top] / p->n;
        p->entry = group_entry(r->ix, top, p->lang);
    } else {
        /* no other entry answers them: if an answer was given and voted
         * down, the editor's list is "answered wrongly", with that entry
         * (the one most of the group's votes were on), not "never answered" */
        memset(score, 0, ng * sizeof *score);
        for (int i = 0; i < r->n; i++)
            if (find(r->q, i) == root && r->q[i].voted_down != UINT32_MAX)
                score[r->q[i].voted_down] += r->q[i].times;
        uint32_t v = UINT32_MAX;
        for (uint32_t g = 0; g < ng; g++)
            if (score[g] > 0 && (v == UINT32_MAX || score[g] > score[v]))
                v = g;
        if (v != UINT32_MAX)
            p->voted_down = group_entry(r->ix, v, p->lang);
    }
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    const proposal *x = a, *y = b;
    if (x->entry != y->entry)
        return x->entry < y->entry ? -1 : 1;
    if (x->voted_down != y->voted_down)
        return x->voted_down < y->voted_down ? -1 : 1;
    return x->root - y->root;
}

/* One entry proposed, or none and one voted down: one list for the editor. */
static int same_entry(const proposal *a, const proposal *b)
{
    return a->entry == b->entry &&
           (a->entry != UINT32_MAX || (a->voted_down != UINT32_MAX && a->voted_down == b->voted_down));
}

/* Groups proposed the same entry become one: an editor pastes their
 * questions under one heading. Returns the proposals left. */
static int merge_same_entry(review *r, proposal *p, int n)
{
    qsort(p, (size_t)n, sizeof *p, cmp_entry);
    int out = 0;
    for (int i = 0; i < n; i++) {
        proposal *last = out ? &p[out - 1] : NULL;
        if (last && same_entry(last, &p[i])) {
            last->confidence = (last->confidence * last->n + p[i].confidence * p[i].n) / (last->n + p[i].n);
            last->n += p[i].n;
            last->times += p[i].times;
            r->q[p[i].root].parent = last->root;
            continue;
        }
        p[out++] = p[i];
    }
    return out;
}

static int cmp_proposal(const void *a, const void *b)
{
    const proposal *x = a, *y = b;
    if ((x->entry == UINT32_MAX) != (y->entry == UINT32_MAX))
        return x->entry == UINT32_MAX ? 1 : -1;
    if ((x->voted_down == UINT32_MAX) != (y->voted_down == UINT32_MAX))
        return x->voted_down == UINT32_MAX ? 1 : -1;
    if (x->times != y->times)
        return y->times - x->times;
    return x->root - y->root;
}

typedef struct member {
    int times, at;
    const char *text;
} member;

static int cmp_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    return x->times != y->times ? y->times - x->times : x->at - y->at;
}

/* The group's questions, the most asked first (ties in the logs' order). */
static int report(review *r, const proposal *p, review_fn fn, void *ctx)
{
    member *m = malloc((size_t)p->n * sizeof *m);
    const char **texts = malloc((size_t)p->n * sizeof *texts);
    if (!m || !texts) {
        free(m);
        free(texts);
        return -1;
    }
    int n = 0;
    for (int i = 0; i < r->n && n < p->n; i++)
        if (find(r->q, i) == p->root)
            m[n++] = (member){r->q[i].times, i, r->q[i].text};
    qsort(m, (size_t)n, sizeof *m, cmp_member);
    for (int i = 0; i < n; i++)
        texts[i] = m[i].text;
    review_group g = {p->entry, p->voted_down, p->lang, p->confidence, n, p->times, texts};
    fn(ctx, &g);
    free(m);
    free(texts);
    return 0;
}

static void review_free(review *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->q[i].text);
        free(r->q[i].key);
        for (int k = 0; k < r->q[i].n_terms; k++)
            free(r->q[i].terms[k]);
        free(r->q[i].terms);
    }
    free(r->q);
    free(r->slots);
    for (int i = 0; i < r->n_df; i++)
        free(r->df_terms[i]);
    free(r->df_terms);
    free(r->df);
    for (int i = 0; i < r->n_open; i++)
        free(r->open_terms[i]);
    free(r->open_terms);
    free(r->open_df);
    free(r->lang_entries);
    free(r->led);
    searcher_free(r->s);
}

int review_run(const faq_index *ix, char *const *files, int n_files, double threshold,
               review_fn fn, void *ctx, review_counts *counts, char *err, size_t errlen)
{
    review r = {0};
    r.ix = ix;
    memset(counts, 0, sizeof *counts);
    r.counts = counts;
    r.n_slots = 1;
    while (r.n_slots < 2u * FAQ_REVIEW_MAX_QUESTIONS)
        r.n_slots <<= 1;
    r.s = searcher_new(ix);
    r.slots = malloc(r.n_slots * sizeof *r.slots);
    double *score = calloc(faq_index_group_count(ix) + 1, sizeof *score);
    proposal *props = NULL;
    int rc = -1;
    if (!r.s || !r.slots || !score) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    memset(r.slots, 0xff, r.n_slots * sizeof *r.slots);
    if (build_df(&r) != 0) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (int f = 0; f < n_files; f++)
        if (read_log(&r, files[f], err, errlen) != 0)
            goto done;
    for (int i = 0; i < r.n; i++)
        if (analyse(&r, &r.q[i]) != 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    group(&r);
    int n_props = 0;
    props = calloc((size_t)r.n + 1, sizeof *props);
    if (!props) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (int i = 0; i < r.n; i++) {
        if (find(r.q, i) != i)
            continue;
        if (propose(&r, i, score, threshold, &props[n_props++]) != 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    }
    n_props = merge_same_entry(&r, props, n_props);
    qsort(props, (size_t)n_props, sizeof *props, cmp_proposal);
    for (int i = 0; i < n_props; i++)
        if (report(&r, &props[i], fn, ctx) != 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    rc = n_props;
done:
    free(props);
    free(score);
    review_free(&r);
    return rc;
}

/* eval.c: answer-quality figures from query files (see eval.h). */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"

typedef struct row {
    char lang[8];
    char *query;
    char *expected;          /* id, or NULL for an off-topic question (NONE) */
    faq_answer a;            /* copied parts only: see below */
    char got[128];           /* id answered, "" if declined */
    char got_lang[8];
    int rank;                /* 1-based rank of expected among best + alternatives, 0 if absent */
    int langid_only;         /* a (lang, query) row: only the detected language is judged */
    char query_lang[8];
    int outcome;
    double confidence;
} row;

typedef struct tally {
    char lang[8];
    int in_scope, top1, clarify, declined_in, off, off_declined, answered, in_own_lang;
    double mrr;
} tally;

static int read_rows(char *const *files, int n_files, row **out, size_t *n, char *err, size_t errlen)
{
    size_t cap = 64;
    row *rows = calloc(cap, sizeof *rows);
    *n = 0;
    for (int f = 0; f < n_files && rows; f++) {
        FILE *fp = fopen(files[f], "r");
        if (!fp) {
            snprintf(err, errlen, "%s: cannot read", files[f]);
            free(rows);
            return -1;
        }
        char line[8192];
        unsigned ln = 0;
        while (fgets(line, sizeof line, fp)) {
            ln++;
            line[strcspn(line, "\r\n")] = '\0';
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t1 || (ln == 1 && strncmp(line, "lang\t", 5) == 0))
                continue;
            *t1 = '\0';
            if (t2)
                *t2 = '\0';
            if (*n == cap) {
                row *r = realloc(rows, (cap *= 2) * sizeof *r);
                if (!r)
                    break;
                rows = r;
            }
            row *r = &rows[(*n)++];
            memset(r, 0, sizeof *r);
            snprintf(r->lang, sizeof r->lang, "%.7s", line);
            r->query = strdup(t1 + 1);
            r->langid_only = !t2;
            r->expected = !t2 || strcmp(t2 + 1, "NONE") == 0 ? NULL : strdup(t2 + 1);
        }
        fclose(fp);
    }
    *out = rows;
    return rows ? 0 : -1;
}

static void entry_id(const faq_index *ix, uint32_t e, char *out, size_t cap)
{
    faq_entry fe;
    faq_index_entry(ix, e, &fe);
    snprintf(out, cap, "%.*s", (int)fe.id.len, fe.id.s);
}

static void run_rows(const faq_index *ix, searcher *s, row *rows, size_t n, double threshold)
{
    for (size_t i = 0; i < n; i++) {
        row *r = &rows[i];
        faq_query_opts o = {0};
        o.threshold = threshold;
        faq_answer a;
        searcher_ask(s, r->query, strlen(r->query), &o, &a);
        r->outcome = a.outcome;
        r->confidence = a.confidence;
        snprintf(r->query_lang, sizeof r->query_lang, "%.7s", a.query_lang);
        r->got[0] = r->got_lang[0] = '\0';
        r->rank = 0;
        if (a.best.entry != UINT32_MAX && a.outcome != OUTCOME_DECLINE) {
            entry_id(ix, a.best.entry, r->got, sizeof r->got);
            faq_entry fe;
            faq_index_entry(ix, a.best.entry, &fe);
            snprintf(r->got_lang, sizeof r->got_lang, "%.7s", faq_index_lang_code(ix, fe.lang));
        }
        if (r->expected && a.best.entry != UINT32_MAX) {
            char id[128];
            entry_id(ix, a.best.entry, id, sizeof id);
            if (strcmp(id, r->expected) == 0)
                r->rank = 1;
            for (int k = 0; k < a.n_alts && k < 2 && !r->rank; k++) {
                entry_id(ix, a.alts[k].entry, id, sizeof id);
                if (strcmp(id, r->expected) == 0)
                    r->rank = k + 2;
            }
        }
    }
}

static tally *find_tally(tally *t, int *nt, const char *lang)
{
    for (int i = 0; i < *nt; i++)
        if (strcmp(t[i].lang, lang) == 0)
            return &t[i];
    tally *x = &t[(*nt)++];
    memset(x, 0, sizeof *x);
    snprintf(x->lang, sizeof x->lang, "%.7s", lang);
    return x;
}

static void count(const row *r, tally *t)
{
    if (r->expected) {
        t->in_scope++;
        if ((r->outcome == OUTCOME_ANSWER || r->outcome == OUTCOME_SMALLTALK) && r->rank == 1)
            t->top1++;
        if (r->outcome == OUTCOME_CLARIFY)
            t->clarify++;
        if (r->outcome == OUTCOME_DECLINE)
            t->declined_in++;
        if (r->rank)
            t->mrr += 1.0 / r->rank;
    } else {
        t->off++;
        if (r->outcome == OUTCOME_DECLINE || r->outcome == OUTCOME_SMALLTALK)
            t->off_declined++;
    }
    if (r->got[0] && r->outcome == OUTCOME_ANSWER) {
        t->answered++;
        t->in_own_lang += strcmp(r->got_lang, r->lang) == 0;
    }
}

static double pct(int a, int b) { return b ? 100.0 * a / b : 0; }

static void print_tally(FILE *out, const tally *t)
{
    fprintf(out, "%-5s %5d  %6.1f%%  %6.3f  %6.1f%%  %6.1f%%  %5.1f%%  %6.1f%%\n", t->lang,
            t->in_scope + t->off, pct(t->top1, t->in_scope), t->in_scope ? t->mrr / t->in_scope : 0,
            pct(t->off_declined, t->off), pct(t->declined_in, t->in_scope),
            pct(t->clarify, t->in_scope), pct(t->in_own_lang, t->answered));
}

int eval_run(const faq_index *ix, char *const *files, int n_files, double threshold, int sweep,
             int show_misses, FILE *out, char *err, size_t errlen)
{
    row *rows;
    size_t n;
    if (read_rows(files, n_files, &rows, &n, err, errlen) != 0)
        return -1;
    searcher *s = searcher_new(ix);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (threshold < 0)
        threshold = searcher_default_threshold();
    run_rows(ix, s, rows, n, threshold);
    tally t[64], all;
    int nt = 0;
    memset(&all, 0, sizeof all);
    snprintf(all.lang, sizeof all.lang, "all");
    int lid_n[64] = {0}, lid_ok[64] = {0}, lid_rows = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].langid_only) {
            /* language detection, judged alone on its own rows */
            tally *x = find_tally(t, &nt, rows[i].lang);
            lid_n[x - t]++;
            lid_ok[x - t] += strcmp(rows[i].query_lang, rows[i].lang) == 0;
            lid_rows++;
            continue;
        }
        if (nt < 63 || find_tally(t, &nt, rows[i].lang))
            count(&rows[i], find_tally(t, &nt, rows[i].lang));
        count(&rows[i], &all);
    }
    fprintf(out, "threshold %.2f, %zu questions\n", threshold, n);
    fprintf(out, "lang  rows   top-1     MRR@3  off-topic  false   clarify  own-lang\n");
    fprintf(out, "                               declined   declines          answers\n");
    for (int i = 0; i < nt; i++)
        print_tally(out, &t[i]);
    print_tally(out, &all);
    if (lid_rows) {
        int ok = 0;
        fprintf(out, "\nlanguage detection (lang, query rows):");
        for (int i = 0; i < nt; i++)
            if (lid_n[i]) {
                fprintf(out, " %s %d/%d", t[i].lang, lid_ok[i], lid_n[i]);
                ok += lid_ok[i];
            }
        fprintf(out, "; all %.1f%%\n", pct(ok, lid_rows));
    }
    if (show_misses) {
        int header = 0;
        for (size_t i = 0; i < n; i++) {
            const row *r = &rows[i];
            if (r->langid_only) {
                if (strcmp(r->query_lang, r->lang) != 0)
                    fprintf(out, "  %s\t%s\tdetected as %s\n", r->lang, r->query, r->query_lang);
                continue;
            }
            int ok = r->expected ? ((r->outcome == OUTCOME_ANSWER || r->outcome == OUTCOME_SMALLTALK) && r->rank == 1)
                                 : (r->outcome == OUTCOME_DECLINE || r->outcome == OUTCOME_SMALLTALK);
            if (ok)
                continue;
            if (!header++)
                fprintf(out, "\nmisses (lang, query, expected, got, outcome, confidence):\n");
            static const char *const oc[] = {"answer", "clarify", "decline", "smalltalk"};
            fprintf(out, "  %s\t%s\t%s\t%s\t%s\t%.2f\n", r->lang, r->query,
                    r->expected ? r->expected : "NONE", r->got[0] ? r->got : "-", oc[r->outcome],
                    r->confidence);
        }
    }
    if (sweep) {
        fprintf(out, "\nthreshold  top-1   off-topic declined  false declines\n");
        for (int k = 1; k <= 19; k++) {
            double th = k * 0.05;
            run_rows(ix, s, rows, n, th);
            tally x;
            memset(&x, 0, sizeof x);
            for (size_t i = 0; i < n; i++)
                if (!rows[i].langid_only)
                    count(&rows[i], &x);
            fprintf(out, "  %.2f    %6.1f%%   %6.1f%%             %6.1f%%\n", th, pct(x.top1, x.in_scope),
                    pct(x.off_declined, x.off), pct(x.declined_in, x.in_scope));
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(rows[i].query);
        free(rows[i].expected);
    }
    free(rows);
    searcher_free(s);
    return 0;
}

/* eval.c: answer-quality figures from query files (see eval.h). */
#include "eval.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "decline_model.h"
#include "limits.h"
#include "search.h"
#include "search_params.h"

typedef struct row {
    char lang[8];
    char *query;
    char *expected;          /* id, or NULL for an off-topic question (NONE) */
    char got[FAQ_MAX_ID_BYTES + 1];  /* id answered, "" if declined */
    char leader[FAQ_MAX_ID_BYTES + 1];  /* the entry ranked first, answered or not */
    char got_lang[8];
    int rank;                /* 1-based rank of expected among best + alternatives, 0 if absent */
    int langid_only;         /* a (lang, query) row: only the detected language is judged */
    char query_lang[8];
    int outcome;
    double confidence;
    int leader_right;        /* the leading entry, answered or not, is expected */
    int has_features;
    double features[DF_COUNT];
    char *factors;           /* with explain: the rerank factors of the first two */
} row;

typedef struct tally {
    char lang[8];
    int in_scope, top1, clarify, declined_in, off, off_declined, answered, in_own_lang;
    double mrr;
} tally;

static void free_rows(row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].query);
        free(rows[i].expected);
        free(rows[i].factors);
    }
    free(rows);
}

/* Rows of every file: "lang<TAB>query<TAB>expected" (expected an id or
 * NONE), or "lang<TAB>query" for a language-detection row; a first line
 * starting "lang<TAB>" is a header; lines without a tab are skipped. */
static int read_rows(char *const *files, int n_files, row **out, size_t *n, char *err, size_t errlen)
{
    size_t cap = 64;
    row *rows = calloc(cap, sizeof *rows);
    char *line = NULL;
    size_t line_cap = 0;
    *n = 0;
    if (!rows)
        goto oom;
    for (int f = 0; f < n_files; f++) {
        FILE *fp = fopen(files[f], "r");
        if (!fp) {
            snprintf(err, errlen, "%s: cannot read: %s", files[f], strerror(errno));
            free(line);
            free_rows(rows, *n);
            return -1;
        }
        unsigned ln = 0;
        while (getline(&line, &line_cap, fp) >= 0) {
            ln++;
            line[strcspn(line, "\r\n")] = '\0';
            char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t1 || (ln == 1 && strncmp(line, "lang\t", 5) == 0))
                continue;
            *t1 = '\0';
            if (t2)
                *t2 = '\0';
            if (grow(&rows, &cap, *n + 1, sizeof *rows, 64) != 0) {
                fclose(fp);
                goto oom;
            }
            row *r = &rows[*n];
            memset(r, 0, sizeof *r);
            snprintf(r->lang, sizeof r->lang, "%.7s", line);
            r->query = strdup(t1 + 1);
            r->langid_only = !t2;
            if (t2 && strcmp(t2 + 1, "NONE") != 0)
                r->expected = strdup(t2 + 1);
            ++*n;
            if (!r->query || (t2 && strcmp(t2 + 1, "NONE") != 0 && !r->expected)) {
                fclose(fp);
                goto oom;
            }
        }
        /* a folder opens, and its first read fails: told, not 0 rows */
        int bad = ferror(fp), why = errno;
        fclose(fp);
        if (bad) {
            snprintf(err, errlen, "%s: cannot read: %s", files[f], strerror(why));
            free(line);
            free_rows(rows, *n);
            return -1;
        }
    }
    free(line);
    *out = rows;
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    free(line);
    free_rows(rows, *n);
    return -1;
}

static void entry_id(const faq_index *ix, uint32_t e, char *out, size_t cap)
{
    faq_entry fe;
    faq_index_entry(ix, e, &fe);
    snprintf(out, cap, "%.*s", (int)fe.id.len, fe.id.s);
}

/* "#1 id: retrieval 1.234, focus x2.000, ...", a line for the leader and
 * one for the runner-up, into a new string; NULL when memory runs out. */
static char *factors_text(const faq_index *ix, const searcher *s)
{
    char text[1024], id[FAQ_MAX_ID_BYTES + 1];
    size_t o = 0;
    text[0] = '\0';
    for (int rank = 0; rank < 2; rank++) {
        uint32_t e;
        double before, f[16];
        int n = searcher_factors(s, rank, &e, &before, f, 16);
        if (n < 0 || e == UINT32_MAX)
            continue;
        entry_id(ix, e, id, sizeof id);
        o += (size_t)snprintf(text + o, sizeof text - o, "      #%d %s: retrieval %.3f", rank + 1, id,
                              before);
        for (int k = 0; k < n && o < sizeof text; k++)
            o += (size_t)snprintf(text + o, sizeof text - o, ", %s x%.3f", searcher_feature_name(k),
                                  f[k]);
        if (o < sizeof text)
            o += (size_t)snprintf(text + o, sizeof text - o, "\n");
        if (o >= sizeof text)
            break;
    }
    return strdup(text);
}

/* Asks every row's question; -1 if memory ran out. */
static int run_rows(const faq_index *ix, searcher *s, row *rows, size_t n, double threshold,
                    int explain)
{
    for (size_t i = 0; i < n; i++) {
        row *r = &rows[i];
        faq_query_opts o = {0};
        o.threshold = threshold;
        faq_answer a;
        if (searcher_ask(s, r->query, strlen(r->query), &o, &a) != 0)
            return -1;
        r->outcome = a.outcome;
        r->confidence = a.confidence;
        snprintf(r->query_lang, sizeof r->query_lang, "%.7s", a.query_lang);
        r->got[0] = r->got_lang[0] = r->leader[0] = '\0';
        r->rank = 0;
        if (a.best.entry != UINT32_MAX)
            entry_id(ix, a.best.entry, r->leader, sizeof r->leader);
        if (a.best.entry != UINT32_MAX && a.outcome != OUTCOME_DECLINE) {
            entry_id(ix, a.best.entry, r->got, sizeof r->got);
            faq_entry fe;
            faq_index_entry(ix, a.best.entry, &fe);
            snprintf(r->got_lang, sizeof r->got_lang, "%.7s", faq_index_lang_code(ix, fe.lang));
        }
        r->has_features = a.has_features;
        memcpy(r->features, a.features, sizeof r->features);
        r->leader_right = 0;
        if (r->expected && a.best.entry != UINT32_MAX) {
            char id[FAQ_MAX_ID_BYTES + 1];
            entry_id(ix, a.best.entry, id, sizeof id);
            if (strcmp(id, r->expected) == 0)
                r->rank = r->leader_right = 1;
            for (int k = 0; k < a.n_alts && k < 2 && !r->rank; k++) {
                entry_id(ix, a.alts[k].entry, id, sizeof id);
                if (strcmp(id, r->expected) == 0)
                    r->rank = k + 2;
            }
        }
        if (explain && a.outcome != OUTCOME_SMALLTALK) {
            free(r->factors);
            if (!(r->factors = factors_text(ix, s)))
                return -1;
        }
    }
    return 0;
}

/* The tally of lang, a new one if there is room, else NULL. */
static tally *find_tally(tally *t, int *nt, int max, const char *lang)
{
    for (int i = 0; i < *nt; i++)
        if (strcmp(t[i].lang, lang) == 0)
            return &t[i];
    if (*nt == max)
        return NULL;
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

/* A share in a column of width w ("-" when there is nothing to share). */
static void share(FILE *out, int a, int b, int w)
{
    if (b)
        fprintf(out, "  %*.1f%%", w, pct(a, b));
    else
        fprintf(out, "  %*s ", w, "-");
}

static void print_tally(FILE *out, const tally *t)
{
    fprintf(out, "%-5s %5d", t->lang, t->in_scope + t->off);
    share(out, t->top1, t->in_scope, 6);
    if (t->in_scope)
        fprintf(out, "  %6.3f", t->mrr / t->in_scope);
    else
        fprintf(out, "  %6s", "-");
    share(out, t->off_declined, t->off, 6);
    share(out, t->declined_in, t->in_scope, 6);
    share(out, t->clarify, t->in_scope, 5);
    share(out, t->in_own_lang, t->answered, 6);
    fputc('\n', out);
}

/* The figures of rows in all: top-1, off-topic declined, false declines. */
static tally tally_all(const row *rows, size_t n)
{
    tally x;
    memset(&x, 0, sizeof x);
    for (size_t i = 0; i < n; i++)
        if (!rows[i].langid_only)
            count(&rows[i], &x);
    return x;
}

static int row_ok(const row *r)
{
    int shown = r->outcome == OUTCOME_ANSWER || r->outcome == OUTCOME_SMALLTALK;
    return r->expected ? shown && r->rank == 1
                       : r->outcome == OUTCOME_DECLINE || r->outcome == OUTCOME_SMALLTALK;
}

static void print_misses(FILE *out, const row *rows, size_t n)
{
    static const char *const oc[] = {"answer", "clarify", "decline", "smalltalk"};
    int header = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        if (r->langid_only || row_ok(r))
            continue;
        if (!header++)
            fprintf(out, "\nmisses (lang, query, expected, got or (leader declined), outcome, confidence):\n");
        /* a decline names the leader it declined, in parentheses: a right
         * leader declined is the decline's loss, not the ranking's */
        char got[FAQ_MAX_ID_BYTES + 3];
        if (r->got[0])
            snprintf(got, sizeof got, "%s", r->got);
        else if (r->leader[0] && r->outcome == OUTCOME_DECLINE)
            snprintf(got, sizeof got, "(%s)", r->leader);
        else
            snprintf(got, sizeof got, "-");
        fprintf(out, "  %s\t%s\t%s\t%s\t%s\t%.2f\n", r->lang, r->query,
                r->expected ? r->expected : "NONE", got, oc[r->outcome], r->confidence);
        if (r->factors)
            fputs(r->factors, out);
    }
    header = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        if (strcmp(r->query_lang, r->lang) == 0)
            continue;
        if (!header++)
            fprintf(out, "\nlanguage detection misses (lang, query, detected):\n");
        fprintf(out, "  %s\t%s\t%s\n", r->lang, r->query, r->query_lang);
    }
}

/* The table per language, then all together (the languages past the first
 * FAQ_MAX_LANGS count in "all" only), then language detection. */
static void print_report(FILE *out, const row *rows, size_t n, double threshold)
{
    tally t[FAQ_MAX_LANGS], all;
    int nt = 0;
    memset(&all, 0, sizeof all);
    snprintf(all.lang, sizeof all.lang, "all");
    int lid_n[FAQ_MAX_LANGS] = {0}, lid_ok[FAQ_MAX_LANGS] = {0}, lid_rows = 0, lid_all_ok = 0;
    for (size_t i = 0; i < n; i++) {
        tally *x = find_tally(t, &nt, FAQ_MAX_LANGS, rows[i].lang);
        if (rows[i].langid_only) {
            /* language detection, judged alone on its own rows */
            int right = strcmp(rows[i].query_lang, rows[i].lang) == 0;
            if (x) {
                lid_n[x - t]++;
                lid_ok[x - t] += right;
            }
            lid_rows++;
            lid_all_ok += right;
            continue;
        }
        if (x)
            count(&rows[i], x);
        count(&rows[i], &all);
    }
    fprintf(out, "threshold %.2f, %zu questions\n", threshold, n);
    fprintf(out, "lang  rows   top-1     MRR@3  off-topic  false   clarify  own-lang\n");
    fprintf(out, "                               declined   declines          answers\n");
    for (int i = 0; i < nt; i++)
        print_tally(out, &t[i]);
    print_tally(out, &all);
    /* every row is a language-detection case too */
    int every_ok = 0;
    for (size_t i = 0; i < n; i++)
        every_ok += strcmp(rows[i].query_lang, rows[i].lang) == 0;
    fprintf(out, "\nlanguage id on every row: %d/%zu, %.1f%%\n", every_ok, n, pct(every_ok, (int)n));
    if (lid_rows) {
        fprintf(out, "\nlanguage detection (lang, query rows):");
        for (int i = 0; i < nt; i++)
            if (lid_n[i])
                fprintf(out, " %s %d/%d", t[i].lang, lid_ok[i], lid_n[i]);
        fprintf(out, "; all %.1f%%\n", pct(lid_all_ok, lid_rows));
    }
}

static int print_sweep(FILE *out, const faq_index *ix, searcher *s, row *rows, size_t n)
{
    fprintf(out, "\nthreshold  top-1   off-topic declined  false declines\n");
    for (int k = 1; k <= 19; k++) {
        double th = k * 0.05;
        if (run_rows(ix, s, rows, n, th, 0) != 0)
            return -1;
        tally x = tally_all(rows, n);
        fprintf(out, "  %.2f    %6.1f%%   %6.1f%%             %6.1f%%\n", th,
                pct(x.top1, x.in_scope), pct(x.off_declined, x.off),
                pct(x.declined_in, x.in_scope));
    }
    return 0;
}

/* A figure a / b and its change from base_a / base_b, "-" when b is 0. */
static void figure(FILE *out, int a, int b, int base_a, int base_b, int delta)
{
    if (delta && b)
        fprintf(out, "  %+7.1f", pct(a, b) - pct(base_a, base_b));
    else if (delta)
        fprintf(out, "  %7s", "-");
    else if (b)
        fprintf(out, "  %6.1f%%", pct(a, b));
    else
        fprintf(out, "  %6s ", "-");
}

/* The figures of all rows for each value of one parameter:
 * "name=v1,v2,...". */
static int print_vary(FILE *out, const faq_index *ix, searcher *s, row *rows, size_t n,
                      double threshold, const search_params *p0, const char *spec, char *err,
                      size_t errlen)
{
    char copy[512], *eq = NULL;
    if (strlen(spec) < sizeof copy) {
        snprintf(copy, sizeof copy, "%s", spec);
        eq = strchr(copy, '=');
    }
    if (!eq) {
        snprintf(err, errlen, "--vary takes NAME=V1,V2,...");
        return -2;
    }
    *eq = '\0';
    if (!search_param_find(copy)) {
        snprintf(err, errlen, "no parameter \"%s\"", copy);
        return -2;
    }
    fprintf(out, "\n%-10s top-1   off-topic declined  false declines\n", copy);
    int rc = 0;
    for (char *v = eq + 1, *next; v && rc == 0; v = next) {
        next = strchr(v, ',');
        if (next)
            *next++ = '\0';
        search_params p = *p0;
        if (search_params_set(&p, copy, v, err, errlen) != 0)
            return -2;
        searcher_set_params(s, &p);
        double th = threshold >= 0 ? threshold : p.threshold;
        if (strcmp(copy, "threshold") == 0)
            th = p.threshold;
        if ((rc = run_rows(ix, s, rows, n, th, 0)) == 0) {
            tally x = tally_all(rows, n);
            fprintf(out, "  %-8s %6.1f%%   %6.1f%%             %6.1f%%\n", v,
                    pct(x.top1, x.in_scope), pct(x.off_declined, x.off),
                    pct(x.declined_in, x.in_scope));
        }
    }
    searcher_set_params(s, p0);
    return rc;
}

static void print_ablation_row(FILE *out, const char *name, const tally *x, const tally *base)
{
    fprintf(out, "  %-22s", name);
    for (int delta = 0; delta <= (x != base); delta++) {
        if (delta)
            fputc(' ', out);
        figure(out, x->top1, x->in_scope, base->top1, base->in_scope, delta);
        figure(out, x->off_declined, x->off, base->off_declined, base->off, delta);
        figure(out, x->declined_in, x->in_scope, base->declined_in, base->in_scope, delta);
    }
    fputc('\n', out);
}

/* Per file: the figures with every switch of the parameters on as given,
 * then with each switch that is on turned off in turn, and the change. */
static int print_ablation(FILE *out, const faq_index *ix, searcher *s, char *const *files,
                          int n_files, double threshold, const search_params *p0, char *err,
                          size_t errlen)
{
    for (int f = 0; f < n_files; f++) {
        row *rows;
        size_t n;
        if (read_rows(files + f, 1, &rows, &n, err, errlen) != 0)
            return -1;
        searcher_set_params(s, p0);
        if (run_rows(ix, s, rows, n, threshold, 0) != 0)
            goto oom;
        tally base = tally_all(rows, n);
        fprintf(out, "\nablation: %s (%zu questions)\n", files[f], n);
        if (!base.in_scope && !base.off) {
            fprintf(out, "  (language detection rows only)\n");
            free_rows(rows, n);
            continue;
        }
        fprintf(out, "  %-22s  %7s  %7s  %7s   %7s  %7s  %7s\n", "switched off", "top-1",
                "off-top", "false", "d.top-1", "d.off", "d.false");
        print_ablation_row(out, "(none)", &base, &base);
        for (size_t k = 0; k < search_param_count; k++) {
            const search_param_field *fd = &search_param_fields[k];
            if (strncmp(fd->name, "use_", 4) != 0 || search_param_get(p0, fd) == 0)
                continue;
            search_params p = *p0;
            search_params_set(&p, fd->name, "0", err, errlen);
            searcher_set_params(s, &p);
            if (run_rows(ix, s, rows, n, threshold, 0) != 0)
                goto oom;
            tally x = tally_all(rows, n);
            print_ablation_row(out, fd->name, &x, &base);
        }
        free_rows(rows, n);
        continue;
oom:
        free_rows(rows, n);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    searcher_set_params(s, p0);
    return 0;
}

void eval_list_params(FILE *out)
{
    static const char *const type[] = {"int", "float", "double"};
    for (size_t k = 0; k < search_param_count; k++) {
        const search_param_field *f = &search_param_fields[k];
        char range[64];
        snprintf(range, sizeof range, "%g..%g", f->min, f->max);
        fprintf(out, "%-22s %-6s %-6g %-9s %s\n", f->name, type[f->type], f->def, range, f->reason);
    }
}

/* The parameters that differ from their defaults, so that a report says
 * what it measured. */
static void print_changed_params(FILE *out, const search_params *p)
{
    search_params d;
    search_params_default(&d);
    int n = 0;
    for (size_t k = 0; k < search_param_count; k++) {
        const search_param_field *f = &search_param_fields[k];
        double v = search_param_get(p, f);
        if (v != search_param_get(&d, f))
            fprintf(out, "%s%s=%g (default %g)", n++ ? ", " : "parameters: ", f->name, v,
                    search_param_get(&d, f));
    }
    if (n)
        fputc('\n', out);
}

int eval_run(const faq_index *ix, char *const *files, int n_files, const eval_opts *o, FILE *out,
             char *err, size_t errlen)
{
    row *rows;
    size_t n;
    if (read_rows(files, n_files, &rows, &n, err, errlen) != 0)
        return -1;
    searcher *s = searcher_new(ix);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        free_rows(rows, n);
        return -1;
    }
    search_params p;
    search_params_default(&p);
    if (o->params)
        p = *o->params;
    searcher_set_params(s, &p);
    double threshold = o->threshold >= 0             ? o->threshold
                       : faq_index_threshold(ix) >= 0 ? faq_index_threshold(ix)
                                                      : p.threshold;
    int rc = run_rows(ix, s, rows, n, threshold, o->explain);
    if (rc == 0) {
        print_changed_params(out, &p);
        print_report(out, rows, n, threshold);
        if (o->show_misses)
            print_misses(out, rows, n);
        if (o->sweep)
            rc = print_sweep(out, ix, s, rows, n);
    }
    if (rc == 0 && o->vary)
        rc = print_vary(out, ix, s, rows, n, o->threshold, &p, o->vary, err, errlen);
    if (rc == 0 && o->ablate)
        rc = print_ablation(out, ix, s, files, n_files, threshold, &p, err, errlen);
    else if (rc == -1)
        snprintf(err, errlen, "out of memory");
    free_rows(rows, n);
    searcher_free(s);
    return rc;
}

/* ---- the decline model's features, for eval_fit.h ---- */

int eval_features(const faq_index *ix, char *const *files, int n_files,
                  const search_params *params, FILE *out, char *err, size_t errlen)
{
    row *rows;
    size_t n;
    if (read_rows(files, n_files, &rows, &n, err, errlen) != 0)
        return -1;
    searcher *s = searcher_new(ix);
    if (s && params)
        searcher_set_params(s, params);
    if (!s || run_rows(ix, s, rows, n, -1, 0) != 0) {
        snprintf(err, errlen, "out of memory");
        searcher_free(s);
        free_rows(rows, n);
        return -1;
    }
    fprintf(out, "#lang\tin_scope\tleader_right\tfixed\tanswered\tleader");
    for (int f = 0; f < DF_COUNT; f++)
        fprintf(out, "\t%s", decline_feature_name[f]);
    fputc('\n', out);
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        if (r->langid_only)
            continue;
        /* small talk is decided before the model: its outcome is fixed */
        int fixed = r->outcome == OUTCOME_SMALLTALK;
        int answered = r->outcome == OUTCOME_ANSWER || r->outcome == OUTCOME_SMALLTALK ||
                       r->outcome == OUTCOME_CLARIFY;
        fprintf(out, "%s\t%d\t%d\t%d\t%d\t%d", r->lang, r->expected != NULL, r->leader_right,
                fixed, answered, r->has_features);
        for (int f = 0; f < DF_COUNT; f++)
            fprintf(out, "\t%.6f", r->has_features ? r->features[f] : 0.0);
        fputc('\n', out);
    }
    searcher_free(s);
    free_rows(rows, n);
    return 0;
}

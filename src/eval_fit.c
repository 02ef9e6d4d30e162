/* eval_fit.c: the decline model fitted to features files (see eval_fit.h). */
#include "eval_fit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "decline_model.h"

static double pct(int a, int b) { return b ? 100.0 * a / b : 0; }

typedef struct frow {
    int corpus, in_scope, right, fixed, answered, leader;
    double x[DF_COUNT];
} frow;

#define FIT_L2 0.01          /* the fit's penalty on the weights, shared by the corpora */
#define FIT_THRESHOLD 0.5    /* the probability at which the model alone answers */

static int read_frows(char *const *files, int n_files, frow **out, size_t *n_out, char *err,
                      size_t errlen)
{
    frow *v = NULL;
    size_t n = 0, cap = 0;
    for (int fi = 0; fi < n_files; fi++) {
        FILE *f = fopen(files[fi], "r");
        if (!f) {
            snprintf(err, errlen, "%s: cannot read: %s", files[fi], strerror(errno));
            free(v);
            return -1;
        }
        char line[4096];
        unsigned ln = 0;
        size_t first = n;
        while (fgets(line, sizeof line, f)) {
            ln++;
            if (line[0] == '#' || line[0] == '\n')
                continue;
            if (grow(&v, &cap, n + 1, sizeof *v, 1024) != 0) {
                fclose(f);
                free(v);
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            frow *r = &v[n];
            memset(r, 0, sizeof *r);
            r->corpus = fi;
            char *p = strchr(line, '\t');
            int ok = p && sscanf(p, "%d %d %d %d %d", &r->in_scope, &r->right, &r->fixed,
                                 &r->answered, &r->leader) == 5;
            for (int k = 0; ok && k < 5; k++)
                ok = (p = strchr(p + 1, '\t')) != NULL;
            for (int k = 0; ok && k < DF_COUNT; k++) {
                char *end;
                r->x[k] = strtod(p + 1, &end);
                ok = end != p + 1;
                p = end;
            }
            if (!ok) {
                snprintf(err, errlen, "%s:%u: not a features file (faqbot eval --features)", files[fi], ln);
                fclose(f);
                free(v);
                return -1;
            }
            n++;
        }
        /* a folder opens, and its first read fails: told, not fitted on
         * no rows as if it were an empty file */
        int bad = ferror(f), why = errno;
        fclose(f);
        if (bad || n == first) {
            if (bad)
                snprintf(err, errlen, "%s: cannot read: %s", files[fi], strerror(why));
            else
                snprintf(err, errlen, "%s: no rows (faqbot eval --features writes them)", files[fi]);
            free(v);
            return -1;
        }
    }
    *out = v;
    *n_out = n;
    return 0;
}

/* What the model learns to tell: a question the FAQ answers from one it
 * does not (the ranking's misses are left to the ranking) */
static int label(const frow *r) { return r->in_scope; }

/* Fits on the rows of every corpus but skip (-1: all), each corpus weighing
 * the same whatever its size. */
static int fit_on(const frow *v, size_t n, int n_corpora, int skip, const int *use,
                  const decline_model *held, decline_model *m)
{
    double *x = malloc(n * DF_COUNT * sizeof *x), *wt = malloc(n * sizeof *wt);
    int *y = malloc(n * sizeof *y);
    size_t per[256][2] = {{0}}, k = 0;
    int rc = -1;
    if (!x || !wt || !y)
        goto done;
    for (size_t i = 0; i < n; i++)
        if (v[i].corpus < 256 && !v[i].fixed && v[i].leader)
            per[v[i].corpus][label(&v[i])]++;
    for (size_t i = 0; i < n; i++) {
        if (v[i].corpus == skip || v[i].fixed || !v[i].leader)
            continue;
        memcpy(x + k * DF_COUNT, v[i].x, sizeof v[i].x);
        y[k] = label(&v[i]);
        wt[k] = 1.0 / (double)per[v[i].corpus][y[k]];
        k++;
    }
    /* first the features fitted with the bias, then those fitted after
     * them with the rest held (use[f] 2) */
    int first[DF_COUNT], after[DF_COUNT], any_after = 0;
    for (int f = 0; f < DF_COUNT; f++) {
        first[f] = !use || use[f] == 1;
        after[f] = use && use[f] == 2;
        any_after |= after[f];
    }
    if (held)
        *m = *held;
    rc = held ? 0 : decline_fit(x, y, wt, k, FIT_L2 / n_corpora, first, m);
    if (rc == 0 && any_after)
        rc = decline_fit_after(x, y, wt, k, FIT_L2 / n_corpora, after, m);
done:
    free(x);
    free(wt);
    free(y);
    return rc;
}

typedef struct fscore {
    int in_scope, top1, declined_in, off, off_declined, ranked;
} fscore;

/* Corpus c's figures with model m (NULL: as the run that wrote the file),
 * alone or, with_cover, beside the coverage rule as search.c decides. */
static fscore score_on(const frow *v, size_t n, int c, const decline_model *m, int with_cover)
{
    fscore t = {0};
    for (size_t i = 0; i < n; i++) {
        const frow *r = &v[i];
        if (r->corpus != c)
            continue;
        double conf = !r->leader || !m ? 0
                      : with_cover ? decline_confidence(m, r->x, DECLINE_COVER_FLOOR)
                                   : decline_prob(m, r->x);
        int answered = r->fixed || !m ? r->answered
                                      : conf >= (with_cover ? DECLINE_THRESHOLD : FIT_THRESHOLD);
        if (r->in_scope) {
            t.in_scope++;
            t.ranked += r->right;
            t.top1 += answered && r->right;
            t.declined_in += !answered;
        } else {
            t.off++;
            t.off_declined += !answered;
        }
    }
    return t;
}

static void print_model(FILE *out, const char *what, const decline_model *m)
{
    fprintf(out, "%s: bias %.3f", what, m->bias);
    for (int f = 0; f < DF_COUNT; f++)
        fprintf(out, ", %s %.3f", decline_feature_name[f], m->w[f]);
    fputc('\n', out);
}

/* The model as search parameters ("name = value" lines, search_params.h). */
static void print_params(FILE *out, const decline_model *m)
{
    fprintf(out, "decline_bias = %.3f\n", m->bias);
    for (int f = 0; f < DF_COUNT; f++)
        fprintf(out, "decline_%s = %.3f\n", decline_feature_name[f], m->w[f]);
}

static void print_score(FILE *out, const char *name, const char *what, fscore t)
{
    fprintf(out, "%-24.24s %-14s %6.1f%%  %6.1f%%  %6.1f%%  %6.1f%%\n", name, what,
            pct(t.top1, t.in_scope), pct(t.declined_in, t.in_scope), pct(t.off_declined, t.off),
            pct(t.ranked, t.in_scope));
}

int eval_fit(char *const *files, int n_files, const int *use, const decline_model *held,
             FILE *out, char *err, size_t errlen)
{
    if (n_files > 256) {
        snprintf(err, errlen, "at most 256 features files");
        return -1;
    }
    frow *v;
    size_t n;
    if (read_frows(files, n_files, &v, &n, err, errlen) != 0)
        return -1;
    decline_model all;
    if (fit_on(v, n, n_files, -1, use, held, &all) != 0) {
        snprintf(err, errlen, "the fit failed (singular system)");
        free(v);
        return -1;
    }
    print_model(out, "fit on all", &all);
    fprintf(out, "\nas parameters:\n");
    print_params(out, &all);
    fprintf(out, "\n%-24s %-14s %7s  %7s  %7s  %7s\n", "corpus", "decision", "top-1", "false",
            "off-top", "ranked");
    fprintf(out, "%-24s %-14s %7s  %7s  %7s  %7s\n", "", "", "", "declines", "declined", "first");
    for (int c = 0; c < n_files; c++) {
        const char *name = strrchr(files[c], '/') ? strrchr(files[c], '/') + 1 : files[c];
        print_score(out, name, "as run", score_on(v, n, c, NULL, 0));
        print_score(out, name, "model, all", score_on(v, n, c, &all, 0));
        decline_model loco;
        int lo = n_files > 1 && fit_on(v, n, n_files - 1, c, use, held, &loco) == 0;
        if (lo)
            print_score(out, name, "model, LOCO", score_on(v, n, c, &loco, 0));
        print_score(out, name, "+cover, all", score_on(v, n, c, &all, 1));
        if (lo)
            print_score(out, name, "+cover, LOCO", score_on(v, n, c, &loco, 1));
    }
    for (int c = 0; c < n_files && n_files > 1; c++) {
        decline_model loco;
        if (fit_on(v, n, n_files - 1, c, use, held, &loco) == 0) {
            char what[300];
            snprintf(what, sizeof what, "without %s", files[c]);
            print_model(out, what, &loco);
        }
    }
    free(v);
    return 0;
}

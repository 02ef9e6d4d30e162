/* latency.c: in-process query latency of faqbot on an index and a query file,
 * for `make bench`: every query is timed alone, after one warm-up pass. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "index_read.h"
#include "search.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: latency INDEX QUERIES [--column N] [--repeat N] [--no-typos] [--topk]\n");
        return 1;
    }
    int column = 0, repeat = 1, no_typos = 0, topk = 0;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--column") && i + 1 < argc) column = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-typos")) no_typos = 1;
        else if (!strcmp(argv[i], "--topk")) topk = 1;
    }
    char err[512];
    double t0 = now_us();
    faq_index *ix;
    if (faq_index_open(argv[1], &ix, err, sizeof err) != FAQ_INDEX_OK) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    double t_map = now_us() - t0;
    searcher *s = searcher_new(ix);
    double t_open = now_us() - t0;
    FILE *f = fopen(argv[2], "r");
    if (!s || !f) {
        fprintf(stderr, "cannot start\n");
        return 2;
    }
    size_t cap = 1024, n = 0;
    char **qs = malloc(cap * sizeof *qs);
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *q = line;
        for (int c = 0; c < column && q; c++) {   /* TSV: take column N */
            q = strchr(q, '\t');
            if (q) q++;
        }
        if (!q)
            continue;
        char *tab = strchr(q, '\t');
        if (tab) *tab = '\0';
        /* the header's column, cut at its tab first: compared whole
         * ("query\texpected"), it was timed as the first question */
        if (!*q || (column && n == 0 && !strcmp(q, "query")))
            continue;
        if (n == cap) qs = realloc(qs, (cap *= 2) * sizeof *qs);
        qs[n++] = strdup(q);
    }
    fclose(f);
    faq_query_opts o = {0};
    o.threshold = -1;
    o.no_typos = no_typos;
    faq_answer a;
    faq_hit hits[10];
    /* first answer after open: what a freshly started server pays */
    double t1 = now_us();
    if (n) searcher_ask(s, qs[0], strlen(qs[0]), &o, &a);
    double t_first = now_us() - t1 + t_open;
    for (size_t i = 0; i < n; i++)      /* warm-up */
        searcher_ask(s, qs[i], strlen(qs[i]), &o, &a);
    double *lat = malloc((n * (size_t)repeat + 1) * sizeof *lat);
    size_t m = 0;
    double total0 = now_us();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < n; i++) {
            double a0 = now_us();
            if (topk) searcher_topk(s, qs[i], strlen(qs[i]), &o, hits, 10);
            else searcher_ask(s, qs[i], strlen(qs[i]), &o, &a);
            lat[m++] = now_us() - a0;
        }
    double total = now_us() - total0;
    qsort(lat, m, sizeof *lat, cmp_double);
    /* the first answer's time cut in three: opening the file, making the
     * searcher, the first question */
    searcher_free(s);
    faq_index_close(ix);
    /* the same again in this process: what a server pays when an index is
     * swapped in, the dictionaries and thesauri the first question loaded
     * kept by the process (lemma.h, thesaurus.h), the index's pages in the
     * page cache */
    double r0 = now_us();
    if (faq_index_open(argv[1], &ix, err, sizeof err) != FAQ_INDEX_OK || !(s = searcher_new(ix))) {
        fprintf(stderr, "cannot open again\n");
        return 2;
    }
    double r_open = now_us() - r0;
    if (n) searcher_ask(s, qs[0], strlen(qs[0]), &o, &a);
    double r_first = now_us() - r0;
    printf("queries=%zu median_us=%.1f p99_us=%.1f mean_us=%.1f qps=%.0f open_to_first_answer_ms=%.2f"
           " open_ms=%.2f searcher_ms=%.2f first_ask_ms=%.2f reopen_to_first_answer_ms=%.2f"
           " reopen_searcher_ms=%.2f reopen_first_ask_ms=%.2f\n",
           m, m ? lat[m / 2] : 0, m ? lat[m * 99 / 100] : 0, m ? total / m : 0,
           total > 0 ? m / (total / 1e6) : 0, t_first / 1e3, t_map / 1e3, (t_open - t_map) / 1e3,
           (t_first - t_open) / 1e3, r_first / 1e3, r_open / 1e3, (r_first - r_open) / 1e3);
    for (size_t i = 0; i < n; i++) free(qs[i]);
    free(qs);
    free(lat);
    searcher_free(s);
    faq_index_close(ix);
    return 0;
}

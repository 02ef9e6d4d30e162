/* faqbot_bench.c: faqbot's side of the peer comparison, timed exactly as the
 * Xapian and FTS5 drivers are: searcher_topk() for the top 10 of each query,
 * with the language detected (as a user's question would be) and typo
 * tolerance on (faqbot's default). The index is built by the real binary
 * (`faqbot index`), so this driver only queries.
 *   faqbot_bench query INDEX QUERIES_FILE [--top1 OUT]
 *       queries=N qps=X median_us=Y p99_us=Z peak_rss_kb=W
 *   faqbot_bench answer INDEX QUERIES_FILE [--top1 OUT]
 *       the whole answer instead: what `faqbot ask --json` does for a
 *       question (searcher_ask with highlighting, then the answer object's
 *       JSON text), against the peers' search plus stored-document fetch
 *   FAQBOT_BENCH_SET="NAME=V ..." sets ranking parameters first (as
 *       --set does), to measure a setting's cost with the same binary
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_json.h"
#include "index_read.h"
#include "search.h"
#include "search_model.h"
#include "search_params.h"
#include "timing.h"

static void search(void *ctx, const char *q, size_t len, char *top1)
{
    searcher *s = ctx;
    const faq_index *ix = searcher_index(s);
    faq_query_opts opts = {0};
    opts.lang = NULL;      /* detect, as for a user's question */
    opts.threshold = -1;   /* the default; topk makes no decision anyway */
    faq_hit hits[10];
    int n = searcher_topk(s, q, len, &opts, hits, 10);
    for (int i = 0; i < n; i++) {   /* fetch all 10 ids, as the peers do */
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        if (i == 0)
            set_top1(top1, e.id.s, e.id.len);
    }
}

static size_t answered_bytes;   /* so the JSON is not optimised away */

static void answer(void *ctx, const char *q, size_t len, char *top1)
{
    searcher *s = ctx;
    const faq_index *ix = searcher_index(s);
    faq_query_opts opts = {0};
    opts.threshold = -1;
    opts.highlight = 1;    /* as ask --json: the object lists the matched words */
    faq_answer a;
    if (searcher_ask(s, q, len, &opts, &a) != 0)
        return;
    size_t n = 0;
    char *text = answer_json_text(ix, q, len, &a, 0, &n);
    answered_bytes += n;
    free(text);
    if (a.best.entry != UINT32_MAX) {
        faq_entry e;
        faq_index_entry(ix, a.best.entry, &e);
        set_top1(top1, e.id.s, e.id.len);
    }
}

/* The settings of FAQBOT_BENCH_SET, each "NAME=V", space-separated. */
static int set_params(searcher *s)
{
    const char *env = getenv("FAQBOT_BENCH_SET");
    if (!env || !*env)
        return 0;
    search_params p = *searcher_params(s);
    char *list = strdup(env);
    if (!list)
        return -1;
    int rc = 0;
    for (char *save = NULL, *it = strtok_r(list, " ", &save); it && !rc;
         it = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(it, '=');
        char err[256];
        if (!eq) {
            fprintf(stderr, "faqbot_bench: FAQBOT_BENCH_SET: \"%s\" is not NAME=V\n", it);
            rc = -1;
            break;
        }
        *eq = 0;
        if (search_params_set(&p, it, eq + 1, err, sizeof err) != 0) {
            fprintf(stderr, "faqbot_bench: %s\n", err);
            rc = -1;
        }
    }
    free(list);
    if (!rc)
        searcher_set_params(s, &p);
    return rc;
}

int main(int argc, char **argv)
{
    int whole = argc >= 4 && !strcmp(argv[1], "answer");
    if (!((argc == 4 || (argc == 6 && !strcmp(argv[4], "--top1"))) && (whole || !strcmp(argv[1], "query")))) {
        fprintf(stderr, "usage: faqbot_bench query|answer INDEX QUERIES_FILE [--top1 OUT]\n");
        return 1;
    }
    char err[512];
    faq_index *ix;
    if (faq_index_open(argv[2], &ix, err, sizeof err) != FAQ_INDEX_OK) {
        fprintf(stderr, "faqbot_bench: %s\n", err);
        return 2;
    }
    /* as the server is when it listens: its dictionaries opened before
     * the first question (index_live.c), not by one of the timed ones */
    search_model *m = search_model_new(ix);
    searcher *s = m ? searcher_new_shared(m) : NULL;
    if (!s) {
        fprintf(stderr, "faqbot_bench: out of memory\n");
        search_model_free(m);
        faq_index_close(ix);
        return 2;
    }
    if (set_params(s) != 0) {
        searcher_free(s);
        search_model_free(m);
        faq_index_close(ix);
        return 1;
    }
    if (search_model_warm(m, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot_bench: %s\n", err);
        searcher_free(s);
        search_model_free(m);
        faq_index_close(ix);
        return 2;
    }
    int rc = run_queries(argv[3], argc == 6 ? argv[5] : NULL, whole ? answer : search, s);
    searcher_free(s);
    search_model_free(m);
    faq_index_close(ix);
    return rc ? 2 : 0;
}

/* fts5_bench.c: SQLite FTS5 as a peer of faqbot: one row per FAQ entry in
 * an FTS5 table (id UNINDEXED, question, answer) with the unicode61
 * tokenizer, diacritics removed; ranked by bm25() with the question column
 * weighted 3 and the answer 1, top 10.
 *   fts5_bench index CORPUS_DIR DB_PATH
 *       build_seconds=X size_bytes=Y peak_rss_kb=Z entries=N
 *   fts5_bench query DB_PATH QUERIES_FILE [--top1 OUT]
 *       queries=N qps=X median_us=Y p99_us=Z peak_rss_kb=W
 *   fts5_bench answer DB_PATH QUERIES_FILE [--top1 OUT]
 *       the same, and the first row's stored question and answer read
 *       too: the whole answer a user waits for
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "faq_md.h"
#include "timing.h"

#define MATCH_CAP 16384   /* bytes of a MATCH expression; faqbot's questions are <= 4000 */

typedef struct indexer {
    sqlite3_stmt *ins;
    long n;
    int failed;
} indexer;

static void add(void *ctx, const md_entry *e)
{
    indexer *ix = ctx;
    sqlite3_bind_text(ix->ins, 1, e->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ix->ins, 2, e->question, -1, SQLITE_STATIC);
    sqlite3_bind_text(ix->ins, 3, e->answer, -1, SQLITE_STATIC);
    if (sqlite3_step(ix->ins) != SQLITE_DONE)
        ix->failed = 1;
    sqlite3_reset(ix->ins);
    ix->n++;
}

static int exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    fprintf(stderr, "fts5_bench: %s: %s\n", sql, msg ? msg : "?");
    sqlite3_free(msg);
    return -1;
}

static int cmd_index(const char *corpus, const char *path)
{
    double t0 = now_us();
    unlink(path);
    sqlite3 *db;
    indexer ix = {NULL, 0, 0};
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fprintf(stderr, "fts5_bench: %s: %s\n", path, sqlite3_errmsg(db));
        return 2;
    }
    /* a bulk load of a throw-away file: no journal, no fsync, one transaction */
    if (exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                 "CREATE VIRTUAL TABLE faq USING fts5(id UNINDEXED, question, answer,"
                 " tokenize='unicode61 remove_diacritics 2');"
                 "BEGIN") != 0 ||
        sqlite3_prepare_v2(db, "INSERT INTO faq(id, question, answer) VALUES (?, ?, ?)", -1, &ix.ins,
                           NULL) != SQLITE_OK)
        return 2;
    size_t files = md_corpus(corpus, add, &ix);
    sqlite3_finalize(ix.ins);
    /* 'optimize' merges the segments into one b-tree: the form a static FAQ
     * index would be shipped in, and the fastest to query */
    if (ix.failed || files == 0 || exec(db, "COMMIT; INSERT INTO faq(faq) VALUES('optimize')") != 0) {
        fprintf(stderr, "fts5_bench: %s\n", files ? "an insert failed" : "no corpus files");
        return 2;
    }
    sqlite3_close(db);
    double secs = (now_us() - t0) / 1e6;
    struct stat st;
    if (stat(path, &st) != 0)
        return 2;
    printf("build_seconds=%.3f size_bytes=%lld peak_rss_kb=%ld entries=%ld\n", secs,
           (long long)st.st_size, peak_rss_kb(), ix.n);
    return 0;
}

/* Whether code point c is part of a word for unicode61 (letters and digits):
 * an approximation good for Latin scripts, which is all the corpora hold.
 * Getting one wrong is harmless: a quoted string with no token in it
 * matches nothing, and OR goes on with the others. */
static int word_cp(unsigned c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (c < 0xC0)   /* Latin-1 punctuation and signs: ¿ ¡ « » ° ... but ª º */
        return c == 0xAA || c == 0xBA;
    if (c == 0xD7 || c == 0xF7)   /* × ÷ */
        return 0;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);   /* — “ ” … → */
}

/* Decodes the UTF-8 sequence at p (of its first byte's length, or 1 when
 * broken) into *c; returns its length. */
static size_t utf8_next(const unsigned char *p, unsigned *c)
{
    size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
    *c = n == 1 ? p[0] : p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *c = 0xFFFD;
            return i;
        }
        *c = (*c << 6) | (p[i] & 0x3F);
    }
    return n;
}

/* The query's words, each double-quoted, joined by OR: user text never
 * reaches FTS5's query syntax (a '"', '-', '*' or "NOT" in it is just text).
 * Returns 0 when the query has no word. */
static size_t match_expr(const char *q, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)q, *end = p + len;
    size_t o = 0;
    while (p < end) {
        unsigned c;
        size_t k = utf8_next(p, &c);
        if (!word_cp(c)) {
            p += k;
            continue;
        }
        const unsigned char *w = p;
        while (p < end && (k = utf8_next(p, &c), word_cp(c)))
            p += k;
        size_t wn = (size_t)(p - w);
        if (o + wn + 7 >= cap)   /* ' OR ' + two quotes + NUL */
            break;
        if (o) {
            memcpy(out + o, " OR ", 4);
            o += 4;
        }
        out[o++] = '"';
        memcpy(out + o, w, wn);
        o += wn;
        out[o++] = '"';
    }
    out[o] = '\0';
    return o;
}

typedef struct querier {
    sqlite3_stmt *st;
    int fetch;          /* answer mode: the first row's texts too */
    size_t fetched;     /* their bytes, so the reads are not optimised away */
} querier;

static void search(void *ctx, const char *q, size_t len, char *top1)
{
    querier *qr = ctx;
    sqlite3_stmt *st = qr->st;
    char expr[MATCH_CAP];
    if (match_expr(q, len, expr, sizeof expr) == 0)
        return;
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    for (int i = 0; sqlite3_step(st) == SQLITE_ROW; i++) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        int n = sqlite3_column_bytes(st, 0);
        if (i == 0 && id)
            set_top1(top1, id, (size_t)n);
        if (i == 0 && qr->fetch) {
            sqlite3_column_text(st, 1);
            sqlite3_column_text(st, 2);
            qr->fetched += (size_t)sqlite3_column_bytes(st, 1) + (size_t)sqlite3_column_bytes(st, 2);
        }
    }
    sqlite3_reset(st);
}

static int cmd_query(const char *path, const char *queries, const char *top1, int fetch)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, fetch ? "SELECT id, question, answer FROM faq WHERE faq MATCH ? ORDER BY bm25(faq, 0, 3.0, 1.0) LIMIT 10"
                              : "SELECT id FROM faq WHERE faq MATCH ? ORDER BY bm25(faq, 0, 3.0, 1.0) LIMIT 10",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_bench: %s: %s\n", path, sqlite3_errmsg(db));
        return 2;
    }
    querier qr = {st, fetch, 0};
    int rc = run_queries(queries, top1, search, &qr);
    if (fetch && !qr.fetched)
        fprintf(stderr, "fts5_bench: no answer text fetched\n");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc ? 2 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "index"))
        return cmd_index(argv[2], argv[3]);
    int fetch = argc >= 4 && !strcmp(argv[1], "answer");
    if ((argc == 4 || (argc == 6 && !strcmp(argv[4], "--top1"))) && (fetch || !strcmp(argv[1], "query")))
        return cmd_query(argv[2], argv[3], argc == 6 ? argv[5] : NULL, fetch);
    fprintf(stderr, "usage: fts5_bench index CORPUS_DIR DB_PATH\n"
                    "       fts5_bench query|answer DB_PATH QUERIES_FILE [--top1 OUT]\n");
    return 1;
}

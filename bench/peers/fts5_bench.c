/* fts5_bench.c: SQLite FTS5 as a peer: entries in an FTS5 table with the
 * unicode61 tokenizer (diacritics removed), ranked by bm25() with the
 * question column weighted 3, top 10.
 *   fts5_bench index CORPUS_DIR DB     prints build_seconds, size, peak RSS
 *   fts5_bench query DB QUERIES [--top1 OUT]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "faq_md.h"
#include "timing.h"

static sqlite3_stmt *ins;
static long n_entries;

static void add(void *ctx, const md_entry *e)
{
    (void)ctx;
    sqlite3_bind_text(ins, 1, e->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, e->question, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, e->answer, -1, SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    n_entries++;
}

/* The query's words, each quoted, joined by OR: no FTS5 syntax gets through. */
static void match_expr(const char *q, char *out, size_t cap)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)q;
    while (*p) {
        while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            p++;
        if (!*p)
            break;
        const unsigned char *s = p;
        while (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            p++;
        /* skip punctuation that is UTF-8 but not a letter: ¿ ¡ « » */
        size_t n = (size_t)(p - s);
        if ((n == 2 && s[0] == 0xC2) || n == 0)
            continue;
        if (o + n + 8 >= cap)
            break;
        if (o)
            o += (size_t)snprintf(out + o, cap - o, " OR ");
        out[o++] = '"';
        memcpy(out + o, s, n);
        o += n;
        out[o++] = '"';
    }
    out[o] = '\0';
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "index") == 0) {
        unlink(argv[3]);
        sqlite3 *db;
        double t0 = now_us();
        sqlite3_open(argv[3], &db);
        sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                         "CREATE VIRTUAL TABLE faq USING fts5(id UNINDEXED, question, answer,"
                         " tokenize='unicode61 remove_diacritics 2');", 0, 0, 0);
        sqlite3_exec(db, "BEGIN", 0, 0, 0);
        sqlite3_prepare_v2(db, "INSERT INTO faq(id, question, answer) VALUES (?, ?, ?)", -1, &ins, 0);
        md_corpus(argv[2], add, NULL);
        sqlite3_finalize(ins);
        sqlite3_exec(db, "COMMIT", 0, 0, 0);
        sqlite3_exec(db, "INSERT INTO faq(faq) VALUES('optimize')", 0, 0, 0);
        sqlite3_close(db);
        double secs = (now_us() - t0) / 1e6;
        struct stat st;
        stat(argv[3], &st);
        printf("build_seconds=%.3f size_bytes=%lld peak_rss_kb=%ld entries=%ld\n", secs,
               (long long)st.st_size, peak_rss_kb(), n_entries);
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "query") == 0) {
        sqlite3 *db;
        if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK)
            return 2;
        sqlite3_stmt *q;
        sqlite3_prepare_v2(db, "SELECT id FROM faq WHERE faq MATCH ? ORDER BY bm25(faq, 0.0, 3.0, 1.0) LIMIT 10",
                           -1, &q, 0);
        FILE *f = fopen(argv[3], "r"), *top1 = NULL;
        if (argc >= 6 && strcmp(argv[4], "--top1") == 0)
            top1 = fopen(argv[5], "w");
        static char lines[20000][512];
        size_t n = 0;
        while (n < 20000 && fgets(lines[n], sizeof lines[n], f)) {
            lines[n][strcspn(lines[n], "\r\n")] = '\0';
            n++;
        }
        fclose(f);
        double *lat = (double *)malloc((n + 1) * sizeof *lat);
        for (int pass = 0; pass < 2; pass++) {   /* the first pass warms up */
            double total0 = now_us();
            size_t m = 0;
            for (size_t i = 0; i < n; i++) {
                if (pass == 0 && i >= 200)
                    break;
                double t0 = now_us();
                char expr[4096];
                match_expr(lines[i], expr, sizeof expr);
                const char *first = NULL;
                char firstbuf[256] = "";
                if (expr[0]) {
                    sqlite3_bind_text(q, 1, expr, -1, SQLITE_STATIC);
                    while (sqlite3_step(q) == SQLITE_ROW)
                        if (!first) {
                            snprintf(firstbuf, sizeof firstbuf, "%s", (const char *)sqlite3_column_text(q, 0));
                            first = firstbuf;
                        }
                    sqlite3_reset(q);
                }
                lat[m++] = now_us() - t0;
                if (pass == 1 && top1)
                    fprintf(top1, "%s\n", first ? first : "NONE");
            }
            if (pass == 1)
                report(lat, m, now_us() - total0);
        }
        if (top1)
            fclose(top1);
        sqlite3_finalize(q);
        sqlite3_close(db);
        return 0;
    }
    fprintf(stderr, "usage: fts5_bench index CORPUS DB | query DB QUERIES [--top1 OUT]\n");
    return 1;
}

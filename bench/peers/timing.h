/* timing.h: the measurement loop every driver shares, so that the three
 * engines are timed the same way and print the same line.
 *
 * Header-only (static functions, valid C and C++). A driver supplies one
 * search function; run_queries() reads the queries, runs a warm-up pass over
 * the first WARMUP of them, then times each query once, single thread.
 */
#ifndef PEER_TIMING_H
#define PEER_TIMING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define WARMUP 200
#define TOP1_CAP 256   /* longest id kept for --top1 (faqbot's limit is 128) */

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The thread's CPU time: a query's time on a machine shared with other
 * work, which the wall clock counts while the query waits (PEER_CLOCK=cpu). */
static double cpu_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;   /* kilobytes on Linux */
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One query: parse, search, fetch the ids of the top 10, and copy the first
 * (NUL-terminated, at most TOP1_CAP bytes) to top1, or leave it empty when
 * nothing matched. Everything it does is inside the timed interval. */
typedef void (*search_fn)(void *ctx, const char *q, size_t len, char *top1);

/* Every line of the queries file, kept in memory so reading it is not timed.
 * Returns the count; *out and its strings are freed by the caller. */
static size_t read_lines(const char *path, char ***out)
{
    FILE *f = fopen(path, "r");
    char **v = NULL, *line = NULL;
    size_t n = 0, cap = 0, lcap = 0;
    ssize_t got;
    while (f && (got = getline(&line, &lcap, f)) >= 0) {
        line[strcspn(line, "\r\n")] = '\0';
        if (n == cap)
            v = (char **)realloc(v, (cap = cap ? cap * 2 : 1024) * sizeof *v);
        v[n++] = strdup(line);
    }
    free(line);
    if (f)
        fclose(f);
    *out = v;
    return f ? n : (size_t)-1;
}

/* Runs the queries of queries_path through fn and prints
 * "queries=N qps=X median_us=Y p99_us=Z peak_rss_kb=W wall_qps=A cpu_qps=B";
 * qps, the median and p99 by the clock PEER_CLOCK names (each query timed
 * alone), wall_qps and cpu_qps by both clocks read once around the whole
 * timed pass (so a second clock adds no call to each query). With top1_path,
 * writes each query's top-1 id (or NONE) there, one a line. Returns 0, or -1
 * when a file cannot be read or written. */
static int run_queries(const char *queries_path, const char *top1_path, search_fn fn, void *ctx)
{
    char **qs;
    size_t n = read_lines(queries_path, &qs);
    if (n == (size_t)-1) {
        fprintf(stderr, "cannot read %s\n", queries_path);
        return -1;
    }
    FILE *out = top1_path ? fopen(top1_path, "w") : NULL;
    if (top1_path && !out) {
        fprintf(stderr, "cannot write %s\n", top1_path);
        return -1;
    }
    char top1[TOP1_CAP + 1];
    for (size_t i = 0; i < n && i < WARMUP; i++)
        fn(ctx, qs[i], strlen(qs[i]), top1);
    const char *clock_name = getenv("PEER_CLOCK");
    double (*clock_us)(void) = clock_name && !strcmp(clock_name, "cpu") ? cpu_now_us : now_us;
    double *lat = (double *)malloc((n + 1) * sizeof *lat);
    double total = 0;
    double wall0 = now_us(), cpu0 = cpu_now_us();
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(qs[i]);   /* outside the clock, like reading the line */
        top1[0] = '\0';
        double t0 = clock_us();
        fn(ctx, qs[i], len, top1);
        lat[i] = clock_us() - t0;
        total += lat[i];
        if (out)
            fprintf(out, "%s\n", top1[0] ? top1 : "NONE");
    }
    double wall = now_us() - wall0, cpu = cpu_now_us() - cpu0;
    /* qps from the summed query times: writing --top1 lines is not the engine's */
    qsort(lat, n, sizeof *lat, cmp_dbl);
    double median = n == 0 ? 0 : n % 2 ? lat[n / 2] : (lat[n / 2 - 1] + lat[n / 2]) / 2;
    size_t r99 = (n * 99 + 99) / 100;   /* nearest rank: ceil(0.99 n) */
    printf("queries=%zu qps=%.0f median_us=%.1f p99_us=%.1f peak_rss_kb=%ld wall_qps=%.0f cpu_qps=%.0f\n",
           n, total > 0 ? n / (total / 1e6) : 0.0, median, n ? lat[r99 - 1] : 0.0, peak_rss_kb(),
           wall > 0 ? n / (wall / 1e6) : 0.0, cpu > 0 ? n / (cpu / 1e6) : 0.0);
    free(lat);
    for (size_t i = 0; i < n; i++)
        free(qs[i]);
    free(qs);
    if (out && fclose(out) != 0) {
        fprintf(stderr, "cannot write %s\n", top1_path);
        return -1;
    }
    return 0;
}

/* Copies the first id into top1 (see search_fn). */
static void set_top1(char *top1, const char *id, size_t len)
{
    if (len > TOP1_CAP)
        len = TOP1_CAP;
    memcpy(top1, id, len);
    top1[len] = '\0';
}

#endif

/* timing.h: the measurements every driver prints the same way. */
#ifndef PEER_TIMING_H
#define PEER_TIMING_H

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Prints "queries=N qps=X median_us=Y p99_us=Z peak_rss_kb=W". */
static void report(double *lat, size_t n, double total_us)
{
    qsort(lat, n, sizeof *lat, cmp_dbl);
    printf("queries=%zu qps=%.0f median_us=%.1f p99_us=%.1f peak_rss_kb=%ld\n", n,
           total_us > 0 ? n / (total_us / 1e6) : 0, n ? lat[n / 2] : 0, n ? lat[n * 99 / 100] : 0,
           peak_rss_kb());
}

#endif

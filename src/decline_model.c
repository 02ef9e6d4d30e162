/* decline_model.c: the logistic decline model and its fit. */
#include "decline_model.h"

#include <math.h>
#include <string.h>

#define FIT_ITERATIONS 50
#define FIT_TOLERANCE 1e-9

const char *const decline_feature_name[DF_COUNT] = {
    "cover", "known_cover", "unknown_words", "unknown_other", "question_field", "margin",
    "question_fit", "bm25_norm", "faq_common", "domain_terms", "evidence", "topic_name",
    "translated", "xl_unknown", "xl_dict", "small_vocab", "union_gain", "unknown_general",
};

double decline_prob(const decline_model *m, const double x[DF_COUNT])
{
    double z = m->bias;
    for (int f = 0; f < DF_COUNT; f++)
        z += m->w[f] * x[f];
    return 1.0 / (1.0 + exp(-z));
}

double decline_confidence(const decline_model *m, const double x[DF_COUNT], double cover_floor)
{
    /* coverage on the confidence's scale: the floor meets the default
     * threshold, full coverage is 1, linearly between */
    double v = x[DF_COVER], t = DECLINE_THRESHOLD, c;
    if (v <= cover_floor || cover_floor >= 1)
        c = cover_floor > 0 ? v * t / cover_floor : 1;
    else
        c = t + (v - cover_floor) * (1 - t) / (1 - cover_floor);
    double p = m ? decline_prob(m, x) : 0;
    c = c > p ? c : p;
    return c > 1 ? 1 : c < 0 ? 0 : c;
}

/* Solves a x = b (n unknowns, a row-major) by Gaussian elimination with
 * partial pivoting, in place; -1 if singular. */
static int solve(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int p = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[p * n + c]))
                p = r;
        if (fabs(a[p * n + c]) < 1e-12)
            return -1;
        if (p != c) {
            for (int k = 0; k < n; k++) {
                double t = a[c * n + k];
                a[c * n + k] = a[p * n + k];
                a[p * n + k] = t;
            }
            double t = b[c];
            b[c] = b[p];
            b[p] = t;
        }
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / a[c * n + c];
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = n - 1; c >= 0; c--) {
        for (int k = c + 1; k < n; k++)
            b[c] -= a[c * n + k] * b[k];
        b[c] /= a[c * n + c];
    }
    return 0;
}

/* Newton's method (IRLS) over the parameters free[k] (k 0 the bias, k f+1
 * feature f), the others held at their value in beta; the penalty l2 on
 * the free weights, not the bias. */
static int newton(const double *x, const int *y, const double *wt, size_t n, double l2,
                  const int *free, double *beta)
{
    enum { P = DF_COUNT + 1 };
    int idx[P], k = 0;
    for (int a = 0; a < P; a++)
        if (free[a])
            idx[k++] = a;
    for (int it = 0; it < FIT_ITERATIONS && k; it++) {
        double H[P * P], g[P];
        memset(H, 0, sizeof H);
        memset(g, 0, sizeof g);
        for (size_t i = 0; i < n; i++) {
            double v[P];
            v[0] = 1;
            memcpy(v + 1, x + i * DF_COUNT, DF_COUNT * sizeof *v);
            double z = 0;
            for (int a = 0; a < P; a++)
                z += beta[a] * v[a];
            double p = 1.0 / (1.0 + exp(-z)), w = wt ? wt[i] : 1;
            double r = w * (y[i] - p), h = w * p * (1 - p);
            for (int a = 0; a < k; a++) {
                g[a] += r * v[idx[a]];
                for (int b = 0; b < k; b++)
                    H[a * k + b] += h * v[idx[a]] * v[idx[b]];
            }
        }
        /* the penalty keeps a feature that separates the rows perfectly at
         * a finite weight */
        for (int a = 0; a < k; a++) {
            if (idx[a] == 0) {
                H[a * k + a] += 1e-9;
                continue;
            }
            g[a] -= l2 * beta[idx[a]];
            H[a * k + a] += l2;
        }
        if (solve(H, g, k) != 0)
            return -1;
        double step = 0;
        for (int a = 0; a < k; a++) {
            beta[idx[a]] += g[a];
            step += fabs(g[a]);
        }
        if (step < FIT_TOLERANCE)
            break;
    }
    return 0;
}

int decline_fit(const double *x, const int *y, const double *wt, size_t n, double l2,
                const int *use, decline_model *m)
{
    double beta[DF_COUNT + 1] = {0};
    int free[DF_COUNT + 1];
    free[0] = 1;
    for (int f = 0; f < DF_COUNT; f++)
        free[f + 1] = !use || use[f];
    if (newton(x, y, wt, n, l2, free, beta) != 0)
        return -1;
    m->bias = beta[0];
    for (int f = 0; f < DF_COUNT; f++)
        m->w[f] = beta[f + 1];
    return 0;
}

int decline_fit_after(const double *x, const int *y, const double *wt, size_t n, double l2,
                      const int *after, decline_model *m)
{
    double beta[DF_COUNT + 1];
    int free[DF_COUNT + 1];
    beta[0] = m->bias;
    free[0] = 0;
    for (int f = 0; f < DF_COUNT; f++) {
        free[f + 1] = after[f];
        beta[f + 1] = after[f] ? 0 : m->w[f];
    }
    if (newton(x, y, wt, n, l2, free, beta) != 0)
        return -1;
    for (int f = 0; f < DF_COUNT; f++)
        m->w[f] = beta[f + 1];
    return 0;
}

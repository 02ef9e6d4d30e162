/* json_escape.c: JSON string literals and reals as jansson writes them (see
 * json_escape.h). */
#include "json_escape.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

static const char hex[] = "0123456789ABCDEF";

/* The inside of the literal, without its quotes. */
static size_t escape_body(char *out, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        /* eight bytes with nothing to escape are copied as they are */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, sizeof w);
            if (utf8_word_has_below(w, 0x20) || utf8_word_has(w, '"') || utf8_word_has(w, '\\'))
                break;
            memcpy(out + o, &w, sizeof w);
            o += 8;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            out[o++] = (char)c;
            continue;
        }
        out[o++] = '\\';
        switch (c) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '\b': out[o++] = 'b'; break;
        case '\f': out[o++] = 'f'; break;
        case '\n': out[o++] = 'n'; break;
        case '\r': out[o++] = 'r'; break;
        case '\t': out[o++] = 't'; break;
        default:
            memcpy(out + o, "u00", 3);
            out[o + 3] = hex[c >> 4];
            out[o + 4] = hex[c & 15];
            o += 5;
        }
    }
    return o;
}

size_t json_escape(char *out, const char *s, size_t n)
{
    out[0] = '"';
    size_t o = 1 + escape_body(out + 1, s, n);
    out[o++] = '"';
    return o;
}

size_t json_escape_lossy(char *out, const char *s, size_t n)
{
    if (utf8_valid(s, n))
        return json_escape(out, s, n);
    /* U+FFFD needs no escaping, and 3 bytes for 1 stays within
     * JSON_ESCAPED_MAX */
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq_at(s, n, i);
        if (k) {
            o += escape_body(out + o, s + i, k);
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o++] = '"';
    return o;
}

#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;

/* v's last n digits at at[0..n), two a division by 100 */
static void put_digits(char *at, uint32_t v, int n)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    while (n >= 2) {
        n -= 2;
        memcpy(at + n, pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (n)
        at[0] = (char)('0' + v % 10);
}

/* "%.<p>g" of x (p from 1 to 17) as json_real_text_prec() shows it (a
 * whole number with ".0"), for the reals an answer holds (scores,
 * confidences: "%.17g") and the access log's milliseconds ("%.4g"): a
 * binary exponent from -66 to -1, that is 6.1e-5 <= |x| < 9.0e15, in
 * integer arithmetic: the p digits of m x 10^k / 2^s rounded to nearest,
 * ties to even, as glibc's printf rounds them. printf's own way goes
 * through its multi-precision code, a few thousand instructions a number.
 * Returns the length, or 0 when x is out of that range or would be shown
 * with an exponent. */
static size_t real_g(char *out, double x, int p)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int biased = (int)((bits >> 52) & 0x7FF);
    if (!(bits << 1)) {
        /* a zero: "0", or "-0" */
        size_t o = 0;
        if (bits >> 63)
            out[o++] = '-';
        memcpy(out + o, "0.0", 4);
        return o + 3;
    }
    if (biased == 0 || biased == 0x7FF)
        return 0;   /* subnormal, infinite, not a number */
    uint64_t m = (bits & ((1ull << 52) - 1)) | (1ull << 52);
    int s = 1075 - biased;      /* |x| = m / 2^s */
    if (s < 1 || s > 66)
        return 0;
    static const uint64_t p10[20] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                     10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                     100000000000ull, 1000000000000ull, 10000000000000ull,
                                     100000000000000ull, 1000000000000000ull,
                                     10000000000000000ull, 100000000000000000ull,
                                     1000000000000000000ull, 10000000000000000000ull};
    /* the decimal exponent e: 10^e <= |x| < 10^(e + 1), then the digits
     * D = |x| x 10^(p - 1 - e) rounded, 10^(p - 1) <= D < 10^p */
    int e = 0;
    uint64_t ip = s < 64 ? m >> s : 0;
    while (e < 19 && ip >= p10[e + 1])
        e++;
    if (!ip) {
        /* |x| < 1: count the zeros after the point */
        e = -1;
        while (e > -6 && ((u128)m * p10[-e] >> s) == 0)
            e--;
    }
    uint64_t D = 0;
    for (int tries = 0; tries < 3; tries++) {
        int k = p - 1 - e;      /* 0 to 22 */
        if (k < 0 || k > 22)
            return 0;
        u128 scale = k > 19 ? (u128)p10[19] * p10[k - 19] : (u128)p10[k];
        u128 P = (u128)m * scale;   /* < 2^53 x 10^22 < 2^127 */
        u128 rem = P & (((u128)1 << s) - 1), half = (u128)1 << (s - 1);
        u128 d = P >> s;
        if (rem > half || (rem == half && (d & 1)))
            d++;
        if (d >= p10[p]) {
            e++;
            continue;
        }
        if (d < p10[p - 1]) {
            e--;
            continue;
        }
        D = (uint64_t)d;
        break;
    }
    if (!D || e < -4 || e >= p)
        return 0;   /* printf shows it with an exponent */
    /* two digits a division, in 32 bits: D < 10^17 is 9 digits, then 8 */
    char digits[17];
    if (p > 8) {
        put_digits(digits, (uint32_t)(D / 100000000u), p - 8);
        put_digits(digits + p - 8, (uint32_t)(D % 100000000u), 8);
    } else {
        put_digits(digits, (uint32_t)D, p);
    }
    int nd = p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;       /* %g drops the fraction's trailing zeros */
    size_t o = 0;
    if (bits >> 63)
        out[o++] = '-';
    if (e >= 0) {
        for (int i = 0; i <= e; i++)
            out[o++] = digits[i];
        out[o++] = '.';
        if (nd > e + 1) {
            for (int i = e + 1; i < nd; i++)
                out[o++] = digits[i];
        } else {
            out[o++] = '0';     /* whole: the point and a zero, as JSON's */
        }
    } else {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = -1; i > e; i--)
            out[o++] = '0';
        for (int i = 0; i < nd; i++)
            out[o++] = digits[i];
    }
    out[o] = '\0';
    return o;
}
#endif

size_t json_real_text(char *out, double x)
{
    return json_real_text_prec(out, x, 17);
}

size_t json_real_text_prec(char *out, double x, int precision)
{
#ifdef __SIZEOF_INT128__
    /* its text is whole: no exponent, a point; no scan of it for them */
    size_t ng = precision >= 1 && precision <= 17 ? real_g(out, x, precision) : 0;
    if (ng)
        return ng;
#endif
    int len = snprintf(out, JSON_REAL_MAX, "%.*g", precision, x);
    if (len < 0 || len >= JSON_REAL_MAX - 3)
        return 0;
    size_t n = (size_t)len;
    /* a decimal point, whatever the locale: the C locale is assumed, as
     * jansson converts the locale's point to '.' */
    if (!strchr(out, '.') && !strchr(out, 'e')) {
        memcpy(out + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(out, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, n + 1 - (size_t)(end - out));
            n -= (size_t)(end - start);
        }
    }
    return n;
}

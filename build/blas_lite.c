/* A small, plain-loop stand-in for numpy's bundled OpenBLAS (25 MB + libgfortran 2.8 MB).
 *
 * numpy links OpenBLAS for two things: matrix products (np.dot / np.matmul / inner / vdot on
 * float and complex arrays, through the 22 CBLAS routines below) and numpy.linalg (LAPACK). The
 * program calls neither on a hot path: numpy is here for pandas (tables, export) and for integer
 * hashing (core/checks/copies.py). So:
 *   - the CBLAS routines are implemented here, exactly (straight loops, no blocking, no threads):
 *     any product numpy sends to BLAS still comes out right, only slower on large matrices;
 *   - the LAPACK routines (numpy.linalg: solve, inv, eig, svd, lstsq, qr, cholesky, det) stop the
 *     program with a message: nothing in the program calls numpy.linalg.
 * Symbol names and the 64-bit integer interface (ILP64) follow scipy-openblas64 as numpy links it:
 * scipy_cblas_<name>64_ and scipy_<name>_64_. Built by build/blas_lite.py (see README「打包」).
 */
#include <complex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef int64_t blasint;
enum { RowMajor = 101, ColMajor = 102 };
enum { NoTrans = 111, Trans = 112, ConjTrans = 113 };
enum { Upper = 121, Lower = 122 };

/* element (i, j) of a matrix stored in `order` with leading dimension ld */
#define IDX(order, ld, i, j) ((order) == ColMajor ? (i) + (j) * (ld) : (i) * (ld) + (j))
#define AT(p, order, ld, i, j) ((p)[IDX(order, ld, i, j)])
/* first element of a vector of n with stride inc (BLAS: negative strides walk from the end) */
#define START(n, inc) ((inc) < 0 ? (1 - (n)) * (inc) : 0)

#define REAL_CONJ(x) (x)
#define CPLX_CONJ(x) conj(x)

/* op(A)(i, l) for trans = NoTrans / Trans / ConjTrans */
#define OPA(T, CONJ, p, order, ld, trans, i, l) \
    ((trans) == NoTrans ? AT(p, order, ld, i, l) \
     : (trans) == Trans ? AT(p, order, ld, l, i) : (T)CONJ(AT(p, order, ld, l, i)))

#define DEFINE_BLAS(PFX, T, CONJ)                                                                  \
static T PFX##_dot(blasint n, const T *x, blasint incx, const T *y, blasint incy, int conj_x) {   \
    T s = 0;                                                                                       \
    blasint ix = START(n, incx), iy = START(n, incy);                                              \
    for (blasint k = 0; k < n; k++, ix += incx, iy += incy)                                       \
        s += (conj_x ? (T)CONJ(x[ix]) : x[ix]) * y[iy];                                            \
    return s;                                                                                      \
}                                                                                                  \
static void PFX##_axpy(blasint n, T a, const T *x, blasint incx, T *y, blasint incy) {            \
    blasint ix = START(n, incx), iy = START(n, incy);                                              \
    for (blasint k = 0; k < n; k++, ix += incx, iy += incy) y[iy] += a * x[ix];                   \
}                                                                                                  \
static void PFX##_gemv(int order, int trans, blasint m, blasint n, T alpha, const T *a,           \
                       blasint lda, const T *x, blasint incx, T beta, T *y, blasint incy) {       \
    blasint rows = trans == NoTrans ? m : n, cols = trans == NoTrans ? n : m;                     \
    blasint iy = START(rows, incy);                                                                \
    for (blasint i = 0; i < rows; i++, iy += incy) {                                               \
        T s = 0;                                                                                   \
        blasint ix = START(cols, incx);                                                            \
        for (blasint j = 0; j < cols; j++, ix += incx)                                             \
            s += OPA(T, CONJ, a, order, lda, trans, i, j) * x[ix];                                 \
        y[iy] = alpha * s + (beta == 0 ? 0 : beta * y[iy]);  /* beta 0: y may be garbage */       \
    }                                                                                              \
}                                                                                                  \
static void PFX##_gemm(int order, int ta, int tb, blasint m, blasint n, blasint k, T alpha,       \
                       const T *a, blasint lda, const T *b, blasint ldb, T beta, T *c,            \
                       blasint ldc) {                                                              \
    for (blasint i = 0; i < m; i++)                                                                \
        for (blasint j = 0; j < n; j++) {                                                          \
            T s = 0;                                                                               \
            for (blasint l = 0; l < k; l++)                                                        \
                s += OPA(T, CONJ, a, order, lda, ta, i, l) * OPA(T, CONJ, b, order, ldb, tb, l, j);\
            T *cij = &c[IDX(order, ldc, i, j)];                                                       \
            *cij = alpha * s + (beta == 0 ? 0 : beta * *cij);                                      \
        }                                                                                          \
}                                                                                                  \
/* C = alpha op(A) op(A)^T + beta C on the `uplo` triangle (no conjugation: syrk, not herk) */    \
static void PFX##_syrk(int order, int uplo, int trans, blasint n, blasint k, T alpha,             \
                       const T *a, blasint lda, T beta, T *c, blasint ldc) {                      \
    for (blasint i = 0; i < n; i++)                                                                \
        for (blasint j = 0; j < n; j++) {                                                          \
            if (uplo == Upper ? i > j : i < j) continue;                                           \
            T s = 0;                                                                               \
            for (blasint l = 0; l < k; l++)                                                        \
                s += trans == NoTrans ? AT(a, order, lda, i, l) * AT(a, order, lda, j, l)         \
                                      : AT(a, order, lda, l, i) * AT(a, order, lda, l, j);        \
            T *cij = &c[IDX(order, ldc, i, j)];                                                       \
            *cij = alpha * s + (beta == 0 ? 0 : beta * *cij);                                      \
        }                                                                                          \
}                                                                                                  \
void scipy_##PFX##copy_64_(const blasint *n, const T *x, const blasint *incx, T *y,               \
                           const blasint *incy) {                                                  \
    blasint ix = START(*n, *incx), iy = START(*n, *incy);                                          \
    for (blasint k = 0; k < *n; k++, ix += *incx, iy += *incy) y[iy] = x[ix];                     \
}

DEFINE_BLAS(s, float, REAL_CONJ)
DEFINE_BLAS(d, double, REAL_CONJ)
DEFINE_BLAS(c, float complex, CPLX_CONJ)
DEFINE_BLAS(z, double complex, CPLX_CONJ)

/* real types: scalars by value */
#define EXPORT_REAL(PFX, T)                                                                        \
T scipy_cblas_##PFX##dot64_(blasint n, const T *x, blasint incx, const T *y, blasint incy) {      \
    return PFX##_dot(n, x, incx, y, incy, 0);                                                      \
}                                                                                                  \
void scipy_cblas_##PFX##axpy64_(blasint n, T a, const T *x, blasint incx, T *y, blasint incy) {   \
    PFX##_axpy(n, a, x, incx, y, incy);                                                            \
}                                                                                                  \
void scipy_cblas_##PFX##gemv64_(int order, int trans, blasint m, blasint n, T alpha, const T *a,  \
                                blasint lda, const T *x, blasint incx, T beta, T *y,              \
                                blasint incy) {                                                    \
    PFX##_gemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);                        \
}                                                                                                  \
void scipy_cblas_##PFX##gemm64_(int order, int ta, int tb, blasint m, blasint n, blasint k,       \
                                T alpha, const T *a, blasint lda, const T *b, blasint ldb,        \
                                T beta, T *c, blasint ldc) {                                       \
    PFX##_gemm(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);                      \
}                                                                                                  \
void scipy_cblas_##PFX##syrk64_(int order, int uplo, int trans, blasint n, blasint k, T alpha,    \
                                const T *a, blasint lda, T beta, T *c, blasint ldc) {             \
    PFX##_syrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc);                            \
}

/* complex types: scalars through pointers, dot products written to an out-parameter */
#define EXPORT_CPLX(PFX, T)                                                                        \
void scipy_cblas_##PFX##dotu_sub64_(blasint n, const void *x, blasint incx, const void *y,        \
                                    blasint incy, void *out) {                                     \
    *(T *)out = PFX##_dot(n, x, incx, y, incy, 0);                                                 \
}                                                                                                  \
void scipy_cblas_##PFX##dotc_sub64_(blasint n, const void *x, blasint incx, const void *y,        \
                                    blasint incy, void *out) {                                     \
    *(T *)out = PFX##_dot(n, x, incx, y, incy, 1);                                                 \
}                                                                                                  \
void scipy_cblas_##PFX##axpy64_(blasint n, const void *a, const void *x, blasint incx, void *y,   \
                                blasint incy) {                                                    \
    PFX##_axpy(n, *(const T *)a, x, incx, y, incy);                                                \
}                                                                                                  \
void scipy_cblas_##PFX##gemv64_(int order, int trans, blasint m, blasint n, const void *alpha,    \
                                const void *a, blasint lda, const void *x, blasint incx,          \
                                const void *beta, void *y, blasint incy) {                         \
    PFX##_gemv(order, trans, m, n, *(const T *)alpha, a, lda, x, incx, *(const T *)beta, y, incy);\
}                                                                                                  \
void scipy_cblas_##PFX##gemm64_(int order, int ta, int tb, blasint m, blasint n, blasint k,       \
                                const void *alpha, const void *a, blasint lda, const void *b,     \
                                blasint ldb, const void *beta, void *c, blasint ldc) {            \
    PFX##_gemm(order, ta, tb, m, n, k, *(const T *)alpha, a, lda, b, ldb, *(const T *)beta, c,    \
               ldc);                                                                               \
}                                                                                                  \
void scipy_cblas_##PFX##syrk64_(int order, int uplo, int trans, blasint n, blasint k,             \
                                const void *alpha, const void *a, blasint lda, const void *beta,  \
                                void *c, blasint ldc) {                                            \
    PFX##_syrk(order, uplo, trans, n, k, *(const T *)alpha, a, lda, *(const T *)beta, c, ldc);    \
}

EXPORT_REAL(s, float)
EXPORT_REAL(d, double)
EXPORT_CPLX(c, float complex)
EXPORT_CPLX(z, double complex)

/* LAPACK (numpy.linalg): not part of this build. */
static void no_lapack(const char *name) {
    fprintf(stderr, "numpy.linalg (%s) is not included in this build of the program\n", name);
    abort();
}
#define NO_LAPACK(name) void scipy_##name##_64_(void) { no_lapack(#name); }
NO_LAPACK(cgelsd) NO_LAPACK(cgesdd) NO_LAPACK(cgesv) NO_LAPACK(cgetrf) NO_LAPACK(cheevd)
NO_LAPACK(cpotrf) NO_LAPACK(dgeev) NO_LAPACK(dgelsd) NO_LAPACK(dgeqrf) NO_LAPACK(dgesdd)
NO_LAPACK(dgesv) NO_LAPACK(dgetrf) NO_LAPACK(dorgqr) NO_LAPACK(dpotrf) NO_LAPACK(dsyevd)
NO_LAPACK(sgeev) NO_LAPACK(sgelsd) NO_LAPACK(sgesdd) NO_LAPACK(sgesv) NO_LAPACK(sgetrf)
NO_LAPACK(spotrf) NO_LAPACK(ssyevd) NO_LAPACK(zgeev) NO_LAPACK(zgelsd) NO_LAPACK(zgeqrf)
NO_LAPACK(zgesdd) NO_LAPACK(zgesv) NO_LAPACK(zgetrf) NO_LAPACK(zheevd) NO_LAPACK(zpotrf)
NO_LAPACK(zungqr)

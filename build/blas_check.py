"""Matrix products numpy sends to BLAS; prints them as a Python literal (used by build.sh to
compare the bundled numpy, on build/blas_lite.c, with the source tree's numpy on OpenBLAS)."""
import numpy as np

rng = np.random.default_rng(0)
results = []
for dtype in (np.float32, np.float64, np.complex64, np.complex128):
    def rand(*shape, dtype=dtype):
        a = rng.standard_normal(shape)
        if np.issubdtype(dtype, np.complexfloating):
            a = a + 1j * rng.standard_normal(shape)
        return a.astype(dtype)

    A, B, v, w = rand(7, 5), rand(5, 6), rand(5), rand(7)
    nan_out = np.full((7, 6), np.nan, dtype)
    np.matmul(A, B, out=nan_out)  # BLAS beta = 0: the NaNs must not leak into the product
    cases = {
        "A@B": A @ B, "A.T@A": A.T @ A, "A@A.T": A @ A.T, "conj": A.conj().T @ A,
        "fortran": np.asfortranarray(A) @ np.asfortranarray(B), "mixed": np.asfortranarray(A) @ B,
        "A@v": A @ v, "w@A": w @ A, "A.T@w": A.T @ w, "dot": np.dot(v, v), "vdot": np.vdot(v, v * 2),
        "strided": A[::2, ::2] @ B[::2, ::3], "batched": rand(3, 4, 5) @ rand(3, 5, 2),
        "large": rand(60, 40) @ rand(40, 70), "nan_out": nan_out,
    }
    results += [(f"{name} {np.dtype(dtype).name}", np.asarray(value).ravel().tolist())
                for name, value in cases.items()]
print(repr(results))

/* The complex-number functions of ucrtbase.dll, which Wine 8 leaves as stubs that abort when called
 * (numpy calls crealf as it imports). Built into a stand-in ucrtbase.dll that forwards every other
 * function to Wine's own (copied as ucrtwine.dll): only in the Wine prefix of the build and test,
 * never in the bundle; a real Windows has them all.
 *
 * The Microsoft types are structs (_Dcomplex, _Fcomplex; long double is double), passed and returned as
 * the Windows x64 convention passes structs, so the functions take and return those structs; the
 * arithmetic is mingw's C99 complex library. Exported names are mapped in the generated .def file
 * (csqrt = xz_csqrt), as libmingwex defines csqrt itself. */
#include <complex.h>
#include <math.h>

typedef struct { double v[2]; } Dc;
typedef struct { float v[2]; } Fc;

static double _Complex mk(double re, double im) { double _Complex z; __real__ z = re; __imag__ z = im; return z; }
static double _Complex in_d(Dc z) { return mk(z.v[0], z.v[1]); }
static double _Complex in_f(Fc z) { return mk(z.v[0], z.v[1]); }
static Dc out_d(double _Complex z) { Dc r = {{creal(z), cimag(z)}}; return r; }
static Fc out_f(double _Complex z) { Fc r = {{(float)creal(z), (float)cimag(z)}}; return r; }
static double _Complex my_clog10(double _Complex z) { return clog(z) / log(10.0); }
static double my_norm(double _Complex z) { return creal(z) * creal(z) + cimag(z) * cimag(z); }

#define TO_COMPLEX(name, impl) \
    __declspec(dllexport) Dc xz_##name(Dc z) { return out_d(impl(in_d(z))); } \
    __declspec(dllexport) Fc xz_##name##f(Fc z) { return out_f(impl(in_f(z))); } \
    __declspec(dllexport) Dc xz_##name##l(Dc z) { return out_d(impl(in_d(z))); }
#define TO_REAL(name, impl) \
    __declspec(dllexport) double xz_##name(Dc z) { return impl(in_d(z)); } \
    __declspec(dllexport) float xz_##name##f(Fc z) { return (float)impl(in_f(z)); } \
    __declspec(dllexport) double xz_##name##l(Dc z) { return impl(in_d(z)); }

TO_COMPLEX(cacos, cacos) TO_COMPLEX(cacosh, cacosh) TO_COMPLEX(casin, casin) TO_COMPLEX(casinh, casinh)
TO_COMPLEX(catan, catan) TO_COMPLEX(catanh, catanh) TO_COMPLEX(ccos, ccos) TO_COMPLEX(ccosh, ccosh)
TO_COMPLEX(cexp, cexp) TO_COMPLEX(clog, clog) TO_COMPLEX(clog10, my_clog10) TO_COMPLEX(conj, conj)
TO_COMPLEX(cproj, cproj) TO_COMPLEX(csin, csin) TO_COMPLEX(csinh, csinh) TO_COMPLEX(csqrt, csqrt)
TO_COMPLEX(ctan, ctan) TO_COMPLEX(ctanh, ctanh)
TO_REAL(cabs, cabs) TO_REAL(carg, carg) TO_REAL(cimag, cimag) TO_REAL(creal, creal) TO_REAL(norm, my_norm)

__declspec(dllexport) Dc xz_cpow(Dc a, Dc b) { return out_d(cpow(in_d(a), in_d(b))); }
__declspec(dllexport) Fc xz_cpowf(Fc a, Fc b) { return out_f(cpow(in_f(a), in_f(b))); }
__declspec(dllexport) Dc xz_cpowl(Dc a, Dc b) { return out_d(cpow(in_d(a), in_d(b))); }
__declspec(dllexport) Dc xz__Cbuild(double re, double im) { Dc r = {{re, im}}; return r; }
__declspec(dllexport) Fc xz__FCbuild(float re, float im) { Fc r = {{re, im}}; return r; }
__declspec(dllexport) Dc xz__LCbuild(double re, double im) { Dc r = {{re, im}}; return r; }
__declspec(dllexport) Dc xz__Cmulcc(Dc a, Dc b) { return out_d(in_d(a) * in_d(b)); }
__declspec(dllexport) Fc xz__FCmulcc(Fc a, Fc b) { return out_f(in_f(a) * in_f(b)); }
__declspec(dllexport) Dc xz__LCmulcc(Dc a, Dc b) { return out_d(in_d(a) * in_d(b)); }
__declspec(dllexport) Dc xz__Cmulcr(Dc a, double b) { return out_d(in_d(a) * b); }
__declspec(dllexport) Fc xz__FCmulcr(Fc a, float b) { return out_f(in_f(a) * b); }
__declspec(dllexport) Dc xz__LCmulcr(Dc a, double b) { return out_d(in_d(a) * b); }

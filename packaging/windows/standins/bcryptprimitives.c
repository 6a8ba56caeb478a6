/* bcryptprimitives.dll's ProcessPrng, which Wine 8 lacks (Rust's standard library, and so
 * cryptography and python-calamine, import it). Answered with the system's RtlGenRandom.
 * Only in the Wine prefix of the build and test, never in the bundle: Windows 10+ has it. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

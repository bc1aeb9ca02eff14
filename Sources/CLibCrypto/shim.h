// OpenSSL's libcrypto, for SHA-256 of input files: its SHA-NI/AVX2 code hashes about 2 GB/s
// here, six times the portable Swift SHA256 in ScorecardCore. Only the EVP digest API is used.
#include <openssl/evp.h>

// OpenSSL's libcrypto: SHA-256 of input files (its SHA-NI/AVX2 code hashes about 2 GB/s here,
// six times the portable Swift SHA256 in ScorecardCore) and Ed25519 signatures of sign-offs.
// Used: the EVP digest API, raw Ed25519 keys (EVP_PKEY_new_raw_private_key/public_key,
// EVP_PKEY_get_raw_public_key), one-shot EVP_DigestSign/EVP_DigestVerify with a NULL digest (as
// Ed25519 requires), and RAND_bytes for new keys.
#include <openssl/evp.h>
#include <openssl/rand.h>

/// EVP_PKEY_ED25519 is a macro of a macro; one constant Swift can see for certain.
static const int scorecard_evp_pkey_ed25519 = EVP_PKEY_ED25519;

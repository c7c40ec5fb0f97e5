// File: provider/plugin/openssl_ptr.h
//
// Owning pointers for the OpenSSL objects the plugin layer makes: each frees
// its object with OpenSSL's own free function, on every path.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_OPENSSL_PTR_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_OPENSSL_PTR_H_

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace plugin {

template <auto kFree>
struct OpenSslDeleter {
  template <typename T>
  void operator()(T* p) const {
    kFree(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
using BnPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_OPENSSL_PTR_H_

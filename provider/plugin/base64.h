// File: provider/plugin/base64.h
//
// go-plugin sends the server certificate as base64 without padding
// (Go's base64.RawStdEncoding): standard alphabet, no trailing '='.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_BASE64_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_BASE64_H_

#include <string>
#include <string_view>

namespace plugin {

// RFC 4648 section 4 encoding of `bytes`, with the '=' padding left off.
std::string UnpaddedBase64(std::string_view bytes);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_BASE64_H_
